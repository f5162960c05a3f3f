"""German texts for click: its messages translated by pattern, and a help formatter with German headings.

click's own texts are English; the command line shows only German. The table below covers the
messages click raises for usage errors and for its parameter types (click 8.2 to 8.5); parameter
names, values and the German messages of the commands pass through unchanged.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from contextlib import contextmanager

import click

__all__ = ["HILFE_TEXT", "DeutscherFormatter", "uebersetzen"]

HILFE_TEXT = "Diese Hilfe zeigen und beenden."

_ART = {"File": "Datei", "Directory": "Verzeichnis", "Path": "Pfad"}
_ZAHL = {
    "integer": "keine ganze Zahl",
    "float": "keine Zahl",
    "boolean": "kein Wahrheitswert (true/false)",
}
_OS = {
    "No such file or directory": "Datei oder Verzeichnis nicht gefunden",
    "Permission denied": "Zugriff verweigert",
    "Is a directory": "ist ein Verzeichnis",
    "Not a directory": "kein Verzeichnis",
    "unknown error": "unbekannter Fehler",
}

# (pattern, replacement), applied in this order; each covers one message of click (8.2 to 8.5).
_TABELLE: tuple[tuple[str, str | None], ...] = (
    (r"^Invalid value for (.+?): ", r"Ungültiger Wert für \1: "),
    (r"^Invalid value: ", "Ungültiger Wert: "),
    (r"^Missing argument '(.+?)'\.", r"Argument '\1' fehlt."),
    (r"^Missing option '(.+?)'\.", r"Option '\1' fehlt."),
    (r"^Missing parameter: (.+)$", r"Angabe fehlt: \1"),
    (r"^Missing (?:argument|option|parameter)(?=\.|$)", "Angabe fehlt"),
    (r"^No such option: (\S+)", r"Unbekannte Option: \1"),
    (r"^No such option '(.+?)'\.", r"Unbekannte Option: '\1'."),
    (r"^No such command '(.+?)'\.", r"Unbekannter Befehl: '\1'."),
    (r"\(Did you mean one of: (.+?)\?\)", r"(Gemeint ist vielleicht eines von: \1?)"),
    (r"Did you mean (.+?)\?", r"Gemeint ist vielleicht \1?"),
    (r"\(Possible options: (.+?)\)", r"(Mögliche Optionen: \1)"),
    (r"^Missing command\.", "Befehl fehlt."),
    (r"^Got unexpected extra arguments? \((.*)\)$", r"Unerwartete zusätzliche Angabe: \1"),
    (r"^Option '(.+?)' requires an argument\.", r"Option '\1' braucht einen Wert."),
    (r"^Option '(.+?)' requires (\d+) arguments\.", r"Option '\1' braucht \2 Werte."),
    (r"^Option '(.+?)' does not take a value\.", r"Option '\1' nimmt keinen Wert."),
    (r"^Argument '(.+?)' takes (\d+) values\.", r"Argument '\1' nimmt \2 Werte."),
    (r"^Invalid start character for option \((.*)\)", r"Ungültiges erstes Zeichen einer Option (\1)"),
    (r"(?<=: )(.+?) is not a valid (integer|float|boolean)(?: range)?\.$", None),
    (r"(?<=: )(.+?) is not a valid UUID\.$", r"\1 ist keine UUID."),
    (r"(?<=: )(.+?) is not one of (.+)\.$", r"\1 ist keiner der Werte \2."),
    (r"(?<=: )(.+?) is not in the range (.+)\.$", r"\1 liegt nicht im Bereich \2."),
    (r"(?<=: )('.*?') is not ('.*?')\.$", r"\1 ist nicht \2."),
    (r"(?<=: )(.+?) does not match the formats? (.+)\.$", r"\1 passt zu keinem der Formate \2."),
    (r"(?<=: )(File|Directory|Path) (.+?) does not exist\.$", None),
    (r"(?<=: )(File|Directory|Path) (.+?) is a file\.$", None),
    (r"(?<=: )(File|Directory|Path) (.+?) is a directory\.$", None),
    (r"(?<=: )(File|Directory|Path) (.+?) is not (readable|writable|executable)\.$", None),
    (r"^Could not open file (.+?): (.+)$", None),
    (r"(\d+) values are required, but (\d+) (?:was|were) given\.", r"\1 Werte nötig, \2 angegeben."),
    (r"Takes (\d+) values but (\d+) (?:was|were) given\.", r"Nimmt \1 Werte, \2 angegeben."),
    (r"Value must be an iterable\.", "Der Wert muss eine Folge sein."),
)
_MUSTER = tuple((re.compile(m, re.DOTALL), e) for m, e in _TABELLE)

_PFAD_ZUSTAND = {
    "is a file": "ist eine Datei",
    "is a directory": "ist ein Verzeichnis",
    "is not readable": "ist nicht lesbar",
    "is not writable": "ist nicht schreibbar",
    "is not executable": "ist nicht ausführbar",
}


def _ersetzen(muster: re.Pattern[str], ersatz: str | None, text: str) -> str:
    if ersatz is not None:
        return muster.sub(ersatz, text, count=1)
    m = muster.search(text)
    if m is None:
        return text
    g = m.groups()
    if "is not a valid" in m.group(0):
        neu = f"{g[0]} ist {_ZAHL[g[1]]}."
    elif m.group(0).startswith("Could not open file"):
        neu = f"Datei {g[0]} lässt sich nicht öffnen: {_OS.get(g[1], g[1])}"
    elif m.group(0).endswith("does not exist."):
        neu = f"{_ART[g[0]]} {g[1]} existiert nicht."
    else:
        zustand = m.group(0)[len(g[0]) + len(g[1]) + 2 : -1]
        neu = f"{_ART[g[0]]} {g[1]} {_PFAD_ZUSTAND.get(zustand, zustand)}."
    return text[: m.start()] + neu + text[m.end() :]


def uebersetzen(meldung: str) -> str:
    """click's English message in German; a German message (or one the table does not know) unchanged."""
    for muster, ersatz in _MUSTER:
        meldung = _ersetzen(muster, ersatz, meldung)
    return meldung


