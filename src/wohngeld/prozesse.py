"""Worker processes for batches: the same calculation on every core, results in input order.

No rule lives here. Blocks of items go to a pool of worker processes (``multiprocessing``; on
Linux by ``fork``, so the workers share the loaded parameter tables and a scenario store); at
most two blocks per worker are in flight, so memory stays bounded for any length of input, and the
results come back in input order.
"""

from __future__ import annotations

import csv
import io
import multiprocessing
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from datetime import date
from itertools import islice
from typing import IO, Any, Literal, TypeVar

__all__ = ["geordnet", "pruefe_prozesse", "stapel_datei_parallel"]

T = TypeVar("T")
R = TypeVar("R")

_KONTEXT: dict[str, Any] = {}
"""What the workers need besides their block (set before the pool starts; inherited by fork)."""


def pruefe_prozesse(prozesse: object) -> int:
    """The number of worker processes: a whole number ≥ 1 (0: one per core)."""
    from .errors import InputError

    if isinstance(prozesse, bool) or not isinstance(prozesse, int) or prozesse < 0:
        raise InputError(f"prozesse: {prozesse!r} given; allowed a whole number ≥ 1 (0: one per core)")
    return prozesse or (os.cpu_count() or 1)


def _kontext() -> multiprocessing.context.BaseContext:
    methoden = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("fork" if "fork" in methoden else "spawn")


def _init(kontext: dict[str, Any]) -> None:
    _KONTEXT.clear()
    _KONTEXT.update(kontext)


def geordnet(
    funktion: Callable[[T], R], bloecke: Iterable[T], *, prozesse: int, kontext: dict[str, Any]
) -> Iterator[R]:
    """``funktion`` over ``bloecke`` in ``prozesse`` worker processes; results in input order.

    ``kontext`` is available to ``funktion`` as ``_KONTEXT`` in every worker (inherited where the
    platform forks, otherwise pickled).
    """
    ctx = _kontext()
    if ctx.get_start_method() == "fork":
        _init(kontext)
        pool = ctx.Pool(prozesse)
    else:  # pragma: no cover - platforms without fork
        pool = ctx.Pool(prozesse, initializer=_init, initargs=(kontext,))
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
    """One block of :func:`wohngeld.batch.calculate_many` in a worker."""
    from .batch import _posten

    start, items = block
    k = _KONTEXT
    return [
        _posten(start + i, item, on=k["on"], rechtsstand=k["rechtsstand"], rechenweg=k["rechenweg"])
        for i, item in enumerate(items)
    ]


def _stapel_block(block: tuple[str, str]) -> tuple[str, Any]:
    from .batch import stapel_datei

    text, fmt = block
    aus = io.StringIO()
    k = _KONTEXT
    bilanz = stapel_datei(
        io.StringIO(text),
        aus,
        format="csv" if fmt == "csv" else "jsonl",
        on=k["on"],
        rechtsstand=k["rechtsstand"],
    )
    return aus.getvalue(), bilanz


def stapel_datei_parallel(
    ein: IO[str],
    aus: IO[str],
    *,
    format: Literal["csv", "jsonl"],
    on: date | None,
    rechtsstand: Any = None,
    prozesse: int,
    huelle: Callable[[Iterator[Any]], Iterator[Any]] | None = None,
    zeilen_je_block: int = 2000,
) -> Any:
    """:func:`wohngeld.batch.stapel_datei` in ``prozesse`` worker processes, blocks of rows.

    The same output, row for row and in order: every block is computed by ``stapel_datei`` itself.
    JSON Lines blocks keep their line numbers (for the messages on lines that are no JSON object).
    """
    from .batch import Bilanz, lese_csv

    def texte() -> Iterator[tuple[str, str]]:
        if format == "csv":
            _, trenn, _ = lese_csv(io.StringIO(kopf_zeile))
            kopf = kopf_zeile if kopf_zeile.endswith("\n") else kopf_zeile + "\n"
            rows: Iterator[Any] = csv.reader(ein, delimiter=trenn)
            if huelle is not None:
                rows = huelle(rows)
            while True:
                block = list(islice(rows, zeilen_je_block))
                if not block:
                    return
                buf = io.StringIO()
                csv.writer(buf, delimiter=trenn, lineterminator="\n").writerows(block)
                yield kopf + buf.getvalue(), "csv"
        else:
            zeilen: Iterator[str] = iter(ein)
            if huelle is not None:
                zeilen = huelle(zeilen)
            nummer = 0
            while True:
                teil = list(islice(zeilen, zeilen_je_block))
                if not teil:
                    return
                # blank lines in front keep the line numbers of lese_jsonl's messages
                yield "\n" * nummer + "".join(teil), "jsonl"
                nummer += len(teil)

    kopf_zeile = ein.readline() if format == "csv" else ""
    if format == "csv" and not kopf_zeile.strip():
        from .errors import InputError

        raise InputError("CSV: the first line must name the columns (e.g. mietenstufe,miete_monat,…)")
    zeilen = berechnet = fehler = 0
    ohne: dict[str, None] = {}
    erster = True
    for text, bilanz in geordnet(
        _stapel_block, texte(), prozesse=prozesse, kontext={"on": on, "rechtsstand": rechtsstand}
    ):
        if format == "csv" and not erster:
            text = text.split("\n", 1)[1] if "\n" in text else ""
        aus.write(text)
        erster = False
        zeilen += bilanz.zeilen
        berechnet += bilanz.berechnet
        fehler += bilanz.fehler
        ohne.update(dict.fromkeys(bilanz.ohne_bedeutung))
    if format == "csv" and erster:
        # no row at all: the header with the result columns, as stapel_datei writes it
        _, bilanz = _stapel_block_direkt(kopf_zeile, aus, on=on, rechtsstand=rechtsstand)
        ohne.update(dict.fromkeys(bilanz.ohne_bedeutung))
    return Bilanz(zeilen, berechnet, fehler, tuple(ohne))


def _stapel_block_direkt(text: str, aus: IO[str], *, on: date | None, rechtsstand: Any) -> tuple[None, Any]:
    from .batch import stapel_datei

    return None, stapel_datei(io.StringIO(text), aus, format="csv", on=on, rechtsstand=rechtsstand)
