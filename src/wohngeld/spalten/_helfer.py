"""Warm helper processes for the columnar path: its parts on more than one core.

No rule lives here: a helper runs :func:`wohngeld.spalten.berechne` on the tables of a part, as a
thread would. Threads gain little here (numpy hands the GIL back and forth at every operation), and
a process forked for each call must fault in fresh memory for its temporaries, which costs more than
it gains. A helper is forked once, on first use, and kept until the process ends: its memory is
warm from the second call on (and glibc keeps its freed memory there, never in the caller's process).
The tables of a part travel as Arrow IPC through a shared memory file (``memfd``) that is written once
and read in place; the result comes back the same way. A helper has two files each way, so it can
have its next part while it computes one; the calling process computes parts too.

Only where the platform has ``fork`` and ``os.memfd_create`` (Linux), the calling process may start
children (not a daemonic process, such as a Dask worker), the Rechtsstand is a name (a
``ParameterStore`` of a scenario is not sent), and no other thread of the process uses the helpers
at that moment; otherwise :func:`rechnen` returns ``None`` and the caller uses threads.
"""

from __future__ import annotations

import mmap
import multiprocessing
import os
import threading
from collections import deque
from collections.abc import Callable
from datetime import date
from typing import Any, NamedTuple

import pyarrow as pa

__all__ = ["rechnen"]

_SPERRE = threading.Lock()
_HELFER: list[_Helfer] = []
_PID = [0]
"""The process the helpers in :data:`_HELFER` belong to (a forked child starts its own)."""


class _Speicher:
    """A shared memory file and this process's mapping of it; it grows as needed, never shrinks."""

    def __init__(self, fd: int | None = None) -> None:
        self.fd = os.memfd_create("wohngeld-teil") if fd is None else fd
        self.groesse = 0
        self.karte: mmap.mmap | None = None

    def abbilden(self, groesse: int) -> mmap.mmap:
        """The mapping, at least ``groesse`` bytes (the file grows if this process asks for more)."""
        if self.karte is None or self.groesse < groesse:
            if os.fstat(self.fd).st_size < groesse:
                os.ftruncate(self.fd, groesse)
            self.groesse = groesse
            self.karte = mmap.mmap(self.fd, groesse)  # an older mapping ends with its last reader
        return self.karte

    def platz(self, n: int) -> mmap.mmap:
        """A mapping for writing ``n`` bytes: the file grows at least twofold (few remappings)."""
        return self.abbilden(n if n <= self.groesse else max(n, 2 * self.groesse, 1 << 20))

    def schreiben(self, tabellen: list[pa.Table]) -> tuple[int, int]:
        """``tabellen`` as consecutive IPC streams; (bytes written, size of the file)."""
        zaehler = pa.MockOutputStream()
        _ipc(zaehler, tabellen)
        n = zaehler.size()
        karte = self.platz(n)
        puffer = pa.py_buffer(karte)
        ziel = pa.FixedSizeBufferWriter(puffer)
        _ipc(ziel, tabellen)
        ziel.close()
        del ziel, puffer
        return n, self.groesse

    def lesen(self, n: int, groesse: int, anzahl: int, kopieren: bool) -> list[pa.Table]:
        """``anzahl`` tables from the first ``n`` bytes; with ``kopieren`` independent of the file."""
        karte = self.abbilden(groesse)
        quelle = pa.py_buffer(karte[:n]) if kopieren else pa.py_buffer(karte)
        leser = pa.BufferReader(quelle)
        return [pa.ipc.open_stream(leser).read_all() for _ in range(anzahl)]


class _Teil(NamedTuple):
    """What :func:`rechnen` does with part ``i``: its three tables for a helper (``eingabe``), the
    whole part here (``lokal``), and a helper's result made that of the whole input (``zurueck``)."""

    eingabe: Callable[[int], tuple[Any, Any, Any]]
    lokal: Callable[[int], tuple[pa.Table, pa.Table]]
    zurueck: Callable[[int, pa.Table, pa.Table], tuple[pa.Table, pa.Table]]


def _ipc(ziel: Any, tabellen: list[pa.Table]) -> None:
    for t in tabellen:
        with pa.ipc.new_stream(ziel, t.schema) as w:
            w.write_table(t)


