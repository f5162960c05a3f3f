"""Worker processes: the same outputs, in the same order, as one process (calculate_many, stapel)."""

from __future__ import annotations

import io
import json
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Literal

import pytest
from click.testing import CliRunner

from wohngeld.cli import main
from wohngeld.errors import InputError
from wohngeld.formats.prozesse import geteilt
from wohngeld.formats.stapel import ItemError, calculate_many, stapel_datei

ZEILEN = [
    {
        "mietenstufe": 1 + i % 6,
        "miete_monat": f"{300 + 7 * i % 900}.50",
        "anzahl_mitglieder": 1 + i % 6,
        "gesamteinkommen_monat": f"{700 + 13 * i % 2500}",
        "stichtag": f"{2016 + i % 11}-07-01",
    }
    for i in range(1300)
]
ZEILEN[17] = {"mietenstufe": 9}


def test_calculate_many_in_two_processes_same_outputs_in_order() -> None:
    """1 300 rows (blocks of 500) with a bad row: identical outputs and order with 2 processes.

    Row 0: Mietenstufe I, Miete 300.50 €, one member, Y 700 € on 1.7.2016 — as computed by one process
    (the worker runs the same ``calculate``); the bad row 17 is an ItemError with its index."""
    eins = list(calculate_many(ZEILEN))
    zwei = list(calculate_many(ZEILEN, prozesse=2))
    assert zwei == eins
    assert isinstance(zwei[17], ItemError) and zwei[17].index == 17
    assert sum(isinstance(x, ItemError) for x in zwei) == 1


def test_prozesse_must_be_a_whole_number() -> None:
    with pytest.raises(InputError, match="prozesse"):
        list(calculate_many(ZEILEN[:1], prozesse=-1))


@pytest.mark.parametrize("fmt", ["csv", "jsonl"])
def test_stapel_in_two_processes_writes_the_same_file(fmt: str) -> None:
    """Rows computed ahead in 2 processes (blocks of 250): the output file and the counts are those
    of one process, including a row with too many cells (CSV), blank lines and a line that is no
    JSON (with their line numbers)."""
    if fmt == "csv":
        kopf = "id;mietenstufe;miete_monat;anzahl_mitglieder;gesamteinkommen_monat;stichtag\n"
        text = (
            kopf
            + "".join(
                f"{i};{z.get('mietenstufe', '')};{z.get('miete_monat', '')};{z.get('anzahl_mitglieder', '')};"
                f"{z.get('gesamteinkommen_monat', '')};{z.get('stichtag', '')}\n"
                for i, z in enumerate(ZEILEN[:1300])
            )
            + "x;1;420,50;1;900;2025-07-01\n\n"
        )
    else:
        text = (
            "".join(json.dumps(z) + "\n" for z in ZEILEN[:1300])
            + "\nkein json\n"
            + json.dumps(ZEILEN[0])
            + "\n"
        )
    a, b = io.StringIO(), io.StringIO()
    fmt_: Literal["csv", "jsonl"] = "csv" if fmt == "csv" else "jsonl"
    b1 = stapel_datei(io.StringIO(text), a, format=fmt_, on=date(2025, 7, 1))
    b2 = stapel_datei(io.StringIO(text), b, format=fmt_, on=date(2025, 7, 1), prozesse=2)
    assert b.getvalue() == a.getvalue()
    assert b2 == b1 and b1.fehler == 3


def test_cli_stapel_prozesse(tmp_path: Path) -> None:
    ein = tmp_path / "ein.csv"
    ein.write_text(
        "mietenstufe,miete_monat,anzahl_mitglieder,gesamteinkommen_monat\n3,420.00,1,1162.35\n9,1,1,1\n",
        encoding="utf-8",
    )
    aus = tmp_path / "aus.csv"
    r = CliRunner().invoke(
        main, ["stapel", str(ein), str(aus), "--stichtag", "2023-07-01", "--prozesse", "2"]
    )
    assert r.exit_code == 0, r.output
    zeilen = aus.read_text(encoding="utf-8").splitlines()
    assert zeilen[1].startswith("3,420.00,1,1162.35,131,")
    assert Decimal(zeilen[1].split(",")[4]) == 131


