"""No function in src/ is longer than about 80 lines; the longer ones of today are listed and may only shrink.

A function that does not fit on a screen hides which § it applies; a long stage is cut into one small
function per rule. The list below is the debt left: an entry that grows, or a new function above the
limit, fails this test; an entry that shrinks below it is to be removed from the list.
"""

from __future__ import annotations

import ast
from pathlib import Path

SRC = Path(__file__).resolve().parent.parent / "src" / "wohngeld"
GRENZE = 80

BEKANNT: dict[str, int] = {
}


def laengen() -> dict[str, int]:
    """Lines of every function in src/wohngeld longer than :data:`GRENZE`, by ``path:name``."""
    found: dict[str, int] = {}
    for path in sorted(SRC.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef) and node.end_lineno is not None:
                n = node.end_lineno - node.lineno + 1
                if n > GRENZE:
                    found[f"{path.relative_to(SRC).as_posix()}:{node.name}"] = n
    return found


def test_keine_neue_lange_funktion() -> None:
    neu = {k: n for k, n in laengen().items() if k not in BEKANNT}
    assert not neu, f"Funktionen über {GRENZE} Zeilen: {neu}"


def test_bekannte_lange_funktionen_wachsen_nicht() -> None:
    ist = laengen()
    gewachsen = {k: (BEKANNT[k], n) for k, n in ist.items() if k in BEKANNT and n > BEKANNT[k]}
    assert not gewachsen, f"länger geworden (Liste, jetzt): {gewachsen}"
    erledigt = sorted(set(BEKANNT) - set(ist))
    assert not erledigt, f"nicht mehr über {GRENZE} Zeilen, aus BEKANNT streichen: {erledigt}"
