"""KEIN_RECHENWEG: a calculation without Rechenweg gives the same Result, and the recorder keeps nothing.

The stages record through ``rec.add`` on whatever recorder they get (``wohngeld.rechenweg``); with
``rechenweg=False`` it is the shared ``KEIN_RECHENWEG``. Nothing a stage decides may depend on whether
its steps are kept: every field of the Result but ``schritte`` is the same, on random households
(also Mischhaushalte, § 11 Abs. 3 WoGG, where the rent stage takes its long path) and on every
published case under ``tests/cases`` (rent rules, Lastenberechnung, income from gross Einnahmen).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from wohngeld import Haushalt, calculate
from wohngeld.formats.faelle import lade_fall
from wohngeld.rechenweg import KEIN_RECHENWEG, Rechenweg

from .conftest import case_files
from .strategies import haushalte


def _gleich_ohne_schritte(h: Haushalt, on: date, rechtsstand: str | None = None) -> None:
    mit = calculate(h, on=on, rechtsstand=rechtsstand)
    ohne = calculate(h, on=on, rechtsstand=rechtsstand, rechenweg=False)
    assert mit.schritte and not ohne.schritte
    assert mit._replace(schritte=()) == ohne
    assert KEIN_RECHENWEG.schritte == []


@given(haushalte(), st.integers(0, 3))
def test_gleiches_ergebnis_ohne_rechenweg(case: tuple[Haushalt, date], ausgeschlossen: int) -> None:
    h, on = case
    assert h.anzahl_mitglieder is not None
    aus = min(ausgeschlossen, h.anzahl_mitglieder)
    _gleich_ohne_schritte(h.model_copy(update={"anzahl_ausgeschlossen": aus}), on)


@pytest.mark.parametrize("path", case_files(), ids=lambda p: p.stem)
def test_gleiches_ergebnis_ohne_rechenweg_veroeffentlichte_faelle(path: Path) -> None:
    fall = lade_fall(path)
    rs = fall.extra.get("rechtsstand")
    _gleich_ohne_schritte(fall.haushalt, fall.stichtag, None if rs is None else str(rs))


def test_kein_rechenweg_behaelt_nichts() -> None:
    rec = Rechenweg()
    rec.add("z1", "z1 = a + b · M + c · Y", 1, "", "Anlage 3 Nr. 2 WoGG", M=2)
    KEIN_RECHENWEG.add("z1", "z1 = a + b · M + c · Y", 1, "", "Anlage 3 Nr. 2 WoGG", M=2)
    KEIN_RECHENWEG.einfuegen(0, rec.schritte)
    rec.einfuegen(0, rec.schritte)
    assert KEIN_RECHENWEG.schritte == [] and not KEIN_RECHENWEG.aktiv
    assert [s.key for s in rec.schritte] == ["z1", "z1"] and rec.aktiv
