"""Second check of § 19 Abs. 3 WoGG (more than twelve members) on other dates and sizes, by hand.

Texts read: WoGG "zuletzt geändert durch Art. 22 Abs. 4 G v. 11.11.2016" (Fassung 2016–2019) and the
consolidated text of 28.4.2021 (Fassung 2020–2022, WoGStärkG v. 30.11.2019, BGBl. I S. 1877): "Sind
mehr als zwölf Haushaltsmitglieder zu berücksichtigen, erhöht sich für das 13. und jedes weitere zu
berücksichtigende Haushaltsmitglied das nach den Absätzen 1 und 2 berechnete monatliche Wohngeld um
jeweils 47 [2021 text: 51] Euro, höchstens jedoch bis zur Höhe der zu berücksichtigenden Miete oder
Belastung." Values for twelve (Länderhinweise zu Nr. 19.31 WoGVwV, docs/rechtsauslegung.md).

Anlage 1 (2016) / Anlage 2 (2021 text, "BGBl. I 2019, 1882") for twelve members:
2016 a = −0.14, b = 0.00011, c = 0.00006; Mindestwerte (Anlage 2 Nr. 1) M 263, Y 1 255.
2020 a = −0.14, b = 0.000101, c = 0.0000513; Mindestwerte (Anlage 3 Nr. 1) M 286, Y 1 443.
z1 … z4 with ten decimals; the rounded amount by Anlage 2 / 3 Nr. 3 (from 0.50 up).
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from wohngeld import Haushalt, calculate

D = Decimal
ON_2016 = date(2016, 7, 1)
ON_2021 = date(2021, 7, 1)


def _h(**kw: object) -> Haushalt:
    return Haushalt.model_validate(kw)


@pytest.mark.parametrize(("n", "betrag"), [(12, 966), (13, 999), (14, 999)])
def test_2016_raise_cut_at_m_with_cents(n: int, betrag: int) -> None:
    """2016-07-01, Mietenstufe VI, rent 999.50 €, Y 1 900 €.

    § 12 Abs. 1 (2016 table) for twelve, Stufe VI: 1 004 + 7 × 126 = 1 886 ≥ 999.50 → M = 999.50; no
    heating amount before 2021. z1 = −0.14 + 0.00011 × 999.50 + 0.00006 × 1 900 = 0.083945;
    z2 = 159.4955; z3 = 840.0045; z4 = 966.005175 → 966 € for twelve.
    13: 966 + 47 = 1 013 > 999.50 → raised only "bis zur Höhe" of M: 999 € (whole euros not above M).
    14: 966 + 94 = 1 060 → likewise 999 €.
    """
    h = _h(mietenstufe=6, miete_monat="999.50", anzahl_mitglieder=n, gesamteinkommen_monat="1900")
    r = calculate(h, on=ON_2016)
    assert r.z[3] == D("966.0051750000")
    assert r.betrag_monat == betrag


@pytest.mark.parametrize("n", [12, 13, 15])
def test_2016_amount_for_twelve_above_m_is_kept(n: int) -> None:
    """2016-07-01, Mietenstufe I, rent 100 €, no income: the amount for twelve (354 €) exceeds M (100 €).

    Anlage 2 Nr. 1: M 100 → 263, Y 0 → 1 255. z1 = −0.14 + 0.02893 + 0.0753 = −0.03577;
    z2 = −44.891350; z3 = 307.891350; z4 = 354.0750525 → 354 €. From the 13th member the Wohngeld
    "erhöht sich … höchstens jedoch bis zur Höhe" of M = 100: no raise, and no cut below the amount
    for twelve → 354 € (the other reading, capping the whole amount at M, would give 100 €).
    """
    h = _h(mietenstufe=1, miete_monat="100", anzahl_mitglieder=n, gesamteinkommen_monat="0")
    r = calculate(h, on=ON_2016)
    assert r.z[3] == D("354.0750525000")
    assert r.betrag_monat == 354


def test_2021_mischhaushalt_over_twelve_with_heating_amount_share() -> None:
    """2021-07-01: 14 members, 1 excluded (§ 7), 13 counted; Mietenstufe II, rent 1 400 €, Y 2 500 €.

    § 11 Abs. 3 (text of 28.4.2021): share 13/14 of the Miete, of the Höchstbetrag and of the Betrag
    zur Entlastung bei den Heizkosten; "Für die Ermittlung des Höchstbetrages und des Betrages zur
    Entlastung bei den Heizkosten ist die Gesamtzahl der Haushaltsmitglieder maßgebend" (14):
    Höchstbetrag (Anlage 1, BGBl. I 2019, 1881) Stufe II: 732 + 9 × 88 = 1 524; heating amount
    (§ 12 Abs. 6) 29.40 + 9 × 3.60 = 61.80.
    Miete 1 400 × 13/14 = 1 300 < 1 524 × 13/14 = 1 415.14…; heating 61.80 × 13/14 = 57.3857142857;
    M = 1 357.3857142857. Formula for twelve (2020 values):
    z1 = −0.14 + 0.1370959571 + 0.12825 = 0.1253459571; z2 = 313.36489275; z3 = 1 044.0208215357;
    z4 = 1 200.6239447661 → 1 201 €; § 19 Abs. 3 (51 € in the 2021 text): 1 201 + 51 = 1 252 ≤ M → 1 252 €.
    """
    h = _h(
        mietenstufe=2, miete_monat="1400", anzahl_mitglieder=14, anzahl_ausgeschlossen=1,
        gesamteinkommen_monat="2500",
    )
    r = calculate(h, on=ON_2021)
    m_formel = r.M  # M entering the formula, ten decimals (Anlage 3 Nr. 2)
    assert m_formel == D("1357.3857142857")
    assert r.z[3] == D("1200.6239447661")
    assert r.betrag_monat == 1252


@pytest.mark.parametrize("n", [12, 13])
def test_2016_cap_is_the_paragraph_11_miete_not_the_mindestwert(n: int) -> None:
    """2016-07-01, Mietenstufe I, rent 100 €, Y 2 600 €: the cap is "die zu berücksichtigende Miete"
    (§ 11: 100 €), not the value 263 € that Anlage 2 Nr. 1 puts into the formula.

    z1 = −0.14 + 0.00011 × 263 + 0.00006 × 2 600 = 0.04493; z2 = 116.818; z3 = 146.182;
    z4 = 168.1093 → 168 € for twelve. 13: 168 + 47 = 215 would stay below 263, but above M = 100:
    no raise, the amount for twelve stays → 168 €.
    """
    h = _h(mietenstufe=1, miete_monat="100", anzahl_mitglieder=n, gesamteinkommen_monat="2600")
    r = calculate(h, on=ON_2016)
    assert (r.M_berechnet, r.z[3], r.betrag_monat) == (D(100), D("168.1093000000"), D(168))
