"""Second check of §§ 6 Abs. 2, 8 Abs. 1 Satz 2, 13, 17 Nr. 3 and § 28 Abs. 3, 4 WoGG, by hand.

Texts read: WoGG "zuletzt geändert durch Art. 22 Abs. 4 G v. 11.11.2016" (Fassung 2016–2019), the
consolidated texts of 28.4.2021 and 20.1.2025. Same wording on every date:
- § 6 Abs. 2 Satz 1: "Stirbt ein zu berücksichtigendes Haushaltsmitglied, ist dies für die Dauer von
  zwölf Monaten nach dem Sterbemonat ohne Einfluss auf die bisher maßgebende Anzahl …".
- § 8 Abs. 1 Satz 2: the exclusion exists "2. nach der Bewilligung … ab dem Ersten … b) des nächsten
  Monats, wenn die Leistung … nicht vom Ersten eines Monats an bewilligt wird, 3. bis zum Letzten …
  b) des Vormonats, wenn die Leistung … nicht bis zum Letzten eines Monats bewilligt wird".
- § 17 Nr. 3: 1 320 Euro, wenn "ein zu berücksichtigendes Haushaltsmitglied ausschließlich mit einem
  Kind oder mehreren Kindern Wohnraum gemeinsam bewohnt" (and a child under 18 with Kindergeld).
- § 28 Abs. 3: unwirksam "von dem Zeitpunkt an, ab dem ein zu berücksichtigendes Haushaltsmitglied
  nach den §§ 7 und 8 Abs. 1 vom Wohngeld ausgeschlossen ist"; Abs. 4: Mitteilungspflicht.

Table values: 2025, Mietenstufe III (2. WoGFV): Höchstbetrag 456 / 551 € (1 / 2 persons),
Klimakomponente 19.20 / 24.80 €, Gesamtbetrag Heizkosten 110.40 / 142.60 €; a, b, c 1 person 0.04 /
0.0004797 / 0.0000408, 2 persons 0.03 / 0.0003571 / 0.0000304. 2021 (WoGStärkG tables, § 12 Abs. 6 of
the 2021 text): 2 persons Stufe III 516 €, heating amount 18.60 / 14.40 €; a, b, c 1 person 0.04 /
0.00058 / 0.000118, 2 persons 0.03 / 0.000405 / 0.000088. 2019 (Fassung 2016): 3 persons Stufe III
563 €; a, b, c 0.02 / 0.00038 / 0.000083. Werbungskosten: Renten 102 €, Arbeitnehmer 1 000 € (2019).
"""

from __future__ import annotations

import copy
from datetime import date
from decimal import Decimal
from typing import Any

import pytest

from wohngeld import Haushalt, calculate
from wohngeld.procedure.aenderung import aenderung

D = Decimal
KP = {"kranken_pflege": True}


def _h(data: dict[str, Any]) -> Haushalt:
    return Haushalt.model_validate(data)


# --- § 6 Abs. 2: the twelve months after the Sterbemonat ----------------------------------------------


def _witwe() -> Haushalt:
    return _h({"wohnkosten": {"art": "Miete", "miete_monat": "500"}, "mietenstufe": 3, "mitglieder": [
        {"einnahmen": [{"art": "Altersrente", "brutto_monat": "1000"}], "pauschalabzug": KP},
        {"zugehoerigkeit": {"verstorben_am": "2024-03-10"}}]})


@pytest.mark.parametrize(
    ("on", "n", "m", "betrag"),
    [(date(2025, 3, 31), 2, "642.60", 445), (date(2025, 4, 1), 1, "585.60", 307)],
)
def test_deceased_counts_to_the_end_of_the_twelfth_month(on: date, n: int, m: str, betrag: int) -> None:
    """Pensioner 1 000 €, spouse died 10.3.2024, rent 500: Sterbemonat March 2024, the twelve months run
    April 2024 – March 2025. Y = (12 000 − 102) × 0.9 / 12 = 892.35 (the deceased has no income).

    31.3.2025, n = 2: M = min(500, 551 + 24.80) + 142.60 = 642.60; z1 = 0.03 + 0.22947246 + 0.02712744 =
    0.2865999, z2 = 255.747420765, z3 = 386.852579235, z4 = 444.8804661203 → 445 €.
    1.4.2025, n = 1: M = min(500, 456 + 19.20) + 110.40 = 585.60; z1 = 0.04 + 0.28091232 + 0.03640788 =
    0.3573202, z2 = 318.85468047, z3 = 266.74531953, z4 = 306.7571174595 → 307 €.
    """
    r = calculate(_witwe(), on=on)
    assert (r.mitglieder, r.M_berechnet, r.Y_berechnet, r.betrag_monat) == (n, D(m), D("892.35"), D(betrag))


# --- § 8 Abs. 1 Satz 2 Nr. 2 b and Nr. 3 b ------------------------------------------------------------


