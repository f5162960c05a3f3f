"""The Stichtag table of the columnar path: shared by threads, the same rows as one at a time."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import pytest

pytest.importorskip("numpy")
pytest.importorskip("pyarrow")

from wohngeld.spalten import _stichtag, berechne
from wohngeld.spalten.synthetisch import haushalte


def test_threads_on_a_cold_day_table_give_the_same_rows() -> None:
    """Eight threads look up the Stichtage 2016–2026 of their households at once, starting from an
    empty table; every part equals its result computed alone afterwards."""
    teile = [haushalte(2000, seed=s, start_id=s * 2000) for s in range(8)]
    _stichtag._KALENDER.clear()
    with ThreadPoolExecutor(8) as pool:
        zugleich = list(pool.map(lambda t: berechne(*t).ergebnis, teile))
    for t, e in zip(teile, zugleich, strict=True):
        assert e.equals(berechne(*t).ergebnis)
