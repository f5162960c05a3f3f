"""The columnar path on a Dask cluster: 1 000 000 households, partition by partition, identical."""

from __future__ import annotations

from typing import Any

import pytest

pytest.importorskip("pyarrow")
pd = pytest.importorskip("pandas")
dd = pytest.importorskip("dask.dataframe")
distributed = pytest.importorskip("distributed")

import pyarrow as pa  # noqa: E402
import pyarrow.compute  # noqa: E402

from wohngeld.spalten import berechne  # noqa: E402
from wohngeld.spalten.dask import berechne_dask, schema  # noqa: E402
from wohngeld.spalten.synthetisch import haushalte  # noqa: E402

N, P = 1_000_000, 8


def _teil(i: int, welche: int) -> Any:
    """Partition i of table ``welche`` (0 households, 1 members, 2 Einnahmen), made in the worker."""
    t = haushalte(N // P, seed=100 + i, start_id=i * (N // P), anteil_einzeln=0.0005)[welche]
    return t.to_pandas(types_mapper=pd.ArrowDtype)


def test_local_cluster_of_two_processes_computes_one_million_households_identically() -> None:
    """``distributed.LocalCluster(n_workers=2, processes=True)``: 8 partitions of 125 000 synthetic
    households (with members under § 7 WoGG, so some rows take the scalar path) give the same
    1 000 000 rows as one ``berechne`` call over the whole tables in this process."""
    with (
        distributed.LocalCluster(
            n_workers=2, processes=True, threads_per_worker=1, dashboard_address=None
        ) as c,
        distributed.Client(c),
    ):
        frames = [dd.from_map(_teil, range(P), args=(w,)) for w in range(3)]
        ergebnis = berechne_dask(*frames).compute()
    tabellen = [
        pa.concat_tables(
            [
                haushalte(N // P, seed=100 + i, start_id=i * (N // P), anteil_einzeln=0.0005)[w]
                for i in range(P)
            ]
        )
        for w in range(3)
    ]
    e = berechne(*tabellen).ergebnis
    erwartet = e.select([f.name for f in schema()]).cast(schema())
    assert len(ergebnis) == N
    erhalten = pa.Table.from_pandas(ergebnis.reset_index(drop=True), preserve_index=False).cast(schema())
    assert erhalten.equals(erwartet)
    assert pa.compute.sum(pa.compute.equal(erwartet.column("weg"), "einzeln")).as_py() > 0


def test_partitions_must_match() -> None:
    from wohngeld.errors import InputError

    h = dd.from_pandas(pd.DataFrame({"id": [1, 2]}), npartitions=2)
    m = dd.from_pandas(pd.DataFrame({"haushalt_id": [1, 2]}), npartitions=1)
    with pytest.raises(InputError, match="gleich partitioniert"):
        berechne_dask(h, m)
