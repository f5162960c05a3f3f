"""Mietenstufe from the Postleitzahl (Anlage zu § 1 Abs. 3 WoGV i. V. m. § 12 Abs. 2–4a WoGG).

Expected stages are read in the annex text of the 2023 list (gesetze-im-internet.de, "Anlage (zu § 1
Absatz 3) Mietenstufen der Gemeinden nach Ländern ab 1. Januar 2023", as of 2026-10-08): Dresden, Stadt
III; Kreis Herzogtum Lauenburg II; Kreis Stormarn IV; Hamburg VI; Riesa, Stadt I; Kreis Meißen I;
Bergen, Stadt (Niedersachsen) I; Kreis Celle I; Kreis Schleswig-Flensburg I. Its preamble: "Soweit die
zu einem Kreis gehörenden Gemeinden in den Tabellen nicht gesondert aufgeführt sind, gilt die
Mietenstufe des Kreises für diese Gemeinden … Relevanter Gebietsstand ist der 31. März 2021".
"""

from __future__ import annotations

import csv
import json
import re
import subprocess
import sys
import tomllib
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from wohngeld import Haushalt, calculate
from wohngeld.cli import main
from wohngeld.errors import AmbiguousMunicipality, UnknownMunicipality, WohngeldError
from wohngeld.formats.stapel import calculate_many, zeile_zu_eingabe
from wohngeld.law.mietenstufen.liste import fassungen, liste
from wohngeld.law.mietenstufen.plz import (
    PlzKandidat,
    UnbekanntePostleitzahl,
    Ungeklaert,
    UngueltigePostleitzahl,
    _aufloesen,
    _ort_keys,
    _plz_daten,
    mietenstufe_nach_plz,
)

ROOT = Path(__file__).resolve().parents[3]
PLZ_DIR = ROOT / "data" / "plz"
DOC = ROOT / "docs" / "mietenstufe-finden.md"
ON_2023 = date(2023, 7, 1)


def _rows() -> list[tuple[str, str, str]]:
    with (PLZ_DIR / "plz-gemeinden.csv").open(encoding="utf-8", newline="") as fh:
        reader = csv.reader(fh)
        assert next(reader) == ["plz", "ags", "ort"]
        return [(r[0], r[1], r[2]) for r in reader]


# --- known answers -----------------------------------------------------------------------------------


def test_dresden_01067_is_iii_on_the_2023_list() -> None:
    """01067 lies wholly in Dresden (one row); the 2023 annex: "Dresden, Stadt III"."""
    a = mietenstufe_nach_plz("01067", on=ON_2023)
    assert a.eindeutig and a.mietenstufe == 3
    assert [k.gemeinde.ags for k in a.kandidaten] == ["14612000"]
    assert a.valid_from == date(2023, 1, 1)
    assert "OpenStreetMap" in a.quelle and "ODbL" in a.quelle and "GeoNames" in a.quelle


def test_plz_spanning_two_kreise_with_different_stages_is_a_choice() -> None:
    """23860: Groß Schenkenberg (Kreis Herzogtum Lauenburg, Kreis row II) and Klein Wesenberg (Kreis
    Stormarn, Kreis row IV); neither is listed separately, so each takes its Kreis row — two stages."""
    a = mietenstufe_nach_plz("23860", on=ON_2023)
    assert not a.eindeutig and a.mietenstufe is None
    got = {(k.gemeinde.name, k.gemeinde.kreis, k.mietenstufe) for k in a.kandidaten}
    assert got == {("Groß Schenkenberg", "Herzogtum Lauenburg", 2), ("Klein Wesenberg", "Stormarn", 4)}
    j = a.to_json()
    assert j["eindeutig"] is False and j["mietenstufe"] is None and len(j["kandidaten"]) == 2  # type: ignore[arg-type]
    assert "Groß Schenkenberg" in a.text() and "Mietenstufe IV" in a.text()


