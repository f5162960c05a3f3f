"""Input model: Haushalt, Haushaltsmitglied, Miete, Belastung, Heim.

Validated once at the edge (pydantic v2); the rules compute on plain Decimals afterwards.
Money is :data:`~wohngeld.money.Euro` (Decimal; ``int`` and ``str`` accepted, ``float`` refused).
"""

from __future__ import annotations

import re
from datetime import date, datetime
from decimal import Decimal
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BeforeValidator,
    ConfigDict,
    Field,
    field_validator,
    model_validator,
)

from ..money import Euro, to_decimal
from ..validierung import DeutscheEingabe
from .einnahmen import Einnahme, Unterhaltszahlung
from .gruende import Ausbildungsfoerderung, Ausschluss

__all__ = [
    "MAX_BETRAG",
    "MAX_MITGLIEDER",
    "Abzug",
    "Belastung",
    "Darlehen",
    "Haushalt",
    "Haushaltsmitglied",
    "Heim",
    "Miete",
    "Pauschalabzug",
    "Wohnkosten",
    "Zugehoerigkeit",
]

MAX_BETRAG = Decimal(10_000_000)
"""Largest monthly amount accepted (plausibility bound that keeps fixed-point arithmetic exact)."""
MAX_MITGLIEDER = 99

_MONEY: dict[str, Any] = {"ge": 0, "le": MAX_BETRAG}
MAX_FLAECHE = Decimal(100_000)
"""Largest area in m² accepted (plausibility bound)."""

Flaeche = Annotated[Decimal, BeforeValidator(to_decimal)]
"""An area in m²: ``Decimal``, ``int`` or ``str``; ``float`` refused."""


def _nur_wahrheitswert(value: object) -> bool:
    if isinstance(value, bool):
        return value
    raise ValueError(f"{value!r} angegeben; erlaubt sind nur true oder false (Python: True oder False)")


Wahrheitswert = Annotated[bool, BeforeValidator(_nur_wahrheitswert)]
"""A yes/no fact: only ``true``/``false`` (``1``, ``"yes"``, ``"ja"`` are refused, not guessed)."""

_ISO_DATUM = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", re.ASCII)


def _nur_iso_datum(value: object) -> date:
    if isinstance(value, date) and not isinstance(value, datetime):
        return value
    if isinstance(value, str) and _ISO_DATUM.fullmatch(value.strip()):
        try:
            return date.fromisoformat(value.strip())
        except ValueError:
            pass
    shown = value.isoformat() if isinstance(value, date) else repr(value)
    raise ValueError(f"{shown} angegeben; erlaubt ist ein Datum JJJJ-MM-TT (z. B. 2025-07-01)")


Datum = Annotated[date, BeforeValidator(_nur_iso_datum)]
"""A date: a ``datetime.date`` or ISO text ``JJJJ-MM-TT``; numbers and times are refused."""


def _geboren(value: date | None) -> date | None:
    if value is not None and value > date.today():
        raise ValueError(
            f"geburtsdatum {value:%d.%m.%Y} liegt in der Zukunft (heute ist "
            f"{date.today():%d.%m.%Y}); nur geborene Personen sind Haushaltsmitglieder (§ 5 WoGG)"
        )
    return value


Geburtsdatum = Annotated[Datum | None, AfterValidator(_geboren)]
"""A birth date: an ISO date, not after today."""



class _Frozen(DeutscheEingabe):
    model_config = ConfigDict(frozen=True, extra="forbid", str_strip_whitespace=True)


class Abzug(_Frozen):
    """A cost contained in the entered rent that § 9 Abs. 2 WoGG leaves out.

    Without ``betrag_monat`` the WoGV Pauschbetrag is deducted (§ 9 Abs. 2 Satz 2 WoGG,
    § 6 Abs. 2 WoGV); ``Betreuung`` has no Pauschbetrag and needs the amount.
    """

    art: Literal["Heizung", "Warmwasser", "Haushaltsenergie", "Garage", "Stellplatz", "Betreuung"]
    betrag_monat: Euro | None = Field(default=None, **_MONEY)


