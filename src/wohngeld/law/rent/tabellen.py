"""Tables of the rent stage: Höchstbeträge (§ 12 Abs. 1 WoGG; Anlage 1 since 2020), the
Entlastung bei den Heizkosten and the Heizkostenkomponente (§ 12 Abs. 6) and the Klimakomponente
(§ 12 Abs. 7).

Core tables: every :class:`~wohngeld.law.rechtsstand.Rechtsstand` carries their Fassung of its date.
One file per Fassung under ``data/parameters/<folder>``, registered in ``law/tabelle.py``. The WoGV
tables of the stage are in :mod:`wohngeld.law.rent.wogv`.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import Any, ClassVar, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from ..tabelle import Table

__all__ = ["Heizkosten", "Hoechstbetraege", "Klimakomponente", "Staffel", "staffel_betrag"]


def staffel_betrag(betraege: Sequence[Decimal], mehrbetrag: Decimal, anzahl: int) -> Decimal:
    """Amount of a table by persons: its row for ``anzahl``, beyond the last row the last amount
    plus the Mehrbetrag for each further person (the layout of Anlage 1, § 12 Abs. 6 and 7 WoGG).

    >>> staffel_betrag((Decimal(10), Decimal(20)), Decimal(5), 4)
    Decimal('30')
    """
    n = len(betraege)
    if anzahl <= n:
        return betraege[anzahl - 1]
    return betraege[n - 1] + (anzahl - n) * mehrbetrag


class Staffel(BaseModel):
    """Amounts for 1..5 members plus a Mehrbetrag for each further member."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    betraege: tuple[Decimal, Decimal, Decimal, Decimal, Decimal]
    mehrbetrag: Decimal

    def fuer(self, mitglieder: int) -> Decimal:
        """Amount for ``mitglieder`` members (the Mehrbetrag for each member beyond five)."""
        return staffel_betrag(self.betraege, self.mehrbetrag, mitglieder)


class Hoechstbetraege(Table):
    """Höchstbeträge für Miete und Belastung by members and Mietenstufe (§ 12 Abs. 1 WoGG)."""

    folder: ClassVar[str] = "hoechstbetraege"
    tabelle: Literal["hoechstbetraege"]
    mietenstufen: int = Field(ge=6, le=7)
    betraege: dict[Literal["1", "2", "3", "4", "5", "mehrbetrag"], tuple[Decimal, ...]]
    abzuege: Literal["Nr. 1-4", "Nr. 1-5"] = Field(
        description="the costs § 9 Abs. 2 Satz 1 WoGG leaves out of the Miete: Nr. 1-4 until the "
        "WoGStärkG added Nr. 5 (Betreuungs- und Serviceleistungen), Nr. 1-5 since"
    )

    @field_validator("betraege")
    @classmethod
    def _complete(cls, v: dict[str, tuple[Decimal, ...]]) -> dict[str, tuple[Decimal, ...]]:
        missing = {"1", "2", "3", "4", "5", "mehrbetrag"} - set(v)
        if missing:
            raise ValueError(f"Zeilen fehlen: {sorted(missing)}")
        return v

    def model_post_init(self, __context: Any) -> None:
        super().model_post_init(__context)
        for key, row in self.betraege.items():
            if len(row) != self.mietenstufen:
                raise ValueError(f"betraege.{key} hat {len(row)} Werte; mietenstufen = {self.mietenstufen}")

    def fuer(self, *, mitglieder: int, mietenstufe: int) -> Decimal:
        """Höchstbetrag for ``mitglieder`` members in ``mietenstufe`` (1-based)."""
        col = mietenstufe - 1
        b = self.betraege
        zeilen = (b["1"][col], b["2"][col], b["3"][col], b["4"][col], b["5"][col])
        return staffel_betrag(zeilen, b["mehrbetrag"][col], mitglieder)


class Heizkosten(Table):
    """Betrag zur Entlastung bei den Heizkosten and dauerhafte Heizkostenkomponente (§ 12 Abs. 6)."""

    folder: ClassVar[str] = "heizkosten"
    tabelle: Literal["heizkosten"]
    anwendbar: bool
    entlastung: Staffel | None = None
    komponente: Staffel | None = None

    def model_post_init(self, __context: Any) -> None:
        super().model_post_init(__context)
        if self.anwendbar and (self.entlastung is None or self.komponente is None):
            raise ValueError("anwendbar = true braucht [entlastung] und [komponente]")


class Klimakomponente(Table):
    """Klimakomponente (§ 12 Abs. 7 WoGG), which raises the cap on Miete or Belastung."""

    folder: ClassVar[str] = "klimakomponente"
    tabelle: Literal["klimakomponente"]
    anwendbar: bool
    betraege: tuple[Decimal, Decimal, Decimal, Decimal, Decimal] | None = None
    mehrbetrag: Decimal | None = None

    def model_post_init(self, __context: Any) -> None:
        super().model_post_init(__context)
        if self.anwendbar and (self.betraege is None or self.mehrbetrag is None):
            raise ValueError("anwendbar = true braucht betraege und mehrbetrag")

    def fuer(self, mitglieder: int) -> Decimal:
        """Klimakomponente for ``mitglieder`` members; 0 where the Fassung has none."""
        if self.betraege is None or self.mehrbetrag is None:
            return Decimal(0)
        return staffel_betrag(self.betraege, self.mehrbetrag, mitglieder)
