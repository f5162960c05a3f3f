"""Former path of :mod:`wohngeld.law.mietenstufen.liste`, kept so that existing imports keep working."""

from __future__ import annotations

from typing import Any

from .law.mietenstufen import liste as _modul
from .law.mietenstufen.liste import *  # noqa: F403


def __getattr__(name: str) -> Any:
    """Every other name of the module, as before (private ones included)."""
    return getattr(_modul, name)
