"""Large inputs in parts: contiguous parts of the households, one after the other or in threads.

Members and Einnahmen of a part are a zero-copy slice in the sorted layout; row numbers of errors
are those of the whole input.
"""

from __future__ import annotations

import itertools
import threading
from collections.abc import Iterable, Iterator
from datetime import date
from functools import partial
from typing import Any

import numpy as np
import pyarrow as pa

from ..errors import InputError
from . import _helfer
from ._eingabe import als_tabelle
from ._rechnen import Arr, Spaltenergebnis, _doppelt, _index, _objekte, berechne

_TEIL = 100_000
"""Households per part of a large input (peak memory: 1 000 000 households stay under 1 GB)."""
_TEIL_HELFER = 25_000
"""Households per part at most when helpers compute (measured, 1 000 000 households on two cores:
parts of 100 000 1.47×, of 50 000 1.66×, of 25 000 1.72×)."""
_MIT_HELFERN = 10_000
"""From this many households ``prozesse > 1`` computes in warm helper processes (:mod:`._helfer`);
below, the fork of a first helper would cost more than it gains, and threads compute."""
_im_teil = threading.local()
"""Set while a call computes its parts (a part, or a whole input that must stay whole)."""


def _laenge(x: Any) -> int:
    if isinstance(x, pa.Table):
        return int(x.num_rows)
    if isinstance(x, dict):
        return len(next(iter(x.values()), ()))
    return len(x) if hasattr(x, "__len__") else 0


def _teil_rechnen(
    block: tuple[int, int, Arr | None, Arr | None], k: dict[str, Any]
) -> tuple[pa.Table, pa.Table]:
    """Households a..b with their members and Einnahmen (row numbers of errors as in the whole input)."""
    h, m, e = _teil_eingabe(block, k)
    r = berechne(h, m, e, on=k["on"], rechtsstand=k["rechtsstand"])
    return _teil_zurueck(r.ergebnis, r.fehler, block)


def _teil_eingabe(block: tuple[int, int, Arr | None, Arr | None], k: dict[str, Any]) -> tuple[Any, Any, Any]:
    """The three tables of households a..b (zero-copy slices in the sorted layout)."""
    a, b, mpos, epos = block
    H, M, E, objekte = k["tabellen"]
    h = H.slice(a, b - a)
    if objekte is not None:
        h = h.append_column("haushalt", pa.array([None] * (b - a), type=pa.null()))
    return (
        h if objekte is None else {**{n: h.column(n) for n in H.column_names}, "haushalt": objekte[a:b]},
        None if M is None else _zeilen(M, mpos),
        None if E is None else _zeilen(E, epos),
    )


def _teil_zurueck(
    ergebnis: pa.Table, f: pa.Table, block: tuple[int, int, Arr | None, Arr | None]
) -> tuple[pa.Table, pa.Table]:
    """The result of a part with the row numbers of its errors as in the whole input."""
    a, _, mpos, epos = block
    if f.num_rows:
        z = np.asarray(f.column("zeile").to_numpy(), dtype=np.int64)
        t = np.asarray(f.column("tabelle").to_numpy(zero_copy_only=False))
        z = np.where(t == "haushalte", z + a, z)
        if mpos is not None:
            z = np.where(t == "mitglieder", mpos[np.minimum(z, max(len(mpos) - 1, 0))], z)
        if epos is not None:
            z = np.where(t == "einnahmen", epos[np.minimum(z, max(len(epos) - 1, 0))], z)
        f = f.set_column(f.column_names.index("zeile"), "zeile", pa.array(z))
    return ergebnis, f


def _lauf(zu: Arr) -> bool:
    """Whether every row belongs to a household (member) and the rows come in its order."""
    return len(zu) == 0 or (int(zu[0]) >= 0 and bool((zu[1:] >= zu[:-1]).all()))


