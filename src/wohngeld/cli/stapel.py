"""``wohngeld stapel EIN AUS``: a CSV or JSON Lines file of households → the same rows with results."""

from __future__ import annotations

import contextlib
import csv
import json
import signal
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO, Any, Literal

import click

from ..errors import WohngeldError
from ..formats.prozesse import pruefe_prozesse
from ..formats.stapel import ERGEBNIS_SPALTEN, stapel_pfad
from ._gruppe import main
from ._optionen import datum, json_option, stichtag_option, szenario_laden, szenario_option

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
            return max(sum(1 for _ in csv.reader(fh)) - 1, 0)
        return sum(1 for _ in fh)


def _zahl(n: float) -> str:
    return f"{n:,.0f}".replace(",", ".")


class _Fehler(click.ClickException):
    """A run that is refused or fails: one German line on stderr, exit code 1."""

    def show(self, file: IO[Any] | None = None) -> None:
        click.echo(f"Fehler: {self.format_message()}", err=True)


@contextlib.contextmanager
def _sigterm_als_abbruch() -> Iterator[None]:
    """SIGTERM (a cron job or service stopped) ends the run like Ctrl-C: the temporary file is
    removed and AUSGABE stays as it was; exit code 143."""

    def beenden(signum: int, frame: object) -> None:
        click.echo("Abgebrochen (SIGTERM); AUSGABE bleibt unverändert.", err=True)
        raise SystemExit(128 + signum)

    try:
        alt = signal.signal(signal.SIGTERM, beenden)
    except ValueError:  # not the main thread: leave the handler alone
        yield
        return
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, alt)


class _Fortschritt:
    """A progress line on stderr every ``intervall`` seconds: rows done, rows/s, errors so far."""

    def __init__(self, intervall: float, uhr: Callable[[], float] | None = None) -> None:
        self.intervall = intervall
        self.uhr = uhr or time.monotonic
        self.start = self.uhr()
        self.naechste = self.start + intervall

    def __call__(self, zeilen: int, fehler: int) -> None:
        jetzt = self.uhr()
        if jetzt < self.naechste:
            return
        self.naechste = jetzt + self.intervall
        rate = zeilen / max(jetzt - self.start, 1e-9)
        click.echo(
            f"Fortschritt: {_zahl(zeilen)} Zeilen, {_zahl(rate)} Zeilen/s, {_zahl(fehler)} mit Fehler",
            err=True,
        )


