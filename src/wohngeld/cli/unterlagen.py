"""``wohngeld unterlagen``: the documents to submit for one household from a case file."""

from __future__ import annotations

from pathlib import Path

import click

from ..catalogs.unterlagen import unterlagen as checkliste
from ..errors import WohngeldError
from ..formats.faelle import lade_fall
from ._gruppe import main

__all__ = ["unterlagen"]


@main.command(help="Listet die Unterlagen für den Wohngeldantrag eines Haushalts (Falldatei TOML/JSON).")
@click.argument("datei", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--json", "als_json", is_flag=True, help="Checkliste als JSON ausgeben.")
@click.option(
    "--katalog",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="Eigener Unterlagen-Katalog (TOML) statt des mitgelieferten.",
)
@click.option(
    "--merkmal",
    "merkmale",
    multiple=True,
    help="Zusätzliches Merkmal, das die Falldatei nicht kennt (z. B. eigenes_mehrfamilienhaus).",
)
def unterlagen(datei: Path, als_json: bool, katalog: Path | None, merkmale: tuple[str, ...]) -> None:
    """Print the Unterlagen-Checkliste of one case file."""
    try:
        fall = lade_fall(datei)
        c = checkliste(fall.haushalt, on=fall.stichtag, katalog=katalog, merkmale=merkmale)
    except WohngeldError as exc:
        raise click.ClickException(str(exc)) from None
    click.echo(c.to_json() if als_json else c.text())