class Miete(_Frozen):
    """Mietzuschuss: the monthly Miete (§ 9 WoGG), i. e. the Bruttokaltmiete.

    § 9 Abs. 1, 2 WoGG, §§ 2, 6 WoGV, § 11 Abs. 2 WoGG. Give the Miete as one figure
    (``miete_monat``), from its parts (``grundmiete_monat`` + ``nebenkosten_monat`` +
    ``moeblierung_monat``) or as ``warmmiete_monat``; list in ``abzuege`` what the entered amount
    contains that § 9 Abs. 2 WoGG leaves out (a Warmmiete must name its ``Heizung``).

    ``mietwert_monat``: the owner of a house with more than two Wohnungen who lives in one of them
    (§ 3 Abs. 1 Satz 2 Nr. 2 WoGG) has no agreed rent; the Mietwert, the rent for comparable
    Wohnraum (§ 9 Abs. 3 Satz 1 WoGG, § 7 WoGV), takes its place. A Nutzungsentgelt under a
    mietähnliches Nutzungsverhältnis is the Miete itself (§ 9 Abs. 1 WoGG): ``miete_monat``.
    ``mietvorauszahlung`` (with ``mietvorauszahlung_monate``, the months it is meant for) and
    ``mieterdarlehen_verrechnung_monat`` are added to the Miete (§ 3 Abs. 1, 2 WoGV).
    ``untermiete_entgelt_monat`` is the Entgelt of the Untermieter "kalt": without the heating and
    hot-water costs it contains, which come out before it is compared with the share of the rent
    (§ 11 Abs. 2 Nr. 2 WoGG, § 6 Abs. 3 WoGV). Listed persons with ``beziehung = "keine"`` count
    as ``mitbewohner`` unless that is given (§ 11 Abs. 2 Nr. 3 WoGG).
    """

    art: Literal["Miete"] = "Miete"
    miete_monat: Euro | None = Field(default=None, **_MONEY)
    grundmiete_monat: Euro | None = Field(default=None, **_MONEY)
    nebenkosten_monat: Euro | None = Field(default=None, **_MONEY)
    moeblierung_monat: Euro | None = Field(default=None, **_MONEY)
    warmmiete_monat: Euro | None = Field(default=None, **_MONEY)
    mietwert_monat: Euro | None = Field(default=None, **_MONEY)
    mietvorauszahlung: Euro | None = Field(default=None, **_MONEY)
    mietvorauszahlung_monate: int | None = Field(default=None, ge=1, le=1200, strict=True)
    mieterdarlehen_verrechnung_monat: Euro | None = Field(default=None, **_MONEY)
    abzuege: tuple[Abzug, ...] = ()
    wohnflaeche_m2: Flaeche | None = Field(default=None, gt=0, le=MAX_FLAECHE)
    bewohner: int | None = Field(default=None, ge=1, le=MAX_MITGLIEDER, strict=True)
    gewerblich_m2: Flaeche | None = Field(default=None, gt=0, le=MAX_FLAECHE)
    untervermietet_m2: Flaeche | None = Field(default=None, gt=0, le=MAX_FLAECHE)
    untermiete_entgelt_monat: Euro | None = Field(
        default=None,
        description="Entgelt der Untermiete ohne Heiz- und Warmwasserkosten (§ 11 Abs. 2 Nr. 2 WoGG, "
        "§ 6 Abs. 3 WoGV)",
        **_MONEY,
    )
    mitbewohner: int = Field(default=0, ge=0, le=MAX_MITGLIEDER, strict=True)
    mitbewohner_entgelt_monat: Euro | None = Field(default=None, **_MONEY)
    zuschuss_monat: Euro | None = Field(default=None, **_MONEY)
    aufenthg_monat: Euro | None = Field(default=None, **_MONEY)

    @model_validator(mode="after")
    def _eine_grundlage(self) -> Miete:
        if (
            self.miete_monat is not None
            and self.warmmiete_monat is None
            and self.grundmiete_monat is None
            and self.nebenkosten_monat is None
            and self.moeblierung_monat is None
            and self.mietwert_monat is None
            and self.mietvorauszahlung is None
            and self.mietvorauszahlung_monate is None
        ):
            return self  # the common case: the Bruttokaltmiete as one figure
        teile = [
            k
            for k in ("grundmiete_monat", "nebenkosten_monat", "moeblierung_monat")
            if getattr(self, k) is not None
        ]
        grundlagen = [
            k for k in ("miete_monat", "warmmiete_monat", "mietwert_monat") if getattr(self, k) is not None
        ]
        if teile:
            grundlagen.append("+".join(teile))
        if len(grundlagen) != 1:
            raise ValueError(
                "die Miete einmal angeben: miete_monat (Bruttokaltmiete), ihre Teile grundmiete_monat "
                "(+ nebenkosten_monat, moeblierung_monat), warmmiete_monat (§ 9 Abs. 1 WoGG) oder "
                "mietwert_monat (§ 9 Abs. 3 Satz 1 WoGG); "
                f"angegeben: {', '.join(grundlagen) or 'nichts'}"
            )
        if (self.mietvorauszahlung is None) != (self.mietvorauszahlung_monate is None):
            raise ValueError(
                "mietvorauszahlung und mietvorauszahlung_monate gehören zusammen: der vorausgezahlte "
                "Betrag gilt als in den Monaten gezahlt, für die er bestimmt ist (§ 3 Abs. 1 WoGV)"
            )
        if teile and self.grundmiete_monat is None:
            raise ValueError("nebenkosten_monat/moeblierung_monat nur mit grundmiete_monat (§ 9 Abs. 1 WoGG)")
        if self.warmmiete_monat is not None and not any(a.art == "Heizung" for a in self.abzuege):
            raise ValueError(
                "warmmiete_monat enthält die Heizkosten, die nach § 9 Abs. 2 Nr. 1 WoGG außer Betracht "
                "bleiben: abzuege = [{art = \"Heizung\", betrag_monat = \"…\"}] mit dem Betrag aus dem "
                "Mietvertrag angeben, oder ohne betrag_monat für den Pauschbetrag nach § 6 Abs. 2 Nr. 1 "
                "WoGV (braucht wohnflaeche_m2); \"Warmwasser\" ergänzen, wenn auch Warmwasser enthalten "
                "ist — oder die Bruttokaltmiete als miete_monat eingeben"
            )
        arten = [a.art for a in self.abzuege]
        doppelt = sorted({a for a in arten if arten.count(a) > 1})
        if doppelt:
            raise ValueError(f"abzuege: {', '.join(doppelt)} doppelt; jede Kostenart einmal angeben")
        if (self.untermiete_entgelt_monat is not None) and self.untervermietet_m2 is None:
            raise ValueError("untermiete_entgelt_monat braucht untervermietet_m2 (§ 11 Abs. 2 Nr. 2 WoGG)")
        if self.mitbewohner_entgelt_monat is not None and self.mitbewohner == 0:
            raise ValueError("mitbewohner_entgelt_monat braucht mitbewohner ≥ 1 (§ 11 Abs. 2 Nr. 3 WoGG)")
        return self


