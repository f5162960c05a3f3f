"""The Rechtsstand: the parameter tables in force on a date, the store that reads them, the named
rule sets (drafts, scenarios) layered on the law in force, and :func:`resolve`, the one way from a
``rechtsstand`` argument to its store.

In force on a date is the file with the latest ``valid_from`` not after it; there are no end dates
and no inheritance between files. Files are read lazily on first use and cached; a date without a
Fassung is a :class:`~wohngeld.errors.NoParameters` error. The table classes are declared next to
their stage and registered in :mod:`wohngeld.law.tabelle`; a Rechtsstand carries the seven core
tables (§§ 12, 19, 21 WoGG and Anlagen 1–3), which fix its Fassung.
"""

from __future__ import annotations

import bisect
import functools
import operator
import tomllib
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any, Literal, TypeVar

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from ..errors import DataFileError, InputError, NoMietenstufenList, NoParameters
from .formula.tabellen import Koeffizienten, MehrbetragUeberZwoelf, Mindestwerte
from .limits.tabellen import Bagatellgrenze
from .rent.tabellen import Heizkosten, Hoechstbetraege, Klimakomponente
from .tabelle import EARLIEST, Stand, Table, data_root, ungeprueft

__all__ = [
    "CORE_TABLES",
    "MietenstufenRegel",
    "ParameterStore",
    "Rechtsstand",
    "RegelwerkInfo",
    "default_store",
    "named_store",
    "rechtsstand",
    "regelwerke",
    "resolve",
]

T = TypeVar("T", bound=Table)

CORE_TABLES: tuple[type[Table], ...] = (
    Hoechstbetraege,
    Koeffizienten,
    Mindestwerte,
    Heizkosten,
    Klimakomponente,
    MehrbetragUeberZwoelf,
    Bagatellgrenze,
)
"""The tables every Rechtsstand carries, read for every household (§§ 12, 19, 21 WoGG, Anlagen 1–3);
the latest ``valid_from`` among them is the Fassung. Each is declared next to its stage."""


def _read_toml(path: Traversable) -> dict[str, Any]:
    try:
        with path.open("rb") as fh:
            return tomllib.load(fh, parse_float=Decimal)
    except tomllib.TOMLDecodeError as exc:
        raise DataFileError(f"{path}: kein gültiges TOML: {exc}") from None
    except OSError as exc:
        raise DataFileError(f"{path}: kann nicht gelesen werden: {exc}") from None


def _describe(exc: ValidationError) -> str:
    return "; ".join(
        f"Schlüssel {'.'.join(str(p) for p in err['loc']) or '(Datei)'}: {err['msg']}" for err in exc.errors()
    )


