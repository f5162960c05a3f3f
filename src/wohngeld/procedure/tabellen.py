"""The table of the procedure: thresholds of § 27 Abs. 1–3 and lengths of § 25 Abs. 1 WoGG."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING, ClassVar, Literal

from pydantic import Field

from ..law.tabelle import Table

if TYPE_CHECKING:
    from ..law.rechtsstand import ParameterStore

__all__ = ["AenderungSchwellen", "schwellen_in_kraft"]


class AenderungSchwellen(Table):
    """Thresholds of § 27 Abs. 1–3 WoGG and the lengths of § 25 Abs. 1 WoGG, per Fassung."""

    folder: ClassVar[str] = "aenderung"
    tabelle: Literal["aenderung"]
    erhoehung_miete_prozent: Decimal = Field(gt=0)
    erhoehung_einkommen_prozent: Decimal = Field(gt=0)
    verringerung_miete_prozent: Decimal = Field(gt=0)
    verringerung_einkommen_prozent: Decimal = Field(gt=0)
    mitteilung_miete_prozent: Decimal = Field(gt=0)
    mitteilung_einnahmen_prozent: Decimal = Field(gt=0)
    ohne_heizkostenbetrag: bool
    heizkostenbetrag_wortlaut: str = Field(
        default="abzüglich des Gesamtbetrages zur Entlastung bei den Heizkosten", min_length=10
    )
    """§ 27 Abs. 1, 2 Nr. 2: the words of the Fassung for the heating amounts left out of the comparison."""
    bewilligungszeitraum_monate: int = Field(ge=1, le=24)
    bewilligungszeitraum_hoechst_monate: int = Field(ge=1, le=24)
    bewilligungszeitraum_wortlaut: str | None = Field(default=None, min_length=10)
    """§ 25 Abs. 1 WoGG in the words of the Fassung, quoted when a length is refused."""


def schwellen_in_kraft(store: ParameterStore, on: date) -> AenderungSchwellen:
    """The Fassung of the table ``aenderung`` in force on ``on`` in ``store``."""
    t = store.in_force(AenderungSchwellen.folder, on, AenderungSchwellen)
    assert isinstance(t, AenderungSchwellen)
    return t
