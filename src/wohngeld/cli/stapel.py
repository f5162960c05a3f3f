"""``wohngeld stapel EIN AUS``: a CSV or JSON Lines file of households → the same rows with results."""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any, Literal

import click

from ..batch import ERGEBNIS_SPALTEN, stapel_datei
from ..errors import WohngeldError
from ._gruppe import main
from ._optionen import datum, szenario_laden, szenario_option

__all__ = ["stapel"]

_FORMATE = {".csv": "csv", ".jsonl": "jsonl", ".ndjson": "jsonl"}


def _format(path: Path, angegeben: str | None) -> Literal["csv", "jsonl"]:
    if angegeben == "csv":
        return "csv"
    if angegeben == "jsonl":
        return "jsonl"
    f = _FORMATE.get(path.suffix.lower())
    if f is None:
        raise click.BadParameter(
            f"{path.name}: Format nicht an der Endung erkennbar (.csv, .jsonl); --format angeben",
            param_hint="EINGABE",
        )
    return "csv" if f == "csv" else "jsonl"


def _zaehlen(path: Path, fmt: str, kodierung: str) -> int:
    with path.open(encoding=kodierung, newline="") as fh:
        if fmt == "csv":
            return max(sum(1 for row in csv.reader(fh) if row) - 1, 0)
        return sum(1 for line in fh if line.strip())


