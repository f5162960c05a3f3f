"""Inputs that must not slip through: booleans, dates, digits, far-away Zuflüsse, sizes, Stichtag.

Each refusal is a ``ValueError`` (pydantic's ``ValidationError`` or a ``WohngeldError``) that
names the field and the value.
"""

from __future__ import annotations

import inspect
import re
from datetime import date, datetime, timedelta
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import ValidationError

import wohngeld.errors
from wohngeld import Haushalt, calculate
from wohngeld.errors import InputError, WohngeldError
from wohngeld.money import to_decimal

D25 = date(2025, 7, 1)


def _haushalt(mitglied: dict[str, Any] | None = None, **kw: Any) -> Haushalt:
    return Haushalt.model_validate(
        {"mietenstufe": 3, "miete_monat": "500", "mitglieder": [mitglied or {}], **kw}
    )


@pytest.mark.parametrize("wert", [1, 0, "yes", "true", "ja", "1", Decimal(1)])
@pytest.mark.parametrize("feld", ["kind", "alleinerziehend", "ns_verfolgt"])
def test_booleans_accept_only_true_or_false(feld: str, wert: object) -> None:
    with pytest.raises(ValidationError, match="nur true oder false") as e:
        _haushalt({feld: wert})
    assert feld in str(e.value)
    assert getattr(_haushalt({feld: True}).mitglieder[0], feld) is True  # type: ignore[index]


def test_booleans_in_nested_models_too() -> None:
    with pytest.raises(ValidationError, match="nur true oder false"):
        _haushalt({"pauschalabzug": {"steuern": "ja"}})
    with pytest.raises(ValidationError, match="nur true oder false"):
        _haushalt({"zugehoerigkeit": {"sterbefall_ausnahme": 1}})


@pytest.mark.parametrize(
    "wert", [0, 1_700_000_000, "0", "20230701", "2023-7-1", "01.07.2023", datetime(2023, 7, 1), "2023-02-30"]
)
def test_dates_accept_only_iso_dates(wert: object) -> None:
    with pytest.raises(ValidationError, match="JJJJ-MM-TT"):
        _haushalt({"geburtsdatum": wert})
    with pytest.raises(ValidationError, match="JJJJ-MM-TT"):
        _haushalt(bewilligungszeitraum_ab=wert)
    with pytest.raises(ValidationError, match="JJJJ-MM-TT"):
        _haushalt({"zugehoerigkeit": {"verstorben_am": wert}})


def test_iso_date_text_and_date_objects_are_accepted() -> None:
    m = _haushalt({"geburtsdatum": "1950-03-01"}).mitglieder[0]  # type: ignore[index]
    assert m.geburtsdatum == date(1950, 3, 1)
    assert _haushalt(bewilligungszeitraum_ab=date(2025, 7, 1)).bewilligungszeitraum_ab == date(2025, 7, 1)


def test_birth_dates_in_the_future_are_refused() -> None:
    morgen = date.today() + timedelta(days=1)
    with pytest.raises(ValidationError, match="in der Zukunft"):
        _haushalt({"geburtsdatum": morgen.isoformat()})
    with pytest.raises(ValidationError, match="in der Zukunft"):
        _haushalt({"zugehoerigkeit": {"geburtsdatum": morgen}})
    assert _haushalt({"geburtsdatum": date.today()}).mitglieder is not None


@pytest.mark.parametrize(
    "text", ["٤٢٠", "４２０", "1_000", "420€", "1,000", "0x10", "½", "NaN", "-Infinity", "1e400"]
)
def test_money_accepts_only_ascii_digits(text: str) -> None:
    with pytest.raises(ValueError, match=r"keine Zahl|kein endlicher|kein plausibler"):
        to_decimal(text)
    with pytest.raises(ValidationError, match="miete_monat"):
        Haushalt.model_validate(
            {"mietenstufe": 3, "miete_monat": text, "anzahl_mitglieder": 1, "gesamteinkommen_monat": "900"}
        )


@given(st.decimals(allow_nan=False, allow_infinity=False, min_value=-(10**9), max_value=10**9))
def test_money_text_reads_back_exactly(x: Decimal) -> None:
    assert to_decimal(str(x)) == x and to_decimal(f"{x:f}") == x


