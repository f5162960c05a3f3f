"""Worker processes for batches: the same calculation on every core, results in input order.

No rule lives here. Blocks of items go to a pool of worker processes (``multiprocessing``; on
Linux by ``fork``, so the workers share the loaded parameter tables and a scenario store); at
most two blocks per worker are in flight, so memory stays bounded for any length of input, and the
results come back in input order.

Start method: ``fork`` where the platform has it (Linux): the workers inherit the loaded tables,
a scenario store and, for a list or tuple of items, the items themselves, so only index ranges
travel to the workers. Elsewhere (Windows; macOS offers ``fork`` too) ``spawn``: the context and
the blocks are pickled, with the same results.

Results travel compactly (:func:`packen`): a :class:`~wohngeld.result.Result` as a plain tuple
with its Decimals as text and its dates as ordinals. Pickling a ``Decimal`` costs about as much
as a tenth of a calculation; its text and back are exact (``Decimal(str(d))`` has the same value
and exponent), so the unpacked result is equal to the computed one.
"""

from __future__ import annotations

import gc
import multiprocessing
import multiprocessing.pool
import os
import signal
import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from datetime import date
from itertools import islice
from typing import Any, Literal, TypeVar

__all__ = ["entpacken", "geordnet", "packen", "pruefe_prozesse", "vorausrechnen"]

T = TypeVar("T")
R = TypeVar("R")

_KONTEXT: dict[str, Any] = {}
"""What the workers need besides their block (set before the pool starts; inherited by fork)."""


def pruefe_prozesse(prozesse: object) -> int:
    """The number of worker processes: a whole number ≥ 1 (0: one per core)."""
    from ..errors import InputError

    if isinstance(prozesse, bool) or not isinstance(prozesse, int) or prozesse < 0:
        raise InputError(
            f"prozesse: {prozesse!r} angegeben; zulässig eine ganze Zahl ≥ 1 (0: einer je Prozessorkern)"
        )
    return prozesse or (os.cpu_count() or 1)


def _kontext() -> multiprocessing.context.BaseContext:
    return multiprocessing.get_context("fork" if geteilt() else "spawn")


def geteilt() -> bool:
    """Whether workers start by ``fork`` and so inherit what the parent holds (Linux, macOS)."""
    return "fork" in multiprocessing.get_all_start_methods()


def _init(kontext: dict[str, Any]) -> None:
    _KONTEXT.clear()
    _KONTEXT.update(kontext)


def _arbeiter_start(kontext: dict[str, Any] | None) -> None:
    """A worker ends at once on SIGTERM (the pool's terminate), whatever handler the parent had set
    (``wohngeld stapel`` turns SIGTERM into an orderly stop); Ctrl-C is the parent's to handle."""
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if kontext is not None:
        _init(kontext)


class _Pool(multiprocessing.pool.Pool):
    """The standard pool, whose worker handler waits only for a change of the pool.

    The standard one also waits for the pipe of results: as long as a result lies there unread,
    its wait returns at once and the thread spins, taking the GIL from the thread that reads the
    result and from the calling process's own computing (measured: about 5 % more CPU
    for calculate_many).
    It only needs to wake when a worker ends or the pool changes state (``_change_notifier``)."""

    def _get_sentinels(self) -> list[Any]:
        return [self._change_notifier._reader]  # type: ignore[attr-defined]


def _pool(ctx: multiprocessing.context.BaseContext, prozesse: int, kontext: dict[str, Any]) -> Any:
    """The pool; forked workers inherit ``kontext`` and start with the default SIGTERM action."""
    geerbt = ctx.get_start_method() == "fork"
    if geerbt:
        _init(kontext)
        # what the parent holds is frozen for the workers' garbage collector: a collection in a
        # worker then does not write to (and so copy) every page of the inherited heap
        gc.freeze()
    hauptfaden = threading.current_thread() is threading.main_thread()
    alt = signal.signal(signal.SIGTERM, signal.SIG_DFL) if hauptfaden else None
    try:  # no window in which a forked worker runs the parent's SIGTERM handler
        start = (None if geerbt else kontext,)
        return _Pool(prozesse, initializer=_arbeiter_start, initargs=start, context=ctx)
    finally:
        if hauptfaden:
            signal.signal(signal.SIGTERM, alt if alt is not None else signal.SIG_DFL)
        if geerbt:
            gc.unfreeze()


