"""Named rule sets: a store over its own tables on top of the law in force."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from wohngeld import Haushalt, InputError, Miete, calculate
from wohngeld.law.tabelle import ParameterStore, default_store

H = Haushalt(
    mietenstufe=3,
    wohnkosten=Miete(miete_monat="420.00"),
    anzahl_mitglieder=1,
    gesamteinkommen_monat="1162.35",
)


def _overlay(tmp_path: Path) -> ParameterStore:
    folder = tmp_path / "bagatellgrenze"
    folder.mkdir()
    (folder / "2024-01-01.toml").write_text(
        """tabelle = "bagatellgrenze"
valid_from = 2024-01-01
rule = "§ 21 Nr. 1 WoGG (test rule set)"
source = "test, not law; BGBl. none"
unverified = "a rule set made up for this test"
betrag = 200
""",
        encoding="utf-8",
    )
    return ParameterStore(
        tmp_path, base=default_store(), name="Test", status="Entwurf", hinweis="Testregelwerk"
    )


def test_overlay_changes_only_its_table_and_only_from_its_date(tmp_path: Path) -> None:
    store = _overlay(tmp_path)
    before = calculate(H, on=date(2023, 7, 1), rechtsstand=store)
    after = calculate(H, on=date(2024, 7, 1), rechtsstand=store)
    law = calculate(H, on=date(2024, 7, 1))
    assert before.betrag_monat == 131  # Dresden 2023 Beispiel 1: the base table applies
    assert law.betrag_monat > 0 and after.betrag_monat == 0  # 200 € Bagatellgrenze of the test set
    assert after.rechtsstand == "Test" and "Testregelwerk" in after.warnungen
    assert any(s.key == "rechtsstand" for s in after.schritte)
    assert law.rechtsstand == "geltendes Recht"


def test_unknown_rule_set_name() -> None:
    with pytest.raises(
        InputError, match=r"rechtsstand: 'Entwurf 2099' angegeben; bekannte Regelwerke: 'geltendes Recht'"
    ):
        calculate(H, on=date(2025, 7, 1), rechtsstand="Entwurf 2099")
