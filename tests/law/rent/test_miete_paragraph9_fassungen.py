"""§ 9 WoGG by the text of each date: Nr. 5 (Betreuung) only from 2020; Heim and § 9 steps in the Rechenweg.

§ 9 Abs. 2 Satz 1 in the text of November 2016 (WoGG "zuletzt geändert durch Art. 22 G v. 11.11.2016")
lists Nr. 1–4 only (heating and hot water, gewerbliche Wärmelieferung, Haushaltsenergie, Garage /
Stellplatz); § 9 Abs. 1 counts "Vergütungen" as Miete and § 2 Abs. 2 WoGV forbids other deductions.
Nr. 5 ("Vergütungen für Leistungen, die über die Gebrauchsüberlassung von Wohnraum hinausgehen …")
was added by Art. 1 Nr. 3 Buchst. b WoGStärkG v. 30.11.2019 (BGBl. I S. 1877), in force 1.1.2020.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from wohngeld import Haushalt, calculate
from wohngeld.result import Result

D = Decimal


def _betreuung(betrag: str | None = "60") -> Haushalt:
    abzug: dict[str, str] = {"art": "Betreuung"}
    if betrag is not None:
        abzug["betrag_monat"] = betrag
    return Haushalt.model_validate(
        {
            "wohnkosten": {"art": "Miete", "miete_monat": "400", "abzuege": [abzug]},
            "mietenstufe": 3,
            "anzahl_mitglieder": 1,
            "gesamteinkommen_monat": "800",
        }
    )


def _schritt(r: Result, key: str) -> tuple[object, str, str]:
    s = next(x for x in r.schritte if x.key == key)
    return s.wert, s.label, s.zitat


@pytest.mark.parametrize("on", [date(2016, 12, 1), date(2019, 7, 1), date(2019, 12, 31)])
def test_betreuung_is_part_of_the_miete_before_2020(on: date) -> None:
    """Rent 400 with a Betreuung share of 60, Y 800, one person, Mietenstufe III, WoGG 2016 (to 2019).

    Miete (§ 9) = 400 (no deduction); Höchstbetrag 390 (§ 12 Abs. 1 table 2016) → M = 390.
    Anlage 1: a = 0.04, b = 0.00063, c = 0.000138: z1 = 0.04 + 0.2457 + 0.1104 = 0.3961,
    z2 = 316.88, z3 = 73.12, z4 = 84.088 → 84 € (the library deducted 60 and gave 56 €).
    """
    r = calculate(_betreuung(), on=on)
    assert (r.M_berechnet, r.betrag_monat) == (D(390), D(84))
    wert, label, zitat = _schritt(r, "abzug_nicht_vorgesehen")
    assert wert == 60 and "bleibt Teil der Miete" in label and zitat == "§ 9 Abs. 1, 2 WoGG, § 2 Abs. 2 WoGV"
    assert _schritt(r, "miete_9")[0] == 400
    hinweis = [w for w in r.warnungen if "Betreuungs" in w]
    assert len(hinweis) == 1
    assert "nur die Nummern 1 bis 4" in hinweis[0] and "BGBl. I S. 1877" in hinweis[0]


def test_betreuung_without_amount_before_2020_is_no_error() -> None:
    """Before 2020 there is nothing to deduct, so a missing amount needs no Pauschbetrag: 84 € as above."""
    assert calculate(_betreuung(None), on=date(2017, 3, 1)).betrag_monat == 84


def test_betreuung_is_deducted_from_2020() -> None:
    """2020-07-01 (WoGStärkG): Miete 400 − 60 = 340 < Höchstbetrag 426 → M = 340.

    Anlage 2 (2020): a = 0.04, b = 0.00058, c = 0.000118: z1 = 0.04 + 0.1972 + 0.0944 = 0.3316,
    z2 = 265.28, z3 = 74.72, z4 = 85.928 → 86 €. No notice.
    """
    r = calculate(_betreuung(), on=date(2020, 7, 1))
    assert (r.M_berechnet, r.betrag_monat) == (D(340), D(86))
    assert _schritt(r, "abzug")[2] == "§ 9 Abs. 2 Satz 1 Nr. 5 WoGG (seit 01.01.2020)"
    assert not [w for w in r.warnungen if "Betreuungs" in w]


# --- Rechenweg: Heim (§ 9 Abs. 3 Satz 2, § 11 Abs. 1 Satz 2) -------------------------------------------


def _heim() -> Haushalt:
    return Haushalt.model_validate(
        {
            "wohnkosten": {"art": "Heim"},
            "mietenstufe": 4,
            "anzahl_mitglieder": 1,
            "gesamteinkommen_monat": "982.35",
        }
    )


@pytest.mark.parametrize(
    ("on", "m", "label"),
    [
        # § 9 Abs. 3 Satz 2 (2016): "als Miete der Höchstbetrag nach § 12 Abs. 1": 434 (Stufe IV)
        (date(2016, 7, 1), D(434), "Miete eines Heimbewohners: Höchstbetrag"),
        # § 11 Abs. 1 Satz 2 (2021): "die Summe aus dem Höchstbetrag … und dem Betrag zur Entlastung bei den
        # Heizkosten": 478 + 14.40
        (date(2021, 7, 1), D("492.40"), "Miete eines Heimbewohners: Höchstbetrag"),
        # § 9 Abs. 3 Satz 2 (2023): Höchstbetrag + Klimakomponente; § 11 Abs. 1 Satz 2 adds the
        # Gesamtbetrag: 491 + 19.20 + 110.40
        (date(2023, 7, 1), D("620.60"), "Miete eines Heimbewohners: Höchstbetrag zuzüglich Klimakomponente"),
    ],
)
def test_heim_steps_follow_the_wording_of_the_date(on: date, m: Decimal, label: str) -> None:
    """No "Klimakomponente" before 2023; M of a Heimbewohner cites § 11 Abs. 1 Satz 2 WoGG."""
    r = calculate(_heim(), on=on)
    assert r.M_berechnet == m
    _, text, zitat = _schritt(r, "miete")
    assert text == label and zitat == "§ 9 Abs. 3 Satz 2 WoGG"
    assert _schritt(r, "M")[2] == "§ 11 Abs. 1 Satz 2 WoGG"
    assert _schritt(r, "miete_gedeckelt")[2] == "§ 11 Abs. 1 Satz 2 WoGG"


# --- Rechenweg: the § 9 Miete and the § 11 Abs. 2 deductions as their own steps ------------------------


def test_miete_step_shows_the_paragraph_9_amount() -> None:
    """Miete 690 with one flatmate (§ 11 Abs. 2 Nr. 3): the § 9 step shows 690, the deduction 230
    (690 × 1/3, three Bewohner) is its own step, and what is left (460) is labelled "nach § 11 Abs. 2"."""
    h = Haushalt.model_validate(
        {
            "wohnkosten": {"art": "Miete", "miete_monat": "690", "mitbewohner": 1},
            "mietenstufe": 3,
            "anzahl_mitglieder": 2,
            "gesamteinkommen_monat": "1000",
        }
    )
    r = calculate(h, on=date(2022, 5, 1))
    assert _schritt(r, "miete_9")[:2] == (D(690), "Miete (Bruttokaltmiete) nach § 9 WoGG")
    assert _schritt(r, "mitbewohner")[0] == D(230)
    wert, label, zitat = _schritt(r, "miete")
    assert (wert, zitat) == (D(460), "§ 11 Abs. 2 WoGG") and "§ 11 Abs. 2" in label
    assert all(x.label != "Miete (Bruttokaltmiete)" or x.wert == 690 for x in r.schritte)


def test_miete_step_without_deductions_is_the_paragraph_9_amount() -> None:
    """Without § 11 Abs. 2 parts the step "Miete (Bruttokaltmiete)", § 9 WoGG, is the entered Miete."""
    h = Haushalt.model_validate(
        {"mietenstufe": 3, "miete_monat": "500", "anzahl_mitglieder": 1, "gesamteinkommen_monat": "900"}
    )
    schritt = _schritt(calculate(h, on=date(2025, 7, 1)), "miete")
    assert schritt == (D(500), "Miete (Bruttokaltmiete)", "§ 9 WoGG")


def test_nr5_folgt_dem_schluessel_der_fassung_nicht_einem_datum() -> None:
    """Nr. 5 applies by the key ``abzuege`` of the Höchstbeträge Fassung in force: "Nr. 1-4" in the
    Fassung of 1.1.2016 (WoGRefG), "Nr. 1-5" from the Fassung of 1.1.2020 (WoGStärkG, the Act that
    added Nr. 5); the notice and the Rechenweg name the first day of "Nr. 1-5", 01.01.2020."""
    from wohngeld.law.tabelle import rechtsstand

    assert rechtsstand(date(2019, 12, 31)).hoechstbetraege.abzuege == "Nr. 1-4"
    assert rechtsstand(date(2020, 1, 1)).hoechstbetraege.abzuege == "Nr. 1-5"
    r = calculate(_betreuung(), on=date(2019, 12, 31))
    assert any("seit dem 01.01.2020" in w for w in r.warnungen)
    assert any("kein Abzug vor dem 01.01.2020" in s.label for s in r.schritte)
    assert not any("Betreuungs" in w for w in calculate(_betreuung(), on=date(2020, 1, 1)).warnungen)
