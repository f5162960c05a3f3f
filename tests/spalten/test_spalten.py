"""The columnar path (wohngeld.spalten): the same results as the scalar engine, row by row.

The published cases (tests/cases) run through both paths; a hypothesis property compares random
households of every Fassung 2016–2028 (and the Entwurf 2027) row by row; bad cells are reported
per row and field while the good rows are computed.
"""

from __future__ import annotations

import subprocess
import sys
from collections import defaultdict
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

pytest.importorskip("numpy")
pytest.importorskip("pyarrow")

import numpy as np
import pyarrow as pa

from wohngeld import Haushalt, calculate, wohngeld_aus_m_y
from wohngeld.formats.faelle import lade_fall
from wohngeld.spalten import berechne, formel, tabellen_aus_haushalten

from ..conftest import case_files


def _vergleiche(items: list[tuple[Haushalt, date]], rechtsstand: str | None) -> Any:
    """Compute ``items`` both ways and assert every row is the same; return the result frame."""
    H, M, E = tabellen_aus_haushalten(items)
    df = berechne(H, M, E, rechtsstand=rechtsstand).to_pandas()
    assert len(df) == len(items)
    for (h, on), (_, row) in zip(items, df.iterrows(), strict=True):
        try:
            r = calculate(h, on=on, rechenweg=False, rechtsstand=rechtsstand)
        except Exception:
            assert row.grund_code == "FEHLER", row.to_dict()
            assert isinstance(row.fehler, str) and row.fehler
            continue
        grund = None if row.grund != row.grund else row.grund
        assert (row.betrag_monat, row.M, row.Y, grund, row.fassung, row.mitglieder, bool(row.anspruch)) == (
            r.betrag_monat,
            r.M,
            r.Y,
            r.grund,
            r.fassung,
            r.mitglieder,
            r.anspruch,
        ), row.to_dict()
    return df


def test_published_cases_through_both_paths() -> None:
    """Every published case (tests/cases): the columnar result equals the published amount and the
    scalar Result (betrag, M and Y entering § 19, reason, Fassung); most cases run in the kernel."""
    gruppen: dict[str | None, list[Any]] = defaultdict(list)
    for p in case_files():
        fall = lade_fall(p)
        rs = fall.extra.get("rechtsstand")
        gruppen[None if rs is None else str(rs)].append(fall)
    im_kern = 0
    for rs, faelle in gruppen.items():
        df = _vergleiche([(f.haushalt, f.stichtag) for f in faelle], rs)
        for f, (_, row) in zip(faelle, df.iterrows(), strict=True):
            assert row.betrag_monat == f.erwartet["wohngeld_monat"], f.extra
        im_kern += int((df.weg == "spalten").sum())
    assert im_kern >= 20


@pytest.mark.parametrize(
    ("on", "rechtsstand"),
    [
        (date(2016, 7, 1), None),
        (date(2021, 7, 1), None),
        (date(2025, 7, 1), None),
        (date(2027, 7, 1), "Entwurf 2027"),
    ],
)
def test_formel_vectorised_equals_wohngeld_aus_m_y(on: date, rechtsstand: str | None) -> None:
    """§ 19 alone for arrays equals the scalar formula (Anlage 2/3 of each Fassung, 1–12 members;
    the Entwurf 2027 with its cap at M)."""
    rng = np.random.default_rng(7)
    n = rng.integers(1, 13, 2000)
    m = rng.integers(0, 2500_00, 2000)
    y = rng.integers(0, 6000_00, 2000)
    b = formel(n, m, y, on=on, rechtsstand=rechtsstand)
    for i in range(len(n)):
        f = wohngeld_aus_m_y(
            mitglieder=int(n[i]),
            M=Decimal(int(m[i])) / 100,
            Y=Decimal(int(y[i])) / 100,
            on=on,
            rechtsstand=rechtsstand,
        )
        assert int(b[i]) == f.betrag


