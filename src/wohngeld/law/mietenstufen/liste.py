"""Mietenstufe einer Gemeinde an einem Stichtag.

Anlage zu § 1 Abs. 3 WoGV i. V. m. § 12 Abs. 2–4a WoGG: Gemeinden mit eigener Zeile der Anlage haben
deren Mietenstufe, die übrigen die ihres Kreises; Gemeinden auf Inseln ohne Festlandanschluss
(§ 12 Abs. 4a WoGG) die gemeinsame Mietenstufe. One file pair per Fassung of the Anlage under
``data/mietstufen/`` (``<valid_from>.toml`` header + ``<valid_from>.csv`` rows), named by
``valid_from``; in force on a date is the latest ``valid_from`` not after it. Files are read lazily
on first use and cached; importing this module does no I/O. There is never a default Mietenstufe.
"""

from __future__ import annotations

import bisect
import csv
import difflib
import io
import re
import tomllib
import unicodedata
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import date
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any

from ...darstellung import roemisch
from ...errors import AmbiguousMunicipality, DataFileError, NoMietenstufenList, UnknownMunicipality

__all__ = [
    "HERKUNFT",
    "Gemeinde",
    "MietenstufeAuskunft",
    "MietenstufenListe",
    "fassungen",
    "gemeinden",
    "liste",
    "mietenstufe",
]

RULE = "Anlage zu § 1 Abs. 3 WoGV i. V. m. § 12 Abs. 2–4a WoGG"

#: Origin of a Gemeinde's value (``Gemeinde.herkunft``).
HERKUNFT: Mapping[str, str] = {
    "gemeinde": "eigene Zeile der Anlage zu § 1 Abs. 3 WoGV",
    "kreis": ("Zeile des Kreises in der Anlage zu § 1 Abs. 3 WoGV (Gemeinde nicht gesondert aufgeführt)"),
    "insel": "gemeinsame Mietenstufe der Inseln ohne Festlandanschluss (§ 12 Abs. 4a WoGG)",
    "nachtrag": (
        "AGS nicht im Gebietsstand der Anlage; Wert vom Ersteller der Vorlage zugeordnet, "
        "nicht aus dem Verordnungstext"
    ),
    "kreiszeile": (
        "Zeile des Kreises in der Anlage zu § 1 Abs. 3 WoGV; gilt nur für die dort nicht gesondert "
        "aufgeführten Gemeinden des Kreises (Anfrage nannte den Kreis)"
    ),
    "kreis-einheitlich": "Kreis, dessen Gemeinden alle dieselbe Mietenstufe haben (Anfrage nannte den Kreis)",
}

_AGS = re.compile(r"\d{8}")
_KREIS_PREFIX = re.compile(r"^\s*(?:land)?(?:kreis|lkr\.?|lk)\s+", re.IGNORECASE)
_CITY_KREIS = re.compile(r"(?:stadtkreis|kreisfreie stadt)", re.IGNORECASE)
_TRANSLIT = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", "ẞ": "ss"})
# One spelling per token, so that "Garching b.München", "Garching bei München" and the annex's
# "Garching bei München, Stadt" meet.
_SYNONYM = {
    "am": "a",
    "an": "a",
    "bei": "b",
    "im": "i",
    "in": "i",
    "der": "d",
    "sankt": "st",
    "oberpfalz": "opf",
    "bayern": "bay",
    "westfalen": "westf",
    "rheinland": "rhld",
    "oldenburg": "oldb",
    "sachsen": "sa",
    "vogtland": "vogtl",
    "odenwald": "odw",
    "schwarzwald": "schw",
    "schwarzw": "schw",
}
_CUT = frozenset({"a", "b", "i"})


def _fold(text: str) -> str:
    """Lower case, umlauts as ae/oe/ue/ss, accents dropped, non-alphanumerics as single spaces."""
    s = text.lower().translate(_TRANSLIT)
    s = "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))
    return " ".join(re.sub(r"[^a-z0-9]+", " ", s).split())


def _tokens(text: str) -> list[str]:
    return [_SYNONYM.get(t, t) for t in _fold(text).split()]


def name_key(name: str) -> str:
    """Matching key of a name: the part before the first comma (", Stadt" etc.), folded.

    >>> name_key("Garching b.München, St") == name_key("Garching bei München, Stadt")
    True
    """
    return " ".join(_tokens(name.split(",")[0]))


