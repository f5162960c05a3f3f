"""German office files: ``;``, decimal comma, cp1252 — and progress lines where nobody watches.

Amounts: Dresden 2023 Beispiel 1 (Stichtag 2023-07-01, Mietenstufe III, one member, Miete
420,00 €, Y 1.162,35 €) gives 131 € with M = 530,40 € (420,00 € + Heizkostenkomponente 110,40 €
for one member, § 12 Abs. 6 WoGG i. V. m. Anlage 1 in der Fassung ab 01.01.2023).
"""

from __future__ import annotations

import csv
import itertools
import time
from decimal import Decimal
from pathlib import Path
from unittest import mock

import pytest
from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st

from wohngeld.cli import main
from wohngeld.errors import InputError
from wohngeld.formats.stapel import betrag_text

BEISPIEL = Path(__file__).parents[2] / "docs" / "beispiele" / "amt-export.csv"


def test_office_export_with_semicolon_decimal_comma_and_cp1252(tmp_path: Path) -> None:
    ein = tmp_path / "amt.csv"
    ein.write_bytes(
        "Aktenzeichen;Ort;mietenstufe;miete_monat;anzahl_mitglieder;gesamteinkommen_monat\n"
        "W-1;Görlitz;3;420,00;1;1.162,35\n".encode("cp1252")
    )
    aus = tmp_path / "aus.csv"
    res = CliRunner().invoke(
        main,
        ["stapel", str(ein), str(aus), "--stichtag", "2023-07-01", "--dezimalkomma", "--encoding", "cp1252"],
    )
    assert res.exit_code == 0, res.output
    (row,) = csv.DictReader(aus.open(encoding="utf-8"), delimiter=";")
    assert (row["Ort"], row["miete_monat"], row["gesamteinkommen_monat"]) == ("Görlitz", "420,00", "1.162,35")
    assert (row["wohngeld_monat"], row["M"], row["Y"], row["fehler"]) == ("131", "530,40", "1162,35", "")


def test_documented_example_file_computes(tmp_path: Path) -> None:
    aus = tmp_path / "aus.csv"
    res = CliRunner().invoke(
        main, ["stapel", str(BEISPIEL), str(aus), "--dezimalkomma", "--encoding", "cp1252", "--leise"]
    )
    assert res.exit_code == 0 and res.output == ""
    rows = list(csv.DictReader(aus.open(encoding="utf-8"), delimiter=";"))
    assert [r["wohngeld_monat"] for r in rows] == ["131", ""]
    assert "mehrdeutig" in rows[1]["fehler"]


@pytest.mark.parametrize(
    ("text", "komma", "erwartet"),
    [
        ("420,50", True, "420.50"),
        ("1.234,5", True, "1234.5"),
        ("12.345.678,90", True, "12345678.90"),
        ("420", True, "420"),
        ("420.50", False, "420.50"),
    ],
)
def test_amounts_of_both_dialects(text: str, komma: bool, erwartet: str) -> None:
    assert betrag_text("miete_monat", text, dezimalkomma=komma) == erwartet


@pytest.mark.parametrize(
    ("text", "komma", "meldung"),
    [
        ("1.234", True, "mehrdeutig"),       # one thousand two hundred thirty-four, or 1,234?
        ("1,234.5", True, "kein Betrag im Format mit Dezimalkomma"),
        ("420.50", True, "mehrdeutig"),
        ("1.23,4", True, "kein Betrag"),
        ("1,234.5", False, "mehrdeutig"),
        ("420,50", False, "--dezimalkomma"),
        ("1.234,5", False, "--dezimalkomma"),
    ],
)
def test_ambiguous_amounts_are_refused(text: str, komma: bool, meldung: str) -> None:
    with pytest.raises(InputError, match=meldung) as e:
        betrag_text("miete_monat", text, dezimalkomma=komma)
    assert f"miete_monat: {text!r}" in str(e.value)


def test_hint_offers_the_thousands_reading_only_where_the_dots_can_be_thousands_separators() -> None:
    """``1.234`` may be 1234 or 1,234: both are offered. ``420.50`` cannot be thousands (groups of
    three): the hint must not suggest 42050, an amount a hundred times too high."""
    with pytest.raises(InputError) as e:
        betrag_text("miete_monat", "1.234", dezimalkomma=True)
    assert str(e.value).endswith("z. B. '1234' oder '1,234'")
    with pytest.raises(InputError) as e:
        betrag_text("miete_monat", "420.50", dezimalkomma=True)
    assert str(e.value).endswith("z. B. '420,50'") and "42050" not in str(e.value)


@given(st.decimals(min_value=0, max_value=10**7, places=2))
def test_decimal_comma_reads_what_a_german_spreadsheet_writes(x: Decimal) -> None:
    """1234567.89 written as ``1.234.567,89`` and as ``1234567,89`` reads back exactly."""
    ganz, _, rest = f"{x:f}".partition(".")
    gruppen = f"{int(ganz):,}".replace(",", ".")
    for text in (f"{gruppen},{rest}", f"{ganz},{rest}"):
        assert Decimal(betrag_text("m", text, dezimalkomma=True)) == x


def _datei(tmp_path: Path, n: int) -> Path:
    ein = tmp_path / "ein.csv"
    zeilen = ["mietenstufe,miete_monat,anzahl_mitglieder,gesamteinkommen_monat"]
    zeilen += ["3,420.00,1,1162.35" if i % 5 else "9,420.00,1,1162.35" for i in range(n)]
    ein.write_text("\n".join(zeilen) + "\n", encoding="utf-8")
    return ein


def test_progress_lines_on_a_pipe_and_none_with_leise(tmp_path: Path) -> None:
    """A fake clock that advances one second per reading: one line per ``--intervall`` seconds."""
    ein = _datei(tmp_path, 10)
    uhr = itertools.count(1000.0, 1.0)
    with mock.patch.object(time, "monotonic", lambda: next(uhr)):
        res = CliRunner().invoke(
            main,
            ["stapel", str(ein), str(tmp_path / "a.csv"), "--stichtag", "2023-07-01", "--intervall", "3"],
        )
    assert res.exit_code == 0
    zeilen = [z for z in res.stderr.splitlines() if z.startswith("Fortschritt")]
    # readings 1001, 1002, …: row 3 is at 1003 (first line), then every third row
    assert zeilen == [
        "Fortschritt: 3 Zeilen, 1 Zeilen/s, 1 mit Fehler",
        "Fortschritt: 6 Zeilen, 1 Zeilen/s, 2 mit Fehler",
        "Fortschritt: 9 Zeilen, 1 Zeilen/s, 2 mit Fehler",
    ]
    assert res.stderr.splitlines()[-1].startswith("10 Zeilen: 8 berechnet, 2 mit Fehler")
    res = CliRunner().invoke(
        main, ["stapel", str(ein), str(tmp_path / "b.csv"), "--stichtag", "2023-07-01", "--intervall", "0.1",
               "--leise"]
    )
    assert res.exit_code == 0 and res.stderr == "" and (tmp_path / "b.csv").exists()
