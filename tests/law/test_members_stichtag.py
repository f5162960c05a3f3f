"""Who counts on the date: one answer of the members stage (§§ 5–8 WoGG), consumed by every stage.

Table values used (all hand-read from the data of the date):
- 2025 (Anlage 1 WoGG i. d. F. der 2. WoGFV, BGBl. 2024 I Nr. 314), Mietenstufe III: Höchstbetrag
  1 person 456 €, 2 persons 551 €; Klimakomponente (§ 12 Abs. 7 WoGG) 19,20 / 24,80 €; Gesamtbetrag
  zur Entlastung bei den Heizkosten (§ 12 Abs. 6 WoGG) 14,40 + 96 = 110,40 / 18,60 + 124 = 142,60 €.
- 2024 (Anlage 1 i. d. F. des § 23 Abs. 2 WoGV, 1. WoGFV), Mietenstufe III: 2 persons 530 €, 3 persons
  631 €; Klimakomponente 24,80 / 29,60 €; Heizkosten 142,60 / 22,20 + 148 = 170,20 €.
- Werbungskosten (§ 14 Abs. 1 WoGG i. V. m. § 9a EStG): Renten 102 €/Jahr, Arbeitnehmer 1 230 €/Jahr
  (2023 on). § 16 WoGG: 10 % per criterion. § 17 Nr. 1: 1 800 €, Nr. 3: 1 320 €/Jahr.
The § 19 stage alone is taken from :func:`wohngeld_aus_m_y` where no published amount exists.
"""

from __future__ import annotations

import copy
from datetime import date
from decimal import Decimal
from typing import Any

import pytest
from dateutil.relativedelta import relativedelta

from wohngeld import Haushalt, calculate, wohngeld_aus_m_y

ON = date(2025, 7, 1)
KP = {"kranken_pflege": True}


def _h(data: dict[str, Any]) -> Haushalt:
    return Haushalt.model_validate(data)


def _rentner(brutto: str, **extra: Any) -> dict[str, Any]:
    return {"einnahmen": [{"art": "Altersrente", "brutto_monat": brutto}], "pauschalabzug": KP, **extra}


def _zwei_rentner(zweiter: dict[str, Any]) -> Haushalt:
    return _h({"wohnkosten": {"art": "Miete", "miete_monat": "700"}, "mietenstufe": 3,
               "mitglieder": [_rentner("900"), {**_rentner("800"), **zweiter}]})


# --- Defect 1: an exclusion not running on the date does not drop income ---------------------------

def test_exclusion_starting_after_the_date_keeps_income() -> None:
    """§ 8 Abs. 1 Satz 2 Nr. 1, § 13 Abs. 1 WoGG (Fassung 2025): SGB XII from 2025-09-01, date 2025-07-01.

    The exclusion starts on 1.9.2025, so on 1.7.2025 both members count, with their income.
    M = min(700, 551 + 24,80) + 142,60 = 718,40. Y = (12·900 − 102)·0,9/12 + (12·800 − 102)·0,9/12
    = 802,35 + 712,35 = 1 514,70 → 247 € (second reading, defect 1).
    """
    r = calculate(_zwei_rentner({"ausgeschlossen": "SGB XII",
                                 "zugehoerigkeit": {"leistung_ab": "2025-09-01"}}), on=ON)
    assert (r.mitglieder, r.mitglieder_gesamt) == (2, 2)
    assert r.M_berechnet == Decimal("718.40")
    assert r.Y_berechnet == Decimal("1514.70")
    assert r.betrag_monat == 247


