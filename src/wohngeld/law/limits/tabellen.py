"""Tables of the limits stage: the Bagatellgrenze of § 21 Nr. 1 WoGG and the Vermögensgrenze of
§ 21 Nr. 3 WoGG (WoGVwV Nr. 21.37 Abs. 1).

The Bagatellgrenze is a core table (every :class:`~wohngeld.law.rechtsstand.Rechtsstand` carries its
Fassung); the Vermögensgrenze is read with ``Rechtsstand.table(Vermoegensgrenze)``. One file per
Fassung under ``data/parameters/<folder>``, registered in ``law/tabelle.py``.
"""

from __future__ import annotations

from decimal import Decimal
from typing import ClassVar, Literal

from pydantic import Field

from ..tabelle import Table

__all__ = ["Bagatellgrenze", "Vermoegensgrenze"]


class Bagatellgrenze(Table):
    """No Wohngeld below this monthly amount (§ 21 Nr. 1 WoGG)."""

    folder: ClassVar[str] = "bagatellgrenze"
    tabelle: Literal["bagatellgrenze"]
    betrag: Decimal = Field(gt=0)


class Vermoegensgrenze(Table):
    """Erhebliches Vermögen as a rule (§ 21 Nr. 3 WoGG i. V. m. WoGVwV Nr. 21.37 Abs. 1)."""

    folder: ClassVar[str] = "vermoegen"
    tabelle: Literal["vermoegen"]
    erstes_mitglied: Decimal = Field(gt=0)
    weiteres_mitglied: Decimal = Field(gt=0)
    hoechstens: Decimal | None = Field(default=None, gt=0, description="upper limit (Entwurf 2027)")

    def fuer(self, mitglieder: int) -> Decimal:
        """The limit for ``mitglieder`` zu berücksichtigende members (at most ``hoechstens``)."""
        grenze = self.erstes_mitglied + (mitglieder - 1) * self.weiteres_mitglied
        return grenze if self.hoechstens is None or grenze <= self.hoechstens else self.hoechstens
