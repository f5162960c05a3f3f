"""``wohngeld mietenstufe ORT``: the Mietenstufe of a Gemeinde (AGS or name)."""

from __future__ import annotations

import json
from datetime import date

import click

from ..errors import AmbiguousMunicipality, UnknownMunicipality, WohngeldError
from ..mietstufen import Gemeinde, mietenstufe
from ..rent import ROEMISCH
from ._gruppe import main

__all__ = ["mietenstufe_cmd"]


def _gemeinde(g: object) -> dict[str, object]:
    assert isinstance(g, Gemeinde)
    return {"ags": g.ags, "name": g.name, "kreis": g.kreis, "land": g.land, "mietenstufe": g.mietenstufe}


@main.command(
    name="mietenstufe", help="Mietenstufe einer Gemeinde (AGS oder Name) nach der Anlage zu § 1 Abs. 3 WoGV."
)
@click.argument("ort")
@click.option("--stichtag", default=None, help="Stichtag JJJJ-MM-TT (Standard: heute).")
@click.option("--json", "als_json", is_flag=True, help="Ergebnis als JSON ausgeben.")
def mietenstufe_cmd(ort: str, stichtag: str | None, als_json: bool) -> None:
    """Look a Gemeinde up."""
    try:
        on = date.fromisoformat(stichtag) if stichtag else date.today()
    except ValueError:
        raise click.BadParameter(
            f"{stichtag!r} ist kein Datum (JJJJ-MM-TT)", param_hint="--stichtag"
        ) from None
    try:
        a = mietenstufe(ort, on=on)
    except AmbiguousMunicipality as exc:
        if als_json:
            click.echo(json.dumps({"mehrdeutig": [_gemeinde(c) for c in exc.candidates]}, ensure_ascii=False))
        raise click.ClickException(str(exc)) from None
    except UnknownMunicipality as exc:
        raise click.ClickException(str(exc)) from None
    except WohngeldError as exc:
        raise click.ClickException(str(exc)) from None
    if als_json:
        data = {
            **_gemeinde(a.gemeinde),
            "mietenstufe": a.mietenstufe,
            "herkunft": a.gemeinde.herkunft,
            "valid_from": a.valid_from.isoformat(),
            "source": a.source,
        }
        click.echo(json.dumps(data, ensure_ascii=False, indent=2))
        return
    click.echo(f"Mietenstufe {ROEMISCH[a.mietenstufe - 1]}")
    click.echo(a.text())
