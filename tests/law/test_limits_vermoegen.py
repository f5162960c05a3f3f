"""§ 21 Nr. 3 WoGG: the 60 000 / 30 000 € limits are WoGVwV Nr. 21.37 ("in der Regel"), not statute.

§ 21 Nr. 3 (all dates): no claim "soweit die Inanspruchnahme missbräuchlich wäre, insbesondere wegen
erheblichen Vermögens" — no amount. WoGVwV 2017 Teil A Nr. 21.37 Abs. 1: as a rule 60 000 € for the
first and 30 000 € for each further zu berücksichtigende member. The Wohngeldbehörde decides the case.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from wohngeld import Haushalt, calculate

ON = date(2025, 7, 1)


def _h(**extra: object) -> Haushalt:
    """One person, Mietenstufe III, rent 400, Y 900 on 2025-07-01: 254 €.

    M = min(400, 456 + 19.20) + 110.40 = 510.40; a = 0.04, b = 0.0004797, c = 0.0000408:
    z1 = 0.04 + 0.24483888 + 0.03672 = 0.32155888, z2 = 289.402992, z3 = 220.997008, z4 = 254.15 → 254 €.
    """
    return Haushalt.model_validate(
        {
            "mietenstufe": 3,
            "miete_monat": "400",
            "anzahl_mitglieder": 1,
            "gesamteinkommen_monat": "900",
            **extra,
        }
    )


def test_rule_of_the_verwaltungsvorschrift_says_in_der_regel() -> None:
    """Vermögen 60 000.01 € > 60 000 € (one member): no claim "in der Regel", as Verwaltungsvorschrift."""
    r = calculate(_h(vermoegen="60000.01"), on=ON)
    assert r.betrag_monat == 0 and r.grund is not None
    assert "in der Regel" in r.grund and "Verwaltungsvorschrift" in r.grund
    s = next(x for x in r.schritte if x.key == "vermoegensgrenze")
    assert s.wert == Decimal(60000) and "keine gesetzliche Grenze" in s.label and "Einzelfall" in s.label
    assert "WoGVwV" in s.zitat


def test_at_the_limit_there_is_a_claim() -> None:
    assert calculate(_h(vermoegen="60000"), on=ON).betrag_monat == 254


def test_caseworker_decides_not_erheblich_above_the_limit() -> None:
    """vermoegen_erheblich = false: the rule is not applied; the amount is computed (254 €)."""
    r = calculate(_h(vermoegen="80000", vermoegen_erheblich=False), on=ON)
    assert r.betrag_monat == 254
    s = next(x for x in r.schritte if x.key == "vermoegen_einzelfall")
    assert s.wert is False and s.zitat == "§ 21 Nr. 3 WoGG"


def test_caseworker_decides_erheblich_below_the_limit() -> None:
    """vermoegen_erheblich = true: no claim under § 21 Nr. 3, whatever the amount."""
    r = calculate(_h(vermoegen="20000", vermoegen_erheblich=True), on=ON)
    assert r.betrag_monat == 0 and r.grund_zitat == "§ 21 Nr. 3 WoGG"
    assert r.grund is not None and "Einzelfall" in r.grund