def geordnet(
    funktion: Callable[[T], R],
    bloecke: Iterable[T],
    *,
    prozesse: int,
    kontext: dict[str, Any],
    lokal: Callable[[T], R] | None = None,
) -> Iterator[R]:
    """``funktion`` over ``bloecke`` in ``prozesse`` worker processes; results in input order.

    ``kontext`` is available to ``funktion`` as ``_KONTEXT`` in every worker (inherited where the
    platform forks, otherwise pickled). With ``lokal`` (the same work, its result as ``funktion``'s
    or unpacked), the calling process is one of the ``prozesse``: it starts ``prozesse - 1``
    workers and, whenever the next result in order is not ready, computes the next block itself,
    so both cores stay busy and its blocks cross no pipe. Each worker has two blocks queued while
    the caller computes; at most ``4 × prozesse`` blocks are computed ahead of the one yielded
    (bounded memory).
    """
    ctx = _kontext()
    arbeiter = prozesse - 1 if lokal is not None else prozesse
    _init(kontext)
    if arbeiter < 1:  # pragma: no cover - lokal with one process: callers compute directly
        assert lokal is not None
        try:
            yield from map(lokal, bloecke)
        finally:
            _KONTEXT.clear()
        return
    pool = _pool(ctx, arbeiter, kontext)
    try:
        yield from _der_reihe_nach(pool, funktion, iter(bloecke), arbeiter, lokal, 4 * prozesse)
    finally:
        pool.terminate()
        pool.join()
        _KONTEXT.clear()


def _der_reihe_nach(
    pool: Any,
    funktion: Callable[[T], R],
    it: Iterator[T],
    arbeiter: int,
    lokal: Callable[[T], R] | None,
    grenze: int,
) -> Iterator[R]:
    """The results of :func:`geordnet` in input order: blocks go to the workers while fewer than two
    per worker are queued there; the caller computes the next block (``lokal``) while the oldest
    is not ready, so that neither side waits for the other."""
    offen: deque[tuple[bool, Any]] = deque()  # (computed here, result or AsyncResult)
    unterwegs = 0
    ende = False
    while True:
        while not ende and unterwegs < 2 * arbeiter and len(offen) < grenze:
            block = next(it, _ENDE)
            ende = block is _ENDE
            if not ende:
                offen.append((False, pool.apply_async(funktion, (block,))))
                unterwegs += 1
        if not offen:
            return
        hier, x = offen[0]
        if not (hier or ende or lokal is None or x.ready()) and len(offen) < grenze:
            block = next(it, _ENDE)
            ende = block is _ENDE
            if not ende:
                offen.append((True, lokal(block)))
            continue
        offen.popleft()
        if hier:
            yield x
        else:
            unterwegs -= 1
            yield x.get()


_ENDE: Any = object()


def bloecke(items: Iterable[T], groesse: int) -> Iterator[tuple[int, list[T]]]:
    """``(index of the first item, items)`` in blocks of ``groesse``."""
    it = iter(items)
    start = 0
    while True:
        block = list(islice(it, groesse))
        if not block:
            return
        yield start, block
        start += len(block)


_RESULT = "R"


def packen(ergebnisse: list[Any]) -> list[Any]:
    """Results as plain tuples (Decimals as text, dates as ordinals); other objects unchanged."""
    from ..result import Result

    aus: list[Any] = []
    for r in ergebnisse:
        if type(r) is Result:
            aus.append(
                (
                    _RESULT,
                    str(r.betrag_monat),
                    r.anspruch,
                    r.grund,
                    r.grund_zitat,
                    r.art,
                    r.stichtag.toordinal(),
                    r.fassung.toordinal(),
                    r.rechtsstand,
                    r.mietenstufe,
                    r.mitglieder,
                    r.mitglieder_gesamt,
                    str(r.M),
                    str(r.Y),
                    str(r.M_berechnet),
                    str(r.Y_berechnet),
                    tuple(map(str, r.z)),
                    r.warnungen,
                    r.schritte,
                    r.tabellen,
                )
            )
        else:
            aus.append(r)
    return aus


