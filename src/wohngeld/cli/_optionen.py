"""Options shared by the commands of this package: Stichtag, Rechtsstand, Szenario, JSON, catalogue."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any, TypeVar

import click

from ..analysis.szenario import Szenario, lade_szenario
from ..errors import WohngeldError

__all__ = [
    "DATEI",
    "RECHTSSTAND_DER_DATEI",
    "SZENARIO_HILFE",
    "datum",
    "json_option",
    "katalog_option",
    "merkmal_option",
    "rechtsstand_option",
    "stichtag_option",
    "szenario_laden",
    "szenario_option",
]

F = TypeVar("F", bound=Callable[..., Any])

DATEI = click.Path(exists=True, dir_okay=False, path_type=Path)
"""An existing file (not a folder), given to the command as a :class:`~pathlib.Path`."""


def datum(value: str | None, *, param: str = "--stichtag") -> date | None:
    """A date from JJJJ-MM-TT, or None; a clear usage error otherwise."""
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} ist kein Datum (JJJJ-MM-TT)", param_hint=param) from None


def szenario_laden(path: Path | None) -> Szenario | None:
    """The scenario of ``--szenario FILE``; errors become usage errors naming the file and key."""
    if path is None:
        return None
    try:
        return lade_szenario(path)
    except WohngeldError as exc:
        raise click.BadParameter(str(exc), param_hint="--szenario") from None


SZENARIO_HILFE = "Szenario-Datei (TOML): geänderte Parameter ab einem Datum (siehe docs/szenarien.md)."

szenario_option = click.option(
    "--szenario",
    "szenario_datei",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    default=None,
    help=SZENARIO_HILFE,
)
"""The ``--szenario FILE`` option, the same on every command (parameter ``szenario_datei``)."""


def json_option(hilfe: str = "Ergebnis als JSON ausgeben.") -> Callable[[F], F]:
    """The ``--json`` flag (parameter ``als_json``) with the command's own help text."""
    return click.option("--json", "als_json", is_flag=True, help=hilfe)


def stichtag_option(hilfe: str) -> Callable[[F], F]:
    """The ``--stichtag JJJJ-MM-TT`` option; ``hilfe`` says what holds without it."""
    return click.option("--stichtag", default=None, help=f"Stichtag JJJJ-MM-TT {hilfe}")


def rechtsstand_option(standard: str) -> Callable[[F], F]:
    """The ``--rechtsstand NAME`` option (a named rule set); ``standard`` says what holds without it."""
    hilfe = f"Benanntes Regelwerk, z. B. 'Entwurf 2027' (Standard: {standard})."
    return click.option("--rechtsstand", default=None, help=hilfe)


RECHTSSTAND_DER_DATEI = "das am Stichtag geltende Recht oder der Schlüssel 'rechtsstand' der Datei"
"""What holds without ``--rechtsstand`` for a command that reads a case file."""

katalog_option = click.option(
    "--katalog", type=DATEI, help="Eigener Unterlagen-Katalog (TOML) statt des mitgelieferten."
)
"""The ``--katalog FILE`` option: a municipality's Unterlagen catalogue instead of the shipped one."""

merkmal_option = click.option(
    "--merkmal",
    "merkmale",
    multiple=True,
    help="Zusätzliches Merkmal, das die Falldatei nicht kennt (z. B. eigenes_mehrfamilienhaus).",
)
"""The ``--merkmal`` option (parameter ``merkmale``), repeatable: facts the case file does not hold."""
