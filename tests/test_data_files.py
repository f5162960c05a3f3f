"""Every parameter file parses, is complete and cited, and its dates are consistent."""

from __future__ import annotations

import tomllib
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from wohngeld import NoParameters
from wohngeld.law.income.tabellen import Regelbedarfsstufen
from wohngeld.law.tabelle import CORE_TABLES, EARLIEST, ParameterStore, Table, data_root, default_store

DATA = Path(__file__).resolve().parent.parent / "data" / "parameters"
FILES = sorted(DATA.glob("*/*.toml"))
TODAY = date.today()

# The Fassungen issue 2 asks for, each with the tables that changed on that day (§ citations in
# the files themselves).
FASSUNGEN = {
    date(2016, 1, 1): {cls.folder for cls in CORE_TABLES},
    date(2020, 1, 1): {"hoechstbetraege", "koeffizienten", "mindestwerte", "mehrbetrag_ueber_zwoelf"},
    date(2021, 1, 1): {"heizkosten"},
    date(2022, 1, 1): {"hoechstbetraege", "koeffizienten"},
    date(2023, 1, 1): {
        "koeffizienten",
        "mindestwerte",
        "heizkosten",
        "klimakomponente",
        "mehrbetrag_ueber_zwoelf",
    },
    date(2025, 1, 1): {"hoechstbetraege", "koeffizienten", "mindestwerte", "mehrbetrag_ueber_zwoelf"},
}


@pytest.mark.parametrize("path", FILES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_file_header(path: Path) -> None:
    raw = tomllib.loads(path.read_text(encoding="utf-8"), parse_float=Decimal)
    assert raw["tabelle"] == path.parent.name
    assert path.name == f"{raw['valid_from'].isoformat()}.toml"
    assert "WoG" in raw["rule"] and ("§" in raw["rule"] or "Anlage" in raw["rule"])
    assert "BGBl." in raw["source"], "every Fassung cites its BGBl. source"
    if "unverified" in raw:
        assert f"{path.parent.name}/{path.name}" in UNVERIFIED, "an unverified value must be listed here"
    else:
        assert raw["valid_from"] <= raw["verified"] <= TODAY, "verified: a real check date"


# Files whose values could not be read in a legal text (reason in the file's `unverified` key);
# each is also named in the closing notes and docs/parameter-quellen.md.
UNVERIFIED: set[str] = set()


def test_core_tables_validate_and_cover_every_fassung() -> None:
    store = ParameterStore(DATA)
    for cls in CORE_TABLES:
        dates, tables = store.fassungen(cls.folder, cls)
        assert dates[0] <= EARLIEST, f"{cls.folder} has no Fassung on {EARLIEST}"
        assert all(isinstance(t, Table) for t in tables)
        assert list(dates) == sorted(set(dates))
    for valid_from, changed in FASSUNGEN.items():
        for cls in CORE_TABLES:
            dates, _ = store.fassungen(cls.folder, cls)
            assert (valid_from in dates) == (cls.folder in changed), (cls.folder, valid_from)


def test_packaged_data_is_the_repository_data() -> None:
    packaged = data_root() / "parameters"
    for path in FILES:
        assert (packaged / path.parent.name / path.name).read_bytes() == path.read_bytes()


def test_mietenstufe_vii_only_from_2020() -> None:
    rs = default_store()
    assert rs.rechtsstand(date(2019, 12, 31)).hoechstbetraege.mietenstufen == 6
    assert rs.rechtsstand(date(2020, 1, 1)).hoechstbetraege.mietenstufen == 7


@pytest.mark.parametrize("on", sorted(FASSUNGEN), ids=str)
def test_formula_is_monotone_above_the_mindestwerte(on: date) -> None:
    """The tables keep § 19 monotone: dW/dY = -(a + bM + 2cY) ≤ 0 from the Mindestwerte on,
    and where dW/dM = 1 - bY < 0 the formula is already negative (no Wohngeld)."""
    rs = default_store().rechtsstand(on)
    for n in range(1, 13):
        k = rs.koeffizienten.koeffizienten[n]
        m, y = rs.mindestwerte.M[n - 1], rs.mindestwerte.Y[n - 1]
        assert k.a + k.b * m + 2 * k.c * y >= 0, n
        y0 = 1 / k.b  # from here on more M lowers z3 ...
        for step in range(0, 200_000, 250):
            y_ = y0 + step
            assert -k.a * y_ - k.c * y_ * y_ < 0, (n, y_)  # ... but z3 = M(1 - bY) - aY - cY² < 0


def test_dates_before_2016_and_far_future_are_refused() -> None:
    with pytest.raises(NoParameters, match=r"01\.01\.2016"):
        default_store().rechtsstand(date(2015, 12, 31))
    with pytest.raises(NoParameters, match=r"01\.01\.2026"):  # einnahmearten, regelbedarfsstufen
        default_store().rechtsstand(date(2029, 1, 1))


def test_date_after_check_warns_and_uses_latest_fassung() -> None:
    rs = default_store().rechtsstand(date(2027, 1, 1))
    assert rs.fassung == date(2025, 1, 1)
    # the notice names the latest Fassung of any table (2026-01-01: einnahmearten, regelbedarfsstufen)
    assert rs.warnungen and "01.01.2026" in rs.warnungen[0]


def test_latest_valid_from_not_after_the_date() -> None:
    store = default_store()
    assert store.rechtsstand(date(2022, 12, 31)).koeffizienten.valid_from == date(2022, 1, 1)
    assert store.rechtsstand(date(2023, 1, 1)).koeffizienten.valid_from == date(2023, 1, 1)
    assert store.rechtsstand(date(2023, 1, 1)).hoechstbetraege.valid_from == date(2022, 1, 1)
    assert store.rechtsstand(date(2020, 12, 31)).heizkosten.anwendbar is False
    assert store.rechtsstand(date(2021, 1, 1)).heizkosten.anwendbar is True


# Regelbedarfsstufe 1 as in the former table `regelbedarfe` (RBS 1 only, removed when merged into
# `regelbedarfsstufen`): the merge must not change the cap of § 17a WoGG.
RBS_1 = {2016: 404, 2017: 409, 2018: 416, 2019: 424, 2020: 432, 2021: 446, 2022: 449, 2023: 502,
         2024: 563, 2025: 563, 2026: 563}


def test_regelbedarfsstufen_one_fassung_per_year_2016_to_2026() -> None:
    dates, tables = ParameterStore(DATA).fassungen(Regelbedarfsstufen.folder, Regelbedarfsstufen)
    assert dates == tuple(date(y, 1, 1) for y in range(2016, 2027))
    assert not (DATA / "regelbedarfe").exists()
    rb = [t for t in tables if isinstance(t, Regelbedarfsstufen)]
    assert len(rb) == len(tables)
    assert {t.valid_from.year: t.regelbedarfsstufe_1 for t in rb} == RBS_1
    # § 28a Abs. 5 SGB XII: 2025 and 2026 continue the amounts of 2024
    assert rb[-1].stufen == rb[-2].stufen == rb[-3].stufen