def test_every_bad_cell_reported_good_rows_go_on() -> None:
    """A float amount, a Mietenstufe out of range, a member of an unknown household: each bad cell is
    listed with its table, row, household id and field; the good row gives the hand-computed amount.

    Good row: 1 member, Mietenstufe III, Miete 420 €, Y 1 162.35 € on 1.7.2023 (Fassung 1.1.2023):
    M = min(420, 426 + 31.20) + 110 (Heizkosten, § 12 Abs. 6 WoGG) = 530; § 19 with a = 0.04,
    b = 4.991E-4, c = 4.620E-5 (Anlage 2): z1 = 0.04 + 0.2645230 + 0.0537005700 = 0.3582235700,
    z2 = 416.3861674... , z3 = 113.61383..., z4 = 1.15 · z3 = 130.655... → 131 €.
    """
    H = pa.table(
        {
            "id": ["gut", "float", "stufe"],
            "stichtag": [date(2023, 7, 1)] * 3,
            "mietenstufe": [3, 3, 9],
            "miete_monat": pa.array([Decimal("420.00"), Decimal("420.00"), Decimal("420.00")]),
            "anzahl_mitglieder": [1, 1, 1],
            "gesamteinkommen_monat": ["1162.35", "1162.35", "1162.35"],
        }
    )
    r = berechne(H)
    df = r.to_pandas()
    assert df.betrag_monat[0] == 131 and df.grund_code[0] == "ANSPRUCH" and df.weg[0] == "spalten"
    assert df.grund_code[2] == "FEHLER" and "mietenstufe" in df.fehler[2]
    H2 = H.set_column(3, "miete_monat", pa.array([420.0, 420.0, 420.0]))
    r2 = berechne(H2, {"haushalt_id": ["gut", "nirgends"], "kind": [False, False]})
    f = r2.fehler.to_pandas()
    assert set(zip(f.tabelle, f.feld, strict=True)) >= {
        ("haushalte", "miete_monat"),
        ("haushalte", "mietenstufe"),
        ("mitglieder", "haushalt_id"),
    }
    assert list(f[f.feld == "miete_monat"].haushalt_id) == ["gut", "float", "stufe"]
    assert "Gleitkommazahl" in f[f.feld == "miete_monat"].meldung.iloc[0]


def test_rows_with_rules_in_change_go_the_scalar_way_flagged() -> None:
    """Excluded members, deceased members, one-off income, Alleinerziehende, Grundrente, more than
    twelve members: computed by the scalar engine and flagged with the reason."""
    on = date(2025, 7, 1)
    basis: dict[str, Any] = {"mietenstufe": 3, "miete_monat": "600"}
    erwerb = {"art": "Erwerbseinkommen", "brutto_monat": "1500"}
    faelle = [
        {**basis, "mitglieder": [{"einnahmen": [erwerb]}, {"ausgeschlossen": "Bürgergeld"}]},
        {
            **basis,
            "mitglieder": [{"einnahmen": [erwerb]}, {"zugehoerigkeit": {"verstorben_am": "2025-03-01"}}],
        },
        {
            **basis,
            "mitglieder": [
                {
                    "einnahmen": [
                        erwerb,
                        {
                            "art": "Erwerbseinkommen",
                            "zeitraum": "einmalig",
                            "betrag": "900",
                            "zufluss": "2025-05-10",
                        },
                    ]
                }
            ],
        },
        {**basis, "mitglieder": [{"alleinerziehend": True, "einnahmen": [erwerb]}, {"kind": True}]},
        {**basis, "mitglieder": [{"grundrentenzeiten_33_jahre": True}]},
        {**basis, "anzahl_mitglieder": 14, "gesamteinkommen_monat": "3000"},
    ]
    items = [(Haushalt.model_validate(d), on) for d in faelle]
    df = _vergleiche(items, None)
    assert list(df.weg) == ["einzeln"] * len(faelle)
    assert [g.split(" (")[0] for g in df.weg_grund] == [
        "vom Wohngeld ausgeschlossene Mitglieder",
        "verstorbenes Haushaltsmitglied",
        "einmalige Einnahme, Sonderzuwendung oder ab/bis",
        "Freibetrag für Alleinerziehende",
        "Grundrentenzeiten",
        "mehr als zwölf Haushaltsmitglieder",
    ]


