"""Parameter tables of the income stage (§§ 14–18 WoGG and the EStG amounts they rely on).

One folder per table under ``data/parameters/``; read through ``rs.table(Cls)``.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Annotated, Any, ClassVar, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from ...input.einnahmen import EinnahmeArt
from ..tabelle import Table

_Betrag = Annotated[Decimal, Field(gt=0)]
_EuroJahr = Annotated[Decimal, Field(ge=0)]
"""An amount of a table in EUR per year; 0 where a Fassung grants nothing."""

Werbungskostenregel = Literal["nachweis_oder_pauschbetrag", "pauschbetrag"]
"""The rules of § 14 Abs. 1 WoGG for Werbungskosten where § 9a Satz 1 EStG gives a Pauschbetrag."""
Nr1Voraussetzung = Literal["schwerbehinderung", "schwerbehinderung_oder_pflegegrad"]
"""The rules of § 17 Nr. 1 WoGG: who has the Freibetrag for schwerbehinderte members."""

__all__ = [
    "ArtRegel",
    "Behandlung",
    "Einnahmearten",
    "Freibetraege",
    "Grundrentenfreibetrag",
    "Nr1Voraussetzung",
    "PauschalabzugSaetze",
    "Regelbedarfsstufen",
    "UnterhaltAbzug",
    "WerbungskostenPauschbetraege",
    "Werbungskostenregel",
]

Behandlung = Literal[
    "nichtselbstaendig",  # § 19 EStG: Arbeitnehmer-Pauschbetrag or higher actual Werbungskosten
    "versorgung",  # Versorgungsbezüge: § 9a Satz 1 Nr. 1 Buchst. b EStG
    "rente",  # § 22 Nr. 1, 1a, 5 EStG: § 9a Satz 1 Nr. 3 EStG, once per person
    "minijob",  # § 14 Abs. 1 Satz 3 Nr. 2 WoGG: actual Aufwendungen only
    "sachzuwendung",  # § 14 Abs. 1 Satz 3 Nr. 1 WoGG: counted as given
    "gewinn_land_forst",  # Einkünfte § 2 Abs. 1 Satz 1 Nr. 1 EStG (given as Gewinn, may be negative)
    "gewinn_gewerbe",  # Nr. 2
    "gewinn_selbstaendig",  # Nr. 3
    "vermietung",  # Nr. 6 (Überschuss, may be negative)
    "kapital",  # Nr. 5 with § 14 Abs. 2 Nr. 15 WoGG
    "voll",  # an Einnahme of § 14 Abs. 2 WoGG, times ``anteil``
    "elterngeld",  # § 14 Abs. 2 Nr. 6 WoGG; § 10 BEEG keeps a monthly amount free
    "ueber_grenze",  # § 14 Abs. 2 Nr. 19, 20 a WoGG: counts as far as it exceeds ``frei_jahr``
    "nicht",  # not income under § 14 WoGG
]


class ArtRegel(BaseModel):
    """How one kind of Einnahme enters the Jahreseinkommen in one Fassung."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    behandlung: Behandlung
    anteil: Decimal = Field(default=Decimal(1), gt=0, le=1)
    zitat: str = Field(min_length=5)
    erwerb: bool = False  # eigene Einnahme aus Erwerbstätigkeit (§ 17 Nr. 4 WoGG)
    gesetzliche_rente: bool = False  # basis of § 17a WoGG
    anrechnungsfrei_monat: Decimal | None = None  # elterngeld only: § 10 BEEG
    mehrlinge_vervielfachen: bool = False  # elterngeld only: § 10 Abs. 4 BEEG, times the children born
    frei_jahr: Decimal | None = Field(default=None, ge=0)  # ueber_grenze only: EUR/Jahr kept free
    alterssicherung_17a: bool = False  # basis of § 17a Abs. 2 WoGG (comparable pension systems)
    unverified: str | None = Field(default=None, min_length=10)  # what of this entry was not read