@dataclass(frozen=True, slots=True)
class Rechtsstand:
    """The parameter tables in force on one date, bundled.

    ``fassung`` is the latest ``valid_from`` among the tables: the Fassung the calculation applies.
    ``name`` and ``status`` identify a named rule set (the law in force, a draft, a scenario).
    """

    stichtag: date
    fassung: date
    tables: Mapping[str, Table]
    store: ParameterStore
    name: str = "geltendes Recht"
    status: str = "in Kraft"
    warnungen: tuple[str, ...] = ()
    memo: dict[object, object] = field(default_factory=dict, compare=False, repr=False)
    """Values the stages derive from the tables, memoised per Rechtsstand (cached per date)."""
    gelesen: dict[str, Table] | None = field(default=None, compare=False, repr=False)
    """In a view for one calculation (:meth:`fuer_berechnung`): the other tables read so far."""
    hoechstbetraege: Hoechstbetraege = field(init=False)
    koeffizienten: Koeffizienten = field(init=False)
    mindestwerte: Mindestwerte = field(init=False)
    heizkosten: Heizkosten = field(init=False)
    klimakomponente: Klimakomponente = field(init=False)
    mehrbetrag_ueber_zwoelf: MehrbetragUeberZwoelf = field(init=False)
    bagatellgrenze: Bagatellgrenze = field(init=False)

    def __post_init__(self) -> None:
        for cls in CORE_TABLES:
            object.__setattr__(self, cls.folder, self.tables[cls.folder])

    @property
    def quelle(self) -> str:
        """Sources of the tables that changed on ``fassung`` (what made this Fassung)."""
        return "; ".join(sorted({t.source for t in self.tables.values() if t.valid_from == self.fassung}))

    def table(self, cls: type[T]) -> T:
        """The Fassung of table ``cls`` in force on ``stichtag``.

        Core tables are resolved when the Rechtsstand is built; any other table type (a later
        stage's parameters) is read on first use, so a stage can bring its own table class.
        """
        t = self.tables.get(cls.folder)
        if t is None:
            t = self.store.in_force(cls.folder, self.stichtag, cls)
            if self.gelesen is not None:
                self.gelesen[cls.folder] = t
        if not isinstance(t, cls):
            raise DataFileError(f"Tabelle {cls.folder!r}: {cls.__name__} erwartet, {type(t).__name__} "
                f"erhalten")
        return t

    def fuer_berechnung(self) -> Rechtsstand:
        """A view for one calculation: same tables and memo, and a record of the tables it reads.

        A plain copy of the slots (``dataclasses.replace`` would re-run ``__init__``: three times
        slower on this per-call path).
        """
        view = object.__new__(Rechtsstand)
        setzen = object.__setattr__
        for name, wert in zip(_SLOTS, _WERTE(self), strict=True):
            setzen(view, name, wert)
        setzen(view, "gelesen", {})
        return view

    def angewandt(self) -> tuple[tuple[str, Table], ...]:
        """The tables a calculation applied, sorted by folder: the core tables (§§ 11, 12, 19, 21
        WoGG and Anlagen, in force for every household) and every other table read through
        :meth:`table` in this view."""
        return tuple(sorted({**self.tables, **(self.gelesen or {})}.items()))


_SLOTS = tuple(n for n in Rechtsstand.__slots__ if n != "gelesen")
_WERTE = operator.attrgetter(*_SLOTS)


