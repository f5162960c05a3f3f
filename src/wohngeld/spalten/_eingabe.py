"""Column checks: every column converted at once, every bad cell reported with its row and field.

Money is exact: integer columns are whole euros, decimal columns (pyarrow ``decimal128``, pandas
``Decimal`` objects) and text ("420.50") are read exactly; a float column is refused (money is
exact, float is not). A cell with more decimals than the fixed point holds is not an error: its row
goes through the scalar path.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

__all__ = [
    "Fehlerliste",
    "als_tabelle",
    "bool_spalte",
    "datum_spalte",
    "ganz",
    "geld_spalte",
    "int_spalte",
    "spalte",
    "text_spalte",
]

Arr = np.ndarray[Any, Any]
_EPOCH = date(1970, 1, 1)


@dataclass(slots=True)
class Fehlerliste:
    """Bad cells: table, row positions, field and message (collected per column, vectorised)."""

    eintraege: list[tuple[str, Arr, str, str]] = field(default_factory=list)

    def add(self, tabelle: str, zeilen: Arr, feld: str, meldung: str) -> None:
        """Record ``meldung`` for the rows ``zeilen`` (positions) of ``tabelle``."""
        if len(zeilen):
            self.eintraege.append((tabelle, np.asarray(zeilen, dtype=np.int64), feld, meldung))


def als_tabelle(x: Any, name: str) -> pa.Table:
    """A pyarrow Table from a Table, a pandas DataFrame or a mapping of columns."""
    if isinstance(x, pa.Table):
        return x
    if isinstance(x, pa.RecordBatch):
        return pa.Table.from_batches([x])
    if isinstance(x, dict):
        return pa.table({k: _spalte_aus_liste(v) for k, v in x.items()})
    if type(x).__name__ == "DataFrame" and hasattr(x, "columns"):
        cols = {}
        for k in x.columns:
            s = x[k]
            try:
                cols[str(k)] = pa.array(s, from_pandas=True)
            except (pa.ArrowInvalid, pa.ArrowTypeError):
                cols[str(k)] = _objekte(list(s))
        return pa.table(cols)
    from ..errors import InputError

    raise InputError(
        f"{name}: {type(x).__name__} angegeben; erwartet eine pyarrow-Tabelle, ein pandas-DataFrame "
        "oder ein dict von Spalten"
    )


def _spalte_aus_liste(v: Any) -> pa.Array | pa.ChunkedArray:
    if isinstance(v, pa.Array | pa.ChunkedArray):
        return v
    try:
        return pa.array(v)
    except (pa.ArrowInvalid, pa.ArrowTypeError):
        return _objekte(list(v))


def _objekte(werte: list[Any]) -> pa.Array:
    """Mixed Python values as text (checked cell by cell later)."""
    return pa.array([None if w is None or w != w else str(w) for w in werte], type=pa.string())


def spalte(t: pa.Table, name: str) -> pa.Array | None:
    """The column ``name`` as one array (None if absent); a single chunk as it is, without a copy."""
    if name not in t.column_names:
        return None
    return ganz(t.column(name))


def ganz(col: pa.ChunkedArray) -> pa.Array:
    """A column as one array; a single chunk as it is, without a copy."""
    if col.num_chunks == 1:
        einer: pa.Array = col.chunk(0)
        return einer
    alle: pa.Array = col.combine_chunks()
    return alle


def _fehlt(col: pa.Array) -> Arr:
    return np.asarray(col.is_null().to_numpy(zero_copy_only=False), dtype=bool)


def _decimal_int(col: pa.Array, skala: int, *, umwandeln: bool = True) -> tuple[Arr, Arr]:
    """Values of a decimal column with exactly ``skala`` decimals as int64, and where they fit."""
    if umwandeln:
        col = col.cast(pa.decimal128(38, skala))
    n = len(col)
    buf = col.buffers()[1]
    raw = np.frombuffer(buf, dtype=np.int64, count=2 * (n + col.offset))[2 * col.offset :].reshape(n, 2)
    lo, hi = raw[:, 0].copy(), raw[:, 1]
    passt = hi == (lo >> 63)
    return lo, passt


def geld_spalte(
    t: pa.Table, tabelle: str, name: str, skala: int, fehler: Fehlerliste, *, min_wert: int = 0, max_wert: int
) -> tuple[Arr, Arr, Arr] | None:
    """An amount column in units of 10^-skala €: (values, given, exact); None if absent.

    Missing cells are not given; bad cells are reported and count as not given; cells with more
    decimals than ``skala`` are given but not exact (scalar path).
    """
    col = spalte(t, name)
    if col is None:
        return None
    n = len(col)
    typ = col.type
    if pa.types.is_decimal(typ) and typ.scale == skala and typ.bit_width == 128 and col.null_count == 0:
        # the usual case (cent decimals, no gaps): one pass, the range checked by min and max
        v, passt = _decimal_int(col, skala, umwandeln=False)
        if n == 0 or (bool(passt.all()) and min_wert <= int(v.min()) and int(v.max()) <= max_wert):
            alle = np.ones(n, dtype=bool)
            return v, alle, alle
    fehlt = _fehlt(col)
    werte = np.zeros(n, dtype=np.int64)
    exakt = np.ones(n, dtype=bool)
    schlecht = np.zeros(n, dtype=bool)
    if pa.types.is_null(typ):
        return werte, ~fehlt, exakt
    if pa.types.is_floating(typ):
        fehler.add(
            tabelle,
            np.flatnonzero(~fehlt),
            name,
            "Gleitkommazahl angegeben; Geldbeträge sind exakt: Dezimalspalte (Decimal, decimal128), "
            'ganze Euro als Ganzzahl oder Text wie "420.50" verwenden',
        )
        return werte, np.zeros(n, dtype=bool), exakt
    if pa.types.is_integer(typ):
        v = np.asarray(col.fill_null(0).cast(pa.int64()).to_numpy(), dtype=np.int64)
        gross = np.abs(v) > max_wert // 10**skala + 1
        werte = np.where(gross, 0, v) * np.int64(10**skala)
        schlecht |= gross
    elif pa.types.is_decimal(typ) and typ.scale == skala and typ.bit_width == 128:
        werte, passt = _decimal_int(col, skala, umwandeln=False)
        schlecht |= ~passt & ~fehlt
        werte = np.where(passt, werte, 0)
    elif pa.types.is_decimal(typ):
        gerundet = pc.round(col, ndigits=skala)
        exakt = np.asarray(pc.equal(col, gerundet).fill_null(True).to_numpy(zero_copy_only=False), dtype=bool)
        try:
            werte, passt = _decimal_int(gerundet, skala)
        except pa.ArrowInvalid:
            werte, passt = np.zeros(n, dtype=np.int64), np.zeros(n, dtype=bool)
        schlecht |= ~passt & ~fehlt
        werte = np.where(passt, werte, 0)
    elif pa.types.is_string(typ) or pa.types.is_large_string(typ):
        _text_betraege(col.to_pylist(), skala, max_wert, (werte, fehlt, exakt, schlecht))
        for i in np.flatnonzero(schlecht & fehlt):
            s = col[int(i)].as_py()
            fehler.add(tabelle, np.array([i]), name, f'{s!r} ist kein Betrag; z. B. "420.50" schreiben')
        schlecht &= ~fehlt
    else:
        fehler.add(tabelle, np.flatnonzero(~fehlt), name, f"Spalte vom Typ {typ}; erwartet ein Betrag")
        return werte, np.zeros(n, dtype=bool), exakt
    ausserhalb = ~fehlt & ~schlecht & ((werte < min_wert) | (werte > max_wert))
    schlecht |= ausserhalb
    schlecht &= ~fehlt
    if schlecht.any():
        lo = Decimal(min_wert).scaleb(-skala).normalize()
        hi = Decimal(max_wert).scaleb(-skala).normalize()
        fehler.add(tabelle, np.flatnonzero(schlecht), name, f"Betrag außerhalb von {lo:f} bis {hi:f} EUR")
    return np.where(schlecht, 0, werte), ~fehlt & ~schlecht, exakt | fehlt


def _text_betraege(texte: list[Any], skala: int, max_wert: int, aus: tuple[Arr, Arr, Arr, Arr]) -> None:
    """Amounts as text into ``aus`` = (values, missing, exact, bad); a cell that is no number is
    marked missing and bad (reported by the caller), one beyond ``max_wert`` bad."""
    werte, fehlt, exakt, schlecht = aus
    for i, s in enumerate(texte):
        if s is None or not s.strip():
            fehlt[i] = True
            continue
        try:
            d = Decimal(s.strip())
        except InvalidOperation:
            d = None
        if d is None or not d.is_finite():
            fehlt[i] = schlecht[i] = True
            continue
        skaliert = d.scaleb(skala)
        ganz = skaliert.to_integral_value()
        exakt[i] = skaliert == ganz
        if abs(ganz) > max_wert:
            schlecht[i] = True
            continue
        werte[i] = int(ganz)


def int_spalte(
    t: pa.Table, tabelle: str, name: str, fehler: Fehlerliste, *, lo: int, hi: int, regel: str
) -> tuple[Arr, Arr] | None:
    """A whole-number column: (values, given); integral floats are accepted (pandas' NaN ints)."""
    col = spalte(t, name)
    if col is None:
        return None
    n = len(col)
    typ = col.type
    if pa.types.is_integer(typ) and n:
        mm = pc.min_max(col)
        lo_ist, hi_ist = mm["min"].as_py(), mm["max"].as_py()
        if lo_ist is None:  # every cell missing
            return np.zeros(n, dtype=np.int64), np.zeros(n, dtype=bool)
        if lo <= lo_ist and hi_ist <= hi:
            if col.null_count == 0:
                return np.asarray(col.cast(pa.int64()).to_numpy(), dtype=np.int64), np.ones(n, dtype=bool)
            return (
                np.asarray(col.cast(pa.int64()).fill_null(0).to_numpy(), dtype=np.int64),
                ~_fehlt(col),
            )
    fehlt = _fehlt(col)
    if pa.types.is_null(typ):
        return np.zeros(n, dtype=np.int64), ~fehlt
    if pa.types.is_integer(typ):
        v = np.asarray(col.fill_null(0).cast(pa.int64()).to_numpy(), dtype=np.int64)
        schlecht = np.zeros(n, dtype=bool)
    elif pa.types.is_floating(typ):
        f = np.asarray(col.fill_null(0).to_numpy(), dtype=np.float64)
        schlecht = (f != np.round(f)) | (np.abs(f) > 2**31)
        v = np.where(schlecht, 0, f).astype(np.int64)
    else:
        fehler.add(tabelle, np.flatnonzero(~fehlt), name, f"Spalte vom Typ {typ}; erwartet eine ganze Zahl")
        return np.zeros(n, dtype=np.int64), np.zeros(n, dtype=bool)
    schlecht |= (v < lo) | (v > hi)
    schlecht &= ~fehlt
    fehler.add(tabelle, np.flatnonzero(schlecht), name, f"zulässig {lo}–{hi} ({regel})")
    return np.where(schlecht, 0, v), ~fehlt & ~schlecht


def bool_spalte(t: pa.Table, tabelle: str, name: str, fehler: Fehlerliste) -> Arr | None:
    """A yes/no column (missing = no)."""
    col = spalte(t, name)
    if col is None:
        return None
    if pa.types.is_null(col.type):
        return np.zeros(len(col), dtype=bool)
    if pa.types.is_boolean(col.type):
        voll = col if col.null_count == 0 else col.fill_null(False)
        return np.asarray(voll.to_numpy(zero_copy_only=False), dtype=bool)
    if pa.types.is_integer(col.type):
        v = np.asarray(col.fill_null(0).cast(pa.int64()).to_numpy(), dtype=np.int64)
        fehler.add(tabelle, np.flatnonzero((v != 0) & (v != 1)), name, "zulässig true/false (oder 1/0)")
        return np.asarray(v == 1, dtype=bool)
    fehler.add(tabelle, np.flatnonzero(~_fehlt(col)), name, f"Spalte vom Typ {col.type}; erwartet true/false")
    return np.zeros(len(col), dtype=bool)


def datum_spalte(t: pa.Table, tabelle: str, name: str, fehler: Fehlerliste) -> tuple[Arr, Arr] | None:
    """A date column as days since 1970-01-01: (days, given); ISO text JJJJ-MM-TT accepted."""
    col = spalte(t, name)
    if col is None:
        return None
    n = len(col)
    fehlt = _fehlt(col)
    typ = col.type
    if pa.types.is_null(typ):
        return np.zeros(n, dtype=np.int64), ~fehlt
    if pa.types.is_timestamp(typ) or pa.types.is_date64(typ):
        col = col.cast(pa.date32())
        typ = col.type
    if pa.types.is_date32(typ):
        v = np.asarray(col.fill_null(0).cast(pa.int32()).to_numpy(), dtype=np.int64)
        return v, ~fehlt
    if pa.types.is_string(typ) or pa.types.is_large_string(typ):
        v = np.zeros(n, dtype=np.int64)
        for i, s in enumerate(col.to_pylist()):
            if s is None or not s.strip():
                fehlt[i] = True
                continue
            try:
                v[i] = (date.fromisoformat(s.strip()) - _EPOCH).days
            except ValueError:
                fehler.add(
                    tabelle, np.array([i]), name, f"{s!r} angegeben; ein Datum als JJJJ-MM-TT schreiben"
                )
                fehlt[i] = True
        return v, ~fehlt
    werte = col.to_pylist()
    v = np.zeros(n, dtype=np.int64)
    for i, s in enumerate(werte):
        if isinstance(s, date):
            v[i] = (s - _EPOCH).days
        elif s is not None:
            fehler.add(tabelle, np.array([i]), name, f"{s!r} angegeben; erwartet ein Datum")
            fehlt[i] = True
    return v, ~fehlt


def text_spalte(t: pa.Table, name: str) -> pa.Array | None:
    """A text column as pyarrow strings (None if absent)."""
    col = spalte(t, name)
    if col is None:
        return None
    if pa.types.is_dictionary(col.type) or pa.types.is_null(col.type):
        col = col.cast(pa.string())
    if not (pa.types.is_string(col.type) or pa.types.is_large_string(col.type) or pa.types.is_null(col.type)):
        col = pa.array([None if x is None else str(x) for x in col.to_pylist()], type=pa.string())
    return col
