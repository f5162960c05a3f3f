"""pydantic's validation errors in German (wohngeld.validierung), as every front door shows them."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from wohngeld import Haushalt
from wohngeld.validierung import fehlertext, feldfehler

DRESDEN_1 = {
    "mietenstufe": 3,
    "miete_monat": "420.00",
    "anzahl_mitglieder": 1,
    "gesamteinkommen_monat": "1162.35",
}


def _fehler(**aenderung: object) -> ValidationError:
    daten = {**DRESDEN_1, **aenderung}
    with pytest.raises(ValidationError) as info:
        Haushalt.model_validate({k: v for k, v in daten.items() if v is not None})
    return info.value


@pytest.mark.parametrize(
    ("aenderung", "feld", "meldung"),
    [
        ({"miete_monat": None}, "wohnkosten", "Angabe fehlt."),
        ({"mietenstufe": 8}, "mietenstufe", "Der Wert darf höchstens 7 sein."),
        ({"anzahl_mitglieder": "zwei"}, "anzahl_mitglieder", "Eine ganze Zahl wird erwartet."),
        ({"unbekannt": 1}, "unbekannt", "Dieses Feld kennt die Berechnung nicht."),
    ],
)
def test_pydantic_types_in_german(aenderung: dict[str, object], feld: str, meldung: str) -> None:
    (f,) = feldfehler(_fehler(**aenderung))
    assert (f.feld, f.meldung) == (feld, meldung)
    assert fehlertext(_fehler(**aenderung)) == f"{feld}: {meldung}"


def test_rules_between_fields_keep_the_library_message() -> None:
    (f,) = feldfehler(_fehler(gemeinde="Dresden"))
    assert f.meldung.startswith("genau eines angeben: mietenstufe") and "Value error" not in f.meldung
    assert "§ 12 Abs. 1 WoGG" in f.meldung
