"""Input model: Haushalt, Haushaltsmitglied, Miete, Belastung, Heim.

Validated once at the edge (pydantic v2); the rules compute on plain Decimals afterwards.
Money is :data:`~wohngeld.money.Euro` (Decimal; ``int`` and ``str`` accepted, ``float`` refused).
"""

from __future__ import annotations

from decimal import Decimal
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from .einnahmen import Einnahme
from .money import Euro

__all__ = [
    "Belastung",
    "Haushalt",
    "Haushaltsmitglied",
    "Heim",
    "MAX_BETRAG",
    "MAX_MITGLIEDER",
    "Miete",
    "Pauschalabzug",
    "Wohnkosten",
]

MAX_BETRAG = Decimal(10_000_000)
"""Largest monthly amount accepted (plausibility bound that keeps fixed-point arithmetic exact)."""
MAX_MITGLIEDER = 99

_MONEY = {"ge": 0, "le": MAX_BETRAG, "allow_inf_nan": False}


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", str_strip_whitespace=True)


class Miete(_Frozen):
    """Mietzuschuss: the monthly Miete (§ 9 WoGG), i. e. the Bruttokaltmiete.

    Rent without heating and hot-water costs (§ 9 Abs. 2 WoGG); kalte Nebenkosten included.
    """

    art: Literal["Miete"] = "Miete"
    miete_monat: Euro = Field(**_MONEY)


class Belastung(_Frozen):
    """Lastenzuschuss: the monthly Belastung of an owner (§ 10 WoGG), given as one figure."""

    art: Literal["Belastung"] = "Belastung"
    belastung_monat: Euro = Field(**_MONEY)


class Heim(_Frozen):
    """Bewohner eines Heimes: the Höchstbetrag counts as the Miete (§ 9 Abs. 3 WoGG)."""

    art: Literal["Heim"] = "Heim"


Wohnkosten = Annotated[Miete | Belastung | Heim, Field(discriminator="art")]


class Pauschalabzug(_Frozen):
    """The three § 16 Abs. 1 WoGG criteria expected in the Bewilligungszeitraum."""

    steuern: bool = False
    kranken_pflege: bool = False
    rente: bool = False


class Haushaltsmitglied(_Frozen):
    """One member of the household (§ 5 WoGG) with the facts the rules ask about."""

    name: str | None = None
    einnahmen: tuple[Einnahme, ...] = ()
    pauschalabzug: Pauschalabzug = Pauschalabzug()
    kind: bool = False
    alter_unter_25: bool | None = None
    alleinerziehend: bool = False
    schwerbehindert_gdb: int | None = Field(default=None, ge=0, le=100)
    pflegegrad: int | None = Field(default=None, ge=1, le=5)
    grundrentenzeiten_33_jahre: bool = False
    ns_verfolgt: bool = False
    ausgeschlossen: str | None = Field(
        default=None,
        min_length=1,
        description="Grund des Ausschlusses nach § 7 WoGG (z. B. 'SGB II'); None = zu berücksichtigen",
    )


class Haushalt(_Frozen):
    """A household applying for Wohngeld.

    Give the Mietenstufe directly or a ``gemeinde`` (AGS or name); the members as a list or,
    with the Gesamteinkommen given directly, as ``anzahl_mitglieder``. ``miete_monat`` and
    ``belastung_monat`` are shortcuts for ``wohnkosten=Miete(...)`` / ``Belastung(...)``.
    """

    wohnkosten: Wohnkosten
    mietenstufe: int | None = Field(default=None, ge=1, le=7)
    gemeinde: str | None = Field(default=None, min_length=1)
    mitglieder: tuple[Haushaltsmitglied, ...] | None = Field(default=None, min_length=1)
    anzahl_mitglieder: int | None = Field(default=None, ge=1, le=MAX_MITGLIEDER)
    gesamteinkommen_monat: Euro | None = Field(
        default=None,
        ge=0,
        le=MAX_BETRAG,
        description="Y: monatliches Gesamteinkommen (§ 13 Abs. 2 WoGG), wenn bereits bekannt",
    )

    @model_validator(mode="before")
    @classmethod
    def _shortcuts(cls, data: Any) -> Any:
        if not isinstance(data, dict):
            return data
        given = [k for k in ("miete_monat", "belastung_monat") if k in data]
        if not given:
            return data
        if len(given) > 1 or "wohnkosten" in data:
            raise ValueError(
                "give the housing cost once: miete_monat (Mietzuschuss), belastung_monat "
                "(Lastenzuschuss) or wohnkosten; "
                f"given: {', '.join(given + (['wohnkosten'] if 'wohnkosten' in data else []))}"
            )
        data = dict(data)
        key = given[0]
        art = "Miete" if key == "miete_monat" else "Belastung"
        data["wohnkosten"] = {"art": art, key: data.pop(key)}
        return data

    @model_validator(mode="after")
    def _consistent(self) -> Haushalt:
        if (self.mietenstufe is None) == (self.gemeinde is None):
            raise ValueError(
                "give exactly one of mietenstufe (1–7, § 12 Abs. 1 WoGG) or gemeinde "
                "(AGS or name, Anlage zu § 1 Abs. 3 WoGV); "
                f"given mietenstufe={self.mietenstufe!r}, gemeinde={self.gemeinde!r}"
            )
        if (self.mitglieder is None) == (self.anzahl_mitglieder is None):
            raise ValueError(
                "give the household members either as mitglieder (a list) or as "
                "anzahl_mitglieder (with gesamteinkommen_monat), not both and not neither"
            )
        if self.anzahl_mitglieder is not None and self.gesamteinkommen_monat is None:
            raise ValueError(
                "anzahl_mitglieder without itemised members needs gesamteinkommen_monat "
                "(Y, § 13 Abs. 2 WoGG)"
            )
        if self.mitglieder is not None and self.gesamteinkommen_monat is not None:
            if any(m.einnahmen for m in self.mitglieder):
                raise ValueError(
                    "gesamteinkommen_monat is given and members list einnahmen: give Y "
                    "directly or the Einnahmen, not both"
                )
        return self
