"""Plausibility (Mindesteinkommen) by default: 80 % of the Regelbedarfe plus the rent.

WoGVwV Teil A Nr. 15.01 ff., as courts describe the practice (VG München, Urteil vom 18.04.2019 –
M 22 K 17.2772: "80 % des Regelbedarfs …, Miete …"). A warning, never a decision. Regelbedarf 2025:
RBS 1 563 € (Anlage zu § 28 SGB XII).
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from wohngeld import Haushalt, calculate
from wohngeld.law.limits import mindestbedarf

ON = date(2025, 7, 1)


def _h(y: str, *mitglieder: dict[str, Any], miete: str = "500", **extra: Any) -> Haushalt:
    return Haushalt.model_validate({"miete_monat": miete, "mietenstufe": 3, "gesamteinkommen_monat": y,
                                    "mitglieder": list(mitglieder) or [{}], **extra})


def _warnung(h: Haushalt) -> str | None:
    return next((w for w in calculate(h, on=ON).warnungen if "15.01" in w), None)


def test_default_bedarf_is_80_percent_of_regelbedarf_plus_rent() -> None:
    """One person: 0,8 · 563 + 500 = 950,40 €. With Y = 0 the Wohngeld cannot exceed M = 585,60
    (§ 19 Abs. 1: the amount is at most M), so Y + Wohngeld < 950,40: warned, amount still paid."""
    assert mindestbedarf(regelbedarf=Decimal(563), miete=Decimal(500)) == Decimal("950.40")
    r = calculate(_h("0"), on=ON)
    w = _warnung(_h("0"))
    assert r.betrag_monat > 0 and w is not None
    assert "950,40 €" in w and "80 %" in w and "M 22 K 17.2772" in w


def test_no_warning_when_income_covers_the_default_bedarf() -> None:
    """Y = 1 000 ≥ 950,40 alone: no warning."""
    assert _warnung(_h("1000")) is None


def test_given_bedarf_wins() -> None:
    """``bedarf_monat`` given (600 €): compared with it, not with the default; Y 700 ≥ 600."""
    assert _warnung(_h("700", bedarf_monat="600")) is None


def test_mischhaushalt_uses_the_counted_share() -> None:
    """§ 11 Abs. 3 WoGG: 1 of 2 counted, rent 700 → share 350; Bedarf 0,8 · 563 + 350 = 800,40."""
    w = _warnung(_h("0", {}, {"ausgeschlossen": "SGB II"}, miete="700"))
    assert w is not None and "800,40 €" in w and "350,00 €" in w


def test_no_default_without_member_list() -> None:
    """With only ``anzahl_mitglieder`` there is nobody to give a Regelbedarf to: no default warning."""
    h = Haushalt.model_validate({"miete_monat": "500", "mietenstufe": 3, "gesamteinkommen_monat": "0",
                                 "anzahl_mitglieder": 1})
    assert _warnung(h) is None
