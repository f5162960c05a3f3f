"""Rounding happens in ``money.py`` only (issue "One house for the law": rules of the house).

Every ``Decimal.quantize`` call and every use of a ``decimal`` rounding mode outside ``money.py`` would
be a second place where an amount is rounded; the columnar engine rounds integers in fixed point by
its own arithmetic (``spalten/_kern.py``), which tests/spalten compares with ``money`` row by row.
"""

from __future__ import annotations

import ast
from pathlib import Path

SRC = Path(__file__).resolve().parent.parent / "src" / "wohngeld"


def _stellen(path: Path) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Attribute) and node.attr == "quantize":
            found.append(f"{path.relative_to(SRC)}:{node.lineno} quantize")
        if isinstance(node, ast.ImportFrom) and node.module == "decimal":
            modi = [a.name for a in node.names if a.name.startswith("ROUND_")]
            if modi:
                found.append(f"{path.relative_to(SRC)}:{node.lineno} {', '.join(modi)}")
    return found


def test_quantize_and_rounding_modes_only_in_money() -> None:
    dateien = [p for p in sorted(SRC.rglob("*.py")) if p != SRC / "money.py"]
    stellen = [s for p in dateien for s in _stellen(p)]
    assert not stellen, f"Rundung außerhalb von money.py: {stellen}"


def test_the_check_finds_a_quantize() -> None:
    probe = SRC / "money.py"
    assert _stellen(probe), "money.py rundet: die Prüfung muss dort fündig werden"
