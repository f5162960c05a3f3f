"""The reading of Anlage 3 Nr. 2 WoGG: ten decimals, half-up, pinned on the Länder example."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from wohngeld import Haushalt, Miete, calculate, wohngeld_aus_m_y
from wohngeld.money import round_euro, round_fixed_point


def test_fixed_point_rounds_half_up_at_the_tenth_place() -> None:
    assert round_fixed_point(Decimal("970.79285669625")) == Decimal("970.7928566963")
    assert round_fixed_point(Decimal("970.79285669624999")) == Decimal("970.7928566962")
    assert round_fixed_point(Decimal("-0.00000000005")) == Decimal("-1E-10")


def test_euro_rounds_half_up() -> None:
    assert round_euro(Decimal("130.4999999999")) == 130
    assert round_euro(Decimal("130.5000000000")) == 131


def test_fourteen_members_z_values_as_this_reading_computes_them() -> None:
    """Länderhinweise zu Nr. 19.31 WoGVwV, 12/2024: M = 2 018.60, Y = 4 688.25, twelve-member values.

    By hand (a = -0.12, b = 1.107E-4, c = 2.21E-5, Anlage 2 WoGG 2025):
    z1 = -0.12 + 0.22345902 + 0.103610325 = 0.207069345
    z2 = 0.207069345 * 4688.25 = 970.79285669625 -> 970.7928566963 (half-up)
    z3 = 2018.60 - 970.7928566963 = 1047.8071433037
    z4 = 1.15 * 1047.8071433037 = 1204.97821479925... -> 1204.9782147993 -> 1205 €; + 2 * 65 = 1335 €
    """
    f = wohngeld_aus_m_y(mitglieder=14, M="2018.60", Y="4688.25", on=date(2025, 7, 1))
    assert (f.z1, f.z2, f.z3, f.z4) == (
        Decimal("0.2070693450"),
        Decimal("970.7928566963"),
        Decimal("1047.8071433037"),
        Decimal("1204.9782147993"),
    )
    assert f.gerundet == 1205
    assert f.betrag == 1335


def test_more_than_twelve_cap_limits_only_the_raise() -> None:
    """§ 19 Abs. 3: 30 members, tiny income: the amount for twelve already exceeds M → no raise, 588 €.

    2025, Mietenstufe I, rent 100: M for twelve = 100 + 225.40 + 7 × 27.60 = 518.60 (heating amounts),
    Y = 0 → Mindestwert 2943; z1 = -0.12 + 0.05740902 + 0.0650403 = 0.00244932,
    z2 = 7.20834876, z3 = 511.39165124, z4 = 588.100398926 → 588 €; + 18 × 65 = 1758 > 518.60: the
    raise "höchstens jedoch bis zur Höhe der zu berücksichtigenden Miete" is nil, the 588 € for twelve
    stay (docs/rechtsauslegung.md; the cut to whole euros: tests/law/test_formula_ueber_zwoelf.py).
    """
    h = Haushalt(
        mietenstufe=1, wohnkosten=Miete(miete_monat="100"), anzahl_mitglieder=30, gesamteinkommen_monat="0"
    )
    r = calculate(h, on=date(2025, 7, 1))
    assert r.M_berechnet == Decimal("518.60")
    assert r.betrag_monat == 588
