"""The Gesamteinkommen of whole columns: §§ 13–17 WoGG in exact int64 (annual amounts in 10⁻⁶ €).

Einnahmen (cents a year) are grouped per member and kind of treatment (:data:`BEHANDLUNG`): the
Einkünfte of one kind after Werbungskosten (§ 14 Abs. 1 WoGG, § 9a EStG), the Einnahmen counted in
full or with their share (§ 14 Abs. 2), the ones not counted. In the usual layout (members by
household, Einnahmen by member) every sum is one pass over runs.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import numpy as np

from . import _kern
from ._parameter import Parametersatz

if TYPE_CHECKING:
    from ._rechnen import _Einnahmen, _Mitglieder

__all__ = ["einkommen", "summe_je"]

Arr = np.ndarray[Any, Any]

_VOLL = 3
"""Group slot of the Einnahmen counted in full or with their share (§ 14 Abs. 2 WoGG)."""
_NICHT = 4
"""Group slot of the Einnahmen not counted (e.g. Kindergeld)."""
_FREMD = 5
"""Group slot of kinds the kernel does not compute (scalar path)."""
_SLOTS = 6


def summe_je(keys: Arr, werte: Arr, n: int, *, sortiert: bool | None = None) -> Arr:
    """Exact int64 sums of ``werte`` per key (0..n-1); sorted keys (the usual layout) by runs."""
    out = np.zeros(n, dtype=np.int64)
    if len(keys) == 0:
        return out
    if sortiert is None:
        sortiert = bool((keys[1:] >= keys[:-1]).all())
    if sortiert:
        starts = _anfaenge(keys)
        if len(starts) == len(keys) == n:  # one row per key, every key: the rows are the sums
            return werte
        if len(starts) == len(keys):  # one row per key
            out[keys] = werte
        else:
            out[keys[starts]] = np.add.reduceat(werte, starts)
    else:
        np.add.at(out, keys, werte)
    return out


def _anfaenge(keys: Arr) -> Arr:
    """Where each run of equal sorted keys starts."""
    neu = np.empty(len(keys), dtype=bool)
    neu[0] = True
    np.not_equal(keys[1:], keys[:-1], out=neu[1:])
    return np.flatnonzero(neu)


def _tafeln(saetze: Sequence[Parametersatz], arten: list[str]) -> tuple[Arr, Arr, Arr, Arr, Arr]:
    """Per Parametersatz and kind of Einnahme (flat index ``ps · len(arten) + art``): group slot,
    factor (100 for Einkünfte, the share in % for § 14 Abs. 2, 0 otherwise: amounts in 10⁻⁴ €),
    Werbungskosten-Pauschbetrag (10⁻⁴ € a year), whether actual Werbungskosten count, and whether it
    is Erwerbseinkommen (§ 17 Nr. 4 WoGG)."""
    n_arten = max(len(arten), 1)
    form = (len(saetze), n_arten)
    slot = np.full(form, _FREMD, dtype=np.int64)
    faktor = np.zeros(form, dtype=np.int64)
    pausch = np.zeros(form, dtype=np.int64)
    wk_ja = np.zeros(form, dtype=bool)
    erwerb = np.zeros(form, dtype=bool)
    for p, satz in enumerate(saetze):
        for a, name in enumerate(arten):
            if name not in satz.arten:
                continue
            code, anteil, erwerb[p, a] = satz.arten[name]
            if code >= 2:  # Einkünfte: Arbeitslohn, Versorgungsbezüge, Renten (§ 14 Abs. 1)
                slot[p, a], faktor[p, a] = code - 2, 100
                pausch[p, a], wk_ja[p, a] = satz.pausch[code] * 100, not satz.nur_pauschbetrag
            elif code == 1:
                slot[p, a], faktor[p, a] = _VOLL, anteil
            elif code == 0:
                slot[p, a] = _NICHT
    return slot.ravel(), faktor.ravel(), pausch.ravel(), wk_ja.ravel(), erwerb.ravel()


def _je_mitglied(
    nm: int, m_e: Arr, ok_e: Arr | None, pa_idx: Arr, ein: _Einnahmen, saetze: Sequence[Parametersatz]
) -> tuple[Arr, Arr, Arr]:
    """Per member the counted amount in 10⁻⁴ € (cents times the share in %) of § 14 WoGG, and per
    Einnahme the slot and whether it is Erwerbseinkommen.

    A negative Einnahme counts as 0 here: its household goes the scalar way (``pruefung``).
    """
    slot_t, faktor_t, pausch_t, wk_t, erwerb_t = _tafeln(saetze, ein.arten)
    slot = slot_t[pa_idx]
    wert = ein.jahr * faktor_t[pa_idx]
    if ok_e is not None:  # rows of no member count nowhere
        slot = np.where(ok_e, slot, _FREMD)
        wert = np.where(ok_e, wert, 0)
    if len(m_e) == 0:
        return np.zeros(nm, dtype=np.int64), slot, erwerb_t[pa_idx]
    key = m_e * _SLOTS + slot
    m, pa_g, wk = m_e, pa_idx, ein.wk if bool(ein.wk.any()) else None
    if not bool((key[1:] >= key[:-1]).all()):
        ordnung = np.argsort(key, kind="stable")
        key, wert, m, pa_g = key[ordnung], wert[ordnung], m[ordnung], pa_g[ordnung]
        wk = None if wk is None else wk[ordnung]
    starts = _anfaenge(key)
    if len(starts) < len(key):  # several Einnahmen of one kind and member: their sum
        wert = np.add.reduceat(wert, starts)
        wk = None if wk is None else np.add.reduceat(wk, starts)
        m, pa_g = m[starts], pa_g[starts]
    # § 14 Abs. 1 WoGG: Einkünfte after Werbungskosten, at least the Pauschbetrag (§ 9a EStG) up to
    # the Einnahmen; § 14 Abs. 2: Einnahmen in full or with their share (the factor above; their
    # Pauschbetrag is 0)
    abzug = np.minimum(pausch_t[pa_g], np.maximum(wert, 0))
    if wk is not None:
        abzug = np.where((wk * 100 > abzug) & wk_t[pa_g], wk * 100, abzug)
    beitrag = np.maximum(wert - abzug, 0)
    return summe_je(m, beitrag, nm, sortiert=True), slot, erwerb_t[pa_idx]


def einkommen(
    nh: int,
    ps: Arr,
    mit: _Mitglieder,
    ein: _Einnahmen | None,
    saetze: Sequence[Parametersatz],
    t: _kern.Tabellen,
) -> tuple[Arr, dict[str, Arr]]:
    """Y in 10⁻¹⁰ per household from the members' Einnahmen, and the rows the kernel cannot take.

    § 14 Abs. 1 (Werbungskosten per kind of Einkünfte, § 9a EStG), Abs. 2 (share), § 15 Abs. 1
    (running income of twelve months), § 16 (percentage per member), § 17 Nr. 1, 2 (Freibeträge),
    § 13 Abs. 1, 2 WoGG (sum, not below 0, one twelfth).
    """
    nm = len(mit.hh)
    hh_m = mit.hh if mit.alle else np.where(mit.hh >= 0, mit.hh, 0)
    mehrere = len(saetze) > 1
    ps_m = ps[hh_m] if mehrere else np.zeros(nm, dtype=np.int64)
    weg: dict[str, Arr] = {}
    summe = np.zeros(nm, dtype=np.int64)
    if ein is not None and len(ein.mitglied):
        m_e = ein.mitglied if ein.alle else np.where(ein.mitglied >= 0, ein.mitglied, 0)
        pa_idx = ein.art_idx if not mehrere else ps_m[m_e] * max(len(ein.arten), 1) + ein.art_idx
        ok_e = None if ein.alle else ein.mitglied >= 0
        summe, slot, erwerb = _je_mitglied(nm, m_e, ok_e, pa_idx, ein, saetze)
        # § 17 Nr. 4 WoGG (a child's Erwerbseinkommen, by age): scalar path
        if mit.kind.any():
            kinder = mit.kind[m_e] & erwerb
            weg["kind_einnahmen"] = _haushalte(mit.hh, m_e[kinder if ok_e is None else kinder & ok_e], nh)
        fremd = np.flatnonzero(slot == _FREMD if ok_e is None else (slot == _FREMD) & ok_e)
        if len(fremd):
            weg["einnahmeart"] = _haushalte(mit.hh, m_e[fremd], nh)
    # § 16 WoGG: the percentage per member; Jahreseinkommen in 10⁻⁶ €: summe · (100 − p) exactly
    if len({(p.satz_grund, p.satz_merkmal) for p in saetze}) > 1:
        j = summe * (100 - (t.satz_grund[ps_m] + mit.merkmale * t.satz_merkmal[ps_m]))
    else:
        j = summe * (100 - (t.satz_grund[0] + mit.merkmale * t.satz_merkmal[0]))
    _freibetraege(j, ps_m, mit, t)
    if mit.alle:
        gesamt = summe_je(hh_m, j, nh, sortiert=mit.sortiert)
    else:
        gesamt = summe_je(hh_m[mit.hh >= 0], j[mit.hh >= 0], nh, sortiert=mit.sortiert)
    return _kern.y_aus_jahr(gesamt), weg


def _haushalte(hh: Arr, mitglieder: Arr, nh: int) -> Arr:
    out = np.zeros(nh, dtype=bool)
    out[hh[mitglieder]] = True
    return out


def _freibetraege(j: Arr, ps_m: Arr, mit: _Mitglieder, t: _kern.Tabellen) -> None:
    """§ 17 Nr. 1, 2 WoGG: the Freibeträge off ``j`` (10⁻⁶ €), only where a member has one of the facts."""
    if not (mit.gdb_da.any() or mit.pg_da.any() or mit.ns.any()):
        return
    f = np.flatnonzero(mit.gdb_da | mit.pg_da | mit.ns)
    psf = ps_m[f]
    pab = t.fb_pflegegrad_ab[psf]
    gdb, gdb_da, pg, pg_da = mit.gdb[f], mit.gdb_da[f], mit.pg[f], mit.pg_da[f]
    reicht = (pab > 0) & pg_da & (pg >= pab)
    gdb100 = gdb_da & (gdb == 100)
    nr1b = gdb_da & (gdb >= t.fb_ab_gdb[psf]) & (gdb < 100) & pg_da & mit.pflege[f]
    nr1 = np.where(reicht & ~gdb100, True, gdb100 | nr1b)
    np.subtract.at(j, f, (nr1 * t.fb_schwer[psf] + mit.ns[f] * t.fb_ns[psf]) * 10**4)