def _sigterm_im_arbeiter(_: int) -> str:
    import signal

    return "SIG_DFL" if signal.getsignal(signal.SIGTERM) is signal.SIG_DFL else "anders"


def test_workers_end_on_sigterm_whatever_the_parent_handles() -> None:
    """``wohngeld stapel`` turns SIGTERM into an orderly stop; its workers must not inherit that
    handler, or the pool's terminate (SIGTERM) leaves a worker running and the run never ends."""
    import signal

    from wohngeld.formats.prozesse import geordnet

    def eigener(signum: int, frame: object) -> None:  # pragma: no cover - never called
        raise SystemExit(143)

    alt = signal.signal(signal.SIGTERM, eigener)
    try:
        antworten = list(geordnet(_sigterm_im_arbeiter, range(6), prozesse=2, kontext={}))
        assert signal.getsignal(signal.SIGTERM) is eigener
    finally:
        signal.signal(signal.SIGTERM, alt)
    assert antworten == ["SIG_DFL"] * 6


def test_stapel_in_two_processes_german_office_dialect() -> None:
    """Decimal commas and semicolons (``dezimalkomma``): the workers write the result columns with a
    decimal comma as one process does. Row 0 is the Dresden example of the other stapel tests:
    Mietenstufe III, Miete 420,00 €, one member, Y 1.162,35 € on 1.7.2023 — 131 € (as computed in
    one process; the workers run the same calculation)."""
    kopf = "id;mietenstufe;miete_monat;anzahl_mitglieder;gesamteinkommen_monat\n"
    text = kopf + "".join(f"{i};3;{420 + i % 400},00;{1 + i % 5};1.{162 + i % 700},35\n" for i in range(2500))
    a, b = io.StringIO(), io.StringIO()
    b1 = stapel_datei(io.StringIO(text), a, format="csv", on=date(2023, 7, 1), dezimalkomma=True)
    b2 = stapel_datei(io.StringIO(text), b, format="csv", on=date(2023, 7, 1), dezimalkomma=True, prozesse=2)
    assert b.getvalue() == a.getvalue() and b2 == b1
    assert b.getvalue().splitlines()[1].startswith("0;3;420,00;1;1.162,35;131;")


def test_berechne_in_threads_with_more_parts_than_threads() -> None:
    """Five parts in two threads (and a household with an unknown Mietenstufe in the fourth part):
    the same rows in the same order and the error with its row number in the whole input."""
    pytest.importorskip("pyarrow")
    from wohngeld.spalten import berechne
    from wohngeld.spalten._teile import _parallel
    from wohngeld.spalten.synthetisch import haushalte

    H, M, E = haushalte(2000, seed=7, anteil_einzeln=0.01)
    stufen = H.column("mietenstufe").to_pylist()
    stufen[1234] = 9
    H = H.set_column(H.column_names.index("mietenstufe"), "mietenstufe", [stufen])
    eins = berechne(H, M, E)
    fuenf = _parallel(H, M, E, on=None, rechtsstand=None, prozesse=2, teile=5)
    assert fuenf.ergebnis.to_pylist() == eins.ergebnis.to_pylist()
    assert fuenf.fehler.to_pylist() == eins.fehler.to_pylist()
    assert [(f["tabelle"], f["zeile"]) for f in eins.fehler.to_pylist()] == [("haushalte", 1234)]


# --- the worker machinery itself (wohngeld.formats.prozesse.geordnet) ---------------------------


def _arbeiter_uebrig() -> list[object]:
    """Worker processes still running (the columnar path's helpers live on by design)."""
    import multiprocessing

    return [p for p in multiprocessing.active_children() if p.name == "wohngeld-arbeiter"]


