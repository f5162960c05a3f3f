"""Linked benefits: §§ 6a, 6b BKGG and a municipality's own entries (data, no code)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from wohngeld import Haushalt, calculate
from wohngeld.catalogs.leistungen import verbundene_leistungen


def H(**kw: object) -> Haushalt:
    """A Haushalt from keyword data (shortcuts such as miete_monat included)."""
    return Haushalt.model_validate(kw)


ON = date(2025, 7, 1)


def familie(y: str, **kw: object) -> Haushalt:
    return Haushalt.model_validate({
        "mietenstufe": 3, "miete_monat": "600", "gesamteinkommen_monat": y, **kw,
        "mitglieder": [{}, {"kind": True, "geburtsdatum": "2015-03-01"}]})


def ids(h: Haushalt) -> set[str]:
    return {x.id for x in verbundene_leistungen(h, calculate(h, on=ON))}


def test_child_with_wohngeld_gets_bildung_und_teilhabe_and_kinderzuschlag() -> None:
    h = familie("1200")
    got = {x.id: x for x in verbundene_leistungen(h, calculate(h, on=ON))}
    assert set(got) == {"bildung_und_teilhabe", "kinderzuschlag"}
    assert got["bildung_und_teilhabe"].rechtsgrundlage == "§ 6b BKGG" and got["bildung_und_teilhabe"].sicher
    kiz = got["kinderzuschlag"]
    assert kiz.rechtsgrundlage == "§ 6a BKGG" and "Familienkasse" in kiz.antrag


def test_no_wohngeld_no_bildung_und_teilhabe_via_wohngeld() -> None:
    h = familie("5000")
    assert calculate(h, on=ON).betrag_monat == 0
    assert ids(h) == {"kinderzuschlag"}


def test_adult_alone_gets_nothing() -> None:
    h = H(mietenstufe=3, miete_monat="400", anzahl_mitglieder=1, gesamteinkommen_monat="900")
    assert ids(h) == set()


def test_dresden_pass_is_an_example_for_dresden_only() -> None:
    h = H(gemeinde="14612000", miete_monat="400", anzahl_mitglieder=1, gesamteinkommen_monat="900")
    got = {x.id: x for x in verbundene_leistungen(h, calculate(h, on=ON))}
    assert got["dresden_pass"].beispiel and "A0248/21" in got["dresden_pass"].quelle


def test_municipality_adds_and_replaces_entries(tmp_path: Path) -> None:
    eigen = tmp_path / "stadt.toml"
    eigen.write_text(
        'katalog = "leistungen"\nstand = 2026-01-01\nquelle = "Stadt X"\n'
        '[[leistung]]\nid = "sozialticket"\nname = "Sozialticket"\nrechtsgrundlage = "Richtlinie Stadt X"\n'
        'hinweis = "ermäßigte Monatskarte"\nantrag = "Bürgerbüro"\nquelle = "Stadt X"\n'
        'wenn = { wohngeld = true }\n'
        '[[leistung]]\nid = "kinderzuschlag"\nname = "Kinderzuschlag"\nrechtsgrundlage = "§ 6a BKGG"\n'
        'hinweis = "Stadt X berät"\nantrag = "Familienkasse; Beratung im Bürgerbüro"\nquelle = "Stadt X"\n'
        'wenn = { kind = true }\n',
        encoding="utf-8",
    )
    h = familie("1200")
    got = {x.id: x for x in verbundene_leistungen(h, calculate(h, on=ON), katalog=eigen)}
    assert set(got) == {"bildung_und_teilhabe", "kinderzuschlag", "sozialticket"}
    assert "Bürgerbüro" in got["kinderzuschlag"].antrag
    nur = verbundene_leistungen(h, calculate(h, on=ON), katalog=[eigen], standard=False)
    assert {x.id for x in nur} == {"sozialticket", "kinderzuschlag"}