class Darlehen(_Frozen):
    """Fremdmittel in the Wohngeld-Lastenberechnung with its yearly Kapitaldienst.

    §§ 10–12 WoGV: Zinsen with laufende Nebenleistungen (Abs. 1 Nr. 1), Tilgung (Nr. 2),
    laufende Bürgschaftskosten (Nr. 3), at most the agreed Jahresleistung (Abs. 2).

    ``tilgungsersatz``: the loan is repaid at maturity from a Bausparvertrag or a
    Personenversicherung (Festgeldhypothek); the Tilgung shown is 2 % of the loan
    (``nennbetrag``, § 12 Abs. 1 Satz 2 WoGV), or the lower ``tilgungsersatz_jahr`` actually paid
    (§ 12 Abs. 2 Satz 2 WoGV). ``tilgung_jahr`` must then be 0.
    """

    name: str | None = None
    zinsen_jahr: Euro = Field(**_MONEY)
    tilgung_jahr: Euro = Field(default=Decimal(0), **_MONEY)
    buergschaft_jahr: Euro = Field(default=Decimal(0), **_MONEY)
    nennbetrag: Euro | None = Field(default=None, ge=0, le=Decimal(10) ** 10)
    tilgungsersatz: Literal["Bausparvertrag", "Personenversicherung"] | None = None
    tilgungsersatz_jahr: Euro | None = Field(default=None, **_MONEY)

    @model_validator(mode="after")
    def _tilgungsersatz(self) -> Darlehen:
        if self.tilgungsersatz is None:
            if self.tilgungsersatz_jahr is not None:
                raise ValueError(
                    "tilgungsersatz_jahr braucht tilgungsersatz ('Bausparvertrag' oder "
                    "'Personenversicherung', § 12 Abs. 1 Satz 2 WoGV)"
                )
            return self
        if self.nennbetrag is None:
            raise ValueError(
                f"tilgungsersatz {self.tilgungsersatz!r} braucht nennbetrag: als Tilgung gelten 2 % des "
                "Darlehens (§ 12 Abs. 1 Satz 2 WoGV)"
            )
        if self.tilgung_jahr:
            raise ValueError(
                f"tilgung_jahr {self.tilgung_jahr} und tilgungsersatz {self.tilgungsersatz!r} angegeben: mit "
                "einem Tilgungsersatz gelten 2 % des Darlehens als Tilgung (§ 12 Abs. 1 Satz 2 WoGV); ein "
                "Darlehen, das auch direkt getilgt wird, als zweites Darlehen angeben"
            )
        return self


