"""Benchmark: cold load of the 2023 Mietenstufen list and 100,000 lookups by AGS and by name.

Run: PYTHONPATH=src python benchmarks/bench_mietstufen.py
"""

from __future__ import annotations

import random
import time
from datetime import date

t0 = time.perf_counter()
from wohngeld.errors import AmbiguousMunicipality  # noqa: E402
from wohngeld.law.mietenstufen import liste as mietstufen  # noqa: E402

t1 = time.perf_counter()
ON = date(2024, 1, 1)
lst = mietstufen.liste(ON)
t2 = time.perf_counter()
print(f"import wohngeld.law.mietenstufen.liste: {(t1 - t0) * 1000:8.1f} ms")
n = len(lst.by_ags)
print(f"cold load 2023 list ({n} Gemeinden, incl. wohngeld.law.tabelle import): {(t2 - t1) * 1000:8.1f} ms")

rng = random.Random(5)
ags = [g.ags for g in mietstufen.gemeinden(ON)]
sample_ags = [rng.choice(ags) for _ in range(100_000)]
names = [mietstufen.mietenstufe(a, on=ON).gemeinde.name for a in ags[:: max(1, len(ags) // 2000)]]
unique_names = []
for name in names:
    try:
        mietstufen.mietenstufe(name, on=ON)
        unique_names.append(name)
    except AmbiguousMunicipality:
        pass
sample_names = [rng.choice(unique_names) for _ in range(100_000)]

t = time.perf_counter()
for a in sample_ags:
    mietstufen.mietenstufe(a, on=ON)
d = time.perf_counter() - t
print(f"100,000 lookups by AGS:  {d * 1000:8.1f} ms  ({d * 1e6 / 100_000:.2f} µs each)")

t = time.perf_counter()
for name in sample_names:
    mietstufen.mietenstufe(name, on=ON)
d = time.perf_counter() - t
print(f"100,000 lookups by name: {d * 1000:8.1f} ms  ({d * 1e6 / 100_000:.2f} µs each)")
