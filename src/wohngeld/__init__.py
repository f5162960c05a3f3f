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
    from .aenderungen import Aenderungsfolge, aenderung, bewilligungszeitraum
    from .antragstellung import Antrag, antrag
    from .batch import ItemError, calculate_many
    from .dataframe import calculate_frame
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
    from .grenzen import Grenze, einkommensgrenze, mietgrenze
    from .leistungen import Leistung, verbundene_leistungen
    from .mietstufen import mietenstufe
    from .model import Belastung, Haushalt, Haushaltsmitglied, Heim, Miete, Pauschalabzug
    from .parameters import ParameterStore, Rechtsstand, RegelwerkInfo, rechtsstand, regelwerke
    from .plz import PlzAuskunft, mietenstufe_nach_plz
    from .result import Result
    from .schema import haushalt_schema
    from .szenario import Szenario, lade_szenario
    from .unterlagenliste import Checkliste, Unterlage, unterlagen
    from .vergleichen import Vergleich, vergleich
    from .vorranghinweis import VorrangHinweis, vorrang

_WHERE = {
    "ItemError": "batch",
    "calculate_many": "batch",
    "calculate_frame": "dataframe",
    "Grenze": "grenzen",
    "einkommensgrenze": "grenzen",
    "mietgrenze": "grenzen",
    "haushalt_schema": "schema",
    "Szenario": "szenario",
    "lade_szenario": "szenario",
    "calculate": "engine",
    "wohngeld_aus_m_y": "engine",
    "AmbiguousMunicipality": "errors",
    "DataFileError": "errors",
    "InputError": "errors",
    "NoMietenstufenList": "errors",
    "NoParameters": "errors",
    "UnknownMunicipality": "errors",
    "WohngeldError": "errors",
    "mietenstufe": "mietstufen",
    "PlzAuskunft": "plz",
    "mietenstufe_nach_plz": "plz",
    "Belastung": "model",
    "Haushalt": "model",
    "Haushaltsmitglied": "model",
    "Heim": "model",
    "Miete": "model",
    "Pauschalabzug": "model",
    "Rechtsstand": "parameters",
    "rechtsstand": "parameters",
    "Result": "result",
    "Aenderungsfolge": "aenderungen",
    "Antrag": "antragstellung",
    "antrag": "antragstellung",
    "aenderung": "aenderungen",
    "bewilligungszeitraum": "aenderungen",
    "Leistung": "leistungen",
    "verbundene_leistungen": "leistungen",
    "ParameterStore": "parameters",
    "RegelwerkInfo": "parameters",
    "regelwerke": "parameters",
    "Checkliste": "unterlagenliste",
    "Unterlage": "unterlagenliste",
    "unterlagen": "unterlagenliste",
    "Vergleich": "vergleichen",
    "vergleich": "vergleichen",
    "VorrangHinweis": "vorranghinweis",
    "vorrang": "vorranghinweis",
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
