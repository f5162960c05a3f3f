"""Time one calculation and 100,000 calculations, with and without input validation.

Run: ``make bench`` (or ``python benchmarks/bench_calculate.py``). Prints the figures that the
README's performance section quotes; no assertion, the numbers depend on the machine.

Profile notes (cProfile, 2 cores): of a validated calculation without Rechenweg about a third is
§ 19 (six ten-decimal Decimal steps), a quarter the rent stage, the rest members, income, limits and
building the Result; table values are memoised per Rechtsstand, so no file or table is touched per
call. Validation is dominated by pydantic-core itself (the model has about forty optional fields).
"""

from __future__ import annotations

import random
import subprocess
import sys
import time
from datetime import date
from decimal import Decimal

ON = date(2025, 7, 1)
N = 100_000


def main() -> None:
    """Print the timings."""
    code = "import time; t = time.perf_counter(); import wohngeld; print(time.perf_counter() - t)"
    runs = sorted(float(subprocess.check_output([sys.executable, "-c", code])) for _ in range(5))
    print(f"import wohngeld (median of 5 fresh interpreters): {runs[2] * 1000:8.1f} ms")

    from wohngeld import Haushalt, calculate, rechtsstand

    rechtsstand(ON)  # parameters parsed once and cached: not part of a calculation
    rng = random.Random(1)
    raw = [
        {
            "mietenstufe": rng.randint(1, 7),
            "miete_monat": str(Decimal(rng.randint(20_000, 150_000)).scaleb(-2)),
            "anzahl_mitglieder": rng.randint(1, 8),
            "gesamteinkommen_monat": str(Decimal(rng.randint(0, 400_000)).scaleb(-2)),
        }
        for _ in range(N)
    ]
    one = Haushalt.model_validate(raw[0])
    t = time.perf_counter()
    r = calculate(one, on=ON)
    print(f"one calculation with Rechenweg (first call):       {(time.perf_counter() - t) * 1e6:8.1f} µs")

    t = time.perf_counter()
    haushalte = [Haushalt.model_validate(d) for d in raw]
    validation = time.perf_counter() - t

    t = time.perf_counter()
    for h in haushalte:
        calculate(h, on=ON, rechenweg=False)
    bare = time.perf_counter() - t

    t = time.perf_counter()
    for h in haushalte:
        calculate(h, on=ON)
    with_steps = time.perf_counter() - t

    total = validation + bare
    for label, seconds in (
        ("validations (Haushalt.model_validate)", validation),
        ("calculations, validated input, no Rechenweg", bare),
        ("calculations, validated input, with Rechenweg", with_steps),
        ("validate + calculate, no Rechenweg", total),
    ):
        print(f"{N:,} {label:<46} {seconds:8.2f} s  {seconds / N * 1e6:6.1f} µs each")
    assert r.betrag_monat >= 0


if __name__ == "__main__":
    main()
