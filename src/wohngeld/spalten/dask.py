"""The columnar path over Dask DataFrames, partition by partition (extra ``wohngeld[dask]``).

``berechne_dask(haushalte, mitglieder, einnahmen)`` maps :func:`wohngeld.spalten.berechne` over
the partitions with ``map_partitions`` and a declared output schema (:func:`meta`). The three
frames are partitioned alike: partition *i* of ``mitglieder`` and ``einnahmen`` holds the members
and Einnahmen of the households of partition *i* (e.g. all three written per region, or
``set_index("haushalt_id")`` with the same divisions). Every partition is computed independently,
so the result is the same on one machine or on a cluster (docs/skalierung.md).
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pandas as pd
import pyarrow as pa

from ._rechnen import berechne

__all__ = ["berechne_dask", "berechne_partition", "meta", "schema"]

_INT64 = pa.int64()


def schema(id_typ: pa.DataType = _INT64) -> pa.Schema:
    """The Arrow schema of a result partition (``id`` of the households' id type)."""
    return pa.schema(
        [
            ("id", id_typ),
            ("stichtag", pa.date32()),
            ("fassung", pa.date32()),
            ("rechtsstand", pa.string()),
            ("mietenstufe", pa.int8()),
            ("mitglieder", pa.int16()),
            ("betrag_monat", pa.int64()),
            ("M", pa.decimal128(30, 10)),
            ("Y", pa.decimal128(30, 10)),
            ("anspruch", pa.bool_()),
            ("grund_code", pa.string()),
            ("grund", pa.string()),
            ("weg", pa.string()),
            ("weg_grund", pa.string()),
            ("fehler", pa.string()),
            ("gewicht", pa.float64()),
        ]
    )


def _als_pandas(t: pa.Table) -> pd.DataFrame:
    return t.to_pandas(types_mapper=pd.ArrowDtype)


def meta(id_typ: pa.DataType = _INT64) -> pd.DataFrame:
    """The empty pandas frame ``map_partitions`` is told to expect (Arrow-backed dtypes)."""
    return _als_pandas(schema(id_typ).empty_table())


def _tabelle(df: pd.DataFrame | None) -> pa.Table | None:
    if df is None:
        return None
    return pa.Table.from_pandas(df, preserve_index=False)


def berechne_partition(
    haushalte: pd.DataFrame,
    mitglieder: pd.DataFrame | None = None,
    einnahmen: pd.DataFrame | None = None,
    *,
    on: date | None = None,
    rechtsstand: Any = None,
    id_typ: pa.DataType = _INT64,
) -> pd.DataFrame:
    """One partition: pandas in, the result rows as pandas (schema :func:`schema`) out."""
    e = berechne(
        _tabelle(haushalte), _tabelle(mitglieder), _tabelle(einnahmen), on=on, rechtsstand=rechtsstand
    )
    t = e.ergebnis
    t = pa.table({f.name: t.column(f.name).cast(f.type) for f in schema(id_typ)})
    return _als_pandas(t)


def _id_typ(ddf: Any) -> pa.DataType:
    dtype = ddf._meta["id"].dtype
    if isinstance(dtype, pd.ArrowDtype):
        return dtype.pyarrow_dtype
    if str(dtype) in ("object", "string", "str"):
        return pa.string()
    return pa.from_numpy_dtype(dtype)


def berechne_dask(
    haushalte: Any,
    mitglieder: Any = None,
    einnahmen: Any = None,
    *,
    on: date | None = None,
    rechtsstand: Any = None,
) -> Any:
    """A Dask DataFrame of result rows, one per household, partition by partition (lazy)."""
    import dask.dataframe as dd

    teile = [x for x in (haushalte, mitglieder, einnahmen) if x is not None]
    n = {x.npartitions for x in teile}
    if len(n) != 1:
        from ..errors import InputError

        raise InputError(
            f"haushalte, mitglieder, einnahmen: Partitionen {sorted(n)}; die drei Tabellen müssen gleich "
            "partitioniert sein (Partition i enthält die Mitglieder und Einnahmen der Haushalte von i)"
        )
    id_typ = _id_typ(haushalte)
    return dd.map_partitions(  # type: ignore[no-untyped-call]
        _partition,
        haushalte,
        mitglieder,
        einnahmen,
        on=on,
        rechtsstand=rechtsstand,
        id_typ=id_typ,
        meta=meta(id_typ),
        align_dataframes=False,
        enforce_metadata=True,
    )


def _partition(
    haushalte: pd.DataFrame,
    mitglieder: pd.DataFrame | None,
    einnahmen: pd.DataFrame | None,
    *,
    on: date | None,
    rechtsstand: Any,
    id_typ: pa.DataType,
) -> pd.DataFrame:
    return berechne_partition(haushalte, mitglieder, einnahmen, on=on, rechtsstand=rechtsstand, id_typ=id_typ)
