"""Former path of :mod:`wohngeld.formats.dataframe`, kept so that existing imports keep working."""

from __future__ import annotations

from typing import Any

from .formats import dataframe as _modul
from .formats.dataframe import *  # noqa: F403


def __getattr__(name: str) -> Any:
    """Every other name of the module, as before (private ones included)."""
    return getattr(_modul, name)