def test_ort_chooses_tolerantly() -> None:
    """The same 23860 narrowed by the place name; ß = ss, case and ", Gemeinde" suffixes do not matter."""
    assert mietenstufe_nach_plz("23860", on=ON_2023, ort="Klein Wesenberg").mietenstufe == 4
    assert mietenstufe_nach_plz("23860", on=ON_2023, ort="gross schenkenberg").mietenstufe == 2
    assert mietenstufe_nach_plz("01067", on=ON_2023, ort="Dresden, Stadt").mietenstufe == 3
    assert mietenstufe_nach_plz("01067", on=ON_2023, ort="Dresden").mietenstufe == 3
    with pytest.raises(UnknownMunicipality, match="gehört nach der PLZ-Zuordnung nicht zur PLZ 23860"):
        mietenstufe_nach_plz("23860", on=ON_2023, ort="Berlin")


def test_ort_keys_fold_umlauts_and_sankt() -> None:
    assert _ort_keys("München") & _ort_keys("Muenchen") & _ort_keys("Munchen")
    assert _ort_keys("St. Egidien") & _ort_keys("Sankt Egidien")
    assert _ort_keys("Sankt Peter-Ording") & _ort_keys("St. Peter-Ording")
    assert _ort_keys("Dresden, Stadt") == _ort_keys("Dresden")
    assert mietenstufe_nach_plz("25826", on=ON_2023, ort="St. Peter-Ording").eindeutig


def test_plz_whose_gemeinden_share_one_stage_is_definite_and_says_so() -> None:
    """01594: Riesa, Stadt (own row I), Hirschstein and Stauchitz (Kreis Meißen row I): all I."""
    a = mietenstufe_nach_plz("01594", on=ON_2023)
    assert a.eindeutig and a.mietenstufe == 1
    assert {k.gemeinde.name for k in a.kandidaten} == {"Riesa, Stadt", "Hirschstein", "Stauchitz"}
    assert a.to_json()["mehrere_gemeinden"] is True
    assert "umfasst 3 Gemeinden" in a.text() and "alle haben" in a.text()


def test_city_edge_plz_is_a_choice() -> None:
    """22113: Oststeinbek (Kreis Stormarn IV) and Hamburg (VI)."""
    a = mietenstufe_nach_plz("22113", on=ON_2023)
    assert sorted(k.mietenstufe for k in a.kandidaten) == [4, 6]
    assert not a.eindeutig


# --- rules for AGS the lists do not know ---------------------------------------------------------------


def test_gemeindefreier_bezirk_takes_the_kreis_row() -> None:
    """29303: Bergen, Stadt (own row I), Südheide (Kreis Celle I) and the gemeindefreier Bezirk Lohheide
    (no AGS in the Mietenstufen data; § 12 Abs. 3 WoGG groups gemeindefreie Gebiete by Kreis: Celle I)."""
    a = mietenstufe_nach_plz("29303", on=ON_2023)
    assert a.eindeutig and a.mietenstufe == 1
    (lohheide,) = [k for k in a.kandidaten if k.gemeinde.ags == "03351501"]
    assert lohheide.regel == "kreiszeile" and "Kreis Celle" in lohheide.erlaeuterung


def test_gebietsaenderung_after_the_gebietsstand_takes_the_predecessors_kreis_row() -> None:
    """Maasbüll (01059141) joined Hürup on 01.03.2023, after the Gebietsstand 31.03.2021 of the 2023 list:
    at the Gebietsstand it was a Gemeinde of its own, not listed, so Kreis Schleswig-Flensburg (I)."""
    a = mietenstufe_nach_plz("24975", on=ON_2023, ort="Maasbüll")
    (k,) = a.kandidaten
    assert k.regel == "gebietsaenderung" and k.mietenstufe == 1
    assert "01.03.2023" in k.erlaeuterung and "Hürup" in k.erlaeuterung