class ParameterStore:
    """Reads the parameter folders of one data directory, lazily, and caches every file."""

    def __init__(
        self,
        root: Traversable | Path | None = None,
        *,
        base: ParameterStore | None = None,
        name: str = "geltendes Recht",
        status: str = "in Kraft",
        hinweis: str | None = None,
        mietenstufen: MietenstufenRegel | None = None,
        quelle: str | None = None,
    ) -> None:
        """Tables from ``root``; with ``base``, tables missing in ``root`` come from ``base``.

        A named rule set (a draft, a scenario) is a store over its own folders on top of the
        law in force: the engine cannot tell the difference and needs no branch for it.
        ``hinweis`` is added to every Rechtsstand of this store (e.g. "Entwurf, BT-Drs. …").
        ``mietenstufen`` says whether the rule set brings its own Mietenstufen list (see
        :meth:`mietenstufen_dir`); without it the list of the base (the law in force) applies.
        """
        self.root: Traversable = data_root() / "parameters" if root is None else root
        self.base = base
        self.name = name
        self.status = status
        self.hinweis = hinweis
        self.quelle = quelle
        """Where the rule set comes from (Drucksache, BGBl., scenario file), for the Rechenweg."""
        self.mietenstufen = mietenstufen
        self._tables: dict[str, tuple[tuple[date, ...], tuple[Table, ...]]] = {}
        self._stand: Stand | None = None
        self._daten: frozenset[date] | None = None
        self._on = functools.lru_cache(maxsize=4096)(self._rechtsstand_uncached)

    def has_folder(self, folder: str) -> bool:
        """Whether this store's own root has the table folder."""
        return (self.root / folder).is_dir()

    def transform(self, table: Table, on: date) -> Table:
        """Hook for scenarios: change a table after it is picked for a date (identity here)."""
        return table

    def pending(self, on: date) -> list[str]:
        """Notices of changes pending on ``on`` (drafts that are not law); none here."""
        return []

    def mietenstufen_dir(self, on: date) -> Traversable | None:
        """Folder of the Mietenstufen list (Anlage zu § 1 Abs. 3 WoGV) this rule set uses on ``on``.

        None means the shipped lists of the law in force. A rule set with a list of its own from
        ``mietenstufen.ab`` uses its folder ``mietstufen/``; one whose list is not available
        refuses the lookup by Gemeinde (:class:`~wohngeld.errors.NoMietenstufenList`) rather than
        use an older list silently.
        """
        regel = self.mietenstufen
        if regel is None or on < regel.ab:
            return self.base.mietenstufen_dir(on) if self.base is not None else None
        if regel.liste == "eigene":
            return self.root / "mietstufen"
        raise NoMietenstufenList(
            f"gemeinde: keine Mietenstufe nach Gemeinde am {on:%d.%m.%Y} im Regelwerk "
            f"{self.name!r}: es bringt ab dem {regel.ab:%d.%m.%Y} eine eigene Anlage zu § 1 Abs. 3 WoGV, "
            f"die in den Daten der Bibliothek fehlt ({regel.grund}); stattdessen mietenstufe (1–7) angeben"
        )

    @property
    def stand(self) -> Stand:
        """The data's check date and horizon."""
        if self._stand is None:
            path = self.root / "stand.toml"
            if self.base is not None and not path.is_file():
                self._stand = self.base.stand
                return self._stand
            try:
                self._stand = Stand.model_validate(_read_toml(path))
            except ValidationError as exc:
                raise DataFileError(f"{path}: {_describe(exc)}") from None
        return self._stand

    def files(self, folder: str) -> Iterator[Traversable]:
        """The TOML files of one table folder, in name order."""
        d = self.root / folder
        if not d.is_dir():
            raise DataFileError(f"{d}: Parameterordner fehlt")
        yield from sorted((p for p in d.iterdir() if p.name.endswith(".toml")), key=lambda p: p.name)

    def fassungen(self, folder: str, cls: type[Table]) -> tuple[tuple[date, ...], tuple[Table, ...]]:
        """All Fassungen of one table, sorted by ``valid_from``; loaded once."""
        cached = self._tables.get(folder)
        if cached is not None:
            return cached
        loaded: list[Table] = []
        for path in self.files(folder):
            raw = _read_toml(path)
            try:
                table = cls.model_validate(raw)
            except ValidationError as exc:
                raise DataFileError(f"{path}: {_describe(exc)}") from None
            if path.name != f"{table.valid_from.isoformat()}.toml":
                raise DataFileError(
                    f"{path}: Schlüssel valid_from = {table.valid_from} passt nicht zum Dateinamen"
                )
            if table.tabelle != folder:
                raise DataFileError(f"{path}: Schlüssel tabelle = {table.tabelle!r}, der Ordner heißt "
                    f"{folder!r}")
            loaded.append(table)
        if not loaded:
            raise DataFileError(f"{self.root / folder}: keine Fassung in diesem Ordner")
        loaded.sort(key=lambda t: t.valid_from)
        result = (tuple(t.valid_from for t in loaded), tuple(loaded))
        self._tables[folder] = result
        return result

    def fassungsdaten(self) -> frozenset[date]:
        """Every ``valid_from`` of every table folder of this store and its base (from the file names)."""
        if self._daten is None:
            daten: set[date] = set(self.base.fassungsdaten()) if self.base is not None else set()
            if self.root.is_dir():
                for folder in self.root.iterdir():
                    if not folder.is_dir():
                        continue
                    for path in folder.iterdir():
                        try:
                            daten.add(date.fromisoformat(path.name.removesuffix(".toml")))
                        except ValueError:
                            continue
            self._daten = frozenset(daten)
        return self._daten

    def in_force(self, folder: str, on: date, cls: type[Table]) -> Table:
        """The Fassung of one table in force on ``on`` (latest ``valid_from`` not after it).

        In a store with a ``base``, a table this store does not have (or not yet on ``on``)
        comes from the base.
        """
        if self.base is not None:
            if not self.has_folder(folder):
                return self.transform(self.base.in_force(folder, on, cls), on)
            dates, tables = self.fassungen(folder, cls)
            i = bisect.bisect_right(dates, on)
            if i == 0:
                return self.transform(self.base.in_force(folder, on, cls), on)
            return self.transform(tables[i - 1], on)
        dates, tables = self.fassungen(folder, cls)
        i = bisect.bisect_right(dates, on)
        if i == 0:
            raise NoParameters(
                f"keine Fassung von '{folder}' am {on:%d.%m.%Y} in Kraft; die früheste gilt ab dem "
                f"{dates[0]:%d.%m.%Y} (berechnet wird das WoGG ab dem {EARLIEST:%d.%m.%Y})"
            )
        return self.transform(tables[i - 1], on)

    def rechtsstand(self, on: date) -> Rechtsstand:
        """The tables in force on ``on``; cached per date."""
        if not isinstance(on, date) or isinstance(on, datetime):
            raise InputError(
                f"on: {type(on).__name__} {on} angegeben; den Stichtag als datetime.date übergeben "
                "(z. B. date(2025, 7, 1))"
            )
        return self._on(on)

    def _rechtsstand_uncached(self, on: date) -> Rechtsstand:
        if on < EARLIEST:
            raise NoParameters(
                f"kein Rechtsstand für den {on:%d.%m.%Y}: berechnet wird das WoGG in den Fassungen "
                f"ab dem {EARLIEST:%d.%m.%Y} (WoGRefG, BGBl. I 2015 S. 1610)"
            )
        tables = {cls.folder: self.in_force(cls.folder, on, cls) for cls in CORE_TABLES}
        fassung = max(t.valid_from for t in tables.values())
        stand = self.stand
        juengste = max([fassung, *(d for d in self.fassungsdaten() if d <= on)])
        warnungen: list[str] = []
        if on > stand.berechenbar_bis:
            raise NoParameters(
                f"kein Rechtsstand für den {on:%d.%m.%Y}: die Daten sind bis zum "
                f"{stand.geprueft_am:%d.%m.%Y} geprüft, Tage nach dem {stand.berechenbar_bis:%d.%m.%Y} "
                f"werden abgelehnt; die jüngste bekannte Fassung ist die vom {juengste:%d.%m.%Y} "
                f"({stand.rule})"
            )
        warnungen.extend(ungeprueft(t) for t in tables.values() if t.unverified is not None)
        if on > stand.geprueft_am:
            warnungen.append(
                f"Stichtag {on:%d.%m.%Y} liegt nach dem Prüfstand der Daten "
                f"({stand.geprueft_am:%d.%m.%Y}): angewandt ist die Fassung vom "
                f"{juengste:%d.%m.%Y}; eine spätere Änderung des Rechts ist nicht berücksichtigt."
            )
        if self.hinweis:
            warnungen.insert(0, self.hinweis)
        warnungen.extend(self.pending(on))
        return Rechtsstand(
            stichtag=on,
            fassung=fassung,
            tables=tables,
            store=self,
            name=self.name,
            status=self.status,
            warnungen=tuple(warnungen),
        )


