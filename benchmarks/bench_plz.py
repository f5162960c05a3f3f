"""Benchmark: import time of wohngeld.law.mietenstufen.plz, cold load of the PLZ data, lookups by
Postleitzahl.

Run: PYTHONPATH=src python benchmarks/bench_plz.py
Prints medians of 5 runs of 100,000 lookups (random PLZ of the table, on one date).
"""

from __future__ import annotations

import random
import statistics
import time
from datetime import date

t0 = time.perf_counter()
from wohngeld.law.mietenstufen import plz  # noqa: E402

t1 = time.perf_counter()
ON = date(2024, 1, 1)
first = plz.mietenstufe_nach_plz("01067", on=ON)
t2 = time.perf_counter()
print(f"import wohngeld.law.mietenstufen.plz:                      {(t1 - t0) * 1000:8.1f} ms")
print(f"first lookup (loads PLZ data + 2023 list): {(t2 - t1) * 1000:8.1f} ms")

alle = sorted(plz._plz_daten().by_plz)
t = time.perf_counter()
for p in alle:
    plz.mietenstufe_nach_plz(p, on=ON)
print(f"first lookup of each of {len(alle)} PLZ:  {(time.perf_counter() - t) * 1e6 / len(alle):8.2f} µs each")

rng = random.Random(17)
sample = [rng.choice(alle) for _ in range(100_000)]
runs = []
for _ in range(5):
    t = time.perf_counter()
    for p in sample:
        plz.mietenstufe_nach_plz(p, on=ON)
    runs.append((time.perf_counter() - t) * 1e6 / len(sample))
print(f"repeat lookups, median of 5 × 100,000:   {statistics.median(runs):8.2f} µs each")

runs = []
for _ in range(5):
    t = time.perf_counter()
    for _ in range(10_000):
        plz.mietenstufe_nach_plz("23860", on=ON, ort="Klein Wesenberg")
    runs.append((time.perf_counter() - t) * 1e6 / 10_000)
print(f"lookup with ort, median of 5 × 10,000:   {statistics.median(runs):8.2f} µs each")