def test_gebietsaenderung_before_the_gebietsstand_takes_the_successor(tmp_path: Path) -> None:
    """A change in force before the Gebietsstand: the territory was the successor's, so its stage applies.
    Built on a copy of the data in which Maasbüll joins Flensburg (III) on 01.01.2020 (a fiction)."""
    for f in PLZ_DIR.iterdir():
        (tmp_path / f.name).write_bytes(f.read_bytes())
    text = (tmp_path / "gebietsaenderungen.toml").read_text(encoding="utf-8")
    text = text.replace(
        'vorgaenger = "01059141"\nname = "Maasbüll"\nnachfolger = "01059126"\nnachfolger_name = "Hürup"\n'
        "wirksam = 2023-03-01",
        'vorgaenger = "01059141"\nname = "Maasbüll"\nnachfolger = "01001000"\nnachfolger_name = "Flensburg"\n'
        "wirksam = 2020-01-01",
    )
    (tmp_path / "gebietsaenderungen.toml").write_text(text, encoding="utf-8")
    a = mietenstufe_nach_plz("24975", on=ON_2023, ort="Maasbüll", plz_dir=tmp_path)
    (k,) = a.kandidaten
    assert k.regel == "gebietsaenderung" and k.mietenstufe == 3 and k.gemeinde.ags == "01001000"
    # a successor the list does not know: no stage, and never the Kreis row instead
    other = tmp_path / "unbekannt"
    other.mkdir()
    for f in PLZ_DIR.iterdir():
        (other / f.name).write_bytes(f.read_bytes())
    text = text.replace('nachfolger = "01001000"', 'nachfolger = "01059999"')
    (other / "gebietsaenderungen.toml").write_text(text, encoding="utf-8")
    a = mietenstufe_nach_plz("24975", on=ON_2023, ort="Maasbüll", plz_dir=other)
    assert not a.kandidaten and not a.eindeutig and "01059999" in a.ungeklaert[0].grund


def test_a_gemeinde_left_out_on_purpose_never_takes_the_kreis_row() -> None:
    """Oldsum (Föhr) is left out of the 2020-08-01 file (island stage unverified): no stage, a reason.
    Before 1.8.2020 it takes the Kreis row of the 2020 annex: "Nordfriesland II"."""
    a = mietenstufe_nach_plz("25938", on=date(2020, 9, 1), ort="Oldsum")
    assert not a.eindeutig and not a.kandidaten
    assert "Oldsum" in a.ungeklaert[0].ort and "12 Abs. 4a" in a.ungeklaert[0].grund
    assert mietenstufe_nach_plz("25938", on=date(2020, 3, 1), ort="Oldsum").mietenstufe == 2


def test_every_ags_resolves_in_every_fassung_from_2020_or_is_a_documented_exception() -> None:
    daten = _plz_daten()
    ausnahmen = tomllib.loads((PLZ_DIR / "ausnahmen.toml").read_text(encoding="utf-8"))["ausnahme"]
    documented = {(e["ags"], f) for e in ausnahmen for f in e["fassungen"]}
    needed = set()
    for f in fassungen():
        if f < date(2020, 1, 1):
            continue
        lst = liste(f)
        for _, ags, ort in _rows():
            r = _aufloesen(daten, lst, ags, ort)
            if isinstance(r, Ungeklaert):
                assert (ags, f) in documented, (ags, ort, f, r.grund)
                needed.add((ags, f))
            else:
                assert isinstance(r, PlzKandidat) and 1 <= r.mietenstufe <= 7
    assert {d for d in documented if d[1] >= date(2020, 1, 1)} == needed, "an exception no longer needed"
    assert all(e["grund"] for e in ausnahmen)


def test_gebietsaenderungen_predecessors_had_no_row_of_their_own() -> None:
    """The Kreis-row reading needs a predecessor that the Anlage does not list separately."""
    daten = _plz_daten()
    for f in fassungen():
        lst = liste(f)
        for a in daten.aenderungen.values():
            assert a.vorgaenger not in lst.by_ags
            own = [
                g.name
                for g in lst.by_ags.values()
                if g.kreis_schluessel == a.vorgaenger[:5]
                and g.herkunft == "gemeinde"
                and _ort_keys(g.name) & _ort_keys(a.name)
            ]
            assert not own, (a.name, own)
            assert a.quelle and a.wirksam > date(2021, 3, 31)


# --- the two sources ------------------------------------------------------------------------------------


def test_sources_keep_leading_zeros_and_provenance() -> None:
    rows = _rows()
    assert all(re.fullmatch(r"\d{5}", p) and re.fullmatch(r"\d{8}", a) for p, a, _ in rows)
    assert sum(p.startswith("0") for p, _, _ in rows) > 1000
    head = tomllib.loads((PLZ_DIR / "plz-gemeinden.toml").read_text(encoding="utf-8"))
    assert head["anzahl_zeilen"] == len(rows) and head["anzahl_plz"] == len({r[0] for r in rows})
    assert "ODbL" in head["lizenz"] and "OpenStreetMap contributors" in head["attribution"]
    geo = tomllib.loads((PLZ_DIR / "geonames-plz-kreise.toml").read_text(encoding="utf-8"))
    assert "CC BY 4.0" in geo["lizenz"] and "GeoNames" in geo["attribution"]