@functools.cache
def default_store() -> ParameterStore:
    """The store over the data shipped with the package: the law in force."""
    return _InForceStore()


def rechtsstand(on: date) -> Rechtsstand:
    """The law in force on ``on``, from the shipped data.

    >>> rechtsstand(date(2025, 7, 1)).fassung
    datetime.date(2025, 1, 1)
    """
    return default_store().rechtsstand(on)


class MietenstufenRegel(BaseModel):
    """Which Mietenstufen list a named rule set applies from ``ab`` (table ``[mietenstufen]``).

    ``liste = "eigene"``: the folder ``mietstufen/`` beside ``rechtsstand.toml`` (same format as
    ``data/mietstufen``); ``liste = "fehlt"``: the rule set has its own list that is not available,
    so a lookup by Gemeinde is refused with ``grund``.
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    ab: date
    liste: Literal["eigene", "fehlt"]
    grund: str = Field(min_length=10)


class RegelwerkInfo(BaseModel):
    """Header of a named rule set (``data/rechtsstaende/<slug>/rechtsstand.toml``)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    name: str = Field(min_length=3)
    status: Literal["Entwurf", "in Kraft"]
    valid_from: date
    quelle: str = Field(min_length=5, description="Drucksache (Entwurf) or BGBl. (in Kraft)")
    hinweis: str = Field(min_length=10, description="shown on every result computed with this set")
    anhaengig: str | None = Field(
        default=None,
        description="notice added to results of the law in force from valid_from while status is Entwurf",
    )
    mietenstufen: MietenstufenRegel | None = None