def test_import_wohngeld_does_not_import_numpy() -> None:
    """The scalar library keeps its dependencies: numpy and pyarrow load only with wohngeld.spalten."""
    code = "import sys, wohngeld; wohngeld.calculate; print('numpy' in sys.modules, 'pyarrow' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False False"


# ---- hypothesis: random households of every Fassung, both paths row by row

_ARTEN = [
    "Erwerbseinkommen",
    "Altersrente",
    "Versorgungsbezüge",
    "Leibrente, sonstige",
    "Arbeitslosengeld",
    "Krankengeld",
    "Kindergeld",
    "Unterhaltsvorschuss",
    "Elterngeld",
    "Kapitalerträge",
]
_cent = st.integers(0, 500_000).map(lambda c: str(Decimal(c).scaleb(-2)))
_einnahme = st.one_of(
    st.fixed_dictionaries({"art": st.sampled_from(_ARTEN), "brutto_monat": _cent}),
    st.fixed_dictionaries({"art": st.sampled_from(_ARTEN), "brutto_jahr": _cent}),
    st.fixed_dictionaries(
        {"art": st.sampled_from(_ARTEN[:3]), "brutto_monat": _cent, "werbungskosten_jahr": _cent}
    ),
)
_mitglied = st.fixed_dictionaries(
    {
        "einnahmen": st.lists(_einnahme, max_size=3),
        "pauschalabzug": st.fixed_dictionaries(
            {"steuern": st.booleans(), "kranken_pflege": st.booleans(), "rente": st.booleans()}
        ),
    },
    optional={
        "kind": st.booleans(),
        "alter_unter_25": st.booleans(),
        "schwerbehindert_gdb": st.sampled_from([20, 50, 80, 100]),
        "pflegegrad": st.integers(1, 5),
        "haeusliche_pflege": st.booleans(),
        "ns_verfolgt": st.booleans(),
        "ausgeschlossen": st.just("Bürgergeld"),
    },
)
_wohnkosten = st.one_of(
    st.fixed_dictionaries({"miete_monat": st.integers(0, 300_000).map(lambda c: str(Decimal(c).scaleb(-2)))}),
    st.fixed_dictionaries({"belastung_monat": _cent}),
    st.just({"wohnkosten": {"art": "Heim"}}),
)
_haushalt = st.builds(
    lambda w, stufe, art: {**w, "mietenstufe": stufe, **art},
    _wohnkosten,
    st.integers(1, 7),
    st.one_of(
        st.fixed_dictionaries({"mitglieder": st.lists(_mitglied, min_size=1, max_size=13)}),
        st.fixed_dictionaries(
            {
                "anzahl_mitglieder": st.integers(1, 14),
                "gesamteinkommen_monat": st.integers(0, 800_000).map(lambda c: str(Decimal(c).scaleb(-2))),
            }
        ),
    ),
)


@settings(max_examples=60)
@given(
    st.lists(st.tuples(_haushalt, st.dates(date(2016, 1, 1), date(2028, 12, 31))), min_size=1, max_size=6),
    st.sampled_from([None, "Entwurf 2027"]),
)
def test_property_random_households_same_row_by_row(
    roh: list[tuple[dict[str, Any], date]], rechtsstand: str | None
) -> None:
    """Random households (all Fassungen 2016–2028, member and income kinds of both paths): every row
    of the columnar result equals ``calculate`` — amount, M, Y, reason, Fassung — or both fail."""
    items = [(Haushalt.model_validate(d), on) for d, on in roh]
    _vergleiche(items, rechtsstand)