@pytest.mark.parametrize(
    ("on", "m"),
    [
        (date(2016, 7, 1), "473"),  # § 12 Abs. 1 table (T16): 2 persons, Stufe III 473; no heating amount
        (date(2021, 7, 1), "534.60"),  # Anlage 1 (2020): 516 + § 12 Abs. 6 (2021) 18,60
    ],
)
def test_exclusion_starting_after_the_date_other_fassungen(on: date, m: str) -> None:
    """§ 8 Abs. 1 Satz 2, § 13 Abs. 1 WoGG in the texts of 2016 and 2021 (same wording): SGB XII from the
    first of the third month after the date. Both count: Y = 802,35 + 712,35 = 1 514,70 (Werbungskosten
    102 €, § 16 Nr. 2: 10 %); M = min(700, cap) + heating amount."""
    zeitraum = {"leistung_ab": (on + relativedelta(months=2)).isoformat()}
    r = calculate(_zwei_rentner({"ausgeschlossen": "SGB XII", "zugehoerigkeit": zeitraum}), on=on)
    assert (r.mitglieder, r.M_berechnet, r.Y_berechnet) == (2, Decimal(m), Decimal("1514.70"))
    assert r.betrag_monat == wohngeld_aus_m_y(mitglieder=2, M=m, Y="1514.70", on=on).betrag


def test_exclusion_ended_before_the_date_keeps_income() -> None:
    """§ 8 Abs. 1 Satz 2 Nr. 3 WoGG: SGB XII 2024-01-01 to 2025-05-31, date 2025-07-01.

    The exclusion ran to 31.5.2025; in July both members count: the same M, Y and 247 € as above.
    """
    r = calculate(_zwei_rentner({"ausgeschlossen": "SGB XII", "zugehoerigkeit": {
        "leistung_ab": "2024-01-01", "leistung_bis": "2025-05-31"}}), on=ON)
    assert (r.M_berechnet, r.Y_berechnet, r.betrag_monat) == (
        Decimal("718.40"), Decimal("1514.70"), Decimal(247))


def test_running_exclusion_drops_income_and_freibetrag() -> None:
    """§ 7 Abs. 1 Satz 1 Nr. 5, § 11 Abs. 3, § 13 Abs. 1 WoGG: the exclusion runs on 2025-10-01.

    Mischhaushalt, 1 of 2 counted: rent share 700/2 = 350, cap (551 + 24,80)/2 = 287,90,
    heating 142,60/2 = 71,30 → M = 359,20. Y = 802,35 (the excluded member's 712,35 and the
    GdB-100 Freibetrag of 150 €/month given to them are not counted).
    """
    r = calculate(_zwei_rentner({"ausgeschlossen": "SGB XII", "schwerbehindert_gdb": 100,
                                 "zugehoerigkeit": {"leistung_ab": "2025-09-01"}}), on=date(2025, 10, 1))
    assert (r.mitglieder, r.mitglieder_gesamt) == (1, 2)
    assert r.M_berechnet == Decimal("359.20")
    assert r.Y_berechnet == Decimal("802.35")


def test_not_yet_running_exclusion_keeps_freibetrag_and_unterhalt() -> None:
    """§§ 17 Nr. 1, 18 Satz 1 Nr. 4 WoGG: the member counts on the date, so do their deductions.

    Second pensioner with GdB 100 (1 800 €/Jahr) paying 100 €/month Unterhalt to a sonstige Person
    (§ 18 Satz 1 Nr. 4: up to 3 000 €/Jahr; 1 200 € paid). Y = 1 514,70 − 150 − 100 = 1 264,70.
    """
    r = calculate(_zwei_rentner({
        "ausgeschlossen": "SGB XII", "schwerbehindert_gdb": 100,
        "unterhaltszahlungen": [{"empfaenger": "sonstige", "betrag_monat": "100"}],
        "zugehoerigkeit": {"leistung_ab": "2025-09-01"}}), on=ON)
    assert r.Y_berechnet == Decimal("1264.70")


# --- Defect 2: § 6 Abs. 2 only for a member who was zu berücksichtigen -----------------------------

def _witwer(zweiter: dict[str, Any], miete: str = "500") -> Haushalt:
    return _h({"wohnkosten": {"art": "Miete", "miete_monat": miete}, "mietenstufe": 3,
               "mitglieder": [_rentner("1000"), zweiter]})


