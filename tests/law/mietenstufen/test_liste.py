"""Mietenstufen lookup: Anlage zu § 1 Abs. 3 WoGV i. V. m. § 12 Abs. 2–4a WoGG."""

from __future__ import annotations

from datetime import date
from importlib import resources

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from wohngeld.errors import AmbiguousMunicipality, NoMietenstufenList, UnknownMunicipality, WohngeldError
from wohngeld.law.mietenstufen.liste import Gemeinde, fassungen, gemeinden, liste, mietenstufe

# Published worked examples (shared/cases/**): place, Stichtag, published Mietenstufe — copied, not read.
CASES = [
    ("Jüterbog", date(2025, 7, 1), 1),
    ("Ludwigshafen am Rhein", date(2025, 7, 1), 4),
    ("Leipzig, Stadt", date(2025, 7, 1), 2),
    ("Kreis Schleswig-Flensburg", date(2025, 7, 1), 1),
    ("Wiesbaden", date(2025, 7, 1), 6),
    ("München", date(2025, 7, 1), 7),
    ("Weimar", date(2025, 7, 1), 3),
    ("Friedrichshafen", date(2025, 7, 1), 5),
    ("Attendorn", date(2025, 7, 1), 2),
    ("Lübeck", date(2025, 7, 1), 4),
    ("Neubrandenburg", date(2025, 7, 1), 2),
    ("Dresden, Stadt", date(2023, 7, 1), 3),
]


@pytest.mark.parametrize(("name", "on", "stufe"), CASES, ids=[c[0] for c in CASES])
def test_published_cases(name: str, on: date, stufe: int) -> None:
    a = mietenstufe(name, on=on)
    assert a.mietenstufe == stufe
    assert a.valid_from == date(2023, 1, 1)
    assert "Mietenstufe" in a.text()


# Annex 2023 (wogv-anlage.html): Gemeinde rows and Kreis rows per Land, counted from the legal text.
ANNEX_2023 = {
    "Baden-Württemberg": (259, 35),
    "Bayern": (233, 71),
    "Berlin": (1, 0),
    "Brandenburg": (70, 14),
    "Bremen": (2, 0),
    "Hamburg": (1, 0),
    "Hessen": (171, 21),
    "Mecklenburg-Vorpommern": (20, 6),
    "Niedersachsen": (205, 35),
    "Nordrhein-Westfalen": (343, 18),
    "Rheinland-Pfalz": (47, 24),
    "Saarland": (36, 6),
    "Sachsen": (68, 10),
    "Sachsen-Anhalt": (54, 11),
    "Schleswig-Holstein": (56, 11),
    "Thüringen": (35, 17),
}


def test_rows_per_land_match_annex_2023() -> None:
    on = date(2023, 1, 1)
    lst = liste(on)
    for land, (n_gem, n_kreis) in ANNEX_2023.items():
        gs = [g for g in gemeinden(on) if g.land == land]
        assert sum(g.herkunft == "gemeinde" for g in gs) == n_gem, land
        kreis_rows = {g.kreis_schluessel for g in gs if "mietenstufe" in lst.kreise[g.kreis_schluessel]}
        assert len(kreis_rows) == n_kreis, land
    all_g = list(gemeinden(on))
    assert len(all_g) == 10751
    assert sum(g.herkunft == "insel" for g in all_g) == 28
    assert all(g.mietenstufe == 5 for g in all_g if g.herkunft == "insel")


@pytest.mark.parametrize(
    ("query", "on", "stufe"),
    [
        # spot checks from the older annex texts (shared/data-sources/mietstufen-20xx/README.md)
        ("Dresden, Stadt", date(2016, 6, 1), 3),
        ("München", date(2016, 6, 1), 6),
        ("Landkreis München", date(2016, 6, 1), 6),
        ("München", date(2021, 6, 1), 7),
        ("Kreis Mittelsachsen", date(2021, 6, 1), 1),
        ("Freiberg", date(2021, 6, 1), 2),
        ("Chemnitz", date(2019, 12, 31), 2),
        ("Chemnitz", date(2023, 1, 1), 1),
        ("Garching b. München", date(2024, 1, 1), 7),
        ("garching bei muenchen", date(2024, 1, 1), 7),
        ("LUEBECK", date(2024, 1, 1), 4),
        ("Frankfurt am Main", date(2024, 1, 1), 6),
        ("Bautzen", date(2024, 1, 1), 1),
        ("Cottbus", date(2024, 1, 1), 2),
    ],
)
def test_spot_checks(query: str, on: date, stufe: int) -> None:
    assert mietenstufe(query, on=on).mietenstufe == stufe


