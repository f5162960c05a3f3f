"""The first ten minutes: how to reach the command after ``make demo``, and the licence file."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_readme_says_how_to_reach_the_command_after_make_demo() -> None:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    demo = text.index("make demo")
    erster_befehl = text.index("wohngeld berechnen")
    hinweis = text.index(".venv/bin/wohngeld")
    assert demo < hinweis < erster_befehl  # said before the first `wohngeld …` line
    assert "source .venv/bin/activate" in text and ".venv/bin/python" in text
    make = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert "VENV   ?= .venv" in make and "$(BIN)/wohngeld beispiel" in make  # where make demo installs


def test_licence_file_matches_pyproject_and_carries_the_data_attribution() -> None:
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert pyproject["project"]["license"] == "MIT"
    lizenz = (ROOT / "LICENSE").read_text(encoding="utf-8")
    assert lizenz.startswith("MIT License\n") and "THE SOFTWARE IS PROVIDED \"AS IS\"" in lizenz
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    quelle = re.search(r"© Statistisches Bundesamt \(Destatis\)", readme)
    assert quelle is not None and " ".join(lizenz.split()).count("© Statistisches Bundesamt (Destatis)") == 1
    assert "Quellenangabe" in lizenz and "§ 5 Abs. 1 UrhG" in lizenz
    assert "LICENSE" in pyproject["tool"]["hatch"]["build"]["targets"]["sdist"]["include"]


def test_licence_file_carries_the_plz_data_licences() -> None:
    """data/plz ships OSM-derived (ODbL 1.0) and GeoNames (CC BY 4.0) files; LICENSE must say so."""
    lizenz = " ".join((ROOT / "LICENSE").read_text(encoding="utf-8").split())
    assert "© OpenStreetMap contributors" in lizenz and "Open Database License (ODbL) 1.0" in lizenz
    assert "GeoNames" in lizenz and "Creative Commons Attribution 4.0" in lizenz
    for datei in ("plz-gemeinden.csv", "geonames-plz-kreise.csv"):
        assert (ROOT / "data" / "plz" / datei).exists() and datei in lizenz