def test_cross_check_osm_kreise_against_geonames() -> None:
    """For every PLZ in both sources, the Kreise of the OSM rows (AGS digits 1–5) against the GeoNames
    Kreis codes. The figures and every disjoint PLZ are documented in docs/mietenstufe-finden.md."""
    osm: dict[str, set[str]] = {}
    for p, ags, _ in _rows():
        osm.setdefault(p, set()).add(ags[:5])
    geo = _plz_daten().geonames
    both = sorted(set(osm) & set(geo))
    equal = [p for p in both if osm[p] == geo[p]]
    disjoint = [p for p in both if not osm[p] & geo[p]]
    assert len(both) == 8155 and len(equal) == 8065  # figures quoted in the docs
    assert len(equal) / len(both) > 0.98
    assert disjoint == ["64754", "64757", "67661"]
    doc = DOC.read_text(encoding="utf-8")
    for p in disjoint:
        assert p in doc
    # a PLZ where GeoNames names a Kreis the OSM rows lack is never eindeutig without ort
    a = mietenstufe_nach_plz("64754", on=ON_2023)
    assert a.zweifel and not a.eindeutig
    assert mietenstufe_nach_plz("64754", on=ON_2023, ort="Eberbach").mietenstufe == 2


def test_coverage_figures_in_the_docs() -> None:
    """The per-Fassung coverage table of the docs is what the data give."""
    doc = DOC.read_text(encoding="utf-8")
    plz = sorted({r[0] for r in _rows()})
    for f in fassungen():
        if f < date(2020, 1, 1):
            continue
        on = f
        answers = [mietenstufe_nach_plz(p, on=on) for p in plz]
        eindeutig = sum(a.eindeutig for a in answers)
        wahl = sum(1 for a in answers if not a.eindeutig)
        assert f"| {f.isoformat()} | {eindeutig:,} | {wahl:,} |".replace(",", " ") in doc


# --- bad input: German, never a traceback ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("given", "needle"),
    [
        ("1067", "meinten Sie '01067'"),
        ("0106a", "andere Zeichen als Ziffern"),
        ("ABCDE", "andere Zeichen als Ziffern"),
        ("00999", "außerhalb der deutschen Postleitzahlen"),
        ("99999", "außerhalb der deutschen Postleitzahlen"),
        ("010671", "hat 6 Ziffern"),
        (1067, "meinten Sie '01067'"),
    ],
)
def test_bad_plz_german_message(given: object, needle: str) -> None:
    with pytest.raises(UngueltigePostleitzahl, match=re.escape(needle)):
        mietenstufe_nach_plz(given, on=ON_2023)  # type: ignore[arg-type]


def test_plz_not_in_the_data() -> None:
    with pytest.raises(UnbekanntePostleitzahl, match="nicht enthalten"):
        mietenstufe_nach_plz("01068", on=ON_2023)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="0123456789aO ", min_size=0, max_size=7))
def test_any_text_answers_or_raises_a_library_error(text: str) -> None:
    try:
        a = mietenstufe_nach_plz(text, on=ON_2023)
    except WohngeldError:
        return
    assert a.eindeutig == (a.mietenstufe is not None)
    assert a is mietenstufe_nach_plz(text.strip(), on=ON_2023)


# --- Haushalt, batch, CLI --------------------------------------------------------------------------------


def _haushalt(**wo: object) -> Haushalt:
    return Haushalt.model_validate(
        {"miete_monat": "420.00", "anzahl_mitglieder": 1, "gesamteinkommen_monat": "1162.35", **wo}
    )


def test_haushalt_with_plz_computes_as_with_the_stage() -> None:
    by_plz = calculate(_haushalt(plz="01067"), on=ON_2023)
    by_stage = calculate(_haushalt(mietenstufe=3), on=ON_2023)
    assert by_plz.betrag_monat == by_stage.betrag_monat
    step = next(s for s in by_plz.schritte if s.key == "mietenstufe")
    assert "PLZ 01067" in step.label and "OpenStreetMap" in step.zitat