def test_deceased_excluded_member_is_not_kept() -> None:
    """§ 6 Abs. 2 Satz 1 WoGG ("Stirbt ein zu berücksichtigendes Haushaltsmitglied", T16–T26).

    The member who died 2025-03-10 received SGB XII, so was excluded, not zu berücksichtigen: after the
    death the household is one person, no Mischhaushalt. M = min(500, 456 + 19,20) + 110,40 = 585,60;
    Y = (12 000 − 102)·0,9/12 = 892,35 → 307 € (second reading, defect 2).
    """
    r = calculate(_witwer({"ausgeschlossen": "SGB XII", "zugehoerigkeit": {"verstorben_am": "2025-03-10"}}),
                  on=ON)
    assert (r.mitglieder, r.mitglieder_gesamt) == (1, 1)
    assert (r.M_berechnet, r.Y_berechnet, r.betrag_monat) == (
        Decimal("585.60"), Decimal("892.35"), Decimal(307))


def test_deceased_whose_benefit_had_ended_keeps_the_number() -> None:
    """§ 6 Abs. 2 Satz 1 with § 8 Abs. 1 Satz 2 Nr. 3 WoGG: SGB XII ended 2024-12-31, death 2025-03-10.

    At death the member was zu berücksichtigen, so the number 2 stays: M = min(500, 575,80) + 142,60 =
    642,60; Y = 892,35 (no income of the deceased).
    """
    r = calculate(_witwer({"ausgeschlossen": "SGB XII", "zugehoerigkeit": {
        "verstorben_am": "2025-03-10", "leistung_ab": "2024-01-01", "leistung_bis": "2024-12-31"}}), on=ON)
    assert (r.mitglieder, r.mitglieder_gesamt) == (2, 2)
    assert (r.M_berechnet, r.Y_berechnet) == (Decimal("642.60"), Decimal("892.35"))


# --- Defect 3: the deceased keeps only the number -------------------------------------------------

def test_deceased_member_has_no_freibetrag() -> None:
    """§ 6 Abs. 2 Satz 1 ("die bisher maßgebende Anzahl"), § 17 Nr. 1 WoGG (T23/T26).

    n = 2, M = min(600, 551 + 24,80) + 142,60 = 718,40; Y = 892,35, no 1 800 € Freibetrag for the
    deceased's GdB 100 → 504 € (second reading, defect 3).
    """
    r = calculate(_witwer({"schwerbehindert_gdb": 100, "zugehoerigkeit": {"verstorben_am": "2025-03-10"}},
                          miete="600"), on=ON)
    assert (r.mitglieder, r.M_berechnet, r.Y_berechnet, r.betrag_monat) == (
        2, Decimal("718.40"), Decimal("892.35"), Decimal(504))
    assert any(s.key == "verstorben_einkommen" for s in r.schritte)


def test_deceased_member_has_no_freibetrag_2016() -> None:
    """§ 6 Abs. 2, § 17 Nr. 1 WoGG (T16; Freibetrag then 1 500 €): 2016-07-01, death 2016-03-10, rent 600.

    n = 2, M = min(600, 473) = 473 (no heating amount in 2016); Y = 892,35, no Freibetrag."""
    h = _witwer({"schwerbehindert_gdb": 100, "zugehoerigkeit": {"verstorben_am": "2016-03-10"}}, miete="600")
    r = calculate(h, on=date(2016, 7, 1))
    assert (r.mitglieder, r.M_berechnet, r.Y_berechnet) == (2, Decimal(473), Decimal("892.35"))


def test_deceased_member_listed_income_is_not_counted() -> None:
    """§ 6 Abs. 2, § 13 Abs. 1 WoGG: a pension listed for the deceased without ``bis`` does not count.

    Same household as above with the deceased's Altersrente 700 €: still Y = 892,35, 504 €.
    """
    r = calculate(_witwer({**_rentner("700"), "zugehoerigkeit": {"verstorben_am": "2025-03-10"}},
                          miete="600"), on=ON)
    assert (r.Y_berechnet, r.betrag_monat) == (Decimal("892.35"), Decimal(504))


