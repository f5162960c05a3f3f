"""Income rules §§ 13–18 WoGG: hand-computed cases from the statute (Y only).

Every expected value below is computed by hand from the statute and the data files' amounts;
the comment next to each test shows the arithmetic. Y = Gesamteinkommen / 12 (§ 13 Abs. 2 WoGG).
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

import pytest
from pydantic import ValidationError

from wohngeld import Haushalt, InputError, calculate
from wohngeld.input.einnahmen import Einnahme
from wohngeld.law.income.tabellen import Grundrentenfreibetrag, Regelbedarfsstufen
from wohngeld.law.tabelle import default_store

D = Decimal


def y_von(mitglieder: list[dict[str, Any]], on: date, **haushalt: Any) -> Decimal:
    h = Haushalt.model_validate(
        {"mietenstufe": 3, "miete_monat": "500", "mitglieder": mitglieder, **haushalt}
    )
    return calculate(h, on=on).Y_berechnet


def lohn(monat: str, **kw: Any) -> dict[str, Any]:
    return {"art": "Erwerbseinkommen", "brutto_monat": monat, **kw}


# --- § 14 Abs. 1 i. V. m. § 9a Satz 1 Nr. 1 Buchst. a EStG: Arbeitnehmer-Pauschbetrag per year ---
@pytest.mark.parametrize(
    ("on", "y"),
    [
        (date(2016, 7, 1), D(23000) / 12),  # (12 · 2000 − 1000) / 12 = 1916.666…
        (date(2021, 7, 1), D(23000) / 12),  # 1000 € until VZ 2021
        (date(2022, 7, 1), D("1900")),  # (24000 − 1200) / 12, Steuerentlastungsgesetz 2022
        (date(2023, 7, 1), D("1897.50")),  # (24000 − 1230) / 12, JStG 2022
        (date(2026, 7, 1), D("1897.50")),  # unchanged 2024–2026
    ],
)
def test_arbeitnehmer_pauschbetrag_je_jahr(on: date, y: Decimal) -> None:
    assert y_von([{"einnahmen": [lohn("2000")]}], on) == y


def test_pauschbetrag_hoechstens_bis_zur_hoehe_der_einnahmen() -> None:
    # 50 €/Monat = 600 € < 1230 €: Einkünfte 0 (§ 9a Satz 2 EStG), not negative
    assert y_von([{"einnahmen": [lohn("50")]}], date(2025, 7, 1)) == 0


def test_hoehere_tatsaechliche_werbungskosten() -> None:
    # (24000 − 2000) / 12 = 1833.333…
    assert (
        y_von([{"einnahmen": [lohn("2000", werbungskosten_jahr="2000")]}], date(2025, 7, 1)) == D(22000) / 12
    )


@pytest.mark.parametrize("art", ["Versorgungsbezüge", "Altersrente", "Leibrente, sonstige"])
def test_pauschbetrag_102_fuer_renten_und_versorgungsbezuege(art: str) -> None:
    # (12 · 1500 − 102) / 12 = 1491.50 (§ 9a Satz 1 Nr. 1 Buchst. b, Nr. 3 EStG)
    assert y_von([{"einnahmen": [{"art": art, "brutto_monat": "1500"}]}], date(2025, 7, 1)) == D("1491.50")


def test_renten_pauschbetrag_einmal_je_person() -> None:
    # two pensions of one person: (12 · (1000 + 500) − 102) / 12 = 1491.50 (Nr. 3: "insgesamt")
    e = [
        {"art": "Altersrente", "brutto_monat": "1000"},
        {"art": "Leibrente, sonstige", "brutto_monat": "500"},
    ]
    assert y_von([{"einnahmen": e}], date(2025, 7, 1)) == D("1491.50")


# --- § 16: 0 / 10 / 20 / 30 % by the three criteria ---
@pytest.mark.parametrize(
    ("steuern", "kv", "rv", "y"),
    [
        (False, False, False, D("1897.50")),  # 22770 / 12
        (True, False, False, D("1707.75")),  # 22770 · 0.9 / 12
        (False, True, False, D("1707.75")),
        (False, False, True, D("1707.75")),
        (True, True, False, D("1518")),  # 22770 · 0.8 / 12
        (True, False, True, D("1518")),
        (False, True, True, D("1518")),
        (True, True, True, D("1328.25")),  # 22770 · 0.7 / 12
    ],
)
def test_pauschalabzug_16(steuern: bool, kv: bool, rv: bool, y: Decimal) -> None:
    m = {
        "einnahmen": [lohn("2000")],
        "pauschalabzug": {"steuern": steuern, "kranken_pflege": kv, "rente": rv},
    }
    assert y_von([m], date(2025, 7, 1)) == y


def test_pauschalabzug_gilt_fuer_einnahmen_nach_14_abs_2() -> None:
    # Arbeitslosengeld 1000 €/Monat, KV/PV contributions expected: 12000 · 0.9 / 12 = 900
    m = {
        "einnahmen": [{"art": "Arbeitslosengeld", "brutto_monat": "1000"}],
        "pauschalabzug": {"kranken_pflege": True},
    }
    assert y_von([m], date(2025, 7, 1)) == 900


# --- § 14 Abs. 1 Satz 3 Nr. 2: Minijob, actual Aufwendungen only ---
def test_minijob_aufwendungen() -> None:
    # (12 · 556 − 600) / 12 = 506
    e = {"art": "Minijob, pauschal versteuert", "brutto_monat": "556", "werbungskosten_jahr": "600"}
    assert y_von([{"einnahmen": [e]}], date(2025, 7, 1)) == 506


# --- § 14 Abs. 1 Satz 1, 4: negative Einkünfte are not offset ---
def test_negative_einkuenfte_ohne_ausgleich() -> None:
    # Vermietung −5000 € is dropped, not set against the wage: (24000 − 1230) / 12 = 1897.50
    e = [lohn("2000"), {"art": "Vermietung und Verpachtung", "brutto_jahr": "-5000"}]
    assert y_von([{"einnahmen": e}], date(2025, 7, 1)) == D("1897.50")


def test_negative_einkuenfte_anderer_personen_ohne_ausgleich() -> None:
    # spouse's Gewerbe loss −6000 does not reduce the wage of the other: 1897.50
    a = {"einnahmen": [lohn("2000")]}
    b = {"einnahmen": [{"art": "Gewinn aus Gewerbebetrieb", "brutto_jahr": "-6000"}]}
    assert y_von([a, b], date(2025, 7, 1)) == D("1897.50")


def test_ausgleich_innerhalb_einer_einkunftsart() -> None:
    # two lettings +3000 and −1200 of one person: 1800 / 12 = 150
    e = [
        {"art": "Vermietung und Verpachtung", "brutto_jahr": "3000"},
        {"art": "Vermietung und Verpachtung", "brutto_jahr": "-1200"},
    ]
    assert y_von([{"einnahmen": e}], date(2025, 7, 1)) == 150


# --- § 14 Abs. 2 ---
@pytest.mark.parametrize(("ertraege", "y"), [("1301", D(1201) / 12), ("80", D(0))])
def test_kapitalertraege_ueber_100(ertraege: str, y: Decimal) -> None:
    # § 14 Abs. 2 Nr. 15: 1301 → 1201 (the example of WoGVwV 17.03.5); 80 → 0
    assert y_von([{"einnahmen": [{"art": "Kapitalerträge", "brutto_jahr": ertraege}]}], date(2025, 7, 1)) == y


def test_bafoeg_zur_haelfte() -> None:
    # § 14 Abs. 2 Nr. 27 a: 600 · 0.5 = 300
    assert y_von([{"einnahmen": [{"art": "BAföG-Zuschuss", "brutto_monat": "600"}]}], date(2025, 7, 1)) == 300


def test_elterngeld_ueber_300() -> None:
    # § 10 Abs. 1 BEEG: 800 − 300 = 500 per month
    assert y_von([{"einnahmen": [{"art": "Elterngeld", "brutto_monat": "800"}]}], date(2025, 7, 1)) == 500


@pytest.mark.parametrize("art", ["Kindergeld", "Pflegegeld", "Kinderzuschlag", "Blindengeld"])
def test_nicht_einkommen(art: str) -> None:
    assert y_von([{"einnahmen": [{"art": art, "brutto_monat": "250"}]}], date(2025, 7, 1)) == 0


def test_aktivrente_erst_ab_2026() -> None:
    m = [{"einnahmen": [{"art": "Aktivrente", "brutto_monat": "1000"}]}]
    assert y_von(m, date(2026, 7, 1)) == 1000  # § 14 Abs. 2 Nr. 12, no Werbungskosten
    with pytest.raises(InputError, match=r"Mitglied 1: einnahmen\[0\]\.art = 'Aktivrente'"):
        y_von(m, date(2025, 7, 1))


# --- § 15: twelve-month forecast, changes, Sonderzuwendung, one-off income ---
def test_15_wechsel_und_sonderzuwendung() -> None:
    # BWZ 07/2025–06/2026: 3 · 2000 (Jul–Sep) + 9 · 2500 (Oct–Jun) + Weihnachtsgeld 1200 (§ 15 Abs. 3)
    # = 29700; − 1230 = 28470; · 0.7 = 19929; / 12 = 1660.75
    e = [
        lohn("2000", bis="2025-09-30"),
        lohn("2500", ab="2025-10-01"),
        {"art": "Erwerbseinkommen", "zeitraum": "sonderzuwendung", "betrag": "1200", "zufluss": "2025-11-28"},
    ]
    m = {"einnahmen": e, "pauschalabzug": {"steuern": True, "kranken_pflege": True, "rente": True}}
    assert y_von([m], date(2025, 7, 1)) == D("1660.75")


def test_15_rente_ab_monat_7() -> None:
    # pension from 01/2026 in a BWZ from 07/2025: 6 · 1000 = 6000; − 102; · 0.9 = 5308.20; / 12 = 442.35
    m = {
        "einnahmen": [{"art": "Altersrente", "brutto_monat": "1000", "ab": "2026-01-01"}],
        "pauschalabzug": {"kranken_pflege": True},
    }
    assert y_von([m], date(2025, 7, 1)) == D("442.35")


def test_15_bewilligungszeitraum_ab() -> None:
    # BWZ 10/2025–09/2026: 3 · 2000 (Oct–Dec) + 9 · 2500 (Jan–Sep) = 28500; − 1230 = 27270; / 12 = 2272.50
    e = [lohn("2000", bis="2025-12-31"), lohn("2500", ab="2026-01-01")]
    assert y_von([{"einnahmen": e}], date(2025, 7, 1), bewilligungszeitraum_ab="2025-10-01") == D("2272.50")


def test_15_abs_2_einmaliges_einkommen() -> None:
    # 1200 received 2025-09-15 (month 3): 1/12 in each of the 12 months after, 9 of them in the BWZ
    # → 900; / 12 = 75 (Abfindung given as Versorgungsbezüge would get 102 €; use Unterhalt: none)
    e = [{"art": "Unterhalt", "zeitraum": "einmalig", "betrag": "1200", "zufluss": "2025-09-15"}]
    assert y_von([{"einnahmen": e}], date(2025, 7, 1)) == 75


def test_15_abs_2_mehr_als_ein_jahr_vor_antrag() -> None:
    e = [{"art": "Unterhalt", "zeitraum": "einmalig", "betrag": "1200", "zufluss": "2024-05-15"}]
    assert y_von([{"einnahmen": e}], date(2025, 7, 1)) == 0


def test_15_abs_3_sonderzuwendung_ausserhalb() -> None:
    e = [
        {"art": "Erwerbseinkommen", "zeitraum": "sonderzuwendung", "betrag": "1230", "zufluss": "2026-07-15"}
    ]
    assert y_von([{"einnahmen": e}], date(2025, 7, 1)) == 0


# --- § 17 ---
@pytest.mark.parametrize(("on", "fb"), [(date(2019, 7, 1), 1500), (date(2020, 7, 1), 1800)])
def test_17_nr_1_gdb_100(on: date, fb: int) -> None:
    # 12 · 1000 − 102 = 11898; − Freibetrag; / 12
    m = {"einnahmen": [{"art": "Altersrente", "brutto_monat": "1000"}], "schwerbehindert_gdb": 100}
    assert y_von([m], on) == (D(11898) - fb) / 12


def test_17_nr_1_b_pflege() -> None:
    base = {
        "einnahmen": [{"art": "Altersrente", "brutto_monat": "1000"}],
        "schwerbehindert_gdb": 60,
        "pflegegrad": 2,
    }
    assert y_von([{**base, "haeusliche_pflege": True}], date(2025, 7, 1)) == (D(11898) - 1800) / 12
    assert y_von([base], date(2025, 7, 1)) == D(11898) / 12  # no häusliche Pflege: no Freibetrag


def test_17_nr_2() -> None:
    m = {"einnahmen": [{"art": "Altersrente", "brutto_monat": "1000"}], "ns_verfolgt": True}
    assert y_von([m], date(2025, 7, 1)) == (D(11898) - 750) / 12


def test_17_nr_3_alleinerziehend() -> None:
    parent = {"einnahmen": [lohn("2000")], "alleinerziehend": True}
    kind = {"kind": True, "geburtsdatum": "2015-03-01"}
    assert y_von([parent, kind], date(2025, 7, 1)) == (D(22770) - 1320) / 12  # 1787.50
    adult = {"kind": True, "geburtsdatum": "2005-03-01"}  # 20 years: not under 18
    assert y_von([parent, adult], date(2025, 7, 1)) == D(22770) / 12
    partner: dict[str, Any] = {}
    assert y_von([parent, kind, partner], date(2025, 7, 1)) == D(22770) / 12  # not only with children


def test_17_nr_4_kind_erwerbseinkommen() -> None:
    # child's Minijob 150 €/Monat = 1800 €; Freibetrag at most 1200 → 600 / 12 = 50
    kind = {
        "kind": True,
        "alter_unter_25": True,
        "einnahmen": [{"art": "Minijob, pauschal versteuert", "brutto_monat": "150"}],
    }
    assert y_von([{}, kind], date(2025, 7, 1)) == 50
    aelter = {**kind, "alter_unter_25": None, "geburtsdatum": "2000-01-01"}  # 25 years: no Freibetrag
    assert y_von([{}, aelter], date(2025, 7, 1)) == 150


def test_17_nr_4_nach_werbungskosten_und_16() -> None:
    # child's wage 1000 €/Monat: (12000 − 1230) · 0.8 = 8616; Freibetrag 1200 → 7416 / 12 = 618
    kind = {
        "kind": True,
        "alter_unter_25": True,
        "einnahmen": [lohn("1000")],
        "pauschalabzug": {"kranken_pflege": True, "rente": True},
    }
    assert y_von([{}, kind], date(2025, 7, 1)) == 618


def test_17_nr_4_alter_fehlt() -> None:
    kind = {"kind": True, "einnahmen": [lohn("1000")]}
    with pytest.raises(InputError, match=r"Mitglied 2 .*geburtsdatum oder alter_unter_25"):
        y_von([{}, kind], date(2025, 7, 1))


# --- § 17a ---
@pytest.mark.parametrize(
    ("on", "rente", "fb"),
    [
        (date(2025, 7, 1), "800", D(3378)),  # 1200 + 0.3 · 8400 = 3720 > 12 · 563 / 2 = 3378
        (date(2025, 7, 1), "300", D(1920)),  # 1200 + 0.3 · 2400 = 1920
        (date(2025, 7, 1), "90", D(1080)),  # 1080 ≤ 1200: all of it
        (date(2021, 7, 1), "800", D(2676)),  # cap 12 · 446 / 2 = 2676
        (date(2023, 7, 1), "800", D(3012)),  # cap 12 · 502 / 2 = 3012
        (date(2022, 7, 1), "800", D(2694)),  # cap 12 · 449 / 2 = 2694 (RBSFV 2022)
        (date(2026, 7, 1), "800", D(3378)),  # 563 continues in 2026 (§ 28a Abs. 5 SGB XII)
        (date(2021, 7, 1), "200", D(1560)),  # 1200 + 0.3 · 1200 = 1560 < cap 2676
        (date(2020, 7, 1), "800", D(0)),  # § 17a only from 2021
        (date(2017, 7, 1), "800", D(0)),  # § 17a only from 2021: no cap in 2017 (see below)
    ],
)
def test_17a_grundrente(on: date, rente: str, fb: Decimal) -> None:
    m = {"einnahmen": [{"art": "Altersrente", "brutto_monat": rente}], "grundrentenzeiten_33_jahre": True}
    assert y_von([m], on) == max(12 * D(rente) - 102 - fb, D(0)) / 12


def test_17a_cap_2017_from_the_regelbedarfsstufen() -> None:
    """§ 17a Abs. 1 Satz 2 WoGG in 2017: RBS 1 = 409 € (RBEG 2017), so the cap would be
    12 · 50 % · 409 = 2 454 € a year (Rente 800 €/Monat: 1200 + 0.3 · 8400 = 3720 > 2454). But § 17a
    is in force only from 1.1.2021 (Grundrentengesetz): the Freibetrag is 0 and the Rechenweg says so;
    Y = (12 · 800 − 102) / 12 = 791.50."""
    on = date(2017, 7, 1)
    rs = default_store().rechtsstand(on)
    rb = rs.table(Regelbedarfsstufen)
    assert rb.stufen == tuple(D(x) for x in (409, 368, 327, 311, 291, 237))
    assert rb.regelbedarfsstufe_1 == 409
    gr = rs.table(Grundrentenfreibetrag)
    assert gr.anwendbar is False
    assert 12 * D("0.50") * rb.regelbedarfsstufe_1 == 2454
    m = {"einnahmen": [{"art": "Altersrente", "brutto_monat": "800"}], "grundrentenzeiten_33_jahre": True}
    h = Haushalt.model_validate({"mietenstufe": 3, "miete_monat": "500", "mitglieder": [m]})
    r = calculate(h, on=on)
    assert r.Y_berechnet == D("791.5")
    assert "erst ab 1.1.2021" in r.explain()


# --- § 18 ---
@pytest.mark.parametrize(
    ("zahlung", "abzug"),
    [
        ({"empfaenger": "ehegatte", "betrag_monat": "400"}, 4800),  # below 6000
        ({"empfaenger": "ehegatte", "betrag_monat": "700"}, 6000),  # 8400 capped at 6000 (Nr. 3)
        ({"empfaenger": "ehegatte", "betrag_monat": "700", "titel_betrag_jahr": "9000"}, 8400),  # Satz 2
        ({"empfaenger": "sonstige", "betrag_monat": "300"}, 3000),  # Nr. 4
        ({"empfaenger": "auswaerts_ausbildung", "betrag_jahr": "2400"}, 2400),  # Nr. 1
        ({"empfaenger": "kind_getrennte_eltern", "betrag_monat": "400"}, 3000),  # Nr. 2
    ],
)
def test_18_unterhalt(zahlung: dict[str, str], abzug: int) -> None:
    m = {"einnahmen": [lohn("3000")], "unterhaltszahlungen": [zahlung]}
    assert y_von([m], date(2025, 7, 1)) == (D(36000 - 1230) - abzug) / 12


# --- § 13 / § 7 ---
def test_ausgeschlossene_zaehlen_nicht() -> None:
    a = {"einnahmen": [lohn("2000")]}
    b = {"einnahmen": [lohn("3000")], "schwerbehindert_gdb": 100, "ausgeschlossen": "SGB II"}
    h = Haushalt.model_validate({"mietenstufe": 3, "miete_monat": "500", "mitglieder": [a, b]})
    r = calculate(h, on=date(2025, 7, 1))
    assert r.Y_berechnet == D("1897.50")
    assert any(s.key == "ausgeschlossen_einkommen" for s in r.schritte)
    assert not any(s.key.startswith("freibetrag") for s in r.schritte)


def test_y_angegeben_bleibt() -> None:
    h = Haushalt.model_validate(
        {"mietenstufe": 3, "miete_monat": "500", "anzahl_mitglieder": 1, "gesamteinkommen_monat": "1234.56"}
    )
    assert calculate(h, on=date(2025, 7, 1)).Y_berechnet == D("1234.56")


def test_freibetraege_uebersteigen_einkommen() -> None:
    # 12 · 100 − 102 = 1098 < 1800: Gesamteinkommen 0 (Auslegung), not negative
    m = {"einnahmen": [{"art": "Altersrente", "brutto_monat": "100"}], "schwerbehindert_gdb": 100}
    assert y_von([m], date(2025, 7, 1)) == 0


# --- bad input ---
@pytest.mark.parametrize(
    ("data", "match"),
    [
        ({"art": "Lottogewinn", "brutto_monat": "1"}, "art"),
        ({"art": "Erwerbseinkommen", "brutto_monat": "-1"}, "ist negativ"),
        ({"art": "Erwerbseinkommen"}, "genau eines von brutto_monat oder brutto_jahr"),
        ({"art": "Erwerbseinkommen", "brutto_monat": "1", "brutto_jahr": "12"}, "genau eines"),
        ({"art": "Erwerbseinkommen", "zeitraum": "einmalig", "betrag": "1"}, "braucht betrag und zufluss"),
        ({"art": "Erwerbseinkommen", "brutto_monat": 1.5}, "float"),
        (
            {"art": "Erwerbseinkommen", "brutto_monat": "1", "ab": "2025-09-01", "bis": "2025-08-01"},
            "liegt vor ab",
        ),
    ],
)
def test_einnahme_fehler(data: dict[str, Any], match: str) -> None:
    with pytest.raises(ValidationError, match=match):
        Einnahme.model_validate(data)


def test_fehler_nennt_mitglied_und_feld() -> None:
    with pytest.raises(ValidationError, match=r"mitglieder\.0\.einnahmen\.0"):
        Haushalt.model_validate(
            {
                "mietenstufe": 3,
                "miete_monat": "500",
                "mitglieder": [{"einnahmen": [{"art": "Erwerbseinkommen", "brutto_monat": "-5"}]}],
            }
        )


@pytest.mark.parametrize(
    ("kw", "match"),
    [
        ({"ab": "2026-07-01"}, r"Mitglied 1: einnahmen\[0\]\.ab = 01\.07\.2026 liegt nach den zwölf Monaten"),
        (
            {"bis": "2025-06-30"},
            r"Mitglied 1: einnahmen\[0\]\.bis = 30\.06\.2025 liegt vor den zwölf Monaten",
        ),
    ],
)
def test_wechsel_ausserhalb_der_zwoelf_monate(kw: dict[str, str], match: str) -> None:
    with pytest.raises(InputError, match=match):
        y_von([{"einnahmen": [lohn("2000", **kw)]}], date(2025, 7, 1))


def test_negativ_erlaubt_fuer_gewinn() -> None:
    e = Einnahme.model_validate({"art": "Gewinn aus selbständiger Arbeit", "brutto_jahr": "-100"})
    assert e.brutto_jahr == -100


# --- Rechenweg ---
def test_rechenweg_beispiel_5_wie_das_ministerium() -> None:
    from wohngeld.formats.faelle import lade_fall

    from ...conftest import CASES

    fall = lade_fall(CASES / "2025-01-01" / "bmwsb-2025-05-alleinerziehend-uvg.toml")
    r = calculate(fall.haushalt, on=fall.stichtag)
    werte = {(s.key, s.wert) for s in r.schritte}
    # the ministry's derivation: 1530 − 102.50 = 1427.50; − 20 % (285.50) = 1142; + 696; − 110 = 1728
    for key, wert in [
        ("einnahme", D("1530")),
        ("werbungskosten", D("102.5")),
        ("einkuenfte", D("1427.5")),
        ("pauschalabzug", D("285.5")),
        ("jahreseinkommen", D("1142")),
        ("einnahme", D("696")),
        ("freibetrag_17_3", D("110")),
        ("Y", D("1728")),
    ]:
        assert (key, wert) in werte, key
    zitate = {s.key: s.zitat for s in r.schritte}
    assert zitate["pauschalabzug"] == "§ 16 Satz 1 WoGG"  # the last one: the child, no criterion
    assert zitate["freibetrag_17_3"] == "§ 17 Nr. 3 WoGG"
    assert zitate["Y"] == "§ 13 Abs. 2 WoGG"


# --- § 14 Abs. 2 catalogue: the remaining items (issue 3) ---
@pytest.mark.parametrize(
    ("art", "monat", "y"),
    [
        ("Beschädigtenversorgung, einkommensabhängig", "400", D(400)),  # Nr. 2, in full
        ("Rente der gesetzlichen Unfallversicherung", "400", D(400)),  # Nr. 5, in full, no Pauschbetrag
        ("Lohnersatzleistung, sonstige", "400", D(400)),  # Nr. 6
        ("Ausländische Einkünfte", "400", D(400)),  # Nr. 7
        ("Unterhaltshilfe nach Lastenausgleichsrecht", "400", D(200)),  # Nr. 8: 400 / 2
        ("Rente nach dem Anti-D-Hilfegesetz", "400", D(200)),  # Nr. 10: 400 / 2
        ("Arbeitgeberbeiträge zur betrieblichen Altersversorgung", "100", D(100)),  # Nr. 14
        ("Erhöhte Absetzungen und Sonderabschreibungen", "100", D(100)),  # Nr. 16
        ("Produktionsaufgaberente, Ausgleichsgeld", "400", D(400)),  # Nr. 17
        ("Anpassungsgeld Bergbau und Stahl", "400", D(400)),  # Nr. 18
        ("Versorgungsleistungen, schuldrechtlicher Versorgungsausgleich", "400", D(400)),  # Nr. 20 b
        ("Einnahmen aus Pflege einer Person außerhalb des Haushalts", "400", D(200)),  # Nr. 26: half
        ("Begabtenförderung", "400", D(200)),  # Nr. 27 b: half
        ("Aufstiegs-BAföG, Unterhaltsbeitrag", "400", D(200)),  # Nr. 27 e: half
        ("Sonderprogramm MobiPro-EU, Lebensunterhalt", "400", D(200)),  # Nr. 27 f: half
        ("Graduiertenförderung", "400", D(400)),  # Nr. 28: in full
        ("Fulbright-Zuwendung", "400", D(200)),  # Nr. 29: half
        ("Leistung nach § 7 Abs. 1 WoGG, wiederkehrend", "400", D(400)),  # Nr. 30
        ("Mietwert im eigenen Haus", "400", D(400)),  # Nr. 31
        ("Rentenabfindung, Beitragserstattung, Kapitalabfindung", "400", D(400)),  # Nr. 4
    ],
)
@pytest.mark.parametrize("on", [date(2016, 7, 1), date(2020, 7, 1), date(2026, 7, 1)])
def test_katalog_14_abs_2(art: str, monat: str, y: Decimal, on: date) -> None:
    # 12 · monat (· ½ where the statute says "die Hälfte"), no Werbungskosten, no § 16 criterion; / 12
    assert y_von([{"einnahmen": [{"art": art, "brutto_monat": monat}]}], on) == y


@pytest.mark.parametrize(
    "art",
    [
        "Versorgungsbezüge, beamtenrechtlich",
        "Rente der Alterssicherung der Landwirte",
        "Rente einer berufsständischen Versorgungseinrichtung",
    ],
)
def test_renten_anderer_systeme_102(art: str) -> None:
    # (12 · 1500 − 102) / 12 = 1491.50 (§ 9a Satz 1 Nr. 1 Buchst. b, Nr. 3 EStG), the gross amount counts
    assert y_von([{"einnahmen": [{"art": art, "brutto_monat": "1500"}]}], date(2025, 7, 1)) == D("1491.50")


@pytest.mark.parametrize(
    ("on", "art", "jahr", "y"),
    [
        # Nr. 19 a: 9000 − 6540 = 2460; / 12 = 205
        (date(2025, 7, 1), "Unterhalt für eine Pflegeperson oder Pflegekraft", "9000", D(205)),
        # 2016: 9000 − 4800 = 4200; / 12 = 350
        (date(2016, 7, 1), "Unterhalt für eine Pflegeperson oder Pflegekraft", "9000", D(350)),
        # below the limit: 6000 ≤ 6540 → 0
        (date(2025, 7, 1), "Unterhalt für eine Pflegeperson oder Pflegekraft", "6000", D(0)),
        # Nr. 20 a: 9000 − 6540 = 2460 → 205; 2016: − 4800 → 350
        (date(2025, 7, 1), "Unterhalt vom früheren Ehegatten für Pflege", "9000", D(205)),
        (date(2019, 7, 1), "Unterhalt vom früheren Ehegatten für Pflege", "9000", D(350)),
        # Nr. 19 b: 1200 − 480 = 720; / 12 = 60; 2016 (no free amount): 1200 / 12 = 100
        (date(2025, 7, 1), "Zuwendung einer nicht unterhaltspflichtigen Person", "1200", D(60)),
        (date(2016, 7, 1), "Zuwendung einer nicht unterhaltspflichtigen Person", "1200", D(100)),
        (date(2025, 7, 1), "Zuwendung einer nicht unterhaltspflichtigen Person", "400", D(0)),
    ],
)
def test_14_abs_2_nr_19_20_freibetraege(on: date, art: str, jahr: str, y: Decimal) -> None:
    assert y_von([{"einnahmen": [{"art": art, "brutto_jahr": jahr}]}], on) == y


def test_14_abs_2_nr_19_b_insgesamt() -> None:
    # two gifts of 300 each: together 600, 480 free once ("insgesamt") → 120; / 12 = 10
    art = "Zuwendung einer nicht unterhaltspflichtigen Person"
    e = [{"art": art, "brutto_jahr": "300"}, {"art": art, "brutto_jahr": "300"}]
    assert y_von([{"einnahmen": e}], date(2025, 7, 1)) == 10


# --- § 10 Abs. 4 BEEG: multiple births ---
def test_elterngeld_zwillinge() -> None:
    # twins: 2 · 300 = 600 free per month; 800 − 600 = 200 per month
    e = {"art": "Elterngeld", "brutto_monat": "800", "mehrlinge": 2}
    assert y_von([{"einnahmen": [e]}], date(2025, 7, 1)) == 200
    # ElterngeldPlus for triplets: 3 · 150 = 450 free; 500 − 450 = 50
    e = {"art": "ElterngeldPlus", "brutto_monat": "500", "mehrlinge": 3}
    assert y_von([{"einnahmen": [e]}], date(2025, 7, 1)) == 50


def test_mehrlinge_nur_fuer_elterngeld() -> None:
    with pytest.raises(ValidationError, match="mehrlinge = 2 angegeben; mehrlinge gilt nur für Elterngeld"):
        Einnahme.model_validate({"art": "Krankengeld", "brutto_monat": "1", "mehrlinge": 2})


# --- § 15 Abs. 4: Bewilligungszeitraum other than twelve months ---
def test_15_abs_4_sechs_monate() -> None:
    # BWZ 07/2025–12/2025 (6 months): wage 2000 in Jul–Sep, 2600 in Oct–Dec: sum 13800, average 2300;
    # Jahreseinkommen 12 · 2300 = 27600; − 1230 = 26370; / 12 = 2197.50
    e = [lohn("2000", bis="2025-09-30"), lohn("2600", ab="2025-10-01")]
    assert y_von([{"einnahmen": e}], date(2025, 7, 1), bewilligungszeitraum_monate=6) == D("2197.50")


def test_15_abs_4_ab_nach_dem_zeitraum() -> None:
    # a change from 01/2026 lies outside a BWZ of 6 months from 07/2025
    with pytest.raises(InputError, match=r"liegt nach den 6 Monaten"):
        y_von(
            [{"einnahmen": [lohn("2000", ab="2026-01-01")]}], date(2025, 7, 1), bewilligungszeitraum_monate=6
        )


def test_15_abs_4_sonderzuwendung() -> None:
    # 6 months: 1/12 of 1200 in each of 6 months = 600, average 100, · 12 = 1200 (the whole amount)
    e = [{"art": "Unterhalt", "zeitraum": "sonderzuwendung", "betrag": "1200", "zufluss": "2025-11-28"}]
    assert y_von([{"einnahmen": e}], date(2025, 7, 1), bewilligungszeitraum_monate=6) == 100


# --- § 15 Abs. 2 in the Fassung of 2016: one third in each of the three years after the Zuflussmonat ---
def test_15_abs_2_fassung_2016() -> None:
    # 3600 received 2018-09-15, BWZ 07/2018–06/2019: 1/36 = 100 in each month from 10/2018 → 9 months = 900;
    # / 12 = 75
    e = [{"art": "Unterhalt", "zeitraum": "einmalig", "betrag": "3600", "zufluss": "2018-09-15"}]
    assert y_von([{"einnahmen": e}], date(2018, 7, 1)) == 75
    # received 2016-08-15 (within three years before): the 36 months after the Zuflussmonat are
    # 09/2016–08/2019, so all 12 months of the BWZ 07/2018–06/2019 get 100 → 1200; / 12 = 100
    e = [{"art": "Unterhalt", "zeitraum": "einmalig", "betrag": "3600", "zufluss": "2016-08-15"}]
    assert y_von([{"einnahmen": e}], date(2018, 7, 1)) == 100


# --- § 17a Abs. 2: comparable periods in other pension systems ---
def test_17a_abs_2_beamtenversorgung() -> None:
    # 2025, 33 years of comparable periods (flag grundrentenzeiten_33_jahre, Auslegung: Abs. 1 or 2):
    # Versorgungsbezüge 300/Monat = 3600; − 102 = 3498; Freibetrag 1200 + 0.3 · 2400 = 1920
    # → 1578; / 12 = 131.50
    m = {
        "einnahmen": [{"art": "Versorgungsbezüge, beamtenrechtlich", "brutto_monat": "300"}],
        "grundrentenzeiten_33_jahre": True,
    }
    assert y_von([m], date(2025, 7, 1)) == D("131.50")
    # a Werkspension (plain Versorgungsbezüge) is no comparable system: 3498 / 12 = 291.50
    m2 = {**m, "einnahmen": [{"art": "Versorgungsbezüge", "brutto_monat": "300"}]}
    assert y_von([m2], date(2025, 7, 1)) == D("291.50")


def test_17a_abs_2_zusammenrechnung() -> None:
    # gesetzliche Rente 200 + Landwirte-Rente 100 per month = 3600 gross; − 102 once (§ 9a Nr. 3)
    # = 3498; Freibetrag on 3600: 1200 + 0.3 · 2400 = 1920 → 1578; / 12 = 131.50
    m = {
        "einnahmen": [
            {"art": "Altersrente", "brutto_monat": "200"},
            {"art": "Rente der Alterssicherung der Landwirte", "brutto_monat": "100"},
        ],
        "grundrentenzeiten_33_jahre": True,
    }
    assert y_von([m], date(2025, 7, 1)) == D("131.50")
