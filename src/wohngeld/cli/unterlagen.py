"""``wohngeld unterlagen``: the documents to submit for one household from a case file."""

from __future__ import annotations

from pathlib import Path

import click

from ..catalogs.unterlagen import unterlagen as checkliste
from ..errors import WohngeldError
from ..formats.faelle import lade_fall
from ._gruppe import main
from ._optionen import DATEI, json_option, katalog_option, merkmal_option

__all__ = ["unterlagen"]


@main.command(help="Listet die Unterlagen für den Wohngeldantrag eines Haushalts (Falldatei TOML/JSON).")
@click.argument("datei", type=DATEI)
@json_option("Checkliste als JSON ausgeben.")
@katalog_option
@merkmal_option
def unterlagen(datei: Path, als_json: bool, katalog: Path | None, merkmale: tuple[str, ...]) -> None:
    """Print the Unterlagen-Checkliste of one case file."""
    try:
        fall = lade_fall(datei)
        c = checkliste(fall.haushalt, on=fall.stichtag, katalog=katalog, merkmale=merkmale)
    except WohngeldError as exc:
        raise click.ClickException(str(exc)) from None
    click.echo(c.to_json() if als_json else c.text())
