"""Rechenweg: the steps of a calculation with value, unit and citation.

A :class:`Rechenweg` is passed explicitly into the stages (never a global); a calculation without
Rechenweg passes :data:`KEIN_RECHENWEG`, which records nothing, so a stage records its steps without
asking whether anybody reads them. The same steps render as brochure-style German text or as JSON.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import ClassVar

from .darstellung import format_datum, format_euro, format_euro_anzeige, format_zahl
from .money import festkomma_text

__all__ = [
    "KEIN_RECHENWEG",
    "KeinRechenweg",
    "Rechenweg",
    "Schritt",
    "format_datum",
    "format_euro",
    "format_euro_anzeige",
    "format_zahl",
]
# the format_* helpers live in wohngeld.darstellung and are re-exported for the stages

Wert = Decimal | int | str | bool


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
    aktiv: ClassVar[bool] = True
    """Whether steps are kept (false only for :class:`KeinRechenweg`)."""

    def add(self, key: str, label: str, wert: Wert, einheit: str, zitat: str, **eingaben: Wert) -> None:
        """Record one step."""
        self.schritte.append(Schritt(key, label, wert, einheit, zitat, tuple(eingaben.items())))

    def einfuegen(self, pos: int, schritte: Sequence[Schritt]) -> None:
        """Insert steps recorded elsewhere (e.g. memoised) at position ``pos``."""
        self.schritte[pos:pos] = schritte


class KeinRechenweg(Rechenweg):
    """The recorder of a calculation without Rechenweg: :meth:`add` keeps nothing."""

    __slots__ = ()
    aktiv: ClassVar[bool] = False

    def add(self, key: str, label: str, wert: Wert, einheit: str, zitat: str, **eingaben: Wert) -> None:
        """Record nothing."""

    def einfuegen(self, pos: int, schritte: Sequence[Schritt]) -> None:
        """Insert nothing."""


KEIN_RECHENWEG = KeinRechenweg()
"""The one recorder that records nothing; stages take it where no Rechenweg is asked for."""
