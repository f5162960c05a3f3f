"""Parameter tables of the WoGV used by §§ 9–11 WoGG.

Each table is one folder under ``data/parameters`` (one file per Fassung), read with
``Rechtsstand.table(cls)``. The Vermögensgrenze (§ 21 Nr. 3 WoGG) is a table of the limits stage,
:mod:`wohngeld.law.limits.tabellen`; it is importable from here under its former path.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any, ClassVar, Literal

from pydantic import BaseModel, ConfigDict, Field

from ..limits.tabellen import Vermoegensgrenze
from ..tabelle import Table

__all__ = ["Bewirtschaftung", "Pauschbetraege", "Vermoegensgrenze", "ZweiStufen"]


class ZweiStufen(BaseModel):
    """Amounts for one and two Bewohner plus a Mehrbetrag for each further Bewohner."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    betraege: tuple[Decimal, Decimal]
    mehrbetrag: Decimal

    def fuer(self, bewohner: int) -> Decimal:
        """Amount for ``bewohner`` persons."""
        if bewohner <= 2:
            return self.betraege[bewohner - 1]
        return self.betraege[1] + (bewohner - 2) * self.mehrbetrag


class Pauschbetraege(Table):
    """Pauschbeträge for costs left out of the Miete (§ 9 Abs. 2 Satz 2 WoGG, § 6 Abs. 2 WoGV)."""

    folder: ClassVar[str] = "wogv_pauschbetraege"
    tabelle: Literal["wogv_pauschbetraege"]
    erfasst: bool
    heizung_je_m2: Decimal | None = Field(default=None, gt=0)
    warmwasser: ZweiStufen | None = None
    haushaltsenergie: ZweiStufen | None = None
    garage: Decimal | None = Field(default=None, gt=0)
    stellplatz: Decimal | None = Field(default=None, gt=0)

    def model_post_init(self, __context: Any) -> None:
        values = (self.heizung_je_m2, self.warmwasser, self.haushaltsenergie, self.garage, self.stellplatz)
        if self.erfasst and any(v is None for v in values):
            raise ValueError(
                "erfasst = true braucht heizung_je_m2, [warmwasser], [haushaltsenergie], garage, stellplatz"
            )
        if not self.erfasst and any(v is not None for v in values):
            raise ValueError("erfasst = false: die Beträge weglassen")


class Bewirtschaftung(Table):
    """Instandhaltungs- und Betriebskosten per m² and year (§ 13 Abs. 2 Satz 1 WoGV)."""

    folder: ClassVar[str] = "wogv_bewirtschaftung"
    tabelle: Literal["wogv_bewirtschaftung"]
    instandhaltung_je_m2_jahr: Decimal = Field(gt=0)