def test_before_the_death_the_member_counts_fully() -> None:
    """§ 5 Abs. 1 WoGG: on 2025-03-01 the member (dies 2025-03-10) is alive and counts with income.

    Y = 892,35 + (12·700 − 102)·0,9/12 = 892,35 + 622,35 = 1 514,70.
    """
    r = calculate(_witwer({**_rentner("700"), "zugehoerigkeit": {"verstorben_am": "2025-03-10"}},
                          miete="600"), on=date(2025, 3, 1))
    assert r.Y_berechnet == Decimal("1514.70")


# --- Defect 4: SGB VIII excludes only where every member receives it ------------------------------

def _sgb8(erwachsener: dict[str, Any] | None = None) -> Haushalt:
    eltern = erwachsener or {"einnahmen": [{"art": "Erwerbseinkommen", "brutto_monat": "2000"}],
                             "pauschalabzug": {"steuern": True, "kranken_pflege": True, "rente": True}}
    return _h({"wohnkosten": {"art": "Miete", "miete_monat": "700"}, "mietenstufe": 3,
               "mitglieder": [eltern, {"kind": True, "ausgeschlossen": "SGB VIII"}]})


def test_sgb_viii_in_a_mixed_household_does_not_exclude() -> None:
    """§ 7 Abs. 1 Satz 1 Nr. 9 WoGG (T16–T26): "in Haushalten, zu denen ausschließlich Personen gehören,
    die diese Leistungen empfangen". The earner does not: the child counts.

    n = 2, M = 718,40, Y = (24 000 − 1 230)·0,7/12 = 1 328,25 → 327 € (second reading, defect 4).
    """
    r = calculate(_sgb8(), on=ON)
    assert (r.mitglieder, r.M_berechnet, r.Y_berechnet, r.betrag_monat) == (
        2, Decimal("718.40"), Decimal("1328.25"), Decimal(327))
    assert any("§ 7 Abs. 1 Satz 1 Nr. 9" in s.zitat for s in r.schritte)
    assert any("SGB VIII" in w for w in r.warnungen)


def test_sgb_viii_where_every_member_receives_it_excludes() -> None:
    """§ 7 Abs. 1 Satz 1 Nr. 9, § 21 Nr. 2 WoGG: both members receive SGB VIII → 0 € with the reason."""
    r = calculate(_sgb8({"ausgeschlossen": "SGB VIII"}), on=ON)
    assert r.betrag_monat == 0 and not r.anspruch and r.grund_zitat == "§ 21 Nr. 2 WoGG"


# --- § 17 Nr. 3: "ausschließlich mit … Kindern Wohnraum gemeinsam bewohnt" --------------------------

ON_2024 = date(2024, 7, 1)


def _alleinerziehend(*weitere: dict[str, Any]) -> Haushalt:
    return _h({"wohnkosten": {"art": "Miete", "miete_monat": "600"}, "mietenstufe": 3, "mitglieder": [
        {"alleinerziehend": True, "einnahmen": [{"art": "Erwerbseinkommen", "brutto_monat": "1800"}],
         "pauschalabzug": {"kranken_pflege": True, "rente": True}},
        {"kind": True, "geburtsdatum": "2016-05-01"}, *weitere]})


def test_single_parent_325() -> None:
    """§ 17 Nr. 3 WoGG (T23, 2024): parent with 1 800 € gross, § 16 Nr. 2, 3 (20 %), child born 2016.

    M = min(600, 530 + 24,80) + 142,60 = 697,40. Y = ((21 600 − 1 230)·0,8 − 1 320)/12 = (16 296 − 1 320)/12
    = 1 248 → 325 € (issue example).
    """
    r = calculate(_alleinerziehend(), on=ON_2024)
    assert (r.M_berechnet, r.Y_berechnet, r.betrag_monat) == (
        Decimal("697.40"), Decimal("1248"), Decimal(325))