def test_haushalt_with_ambiguous_plz_lists_candidates_and_stages() -> None:
    with pytest.raises(AmbiguousMunicipality) as err:
        calculate(_haushalt(plz="23860"), on=ON_2023)
    msg = str(err.value)
    assert "Groß Schenkenberg" in msg and "Mietenstufe II" in msg and "Mietenstufe IV" in msg
    assert len(err.value.candidates) == 2
    chosen = calculate(_haushalt(plz="23860", ort="Klein Wesenberg"), on=ON_2023)
    assert chosen.betrag_monat == calculate(_haushalt(mietenstufe=4), on=ON_2023).betrag_monat


def test_haushalt_validates_plz_and_ort() -> None:
    with pytest.raises(ValueError, match="01067"):
        _haushalt(plz="1067")
    with pytest.raises(ValueError, match="führende Null; meinten Sie '01067'"):
        _haushalt(plz=1067)
    with pytest.raises(ValueError, match="genau eines angeben"):
        _haushalt(plz="01067", gemeinde="Dresden")
    with pytest.raises(ValueError, match="gehört zu plz"):
        _haushalt(gemeinde="Dresden", ort="Dresden")


def test_batch_reads_a_plz_column() -> None:
    rest = {"miete_monat": "420.00", "anzahl_mitglieder": "1", "gesamteinkommen_monat": "1162.35"}
    rows = [
        {"plz": "01067", **rest},
        {"plz": "23860", "ort": "Klein Wesenberg", **rest},
        {"gemeinde": "Dresden", "ort": "Dresden-Neustadt", **rest},  # ort without plz: an address column
        {"plz": "23860", **rest},
    ]
    out = list(calculate_many([zeile_zu_eingabe(r) for r in rows], on=ON_2023))
    stage3 = calculate(_haushalt(mietenstufe=3), on=ON_2023).betrag_monat
    stage4 = calculate(_haushalt(mietenstufe=4), on=ON_2023).betrag_monat
    assert [o.betrag_monat for o in out] == [stage3, stage4, stage3, None]
    with pytest.raises(UngueltigePostleitzahl, match="01067"):
        zeile_zu_eingabe({"plz": 1067})


def test_cli_plz_ags_and_name() -> None:
    run = CliRunner().invoke
    out = run(main, ["mietenstufe", "01067", "--stichtag", "2023-07-01"])
    assert out.exit_code == 0 and "Mietenstufe III" in out.output and "OpenStreetMap" in out.output
    out = run(main, ["mietenstufe", "14612000", "--stichtag", "2023-07-01"])
    assert out.exit_code == 0 and "Mietenstufe III" in out.output
    out = run(main, ["mietenstufe", "23860", "--stichtag", "2023-07-01", "--json"])
    assert out.exit_code == 1
    data = json.loads(out.output)
    assert data["eindeutig"] is False and {k["mietenstufe"] for k in data["kandidaten"]} == {2, 4}
    assert "ODbL" in data["quelle"]
    args = ["mietenstufe", "23860", "--ort", "Klein Wesenberg", "--stichtag", "2023-07-01", "--json"]
    out = run(main, args)
    assert out.exit_code == 0 and json.loads(out.output)["mietenstufe"] == 4


@pytest.mark.parametrize(
    ("args", "needle"),
    [
        (["1067"], "meinten Sie die Postleitzahl 01067"),
        (["0106a"], "mischt Ziffern"),
        (["99999"], "außerhalb der deutschen Postleitzahlen"),
        (["01068"], "nicht enthalten"),
        (["Dresden", "--ort", "Dresden"], "nur zusammen mit einer Postleitzahl"),
    ],
)
def test_cli_bad_input_is_german_without_traceback(args: list[str], needle: str) -> None:
    out = CliRunner().invoke(main, ["mietenstufe", *args, "--stichtag", "2023-07-01"])
    assert out.exit_code == 1 and needle in out.output and "Traceback" not in out.output
    assert out.exception is None or isinstance(out.exception, SystemExit)


def test_import_does_not_load_the_plz_data() -> None:
    code = "import wohngeld, wohngeld.law.mietenstufen.plz as p, sys; print(len(p._daten), len(p._antworten))"
    res = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert res.stdout.split() == ["0", "0"]
