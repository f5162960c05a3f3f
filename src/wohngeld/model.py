"""Former path of :mod:`wohngeld.input.haushalt`, kept so that existing imports keep working."""

from __future__ import annotations

from typing import Any

from .input import haushalt as _modul
from .input.haushalt import *  # noqa: F403


def __getattr__(name: str) -> Any:
    """Every other name of the module, as before (private ones included)."""
    return getattr(_modul, name)
