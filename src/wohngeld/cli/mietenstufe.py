"""``wohngeld mietenstufe EINGABE``: the Mietenstufe of a Gemeinde (PLZ, AGS or name)."""

from __future__ import annotations

import json
from datetime import date

import click

from ..darstellung import ROEMISCH
from ..errors import AmbiguousMunicipality, UnknownMunicipality, WohngeldError
from ..law.mietenstufen.liste import Gemeinde, mietenstufe
from ._gruppe import main
from ._optionen import json_option, stichtag_option

__all__ = ["mietenstufe_cmd"]


def _gemeinde(g: object) -> dict[str, object]:
    assert isinstance(g, Gemeinde)
    return {"ags": g.ags, "name": g.name, "kreis": g.kreis, "land": g.land, "mietenstufe": g.mietenstufe}


def _nach_plz(plz: str, ort: str | None, on: date, als_json: bool) -> None:
    """Answer for a Postleitzahl; a choice of Gemeinden is printed and ends with exit code 1."""
    from ..law.mietenstufen.plz import mietenstufe_nach_plz

    try:
        a = mietenstufe_nach_plz(plz, on=on, ort=ort)
    except WohngeldError as exc:
        raise click.ClickException(str(exc)) from None
    if als_json:
        click.echo(json.dumps(a.to_json(), ensure_ascii=False, indent=2))
    elif a.mietenstufe is not None:
        click.echo(f"Mietenstufe {ROEMISCH[a.mietenstufe - 1]}")
        click.echo(a.text())
    else:
        click.echo(a.text())
    if a.mietenstufe is None:
        raise SystemExit(1)


@main.command(
    name="mietenstufe",
    short_help="Mietenstufe einer Gemeinde nach Postleitzahl, Gemeindeschlüssel oder Name.",
    help="Mietenstufe nach der Anlage zu § 1 Abs. 3 WoGV: EINGABE ist eine Postleitzahl (5 Ziffern), "
    "ein Amtlicher Gemeindeschlüssel (8 Ziffern) oder der Name einer Gemeinde. Umfasst die PLZ Gemeinden "
    "mit verschiedenen Mietenstufen, werden sie zur Wahl aufgelistet (Exit-Code 1); --ort wählt.",
)
@click.argument("eingabe", metavar="EINGABE")
@click.option("--ort", default=None, help="Mit einer PLZ: Name der Gemeinde, wenn die PLZ mehrere umfasst.")
@stichtag_option("(Standard: heute).")
@json_option()
def mietenstufe_cmd(eingabe: str, ort: str | None, stichtag: str | None, als_json: bool) -> None:
    """Look a Gemeinde up by PLZ, AGS or name."""
    try:
        on = date.fromisoformat(stichtag) if stichtag else date.today()
    except ValueError:
        raise click.BadParameter(
            f"{stichtag!r} ist kein Datum (JJJJ-MM-TT)", param_hint="--stichtag"
        ) from None
    text = eingabe.strip()
    if text.isdigit() and len(text) == 5:
        _nach_plz(text, ort, on, als_json)
        return
    if text.isdigit() and len(text) == 4:
        raise click.ClickException(
            f"{text!r} hat vier Ziffern; meinten Sie die Postleitzahl 0{text}? "
            "(Postleitzahlen haben fünf Ziffern, Gemeindeschlüssel acht)"
        )
    if text.isdigit() and len(text) != 8:
        raise click.ClickException(
            f"{text!r} hat {len(text)} Ziffern; erwartet: Postleitzahl (5 Ziffern), Amtlicher "
            "Gemeindeschlüssel (8 Ziffern) oder der Name der Gemeinde"
        )
    if any(c.isdigit() for c in text) and not text.isdigit():
        raise click.ClickException(
            f"{text!r} mischt Ziffern und andere Zeichen; erwartet: Postleitzahl (5 Ziffern), Amtlicher "
            "Gemeindeschlüssel (8 Ziffern) oder der Name der Gemeinde"
        )
    if ort is not None:
        raise click.ClickException("--ort gilt nur zusammen mit einer Postleitzahl (5 Ziffern)")
    try:
        a = mietenstufe(text, on=on)
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
