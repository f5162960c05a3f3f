"""§ 15 Abs. 2 and 3 WoGG (einmaliges Einkommen, Sonderzuwendungen) in the wording of each date.

Wording of § 15 Abs. 2 Satz 2, 3 WoGG:

* 1.1.2016 – 31.12.2022 (Art. 1 WoGRefG v. 2.10.2015, BGBl. I S. 1610; the same in the texts of
  Nov. 2016, 2021 and 21.12.2022): "so ist das einmalige Einkommen jeweils zu einem Drittel in den
  drei Jahren nach dem Zuflussmonat zuzurechnen"; "… wenn es innerhalb von drei Jahren vor der
  Antragstellung zugeflossen ist". One third per year, spread over its twelve months: 1/36 a month.
* from 1.1.2023 (Art. 1 Wohngeld-Plus-Gesetz v. 5.12.2022, BGBl. I S. 2160): "zu einem Zwölftel in
  den zwölf Monaten nach dem Zuflussmonat"; "… innerhalb von einem Jahr vor der Antragstellung".

§ 15 Abs. 3 ("Sonderzuwendungen … sind den im Bewilligungszeitraum liegenden Monaten zu je einem
Zwölftel zuzurechnen, wenn sie in den nächsten zwölf Monaten nach Beginn des Bewilligungszeitraums
zufließen") reads the same in the texts of 2016, 2021, 21.12.2022, 2023 and 2026.

The Antragstellung is taken as the first day of the Bewilligungszeitraum (docs/einkommen.md).

The household of the issue: Mietenstufe III, four members (two adults, two children), Bruttokaltmiete
750 €, one earner with 2 200 € gross a month, § 16 Satz 1 Nr. 2 and 3 (20 %), Bewilligungszeitraum
from 01.04.2021. Arbeitnehmer-Pauschbetrag 1 000 € (§ 9a Satz 1 Nr. 1 Buchst. a EStG until VZ 2021),
1 230 € from VZ 2023; the one-off payment is Arbeitslohn, so it joins the same Einkünfte and the
Pauschbetrag is deducted once.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from wohngeld import Haushalt, calculate
from wohngeld.law.income.tabellen import Einnahmearten
from wohngeld.law.tabelle import default_store

D = Decimal


def haushalt(beginn: str, *einmalig: tuple[str, str], zeitraum: str = "einmalig") -> Haushalt:
    einnahmen: list[dict[str, Any]] = [{"art": "Erwerbseinkommen", "brutto_monat": "2200"}]
    einnahmen += [
        {"art": "Erwerbseinkommen", "zeitraum": zeitraum, "betrag": betrag, "zufluss": zufluss}
        for betrag, zufluss in einmalig
    ]
    return Haushalt.model_validate(
        {
            "mietenstufe": 3,
            "miete_monat": "750",
            "bewilligungszeitraum_ab": beginn,
            "mitglieder": [
                {"einnahmen": einnahmen, "pauschalabzug": {"kranken_pflege": True, "rente": True}},
                {},
                {"kind": True},
                {"kind": True},
            ],
        }
    )


def test_beispiel_2021_ein_drittel_im_ersten_jahr() -> None:
    """3 600 € received 15.03.2021, Bewilligungszeitraum 04/2021–03/2022 (the issue's example).

    § 15 Abs. 2 Satz 2 (Fassung 2016–2022): one third in each of the three years after the
    Zuflussmonat 03/2021; the first year 04/2021–03/2022 is exactly the Bewilligungszeitraum: 1 200 €.
    Jahreseinkommen 12 · 2 200 + 1 200 − 1 000 = 26 600; § 16 Nr. 2, 3: · 0,8 = 21 280; Y = 1 773,33…
    M: Höchstbetrag 4 Mitglieder, Mietenstufe III (Anlage 1, WoGStärkG) 716 € < 750 €; + 25,80 €
    (§ 12 Abs. 6, 2021) = 741,80 €. Anlage 2, 4 members: a 0,01, b 3,130E-4, c 3,680E-5.
    z1 = 0,01 + 0,000313 · 741,80 + 0,0000368 · 1 773,3333333333 = 0,3074420667
    z2 = z1 · Y = 545,1972649480; z3 = 741,80 − z2 = 196,6027350520; z4 = 1,15 · z3 = 226,0931453098
    → 226 € (the twelve-month rule would count all 3 600 €: Y 1 933,33 → 156 €).
    """
    r = calculate(haushalt("2021-04-01", ("3600", "2021-03-15")), on=date(2021, 4, 1))
    assert r.M_berechnet == D("741.80")
    assert r.Y_berechnet == D(21280) / 12
    assert r.z[3] == D("226.0931453098")
    assert r.betrag_monat == 226


def test_2021_zahlung_aus_2019_zaehlt() -> None:
    """Paid 08/2019, Bewilligungszeitraum from 04/2021: within three years before the Antragstellung.

    The 36 months after the Zuflussmonat are 09/2019–08/2022; all twelve months 04/2021–03/2022 get
    3 600 / 36 = 100 €: 1 200 € — the same Y and amount as the example: 226 €. Under the twelve-month
    rule the payment would be ignored (Y = 25 400 · 0,8 / 12 = 1 693,33 → 260 €).
    """
    r = calculate(haushalt("2021-04-01", ("3600", "2019-08-15")), on=date(2021, 4, 1))
    assert r.Y_berechnet == D(21280) / 12
    assert r.betrag_monat == 226


@pytest.mark.parametrize(
    ("zufluss", "jahr"),
    [
        # 15.04.2018 lies within three years before 01.04.2021; months after it: 05/2018–04/2021,
        # so only 04/2021 falls into the period: 100 € → 25 500 · 0,8 / 12 = 1 700
        ("2018-04-15", 25500),
        # 15.03.2018 lies more than three years before: nothing → 25 400 · 0,8 / 12 = 1 693,33…
        ("2018-03-15", 25400),
        # 15.05.2021 (in the period): 04/2021 and 05/2021 are not after the Zuflussmonat,
        # 06/2021–03/2022 are: 10 · 100 = 1 000 → 26 400 · 0,8 / 12 = 1 760
        ("2021-05-15", 26400),
    ],
)
def test_2021_drei_jahre_beide_seiten(zufluss: str, jahr: int) -> None:
    """§ 15 Abs. 2 Satz 3 (Fassung 2016–2022): 'innerhalb von drei Jahren vor der Antragstellung'."""
    r = calculate(haushalt("2021-04-01", ("3600", zufluss)), on=date(2021, 4, 1))
    assert r.Y_berechnet == D(jahr) * D("0.8") / 12


def test_letzter_tag_der_alten_fassung() -> None:
    """Bewilligungszeitraum from 01.12.2022, paid 15.11.2020: the text of 21.12.2022 still has the
    three-year rule. Months after 11/2020: 12/2020–11/2023; all of 12/2022–11/2023 in: 1 200 €.
    Pauschbetrag 1 200 € (VZ 2022): 26 400 − 1 200 + 1 200 = 26 400; · 0,8 / 12 = 1 760.
    """
    r = calculate(haushalt("2022-12-01", ("3600", "2020-11-15")), on=date(2022, 12, 1))
    assert r.Y_berechnet == D(1760)


@pytest.mark.parametrize(
    ("zufluss", "jahr"),
    [
        # 15.03.2023: one twelfth in each of 04/2023–03/2024 = the whole 3 600 €
        # → (26 400 − 1 230 + 3 600) · 0,8 / 12 = 1 918
        ("2023-03-15", 28770),
        # 15.04.2022: within one year before 01.04.2023; months after: 05/2022–04/2023 → 300 €
        ("2022-04-15", 25470),
        # 15.03.2022: more than one year before → nothing: 25 170 · 0,8 / 12 = 1 678
        ("2022-03-15", 25170),
        # 08/2021, which the old rule would still count: nothing
        ("2021-08-15", 25170),
    ],
)
def test_ab_2023_zwoelf_monate(zufluss: str, jahr: int) -> None:
    """§ 15 Abs. 2 Satz 2, 3 i. d. F. des Wohngeld-Plus-Gesetzes (from 1.1.2023): one twelfth over
    the twelve months after the Zuflussmonat, if received within one year before the Antragstellung.
    """
    r = calculate(haushalt("2023-04-01", ("3600", zufluss)), on=date(2023, 4, 1))
    assert r.Y_berechnet == D(jahr) * D("0.8") / 12


def test_ab_2023_betrag() -> None:
    """Wohngeld for the 2023 case with the payment of 15.03.2023 (Y = 1 918).

    M: 750 € ≤ Höchstbetrag 736 € + Klimakomponente 34,40 € (§ 12 Abs. 1, 7, 4 Mitglieder, III), so
    750 €; + 25,80 € + 172 € (§ 12 Abs. 6, 2023) = 947,80 €. Anlage 2 (2023), 4 members: a 0,01,
    b 2,251E-4, c 2,000E-5. z1 = 0,01 + 0,0002251 · 947,80 + 0,00002 · 1 918 = 0,2617097800;
    z2 = 501,9593580400; z3 = 445,8406419600; z4 = 1,15 · z3 = 512,7167382540 → 513 €.
    """
    r = calculate(haushalt("2023-04-01", ("3600", "2023-03-15")), on=date(2023, 4, 1))
    assert r.M_berechnet == D("947.80")
    assert r.z[3] == D("512.7167382540")
    assert r.betrag_monat == 513


@pytest.mark.parametrize(
    ("on", "monate"),
    [
        (date(2016, 1, 1), 36),
        (date(2019, 12, 31), 36),
        (date(2020, 1, 1), 36),
        (date(2022, 12, 31), 36),
        (date(2023, 1, 1), 12),
        (date(2026, 7, 1), 12),
    ],
)
def test_tabelle_je_fassung(on: date, monate: int) -> None:
    """The table of each date carries the months of its wording (see the module docstring)."""
    t = default_store().rechtsstand(on).table(Einnahmearten)
    assert (t.einmalig_zurechnung_monate, t.einmalig_rueckschau_monate) == (monate, monate)


def test_rechenweg_nennt_die_regel() -> None:
    r = calculate(haushalt("2021-04-01", ("3600", "2021-03-15")), on=date(2021, 4, 1))
    schritt = next(s for s in r.schritte if s.key == "einnahme" and "einmalig" in s.label)
    assert "drei Jahre nach dem Zuflussmonat" in schritt.label
    assert "12 von 36 Monatsanteilen" in schritt.label
    assert schritt.zitat.endswith("§ 15 Abs. 2 WoGG")
    r = calculate(haushalt("2023-04-01", ("3600", "2021-08-15")), on=date(2023, 4, 1))
    schritt = next(s for s in r.schritte if s.key == "einnahme" and "einmalig" in s.label)
    assert "mehr als ein Jahr vor der Antragstellung" in schritt.label


@pytest.mark.parametrize("on", [date(2019, 4, 1), date(2021, 4, 1), date(2025, 4, 1)])
def test_sonderzuwendung_gleich_in_jeder_fassung(on: date) -> None:
    """§ 15 Abs. 3 (same wording 2016–2026): a Sonderzuwendung of 1 200 € paid in the eighth month
    of the period counts one twelfth in each month: 1 200 €; one paid a day before the period, or
    after its twelfth month, does not count.
    """
    beginn = on.isoformat()
    mitte = on.replace(month=11, day=30).isoformat()
    vorher = on.replace(month=3, day=31).isoformat()
    mit = calculate(haushalt(beginn, ("1200", mitte), zeitraum="sonderzuwendung"), on=on)
    ohne = calculate(haushalt(beginn), on=on)
    davor = calculate(haushalt(beginn, ("1200", vorher), zeitraum="sonderzuwendung"), on=on)
    assert mit.Y_berechnet - ohne.Y_berechnet == D(1200) * D("0.8") / 12
    assert davor.Y_berechnet == ohne.Y_berechnet


@given(
    monat=st.integers(min_value=-40, max_value=14),
    betrag=st.integers(min_value=1, max_value=100_000),
)
def test_drittel_regel_summe(monat: int, betrag: int) -> None:
    """2021 rule: the amount counted in the period is betrag · k / 36 with k the months of
    04/2021–03/2022 that lie in the 36 months after the Zuflussmonat (and 0 if received more than
    three years before 01.04.2021).
    """
    jahr, mon = divmod(2021 * 12 + 3 + monat, 12)  # monat 0 = 04/2021
    zufluss = date(jahr, mon + 1, 15)
    k = sum(1 for m in range(12) if monat < m <= monat + 36)
    if zufluss < date(2018, 4, 1):
        k = 0
    mit = calculate(haushalt("2021-04-01", (str(betrag), zufluss.isoformat())), on=date(2021, 4, 1))
    ohne = calculate(haushalt("2021-04-01"), on=date(2021, 4, 1), rechenweg=False)
    assert abs(mit.Y_berechnet - ohne.Y_berechnet - D(betrag) * k * D("0.8") / 432) < D("1E-20")
