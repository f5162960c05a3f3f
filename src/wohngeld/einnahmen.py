"""Einnahmen of a household member: kind, amount, period (input model for §§ 14–16 WoGG)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from enum import StrEnum
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from .money import Euro

__all__ = ["Einnahme", "EinnahmeArt"]


class EinnahmeArt(StrEnum):
    """Kinds of Einnahmen the income rules know (§ 14 WoGG)."""

    ERWERBSEINKOMMEN = "Erwerbseinkommen"
    MINIJOB_PAUSCHAL = "Minijob, pauschal versteuert"
    ALTERSRENTE = "Altersrente"
    ARBEITSLOSENGELD = "Arbeitslosengeld"
    UNTERHALTSVORSCHUSS = "Unterhaltsvorschuss"
    PFLEGEGELD = "Pflegegeld"
    KINDERGELD = "Kindergeld"


class Einnahme(BaseModel):
    """One Einnahme: gross amount per month or per year, optionally from/until a date."""

    model_config = ConfigDict(frozen=True, extra="forbid", use_enum_values=False)

    art: EinnahmeArt
    brutto_monat: Euro | None = Field(default=None, ge=0, le=Decimal(10) ** 8)
    brutto_jahr: Euro | None = Field(default=None, ge=0, le=Decimal(10) ** 9)
    zeitraum: Literal["laufend", "einmalig"] = "laufend"
    ab: date | None = None
    bis: date | None = None
