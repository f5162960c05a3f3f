"""wohngeld: German Wohngeld (WoGG) to the euro, with the Rechenweg and its § citations.

>>> from datetime import date
>>> from wohngeld import Haushalt, Miete, calculate
>>> h = Haushalt(mietenstufe=3, wohnkosten=Miete(miete_monat="420.00"), anzahl_mitglieder=1,
...              gesamteinkommen_monat="1162.35")
>>> calculate(h, on=date(2023, 7, 1)).betrag_monat
Decimal('131')

The public names are loaded on first use, so that ``import wohngeld`` stays cheap.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .analysis.einkommensgrenzen import Grenze, einkommensgrenze, mietgrenze
    from .analysis.szenario import Szenario, lade_szenario
    from .analysis.vergleich import Vergleich, vergleich
    from .catalogs.leistungen import Leistung, verbundene_leistungen
    from .catalogs.unterlagen import Checkliste, Unterlage, unterlagen
    from .engine import calculate, wohngeld_aus_m_y
    from .errors import (
        AmbiguousMunicipality,
        DataFileError,
        InputError,
        NoMietenstufenList,
        NoParameters,
        UnknownMunicipality,
        WohngeldError,
    )
    from .formats.dataframe import calculate_frame
    from .formats.schema import haushalt_schema
    from .formats.stapel import ItemError, calculate_many
    from .input.haushalt import Belastung, Haushalt, Haushaltsmitglied, Heim, Miete, Pauschalabzug
    from .law.mietenstufen.liste import mietenstufe
    from .law.mietenstufen.plz import PlzAuskunft, mietenstufe_nach_plz
    from .law.rechtsstand import ParameterStore, Rechtsstand, RegelwerkInfo, rechtsstand, regelwerke
    from .procedure.aenderung import Aenderungsfolge, aenderung
    from .procedure.antrag import Antrag, antrag
    from .procedure.bewilligung import bewilligungszeitraum
    from .procedure.vorrang import VorrangHinweis, vorrang
    from .result import Result
    from .validierung import Eingabefehler

_WHERE = {
    "ItemError": "formats.stapel",
    "calculate_many": "formats.stapel",
    "calculate_frame": "formats.dataframe",
    "Grenze": "analysis.einkommensgrenzen",
    "einkommensgrenze": "analysis.einkommensgrenzen",
    "mietgrenze": "analysis.einkommensgrenzen",
    "haushalt_schema": "formats.schema",
    "Szenario": "analysis.szenario",
    "lade_szenario": "analysis.szenario",
    "calculate": "engine",
    "wohngeld_aus_m_y": "engine",
    "AmbiguousMunicipality": "errors",
    "DataFileError": "errors",
    "InputError": "errors",
    "NoMietenstufenList": "errors",
    "NoParameters": "errors",
    "UnknownMunicipality": "errors",
    "WohngeldError": "errors",
    "mietenstufe": "law.mietenstufen.liste",
    "PlzAuskunft": "law.mietenstufen.plz",
    "mietenstufe_nach_plz": "law.mietenstufen.plz",
    "Belastung": "input.haushalt",
    "Haushalt": "input.haushalt",
    "Haushaltsmitglied": "input.haushalt",
    "Heim": "input.haushalt",
    "Miete": "input.haushalt",
    "Pauschalabzug": "input.haushalt",
    "Rechtsstand": "law.rechtsstand",
    "rechtsstand": "law.rechtsstand",
    "Result": "result",
    "Aenderungsfolge": "procedure.aenderung",
    "Antrag": "procedure.antrag",
    "antrag": "procedure.antrag",
    "aenderung": "procedure.aenderung",
    "bewilligungszeitraum": "procedure.bewilligung",
    "Leistung": "catalogs.leistungen",
    "verbundene_leistungen": "catalogs.leistungen",
    "ParameterStore": "law.rechtsstand",
    "RegelwerkInfo": "law.rechtsstand",
    "regelwerke": "law.rechtsstand",
    "Checkliste": "catalogs.unterlagen",
    "Unterlage": "catalogs.unterlagen",
    "unterlagen": "catalogs.unterlagen",
    "Vergleich": "analysis.vergleich",
    "vergleich": "analysis.vergleich",
    "VorrangHinweis": "procedure.vorrang",
    "vorrang": "procedure.vorrang",
    "Eingabefehler": "validierung",
}

__all__ = [
    "Antrag",
    "antrag",
    "Aenderungsfolge",
    "Checkliste",
    "Leistung",
    "ParameterStore",
    "RegelwerkInfo",
    "Unterlage",
    "Vergleich",
    "VorrangHinweis",
    "aenderung",
    "bewilligungszeitraum",
    "regelwerke",
    "unterlagen",
    "verbundene_leistungen",
    "vergleich",
    "vorrang",
    "Grenze",
    "ItemError",
    "Szenario",
    "calculate_frame",
    "calculate_many",
    "einkommensgrenze",
    "haushalt_schema",
    "lade_szenario",
    "mietgrenze",
    "AmbiguousMunicipality",
    "Belastung",
    "DataFileError",
    "Eingabefehler",
    "Haushalt",
    "Haushaltsmitglied",
    "Heim",
    "InputError",
    "Miete",
    "NoMietenstufenList",
    "NoParameters",
    "Pauschalabzug",
    "Rechtsstand",
    "Result",
    "UnknownMunicipality",
    "WohngeldError",
    "calculate",
    "mietenstufe",
    "mietenstufe_nach_plz",
    "PlzAuskunft",
    "rechtsstand",
    "wohngeld_aus_m_y",
]
assert sorted(__all__) == sorted(_WHERE)
__version__ = "0.1.0"


def __getattr__(name: str) -> Any:
    module = _WHERE.get(name)
    if module is None:
        raise AttributeError(f"module 'wohngeld' has no attribute {name!r}")
    value = getattr(import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted([*globals(), *_WHERE])
