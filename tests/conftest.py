"""Shared fixtures and the hypothesis profiles.

Locally hypothesis explores new examples on every run; in CI (``CI`` set) the examples are
derandomized so that a run is repeatable. Neither profile has a deadline: the first call of a
test may load data files, which is not what the properties are about.
"""

from __future__ import annotations

import os
from pathlib import Path

from hypothesis import HealthCheck, settings

CASES = Path(__file__).parent / "cases"

EIGENER_UNTERLAGEN_KATALOG = (
    'katalog = "unterlagen"\nstand = 2026-01-01\ngrundlage = "§ 60 SGB I"\nquelle = "Stadt X"\n'
    '[[unterlage]]\nid = "ausweis"\ntitel = "Personalausweis"\ngrund = "Identität"\n'
    'zitat = "§ 60 SGB I"\nquelle = "Stadt X"\n'
)
"""A municipality's own documents catalogue with one entry (tests of replacing the shipped one)."""

settings.register_profile("dev", deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.register_profile(
    "ci", deadline=None, suppress_health_check=[HealthCheck.too_slow], derandomize=True, print_blob=True
)
settings.register_profile(
    "gruendlich", deadline=None, suppress_health_check=[HealthCheck.too_slow], max_examples=3000
)  # HYPOTHESIS_PROFILE=gruendlich: a long search before a release
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE") or ("ci" if os.environ.get("CI") else "dev"))


def case_files() -> list[Path]:
    """Every case file, sorted."""
    return sorted(CASES.glob("*/*.toml"))
