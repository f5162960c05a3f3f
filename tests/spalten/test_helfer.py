"""Warm helper processes of the columnar path (``berechne(..., prozesse=N)`` from 10 000 households):
the same rows, errors and row numbers as one process; clear errors; threads where helpers cannot be used."""

from __future__ import annotations

import threading

import pytest

pa = pytest.importorskip("pyarrow")

from wohngeld.spalten import _helfer, berechne  # noqa: E402
from wohngeld.spalten.synthetisch import haushalte  # noqa: E402

pytestmark = pytest.mark.skipif(not _helfer.verfuegbar(None), reason="helpers need fork and memfd (Linux)")


def _mit_fehler(n: int, zeile: int) -> tuple[object, object, object]:
    """Synthetic households (1 % that need the scalar way) with an unknown Mietenstufe in row ``zeile``."""
    H, M, E = haushalte(n, seed=11, anteil_einzeln=0.01)
    stufen = H.column("mietenstufe").to_pylist()
    stufen[zeile] = 9
    return H.set_column(H.column_names.index("mietenstufe"), "mietenstufe", [stufen]), M, E


def test_helpers_compute_the_same_rows_and_errors_as_one_process() -> None:
    """24 000 households in eight parts, the bad row in the last part (computed by a helper or here):
    the same result rows, the error with its row number in the whole input; the helper is kept."""
    H, M, E = _mit_fehler(24_000, 23_500)
    eins = berechne(H, M, E)
    zwei = berechne(H, M, E, prozesse=2)
    assert _helfer._HELFER, "the call used a helper process"
    assert zwei.ergebnis.to_pylist() == eins.ergebnis.to_pylist()
    assert zwei.fehler.to_pylist() == eins.fehler.to_pylist()
    assert [(f["tabelle"], f["zeile"]) for f in eins.fehler.to_pylist()] == [("haushalte", 23_500)]
    prozess = _helfer._HELFER[0].prozess
    assert berechne(H, M, E, prozesse=2).ergebnis.to_pylist() == eins.ergebnis.to_pylist()
    assert _helfer._HELFER[0].prozess is prozess  # warm: the same helper again


def test_a_helper_that_dies_is_a_clear_error_and_the_next_call_starts_a_new_one() -> None:
    import os
    import signal

    H, M, E = haushalte(20_000, seed=12)
    berechne(H, M, E, prozesse=2)
    alt = _helfer._HELFER[0].prozess
    os.kill(alt.pid, signal.SIGKILL)
    alt.join(5)
    with pytest.raises(RuntimeError, match=r"Hilfsprozess der Spaltenrechnung hat sich unerwartet beendet"):
        _helfer._HELFER[0].senden(0, (H.slice(0, 10), None, None), None, None)
        _helfer._HELFER[0].empfangen()
    neu = berechne(H, M, E, prozesse=2)
    assert neu.ergebnis.to_pylist() == berechne(H, M, E).ergebnis.to_pylist()
    assert _helfer._HELFER and _helfer._HELFER[0].prozess is not alt


def test_a_scenario_store_stays_in_threads() -> None:
    """A ``ParameterStore`` (a scenario) is not sent to a helper: threads compute, the same rows."""
    from wohngeld.law.rechtsstand import resolve

    store = resolve(None)
    assert not _helfer.verfuegbar(store)
    H, M, E = haushalte(12_000, seed=13)
    zwei = berechne(H, M, E, rechtsstand=store, prozesse=2)
    assert zwei.ergebnis.to_pylist() == berechne(H, M, E).ergebnis.to_pylist()


def test_two_threads_at_once_one_uses_the_helpers_the_other_threads() -> None:
    H, M, E = haushalte(15_000, seed=14)
    erwartet = berechne(H, M, E).ergebnis.to_pylist()
    aus: list[object] = []

    def lauf() -> None:
        aus.append(berechne(H, M, E, prozesse=2).ergebnis.to_pylist())

    faeden = [threading.Thread(target=lauf) for _ in range(2)]
    for f in faeden:
        f.start()
    for f in faeden:
        f.join()
    assert aus == [erwartet, erwartet]


def test_layouts_without_members_or_einnahmen_travel_too() -> None:
    """The wide shortcut (Y given, households only) and members without an Einnahmen table: a helper
    gets only the tables there are; the same rows as one process. Row 0: Mietenstufe III, 420 €,
    one member, Y 1 162,35 € on 1.7.2023 — 131 € (Dresden 2023, Beispiel 1)."""
    from datetime import date

    n = 12_000
    haushalte_y = {
        "id": list(range(n)),
        "mietenstufe": [3] * n,
        "miete_monat": ["420.00"] * n,
        "anzahl_mitglieder": [1 + i % 5 for i in range(n)],
        "gesamteinkommen_monat": [f"{1162 + i % 900}.35" for i in range(n)],
    }
    eins = berechne(haushalte_y, on=date(2023, 7, 1))
    zwei = berechne(haushalte_y, on=date(2023, 7, 1), prozesse=2)
    assert zwei.ergebnis.to_pylist() == eins.ergebnis.to_pylist()
    assert zwei.ergebnis.column("betrag_monat")[0].as_py() == 131

    mitglieder = {
        "haushalt_id": list(range(n)),
        "kind": [False] * n,
        "altersrente_monat": [f"{900 + i % 700}.00" for i in range(n)],
    }
    h = {k: haushalte_y[k] for k in ("id", "mietenstufe", "miete_monat")}
    eins = berechne(h, mitglieder, on=date(2025, 7, 1))
    zwei = berechne(h, mitglieder, on=date(2025, 7, 1), prozesse=2)
    assert zwei.ergebnis.to_pylist() == eins.ergebnis.to_pylist()
