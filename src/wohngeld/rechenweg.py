"""Rechenweg: the steps of a calculation with value, unit and citation.

A :class:`Rechenweg` is passed explicitly into the stages (never a global); a batch run passes
``None`` and records nothing. The same steps render as brochure-style German text or as JSON.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from .money import festkomma_text

__all__ = ["Rechenweg", "Schritt", "format_euro", "format_euro_anzeige", "format_zahl"]

Wert = Decimal | int | str | bool
_CENT = Decimal("0.01")


@dataclass(frozen=True, slots=True)
class Schritt:
    """One step: a stable key, a German label, the value, its unit and the rule it applies."""

    key: str
    label: str
    wert: Wert
    einheit: str
    zitat: str
    eingaben: tuple[tuple[str, Wert], ...] = ()

    def to_dict(self) -> dict[str, object]:
        """JSON-ready mapping; Decimals as strings, at most with ten decimal places."""
        return {
            "key": self.key,
            "label": self.label,
            "wert": _json_value(self.wert, euro=self.einheit.startswith("EUR")),
            "einheit": self.einheit,
            "zitat": self.zitat,
            "eingaben": {k: _json_value(v) for k, v in self.eingaben},
        }


def _json_value(v: Wert, *, euro: bool = False) -> object:
    """Decimals as text, at most ten decimal places (Anlage 3 Nr. 2 WoGG); euros with at least two."""
    if isinstance(v, Decimal):
        return festkomma_text(v, mindestens=2 if euro else 0)
    return v


@dataclass(slots=True)
class Rechenweg:
    """Recorder of :class:`Schritt` entries, in the order the law computes them."""

    schritte: list[Schritt] = field(default_factory=list)

    def add(
        self,
        key: str,
        label: str,
        wert: Wert,
        einheit: str,
        zitat: str,
        **eingaben: Wert,
    ) -> None:
        """Record one step."""
        self.schritte.append(Schritt(key, label, wert, einheit, zitat, tuple(eingaben.items())))


def format_zahl(x: Decimal, stellen: int | None = None) -> str:
    """German number format: thousands with '.', decimals with ','.

    >>> format_zahl(Decimal("1162.35")), format_zahl(Decimal("0.2070693450"))
    ('1.162,35', '0,2070693450')
    """
    if stellen is not None:
        x = x.quantize(Decimal(1).scaleb(-stellen))
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
    gerundet = x.quantize(_CENT, ROUND_HALF_UP)
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
