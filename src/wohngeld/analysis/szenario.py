"""Scenarios: a reform as parameter overrides from a date, applied on top of a Rechtsstand.

A scenario file (TOML)::

    name = "Reform A: Höchstbeträge +10 %"
    beschreibung = "Was wäre, wenn …"      # optional
    ab = 2025-07-01                         # from this Stichtag on; earlier dates are refused
    basis = "geltendes Recht"               # optional: the rule set it changes

    [setzen]                                # path = new value
    "koeffizienten.koeffizienten.3.c" = "5.0E-5"
    "bagatellgrenze.betrag" = "15"

    [multiplizieren]                        # path = factor, or {faktor = "…", runden = "euro"}
    "hoechstbetraege.betraege" = { faktor = "1.10", runden = "euro" }

A path starts with the table (the folder under ``data/parameters``), then the keys of its file;
list positions count from 1, as Haushaltsmitglieder and Mietenstufen do
(``hoechstbetraege.betraege.3.4`` = three members, Mietenstufe IV). ``multiplizieren`` scales
every amount below the path; ``runden`` (``euro`` or ``cent``, half-up) is the scenario's own
choice, not a rule of the WoGG. The changed tables are validated like data files. The engine sees
an ordinary :class:`~wohngeld.law.tabelle.ParameterStore` and needs no branch for it.
"""

from __future__ import annotations

import contextlib
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any, Literal

from pydantic import ValidationError

from ..errors import InputError, NoParameters, WohngeldError
from ..law.rechtsstand import ParameterStore, Rechtsstand, named_store
from ..law.tabelle import EARLIEST, Table, tabellen
from ..money import auf_stellen
from ..validierung import fehlertext

__all__ = ["Ueberschreibung", "Szenario", "lade_szenario", "parse_szenario", "tabellen"]

_RUNDEN = {"euro": 0, "cent": 2}


@dataclass(frozen=True, slots=True)
class Ueberschreibung:
    """One override: set ``wert`` at ``pfad``, or multiply every amount below it by ``faktor``."""

    pfad: tuple[str, ...]
    wert: object = None
    faktor: Decimal | None = None
    runden: Literal["euro", "cent"] | None = None

    @property
    def tabelle(self) -> str:
        """The table folder the path starts with."""
        return self.pfad[0]

    def text(self) -> str:
        """German one-line description."""
        p = ".".join(self.pfad)
        if self.faktor is None:
            return f"{p} = {self.wert}"
        r = {None: "", "euro": ", auf volle Euro gerundet", "cent": ", auf Cent gerundet"}[self.runden]
        return f"{p} × {self.faktor}{r}"


def _schritt(node: Any, key: str, pfad: tuple[str, ...], bis: int) -> tuple[Any, Any]:
    """The container key for ``key`` inside ``node`` (list position from 1, dict key as text)."""
    wo = ".".join(pfad[:bis])
    if isinstance(node, dict):
        for k in node:
            if str(k) == key:
                return k, node[k]
        erlaubt = ", ".join(str(k) for k in node if bis > 1 or k not in _GESCHUETZT)
        raise InputError(f"Schlüssel '{key}' in '{wo}' unbekannt; erlaubt: {erlaubt}")
    if isinstance(node, list):
        try:
            i = int(key)
        except ValueError:
            i = 0
        if not 1 <= i <= len(node):
            raise InputError(
                f"'{key}' in '{wo}' ist keine Listenposition; erlaubt 1–{len(node)} (gezählt ab 1)"
            )
        return i - 1, node[i - 1]
    raise InputError(f"'{wo}' ist ein einzelner Wert ({node}); der Pfad kann nicht zu '{key}' weitergehen")


def _als_listen(node: Any) -> Any:
    if isinstance(node, dict):
        return {k: _als_listen(v) for k, v in node.items()}
    if isinstance(node, list | tuple):
        return [_als_listen(v) for v in node]
    return node


