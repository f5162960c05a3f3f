"""Unterlagen-Checkliste: the documents a Wohngeldstelle asks for, from the household's facts.

§ 60 Abs. 1 Satz 1 Nr. 3 SGB I, § 23 Abs. 1 WoGG: the applicant names and submits the evidence;
each entry also cites the rule whose facts it proves. The catalogue is data
(``data/katalog/unterlagen.toml``); a municipality passes its own file as ``katalog``.

>>> from datetime import date
>>> from wohngeld import Haushalt
>>> h = Haushalt(mietenstufe=3, miete_monat="420", anzahl_mitglieder=1, gesamteinkommen_monat="900")
>>> [u.id for u in unterlagen(h, on=date(2025, 7, 1)).eintraege][:3]
['mietvertrag', 'vermieterbescheinigung', 'mietzahlungsnachweis']
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from importlib.resources.abc import Traversable
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, model_validator

from ..engine import WOHNGELDART
from ..errors import InputError
from ..input.haushalt import Haushalt
from .katalog import Eintrag, Fakten, als_dict, geliefert, lade_katalog, treffer

__all__ = ["Checkliste", "Unterlage", "UnterlagenKatalog", "lade_unterlagen_katalog", "unterlagen"]


class _Eintrag(Eintrag):
    titel: str = Field(min_length=3)
    grund: str = Field(min_length=3)
    zitat: str = Field(min_length=3)


class UnterlagenKatalog(BaseModel):
    """A catalogue file: header with legal basis and source, then the entries."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    katalog: str = Field(pattern="^unterlagen$")
    stand: date
    grundlage: str = Field(min_length=5)
    quelle: str = Field(min_length=5)
    hinweis: str | None = None
    unterlage: tuple[_Eintrag, ...] = Field(min_length=1)

    @model_validator(mode="after")
    def _eindeutig(self) -> UnterlagenKatalog:
        ids = [e.id for e in self.unterlage]
        doppelt = sorted({i for i in ids if ids.count(i) > 1})
        if doppelt:
            raise ValueError(f"unterlage: id {', '.join(doppelt)} kommt zweimal vor")
        return self


@dataclass(frozen=True, slots=True)
class Unterlage:
    """One document to submit: what, why, which rule it proves, for whom, and where it comes from.

    ``sicher`` is False when a fact was not known (then ``vorbehalt`` says on what it depends).
    """

    id: str
    titel: str
    grund: str
    zitat: str
    quelle: str
    betrifft: tuple[str, ...]
    sicher: bool
    vorbehalt: str | None

    def to_dict(self) -> dict[str, object]:
        """JSON-ready mapping of the fields above."""
        return als_dict(self)


@dataclass(frozen=True, slots=True)
class Checkliste:
    """The documents for one household on one date, with the catalogue's legal basis and source."""

    stichtag: date
    art: str
    grundlage: str
    katalog_quelle: str
    katalog_stand: date
    hinweis: str | None
    eintraege: tuple[Unterlage, ...]

    @property
    def ids(self) -> tuple[str, ...]:
        """The ids of the listed documents, in catalogue order."""
        return tuple(u.id for u in self.eintraege)

    def to_dict(self) -> dict[str, object]:
        """JSON-ready mapping with stable field names."""
        return {
            "stichtag": self.stichtag.isoformat(),
            "art": self.art,
            "grundlage": self.grundlage,
            "katalog_quelle": self.katalog_quelle,
            "katalog_stand": self.katalog_stand.isoformat(),
            "hinweis": self.hinweis,
            "unterlagen": [u.to_dict() for u in self.eintraege],
        }

    def to_json(self, *, indent: int | None = 2) -> str:
        """The checklist as JSON (see :meth:`to_dict`)."""
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)

    def text(self) -> str:
        """The checklist as German text, one document per line with reason and rule."""
        kopf = f"Unterlagen für den Wohngeldantrag ({self.art})"
        zeilen = [kopf, "=" * len(kopf), f"Rechtsgrundlage der Vorlage: {self.grundlage}", ""]
        for n, u in enumerate(self.eintraege, start=1):
            wer = f" – für: {', '.join(u.betrifft)}" if u.betrifft else ""
            zeilen.append(f"{n:>2}. {u.titel}{wer}")
            zeilen.append(f"    Grund: {u.grund} ({u.zitat})")
            if not u.sicher and u.vorbehalt:
                zeilen.append(f"    Nur {u.vorbehalt}.")
        if self.hinweis:
            zeilen += ["", f"Hinweis: {self.hinweis}"]
        zeilen.append(f"Quelle der Liste: {self.katalog_quelle} (Stand {self.katalog_stand:%d.%m.%Y})")
        return "\n".join(zeilen)


def lade_unterlagen_katalog(path: str | Path | Traversable) -> UnterlagenKatalog:
    """Read and validate an Unterlagen catalogue (the shipped one or a municipality's)."""
    return lade_katalog(path, UnterlagenKatalog)


def unterlagen(
    haushalt: Haushalt,
    *,
    on: date,
    katalog: str | Path | UnterlagenKatalog | None = None,
    merkmale: Iterable[str] = (),
) -> Checkliste:
    """The documents to submit for ``haushalt``, each with its reason and rule.

    § 60 Abs. 1 Satz 1 Nr. 3 SGB I, § 23 Abs. 1 WoGG. ``katalog`` replaces the shipped catalogue
    (a path or a loaded one); ``merkmale`` are facts the input model does not hold (e.g.
    ``"eigenes_mehrfamilienhaus"`` for § 3 Abs. 1 Satz 2 Nr. 2 WoGG).
    """
    if not isinstance(haushalt, Haushalt):
        raise InputError(f"haushalt: {type(haushalt).__name__} angegeben; einen wohngeld.Haushalt übergeben")
    if not isinstance(on, date):
        raise InputError(f"on: {type(on).__name__} {on} angegeben; ein datetime.date übergeben")
    if isinstance(katalog, UnterlagenKatalog):
        k = katalog
    elif katalog is None:
        k = geliefert("unterlagen.toml", UnterlagenKatalog)
    else:
        k = lade_unterlagen_katalog(katalog)
    fakten = Fakten(haushalt=haushalt, on=on, merkmale=frozenset(merkmale))
    liste = [
        Unterlage(id=e.id, titel=e.titel, grund=e.grund, zitat=e.zitat, quelle=e.quelle,
                  betrifft=p.betrifft, sicher=p.sicher, vorbehalt=p.vorbehalt(e))
        for e, p in treffer(k.unterlage, fakten)
    ]
    return Checkliste(
        stichtag=on,
        art=WOHNGELDART[haushalt.wohnkosten.art],
        grundlage=k.grundlage,
        katalog_quelle=k.quelle,
        katalog_stand=k.stand,
        hinweis=k.hinweis,
        eintraege=tuple(liste),
    )
