"""Linked benefits ("Sie haben vielleicht auch Anspruch auf …"): a registry as data.

Bildung und Teilhabe (§ 6b BKGG), Kinderzuschlag (§ 6a BKGG) and municipal entries such as the
Dresden-Pass (example). The shipped catalogue is ``data/katalog/leistungen.toml``; a municipality
adds its own file in the same format. A hint, never a decision.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from importlib.resources.abc import Traversable
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field

from ..errors import InputError
from ..input.haushalt import Haushalt
from ..result import Result
from .gemeinde import gemeinde_passt
from .katalog import Eintrag, Fakten, als_dict, geliefert, lade_katalog, pruefe

__all__ = ["Leistung", "LeistungsKatalog", "lade_leistungen_katalog", "verbundene_leistungen"]


class _AntragGemeinde(BaseModel):
    """Where to apply in one Gemeinde (AGS or names): shown only to a household of that Gemeinde."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    gemeinde: tuple[str, ...] = Field(min_length=1)
    antrag: str = Field(min_length=3)

    def gilt_fuer(self, haushalt: Haushalt) -> bool:
        """The household lives in one of these Gemeinden (AGS or name; also given by its PLZ)."""
        return gemeinde_passt(haushalt, self.gemeinde)


class _Eintrag(Eintrag):
    name: str = Field(min_length=3)
    rechtsgrundlage: str = Field(min_length=3)
    hinweis: str = Field(min_length=3)
    antrag: str = Field(min_length=3)
    antrag_gemeinde: tuple[_AntragGemeinde, ...] = ()
    beispiel: bool = False

    def antrag_fuer(self, haushalt: Haushalt) -> str:
        """Where this household applies: its Gemeinde's entry, else the general text."""
        return next((a.antrag for a in self.antrag_gemeinde if a.gilt_fuer(haushalt)), self.antrag)


class LeistungsKatalog(BaseModel):
    """A catalogue file of linked benefits."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    katalog: str = Field(pattern="^leistungen$")
    stand: date
    quelle: str = Field(min_length=5)
    leistung: tuple[_Eintrag, ...] = Field(min_length=1)


@dataclass(frozen=True, slots=True)
class Leistung:
    """One benefit the household may also be entitled to, with the rule and where to apply."""

    id: str
    name: str
    rechtsgrundlage: str
    hinweis: str
    antrag: str
    quelle: str
    betrifft: tuple[str, ...]
    sicher: bool
    vorbehalt: str | None
    beispiel: bool

    def to_dict(self) -> dict[str, object]:
        """JSON-ready mapping of the fields above."""
        return als_dict(self)


def lade_leistungen_katalog(path: str | Path | Traversable) -> LeistungsKatalog:
    """Read and validate a catalogue of linked benefits."""
    return lade_katalog(path, LeistungsKatalog)


def verbundene_leistungen(
    haushalt: Haushalt,
    result: Result,
    *,
    katalog: str | Path | LeistungsKatalog | Sequence[str | Path | LeistungsKatalog] | None = None,
    standard: bool = True,
) -> tuple[Leistung, ...]:
    """Benefits that may go with Wohngeld for ``haushalt`` (hint, not a decision).

    §§ 6a, 6b BKGG and municipal entries. ``katalog``: further catalogues (a municipality's own),
    added after the shipped one; ``standard=False`` uses only those. An id given twice: the later
    catalogue's entry wins (a municipality may replace a shipped entry).
    """
    if not isinstance(haushalt, Haushalt) or not isinstance(result, Result):
        raise InputError("verbundene_leistungen: einen wohngeld.Haushalt und sein wohngeld.Result übergeben")
    weitere: list[str | Path | LeistungsKatalog]
    if katalog is None:
        weitere = []
    elif isinstance(katalog, (str, Path, LeistungsKatalog)):
        weitere = [katalog]
    else:
        weitere = list(katalog)
    kataloge = ([geliefert("leistungen.toml", LeistungsKatalog)] if standard else []) + [
        k if isinstance(k, LeistungsKatalog) else lade_leistungen_katalog(k) for k in weitere
    ]
    fakten = Fakten(haushalt=haushalt, on=result.stichtag, wohngeld_monat=result.betrag_monat)
    gefunden: dict[str, Leistung] = {}
    for k in kataloge:
        for e in k.leistung:
            p = pruefe(e.wenn, e.wenn_eines, fakten)
            gefunden.pop(e.id, None)
            if p.gilt is False:
                continue
            gefunden[e.id] = Leistung(
                id=e.id, name=e.name, rechtsgrundlage=e.rechtsgrundlage, hinweis=e.hinweis,
                antrag=e.antrag_fuer(haushalt), quelle=e.quelle, betrifft=p.betrifft, sicher=p.sicher,
                vorbehalt=p.vorbehalt(e), beispiel=e.beispiel,
            )
    return tuple(gefunden.values())


def als_json(leistungen: Sequence[Leistung]) -> str:
    """The list as JSON."""
    return json.dumps([x.to_dict() for x in leistungen], ensure_ascii=False, indent=2)
