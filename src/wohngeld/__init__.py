"""wohngeld: German Wohngeld (WoGG) to the euro, with the Rechenweg."""

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
from .model import Belastung, Haushalt, Haushaltsmitglied, Heim, Miete, Pauschalabzug
from .parameters import Rechtsstand, rechtsstand
from .result import Result

__all__ = [
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
    "rechtsstand",
    "wohngeld_aus_m_y",
]

__version__ = "0.1.0"
