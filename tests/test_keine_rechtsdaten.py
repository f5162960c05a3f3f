"""No legal date in code: a mechanism that starts on a date is selected by a dated key of its
stage's table (docs/architektur.md, "How to add a mechanism"), so a ``date(YYYY, …)`` literal in
``src/wohngeld`` is either on the allow-list below, with the reason it is not law, or a finding.

Docstrings and doctests are strings, not calls, and are not scanned; neither are messages that show
an example call (``"z. B. date(2025, 7, 1)"``).
"""

from __future__ import annotations

import ast
from pathlib import Path

SRC = Path(__file__).resolve().parents[1] / "src" / "wohngeld"

ERLAUBT: dict[tuple[str, str], str] = {
    ("law/tabelle.py", "EARLIEST"): (
        "the lower bound of the library, not a rule: no Fassung before the WoGRefG (1.1.2016) is "
        "shipped, and the bound names it in its error"
    ),
    ("spalten/_rechnen.py", "_EPOCH"): "1.1.1970, the origin of the day counts of the columnar engine",
    ("spalten/_eingabe.py", "_EPOCH"): "1.1.1970, the origin of the day counts of the columnar engine",
}
"""(module under src/wohngeld, name the literal is bound to) -> why the date is not law."""


def _ist_datumsaufruf(node: ast.Call) -> bool:
    f = node.func
    name = f.id if isinstance(f, ast.Name) else f.attr if isinstance(f, ast.Attribute) else ""
    if name == "date":
        args = [*node.args, *(k.value for k in node.keywords)]
        return bool(args) and isinstance(args[0], ast.Constant) and isinstance(args[0].value, int)
    if name == "fromisoformat":
        erstes = node.args[0] if node.args else None
        return isinstance(erstes, ast.Constant) and isinstance(erstes.value, str)
    return False


def datumsliterale(quelle: str) -> list[tuple[int, str]]:
    """(line, name bound or "") of every ``date(<int>, …)`` / ``fromisoformat("<literal>")`` call."""
    baum = ast.parse(quelle)
    gebunden: dict[int, str] = {}
    for node in ast.walk(baum):
        ziel: ast.expr | None = None
        wert: ast.expr | None = None
        if isinstance(node, ast.Assign) and len(node.targets) == 1:
            ziel, wert = node.targets[0], node.value
        elif isinstance(node, ast.AnnAssign):
            ziel, wert = node.target, node.value
        if isinstance(ziel, ast.Name) and wert is not None:
            for sub in ast.walk(wert):
                gebunden[id(sub)] = ziel.id
    return [
        (node.lineno, gebunden.get(id(node), ""))
        for node in ast.walk(baum)
        if isinstance(node, ast.Call) and _ist_datumsaufruf(node)
    ]


def test_kein_rechtsdatum_im_code() -> None:
    """Every date literal in src/wohngeld is on the allow-list; every allow-list entry still exists."""
    gefunden: set[tuple[str, str]] = set()
    fremd: list[str] = []
    for pfad in sorted(SRC.rglob("*.py")):
        modul = pfad.relative_to(SRC).as_posix()
        for zeile, name in datumsliterale(pfad.read_text(encoding="utf-8")):
            if (modul, name) in ERLAUBT:
                gefunden.add((modul, name))
            else:
                fremd.append(f"{modul}:{zeile} ({name or 'ungebunden'})")
    assert not fremd, (
        "Datum im Code: als datierten Schlüssel in die Tabelle der Stufe legen "
        f"(docs/architektur.md) oder mit Grund in ERLAUBT aufnehmen: {fremd}"
    )
    assert gefunden == set(ERLAUBT), f"ERLAUBT nennt, was es nicht mehr gibt: {set(ERLAUBT) - gefunden}"


def test_der_scan_findet_ein_datum() -> None:
    """The scan itself: a date as in the removed ``_NR5_AB`` and a comparison as in the removed
    Vorrang switch are found; a date in a docstring or a message is not."""
    quelle = (
        'from datetime import date\n'
        '_NR5_AB = date(2020, 1, 1)\n'
        'def f(on):\n'
        '    """>>> f(date(2025, 7, 1))"""\n'
        '    x = "z. B. date(2025, 7, 1)"\n'
        '    return on < date(2023, 1, 1) or on < date.fromisoformat("2026-07-01")\n'
    )
    assert sorted(datumsliterale(quelle)) == [(2, "_NR5_AB"), (6, ""), (6, "")]