class _Helfer:
    """One helper process, its pipe and its two shared memory files (the part in, the result out)."""

    def __init__(self, ctx: multiprocessing.context.BaseContext, andere: list[_Helfer]) -> None:
        # two files each way: the next part is written while the helper computes one (it never
        # waits for this process), and a result stays readable while the next one is written
        self.ein = (_Speicher(), _Speicher())
        self.aus = (_Speicher(), _Speicher())
        self.verbindung, kind = ctx.Pipe()
        # the helper closes the parent's ends it inherits (its own and the other helpers'): EOF when
        # the parent ends
        schliessen = [self.verbindung, *(h.verbindung for h in andere)]
        self.prozess: Any = ctx.Process(  # type: ignore[attr-defined]
            target=_dienen, args=(kind, [s.fd for s in self.ein], [s.fd for s in self.aus], schliessen),
            daemon=True,
            name="wohngeld-helfer",
        )
        self.prozess.start()
        kind.close()
        self.teile: deque[int] = deque()  # the parts it has, in the order sent
        self.gesendet = 0

    def senden(
        self, teil: int, tabellen: tuple[Any, Any, Any], on: date | None, rechtsstand: str | None
    ) -> None:
        """Part ``teil`` to the helper (its tables into the shared file, the rest through the pipe)."""
        vorhanden = [t is not None for t in tabellen]
        welche = self.gesendet % 2
        n, groesse = self.ein[welche].schreiben([t for t in tabellen if t is not None])
        try:
            self.verbindung.send((welche, n, groesse, vorhanden, on, rechtsstand))
        except OSError:  # the helper ended: nobody reads its pipe
            raise _beendet(self.prozess) from None
        self.gesendet += 1
        self.teile.append(teil)

    def fertig(self) -> bool:
        """Whether its result is there."""
        return bool(self.verbindung.poll())

    def empfangen(self) -> tuple[pa.Table, pa.Table]:
        """The result of its oldest part (waits for it); a helper that ended is an error."""
        from multiprocessing.connection import wait

        while not self.verbindung.poll():
            wait([self.verbindung, self.prozess.sentinel])
            if not self.prozess.is_alive() and not self.verbindung.poll():
                raise _beendet(self.prozess)
        try:
            ok, wert = self.verbindung.recv()
        except (EOFError, OSError):
            raise _beendet(self.prozess) from None
        self.teile.popleft()
        if not ok:
            raise wert
        welche, n, groesse = wert
        ergebnis, fehler = self.aus[welche].lesen(n, groesse, anzahl=2, kopieren=True)
        return ergebnis, fehler


def _beendet(prozess: Any) -> RuntimeError:
    from ..formats.prozesse import unerwartet_beendet

    return unerwartet_beendet(prozess, "Ein Hilfsprozess der Spaltenrechnung")


def _dienen(verbindung: Any, fd_ein: list[int], fd_aus: list[int], schliessen: list[Any]) -> None:
    """A helper: parts in, results out, until the pipe ends."""
    from ..formats.prozesse import _arbeiter_start
    from ._rechnen import berechne

    for c in schliessen:
        c.close()
    _arbeiter_start(None)
    _speicher_behalten()
    ein, aus = [_Speicher(fd) for fd in fd_ein], [_Speicher(fd) for fd in fd_aus]
    while True:
        try:
            welche, n, groesse, vorhanden, on, rechtsstand = verbindung.recv()
        except (EOFError, OSError):
            return
        try:
            tabellen = iter(ein[welche].lesen(n, groesse, anzahl=sum(vorhanden), kopieren=False))
            h, m, e = (next(tabellen) if da else None for da in vorhanden)
            r = berechne(h, m, e, on=on, rechtsstand=rechtsstand)
            antwort: tuple[bool, Any] = (True, (welche, *aus[welche].schreiben([r.ergebnis, r.fehler])))
            del tabellen, h, m, e, r
        except Exception as exc:
            antwort = (False, exc)
        try:
            verbindung.send(antwort)
        except Exception as exc:  # an exception that cannot be pickled
            verbindung.send((False, RuntimeError(f"Fehler im Hilfsprozess: {exc!r}")))


