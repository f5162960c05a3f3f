"""Money: the ``Euro`` input type and the only rounding steps the law prescribes.

Amounts are :class:`decimal.Decimal`. Floats are refused at the edge, so no binary rounding
surprise can reach a rule. Rounding happens here and nowhere else.
"""

from __future__ import annotations

import re
from decimal import ROUND_FLOOR, ROUND_HALF_EVEN, ROUND_HALF_UP, Context, Decimal
from typing import Annotated

from pydantic import BeforeValidator

__all__ = [
    "FIXED_POINT",
    "NULL",
    "ROUND_HALF_EVEN",
    "ROUND_HALF_UP",
    "Euro",
    "cut_euro",
    "festkomma_text",
    "round_euro",
    "round_fixed_point",
    "to_decimal",
]

FIXED_POINT = Decimal("1E-10")
NULL = Decimal(0)
"""0 € (no claim, no amount): the one zero of the package."""
_EURO = Decimal(1)
_FESTKOMMA = Context(prec=28, rounding=ROUND_HALF_UP)
"""The context of the Festkommazahl steps: half-up, the precision of Python's default context."""


_ZAHL = re.compile(r"[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)([eE][+-]?[0-9]+)?", re.ASCII)
_EINFACH = re.compile(r"-?[0-9]+(\.[0-9]+)?", re.ASCII)
_GRENZE_EXPONENT = 30


def to_decimal(value: object) -> Decimal:
    """Convert ``Decimal``, ``int`` or ``str`` to a finite ``Decimal``; refuse ``float`` and ``bool``.

    Text is ASCII digits with a decimal point (``"780.50"``, also ``"7.805e2"``); other digits
    (``"٤٢٠"``, ``"４２０"``), ``_`` and separators are refused. ``-0`` becomes ``0`` and an
    exponent is written out (``"1e2"`` → ``100``), so that an echoed input reads as entered.

    >>> to_decimal("780.50"), to_decimal("1e2"), to_decimal("-0.00")
    (Decimal('780.50'), Decimal('100'), Decimal('0.00'))
    >>> to_decimal(780.5)
    Traceback (most recent call last):
    ...
    ValueError: float 780.5 angegeben; Decimal("780.5") oder "780.5" übergeben (Beträge sind exakt)
    """
    t = type(value)
    if t is str:  # the common case first: plain ASCII digits with a decimal point
        text: str = value  # type: ignore[assignment]
        if not _EINFACH.fullmatch(text):
            text = text.strip().replace("\u00a0", "").replace(" ", "")
            if text.lower().lstrip("+-") in ("nan", "snan", "inf", "infinity"):
                raise ValueError(f"{value!r} ist kein endlicher Betrag")
            if not _ZAHL.fullmatch(text):
                raise ValueError(
                    f"{value!r} ist keine Zahl; einen Betrag wie \"780.50\" schreiben "
                    "(Ziffern 0–9, Dezimalpunkt, keine Einheit, keine Tausendertrennzeichen)"
                )
        result = Decimal(text)
        if "e" not in text and "E" not in text:
            return abs(result) if result.is_zero() else result
    elif t is Decimal:
        result = value  # type: ignore[assignment]
    elif t is int:
        return Decimal(value)  # type: ignore[arg-type]
    elif isinstance(value, bool):
        raise ValueError(f"bool {value!r} angegeben; einen Betrag (Decimal, int oder Text) übergeben")
    elif isinstance(value, float):
        raise ValueError(
            f'float {value!r} angegeben; Decimal("{value!r}") oder "{value!r}" übergeben '
            "(Beträge sind exakt)"
        )
    elif isinstance(value, str | Decimal | int):
        return to_decimal(str(value) if isinstance(value, str) else Decimal(value))
    else:
        raise ValueError(
            f"{type(value).__name__} {value!r} angegeben; einen Betrag als Decimal, int oder Text übergeben"
        )
    if not result.is_finite():
        raise ValueError(f"{value} ist kein endlicher Betrag")
    exponent = result.as_tuple().exponent
    assert isinstance(exponent, int)
    if exponent > 0:
        if result.adjusted() > _GRENZE_EXPONENT:
            raise ValueError(f"{value} ist kein plausibler Betrag (mehr als {_GRENZE_EXPONENT} Stellen)")
        result = result.quantize(Decimal(1))
    if result.is_zero() and result.is_signed():
        result = abs(result)
    return result


