"""Command line: thin wrappers over the library; no rule lives here.

Each module registers its commands on :data:`main`; importing them here wires them up.
"""

from __future__ import annotations

from . import (
    aenderung,
    antrag,
    berechnen,
    grenzen,
    mietenstufe,
    pruefen,
    schema,
    stapel,
    unterlagen,
    vergleich,
)
from ._gruppe import main

__all__ = ["main"]
_COMMANDS = (
    aenderung,
    antrag,
    berechnen,
    grenzen,
    mietenstufe,
    pruefen,
    schema,
    stapel,
    unterlagen,
    vergleich,
)
