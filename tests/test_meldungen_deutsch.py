"""What a caseworker reads is German: a sample of error messages across the modules has no English
wording and no Python reprs of dates (the brief's standard for errors, notices and the Rechenweg)."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
from pydantic import ValidationError

from wohngeld import Haushalt, WohngeldError, calculate, mietenstufe, wohngeld_aus_m_y
from wohngeld.analysis.szenario import parse_szenario
from wohngeld.analysis.vergleich import vergleich
from wohngeld.catalogs.unterlagen import unterlagen
from wohngeld.formats.faelle import lade_fall, parse_fall
from wohngeld.input.einnahmen import Einnahme
from wohngeld.law.members import mitglieder
from wohngeld.law.tabelle import default_store, named_store
from wohngeld.money import to_decimal
from wohngeld.procedure.aenderung import aenderung, bewilligungszeitraum
from wohngeld.procedure.vorrang import vorrang

ON = date(2025, 7, 1)
OK: dict[str, Any] = {
    "mietenstufe": 3,
    "miete_monat": "500",
    "anzahl_mitglieder": 1,
    "gesamteinkommen_monat": "900",
}

# Words of English sentences; each with its spaces, so that German text and field names
# (brutto_monat, anzahl_mitglieder, "oder", "ist") do not match.
ENGLISCH = re.compile(
    r" (the|must|given|not|only|needs|need|missing|allowed|cannot|is|are|has|of|and|or|before|after|"
    r"without|with|pass|give|leave|no|this|which|lies|applies|belongs) ",
    re.IGNORECASE,
)
REPR = re.compile(r"datetime\.date\(|Decimal\('|\d{4}-\d{2}-\d{2}")
# Messages that repeat the value as given (here a datetime): the ISO text is the input itself.
ECHO = {"stichtag_datetime"}


def _h(**changes: Any) -> Haushalt:
    return Haushalt.model_validate({**OK, **changes})


def _miete(wohnkosten: dict[str, Any]) -> None:
    calculate(
        Haushalt.model_validate(
            {
                "mietenstufe": 3,
                "anzahl_mitglieder": 1,
                "gesamteinkommen_monat": "900",
                "wohnkosten": wohnkosten,
            }
        ),
        on=ON,
    )


def _y(einnahme: dict[str, Any], on: date = ON, **haushalt: Any) -> None:
    h = Haushalt.model_validate(
        {"mietenstufe": 3, "miete_monat": "500", "mitglieder": [{"einnahmen": [einnahme]}], **haushalt}
    )
    calculate(h, on=on)


def _kind_mit_lohn() -> None:
    h = Haushalt.model_validate(
        {
            "mietenstufe": 3,
            "miete_monat": "500",
            "mitglieder": [
                {},
                {"kind": True, "einnahmen": [{"art": "Erwerbseinkommen", "brutto_monat": "900"}]},
            ],
        }
    )
    calculate(h, on=ON)


def _leistung_ohne_ausschluss() -> None:
    h = Haushalt.model_validate(
        {
            "mietenstufe": 3,
            "miete_monat": "500",
            "gesamteinkommen_monat": "1000",
            "mitglieder": [{}, {"zugehoerigkeit": {"leistung_ab": "2025-08-01"}}],
        }
    )
    mitglieder(h, None, on=date(2025, 8, 1))


def _fall_datei(tmp: Path) -> None:
    p = tmp / "fall.json"
    p.write_text("[1]", encoding="utf-8")
    lade_fall(p)


FAELLE: dict[str, Callable[[Path], object]] = {
    # model.py
    "miete_und_belastung": lambda _: _h(belastung_monat="400"),
    "miete_zweimal": lambda _: _miete({"art": "Miete", "miete_monat": "500", "grundmiete_monat": "400"}),
    "ausgeschlossen_zu_viele": lambda _: _h(anzahl_ausgeschlossen=3),
    "ausgeschlossen_mit_liste": lambda _: Haushalt.model_validate(
        {"mietenstufe": 3, "miete_monat": "500", "mitglieder": [{}], "anzahl_ausgeschlossen": 0}
    ),
    "ort_ohne_plz": lambda _: _h(ort="Dresden"),
    "stufe_und_plz": lambda _: _h(plz="01067"),
    "ueberlassen_ohne_flaeche": lambda _: _miete(
        {"art": "Belastung", "belastung_monat": "500", "ueberlassen_m2": "10"}
    ),
    "heim_mit_miete": lambda _: _miete({"art": "Heim", "miete_monat": "2500"}),
    "warmmiete_ohne_heizung": lambda _: _miete({"art": "Miete", "warmmiete_monat": "700"}),
    "geburtsdatum_zukunft": lambda _: Haushalt.model_validate(
        {"mietenstufe": 3, "miete_monat": "500", "mitglieder": [{"geburtsdatum": "2999-01-01"}]}
    ),
    "wahrheitswert": lambda _: Haushalt.model_validate(
        {"mietenstufe": 3, "miete_monat": "500", "mitglieder": [{"kind": "ja"}]}
    ),
    # einnahmen.py
    "einnahme_ohne_betrag": lambda _: Einnahme.model_validate({"art": "Erwerbseinkommen"}),
    "einnahme_negativ": lambda _: Einnahme.model_validate({"art": "Erwerbseinkommen", "brutto_monat": "-1"}),
    "einnahme_mehrlinge": lambda _: Einnahme.model_validate(
        {"art": "Krankengeld", "brutto_monat": "1", "mehrlinge": 2}
    ),
    "einnahme_einmalig": lambda _: Einnahme.model_validate(
        {"art": "Erwerbseinkommen", "zeitraum": "einmalig", "betrag": "1"}
    ),
    "einnahme_bis_vor_ab": lambda _: Einnahme.model_validate(
        {"art": "Erwerbseinkommen", "brutto_monat": "1", "ab": "2025-09-01", "bis": "2025-08-01"}
    ),
    "einnahme_einmalig_mit_ab": lambda _: Einnahme.model_validate(
        {
            "art": "Erwerbseinkommen",
            "zeitraum": "einmalig",
            "betrag": "1",
            "zufluss": "2025-07-01",
            "ab": "2025-07-01",
        }
    ),
    # income.py, members.py
    "einnahme_ab_nach_zeitraum": lambda _: _y(
        {"art": "Erwerbseinkommen", "brutto_monat": "1", "ab": "2026-07-01"}
    ),
    "einnahme_bis_vor_zeitraum": lambda _: _y(
        {"art": "Erwerbseinkommen", "brutto_monat": "1", "bis": "2025-06-30"}
    ),
    "kind_ohne_alter": lambda _: _kind_mit_lohn(),
    "leistung_ohne_ausschluss": lambda _: _leistung_ohne_ausschluss(),
    # rent.py, lasten.py
    "betreuung_ohne_betrag": lambda _: _miete(
        {"art": "Miete", "miete_monat": "700", "abzuege": [{"art": "Betreuung"}]}
    ),
    "heizung_ohne_flaeche": lambda _: _miete(
        {"art": "Miete", "warmmiete_monat": "700", "abzuege": [{"art": "Heizung"}]}
    ),
    "abzuege_ueber_miete": lambda _: _miete(
        {"art": "Miete", "miete_monat": "100", "abzuege": [{"art": "Garage", "betrag_monat": "200"}]}
    ),
    "gewerblich_ohne_flaeche": lambda _: _miete(
        {"art": "Miete", "miete_monat": "700", "gewerblich_m2": "10"}
    ),
    "belastung_ohne_flaeche": lambda _: _miete(
        {"art": "Belastung", "darlehen": [{"zinsen_jahr": "1200", "tilgung_jahr": "1200"}]}
    ),
    "mietenstufe_7_vor_2020": lambda _: calculate(_h(mietenstufe=7), on=date(2016, 7, 1)),
    # engine.py, parameters.py
    "haushalt_falscher_typ": lambda _: calculate(OK, on=ON),  # type: ignore[arg-type]
    "stichtag_fehlt": lambda _: calculate(_h(), on=None),
    "stichtag_datetime": lambda _: default_store().rechtsstand(datetime(2025, 7, 1)),
    "vor_2016": lambda _: calculate(_h(), on=date(2015, 12, 31)),
    "nach_pruefstand": lambda _: calculate(_h(), on=date(2030, 1, 1)),
    "regelwerk_unbekannt": lambda _: named_store("Entwurf 2099"),
    "rechtsstand_typ": lambda _: calculate(_h(), on=ON, rechtsstand=5),  # type: ignore[arg-type]
    "formel_mitglieder": lambda _: wohngeld_aus_m_y(mitglieder=0, M="500", Y="1000", on=ON),
    "formel_y_negativ": lambda _: wohngeld_aus_m_y(mitglieder=1, M="500", Y="-1", on=ON),
    "entwurf_gemeinde": lambda _: calculate(
        Haushalt.model_validate(
            {
                "gemeinde": "Dresden",
                "miete_monat": "500",
                "anzahl_mitglieder": 1,
                "gesamteinkommen_monat": "900",
            }
        ),
        on=date(2027, 1, 1),
        rechtsstand="Entwurf 2027",
    ),
    # money.py
    "betrag_float": lambda _: to_decimal(1.5),
    "betrag_text": lambda _: to_decimal("vierhundert"),
    # mietstufen.py
    "gemeinde_unbekannt": lambda _: mietenstufe("Xyzzyhausen", on=ON),
    "gemeinde_ags_kurz": lambda _: mietenstufe("1234", on=ON),
    "gemeinde_vor_2016": lambda _: mietenstufe("Dresden", on=date(2015, 12, 31)),
    "gemeinde_typ": lambda _: mietenstufe(14612000, on=ON),  # type: ignore[arg-type]
    # cases.py
    "fall_ohne_stichtag": lambda _: parse_fall({"haushalt": OK}),
    "fall_stichtag_kein_datum": lambda _: parse_fall({"stichtag": "morgen", "haushalt": OK}),
    "fall_haushalt_typ": lambda _: parse_fall({"stichtag": "2025-07-01", "haushalt": {"miete_monat": "1"}}),
    "fall_datei_kaputt": _fall_datei,
    # szenario.py
    "szenario_vor_2016": lambda _: parse_szenario(
        {"name": "X", "ab": date(2015, 1, 1), "setzen": {"bagatellgrenze.betrag": 5}}
    ),
    "szenario_unbekannt": lambda _: parse_szenario({"name": "X", "ab": ON, "setzen": {"hoechstbetrag.x": 1}}),
    # aenderungen.py, unterlagenliste.py, vergleichen.py, vorranghinweis.py
    "bewilligt_nicht_monatserster": lambda _: bewilligungszeitraum(beginn=date(2025, 7, 2)),
    "aenderung_typ": lambda _: aenderung(OK, _h(), bewilligt_ab=ON, aenderung_ab=ON),  # type: ignore[arg-type]
    "unterlagen_typ": lambda _: unterlagen(OK, on=ON),  # type: ignore[arg-type]
    "vergleich_typ": lambda _: vergleich([1], on=ON),  # type: ignore[list-item]
    "vorrang_typ": lambda _: vorrang(OK, on=ON),  # type: ignore[arg-type]
}


def _meldungen(exc: Exception) -> list[str]:
    """Our own texts: for pydantic, the message of each value error (its frame is pydantic's)."""
    if isinstance(exc, ValidationError):
        return [
            str(e["msg"]).removeprefix("Value error, ") for e in exc.errors() if e["type"] == "value_error"
        ]
    return [str(exc)]


@pytest.mark.parametrize("fall", sorted(FAELLE))
def test_meldung_ist_deutsch(fall: str, tmp_path: Path) -> None:
    with pytest.raises((WohngeldError, ValidationError, ValueError)) as info:
        FAELLE[fall](tmp_path)
    texte = _meldungen(info.value)
    assert texte, f"{fall}: keine eigene Meldung ({info.value})"
    for text in texte:
        assert not ENGLISCH.search(text), f"{fall}: {text}"
        if fall not in ECHO:
            assert not REPR.search(text.split("\n")[0]), f"{fall}: {text}"


def test_stichprobe_ist_gross_genug() -> None:
    assert len(FAELLE) >= 30
