"""German messages for pydantic's validation errors: one table for every front door.

The command line, batch runs, the columnar path and the service say in the same German words what was
given, what is allowed and what is wrong; rules between fields keep the library's own message with its
§ citation (pydantic reports it as "Value error, …"). Field paths are the library's field names.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from decimal import Decimal
from typing import Any, NamedTuple, Self

from pydantic import BaseModel, ValidationError

from .errors import InputError

__all__ = [
    "BETRAG_ERLAUBT", "DeutscheEingabe", "Eingabefehler", "Feldfehler", "deutsch", "erlaubt_und_meldung",
    "fehlerart", "feldfehler", "fehlertext",
]

_WOHNKOSTEN_ARTEN = ("Miete", "Belastung", "Heim")


class Feldfehler(NamedTuple):
    """One refused field: its path, the value given, what is allowed, the German message."""

    feld: str
    wert: Any
    erlaubt: str
    meldung: str
    typ: str


BETRAG_ERLAUBT = 'Betrag als JSON-Zahl oder Zeichenkette mit Dezimalpunkt, z. B. "420.50"'


def _zahl_text(v: Any) -> Any:
    """A bound as pydantic reports it (``Decimal('10000000')`` or a number) as plain text."""
    if isinstance(v, Decimal):
        return format(v, "f")
    if isinstance(v, str) and v.startswith("Decimal('") and v.endswith("')"):
        return v[len("Decimal('") : -2]
    return v


def erlaubt_und_meldung(typ: str, ctx: dict[str, Any]) -> tuple[str, str]:
    """(what is allowed, German message) for one pydantic error type."""
    c = {k: _zahl_text(v) for k, v in ctx.items()}
    tabelle: dict[str, tuple[str, str]] = {
        "missing": ("eine Angabe", "Angabe fehlt."),
        "extra_forbidden": (
            "nur die Felder des Schemas (wohngeld schema, GET /v1/schema)",
            "Dieses Feld kennt die Berechnung nicht.",
        ),
        "int_type": ("eine ganze Zahl", "Eine ganze Zahl wird erwartet."),
        "int_parsing": ("eine ganze Zahl", "Eine ganze Zahl wird erwartet."),
        "int_from_float": ("eine ganze Zahl", "Eine ganze Zahl ohne Nachkommastellen wird erwartet."),
        "bool_type": ("true oder false", "Ja/Nein-Angabe (true oder false) wird erwartet."),
        "bool_parsing": ("true oder false", "Ja/Nein-Angabe (true oder false) wird erwartet."),
        "string_type": ("eine Zeichenkette", "Text wird erwartet."),
        "date_type": ("ein Datum JJJJ-MM-TT", "Ein Datum im Format JJJJ-MM-TT wird erwartet."),
        "date_parsing": ("ein Datum JJJJ-MM-TT", "Ein Datum im Format JJJJ-MM-TT wird erwartet."),
        "date_from_datetime_parsing": (
            "ein Datum JJJJ-MM-TT",
            "Ein Datum im Format JJJJ-MM-TT wird erwartet.",
        ),
        "date_from_datetime_inexact": ("ein Datum ohne Uhrzeit", "Ein Datum ohne Uhrzeit wird erwartet."),
        "decimal_type": (BETRAG_ERLAUBT, "Ein Betrag wird erwartet."),
        "decimal_parsing": (BETRAG_ERLAUBT, "Ein Betrag wird erwartet."),
        "model_type": ("ein JSON-Objekt", "Ein JSON-Objekt wird erwartet."),
        "model_attributes_type": ("ein JSON-Objekt", "Ein JSON-Objekt wird erwartet."),
        "dict_type": ("ein JSON-Objekt", "Ein JSON-Objekt wird erwartet."),
        "tuple_type": ("eine Liste", "Eine Liste wird erwartet."),
        "list_type": ("eine Liste", "Eine Liste wird erwartet."),
        "enum": (f"einer der Werte: {c.get('expected', '')}", "Dieser Wert ist nicht vorgesehen."),
        "literal_error": (f"einer der Werte: {c.get('expected', '')}", "Dieser Wert ist nicht vorgesehen."),
        "union_tag_invalid": (
            f"art: {c.get('expected_tags', '')}",
            "Unbekannte Art der Wohnkosten.",
        ),
        "union_tag_not_found": (
            "art: 'Miete', 'Belastung' oder 'Heim'",
            "Die Art der Wohnkosten (art) fehlt.",
        ),
        "greater_than_equal": (f"mindestens {c.get('ge')}", f"Der Wert muss mindestens {c.get('ge')} sein."),
        "greater_than": (f"größer als {c.get('gt')}", f"Der Wert muss größer als {c.get('gt')} sein."),
        "less_than_equal": (f"höchstens {c.get('le')}", f"Der Wert darf höchstens {c.get('le')} sein."),
        "less_than": (f"kleiner als {c.get('lt')}", f"Der Wert muss kleiner als {c.get('lt')} sein."),
        "too_short": (
            f"mindestens {c.get('min_length')} Einträge",
            f"Mindestens {c.get('min_length')} Einträge werden erwartet.",
        ),
        "too_long": (
            f"höchstens {c.get('max_length')} Einträge",
            f"Höchstens {c.get('max_length')} Einträge sind erlaubt.",
        ),
        "string_too_short": (
            f"mindestens {c.get('min_length')} Zeichen",
            f"Mindestens {c.get('min_length')} Zeichen werden erwartet.",
        ),
        "finite_number": ("eine endliche Zahl", "Eine endliche Zahl wird erwartet."),
    }
    return tabelle.get(typ, ("siehe Meldung", ""))


def feldfehler(exc: ValidationError, *, praefix: Sequence[str | int] = ()) -> list[Feldfehler]:
    """The entries of a ``ValidationError`` in German (a union's other branches left out)."""
    out = []
    fehler = exc.errors(include_url=False)
    orte = [tuple(e["loc"]) for e in fehler]
    for e in fehler:
        ort = tuple(e["loc"])
        if any(len(o) > len(ort) and o[: len(ort)] == ort for o in orte):
            continue  # a deeper error names the cause; this one is the union's other branch
        loc = [*praefix, *(p for p in e["loc"] if p not in _WOHNKOSTEN_ARTEN)]
        feld = ".".join(str(p) for p in loc) or "(Eingabe)"
        erlaubt, meldung = _deutsch(e)
        out.append(Feldfehler(feld, e.get("input"), erlaubt, meldung, e["type"]))
    return out


def _deutsch(e: Any) -> tuple[str, str]:
    """(what is allowed, German message) of one entry of ``errors()``: a rule's own message (pydantic
    reports it as "Value error, …") without pydantic's prefix."""
    erlaubt, meldung = erlaubt_und_meldung(e["type"], dict(e.get("ctx") or {}))
    if not meldung:
        meldung = str(e["msg"]).removeprefix("Value error, ").removeprefix("Assertion failed, ")
    return erlaubt, meldung


def fehlertext(exc: ValidationError, *, praefix: Sequence[str | int] = ()) -> str:
    """One line: ``feld: Meldung; feld: Meldung`` (what the CLI and batch outputs show)."""
    return "; ".join(f"{f.feld}: {f.meldung}" for f in feldfehler(exc, praefix=praefix))


class Eingabefehler(InputError, ValidationError):
    """Bad input at the Python door (``Haushalt(...)``, ``Haushalt.model_validate(...)`` and the other
    input models): pydantic's ``ValidationError`` with the German messages of :func:`feldfehler`.

    It stays a ``ValidationError`` (``errors()`` with the same types, places, inputs and bounds; the
    message of each entry German) and is an :class:`~wohngeld.errors.InputError` of this library.
    """

    def __str__(self) -> str:
        teile = []
        for f in feldfehler(self):
            text = f"{f.feld}: {f.meldung.removesuffix('.')}"
            wert = _angegeben(f.wert)
            if wert is not None:
                text += f" (angegeben: {wert}"
                text += ")" if f.erlaubt == "siehe Meldung" else f"; zulässig: {f.erlaubt})"
            teile.append(text)
        return f"Ungültige Eingabe für {self.title}: " + "; ".join(teile)


def _angegeben(wert: Any) -> str | None:
    """The value given, as the message shows it (none for a missing field or a whole mapping)."""
    if isinstance(wert, (dict, list, tuple)) or wert is None:
        return None
    if isinstance(wert, Decimal):
        text = format(wert, "f")
    elif isinstance(wert, date):
        text = f"{wert:%d.%m.%Y}"
    else:
        text = repr(wert) if isinstance(wert, str) else str(wert)
    return text if len(text) <= 60 else text[:57] + "…"


def fehlerart(exc: BaseException) -> str:
    """The error class a batch output names: ``ValidationError`` for every validation error (also an
    :class:`Eingabefehler`), else the class's own name."""
    return "ValidationError" if isinstance(exc, ValidationError) else type(exc).__name__


def deutsch(exc: ValidationError) -> Eingabefehler:
    """``exc`` as an :class:`Eingabefehler`: every entry kept (type, place, input, bounds), its
    message German (:func:`erlaubt_und_meldung`; a rule's own message without pydantic's prefix)."""
    from pydantic_core import PydanticCustomError

    if isinstance(exc, Eingabefehler):
        return exc
    zeilen: list[Any] = []
    for e in exc.errors(include_url=False):
        _, meldung = _deutsch(e)
        # a rule's exception object stays out: its text is the message
        ctx = {k: v for k, v in (e.get("ctx") or {}).items() if k != "error"}
        fehler = PydanticCustomError(e["type"], meldung, ctx)
        zeilen.append({"type": fehler, "loc": e["loc"], "input": e.get("input")})
    return Eingabefehler.from_exception_data(exc.title, zeilen)


class DeutscheEingabe(BaseModel):
    """Base of the input models: validation errors raised by constructing or validating one of them
    are an :class:`Eingabefehler` with German messages. Nested models are validated by the outer one
    (pydantic does not call their ``__init__``), so each error is translated once."""

    def __init__(self, /, **data: Any) -> None:
        try:
            super().__init__(**data)
        except ValidationError as exc:
            raise deutsch(exc) from None

    @classmethod
    def model_validate(cls, obj: Any, **kwargs: Any) -> Self:
        """As pydantic's, with an :class:`Eingabefehler` for bad input."""
        try:
            return super().model_validate(obj, **kwargs)
        except ValidationError as exc:
            raise deutsch(exc) from None

    @classmethod
    def model_validate_json(cls, json_data: str | bytes | bytearray, **kwargs: Any) -> Self:
        """As pydantic's, with an :class:`Eingabefehler` for bad input."""
        try:
            return super().model_validate_json(json_data, **kwargs)
        except ValidationError as exc:
            raise deutsch(exc) from None


# pydantic calls a model's own ``__init__`` for every nested instance unless it is marked as the base
# one; this ``__init__`` only translates the error of the outermost call, so it is marked
setattr(DeutscheEingabe.__init__, "__pydantic_base_init__", True)  # noqa: B010
