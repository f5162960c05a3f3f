"""Vorrang hint (§ 7 Abs. 1 Satz 3 Nr. 2 WoGG, § 12a SGB II): hand-computed, 2025 and 2019 Regelbedarfe."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from wohngeld import Haushalt, Haushaltsmitglied
from wohngeld.law.income.tabellen import Regelbedarfsstufen
from wohngeld.law.tabelle import default_store
from wohngeld.procedure.vorrang import regelbedarf, vorrang


def H(**kw: object) -> Haushalt:
    """A Haushalt from keyword data (shortcuts such as miete_monat included)."""
    return Haushalt.model_validate(kw)


ON = date(2025, 7, 1)


def allein(y: str, **kw: object) -> Haushalt:
    return H(mietenstufe=3, miete_monat="400", gesamteinkommen_monat=y,
                    mitglieder=[Haushaltsmitglied()], **kw)


def test_wohngeld_too_low_then_jobcenter() -> None:
    # Bedarf = RBS 1 563 + Miete 400 = 963. Y = 500: M = 510.40; z1 = 0.30523888; z2 = 152.61944;
    # z3 = 357.78056; z4 = 411.44… → 411 €. 500 + 411 = 911 < 963.
    v = vorrang(allein("500"), on=ON)
    assert v.bedarf_monat == Decimal(963) and v.wohngeld_monat == 411
    assert v.ergebnis == "SGB II/XII" and "Jobcenter" in v.text
    assert "keine Entscheidung" in v.hinweis and "§ 12a SGB II" in v.zitat


def test_kinderzuschlag_can_tip_the_balance() -> None:
    v = vorrang(allein("500"), on=ON, kinderzuschlag_monat=60)  # 911 + 60 = 971 ≥ 963
    assert v.ergebnis == "Wohngeld" and "§ 7 Abs. 1 Satz 3 Nr. 2 WoGG" in v.text


def test_wohngeld_lifts_out() -> None:
    # Y = 700: z1 = 0.31339888; z2 = 219.379216; z3 = 291.020784; z4 = 334.67… → 335; 1035 ≥ 963
    v = vorrang(allein("700"), on=ON)
    assert v.wohngeld_monat == 335 and v.ergebnis == "Wohngeld"


def test_income_alone_covers_the_bedarf() -> None:
    assert vorrang(allein("1000"), on=ON).ergebnis == "nicht hilfebedürftig"


def test_callers_bedarf_wins() -> None:
    v = vorrang(allein("700"), on=ON, bedarf_monat=Decimal(1200))
    assert v.ergebnis == "SGB II/XII" and v.bedarf_herkunft == "angegeben"
    assert vorrang(allein("700", bedarf_monat="1200"), on=ON).bedarf_monat == 1200


def test_regelbedarfe_by_member() -> None:
    rb = default_store().in_force("regelbedarfsstufen", ON, Regelbedarfsstufen)
    assert isinstance(rb, Regelbedarfsstufen)
    eltern = (Haushaltsmitglied(), Haushaltsmitglied())
    kind10 = Haushaltsmitglied(kind=True, geburtsdatum=date(2015, 3, 1))
    kind3 = Haushaltsmitglied(kind=True, geburtsdatum=date(2022, 1, 1))
    summe, annahmen = regelbedarf((*eltern, kind10, kind3), on=ON, rb=rb)
    assert summe == 2 * 506 + 390 + 357  # RBS 2, 2, 5, 6
    summe, annahmen = regelbedarf((Haushaltsmitglied(), Haushaltsmitglied(kind=True)), on=ON, rb=rb)
    assert summe == 563 + 471 and any("Regelbedarfsstufe 4" in a for a in annahmen)


def test_excluded_member_is_not_in_the_bedarf_and_heim_is_open() -> None:
    h = H(mietenstufe=3, miete_monat="400", gesamteinkommen_monat="700",
                 mitglieder=[Haushaltsmitglied(), Haushaltsmitglied(ausgeschlossen="SGB II")])
    # head share of the rent for the one tested member of two (Kopfteilprinzip): 400 / 2 = 200
    assert vorrang(h, on=ON).bedarf_monat == 563 + 200
    assert vorrang(h, on=ON, unterkunft_monat=400).bedarf_monat == 563 + 400
    heim = H(mietenstufe=3, wohnkosten={"art": "Heim"}, gesamteinkommen_monat="700",
                    mitglieder=[Haushaltsmitglied()])
    assert vorrang(heim, on=ON).ergebnis == "offen"
    assert vorrang(heim, on=ON, unterkunft_monat=500).bedarf_monat == 563 + 500


# --- 2019: Regelbedarfsstufen of the RBSFV 2019 (424, 382, 339, 322, 302, 245), WoGG 2016 Fassung ---
ON_2019 = date(2019, 7, 1)


def test_2019_wohngeld_too_low_then_jobcenter() -> None:
    # Bedarf = RBS 1 424 + Miete 400 = 824. M = Höchstbetrag 1 Person, Mietenstufe III (2016) = 390.
    # Y = 500, Anlage 1 (2016) n = 1: a = 0.04, b = 0.00063, c = 0.000138.
    # z1 = 0.04 + 0.00063 · 390 + 0.000138 · 500 = 0.3547; z2 = 177.35; z3 = 212.65;
    # z4 = 1.15 · 212.65 = 244.5475 → 245 €. 500 + 245 = 745 < 824.
    v = vorrang(allein("500"), on=ON_2019)
    assert v.bedarf_monat == Decimal(824) and v.wohngeld_monat == 245
    assert v.ergebnis == "SGB II/XII" and "Jobcenter" in v.text
    assert "Regelbedarfe 424,00 €" in v.bedarf_herkunft and "RBSFV 2019" in v.bedarf_herkunft


def test_2019_wohngeld_lifts_out() -> None:
    # Y = 700: z1 = 0.04 + 0.2457 + 0.0966 = 0.3823; z2 = 267.61; z3 = 122.39; z4 = 140.7485 → 141 €.
    # 700 + 141 = 841 ≥ 824.
    v = vorrang(allein("700"), on=ON_2019)
    assert v.wohngeld_monat == 141 and v.bedarf_monat == 824 and v.ergebnis == "Wohngeld"


def test_2019_regelbedarfe_by_member() -> None:
    rb = default_store().in_force("regelbedarfsstufen", ON_2019, Regelbedarfsstufen)
    assert isinstance(rb, Regelbedarfsstufen)
    eltern = (Haushaltsmitglied(), Haushaltsmitglied())
    kind10 = Haushaltsmitglied(kind=True, geburtsdatum=date(2009, 3, 1))
    kind3 = Haushaltsmitglied(kind=True, geburtsdatum=date(2016, 1, 1))
    kind16 = Haushaltsmitglied(kind=True, geburtsdatum=date(2003, 1, 1))
    summe, _ = regelbedarf((*eltern, kind10, kind3, kind16), on=ON_2019, rb=rb)
    assert summe == 2 * 382 + 302 + 245 + 322  # RBS 2, 2, 5, 6, 4
    summe, annahmen = regelbedarf((Haushaltsmitglied(), Haushaltsmitglied(kind=True)), on=ON_2019, rb=rb)
    assert summe == 424 + 322 and any("Regelbedarfsstufe 4" in a for a in annahmen)


def test_hint_from_2016() -> None:
    # RBSFV 2016: RBS 1 = 404; Bedarf = 404 + 400.
    assert vorrang(allein("500"), on=date(2016, 1, 1)).bedarf_monat == 404 + 400


def test_name_der_sgb2_leistung_nach_der_fassung_der_regelbedarfsstufen() -> None:
    """The Jobcenter's benefit is named as § 19 SGB II names it on the day: Arbeitslosengeld II until
    31.12.2022, Bürgergeld from 1.1.2023 (Bürgergeld-Gesetz, BGBl. I 2022 S. 2328), Grundsicherungsgeld
    from 1.7.2026 (G. v. 16.4.2026, BGBl. 2026 I Nr. 107) — keys of the Regelbedarfsstufen, the last
    dated inside the Fassung of 1.1.2026 (the amounts did not change on 1.7.2026).

    Y = 700, Bedarf given as 5 000 €: income plus Wohngeld stay below it on every date.
    """
    for on, name in [
        (date(2022, 12, 31), "Arbeitslosengeld II"),
        (date(2023, 1, 1), "Bürgergeld"),
        (date(2026, 6, 30), "Bürgergeld"),
        (date(2026, 7, 1), "Grundsicherungsgeld"),
    ]:
        v = vorrang(allein("700"), on=on, bedarf_monat=Decimal(5000))
        assert v.ergebnis == "SGB II/XII" and f"Jobcenter ({name}, SGB II)" in v.text, (on, v.text)


def test_umbenennung_nur_innerhalb_der_fassung() -> None:
    """A renaming dated on or before the Fassung's valid_from is a data error, not a silent switch."""
    import pytest

    roh = {
        "tabelle": "regelbedarfsstufen", "valid_from": "2026-01-01", "rule": "§ 20 SGB II",
        "source": "RBSFV 2026", "verified": "2026-11-30", "stufen": [563, 506, 451, 471, 390, 357],
        "sgb2_leistung": "Bürgergeld",
        "sgb2_umbenennung": {
            "ab": "2026-01-01", "name": "Grundsicherungsgeld", "quelle": "BGBl. 2026 I Nr. 107",
        },
    }
    with pytest.raises(ValueError, match=r"sgb2_umbenennung\.ab"):
        Regelbedarfsstufen.model_validate(roh)
