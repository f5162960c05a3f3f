"""The documentation: the mkdocs nav lists every page, the CLI page every command, examples run."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from wohngeld import Haushalt, calculate, lade_szenario
from wohngeld.cli import main

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"


def _nav() -> list[str]:
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    nav = text[text.index("\nnav:") :]
    return re.findall(r"^\s*-\s*(?:[^:\n]+:\s*)?(\S+\.md)\s*$", nav, flags=re.M)


def test_nav_lists_every_page_and_only_existing_ones() -> None:
    pages = sorted(str(p.relative_to(DOCS)) for p in DOCS.rglob("*.md"))
    nav = _nav()
    assert sorted(set(nav)) == pages, "mkdocs.yml nav and docs/*.md differ"
    assert len(nav) == len(set(nav))


def test_cli_page_names_every_command() -> None:
    text = (DOCS / "cli.md").read_text(encoding="utf-8")
    for name in main.commands:
        assert f"wohngeld {name}" in text, name


def test_glossary_records_the_mietenstufe_alias() -> None:
    text = (DOCS / "glossary.md").read_text(encoding="utf-8")
    assert "Mietenstufe" in text and "mietstufen" in text


def test_worked_what_if_example_file() -> None:
    s = lade_szenario(DOCS / "beispiele" / "reform-hoechstbetraege.toml")
    daten = {"mietenstufe": 3, "miete_monat": "900.00", "anzahl_mitglieder": 1}
    h = Haushalt.model_validate({**daten, "gesamteinkommen_monat": "1000.00"})
    assert calculate(h, on=date(2025, 7, 1), rechtsstand=s).betrag_monat == 285  # docs/szenarien.md table
