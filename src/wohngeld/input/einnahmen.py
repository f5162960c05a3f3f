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

from pydantic import ConfigDict, Field, model_validator

from ..money import Euro
from ..validierung import DeutscheEingabe

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
    # § 17a Abs. 1 WoGG: every Rente of the gesetzliche Rentenversicherung (SGB VI) is "Einkommen aus der
    # gesetzlichen Rente"; a Rente of another system takes its own kind below
    ERWERBSMINDERUNGSRENTE = "Erwerbsminderungsrente"  # § 43 SGB VI
    WITWENRENTE = "Witwen- oder Witwerrente"  # § 46 SGB VI
    ERZIEHUNGSRENTE = "Erziehungsrente"  # § 47 SGB VI
    WAISENRENTE = "Waisenrente"  # § 48 SGB VI
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
    # § 14 Abs. 2 WoGG, the remaining items of the catalogue (Nr. in the member comments)
    BEAMTENVERSORGUNG = "Versorgungsbezüge, beamtenrechtlich"  # Nr. 1 with § 17a Abs. 2 Nr. 2
    RENTE_LANDWIRTE = "Rente der Alterssicherung der Landwirte"  # § 17a Abs. 2 Nr. 1
    RENTE_VERSORGUNGSWERK = "Rente einer berufsständischen Versorgungseinrichtung"  # § 17a Abs. 2 Nr. 3
    BESCHAEDIGTENVERSORGUNG = "Beschädigtenversorgung, einkommensabhängig"  # Nr. 2
    RENTENABFINDUNG = "Rentenabfindung, Beitragserstattung, Kapitalabfindung"  # Nr. 4
    UNFALLRENTE = "Rente der gesetzlichen Unfallversicherung"  # Nr. 5
    LOHNERSATZ_SONSTIGE = "Lohnersatzleistung, sonstige"  # Nr. 6
    AUSLAENDISCHE_EINKUENFTE = "Ausländische Einkünfte"  # Nr. 7
    LASTENAUSGLEICH = "Unterhaltshilfe nach Lastenausgleichsrecht"  # Nr. 8
    ANTI_D_HILFE = "Rente nach dem Anti-D-Hilfegesetz"  # Nr. 10
    BETRIEBLICHE_ALTERSVERSORGUNG = "Arbeitgeberbeiträge zur betrieblichen Altersversorgung"  # Nr. 14
    SONDERABSCHREIBUNGEN = "Erhöhte Absetzungen und Sonderabschreibungen"  # Nr. 16
    PRODUKTIONSAUFGABERENTE = "Produktionsaufgaberente, Ausgleichsgeld"  # Nr. 17
    ANPASSUNGSGELD_BERGBAU = "Anpassungsgeld Bergbau und Stahl"  # Nr. 18
    UNTERHALT_PFLEGE = "Unterhalt für eine Pflegeperson oder Pflegekraft"  # Nr. 19 (a)
    ZUWENDUNG_NICHT_UNTERHALTSPFLICHTIGER = "Zuwendung einer nicht unterhaltspflichtigen Person"  # Nr. 19 b
    UNTERHALT_EHEGATTE_PFLEGE = "Unterhalt vom früheren Ehegatten für Pflege"  # Nr. 20 a
    VERSORGUNGSAUSGLEICH = "Versorgungsleistungen, schuldrechtlicher Versorgungsausgleich"  # Nr. 20 b
    PFLEGE_NICHT_HAUSHALTSMITGLIED = "Einnahmen aus Pflege einer Person außerhalb des Haushalts"  # Nr. 26
    BEGABTENFOERDERUNG = "Begabtenförderung"  # Nr. 27 b
    AUFSTIEGS_BAFOEG = "Aufstiegs-BAföG, Unterhaltsbeitrag"  # Nr. 27 e
    MOBIPRO_EU = "Sonderprogramm MobiPro-EU, Lebensunterhalt"  # Nr. 27 f
    GRADUIERTENFOERDERUNG = "Graduiertenförderung"  # Nr. 28
    FULBRIGHT = "Fulbright-Zuwendung"  # Nr. 29
    LEISTUNG_7_ABS_1 = "Leistung nach § 7 Abs. 1 WoGG, wiederkehrend"  # Nr. 30
    MIETWERT_EIGENES_HAUS = "Mietwert im eigenen Haus"  # Nr. 31


