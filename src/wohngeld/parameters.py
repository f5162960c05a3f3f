"""Former path of :mod:`wohngeld.law.tabelle`, kept so that existing imports keep working."""

from __future__ import annotations

from typing import Any

from .law import tabelle as _modul
from .law.tabelle import *  # noqa: F403


def __getattr__(name: str) -> Any:
    """Every other name of the module, as before (private ones included)."""
    return getattr(_modul, name)
