"""Module paths that users import from before the package was cut into subpackages keep working.

``wohngeld.model``, ``wohngeld.parameters``, ``wohngeld.batch``, ``wohngeld.dataframe`` and
``wohngeld.mietstufen`` re-export their new modules; ``engine``, ``errors``, ``result`` and ``money``
did not move.
"""

from __future__ import annotations

import importlib
import subprocess
import sys

import pytest

ALT_NEU = {
    "wohngeld.model": "wohngeld.input.haushalt",
    "wohngeld.parameters": "wohngeld.law.tabelle",
    "wohngeld.batch": "wohngeld.formats.stapel",
    "wohngeld.dataframe": "wohngeld.formats.dataframe",
    "wohngeld.mietstufen": "wohngeld.law.mietenstufen.liste",
}


@pytest.mark.parametrize(("alt", "neu"), sorted(ALT_NEU.items()))
def test_alter_pfad_liefert_dieselben_objekte(alt: str, neu: str) -> None:
    a, n = importlib.import_module(alt), importlib.import_module(neu)
    namen = [x for x in vars(n) if not x.startswith("__")]
    assert namen
    for name in namen:
        assert getattr(a, name) is getattr(n, name), name


def test_alte_importe_in_frischem_interpreter() -> None:
    code = (
        "from datetime import date\n"
        "from wohngeld.model import Haushalt, Miete\n"
        "from wohngeld.parameters import rechtsstand, ParameterStore\n"
        "from wohngeld.engine import calculate\n"
        "from wohngeld.errors import InputError\n"
        "from wohngeld.result import Result\n"
        "from wohngeld.money import to_decimal\n"
        "from wohngeld.batch import stapel_pfad, calculate_many\n"
        "from wohngeld.mietstufen import mietenstufe\n"
        "import wohngeld.dataframe\n"
        "h = Haushalt(mietenstufe=3, wohnkosten=Miete(miete_monat='420.00'), anzahl_mitglieder=1,\n"
        "             gesamteinkommen_monat='1162.35')\n"
        "print(calculate(h, on=date(2023, 7, 1)).betrag_monat, rechtsstand(date(2025, 7, 1)).fassung)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert out.returncode == 0, out.stderr
    # 131 €: the doctest of wohngeld/__init__.py (1 member, Mietenstufe III, 420 € Miete, Y = 1 162.35 €)
    assert out.stdout.split() == ["131", "2025-01-01"]