def _skalieren(node: Any, a: Ueberschreibung) -> Any:
    if isinstance(node, dict):
        return {k: _skalieren(v, a) for k, v in node.items()}
    if isinstance(node, list):
        return [_skalieren(v, a) for v in node]
    if isinstance(node, Decimal) or (isinstance(node, int) and not isinstance(node, bool)):
        assert a.faktor is not None
        neu = Decimal(node) * a.faktor
        return auf_stellen(neu, _RUNDEN[a.runden]) if a.runden else neu
    return node


_GESCHUETZT = {"tabelle", "valid_from", "rule", "source", "verified", "unverified", "unit"}


def anwenden(table: Table, aenderungen: tuple[Ueberschreibung, ...], *, name: str, ab: date) -> Table:
    """``table`` with the overrides applied, validated like a data file."""
    data = _als_listen(table.model_dump())
    for a in aenderungen:
        try:
            if len(a.pfad) < 2:
                raise InputError(
                    f"Pfad '{a.pfad[0]}' nennt nur die Tabelle; den Schlüssel ergänzen (z. B. .betrag)"
                )
            if a.pfad[1] in _GESCHUETZT:
                raise InputError(f"'{'.'.join(a.pfad)}' ist ein Kopfeintrag der Tabelle, kein Wert")
            parent: Any = data
            for i, key in enumerate(a.pfad[1:-1], start=1):
                k, parent = _schritt(parent, key, a.pfad, i)
            k, alt = _schritt(parent, a.pfad[-1], a.pfad, len(a.pfad) - 1)
        except InputError as exc:
            fassung = table.valid_from.isoformat()
            raise InputError(f"Szenario '{name}': {exc} (Fassung ab {fassung})") from None
        parent[k] = _skalieren(alt, a) if a.faktor is not None else _als_listen(a.wert)
    data["valid_from"] = max(table.valid_from, ab)
    data["source"] = f"Szenario '{name}': " + "; ".join(a.text() for a in aenderungen)
    try:
        neu = type(table).model_validate(data)
    except ValidationError as exc:
        fehler = fehlertext(exc)
        raise InputError(
            f"Szenario '{name}': Tabelle '{table.tabelle}' ist nach den Änderungen ungültig: {fehler}"
        ) from None
    geprueft = _als_listen(neu.model_dump())
    for a in aenderungen:
        node: Any = geprueft
        for key in a.pfad[1:]:
            node = node[_schritt(node, key, a.pfad, 1)[0]]
        _im_bereich(node, a.pfad, name=name)
    return neu


BEREICH_STANDARD = (Decimal(0), Decimal(10_000_000))
"""Plausible range of a parameter value changed by a scenario: amounts in euros, counts, months and
rates are never negative, and no amount of the WoGG comes near ten million euros."""

BEREICHE: dict[str, dict[str, tuple[Decimal, Decimal]]] = {
    "koeffizienten": {  # Anlage 2 WoGG (bis 2019 Anlage 1): a is negative from six members on
        "a": (Decimal(-1), Decimal(1)),
        "b": (Decimal(0), Decimal(1)),
        "c": (Decimal(0), Decimal(1)),
        "faktor": (Decimal("0.01"), Decimal(10)),
    },
}
"""Per table and key: the plausible range where it differs from :data:`BEREICH_STANDARD`."""

FAKTOR_BEREICH = (Decimal("0.01"), Decimal(100))
"""Plausible range of a factor in ``[multiplizieren]`` (0 or a negative factor is no reform)."""


def _im_bereich(node: Any, pfad: tuple[str, ...], *, name: str, key: str = "") -> None:
    """Every number at or below ``pfad`` lies in its table's plausible range (:data:`BEREICHE`)."""
    if isinstance(node, dict):
        for k, v in node.items():
            _im_bereich(v, (*pfad, str(k)), name=name, key=str(k))
        return
    if isinstance(node, list):
        for i, v in enumerate(node, start=1):
            _im_bereich(v, (*pfad, str(i)), name=name, key=key)
        return
    if isinstance(node, bool) or not isinstance(node, Decimal | int):
        return
    key = key or next((k for k in reversed(pfad) if not k.isdigit()), "")
    lo, hi = BEREICHE.get(pfad[0], {}).get(key, BEREICH_STANDARD)
    if not lo <= node <= hi:
        raise InputError(
            f"Szenario '{name}': '{'.'.join(pfad)}' = {node} liegt außerhalb des plausiblen Bereichs "
            f"{lo} bis {hi} (Tabelle '{pfad[0]}'); den Wert prüfen"
        )


