"""The Result: immutable, brochure-style text and JSON with stable field names."""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal

import pytest

from wohngeld import Haushalt, Miete, calculate
from wohngeld.result import SCHEMA_VERSION

DRESDEN_1 = Haushalt(
    mietenstufe=3,
    wohnkosten=Miete(miete_monat="420.00"),
    anzahl_mitglieder=1,
    gesamteinkommen_monat="1162.35",
)
ON = date(2023, 7, 1)


def test_result_is_frozen() -> None:
    r = calculate(DRESDEN_1, on=ON)
    with pytest.raises(AttributeError):
        r.betrag_monat = Decimal(1)  # type: ignore[misc]


def test_text_reads_like_the_brochure() -> None:
    """Dresden 2023, Beispiel 1: Bruttokaltmiete 420,00 + 110,40 = 530,40; Y 1.162,35; 131 €."""
    text = calculate(DRESDEN_1, on=ON).explain()
    for line in (
        "Miete (Bruttokaltmiete)",
        "420,00 €",
        "Gesamtbetrag zur Entlastung bei den Heizkosten",
        "110,40 €",
        "530,40 €",
        "1.162,35 €",
        "§ 12 Abs. 6 WoGG",
        "§ 19 Abs. 1 WoGG",
        "Anlage 3 Nr. 3 WoGG",
        "Wohngeld monatlich: 131",
    ):
        assert line in text


def test_every_step_cites_the_law() -> None:
    for step in calculate(DRESDEN_1, on=ON).schritte:
        assert "§" in step.zitat or "Anlage" in step.zitat or "BGBl." in step.zitat, step


def test_json_has_stable_fields_and_exact_decimals() -> None:
    data = json.loads(calculate(DRESDEN_1, on=ON).to_json())
    assert data["schema_version"] == SCHEMA_VERSION == "1"
    assert data["betrag_monat"] == "131"
    assert data["M_berechnet"] == "530.40"
    assert data["Y_berechnet"] == "1162.35"
    assert data["fassung"] == "2023-01-01"
    assert data["stichtag"] == "2023-07-01"
    assert {"key", "label", "wert", "einheit", "zitat", "eingaben"} <= set(data["rechenweg"][0])
    assert "M" in {s["key"] for s in data["rechenweg"]}


def test_no_claim_is_a_result_with_reason() -> None:
    """2025, 1 person, Stufe I, rent 300, Y 1374: § 19 gives 9 € < 10 € (§ 21 Nr. 1)."""
    h = Haushalt(
        mietenstufe=1, wohnkosten=Miete(miete_monat="300"), anzahl_mitglieder=1, gesamteinkommen_monat="1374"
    )
    r = calculate(h, on=date(2025, 7, 1))
    assert r.betrag_monat == 0 and not r.anspruch
    assert r.grund_zitat == "§ 21 Nr. 1 WoGG"
    assert "9" in (r.grund or "")
    assert "Kein Wohngeld" in r.explain()
