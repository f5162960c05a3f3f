"""Unterlagen-Checkliste: every shared case reviewed against the seed lists, and each condition."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from wohngeld import DataFileError, Haushalt
from wohngeld.catalogs.unterlagen import lade_unterlagen_katalog, unterlagen
from wohngeld.cli import main
from wohngeld.formats.faelle import lade_fall
from wohngeld.input.einnahmen import EinnahmeArt

from ..conftest import EIGENER_UNTERLAGEN_KATALOG, case_files

ROOT = Path(__file__).resolve().parents[2]

def H(**kw: object) -> Haushalt:
    """A Haushalt from keyword data (shortcuts such as miete_monat included)."""
    return Haushalt.model_validate(kw)


ON = date(2025, 7, 1)

# Seed S002 (KISA/SV Glauchau, "Notwendige Unterlagen"), per case, as ids of the catalogue:
SEED_MIETE = {"mietvertrag", "vermieterbescheinigung", "mietzahlungsnachweis", "beitraege_dritter",
              "einnahmen_zwoelf_monate"}
SEED_EIGENTUM = {"grundbuchauszug", "grundsteuerbescheid", "kreditvertraege", "wohnflaeche",
                 "einnahmen_zwoelf_monate"}
SEED_HEIM = {"heimvertrag", "heimrechnung", "einnahmen_heim", "betreuungsbestellung", "hilfe_zur_pflege"}


def seed_erwartet(h: Haushalt) -> set[str]:
    """What S002 asks for this household (written from the seed, not from the catalogue)."""
    art = h.wohnkosten.art
    soll = {"Miete": SEED_MIETE, "Belastung": SEED_EIGENTUM, "Heim": SEED_HEIM}[art].copy()
    for m in h.mitglieder or ():
        gdb = m.schwerbehindert_gdb
        if art == "Heim":
            if gdb == 100:
                soll.add("schwerbehinderung_heim")  # "bei einem Grad der Behinderung von 100"
            if m.pflegegrad is not None and m.pflegegrad >= 4:
                soll.add("pflegegrad_heim")  # "Pflegestufe 4 und 5"
        elif gdb is not None and gdb >= 50:
            soll.add("schwerbehinderung")  # "Nachweis der Schwerbehinderteneigenschaft"
        if m.unterhaltszahlungen:
            soll.add("unterhalt")  # "Nachweis über Unterhaltsverpflichtungen"
    return soll


@pytest.mark.parametrize("path", case_files(), ids=lambda p: p.stem)
def test_every_shared_case_gets_the_seed_documents(path: Path) -> None:
    fall = lade_fall(path)
    c = unterlagen(fall.haushalt, on=fall.stichtag)
    assert seed_erwartet(fall.haushalt) <= set(c.ids)
    assert all(u.zitat and u.grund and u.quelle for u in c.eintraege)


def test_dresden_heimbewohner_gdb_100_exact_list() -> None:
    fall = lade_fall(ROOT / "tests/cases/2023-01-01/dresden-2023-02-heimbewohner.toml")
    c = unterlagen(fall.haushalt, on=fall.stichtag)
    # S002 Heimbewohner list for GdB 100, Altersrente and Pflegegeld (not income: no proof asked)
    assert set(c.ids) == SEED_HEIM | {"schwerbehinderung_heim", "rentenbescheid"}
    assert c.art == "Mietzuschuss (Heim)"


def test_owner_family_with_earner() -> None:
    fall = lade_fall(ROOT / "tests/cases/2025-01-01/bmwsb-2025-04-lastenzuschuss-familie.toml")
    ids = set(unterlagen(fall.haushalt, on=fall.stichtag).ids)
    assert ids == SEED_EIGENTUM | {"lohnnachweise"}
    assert "mietvertrag" not in ids


def test_mischhaushalt_asks_for_the_transfer_decision() -> None:
    fall = lade_fall(ROOT / "tests/cases/2025-01-01/bmwsb-2025-10-mischhaushalt.toml")
    c = unterlagen(fall.haushalt, on=fall.stichtag)
    u = {x.id: x for x in c.eintraege}["transferleistung_bescheid"]
    assert u.betrifft == ("Haushaltsmitglied 2",) and "§ 11 Abs. 3" in u.zitat


def _familie(geburt: str | None, **kind: object) -> Haushalt:
    k: dict[str, object] = {"kind": True, **kind}
    if geburt:
        k["geburtsdatum"] = geburt
    return Haushalt.model_validate(
        {"mietenstufe": 3, "miete_monat": "600", "gesamteinkommen_monat": "1500",
         "mitglieder": [{"name": "Mutter"}, {"name": "Kind", **k}]}
    )


def test_schulbescheinigung_from_16() -> None:
    # S002: "Schulbescheinigung bei Kindern über 16 Jahre"; Auslegung: from the 16th birthday
    sechzehn = {u.id: u for u in unterlagen(_familie("2009-07-01"), on=ON).eintraege}
    assert sechzehn["schulbescheinigung"].sicher and sechzehn["schulbescheinigung"].betrifft == ("Kind",)
    assert "schulbescheinigung" not in unterlagen(_familie("2009-07-02"), on=ON).ids  # 15 on 2025-07-01
    offen = {u.id: u for u in unterlagen(_familie(None), on=ON).eintraege}["schulbescheinigung"]
    assert not offen.sicher and offen.vorbehalt is not None and "16" in offen.vorbehalt


def test_pflegegradbescheid_only_below_gdb_100_with_care() -> None:
    def h(gdb: int, **m: object) -> Haushalt:
        return Haushalt.model_validate({"mietenstufe": 3, "miete_monat": "400",
                                        "gesamteinkommen_monat": "900",
                                        "mitglieder": [{"schwerbehindert_gdb": gdb, **m}]})
    assert {"schwerbehinderung", "pflegegradbescheid"} <= set(unterlagen(h(60, pflegegrad=2), on=ON).ids)
    assert "pflegegradbescheid" not in unterlagen(h(100, pflegegrad=2), on=ON).ids
    assert "pflegegradbescheid" not in unterlagen(h(60), on=ON).ids
    assert "schwerbehinderung" not in unterlagen(h(30), on=ON).ids


def test_income_kinds_each_ask_for_their_proof() -> None:
    def h(art: str) -> Haushalt:
        return Haushalt.model_validate({"mietenstufe": 3, "miete_monat": "400", "mitglieder": [
            {"einnahmen": [{"art": art, "brutto_monat": "500"}]}]})
    assert "lohnnachweise" in unterlagen(h("Erwerbseinkommen"), on=ON).ids
    assert "rentenbescheid" in unterlagen(h("Altersrente"), on=ON).ids
    assert "lohnersatz_bescheid" in unterlagen(h("Arbeitslosengeld"), on=ON).ids
    assert "unterhaltsvorschuss" in unterlagen(h("Unterhaltsvorschuss"), on=ON).ids
    assert "unterhalt" in unterlagen(h("Unterhalt"), on=ON).ids
    assert "kapitalertraege" in unterlagen(h("Kapitalerträge"), on=ON).ids
    assert "gewinnnachweis" in unterlagen(h("Gewinn aus Gewerbebetrieb"), on=ON).ids


def test_merkmal_eigenes_mehrfamilienhaus() -> None:
    h = H(mietenstufe=3, miete_monat="400", anzahl_mitglieder=1, gesamteinkommen_monat="900")
    ids = set(unterlagen(h, on=ON, merkmale=["eigenes_mehrfamilienhaus"]).ids)
    assert {"grundbuchauszug_mehrfamilienhaus", "mietwert_nachweis", "einnahmen_vermietung"} <= ids
    assert "grundbuchauszug_mehrfamilienhaus" not in unterlagen(h, on=ON).ids


def test_catalogue_income_kinds_exist_in_the_model() -> None:
    k = lade_unterlagen_katalog(ROOT / "data/katalog/unterlagen.toml")
    known = {a.value for a in EinnahmeArt}
    for e in k.unterlage:
        for b in ([e.wenn] if e.wenn else []) + list(e.wenn_eines):
            assert set(b.einnahme_art or ()) <= known, e.id


def test_municipality_catalogue_replaces_the_shipped_one(tmp_path: Path) -> None:
    eigen = tmp_path / "stadt.toml"
    eigen.write_text(
        EIGENER_UNTERLAGEN_KATALOG,
        encoding="utf-8",
    )
    h = H(mietenstufe=3, miete_monat="400", anzahl_mitglieder=1, gesamteinkommen_monat="900")
    assert unterlagen(h, on=ON, katalog=eigen).ids == ("ausweis",)
    eigen.write_text('katalog = "unterlagen"\n', encoding="utf-8")
    with pytest.raises(DataFileError, match=r"stadt\.toml"):
        unterlagen(h, on=ON, katalog=eigen)


def test_json_and_cli() -> None:
    path = ROOT / "tests/cases/2025-01-01/bmwsb-2025-03-ehepaar-schwerbehindert.toml"
    out = CliRunner().invoke(main, ["unterlagen", str(path), "--json"])
    assert out.exit_code == 0, out.output
    d = json.loads(out.output)
    assert "§ 60" in d["grundlage"]
    assert {u["id"] for u in d["unterlagen"]} >= {"mietvertrag", "schwerbehinderung", "rentenbescheid"}
    text = CliRunner().invoke(main, ["unterlagen", str(path)])
    assert text.exit_code == 0 and "Mietvertrag" in text.output
