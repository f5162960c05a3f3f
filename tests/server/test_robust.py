"""No input produces a 500: hypothesis posts random JSON and random variations of a valid household."""

from __future__ import annotations

import json
from typing import Any

from fastapi.testclient import TestClient
from hypothesis import given, settings
from hypothesis import strategies as st

from wohngeld.server import Settings, create_app

from .test_api import DRESDEN_1

_client = TestClient(create_app(Settings()), raise_server_exceptions=False)
ERLAUBT = {200, 404, 413, 422}

skalar = (
    st.none()
    | st.booleans()
    | st.integers(-(10**20), 10**20)
    | st.text(max_size=12)
    | st.sampled_from(
        [
            "420.00",
            "-1",
            "1e999999",
            "1e-999999",
            "NaN",
            "Infinity",
            "2023-07-01",
            "0",
            "Dresden",
            "14612000",
            "",
        ]
    )
)
json_wert = st.recursive(
    skalar,
    lambda kinder: st.lists(kinder, max_size=4) | st.dictionaries(st.text(max_size=8), kinder, max_size=4),
    max_leaves=12,
)
SCHLUESSEL = [
    "stichtag",
    "gemeinde",
    "mietenstufe",
    "miete_monat",
    "belastung_monat",
    "wohnkosten",
    "mitglieder",
    "anzahl_mitglieder",
    "gesamteinkommen_monat",
    "rechtsstand",
    "szenario",
    "rechenweg",
    "vermoegen",
    "merkmale",
    "kindergeld_monat",
    "einnahmen",
    "art",
    "brutto_monat",
    "pauschalabzug",
]


def _variante(basis: dict[str, Any], aenderungen: dict[str, Any], weg: list[str]) -> dict[str, Any]:
    data = {k: v for k, v in basis.items() if k not in weg}
    data.update(aenderungen)
    return data


@settings(max_examples=150)
@given(body=json_wert)
def test_random_json_never_500(body: Any) -> None:
    text = json.dumps(body)
    for pfad in ("/v1/berechnung", "/v1/antrag", "/v1/stapel"):
        r = _client.post(pfad, content=text, headers={"content-type": "application/json"})
        assert r.status_code in ERLAUBT, (pfad, text, r.text)
        if r.status_code == 422:
            assert all({"feld", "wert", "erlaubt", "meldung"} <= set(f) for f in r.json()["fehler"])


@settings(max_examples=150)
@given(
    aenderungen=st.dictionaries(st.sampled_from(SCHLUESSEL), json_wert, max_size=3),
    weg=st.lists(st.sampled_from(list(DRESDEN_1)), max_size=2),
    mitglied=st.dictionaries(st.sampled_from(SCHLUESSEL), json_wert, max_size=3),
)
def test_variations_of_a_household_never_500(
    aenderungen: dict[str, Any], weg: list[str], mitglied: dict[str, Any]
) -> None:
    body = _variante(DRESDEN_1, aenderungen, weg)
    for b in (body, {**DRESDEN_1, "mitglieder": [mitglied]}):
        for pfad in ("/v1/berechnung", "/v1/antrag"):
            r = _client.post(pfad, json=b)
            assert r.status_code in ERLAUBT, (pfad, b, r.text)


@settings(max_examples=100)
@given(
    ort=st.text(max_size=30), stichtag=st.text(max_size=12) | st.dates().map(str), name=st.text(max_size=10)
)
def test_random_queries_never_500(ort: str, stichtag: str, name: str) -> None:
    for pfad, params in (
        ("/v1/mietenstufe", {"ort": ort, "stichtag": stichtag}),
        ("/v1/gemeinden", {"name": name, "stichtag": stichtag}),
        ("/v1/rechtsstand", {"stichtag": stichtag}),
        ("/v1/einkommensgrenzen", {"mitglieder": name, "stichtag": stichtag, "gemeinde": ort}),
    ):
        r = _client.get(pfad, params=params)
        assert r.status_code in ERLAUBT, (pfad, params, r.text)