@main.command(
    help=(
        "Berechnet eine Datei mit einem Haushalt je Zeile (CSV oder JSON Lines) und schreibt dieselben "
        f"Zeilen mit den Spalten {', '.join(ERGEBNIS_SPALTEN)} nach AUSGABE. Eine fehlerhafte Zeile "
        "erhält ihren Fehler, der Lauf geht weiter; keine Zeile geht verloren, die Reihenfolge bleibt."
    )
)
@click.argument("eingabe", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.argument("ausgabe", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--stichtag", help="Stichtag JJJJ-MM-TT für Zeilen ohne eigenen Stichtag.")
@click.option("--format", "fmt", type=click.Choice(["csv", "jsonl"]), help="Format (sonst aus der Endung).")
@szenario_option
@click.option(
    "--kodierung",
    default="utf-8-sig",
    show_default=True,
    help="Zeichenkodierung der Eingabe (z. B. cp1252 für ältere Excel-Dateien); Ausgabe: UTF-8.",
)
@click.option("--streng", is_flag=True, help="Exit-Code 1, wenn eine Zeile einen Fehler hat.")
@click.option("--json", "als_json", is_flag=True, help="Zusammenfassung als JSON auf stdout.")
@click.option(
    "--prozesse",
    type=click.IntRange(min=0),
    default=1,
    show_default=True,
    help="Anzahl der Arbeitsprozesse (0: einer je Prozessorkern); gleiche Ausgabe, gleiche Reihenfolge.",
)
@click.option(
    "--zusammenfassung",
    is_flag=True,
    help="Danach Empfänger, Summe und Mittel des Wohngelds je Mietenstufe und Haushaltsgröße ausgeben "
    "(mit Spalte gewicht hochgerechnet).",
)
@click.option(
    "--vergleich",
    metavar="RECHTSSTAND",
    help="Mit --zusammenfassung: dieselben Zeilen auch nach RECHTSSTAND (z. B. 'Entwurf 2027') berechnen "
    "und beide Auswertungen nebeneinander zeigen.",
)
def stapel(
    eingabe: Path,
    ausgabe: Path,
    stichtag: str | None,
    fmt: str | None,
    szenario_datei: Path | None,
    kodierung: str,
    streng: bool,
    als_json: bool,
    prozesse: int = 1,
    zusammenfassung: bool = False,
    vergleich: str | None = None,
) -> None:
    """Compute every row of EINGABE; write the rows with results to AUSGABE."""
    if ausgabe.resolve() == eingabe.resolve():
        raise click.BadParameter("AUSGABE darf nicht EINGABE sein", param_hint="AUSGABE")
    f = _format(eingabe, fmt)
    on = datum(stichtag)
    store = szenario_laden(szenario_datei)
    tty = sys.stderr.isatty()
    try:
        laenge = _zaehlen(eingabe, f, kodierung) if tty else 0
    except (UnicodeDecodeError, LookupError) as exc:
        raise click.ClickException(
            f"{eingabe}: nicht als {kodierung} lesbar ({exc}); --kodierung angeben"
        ) from None

    def huelle(rows: Iterator[Any]) -> Iterator[Any]:
        if not tty:
            yield from rows
            return
        with click.progressbar(rows, length=laenge, label="Berechne", file=sys.stderr) as bar:
            yield from bar

    try:
        with (
            eingabe.open(encoding=kodierung, newline="") as ein,
            ausgabe.open("w", encoding="utf-8", newline="") as aus,
        ):
            if prozesse != 1:
                from ..prozesse import pruefe_prozesse, stapel_datei_parallel

                bilanz = stapel_datei_parallel(
                    ein, aus, format=f, on=on, rechtsstand=store, huelle=huelle,
                    prozesse=pruefe_prozesse(prozesse),
                )
            else:
                bilanz = stapel_datei(ein, aus, format=f, on=on, rechtsstand=store, huelle=huelle)
    except WohngeldError as exc:  # the file as a whole cannot be read (e.g. no header)
        raise click.ClickException(str(exc)) from None
    except (UnicodeDecodeError, LookupError) as exc:
        raise click.ClickException(
            f"{eingabe}: nicht als {kodierung} lesbar ({exc}); --kodierung angeben, z. B. cp1252"
        ) from None
    if als_json:
        click.echo(json.dumps(bilanz.to_dict(), ensure_ascii=False))
    else:
        click.echo(
            f"{bilanz.zeilen} Zeilen: {bilanz.berechnet} berechnet, {bilanz.fehler} mit Fehler → {ausgabe}",
            err=True,
        )
        if bilanz.ohne_bedeutung:
            click.echo(
                "Hinweis: unverändert übernommen (keine Eingabe der Berechnung): "
                + ", ".join(bilanz.ohne_bedeutung),
                err=True,
            )
    if zusammenfassung or vergleich:
        _zusammenfassung(eingabe, ausgabe, f, on, store, kodierung, vergleich, prozesse, als_json)
    if streng and bilanz.fehler:
        raise SystemExit(1)


def _zusammenfassung(
    eingabe: Path,
    ausgabe: Path,
    f: Literal["csv", "jsonl"],
    on: Any,
    store: Any,
    kodierung: str,
    vergleich: str | None,
    prozesse: int,
    als_json: bool,
) -> None:
    """The aggregate report of AUSGABE (and of the same rows under VERGLEICH), on stdout."""
    import tempfile

    from ..zusammenfassung import aus_stapel_datei, nebeneinander, tabelle_text

    bericht = aus_stapel_datei(ausgabe, f)
    if vergleich is not None:
        from ..parameters import named_store
        from ..prozesse import pruefe_prozesse, stapel_datei_parallel

        try:
            zweiter = named_store(vergleich)
        except WohngeldError as exc:
            raise click.BadParameter(str(exc), param_hint="--vergleich") from None
        with tempfile.TemporaryDirectory() as tmp:
            pfad = Path(tmp) / f"vergleich.{f}"
            with eingabe.open(encoding=kodierung, newline="") as ein, pfad.open("w", encoding="utf-8") as aus:
                if prozesse != 1:
                    stapel_datei_parallel(
                        ein, aus, format=f, on=on, rechtsstand=zweiter, prozesse=pruefe_prozesse(prozesse)
                    )
                else:
                    stapel_datei(ein, aus, format=f, on=on, rechtsstand=zweiter)
            b2 = aus_stapel_datei(pfad, f)
        name1 = getattr(store, "name", None) or "geltendes Recht"
        bericht = nebeneinander(bericht, b2, (name1, vergleich))
    if als_json:
        click.echo(json.dumps({"zusammenfassung": bericht}, ensure_ascii=False, default=str))
    else:
        click.echo(tabelle_text(bericht))