def test_permanently_absent_person_does_not_block_17_3() -> None:
    """§ 5 Abs. 1, § 17 Nr. 3 WoGG: a person permanently absent does not live in the Wohnraum: 325 €."""
    r = calculate(_alleinerziehend({"zugehoerigkeit": {"abwesend": "dauerhaft"}}), on=ON_2024)
    assert (r.mitglieder, r.Y_berechnet, r.betrag_monat) == (2, Decimal("1248"), Decimal(325))


def test_deceased_spouse_keeps_number_and_parent_gets_17_3() -> None:
    """§ 6 Abs. 2 Satz 1 keeps the *number* of members; § 17 Nr. 3 asks who lives in the Wohnraum.

    Spouse died 2024-03-10: n = 3 until March 2025, but the parent now lives only with the child, so
    the 1 320 € Freibetrag applies: Y = 1 248. M = min(600, 631 + 29,60) + 170,20 = 770,20.
    """
    ehegatte = {"zugehoerigkeit": {"beziehung": "Ehegatte", "verstorben_am": "2024-03-10"}}
    r = calculate(_alleinerziehend(ehegatte), on=ON_2024)
    assert (r.mitglieder, r.M_berechnet, r.Y_berechnet) == (3, Decimal("770.20"), Decimal("1248"))
    assert r.betrag_monat == wohngeld_aus_m_y(mitglieder=3, M="770.20", Y="1248", on=ON_2024).betrag


def test_excluded_adult_living_there_blocks_17_3() -> None:
    """§ 17 Nr. 3 WoGG: an excluded adult (grandmother on Grundsicherung) lives in the Wohnraum, so the
    parent does not live "ausschließlich" with children: Y = (16 296)/12 = 1 358, no Freibetrag."""
    r = calculate(_alleinerziehend({"ausgeschlossen": "Grundsicherung"}), on=ON_2024)
    assert r.Y_berechnet == Decimal("1358")


def test_listed_flatmate_blocks_17_3_and_takes_a_head_share() -> None:
    """§ 11 Abs. 2 Nr. 3, § 17 Nr. 3 WoGG: a flatmate (beziehung "keine") lives there.

    No Freibetrag: Y = 1 358. Rent share 600/3 = 200 left out → 400; M = min(400, 554,80) + 142,60 = 542,60.
    """
    r = calculate(_alleinerziehend({"zugehoerigkeit": {"beziehung": "keine"}}), on=ON_2024)
    assert (r.mitglieder, r.M_berechnet, r.Y_berechnet) == (2, Decimal("542.60"), Decimal("1358"))
    assert any("§ 11 Abs. 2 Nr. 3" in w for w in r.warnungen)


def test_flatmate_share_given_as_mitbewohner_is_not_doubled() -> None:
    """§ 11 Abs. 2 Nr. 3 WoGG: with ``mitbewohner = 1`` and a higher Entgelt 250 € that is left out,
    not a second head share: 600 − 250 = 350; M = 350 + 142,60 = 492,60."""
    data = copy.deepcopy(_alleinerziehend({"zugehoerigkeit": {"beziehung": "keine"}}).model_dump(mode="json"))
    data["wohnkosten"].update({"mitbewohner": 1, "mitbewohner_entgelt_monat": "250"})
    r = calculate(_h(data), on=ON_2024)
    assert r.M_berechnet == Decimal("492.60")


# --- § 7 reasons as typed values; words meaning "not excluded" ------------------------------------

@pytest.mark.parametrize("wort", ["nein", "false", "0", "keine", "Nein", " FALSE "])
def test_words_meaning_not_excluded_are_refused(wort: str) -> None:
    with pytest.raises(ValueError, match="Feld weglassen"):
        Haushalt.model_validate({"miete_monat": "500", "mietenstufe": 3,
                                 "mitglieder": [{}, {"ausgeschlossen": wort}]})