def _loose_key(name: str) -> str:
    """Key without qualifiers: "(Saale)", "am Main", "bei München" are dropped."""
    base = re.sub(r"\([^)]*\)", " ", name.split(",")[0])
    toks = _tokens(base)
    for i, t in enumerate(toks):
        if i > 0 and t in _CUT:
            toks = toks[:i]
            break
    return " ".join(toks)


def _aliases(name: str) -> set[str]:
    """Exact keys of an official name, including each half of bilingual names ("Bautzen / Budyšin")."""
    base = name.split(",")[0]
    parts = {base, *(p for p in base.split(" / ")), *(p.split("/")[0] for p in base.split(" / "))}
    return {k for k in (name_key(p) for p in parts) if k}


@dataclass(frozen=True, slots=True)
class Gemeinde:
    """A Gemeinde with its Mietenstufe in one Fassung of the Anlage zu § 1 Abs. 3 WoGV.

    ``herkunft`` is one of :data:`HERKUNFT`. ``kreis_schluessel`` is the first five digits of the AGS.
    """

    ags: str
    name: str
    kreis_schluessel: str
    kreis: str
    land: str
    mietenstufe: int
    herkunft: str


def _kreis_als_gemeinde(key: str, kreis: str, *, land: str, stufe: int, art: str) -> Gemeinde:
    """A Kreis named instead of a Gemeinde, where one Mietenstufe holds for all of it: its own line in
    the Anlage zu § 1 Abs. 3 WoGV (``kreiszeile``) or the same Mietenstufe for each of its Gemeinden
    (``kreis-einheitlich``)."""
    return Gemeinde(
        ags=key, name=kreis, kreis_schluessel=key, kreis=kreis, land=land, mietenstufe=stufe, herkunft=art
    )


@dataclass(frozen=True, slots=True)
class MietenstufeAuskunft:
    """The Mietenstufe of one Gemeinde on a date, with where it comes from.

    Anlage zu § 1 Abs. 3 WoGV i. V. m. § 12 Abs. 2–4a WoGG.
    """

    gemeinde: Gemeinde
    mietenstufe: int
    valid_from: date
    source: str

    def text(self) -> str:
        """German one-paragraph answer."""
        g = self.gemeinde
        stufe = roemisch(self.mietenstufe)
        fassung = f"Anlage zu § 1 Abs. 3 WoGV in der ab {self.valid_from:%d.%m.%Y} geltenden Fassung"
        if g.herkunft == "kreis-einheitlich":
            return (
                f"Kreis {g.kreis} (Kreisschlüssel {g.kreis_schluessel}, {g.land}): alle Gemeinden des "
                f"Kreises haben Mietenstufe {stufe}. Grundlage: {fassung} ({self.source}); "
                "§ 12 Abs. 2–4a WoGG."
            )
        if g.herkunft == "kreiszeile":
            return (
                f"Kreis {g.kreis} (Kreisschlüssel {g.kreis_schluessel}, {g.land}) hat Mietenstufe {stufe}. "
                "Sie gilt für die Gemeinden des Kreises, die in der Anlage nicht gesondert aufgeführt sind; "
                "gesondert aufgeführte Gemeinden haben ihre eigene Stufe (nach Gemeinde oder AGS fragen). "
                f"Grundlage: {fassung} ({self.source}); § 12 Abs. 2–4a WoGG."
            )
        return (
            f"{g.name} (AGS {g.ags}, Kreis {g.kreis}, {g.land}) hat Mietenstufe {stufe}. "
            f"Herkunft: {HERKUNFT.get(g.herkunft, g.herkunft)}. Grundlage: {fassung} "
            f"({self.source}); § 12 Abs. 2–4a WoGG."
        )


def _describe(g: Gemeinde) -> str:
    return f"{g.name} (AGS {g.ags}, Kreis {g.kreis}, {g.land}, Mietenstufe {roemisch(g.mietenstufe)})"


