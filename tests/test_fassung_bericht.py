"""The result names every parameter table it applied, with the date its Fassung holds from.

A Bescheid cites the law it applied; the library's tables are that law's amounts. So every table that
entered a result is listed in ``Result.tabellen`` (table → ``valid_from``), in the JSON (``tabellen``)
and in the Rechenweg (one line per table with its source); ``Result.fassung`` is the latest of them,
and a table not read in the legal text gives its notice whether or not it is a core table.
"""

from __future__ import annotations

import json
import shutil
import tomllib
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from wohngeld import Haushalt, calculate
from wohngeld.law.tabelle import ParameterStore

DATA = Path(__file__).resolve().parent.parent / "data" / "parameters"


def _fassungen(folder: str) -> list[date]:
    dateien = (DATA / folder).glob("*.toml")
    return sorted(tomllib.loads(p.read_text(encoding="utf-8"))["valid_from"] for p in dateien)


MIETER: dict[str, Any] = {
    "mietenstufe": 3,
    # a Stellplatz in the rent without its amount: the Pauschbetrag of § 6 Abs. 2 WoGV
    "wohnkosten": {"art": "Miete", "miete_monat": "500", "abzuege": [{"art": "Stellplatz"}]},
    "vermoegen": "1000",  # § 21 Nr. 3 WoGG
    "mitglieder": [
        {
            "einnahmen": [{"art": "Altersrente", "brutto_monat": "900"}],
            "grundrentenzeiten_33_jahre": True,  # § 17a WoGG
            "pauschalabzug": {"kranken_pflege": True},
        }
    ],
}
EIGENTUEMER: dict[str, Any] = {
    **MIETER,
    # Lastenberechnung with the Bewirtschaftungskosten of § 13 Abs. 2 WoGV
    "wohnkosten": {"art": "Belastung", "darlehen": [{"zinsen_jahr": "1200"}], "wohnflaeche_m2": "50"},
}

HAUSHALT_JE_TABELLE: dict[str, dict[str, Any]] = {
    "wogv_bewirtschaftung": EIGENTUEMER,
}

NICHT_IM_ERGEBNIS = {
    # § 27 WoGG thresholds: read by wohngeld.aenderung (a change during the Bewilligungszeitraum) to
    # compare two results, never by the amount itself
    "aenderung": "§ 27 WoGG, nur für wohngeld.aenderung",
}


def _erwartet_im_ergebnis(folder: str, ab: date) -> bool:
    """Whether a result computed on ``ab`` must report the table; the exceptions say why not."""
    if folder in NICHT_IM_ERGEBNIS:
        return False
    # Regelbedarfsstufe 1 enters the amount only as the cap of § 17a Abs. 1 Satz 2 WoGG, in force
    # from 1.1.2021 (Art. 5 Grundrentengesetz); before that the table serves the Vorrang hint only
    return not (folder == "regelbedarfsstufen" and ab < date(2021, 1, 1))


TABELLEN = sorted(p.name for p in DATA.iterdir() if p.is_dir())
FAELLE = [(folder, ab) for folder in TABELLEN for ab in _fassungen(folder)]


def test_jeder_ordner_ist_bedacht() -> None:
    assert {"einnahmearten", "regelbedarfsstufen", "hoechstbetraege", "aenderung"} <= set(TABELLEN)
    assert len(FAELLE) >= 50


@pytest.mark.parametrize(("folder", "ab"), FAELLE, ids=[f"{f}/{d}" for f, d in FAELLE])
def test_tabelle_vom_stichtag_wird_genannt(folder: str, ab: date) -> None:
    h = Haushalt.model_validate(HAUSHALT_JE_TABELLE.get(folder, MIETER))
    r = calculate(h, on=ab)
    tabellen = dict(r.tabellen)
    if not _erwartet_im_ergebnis(folder, ab):
        assert folder not in tabellen or tabellen[folder] == ab
        return
    assert tabellen.get(folder) == ab, f"{folder} (Fassung ab {ab}) not reported on {ab}: {tabellen}"
    assert r.fassung == max(tabellen.values()) >= ab
    zeilen = [s for s in r.schritte if s.key == "tabelle" and dict(s.eingaben)["tabelle"] == folder]
    assert len(zeilen) == 1 and zeilen[0].wert == ab.isoformat() and "BGBl." in zeilen[0].zitat
    assert json.loads(r.to_json())["tabellen"][folder] == ab.isoformat()