def test_echoed_amounts_are_normalised() -> None:
    """``1e2`` is entered as 100 €, ``-0`` as 0 €: the Result shows them as such."""
    h = Haushalt.model_validate(
        {"mietenstufe": 3, "miete_monat": "1e2", "anzahl_mitglieder": 1, "gesamteinkommen_monat": "-0"}
    )
    assert str(h.wohnkosten.miete_monat) == "100"  # type: ignore[union-attr]
    assert str(h.gesamteinkommen_monat) == "0"
    r = calculate(h, on=D25)
    d = r.to_dict()
    # M: 100 € + Heizkostenkomponente 110,40 € (§ 12 Abs. 6 WoGG, one member, Fassung ab 01.01.2023)
    assert d["Y_berechnet"] == "0.00" and d["M_berechnet"] == "210.40"
    assert not re.search(r"[0-9][eE][+-]?[0-9]|-0\b", r.to_json())


def _einmalig(zufluss: str) -> dict[str, Any]:
    return {"einnahmen": [
        {"art": "Erwerbseinkommen", "brutto_monat": "1500"},
        {"art": "Erwerbseinkommen", "zeitraum": "einmalig", "betrag": "2400", "zufluss": zufluss},
    ]}


@pytest.mark.parametrize("zufluss", ["1900-01-01", "9999-12-31", "2021-06-30", "2028-07-01"])
def test_one_off_income_far_outside_the_period_is_refused(zufluss: str) -> None:
    with pytest.raises(InputError, match=r"einnahmen\[1\]\.zufluss = .* weit außerhalb") as e:
        calculate(_haushalt(_einmalig(zufluss)), on=D25)
    assert "weglassen" in str(e.value)


def test_one_off_income_before_the_look_back_is_accepted_and_not_counted() -> None:
    """Zufluss 15.05.2024: more than twelve months before the start on 01.07.2025, so § 15 Abs. 2
    Satz 3 WoGG does not count it — the same Y as without it; within the bound, so not refused."""
    ohne = calculate(_haushalt({"einnahmen": [{"art": "Erwerbseinkommen", "brutto_monat": "1500"}]}), on=D25)
    mit = calculate(_haushalt(_einmalig("2024-05-15")), on=D25)
    assert mit.Y_berechnet == ohne.Y_berechnet and mit.betrag_monat == ohne.betrag_monat


def test_mitglieder_list_has_the_bound_of_anzahl_mitglieder() -> None:
    with pytest.raises(ValidationError, match="anzahl_mitglieder"):
        Haushalt.model_validate(
            {"mietenstufe": 3, "miete_monat": "500", "anzahl_mitglieder": 100, "gesamteinkommen_monat": "900"}
        )
    with pytest.raises(ValidationError, match="mitglieder: Höchstens 99 Einträge sind erlaubt"):
        Haushalt.model_validate({"mietenstufe": 3, "miete_monat": "500", "mitglieder": [{}] * 100})
    assert len(Haushalt.model_validate({"mietenstufe": 3, "miete_monat": "500", "mitglieder": [{}] * 99})
               .mitglieder or ()) == 99


def test_calculate_without_stichtag_says_to_give_it() -> None:
    h = _haushalt()
    with pytest.raises(InputError, match=r"Stichtag fehlt.*on=date\(2025, 7, 1\)"):
        calculate(h)
    with pytest.raises(InputError, match="Stichtag fehlt: on = str 2025-07-01"):
        calculate(h, on="2025-07-01")  # type: ignore[arg-type]


def test_every_error_class_is_a_value_error() -> None:
    """The README promises: bad input raises a WohngeldError or ValidationError, both ValueErrors."""
    klassen = [k for _, k in inspect.getmembers(wohngeld.errors, inspect.isclass)
               if issubclass(k, WohngeldError) and k is not WohngeldError]
    assert {k.__name__ for k in klassen} >= {"DataFileError", "InputError", "NoParameters", "DateiFehler"}
    for k in klassen:
        assert issubclass(k, ValueError), k
