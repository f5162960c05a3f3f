"""The combined answer for an online application (issue 8): Python, JSON and ``wohngeld antrag``.

Shared case: BMWSB 2025, Beispiel 5 (Alleinerziehende, Unterhaltsvorschuss), published amount 372 €.
Vorrang by hand, Regelbedarfsstufen 2025 (data/parameters/regelbedarfsstufen/2025-01-01.toml:
RBS 1 = 563, RBS 4 = 471): one adult RBS 1 + two children without Geburtsdatum RBS 4 each
= 563 + 2 · 471 = 1 505 €, plus the Miete 700 € = Bedarf 2 205 €. Income Y = 1 728 €.
"""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from wohngeld import Haushalt, InputError, calculate
from wohngeld.cli import main
from wohngeld.formats.faelle import lade_fall
from wohngeld.procedure.antrag import ANTRAG_SCHEMA_VERSION, Antrag, antrag

from ..conftest import EIGENER_UNTERLAGEN_KATALOG

ROOT = Path(__file__).resolve().parents[2]
FALL = ROOT / "tests/cases/2025-01-01/bmwsb-2025-05-alleinerziehend-uvg.toml"

# S002 "Wohngeld für eine gemietete Wohnung" (seed list, written from the seed, not the catalogue):
# Mietvertrag, Angaben des Vermieters, Mietzahlungsnachweis; Beiträge Dritter; Nachweis aller
# Einnahmen der letzten zwölf Monate; Schulbescheinigung bei Kindern über 16 Jahre (age unknown here,
# so kept with a Vorbehalt). No Werbungskosten, GdB or Unterhaltsverpflichtung in this household.
SEED_MIETE = {"mietvertrag", "vermieterbescheinigung", "mietzahlungsnachweis", "beitraege_dritter",
              "einnahmen_zwoelf_monate"}
# … and the proofs per income kind and for § 17 Nr. 3 WoGG the catalogue adds (quelle "Bibliothek"):
# Lohnabrechnungen (Erwerbseinkommen), UVG-Bescheid, Kindergeld for the Freibetrag für Alleinerziehende.
BIBLIOTHEK = {"lohnnachweise", "unterhaltsvorschuss", "kindergeld"}


def _fall() -> tuple[Haushalt, date]:
    f = lade_fall(FALL)
    return f.haushalt, f.stichtag


def _d(a: Antrag) -> dict[str, Any]:
    d: dict[str, Any] = json.loads(a.to_json())
    return d


def test_shared_case_combined_json() -> None:
    h, on = _fall()
    a = antrag(h, on=on)
    d = _d(a)
    assert list(d) == ["schema_version", "stichtag", "wohngeld", "bewilligungszeitraum", "vorrang",
                       "leistungen", "unterlagen"]
    assert d["schema_version"] == ANTRAG_SCHEMA_VERSION == "1"
    assert d["stichtag"] == "2025-07-01"

    # the amount part is calculate()'s own JSON, unchanged (published: 372 €, M 870.20, Y 1 728)
    assert d["wohngeld"] == json.loads(calculate(h, on=on).to_json())
    assert d["wohngeld"]["betrag_monat"] == "372"
    assert Decimal(d["wohngeld"]["M"]) == Decimal("870.20") and Decimal(d["wohngeld"]["Y"]) == 1728

    # documents: the seed's tenant list, plus the proofs the rules add
    ids = [u["id"] for u in d["unterlagen"]["unterlagen"]]
    assert set(ids) == SEED_MIETE | {"schulbescheinigung"} | BIBLIOTHEK
    schule = next(u for u in d["unterlagen"]["unterlagen"] if u["id"] == "schulbescheinigung")
    assert schule["sicher"] is False and schule["betrifft"] == ["Haushaltsmitglied 2", "Haushaltsmitglied 3"]
    assert d["unterlagen"]["art"] == "Mietzuschuss"

    # Vorrang by hand: 1 728 + 0 (no Kindergeld given) + 372 = 2 100 < 2 205 → SGB II/XII
    v = d["vorrang"]
    assert v["bedarf_monat"] == "2205.00" and v["einkommen_monat"] == "1728" and v["wohngeld_monat"] == "372"
    assert v["ergebnis"] == "SGB II/XII"
    assert "Regelbedarfe 1.505,00 €" in v["bedarf_herkunft"]
    assert any("Kindergeld nicht angegeben" in x for x in v["annahmen"])
    assert v["annahmen"].count("Kind ohne Geburtsdatum: Regelbedarfsstufe 4 angesetzt") == 1
    assert "keine Entscheidung" in v["hinweis"]

    # linked benefits: Bildung und Teilhabe (§ 6b BKGG) for both children, Kinderzuschlag (§ 6a BKGG)
    leist = {x["id"]: x for x in d["leistungen"]}
    assert set(leist) == {"bildung_und_teilhabe", "kinderzuschlag"}
    but = leist["bildung_und_teilhabe"]
    assert but["rechtsgrundlage"] == "§ 6b BKGG"
    assert but["betrifft"] == ["Haushaltsmitglied 2", "Haushaltsmitglied 3"]
    assert but["sicher"] is False  # ages not given: "falls das Kind unter 25 Jahre alt ist …"

    # § 25 WoGG: twelve months from the first of the Stichtag's month
    b = d["bewilligungszeitraum"]
    assert (b["beginn"], b["ende"], b["monate"]) == ("2025-07-01", "2026-06-30", 12)
    assert b["weiterleistung_empfohlen_bis"] == "2026-04-30" and "§ 25 Abs. 2 Satz 1 WoGG" in b["annahme"]


