"""German formatting for every text a citizen or caseworker reads: numbers, euros, dates, Mietenstufen.

Display only: a value is never changed here (amounts are rounded where the law rounds, in
:mod:`wohngeld.money`); a text shows an amount to the cent with ``≈`` where it has more places.
"""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal

from .money import ROUND_HALF_EVEN, auf_stellen

__all__ = [
    "ROEMISCH",
    "format_datum",
    "format_euro",
    "format_euro_anzeige",
    "format_zahl",
    "json_fehler",
    "json_typ",
    "roemisch",
]


ROEMISCH = ("I", "II", "III", "IV", "V", "VI", "VII")
"""Mietenstufen I–VII as the WoGG writes them (§ 12 Abs. 1 WoGG, Anlage 1)."""


def roemisch(mietenstufe: int) -> str:
    """The Mietenstufe as a Roman numeral.

    >>> roemisch(4)
    'IV'
    """
    return ROEMISCH[mietenstufe - 1]


def format_zahl(x: Decimal, stellen: int | None = None) -> str:
    """German number format: thousands with '.', decimals with ','.

    >>> format_zahl(Decimal("1162.35")), format_zahl(Decimal("0.2070693450"))
    ('1.162,35', '0,2070693450')
    """
    if stellen is not None:
        x = auf_stellen(x, stellen, ROUND_HALF_EVEN)
    text = f"{x:,f}"
    return text.replace(",", "\u2009").replace(".", ",").replace("\u2009", ".")


def format_euro(x: Decimal) -> str:
    """Amount in euros, German style, to the cent; ``≈`` marks an amount rounded for display.

    The value itself is never rounded here: where it has more than two decimal places (e.g. Y =
    1.000/12), the text shows it to the cent with ``≈`` in front; the JSON keeps the exact value.

    >>> format_euro(Decimal("530.4")), format_euro(Decimal("131")), format_euro(Decimal("1E+2"))
    ('530,40 €', '131,00 €', '100,00 €')
    >>> format_euro(Decimal("83.33333333333333333333333333")), format_euro(Decimal("-0.00"))
    ('≈ 83,33 €', '0,00 €')
    """
    gerundet = auf_stellen(x, 2)
    if gerundet.is_zero():
        gerundet = abs(gerundet)
    text = f"{format_zahl(gerundet)} €"
    return text if gerundet == x else f"≈ {text}"


def format_euro_anzeige(x: Decimal) -> str:
    """Amount in euros shown to the cent (display only; the value itself is not rounded).

    >>> format_euro_anzeige(Decimal("416.6666666666666666666666667"))
    '416,67 €'
    """
    return f"{format_zahl(x, 2)} €"


def format_datum(d: date) -> str:
    """Date as DD.MM.YYYY."""
    return d.strftime("%d.%m.%Y")


_JSON_MELDUNGEN = (
    ("Expecting value", "ein Wert erwartet"),
    ("Expecting property name", "ein Schlüssel in doppelten Anführungszeichen erwartet"),
    ("Expecting ':'", "ein Doppelpunkt erwartet"),
    ("Expecting ','", "ein Komma oder das Ende erwartet"),
    ("Extra data", "weitere Zeichen nach dem Ende des JSON-Werts"),
    ("Unterminated string", "ein Text ohne schließendes Anführungszeichen"),
    ("Invalid control character", "ein Steuerzeichen in einem Text"),
    ("Invalid \\", "eine ungültige Escape-Folge"),
    ("Illegal trailing comma", "ein Komma vor dem Ende eines Objekts oder einer Liste"),
)


def json_fehler(exc: BaseException) -> str:
    """Why a text is not JSON, in German, with the place (``json`` reports it in English)."""
    if isinstance(exc, json.JSONDecodeError):
        grund = next((de for en, de in _JSON_MELDUNGEN if exc.msg.startswith(en)), "ein unerwartetes Zeichen")
        return f"{grund} (Zeile {exc.lineno}, Spalte {exc.colno})"
    if isinstance(exc, UnicodeDecodeError):
        return f"kein UTF-8 (Byte {exc.start + 1}: 0x{exc.object[exc.start]:02x})"
    if isinstance(exc, RecursionError):
        return "zu tief geschachtelt"
    return str(exc)


def json_typ(wert: object) -> str:
    """The JSON name of a parsed value's type, in German (for "ein JSON-Objekt erwartet, … gegeben")."""
    if wert is None:
        return "null"
    if isinstance(wert, bool):
        return "ein Wahrheitswert"
    if isinstance(wert, int | float | Decimal):
        return "eine Zahl"
    if isinstance(wert, str):
        return "ein Text"
    if isinstance(wert, list):
        return "eine Liste"
    return "ein Objekt"
