"""The Python examples in the README and the docs run as written (they are the users' first contact)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FILES = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
BLOCK = re.compile(r"```python\n(.*?)```", re.S)

EXAMPLES = [
    pytest.param(code, id=f"{path.name}#{i}")
    for path in FILES
    for i, code in enumerate(BLOCK.findall(path.read_text(encoding="utf-8")), start=1)
]


@pytest.mark.parametrize("code", EXAMPLES)
def test_example_runs(code: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    # the optional extras (absent in `make test-min`): pandas, and numpy/pyarrow for wohngeld.spalten
    if "import pandas" in code:
        pytest.importorskip("pandas")
    if "spalten" in code:
        pytest.importorskip("numpy")
        pytest.importorskip("pyarrow")
    exec(compile(code, "<doc example>", "exec"), {"__name__": "__doc_example__"})
