"""``wohngeld berechnen`` and ``wohngeld beispiel``: one household from a case file."""

from __future__ import annotations

from datetime import date
from importlib import resources
from pathlib import Path

import click

from ..engine import calculate
from ..errors import WohngeldError
from ..formats.faelle import Fall, lade_fall
from ..law.rechtsstand import ParameterStore
from ._gruppe import main
from ._optionen import (
    RECHTSSTAND_DER_DATEI,
    json_option,
    rechtsstand_option,
    stichtag_option,
    szenario_laden,
    szenario_option,
)

__all__ = ["beispiel", "berechnen"]


def _datum(value: str | None) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} ist kein Datum (JJJJ-MM-TT)") from None


def _ausgabe(
    fall: Fall,
    stichtag: date | None,
    als_json: bool,
    rechtsstand: str | ParameterStore | None = None,
) -> None:
    name = rechtsstand or fall.extra.get("rechtsstand")
    r = calculate(
        fall.haushalt,
        on=stichtag or fall.stichtag,
        rechtsstand=name if isinstance(name, ParameterStore) else (str(name) if name else None),
    )
    if als_json:
        click.echo(r.to_json())
        return
    click.echo(f"{fall.title}\nQuelle: {fall.source}\n" if fall.source else f"{fall.title}\n")
    click.echo(r.explain())


@main.command(help="Berechnet einen Haushalt aus einer Falldatei (TOML oder JSON).")
@click.argument("datei", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@stichtag_option("statt des Stichtags der Datei.")
@rechtsstand_option(RECHTSSTAND_DER_DATEI)
@szenario_option
@json_option()
def berechnen(
    datei: Path, stichtag: str | None, rechtsstand: str | None, szenario_datei: Path | None, als_json: bool
) -> None:
    """Compute one case file."""
    if rechtsstand and szenario_datei:
        raise click.UsageError(
            "--rechtsstand und --szenario schließen sich aus (ein Szenario hat eine Basis)"
        )
    try:
        _ausgabe(lade_fall(datei), _datum(stichtag), als_json, szenario_laden(szenario_datei) or rechtsstand)
    except WohngeldError as exc:
        raise click.ClickException(str(exc)) from None


@main.command(help="Rechnet das eingebaute Beispiel (Dresden 2023, Beispiel 1) vor.")
@json_option()
def beispiel(als_json: bool) -> None:
    """Compute the built-in example."""
    ref = resources.files("wohngeld") / "data" / "beispiele" / "dresden-2023-beispiel-1.toml"
    with resources.as_file(ref) as path:
        _ausgabe(lade_fall(path), None, als_json)
