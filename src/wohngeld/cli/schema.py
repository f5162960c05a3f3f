"""``wohngeld schema``: the JSON Schema of the input, for systems that validate before they call."""

from __future__ import annotations

import json

import click

from ..formats.schema import haushalt_schema
from ._gruppe import main
from ._optionen import json_option

__all__ = ["schema"]


@main.command(help="Gibt das JSON-Schema eines Haushalts (Eingabe) aus, zur Prüfung vor dem Aufruf.")
@json_option("Ausgabe als JSON (die einzige Form; für Einheitlichkeit).")
def schema(als_json: bool) -> None:
    """Print the JSON Schema of ``Haushalt``."""
    click.echo(json.dumps(haushalt_schema(), ensure_ascii=False, indent=2))