class MietenstufenListe:
    """One Fassung of the Anlage zu § 1 Abs. 3 WoGV, indexed by AGS, name and Kreis."""

    def __init__(self, header: Mapping[str, Any], rows: Iterator[list[str]], where: str) -> None:
        self.valid_from: date = header["valid_from"]
        self.source: str = header["source"]
        self.header = header
        self.fehlend: Mapping[str, str] = header.get("fehlend", {})
        laender: Mapping[str, str] = header["laender"]
        kreise: Mapping[str, Mapping[str, Any]] = header["kreise"]
        self.kreise = kreise
        by_ags: dict[str, Gemeinde] = {}
        exact: dict[str, list[Gemeinde]] = {}
        loose: dict[str, list[Gemeinde]] = {}
        for n, row in enumerate(rows, start=2):
            try:
                ags, name, stufe, herkunft, anlage_name = row
                g = Gemeinde(
                    ags=ags,
                    name=name,
                    kreis_schluessel=ags[:5],
                    kreis=kreise[ags[:5]]["name"],
                    land=laender[ags[:2]],
                    mietenstufe=int(stufe),
                    herkunft=herkunft,
                )
            except (ValueError, KeyError) as exc:
                raise DataFileError(f"{where}: Zeile {n}: {exc!r}") from None
            if (
                not _AGS.fullmatch(ags)
                or not 1 <= g.mietenstufe <= 7
                or herkunft not in HERKUNFT
                or ags in by_ags
            ):
                raise DataFileError(f"{where}: Zeile {n}: ungültig oder doppelt: {row!r}")
            by_ags[ags] = g
            keys = _aliases(name) | (_aliases(anlage_name) if anlage_name else set())
            for k in keys:
                exact.setdefault(k, []).append(g)
            for k in {_loose_key(name), _loose_key(anlage_name) if anlage_name else ""} - {""}:
                loose.setdefault(k, []).append(g)
        if len(by_ags) != header["anzahl"]:
            raise DataFileError(f"{where}: Schlüssel anzahl: {header['anzahl']} != {len(by_ags)} Zeilen")
        self.by_ags = by_ags
        self._exact = exact
        self._loose = loose
        self._kreis_by_name: dict[str, list[str]] = {}
        for kkey, kdata in kreise.items():
            for kname in {kdata["name"], kdata.get("anlage_name", kdata["name"])}:
                self._kreis_by_name.setdefault(name_key(kname), []).append(kkey)
        self._in_kreis: dict[str, list[Gemeinde]] = {}
        for g in by_ags.values():
            self._in_kreis.setdefault(g.kreis_schluessel, []).append(g)

    def auskunft(self, g: Gemeinde) -> MietenstufeAuskunft:
        """Wrap a Gemeinde of this list as an answer."""
        return MietenstufeAuskunft(
            gemeinde=g, mietenstufe=g.mietenstufe, valid_from=self.valid_from, source=self.source
        )

    def _unknown(self, given: str, on: date, suggestions: list[Gemeinde], why: str) -> UnknownMunicipality:
        listed = "".join(f"\n  {_describe(g)}" for g in suggestions)
        hint = f"; gemeint ist vielleicht:{listed}" if suggestions else ""
        return UnknownMunicipality(
            f"{given!r} hat am {on:%d.%m.%Y} keine Mietenstufe in der Anlage zu § 1 Abs. 3 WoGV "
            f"(Fassung ab {self.valid_from:%d.%m.%Y}): {why}{hint}",
            suggestions,
        )

    def by_key(self, ags: str, on: date) -> Gemeinde:
        """The Gemeinde with this 8-digit AGS."""
        g = self.by_ags.get(ags)
        if g is not None:
            return g
        if ags in self.fehlend:
            raise self._unknown(ags, on, [], f"in dieser Fassung nicht enthalten: {self.fehlend[ags]}")
        near = [self.by_ags[a] for a in difflib.get_close_matches(ags, self.by_ags, n=3, cutoff=0.75)]
        why = f"weder die Gemeinde noch der Kreis '{ags[:5]}' ist aufgeführt"
        if ags[:5] in self.kreise:
            why = f"keine Gemeinde mit diesem AGS im Kreis '{ags[:5]}' ({self.kreise[ags[:5]]['name']})"
        return self._fail(self._unknown(ags, on, near, why))

    @staticmethod
    def _fail(exc: Exception) -> Gemeinde:
        raise exc

    def by_name(self, name: str, on: date) -> Gemeinde:
        """The one Gemeinde whose official or annex name matches ``name``."""
        m = _KREIS_PREFIX.match(name)
        if m:
            return self._kreis(name[m.end() :], name, on)
        key = name_key(name)
        hits = self._exact.get(key) or self._loose.get(_loose_key(name)) or []
        unique = list({g.ags: g for g in hits}.values())
        if len(unique) == 1:
            return unique[0]
        if len(unique) > 1:
            more = self._loose.get(_loose_key(name), [])
            unique = list({g.ags: g for g in [*unique, *more]}.values())
        if len(unique) > 1:
            unique.sort(key=lambda g: (g.land, g.name, g.ags))
            listed = "".join(f"\n  {_describe(g)}" for g in unique)
            raise AmbiguousMunicipality(
                f"{name!r} bezeichnet am {on:%d.%m.%Y} {len(unique)} Gemeinden; den AGS oder den "
                f"vollständigen amtlichen Namen angeben:{listed}",
                unique,
            )
        if key in self._kreis_by_name:
            return self._kreis(name, name, on)
        return self._fail(self._unknown(name, on, self._suggest(key), "keine Gemeinde dieses Namens"))

    def _suggest(self, key: str) -> list[Gemeinde]:
        out: dict[str, Gemeinde] = {}
        for k in difflib.get_close_matches(key, self._exact, n=5, cutoff=0.75):
            for g in self._exact[k]:
                out.setdefault(g.ags, g)
        return list(out.values())[:8]

    def _kreis(self, kreisname: str, given: str, on: date) -> Gemeinde:
        """Auslegung: a Kreis is not a Gemeinde. It resolves to the annex's Kreis row (the stage of the
        Gemeinden not listed separately, herkunft "kreiszeile"), or, without a Kreis row, only if all its
        Gemeinden share one stage ("kreis-einheitlich"); otherwise it is ambiguous."""
        keys = [
            k
            for k in self._kreis_by_name.get(name_key(kreisname), [])
            if not _CITY_KREIS.search(self.kreise[k]["name"]) and len(self._in_kreis.get(k, [])) > 1
        ]
        if not keys:
            near = difflib.get_close_matches(name_key(kreisname), self._kreis_by_name, n=3, cutoff=0.75)
            why = "kein Kreis dieses Namens" + (
                f"; ähnlich: "
                f"{', '.join(self.kreise[k]['name'] for n in near for k in self._kreis_by_name[n])}"
                if near
                else ""
            )
            return self._fail(self._unknown(given, on, [], why))
        if len(keys) > 1:
            listed = ", ".join(f"{self.kreise[k]['name']} ({k})" for k in keys)
            raise AmbiguousMunicipality(f"{given!r} bezeichnet am {on:%d.%m.%Y} mehrere Kreise: {listed}", [])
        key = keys[0]
        members = sorted(self._in_kreis[key], key=lambda g: g.ags)
        stufen = {g.mietenstufe for g in members}
        kreis = self.kreise[key]["name"]
        zeile = self.kreise[key].get("mietenstufe")
        if isinstance(zeile, int):
            return _kreis_als_gemeinde(key, kreis, land=members[0].land, stufe=zeile, art="kreiszeile")
        if len(stufen) != 1:
            counts = ", ".join(
                f"{roemisch(s)}: {sum(g.mietenstufe == s for g in members)}" for s in sorted(stufen)
            )
            own = [g for g in members if g.herkunft != "kreis"]
            listed = "".join(f"\n  {_describe(g)}" for g in own[:12])
            raise AmbiguousMunicipality(
                f"{given!r} ist ein Kreis, keine Gemeinde; seine {len(members)} Gemeinden haben am "
                f"{on:%d.%m.%Y} verschiedene Mietenstufen ({counts}); die Gemeinde oder ihren AGS angeben. "
                f"Gemeinden mit abweichender Mietenstufe:{listed}",
                members,
            )
        g0 = members[0]
        return _kreis_als_gemeinde(key, kreis, land=g0.land, stufe=g0.mietenstufe, art="kreis-einheitlich")

    def lookup(self, gemeinde: str, on: date) -> MietenstufeAuskunft:
        """Resolve an AGS or a name in this Fassung."""
        text = gemeinde.strip()
        if _AGS.fullmatch(text):
            return self.auskunft(self.by_key(text, on))
        if text.isdigit():
            raise self._unknown(
                text, on, [], "ein AGS hat genau 8 Ziffern (Land 2, Regierungsbezirk 1, Kreis 2, Gemeinde 3)"
            )
        if not _fold(text):
            raise self._unknown(text, on, [], "kein Name angegeben")
        return self.auskunft(self.by_name(text, on))