class Szenario(ParameterStore):
    """A rule set = ``basis`` with overrides from ``ab``; usable wherever a rechtsstand is taken.

    ``calculate(h, on=…, rechtsstand=szenario)``; the Result and its Rechenweg carry its name.
    Dates before ``ab`` are refused (compute them with the ``basis`` instead).
    """

    def __init__(
        self,
        *,
        name: str,
        ab: date,
        aenderungen: tuple[Ueberschreibung, ...],
        basis: ParameterStore | None = None,
        beschreibung: str | None = None,
    ) -> None:
        """Check every override against the table in force on ``ab``; errors name the key."""
        base = basis if basis is not None else named_store("geltendes Recht")
        text = "; ".join(a.text() for a in aenderungen)
        hinweis = f"Szenario '{name}' ab {ab:%d.%m.%Y} (kein geltendes Recht): {text}"
        if beschreibung:
            hinweis = f"{hinweis}. {beschreibung}"
        super().__init__(base.root, base=base, name=name, status="Szenario", hinweis=hinweis)
        self.ab = ab
        self.aenderungen = aenderungen
        self.beschreibung = beschreibung
        self._neu: dict[tuple[str, date], Table] = {}
        if not aenderungen:
            raise InputError(f"Szenario '{name}': keine Änderungen ([setzen] oder [multiplizieren])")
        if ab < EARLIEST:
            raise NoParameters(
                f"Szenario '{name}': ab = {ab:%d.%m.%Y}; keine Fassung vor {EARLIEST:%d.%m.%Y} "
                "(berechnet wird das WoGG ab dem WoGRefG)"
            )
        bis = base.stand.berechenbar_bis
        if ab > bis:
            raise NoParameters(
                f"Szenario '{name}': ab = {ab:%d.%m.%Y}; nach dem {bis:%d.%m.%Y} ist keine Fassung "
                f"berechenbar ({base.stand.rule})"
            )
        known = tabellen()
        for a in aenderungen:
            if a.tabelle not in known:
                raise InputError(
                    f"Szenario '{name}': Tabelle '{a.tabelle}' unbekannt; erlaubt: {', '.join(known)}"
                )
        for folder in sorted({a.tabelle for a in aenderungen}):
            self.in_force(folder, ab, known[folder])  # validates now, not at the first calculation

    def has_folder(self, folder: str) -> bool:
        """A scenario has no folders of its own: every table comes from the basis."""
        return False

    def transform(self, table: Table, on: date) -> Table:
        """The table with this scenario's overrides (cached per Fassung of the basis)."""
        if on < self.ab:
            return table
        eigene = tuple(a for a in self.aenderungen if a.tabelle == table.tabelle)
        if not eigene:
            return table
        key = (table.tabelle, table.valid_from)
        neu = self._neu.get(key)
        if neu is None:
            neu = anwenden(table, eigene, name=self.name, ab=self.ab)
            self._neu[key] = neu
        return neu

    def pending(self, on: date) -> list[str]:
        """The basis's notices."""
        assert self.base is not None
        return self.base.pending(on)

    def rechtsstand(self, on: date) -> Rechtsstand:
        """The tables on ``on`` with the overrides; a date before ``ab`` is refused."""
        if isinstance(on, date) and on < self.ab:
            raise NoParameters(
                f"Szenario '{self.name}' gilt ab {self.ab:%d.%m.%Y}; der Stichtag {on:%d.%m.%Y} "
                "liegt davor: ohne das Szenario rechnen oder 'ab' verschieben"
            )
        return super().rechtsstand(on)


def _dezimal(value: object, wo: str) -> Decimal:
    if isinstance(value, bool) or not isinstance(value, Decimal | int | str):
        raise InputError(f'{wo}: {value!r} angegeben; eine Zahl wie "1.10" schreiben')
    try:
        d = Decimal(value.strip() if isinstance(value, str) else value)
    except InvalidOperation:
        raise InputError(f"{wo}: {value!r} ist keine Zahl") from None
    if not d.is_finite():
        raise InputError(f"{wo}: {value!r} ist keine endliche Zahl")
    return d


