"""Catalogues as data (``data/katalog/*.toml``) and their small condition language.

A catalogue entry applies ``wenn`` all facts of its ``wenn`` table hold and, if it has
``wenn_eines``, at least one of those tables holds. Facts about a member (``kind``, ``gdb_min``,
``alter_min`` …) must hold for the same member; the entry then names that member. An
answer can be unknown (an age not given): the entry is kept with ``vorbehalt``, never dropped.
The facts are listed in :class:`Bedingung` and in ``docs/unterlagen-und-aenderungen.md``.
"""

from __future__ import annotations

import functools
import tomllib
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, fields
from datetime import date
from decimal import Decimal
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from ..errors import DataFileError
from ..input.haushalt import Haushalt, Haushaltsmitglied
from ..law.members import alter as lebensalter
from ..law.tabelle import data_root
from .gemeinde import gemeinde_passt

__all__ = [
    "Bedingung",
    "Eintrag",
    "Fakten",
    "Pruefung",
    "als_dict",
    "geliefert",
    "katalog_root",
    "lade_katalog",
    "lade_toml",
    "pruefe",
    "treffer",
]

Tri = bool | None
"""Three-valued answer: True, False or None (not known from the input)."""
K = TypeVar("K", bound=BaseModel)
E = TypeVar("E", bound="Eintrag")


class Bedingung(BaseModel):
    """Facts a catalogue entry asks for; all given facts must hold (unknown facts stay open).

    Household facts: ``wohnkosten`` (Miete, Belastung, Heim), ``einnahme_art`` (any
    EinnahmeArt value of a counted member), ``einnahme_zeitraum`` (einmalig, sonderzuwendung),
    ``werbungskosten``, ``abzug`` (a § 9 Abs. 2 Abzug of the Miete), ``mitbewohner``,
    ``untervermietet``, ``gewerblich``, ``zuschuss``, ``darlehen``, ``vermoegen``, ``merkmal``
    (a fact the caller passes, e.g. ``eigenes_mehrfamilienhaus``), ``gemeinde`` (AGS or name),
    ``wohngeld`` (the computed amount is > 0). Member facts: ``kind``, ``alter_min``,
    ``gdb_min``, ``gdb_unter``, ``pflegegrad_min``, ``pflege``, ``alleinerziehend``,
    ``grundrente``, ``ns_verfolgt``, ``ausgeschlossen``, ``ausbildungsfoerderung``,
    ``nur_darlehen``, ``unterhalt_gezahlt``, ``verstorben``, ``getrennt_betreut``.
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    wohnkosten: tuple[str, ...] | None = None
    einnahme_art: tuple[str, ...] | None = None
    einnahme_zeitraum: tuple[str, ...] | None = None
    werbungskosten: bool | None = None
    abzug: tuple[str, ...] | None = None
    mitbewohner: bool | None = None
    untervermietet: bool | None = None
    gewerblich: bool | None = None
    zuschuss: bool | None = None
    darlehen: bool | None = None
    vermoegen: bool | None = None
    merkmal: str | None = None
    gemeinde: tuple[str, ...] | None = None
    wohngeld: bool | None = None
    # member facts
    kind: bool | None = None
    alter_min: int | None = Field(default=None, ge=0, le=120)
    alter_unter: int | None = Field(default=None, ge=1, le=120)
    gdb_min: int | None = Field(default=None, ge=0, le=100)
    gdb_unter: int | None = Field(default=None, ge=1, le=101)
    pflegegrad_min: int | None = Field(default=None, ge=1, le=5)
    pflege: bool | None = None
    alleinerziehend: bool | None = None
    grundrente: bool | None = None
    ns_verfolgt: bool | None = None
    ausgeschlossen: bool | None = None
    ausbildungsfoerderung: bool | None = None
    nur_darlehen: bool | None = None
    unterhalt_gezahlt: bool | None = None
    verstorben: bool | None = None
    getrennt_betreut: bool | None = None

    @field_validator("wohnkosten", "einnahme_art", "einnahme_zeitraum", "abzug", "gemeinde", mode="before")
    @classmethod
    def _liste(cls, v: object) -> object:
        return (v,) if isinstance(v, str) else v


_MEMBER = frozenset(
    {
        "kind",
        "alter_min",
        "alter_unter",
        "gdb_min",
        "gdb_unter",
        "pflegegrad_min",
        "pflege",
        "alleinerziehend",
        "grundrente",
        "ns_verfolgt",
        "ausgeschlossen",
        "ausbildungsfoerderung",
        "nur_darlehen",
        "unterhalt_gezahlt",
        "verstorben",
        "getrennt_betreut",
    }
)


class Eintrag(BaseModel):
    """What every catalogue entry has: a stable id, its source and when it applies."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    id: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    quelle: str = Field(min_length=3)
    wenn: Bedingung | None = None
    wenn_eines: tuple[Bedingung, ...] = ()
    vorbehalt: str | None = None


