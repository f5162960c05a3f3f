"""The column ``vermoegen_erheblich`` of the flat layout: the Behörde's decision under § 21 Nr. 3 WoGG.

§ 21 Nr. 3 WoGG names no amount; the 60 000 € for the first member are WoGVwV Nr. 21.37 ("in der
Regel"). A batch carries the decision of the case in ``vermoegen_erheblich`` (ja | nein), as the
``Haushalt`` field does.

The household (one person, Mietenstufe III, Miete 400 €, Y 900 € on 1.7.2025) gives 254 € by § 19
WoGG: M = min(400, 456 + 19.20) + 110.40 = 510.40; a = 0.04, b = 0.0004797, c = 0.0000408 (Anlage 2);
z1 = 0.32155888, z2 = 289.402992, z3 = 220.997008, z4 = 1.15 · z3 = 254.15 → 254 € (Anlage 3 Nr. 3).
"""

from __future__ import annotations

import csv
import io
from datetime import date

import pytest

from wohngeld.errors import InputError
from wohngeld.formats.stapel import calculate_many, stapel_datei, zeile_zu_eingabe
from wohngeld.result import Result

ON = date(2025, 7, 1)
ZEILE = {"mietenstufe": "3", "miete_monat": "400", "anzahl_mitglieder": "1", "gesamteinkommen_monat": "900"}


def _betrag(**extra: str) -> int:
    (r,) = list(calculate_many([zeile_zu_eingabe({**ZEILE, **extra})], on=ON))
    assert isinstance(r, Result), r
    return int(r.betrag_monat)


def test_without_decision_the_guideline_applies() -> None:
    assert _betrag() == 254
    assert _betrag(vermoegen="60000") == 254  # at the guideline's limit: still a claim
    assert _betrag(vermoegen="60000.01") == 0  # above it: erheblich "in der Regel"


def test_decision_nein_above_the_guideline_keeps_the_claim() -> None:
    assert _betrag(vermoegen="80000", vermoegen_erheblich="nein") == 254


def test_decision_ja_below_the_guideline_excludes() -> None:
    zeile = zeile_zu_eingabe({**ZEILE, "vermoegen": "20000", "vermoegen_erheblich": "ja"})
    (r,) = list(calculate_many([zeile], on=ON))
    assert isinstance(r, Result) and r.betrag_monat == 0 and not r.anspruch
    assert "§ 21 Nr. 3" in (r.grund_zitat or "")


def test_a_csv_batch_reads_the_column() -> None:
    """The same three households as a CSV file through ``stapel_datei``: 254, 0 and 254 €."""
    ein = io.StringIO(
        "id,mietenstufe,miete_monat,anzahl_mitglieder,gesamteinkommen_monat,vermoegen,vermoegen_erheblich\n"
        "a,3,400,1,900,,\n"
        "b,3,400,1,900,20000,ja\n"
        "c,3,400,1,900,80000,nein\n"
    )
    aus = io.StringIO()
    stapel_datei(ein, aus, format="csv", on=ON)
    zeilen = list(csv.DictReader(io.StringIO(aus.getvalue())))
    assert [z["wohngeld_monat"] for z in zeilen] == ["254", "0", "254"]


@pytest.mark.parametrize(
    ("text", "wert"), [("ja", True), ("JA ", True), ("x", True), ("nein", False), ("0", False)]
)
def test_yes_no_cells(text: str, wert: bool) -> None:
    assert zeile_zu_eingabe({**ZEILE, "vermoegen_erheblich": text})["vermoegen_erheblich"] is wert


def test_an_empty_cell_is_no_decision() -> None:
    assert "vermoegen_erheblich" not in zeile_zu_eingabe({**ZEILE, "vermoegen_erheblich": " "})


def test_other_text_is_refused_with_the_rule() -> None:
    erwartet = r"vermoegen_erheblich: 'vielleicht' angegeben; ja oder nein.*§ 21 Nr. 3"
    with pytest.raises(InputError, match=erwartet):
        zeile_zu_eingabe({**ZEILE, "vermoegen_erheblich": "vielleicht"})
