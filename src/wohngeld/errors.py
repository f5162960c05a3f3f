"""Exceptions of the wohngeld library.

Every error derives from :class:`WohngeldError`; errors caused by bad input also derive from
:class:`ValueError`. The input models raise :class:`wohngeld.validierung.Eingabefehler`, an
:class:`InputError` that is also pydantic's ``ValidationError``. Each message says what was given,
what is allowed and which rule applies.
"""

from __future__ import annotations

from collections.abc import Sequence


class WohngeldError(ValueError):
    """Base class of all errors raised by this library."""


class InputError(WohngeldError, ValueError):
    """An input value that the rules cannot accept."""


class NoParameters(WohngeldError, ValueError):
    """No Fassung of a parameter table is in force on the requested date."""


class DataFileError(WohngeldError, ValueError):
    """A data file is missing, malformed or incomplete; names the file and the key."""


class UnknownMunicipality(WohngeldError, LookupError, ValueError):
    """A Gemeinde (AGS or name) that the Mietenstufen list of the date does not contain."""

    def __init__(self, message: str, suggestions: Sequence[object] = ()) -> None:
        super().__init__(message)
        self.suggestions = tuple(suggestions)


class AmbiguousMunicipality(WohngeldError, LookupError, ValueError):
    """A Gemeinde name that matches more than one Gemeinde; carries the candidates."""

    def __init__(self, message: str, candidates: Sequence[object] = ()) -> None:
        super().__init__(message)
        self.candidates = tuple(candidates)


class NoMietenstufenList(WohngeldError, ValueError):
    """No Mietenstufen list (Anlage zu § 1 Abs. 3 WoGV) is available for the date."""


class DateiFehler(WohngeldError, ValueError):
    """A file of a batch run cannot be read or written; one German line naming the path and why."""