class _Store:
    """The Fassungen of one data directory; each file is read once, on first use."""

    def __init__(self, root: Traversable | Path) -> None:
        self.root = root
        self._dates: tuple[date, ...] | None = None
        self._listen: dict[date, MietenstufenListe] = {}

    def dates(self) -> tuple[date, ...]:
        if self._dates is None:
            if not self.root.is_dir():
                raise DataFileError(f"{self.root}: Ordner der Mietenstufen fehlt")
            found = []
            for p in self.root.iterdir():
                stem = p.name.removesuffix(".toml")
                if p.name.endswith(".toml") and re.fullmatch(r"\d{4}-\d{2}-\d{2}", stem):
                    found.append(date.fromisoformat(stem))
            self._dates = tuple(sorted(found))
        return self._dates

    def liste(self, valid_from: date) -> MietenstufenListe:
        got = self._listen.get(valid_from)
        if got is None:
            got = self._read(valid_from)
            self._listen[valid_from] = got
        return got

    def _read(self, valid_from: date) -> MietenstufenListe:
        head = self.root / f"{valid_from.isoformat()}.toml"
        try:
            with head.open("rb") as fh:
                header = tomllib.load(fh)
            rows_file = self.root / header["rows"]
            text = rows_file.read_text(encoding="utf-8")
        except (OSError, tomllib.TOMLDecodeError, KeyError) as exc:
            raise DataFileError(f"{head}: kann nicht gelesen werden: {exc!r}") from None
        for key in ("valid_from", "source", "laender", "kreise", "anzahl"):
            if key not in header:
                raise DataFileError(f"{head}: Schlüssel {key} fehlt")
        if header["valid_from"] != valid_from:
            raise DataFileError(
                f"{head}: Schlüssel valid_from: {header['valid_from']} passt nicht zum Dateinamen"
            )
        reader = csv.reader(io.StringIO(text))
        if next(reader, None) != ["ags", "name", "mietenstufe", "herkunft", "anlage_name"]:
            raise DataFileError(f"{rows_file}: unerwarteter CSV-Kopf")
        return MietenstufenListe(header, reader, str(rows_file))

    def in_force(self, on: date) -> MietenstufenListe:
        dates = self.dates()
        i = bisect.bisect_right(dates, on)
        if i == 0:
            have = ", ".join(f"{d:%d.%m.%Y}" for d in dates) or "keine"
            raise NoMietenstufenList(
                f"keine Mietenstufenliste (Anlage zu § 1 Abs. 3 WoGV) für den {on:%d.%m.%Y}; "
                f"Listen gibt es ab: {have}"
            )
        return self.liste(dates[i - 1])