def entpacken(gepackt: list[Any]) -> list[Any]:
    """The inverse of :func:`packen`: equal Results (same values, same Decimal exponents).

    Anything else (an unpacked Result, an ItemError) passes unchanged.
    """
    from decimal import Decimal as D

    from ..result import Result

    neu = tuple.__new__
    tag = date.fromordinal
    aus: list[Any] = []
    for t in gepackt:
        if type(t) is tuple and t and t[0] == _RESULT:
            _, betrag, anspruch, grund, zitat, art, stichtag, fassung, rs, stufe, mg, mg_ges = t[:12]
            m, y, m_ber, y_ber, z, warnungen, schritte, tabellen = t[12:]
            z_ = (D(z[0]), D(z[1]), D(z[2]), D(z[3]))
            kopf = (D(betrag), anspruch, grund, zitat, art, tag(stichtag), tag(fassung), rs, stufe, mg)
            rest = (mg_ges, D(m), D(y), D(m_ber), D(y_ber), z_, warnungen, schritte, tabellen)
            aus.append(neu(Result, kopf + rest))
        else:
            aus.append(t)
    return aus


def posten_lokal(block: tuple[int, Any]) -> list[Any]:
    """One block of :func:`wohngeld.formats.stapel.calculate_many` (``block``: ``(start, items)``
    or, when the workers inherited the items, ``(start, stop)``)."""
    from .stapel import _posten

    start, items = block
    k = _KONTEXT
    if isinstance(items, int):
        items = k["items"][start:items]
    return [
        _posten(start + i, item, on=k["on"], rechtsstand=k["rechtsstand"], rechenweg=k["rechenweg"])
        for i, item in enumerate(items)
    ]


def posten_block(block: tuple[int, Any]) -> list[Any]:
    """:func:`posten_lokal` in a worker: the results packed for the pipe (:func:`packen`)."""
    return packen(posten_lokal(block))


def bereiche(n: int, groesse: int) -> Iterator[tuple[int, int]]:
    """``(start, stop)`` of the blocks of ``n`` items inherited by the workers."""
    for start in range(0, n, groesse):
        yield start, min(start + groesse, n)


def _zeilen(auftrag: list[tuple[int, Any]]) -> list[tuple[int, tuple[str, bool]]]:
    """Rows of :func:`wohngeld.formats.stapel.stapel_datei` computed: (index, (output line, has a result)).

    A worker returns the line the file gets (:func:`wohngeld.formats.stapel.ausgabezeile`), not the
    Result: the caller writes it as it comes, with nothing to unpack or format."""
    from .stapel import ausgabezeile, zeile_rechnen

    k = _KONTEXT
    zeile = ausgabezeile(k["format"], k["kopf"], k["trenn"])
    return [
        (i, zeile(r, zeile_rechnen(i, r, format=k["format"], dezimalkomma=k["dezimalkomma"], on=k["on"],
                                   rechtsstand=k["rechtsstand"])))
        for i, r in auftrag
    ]


def vorausrechnen(
    rows: Iterator[Any],
    ergebnisse: dict[int, Any],
    *,
    format: Literal["csv", "jsonl"],
    dezimalkomma: bool,
    on: date | None,
    rechtsstand: Any,
    prozesse: int,
    kopf: list[str] | None = None,
    trenn: str = ",",
    zeilen_je_block: int = 1000,
) -> Iterator[Any]:
    """The rows of ``rows`` unchanged, each yielded once its result is in ``ergebnisse`` (by index).

    Rows that :func:`wohngeld.formats.stapel.stapel_datei` computes (not a blank line, no surplus cells,
    not an unreadable JSON line) go in blocks to ``prozesse`` workers; the caller takes each result
    out of ``ergebnisse`` by the row's index, so the file is written by the one loop as before.
    ``kopf`` and ``trenn``: the columns and the delimiter of a CSV output.
    """
    from .stapel import LEERZEILE

    def rechnen(r: Any) -> bool:
        return isinstance(r, dict) and "" not in r and LEERZEILE not in r

    kontext = {
        "format": format, "dezimalkomma": dezimalkomma, "on": on, "rechtsstand": rechtsstand,
        "kopf": kopf or [], "trenn": trenn,
    }
    nummeriert = enumerate(rows)

    def bloecke_() -> Iterator[list[tuple[int, Any]]]:
        while True:
            teil = list(islice(nummeriert, zeilen_je_block))
            if not teil:
                return
            wartend.append(teil)
            yield [(i, r) for i, r in teil if rechnen(r)]

    wartend: deque[list[tuple[int, Any]]] = deque()
    for fertig in geordnet(_zeilen, bloecke_(), prozesse=prozesse, kontext=kontext, lokal=_zeilen):
        ergebnisse.update(fertig)
        for _, r in wartend.popleft():
            yield r
