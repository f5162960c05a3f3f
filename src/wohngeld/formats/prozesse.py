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
        return ctx.Pool(prozesse, initializer=_arbeiter_start, initargs=(None if geerbt else kontext,))
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
    so both cores stay busy and its blocks cross no pipe. At most ``2 × prozesse`` blocks are
    computed ahead of the one yielded (bounded memory).
    """
    ctx = _kontext()
    arbeiter = prozesse - 1 if lokal is not None else prozesse
    _init(kontext)
    if arbeiter < 1:  # pragma: no cover - lokal with one process: callers compute directly
        assert lokal is not None
        try:
            for block in bloecke:
                yield lokal(block)
        finally:
            _KONTEXT.clear()
        return
    pool = _pool(ctx, arbeiter, kontext)
    try:
        offen: deque[tuple[bool, Any]] = deque()  # (computed here, result or AsyncResult)
        it = iter(bloecke)
        unterwegs = 0

        def nachschieben() -> None:
            nonlocal unterwegs
            while unterwegs < 2 * arbeiter and len(offen) < 2 * prozesse:
                block = next(it, _ENDE)
                if block is _ENDE:
                    return
                offen.append((False, pool.apply_async(funktion, (block,))))
                unterwegs += 1

        nachschieben()
        while offen:
            hier, x = offen[0]
            if not hier and lokal is not None and not x.ready() and len(offen) < 2 * prozesse:
                block = next(it, _ENDE)
                if block is not _ENDE:
                    offen.append((True, lokal(block)))
                    continue
            offen.popleft()
            if hier:
                yield x
            else:
                unterwegs -= 1
                ergebnis = x.get()
                nachschieben()
                yield ergebnis
            nachschieben()
    finally:
        pool.terminate()
        pool.join()
        _KONTEXT.clear()


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
    ord_ = date.fromordinal
    aus: list[Any] = []
    for t in gepackt:
        if type(t) is tuple and t and t[0] == _RESULT:
            z = t[16]
            aus.append(
                neu(
                    Result,
                    (
                        D(t[1]),
                        t[2],
                        t[3],
                        t[4],
                        t[5],
                        ord_(t[6]),
                        ord_(t[7]),
                        t[8],
                        t[9],
                        t[10],
                        t[11],
                        D(t[12]),
                        D(t[13]),
                        D(t[14]),
                        D(t[15]),
                        (D(z[0]), D(z[1]), D(z[2]), D(z[3])),
                        t[17],
                        t[18],
                        t[19],
                    ),
                )
            )
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


def _zeilen_lokal(auftrag: list[tuple[int, Any]]) -> list[tuple[int, Any]]:
    """Rows of :func:`wohngeld.formats.stapel.stapel_datei` computed (index, result)."""
    from functools import partial

    from .stapel import _aus_zeile, objekt_zu_eingabe, zeile_zu_eingabe

    k = _KONTEXT
    umwandeln = partial(
        zeile_zu_eingabe if k["format"] == "csv" else objekt_zu_eingabe, dezimalkomma=k["dezimalkomma"]
    )
    return [(i, _aus_zeile(i, r, umwandeln, on=k["on"], rechtsstand=k["rechtsstand"])) for i, r in auftrag]


def _zeilen_block(auftrag: list[tuple[int, Any]]) -> list[tuple[int, Any]]:
    """:func:`_zeilen_lokal` in a worker: the results packed for the pipe (:func:`packen`)."""
    fertig = _zeilen_lokal(auftrag)
    return list(zip([i for i, _ in fertig], packen([e for _, e in fertig]), strict=True))


def vorausrechnen(
    rows: Iterator[Any],
    ergebnisse: dict[int, Any],
    *,
    format: Literal["csv", "jsonl"],
    dezimalkomma: bool,
    on: date | None,
    rechtsstand: Any,
    prozesse: int,
    zeilen_je_block: int = 1000,
) -> Iterator[Any]:
    """The rows of ``rows`` unchanged, each yielded once its result is in ``ergebnisse`` (by index).

    Rows that :func:`wohngeld.formats.stapel.stapel_datei` computes (not a blank line, no surplus cells,
    not an unreadable JSON line) go in blocks to ``prozesse`` workers; the caller takes each result
    out of ``ergebnisse`` by the row's index, so the file is written by the one loop as before.
    """
    from .stapel import LEERZEILE

    def rechnen(r: Any) -> bool:
        return isinstance(r, dict) and "" not in r and LEERZEILE not in r

    kontext = {"format": format, "dezimalkomma": dezimalkomma, "on": on, "rechtsstand": rechtsstand}
    nummeriert = enumerate(rows)

    def bloecke_() -> Iterator[list[tuple[int, Any]]]:
        while True:
            teil = list(islice(nummeriert, zeilen_je_block))
            if not teil:
                return
            wartend.append(teil)
            yield [(i, r) for i, r in teil if rechnen(r)]

    wartend: deque[list[tuple[int, Any]]] = deque()
    for fertig in geordnet(
        _zeilen_block, bloecke_(), prozesse=prozesse, kontext=kontext, lokal=_zeilen_lokal
    ):
        ergebnisse.update(zip([i for i, _ in fertig], entpacken([e for _, e in fertig]), strict=True))
        for _, r in wartend.popleft():
            yield r
