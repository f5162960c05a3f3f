"""Random households in the long layout, for benchmarks and tests (not a statistical model).

Households of 1–8 members with Stichtage from 2016 to 2026; adults with itemised gross
Erwerbseinkommen, Altersrente or Arbeitslosengeld (§ 14 WoGG), children with Kindergeld (not
income); Mietenstufe, Miete and the § 16 criteria at random. A share of rows needs the scalar path
(``anteil_einzeln``: a member excluded under § 7 WoGG).
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pyarrow as pa

__all__ = ["cent_spalte", "haushalte"]

_TAG_2016 = 16801  # 2016-01-01 in days since 1970-01-01
_TAG_2027 = 20819  # 2027-01-01
_TAG_2020 = 18262  # 2020-01-01


def cent_spalte(cents: np.ndarray[Any, Any], fehlt: np.ndarray[Any, Any] | None = None) -> pa.Array:
    """int64 cents as an exact ``decimal128(18, 2)`` column (no Python objects); ``fehlt``: missing."""
    roh = np.empty((len(cents), 2), dtype=np.int64)
    roh[:, 0] = cents
    roh[:, 1] = cents >> 63
    gueltig = None if fehlt is None else pa.array(~fehlt).buffers()[1]
    nulls = 0 if fehlt is None else int(fehlt.sum())
    return pa.Array.from_buffers(
        pa.decimal128(18, 2), len(cents), [gueltig, pa.py_buffer(roh)], null_count=nulls
    )


def haushalte(
    n: int,
    *,
    seed: int = 0,
    start_id: int = 0,
    anteil_einzeln: float = 0.0,
    von: int = _TAG_2016,
    bis: int = _TAG_2027,
    mitglied_start: int | None = None,
) -> tuple[pa.Table, pa.Table, pa.Table]:
    """``n`` random households as (haushalte, mitglieder, einnahmen) pyarrow Tables.

    More than 250 000 households are made in parts of 250 000 (seeds ``seed``, ``seed + 1``, …),
    so that making them takes little more memory than the tables themselves.
    """
    teil = 250_000
    if n > teil:
        teile = []
        mst = start_id * 16 if mitglied_start is None else mitglied_start
        for a in range(0, n, teil):
            t = haushalte(
                min(teil, n - a),
                seed=seed + a // teil,
                start_id=start_id + a,
                anteil_einzeln=anteil_einzeln,
                von=von,
                bis=bis,
                mitglied_start=mst,
            )
            mst += t[1].num_rows
            teile.append(t)
        H, M, E = (pa.concat_tables([t[w] for t in teile]) for w in range(3))
        return H, M, E
    rng = np.random.default_rng(seed)
    ids = np.arange(start_id, start_id + n, dtype=np.int64)
    H, groesse = _haushaltstabelle(rng, ids, von, bis)
    mst = start_id * 16 if mitglied_start is None else mitglied_start
    M, kind = _mitgliedertabelle(rng, ids, groesse, mst, anteil_einzeln)
    return H, M, _einnahmentabelle(rng, M.column("mitglied_id"), kind)


def _haushaltstabelle(
    rng: np.random.Generator, ids: np.ndarray[Any, Any], von: int, bis: int
) -> tuple[pa.Table, np.ndarray[Any, Any]]:
    """Households: Stichtag, Mietenstufe (VII from 2020), Miete or Belastung, weight; and their sizes."""
    n = len(ids)
    tage = rng.integers(von, bis, n)
    stufen = np.where(tage < _TAG_2020, rng.integers(1, 7, n), rng.integers(1, 8, n))
    groesse = rng.integers(1, 9, n)
    miete = rng.integers(150_00, 1_600_00, n)
    art = rng.random(n)
    H = pa.table(
        {
            "id": ids,
            "stichtag": pa.array(tage.astype(np.int32)).cast(pa.date32()),
            "mietenstufe": stufen.astype(np.int8),
            "miete_monat": cent_spalte(miete, fehlt=art >= 0.9),
            "belastung_monat": cent_spalte(miete, fehlt=art < 0.9),
            "gewicht": rng.uniform(50, 150, n),
        }
    )
    return H, groesse


def _mitgliedertabelle(
    rng: np.random.Generator,
    ids: np.ndarray[Any, Any],
    groesse: np.ndarray[Any, Any],
    mitglied_start: int,
    anteil_einzeln: float,
) -> tuple[pa.Table, np.ndarray[Any, Any]]:
    """Members: one or two adults per household, the rest children; the § 16 criteria at random."""
    n, nm = len(ids), int(groesse.sum())
    hh = np.repeat(ids, groesse)
    pos = np.arange(nm) - np.repeat(np.cumsum(groesse) - groesse, groesse)
    erwachsene = np.repeat(np.minimum(groesse, rng.integers(1, 3, n)), groesse)
    kind = pos >= erwachsene
    mid = np.arange(nm, dtype=np.int64) + mitglied_start
    aus = (rng.random(nm) < anteil_einzeln) & ~kind
    M = pa.table(
        {
            "haushalt_id": hh,
            "mitglied_id": mid,
            "kind": kind,
            "pauschalabzug_steuern": rng.random(nm) < 0.5,
            "pauschalabzug_kranken_pflege": rng.random(nm) < 0.8,
            "pauschalabzug_rente": rng.random(nm) < 0.7,
            "schwerbehindert_gdb": pa.array(np.full(nm, 100, dtype=np.int64), mask=rng.random(nm) >= 0.03),
            "ausgeschlossen": pa.array([None] * nm, type=pa.string())
            if not aus.any()
            else pa.array(np.full(nm, "Bürgergeld", dtype=object), mask=~aus, type=pa.string()),
        }
    )
    return M, kind


def _einnahmentabelle(rng: np.random.Generator, mid: Any, kind: np.ndarray[Any, Any]) -> pa.Table:
    """Einnahmen: every adult one of three kinds, every child Kindergeld."""
    nm = len(kind)
    art_e = np.where(kind, 3, rng.integers(0, 3, nm))
    namen = np.array(["Erwerbseinkommen", "Altersrente", "Arbeitslosengeld", "Kindergeld"], dtype=object)
    betrag = np.select(
        [art_e == 0, art_e == 1, art_e == 2],
        [
            rng.integers(0, 3_500_00, nm),
            rng.integers(300_00, 1_800_00, nm),
            rng.integers(300_00, 1_500_00, nm),
        ],
        250_00,
    )
    return pa.table(
        {
            "mitglied_id": mid,
            "art": pa.DictionaryArray.from_arrays(pa.array(art_e.astype(np.int32)), pa.array(list(namen))),
            "brutto_monat": cent_spalte(betrag),
        }
    )
