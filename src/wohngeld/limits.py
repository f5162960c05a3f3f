"""No claim or no payment: §§ 20, 21 WoGG. Not being entitled is a result, never an error."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from .explain import Rechenweg
from .parameters import Rechtsstand

__all__ = ["Ausschluss", "alle_ausgeschlossen", "bagatellgrenze"]


@dataclass(frozen=True, slots=True)
class Ausschluss:
    """Why the amount is 0, with the rule."""

    grund: str
    zitat: str


def alle_ausgeschlossen(*, beruecksichtigt: int) -> Ausschluss | None:
    """No claim if every member is excluded.

    § 21 Nr. 2 WoGG i. V. m. §§ 7, 8 Abs. 1 WoGG.
    """
    if beruecksichtigt == 0:
        return Ausschluss(
            "Alle Haushaltsmitglieder sind vom Wohngeld ausgeschlossen.", "§ 21 Nr. 2 WoGG"
        )
    return None


def bagatellgrenze(*, betrag: Decimal, rs: Rechtsstand, rec: Rechenweg | None) -> Ausschluss | None:
    """No claim if the monthly Wohngeld would be less than the Bagatellgrenze.

    § 21 Nr. 1 WoGG.
    """
    grenze = rs.bagatellgrenze.betrag
    if betrag < grenze:
        grund = (
            f"Das Wohngeld betrüge {betrag} € im Monat und damit weniger als {grenze} €."
            if betrag > 0
            else "Die Wohngeldformel ergibt keinen positiven Betrag."
        )
        zitat = rs.bagatellgrenze.rule if betrag > 0 else "§ 19 Abs. 1 WoGG"
        if rec is not None:
            rec.add("bagatellgrenze", f"Kein Wohngeld: {grund}", Decimal(0), "EUR/Monat", zitat, grenze=grenze)
        return Ausschluss(grund, zitat)
    return None
