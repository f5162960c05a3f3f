"""``wohngeld vergleich PFAD``: case files under two rule sets, per household and in sum."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import click

from ..analysis.vergleich import vergleich
from ..errors import WohngeldError
from ..formats.faelle import Fall, lade_fall
from ..law.rechtsstand import regelwerke
from ._gruppe import main
from ._optionen import json_option, stichtag_option

__all__ = ["vergleich_cmd"]


def _faelle(pfad: Path) -> list[Fall]:
    if pfad.is_file():
        return [lade_fall(pfad)]
    dateien = sorted(p for p in pfad.rglob("*") if p.suffix in (".toml", ".json") and p.is_file())
    if not dateien:
        raise click.ClickException(f"{pfad}: keine Falldateien (*.toml, *.json) gefunden")
    faelle = []
    for p in dateien:
        fall = lade_fall(p)
        name = p.relative_to(pfad).with_suffix("").as_posix()
        faelle.append(
            Fall(name, fall.title, fall.source, fall.stichtag, fall.haushalt, fall.erwartet, fall.extra)
        )
    return faelle


def _stichtag(value: str | None, a: str, b: str) -> date:
    if value is not None:
        try:
            return date.fromisoformat(value)
        except ValueError:
            raise click.BadParameter(
                f"{value!r} ist kein Datum (JJJJ-MM-TT)", param_hint="--stichtag"
            ) from None
    bekannt = regelwerke()
    for name in (b, a):
        if name in bekannt:
            return bekannt[name].valid_from
    raise click.BadParameter(
        "ohne benanntes Regelwerk (z. B. 'Entwurf 2027') ist der Stichtag anzugeben", param_hint="--stichtag"
    )


@main.command(
    name="vergleich",
    help="Vergleicht Falldateien (Datei oder Ordner) unter zwei Rechtsständen, "
    "je Haushalt und zusammengefasst.",
)
@click.argument("pfad", type=click.Path(exists=True, path_type=Path))
@click.option("--a", "a", default="geltendes Recht", show_default=True, help="Rechtsstand a.")
@click.option("--b", "b", default="Entwurf 2027", show_default=True, help="Rechtsstand b.")
@stichtag_option("(Standard: Beginn des benannten Regelwerks).")
@click.option(
    "--mietenstufe-fest", is_flag=True, help="Haushalte mit Gemeinde behalten unter b die Mietenstufe aus a."
)
@json_option()
def vergleich_cmd(
    pfad: Path, a: str, b: str, stichtag: str | None, mietenstufe_fest: bool, als_json: bool
) -> None:
    """Compare case files under two rule sets."""
    try:
        v = vergleich(
            _faelle(pfad), on=_stichtag(stichtag, a, b), a=a, b=b, mietenstufe_fest=mietenstufe_fest
        )
    except WohngeldError as exc:
        raise click.ClickException(str(exc)) from None
    click.echo(v.to_json() if als_json else v.text())
