"""Error bodies of the API: every bad input becomes a 422 that names field, value and what is allowed.

The words are the library's: its field names (``gemeinde``, ``mitglieder.0.einnahmen.0.brutto_monat``)
and, for rules between fields, the library's own message with its § citation. What pydantic reports
by type (missing, not a number, too large, …) is said in German here. Never a traceback.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from pydantic import ValidationError

from ..errors import AmbiguousMunicipality, NoMietenstufenList, NoParameters, UnknownMunicipality
from ..law.mietenstufen.liste import Gemeinde
from ..validierung import BETRAG_ERLAUBT, feldfehler

__all__ = [
    "Fehler",
    "UngueltigeEingabe",
    "aus_ausnahme",
    "aus_validierung",
    "gemeinde_dict",
    "koerper",
    "plz_fehler",
]

_MAX_WERT = 200


class UngueltigeEingabe(Exception):
    """Raised by a route for input it refuses; becomes a 422 with these entries."""

    def __init__(self, fehler: Sequence[dict[str, Any]]) -> None:
        super().__init__("; ".join(str(f.get("meldung")) for f in fehler))
        self.fehler = list(fehler)


def _wert(value: Any) -> Any:
    """The given value, JSON-safe and short (a long value is cut, never echoed whole)."""
    if isinstance(value, Decimal):
        value = str(value)
    if value is None or isinstance(value, (bool, int, float)):
        if isinstance(value, int) and not isinstance(value, bool) and abs(value) > 10**15:
            return str(value)[:40] + "…"
        return value
    if isinstance(value, str):
        return value if len(value) <= _MAX_WERT else value[:_MAX_WERT] + "…"
    try:
        text = json.dumps(value, ensure_ascii=False, default=str)
    except (TypeError, ValueError, RecursionError):
        text = type(value).__name__
    if len(text) <= _MAX_WERT:
        return value if isinstance(value, (dict, list)) else text
    return text[:_MAX_WERT] + "…"


def Fehler(feld: str, wert: Any, erlaubt: str, meldung: str, **mehr: Any) -> dict[str, Any]:
    """One entry of a 422 body."""
    return {"feld": feld, "wert": _wert(wert), "erlaubt": erlaubt, "meldung": meldung, **mehr}


def koerper(fehler: Sequence[dict[str, Any]]) -> dict[str, Any]:
    """The whole 422 body."""
    n = len(fehler)
    titel = "Die Eingabe enthält einen Fehler." if n == 1 else f"Die Eingabe enthält {n} Fehler."
    return {"status": 422, "titel": titel, "fehler": list(fehler)}


def aus_validierung(exc: ValidationError, *, praefix: Sequence[str | int] = ()) -> list[dict[str, Any]]:
    """Entries for a pydantic ``ValidationError`` (the German table of :mod:`wohngeld.validierung`)."""
    return [Fehler(f.feld, f.wert, f.erlaubt, f.meldung, typ=f.typ) for f in feldfehler(exc, praefix=praefix)]


def gemeinde_dict(g: Gemeinde) -> dict[str, object]:
    """A Gemeinde as JSON (the shape of ``wohngeld mietenstufe --json``)."""
    return {
        "ags": g.ags,
        "name": g.name,
        "kreis": g.kreis,
        "land": g.land,
        "mietenstufe": g.mietenstufe,
        "herkunft": g.herkunft,
    }


def _gemeinden(xs: Sequence[object]) -> list[dict[str, object]]:
    return [gemeinde_dict(g) for g in xs if isinstance(g, Gemeinde)]


def aus_ausnahme(exc: Exception, *, feld: str = "(Eingabe)", wert: Any = None) -> list[dict[str, Any]]:
    """Entries for an error of the library (``WohngeldError``, ``ValueError``)."""
    if isinstance(exc, ValidationError):
        return aus_validierung(exc)
    text = str(exc)
    if isinstance(exc, AmbiguousMunicipality):
        kandidaten = _gemeinden(exc.candidates)
        erlaubt = "der amtliche Name oder der Gemeindeschlüssel (AGS) einer der Kandidaten"
        meldung = f"Der Name passt auf {len(kandidaten) or 'mehrere'} Gemeinden; bitte eine wählen. ({text})"
        return [Fehler("gemeinde", wert, erlaubt, meldung, kandidaten=kandidaten)]
    if isinstance(exc, UnknownMunicipality):
        erlaubt = "eine Gemeinde der Anlage zu § 1 Abs. 3 WoGV (Name oder 8-stelliger AGS)"
        meldung = f"Diese Gemeinde steht nicht in der Mietenstufenliste des Stichtags. ({text})"
        return [Fehler("gemeinde", wert, erlaubt, meldung, vorschlaege=_gemeinden(exc.suggestions))]
    if isinstance(exc, (NoParameters, NoMietenstufenList)) and not text.startswith("gemeinde:"):
        meldung = f"Für diesen Stichtag liegt keine Fassung der Rechtsgrundlagen vor. ({text})"
        return [Fehler("stichtag", wert, "ein Stichtag ab dem 01.01.2016", meldung)]
    # The library's messages start with the field they concern ("rechtsstand: 'x' given; …").
    kopf, sep, _ = text.partition(":")
    if sep and kopf and " " not in kopf.strip() and feld == "(Eingabe)":
        feld = kopf.strip()
    betrag = ("keine Zahl" in text, "kein endlicher Betrag" in text, "kein plausibler Betrag" in text)
    erlaubt = BETRAG_ERLAUBT if any(betrag) else "siehe Meldung"
    return [Fehler(feld, wert, erlaubt, text)]


PLZ_ERLAUBT = "fünf Ziffern von 01001 bis 99998, als Text (führende Null), z. B. 01067"


def plz_fehler(exc: Exception, *, plz: Any, ort: str | None) -> list[dict[str, Any]]:
    """Entries for an error of a Wohnort given by Postleitzahl (``plz``, optional ``ort``).

    The library's message is kept word for word (it names the PLZ, the candidates with Kreis and
    Mietenstufe, and the way out). The field is ``ort`` when ``ort`` was given and the message does not
    concern the Postleitzahl itself, else ``plz``. An ambiguous PLZ (or one whose ``ort`` names no
    Gemeinde of it) carries ``kandidaten``: the Gemeinden of the PLZ with their stages.
    """
    text = str(exc)
    feld = "ort" if ort is not None and not text.startswith("Postleitzahl") else "plz"
    wert = ort if feld == "ort" else plz
    if isinstance(exc, AmbiguousMunicipality):
        erlaubt = (
            "mit plz: ort (Name einer der Gemeinden der Postleitzahl) oder statt plz: gemeinde (AGS)"
        )
        return [Fehler(feld, wert, erlaubt, text, kandidaten=_gemeinden(exc.candidates))]
    if isinstance(exc, UnknownMunicipality):
        kandidaten = _gemeinden(exc.suggestions)
        if feld == "ort" or kandidaten:
            erlaubt = "der Name einer Gemeinde dieser Postleitzahl oder statt plz: gemeinde (AGS)"
            return [Fehler(feld, wert, erlaubt, text, kandidaten=kandidaten)]
        return [Fehler(feld, wert, "eine Postleitzahl der PLZ-Zuordnung (Wohnanschrift)", text)]
    return [Fehler(feld, wert, PLZ_ERLAUBT if feld == "plz" else "der Name einer Gemeinde", text)]