_stores: dict[str, _Store] = {}
_standard: list[_Store] = []  # the store of the shipped data, once found


def _store(data_dir: Traversable | Path | None) -> _Store:
    if data_dir is None and _standard:
        return _standard[0]
    if data_dir is None:
        from ..tabelle import data_root

        root: Traversable | Path = data_root() / "mietstufen"
    else:
        root = data_dir
    key = str(root)
    st = _stores.get(key)
    if st is None:
        st = _stores[key] = _Store(root)
    if data_dir is None:
        _standard.append(st)
    return st


def fassungen(*, data_dir: Traversable | Path | None = None) -> tuple[date, ...]:
    """The ``valid_from`` dates of the available Fassungen of the Anlage zu § 1 Abs. 3 WoGV."""
    return _store(data_dir).dates()


def liste(on: date, *, data_dir: Traversable | Path | None = None) -> MietenstufenListe:
    """The Fassung of the Anlage zu § 1 Abs. 3 WoGV in force on ``on``."""
    return _store(data_dir).in_force(on)


def gemeinden(on: date, *, data_dir: Traversable | Path | None = None) -> Iterator[Gemeinde]:
    """Every Gemeinde of the Fassung in force on ``on``, in AGS order."""
    lst = liste(on, data_dir=data_dir)
    for ags in sorted(lst.by_ags):
        yield lst.by_ags[ags]


def mietenstufe(
    gemeinde: str, *, on: date, data_dir: Traversable | Path | None = None
) -> MietenstufeAuskunft:
    """Mietenstufe of a Gemeinde (8-digit AGS or name) on a date.

    Anlage zu § 1 Abs. 3 WoGV i. V. m. § 12 Abs. 2–4a WoGG. Raises
    :class:`~wohngeld.errors.UnknownMunicipality`, :class:`~wohngeld.errors.AmbiguousMunicipality`
    or :class:`~wohngeld.errors.NoMietenstufenList`; never falls back to a default stage.
    """
    if not isinstance(gemeinde, str):
        raise UnknownMunicipality(
            f"gemeinde: {type(gemeinde).__name__} {gemeinde!r} angegeben; einen 8-stelligen AGS oder "
            f"einen Namen als Text übergeben"
        )
    if not isinstance(on, date):
        raise NoMietenstufenList(f"on: {type(on).__name__} {on} angegeben; ein datetime.date übergeben")
    return liste(on, data_dir=data_dir).lookup(gemeinde, on)