def _speicher_behalten() -> None:
    """In a helper (never in the caller's process): glibc keeps freed memory instead of returning it
    to the system, so the next part finds its temporaries' pages already there (no page faults;
    measured for 100 000 households in one process: 115 → 75 ms). The helper keeps its peak memory."""
    try:
        import ctypes

        libc = ctypes.CDLL("libc.so.6")
        libc.mallopt(-1, 1 << 30)  # M_TRIM_THRESHOLD: 1 GiB
        libc.mallopt(-3, 32 << 20)  # M_MMAP_THRESHOLD: 32 MiB (the largest glibc accepts)
    except (OSError, AttributeError):  # pragma: no cover - not glibc
        pass


def _helfer(anzahl: int) -> list[_Helfer]:
    """``anzahl`` helpers of this process (started as needed; the parent's helpers are not ours)."""
    if _PID[0] != os.getpid():
        _HELFER.clear()
        _PID[0] = os.getpid()
    _HELFER[:] = [h for h in _HELFER if h.prozess.is_alive()]
    if len(_HELFER) < anzahl:
        from ..formats.prozesse import eingefroren

        ctx = multiprocessing.get_context("fork")
        with eingefroren(True):  # a collection in a helper then does not copy the inherited heap
            while len(_HELFER) < anzahl:
                _HELFER.append(_Helfer(ctx, _HELFER))
    return _HELFER[:anzahl]


def verfuegbar(rechtsstand: object) -> bool:
    """Whether helpers can be used here (see the module)."""
    return (
        hasattr(os, "memfd_create")
        and "fork" in multiprocessing.get_all_start_methods()
        and not multiprocessing.current_process().daemon
        and (rechtsstand is None or isinstance(rechtsstand, str))
    )


def rechnen(
    anzahl_teile: int,
    teil: _Teil,
    *,
    helfer: int,
    on: date | None,
    rechtsstand: str | None,
) -> list[tuple[pa.Table, pa.Table]] | None:
    """The results of parts 0 … ``anzahl_teile`` − 1 in order, computed here and in ``helfer``
    helpers (see :class:`_Teil`); ``None`` where helpers cannot be used."""
    if not verfuegbar(rechtsstand) or not _SPERRE.acquire(blocking=False):
        return None
    try:
        try:
            alle = _helfer(helfer)
        except (AssertionError, OSError):  # no children allowed here, or no shared memory
            return None
        return _verteilen(anzahl_teile, teil, alle, on, rechtsstand)
    finally:
        _SPERRE.release()


def _aufgeben() -> None:
    """End every helper of this process (a part still in one is not wanted any more); the next call
    starts new ones."""
    for h in _HELFER:
        if h.prozess.is_alive():
            h.prozess.terminate()
        h.prozess.join(5)
    _HELFER.clear()


def _im_flug(rest: int, alle: list[_Helfer]) -> int:
    return 2 if rest > len(alle) + 1 else 1


def _verteilen(
    anzahl_teile: int,
    teil_: _Teil,
    alle: list[_Helfer],
    on: date | None,
    rechtsstand: str | None,
) -> list[tuple[pa.Table, pa.Table]]:
    """Each idle helper takes the next part; meanwhile this process computes the one after."""
    ergebnisse: list[tuple[pa.Table, pa.Table] | None] = [None] * anzahl_teile
    naechster = 0
    try:
        while naechster < anzahl_teile or any(h.teile for h in alle):
            for h in alle:
                while h.teile and h.fertig():
                    fertig = h.teile[0]
                    ergebnisse[fertig] = teil_.zurueck(fertig, *h.empfangen())
                # two parts in a helper while enough remain, so it never waits for this process; one
                # at the end, so it does not take the parts this process would compute meanwhile
                while naechster < anzahl_teile and len(h.teile) < _im_flug(anzahl_teile - naechster, alle):
                    h.senden(naechster, teil_.eingabe(naechster), on, rechtsstand)
                    naechster += 1
            if naechster < anzahl_teile:
                ergebnisse[naechster] = teil_.lokal(naechster)
                naechster += 1
            elif (wartend := next((h for h in alle if h.teile), None)) is not None:
                offen = wartend.teile[0]
                ergebnisse[offen] = teil_.zurueck(offen, *wartend.empfangen())
    except BaseException:
        _aufgeben()
        raise
    return [e for e in ergebnisse if e is not None]
