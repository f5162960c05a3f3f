"""Vorrang hint with the head share of the housing cost (Kopfteilprinzip).

The Unterkunftskosten of persons sharing a flat are split per head regardless of age or use
(BSG, Urteil vom 23.11.2006 – B 11b AS 1/06 R; Urteil vom 27.02.2008 – B 14/11b AS 55/06 R); the
hint sets the Regelbedarf of the members it tests against their share, not the whole rent.
Regelbedarfe 2025 (Anlage zu § 28 SGB XII): RBS 1 563 €, RBS 5 (6 to 13 years) 390 €.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from wohngeld import Haushalt, wohngeld_aus_m_y
from wohngeld.procedure.vorrang import vorrang

ON = date(2025, 7, 1)
KIND = {"name": "Kind", "kind": True, "geburtsdatum": "2017-03-01",
        "einnahmen": [{"art": "Unterhalt", "brutto_monat": "400"},
                      {"art": "Kindergeld", "brutto_monat": "255"}]}


def _kinderwohngeld(**wohnkosten: Any) -> Haushalt:
    return Haushalt.model_validate({
        "wohnkosten": {"art": "Miete", "miete_monat": "750", **wohnkosten}, "mietenstufe": 3,
        "mitglieder": [{"name": "Mutter", "ausgeschlossen": "SGB II", "alleinerziehend": True}, KIND]})


def test_kinderwohngeld_child_with_its_head_share_is_pointed_to_wohngeld() -> None:
    """Mother on Bürgergeld (excluded, § 7 Abs. 1 Satz 1 Nr. 1 WoGG), child (8 years) with 400 € Unterhalt
    and 255 € Kindergeld, rent 750, Mietenstufe III, 2025-07-01.

    Wohngeld (§ 11 Abs. 3, Gesamtzahl 2): rent share 375, cap (551 + 24,80)/2 = 287,90, heating 142,60/2 =
    71,30 → M = 359,20; Y = 400 (Unterhalt, § 16: 0 %; Kindergeld no income) → 308 €.
    Hint: Bedarf 390 + 750/2 = 765 €; income 400 + 255 = 655 < 765 ≤ 655 + 308 = 963 → "Wohngeld".
    """
    h = _kinderwohngeld()
    v = vorrang(h, on=ON)
    assert v.wohngeld_monat == wohngeld_aus_m_y(mitglieder=1, M="359.20", Y="400", on=ON).betrag == 308
    assert v.bedarf_monat == Decimal(765)
    assert v.einkommen_monat == Decimal(655)
    assert v.ergebnis == "Wohngeld"
    assert any("Kopfteil" in a and "B 11b AS 1/06 R" in a for a in v.annahmen)


def test_override_with_the_whole_rent_keeps_the_old_comparison() -> None:
    """``unterkunft_monat`` overrides the head share: Bedarf 390 + 750 = 1 140 € > 963 € → "SGB II/XII"."""
    v = vorrang(_kinderwohngeld(), on=ON, unterkunft_monat=750)
    assert (v.bedarf_monat, v.ergebnis) == (Decimal(1140), "SGB II/XII")


def test_no_split_without_other_occupants() -> None:
    """One person alone: the whole rent is the share; Bedarf 563 + 500 = 1 063 €."""
    h = Haushalt.model_validate({"miete_monat": "500", "mietenstufe": 3, "gesamteinkommen_monat": "700",
                                 "mitglieder": [{}]})
    v = vorrang(h, on=ON)
    assert v.bedarf_monat == Decimal(1063) and not any("Kopfteil" in a for a in v.annahmen)


def test_flatmates_count_as_heads() -> None:
    """Kopfteil over every occupant: one pensioner with ``mitbewohner = 1``, rent 600: share 300;
    Bedarf 563 + 300 = 863 €."""
    h = Haushalt.model_validate({"wohnkosten": {"art": "Miete", "miete_monat": "600", "mitbewohner": 1},
                                 "mietenstufe": 3, "gesamteinkommen_monat": "700", "mitglieder": [{}]})
    assert vorrang(h, on=ON).bedarf_monat == Decimal(863)


def test_deceased_member_has_no_regelbedarf_and_no_head() -> None:
    """§ 6 Abs. 2 keeps the deceased in the number for Wohngeld, but nobody has a Bedarf for them and
    they use no part of the flat: Bedarf 563 + 500 = 1 063 €."""
    h = Haushalt.model_validate({"miete_monat": "500", "mietenstufe": 3, "gesamteinkommen_monat": "700",
                                 "mitglieder": [{}, {"zugehoerigkeit": {"verstorben_am": "2025-03-10"}}]})
    assert vorrang(h, on=ON).bedarf_monat == Decimal(1063)