@pytest.mark.parametrize("text", ["Hilfe zur Pflege", "Hilfe zur Pflege nach SGB XII", "SGB XII 7. Kapitel",
                                  "Eingliederungshilfe"])
def test_benefits_that_do_not_exclude_are_refused(text: str) -> None:
    """§ 7 Abs. 1 Satz 1 Nr. 5, 6 WoGG: of the SGB XII only the 3. and 4. Kapitel exclude."""
    with pytest.raises(ValueError, match="keine Leistung nach § 7 Abs"):
        Haushalt.model_validate({"wohnkosten": {"art": "Heim"}, "mietenstufe": 4,
                                 "mitglieder": [{"ausgeschlossen": text}]})


def test_sgb_xii_kapitel_are_typed() -> None:
    from wohngeld.input.gruende import Ausschlussgrund, ausschlussgrund

    assert ausschlussgrund("SGB XII 4. Kapitel") is Ausschlussgrund.GRUNDSICHERUNG_SGB_XII
    assert ausschlussgrund("SGB XII 3. Kapitel") is Ausschlussgrund.HLU_SGB_XII
    assert "4. Kapitel" in Ausschlussgrund.GRUNDSICHERUNG_SGB_XII.value
    assert ausschlussgrund(
        "Grundsicherung im Alter und bei Erwerbsminderung nach dem SGB XII (§ 7 Abs. 1 Satz 1 Nr. 5 WoGG)"
    ) is Ausschlussgrund.GRUNDSICHERUNG_SGB_XII


def test_free_text_excludes_with_a_notice() -> None:
    """A free-text reason still excludes as stated (compatible), but the Result says to check it."""
    h = _zwei_rentner({"ausgeschlossen": "Leistung nach irgendeinem Gesetz"})
    r = calculate(h, on=ON)
    assert r.mitglieder == 1
    assert any("freier Text" in w and "Hilfe zur Pflege" in w for w in r.warnungen)
    typed = calculate(_zwei_rentner({"ausgeschlossen": "SGB XII"}), on=ON)
    assert not any("freier Text" in w for w in typed.warnungen)


def test_only_deceased_counted_members_give_no_claim() -> None:
    """§ 6 Abs. 2 Satz 1, § 21 Nr. 2 WoGG: the survivor is excluded (SGB XII), the deceased spouse only
    keeps the number — nobody living is zu berücksichtigen: 0 € with the reason."""
    h = _witwer({"zugehoerigkeit": {"verstorben_am": "2025-03-10"}})
    data = h.model_dump(mode="json", exclude_none=True)
    data["mitglieder"][0]["ausgeschlossen"] = "SGB XII"
    r = calculate(_h(data), on=ON)
    assert r.betrag_monat == 0 and not r.anspruch
    assert r.grund_zitat is not None and "§ 6 Abs. 2" in r.grund_zitat


@pytest.mark.parametrize("rechenweg", [True, False])
def test_listed_flatmate_of_a_pensioner(rechenweg: bool) -> None:
    """§ 11 Abs. 2 Nr. 3 WoGG (T23/T26): pensioner 1 000 € + listed flatmate, rent 600, 2025-07-01.

    Head share 600/2 = 300 left out; M = min(300, 456 + 19,20) + 110,40 = 410,40; Y = 892,35 → 192 €,
    the amount the second reading gives with ``mitbewohner = 1`` (307 € with the whole rent).
    """
    h = _h({"miete_monat": "600", "mietenstufe": 3,
            "mitglieder": [_rentner("1000"), {"zugehoerigkeit": {"beziehung": "keine"}}]})
    r = calculate(h, on=ON, rechenweg=rechenweg)
    assert (r.mitglieder, r.M_berechnet, r.Y_berechnet) == (1, Decimal("410.40"), Decimal("892.35"))
    assert r.betrag_monat == 192
