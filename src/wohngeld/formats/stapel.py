"""Many households at once: ``calculate_many`` and the flat row layout of batch files.

A thin layer over :func:`~wohngeld.engine.calculate`; no rule lives here. Every input yields
exactly one output, in input order: a :class:`~wohngeld.result.Result` or, for an item that
cannot be computed, an :class:`ItemError` — a bad item never stops the run.

Flat layout (CSV columns, JSON Lines keys; empty cells count as missing)::

    stichtag               JJJJ-MM-TT (else the default Stichtag of the run)
    mietenstufe | gemeinde 1–7 | AGS or name of the Gemeinde
    | plz [+ ort]          or Postleitzahl (five digits, as text) and, where needed, the Gemeinde's name
    miete_monat | belastung_monat | heim
                           Bruttokaltmiete | Belastung (EUR/Monat) | ja: Heimbewohner
    anzahl_mitglieder      Haushaltsmitglieder
    gesamteinkommen_monat  Y, monatliches Gesamteinkommen (§ 13 Abs. 2 WoGG)
    anzahl_ausgeschlossen  optional, § 7 WoGG
    vermoegen              optional, § 21 Nr. 3 WoGG
    vermoegen_erheblich    optional, ja | nein: the Behörde's decision whether the Vermögen is
                           erheblich (§ 21 Nr. 3 WoGG), instead of the guideline's limit

Amounts are decimal strings with a decimal point ("1162.35"), or with ``dezimalkomma`` as German
offices write them ("1.162,35"), read as ``Decimal``; ambiguous text is refused
(:func:`betrag_text`). Other columns are passed through untouched. A JSON Lines object may
instead be a full ``Haushalt`` (with ``mitglieder``, ``wohnkosten``, …) plus an optional
``stichtag``.
"""

from __future__ import annotations

import contextlib
import csv
import errno
import io
import json
import os
import re
import tempfile
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import IO, Any, Literal

from pydantic import ValidationError

from ..darstellung import json_fehler, json_typ
from ..engine import calculate
from ..errors import DateiFehler, InputError
from ..input.haushalt import Haushalt
from ..law.rechtsstand import ParameterStore
from ..money import festkomma_text
from ..result import Result
from ..validierung import fehlerart, fehlertext

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
    "BETRAG_SPALTEN",
    "LEERZEILE",
    "betrag_text",
    "dateifehler",
    "objekt_zu_eingabe",
    "stapel_datei",
    "stapel_pfad",
    "zeile_zu_eingabe",
]

EINGABE_SPALTEN = (
    "stichtag",
    *("mietenstufe", "gemeinde", "plz", "ort"),  # the Mietenstufe or where to look it up (§ 12 WoGG)
    *("miete_monat", "belastung_monat", "heim"),  # the Wohnkosten (§§ 9, 10 WoGG)
    *("anzahl_mitglieder", "gesamteinkommen_monat", "anzahl_ausgeschlossen", "vermoegen"),
    "vermoegen_erheblich",  # the Behörde's decision under § 21 Nr. 3 WoGG
)
"""Columns of the flat layout that the calculation reads (in the order of the module's table)."""

ERGEBNIS_SPALTEN = ("wohngeld_monat", "M", "Y", "grund", "fehler")
"""Columns a batch adds (or overwrites, if the input already has them). ``M`` and ``Y`` are the
zu berücksichtigende Miete (§ 11 WoGG) and the Gesamteinkommen (§ 13 Abs. 2 WoGG) as computed,
before the Mindestwerte of Anlage 3 Nr. 1 (``Result.M_berechnet``, ``Y_berechnet``), as in the
``[erwartet]`` of case files."""

