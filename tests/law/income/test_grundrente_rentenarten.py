"""§ 17a Abs. 1 WoGG for every Rente of the gesetzliche Rentenversicherung.

§ 17a Abs. 1 Satz 2 WoGG (inserted by Art. 5 Grundrentengesetz v. 12.8.2020, BGBl. I S. 1879, in
force 1.1.2021; same wording in the texts of 2021, 2023 and 2026): the Freibetrag "beträgt 1 200 Euro
vom jährlichen Einkommen aus der gesetzlichen Rente zuzüglich 30 Prozent des diesen Betrag
übersteigenden jährlichen Einkommens aus der gesetzlichen Rente, höchstens jedoch ein mit zwölf zu
multiplizierender Betrag in Höhe von 50 Prozent der Regelbedarfsstufe 1". "Gesetzliche Rente" is every
Rente of the gesetzliche Rentenversicherung (SGB VI): Renten wegen Alters, wegen verminderter
Erwerbsfähigkeit (§ 43 SGB VI) and wegen Todes (§§ 46–48 SGB VI), not a private Leibrente.

One member, Rente 800 €/month, 33 years of Grundrentenzeiten, no § 16 deduction:
Einkünfte 12 · 800 − 102 (§ 9a Satz 1 Nr. 3 EStG) = 9 498 €.
* 2025: Freibetrag 1 200 + 0,3 · (9 600 − 1 200) = 3 720 > 12 · 50 % · 563 (RBS 1) = 3 378 → 3 378;
  Y = (9 498 − 3 378) / 12 = 510 €.
* 2021: cap 12 · 50 % · 446 = 2 676; Y = (9 498 − 2 676) / 12 = 568,50 €.
* 2020: no § 17a yet; Y = 9 498 / 12 = 791,50 €.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from wohngeld import Haushalt, calculate
from wohngeld.input.einnahmen import EinnahmeArt
from wohngeld.law.income.tabellen import Einnahmearten
from wohngeld.law.tabelle import default_store, named_store

D = Decimal

GESETZLICH = [
    "Altersrente",
    "Erwerbsminderungsrente",
    "Witwen- oder Witwerrente",
    "Erziehungsrente",
    "Waisenrente",
]


def y(art: str, on: date, *, grundrente: bool = True) -> Decimal:
    h = Haushalt.model_validate(
        {
            "mietenstufe": 3,
            "miete_monat": "500",
            "mitglieder": [
                {
                    "einnahmen": [{"art": art, "brutto_monat": "800"}],
                    "grundrentenzeiten_33_jahre": grundrente,
                }
            ],
        }
    )
    return calculate(h, on=on).Y_berechnet


@pytest.mark.parametrize("art", GESETZLICH)
@pytest.mark.parametrize(
    ("on", "erwartet"),
    [(date(2025, 7, 1), D(510)), (date(2021, 7, 1), D("568.50")), (date(2020, 7, 1), D("791.50"))],
)
def test_jede_gesetzliche_rente_hat_den_freibetrag(art: str, on: date, erwartet: Decimal) -> None:
    assert y(art, on) == erwartet


@pytest.mark.parametrize("art", GESETZLICH)
def test_ohne_33_jahre_kein_freibetrag(art: str) -> None:
    assert y(art, date(2025, 7, 1), grundrente=False) == D("791.50")


@pytest.mark.parametrize(
    "art", ["Leibrente, sonstige", "Rente der gesetzlichen Unfallversicherung"]
)
def test_andere_renten_ohne_freibetrag(art: str) -> None:
    """A private Leibrente is no gesetzliche Rente (9 498 / 12 = 791,50 €). The Unfallrente counts in
    full under § 14 Abs. 2 Nr. 5 WoGG (9 600 / 12 = 800 €), and is no Rente der Rentenversicherung.
    """
    erwartet = D("791.50") if art.startswith("Leibrente") else D(800)
    assert y(art, date(2025, 7, 1)) == erwartet


@pytest.mark.parametrize("on", [date(2016, 1, 1), date(2020, 1, 1), date(2023, 1, 1), date(2026, 1, 1)])
def test_in_jedem_katalog(on: date) -> None:
    """Every Fassung of the catalogue knows the kinds and marks them as gesetzliche Rente."""
    arten = default_store().rechtsstand(on).table(Einnahmearten).arten
    for art in GESETZLICH:
        regel = arten[EinnahmeArt(art)]
        assert regel.behandlung == "rente" and regel.gesetzliche_rente, art


def test_im_entwurf_2027() -> None:
    arten = named_store("Entwurf 2027").rechtsstand(date(2027, 1, 1)).table(Einnahmearten).arten
    assert all(arten[EinnahmeArt(a)].gesetzliche_rente for a in GESETZLICH)


def test_mehrere_gesetzliche_renten_ein_freibetrag() -> None:
    """Altersrente 500 € and Witwenrente 300 € of one member, 2025: one Freibetrag on the sum of the
    gesetzliche Rente (800 €/month), as for one pension of 800 €: Y = (9 498 − 3 378) / 12 = 510 €.
    With the Witwenrente as a private Leibrente the Freibetrag is 1 200 + 0,3 · (6 000 − 1 200) =
    2 640 € on the Altersrente alone: Y = (9 498 − 2 640) / 12 = 571,50 €.
    """

    def y2(zweite: str) -> Decimal:
        einnahmen = [
            {"art": "Altersrente", "brutto_monat": "500"},
            {"art": zweite, "brutto_monat": "300"},
        ]
        h = Haushalt.model_validate(
            {
                "mietenstufe": 3,
                "miete_monat": "500",
                "mitglieder": [{"einnahmen": einnahmen, "grundrentenzeiten_33_jahre": True}],
            }
        )
        return calculate(h, on=date(2025, 7, 1)).Y_berechnet

    assert y2("Witwen- oder Witwerrente") == D(510)
    assert y2("Leibrente, sonstige") == D("571.50")
