"""Parameter tables: the base every table class extends, and the one registry of all tables.

One folder per legal table under ``data/parameters/``, one complete TOML file per Fassung named by
its ``valid_from``. Each table class is declared next to the stage that reads it (``law/rent/``,
``law/income/``, ``law/formula/``, ``law/limits/``, ``procedure/``) and registered once in
:data:`_REGISTER`. Picking the Fassung in force on a date is :mod:`wohngeld.law.rechtsstand`.

The names that lived here before (the core tables, ``ParameterStore``, ``Rechtsstand``,
``resolve`` …) stay importable from this module; they are loaded from their modules on first use,
because those modules import this one.
"""

from __future__ import annotations

import functools
from datetime import date
from importlib import import_module, resources
from importlib.resources.abc import Traversable
from typing import TYPE_CHECKING, Any, ClassVar

from pydantic import BaseModel, ConfigDict, Field

from ..errors import DataFileError

if TYPE_CHECKING:
    from .formula.tabellen import Koeffizient as Koeffizient
    from .formula.tabellen import Koeffizienten as Koeffizienten
    from .formula.tabellen import MehrbetragUeberZwoelf as MehrbetragUeberZwoelf
    from .formula.tabellen import Mindestwerte as Mindestwerte
    from .limits.tabellen import Bagatellgrenze as Bagatellgrenze
    from .rechtsstand import CORE_TABLES as CORE_TABLES
    from .rechtsstand import MietenstufenRegel as MietenstufenRegel
    from .rechtsstand import ParameterStore as ParameterStore
    from .rechtsstand import Rechtsstand as Rechtsstand
    from .rechtsstand import RegelwerkInfo as RegelwerkInfo
    from .rechtsstand import default_store as default_store
    from .rechtsstand import named_store as named_store
    from .rechtsstand import rechtsstand as rechtsstand
    from .rechtsstand import regelwerke as regelwerke
    from .rechtsstand import resolve as resolve
    from .rent.tabellen import Heizkosten as Heizkosten
    from .rent.tabellen import Hoechstbetraege as Hoechstbetraege
    from .rent.tabellen import Klimakomponente as Klimakomponente
    from .rent.tabellen import Staffel as Staffel
    from .rent.tabellen import staffel_betrag as staffel_betrag

__all__ = [
    "Bagatellgrenze",
    "Heizkosten",
    "Hoechstbetraege",
    "Klimakomponente",
    "Koeffizienten",
    "MehrbetragUeberZwoelf",
    "MietenstufenRegel",
    "Mindestwerte",
    "ParameterStore",
    "Rechtsstand",
    "Staffel",
    "staffel_betrag",
    "tabellen",
    "Table",
    "default_store",
    "resolve",
    "rechtsstand",
]

EARLIEST = date(2016, 1, 1)


@functools.cache
def data_root() -> Traversable:
    """The ``data`` folder shipped inside the package (read via importlib.resources; found once)."""
    return resources.files("wohngeld") / "data"


class Table(BaseModel):
    """Header every parameter file carries: what it encodes, from when, and its source."""

    model_config = ConfigDict(frozen=True, extra="forbid")
    folder: ClassVar[str]

    tabelle: str
    valid_from: date
    rule: str = Field(min_length=5)
    source: str = Field(min_length=5)
    verified: date | None = None
    unverified: str | None = Field(default=None, min_length=10)
    unit: str | None = None

    def model_post_init(self, __context: Any) -> None:
        if (self.verified is None) == (self.unverified is None):
            raise ValueError(
                "verified = <Datum der Prüfung am Gesetzestext> angeben oder, wenn kein Gesetzestext "
                'lesbar war, unverified = "<was fehlt und worauf der Wert beruht>"'
            )


class Stand(BaseModel):
    """How far the data is known to be complete (``data/parameters/stand.toml``)."""

    model_config = ConfigDict(frozen=True, extra="forbid")
    geprueft_am: date
    berechenbar_bis: date
    rule: str


