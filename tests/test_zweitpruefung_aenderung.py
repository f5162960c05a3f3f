"""Second check of § 27 Abs. 1, 2 (thresholds per Fassung), § 25 Abs. 1 and § 15 Abs. 4 WoGG, by hand.

Texts read: WoGG "zuletzt geändert durch Art. 22 Abs. 4 G v. 11.11.2016" (§ 27 Abs. 1 Nr. 2, 3 and
Abs. 2 Nr. 2, 3: "um mehr als 15 Prozent", no heating amount); text of 21.12.2022 (15 Prozent, Miete
"abzüglich der Beträge zur Entlastung bei den Heizkosten"); texts of 1.1.2023 and 20.1.2025 (Abs. 1
Nr. 2, 3: "um mehr als 10 Prozent", Abs. 2: 15 Prozent). § 25 Abs. 1 of 2016/2021: "soll für zwölf
Monate bewilligt werden … verkürzt … geteilt"; of 2023/2025: "… auf bis zu 24 Monate verlängert".
§ 15 Abs. 4 (all dates): "Beträgt der Bewilligungszeitraum nicht zwölf Monate, ist als Einkommen das
Zwölffache des … im Bewilligungszeitraum zu erwartenden durchschnittlichen monatlichen Einkommens zu
Grunde zu legen."

One person, Mietenstufe III. Values (Anlage of the date): 2016–2019 a 0.04, b 0.00063, c 0.000138,
Höchstbetrag 390; 2022 a 0.04, b 0.000564, c 0.0001157, Höchstbetrag 438, heating amount 14.40;
2023–2024 a 0.04, b 0.0004991, c 0.0000462 (Anlage 2, BGBl. I 2022, 2164), Höchstbetrag 438,
Klimakomponente 19.20, Gesamtbetrag 14.40 + 96 = 110.40; 2025 a 0.04, b 0.0004797, c 0.0000408,
Höchstbetrag 456, the same 19.20 and 110.40.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from wohngeld import Haushalt, InputError, antrag, calculate
from wohngeld.procedure.aenderung import aenderung, bewilligungszeitraum

D = Decimal


def _eine_person(miete: str, y: str) -> Haushalt:
    return Haushalt.model_validate(
        {"mietenstufe": 3, "miete_monat": miete, "anzahl_mitglieder": 1, "gesamteinkommen_monat": y}
    )


def test_2019_rent_rise_above_15_percent() -> None:
    """2019 (Fassung 2016), Y 700, rent 300 → 346 (+15.33 % > 15 %): Erhöhungsantrag (§ 27 Abs. 1 Nr. 2).

    No heating amount exists before 2021, so M = Miete. M 300: z1 = 0.04 + 0.189 + 0.0966 = 0.3256,
    z2 = 227.92, z3 = 72.08, z4 = 82.892 → 83 €. M 346: z1 = 0.35458, z2 = 248.206, z3 = 97.794,
    z4 = 112.4631 → 112 €.
    """
    a = aenderung(_eine_person("300", "700"), _eine_person("346", "700"),
                  bewilligt_ab=date(2019, 1, 1), aenderung_ab=date(2019, 5, 1))
    assert (a.folge, a.betrag_bisher, a.betrag_neu) == ("Erhöhungsantrag", D(83), D(112))
    s = next(x for x in a.pruefungen if x.key == "abs1_nr2")
    assert (s.alt, s.neu, s.schwelle_prozent, s.erfuellt) == (D(300), D(346), D(15), True)
    assert "Heizkosten" not in s.bezeichnung


def test_2022_income_fall_of_12_percent_is_not_enough() -> None:
    """2022: rent 350 (M = 350 + 14.40 = 364.40), Y 950 → 836 (−12 %): not "mehr als 15 Prozent" →
    keine Änderung. Y 950: z1 = 0.04 + 0.2055216 + 0.109915 = 0.3554366, z2 = 337.66477,
    z3 = 26.73523, z4 = 30.7455145 → 31 € stay."""
    a = aenderung(_eine_person("350", "950"), _eine_person("350", "836"),
                  bewilligt_ab=date(2022, 1, 1), aenderung_ab=date(2022, 5, 1))
    assert (a.folge, a.betrag_bisher, a.betrag_neu) == ("keine Änderung", D(31), D(31))


def test_2022_income_fall_above_15_percent() -> None:
    """2022: Y 950 → 807 (−15.05 %): Erhöhungsantrag (§ 27 Abs. 1 Nr. 3). Y 807: z1 = 0.04 + 0.2055216
    + 0.0933699 = 0.3388915, z2 = 273.4854405, z3 = 90.9145595, z4 = 104.551743425 → 105 €."""
    a = aenderung(_eine_person("350", "950"), _eine_person("350", "807"),
                  bewilligt_ab=date(2022, 1, 1), aenderung_ab=date(2022, 5, 1))
    assert (a.folge, a.betrag_bisher, a.betrag_neu) == ("Erhöhungsantrag", D(31), D(105))


@pytest.mark.parametrize(
    ("neu", "folge", "betrag"), [("880", "Erhöhungsantrag", 229), ("900", "keine Änderung", 183)]
)
def test_2025_income_fall_against_ten_percent(neu: str, folge: str, betrag: int) -> None:
    """2025: rent 350 → M = min(350, 456 + 19.20) + 110.40 = 460.40; Y 1 000.

    Bisher: z1 = 0.04 + 0.22085388 + 0.0408 = 0.30165388, z2 = 301.65388, z3 = 158.74612,
    z4 = 182.558038 → 183 €. Y 880 (−12 % > 10 %): z1 = 0.29675788, z2 = 261.1469344,
    z3 = 199.2530656, z4 = 229.14102544 → 229 € (Erhöhungsantrag). Y 900 is −10.00 %: not "mehr als
    10 Prozent" → keine Änderung, 183 € stay.
    """
    a = aenderung(_eine_person("350", "1000"), _eine_person("350", neu),
                  bewilligt_ab=date(2025, 1, 1), aenderung_ab=date(2025, 5, 1))
    assert (a.folge, a.betrag_bisher, a.betrag_neu) == (folge, D(183), D(betrag))


# --- § 25 Abs. 1 and § 15 Abs. 4 -----------------------------------------------------------------------


def test_period_from_december_2022_cannot_exceed_twelve_months() -> None:
    """§ 25 Abs. 1 of 21.12.2022: no period over twelve months; from 1.1.2023 up to 24."""
    with pytest.raises(InputError, match=r"1–12 Monate"):
        bewilligungszeitraum(beginn=date(2022, 12, 1), monate=13)
    b = bewilligungszeitraum(beginn=date(2023, 1, 1), monate=24)
    assert (b.monate, b.ende) == (24, date(2024, 12, 31))
    with pytest.raises(InputError, match=r"1–24 Monate"):
        bewilligungszeitraum(beginn=date(2025, 1, 1), monate=25)


def _rentner_mit_job() -> Haushalt:
    return Haushalt.model_validate({
        "wohnkosten": {"art": "Miete", "miete_monat": "500"},
        "mietenstufe": 3,
        "mitglieder": [{
            "einnahmen": [
                {"art": "Altersrente", "brutto_monat": "1000"},
                {"art": "Erwerbseinkommen", "brutto_monat": "600", "bis": "2024-12-31"},
            ],
            "pauschalabzug": {"kranken_pflege": True},
        }],
    })


@pytest.mark.parametrize(("monate", "y", "betrag"), [(18, "980.10", 237), (12, "1070.10", 194)])
def test_eighteen_month_period_2024(monate: int, y: str, betrag: int) -> None:
    """2024-07-01, pensioner 1 000 € + job 600 € until 31.12.2024, rent 500, Mietenstufe III.

    18 months (allowed from 2023): job 6 × 600 = 3 600 in the period, average 200 → × 12 = 2 400
    (§ 15 Abs. 4) − 1 230 (Arbeitnehmer-Pauschbetrag) = 1 170; Rente 12 000 − 102 = 11 898;
    § 16: 10 % → Y = 13 068 × 0.9 / 12 = 980.10.
    12 months: 3 600 − 1 230 = 2 370 → Y = 14 268 × 0.9 / 12 = 1 070.10.
    M = min(500, 438 + 19.20) + 110.40 = 567.60.
    18: z1 = 0.04 + 0.28328916 + 0.04528062 = 0.36856978, z2 = 361.235241378, z3 = 206.364758622,
    z4 = 237.3194724153 → 237 €. 12: z1 = 0.37272778, z2 = 398.855997378, z3 = 168.744002622,
    z4 = 194.0556030153 → 194 €.
    """
    a = antrag(_rentner_mit_job(), on=date(2024, 7, 1), bewilligungszeitraum_monate=monate)
    assert (a.wohngeld.Y_berechnet, a.wohngeld.betrag_monat) == (D(y), D(betrag))
    assert a.bewilligungszeitraum is not None and a.bewilligungszeitraum.monate == monate


def test_calculate_with_eighteen_months_in_2022_is_refused() -> None:
    """The same household with 18 months on 2022-07-01: § 25 Abs. 1 of that date allows no more than 12."""
    h = _rentner_mit_job().model_copy(update={"bewilligungszeitraum_monate": 18})
    with pytest.raises(InputError, match=r"1–12 Monate.*soll für zwölf Monate bewilligt"):
        calculate(h, on=date(2022, 7, 1))


# --- § 27 Abs. 3 Satz 1 Nr. 2 for owners: "die monatliche Belastung (§ 10)" ---------------------------


def _eigentuemer(belastung: str, **extra: str) -> Haushalt:
    return Haushalt.model_validate({
        "wohnkosten": {"art": "Belastung", "belastung_monat": belastung, **extra},
        "mietenstufe": 3, "anzahl_mitglieder": 2, "gesamteinkommen_monat": "1200",
    })


def test_owner_subsidy_alone_raises_no_duty_under_abs3_nr2() -> None:
    """2025, two members, Y 1 200, Belastung (§ 10) 600 € both times; new: a public subsidy of 100 €
    (§ 11 Abs. 2 Nr. 4, left out after the Lastenberechnung).

    § 27 Abs. 3 Satz 1 Nr. 2 (texts 2016–2025) compares "die monatliche Belastung (§ 10)": 600 → 600,
    no duty (the library compared the amount after § 11 Abs. 2: 600 → 500, −16.7 %, and reported one).
    § 27 Abs. 2 Satz 1 Nr. 2: min(600, 551 + 24.80) = 575.80 → 500: −13.2 % → keine Änderung; 380 € stay
    (M = 575.80 + 142.60 = 718.40: z1 = 0.03 + 0.25654064 + 0.03648 = 0.32302064, z2 = 387.624768,
    z3 = 330.775232, z4 = 380.3915168 → 380 €).
    """
    a = aenderung(_eigentuemer("600"), _eigentuemer("600", zuschuss_monat="100"),
                  bewilligt_ab=date(2025, 1, 1), aenderung_ab=date(2025, 5, 1))
    nr2 = next(x for x in a.pruefungen if x.key == "abs3_nr2")
    assert (nr2.alt, nr2.neu, nr2.erfuellt) == (D(600), D(600), False)
    assert not a.mitteilungspflicht
    assert (a.folge, a.betrag_bisher, a.betrag_neu) == ("keine Änderung", D(380), D(380))


def test_owner_fall_of_the_paragraph_10_belastung_is_to_be_reported() -> None:
    """The § 10 Belastung itself falls 600 → 500 (−16.7 % > 15 %): duty under § 27 Abs. 3 Satz 1 Nr. 2."""
    a = aenderung(_eigentuemer("600"), _eigentuemer("500"), bewilligt_ab=date(2025, 1, 1),
                  aenderung_ab=date(2025, 5, 1))
    assert [x.key for x in a.mitteilungspflicht] == ["abs3_nr2"]
