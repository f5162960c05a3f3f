"""Einnahmen of a household member: kind, amount, period (input model for §§ 14–16, 18 WoGG).

An :class:`Einnahme` is running (``laufend``: ``brutto_monat`` or ``brutto_jahr``, optionally
``ab``/``bis`` within the twelve months of § 15 WoGG), a Sonderzuwendung paid at longer
intervals (``sonderzuwendung``: ``betrag`` and ``zufluss``, § 15 Abs. 3) or one-off income
(``einmalig``: ``betrag`` and ``zufluss``, § 15 Abs. 2). Amounts are gross; for the Gewinn and
Vermietung kinds they are the Einkünfte (Gewinn or Überschuss), which may be negative.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from enum import StrEnum
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from .money import Euro

__all__ = ["NEGATIV_ERLAUBT", "Einnahme", "EinnahmeArt", "Unterhaltszahlung"]

_MAX_MONAT = Decimal(10) ** 8
_MAX_JAHR = Decimal(10) ** 9


class EinnahmeArt(StrEnum):
    """Kinds of Einnahmen the income rules know (§ 14 WoGG; how each counts: data ``einnahmearten``)."""

    ERWERBSEINKOMMEN = "Erwerbseinkommen"
    MINIJOB_PAUSCHAL = "Minijob, pauschal versteuert"
    SACHZUWENDUNG_PAUSCHAL = "Sachzuwendung, pauschal versteuert"
    GEWINN_LAND_FORST = "Gewinn aus Land- und Forstwirtschaft"
    GEWINN_GEWERBE = "Gewinn aus Gewerbebetrieb"
    GEWINN_SELBSTAENDIG = "Gewinn aus selbständiger Arbeit"
    VERMIETUNG = "Vermietung und Verpachtung"
    KAPITALERTRAEGE = "Kapitalerträge"
    ALTERSRENTE = "Altersrente"
    LEIBRENTE = "Leibrente, sonstige"
    VERSORGUNGSBEZUEGE = "Versorgungsbezüge"
    ARBEITSLOSENGELD = "Arbeitslosengeld"
    KRANKENGELD = "Krankengeld"
    KURZARBEITERGELD = "Kurzarbeitergeld"
    UEBERGANGSGELD = "Übergangsgeld"
    MUTTERSCHAFTSGELD = "Mutterschaftsgeld"
    INSOLVENZGELD = "Insolvenzgeld"
    ELTERNGELD = "Elterngeld"
    ELTERNGELD_PLUS = "ElterngeldPlus"
    KRANKENTAGEGELD = "Krankentagegeld"
    SFN_ZUSCHLAEGE = "Zuschläge für Sonntags-, Feiertags- oder Nachtarbeit"
    AKTIVRENTE = "Aktivrente"
    UNTERHALT = "Unterhalt"
    UNTERHALT_EHEGATTE = "Unterhalt vom früheren Ehegatten"
    UNTERHALTSVORSCHUSS = "Unterhaltsvorschuss"
    MIETZAHLUNG_DRITTER = "Mietzahlung Dritter"
    BAFOEG_ZUSCHUSS = "BAföG-Zuschuss"
    BERUFSAUSBILDUNGSBEIHILFE = "Berufsausbildungsbeihilfe"
    STIPENDIUM = "Stipendium"
    PFLEGEKIND_UNTERHALT = "Pflegegeld SGB VIII, Unterhalt"
    PFLEGEKIND_ERZIEHUNG = "Pflegegeld SGB VIII, Erziehung"
    KINDERGELD = "Kindergeld"
    KINDERZUSCHLAG = "Kinderzuschlag"
    PFLEGEGELD = "Pflegegeld"
    BLINDENGELD = "Blindengeld"
    UNTERVERMIETUNG = "Untervermietung in der Wohnung"


NEGATIV_ERLAUBT = frozenset(
    {
        EinnahmeArt.GEWINN_LAND_FORST,
        EinnahmeArt.GEWINN_GEWERBE,
        EinnahmeArt.GEWINN_SELBSTAENDIG,
        EinnahmeArt.VERMIETUNG,
    }
)
"""Kinds given as Einkünfte (§ 2 Abs. 2 Satz 1 Nr. 1 EStG: Gewinn, Nr. 2: Überschuss) that may be negative."""


class Einnahme(BaseModel):
    """One Einnahme: gross amount per month or per year, or a one-off amount with its date."""

    model_config = ConfigDict(frozen=True, extra="forbid", use_enum_values=False)

    art: EinnahmeArt
    brutto_monat: Euro | None = Field(default=None, ge=-_MAX_MONAT, le=_MAX_MONAT)
    brutto_jahr: Euro | None = Field(default=None, ge=-_MAX_JAHR, le=_MAX_JAHR)
    betrag: Euro | None = Field(default=None, ge=0, le=_MAX_JAHR)
    zeitraum: Literal["laufend", "einmalig", "sonderzuwendung"] = "laufend"
    zufluss: date | None = None
    ab: date | None = None
    bis: date | None = None
    werbungskosten_jahr: Euro | None = Field(
        default=None,
        ge=0,
        le=_MAX_JAHR,
        description="tatsächliche Werbungskosten bzw. Aufwendungen (§ 14 Abs. 1 Satz 3 Nr. 2 WoGG) "
        "für die zwölf Monate",
    )
    bezeichnung: str | None = None

    @model_validator(mode="after")
    def _periode(self) -> Einnahme:
        art = self.art.value
        if self.zeitraum == "laufend":
            if (self.brutto_monat is None) == (self.brutto_jahr is None):
                raise ValueError(
                    f"{art}: give exactly one of brutto_monat or brutto_jahr for a laufende Einnahme "
                    "(a one-off amount: zeitraum = 'einmalig' or 'sonderzuwendung' with betrag and zufluss)"
                )
            if self.betrag is not None or self.zufluss is not None:
                raise ValueError(
                    f"{art}: betrag and zufluss belong to zeitraum 'einmalig' or 'sonderzuwendung' "
                    "(§ 15 Abs. 2, 3 WoGG); a laufende Einnahme has brutto_monat or brutto_jahr"
                )
            if self.ab is not None and self.bis is not None and self.bis < self.ab:
                raise ValueError(f"{art}: bis {self.bis} is before ab {self.ab}")
        else:
            if self.betrag is None or self.zufluss is None:
                raise ValueError(
                    f"{art}: zeitraum '{self.zeitraum}' needs betrag and zufluss (date of payment, "
                    "§ 15 Abs. 2, 3 WoGG)"
                )
            if self.brutto_monat is not None or self.brutto_jahr is not None:
                raise ValueError(
                    f"{art}: zeitraum '{self.zeitraum}' takes betrag, not brutto_monat or brutto_jahr"
                )
            if self.ab is not None or self.bis is not None:
                raise ValueError(f"{art}: ab/bis apply to laufende Einnahmen only")
        if self.art not in NEGATIV_ERLAUBT:
            for name in ("brutto_monat", "brutto_jahr"):
                value = getattr(self, name)
                if value is not None and value < 0:
                    raise ValueError(
                        f"{art}: {name} = {value} is negative; only Einkünfte aus "
                        f"{', '.join(sorted(a.value for a in NEGATIV_ERLAUBT))} may be negative "
                        "(§ 14 Abs. 1 WoGG, § 2 Abs. 2 EStG)"
                    )
        return self


class Unterhaltszahlung(BaseModel):
    """Expected payments to fulfil a statutory maintenance obligation (§ 18 WoGG), one recipient."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    empfaenger: Literal["auswaerts_ausbildung", "kind_getrennte_eltern", "ehegatte", "sonstige"] = Field(
        description="§ 18 Satz 1 Nr. 1 member away for training, Nr. 2 child under § 5 Abs. 4, "
        "Nr. 3 former or permanently separated spouse/partner, Nr. 4 any other non-member"
    )
    betrag_monat: Euro | None = Field(default=None, ge=0, le=_MAX_MONAT)
    betrag_jahr: Euro | None = Field(default=None, ge=0, le=_MAX_JAHR)
    titel_betrag_jahr: Euro | None = Field(
        default=None,
        ge=0,
        le=_MAX_JAHR,
        description="amount fixed in a notarial agreement, Unterhaltstitel or Bescheid (§ 18 Satz 2)",
    )
    name: str | None = None

    @model_validator(mode="after")
    def _periode(self) -> Unterhaltszahlung:
        if (self.betrag_monat is None) == (self.betrag_jahr is None):
            raise ValueError("Unterhaltszahlung: give exactly one of betrag_monat or betrag_jahr")
        return self