def test_long_layout_from_pandas_with_ids_as_text(tmp_path: Path) -> None:
    """The layout from pandas DataFrames with text ids, Decimal amounts and a weight column."""
    pd = pytest.importorskip("pandas")
    H = pd.DataFrame(
        {
            "id": ["a", "b"],
            "stichtag": ["2025-07-01", "2025-07-01"],
            "mietenstufe": [3, 3],
            "miete_monat": [Decimal("600.00"), Decimal("600.00")],
            "gewicht": [1.5, 2.0],
        }
    )
    M = pd.DataFrame(
        {"haushalt_id": ["a", "b", "b"], "mitglied_id": ["a1", "b1", "b2"], "kind": [False, False, True]}
    )
    E = pd.DataFrame(
        {
            "mitglied_id": ["a1", "b1"],
            "art": ["Erwerbseinkommen", "Altersrente"],
            "brutto_monat": ["1500.00", "900"],
        }
    )
    df = berechne(H, M, E).to_pandas()
    items = [
        (
            Haushalt.model_validate(
                {
                    "mietenstufe": 3,
                    "miete_monat": "600",
                    "mitglieder": [{"einnahmen": [{"art": "Erwerbseinkommen", "brutto_monat": "1500"}]}],
                }
            ),
            date(2025, 7, 1),
        ),
        (
            Haushalt.model_validate(
                {
                    "mietenstufe": 3,
                    "miete_monat": "600",
                    "mitglieder": [
                        {"einnahmen": [{"art": "Altersrente", "brutto_monat": "900"}]},
                        {"kind": True},
                    ],
                }
            ),
            date(2025, 7, 1),
        ),
    ]
    for (h, on), betrag in zip(items, df.betrag_monat, strict=True):
        assert calculate(h, on=on).betrag_monat == betrag
    assert list(df.gewicht) == [1.5, 2.0]


def test_columnar_in_two_processes_same_table() -> None:
    """Parts in 2 threads (``prozesse=2``): the same result table and the same error list (rows numbered in
    the whole input) as one process, with scalar-path rows and a member of an unknown household."""
    from wohngeld.spalten.synthetisch import haushalte

    H, M, E = haushalte(3000, seed=5, anteil_einzeln=0.01)
    fremd = (
        M.slice(0, 1)
        .set_column(0, "haushalt_id", pa.array([10**9]))
        .set_column(1, "mitglied_id", pa.array([-5]))
    )
    M = pa.concat_tables([M, fremd])
    eins = berechne(H, M, E)
    zwei = berechne(H, M, E, prozesse=2)
    assert zwei.ergebnis.to_pylist() == eins.ergebnis.to_pylist()
    assert zwei.fehler.to_pylist() == eins.fehler.to_pylist() != []
    assert (eins.to_pandas().weg == "einzeln").sum() > 0


def test_plz_column_is_looked_up_like_a_gemeinde() -> None:
    """A ``plz`` column (+ ``ort``) gives the Mietenstufe as in :func:`calculate` (issue: PLZ door).

    01067 lies wholly in Dresden, Stadt: Mietenstufe III (Anlage zu § 1 Abs. 3 WoGV, Fassung ab
    1.1.2023). 23860 covers Groß Schenkenberg (II) and Klein Wesenberg (IV): without ``ort`` a
    choice, not an amount; with ``ort`` Klein Wesenberg. One member, Miete 420 €, Y 1.162,35 €
    (Dresden Beispiel 1): 131 € under III; a plz beside a mietenstufe is refused, never ignored.
    """
    rest = {"miete_monat": ["420.00"] * 5, "anzahl_mitglieder": [1] * 5,
            "gesamteinkommen_monat": ["1162.35"] * 5}
    h = {"id": [1, 2, 3, 4, 5], "plz": ["01067", "23860", "23860", "1067", "01067"],
         "ort": [None, None, "Klein Wesenberg", None, None],
         "mietenstufe": [None, None, None, None, 4], **rest}
    df = berechne(h, None, None, on=date(2023, 7, 1)).to_pandas()
    einzeln = {
        "miete_monat": "420.00", "anzahl_mitglieder": 1, "gesamteinkommen_monat": "1162.35",
    }
    stufe4 = calculate(Haushalt.model_validate({**einzeln, "mietenstufe": 4}), on=date(2023, 7, 1))
    assert df.betrag_monat[0] == 131 and df.mietenstufe[0] == 3
    assert df.grund_code[1] == "FEHLER" and "Klein Wesenberg" in df.fehler[1]
    assert df.betrag_monat[2] == stufe4.betrag_monat and df.mietenstufe[2] == 4
    assert df.grund_code[3] == "FEHLER" and "01067" in df.fehler[3]
    assert df.grund_code[4] == "FEHLER" and "genau eines" in df.fehler[4]
    assert set(df.weg) == {"einzeln"}