@dataclass(frozen=True, slots=True)
class Pruefung:
    """Outcome of a condition: holds (True), not (False) or open (None), and for which members."""

    gilt: Tri
    betrifft: tuple[str, ...] = ()

    @property
    def sicher(self) -> bool:
        """Whether the entry surely applies (no fact left open)."""
        return self.gilt is True

    def vorbehalt(self, e: Eintrag) -> str | None:
        """The entry's ``vorbehalt`` where a fact is open, else None."""
        return e.vorbehalt if self.gilt is None else None


@dataclass(frozen=True, slots=True)
class Fakten:
    """What the conditions may look at: the household, the date, extra facts and the amount."""

    haushalt: Haushalt
    on: date
    merkmale: frozenset[str] = frozenset()
    wohngeld_monat: Decimal | None = None


def _und(werte: Iterable[Tri]) -> Tri:
    offen = False
    for w in werte:
        if w is False:
            return False
        if w is None:
            offen = True
    return None if offen else True


def _name(m: Haushaltsmitglied, i: int) -> str:
    name = getattr(m, "name", None)
    return str(name) if name else f"Haushaltsmitglied {i}"


def _art(e: object) -> str:
    art = getattr(e, "art", None)
    return str(getattr(art, "value", art))


def _mitglied(b: Bedingung, m: Haushaltsmitglied, on: date) -> Tri:
    """The member facts of ``b`` for one member (§§ 5–8, 14–18, 20 WoGG facts of the input)."""
    gdb = getattr(m, "schwerbehindert_gdb", None)
    pflegegrad = getattr(m, "pflegegrad", None)
    alter = lebensalter(m, on)
    unter_25 = getattr(m, "alter_unter_25", None)
    zug = getattr(m, "zugehoerigkeit", None)
    checks: list[Tri] = []
    if b.kind is not None:
        checks.append(bool(getattr(m, "kind", False)) == b.kind)
    if b.alter_min is not None:
        if alter is not None:
            checks.append(alter >= b.alter_min)
        elif unter_25 is False and b.alter_min <= 25:
            checks.append(True)
        else:
            checks.append(None)
    if b.alter_unter is not None:
        if alter is not None:
            checks.append(alter < b.alter_unter)
        elif unter_25 is True and b.alter_unter >= 25:
            checks.append(True)
        elif unter_25 is False and b.alter_unter <= 25:
            checks.append(False)
        else:
            checks.append(None)
    if b.gdb_min is not None:
        checks.append(gdb is not None and gdb >= b.gdb_min)
    if b.gdb_unter is not None:
        checks.append(gdb is None or gdb < b.gdb_unter)
    if b.pflegegrad_min is not None:
        checks.append(pflegegrad is not None and pflegegrad >= b.pflegegrad_min)
    if b.pflege is not None:
        gepflegt = pflegegrad is not None or bool(getattr(m, "haeusliche_pflege", False))
        checks.append(gepflegt == b.pflege)
    flags = {
        "alleinerziehend": bool(getattr(m, "alleinerziehend", False)),
        "grundrente": bool(getattr(m, "grundrentenzeiten_33_jahre", False)),
        "ns_verfolgt": bool(getattr(m, "ns_verfolgt", False)),
        "ausgeschlossen": getattr(m, "ausgeschlossen", None) is not None,
        "ausbildungsfoerderung": getattr(m, "ausbildungsfoerderung", None) is not None,
        "nur_darlehen": bool(getattr(m, "ausbildungsfoerderung_nur_darlehen", False)),
        "unterhalt_gezahlt": bool(getattr(m, "unterhaltszahlungen", ())),
        "verstorben": zug is not None and getattr(zug, "verstorben_am", None) is not None,
        "getrennt_betreut": zug is not None and getattr(zug, "betreuungsanteil", None) is not None,
    }
    for key, wert in flags.items():
        soll = getattr(b, key)
        if soll is not None:
            checks.append(wert == soll)
    return _und(checks)


def _haushalt(b: Bedingung, f: Fakten) -> Tri:
    """The household facts of ``b``."""
    h = f.haushalt
    w = h.wohnkosten
    mitglieder = [m for m in (h.mitglieder or ()) if getattr(m, "ausgeschlossen", None) is None]
    einnahmen = [e for m in mitglieder for e in getattr(m, "einnahmen", ())]
    checks: list[Tri] = []
    if b.wohnkosten is not None:
        checks.append(w.art in b.wohnkosten)
    if b.einnahme_art is not None:
        checks.append(any(_art(e) in b.einnahme_art for e in einnahmen))
    if b.einnahme_zeitraum is not None:
        checks.append(any(getattr(e, "zeitraum", None) in b.einnahme_zeitraum for e in einnahmen))
    if b.werbungskosten is not None:
        checks.append(any(getattr(e, "werbungskosten_jahr", None) for e in einnahmen) == b.werbungskosten)
    if b.abzug is not None:
        arten = {getattr(a, "art", None) for a in getattr(w, "abzuege", ())}
        checks.append(bool(arten & set(b.abzug)))
    for key in ("mitbewohner", "untervermietet", "gewerblich", "zuschuss"):
        soll = getattr(b, key)
        if soll is not None:
            feld = {
                "mitbewohner": "mitbewohner",
                "untervermietet": "untervermietet_m2",
                "gewerblich": "gewerblich_m2",
                "zuschuss": "zuschuss_monat",
            }[key]
            checks.append(bool(getattr(w, feld, None)) == soll)
    if b.darlehen is not None:
        checks.append(bool(getattr(w, "darlehen", ())) == b.darlehen)
    if b.vermoegen is not None:
        checks.append((getattr(h, "vermoegen", None) is not None) == b.vermoegen)
    if b.merkmal is not None:
        checks.append(b.merkmal in f.merkmale)
    if b.gemeinde is not None:
        checks.append(gemeinde_passt(h, b.gemeinde))
    if b.wohngeld is not None:
        checks.append(None if f.wohngeld_monat is None else (f.wohngeld_monat > 0) == b.wohngeld)
    return _und(checks)


