"""A second, deliberately plain reading of §§ 11, 12, 19, 21 WoGG, compared on random households.

The reference reads the TOML tables itself (not through the library's loader, cache or memo) and
computes M and the amount for a household whose Miete and Y are given. Any difference points at the
loader, the caches or a stage's fast path.
"""

from __future__ import annotations

import tomllib
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from wohngeld import Haushalt, Miete, calculate

DATA = Path(__file__).resolve().parent.parent / "data" / "parameters"
TEN = Decimal("1E-10")


def _table(folder: str, on: date) -> dict[str, object]:
    files = sorted(p for p in (DATA / folder).glob("*.toml") if date.fromisoformat(p.stem) <= on)
    return tomllib.loads(files[-1].read_text(encoding="utf-8"), parse_float=Decimal)


def _per_person(values: list[Decimal], extra: Decimal, n: int) -> Decimal:
    return values[n - 1] if n <= len(values) else values[-1] + (n - len(values)) * extra


def reference(*, n: int, stufe: int, miete: Decimal, y: Decimal, on: date) -> tuple[Decimal, Decimal]:
    """(M, Wohngeld) for n ≤ 12 members, none excluded."""
    hb = _table("hoechstbetraege", on)["betraege"]
    assert isinstance(hb, dict)
    rows = [Decimal(hb[str(i)][stufe - 1]) for i in range(1, 6)]
    cap = _per_person(rows, Decimal(hb["mehrbetrag"][stufe - 1]), n)
    klima = _table("klimakomponente", on)
    if klima["anwendbar"]:
        cap += _per_person(list(klima["betraege"]), klima["mehrbetrag"], n)  # type: ignore[arg-type, call-overload]
    heiz = _table("heizkosten", on)
    heating = Decimal(0)
    if heiz["anwendbar"]:
        for part in ("entlastung", "komponente"):
            t = heiz[part]
            assert isinstance(t, dict)
            heating += _per_person(list(t["betraege"]), Decimal(t["mehrbetrag"]), n)
    m = min(miete, cap) + heating
    mind = _table("mindestwerte", on)
    k = _table("koeffizienten", on)
    abc = k["koeffizienten"][str(n)]  # type: ignore[index]
    mm = max(m, Decimal(mind["M"][n - 1])).quantize(TEN, ROUND_HALF_UP)  # type: ignore[index]
    yy = max(y, Decimal(mind["Y"][n - 1])).quantize(TEN, ROUND_HALF_UP)  # type: ignore[index]
    z1 = (abc["a"] + abc["b"] * mm + abc["c"] * yy).quantize(TEN, ROUND_HALF_UP)
    z2 = (z1 * yy).quantize(TEN, ROUND_HALF_UP)
    z3 = (mm - z2).quantize(TEN, ROUND_HALF_UP)
    z4 = (k["faktor"] * z3).quantize(TEN, ROUND_HALF_UP)
    betrag = z4.quantize(Decimal(1), ROUND_HALF_UP) if z4 > 0 else Decimal(0)
    grenze = _table("bagatellgrenze", on)["betrag"]
    return m, (betrag if betrag >= grenze else Decimal(0))  # type: ignore[operator]


@settings(max_examples=400)
@given(
    on=st.dates(min_value=date(2016, 1, 1), max_value=date(2026, 11, 30)),
    n=st.integers(1, 12),
    stufe=st.integers(1, 6),
    miete=st.integers(0, 200_000).map(lambda c: Decimal(c).scaleb(-2)),
    y=st.integers(0, 600_000).map(lambda c: Decimal(c).scaleb(-2)),
)
def test_engine_agrees_with_the_plain_reading(
    on: date, n: int, stufe: int, miete: Decimal, y: Decimal
) -> None:
    h = Haushalt(
        mietenstufe=stufe, wohnkosten=Miete(miete_monat=miete), anzahl_mitglieder=n, gesamteinkommen_monat=y
    )
    m, betrag = reference(n=n, stufe=stufe, miete=miete, y=y, on=on)
    for rechenweg in (False, True):
        r = calculate(h, on=on, rechenweg=rechenweg)
        assert (r.M_berechnet, r.betrag_monat) == (m, betrag)


WK = {  # § 9a Satz 1 EStG, EUR per year, by the year's file of data/parameters/werbungskosten_pauschbetraege
    "Erwerbseinkommen": "arbeitnehmer",
    "Altersrente": "renten",
}


@settings(max_examples=300)
@given(
    on=st.dates(min_value=date(2016, 1, 1), max_value=date(2026, 11, 30)),
    art=st.sampled_from(sorted(WK)),
    brutto=st.integers(0, 500_000).map(lambda c: Decimal(c).scaleb(-2)),
    flags=st.tuples(st.booleans(), st.booleans(), st.booleans()),
    stufe=st.integers(1, 6),
    miete=st.integers(10_000, 120_000).map(lambda c: Decimal(c).scaleb(-2)),
)
def test_one_earner_agrees_with_the_plain_reading(
    on: date, art: str, brutto: Decimal, flags: tuple[bool, bool, bool], stufe: int, miete: Decimal
) -> None:
    """Y by §§ 13, 14, 16 WoGG for one member with one running income: ((12 · brutto − min(WK,
    12 · brutto)) · (1 − 10 % per criterion)) / 12, no Freibetrag; then the plain § 19 reading."""
    pausch = Decimal(_table("werbungskosten_pauschbetraege", on)[WK[art]])  # type: ignore[arg-type]
    jahr = 12 * brutto
    einkuenfte = jahr - min(pausch, jahr)
    y = einkuenfte * (1 - Decimal("0.1") * sum(flags)) / 12
    h = Haushalt.model_validate(
        {
            "mietenstufe": stufe,
            "miete_monat": str(miete),
            "mitglieder": [
                {
                    "einnahmen": [{"art": art, "brutto_monat": str(brutto)}],
                    "pauschalabzug": dict(zip(("steuern", "kranken_pflege", "rente"), flags, strict=True)),
                }
            ],
        }
    )
    r = calculate(h, on=on, rechenweg=False)
    assert r.Y_berechnet == y
    m, betrag = reference(n=1, stufe=stufe, miete=miete, y=y, on=on)
    assert (r.M_berechnet, r.betrag_monat) == (m, betrag)