def _zeilen(t: pa.Table, pos: Arr | None) -> pa.Table:
    """The rows ``pos`` of ``t``: a zero-copy slice when they are one run (the sorted layout)."""
    if pos is None or len(pos) == 0:
        return t.slice(0, 0)
    if int(pos[-1]) - int(pos[0]) + 1 == len(pos):
        return t.slice(int(pos[0]), len(pos))
    return t.take(pa.array(pos))


def _bloecke(
    nh: int, teile: int, m_hh: Arr | None, e_m: Arr | None, n_e: int | None
) -> list[tuple[int, int, Arr | None, Arr | None]]:
    """Contiguous parts of the households: ``(a, b, member rows, Einnahmen rows)``."""
    grenzen = np.linspace(0, nh, teile + 1).astype(np.int64)
    # the sorted layout (members by household, Einnahmen by member; all of them joined): each part's
    # rows are one run, found by bisection instead of a mask over all rows per part
    m_lauf = m_hh is not None and _lauf(m_hh)
    e_lauf = m_lauf and e_m is not None and _lauf(e_m)
    bloecke: list[tuple[int, int, Arr | None, Arr | None]] = []
    for i, (a, b) in enumerate(itertools.pairwise(grenzen)):
        erster = i == 0  # rows that belong to no household are reported with the first part
        mpos = epos = None
        if m_lauf and m_hh is not None:
            m0, m1 = np.searchsorted(m_hh, [a, b])
            mpos = np.arange(m0, m1, dtype=np.int64)
            if e_lauf and e_m is not None:
                e0, e1 = np.searchsorted(e_m, [m0, m1])
                epos = np.arange(e0, e1, dtype=np.int64)
                bloecke.append((int(a), int(b), mpos, epos))
                continue
        if m_hh is not None and not m_lauf:
            mmaske = (m_hh >= a) & (m_hh < b) | ((m_hh < 0) if erster else False)
            mpos = np.flatnonzero(mmaske)
            if n_e is not None:
                if e_m is None:
                    epos = np.arange(n_e) if erster else np.zeros(0, dtype=np.int64)
                else:
                    emaske = np.where(e_m >= 0, mmaske[np.maximum(e_m, 0)], erster)
                    epos = np.flatnonzero(emaske)
        elif m_hh is not None and n_e is not None:  # members in runs, Einnahmen not
            assert mpos is not None
            if e_m is None:
                epos = np.arange(n_e) if erster else np.zeros(0, dtype=np.int64)
            else:
                emaske = np.zeros(len(m_hh), dtype=bool)
                emaske[mpos] = True
                epos = np.flatnonzero(np.where(e_m >= 0, emaske[np.maximum(e_m, 0)], erster))
        bloecke.append((int(a), int(b), mpos, epos))
    return bloecke