def _gross(n: int) -> str:
    """A result larger than a pipe holds (1 MiB where Linux enlarges it, 64 KiB otherwise)."""
    return str(n) * 1_500_000


def _stirbt(n: int) -> int:
    import os

    if n == 3:
        os._exit(7)
    return n


def _wirft(n: int) -> int:
    if n == 2:
        raise ValueError("Block 2 ist kaputt")
    return n


def test_large_blocks_and_results_do_not_wait_for_each_other() -> None:
    """Blocks and results of 1.5 MB each (larger than a pipe) with the caller computing too: all
    arrive, in order; neither side can block the other for good (the caller writes blocks without
    blocking and reads results while it waits)."""
    from wohngeld.formats.prozesse import geordnet

    bloecke = [str(i) * 1_500_000 for i in range(6)]
    aus = list(geordnet(len, bloecke, prozesse=3, kontext={}, lokal=len))
    assert aus == [1_500_000] * 6
    assert list(geordnet(_gross, range(1, 5), prozesse=2, kontext={})) == [_gross(i) for i in range(1, 5)]


def _gross_zurueck(block: str) -> str:
    return block[::-1]


def test_where_pipes_cannot_be_written_without_blocking_a_thread_sends(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Windows' pipes hold 8 KiB and cannot be written without blocking: there a sending thread
    writes the blocks. Simulated here with blocks and results of 3 MB (larger than the 1 MiB pipe):
    written by the calling thread they would wait for the worker, which waits to hand over its result.
    """
    import signal

    from wohngeld.formats import prozesse

    monkeypatch.setattr(prozesse, "_OHNE_BLOCKIEREN", False)
    bloecke = [str(i) * 3_000_000 for i in range(6)]

    def abbruch(signum: int, frame: object) -> None:
        raise TimeoutError("die Arbeitsprozesse warten aufeinander")

    alt = signal.signal(signal.SIGALRM, abbruch)
    signal.alarm(60)
    try:
        aus = list(prozesse.geordnet(_gross_zurueck, bloecke, prozesse=2, kontext={}))
        mit_lokal = list(
            prozesse.geordnet(_gross_zurueck, bloecke, prozesse=2, kontext={}, lokal=_gross_zurueck)
        )
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, alt)
    assert aus == mit_lokal == [b[::-1] for b in bloecke]
    assert _arbeiter_uebrig() == []


def test_a_worker_that_dies_ends_the_run_with_a_clear_error() -> None:

    from wohngeld.formats.prozesse import geordnet

    with pytest.raises(RuntimeError, match=r"Arbeitsprozess hat sich unerwartet beendet \(Exitcode 7\)"):
        list(geordnet(_stirbt, range(8), prozesse=2, kontext={}))
    assert _arbeiter_uebrig() == []


def _stirbt_sofort(block: str) -> int:
    import os

    os._exit(5)


def test_a_worker_that_dies_while_blocks_are_being_written_to_it() -> None:
    """Blocks larger than the pipe: the caller is still writing when the worker ends (a broken
    pipe); the same clear error."""

    from wohngeld.formats.prozesse import geordnet

    with pytest.raises(RuntimeError, match=r"unerwartet beendet \(Exitcode 5\)"):
        list(geordnet(_stirbt_sofort, [str(i) * 3_000_000 for i in range(6)], prozesse=2, kontext={}))
    assert _arbeiter_uebrig() == []


def test_an_exception_in_a_worker_is_raised_in_the_caller_and_the_workers_end() -> None:

    from wohngeld.formats.prozesse import geordnet

    with pytest.raises(ValueError, match="Block 2 ist kaputt"):
        list(geordnet(_wirft, range(8), prozesse=2, kontext={}))
    assert _arbeiter_uebrig() == []


def test_stopping_early_ends_the_workers() -> None:
    """A caller that stops reading (``break``, an exception of its own) leaves no worker behind."""
    from collections.abc import Generator
    from typing import cast

    aus = cast(Generator[object, None, None], calculate_many(ZEILEN, prozesse=2))
    erstes = next(aus)
    aus.close()
    assert erstes == next(calculate_many(ZEILEN[:1]))
    assert _arbeiter_uebrig() == []


@pytest.mark.skipif(not geteilt(), reason="workers start by fork only where the platform has it")
def test_while_forked_workers_run_the_callers_heap_is_frozen_and_thawed_after() -> None:
    """During a run the objects that existed before it are frozen for the garbage collector (no
    collection copies the pages the workers share); after it, the freeze count is 0 again."""
    import gc

    assert gc.get_freeze_count() == 0
    aus = calculate_many(ZEILEN, prozesse=2)
    next(aus)
    assert gc.get_freeze_count() > 0
    rest = list(aus)
    assert len(rest) == len(ZEILEN) - 1
    assert gc.get_freeze_count() == 0


@pytest.mark.skipif(not geteilt(), reason="workers start by fork only where the platform has it")
def test_an_applications_own_freeze_is_left_as_it_is() -> None:
    """An application that froze its objects itself (a pre-forking server) keeps them frozen: the run
    neither unfreezes them nor freezes anything more."""
    import gc

    gc.freeze()
    try:
        vorher = gc.get_freeze_count()
        assert vorher > 0
        assert list(calculate_many(ZEILEN, prozesse=2)) == list(calculate_many(ZEILEN))
        assert gc.get_freeze_count() == vorher
    finally:
        gc.unfreeze()


def test_without_fork_the_workers_are_spawned_with_the_same_outputs(monkeypatch: pytest.MonkeyPatch) -> None:
    """Where the platform cannot fork (Windows), workers start by ``spawn``: the items and the
    context travel pickled; the outputs are the same as in one process."""
    from wohngeld.formats import prozesse

    monkeypatch.setattr(prozesse, "geteilt", lambda: False)
    zeilen = ZEILEN[:1200]
    assert list(calculate_many(zeilen, prozesse=2)) == list(calculate_many(zeilen))


def test_results_travel_packed_and_come_back_equal_to_the_digit() -> None:
    """packen/entpacken: every field equal and every Decimal with its exponent (``M_berechnet`` with
    a text other than ``M``'s travels on its own); an ItemError passes unchanged."""
    from wohngeld.formats.prozesse import entpacken, packen
    from wohngeld.result import Result

    r = next(x for x in calculate_many(ZEILEN[:5]) if isinstance(x, Result))
    anders = r._replace(M_berechnet=Decimal("100.0"), Y=Decimal("1162.3500000000"))
    fehler = ItemError(index=3, art="InputError", meldung="x")
    zurueck = entpacken(packen([r, fehler, anders]))
    assert zurueck == [r, fehler, anders]
    assert [str(x.M_berechnet) for x in (zurueck[0], zurueck[2])] == [str(r.M_berechnet), "100.0"]
    assert str(zurueck[2].Y) == "1162.3500000000" and str(zurueck[2].Y_berechnet) == str(r.Y_berechnet)
    assert Result._fields == prozesse_felder()


def prozesse_felder() -> tuple[str, ...]:
    """The order of the fields packen/entpacken rely on."""
    return (
        "betrag_monat", "anspruch", "grund", "grund_zitat", "art", "stichtag", "fassung", "rechtsstand",
        "mietenstufe", "mitglieder", "mitglieder_gesamt", "M", "Y", "M_berechnet", "Y_berechnet", "z",
        "warnungen", "schritte", "tabellen",
    )


def test_calculate_many_with_rechenweg_in_two_processes() -> None:
    """With the Rechenweg the steps travel with each result: the same Results, steps included."""
    eins = list(calculate_many(ZEILEN[:700], rechenweg=True))
    zwei = list(calculate_many(ZEILEN[:700], rechenweg=True, prozesse=2))
    assert zwei == eins
    assert all(r.schritte for r in zwei if not isinstance(r, ItemError))