def _eine(b: Bedingung, f: Fakten) -> Pruefung:
    haus = _haushalt(b, f)
    if haus is False:
        return Pruefung(False)
    gesetzt = {k for k in _MEMBER if getattr(b, k) is not None}
    if not gesetzt:
        return Pruefung(haus)
    treffer: list[str] = []
    offen: list[str] = []
    for i, m in enumerate(f.haushalt.mitglieder or (), start=1):
        g = _mitglied(b, m, f.on)
        if g is True:
            treffer.append(_name(m, i))
        elif g is None:
            offen.append(_name(m, i))
    if treffer:
        return Pruefung(haus, tuple(treffer + offen))
    if offen:
        return Pruefung(None, tuple(offen))
    return Pruefung(False)


def pruefe(wenn: Bedingung | None, wenn_eines: Sequence[Bedingung], f: Fakten) -> Pruefung:
    """Whether an entry applies: all of ``wenn`` and, if given, one of ``wenn_eines``."""
    teile: list[Pruefung] = [] if wenn is None else [_eine(wenn, f)]
    if wenn_eines:
        alle = [_eine(b, f) for b in wenn_eines]
        ja = [p for p in alle if p.gilt is True]
        nein = all(p.gilt is False for p in alle)
        if ja:
            teile.append(Pruefung(True, tuple(n for p in ja for n in p.betrifft)))
        elif nein:
            teile.append(Pruefung(False))
        else:
            teile.append(Pruefung(None, tuple(n for p in alle if p.gilt is None for n in p.betrifft)))
    if not teile:
        return Pruefung(True)
    gilt = _und(p.gilt for p in teile)
    betrifft = tuple(dict.fromkeys(n for p in teile for n in p.betrifft))
    return Pruefung(gilt, betrifft if gilt is not False else ())


def als_dict(antwort: Any) -> dict[str, object]:
    """A catalogue answer (a dataclass) as a JSON-ready mapping: its fields in order, tuples as lists."""
    werte = ((f.name, getattr(antwort, f.name)) for f in fields(antwort))
    return {name: list(w) if isinstance(w, tuple) else w for name, w in werte}


def katalog_root() -> Traversable:
    """The shipped catalogue folder ``data/katalog``."""
    return data_root() / "katalog"


def treffer(eintraege: Iterable[E], f: Fakten) -> Iterator[tuple[E, Pruefung]]:
    """The entries that apply or may apply to the facts, each with its :class:`Pruefung`."""
    for e in eintraege:
        p = pruefe(e.wenn, e.wenn_eines, f)
        if p.gilt is not False:
            yield e, p


def lade_katalog(path: str | Path | Traversable, model: type[K]) -> K:
    """Read and validate a catalogue file (the shipped one or a municipality's) as ``model``."""
    return lade_toml(Path(path) if isinstance(path, str) else path, model)


@functools.cache
def _geliefert(datei: str, model: type[BaseModel]) -> BaseModel:
    return lade_katalog(katalog_root() / datei, model)


def geliefert(datei: str, model: type[K]) -> K:
    """The shipped catalogue ``data/katalog/<datei>`` as ``model``, read once."""
    k = _geliefert(datei, model)
    assert isinstance(k, model)
    return k


def lade_toml(path: Traversable | Path, model: type[K]) -> K:
    """Read and validate one catalogue file; errors name the file and key."""
    try:
        with path.open("rb") as fh:
            raw = tomllib.load(fh, parse_float=Decimal)
    except tomllib.TOMLDecodeError as exc:
        raise DataFileError(f"{path}: kein gültiges TOML: {exc}") from None
    except OSError as exc:
        raise DataFileError(f"{path}: kann nicht gelesen werden: {exc}") from None
    try:
        return model.model_validate(raw)
    except ValidationError as exc:
        fehler = "; ".join(
            f"Schlüssel {'.'.join(str(p) for p in e['loc']) or '(Datei)'}: {e['msg']}" for e in exc.errors()
        )
        raise DataFileError(f"{path}: {fehler}") from None