LEERZEILE = "\x00leer"
"""Key that marks a blank line read by :func:`lese_csv` (never a real column name)."""

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
    raise InputError(f"stichtag: {value!r} angegeben; als JJJJ-MM-TT schreiben (z. B. 2025-07-01)")


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
            f"Posten: {type(item).__name__} angegeben; einen Haushalt, ein Paar (Haushalt, date) oder "
            "ein Mapping übergeben (ein Haushalt als dict, wahlweise mit 'stichtag')"
        )
    if stichtag is None:
        if on is None:
            raise InputError(
                "stichtag fehlt: je Posten angeben (Spalte oder Schlüssel stichtag) oder für alle "
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
    (:mod:`wohngeld.formats.prozesse`).
    """
    from .prozesse import pruefe_prozesse

    n = pruefe_prozesse(prozesse)
    if n > 1:
        from .prozesse import bereiche, bloecke, entpacken, geordnet, geteilt, posten_block, posten_lokal

        kontext: dict[str, object] = {"on": on, "rechtsstand": rechtsstand, "rechenweg": rechenweg}
        teile: Iterable[tuple[int, object]]
        if isinstance(items, (list, tuple)) and geteilt():
            kontext["items"] = items  # inherited by the forked workers: only index ranges travel
            teile = bereiche(len(items), 500)
        else:
            teile = bloecke(items, 500)
        for block in geordnet(posten_block, teile, prozesse=n, kontext=kontext, lokal=posten_lokal):
            yield from entpacken(block)
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
        return ItemError(index=index, art=fehlerart(exc), meldung=_meldung(exc))


def _meldung(exc: Exception) -> str:
    if isinstance(exc, ValidationError):
        return fehlertext(exc)
    return str(exc)


def _leer(value: object) -> bool:
    if value is None:
        return True
    if isinstance(value, str):
        return not value.strip()
    return bool(value != value)  # NaN (pandas) is missing


def zeile_zu_eingabe(zeile: Mapping[str, object], *, dezimalkomma: bool = False) -> dict[str, object]:
    """One row of the flat layout → a mapping for :func:`calculate_many`.

    Reads only :data:`EINGABE_SPALTEN`; empty cells are missing; whole numbers are converted from
    text, amounts stay strings (``Decimal`` on validation, never ``float``). Amounts are written
    with a decimal point (``1234.50``) or, with ``dezimalkomma``, as German offices write them
    (``1234,50``, ``1.234,50``); a text that could be read either way is refused (:func:`betrag_text`).

    >>> zeile_zu_eingabe({"id": "7", "mietenstufe": "3", "heim": "ja", "anzahl_mitglieder": "1",
    ...                   "gesamteinkommen_monat": "900.00", "miete_monat": ""})["wohnkosten"]
    {'art': 'Heim'}
    """
    data: dict[str, object] = {}
    for key in EINGABE_SPALTEN:
        value = zeile.get(key)
        if _leer(value):
            continue
        if key == "ort" and _leer(zeile.get("plz")):
            continue  # an address column "ort" without plz is passed through untouched
        if key == "plz" and not isinstance(value, str):
            from ..law.mietenstufen.plz import pruefe_plz

            pruefe_plz(value)  # a number has lost its leading zero: German message with a hint
        if key == "heim":
            if _ja_nein(key, str(value), "§ 9 Abs. 3 WoGG"):
                data["wohnkosten"] = {"art": "Heim"}
            continue
        if key == "vermoegen_erheblich" and isinstance(value, str):
            data[key] = _ja_nein(key, value, "§ 21 Nr. 3 WoGG")
            continue
        if key in _INT and isinstance(value, str):
            try:
                data[key] = int(value.strip())
            except ValueError:
                raise InputError(f"{key}: {value!r} angegeben; eine ganze Zahl schreiben") from None
            continue
        if key in BETRAG_SPALTEN and isinstance(value, str):
            data[key] = betrag_text(key, value, dezimalkomma=dezimalkomma)
            continue
        data[key] = value
    return data


def _ja_nein(key: str, value: str, regel: str) -> bool:
    """A yes/no cell of the flat layout (ja, nein, true, false, 1, 0, x, …)."""
    text = value.strip().lower()
    if text in _JA:
        return True
    if text in _NEIN:
        return False
    raise InputError(f"{key}: {value!r} angegeben; ja oder nein schreiben ({regel})")


BETRAG_SPALTEN = ("miete_monat", "belastung_monat", "gesamteinkommen_monat", "vermoegen")
"""Amount columns of the flat layout (read with :func:`betrag_text`)."""

_PUNKT = re.compile(r"[+-]?[0-9]+(\.[0-9]+)?", re.ASCII)
_KOMMA = re.compile(r"[+-]?[0-9]+(,[0-9]+)?", re.ASCII)
_KOMMA_TAUSENDER = re.compile(r"[+-]?[0-9]{1,3}(\.[0-9]{3})+,[0-9]+", re.ASCII)
_PUNKT_TAUSENDER = re.compile(r"[+-]?[0-9]{1,3}(\.[0-9]{3})+", re.ASCII)


def betrag_text(spalte: str, text: str, *, dezimalkomma: bool = False) -> str:
    """The amount of a cell as text with a decimal point, or a clear error.

    Default dialect: ``1234.50`` (decimal point, no thousands separator). ``dezimalkomma``: ``1234,50``
    or ``1.234,50`` (points only as thousands separators, in groups of three, before a comma).
    ``1.234`` (thousand or one point two three four?), ``1,234.5`` and any mix are refused, never
    guessed: a wrong guess is a wrong amount by a factor of 1000.

    >>> betrag_text("miete_monat", "1.234,50", dezimalkomma=True), betrag_text("m", "420.5")
    ('1234.50', '420.5')
    """
    t = text.strip().replace("\u00a0", "").replace(" ", "")
    if dezimalkomma:
        if _KOMMA.fullmatch(t):
            return t.replace(",", ".")
        if _KOMMA_TAUSENDER.fullmatch(t):
            return t.replace(".", "").replace(",", ".")
        if "." in t and "," not in t and _PUNKT.fullmatch(t):
            # only dots in groups of three can be thousands separators: offer that reading only then
            tausender = f"{t.replace('.', '')!r} oder " if _PUNKT_TAUSENDER.fullmatch(t) else ""
            raise InputError(
                f"{spalte}: {text!r} ist mehrdeutig (mit --dezimalkomma ist der Punkt ein Tausenderpunkt, "
                f"sonst ein Dezimalpunkt); ohne Tausenderpunkt schreiben, z. B. "
                f"{tausender}{t.replace('.', ',')!r}"
            )
        raise InputError(
            f"{spalte}: {text!r} ist kein Betrag im Format mit Dezimalkomma (z. B. 1234,50 oder 1.234,50)"
        )
    if _PUNKT.fullmatch(t):
        return t
    if "," in t and (_KOMMA.fullmatch(t) or _KOMMA_TAUSENDER.fullmatch(t)):
        raise InputError(
            f"{spalte}: {text!r} hat ein Dezimalkomma; Beträge mit Dezimalpunkt schreiben (z. B. 420.50) "
            "oder die Datei mit --dezimalkomma rechnen"
        )
    if "," in t:
        raise InputError(
            f"{spalte}: {text!r} ist mehrdeutig (Komma als Tausender- oder Dezimalzeichen?); "
            "ohne Tausendertrennzeichen schreiben, z. B. 1234.50"
        )
    return text  # not a plain number: the model's own check says why (e.g. "vierhundert")


def _wert(value: Decimal, dezimalkomma: bool = False) -> str:
    text = festkomma_text(value)
    return text.replace(".", ",") if dezimalkomma else text


def ergebnis_spalten(out: Result | ItemError, *, dezimalkomma: bool = False) -> dict[str, str]:
    """The columns a batch adds for one output (:data:`ERGEBNIS_SPALTEN`), as text.

    ``M`` and ``Y`` at most with the ten decimal places of Anlage 3 Nr. 2 WoGG (half-up); with
    ``dezimalkomma`` written with a decimal comma, as the input was.
    """
    if isinstance(out, ItemError):
        return {"wohngeld_monat": "", "M": "", "Y": "", "grund": "", "fehler": out.einzeilig()}
    return {
        "wohngeld_monat": _wert(out.betrag_monat, dezimalkomma),
        "M": _wert(out.M_berechnet, dezimalkomma),
        "Y": _wert(out.Y_berechnet, dezimalkomma),
        "grund": out.grund or "",
        "fehler": "",
    }


def _trennzeichen(kopf: str) -> str:
    return ";" if kopf.count(";") > kopf.count(",") else ","


def lese_csv(
    fh: IO[str], *, trennzeichen: str | None = None
) -> tuple[list[str], str, Iterator[dict[str, str]]]:
    """Header, delimiter (``,`` or ``;``, from the header line unless given) and the rows of a CSV file.

    A header that names a column twice is refused (one of the two values would be lost). A row
    with more cells than the header keeps the extra cells under the key ``""`` joined with the
    delimiter, so that nothing is lost; a blank line is a row with the key :data:`LEERZEILE`.
    """
    kopf = fh.readline()
    if not kopf.strip():
        raise InputError("CSV: die erste Zeile muss die Spalten nennen (z. B. mietenstufe,miete_monat,…)")
    trenn = trennzeichen or _trennzeichen(kopf)
    namen = next(csv.reader([kopf], delimiter=trenn))
    doppelt = sorted({n for n in namen if namen.count(n) > 1})
    if doppelt:
        raise InputError(
            f"CSV-Kopf: Spalte {', '.join(repr(n) for n in doppelt)} mehrfach; jede Spalte darf nur einmal "
            "vorkommen (sonst ginge ein Wert verloren) – Spalten umbenennen oder entfernen"
        )

    def zeilen() -> Iterator[dict[str, str]]:
        leser = csv.reader(fh, delimiter=trenn)
        while True:
            try:
                row = next(leser)
            except StopIteration:
                return
            except csv.Error as exc:  # e.g. a cell longer than csv.field_size_limit()
                raise InputError(
                    f"CSV: Zeile {leser.line_num + 1} der Datei ist nicht lesbar ({exc}); der Lauf ist "
                    "abgebrochen"
                ) from None
            if not row:
                yield {**dict.fromkeys(namen, ""), LEERZEILE: ""}
                continue
            rec = {name: (row[i] if i < len(row) else "") for i, name in enumerate(namen)}
            if len(row) > len(namen):
                rec[""] = trenn.join(row[len(namen) :])
            yield rec

    return namen, trenn, zeilen()


class _JsonZeilenFehler(ValueError):
    pass


def _keine_konstante(name: str) -> object:
    raise _JsonZeilenFehler(
        f"{name} ist kein gültiger JSON-Wert (JSON kennt kein NaN/Infinity); "
        "den Schlüssel weglassen oder eine Zahl angeben"
    )


def _ohne_doppelte(paare: list[tuple[str, Any]]) -> dict[str, Any]:
    obj: dict[str, Any] = {}
    for k, v in paare:
        if k in obj:
            raise _JsonZeilenFehler(
                f"Schlüssel {k!r} mehrfach im selben Objekt; jeder Schlüssel darf nur einmal vorkommen "
                "(sonst ginge ein Wert verloren)"
            )
        obj[k] = v
    return obj


@dataclass(frozen=True, slots=True)
class UngueltigeZeile:
    """A line of a JSON Lines file that is not a JSON object: its text and the error."""

    text: str
    fehler: InputError


def lese_jsonl(fh: IO[str]) -> Iterator[dict[str, Any] | UngueltigeZeile]:
    """The objects of a JSON Lines file; a line that is not a JSON object is kept as UngueltigeZeile.

    A blank line is an UngueltigeZeile too (so that every line has its output line). Numbers with
    a fraction are read as ``Decimal`` (exact, never float); ``NaN``/``Infinity`` (not JSON) and a
    key given twice in one object are errors of their line.
    """
    for nummer, line in enumerate(fh, start=1):
        text = line.rstrip("\r\n")
        if not line.strip():
            yield UngueltigeZeile(text, InputError(f"Zeile {nummer}: Leerzeile (kein Haushalt)"))
            continue
        try:
            obj = json.loads(
                line, parse_float=Decimal, parse_constant=_keine_konstante, object_pairs_hook=_ohne_doppelte
            )
        except _JsonZeilenFehler as exc:
            yield UngueltigeZeile(text, InputError(f"Zeile {nummer}: {exc}"))
            continue
        except ValueError as exc:
            yield UngueltigeZeile(text, InputError(f"Zeile {nummer}: kein gültiges JSON: {json_fehler(exc)}"))
            continue
        if not isinstance(obj, dict):
            fehler = InputError(f"Zeile {nummer}: ein JSON-Objekt erwartet, {json_typ(obj)} gegeben")
            yield UngueltigeZeile(text, fehler)
            continue
        yield obj


def objekt_zu_eingabe(obj: Mapping[str, object], *, dezimalkomma: bool = False) -> dict[str, object]:
    """One JSON Lines object → a mapping for :func:`calculate_many`.

    With a key ``haushalt`` that is the full household (plus an optional ``stichtag``);
    otherwise the object is read in the flat layout (:func:`zeile_zu_eingabe`).
    """
    if "haushalt" in obj:
        haushalt = obj["haushalt"]
        if not isinstance(haushalt, Mapping):
            raise InputError(f"haushalt: {type(haushalt).__name__} angegeben; ein JSON-Objekt erwartet")
        data = dict(haushalt)
        if not _leer(obj.get("stichtag")):
            data["stichtag"] = obj["stichtag"]
        return data
    return zeile_zu_eingabe(obj, dezimalkomma=dezimalkomma)


@dataclass(frozen=True, slots=True)
class Bilanz:
    """Counts of a batch file run: every row is either computed or has an error."""

    zeilen: int
    """Rows read (every line after a CSV header, every line of a JSON Lines file)."""
    berechnet: int
    """Rows with a result (an amount, or 0 € with its reason)."""
    fehler: int
    """Rows with an error in the column ``fehler``."""
    ohne_bedeutung: tuple[str, ...] = ()
    """Input columns the calculation does not read (passed through unchanged); none unless given."""

    def to_dict(self) -> dict[str, object]:
        """JSON-ready mapping (the counts, and ``spalten_ohne_bedeutung`` as a list)."""
        zaehler = {name: getattr(self, name) for name in ("zeilen", "berechnet", "fehler")}
        return {**zaehler, "spalten_ohne_bedeutung": list(self.ohne_bedeutung)}


Huelle = Callable[[Iterator[Any]], Iterator[Any]]


def _ohne_huelle(it: Iterator[Any]) -> Iterator[Any]:
    return it


Melden = Callable[[int, int], None]
"""Called after each row of :func:`stapel_datei` with the rows done and the errors so far."""


def stapel_datei(
    ein: IO[str],
    aus: IO[str],
    *,
    format: Literal["csv", "jsonl"],
    on: date | None,
    rechtsstand: str | ParameterStore | None = None,
    huelle: Huelle = _ohne_huelle,
    dezimalkomma: bool = False,
    trennzeichen: str | None = None,
    melden: Melden | None = None,
    prozesse: int = 1,
) -> Bilanz:
    """Compute every row of a CSV or JSON Lines file and write the same rows plus the results.

    Rows keep their order and their columns; :data:`ERGEBNIS_SPALTEN` are added (or overwritten).
    Every input line yields exactly one output line, a blank one too (with its error), and every
    output line is valid CSV or JSON. ``on`` is the Stichtag of rows without one. ``huelle`` wraps
    the row iterator (e.g. a progress bar); ``melden`` is called after each row. A bad row gets its
    error in ``fehler`` and the run goes on; a CSV header naming a column twice is refused before
    anything is written. ``dezimalkomma``/``trennzeichen``: the dialect of German office files.
    ``prozesse``: worker processes computing the rows ahead (0: one per core); the same file.
    """
    from .prozesse import pruefe_prozesse

    lauf = _Lauf(format, dezimalkomma, on, rechtsstand, melden)
    n = pruefe_prozesse(prozesse)
    if n > 1:
        huelle = lauf.voraus_in(huelle, n)
    if format == "csv":
        return _stapel_csv(ein, aus, lauf, huelle, trennzeichen)
    return _stapel_jsonl(ein, aus, lauf, huelle)


Zellen = tuple[dict[str, str], bool]
"""The columns a batch adds for one row (:func:`ergebnis_spalten`) and whether the row has a result."""


def zeile_rechnen(
    index: int,
    row: Mapping[str, object],
    *,
    format: Literal["csv", "jsonl"],
    dezimalkomma: bool,
    on: date | None,
    rechtsstand: str | ParameterStore | None,
) -> Zellen:
    """One row of a batch file computed (in this process or in a worker): its result columns as text."""
    umwandeln = zeile_zu_eingabe if format == "csv" else objekt_zu_eingabe
    try:
        item: object = umwandeln(row, dezimalkomma=dezimalkomma)
    except Exception as exc:  # the row's error, in its column fehler
        item = exc
    out = _posten(index, item, on=on, rechtsstand=rechtsstand, rechenweg=False)
    return ergebnis_spalten(out, dezimalkomma=dezimalkomma), isinstance(out, Result)


@dataclass(slots=True)
class _Lauf:
    """What the rows of one :func:`stapel_datei` run share: how a row is computed, and the counts."""

    format: Literal["csv", "jsonl"]
    dezimalkomma: bool
    on: date | None
    rechtsstand: str | ParameterStore | None
    melden: Melden | None
    voraus: dict[int, tuple[str, bool]] = field(default_factory=dict)
    """Rows computed ahead by worker processes, by index: the output line and whether it has a result
    (:func:`wohngeld.formats.prozesse.vorausrechnen`)."""
    kopf: list[str] = field(default_factory=list)
    """The columns of a CSV output."""
    trenn: str = ","
    berechnet: int = 0
    fehler: int = 0

    def voraus_in(self, aussen: Huelle, prozesse: int) -> Huelle:
        """``aussen`` with the rows computed ahead in ``prozesse`` processes into :attr:`voraus`."""
        from .prozesse import vorausrechnen

        def huelle(it: Iterator[Any]) -> Iterator[Any]:
            return vorausrechnen(
                aussen(it), self.voraus, format=self.format, dezimalkomma=self.dezimalkomma, on=self.on,
                rechtsstand=self.rechtsstand, prozesse=prozesse, kopf=self.kopf, trenn=self.trenn,
            )

        return huelle

    def rechne(self, index: int, row: Mapping[str, object]) -> Zellen:
        """The row computed now (not ahead)."""
        return zeile_rechnen(
            index, row, format=self.format, dezimalkomma=self.dezimalkomma, on=self.on,
            rechtsstand=self.rechtsstand,
        )

    def fehlerzeile(self, index: int, fehler: InputError) -> Zellen:
        """A line that is no row of the file (blank, too many cells, no JSON object): its error."""
        out = _posten(index, fehler, on=None, rechtsstand=None, rechenweg=False)
        return ergebnis_spalten(out, dezimalkomma=self.dezimalkomma), False

    def geschrieben(self, index: int, ok: bool) -> None:
        """Count the row written and report progress."""
        if ok:
            self.berechnet += 1
        else:
            self.fehler += 1
        if self.melden is not None:
            self.melden(index + 1, self.fehler)

    def bilanz(self, zeilen: int, namen: Iterable[str]) -> Bilanz:
        """The counts, with the input columns the calculation does not read."""
        ohne = tuple(n for n in namen if n not in EINGABE_SPALTEN and n not in ERGEBNIS_SPALTEN)
        return Bilanz(zeilen, self.berechnet, self.fehler, ohne)


def _stapel_csv(ein: IO[str], aus: IO[str], lauf: _Lauf, huelle: Huelle, trennzeichen: str | None) -> Bilanz:
    namen, trenn, zeilen = lese_csv(ein, trennzeichen=trennzeichen)
    lauf.kopf[:], lauf.trenn = [*namen, *(n for n in ERGEBNIS_SPALTEN if n not in namen)], trenn
    writer = csv.DictWriter(aus, fieldnames=lauf.kopf, delimiter=trenn, lineterminator="\n")
    writer.writeheader()
    index = -1
    for index, row in enumerate(huelle(zeilen)):
        ueber = row.pop("", None)
        if (fertig := lauf.voraus.pop(index, None)) is not None:
            aus.write(fertig[0])
            lauf.geschrieben(index, fertig[1])
            continue
        if row.pop(LEERZEILE, None) is not None:
            leer = InputError(f"Datenzeile {index + 1}: Leerzeile (kein Haushalt)")
            spalten, ok = lauf.fehlerzeile(index, leer)
        elif ueber is not None:
            spalten, ok = lauf.fehlerzeile(
                index,
                InputError(
                    f"Zeile mit {len(namen) + ueber.count(trenn) + 1} Zellen, der Kopf hat {len(namen)}; "
                    f"überzählig: {ueber!r} (Beträge mit Dezimalpunkt schreiben, z. B. 420.50, "
                    "oder mit --dezimalkomma rechnen)"
                ),
            )
        else:
            spalten, ok = lauf.rechne(index, row)
        writer.writerow({**row, **spalten})
        lauf.geschrieben(index, ok)
    return lauf.bilanz(index + 1, namen)


def _stapel_jsonl(ein: IO[str], aus: IO[str], lauf: _Lauf, huelle: Huelle) -> Bilanz:
    gesehen: dict[str, None] = {}
    index = -1
    for index, obj in enumerate(huelle(lese_jsonl(ein))):
        if isinstance(obj, UngueltigeZeile):
            spalten, ok = lauf.fehlerzeile(index, obj.fehler)
            rec: dict[str, object] = {"zeile_roh": obj.text}
        else:
            gesehen.update(dict.fromkeys(obj))
            if (fertig := lauf.voraus.pop(index, None)) is not None:
                aus.write(fertig[0])
                lauf.geschrieben(index, fertig[1])
                continue
            spalten, ok = lauf.rechne(index, obj)
            rec = dict(obj)
        rec.update(spalten)
        aus.write(_json_zeile(rec))
        lauf.geschrieben(index, ok)
    return lauf.bilanz(index + 1, (n for n in gesehen if n != "haushalt"))


def ausgabezeile(
    format: Literal["csv", "jsonl"], kopf: list[str], trenn: str
) -> Callable[[Mapping[str, object], Zellen], tuple[str, bool]]:
    """How a worker process writes a row it computed: the line of the output file, as
    :func:`stapel_datei` writes it, and whether the row has a result."""
    if format == "jsonl":
        return lambda row, zellen: (_json_zeile({**row, **zellen[0]}), zellen[1])
    puffer = io.StringIO()
    writer = csv.DictWriter(puffer, fieldnames=kopf, delimiter=trenn, lineterminator="\n")

    def zeile(row: Mapping[str, object], zellen: Zellen) -> tuple[str, bool]:
        puffer.seek(0)
        puffer.truncate()
        writer.writerow({**row, **zellen[0]})
        return puffer.getvalue(), zellen[1]

    return zeile


def _json_zeile(rec: Mapping[str, object]) -> str:
    return json.dumps(rec, ensure_ascii=False, allow_nan=False, default=_json_default) + "\n"


def _json_default(value: object) -> object:
    if isinstance(value, Decimal):
        return festkomma_text(value) if value.is_finite() else str(value)
    return str(value)


_FS_GRUND = {
    errno.ENOENT: "Datei oder Verzeichnis nicht vorhanden",
    errno.ENOTDIR: "ein Teil des Pfades ist kein Verzeichnis",
    errno.EISDIR: "ist ein Verzeichnis",
    errno.EACCES: "keine Berechtigung",
    errno.EPERM: "Vorgang nicht erlaubt",
    errno.ENOSPC: "kein Speicherplatz mehr auf dem Datenträger",
    errno.EROFS: "Dateisystem ist schreibgeschützt",
    errno.EDQUOT: "Speicherkontingent erschöpft",
    errno.EIO: "Ein-/Ausgabefehler des Datenträgers",
    errno.ENAMETOOLONG: "Dateiname zu lang",
    errno.EXDEV: "Umbenennen über Dateisystemgrenzen nicht möglich",
}


def dateifehler(pfad: os.PathLike[str] | str, exc: OSError, tun: str) -> DateiFehler:
    """One German line for a file-system error: the path, what was being done and why it failed."""
    grund = _FS_GRUND.get(exc.errno or 0) or (
        f"Fehler des Dateisystems ({errno.errorcode.get(exc.errno, exc.errno)})"
        if exc.errno
        else "Fehler des Dateisystems"
    )
    return DateiFehler(f"{os.fspath(pfad)}: kann nicht {tun} werden: {grund}")


def _format_aus_endung(pfad: str) -> Literal["csv", "jsonl"]:
    endung = os.path.splitext(pfad)[1].lower()
    if endung == ".csv":
        return "csv"
    if endung in (".jsonl", ".ndjson"):
        return "jsonl"
    raise InputError(f"{pfad}: Format nicht an der Endung erkennbar (.csv, .jsonl, .ndjson); Format angeben")


def stapel_pfad(
    eingabe: os.PathLike[str] | str,
    ausgabe: os.PathLike[str] | str,
    *,
    on: date | None,
    format: Literal["csv", "jsonl"] | None = None,
    rechtsstand: str | ParameterStore | None = None,
    ueberschreiben: bool = False,
    kodierung: str = "utf-8-sig",
    dezimalkomma: bool = False,
    trennzeichen: str | None = None,
    huelle: Huelle = _ohne_huelle,
    melden: Melden | None = None,
    prozesse: int = 1,
) -> Bilanz:
    """:func:`stapel_datei` from file to file, so that nothing is lost or half-written.

    - ``ausgabe`` is written to a temporary file beside it and renamed into place only when the
      run is complete: an interrupted or failed run leaves an existing ``ausgabe`` unchanged.
    - An existing ``ausgabe`` is refused unless ``ueberschreiben``; one that is the same file as
      ``eingabe`` (also through a hard or symbolic link, or a case-insensitive file system) is
      always refused — before anything is opened for writing. ``eingabe`` is only read.
    - Every file-system error is a :class:`~wohngeld.errors.DateiFehler` naming the path; a file
      that cannot be decoded with ``kodierung`` is an :class:`~wohngeld.errors.InputError`.
    """
    ein_pfad, aus_pfad = os.fspath(eingabe), os.fspath(ausgabe)
    fmt = format or _format_aus_endung(ein_pfad)
    aus_stat = _ziel_pruefen(ein_pfad, aus_pfad, ueberschreiben)
    ordner = os.path.dirname(os.path.abspath(aus_pfad))
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{os.path.basename(aus_pfad)}.", suffix=".tmp", dir=ordner)
    except OSError as exc:
        raise dateifehler(aus_pfad, exc, "geschrieben") from None
    fertig = False
    try:
        modus = aus_stat.st_mode & 0o7777 if aus_stat is not None else 0o666 & ~_umask()
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as aus:
            bilanz = _aus_datei(
                ein_pfad, kodierung, aus, format=fmt, on=on, rechtsstand=rechtsstand, huelle=huelle,
                dezimalkomma=dezimalkomma, trennzeichen=trennzeichen, melden=melden, prozesse=prozesse,
            )
            try:
                aus.flush()
                os.fsync(aus.fileno())
            except OSError as exc:
                raise dateifehler(aus_pfad, exc, "geschrieben") from None
        try:
            os.chmod(tmp, modus)
            os.replace(tmp, aus_pfad)
        except OSError as exc:
            raise dateifehler(aus_pfad, exc, "geschrieben") from None
        fertig = True
        return bilanz
    except OSError as exc:  # writing the temporary file (e.g. disk full)
        raise dateifehler(aus_pfad, exc, "geschrieben") from None
    finally:
        if not fertig:
            with contextlib.suppress(OSError):
                os.unlink(tmp)


def _ziel_pruefen(ein_pfad: str, aus_pfad: str, ueberschreiben: bool) -> os.stat_result | None:
    """The target's status before anything is opened for writing (None: it does not exist yet).

    Refused: a target that is the input (also through a link), a directory, an existing file
    without ``ueberschreiben``."""
    try:
        ein_stat = os.stat(ein_pfad)
    except OSError as exc:
        raise dateifehler(ein_pfad, exc, "gelesen") from None
    try:
        aus_stat = os.stat(aus_pfad)
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise dateifehler(aus_pfad, exc, "geschrieben") from None
    if (aus_stat.st_dev, aus_stat.st_ino) == (ein_stat.st_dev, ein_stat.st_ino):
        raise InputError(
            f"{aus_pfad}: ist dieselbe Datei wie die Eingabe {ein_pfad} (gleicher Inhalt über einen "
            "Link oder andere Schreibweise); eine andere Ausgabedatei angeben"
        )
    if os.path.isdir(aus_pfad):
        raise dateifehler(aus_pfad, IsADirectoryError(errno.EISDIR, "ist ein Verzeichnis"), "geschrieben")
    if not ueberschreiben:
        raise InputError(
            f"{aus_pfad}: ist schon vorhanden und bleibt unverändert; eine andere Ausgabedatei "
            "angeben oder --ueberschreiben (ueberschreiben=True)"
        )
    return aus_stat


def _aus_datei(ein_pfad: str, kodierung: str, aus: IO[str], **kwargs: Any) -> Bilanz:
    """:func:`stapel_datei` reading ``ein_pfad``: its errors of opening, decoding and reading as one
    German line (:class:`~wohngeld.errors.DateiFehler`, :class:`~wohngeld.errors.InputError`)."""
    try:
        ein = open(ein_pfad, encoding=kodierung, newline="")  # noqa: SIM115 (closed below)
    except OSError as exc:
        raise dateifehler(ein_pfad, exc, "gelesen") from None
    except LookupError:
        raise InputError(f"Zeichenkodierung {kodierung!r} unbekannt (z. B. utf-8, cp1252)") from None
    with ein:
        try:
            return stapel_datei(ein, aus, **kwargs)
        except UnicodeDecodeError as exc:
            raise InputError(
                f"{ein_pfad}: nicht als {kodierung} lesbar (Byte 0x{exc.object[exc.start]:02x}); "
                "Zeichenkodierung angeben (--encoding, z. B. cp1252); die Ausgabe bleibt unverändert"
            ) from None
        except OSError as exc:
            raise dateifehler(ein_pfad, exc, "gelesen") from None


def _umask() -> int:
    alt = os.umask(0o022)
    os.umask(alt)
    return alt

