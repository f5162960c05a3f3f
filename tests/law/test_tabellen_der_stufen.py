"""Each table is declared next to its stage; ``law/tabelle.py`` keeps the base and the registry,
``law/rechtsstand.py`` the bundle of the tables in force, the store and ``resolve`` (issue 12).

The former names of ``wohngeld.law.tabelle`` are the same objects as in their new modules, and every
module of the law imports first, in any order, without a cycle.
"""

from __future__ import annotations

import ast
import pkgutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

import wohngeld.law
from wohngeld.law import tabelle
from wohngeld.law.tabelle import _REGISTER, tabellen

LAW = Path(wohngeld.law.__file__).parent

KERN = {
    "hoechstbetraege": "law.rent.tabellen",
    "heizkosten": "law.rent.tabellen",
    "klimakomponente": "law.rent.tabellen",
    "koeffizienten": "law.formula.tabellen",
    "mindestwerte": "law.formula.tabellen",
    "mehrbetrag_ueber_zwoelf": "law.formula.tabellen",
    "bagatellgrenze": "law.limits.tabellen",
}


def test_kerntabellen_bei_ihrer_stufe_registriert() -> None:
    """The seven core tables are registered with the tables module of their stage, once each."""
    assert {folder: _REGISTER[folder][0] for folder in KERN} == KERN
    for folder, modul in KERN.items():
        assert tabellen()[folder].__module__ == f"wohngeld.{modul}"
    assert not any(modul == "law.tabelle" for modul, _ in _REGISTER.values())


@pytest.mark.parametrize("name", sorted(tabelle._VERSCHOBEN))
def test_alter_name_ist_dasselbe_objekt(name: str) -> None:
    """``wohngeld.law.tabelle.<Name>`` is the object of its new module (the same class, not a copy)."""
    import importlib

    neu = importlib.import_module(f"wohngeld.{tabelle._VERSCHOBEN[name]}")
    assert getattr(tabelle, name) is getattr(neu, name)


def test_unbekannter_name_ist_attributeerror() -> None:
    with pytest.raises(AttributeError, match="Gibtsnicht"):
        _ = tabelle.Gibtsnicht


def _law_imports(path: Path) -> set[str]:
    """The modules of ``wohngeld.law`` that a module imports at run time (not under TYPE_CHECKING)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    paket = ".".join(path.relative_to(LAW.parent).with_suffix("").parts[:-1])
    found: set[str] = set()
    for node in tree.body:
        if isinstance(node, ast.ImportFrom) and node.level:
            basis = paket.split(".")[: len(paket.split(".")) - node.level + 1]
            found.add(".".join([*basis, *([node.module] if node.module else [])]))
    return {m for m in found if m.startswith("law")}


@pytest.mark.parametrize("modul", sorted({m for m, _ in _REGISTER.values()}))
def test_tabellenmodul_importiert_vom_recht_nur_die_tabellenbasis(modul: str) -> None:
    """A stage's tables module needs only the base of law/tabelle.py (and tables of another stage),
    so that law/rechtsstand.py can import the core tables without a cycle."""
    path = LAW.parent / Path(*modul.split(".")).with_suffix(".py")
    erlaubt = {"law.tabelle", *(m for m, _ in _REGISTER.values())}
    assert _law_imports(path) <= erlaubt


def test_jedes_modul_des_rechts_importiert_als_erstes() -> None:
    """Each module of wohngeld.law imported first into a fresh module table, then a Rechtsstand built
    and the registry read: no import cycle, whichever stage a caller imports first."""
    module = sorted(i.name for i in pkgutil.walk_packages(wohngeld.law.__path__, "wohngeld.law."))
    code = textwrap.dedent(
        f"""
        import importlib, sys
        from datetime import date
        for name in {module!r}:
            for alt in [m for m in sys.modules if m == "wohngeld" or m.startswith("wohngeld.")]:
                del sys.modules[alt]
            importlib.import_module(name)
            from wohngeld.law.rechtsstand import rechtsstand
            from wohngeld.law.tabelle import tabellen
            assert rechtsstand(date(2025, 7, 1)).bagatellgrenze.betrag > 0, name
            assert len(tabellen()) == {len(_REGISTER)}, name
        print(len({module!r}))
        """
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == str(len(module))
