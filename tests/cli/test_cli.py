"""The command line: each command from the case-file format, text and JSON."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from wohngeld.cli import main

CASES = Path(__file__).parents[1] / "cases"


def test_beispiel_prints_the_dresden_rechenweg() -> None:
    out = CliRunner().invoke(main, ["beispiel"])
    assert out.exit_code == 0, out.output
    assert "530,40 €" in out.output and "Wohngeld monatlich: 131" in out.output


def test_berechnen_json() -> None:
    path = CASES / "2025-01-01" / "laender-2024-01-vierzehn-personen.toml"
    out = CliRunner().invoke(main, ["berechnen", str(path), "--json"])
    assert out.exit_code == 0, out.output
    assert json.loads(out.output)["betrag_monat"] == "1335"  # Länderhinweise zu Nr. 19.31 WoGVwV


def test_berechnen_bad_file_is_a_clear_error(tmp_path: Path) -> None:
    bad = tmp_path / "fall.toml"
    bad.write_text(
        "stichtag = 2025-07-01\n[haushalt]\nmietenstufe = 3\nmiete_monat = 780.5\n", encoding="utf-8"
    )
    out = CliRunner().invoke(main, ["berechnen", str(bad)])
    assert out.exit_code == 1
    assert "Fehler:" in out.output and "[haushalt] ist ungültig" in out.output


def test_mietenstufe_dresden() -> None:
    out = CliRunner().invoke(main, ["mietenstufe", "Dresden", "--stichtag", "2025-07-01"])
    assert out.exit_code == 0, out.output
    assert "Mietenstufe III" in out.output and "14612000" in out.output and "BGBl." in out.output


def test_mietenstufe_ambiguous_lists_candidates() -> None:
    out = CliRunner().invoke(main, ["mietenstufe", "Neuenkirchen", "--stichtag", "2025-07-01"])
    assert out.exit_code == 1
    assert out.output.count("Neuenkirchen (AGS") >= 5


def test_berechnen_with_the_draft_by_name() -> None:
    """BMWSB 2025 Beispiel 1 on 2027-01-01: law in force (2025 values, 110 €) vs. the named draft."""
    path = CASES / "2025-01-01" / "bmwsb-2025-01-rentnerin.toml"
    law = CliRunner().invoke(main, ["berechnen", str(path), "--stichtag", "2027-01-01", "--json"])
    draft = CliRunner().invoke(
        main, ["berechnen", str(path), "--stichtag", "2027-01-01", "--rechtsstand", "Entwurf 2027", "--json"]
    )
    assert law.exit_code == 0 and draft.exit_code == 0, law.output + draft.output
    a, b = json.loads(law.output), json.loads(draft.output)
    assert a["betrag_monat"] == "110" and a["rechtsstand"] == "geltendes Recht"
    assert any("21/8284" in w for w in a["warnungen"])  # change pending
    assert b["rechtsstand"] == "Entwurf 2027" and b["betrag_monat"] != "110"


def test_berechnen_with_a_scenario(tmp_path: Path) -> None:
    """A scenario with a Bagatellgrenze of 200 € from 2023: Dresden Beispiel 1 (131 €) gives 0 €."""
    szenario = tmp_path / "s.toml"
    szenario.write_text(
        'name = "Bagatellgrenze 200"\nab = 2023-01-01\n[setzen]\n"bagatellgrenze.betrag" = 200\n',
        encoding="utf-8",
    )
    path = CASES / "2023-01-01" / "dresden-2023-01-rentnerin.toml"
    out = CliRunner().invoke(main, ["berechnen", str(path), "--szenario", str(szenario), "--json"])
    assert out.exit_code == 0, out.output
    data = json.loads(out.output)
    assert data["betrag_monat"] == "0" and data["rechtsstand"] == "Bagatellgrenze 200"


def test_berechnen_own_case_without_source_shows_no_empty_quelle(tmp_path: Path) -> None:
    """A household of one's own has no published source: no line "Quelle:" with nothing after it."""
    fall = tmp_path / "mein-fall.toml"
    fall.write_text(
        'stichtag = 2023-07-01\n[haushalt]\nmietenstufe = 3\nmiete_monat = "420.00"\n'
        'anzahl_mitglieder = 1\ngesamteinkommen_monat = "1162.35"\n',
        encoding="utf-8",
    )
    out = CliRunner().invoke(main, ["berechnen", str(fall)])
    assert out.exit_code == 0, out.output
    assert out.output.startswith("mein-fall\n\n") and "Quelle:" not in out.output.split("\n\n")[0]
    assert "Wohngeld monatlich: 131,00 €" in out.output  # Dresden Beispiel 1 (Mietenstufe III)
