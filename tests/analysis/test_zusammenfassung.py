"""Aggregate report: recipients, total and mean Wohngeld by Mietenstufe and household size."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from click.testing import CliRunner

from wohngeld.analysis.zusammenfassung import nebeneinander, zusammenfassen
from wohngeld.cli import main


def test_weighted_groups_and_total_by_hand() -> None:
    """Three computed rows and one error: Mietenstufe 3 / 1 person: weights 2 (131 €) and 1.5
    (0 €) → 3.5 households, 2 recipients, 262 €, mean 131 €; Mietenstufe 4 / 2 persons: weight 1
    (200 €); all: 4.5 households, 3 recipients, 462 €, mean 154 €; the error counts apart."""
    r = zusammenfassen(
        [
            (3, 1, "2", Decimal(131)),
            (3, 1, "1.5", Decimal(0)),
            (4, 2, None, Decimal(200)),
            (4, 2, "1", None),
        ]
    )
    assert [(z["mietenstufe"], z["haushaltsgroesse"]) for z in r] == [
        ("3", "1"),
        ("4", "2"),
        ("alle", "alle"),
    ]
    assert (r[0]["haushalte"], r[0]["empfaenger"], r[0]["wohngeld_summe_monat"]) == (
        Decimal("3.5"),
        Decimal(2),
        Decimal(262),
    )
    assert r[0]["wohngeld_mittel_monat"] == 131
    assert r[1]["fehler"] == 1
    assert (r[2]["haushalte"], r[2]["empfaenger"], r[2]["wohngeld_summe_monat"]) == (
        Decimal("4.5"),
        Decimal(3),
        Decimal(462),
    )
    assert r[2]["wohngeld_mittel_monat"] == 154


def test_side_by_side_differences() -> None:
    a = zusammenfassen([(3, 1, 1, Decimal(131))])
    b = zusammenfassen([(3, 1, 1, Decimal(100))])
    r = nebeneinander(a, b, ("geltendes Recht", "Entwurf 2027"))
    assert r[0]["wohngeld_summe_monat (Differenz)"] == -31


def test_bad_weight_is_refused() -> None:
    with pytest.raises(ValueError, match="gewicht"):
        zusammenfassen([(3, 1, "-1", Decimal(1))])


def test_cli_stapel_zusammenfassung_and_vergleich(tmp_path: Path) -> None:
    """`wohngeld stapel --zusammenfassung --vergleich "Entwurf 2027"`: both reports side by side.

    Row: Mietenstufe III, Miete 420 €, one member, Y 1 162.35 € on 1.7.2023 → 131 € (law in force,
    Fassung 2023; the Entwurf applies from 2027 only, so the same 131 €), weight 10 → 1 310 €."""
    ein = tmp_path / "ein.csv"
    ein.write_text(
        "mietenstufe,miete_monat,anzahl_mitglieder,gesamteinkommen_monat,gewicht\n3,420.00,1,1162.35,10\n",
        encoding="utf-8",
    )
    aus = tmp_path / "aus.csv"
    r = CliRunner().invoke(
        main,
        [
            "stapel",
            str(ein),
            str(aus),
            "--stichtag",
            "2023-07-01",
            "--zusammenfassung",
            "--vergleich",
            "Entwurf 2027",
        ],
    )
    assert r.exit_code == 0, r.output
    assert "wohngeld_summe_monat (Entwurf 2027)" in r.stdout
    assert "1\u202f310" in r.stdout
    r2 = CliRunner().invoke(
        main,
        [
            "stapel",
            str(ein),
            str(aus),
            "--stichtag",
            "2023-07-01",
            "--zusammenfassung",
            "--json",
            "--ueberschreiben",
        ],
    )
    assert r2.exit_code == 0, r2.output
    assert '"wohngeld_summe_monat": "1310"' in r2.stdout


def test_columnar_report_equals_the_core_report() -> None:
    """The DataFrame report of a columnar result equals :func:`zusammenfassen` over its rows."""
    pytest.importorskip("pyarrow")
    pytest.importorskip("pandas")
    from wohngeld.spalten import berechne
    from wohngeld.spalten.bericht import zusammenfassung
    from wohngeld.spalten.synthetisch import haushalte

    H, M, E = haushalte(400, seed=9)
    e = berechne(H, M, E)
    df = zusammenfassung(e)
    rows = e.ergebnis.to_pylist()
    erwartet = zusammenfassen(
        (
            r["mietenstufe"],
            r["mitglieder"],
            Decimal(repr(r["gewicht"])).quantize(Decimal("0.000001")),
            r["betrag_monat"],
        )
        for r in rows
    )
    assert df.to_dict("records") == erwartet