class Belastung(_Frozen):
    """Lastenzuschuss: the monthly Belastung of an owner (§ 10 WoGG).

    § 10 WoGG, §§ 8–13 WoGV. Either one figure (``belastung_monat``) or the
    Wohngeld-Lastenberechnung: ``darlehen`` (Kapitaldienst), ``wohnflaeche_m2`` for the flat
    Instandhaltungs- und Betriebskosten, ``grundsteuer_jahr``,
    ``verwaltungskosten_jahr`` and ``sonstige_leistungen_jahr`` (Erbbauzinsen, Renten).
    ``geschaeftsraum_m2``: Nutzfläche of rooms used only for business or a profession, in addition
    to ``wohnflaeche_m2``; the flat amount covers them (§ 13 Abs. 2 Satz 1 WoGV) and their share of
    the Belastung is left out (§ 11 Abs. 2 Nr. 1 WoGG, § 15 Abs. 1 WoGV).
    ``ueberlassen_m2`` (+ ``ueberlassen_entgelt_monat``): part of the Wohnfläche let to a person who is
    no Haushaltsmitglied; its share of the Belastung, or the higher Entgelt without the heating and
    hot-water amounts it contains, is left out (§ 11 Abs. 2 Nr. 2 WoGG, § 15 Abs. 2 WoGV).
    ``zuschuss_monat``: Leistungen aus öffentlichen Haushalten oder Zweckvermögen zur Senkung der
    Belastung (e.g. Aufwendungszuschüsse), left out after the Lastenberechnung (§ 11 Abs. 2 Nr. 4 WoGG).
    """

    art: Literal["Belastung"] = "Belastung"
    belastung_monat: Euro | None = Field(default=None, **_MONEY)
    darlehen: tuple[Darlehen, ...] = ()
    wohnflaeche_m2: Flaeche | None = Field(default=None, gt=0, le=MAX_FLAECHE)
    geschaeftsraum_m2: Flaeche | None = Field(default=None, gt=0, le=MAX_FLAECHE)
    grundsteuer_jahr: Euro = Field(default=Decimal(0), **_MONEY)
    verwaltungskosten_jahr: Euro = Field(default=Decimal(0), **_MONEY)
    sonstige_leistungen_jahr: Euro = Field(default=Decimal(0), **_MONEY)
    ueberlassen_m2: Flaeche | None = Field(
        default=None, gt=0, le=MAX_FLAECHE,
        description="Teil der Wohnfläche, der einer Person, die kein Haushaltsmitglied ist, überlassen ist "
        "(§ 11 Abs. 2 Nr. 2 WoGG)",
    )
    ueberlassen_entgelt_monat: Euro | None = Field(
        default=None,
        description="Entgelt für die Überlassung ohne Heiz- und Warmwasserkosten (§ 15 Abs. 2 WoGV)",
        **_MONEY,
    )
    zuschuss_monat: Euro | None = Field(
        default=None,
        description="Leistungen zur Senkung der Belastung (§ 11 Abs. 2 Nr. 4 WoGG)",
        **_MONEY,
    )

    @model_validator(mode="after")
    def _eine_grundlage(self) -> Belastung:
        lastenberechnung = (
            bool(self.darlehen)
            or self.wohnflaeche_m2 is not None
            or self.geschaeftsraum_m2 is not None
            or any((self.grundsteuer_jahr, self.verwaltungskosten_jahr, self.sonstige_leistungen_jahr))
        )
        if (self.belastung_monat is None) == (not lastenberechnung):
            raise ValueError(
                "die Belastung einmal angeben: belastung_monat (ein Betrag) oder die Wohngeld-"
                "Lastenberechnung (darlehen, wohnflaeche_m2, grundsteuer_jahr, … ; § 10 Abs. 2 WoGG, "
                "§§ 8–13 WoGV)"
            )
        if self.ueberlassen_entgelt_monat is not None and self.ueberlassen_m2 is None:
            raise ValueError("ueberlassen_entgelt_monat braucht ueberlassen_m2 (§ 11 Abs. 2 Nr. 2 WoGG)")
        if self.ueberlassen_m2 is not None and (
            self.wohnflaeche_m2 is None or self.ueberlassen_m2 >= self.wohnflaeche_m2
        ):
            raise ValueError(
                f"ueberlassen_m2 ({self.ueberlassen_m2} m²) braucht wohnflaeche_m2, die ganze Wohnfläche, "
                f"größer als diese (angegeben: "
                f"{self.wohnflaeche_m2 if self.wohnflaeche_m2 is not None else 'nichts'}); "
                "§ 11 Abs. 2 Nr. 2 WoGG lässt den Anteil der Belastung für den überlassenen Teil außer "
                "Betracht"
            )
        if self.geschaeftsraum_m2 is not None and self.wohnflaeche_m2 is None:
            raise ValueError(
                "geschaeftsraum_m2 braucht wohnflaeche_m2: der Anteil der Belastung für die Geschäftsräume "
                "folgt den Flächen (§ 11 Abs. 2 Nr. 1 WoGG, §§ 13 Abs. 2, 15 Abs. 1 WoGV)"
            )
        return self


