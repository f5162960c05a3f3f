"""Tables of the formula stage: the constants a, b, c and the factor of § 19 Abs. 1 WoGG
(Anlage 2; Anlage 1 until 2019), the Mindestwerte of M and Y (Anlage 3 Nr. 1; Anlage 2 until 2019)
and the amount for the 13th and each further member (§ 19 Abs. 3).

Core tables: every :class:`~wohngeld.law.rechtsstand.Rechtsstand` carries their Fassung of its date.
One file per Fassung under ``data/parameters/<folder>``, registered in ``law/tabelle.py``.
"""

from __future__ import annotations

from decimal import Decimal
from typing import ClassVar, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from ..tabelle import Table

__all__ = ["Koeffizient", "Koeffizienten", "MehrbetragUeberZwoelf", "Mindestwerte"]


class Koeffizient(BaseModel):
    """a, b and c for one household size."""

    model_config = ConfigDict(frozen=True, extra="forbid")
    a: Decimal
    b: Decimal
    c: Decimal


class Koeffizienten(Table):
    """Constants a, b, c of § 19 Abs. 1 WoGG for 1..12 members, and the factor."""

    folder: ClassVar[str] = "koeffizienten"
    tabelle: Literal["koeffizienten"]
    faktor: Decimal
    koeffizienten: dict[int, Koeffizient]

    @field_validator("koeffizienten")
    @classmethod
    def _twelve(cls, v: dict[int, Koeffizient]) -> dict[int, Koeffizient]:
        if sorted(v) != list(range(1, 13)):
            raise ValueError(f"Schlüssel 1..12 nötig, angegeben: {sorted(v)}")
        return v


class Mindestwerte(Table):
    """Mindestwerte for M and Y, 1..12 members (Anlage 3 Nr. 1 WoGG)."""

    folder: ClassVar[str] = "mindestwerte"
    tabelle: Literal["mindestwerte"]
    anlage: Literal["Anlage 2", "Anlage 3"] = Field(
        description="the Anlage of the WoGG with the Mindestwerte and the Rechenschritte (§ 19 Abs. 2): "
        "Anlage 2 until the WoGStärkG renumbered it, Anlage 3 since"
    )
    M: tuple[Decimal, ...] = Field(min_length=12, max_length=12)
    Y: tuple[Decimal, ...] = Field(min_length=12, max_length=12)


class MehrbetragUeberZwoelf(Table):
    """Amount for the 13th and each further member (§ 19 Abs. 3 WoGG)."""

    folder: ClassVar[str] = "mehrbetrag_ueber_zwoelf"
    tabelle: Literal["mehrbetrag_ueber_zwoelf"]
    betrag: Decimal = Field(gt=0)
    deckel: Literal["erhoehung", "wohngeld"] = Field(
        description="what the cap at M limits: the raise for the 13th and further members "
        "(§ 19 Abs. 3 WoGG 2016–2026) or the whole Wohngeld of every household (§ 19 Abs. 4 in the "
        "Entwurf 2027); selects the rule of law/formula/formel.py"
    )

    @property
    def deckel_alle(self) -> bool:
        """Whether the cap at M covers the whole Wohngeld of every household size (``deckel``)."""
        return self.deckel == "wohngeld"
