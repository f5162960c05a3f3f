"""``wohngeld grenzen``: Einkommensgrenzen by members and Mietenstufe; with --einkommen the Miete."""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal
from pathlib import Path

import click

from ..analysis.einkommensgrenzen import Grenze, tafel
from ..darstellung import ROEMISCH
from ..errors import WohngeldError
from ..rechenweg import format_datum, format_euro
from ._gruppe import main
from ._optionen import datum, json_option, stichtag_option, szenario_laden, szenario_option

__all__ = ["grenzen"]


def _zelle(g: Grenze) -> str:
    return "–" if g.wert is None else format_euro(g.wert)


@main.command(
    help=(
        "Einkommensgrenzen: das höchste monatliche Gesamteinkommen, bei dem das Wohngeld noch die "
        "Bagatellgrenze (§ 21 Nr. 1 WoGG) erreicht — auf den Cent, je Haushaltsgröße und Mietenstufe. "
        "Ohne --miete: Miete mindestens in Höhe des Höchstbetrags (wie die amtlichen Tabellen). "
        "Mit --einkommen umgekehrt: die niedrigste Miete, ab der es Wohngeld gibt."
    )
)
@click.option("--mitglieder", "-n", type=click.IntRange(1, 99), multiple=True,
              help="Haushaltsmitglieder (mehrfach möglich; Standard 1–5).")
@click.option("--mietenstufe", "-s", type=click.IntRange(1, 7), multiple=True,
              help="Mietenstufe 1–7 (mehrfach möglich; Standard alle).")
@click.option("--gemeinde", help="Gemeinde (AGS oder Name) statt --mietenstufe.")
@click.option("--miete", help="Bruttokaltmiete EUR/Monat (Standard: mindestens der Höchstbetrag).")
@click.option("--einkommen", help="Gesamteinkommen EUR/Monat: gesucht ist dann die niedrigste Miete.")
@stichtag_option("(Standard: heute).")
@szenario_option
@json_option()
def grenzen(
    mitglieder: tuple[int, ...],
    mietenstufe: tuple[int, ...],
    gemeinde: str | None,
    miete: str | None,
    einkommen: str | None,
    stichtag: str | None,
    szenario_datei: Path | None,
    als_json: bool,
) -> None:
    """Print a table of limits (members × Mietenstufen)."""
    on = datum(stichtag) or date.today()
    store = szenario_laden(szenario_datei)
    if gemeinde and mietenstufe:
        raise click.UsageError("--gemeinde oder --mietenstufe angeben, nicht beides")
    if einkommen is not None and miete is not None:
        raise click.UsageError("--miete und --einkommen schließen sich aus: gesucht ist jeweils das andere")
    ns = mitglieder or (1, 2, 3, 4, 5)
    stufen: tuple[int | None, ...] = (None,) if gemeinde else (mietenstufe or tuple(range(1, 8)))
    try:
        zeilen = tafel(mitglieder=ns, mietenstufen=stufen, on=on, gemeinde=gemeinde, miete_monat=miete,
                       gesamteinkommen_monat=einkommen, rechtsstand=store)
    except (WohngeldError, ValueError) as exc:
        raise click.ClickException(" ".join(str(exc).split())) from None
    if als_json:
        click.echo(json.dumps([g.to_dict() for z in zeilen for g in z], ensure_ascii=False, indent=2))
        return
    erste = zeilen[0][0]
    if einkommen is not None:
        titel = (
            f"Niedrigste Bruttokaltmiete mit Wohngeld bei einem Gesamteinkommen von "
            f"{format_euro(erste.gesamteinkommen_monat or Decimal(0))} monatlich"
        )
    else:
        bei = (
            f"Miete {format_euro(erste.miete_monat)}"
            if erste.miete_monat is not None
            else ("Miete mindestens in Höhe des Höchstbetrags")
        )
        titel = f"Höchstes monatliches Gesamteinkommen mit Wohngeld ({bei})"
    click.echo(f"{titel}\nStichtag {format_datum(on)}, {erste.rechtsstand}; §§ 19, 21 Nr. 1 WoGG\n")
    kopf = ["Mitglieder", *(f"Stufe {ROEMISCH[g.mietenstufe - 1]}" for g in zeilen[0])]
    if gemeinde:
        kopf[1] = f"{gemeinde} ({kopf[1]})"
    breite = max(14, *(len(k) for k in kopf[1:]))
    click.echo(f"{kopf[0]:<10}" + "".join(f"{k:>{breite + 2}}" for k in kopf[1:]))
    for n, zeile in zip(ns, zeilen, strict=True):
        click.echo(f"{n:<10}" + "".join(f"{_zelle(g):>{breite + 2}}" for g in zeile))
    click.echo("\n– : kein Wohngeld bei jedem Wert")
