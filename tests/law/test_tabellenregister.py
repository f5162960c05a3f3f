"""One registry of parameter tables: every table folder is declared once and found from there.

Scenarios, the data checks and the list of applied tables iterate :func:`wohngeld.law.tabelle.tabellen`;
a table is never found by which modules happen to be imported.
"""

from __future__ import annotations

import importlib
import pkgutil
import subprocess
import sys
import textwrap
from pathlib import Path

import wohngeld
from wohngeld.law.tabelle import Table, tabellen

DATA = Path(__file__).resolve().parents[2] / "data" / "parameters"


def test_register_ist_jeder_datenordner() -> None:
    """Every folder under data/parameters has exactly one table class, and no class lacks a folder."""
    ordner = {p.name for p in DATA.iterdir() if p.is_dir()}
    assert set(tabellen()) == ordner


def test_register_kennt_jede_tabellenklasse() -> None:
    """Every Table subclass defined anywhere in the package is in the registry (none is forgotten)."""
    for info in pkgutil.walk_packages(wohngeld.__path__, "wohngeld."):
        if ".server" in info.name or ".spalten" in info.name or info.name.endswith("__main__"):
            continue
        importlib.import_module(info.name)
    definiert: dict[str, type[Table]] = {}
    stack: list[type[Table]] = [Table]
    while stack:
        cls = stack.pop()
        stack.extend(cls.__subclasses__())
        folder = cls.__dict__.get("folder")
        if isinstance(folder, str) and cls.__module__.startswith("wohngeld."):
            definiert[folder] = cls
    assert definiert == tabellen()


def test_szenario_aenderung_in_frischem_interpreter(tmp_path: Path) -> None:
    """A scenario that changes the § 27 thresholds works with nothing else imported (issue 12).

    The scenario raises § 27 Abs. 1 Satz 1 Nr. 2 WoGG from "mehr als 15 Prozent" (Fassung of
    1.1.2023, table ``aenderung``) to 20 %; before the registry it was refused as an unknown table
    until ``wohngeld.procedure.aenderung`` happened to be imported.
    """
    datei = tmp_path / "s.toml"
    datei.write_text(
        'name = "Schwelle 20 %"\nab = 2025-01-01\n[setzen]\n"aenderung.erhoehung_miete_prozent" = "20"\n',
        encoding="utf-8",
    )
    code = textwrap.dedent(
        f"""
        import sys
        from datetime import date
        from wohngeld import lade_szenario
        s = lade_szenario({str(datei)!r})
        from wohngeld.procedure.aenderung import AenderungSchwellen
        print(s.rechtsstand(date(2025, 7, 1)).table(AenderungSchwellen).erhoehung_miete_prozent)
        """
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "20"


def test_every_table_has_a_german_title_in_the_rechenweg() -> None:
    """The Rechenweg names each applied table by a German title, not by its data folder."""
    from datetime import date

    from wohngeld import Haushalt, calculate
    from wohngeld.law.tabelle import TITEL, tabellen

    assert set(TITEL) == set(tabellen())
    h = Haushalt.model_validate(
        {
            "mietenstufe": 3,
            "miete_monat": "420.00",
            "anzahl_mitglieder": 1,
            "gesamteinkommen_monat": "1162.35",
        }
    )
    r = calculate(h, on=date(2023, 7, 1), rechenweg=True)
    zeilen = [s.label for s in r.schritte if s.key == "tabelle"]
    assert "  Tabelle Koeffizienten a, b, c, Fassung ab" in zeilen
    assert not any("_" in z for z in zeilen)