def _faktor(value: object, wo: str) -> Decimal:
    f = _dezimal(value, wo)
    lo, hi = FAKTOR_BEREICH
    if not lo <= f <= hi:
        raise InputError(
            f"{wo}: Faktor {value} liegt außerhalb des plausiblen Bereichs {lo} bis {hi} "
            "(0 oder ein negativer Faktor ist keine Änderung eines Betrags)"
        )
    return f


_KEYS = {"name", "ab", "basis", "beschreibung", "setzen", "multiplizieren"}


def parse_szenario(data: Mapping[str, Any], *, quelle: str = "<szenario>") -> Szenario:
    """Build a :class:`Szenario` from the mapping of a scenario file."""
    unbekannt = sorted(set(data) - _KEYS)
    if unbekannt:
        raise InputError(
            f"{quelle}: unbekannte Schlüssel {', '.join(unbekannt)}; erlaubt: {', '.join(sorted(_KEYS))}"
        )
    for key in ("name", "ab"):
        if key not in data:
            raise InputError(f"{quelle}: Schlüssel '{key}' fehlt (ein Szenario braucht name und ab)")
    name, ab = data["name"], data["ab"]
    if not isinstance(name, str) or not name.strip():
        raise InputError(f"{quelle}: name muss ein nicht leerer Text sein")
    if isinstance(ab, str):
        with contextlib.suppress(ValueError):
            ab = date.fromisoformat(ab)
    if not isinstance(ab, date):
        raise InputError(f"{quelle}: ab = {ab!r} ist kein Datum (JJJJ-MM-TT)")
    aenderungen: list[Ueberschreibung] = []
    for section in ("setzen", "multiplizieren"):
        eintraege = data.get(section, {})
        if not isinstance(eintraege, Mapping):
            raise InputError(f'{quelle}: [{section}] muss eine Tabelle aus "Pfad" = Wert sein')
        for pfad_text, value in eintraege.items():
            pfad = tuple(str(pfad_text).split("."))
            wo = f'{quelle}: {section}."{pfad_text}"'
            if section == "setzen":
                aenderungen.append(Ueberschreibung(pfad=pfad, wert=value))
                continue
            runden = None
            if isinstance(value, Mapping):
                extra = sorted(set(value) - {"faktor", "runden"})
                if extra or "faktor" not in value:
                    raise InputError(f'{wo}: {{faktor = "…", runden = "euro"|"cent"}} angeben')
                runden = value.get("runden")
                if runden not in (None, "euro", "cent"):
                    raise InputError(f'{wo}: runden = {runden!r}; erlaubt "euro" oder "cent"')
                value = value["faktor"]
            aenderungen.append(Ueberschreibung(pfad=pfad, faktor=_faktor(value, wo), runden=runden))
    basis_name = data.get("basis", "geltendes Recht")
    if not isinstance(basis_name, str):
        raise InputError(f"{quelle}: basis muss der Name eines Regelwerks sein")
    beschreibung = data.get("beschreibung")
    return Szenario(
        name=name.strip(),
        ab=ab,
        aenderungen=tuple(aenderungen),
        basis=named_store(basis_name),
        beschreibung=str(beschreibung) if beschreibung else None,
    )


def lade_szenario(path: str | Path) -> Szenario:
    """Read a scenario file (TOML); every error names the file and the key."""
    p = Path(path)
    try:
        data = tomllib.loads(p.read_text(encoding="utf-8"), parse_float=Decimal)
    except OSError as exc:
        raise InputError(f"{p}: kann nicht gelesen werden ({exc.strerror})") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise InputError(f"{p}: kein gültiges TOML: {exc}") from None
    try:
        return parse_szenario(data, quelle=str(p))
    except WohngeldError as exc:
        msg = str(exc)
        if msg.startswith(str(p)):
            raise
        raise type(exc)(f"{p}: {msg}") from None
