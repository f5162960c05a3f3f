"""Shared fixtures: the case files of tests/cases."""

from __future__ import annotations

from pathlib import Path

CASES = Path(__file__).parent / "cases"


def case_files() -> list[Path]:
    """Every case file, sorted."""
    return sorted(CASES.glob("*/*.toml"))
