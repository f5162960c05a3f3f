"""§ 19 Abs. 3 WoGG (more than twelve members): one condition for the raise, the cap limits the raise.

Wording of every Fassung 2016–2026 (read in the texts of 11/2016, 04/2021, 12/2022, 01/2023, 01/2026):
"Sind mehr als zwölf Haushaltsmitglieder zu berücksichtigen, erhöht sich für das 13. und jedes weitere
zu berücksichtigende Haushaltsmitglied das nach den Absätzen 1 und 2 berechnete monatliche Wohngeld um
jeweils 47 (2016) / 51 (2020) / 57 (2023) / 65 (2025) Euro, höchstens jedoch bis zur Höhe der zu
berücksichtigenden Miete oder Belastung." Abs. 2 names the Rechenschritte *und Rundungen* of Anlage 2
(until 2019) / Anlage 3: the amount raised is the rounded one (Nr. 3: below 0.50 € down). An amount of
0 € is no Wohngeld to raise. The cap limits the raise ("höchstens … bis"); it never lowers the amount
for twelve.

Formula steps by hand: ten decimals, half-up (Anlage 3 Nr. 2; docs/rechtsauslegung.md).
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from wohngeld import Haushalt, calculate
from wohngeld.analysis.einkommensgrenzen import einkommensgrenze
from wohngeld.analysis.vergleich import vergleich

D = Decimal


def _h(**kw: object) -> Haushalt:
    return Haushalt.model_validate(kw)


def _schritte(h: Haushalt, on: date) -> dict[str, object]:
    return {s.key: s.wert for s in calculate(h, on=on).schritte}


# --- the condition: the rounded amount for twelve must be positive ------------------------------------

ON_2018 = date(2018, 7, 1)


def _dreizehn_2018(y: str) -> Haushalt:
    return _h(mietenstufe=3, miete_monat="1600", anzahl_mitglieder=13, gesamteinkommen_monat=y)


def test_2018_thirteen_members_rounded_amount_one_euro_is_raised() -> None:
    """Y 4 703: the amount for twelve rounds to 1 €, raised by 47 € → 48 €.

    WoGG as of 2016 (WoGRefG), on 2018-07-01: § 12 Abs. 1 table, Mietenstufe III, twelve members:
    750 (five) + 7 × 91 = 1 387 € < 1 600 → M = 1 387 (values for twelve, Länderhinweise 19.31).
    Anlage 1 for twelve: a = −0.14, b = 0.00011, c = 0.00006; Mindestwerte 263 / 1 255 not binding.
    z1 = −0.14 + 0.15257 + 0.28218 = 0.29475; z2 = 0.29475 × 4 703 = 1 386.20925;
    z3 = 0.79075; z4 = 1.15 × z3 = 0.9093625 → Anlage 2 Nr. 3: 1 € > 0 → + 47 € (§ 19 Abs. 3) = 48 €.
    """
    r = calculate(_dreizehn_2018("4703"), on=ON_2018)
    assert r.z[3] == D("0.9093625000")
    assert r.betrag_monat == 48


def test_2018_thirteen_members_positive_z4_rounding_to_zero_is_not_raised() -> None:
    """Y 4 704: z4 > 0 but the amount for twelve rounds to 0 € → nothing to raise → 0 € (was 47 €).

    As above: z1 = −0.14 + 0.15257 + 0.28224 = 0.29481; z2 = 1 386.78624; z3 = 0.21376;
    z4 = 0.245824 → Anlage 2 Nr. 3 "bis unter 0,50 Euro … abzurunden": 0 €. § 19 Abs. 3 raises
    "das nach den Absätzen 1 und 2 berechnete monatliche Wohngeld", i.e. 0 €: no Wohngeld, 0 €.
    """
    r = calculate(_dreizehn_2018("4704"), on=ON_2018)
    assert r.z[3] == D("0.2458240000")
    assert r.betrag_monat == 0
    assert not r.anspruch


def test_2018_thirteen_members_negative_z4_is_not_raised() -> None:
    """Y 4 705: z1 = 0.29487, z2 = 1 387.36335, z3 = −0.36335, z4 = −0.4178525 → 0 €, as for Y 4 704."""
    r = calculate(_dreizehn_2018("4705"), on=ON_2018)
    assert r.z[3] == D("-0.4178525000")
    assert r.betrag_monat == 0


def test_rechenweg_names_the_missing_raise() -> None:
    """The Rechenweg says why there is no raise (§ 19 Abs. 3 WoGG)."""
    s = [x for x in calculate(_dreizehn_2018("4704"), on=ON_2018).schritte if x.key == "mehr_als_zwoelf"]
    assert len(s) == 1 and s[0].wert == 0 and "0 €" in s[0].label and s[0].zitat == "§ 19 Abs. 3 WoGG"


def test_einkommensgrenze_uses_the_same_condition() -> None:
    """The highest Y with Wohngeld for 13 members is the last cent where the amount for twelve rounds to 1 €.

    Same household, rent 1 600, 2018: z4(Y) = 1.15 × (1 387 − (0.01257 + 0.00006·Y)·Y).
    z4 = 0.5 ⇔ 0.00006·Y² + 0.01257·Y − (1 387 − 0.5 / 1.15) = 0 ⇔ Y = 4 703.6169…
    Y 4 703.61: z1 = 0.2947866, z2 = 1 386.5612…, z4 = 0.50462… → 1 € → 48 €;
    Y 4 703.62: z4 = 0.49798… → 0 € → no Wohngeld. (Under "z4 > 0" the limit would be about 4 704.3.)
    """
    g = einkommensgrenze(mitglieder=13, on=ON_2018, mietenstufe=3, miete_monat="1600")
    assert g.wert == D("4703.61")
    assert g.wohngeld_an_grenze == 48


# --- the cap limits the raise, never the amount for twelve --------------------------------------------

ON_2025 = date(2025, 7, 1)


def _ohne_einkommen(n: int) -> Haushalt:
    return _h(mietenstufe=6, miete_monat="281.58", anzahl_mitglieder=n, gesamteinkommen_monat="0")


def test_twelve_members_whose_amount_exceeds_m() -> None:
    """2025-07-01, Mietenstufe VI, rent 281.58, no income, twelve members: 729 € (above M).

    2. WoGFV: Höchstbetrag for twelve 1 183 + 7 × 149 = 2 226, Klimakomponente 39.20 + 7 × 4.80 = 72.80
    (not reached); § 12 Abs. 6: 29.40 + 7 × 3.60 = 54.60 plus 196 + 7 × 24 = 364 → 418.60.
    M = 281.58 + 418.60 = 700.18; Y = 0 → Mindestwert 2 943 (Anlage 3 Nr. 1).
    a = −0.12, b = 0.0001107, c = 0.0000221: z1 = −0.12 + 0.077509926 + 0.0650403 = 0.022550226,
    z2 = 66.365315118, z3 = 633.814684882, z4 = 728.8868876143 → 729 €.
    """
    r = calculate(_ohne_einkommen(12), on=ON_2025)
    assert (r.M_berechnet, r.betrag_monat) == (D("700.18"), D(729))


def test_thirteenth_member_does_not_lower_an_amount_above_m() -> None:
    """13 members: 729 € + 65 € = 794 € > M 700.18: "höchstens jedoch bis zur Höhe" of M limits the raise
    to nothing, the amount for twelve stays: 729 € (the library gave 700 €)."""
    r = calculate(_ohne_einkommen(13), on=ON_2025)
    assert r.betrag_monat == 729
    steps = _schritte(_ohne_einkommen(13), ON_2025)
    assert steps["mehr_als_zwoelf"] == 65 and steps["wohngeld_ueber_zwoelf"] == 729


def test_cap_cuts_the_raised_amount_to_whole_euros_of_m() -> None:
    """2025, Mietenstufe I, rent 300, Y 3 500, 13 members: the raise is cut at M, to whole euros.

    Höchstbetrag for twelve, Stufe I: 694 + 7 × 129 = 1 597 (not reached); M = 300 + 418.60 = 718.60.
    z1 = −0.12 + 0.07954902 + 0.07735 = 0.03689902; z2 = 129.14657; z3 = 589.45343;
    z4 = 677.8714445 → 678 €; + 65 = 743 > 718.60 → raised only up to M: 718 € (cut, never above M).
    """
    h = _h(mietenstufe=1, miete_monat="300", anzahl_mitglieder=13, gesamteinkommen_monat="3500")
    r = calculate(h, on=ON_2025)
    assert (r.M_berechnet, r.betrag_monat) == (D("718.60"), D(718))


def test_raise_below_the_cap_is_added_in_full() -> None:
    """Same household with 14 members and Y 3 500 but rent 1 000: M = 1 000 + 418.60 = 1 418.60.

    z1 = −0.12 + 0.15703902 + 0.07735 = 0.11438902; z2 = 400.36157; z3 = 1 018.23843;
    z4 = 1 170.9741945 → 1 171 €; + 2 × 65 = 1 301 ≤ 1 418.60 → 1 301 €.
    """
    h = _h(mietenstufe=1, miete_monat="1000", anzahl_mitglieder=14, gesamteinkommen_monat="3500")
    assert calculate(h, on=ON_2025).betrag_monat == 1301


def test_vergleich_applies_each_rule_sets_cap() -> None:
    """vergleich on 2027-01-01: geltendes Recht (Fassung 2025) against the Entwurf 2027.

    a: as above, 729 € for twelve and for thirteen members. b (Entwurf 2027, § 19 Abs. 4 caps every
    Wohngeld at M): halved Heizkostenkomponente 98 + 7 × 12 = 182, plus 54.60 → 236.60, no separate
    Klimakomponente; M = 281.58 + 236.60 = 518.18; c = 0.00003492:
    z1 = −0.12 + 0.057362526 + 0.10276956 = 0.040132086, z2 = 118.108729098, z3 = 400.071270902,
    z4 = 460.0819615… → 460 € for twelve; thirteen: 460 + 65 = 525 > 518.18 → 518 €.
    """
    v = vergleich({"zwoelf": _ohne_einkommen(12), "dreizehn": _ohne_einkommen(13)}, on=date(2027, 1, 1))
    e = {x.name: x for x in v.eintraege}
    assert e["zwoelf"].a is not None and e["zwoelf"].b is not None
    assert (e["zwoelf"].a.betrag_monat, e["zwoelf"].b.betrag_monat) == (D(729), D(460))
    assert e["dreizehn"].a is not None and e["dreizehn"].b is not None
    assert (e["dreizehn"].a.betrag_monat, e["dreizehn"].b.betrag_monat) == (D(729), D(518))


# --- Mischhaushalt with more than twelve counted members ----------------------------------------------


def test_mischhaushalt_with_thirteen_counted_members_is_computed() -> None:
    """15 members, 2 excluded (§ 7), 13 counted; 2025-07-01, Mietenstufe III, rent 1 800, Y 3 000.

    § 11 Abs. 3 (2023 text): the share 13/15 of the Miete, of the Höchstbetrag, of the Gesamtbetrag
    zur Entlastung bei den Heizkosten and of the Klimakomponente, each "für die Gesamtzahl der
    Haushaltsmitglieder": Höchstbetrag for 15: 875 + 10 × 106 = 1 935; Klimakomponente 39.20 + 10 × 4.80
    = 87.20; heating 29.40 + 10 × 3.60 + 196 + 10 × 24 = 501.40.
    Miete 1 800 × 13/15 = 1 560 < (1 935 + 87.20) × 13/15 = 1 752.57…; heating 501.40 × 13/15 =
    434.5466…; M = 1 994.5466… (1 994.5466666667 with ten decimals).
    § 19 Abs. 3 for the 13 counted members: formula for twelve, a = −0.12, b = 0.0001107, c = 0.0000221:
    z1 = 0.1670963160, z2 = 501.2889480000, z3 = 1 493.2577186667, z4 = 1 717.2463764667 → 1 717 €;
    + 65 € = 1 782 € ≤ M → 1 782 €.
    """
    h = _h(
        mietenstufe=3, miete_monat="1800", anzahl_mitglieder=15, anzahl_ausgeschlossen=2,
        gesamteinkommen_monat="3000",
    )
    r = calculate(h, on=ON_2025)
    m_formel = r.M  # M entering the formula, ten decimals (Anlage 3 Nr. 2)
    assert m_formel == D("1994.5466666667")
    assert r.betrag_monat == 1782
    steps = _schritte(h, ON_2025)
    assert steps["hoechstbetrag"] == 1935
    assert steps["mischhaushalt_ueber_zwoelf"] == 13


def test_mischhaushalt_over_twelve_names_the_reading() -> None:
    """The Rechenweg names the reading (§ 11 Abs. 3 with § 19 Abs. 3) in German."""
    h = _h(
        mietenstufe=3, miete_monat="1800", anzahl_mitglieder=15, anzahl_ausgeschlossen=2,
        gesamteinkommen_monat="3000",
    )
    s = next(x for x in calculate(h, on=ON_2025).schritte if x.key == "mischhaushalt_ueber_zwoelf")
    assert "Auslegung" in s.label and "alle 15 Mitglieder" in s.label
    assert s.zitat == "§ 11 Abs. 3 WoGG, § 19 Abs. 3 WoGG"


# --- property -----------------------------------------------------------------------------------------


@given(
    n=st.integers(min_value=12, max_value=25),
    ausgeschlossen=st.integers(min_value=0, max_value=4),
    stufe=st.integers(min_value=1, max_value=6),
    miete=st.integers(min_value=0, max_value=400_000).map(lambda c: Decimal(c).scaleb(-2)),
    y=st.integers(min_value=0, max_value=800_000).map(lambda c: Decimal(c).scaleb(-2)),
    on=st.dates(min_value=date(2016, 1, 1), max_value=date(2026, 11, 30)),
)
def test_one_more_member_without_income_never_lowers_the_amount(
    n: int, ausgeschlossen: int, stufe: int, miete: Decimal, y: Decimal, on: date
) -> None:
    """Beyond twelve counted members, one more counted member without income never lowers the amount.

    § 19 Abs. 3: the raise per member is positive and the cap only limits it; in a Mischhaushalt
    (§ 11 Abs. 3) the share of the rent and the Höchstbetrag for the whole number grow with the member.
    """

    def betrag(k: int) -> Decimal:
        h = _h(
            mietenstufe=stufe, miete_monat=miete, anzahl_mitglieder=k + ausgeschlossen,
            anzahl_ausgeschlossen=ausgeschlossen, gesamteinkommen_monat=y,
        )
        return calculate(h, on=on, rechenweg=False).betrag_monat

    assert betrag(n + 1) >= betrag(n)
