"""``wohngeld stapel``: files in, the same rows with results out; errors per row."""

from __future__ import annotations

import csv
from pathlib import Path

from click.testing import CliRunner

from wohngeld.cli import main

KOPF = "id,mietenstufe,miete_monat,anzahl_mitglieder,gesamteinkommen_monat"


def test_csv_with_bad_rows(tmp_path: Path) -> None:
    ein, aus = tmp_path / "ein.csv", tmp_path / "aus.csv"
    # Dresden 2023 Beispiel 1 (131 €); Mietenstufe 9 does not exist; a float-like typo
    ein.write_text(
        f"{KOPF}\n1,3,420.00,1,1162.35\n2,9,420.00,1,1162.35\n3,3,vierhundert,1,1\n", encoding="utf-8"
    )
    out = CliRunner().invoke(main, ["stapel", str(ein), str(aus), "--stichtag", "2023-07-01"])
    assert out.exit_code == 0, out.output
    assert "3 Zeilen: 1 berechnet, 2 mit Fehler" in out.output
    rows = list(csv.DictReader(aus.open(encoding="utf-8")))
    assert [r["wohngeld_monat"] for r in rows] == ["131", "", ""]
    assert "mietenstufe" in rows[1]["fehler"] and "keine Zahl" in rows[2]["fehler"]
    out = CliRunner().invoke(main, ["stapel", str(ein), str(aus), "--stichtag", "2023-07-01", "--streng"])
    assert out.exit_code == 1


def test_usage_errors(tmp_path: Path) -> None:
    ein = tmp_path / "ein.txt"
    ein.write_text(f"{KOPF}\n", encoding="utf-8")
    out = CliRunner().invoke(main, ["stapel", str(ein), str(tmp_path / "aus.txt")])
    assert out.exit_code == 2 and "--format" in out.output
    out = CliRunner().invoke(main, ["stapel", str(ein), str(ein), "--format", "csv"])
    assert out.exit_code == 1 and "dieselbe Datei" in out.output
    leer = tmp_path / "leer.csv"
    leer.write_text("", encoding="utf-8")
    out = CliRunner().invoke(main, ["stapel", str(leer), str(tmp_path / "aus.csv")])
    assert out.exit_code == 1 and "erste Zeile" in out.output
    latin = tmp_path / "latin.csv"
    latin.write_bytes(f"{KOPF},ort\n1,3,420.00,1,1162.35,Görlitz\n".encode("cp1252"))
    out = CliRunner().invoke(
        main, ["stapel", str(latin), str(tmp_path / "aus.csv"), "--stichtag", "2023-07-01"]
    )
    assert out.exit_code == 1 and "--encoding" in out.output
    out = CliRunner().invoke(
        main,
        ["stapel", str(latin), str(tmp_path / "a.csv"), "--stichtag", "2023-07-01", "--kodierung", "cp1252"],
    )
    assert out.exit_code == 0 and "Görlitz" in (tmp_path / "a.csv").read_text(encoding="utf-8")
