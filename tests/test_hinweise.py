"""Notices on facts the rules cannot decide from the input (never a change of the amount)."""

from __future__ import annotations

from datetime import date
from typing import Any

from wohngeld import Haushalt, calculate

ON = date(2025, 7, 1)


def _haushalt(*mitglieder: dict[str, Any]) -> Haushalt:
    return Haushalt.model_validate(
        {"mietenstufe": 6, "miete_monat": "700.00", "mitglieder": list(mitglieder)}
    )


MUTTER = {"einnahmen": [{"art": "Erwerbseinkommen", "brutto_monat": "1530.00"}]}


def test_one_adult_with_children_without_the_flag_is_told() -> None:
    """§ 17 Nr. 3 WoGG: the Freibetrag needs alleinerziehend = true; without it Y is 1 427.50
    (1 530 − 102.50, no § 16 criterion) and the result says why no 110 € were deducted."""
    r = calculate(_haushalt(MUTTER, {"kind": True}), on=ON)
    assert r.Y_berechnet == 1427.5
    assert any("§ 17 Nr. 3 WoGG" in w for w in r.warnungen)
    mit = calculate(_haushalt({**MUTTER, "alleinerziehend": True}, {"kind": True}), on=ON)
    assert mit.Y_berechnet == 1317.5  # 1 427.50 − 110
    assert not any("§ 17 Nr. 3 WoGG" in w for w in mit.warnungen)


def test_no_notice_for_two_adults_or_adult_children() -> None:
    assert not any(
        "§ 17 Nr. 3" in w for w in calculate(_haushalt(MUTTER, {}, {"kind": True}), on=ON).warnungen
    )
    erwachsen = {"kind": True, "geburtsdatum": "2000-01-01"}
    assert not any("§ 17 Nr. 3" in w for w in calculate(_haushalt(MUTTER, erwachsen), on=ON).warnungen)