class Einnahmearten(Table):
    """The kinds of Einnahmen and how § 14 WoGG counts them, per Fassung."""

    folder: ClassVar[str] = "einnahmearten"
    tabelle: Literal["einnahmearten"]
    kapitalertraege_grenze: Decimal = Field(ge=0)
    einmalig_zurechnung_monate: int = Field(
        default=12, ge=1, le=36, description="§ 15 Abs. 2 Satz 2 WoGG: months after the Zuflussmonat"
    )
    einmalig_rueckschau_monate: int = Field(
        default=12, ge=1, le=36, description="§ 15 Abs. 2 Satz 3 WoGG: received at most this long before"
    )
    arten: dict[EinnahmeArt, ArtRegel]

    @field_validator("arten")
    @classmethod
    def _elterngeld(cls, v: dict[EinnahmeArt, ArtRegel]) -> dict[EinnahmeArt, ArtRegel]:
        for art, regel in v.items():
            if (regel.behandlung == "elterngeld") != (regel.anrechnungsfrei_monat is not None):
                raise ValueError(
                    f"arten.{art.value}: anrechnungsfrei_monat gehört zu behandlung 'elterngeld'"
                )
            if regel.mehrlinge_vervielfachen and regel.behandlung != "elterngeld":
                raise ValueError(
                    f"arten.{art.value}: mehrlinge_vervielfachen gehört zu behandlung 'elterngeld'"
                )
            if (regel.behandlung == "ueber_grenze") != (regel.frei_jahr is not None):
                raise ValueError(f"arten.{art.value}: frei_jahr gehört zu behandlung 'ueber_grenze'")
        return v


class WerbungskostenPauschbetraege(Table):
    """Pauschbeträge für Werbungskosten per year (§ 9a Satz 1 EStG)."""

    folder: ClassVar[str] = "werbungskosten_pauschbetraege"
    tabelle: Literal["werbungskosten_pauschbetraege"]
    arbeitnehmer: _EuroJahr
    versorgungsbezuege: _EuroJahr
    renten: _EuroJahr
    werbungskosten: Werbungskostenregel = Field(
        description="the Pauschbetrag or higher Werbungskosten shown (since 2016), or only the Pauschbetrag "
        "(Entwurf 2027): selects the rule of § 14 Abs. 1 WoGG in law/income/einkommen.py"
    )

    @property
    def nur_pauschbetrag(self) -> bool:
        """Whether higher Werbungskosten shown are never deducted (``werbungskosten``)."""
        return self.werbungskosten == "pauschbetrag"


class PauschalabzugSaetze(Table):
    """Percentage deducted for each expected kind of tax or contribution (§ 16 WoGG)."""

    folder: ClassVar[str] = "pauschalabzug"
    tabelle: Literal["pauschalabzug"]
    grundsatz: Decimal = Field(ge=0, lt=1)
    satz_je_merkmal: Decimal = Field(gt=0, lt=Decimal("0.34"))


class Freibetraege(Table):
    """Jährliche Freibeträge (§ 17 Nr. 1–4 WoGG)."""

    folder: ClassVar[str] = "freibetraege"
    tabelle: Literal["freibetraege"]
    schwerbehinderung: _EuroJahr
    ns_verfolgung: _EuroJahr
    alleinerziehend: _EuroJahr
    alleinerziehend_kind_unter: int = Field(ge=1)
    kind_erwerbseinkommen: _EuroJahr
    kind_erwerbseinkommen_unter: int = Field(ge=1)
    schwerbehinderung_ab_gdb: int = Field(ge=1, le=100)
    nr1_voraussetzung: Nr1Voraussetzung = Field(
        description="who has the Freibetrag of § 17 Nr. 1 WoGG: schwerbehinderte members with GdB 100, "
        "or under 100 with Pflegebedürftigkeit and häuslicher Pflege (since 2016), or also members with "
        "Pflegegrad ``pflegegrad_ab`` or higher (Entwurf 2027); selects the rule of law/income/einkommen.py"
    )
    pflegegrad_ab: int | None = Field(
        default=None,
        ge=1,
        le=5,
        description="the lowest Pflegegrad of the rule 'schwerbehinderung_oder_pflegegrad'",
    )

    def model_post_init(self, __context: Any) -> None:
        super().model_post_init(__context)
        mit_pflegegrad = self.nr1_voraussetzung == "schwerbehinderung_oder_pflegegrad"
        if mit_pflegegrad != (self.pflegegrad_ab is not None):
            raise ValueError(
                "pflegegrad_ab gehört zu nr1_voraussetzung = 'schwerbehinderung_oder_pflegegrad' "
                f"(angegeben: {self.nr1_voraussetzung!r}, pflegegrad_ab = {self.pflegegrad_ab})"
            )


