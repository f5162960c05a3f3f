"""Gesamteinkommen Y (§§ 13–18 WoGG)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from .errors import InputError
from .explain import Rechenweg
from .model import Haushalt
from .parameters import Rechtsstand

__all__ = ["gesamteinkommen_monat"]


def gesamteinkommen_monat(
    h: Haushalt, *, on: date, rs: Rechtsstand, rec: Rechenweg | None
) -> Decimal:
    """Monthly Gesamteinkommen Y: given directly, or derived from the members' Einnahmen.

    § 13 Abs. 2 WoGG: one twelfth of the Gesamteinkommen.
    """
    if h.gesamteinkommen_monat is not None:
        y = h.gesamteinkommen_monat
        if rec is not None:
            rec.add("Y", "monatliches Gesamteinkommen (Y), angegeben", y, "EUR/Monat", "§ 13 Abs. 2 WoGG")
        return y
    assert h.mitglieder is not None
    if any(m.einnahmen for m in h.mitglieder):
        raise InputError(
            "einnahmen: deriving Y from gross Einnahmen (§§ 14–18 WoGG) is not built yet; "
            "give gesamteinkommen_monat"
        )
    y = Decimal(0)
    if rec is not None:
        rec.add("Y", "monatliches Gesamteinkommen (Y): keine Einnahmen", y, "EUR/Monat", "§ 13 WoGG")
    return y
