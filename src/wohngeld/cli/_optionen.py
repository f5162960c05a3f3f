"""Options shared by the commands of this package: Stichtag and Szenario."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import click

from ..analysis.szenario import Szenario, lade_szenario
from ..errors import WohngeldError

__all__ = ["SZENARIO_HILFE", "datum", "szenario_laden", "szenario_option"]


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
