"""§ 8 Abs. 1 Satz 2 WoGG: the months in which a § 7 exclusion runs — hand-computed counts and amounts."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from pydantic import ValidationError

from wohngeld import Haushalt, InputError, calculate
from wohngeld.law.members import ausschluss_besteht, mitglieder


def _h(**leistung: str) -> Haushalt:
    return Haushalt.model_validate(
        {
            "mietenstufe": 3,
            "miete_monat": "500.00",
            "gesamteinkommen_monat": "1000.00",
            "mitglieder": [
                {"name": "Mutter"},
                {"name": "Sohn", "ausgeschlossen": "SGB II", "zugehoerigkeit": leistung},
            ],
        }
    )


def test_benefit_from_the_15th_excludes_from_the_next_month() -> None:
    # Bürgergeld applied for from 2025-07-15 (not from a first): exclusion from 2025-08-01
    # (§ 8 Abs. 1 Satz 2 Nr. 1 Buchst. b WoGG). July: both count, n = 2:
    # M = 500 + 142.60 (cap 551 + 24.80 = 575.80 > 500); z1 = 0.03 + 0.0003571 * 642.60
    # + 0.0000304 * 1000 = 0.28987246; z2 = 289.87246; z3 = 352.72754; z4 = 1.15 * z3 = 405.636671 -> 406.
    h = _h(leistung_ab="2025-07-15")
    juli = calculate(h, on=date(2025, 7, 1))
    assert (juli.mitglieder, juli.M_berechnet, juli.betrag_monat) == (2, Decimal("642.60"), Decimal(406))
    assert any(s.zitat == "§ 8 Abs. 1 Satz 2 WoGG" for s in juli.schritte)
    # August: Mischhaushalt 1 of 2 (§ 11 Abs. 3): Miete 500 / 2 = 250, cap 575.80 / 2 = 287.90 -> 250;
    # heating 142.60 / 2 = 71.30 -> M = 321.30; n = 1: z1 = 0.04 + 0.0004797 * 321.30 + 0.0000408 * 1000
    # = 0.04 + 0.15412761 + 0.0408 = 0.23492761; z2 = 234.92761; z3 = 86.37239; z4 = 99.3282485 -> 99.
    august = calculate(h, on=date(2025, 8, 1))
    assert (august.mitglieder, august.mitglieder_gesamt, august.M_berechnet, august.betrag_monat) == (
        1,
        2,
        Decimal("321.30"),
        Decimal(99),
    )


@pytest.mark.parametrize(
    ("bis", "on", "ausgeschlossen"),
    [
        ("2025-09-30", date(2025, 9, 15), True),  # granted to the last of September: September excluded
        ("2025-09-20", date(2025, 9, 15), False),  # not to a last: only to the end of August (Nr. 3 b)
        ("2025-09-20", date(2025, 8, 31), True),
    ],
)
def test_end_of_the_exclusion(bis: str, on: date, ausgeschlossen: bool) -> None:
    h = _h(leistung_ab="2025-08-01", leistung_bis=bis)
    assert mitglieder(h, None, on=on).beruecksichtigt == (1 if ausgeschlossen else 2)


def test_month_rule_directly() -> None:
    # from the first of a month: that month (Nr. 1 a / 2 a)
    assert ausschluss_besteht(leistung_ab=date(2025, 8, 1), leistung_bis=None, on=date(2025, 8, 1))
    assert not ausschluss_besteht(leistung_ab=date(2025, 8, 1), leistung_bis=None, on=date(2025, 7, 31))
    # to the last of February in a leap year
    assert ausschluss_besteht(
        leistung_ab=date(2024, 1, 1), leistung_bis=date(2024, 2, 29), on=date(2024, 2, 10)
    )


def test_period_without_exclusion_is_refused() -> None:
    h = Haushalt.model_validate(
        {
            "mietenstufe": 3,
            "miete_monat": "500",
            "gesamteinkommen_monat": "1000",
            "mitglieder": [{}, {"zugehoerigkeit": {"leistung_ab": "2025-08-01"}}],
        }
    )
    with pytest.raises(InputError, match=r"leistung_ab angegeben, aber kein ausgeschlossen.*§ 8 Abs. 1"):
        mitglieder(h, None, on=date(2025, 8, 1))


def test_end_before_start_is_refused() -> None:
    with pytest.raises(ValidationError, match=r"leistung_bis 31\.07\.2025 liegt vor leistung_ab"):
        _h(leistung_ab="2025-08-01", leistung_bis="2025-07-31")
