"""Einkommensgrenzen and the inverse (lowest Miete): exact to the cent, checked with calculate.

Expected values are computed by hand from § 19 Abs. 1 WoGG: W = 1.15 · (M − (a + b·M + c·Y) · Y)
reaches 10 € after rounding (Anlage 3 Nr. 3) while W ≥ 9.50, so the limit is the root of
c·Y² + (a + b·M)·Y − (M − 9.50/1.15) = 0, cut to the cent. 2025 values: Anlagen 1–3 WoGG
i. d. F. der 2. WoGFV (BGBl. 2024 I Nr. 314); § 12 Abs. 6, 7 WoGG for the heating amounts and
the Klimakomponente.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from click.testing import CliRunner

from wohngeld import Haushalt, calculate, einkommensgrenze, mietgrenze
from wohngeld.cli import main

ON = date(2025, 7, 1)
CENT = Decimal("0.01")


def _betrag(*, n: int, stufe: int, miete: Decimal | str, y: Decimal) -> Decimal:
    h = Haushalt.model_validate(
        {"mietenstufe": stufe, "miete_monat": miete, "anzahl_mitglieder": n, "gesamteinkommen_monat": y}
    )
    return calculate(h, on=ON).betrag_monat


def test_einkommensgrenze_by_hand_and_one_cent_above() -> None:
    # 1 member, Stufe I, Miete 300: M = 300 + 14.40 + 96.00 = 410.40 (tests/cases/…/formel-bagatellgrenze);
    # a + b·M = 0.04 + 0.0004797 · 410.40 = 0.23686888; root of 0.0000408·Y² + 0.23686888·Y − 402.1391304…
    # = 1373.01402…  → 1373.01
    g = einkommensgrenze(mitglieder=1, mietenstufe=1, miete_monat="300.00", on=ON)
    assert g.wert == Decimal("1373.01")
    assert _betrag(n=1, stufe=1, miete="300.00", y=g.wert) == 10
    assert _betrag(n=1, stufe=1, miete="300.00", y=g.wert + CENT) == 0


@pytest.mark.parametrize(
    ("n", "stufe", "erwartet"),
    [
        # Miete at the Höchstbetrag: 1 member, I: M = 361 + 19.20 + 14.40 + 96 = 490.60 → 1443.169…
        (1, 1, "1443.16"),
        # 4 members: M = Höchstbetrag + 34.40 + 25.80 + 172; a, b, c = 0.01, 0.0002163, 0.0000176
        (4, 1, "3324.48"),  # Höchstbetrag 608 → 3324.483…
        (4, 2, "3391.52"),  # 686 → 3391.529…
        (4, 3, "3453.06"),  # 766 → 3453.060…
        (4, 4, "3516.25"),  # 858 → 3516.255…
    ],
)
def test_einkommensgrenze_at_the_hoechstbetrag(n: int, stufe: int, erwartet: str) -> None:
    g = einkommensgrenze(mitglieder=n, mietenstufe=stufe, on=ON)
    assert g.wert == Decimal(erwartet)
    assert g.miete_monat is None and g.wohngeld_an_grenze == 10
    hoch = "100000"  # above every Höchstbetrag
    assert _betrag(n=n, stufe=stufe, miete=hoch, y=g.wert) >= 10
    assert _betrag(n=n, stufe=stufe, miete=hoch, y=g.wert + CENT) == 0


def test_published_single_household_limits_2025() -> None:
    """wohngeld.org, Einkommensgrenzen 2025, Single-Haushalt (whole euros), Mietenstufe 1–7."""
    published = [1443, 1477, 1509, 1541, 1568, 1593, 1619]
    got = [einkommensgrenze(mitglieder=1, mietenstufe=s, on=ON).wert for s in range(1, 8)]
    assert [int(w) for w in got if w is not None] == published


def test_mietgrenze_is_the_inverse() -> None:
    # Y = 1374 (formel-bagatellgrenze): at Miete 300 the formula gives 9 € → no Wohngeld; by hand
    # W(M) = 1.15·(M·(1 − b·Y) − (a + c·Y)·Y) ≥ 9.50 with M = Miete + 110.40:
    # M ≥ (9.50/1.15 + (0.04 + 0.0560592)·1374) / (1 − 0.0004797·1374) = 411.4092… → Miete 301.01
    g = mietgrenze(mitglieder=1, mietenstufe=1, gesamteinkommen_monat="1374.00", on=ON)
    assert g.wert == Decimal("301.01")
    assert _betrag(n=1, stufe=1, miete=g.wert, y=Decimal("1374.00")) == 10
    assert _betrag(n=1, stufe=1, miete=g.wert - CENT, y=Decimal("1374.00")) == 0


def test_no_wohngeld_at_any_value() -> None:
    assert mietgrenze(mitglieder=1, mietenstufe=1, gesamteinkommen_monat="5000", on=ON).wert is None


def test_gemeinde_resolves_once() -> None:
    g = einkommensgrenze(mitglieder=1, gemeinde="Dresden", on=ON)  # Dresden: Mietenstufe III
    assert g.mietenstufe == 3
    assert g.wert == einkommensgrenze(mitglieder=1, mietenstufe=3, on=ON).wert


def test_cli_grenzen_table_and_json() -> None:
    out = CliRunner().invoke(main, ["grenzen", "--stichtag", "2025-07-01", "-n", "1"])
    assert out.exit_code == 0, out.output
    assert "1.443,16 €" in out.output and "Stufe VII" in out.output
    out = CliRunner().invoke(
        main, ["grenzen", "--stichtag", "2025-07-01", "-n", "1", "-s", "1", "--miete", "300", "--json"]
    )
    assert out.exit_code == 0, out.output
    import json

    (row,) = json.loads(out.output)
    assert row["wert"] == "1373.01" and row["mietenstufe"] == 1
    out = CliRunner().invoke(
        main, ["grenzen", "--stichtag", "2025-07-01", "-n", "1", "-s", "1", "--einkommen", "1374.00"]
    )
    assert out.exit_code == 0 and "301,01 €" in out.output


def test_cli_grenzen_bad_input() -> None:
    out = CliRunner().invoke(main, ["grenzen", "--stichtag", "2025-07-01", "--miete", "abc"])
    assert out.exit_code == 1 and "Fehler" in out.output
