"""The Postleitzahl door of the API: ``GET /v1/mietenstufe?plz=…`` and ``plz`` in a Haushalt.

Stages from the Anlage zu § 1 Abs. 3 WoGV in the Fassung from 01.01.2023 (BGBl. I 2022 S. 2166):
Dresden, Stadt III; Kreis Herzogtum Lauenburg II and Kreis Stormarn IV (their Kreis rows, the
Gemeinden Groß Schenkenberg and Klein Wesenberg are not listed separately). PLZ 23860 covers both
Gemeinden (OpenStreetMap PLZ table, January 2023).
"""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

import pytest
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from .test_api import DRESDEN_1

DRESDEN_PLZ: dict[str, Any] = {**{k: v for k, v in DRESDEN_1.items() if k != "gemeinde"}, "plz": "01067"}


def _fehler(r: Any) -> list[dict[str, Any]]:
    assert r.status_code == 422, r.text
    body = r.json()
    assert body["status"] == 422
    return list(body["fehler"])


def test_plz_definite_dresden(client: TestClient) -> None:
    r = client.get("/v1/mietenstufe", params={"plz": "01067", "stichtag": "2023-07-01"})
    assert r.status_code == 200, r.text
    a = r.json()
    assert (a["ergebnis"], a["eindeutig"], a["mietenstufe"], a["mietenstufe_roemisch"]) == (
        "eindeutig",
        True,
        3,
        "III",
    )
    assert a["plz"] == "01067" and a["fassung_ab"] == "2023-01-01" and a["stichtag"] == "2023-07-01"
    (k,) = a["kandidaten"]
    assert (k["ags"], k["name"], k["kreis"], k["mietenstufe"]) == (
        "14612000",
        "Dresden, Stadt",
        "Dresden, Stadt",
        3,
    )
    assert "© OpenStreetMap contributors" in a["quelle"] and "ODbL" in a["quelle"]
    assert "Anlage zu § 1 Abs. 3 WoGV" in a["quelle"]
    assert "Mietenstufe III" in a["text"]


def test_plz_choice_23860_and_ort_narrows(client: TestClient) -> None:
    r = client.get("/v1/mietenstufe", params={"plz": "23860", "stichtag": "2023-07-01"})
    assert r.status_code == 200, r.text
    a = r.json()
    assert (a["ergebnis"], a["eindeutig"], a["mietenstufe"]) == ("mehrdeutig", False, None)
    assert {(k["name"], k["kreis"], k["mietenstufe"]) for k in a["kandidaten"]} == {
        ("Groß Schenkenberg", "Herzogtum Lauenburg", 2),
        ("Klein Wesenberg", "Stormarn", 4),
    }
    assert "ODbL" in a["quelle"]
    tag = "2023-07-01"
    r = client.get("/v1/mietenstufe", params={"plz": "23860", "ort": "klein wesenberg", "stichtag": tag})
    assert (r.json()["ergebnis"], r.json()["mietenstufe"]) == ("eindeutig", 4)
    (f,) = _fehler(client.get("/v1/mietenstufe", params={"plz": "23860", "ort": "Dresden", "stichtag": tag}))
    assert f["feld"] == "ort" and f["wert"] == "Dresden"
    assert "gehört nach der PLZ-Zuordnung nicht zur PLZ 23860" in f["meldung"]
    assert {k["name"] for k in f["kandidaten"]} == {"Groß Schenkenberg", "Klein Wesenberg"}


@pytest.mark.parametrize(
    ("plz", "teil"),
    [
        ("1067", "hat nur vier Ziffern; meinten Sie '01067'?"),
        ("O1067", "enthält andere Zeichen als Ziffern"),
        ("010677", "hat 6 Ziffern"),
        ("00999", "liegt außerhalb der deutschen Postleitzahlen (01001 bis 99998)"),
        ("99999", "liegt außerhalb der deutschen Postleitzahlen (01001 bis 99998)"),
        ("01001", "ist in der PLZ-Zuordnung (OpenStreetMap, Stand Januar 2023) nicht enthalten"),
        ("", "enthält andere Zeichen als Ziffern"),
    ],
)
def test_bad_plz_is_422_with_the_library_message(client: TestClient, plz: str, teil: str) -> None:
    (f,) = _fehler(client.get("/v1/mietenstufe", params={"plz": plz, "stichtag": "2023-07-01"}))
    assert f["feld"] == "plz" and f["wert"] == plz
    assert f["meldung"].startswith(f"Postleitzahl '{plz}'") and teil in f["meldung"]
    assert f["erlaubt"]


def test_plz_stichtag_without_list(client: TestClient) -> None:
    (f,) = _fehler(client.get("/v1/mietenstufe", params={"plz": "01067", "stichtag": "2015-12-31"}))
    assert f["feld"] == "stichtag" and "ab dem 01.01.2016" in f["erlaubt"]
    (f,) = _fehler(client.get("/v1/mietenstufe", params={"plz": "01067", "stichtag": "1.7.2023"}))
    assert f["feld"] == "stichtag"


def test_openapi_describes_plz(client: TestClient) -> None:
    op = client.get("/v1/openapi.json").json()["paths"]["/v1/mietenstufe"]["get"]
    params = {p["name"]: p for p in op["parameters"]}
    assert set(params) == {"ort", "stichtag", "plz"}
    assert "fünf Ziffern" in params["plz"]["description"] and params["plz"]["in"] == "query"
    assert "OpenStreetMap" in op["description"] and "422" in op["responses"]