def _zwei_rentner(zeitraum: dict[str, str]) -> Haushalt:
    return _h({"wohnkosten": {"art": "Miete", "miete_monat": "700"}, "mietenstufe": 3, "mitglieder": [
        {"einnahmen": [{"art": "Altersrente", "brutto_monat": "900"}], "pauschalabzug": KP},
        {"einnahmen": [{"art": "Altersrente", "brutto_monat": "800"}], "pauschalabzug": KP,
         "ausgeschlossen": "SGB XII", "zugehoerigkeit": zeitraum}]})


def test_benefit_granted_from_the_15th_excludes_from_the_next_month() -> None:
    """SGB XII granted from 15.8.2025 (Nr. 2 b): on 20.8.2025 both still count; on 1.9.2025 excluded.

    August, n = 2: M = min(700, 551 + 24.80) + 142.60 = 718.40; Y = (10 800 − 102) × 0.9/12 +
    (9 600 − 102) × 0.9/12 = 802.35 + 712.35 = 1 514.70; z1 = 0.03 + 0.25653664 + 0.04604688 = 0.33258352,
    z2 = 503.770316544, z3 = 214.629683456, z4 = 246.8241359744 → 247 €.
    September, § 11 Abs. 3, 1 of 2: rent 350, cap (551 + 24.80)/2 = 287.90, heating 71.30 → M = 359.20;
    Y = 802.35; z1 = 0.04 + 0.17230824 + 0.03273588 = 0.24504412, z2 = 196.611149682, z3 = 162.588850318,
    z4 = 186.9771778657 → 187 €.
    """
    h = _zwei_rentner({"leistung_ab": "2025-08-15"})
    aug = calculate(h, on=date(2025, 8, 20))
    assert (aug.mitglieder, aug.Y_berechnet, aug.betrag_monat) == (2, D("1514.70"), D(247))
    sep = calculate(h, on=date(2025, 9, 1))
    assert (sep.mitglieder, sep.M_berechnet, sep.Y_berechnet, sep.betrag_monat) == (
        1, D("359.20"), D("802.35"), D(187))


def test_benefit_ending_mid_month_excludes_only_to_the_end_of_the_month_before() -> None:
    """SGB XII granted 1.1.2025 – 20.5.2025 (Nr. 3 b: not to the last of a month): the exclusion ends on
    30.4.2025, so on 1.5.2025 both count: 247 € as above; on 30.4.2025 the Mischhaushalt: 187 €."""
    h = _zwei_rentner({"leistung_ab": "2025-01-01", "leistung_bis": "2025-05-20"})
    assert calculate(h, on=date(2025, 5, 1)).betrag_monat == 247
    assert calculate(h, on=date(2025, 4, 30)).betrag_monat == 187


# --- § 17 Nr. 3 with § 6 Abs. 2 in the Fassung 2016 --------------------------------------------------


def _verwitwet(alleinerziehend: bool) -> Haushalt:
    return _h({"wohnkosten": {"art": "Miete", "miete_monat": "600"}, "mietenstufe": 3, "mitglieder": [
        {"alleinerziehend": alleinerziehend, "pauschalabzug": KP,
         "einnahmen": [{"art": "Erwerbseinkommen", "brutto_monat": "1850"}]},
        {"kind": True, "geburtsdatum": "2012-04-01"},
        {"zugehoerigkeit": {"verstorben_am": "2019-02-10"}}]})


@pytest.mark.parametrize(("allein", "y", "betrag"), [(True, "1480", 40), (False, "1590", 0)])
def test_2019_widowed_parent_gets_the_single_parent_allowance(allein: bool, y: str, betrag: int) -> None:
    """2019-07-01: parent 1 850 € gross (§ 16 Nr. 2: 10 %), child born 2012, spouse died 10.2.2019.

    § 6 Abs. 2 keeps three members; the parent lives only with the child (§ 17 Nr. 3, reading of
    docs/rechtsauslegung.md): Y = ((22 200 − 1 000) × 0.9 − 1 320) / 12 = 17 760 / 12 = 1 480.
    M = min(600, 563) = 563. z1 = 0.02 + 0.21394 + 0.12284 = 0.35678, z2 = 528.0344, z3 = 34.9656,
    z4 = 40.21044 → 40 €. Without the flag: Y = 19 080 / 12 = 1 590, z1 = 0.36591, z2 = 581.7969,
    z4 = −21.616435 → 0 €.
    """
    r = calculate(_verwitwet(allein), on=date(2019, 7, 1))
    assert (r.mitglieder, r.M_berechnet, r.Y_berechnet, r.betrag_monat) == (3, D(563), D(y), D(betrag))


# --- § 28 Abs. 3, 4 in the Fassung of 2021 -----------------------------------------------------------

BEWILLIGT_2021: dict[str, Any] = {
    "wohnkosten": {"art": "Miete", "miete_monat": "700"}, "mietenstufe": 3, "mitglieder": [
        {"einnahmen": [{"art": "Altersrente", "brutto_monat": "900"}], "pauschalabzug": KP},
        {"einnahmen": [{"art": "Altersrente", "brutto_monat": "500"}], "pauschalabzug": KP}]}