class Heim(_Frozen):
    """Bewohner eines Heimes: the Höchstbetrag plus Klimakomponente is the Miete.

    § 9 Abs. 3 Satz 2 WoGG, § 11 Abs. 1 Satz 2 WoGG: the Heimentgelt does not enter; a rent figure
    given for a Heim is refused, so that it cannot be mistaken for the Miete.
    """

    art: Literal["Heim"] = "Heim"

    @model_validator(mode="before")
    @classmethod
    def _keine_miete(cls, data: Any) -> Any:
        if isinstance(data, dict):
            extra = sorted(k for k in data if k != "art")
            if extra:
                raise ValueError(
                    f"Heim: {', '.join(extra)} angegeben; für Heimbewohner (§ 3 Abs. 1 Satz 2 Nr. 3 WoGG) "
                    "ist die Miete kraft Gesetzes der Höchstbetrag zuzüglich Klimakomponente (§ 9 Abs. 3 "
                    "Satz 2 WoGG), das Heimentgelt zählt nicht — die Miete weglassen, oder Miete verwenden, "
                    "wenn die Person eine Wohnung außerhalb eines Heimes mietet"
                )
        return data


Wohnkosten = Annotated[Miete | Belastung | Heim, Field(discriminator="art")]


class Pauschalabzug(_Frozen):
    """The three § 16 Abs. 1 WoGG criteria expected in the Bewilligungszeitraum."""

    steuern: Wahrheitswert = False
    kranken_pflege: Wahrheitswert = False
    rente: Wahrheitswert = False