def test_2026_03_nennt_die_fassung_2026() -> None:
    """On 01.03.2026 the Hoechstbetraege etc. are those of 1.1.2025, but the catalogue of § 14 Abs. 2
    (Aktivrente, Art. 2 Aktivrentengesetz) and the Regelbedarfsstufen (RBSFV 2026) hold from 1.1.2026:
    the result applies the Fassung of 1.1.2026 and names both dates.
    """
    r = calculate(Haushalt.model_validate(MIETER), on=date(2026, 3, 1))
    tabellen = dict(r.tabellen)
    assert r.fassung == date(2026, 1, 1)
    assert tabellen["hoechstbetraege"] == date(2025, 1, 1)
    assert tabellen["einnahmearten"] == tabellen["regelbedarfsstufen"] == date(2026, 1, 1)
    assert "01.01.2026" in r.explain().splitlines()[0]


def test_nur_gelesene_tabellen() -> None:
    """Y given directly: no income table enters the result, only those of §§ 11, 12, 19, 21."""
    h = Haushalt.model_validate(
        {"mietenstufe": 3, "miete_monat": "500", "anzahl_mitglieder": 1, "gesamteinkommen_monat": "900"}
    )
    r = calculate(h, on=date(2026, 3, 1))
    assert "einnahmearten" not in dict(r.tabellen)
    assert r.fassung == date(2025, 1, 1)


def test_eine_kurze_zeile_je_tabelle() -> None:
    """The 'angewandte Fassung' part: a heading line, then one line per table, none of them long."""
    r = calculate(Haushalt.model_validate(MIETER), on=date(2023, 7, 1))
    text = r.explain().splitlines()
    i = next(n for n, z in enumerate(text) if z.startswith("angewandte Fassung ab"))
    zeilen = [z for z in text[i + 1 :] if z.startswith("  Tabelle ")]
    assert len(zeilen) == len(r.tabellen)
    assert all(len(s.zitat) <= 200 for s in r.schritte if s.key == "tabelle"), max(zeilen, key=len)


def test_warnung_auch_fuer_andere_tabellen(tmp_path: Path) -> None:
    """A table outside the seven of §§ 11, 12, 19, 21 that was not read in the legal text gives its
    notice too (here a copy of the data with the catalogue of 2023 marked unverified)."""
    root = tmp_path / "parameters"
    shutil.copytree(DATA, root)
    datei = root / "einnahmearten" / "2023-01-01.toml"
    text = datei.read_text(encoding="utf-8")
    text = text.replace("\nverified   = 2026-12-06", '\nunverified = "Testfall: Wortlaut nicht gelesen"', 1)
    datei.write_text(text, encoding="utf-8")
    store = ParameterStore(root)
    r = calculate(Haushalt.model_validate(MIETER), on=date(2023, 7, 1), rechtsstand=store)
    assert any("'einnahmearten' (Fassung ab 01.01.2023)" in w and "Testfall" in w for w in r.warnungen)
    h = Haushalt.model_validate(
        {"mietenstufe": 3, "miete_monat": "500", "anzahl_mitglieder": 1, "gesamteinkommen_monat": "900"}
    )
    r = calculate(h, on=date(2023, 7, 1), rechtsstand=store)
    assert not any("einnahmearten" in w for w in r.warnungen)


def test_keine_ungepruefte_tabelle_im_geltenden_recht() -> None:
    """§ 19 Abs. 3 = 51 € and the heating amounts of 2021 are now read in the texts of 2021/2022."""
    for on in (date(2021, 7, 1), date(2022, 7, 1)):
        r = calculate(Haushalt.model_validate(MIETER), on=on)
        assert not any("nicht am Gesetzestext geprüft" in w for w in r.warnungen)


@settings(max_examples=60, deadline=None)
@given(on=st.dates(min_value=date(2016, 1, 1), max_value=date(2026, 11, 30)))
def test_jede_genannte_fassung_gilt_am_stichtag(on: date) -> None:
    """Each reported table holds the latest valid_from not after the Stichtag (from the file names),
    and Result.fassung is the latest of them."""
    r = calculate(Haushalt.model_validate(MIETER), on=on, rechenweg=False)
    for folder, ab in r.tabellen:
        assert ab == max(d for d in _fassungen(folder) if d <= on), folder
    assert r.fassung == max(ab for _, ab in r.tabellen)