def test_berechnung_dresden_beispiel_1_by_plz(client: TestClient) -> None:
    """Dresden 2023, Beispiel 1, with the Wohnort given as PLZ 01067: 131 € as with "Dresden".

    PLZ 01067 lies wholly in Dresden, Stadt (Mietenstufe III); Y 1 162,35 €, M 530,40 €, § 19 WoGG
    gives 131 € (derivation in test_api.test_dresden_beispiel_1). The Rechenweg names the PLZ and the
    OpenStreetMap attribution.
    """
    r = client.post("/v1/berechnung", json={**DRESDEN_PLZ, "rechenweg": True})
    assert r.status_code == 200, r.text
    body = r.json()
    assert (body["betrag_monat"], body["mietenstufe"]) == ("131", 3)
    assert (Decimal(body["M"]), Decimal(body["Y"])) == (Decimal("530.40"), Decimal("1162.35"))
    (schritt,) = [s for s in body["rechenweg"] if s["key"] == "mietenstufe"]
    assert "PLZ 01067" in schritt["label"] and "OpenStreetMap" in schritt["zitat"]


def test_berechnung_23860_needs_the_choice_then_computes(client: TestClient) -> None:
    """PLZ 23860 (2023): an error listing both Gemeinden, then with ``ort`` the amount of each stage.

    Same household as Dresden Beispiel 1 (Y 1 162,35 €, Miete 420,00 €), stichtag 01.07.2023.
    Höchstbetrag for one member (§ 12 Abs. 1 WoGG, Anlage 1 in the Fassung from 01.01.2022, unchanged
    in 2023) plus Klimakomponente 19,20 € (§ 12 Abs. 7 WoGG): stage II 392 + 19,20 = 411,20 € < 420 €,
    stage IV 491 + 19,20 = 510,20 € ≥ 420 €. Heizkosten 96,00 € + Entlastung 14,40 € = 110,40 €
    (§ 12 Abs. 6 WoGG). Groß Schenkenberg (II): M = 411,20 + 110,40 = 521,60 €;
    1,15 × (521,60 − (0,04 + 0,0004991 × 521,60 + 0,0000462 × 1 162,35) × 1 162,35) = 126,61 → 127 €.
    Klein Wesenberg (IV): M = 530,40 € as in Dresden → 131 € (§ 19 Abs. 1 WoGG, Anlage 2).
    """
    body = {**DRESDEN_PLZ, "plz": "23860"}
    (f,) = _fehler(client.post("/v1/berechnung", json=body))
    assert f["feld"] == "plz" and f["wert"] == "23860"
    assert "keine eindeutige Mietenstufe" in f["meldung"] and "Herzogtum Lauenburg" in f["meldung"]
    assert {(k["name"], k["mietenstufe"]) for k in f["kandidaten"]} == {
        ("Groß Schenkenberg", 2),
        ("Klein Wesenberg", 4),
    }
    for ort, betrag, stufe in (("Groß Schenkenberg", "127", 2), ("Klein Wesenberg", "131", 4)):
        r = client.post("/v1/berechnung", json={**body, "ort": ort})
        assert r.status_code == 200, r.text
        assert (r.json()["betrag_monat"], r.json()["mietenstufe"]) == (betrag, stufe)
    (f,) = _fehler(client.post("/v1/antrag", json={**body, "ort": "Dresden"}))
    assert f["feld"] == "ort" and len(f["kandidaten"]) == 2


@pytest.mark.parametrize(
    ("plz", "teil"),
    [
        ("1067", "meinten Sie '01067'?"),
        (1067, "als Zahl verliert sie die führende Null"),
        ("01001", "nicht enthalten"),
    ],
)
def test_berechnung_bad_plz_names_the_field(client: TestClient, plz: object, teil: str) -> None:
    (f,) = _fehler(client.post("/v1/berechnung", json={**DRESDEN_PLZ, "plz": plz}))
    assert f["feld"] == "plz" and f["wert"] == plz and teil in f["meldung"]


def test_stapel_lines_with_plz(client: TestClient) -> None:
    """One line per Haushalt: 01067 computes (131 €, as Beispiel 1); 23860 carries its error in its line."""
    haushalt = {k: v for k, v in DRESDEN_PLZ.items() if k != "stichtag"}
    zeilen = [
        {"haushalt": haushalt, "stichtag": "2023-07-01"},
        {"haushalt": {**haushalt, "plz": "23860"}, "stichtag": "2023-07-01"},
    ]
    r = client.post("/v1/stapel", content="\n".join(json.dumps(z) for z in zeilen))
    assert r.status_code == 200, r.text
    erste, zweite = (json.loads(z) for z in r.text.splitlines())
    assert str(erste["wohngeld_monat"]) == "131" and not erste["fehler"]
    assert "PLZ 23860: keine eindeutige Mietenstufe" in zweite["fehler"]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    plz=st.one_of(st.text(max_size=8), st.from_regex(r"\A[0-9]{4,6}\Z")),
    ort=st.one_of(st.none(), st.text(max_size=20)),
)
def test_any_plz_is_an_answer_or_a_422_on_its_field(client: TestClient, plz: str, ort: str | None) -> None:
    params = {"plz": plz, "stichtag": "2023-07-01"} | ({} if ort is None else {"ort": ort})
    r = client.get("/v1/mietenstufe", params=params)
    assert r.status_code in (200, 422), r.text
    if r.status_code == 200:
        a = r.json()
        assert a["eindeutig"] == (a["mietenstufe"] is not None) and "ODbL" in a["quelle"]
    else:
        assert {f["feld"] for f in r.json()["fehler"]} <= {"plz", "ort"}