@main.command(
    help=(
        "Berechnet eine Datei mit einem Haushalt je Zeile (CSV oder JSON Lines) und schreibt dieselben "
        f"Zeilen mit den Spalten {', '.join(ERGEBNIS_SPALTEN)} nach AUSGABE. Eine fehlerhafte Zeile "
        "erhält ihren Fehler, der Lauf geht weiter; keine Zeile geht verloren, die Reihenfolge bleibt. "
        "AUSGABE entsteht erst, wenn der Lauf vollständig ist; eine vorhandene Datei bleibt sonst "
        "unverändert."
    )
)
@click.argument("eingabe", type=click.Path(path_type=Path))
@click.argument("ausgabe", type=click.Path(path_type=Path))
@stichtag_option("für Zeilen ohne eigenen Stichtag.")
@click.option("--format", "fmt", type=click.Choice(["csv", "jsonl"]), help="Format (sonst aus der Endung).")
@szenario_option
@click.option(
    "--encoding",
    "--kodierung",
    "kodierung",
    default="utf-8-sig",
    show_default=True,
    help="Zeichenkodierung der Eingabe (z. B. cp1252 für Excel-Dateien aus Ämtern); Ausgabe: UTF-8.",
)
@click.option(
    "--dezimalkomma",
    is_flag=True,
    help="Beträge mit Dezimalkomma (420,50 oder 1.234,50), wie in deutschen Excel-Dateien; "
    "die Ergebnisbeträge werden ebenso geschrieben.",
)
@click.option(
    "--trennzeichen",
    type=click.Choice([",", ";"]),
    help="Spaltentrennzeichen der CSV-Datei (sonst aus der Kopfzeile erkannt).",
)
@click.option("--ueberschreiben", is_flag=True, help="Eine vorhandene AUSGABE ersetzen (nie die EINGABE).")
@click.option("--leise", is_flag=True, help="Kein Fortschritt und keine Zusammenfassung (nur Fehler).")
@click.option(
    "--intervall",
    type=click.FloatRange(min=0.1),
    default=10.0,
    show_default=True,
    help="Sekunden zwischen zwei Fortschrittszeilen, wenn stderr kein Terminal ist.",
)
@click.option("--streng", is_flag=True, help="Exit-Code 1, wenn eine Zeile einen Fehler hat.")
@json_option("Zusammenfassung als JSON auf stdout.")
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
    dezimalkomma: bool,
    trennzeichen: str | None,
    ueberschreiben: bool,
    leise: bool,
    intervall: float,
    streng: bool,
    als_json: bool,
    prozesse: int = 1,
    zusammenfassung: bool = False,
    vergleich: str | None = None,
) -> None:
    """Compute every row of EINGABE; write the rows with results to AUSGABE."""
    f = _format(eingabe, fmt)
    on = datum(stichtag)
    store = szenario_laden(szenario_datei)
    tty = sys.stderr.isatty() and not leise
    laenge = 0
    if tty:
        try:
            laenge = _zaehlen(eingabe, f, kodierung)
        except (UnicodeDecodeError, LookupError, OSError):
            tty = False  # the run itself reports it, naming the file

    def huelle(rows: Iterator[Any]) -> Iterator[Any]:
        if not tty:
            yield from rows
            return
        with click.progressbar(rows, length=laenge, label="Berechne", file=sys.stderr) as bar:
            yield from bar

    melden = None if (leise or tty) else _Fortschritt(intervall)
    with _sigterm_als_abbruch():
        try:
            bilanz = stapel_pfad(
                eingabe, ausgabe, on=on, format=f, rechtsstand=store, ueberschreiben=ueberschreiben,
                kodierung=kodierung, dezimalkomma=dezimalkomma, trennzeichen=trennzeichen,
                huelle=huelle, melden=melden, prozesse=pruefe_prozesse(prozesse),
            )
        except WohngeldError as exc:  # refused, unreadable or unwritable: AUSGABE is unchanged
            raise _Fehler(" ".join(str(exc).split())) from None
    if als_json:
        click.echo(json.dumps(bilanz.to_dict(), ensure_ascii=False))
    elif not leise:
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
        _zusammenfassung(
            eingabe, ausgabe, f, on, store, kodierung, dezimalkomma, trennzeichen, vergleich, prozesse,
            als_json,
        )
    if streng and bilanz.fehler:
        raise SystemExit(1)


def _zusammenfassung(
    eingabe: Path,
    ausgabe: Path,
    f: Literal["csv", "jsonl"],
    on: Any,
    store: Any,
    kodierung: str,
    dezimalkomma: bool,
    trennzeichen: str | None,
    vergleich: str | None,
    prozesse: int,
    als_json: bool,
) -> None:
    """The aggregate report of AUSGABE (and of the same rows under VERGLEICH), on stdout."""
    import tempfile

    from ..analysis.zusammenfassung import aus_stapel_datei, nebeneinander, tabelle_text
    from ..law.rechtsstand import named_store

    bericht = aus_stapel_datei(ausgabe, f, dezimalkomma=dezimalkomma)
    if vergleich is not None:
        try:
            zweiter = named_store(vergleich)
        except WohngeldError as exc:
            raise click.BadParameter(str(exc), param_hint="--vergleich") from None
        with tempfile.TemporaryDirectory() as tmp:
            pfad = Path(tmp) / f"vergleich.{f}"
            stapel_pfad(
                eingabe, pfad, on=on, format=f, rechtsstand=zweiter, kodierung=kodierung,
                dezimalkomma=dezimalkomma, trennzeichen=trennzeichen, prozesse=pruefe_prozesse(prozesse),
            )
            b2 = aus_stapel_datei(pfad, f, dezimalkomma=dezimalkomma)
        name1 = getattr(store, "name", None) or "geltendes Recht"
        bericht = nebeneinander(bericht, b2, (name1, vergleich))
    if als_json:
        click.echo(json.dumps({"zusammenfassung": bericht}, ensure_ascii=False, default=str))
    else:
        click.echo(tabelle_text(bericht))
