"""pandas DataFrames in and out (optional extra ``wohngeld[pandas]``); pandas is imported lazily.

A thin layer over :func:`~wohngeld.formats.stapel.calculate_many`; the core never imports pandas. Rows use
the flat layout of :mod:`wohngeld.formats.stapel` (``mietenstufe``/``gemeinde``, ``miete_monat``/
``belastung_monat``/``heim``, ``anzahl_mitglieder``, ``gesamteinkommen_monat``, ``stichtag``).
Money stays exact: amounts as ``Decimal`` or decimal strings (read CSV with
``pd.read_csv(..., dtype=str)``); a float cell is refused for its row with a clear error.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import date
from importlib import import_module
from typing import Any

from ..errors import InputError
from ..law.rechtsstand import ParameterStore
from ..result import Result
from .stapel import ERGEBNIS_SPALTEN, ItemError, calculate_many, ergebnis_spalten, zeile_zu_eingabe

__all__ = ["calculate_frame", "results_frame"]


def _pandas() -> Any:
    try:
        return import_module("pandas")
    except ImportError:
        raise ImportError("pandas ist nicht installiert: pip install 'wohngeld[pandas]'") from None


def _zelle(value: Any) -> Any:
    """numpy scalars → Python (int64 → int); NaN/NaT stay missing; floats are refused later."""
    item = getattr(value, "item", None)
    if callable(item) and type(value).__module__ == "numpy":
        return item()
    if type(value).__name__ == "Timestamp":
        return value.date()
    return value


def _eingaben(df: Any) -> Iterator[object]:
    for row in df.to_dict(orient="records"):
        try:
            zeile = {str(k): _zelle(v) for k, v in row.items()}
            for k, v in zeile.items():
                if isinstance(v, float) and v == v:  # a float that is not NaN (NaN = missing)
                    raise InputError(
                        f"{k}: float {v!r} angegeben; Beträge sind exakt: Decimal oder Text verwenden "
                        "(pd.read_csv(..., dtype=str))"
                    )
            yield zeile_zu_eingabe(zeile)
        except Exception as exc:
            yield exc


def calculate_frame(
    df: Any,
    *,
    on: date | None = None,
    rechtsstand: str | ParameterStore | None = None,
) -> Any:
    """A copy of ``df`` with the columns ``wohngeld_monat``, ``M``, ``Y`` (Decimal), ``grund``, ``fehler``.

    One output row per input row, same index and order; a bad row gets its ``fehler``.
    """
    pd = _pandas()
    if not isinstance(df, pd.DataFrame):
        raise InputError(f"df: {type(df).__name__} angegeben; einen pandas DataFrame übergeben")
    spalten: dict[str, list[object]] = {k: [] for k in ERGEBNIS_SPALTEN}
    for out in calculate_many(_eingaben(df), on=on, rechtsstand=rechtsstand):
        for k, v in _werte(out).items():
            spalten[k].append(v)
    result = df.copy()
    for k, werte in spalten.items():
        result[k] = pd.Series(werte, index=df.index, dtype=object)
    return result


def _werte(out: Result | ItemError) -> dict[str, object]:
    text = ergebnis_spalten(out)
    if isinstance(out, ItemError):
        return {**text, "wohngeld_monat": None, "M": None, "Y": None, "grund": None}
    return {
        **text,
        "wohngeld_monat": out.betrag_monat,
        "M": out.M_berechnet,
        "Y": out.Y_berechnet,
        "grund": out.grund,
        "fehler": None,
    }


def results_frame(results: Iterable[Result | ItemError]) -> Any:
    """A DataFrame of results (one row each; Decimals kept), e.g. of :func:`calculate_many`."""
    pd = _pandas()
    rows = []
    for out in results:
        if isinstance(out, ItemError):
            rows.append({"index": out.index, "fehler": out.einzeilig()})
            continue
        d = out.to_dict()
        d.pop("rechenweg")
        d.pop("schema_version")
        d.update(
            betrag_monat=out.betrag_monat,
            M=out.M,
            Y=out.Y,
            M_berechnet=out.M_berechnet,
            Y_berechnet=out.Y_berechnet,
            stichtag=out.stichtag,
            fassung=out.fassung,
            fehler=None,
        )
        rows.append(d)
    return pd.DataFrame(rows)