def test_2021_benefit_from_the_last_day_of_a_month() -> None:
    """Bewilligt 1.1.2021; SGB XII for the second pensioner from 30.6.2021 (not the first: § 8 Abs. 1
    Satz 2 Nr. 2 b) → excluded from 1.7.2021; § 28 Abs. 3: unwirksam from 1.7.2021; § 28 Abs. 4: report.

    Bisher, n = 2: M = min(700, 516) + 18.60 = 534.60; Y = 802.35 + 442.35 = 1 244.70;
    z1 = 0.03 + 0.216513 + 0.1095336 = 0.3560466, z2 = 443.17120302, z3 = 91.42879698,
    z4 = 105.143116527 → 105 €. Afterwards (new application of the remaining member), § 11 Abs. 3, 1 of 2:
    rent 350, cap 516/2 = 258, heating 18.60/2 = 9.30 → M = 267.30; Y = 802.35;
    z1 = 0.04 + 0.155034 + 0.0946773 = 0.2897113, z2 = 232.449861555, z3 = 34.850138445,
    z4 = 40.0776592118 → 40 €.
    """
    neu = copy.deepcopy(BEWILLIGT_2021)
    neu["mitglieder"][1].update(
        {"ausgeschlossen": "SGB XII", "zugehoerigkeit": {"leistung_ab": "2021-06-30"}}
    )
    a = aenderung(_h(BEWILLIGT_2021), _h(neu), bewilligt_ab=date(2021, 1, 1), aenderung_ab=date(2021, 6, 30))
    assert (a.folge, a.wirksam_ab) == ("Unwirksamkeit", date(2021, 7, 1))
    assert (a.betrag_bisher, a.betrag_neu) == (D(105), D(40))
    assert any(s.key == "28_abs4" for s in a.mitteilungspflicht)


def test_member_whose_exclusion_ended_before_death_keeps_the_number() -> None:
    """§ 6 Abs. 2 Satz 1 with § 8 Abs. 1 Satz 2 Nr. 3: SGB XII until 31.12.2024, death on 10.3.2025. At
    the death the member was zu berücksichtigen, so the number 2 stays on 1.7.2025: M 642.60,
    Y 892.35 → 445 € (arithmetic as in the first test of this file)."""
    h = _h({"wohnkosten": {"art": "Miete", "miete_monat": "500"}, "mietenstufe": 3, "mitglieder": [
        {"einnahmen": [{"art": "Altersrente", "brutto_monat": "1000"}], "pauschalabzug": KP},
        {"ausgeschlossen": "SGB XII", "zugehoerigkeit": {
            "verstorben_am": "2025-03-10", "leistung_ab": "2024-01-01", "leistung_bis": "2024-12-31"}}]})
    r = calculate(h, on=date(2025, 7, 1))
    assert (r.mitglieder, r.mitglieder_gesamt, r.betrag_monat) == (2, 2, D(445))


def _witwe_mit_baby(ausnahme: bool) -> Haushalt:
    return _h({"wohnkosten": {"art": "Miete", "miete_monat": "500"}, "mietenstufe": 3, "mitglieder": [
        {"einnahmen": [{"art": "Altersrente", "brutto_monat": "1000"}], "pauschalabzug": KP},
        {"zugehoerigkeit": {"verstorben_am": "2025-03-10", "sterbefall_ausnahme": ausnahme}},
        {"kind": True, "geburtsdatum": "2025-05-01"}]})


def test_child_born_after_the_death_is_named_for_satz_2_nr_2() -> None:
    """§ 6 Abs. 2 Satz 2 Nr. 2: Satz 1 ends when the number of counted members reaches the Stand before
    the death again. Widow + husband (died 10.3.2025) → widow + child born 1.5.2025: two again.

    The list does not say who lived there at the death, so the library keeps three members and names
    the rule: M = min(500, 657 + 29.60) + 22.20 + 148 = 670.20; Y 892.35 → Mindestwert 906 (3 members);
    z1 = 0.02 + 0.19549734 + 0.022197 = 0.23769434, z2 = 215.35107204, z3 = 454.84892796,
    z4 = 523.076267154 → 523 €, with the notice. With ``sterbefall_ausnahme``: two members,
    M = 642.60, Y 892.35 → 445 € (first test of this file).
    """
    ohne = calculate(_witwe_mit_baby(False), on=date(2025, 7, 1))
    assert (ohne.mitglieder, ohne.M_berechnet, ohne.betrag_monat) == (3, D("670.20"), D(523))
    assert any("§ 6 Abs. 2 Satz 2 Nr. 2" in w for w in ohne.warnungen)
    mit = calculate(_witwe_mit_baby(True), on=date(2025, 7, 1))
    assert (mit.mitglieder, mit.betrag_monat) == (2, D(445))
    assert not any("§ 6 Abs. 2 Satz 2 Nr. 2" in w for w in mit.warnungen)
