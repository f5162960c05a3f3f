"""§ 6 WoGV Pauschbeträge 2016–2024, Mietwert, § 3 WoGV, business rooms and the
2 % rule of the Lastenberechnung. Every expected value is computed by hand in the comment."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from pydantic import ValidationError

from wohngeld import Haushalt, calculate
from wohngeld.result import Result

ON = date(2025, 7, 1)


def _calc(wohnkosten: dict[str, object], *, n: int = 1, stufe: int = 3, on: date = ON) -> Result:
    h = Haushalt.model_validate(
        {
            "mietenstufe": stufe,
            "anzahl_mitglieder": n,
            "gesamteinkommen_monat": "900.00",
            "wohnkosten": wohnkosten,
        }
    )
    return calculate(h, on=on)


def _schritt(r: Result, key: str) -> tuple[object, str]:
    [s] = [s for s in r.schritte if s.key == key]
    return s.wert, s.zitat


# --- § 6 Abs. 2 WoGV in the Fassung of 2016-01-01 (Art. 2 WoGRefG) ---------------------------------


def test_pauschbetraege_2019_heizung_and_warmwasser() -> None:
    # 2019: § 6 Abs. 2 WoGV i. d. F. WoGRefG. Warmmiete 540, 50 m², 2 Bewohner:
    # Heizung 1.25 * 50 = 62.50 (Nr. 1), Warmwasser 17 (Nr. 2) -> 540 - 62.50 - 17 = 460.50.
    # Höchstbetrag 2016 table, 2 members, Stufe III: 473 -> 460.50; no Klimakomponente and no
    # heating amounts before 2021 -> M = 460.50.
    r = _calc(
        {
            "art": "Miete",
            "warmmiete_monat": "540",
            "wohnflaeche_m2": "50",
            "abzuege": [{"art": "Heizung"}, {"art": "Warmwasser"}],
        },
        n=2,
        on=date(2019, 7, 1),
    )
    assert r.M_berechnet == Decimal("460.50")
    abzuege = [(s.wert, s.zitat) for s in r.schritte if s.key == "abzug"]
    assert [w for w, _ in abzuege] == [Decimal("62.50"), Decimal(17)]
    assert "§ 6 Abs. 2 Nr. 1 WoGV" in abzuege[0][1] and "§ 6 Abs. 2 Nr. 2 WoGV" in abzuege[1][1]


def test_pauschbetraege_2018_haushaltsenergie_and_garage() -> None:
    # 2018, 3 Bewohner: Haushaltsenergie 74 + 15 = 89 (Nr. 3), Garage 36 (Nr. 4):
    # 520 - 89 - 36 = 395; cap 3 members Stufe III (2016 table) 563 -> M = 395.
    r = _calc(
        {"art": "Miete", "miete_monat": "520", "abzuege": [{"art": "Haushaltsenergie"}, {"art": "Garage"}]},
        n=3,
        on=date(2018, 3, 1),
    )
    assert r.M_berechnet == Decimal(395)


def test_pauschbetrag_2023_is_now_computed_not_refused() -> None:
    # 2023 (same Fassung): Warmmiete 700, 60 m² -> Heizung 1.25 * 60 = 75 -> Miete nach § 9: 625.
    r = _calc(
        {"art": "Miete", "warmmiete_monat": "700", "wohnflaeche_m2": "60", "abzuege": [{"art": "Heizung"}]},
        on=date(2023, 7, 1),
    )
    assert _schritt(r, "miete_9")[0] == Decimal(625)


# --- Mietwert (§ 9 Abs. 3 Satz 1 WoGG, § 7 WoGV) ---------------------------------------------------


def test_mietwert_with_stellplatz_pauschbetrag() -> None:
    # Owner in his own house with three flats: Mietwert 420 incl. a Stellplatz, no amount for it:
    # 420 - 25 (§ 6 Abs. 2 Nr. 4, Abs. 3 WoGV) = 395; cap 1 member III 456 + 19.20 = 475.20 -> 395;
    # M = 395 + 110.40 = 505.40.
    r = _calc({"art": "Miete", "mietwert_monat": "420", "abzuege": [{"art": "Stellplatz"}]})
    assert r.M_berechnet == Decimal("505.40")
    wert, zitat = _schritt(r, "mietwert")
    assert wert == Decimal(420) and "§ 9 Abs. 3 Satz 1 WoGG" in zitat and "§ 7 WoGV" in zitat
    assert any("§ 6 Abs. 3 WoGV" in s.zitat for s in r.schritte if s.key == "abzug")


def test_mietwert_and_miete_together_are_refused() -> None:
    with pytest.raises(ValidationError, match=r"die Miete einmal angeben.*mietwert_monat"):
        _calc({"art": "Miete", "miete_monat": "400", "mietwert_monat": "420"})


# --- Mietvorauszahlung and Mieterdarlehen (§ 3 WoGV) -------------------------------------------------


def test_mietvorauszahlung_and_mieterdarlehen_belong_to_the_miete() -> None:
    # Miete 300; 3600 prepaid for 60 months -> 3600 / 60 = 60 a month (§ 3 Abs. 1 WoGV); 50 a month
    # offset against a Mieterdarlehen (§ 3 Abs. 2 WoGV) -> 300 + 60 + 50 = 410 < 475.20;
    # M = 410 + 110.40 = 520.40.
    r = _calc(
        {
            "art": "Miete",
            "miete_monat": "300",
            "mietvorauszahlung": "3600",
            "mietvorauszahlung_monate": 60,
            "mieterdarlehen_verrechnung_monat": "50",
        }
    )
    assert r.M_berechnet == Decimal("520.40")
    assert _schritt(r, "mietvorauszahlung") == (Decimal(60), "§ 9 Abs. 1 WoGG, § 3 Abs. 1 WoGV")
    assert _schritt(r, "mieterdarlehen")[1] == "§ 9 Abs. 1 WoGG, § 3 Abs. 2 WoGV"


def test_mietvorauszahlung_needs_its_months() -> None:
    with pytest.raises(ValidationError, match=r"mietvorauszahlung_monate.*§ 3 Abs. 1 WoGV"):
        _calc({"art": "Miete", "miete_monat": "300", "mietvorauszahlung": "3600"})


# --- Lastenberechnung: business rooms (§ 11 Abs. 2 Nr. 1 WoGG, §§ 13, 15 WoGV) ----------------------


def test_belastung_business_rooms_left_out_by_area() -> None:
    # Zinsen 2000; Instandhaltung 36 * (80 + 20) = 3600 (§ 13 Abs. 2 Satz 1: Wohn- and Geschäftsfläche);
    # Grundsteuer 400 -> 6000 a year = 500 a month; business share 20/100 -> 100 left out (§ 15 Abs. 1)
    # -> 400; cap 475.20 -> 400; M = 400 + 110.40 = 510.40.
    r = _calc(
        {
            "art": "Belastung",
            "darlehen": [{"zinsen_jahr": "2000"}],
            "wohnflaeche_m2": "80",
            "geschaeftsraum_m2": "20",
            "grundsteuer_jahr": "400",
        }
    )
    assert r.M_berechnet == Decimal("510.40")
    assert _schritt(r, "geschaeftsraeume") == (Decimal(100), "§ 11 Abs. 2 Nr. 1 WoGG, § 15 Abs. 1 WoGV")


def test_geschaeftsraum_needs_wohnflaeche() -> None:
    with pytest.raises(ValidationError, match=r"geschaeftsraum_m2 braucht wohnflaeche_m2"):
        _calc({"art": "Belastung", "darlehen": [{"zinsen_jahr": "2000"}], "geschaeftsraum_m2": "20"})


# --- Lastenberechnung: 2 % rule (§ 12 Abs. 1 Satz 2, Abs. 2 WoGV) ------------------------------------


def _bauspar(**extra: object) -> dict[str, object]:
    darlehen = {"zinsen_jahr": "1800", "nennbetrag": "60000", "tilgungsersatz": "Bausparvertrag", **extra}
    return {"art": "Belastung", "darlehen": [darlehen], "wohnflaeche_m2": "50"}


def test_bausparvertrag_tilgung_is_two_percent_of_the_loan() -> None:
    # Tilgung 2 % of 60000 = 1200; Zinsen 1800; Instandhaltung 36 * 50 = 1800 -> 4800 / 12 = 400;
    # M = 400 + 110.40 = 510.40.
    r = _calc(_bauspar())
    assert r.M_berechnet == Decimal("510.40")
    assert _schritt(r, "tilgungsersatz") == (Decimal("1200.00"), "§ 12 Abs. 1 Satz 2 WoGV")


def test_lower_actual_bausparbeitrag_is_used() -> None:
    # 600 paid < 1200 -> 600 (§ 12 Abs. 2 Satz 2): 1800 + 600 + 1800 = 4200 / 12 = 350; M = 460.40.
    assert _calc(_bauspar(tilgungsersatz_jahr="600")).M_berechnet == Decimal("460.40")


def test_higher_actual_bausparbeitrag_is_capped_at_two_percent() -> None:
    # 2400 paid > 1200 -> 1200: as without the payment, M = 510.40.
    assert _calc(_bauspar(tilgungsersatz_jahr="2400")).M_berechnet == Decimal("510.40")


def test_two_percent_counts_for_the_shortcut_of_10_2_satz_2() -> None:
    # Zinsen 4800 + 2 % of 120000 = 2400 -> 7200 / 12 = 600 ≥ 475.20: no Wohnfläche needed
    # (§ 10 Abs. 2 Satz 2 WoGG); capped -> 475.20; M = 475.20 + 110.40 = 585.60.
    r = _calc(
        {
            "art": "Belastung",
            "darlehen": [
                {"zinsen_jahr": "4800", "nennbetrag": "120000", "tilgungsersatz": "Personenversicherung"}
            ],
        }
    )
    assert r.M_berechnet == Decimal("585.60")


@pytest.mark.parametrize(
    ("darlehen", "match"),
    [
        ({"zinsen_jahr": "1", "tilgungsersatz": "Bausparvertrag"}, r"braucht nennbetrag"),
        (
            {
                "zinsen_jahr": "1",
                "tilgung_jahr": "500",
                "nennbetrag": "1000",
                "tilgungsersatz": "Bausparvertrag",
            },
            r"tilgung_jahr 500 und tilgungsersatz",
        ),
        ({"zinsen_jahr": "1", "tilgungsersatz_jahr": "500"}, r"tilgungsersatz_jahr braucht tilgungsersatz"),
    ],
)
def test_tilgungsersatz_bad_input(darlehen: dict[str, object], match: str) -> None:
    with pytest.raises(ValidationError, match=match):
        _calc({"art": "Belastung", "darlehen": [darlehen], "wohnflaeche_m2": "50"})