class Zugehoerigkeit(_Frozen):
    """Why a person belongs to the household, for §§ 5, 6 WoGG (all optional).

    ``beziehung`` is the relationship to the wohngeldberechtigte Person or another member
    (§ 5 Abs. 1 Satz 2 Nr. 1–6 WoGG; ``keine`` means no Haushaltsmitglied). ``betreuungsanteil`` is
    this household's share in the care of a child of separated parents (§ 5 Abs. 4 WoGG) and
    ``geburtsdatum`` picks the youngest under Satz 3. ``verstorben_am`` applies § 6 Abs. 2 WoGG;
    ``sterbefall_ausnahme`` says one of its Satz 2 Nr. 1–3 holds. ``abwesend``: a temporary absence
    keeps the member, a permanent one ends membership (WoGVwV Nr. 1.03, 5.13).
    ``leistung_ab`` / ``leistung_bis``: the first and last day for which the § 7 Abs. 1 benefit of
    an ``ausgeschlossen`` member is applied for or granted; the exclusion then runs only in the
    months § 8 Abs. 1 Satz 2 WoGG names (open end: ``leistung_bis`` left out).
    """

    beziehung: (
        Literal[
            "wohngeldberechtigte Person",
            "Ehegatte",
            "Lebenspartner",
            "Verantwortungs- und Einstehensgemeinschaft",
            "verwandt oder verschwägert",
            "Pflegekind",
            "Pflegeeltern",
            "keine",
        ]
        | None
    ) = None
    betreuungsanteil: Flaeche | None = Field(default=None, gt=0, le=1)
    geburtsdatum: Geburtsdatum = None
    verstorben_am: Datum | None = None
    sterbefall_ausnahme: Wahrheitswert = False
    abwesend: Literal["voruebergehend", "dauerhaft"] | None = None
    leistung_ab: Datum | None = None
    leistung_bis: Datum | None = None

    @model_validator(mode="after")
    def _leistungszeitraum(self) -> Zugehoerigkeit:
        if self.leistung_bis is not None:
            if self.leistung_ab is None:
                raise ValueError("leistung_bis braucht leistung_ab (§ 8 Abs. 1 Satz 2 WoGG)")
            if self.leistung_bis < self.leistung_ab:
                raise ValueError(
                    f"leistung_bis {self.leistung_bis:%d.%m.%Y} liegt vor leistung_ab "
                    f"{self.leistung_ab:%d.%m.%Y} (§ 8 Abs. 1 Satz 2 WoGG)"
                )
        return self