_UEBERSCHRIFT = {
    "Options": "Optionen",
    "Commands": "Befehle",
    "Arguments": "Argumente",
    "Positional arguments": "Argumente",
}
_AUFRUF = (("[OPTIONS]", "[OPTIONEN]"), ("COMMAND [ARGS]...", "BEFEHL [ARGUMENTE]..."))
_METAVAR = {
    "INTEGER": "GANZZAHL",
    "FLOAT": "ZAHL",
    "BOOLEAN": "WAHRHEITSWERT",
    "FILENAME": "DATEI",
    "FILE": "DATEI",
    "DIRECTORY": "VERZEICHNIS",
    "PATH": "PFAD",
    "RANGE": "BEREICH",
}
_METAVAR_MUSTER = re.compile(r"\b(" + "|".join(_METAVAR) + r")\b")
_ZUSATZ = re.compile(r"\[([^\[\]]*)\]$")


def _zusatz(text: str) -> str:
    """The bracket click adds to an option's help: ``[default: x; required]`` in German."""

    def ersetzen(m: re.Match[str]) -> str:
        teile = []
        for teil in m.group(1).split("; "):
            if teil.startswith("default: "):
                teil = "Vorgabe: " + teil.removeprefix("default: ")
            elif teil.startswith("env var: "):
                teil = "Umgebungsvariable: " + teil.removeprefix("env var: ")
            elif teil == "required":
                teil = "Pflicht"
            teile.append(teil)
        return "[" + "; ".join(teile) + "]"

    return _ZUSATZ.sub(ersetzen, text)


class DeutscherFormatter(click.HelpFormatter):
    """click's help layout with German headings, usage line and option notes."""

    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        for englisch, deutsch in _AUFRUF:
            args = args.replace(englisch, deutsch)
        super().write_usage(
            prog, _METAVAR_MUSTER.sub(lambda m: _METAVAR[m.group(1)], args), prefix or "Aufruf: "
        )

    @contextmanager
    def section(self, name: str) -> Iterator[None]:
        with super().section(_UEBERSCHRIFT.get(name, name)):
            yield

    def write_dl(self, rows: Iterable[tuple[str, str]], col_max: int = 30, col_spacing: int = 2) -> None:
        deutsch = [(_METAVAR_MUSTER.sub(lambda m: _METAVAR[m.group(1)], a), _zusatz(b)) for a, b in rows]
        super().write_dl(deutsch, col_max, col_spacing)
