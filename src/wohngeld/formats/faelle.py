"""Case files: one household with its Stichtag, source and expected amounts (TOML or JSON).

The same format serves the test suite, the CLI and other systems' test suites::

    title    = "…"
    source   = "…"            # who published the example
    stichtag = 2025-07-01
    [haushalt]                # a wohngeld.Haushalt
    mietenstufe = 3
    miete_monat = "420.00"
    anzahl_mitglieder = 1
    gesamteinkommen_monat = "1162.35"
    [erwartet]                # optional: M, Y (strings), wohngeld_monat (whole euros)
    wohngeld_monat = 131
"""

from __future__ import annotations

import json
import tomllib
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from ..errors import InputError
from ..input.haushalt import Haushalt
from ..money import to_decimal
from ..validierung import fehlertext

__all__ = ["Fall", "lade_fall", "parse_fall"]


@dataclass(frozen=True, slots=True)
class Fall:
    """A case: the household, its date, where it comes from and what is expected."""

    name: str
    title: str
    source: str
    stichtag: date
    haushalt: Haushalt
    erwartet: dict[str, Decimal] = field(default_factory=dict)
    extra: dict[str, Any] = field(default_factory=dict)


def parse_fall(data: dict[str, Any], *, name: str = "<fall>") -> Fall:
    """Validate the mapping of one case file."""
    for key in ("stichtag", "haushalt"):
        if key not in data:
            raise InputError(f"{name}: Schlüssel '{key}' fehlt (eine Falldatei braucht stichtag und "
                f"[haushalt])")
    stichtag = data["stichtag"]
    if isinstance(stichtag, str):
        try:
            stichtag = date.fromisoformat(stichtag)
        except ValueError:
            raise InputError(f"{name}: stichtag {stichtag!r} ist kein Datum (JJJJ-MM-TT)") from None
    if not isinstance(stichtag, date):
        raise InputError(f"{name}: stichtag {stichtag!r} ist kein Datum (JJJJ-MM-TT)")
    try:
        haushalt = Haushalt.model_validate(data["haushalt"])
    except ValidationError as exc:
        raise InputError(f"{name}: [haushalt] ist ungültig: {fehlertext(exc)}") from None
    erwartet: dict[str, Decimal] = {}
    for key, value in dict(data.get("erwartet", {})).items():
        try:
            erwartet[key] = to_decimal(value)
        except (TypeError, ValueError) as exc:
            raise InputError(f"{name}: erwartet.{key}: {exc}") from None
    extra = {
        k: v for k, v in data.items() if k not in {"title", "source", "stichtag", "haushalt", "erwartet"}
    }
    return Fall(
        name=name,
        title=str(data.get("title", name)),
        source=str(data.get("source", "")),
        stichtag=stichtag,
        haushalt=haushalt,
        erwartet=erwartet,
        extra=extra,
    )


def lade_fall(path: str | Path) -> Fall:
    """Read a case file (``.toml`` or ``.json``)."""
    p = Path(path)
    try:
        text = p.read_bytes()
    except OSError as exc:
        raise InputError(f"{p}: kann nicht gelesen werden ({exc.strerror})") from None
    try:
        if p.suffix == ".json":
            data = json.loads(text, parse_float=Decimal)
        else:
            data = tomllib.loads(text.decode("utf-8"), parse_float=Decimal)
    except (ValueError, UnicodeDecodeError) as exc:
        raise InputError(
            f"{p}: keine gültige {p.suffix.lstrip('.').upper() or 'TOML'}-Falldatei: {exc}"
        ) from None
    if not isinstance(data, dict):
        raise InputError(f"{p}: eine Falldatei ist auf oberster Ebene eine Tabelle (TOML) bzw. ein Objekt "
            f"(JSON)")
    return parse_fall(data, name=p.stem)