class Haushaltsmitglied(_Frozen):
    """One member of the household (§ 5 WoGG) with the facts the rules ask about."""

    name: str | None = None
    einnahmen: tuple[Einnahme, ...] = ()
    pauschalabzug: Pauschalabzug = Pauschalabzug()
    kind: Wahrheitswert = False
    alter_unter_25: Wahrheitswert | None = None
    alleinerziehend: Wahrheitswert = False
    schwerbehindert_gdb: int | None = Field(default=None, ge=0, le=100, strict=True)
    pflegegrad: int | None = Field(default=None, ge=1, le=5, strict=True)
    grundrentenzeiten_33_jahre: Wahrheitswert = False
    ns_verfolgt: Wahrheitswert = False
    geburtsdatum: Geburtsdatum = Field(default=None, description="for the ages in § 17 Nr. 3, 4 WoGG")
    haeusliche_pflege: Wahrheitswert = Field(
        default=False,
        description="häusliche oder teilstationäre Pflege oder Kurzzeitpflege (§ 17 Nr. 1 Buchst. b WoGG)",
    )
    unterhaltszahlungen: tuple[Unterhaltszahlung, ...] = Field(
        default=(), description="Unterhalt paid by this member (§ 18 WoGG)"
    )
    ausgeschlossen: Ausschluss | None = Field(
        default=None,
        description="Grund des Ausschlusses nach § 7 WoGG (Ausschlussgrund oder Text); None: zählt",
    )
    zugehoerigkeit: Zugehoerigkeit | None = None
    ausbildungsfoerderung: Ausbildungsfoerderung | None = Field(
        default=None, description="§ 20 Abs. 2 WoGG: Förderung, die dem Mitglied dem Grunde nach zusteht"
    )
    ausbildungsfoerderung_nur_darlehen: Wahrheitswert = False


