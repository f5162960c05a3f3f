"""One length of the Bewilligungszeitraum for the amount and the report (§ 15 Abs. 4, § 25 Abs. 1 WoGG).

§ 15 Abs. 4 (all dates 2016–2026): "Beträgt der Bewilligungszeitraum nicht zwölf Monate, ist als Einkommen
das Zwölffache des … im Bewilligungszeitraum zu erwartenden durchschnittlichen monatlichen Einkommens zu
Grunde zu legen." § 25 Abs. 1 until 2022: "soll für zwölf Monate bewilligt werden" (shorter or divided
only); from 2023 (Wohngeld-Plus-Gesetz) "auf bis zu 24 Monate verlängert".
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from wohngeld import Haushalt, InputError, antrag, calculate

D = Decimal
ON = date(2025, 7, 1)
DATEN: dict[str, object] = {
    "wohnkosten": {"art": "Miete", "miete_monat": "500"},
    "mietenstufe": 3,
    "mitglieder": [
        {
            "einnahmen": [
                {"art": "Altersrente", "brutto_monat": "1000"},
                {"art": "Erwerbseinkommen", "brutto_monat": "600", "bis": "2025-09-30"},
            ],
            "pauschalabzug": {"kranken_pflege": True},
        }
    ],
}


def _h(**extra: object) -> Haushalt:
    return Haushalt.model_validate({**DATEN, **extra})


def test_antrag_with_six_months_computes_y_for_six_months() -> None:
    """Pensioner 1 000 € + job 600 € until 30.09.2025, rent 500, Mietenstufe III, 2025-07-01, six months.

    Rente: 12 × 1 000 − 102 (Werbungskosten-Pauschbetrag) = 11 898; Erwerb 3 × 600 = 1 800 in the six
    months → × 12/6 = 3 600 − 1 230 = 2 370 (§ 15 Abs. 4); § 16: 10 % → Y = 14 268 × 0.9 / 12 = 1 070.10.
    M = min(500, 456 + 19.20) + 110.40 = 585.60. a = 0.04, b = 0.0004797, c = 0.0000408:
    z1 = 0.04 + 0.28091232 + 0.04366008 = 0.3645724, z2 = 390.12892524, z3 = 195.47107476,
    z4 = 224.79 → 225 € (the library gave 287 €, Y over twelve months: 935.10).
    """
    a = antrag(_h(), on=ON, bewilligungszeitraum_monate=6)
    assert (a.wohngeld.Y_berechnet, a.wohngeld.betrag_monat) == (D("1070.10"), D(225))
    assert a.bewilligungszeitraum is not None
    assert (a.bewilligungszeitraum.monate, a.bewilligungszeitraum.ende) == (6, date(2025, 12, 31))


def test_antrag_reports_the_households_length() -> None:
    """Only the Haushalt carries six months: the same 225 € and a period 01.07.–31.12.2025."""
    a = antrag(_h(bewilligungszeitraum_monate=6), on=ON)
    assert a.wohngeld.betrag_monat == 225
    assert a.bewilligungszeitraum is not None and a.bewilligungszeitraum.ende == date(2025, 12, 31)


def test_antrag_with_two_different_lengths_is_refused() -> None:
    with pytest.raises(InputError, match=r"12 Monate angegeben.*= 6.*§ 15 Abs. 4, § 25 Abs. 1 WoGG"):
        antrag(_h(bewilligungszeitraum_monate=6), on=ON, bewilligungszeitraum_monate=12)


def test_antrag_with_the_same_length_twice_is_accepted() -> None:
    a = antrag(_h(bewilligungszeitraum_monate=6), on=ON, bewilligungszeitraum_monate=6)
    assert a.wohngeld.betrag_monat == 225


def test_twelve_months_stay_the_default() -> None:
    """No length anywhere: twelve months, Y = (11 898 + 1 800 − 1 230) × 0.9 / 12 = 935.10 →
    z1 = 0.04 + 0.28091232 + 0.03815208 = 0.3590644, z2 = 335.76112044, z4 = 287.31 → 287 €."""
    a = antrag(_h(), on=ON)
    assert (a.wohngeld.betrag_monat, a.bewilligungszeitraum.monate if a.bewilligungszeitraum else None) == (
        D(287), 12
    )


@pytest.mark.parametrize("on", [date(2016, 7, 1), date(2021, 7, 1), date(2022, 12, 1)])
def test_calculate_refuses_24_months_before_2023(on: date) -> None:
    """§ 25 Abs. 1 before 2023 knows no period longer than twelve months: refused with its wording."""
    with pytest.raises(InputError, match=r"1–12 Monate.*§ 25 Abs. 1 WoGG.*soll für zwölf Monate bewilligt"):
        calculate(_h(bewilligungszeitraum_monate=24), on=on)
    with pytest.raises(InputError, match=r"1–12 Monate"):
        antrag(_h(), on=on, bewilligungszeitraum_monate=13)


def test_calculate_accepts_24_months_from_2023_and_12_before() -> None:
    """From 2023 up to 24 months; twelve are allowed on every date."""
    assert calculate(_h(bewilligungszeitraum_monate=24), on=date(2023, 1, 1)).betrag_monat >= 0
    assert calculate(_h(bewilligungszeitraum_monate=12), on=date(2022, 12, 1)).betrag_monat >= 0


def test_start_date_decides_the_fassung() -> None:
    """The period's start (bewilligungszeitraum_ab) decides, not the Stichtag: a period from 01.01.2023
    may last 24 months although the Stichtag is in December 2022."""
    h = _h(bewilligungszeitraum_monate=24, bewilligungszeitraum_ab="2023-01-01")
    assert calculate(h, on=date(2022, 12, 1)).betrag_monat >= 0
