"""Texts that users read cite the law, never a repository, a web page or a search.

Every string value of the shipped data (a table's ``source``, ``rule``, ``unverified`` notice, an entry's
``zitat``, a rule set's ``hinweis`` or ``quelle``) can reach a Rechenweg or a notice. The trail of where
a value was read stays in docs/parameter-quellen.md; a value read second-hand says "Sekundärquelle".
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from wohngeld import Haushalt, calculate

DATA = Path(__file__).resolve().parent.parent / "data"
FILES = sorted([*DATA.glob("parameters/*/*.toml"), *DATA.glob("rechtsstaende/*/**/*.toml")])

VERBOTEN = re.compile(
    r"github|gitlab|https?://|www\.|\.(?:de|org|com|tax)\b|\.ts\b|\.md\b|commit|repositor|"
    r"nyko|gettsim|kmein|alangecker|bundestag/gesetze|bruttonetto|buzer|\bgii\b|"
    r"research|recherche|\bsuche\b|gesucht|search",
    re.IGNORECASE,
)


def _strings(x: object, wo: str) -> Iterator[tuple[str, str]]:
    if isinstance(x, str):
        yield wo, x
    elif isinstance(x, dict):
        for k, v in x.items():
            yield from _strings(v, f"{wo}.{k}")
    elif isinstance(x, list):
        for i, v in enumerate(x):
            yield from _strings(v, f"{wo}[{i}]")


@pytest.mark.parametrize("path", FILES, ids=lambda p: str(p.relative_to(DATA)))
def test_keine_fundstelle_ausser_dem_gesetz(path: Path) -> None:
    raw = tomllib.loads(path.read_text(encoding="utf-8"))
    for wo, text in _strings(raw, path.name):
        assert not VERBOTEN.search(text), f"{wo}: {text}"


# aenderung (§ 27 WoGG thresholds) is maintained with the change rules and cites the WoGG as a whole
@pytest.mark.parametrize(
    "path",
    sorted(p for p in DATA.glob("parameters/*/*.toml") if p.parent.name != "aenderung"),
    ids=lambda p: str(p.relative_to(DATA)),
)
def test_source_zitiert_das_gesetz(path: Path) -> None:
    """The source names the Fundstelle (BGBl.) and a § or Anlage; second-hand values say so."""
    raw = tomllib.loads(path.read_text(encoding="utf-8"))
    assert "BGBl." in raw["source"] and ("§" in raw["source"] or "Anlage" in raw["source"])
    assert len(raw["source"]) <= 200, "one short line in the Rechenweg"


@pytest.mark.parametrize(
    ("on", "rechtsstand"),
    [(date(2021, 7, 1), None), (date(2026, 3, 1), None), (date(2027, 3, 1), "Entwurf 2027")],
)
def test_rechenweg_und_hinweise(on: date, rechtsstand: str | None) -> None:
    h = Haushalt.model_validate(
        {
            "mietenstufe": 3,
            "miete_monat": "500",
            "vermoegen": "1000",
            "mitglieder": [{"einnahmen": [{"art": "Altersrente", "brutto_monat": "900"}]}],
        }
    )
    r = calculate(h, on=on, rechtsstand=rechtsstand)
    for s in r.schritte:
        assert not VERBOTEN.search(s.zitat + s.label), s
    for w in r.warnungen:
        assert not VERBOTEN.search(w), w