_REGISTER: dict[str, tuple[str, str]] = {
    # § 12 Abs. 1, 6, 7; § 19 Abs. 1, 3; § 21 Nr. 1 WoGG and Anlagen 1–3: the core tables, in every
    # Rechtsstand (law/rechtsstand.py, CORE_TABLES)
    "hoechstbetraege": ("law.rent.tabellen", "Hoechstbetraege"),
    "koeffizienten": ("law.formula.tabellen", "Koeffizienten"),
    "mindestwerte": ("law.formula.tabellen", "Mindestwerte"),
    "heizkosten": ("law.rent.tabellen", "Heizkosten"),
    "klimakomponente": ("law.rent.tabellen", "Klimakomponente"),
    "mehrbetrag_ueber_zwoelf": ("law.formula.tabellen", "MehrbetragUeberZwoelf"),
    "bagatellgrenze": ("law.limits.tabellen", "Bagatellgrenze"),
    # §§ 14–18 WoGG, § 17a WoGG; Regelbedarfsstufen of the SGB XII
    "einnahmearten": ("law.income.tabellen", "Einnahmearten"),
    "werbungskosten_pauschbetraege": ("law.income.tabellen", "WerbungskostenPauschbetraege"),
    "pauschalabzug": ("law.income.tabellen", "PauschalabzugSaetze"),
    "freibetraege": ("law.income.tabellen", "Freibetraege"),
    "grundrente": ("law.income.tabellen", "Grundrentenfreibetrag"),
    "regelbedarfsstufen": ("law.income.tabellen", "Regelbedarfsstufen"),
    "unterhalt_abzug": ("law.income.tabellen", "UnterhaltAbzug"),
    # WoGV: Pauschbeträge (§ 6), Bewirtschaftung (§ 13); § 21 Nr. 3 WoGG (Vermögen)
    "wogv_pauschbetraege": ("law.rent.wogv", "Pauschbetraege"),
    "wogv_bewirtschaftung": ("law.rent.wogv", "Bewirtschaftung"),
    "vermoegen": ("law.limits.tabellen", "Vermoegensgrenze"),
    # § 25 Abs. 1, § 27 WoGG (Bewilligungszeitraum, Änderung des Wohngeldes)
    "aenderung": ("procedure.tabellen", "AenderungSchwellen"),
}
"""Every parameter table: folder under ``data/parameters`` → (module, class). The one registry that
scenarios, the list of sources and the checks of the data iterate; a new table is added here."""


TITEL: dict[str, str] = {
    "hoechstbetraege": "Höchstbeträge",
    "koeffizienten": "Koeffizienten a, b, c",
    "mindestwerte": "Mindestwerte und Rechenschritte",
    "heizkosten": "Entlastung bei den Heizkosten",
    "klimakomponente": "Klimakomponente",
    "mehrbetrag_ueber_zwoelf": "Mehrbetrag ab dem 13. Mitglied",
    "bagatellgrenze": "Bagatellgrenze",
    "einnahmearten": "Einnahmearten",
    "werbungskosten_pauschbetraege": "Werbungskosten-Pauschbeträge",
    "pauschalabzug": "pauschale Abzüge",
    "freibetraege": "Freibeträge",
    "grundrente": "Grundrentenfreibetrag",
    "regelbedarfsstufen": "Regelbedarfsstufen",
    "unterhalt_abzug": "Abzugsbeträge für Unterhalt",
    "wogv_pauschbetraege": "Pauschbeträge der WoGV",
    "wogv_bewirtschaftung": "Bewirtschaftungskosten der WoGV",
    "vermoegen": "Vermögensgrenzen",
    "aenderung": "Änderungsschwellen und Bewilligungszeitraum",
}
"""The German title of every table, as the Rechenweg and the notices name it."""


@functools.cache
def tabellen() -> dict[str, type[Table]]:
    """Every parameter table class by folder name, from :data:`_REGISTER` (sorted by folder).

    >>> tabellen()["aenderung"].__name__
    'AenderungSchwellen'
    """
    found: dict[str, type[Table]] = {}
    for folder, (modul, name) in sorted(_REGISTER.items()):
        cls = getattr(import_module(f"wohngeld.{modul}"), name)
        if not (isinstance(cls, type) and issubclass(cls, Table)) or cls.folder != folder:
            raise DataFileError(f"Tabellenregister: {modul}.{name} ist keine Tabelle des Ordners {folder!r}")
        found[folder] = cls
    return found


def ungeprueft(t: Table) -> str:
    """The notice on a result that applied a table whose values were not read in the legal text."""
    return (
        f"Die Tabelle '{t.tabelle}' (Fassung ab {t.valid_from:%d.%m.%Y}) ist nicht am "
        f"Gesetzestext geprüft: {t.unverified}"
    )


_VERSCHOBEN: dict[str, str] = {
    "Staffel": "law.rent.tabellen",
    "staffel_betrag": "law.rent.tabellen",
    "Hoechstbetraege": "law.rent.tabellen",
    "Heizkosten": "law.rent.tabellen",
    "Klimakomponente": "law.rent.tabellen",
    "Koeffizient": "law.formula.tabellen",
    "Koeffizienten": "law.formula.tabellen",
    "Mindestwerte": "law.formula.tabellen",
    "MehrbetragUeberZwoelf": "law.formula.tabellen",
    "Bagatellgrenze": "law.limits.tabellen",
    **dict.fromkeys(
        (
            "CORE_TABLES", "T", "Rechtsstand", "ParameterStore", "MietenstufenRegel", "RegelwerkInfo",
            "default_store", "rechtsstand", "named_store", "regelwerke", "resolve",
            "_InForceStore", "_regelwerke", "_regelwerke_root", "_read_toml", "_describe", "_SLOTS", "_WERTE",
        ),
        "law.rechtsstand",
    ),
}
"""Names declared here before they moved next to their stage or into ``law/rechtsstand.py`` → module."""


def __getattr__(name: str) -> Any:
    """The names that moved (:data:`_VERSCHOBEN`), from their module on first use (the same objects)."""
    modul = _VERSCHOBEN.get(name)
    if modul is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    wert = getattr(import_module(f"wohngeld.{modul}"), name)
    globals()[name] = wert
    return wert


def __dir__() -> list[str]:
    return sorted([*globals(), *_VERSCHOBEN])
