"""``wohngeld antrag``: amount, documents, Vorrang hint and linked benefits of one case file."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import click

from ..errors import WohngeldError
from ..formats.faelle import lade_fall
from ..money import to_decimal
from ..procedure.antrag import antrag as gesamt
from ._gruppe import main
from ._optionen import (
    DATEI,
    RECHTSSTAND_DER_DATEI,
    datum,
    json_option,
    katalog_option,
    merkmal_option,
    rechtsstand_option,
    stichtag_option,
)

__all__ = ["antrag"]


def _euro(value: str | None, param: str) -> Decimal | None:
    if value is None:
        return None
    try:
        return to_decimal(value)
    except ValueError as exc:
        raise click.BadParameter(str(exc), param_hint=param) from None


@main.command(
    help="Alles für den Online-Antrag aus einer Falldatei (TOML/JSON): Wohngeld, Unterlagen, "
    "Vorrang-Hinweis gegenüber SGB II/XII und verbundene Leistungen."
)
@click.argument("datei", type=DATEI)
@json_option("Gesamtergebnis als JSON ausgeben.")
@stichtag_option("statt des Stichtags der Datei.")
@rechtsstand_option(RECHTSSTAND_DER_DATEI)
@katalog_option
@click.option(
    "--leistungen",
    "leistungen",
    type=DATEI,
    multiple=True,
    help="Eigener Katalog verbundener Leistungen (TOML), zusätzlich zum mitgelieferten; mehrfach möglich.",
)
@merkmal_option
@click.option("--bedarf", help="Bedarf nach SGB II/XII in €/Monat für den Vorrang-Hinweis.")
@click.option("--kindergeld", help="Kindergeld des Haushalts in €/Monat (Vorrang-Hinweis).")
@click.option("--kinderzuschlag", help="Kinderzuschlag in €/Monat (Vorrang-Hinweis).")
@click.option("--unterkunft", help="Unterkunftskosten in €/Monat (Vorrang-Hinweis; z. B. mit Heizung).")
@click.option("--rechenweg", is_flag=True, help="Im Text auch den Rechenweg des Betrags ausgeben.")
def antrag(
    datei: Path,
    als_json: bool,
    stichtag: str | None,
    rechtsstand: str | None,
    katalog: Path | None,
    leistungen: tuple[Path, ...],
    merkmale: tuple[str, ...],
    bedarf: str | None,
    kindergeld: str | None,
    kinderzuschlag: str | None,
    unterkunft: str | None,
    rechenweg: bool,
) -> None:
    """Print the combined answer for one case file."""
    on = datum(stichtag)
    bedarf_monat = _euro(bedarf, "--bedarf")
    kindergeld_monat = _euro(kindergeld, "--kindergeld")
    kinderzuschlag_monat = _euro(kinderzuschlag, "--kinderzuschlag")
    unterkunft_monat = _euro(unterkunft, "--unterkunft")
    try:
        fall = lade_fall(datei)
        name = rechtsstand or fall.extra.get("rechtsstand")
        a = gesamt(
            fall.haushalt,
            on=on or fall.stichtag,
            rechtsstand=str(name) if name else None,
            katalog_unterlagen=katalog,
            katalog_leistungen=list(leistungen),
            merkmale=merkmale,
            bedarf_monat=bedarf_monat,
            kindergeld_monat=kindergeld_monat,
            kinderzuschlag_monat=kinderzuschlag_monat,
            unterkunft_monat=unterkunft_monat,
        )
    except WohngeldError as exc:
        raise click.ClickException(str(exc)) from None
    click.echo(a.to_json() if als_json else a.text(rechenweg=rechenweg))
