"""Command line: thin wrappers over the library; no rule lives here.

Each module named in ``COMMANDS`` registers its commands on :data:`main` when it is imported.
"""

from __future__ import annotations

from importlib import import_module

from ._gruppe import main

__all__ = ["COMMANDS", "main"]

COMMANDS = (
    "aenderung",
    "antrag",
    "berechnen",
    "grenzen",
    "mietenstufe",
    "pruefen",
    "schema",
    "serve",
    "stapel",
    "unterlagen",
    "vergleich",
)
for _modul in COMMANDS:
    import_module(f".{_modul}", __name__)
