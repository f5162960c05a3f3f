"""``wohngeld aenderung``: what a change in the Bewilligungszeitraum means (§ 27 WoGG), two case files."""

from __future__ import annotations

from pathlib import Path

import click

from ..errors import WohngeldError
from ..formats.faelle import lade_fall
from ..procedure.aenderung import aenderung as folge
from ._gruppe import main
from ._optionen import DATEI, datum, json_option, rechtsstand_option

__all__ = ["aenderung"]

@main.command(
    help="Vergleicht den bewilligten Haushalt (BEWILLIGT) mit dem geänderten (NEU) nach § 27 WoGG: "
    "Mitteilungspflicht, Neuentscheidung von Amts wegen oder Erhöhungsantrag, mit neuem Betrag."
)
@click.argument("bewilligt", type=DATEI)
@click.argument("neu", type=DATEI)
@click.option(
    "--bewilligt-ab",
    help="Beginn des Bewilligungszeitraums JJJJ-MM-TT, ein Monatserster "
    "(Standard: bewilligungszeitraum_ab oder Stichtag von BEWILLIGT).",
)
@click.option("--aenderung-ab", help="Tag der Änderung JJJJ-MM-TT (Standard: Stichtag von NEU).")
@click.option("--monate", type=click.IntRange(1, 24), default=None,
              help="Länge des Bewilligungszeitraums in Monaten (Standard: 12, § 25 Abs. 1 WoGG).")
@click.option("--voruebergehend", is_flag=True,
              help="Die Änderung ist nur vorübergehend (§ 27 Abs. 2 und 3 WoGG greifen dann nicht).")
@rechtsstand_option("das geltende Recht")
@json_option()
def aenderung(
    bewilligt: Path,
    neu: Path,
    bewilligt_ab: str | None,
    aenderung_ab: str | None,
    monate: int | None,
    voruebergehend: bool,
    rechtsstand: str | None,
    als_json: bool,
) -> None:
    """Print the consequence of a change between two case files."""
    ab = datum(bewilligt_ab, param="--bewilligt-ab")
    geaendert = datum(aenderung_ab, param="--aenderung-ab")
    try:
        alt, jetzt = lade_fall(bewilligt), lade_fall(neu)
        a = folge(
            alt.haushalt,
            jetzt.haushalt,
            bewilligt_ab=ab or (alt.haushalt.bewilligungszeitraum_ab or alt.stichtag),
            aenderung_ab=geaendert or jetzt.stichtag,
            bewilligungszeitraum_monate=monate,
            voruebergehend=voruebergehend,
            rechtsstand=rechtsstand,
        )
    except WohngeldError as exc:
        raise click.ClickException(str(exc)) from None
    click.echo(a.to_json() if als_json else a.text())