class Grundrentenfreibetrag(Table):
    """Freibetrag for members with 33 years of Grundrentenzeiten (§ 17a WoGG)."""

    folder: ClassVar[str] = "grundrente"
    tabelle: Literal["grundrente"]
    anwendbar: bool
    sockel_jahr: Decimal | None = None
    satz: Decimal | None = None
    anteil_regelbedarf: Decimal | None = None

    def model_post_init(self, __context: Any) -> None:
        super().model_post_init(__context)  # verified or unverified, as every table
        given = (self.sockel_jahr, self.satz, self.anteil_regelbedarf)
        if self.anwendbar and any(x is None for x in given):
            raise ValueError("anwendbar = true braucht sockel_jahr, satz und anteil_regelbedarf")


_Sgb2Leistung = Literal["Arbeitslosengeld II", "Bürgergeld", "Grundsicherungsgeld"]


class Sgb2Umbenennung(BaseModel):
    """The SGB II benefit renamed on ``ab`` by ``quelle``, inside one Fassung of the Regelbedarfsstufen."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    ab: date
    name: _Sgb2Leistung
    quelle: str = Field(min_length=5)


class Regelbedarfsstufen(Table):
    """Regelbedarfsstufen 1–6 (Anlage zu § 28 SGB XII; § 20 SGB II).

    RBS 1 caps the Freibetrag of § 17a Abs. 1 Satz 2 WoGG; all six give the Bedarf of the Vorrang
    hint (§ 7 Abs. 1 Satz 3 Nr. 2 WoGG, ``wohngeld.procedure.vorrang``).
    """

    folder: ClassVar[str] = "regelbedarfsstufen"
    tabelle: Literal["regelbedarfsstufen"]
    stufen: tuple[_Betrag, _Betrag, _Betrag, _Betrag, _Betrag, _Betrag]
    sgb2_leistung: _Sgb2Leistung = Field(
        description="the name of the SGB II benefit from valid_from (the Vorrang hint names it)"
    )
    sgb2_umbenennung: Sgb2Umbenennung | None = Field(
        default=None,
        description="a new name of the SGB II benefit from a day inside this Fassung's span (amounts stay)",
    )

    def model_post_init(self, __context: Any) -> None:
        super().model_post_init(__context)
        u = self.sgb2_umbenennung
        if u is not None and u.ab <= self.valid_from:
            raise ValueError(f"sgb2_umbenennung.ab = {u.ab} liegt nicht nach valid_from = {self.valid_from}")

    def sgb2_leistung_am(self, on: date) -> str:
        """Name of the SGB II benefit on ``on`` (a day this Fassung is in force)."""
        u = self.sgb2_umbenennung
        return u.name if u is not None and on >= u.ab else self.sgb2_leistung

    @property
    def regelbedarfsstufe_1(self) -> Decimal:
        """Regelbedarfsstufe 1 (alleinstehende Erwachsene)."""
        return self.stufen[0]


class UnterhaltAbzug(Table):
    """Höchstbeträge for Unterhalt paid, per recipient and year (§ 18 Satz 1 Nr. 1–4 WoGG)."""

    folder: ClassVar[str] = "unterhalt_abzug"
    tabelle: Literal["unterhalt_abzug"]
    auswaerts_ausbildung: _EuroJahr
    kind_getrennte_eltern: _EuroJahr
    ehegatte: _EuroJahr
    sonstige: _EuroJahr