def test_islands_from_august_2020() -> None:
    # 12. WoGVÄndV: island row from 1 August 2020; before, Helgoland took the Kreis Pinneberg stage.
    assert mietenstufe("01056025", on=date(2020, 7, 31)).gemeinde.herkunft == "kreis"
    after = mietenstufe("01056025", on=date(2020, 8, 1))
    assert (after.mietenstufe, after.gemeinde.herkunft) == (5, "insel")


def test_fassung_in_force_is_latest_valid_from() -> None:
    assert fassungen() == (date(2016, 1, 1), date(2020, 1, 1), date(2020, 8, 1), date(2023, 1, 1))
    assert mietenstufe("09162000", on=date(2019, 12, 31)).valid_from == date(2016, 1, 1)
    assert mietenstufe("09162000", on=date(2022, 12, 31)).valid_from == date(2020, 8, 1)
    assert mietenstufe("09162000", on=date(2030, 1, 1)).valid_from == date(2023, 1, 1)


def test_no_list_before_2016() -> None:
    with pytest.raises(NoMietenstufenList, match=r"31.12.2015.*01.01.2016"):
        mietenstufe("09162000", on=date(2015, 12, 31))


def test_ambiguous_neuenkirchen() -> None:
    with pytest.raises(AmbiguousMunicipality) as exc:
        mietenstufe("Neuenkirchen", on=date(2024, 1, 1))
    cands = exc.value.candidates
    assert len(cands) > 3
    assert all(isinstance(c, Gemeinde) and c.name.startswith("Neuenkirchen") for c in cands)
    assert all(isinstance(c, Gemeinde) and c.ags in str(exc.value) for c in cands)


def test_kreis_is_not_a_gemeinde() -> None:
    # Landkreis München is not the city of München
    a = mietenstufe("Landkreis München", on=date(2024, 1, 1))
    assert a.gemeinde.ags == "09184" and a.gemeinde.herkunft == "kreiszeile"


def test_unknown_suggests() -> None:
    with pytest.raises(UnknownMunicipality) as exc:
        mietenstufe("Muenchn", on=date(2024, 1, 1))
    assert any(getattr(g, "ags", None) == "09162000" for g in exc.value.suggestions)
    with pytest.raises(UnknownMunicipality, match="09999"):
        mietenstufe("09999999", on=date(2024, 1, 1))


def test_left_out_fails_clearly() -> None:
    # Aue-Bad Schlema was formed in 2019 from Aue (own row) and Bad Schlema: not mapped for 2016.
    with pytest.raises(UnknownMunicipality, match="Aue"):
        mietenstufe("14521035", on=date(2018, 1, 1))
    assert mietenstufe("14521035", on=date(2023, 1, 1)).mietenstufe == 1


@pytest.mark.parametrize("vf", [date(2016, 1, 1), date(2020, 1, 1), date(2020, 8, 1), date(2023, 1, 1)])
def test_every_ags_resolves_in_its_fassung(vf: date) -> None:
    gs = list(gemeinden(vf))
    assert len(gs) > 10700
    for g in gs:
        assert 1 <= g.mietenstufe <= 7 and len(g.ags) == 8 and g.kreis_schluessel == g.ags[:5]


_AGS_2023 = sorted(g.ags for g in gemeinden(date(2023, 1, 1)))


@settings(max_examples=300, deadline=None)
@given(ags=st.sampled_from(_AGS_2023), on=st.dates(min_value=date(2016, 1, 1), max_value=date(2035, 12, 31)))
def test_sampled_ags_resolve_or_fail_clearly(ags: str, on: date) -> None:
    lst = liste(on)
    if ags in lst.by_ags:
        a = mietenstufe(ags, on=on)
        assert a.gemeinde.ags == ags and a.valid_from <= on
    else:
        assert ags in lst.fehlend
        with pytest.raises(UnknownMunicipality):
            mietenstufe(ags, on=on)


@settings(max_examples=300, deadline=None)
@given(text=st.text(max_size=40), on=st.dates(min_value=date(1990, 1, 1), max_value=date(2040, 1, 1)))
def test_junk_raises_only_our_errors(text: str, on: date) -> None:
    try:
        mietenstufe(text, on=on)
    except WohngeldError as exc:
        assert isinstance(exc, ValueError)


def test_data_ships_with_package() -> None:
    root = resources.files("wohngeld") / "data" / "mietstufen"
    names = {p.name for p in root.iterdir()}
    assert {"2023-01-01.toml", "2023-01-01.csv"} <= names
    assert mietenstufe("09162000", on=date(2024, 1, 1), data_dir=root).mietenstufe == 7