class _InForceStore(ParameterStore):
    """The law in force; warns on dates for which a named draft is pending."""

    def pending(self, on: date) -> list[str]:
        return [
            info.anhaengig
            or f"Änderung anhängig: {info.name} ({info.quelle}) ab {info.valid_from:%d.%m.%Y}"
            for info in regelwerke().values()
            if info.status == "Entwurf" and info.valid_from <= on
        ]


def _regelwerke_root() -> Traversable:
    return data_root() / "rechtsstaende"


@functools.cache
def _regelwerke() -> dict[str, tuple[RegelwerkInfo, Traversable]]:
    root = _regelwerke_root()
    found: dict[str, tuple[RegelwerkInfo, Traversable]] = {}
    if not root.is_dir():
        return found
    for folder in sorted(root.iterdir(), key=lambda p: p.name):
        path = folder / "rechtsstand.toml"
        if not path.is_file():
            continue
        try:
            info = RegelwerkInfo.model_validate(_read_toml(path))
        except ValidationError as exc:
            raise DataFileError(f"{path}: {_describe(exc)}") from None
        if info.name in found:
            raise DataFileError(f"{path}: Name {info.name!r} kommt zweimal vor")
        found[info.name] = (info, folder)
    return found


def regelwerke() -> dict[str, RegelwerkInfo]:
    """Named rule sets shipped with the package (drafts, future law), by name."""
    return {name: info for name, (info, _) in _regelwerke().items()}


def resolve(rechtsstand: str | ParameterStore | None) -> ParameterStore:
    """The rule set a caller names: ``None`` the law in force, a name a named rule set
    (:func:`named_store`), a ParameterStore (e.g. a scenario) itself. Every caller resolves here."""
    if rechtsstand is None:
        return default_store()
    if isinstance(rechtsstand, ParameterStore):
        return rechtsstand
    if isinstance(rechtsstand, str):
        return named_store(rechtsstand)
    raise InputError(
        f"rechtsstand: {type(rechtsstand).__name__} {rechtsstand!r} angegeben; den Namen eines Regelwerks "
        "(z. B. 'Entwurf 2027') oder einen ParameterStore übergeben"
    )


@functools.cache
def named_store(name: str) -> ParameterStore:
    """The store of a named rule set: its own tables on top of the law in force.

    ``"geltendes Recht"`` is the law in force itself. A draft applies only when named.
    """
    if name == "geltendes Recht":
        return default_store()
    known = _regelwerke()
    if name not in known:
        allowed = ", ".join(repr(n) for n in ["geltendes Recht", *known])
        raise InputError(f"rechtsstand: {name!r} angegeben; bekannte Regelwerke: {allowed}")
    info, folder = known[name]
    return ParameterStore(
        folder,
        base=default_store(),
        name=info.name,
        status=info.status,
        hinweis=info.hinweis,
        mietenstufen=info.mietenstufen,
        quelle=info.quelle,
    )