@pytest.mark.parametrize(
    ("kindergeld", "ergebnis"),
    [
        (None, "SGB II/XII"),  # 1 728 + 372 = 2 100 < 2 205
        (400, "Wohngeld"),  # 1 728 + 400 = 2 128 < 2 205 ≤ 2 128 + 372 = 2 500
        (510, "nicht hilfebedürftig"),  # 2 × 255 € (§ 66 Abs. 1 EStG, 2025): 1 728 + 510 = 2 238 ≥ 2 205
    ],
)
def test_shared_case_vorrang_by_hand(kindergeld: int | None, ergebnis: str) -> None:
    h, on = _fall()
    assert antrag(h, on=on, kindergeld_monat=kindergeld).vorrang.ergebnis == ergebnis


def test_kinderzuschlag_and_bedarf_reach_the_hint() -> None:
    h, on = _fall()
    # 1 728 + 372 + 105 = 2 205 ≥ 2 205 (Bedarf as computed): Wohngeld with Kinderzuschlag ends it
    assert antrag(h, on=on, kinderzuschlag_monat=105).vorrang.ergebnis == "Wohngeld"
    assert antrag(h, on=on, kinderzuschlag_monat=104).vorrang.ergebnis == "SGB II/XII"
    v = antrag(h, on=on, bedarf_monat="1700").vorrang
    assert v.ergebnis == "nicht hilfebedürftig" and v.bedarf_herkunft == "angegeben"


def test_text_has_every_part() -> None:
    h, on = _fall()
    t = antrag(h, on=on).text()
    for teil in ("Wohngeld (Mietzuschuss): 372,00 € monatlich",
                 "Bewilligungszeitraum: 01.07.2025 bis 30.06.2026", "Vorrang gegenüber SGB II / SGB XII",
                 "Bedarf (2.205,00 €)", "Bildung und Teilhabe",
                 "§ 6b BKGG", "Unterlagen für den Wohngeldantrag (Mietzuschuss)", "Schulbescheinigung"):
        assert teil in t, teil
    assert "Rechenweg" not in t.split("Unterlagen für den Wohngeldantrag")[0]
    assert calculate(h, on=on).explain() in antrag(h, on=on).text(rechenweg=True)


def test_no_claim_has_no_bewilligungszeitraum_and_no_bildung_und_teilhabe() -> None:
    h = Haushalt.model_validate({"mietenstufe": 3, "miete_monat": "600", "gesamteinkommen_monat": "5000",
                                 "mitglieder": [{}, {"kind": True, "geburtsdatum": "2015-03-01"}]})
    a = antrag(h, on=date(2025, 7, 1))
    assert a.wohngeld.betrag_monat == 0 and a.bewilligungszeitraum is None
    assert _d(a)["bewilligungszeitraum"] is None
    assert [x.id for x in a.leistungen] == ["kinderzuschlag"]
    assert a.vorrang.ergebnis == "nicht hilfebedürftig"
    assert "Kein Wohngeld" in a.text()


def test_own_catalogues_and_bewilligungszeitraum_ab(tmp_path: Path) -> None:
    eigen = tmp_path / "stadt.toml"
    eigen.write_text(
        'katalog = "leistungen"\nstand = 2026-01-01\nquelle = "Stadt X"\n'
        '[[leistung]]\nid = "sozialticket"\nname = "Sozialticket"\nrechtsgrundlage = "Richtlinie Stadt X"\n'
        'hinweis = "ermäßigte Monatskarte"\nantrag = "Bürgerbüro"\nquelle = "Stadt X"\n'
        'wenn = { wohngeld = true }\n',
        encoding="utf-8",
    )
    h, on = _fall()
    a = antrag(h, on=on, katalog_leistungen=eigen)
    assert [x.id for x in a.leistungen] == ["bildung_und_teilhabe", "kinderzuschlag", "sozialticket"]
    nur = antrag(h, on=on, katalog_leistungen=[eigen], standard_leistungen=False)
    assert [x.id for x in nur.leistungen] == ["sozialticket"]
    spaeter = h.model_copy(update={"bewilligungszeitraum_ab": date(2025, 8, 20)})
    b = antrag(spaeter, on=on, bewilligungszeitraum_monate=24).bewilligungszeitraum
    assert b is not None and (b.beginn, b.ende) == (date(2025, 8, 1), date(2027, 7, 31))


