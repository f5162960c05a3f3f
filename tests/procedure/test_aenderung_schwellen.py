"""§ 27 WoGG thresholds by the text of each date: 2021–2022 compare M without the heating amount; Abs. 3 Nr. 2
compares the § 9 Miete.

§ 27 Abs. 1 Satz 1 Nr. 2 and Abs. 2 Satz 1 Nr. 2 in the texts of 28.4.2021 and 21.12.2022 (Fassung of
the WoGCO2BeprEntlG, in force 1.1.2021): "die zu berücksichtigende Miete oder Belastung abzüglich der
Beträge zur Entlastung bei den Heizkosten um mehr als 15 Prozent erhöht" / "verringert".

One person, Mietenstufe III, Y given: Höchstbetrag 426 € (2021, Anlage 1 WoGStärkG) / 438 € (2022,
1. WoGFV), not reached; Betrag zur Entlastung bei den Heizkosten 14.40 € (§ 12 Abs. 6).
a, b, c for one member: 2021 0.04 / 0.00058 / 0.000118; 2022 0.04 / 0.000564 / 0.0001157.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from wohngeld import Haushalt
from wohngeld.procedure.aenderung import aenderung

D = Decimal


def _eine_person(miete: str, y: str) -> Haushalt:
    return Haushalt.model_validate(
        {"mietenstufe": 3, "miete_monat": miete, "anzahl_mitglieder": 1, "gesamteinkommen_monat": y}
    )


@pytest.mark.parametrize(
    ("jahr", "bisher", "neu"),
    [
        # 2021: M 314.40: z1 = 0.04 + 0.182352 + 0.0826 = 0.304952, z2 = 213.4664, z3 = 100.9336,
        #   z4 = 116.07364 → 116 €; M 360.40: z1 = 0.331632, z2 = 232.1424, z4 = 147.49624 → 147 €.
        (2021, 116, 147),
        # 2022: M 314.40: z1 = 0.04 + 0.1773216 + 0.08099 = 0.2983116, z2 = 208.81812, z4 = 121.419162
        #   → 121 €; M 360.40: z1 = 0.3242556, z2 = 226.97892, z4 = 153.434242 → 153 €.
        (2022, 121, 153),
    ],
)
def test_rent_rise_above_15_percent_without_the_heating_amount(jahr: int, bisher: int, neu: int) -> None:
    """Rent 300 → 346, Y 700: 346 / 300 = +15.33 % > 15 % → Erhöhungsantrag (§ 27 Abs. 1 Satz 1 Nr. 2).

    With the heating amount the change would be 360.40 / 314.40 = +14.63 % (the former result).
    """
    a = aenderung(
        _eine_person("300", "700"), _eine_person("346", "700"),
        bewilligt_ab=date(jahr, 1, 1), aenderung_ab=date(jahr, 5, 1),
    )
    assert (a.folge, a.betrag_bisher, a.betrag_neu) == ("Erhöhungsantrag", D(bisher), D(neu))
    s = next(x for x in a.pruefungen if x.key == "abs1_nr2")
    assert (s.alt, s.neu, s.schwelle_prozent, s.erfuellt) == (D(300), D(346), D(15), True)
    assert "abzüglich der Beträge zur Entlastung bei den Heizkosten" in s.bezeichnung


@pytest.mark.parametrize(("jahr", "bisher"), [(2021, 116), (2022, 121)])
def test_rent_rise_of_exactly_15_percent_is_not_enough(jahr: int, bisher: int) -> None:
    """300 → 345 = +15.00 %: not "mehr als 15 Prozent" → keine Änderung, the granted amount stays;
    345.01 (+15.003 %) is: Erhöhungsantrag (M 359.41, z4 146.82 (2021) / 152.75 (2022) → 147 / 153 €)."""
    kw = {"bewilligt_ab": date(jahr, 1, 1), "aenderung_ab": date(jahr, 5, 1)}
    gleich = aenderung(_eine_person("300", "700"), _eine_person("345", "700"), **kw)  # type: ignore[arg-type]
    assert (gleich.folge, gleich.betrag_neu) == ("keine Änderung", D(bisher))
    mehr = aenderung(_eine_person("300", "700"), _eine_person("345.01", "700"), **kw)  # type: ignore[arg-type]
    assert (mehr.folge, mehr.betrag_neu) == ("Erhöhungsantrag", D(147 if jahr == 2021 else 153))


@pytest.mark.parametrize(
    ("jahr", "bisher", "neu"),
    [
        # 2021: M 414.40, Y 900: z1 = 0.04 + 0.240352 + 0.1062 = 0.386552, z2 = 347.8968, z3 = 66.5032,
        #   z4 = 76.47868 → 76 €; M 352.40: z1 = 0.350592, z2 = 315.5328, z4 = 42.39728 → 42 €.
        (2021, 76, 42),
        # 2022: M 414.40: z1 = 0.04 + 0.2337216 + 0.10413 = 0.3778516, z2 = 340.06644, z4 = 85.483594
        #   → 85 €; M 352.40: z1 = 0.3428836, z2 = 308.59524, z4 = 50.375474 → 50 €.
        (2022, 85, 50),
    ],
)
def test_rent_fall_above_15_percent_without_the_heating_amount(jahr: int, bisher: int, neu: int) -> None:
    """Rent 400 → 338, Y 900: −15.5 % → Neuentscheidung von Amts wegen (§ 27 Abs. 2 Satz 1 Nr. 2);
    with the heating amount it would be 352.40 / 414.40 = −14.96 % (the former "keine Änderung")."""
    a = aenderung(
        _eine_person("400", "900"), _eine_person("338", "900"),
        bewilligt_ab=date(jahr, 1, 1), aenderung_ab=date(jahr, 5, 1),
    )
    assert (a.folge, a.betrag_bisher, a.betrag_neu) == ("Neuentscheidung von Amts wegen", D(bisher), D(neu))


@pytest.mark.parametrize(("jahr", "bisher", "neu"), [(2021, 76, 43), (2022, 85, 52)])
def test_rent_fall_of_exactly_15_percent_is_not_enough(jahr: int, bisher: int, neu: int) -> None:
    """400 → 340 = −15.00 %: keine Änderung; 339.99 (−15.0025 %): Neuentscheidung.

    M 354.39: 2021 z1 = 0.3517462, z2 = 316.57158, z4 = 43.491183 → 43 €; 2022 z1 = 0.34400596,
    z2 = 309.605364, z4 = 51.5023314 → 52 €.
    """
    kw = {"bewilligt_ab": date(jahr, 1, 1), "aenderung_ab": date(jahr, 5, 1)}
    gleich = aenderung(_eine_person("400", "900"), _eine_person("340", "900"), **kw)  # type: ignore[arg-type]
    assert (gleich.folge, gleich.betrag_neu) == ("keine Änderung", D(bisher))
    weniger = aenderung(_eine_person("400", "900"), _eine_person("339.99", "900"), **kw)  # type: ignore[arg-type]
    assert (weniger.folge, weniger.betrag_neu) == ("Neuentscheidung von Amts wegen", D(neu))


def test_2023_wording_names_the_gesamtbetrag() -> None:
    """From 2023 the text reads "abzüglich des Gesamtbetrages zur Entlastung bei den Heizkosten" (10 %)."""
    a = aenderung(
        _eine_person("300", "700"), _eine_person("331", "700"),
        bewilligt_ab=date(2025, 1, 1), aenderung_ab=date(2025, 5, 1),
    )
    s = next(x for x in a.pruefungen if x.key == "abs1_nr2")
    assert "abzüglich des Gesamtbetrages zur Entlastung bei den Heizkosten" in s.bezeichnung
    assert (s.alt, s.neu, s.schwelle_prozent, s.erfuellt) == (D(300), D(331), D(10), True)


# --- § 27 Abs. 3 Satz 1 Nr. 2: "die monatliche Miete (§ 9)" -------------------------------------------


def _zwei(miete: str, **extra: str) -> Haushalt:
    return Haushalt.model_validate(
        {
            "wohnkosten": {"art": "Miete", "miete_monat": miete, "wohnflaeche_m2": "60", **extra},
            "mietenstufe": 3,
            "anzahl_mitglieder": 2,
            "gesamteinkommen_monat": "1200",
        }
    )


def test_a_rent_subsidy_alone_raises_no_duty_under_abs3_nr2() -> None:
    """2025, two members, Y 1 200, Miete 600 (§ 9) both times; new: a subsidy of 100 € (§ 11 Abs. 2 Nr. 4).

    § 27 Abs. 3 Satz 1 Nr. 2 compares "die monatliche Miete (§ 9)": 600 → 600, no duty. § 27 Abs. 2
    Satz 1 Nr. 2 compares the zu berücksichtigende Miete without the Gesamtbetrag (142.60 €):
    min(600, 551 + 24.80) = 575.80 → 500: −13.2 %, not more than 15 % → keine Änderung, 380 € stay.
    Bisher: M = 575.80 + 142.60 = 718.40; a = 0.03, b = 0.0003571, c = 0.0000304:
    z1 = 0.03 + 0.25654064 + 0.03648 = 0.32302064, z2 = 387.624768, z3 = 330.775232, z4 = 380.39 → 380 €.
    """
    a = aenderung(_zwei("600"), _zwei("600", zuschuss_monat="100"),
                  bewilligt_ab=date(2025, 1, 1), aenderung_ab=date(2025, 5, 1))
    nr2 = next(x for x in a.pruefungen if x.key == "abs3_nr2")
    assert (nr2.alt, nr2.neu, nr2.erfuellt) == (D(600), D(600), False)
    assert not a.mitteilungspflicht
    assert (a.folge, a.betrag_bisher, a.betrag_neu) == ("keine Änderung", D(380), D(380))


def test_a_fall_of_the_paragraph_9_miete_is_to_be_reported() -> None:
    """Same household, the § 9 Miete itself falls 600 → 500 (−16.7 % > 15 %): duty under Nr. 2."""
    a = aenderung(_zwei("600"), _zwei("500"), bewilligt_ab=date(2025, 1, 1), aenderung_ab=date(2025, 5, 1))
    assert [x.key for x in a.mitteilungspflicht] == ["abs3_nr2"]
