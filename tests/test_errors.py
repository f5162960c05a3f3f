"""Junk in → our documented errors only, each naming the field, the value and what is allowed."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import ValidationError

from wohngeld import Haushalt, InputError, NoParameters, WohngeldError, calculate, wohngeld_aus_m_y

OK: dict[str, Any] = {
    "mietenstufe": 3,
    "miete_monat": "420.00",
    "anzahl_mitglieder": 1,
    "gesamteinkommen_monat": "1162.35",
}
ON = date(2023, 7, 1)


def _haushalt(**changes: Any) -> Haushalt:
    return Haushalt.model_validate({**OK, **changes})


@pytest.mark.parametrize(
    ("changes", "field", "fragment"),
    [
        ({"miete_monat": 780.5}, "miete_monat", 'float 780.5 angegeben; Decimal("780.5")'),
        (
            {"miete_monat": "-1"},
            "miete_monat",
            "Der Wert muss mindestens 0 sein (angegeben: '-1'; zulässig: mindestens 0)",
        ),
        ({"miete_monat": "abc"}, "miete_monat", "'abc' ist keine Zahl"),
        ({"miete_monat": "NaN"}, "miete_monat", "kein endlicher Betrag"),
        ({"gesamteinkommen_monat": True}, "gesamteinkommen_monat", "bool True angegeben"),
        (
            {"anzahl_mitglieder": 0},
            "anzahl_mitglieder",
            "Der Wert muss mindestens 1 sein (angegeben: 0; zulässig: mindestens 1)",
        ),
        ({"mietenstufe": 8}, "mietenstufe",
         "Der Wert darf höchstens 7 sein (angegeben: 8; zulässig: höchstens 7)"),
        ({"mietenstufe": True}, "mietenstufe", "Eine ganze Zahl wird erwartet"),
        ({"mietenstufe": None}, "", "genau eines angeben: mietenstufe"),
        ({"gemeinde": "Dresden"}, "", "genau eines angeben: mietenstufe"),
        ({"gesamteinkommen_monat": None}, "", "braucht gesamteinkommen_monat"),
        ({"belastung_monat": "1"}, "", "die Wohnkosten einmal angeben"),
        ({"zimmer": 3}, "zimmer", "Dieses Feld kennt die Berechnung nicht"),
    ],
)
def test_bad_model_input(changes: dict[str, Any], field: str, fragment: str) -> None:
    with pytest.raises(ValidationError) as info:
        _haushalt(**changes)
    text = str(info.value)
    assert field in text
    assert fragment in text
    assert text.startswith("Ungültige Eingabe für Haushalt: ")
    assert isinstance(info.value, ValueError) and isinstance(info.value, InputError)


def test_mietenstufe_vii_before_2020() -> None:
    with pytest.raises(InputError, match=r"mietenstufe: 7 angegeben; .* I–VI \(1–6, § 12 Abs. 1 WoGG"):
        calculate(_haushalt(mietenstufe=7), on=date(2019, 12, 31))
    r = calculate(_haushalt(mietenstufe=7, miete_monat="700"), on=date(2020, 1, 1))
    steps = {s.key: s.wert for s in r.schritte}
    assert steps["hoechstbetrag"] == 633  # Anlage 1 WoGG 2020, 1 member, Mietenstufe VII


def test_dates() -> None:
    with pytest.raises(NoParameters, match=r"31.12.2015.*01.01.2016"):
        calculate(_haushalt(), on=date(2015, 12, 31))
    with pytest.raises(NoParameters, match=r"01.01.2030.*abgelehnt"):
        calculate(_haushalt(), on=date(2030, 1, 1))
    with pytest.raises(InputError, match="datetime"):
        calculate(_haushalt(), on=datetime(2023, 7, 1))
    with pytest.raises(InputError, match=r"einen wohngeld\.Haushalt übergeben"):
        calculate(OK, on=ON)  # type: ignore[arg-type]


def test_formula_entry_point() -> None:
    with pytest.raises(InputError, match="mitglieder: 0 angegeben"):
        wohngeld_aus_m_y(mitglieder=0, M="500", Y="1000", on=ON)
    with pytest.raises(InputError, match="M: float"):
        wohngeld_aus_m_y(mitglieder=1, M=500.0, Y="1000", on=ON)  # type: ignore[arg-type]
    with pytest.raises(InputError, match="Y: -1 angegeben"):
        wohngeld_aus_m_y(mitglieder=1, M="500", Y="-1", on=ON)


junk = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=True),
    st.text(max_size=12),
    st.decimals(allow_nan=True, allow_infinity=True),
    st.dates(),
    st.lists(st.integers(), max_size=3),
    st.dictionaries(st.text(max_size=5), st.integers(), max_size=2),
)
keys = st.sampled_from(
    [
        "mietenstufe",
        "miete_monat",
        "belastung_monat",
        "anzahl_mitglieder",
        "gesamteinkommen_monat",
        "gemeinde",
        "wohnkosten",
        "mitglieder",
        "x",
    ]
)


@given(
    st.dictionaries(keys, junk, max_size=5), st.dates(min_value=date(1990, 1, 1), max_value=date(2040, 1, 1))
)
def test_junk_gives_only_documented_errors(data: dict[str, Any], on: date) -> None:
    try:
        h = Haushalt.model_validate({**OK, **data})
        r = calculate(h, on=on)
    except (ValidationError, WohngeldError) as exc:
        assert isinstance(exc, (ValueError, WohngeldError))
        return
    assert r.betrag_monat >= 0


@given(st.integers(-5, 120), junk, junk)
def test_formula_junk(n: int, m: Any, y: Any) -> None:
    try:
        f = wohngeld_aus_m_y(mitglieder=n, M=m, Y=y, on=ON)
    except InputError:
        return
    assert f.betrag >= 0
    assert isinstance(f.betrag, Decimal)