def test_bad_input_gives_our_errors() -> None:
    h, on = _fall()
    with pytest.raises(InputError, match="float"):
        antrag(h, on=on, kinderzuschlag_monat=12.5)  # type: ignore[arg-type]
    with pytest.raises(InputError, match="kindergeld_monat"):
        antrag(h, on=on, kindergeld_monat=-1)
    with pytest.raises(InputError, match=r"datetime\.date"):
        antrag(h, on="2025-07-01")  # type: ignore[arg-type]
    with pytest.raises(InputError, match="Haushalt"):
        antrag({"miete_monat": "400"}, on=on)  # type: ignore[arg-type]


# --- CLI: wohngeld antrag ----------------------------------------------------------------------


def test_cli_json_round_trip() -> None:
    h, on = _fall()
    out = CliRunner().invoke(main, ["antrag", str(FALL), "--json"])
    assert out.exit_code == 0, out.output
    assert json.loads(out.output) == _d(antrag(h, on=on))
    out = CliRunner().invoke(main, ["antrag", str(FALL), "--json", "--kindergeld", "510"])
    assert json.loads(out.output)["vorrang"]["ergebnis"] == "nicht hilfebedürftig"


def test_cli_text_and_options(tmp_path: Path) -> None:
    h, on = _fall()
    out = CliRunner().invoke(main, ["antrag", str(FALL)])
    assert out.exit_code == 0 and out.output.rstrip("\n") == antrag(h, on=on).text()
    out = CliRunner().invoke(main, ["antrag", str(FALL), "--rechenweg", "--kinderzuschlag", "105"])
    assert "Wohngeld monatlich: 372,00 €" in out.output and "Wohngeld beseitigt" in out.output
    out = CliRunner().invoke(main, ["antrag", str(FALL), "--json", "--stichtag", "2025-09-01",
                                    "--merkmal", "eigenes_mehrfamilienhaus"])
    d = json.loads(out.output)
    assert d["stichtag"] == "2025-09-01" and d["wohngeld"]["stichtag"] == "2025-09-01"
    assert "grundbuchauszug_mehrfamilienhaus" in {u["id"] for u in d["unterlagen"]["unterlagen"]}


def test_cli_own_catalogues(tmp_path: Path) -> None:
    katalog = tmp_path / "unterlagen.toml"
    katalog.write_text(
        EIGENER_UNTERLAGEN_KATALOG,
        encoding="utf-8",
    )
    leistungen = tmp_path / "leistungen.toml"
    leistungen.write_text(
        'katalog = "leistungen"\nstand = 2026-01-01\nquelle = "Stadt X"\n'
        '[[leistung]]\nid = "sozialticket"\nname = "Sozialticket"\nrechtsgrundlage = "Richtlinie"\n'
        'hinweis = "Monatskarte"\nantrag = "Bürgerbüro"\nquelle = "Stadt X"\nwenn = { wohngeld = true }\n',
        encoding="utf-8",
    )
    out = CliRunner().invoke(main, ["antrag", str(FALL), "--json", "--katalog", str(katalog),
                                    "--leistungen", str(leistungen)])
    assert out.exit_code == 0, out.output
    d = json.loads(out.output)
    assert [u["id"] for u in d["unterlagen"]["unterlagen"]] == ["ausweis"]
    assert [x["id"] for x in d["leistungen"]] == ["bildung_und_teilhabe", "kinderzuschlag", "sozialticket"]


def test_cli_errors() -> None:
    out = CliRunner().invoke(main, ["antrag", str(FALL), "--stichtag", "1.7.2025"])
    assert out.exit_code == 2 and "JJJJ-MM-TT" in out.output
    out = CliRunner().invoke(main, ["antrag", str(FALL), "--kindergeld", "viel"])
    assert out.exit_code == 2 and "--kindergeld" in out.output
    out = CliRunner().invoke(main, ["antrag", str(FALL), "--rechtsstand", "gibt es nicht"])
    assert out.exit_code == 1 and "Fehler:" in out.output
