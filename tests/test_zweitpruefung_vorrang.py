"""Second check of the Vorrang head share and the plausibility default on another date (2024), by hand.

Sources checked: BSG, Urteil vom 27.02.2008 – B 14/11b AS 55/06 R, Leitsatz: "Nutzen Hilfebedürftige
eine Unterkunft gemeinsam mit anderen Personen, so sind die Kosten im Regelfall anteilig pro Kopf
aufzuteilen"; the line goes back to BSG, Urteil vom 23.11.2006 – B 11b AS 1/06 R. VG München, Urteil vom
18.04.2019 – M 22 K 17.2772 reports a Wohngeldbehörde's Bedarf of "80% des Regelbedarfs …, Miete …".
Regelbedarfe 2024 (RBSFV 2024, BGBl. 2023 I Nr. 287): RBS 2 506 €, RBS 5 390 €.
Wohngeld 2024, Mietenstufe III (Anlage 1 i. d. F. der 1. WoGFV; Anlage 2 of the Wohngeld-Plus-Gesetz):
Höchstbetrag 2 persons 530 €, Klimakomponente 24.80 €, Gesamtbetrag Heizkosten 142.60 €; a, b, c
1 person 0.04 / 0.0004991 / 0.0000462 (Mindest-Y 350), 2 persons 0.03 / 0.0003716 / 0.0000345.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from wohngeld import Haushalt, calculate
from wohngeld.procedure.vorrang import vorrang

D = Decimal
ON = date(2024, 7, 1)


def _kinderwohngeld() -> Haushalt:
    return Haushalt.model_validate({
        "wohnkosten": {"art": "Miete", "miete_monat": "840"}, "mietenstufe": 3,
        "mitglieder": [
            {"name": "Mutter", "ausgeschlossen": "SGB II", "alleinerziehend": True},
            {"name": "Kind", "kind": True, "geburtsdatum": "2014-02-01",
             "einnahmen": [{"art": "Unterhalt", "brutto_monat": "350"},
                           {"art": "Kindergeld", "brutto_monat": "250"}]},
        ],
    })


def test_2024_child_with_head_share_is_pointed_to_wohngeld() -> None:
    """Mother on Bürgergeld (§ 7 Abs. 1 Satz 1 Nr. 1 WoGG), child of 10 with 350 € Unterhalt and 250 €
    Kindergeld, rent 840 €.

    Wohngeld (§ 11 Abs. 3, Gesamtzahl 2): rent 420, cap (530 + 24.80)/2 = 277.40, heating 142.60/2 =
    71.30 → M = 348.70; Y = 350 (= Mindestwert): z1 = 0.04 + 0.17403617 + 0.01617 = 0.23020617,
    z2 = 80.5721595, z3 = 268.1278405, z4 = 308.347016575 → 308 €.
    Hint: Bedarf 390 + 840/2 = 810 €; income 350 + 250 = 600 < 810 ≤ 600 + 308 = 908 → "Wohngeld".
    With the whole rent (override): 390 + 840 = 1 230 > 908 → "SGB II/XII".
    """
    v = vorrang(_kinderwohngeld(), on=ON)
    assert (v.wohngeld_monat, v.bedarf_monat, v.einkommen_monat, v.ergebnis) == (
        D(308), D(810), D(600), "Wohngeld")
    ganz = vorrang(_kinderwohngeld(), on=ON, unterkunft_monat=840)
    assert (ganz.bedarf_monat, ganz.ergebnis) == (D(1230), "SGB II/XII")


def _paar(y: str) -> Haushalt:
    return Haushalt.model_validate({"miete_monat": "600", "mietenstufe": 3, "gesamteinkommen_monat": y,
                                    "mitglieder": [{}, {}]})


@pytest.mark.parametrize(("y", "betrag", "gewarnt"), [("700", 550, True), ("1000", 430, False)])
def test_2024_plausibility_default_for_a_couple(y: str, betrag: int, gewarnt: bool) -> None:
    """Two adults (RBS 2 each), rent 600: Bedarf 0.8 × 1 012 + 600 = 1 409.60 €.

    M = min(600, 530 + 24.80) + 142.60 = 697.40. Y 700: z1 = 0.03 + 0.25915384 + 0.02415 = 0.31330384,
    z2 = 219.312688, z3 = 478.087312, z4 = 549.8004088 → 550 €; 700 + 550 = 1 250 < 1 409.60 → warning.
    Y 1 000: z1 = 0.32365384, z2 = 323.65384, z3 = 373.74616, z4 = 429.808084 → 430 €;
    1 000 + 430 = 1 430 ≥ 1 409.60 → no warning.
    """
    r = calculate(_paar(y), on=ON)
    assert r.betrag_monat == betrag
    w = [x for x in r.warnungen if "15.01" in x]
    assert bool(w) is gewarnt
    if gewarnt:
        assert "1.409,60 €" in w[0]
