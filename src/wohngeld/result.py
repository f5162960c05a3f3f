"""The result of a calculation: amount, M, Y, Fassung, reason and Rechenweg."""

from __future__ import annotations

import json
import re
from datetime import date
from decimal import Decimal
from typing import NamedTuple

from .money import festkomma_text
from .rechenweg import Schritt, format_datum, format_euro, format_zahl

__all__ = ["SCHEMA_VERSION", "Result"]

SCHEMA_VERSION = "1"


class Result(NamedTuple):
    """Monthly Wohngeld in whole euros with everything needed to check it (immutable).

    ``betrag_monat`` is 0 when there is no claim; ``grund`` and ``grund_zitat`` then say why.
    ``M`` and ``Y`` are the values that entered § 19 WoGG (after the Mindestwerte);
    ``M_berechnet`` and ``Y_berechnet`` before them. ``tabellen`` names every parameter table the
    result applied with its ``valid_from`` (by table name); ``fassung`` is the latest of them.
    """

    betrag_monat: Decimal
    anspruch: bool
    grund: str | None
    grund_zitat: str | None
    art: str
    stichtag: date
    fassung: date
    rechtsstand: str
    mietenstufe: int
    mitglieder: int
    mitglieder_gesamt: int
    M: Decimal
    Y: Decimal
    M_berechnet: Decimal
    Y_berechnet: Decimal
    z: tuple[Decimal, Decimal, Decimal, Decimal]
    warnungen: tuple[str, ...]
    schritte: tuple[Schritt, ...]
    tabellen: tuple[tuple[str, date], ...] = ()

    def to_dict(self) -> dict[str, object]:
        """JSON-ready mapping with stable field names; Decimals as strings.

        Amounts keep their exact value up to the ten decimal places of the Festkommazahl (Anlage 3
        Nr. 2 WoGG); more places are rounded half-up to ten for the output (:func:`festkomma_text`).
        """
        return {
            "schema_version": SCHEMA_VERSION,
            "betrag_monat": festkomma_text(self.betrag_monat),
            "anspruch": self.anspruch,
            "grund": self.grund,
            "grund_zitat": self.grund_zitat,
            "art": self.art,
            "stichtag": self.stichtag.isoformat(),
            "fassung": self.fassung.isoformat(),
            "tabellen": {name: ab.isoformat() for name, ab in self.tabellen},
            "rechtsstand": self.rechtsstand,
            "mietenstufe": self.mietenstufe,
            "mitglieder": self.mitglieder,
            "mitglieder_gesamt": self.mitglieder_gesamt,
            "M": festkomma_text(self.M, mindestens=2),
            "Y": festkomma_text(self.Y, mindestens=2),
            "M_berechnet": festkomma_text(self.M_berechnet, mindestens=2),
            "Y_berechnet": festkomma_text(self.Y_berechnet, mindestens=2),
            "z": [festkomma_text(v) for v in self.z],
            "warnungen": list(self.warnungen),
            "rechenweg": [{**s.to_dict(), "rechtsstand": self.rechtsstand} for s in self.schritte],
        }

    def to_json(self, *, indent: int | None = 2) -> str:
        """The result as JSON (see :meth:`to_dict`)."""
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)

    def explain(self) -> str:
        """The Rechenweg as German text, shaped like a brochure's worked example."""
        kopf = (
            f"Wohngeld ({self.art}) – Stichtag {format_datum(self.stichtag)}, "
            f"WoGG in der Fassung ab {format_datum(self.fassung)} ({self.rechtsstand})"
        )
        lines = [kopf, "=" * len(kopf)]
        breite = max((len(s.label) for s in self.schritte), default=20)
        breite = min(max(breite, 30), 72)
        marke = "" if self.rechtsstand == "geltendes Recht" else f"   [{self.rechtsstand}]"
        for s in self.schritte:
            lines.append(f"{s.label:<{breite}}  {_wert(s):>16}   {s.zitat}{marke}")
        lines.append("-" * len(kopf))
        if self.anspruch:
            lines.append(f"Wohngeld monatlich: {format_euro(self.betrag_monat)}")
        else:
            lines.append(f"Kein Wohngeld: {self.grund} ({self.grund_zitat})")
        for w in self.warnungen:
            lines.append(f"Hinweis: {w}")
        return "\n".join(lines)

    def __str__(self) -> str:
        return self.explain()


_ISO_DATUM = re.compile(r"\d{4}-\d{2}-\d{2}")


def _wert(s: Schritt) -> str:
    v = s.wert
    if isinstance(v, bool):
        return "ja" if v else "nein"
    if isinstance(v, Decimal):
        if s.einheit.startswith("EUR"):
            return format_euro(v)
        return format_zahl(v)
    if isinstance(v, int):
        return str(v)
    if _ISO_DATUM.fullmatch(v):  # a date step (Stichtag, Fassung) is kept ISO in JSON, read German here
        return format_datum(date.fromisoformat(v))
    return v