class Haushalt(_Frozen):
    """A household applying for Wohngeld.

    Give the Mietenstufe directly, a ``gemeinde`` (AGS or name) or a ``plz`` (with ``ort`` where the
    Postleitzahl covers Gemeinden with different stages); the members as a list or,
    with the Gesamteinkommen given directly, as ``anzahl_mitglieder``. ``miete_monat`` and
    ``belastung_monat`` are shortcuts for ``wohnkosten=Miete(...)`` / ``Belastung(...)``.
    """

    wohnkosten: Wohnkosten
    mietenstufe: int | None = Field(default=None, ge=1, le=7, strict=True)
    gemeinde: str | None = Field(default=None, min_length=1)
    plz: str | None = Field(
        default=None,
        description="Postleitzahl der Wohnung (fünf Ziffern) statt gemeinde; Anlage zu § 1 Abs. 3 WoGV",
    )
    ort: str | None = Field(
        default=None, min_length=1, description="mit plz: Name der Gemeinde, wenn die PLZ mehrere umfasst"
    )
    mitglieder: tuple[Haushaltsmitglied, ...] | None = Field(
        default=None, min_length=1, max_length=MAX_MITGLIEDER
    )
    anzahl_mitglieder: int | None = Field(default=None, ge=1, le=MAX_MITGLIEDER, strict=True)
    gesamteinkommen_monat: Euro | None = Field(
        default=None,
        ge=0,
        le=MAX_BETRAG,
        description="Y: monatliches Gesamteinkommen (§ 13 Abs. 2 WoGG), wenn bereits bekannt",
    )
    anzahl_ausgeschlossen: int | None = Field(
        default=None, ge=0, le=MAX_MITGLIEDER, strict=True,
        description="with anzahl_mitglieder: how many of them are excluded under § 7 WoGG",
    )
    vermoegen: Euro | None = Field(
        default=None, ge=0, le=Decimal(10) ** 10, allow_inf_nan=False,
        description="verwertbares Vermögen der zu berücksichtigenden Mitglieder (§ 21 Nr. 3 WoGG)",
    )
    vermoegen_erheblich: bool | None = Field(
        default=None,
        description="Entscheidung der Wohngeldbehörde im Einzelfall, ob das Vermögen erheblich ist "
        "(§ 21 Nr. 3 WoGG); ersetzt die Regelgrenze der WoGVwV Nr. 21.37 (keine gesetzliche Grenze)",
    )
    bedarf_monat: Euro | None = Field(
        default=None, ge=0, le=MAX_BETRAG, allow_inf_nan=False,
        description="Bedarf nach SGB II/XII für die Plausibilitätsprüfung (WoGVwV Nr. 15.01 ff.)",
    )
    bewilligungszeitraum_ab: Datum | None = Field(
        default=None,
        description="start of the twelve months whose income § 15 WoGG forecasts; default: the Stichtag",
    )
    bewilligungszeitraum_monate: int | None = Field(
        default=None,
        ge=1,
        le=24,
        strict=True,
        description="length of the Bewilligungszeitraum in months (§ 25 Abs. 1 WoGG); other than 12: "
        "Jahreseinkommen = 12 × the average monthly income of the period (§ 15 Abs. 4 WoGG); default 12",
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
                "die Wohnkosten einmal angeben: miete_monat (Mietzuschuss), belastung_monat "
                "(Lastenzuschuss) oder wohnkosten; "
                f"angegeben: {', '.join(given + (['wohnkosten'] if 'wohnkosten' in data else []))}"
            )
        data = dict(data)
        key = given[0]
        art = "Miete" if key == "miete_monat" else "Belastung"
        data["wohnkosten"] = {"art": art, key: data.pop(key)}
        return data

    @field_validator("plz", mode="before")
    @classmethod
    def _plz_als_text(cls, value: Any) -> Any:
        """A PLZ given as a number has lost its leading zero: German message with a hint."""
        if value is None or isinstance(value, str):
            return value
        from ..law.mietenstufen.plz import pruefe_plz

        return pruefe_plz(value)

    @model_validator(mode="after")
    def _wohnort(self) -> Haushalt:
        """Exactly one of mietenstufe, gemeinde (AGS or name) and plz (+ optional ort)."""
        given = [k for k in ("mietenstufe", "gemeinde", "plz") if getattr(self, k) is not None]
        if len(given) != 1:
            raise ValueError(
                "genau eines angeben: mietenstufe (1–7, § 12 Abs. 1 WoGG), gemeinde (AGS oder Name) oder "
                "plz (Postleitzahl, wahlweise mit ort) (Anlage zu § 1 Abs. 3 WoGV); "
                f"angegeben: mietenstufe={self.mietenstufe!r}, gemeinde={self.gemeinde!r}, plz={self.plz!r}"
            )
        if self.ort is not None and self.plz is None:
            raise ValueError(
                f"ort {self.ort!r} gehört zu plz; ohne Postleitzahl die Gemeinde als gemeinde angeben"
            )
        if self.plz is not None:
            from ..law.mietenstufen.plz import pruefe_plz

            pruefe_plz(self.plz)
        return self

    @model_validator(mode="after")
    def _consistent(self) -> Haushalt:
        if (self.mitglieder is None) == (self.anzahl_mitglieder is None):
            raise ValueError(
                "die Haushaltsmitglieder entweder als mitglieder (Liste) oder als anzahl_mitglieder "
                "(mit gesamteinkommen_monat) angeben, nicht beides und nicht keines"
            )
        if self.anzahl_ausgeschlossen is not None:
            if self.anzahl_mitglieder is None:
                raise ValueError(
                    "anzahl_ausgeschlossen gehört zu anzahl_mitglieder; mit einer mitglieder-Liste jedes "
                    "ausgeschlossene Mitglied mit ausgeschlossen kennzeichnen (§ 7 WoGG)"
                )
            if self.anzahl_ausgeschlossen > self.anzahl_mitglieder:
                raise ValueError(
                    f"anzahl_ausgeschlossen: {self.anzahl_ausgeschlossen} ausgeschlossene Mitglieder "
                    f"angegeben, der "
                    f"Haushalt hat aber nur {self.anzahl_mitglieder} (anzahl_mitglieder); erlaubt sind 0–"
                    f"{self.anzahl_mitglieder} (§ 7 WoGG, § 11 Abs. 3 WoGG)"
                )
        if self.anzahl_mitglieder is not None and self.gesamteinkommen_monat is None:
            raise ValueError(
                "anzahl_mitglieder ohne einzelne Mitglieder braucht gesamteinkommen_monat "
                "(Y, § 13 Abs. 2 WoGG)"
            )
        if (
            self.mitglieder is not None
            and self.gesamteinkommen_monat is not None
            and any(m.einnahmen for m in self.mitglieder)
        ):
            raise ValueError(
                "gesamteinkommen_monat ist angegeben und Mitglieder haben einnahmen: Y direkt oder die "
                "Einnahmen angeben, nicht beides"
            )
        return self