NEGATIV_ERLAUBT = frozenset(
    {
        EinnahmeArt.GEWINN_LAND_FORST,
        EinnahmeArt.GEWINN_GEWERBE,
        EinnahmeArt.GEWINN_SELBSTAENDIG,
        EinnahmeArt.VERMIETUNG,
    }
)
"""Kinds given as Einkünfte (§ 2 Abs. 2 Satz 1 Nr. 1 EStG: Gewinn, Nr. 2: Überschuss) that may be negative."""


class Einnahme(DeutscheEingabe):
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
    mehrlinge: int | None = Field(
        default=None,
        ge=2,
        le=12,
        strict=True,
        description="Elterngeld for a multiple birth: the number of children born (§ 10 Abs. 4 BEEG)",
    )
    angerechnet_monat: Euro | None = Field(
        default=None,
        ge=0,
        le=_MAX_MONAT,
        description="Elterngeld: Einnahmen, die nach § 3 BEEG monatlich auf dieses Elterngeld angerechnet "
        "werden (z. B. Mutterschaftsgeld); sie sind auch als eigene Einnahme anzugeben und teilen mit "
        "dem Elterngeld den Freibetrag von insgesamt 300 € (§ 10 Abs. 1, 3 BEEG)",
    )
    bezeichnung: str | None = None

    @model_validator(mode="after")
    def _periode(self) -> Einnahme:
        art = self.art.value
        elterngeld = (EinnahmeArt.ELTERNGELD, EinnahmeArt.ELTERNGELD_PLUS)
        if self.angerechnet_monat is not None and self.art not in elterngeld:
            raise ValueError(
                f"{art}: angerechnet_monat gilt nur für Elterngeld und ElterngeldPlus (die nach § 3 BEEG "
                "auf das Elterngeld angerechneten Einnahmen, § 10 Abs. 1 BEEG)"
            )
        if self.mehrlinge is not None and self.art not in elterngeld:
            raise ValueError(
                f"{art}: mehrlinge = {self.mehrlinge} angegeben; mehrlinge gilt nur für Elterngeld und "
                "ElterngeldPlus (§ 10 Abs. 4 BEEG)"
            )
        if self.zeitraum == "laufend":
            if (self.brutto_monat is None) == (self.brutto_jahr is None):
                raise ValueError(
                    f"{art}: für eine laufende Einnahme genau eines von brutto_monat oder brutto_jahr "
                    f"angeben "
                    "(ein einmaliger Betrag: zeitraum = 'einmalig' oder 'sonderzuwendung' mit betrag und "
                    "zufluss)"
                )
            if self.betrag is not None or self.zufluss is not None:
                raise ValueError(
                    f"{art}: betrag und zufluss gehören zu zeitraum 'einmalig' oder 'sonderzuwendung' "
                    "(§ 15 Abs. 2, 3 WoGG); eine laufende Einnahme hat brutto_monat oder brutto_jahr"
                )
            if self.ab is not None and self.bis is not None and self.bis < self.ab:
                raise ValueError(f"{art}: bis {self.bis:%d.%m.%Y} liegt vor ab {self.ab:%d.%m.%Y}")
        else:
            if self.betrag is None or self.zufluss is None:
                raise ValueError(
                    f"{art}: zeitraum '{self.zeitraum}' braucht betrag und zufluss (Tag der Zahlung, "
                    "§ 15 Abs. 2, 3 WoGG)"
                )
            if self.brutto_monat is not None or self.brutto_jahr is not None:
                raise ValueError(
                    f"{art}: zeitraum '{self.zeitraum}' verlangt betrag statt brutto_monat oder brutto_jahr"
                )
            if self.ab is not None or self.bis is not None:
                raise ValueError(f"{art}: ab/bis gelten nur für laufende Einnahmen")
        if self.art not in NEGATIV_ERLAUBT:
            for name in ("brutto_monat", "brutto_jahr"):
                value = getattr(self, name)
                if value is not None and value < 0:
                    raise ValueError(
                        f"{art}: {name} = {value} ist negativ; negativ sein dürfen nur Einkünfte aus "
                        f"{', '.join(sorted(a.value for a in NEGATIV_ERLAUBT))} "
                        "(§ 14 Abs. 1 WoGG, § 2 Abs. 2 EStG)"
                    )
        return self


class Unterhaltszahlung(DeutscheEingabe):
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
            raise ValueError("Unterhaltszahlung: genau eines von betrag_monat oder betrag_jahr angeben")
        return self
