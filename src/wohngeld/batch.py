"""Many households at once: ``calculate_many`` and the flat row layout of batch files.

A thin layer over :func:`~wohngeld.engine.calculate`; no rule lives here. Every input yields
exactly one output, in input order: a :class:`~wohngeld.result.Result` or, for an item that
cannot be computed, an :class:`ItemError` — a bad item never stops the run.

Flat layout (CSV columns, JSON Lines keys; empty cells count as missing)::

    stichtag               JJJJ-MM-TT (else the default Stichtag of the run)
    mietenstufe | gemeinde 1–7 | AGS or name of the Gemeinde
    miete_monat | belastung_monat | heim
                           Bruttokaltmiete | Belastung (EUR/Monat) | ja: Heimbewohner
    anzahl_mitglieder      Haushaltsmitglieder
    gesamteinkommen_monat  Y, monatliches Gesamteinkommen (§ 13 Abs. 2 WoGG)
    anzahl_ausgeschlossen  optional, § 7 WoGG
    vermoegen              optional, § 21 Nr. 3 WoGG

Amounts are decimal strings with a decimal point ("1162.35"), read as ``Decimal``. Other columns
are passed through untouched. A JSON Lines object may instead be a full ``Haushalt`` (with
``mitglieder``, ``wohnkosten``, …) plus an optional ``stichtag``.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import IO, Any, Literal

from pydantic import ValidationError

from .engine import calculate
from .errors import InputError
from .model import Haushalt
from .parameters import ParameterStore
from .result import Result

__all__ = [
    "EINGABE_SPALTEN",
    "ERGEBNIS_SPALTEN",
    "Bilanz",
    "ItemError",
    "UngueltigeZeile",
    "calculate_many",
    "ergebnis_spalten",
    "lese_csv",
    "lese_jsonl",
    "objekt_zu_eingabe",
    "stapel_datei",
    "zeile_zu_eingabe",
]

EINGABE_SPALTEN = (
    "stichtag",
    "mietenstufe",
    "gemeinde",
    "miete_monat",
    "belastung_monat",
    "heim",
    "anzahl_mitglieder",
    "gesamteinkommen_monat",
    "anzahl_ausgeschlossen",
    "vermoegen",
)
"""Columns of the flat layout that the calculation reads."""

ERGEBNIS_SPALTEN = ("wohngeld_monat", "M", "Y", "grund", "fehler")
"""Columns a batch adds (or overwrites, if the input already has them). ``M`` and ``Y`` are the
zu berücksichtigende Miete (§ 11 WoGG) and the Gesamteinkommen (§ 13 Abs. 2 WoGG) as computed,
before the Mindestwerte of Anlage 3 Nr. 1 (``Result.M_berechnet``, ``Y_berechnet``), as in the
``[erwartet]`` of case files."""

_INT = ("mietenstufe", "anzahl_mitglieder", "anzahl_ausgeschlossen")
_JA = {"ja", "j", "true", "wahr", "1", "x", "yes"}
_NEIN = {"nein", "n", "false", "falsch", "0", "no", ""}


@dataclass(frozen=True, slots=True)
class ItemError:
    """An input item that could not be computed: where it was and why.

    ``index`` counts items from 0 in input order; ``art`` is the error class
    (``ValidationError``, ``UnknownMunicipality``, …), ``meldung`` its message. An ``art`` that is
    neither a ``WohngeldError`` nor a ``ValueError`` is a bug of this library: please report it.
    """

    index: int
    art: str
    meldung: str

    @property
    def betrag_monat(self) -> None:
        """No amount (so that ``x.betrag_monat`` works on every output of a batch)."""
        return None

    def to_dict(self) -> dict[str, object]:
        """JSON-ready mapping."""
        return {"index": self.index, "art": self.art, "meldung": self.meldung}

    def einzeilig(self) -> str:
        """``art: meldung`` on one line (for a CSV cell)."""
        return f"{self.art}: {' '.join(self.meldung.split())}"


def _stichtag(value: object) -> date:
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value.strip())
        except ValueError:
            pass
    raise InputError(f"stichtag: {value!r} given; write the Stichtag as JJJJ-MM-TT (e.g. 2025-07-01)")


def _eingabe(item: object, on: date | None) -> tuple[Haushalt, date]:
    """The household and its Stichtag from one item of ``calculate_many``."""
    stichtag: object = None
    if isinstance(item, Haushalt):
        haushalt = item
    elif isinstance(item, tuple) and len(item) == 2 and isinstance(item[0], Haushalt):
        haushalt, stichtag = item
    elif isinstance(item, Mapping):
        data = dict(item)
        stichtag = data.pop("stichtag", None)
        haushalt = Haushalt.model_validate(data)
    else:
        raise InputError(
            f"item: {type(item).__name__} given; pass a Haushalt, a (Haushalt, date) pair or a mapping "
            "(a Haushalt as dict, optionally with 'stichtag')"
        )
    if stichtag is None:
        if on is None:
            raise InputError(
                "stichtag missing: give it per item (column or key stichtag) or as a default "
                "(calculate_many(..., on=date), wohngeld stapel --stichtag)"
            )
        return haushalt, on
    return haushalt, _stichtag(stichtag)


def calculate_many(
    items: Iterable[object],
    *,
    on: date | None = None,
    rechtsstand: str | ParameterStore | None = None,
    rechenweg: bool = False,
    prozesse: int = 1,
) -> Iterator[Result | ItemError]:
    """Wohngeld for many households, streamed: one output per item, in input order.

    Thin layer over :func:`~wohngeld.engine.calculate`. An item is a ``Haushalt``, a
    ``(Haushalt, date)`` pair or a mapping (a Haushalt as dict, optionally with ``stichtag``);
    ``on`` is the Stichtag of items that carry none. An item that cannot be computed yields an
    :class:`ItemError` instead of raising. ``rechenweg=False`` (default) skips the steps.

    >>> from datetime import date
    >>> rows = [{"mietenstufe": 3, "miete_monat": "420.00", "anzahl_mitglieder": 1,
    ...          "gesamteinkommen_monat": "1162.35"}, {"mietenstufe": 9}]
    >>> [getattr(x, "betrag_monat") for x in calculate_many(rows, on=date(2023, 7, 1))]
    [Decimal('131'), None]

    ``prozesse``: worker processes (0: one per core); the same outputs in the same order
    (:mod:`wohngeld.prozesse`).
    """
    from .prozesse import pruefe_prozesse

    n = pruefe_prozesse(prozesse)
    if n > 1:
        from .prozesse import bloecke, geordnet, posten_block

        kontext = {"on": on, "rechtsstand": rechtsstand, "rechenweg": rechenweg}
        for block in geordnet(posten_block, bloecke(items, 500), prozesse=n, kontext=kontext):
            yield from block
        return
    for index, item in enumerate(items):
        yield _posten(index, item, on=on, rechtsstand=rechtsstand, rechenweg=rechenweg)


def _posten(
    index: int, item: object, *, on: date | None, rechtsstand: str | ParameterStore | None, rechenweg: bool
) -> Result | ItemError:
    try:
        if isinstance(item, Exception):
            raise item
        haushalt, stichtag = _eingabe(item, on)
        return calculate(haushalt, on=stichtag, rechenweg=rechenweg, rechtsstand=rechtsstand)
    except Exception as exc:  # a bad item never stops the run (see ItemError)
        return ItemError(index=index, art=type(exc).__name__, meldung=_meldung(exc))


def _meldung(exc: Exception) -> str:
    if isinstance(exc, ValidationError):
        return "; ".join(
            f"{'.'.join(str(p) for p in e['loc']) or 'haushalt'}: {e['msg']}" for e in exc.errors()
        )
    return str(exc)


def _leer(value: object) -> bool:
    if value is None:
        return True
    if isinstance(value, str):
        return not value.strip()
    return bool(value != value)  # NaN (pandas) is missing


def zeile_zu_eingabe(zeile: Mapping[str, object]) -> dict[str, object]:
    """One row of the flat layout → a mapping for :func:`calculate_many`.

    Reads only :data:`EINGABE_SPALTEN`; empty cells are missing; whole numbers are converted from
    text, amounts stay strings (``Decimal`` on validation, never ``float``).

    >>> zeile_zu_eingabe({"id": "7", "mietenstufe": "3", "heim": "ja", "anzahl_mitglieder": "1",
    ...                   "gesamteinkommen_monat": "900.00", "miete_monat": ""})["wohnkosten"]
    {'art': 'Heim'}
    """
    data: dict[str, object] = {}
    for key in EINGABE_SPALTEN:
        value = zeile.get(key)
        if _leer(value):
            continue
        if key == "heim":
            text = str(value).strip().lower()
            if text in _JA:
                data["wohnkosten"] = {"art": "Heim"}
            elif text not in _NEIN:
                raise InputError(f"heim: {value!r} given; write ja or nein (§ 9 Abs. 3 WoGG)")
            continue
        if key in _INT and isinstance(value, str):
            try:
                data[key] = int(value.strip())
            except ValueError:
                raise InputError(f"{key}: {value!r} given; write a whole number") from None
            continue
        data[key] = value
    return data


def _wert(value: Decimal) -> str:
    return format(value, "f")


def ergebnis_spalten(out: Result | ItemError) -> dict[str, str]:
    """The columns a batch adds for one output (:data:`ERGEBNIS_SPALTEN`), as text."""
    if isinstance(out, ItemError):
        return {"wohngeld_monat": "", "M": "", "Y": "", "grund": "", "fehler": out.einzeilig()}
    return {
        "wohngeld_monat": _wert(out.betrag_monat),
        "M": _wert(out.M_berechnet),
        "Y": _wert(out.Y_berechnet),
        "grund": out.grund or "",
        "fehler": "",
    }


def _trennzeichen(kopf: str) -> str:
    return ";" if kopf.count(";") > kopf.count(",") else ","


def lese_csv(fh: IO[str]) -> tuple[list[str], str, Iterator[dict[str, str]]]:
    """Header, delimiter (``,`` or ``;``, from the header line) and the rows of a CSV file.

    A row with more cells than the header keeps the extra cells under the key ``""`` joined
    with the delimiter, so that nothing is lost.
    """
    kopf = fh.readline()
    if not kopf.strip():
        raise InputError("CSV: the first line must name the columns (e.g. mietenstufe,miete_monat,…)")
    trenn = _trennzeichen(kopf)
    namen = next(csv.reader([kopf], delimiter=trenn))

    def zeilen() -> Iterator[dict[str, str]]:
        for row in csv.reader(fh, delimiter=trenn):
            if not row:
                continue
            rec = {name: (row[i] if i < len(row) else "") for i, name in enumerate(namen)}
            if len(row) > len(namen):
                rec[""] = trenn.join(row[len(namen) :])
            yield rec

    return namen, trenn, zeilen()


@dataclass(frozen=True, slots=True)
class UngueltigeZeile:
    """A line of a JSON Lines file that is not a JSON object: its text and the error."""

    text: str
    fehler: InputError


def lese_jsonl(fh: IO[str]) -> Iterator[dict[str, Any] | UngueltigeZeile]:
    """The objects of a JSON Lines file; a line that is not a JSON object is kept as UngueltigeZeile.

    Blank lines are skipped. Numbers with a fraction are read as ``Decimal`` (exact, never float).
    """
    for nummer, line in enumerate(fh, start=1):
        if not line.strip():
            continue
        text = line.rstrip("\r\n")
        try:
            obj = json.loads(line, parse_float=Decimal)
        except ValueError as exc:
            yield UngueltigeZeile(text, InputError(f"Zeile {nummer}: kein gültiges JSON: {exc}"))
            continue
        if not isinstance(obj, dict):
            fehler = InputError(f"Zeile {nummer}: ein JSON-Objekt erwartet, {type(obj).__name__} gegeben")
            yield UngueltigeZeile(text, fehler)
            continue
        yield obj


def objekt_zu_eingabe(obj: Mapping[str, object]) -> dict[str, object]:
    """One JSON Lines object → a mapping for :func:`calculate_many`.

    With a key ``haushalt`` that is the full household (plus an optional ``stichtag``);
    otherwise the object is read in the flat layout (:func:`zeile_zu_eingabe`).
    """
    if "haushalt" in obj:
        haushalt = obj["haushalt"]
        if not isinstance(haushalt, Mapping):
            raise InputError(f"haushalt: {type(haushalt).__name__} given; a JSON object is expected")
        data = dict(haushalt)
        if not _leer(obj.get("stichtag")):
            data["stichtag"] = obj["stichtag"]
        return data
    return zeile_zu_eingabe(obj)


@dataclass(frozen=True, slots=True)
class Bilanz:
    """Counts of a batch file run: every row is either computed or has an error."""

    zeilen: int
    berechnet: int
    fehler: int
    ohne_bedeutung: tuple[str, ...]
    """Input columns the calculation does not read (passed through unchanged)."""

    def to_dict(self) -> dict[str, object]:
        """JSON-ready mapping."""
        return {
            "zeilen": self.zeilen,
            "berechnet": self.berechnet,
            "fehler": self.fehler,
            "spalten_ohne_bedeutung": list(self.ohne_bedeutung),
        }


Huelle = Callable[[Iterator[Any]], Iterator[Any]]


def _ohne_huelle(it: Iterator[Any]) -> Iterator[Any]:
    return it


def stapel_datei(
    ein: IO[str],
    aus: IO[str],
    *,
    format: Literal["csv", "jsonl"],
    on: date | None,
    rechtsstand: str | ParameterStore | None = None,
    huelle: Huelle = _ohne_huelle,
) -> Bilanz:
    """Compute every row of a CSV or JSON Lines file and write the same rows plus the results.

    Rows keep their order and their columns; :data:`ERGEBNIS_SPALTEN` are added (or overwritten).
    ``on`` is the Stichtag of rows without one. ``huelle`` wraps the row iterator (e.g. a
    progress bar). A bad row gets its error in ``fehler`` and the run goes on.
    """
    berechnet = fehler = 0
    out: Result | ItemError
    reserviert = set(ERGEBNIS_SPALTEN)
    if format == "csv":
        namen, trenn, zeilen = lese_csv(ein)
        kopf = [*namen, *(n for n in ERGEBNIS_SPALTEN if n not in namen)]
        writer = csv.DictWriter(aus, fieldnames=kopf, delimiter=trenn, lineterminator="\n")
        writer.writeheader()
        ohne = tuple(n for n in namen if n not in EINGABE_SPALTEN and n not in reserviert)
        index = -1
        for index, row in enumerate(huelle(zeilen)):
            ueber = row.pop("", None)
            if ueber is not None:
                item: object = InputError(
                    f"Zeile mit {len(namen) + ueber.count(trenn) + 1} Zellen, der Kopf hat {len(namen)}; "
                    f"überzählig: {ueber!r} (Beträge mit Dezimalpunkt schreiben, z. B. 420.50)"
                )
                out = _posten(index, item, on=on, rechtsstand=None, rechenweg=False)
            else:
                out = _aus_zeile(index, row, zeile_zu_eingabe, on=on, rechtsstand=rechtsstand)
            writer.writerow({**row, **ergebnis_spalten(out)})
            if isinstance(out, Result):
                berechnet += 1
            else:
                fehler += 1
        return Bilanz(index + 1, berechnet, fehler, ohne)
    gesehen: dict[str, None] = {}
    index = -1
    for index, obj in enumerate(huelle(lese_jsonl(ein))):
        if isinstance(obj, UngueltigeZeile):
            out = _posten(index, obj.fehler, on=on, rechtsstand=None, rechenweg=False)
            rec: dict[str, object] = {"zeile_roh": obj.text}
        else:
            out = _aus_zeile(index, obj, objekt_zu_eingabe, on=on, rechtsstand=rechtsstand)
            rec = dict(obj)
            gesehen.update(dict.fromkeys(obj))
        rec.update(ergebnis_spalten(out))
        aus.write(json.dumps(rec, ensure_ascii=False, default=str) + "\n")
        berechnet, fehler = (berechnet + 1, fehler) if isinstance(out, Result) else (berechnet, fehler + 1)
    ohne = tuple(n for n in gesehen if n not in EINGABE_SPALTEN and n not in reserviert and n != "haushalt")
    return Bilanz(index + 1, berechnet, fehler, ohne)


def _aus_zeile(
    index: int,
    row: Mapping[str, object],
    umwandeln: Callable[[Mapping[str, object]], dict[str, object]],
    *,
    on: date | None,
    rechtsstand: str | ParameterStore | None,
) -> Result | ItemError:
    try:
        item: object = umwandeln(row)
    except Exception as exc:
        item = exc
    return _posten(index, item, on=on, rechtsstand=rechtsstand, rechenweg=False)