def _parallel(
    haushalte: Any,
    mitglieder: Any,
    einnahmen: Any,
    *,
    on: date | None,
    rechtsstand: Any,
    prozesse: int,
    teile: int | None = None,
) -> Spaltenergebnis:
    """:func:`berechne` over contiguous parts of the households, ``prozesse`` at a time.

    ``prozesse = 1``: the parts one after the other (bounded memory); more: :func:`_in_faeden`.
    """
    haushalte, objekte = _objekte(haushalte, "haushalt")
    H = als_tabelle(haushalte, "haushalte")
    M = None if mitglieder is None else als_tabelle(mitglieder, "mitglieder")
    E = None if einnahmen is None else als_tabelle(einnahmen, "einnahmen")
    nh = H.num_rows
    ids = H.column("id").combine_chunks() if "id" in H.column_names else None
    if ids is None:
        raise InputError("haushalte: Spalte id fehlt; jeder Haushalt braucht eine eindeutige Kennung")
    doppelt = len(_doppelt(ids)) > 0 or ids.null_count > 0
    if M is not None and "mitglied_id" in M.column_names:
        mids = M.column("mitglied_id").combine_chunks()
        doppelt = doppelt or mids.null_count > 0 or len(_doppelt(mids)) > 0
    if doppelt or (M is not None and "haushalt_id" not in M.column_names):
        # ids that do not identify their rows: one process reports them as a whole
        h = (
            haushalte
            if objekte is None
            else {**{n: H.column(n) for n in H.column_names}, "haushalt": objekte}
        )
        vorher = getattr(_im_teil, "ja", False)
        _im_teil.ja = True
        try:
            return berechne(h, M, E, on=on, rechtsstand=rechtsstand)
        finally:
            _im_teil.ja = vorher
    m_hh = None if M is None else _index(M.column("haushalt_id").combine_chunks(), ids)
    e_m = None
    if (
        E is not None
        and M is not None
        and "mitglied_id" in M.column_names
        and "mitglied_id" in E.column_names
    ):
        e_m = _index(E.column("mitglied_id").combine_chunks(), M.column("mitglied_id").combine_chunks())
    # two parts per thread, and no part above _TEIL households (peak memory); each part has a fixed
    # cost (its own checks and lookups), so no more parts than that
    helfer = prozesse > 1 and objekte is None and nh >= _MIT_HELFERN and _helfer.verfuegbar(rechtsstand)
    # threads: two parts each; helpers: four (a helper has the next part while it computes one),
    # and none above _TEIL_HELFER households (the end, when one side waits for the other, stays short)
    teile = teile or (
        max(prozesse * 4, -(-nh // _TEIL_HELFER)) if helfer else max(prozesse * 2, -(-nh // _TEIL), 1)
    )
    bloecke = _bloecke(nh, teile, m_hh, e_m, None if E is None else E.num_rows)
    kontext = {"tabellen": (H, M, E, objekte), "on": on, "rechtsstand": rechtsstand}
    ergebnisse, fehler = [], []
    laeufe = _in_helfern(bloecke, kontext, prozesse - 1) if helfer else None
    if laeufe is None:
        laeufe = (
            _in_faeden(bloecke, kontext, prozesse)
            if prozesse > 1
            else (_teil_rechnen(b, kontext) for b in bloecke)
        )
    for erg, f in laeufe:
        ergebnisse.append(erg)
        fehler.append(f)
    return Spaltenergebnis(
        ergebnis=pa.concat_tables(ergebnisse),
        fehler=pa.concat_tables(fehler, promote_options="permissive"),
    )


def _in_helfern(
    bloecke: list[tuple[int, int, Arr | None, Arr | None]], kontext: dict[str, Any], helfer: int
) -> Iterable[tuple[pa.Table, pa.Table]] | None:
    """The parts computed here and in ``helfer`` warm helper processes (:mod:`._helfer`); ``None``
    where helpers cannot be used now."""
    return _helfer.rechnen(
        len(bloecke),
        _helfer._Teil(
            eingabe=lambda i: _teil_eingabe(bloecke[i], kontext),
            lokal=lambda i: _teil_rechnen(bloecke[i], kontext),
            zurueck=lambda i, erg, f: _teil_zurueck(erg, f, bloecke[i]),
        ),
        helfer=helfer,
        on=kontext["on"],
        rechtsstand=kontext["rechtsstand"],
    )


def _in_faeden(
    bloecke: list[tuple[int, int, Arr | None, Arr | None]], kontext: dict[str, Any], faeden: int
) -> Iterator[tuple[pa.Table, pa.Table]]:
    """The parts computed by ``faeden`` threads of this process, results in order of the parts.

    The columnar path spends its time in numpy and pyarrow kernels, which release the GIL, so the
    threads compute at once; unlike worker processes they need no fork, no copy of the input and
    no pickled result (a fixed cost of tens of milliseconds per process and call).
    """
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(faeden, thread_name_prefix="wohngeld-teil") as pool:
        yield from pool.map(partial(_teil_rechnen, k=kontext), bloecke)
