"""§ 28 Abs. 3, 4 with § 8 Abs. 1 Satz 2 WoGG: a § 7 benefit that starts in the middle of a month.

Text (T16–T26): § 8 Abs. 1 Satz 2 Nr. 1 b, 2 b — a benefit applied for or granted from a day other
than the first excludes from the first of the next month; § 28 Abs. 3 — the Bewilligungsbescheid
becomes unwirksam from then; § 28 Abs. 4 — the application for the benefit must be reported.
Tables 2025, Mietenstufe III as in tests/law/test_members_stichtag.py.
"""

from __future__ import annotations

import copy
from datetime import date
from decimal import Decimal
from typing import Any

from wohngeld import Haushalt, wohngeld_aus_m_y
from wohngeld.procedure.aenderung import aenderung

KP = {"kranken_pflege": True}
BEWILLIGT: dict[str, Any] = {
    "wohnkosten": {"art": "Miete", "miete_monat": "700"}, "mietenstufe": 3, "mitglieder": [
        {"einnahmen": [{"art": "Altersrente", "brutto_monat": "900"}], "pauschalabzug": KP},
        {"einnahmen": [{"art": "Altersrente", "brutto_monat": "500"}], "pauschalabzug": KP}]}


def _neu(leistung_ab: str) -> Haushalt:
    d = copy.deepcopy(BEWILLIGT)
    d["mitglieder"][1].update({"ausgeschlossen": "SGB XII", "zugehoerigkeit": {"leistung_ab": leistung_ab}})
    return Haushalt.model_validate(d)


def test_benefit_from_the_15th_makes_the_bescheid_unwirksam_from_the_next_first() -> None:
    """Bewilligt 2025-01-01: M = min(700, 551 + 24,80) + 142,60 = 718,40, Y = (12·900 − 102)·0,9/12 +
    (12·500 − 102)·0,9/12 = 802,35 + 442,35 = 1 244,70 (n = 2). SGB XII from 2025-03-15: the exclusion
    starts 2025-04-01, so March keeps the granted amount; from April the Bescheid is unwirksam and the
    remaining member applies anew: § 11 Abs. 3, 1 of 2: rent 350, cap (551 + 24,80)/2 = 287,90, heating
    71,30 → M = 359,20; Y = 802,35 (n = 1)."""
    a = aenderung(Haushalt.model_validate(BEWILLIGT), _neu("2025-03-15"),
                  bewilligt_ab=date(2025, 1, 1), aenderung_ab=date(2025, 3, 15))
    assert a.folge == "Unwirksamkeit"
    assert a.wirksam_ab == date(2025, 4, 1)
    assert "§ 28 Abs. 3" in a.zitat and "§ 8 Abs. 1 Satz 2" in a.zitat
    assert (a.bisher.M_berechnet, a.bisher.Y_berechnet) == (Decimal("718.40"), Decimal("1244.70"))
    alt = wohngeld_aus_m_y(mitglieder=2, M="718.40", Y="1244.70", on=date(2025, 1, 1))
    assert a.betrag_bisher == alt.betrag
    neu = a.neu
    assert (neu.mitglieder, neu.M_berechnet, neu.Y_berechnet) == (1, Decimal("359.20"), Decimal("802.35"))
    assert a.betrag_neu == wohngeld_aus_m_y(mitglieder=1, M="359.20", Y="802.35", on=date(2025, 4, 1)).betrag
    assert any(s.key == "28_abs4" for s in a.mitteilungspflicht)
    assert "01.04.2025" in a.erklaerung and "§ 28 Abs. 4" in a.erklaerung


def test_benefit_from_the_first_is_unwirksam_from_that_month() -> None:
    """§ 8 Abs. 1 Satz 2 Nr. 1 a: a benefit from 2025-03-01 excludes from 2025-03-01 (§ 28 Abs. 3)."""
    a = aenderung(Haushalt.model_validate(BEWILLIGT), _neu("2025-03-01"),
                  bewilligt_ab=date(2025, 1, 1), aenderung_ab=date(2025, 3, 1))
    assert (a.folge, a.wirksam_ab, a.zitat) == ("Unwirksamkeit", date(2025, 3, 1), "§ 28 Abs. 3 WoGG")
    assert any(s.key == "28_abs4" for s in a.mitteilungspflicht)


def test_no_increase_is_reported_for_the_month_before_the_exclusion() -> None:
    """The March household equals the granted one (the member still counts with income), so no
    Erhöhungsantrag: the old reading reported 362 € → 539 € from 2025-03-01."""
    a = aenderung(Haushalt.model_validate(BEWILLIGT), _neu("2025-03-15"),
                  bewilligt_ab=date(2025, 1, 1), aenderung_ab=date(2025, 3, 15))
    assert a.folge != "Erhöhungsantrag" and a.betrag_neu < a.betrag_bisher
