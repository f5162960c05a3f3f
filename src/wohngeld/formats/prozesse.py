"""Worker processes for batches: the same calculation on every core, results in input order.

No rule lives here. Blocks of items go to a pool of worker processes (``multiprocessing``; on
Linux by ``fork``, so the workers share the loaded parameter tables and a scenario store); at
most two blocks per worker are in flight, so memory stays bounded for any length of input, and the
results come back in input order.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from datetime import date
from itertools import islice
from typing import Any, Literal, TypeVar

__all__ = ["geordnet", "pruefe_prozesse", "vorausrechnen"]

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
    methoden = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("fork" if "fork" in methoden else "spawn")


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
    hauptfaden = threading.current_thread() is threading.main_thread()
    alt = signal.signal(signal.SIGTERM, signal.SIG_DFL) if hauptfaden else None
    try:  # no window in which a forked worker runs the parent's SIGTERM handler
        return ctx.Pool(prozesse, initializer=_arbeiter_start, initargs=(None if geerbt else kontext,))
    finally:
        if hauptfaden:
            signal.signal(signal.SIGTERM, alt if alt is not None else signal.SIG_DFL)


def geordnet(
    funktion: Callable[[T], R], bloecke: Iterable[T], *, prozesse: int, kontext: dict[str, Any]
) -> Iterator[R]:
    """``funktion`` over ``bloecke`` in ``prozesse`` worker processes; results in input order.

    ``kontext`` is available to ``funktion`` as ``_KONTEXT`` in every worker (inherited where the
    platform forks, otherwise pickled).
    """
    pool = _pool(_kontext(), prozesse, kontext)
    try:
        offen: deque[Any] = deque()
        it = iter(bloecke)
        for block in islice(it, 2 * prozesse):
            offen.append(pool.apply_async(funktion, (block,)))
        while offen:
            ergebnis = offen.popleft().get()
            for block in islice(it, 1):
                offen.append(pool.apply_async(funktion, (block,)))
            yield ergebnis
    finally:
        pool.terminate()
        pool.join()
        _KONTEXT.clear()


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


def posten_block(block: tuple[int, list[Any]]) -> list[Any]:
    """One block of :func:`wohngeld.formats.stapel.calculate_many` in a worker."""
    from .stapel import _posten

    start, items = block
    k = _KONTEXT
    return [
        _posten(start + i, item, on=k["on"], rechtsstand=k["rechtsstand"], rechenweg=k["rechenweg"])
        for i, item in enumerate(items)
    ]


def _zeilen_block(auftrag: list[tuple[int, Any]]) -> list[tuple[int, Any]]:
    """Rows of :func:`wohngeld.formats.stapel.stapel_datei` computed in a worker (index, result)."""
    from functools import partial

    from .stapel import _aus_zeile, objekt_zu_eingabe, zeile_zu_eingabe

    k = _KONTEXT
    umwandeln = partial(
        zeile_zu_eingabe if k["format"] == "csv" else objekt_zu_eingabe, dezimalkomma=k["dezimalkomma"]
    )
    return [(i, _aus_zeile(i, r, umwandeln, on=k["on"], rechtsstand=k["rechtsstand"])) for i, r in auftrag]


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
    for fertig in geordnet(_zeilen_block, bloecke_(), prozesse=prozesse, kontext=kontext):
        ergebnisse.update(fertig)
        for _, r in wartend.popleft():
            yield r