Euro = Annotated[Decimal, BeforeValidator(to_decimal)]
"""A money amount in euros: ``Decimal``, ``int`` or ``str`` accepted, ``float`` refused."""


def round_fixed_point(x: Decimal) -> Decimal:
    """Fixed-point number with ten decimal places, half-up.

    Anlage 3 Nr. 2 Satz 2 WoGG (Anlage 2 Nr. 2 until 2019). Auslegung: the law does not say
    whether the eleventh place is cut or rounded; this library rounds half-up
    (docs/rounding.md).

    >>> round_fixed_point(Decimal("970.79285669625"))
    Decimal('970.7928566963')
    """
    return _FESTKOMMA.quantize(x, FIXED_POINT)


def round_euro(x: Decimal) -> Decimal:
    """Whole euros: below 0.50 down, from 0.50 up.

    Anlage 3 Nr. 3 WoGG (Anlage 2 Nr. 3 until 2019).

    >>> round_euro(Decimal("109.5000000000")), round_euro(Decimal("109.4999999999"))
    (Decimal('110'), Decimal('109'))
    """
    return x.quantize(_EURO, ROUND_HALF_UP)


def auf_stellen(x: Decimal, stellen: int, modus: str = ROUND_HALF_UP) -> Decimal:
    """``x`` to ``stellen`` decimal places (half-up unless ``modus`` says otherwise).

    Not a step of the law (those are :func:`round_fixed_point`, :func:`round_euro`, :func:`cut_euro`):
    for a text that shows an amount to the cent, a percentage to two places, an analyst's rounding of
    a scenario's amounts, or a weight read from a float.

    >>> auf_stellen(Decimal("83.335"), 2), auf_stellen(Decimal("0.125"), 2, ROUND_HALF_EVEN)
    (Decimal('83.34'), Decimal('0.12'))
    """
    return x.quantize(Decimal(1).scaleb(-stellen), modus)


def cut_euro(x: Decimal) -> Decimal:
    """Whole euros, cut (never more than ``x``).

    Auslegung for the cap of § 19 Abs. 3 WoGG ("höchstens … bis zur Höhe der zu
    berücksichtigenden Miete"): an amount capped at M keeps whole euros without exceeding M.

    >>> cut_euro(Decimal("2018.60"))
    Decimal('2018')
    """
    return x.quantize(_EURO, ROUND_FLOOR)


def festkomma_text(x: Decimal, *, mindestens: int = 0) -> str:
    """``x`` as plain decimal text for JSON and batch files, at the precision the law uses.

    More than ten decimal places are rounded half-up to ten (the Festkommazahl of Anlage 3 Nr. 2
    WoGG; display only, the value computed with is not changed); fewer are kept, padded to
    ``mindestens`` places. No exponent, no ``-0``.

    >>> festkomma_text(Decimal("1792.554666666666666666666667"))
    '1792.5546666667'
    >>> festkomma_text(Decimal("1E+2"), mindestens=2), festkomma_text(Decimal("-0"), mindestens=2)
    ('100.00', '0.00')
    """
    exponent = x.as_tuple().exponent
    assert isinstance(exponent, int), "finite amounts only"
    if exponent < -10:
        x = x.quantize(FIXED_POINT, ROUND_HALF_UP)
    elif exponent > -mindestens:
        x = x.quantize(Decimal(1).scaleb(-mindestens))
    if x.is_zero():
        x = abs(x)
    return format(x, "f")
