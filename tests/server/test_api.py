"""The JSON API under /v1 through FastAPI's test client: amounts, formats, errors, limits, privacy."""

from __future__ import annotations

import io
import json
import logging
import re
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from fastapi.testclient import TestClient

from wohngeld import Haushalt, calculate
from wohngeld.cli import main
from wohngeld.server import Settings, create_app
from wohngeld.server.middleware import LOGGER

# Landeshauptstadt Dresden, Sozialamt, "Wohngeld für Seniorinnen und Senioren" (2023), Beispiel 1.
DRESDEN_1: dict[str, Any] = {
    "stichtag": "2023-07-01",
    "gemeinde": "Dresden",
    "miete_monat": "420.00",
    "mitglieder": [
        {
            "einnahmen": [{"art": "Altersrente", "brutto_monat": "1300.00"}],
            "pauschalabzug": {"kranken_pflege": True},
        }
    ],
}


def test_dresden_beispiel_1(client: TestClient) -> None:
    """Dresden 2023, Beispiel 1: 131 € (as published in the brochure).

    Derivation (WoGG as amended by the Wohngeld-Plus-Gesetz, from 01.01.2023): Altersrente
    1 300,00 € − 8,50 € Werbungskosten-Pauschbetrag (102 € a year, § 14 Abs. 1 WoGG with § 9a Satz 1
    Nr. 3 EStG) = 1 291,50 €; − 10 % for Kranken- und Pflegeversicherung (§ 16 Abs. 1 Nr. 2 WoGG)
    = Y 1 162,35 €. Dresden has Mietenstufe III (Anlage zu § 1 Abs. 3 WoGV); Miete 420,00 € is
    under the Höchstbetrag of 438 € (§ 12 Abs. 1 WoGG) plus 110,40 € Heizkosten- und
    Klimakomponente for one person (§ 12 Abs. 6, 7 WoGG) = M 530,40 €; § 19 WoGG gives 131 €.
    """
    r = client.post("/v1/berechnung", json=DRESDEN_1)
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["betrag_monat"] == "131" and body["mietenstufe"] == 3
    assert (Decimal(body["M"]), Decimal(body["Y"])) == (Decimal("530.40"), Decimal("1162.35"))
    assert body["anspruch"] is True and body["rechenweg"] == []
    # the library's own format: same keys as Result.to_dict(), no second schema
    h = Haushalt.model_validate({k: v for k, v in DRESDEN_1.items() if k != "stichtag"})
    assert body == json.loads(calculate(h, on=date(2023, 7, 1), rechenweg=False).to_json())


def test_rechenweg_on_request_and_json_numbers_exact(client: TestClient) -> None:
    """``rechenweg: true`` returns the steps; a JSON number with a fraction is read exactly (Decimal)."""
    body = {**DRESDEN_1, "miete_monat": json.loads("420.00", parse_float=str), "rechenweg": True}
    text = json.dumps(body).replace('"420.00"', "420.00")
    r = client.post("/v1/berechnung", content=text, headers={"content-type": "application/json"})
    assert r.status_code == 200, r.text
    data = r.json()
    assert data["betrag_monat"] == "131"
    zitate = " ".join(s["zitat"] for s in data["rechenweg"])
    assert "§ 19" in zitate and "§ 12" in zitate


def test_szenario_as_json_object(client: TestClient) -> None:
    """The worked what-if of docs/szenarien.md (Höchstbeträge +10 % from 01.07.2025) gives 285 €."""
    szenario = {
        "name": "Höchstbeträge +10 %",
        "ab": "2025-07-01",
        "multiplizieren": {"hoechstbetraege.betraege": {"faktor": "1.10", "runden": "euro"}},
    }
    body = {
        "stichtag": "2025-07-01",
        "mietenstufe": 3,
        "miete_monat": "900.00",
        "anzahl_mitglieder": 1,
        "gesamteinkommen_monat": "1000.00",
        "szenario": szenario,
    }
    r = client.post("/v1/berechnung", json=body)
    assert r.status_code == 200, r.text
    assert r.json()["betrag_monat"] == "285" and r.json()["rechtsstand"] == "Höchstbeträge +10 %"
    (f,) = _fehler(client.post("/v1/berechnung", json={**body, "rechtsstand": "Entwurf 2027"}))
    assert f["feld"] == "szenario"
    (f,) = _fehler(client.post("/v1/berechnung", json={**body, "szenario": {**szenario, "ab": "bald"}}))
    assert f["feld"] == "szenario.ab"


def _fehler(r: Any) -> list[dict[str, Any]]:
    assert r.status_code == 422, r.text
    body = r.json()
    assert body["status"] == 422 and body["fehler"]
    for f in body["fehler"]:
        assert {"feld", "wert", "erlaubt", "meldung"} <= set(f)
    return list(body["fehler"])


def test_422_names_field_value_and_what_is_allowed(client: TestClient) -> None:
    liste = _fehler(client.post("/v1/berechnung", json={**DRESDEN_1, "miete_monat": "-4"}))
    assert liste == [
        {
            "feld": "wohnkosten.miete_monat",
            "wert": "-4",
            "erlaubt": "mindestens 0",
            "meldung": "Der Wert muss mindestens 0 sein.",
            "typ": "greater_than_equal",
        }
    ]
    (f,) = _fehler(client.post("/v1/berechnung", json={**DRESDEN_1, "gemeinde": "Dresdn"}))
    assert f["feld"] == "gemeinde" and f["wert"] == "Dresdn"
    assert "14612000" in [g["ags"] for g in f["vorschlaege"]]
    (f,) = _fehler(
        client.post("/v1/berechnung", json={k: v for k, v in DRESDEN_1.items() if k != "stichtag"})
    )
    assert f["feld"] == "stichtag" and "JJJJ-MM-TT" in f["erlaubt"]
    (f,) = _fehler(client.post("/v1/berechnung", json={**DRESDEN_1, "stichtag": "2015-12-31"}))
    assert f["feld"] == "stichtag"
    (f,) = _fehler(client.post("/v1/berechnung", json={**DRESDEN_1, "rechtsstand": "Entwurf 1999"}))
    assert f["feld"] == "rechtsstand" and "Entwurf 2027" in f["erlaubt"]
    mitglied = {"einnahmen": [{"art": "Lottogewinn", "brutto_monat": "5"}]}
    (f,) = _fehler(client.post("/v1/berechnung", json={**DRESDEN_1, "mitglieder": [mitglied]}))
    assert f["feld"] == "mitglieder.0.einnahmen.0.art" and "Altersrente" in f["erlaubt"]
    (f,) = _fehler(client.post("/v1/berechnung", json={**DRESDEN_1, "unbekannt": 1}))
    assert f["feld"] == "unbekannt" and f["meldung"] == "Dieses Feld kennt die Berechnung nicht."
    for roh in (b"{", b"[1, 2]", b'{"miete_monat": NaN}', b"\xff"):
        (f,) = _fehler(client.post("/v1/berechnung", content=roh))
        assert f["feld"] == "(Eingabe)"


def test_rule_between_fields_keeps_the_library_message(client: TestClient) -> None:
    body = {**DRESDEN_1, "mietenstufe": 3}
    (f,) = _fehler(client.post("/v1/berechnung", json=body))
    assert "genau eines angeben: mietenstufe" in f["meldung"] and "§ 12 Abs. 1 WoGG" in f["meldung"]


def test_413_over_the_body_limit() -> None:
    with TestClient(create_app(Settings(max_body=2048, max_stapel=4096))) as c:
        r = c.post("/v1/berechnung", content=b" " * 3000, headers={"content-type": "application/json"})
        assert r.status_code == 413 and "2048" in r.json()["meldung"]

        def stueckweise() -> Any:  # no Content-Length: counted while reading
            for _ in range(10):
                yield b" " * 500

        r = c.post("/v1/berechnung", content=stueckweise())
        assert r.status_code == 413
        zeile = json.dumps(
            {
                "mietenstufe": 3,
                "miete_monat": "420",
                "anzahl_mitglieder": 1,
                "gesamteinkommen_monat": "1000",
                "stichtag": "2023-07-01",
            }
        )
        assert c.post("/v1/stapel", content=(zeile + "\n") * 20).status_code == 200
        assert c.post("/v1/stapel", content=(zeile + "\n") * 60).status_code == 413


def test_antrag_dresden_with_documents_vorrang_and_dresden_pass(client: TestClient) -> None:
    r = client.post("/v1/antrag", json=DRESDEN_1)
    assert r.status_code == 200, r.text
    a = r.json()
    assert a["wohngeld"]["betrag_monat"] == "131" and a["wohngeld"]["rechenweg"]
    assert "mietvertrag" in [u["id"] for u in a["unterlagen"]["unterlagen"]]
    assert a["vorrang"]["ergebnis"] in {"Wohngeld", "SGB II/XII", "nicht hilfebedürftig", "offen"}
    assert "dresden_pass" in [x["id"] for x in a["leistungen"]]
    assert a["bewilligungszeitraum"]["beginn"] == "2023-07-01"
    leipzig = client.post("/v1/antrag", json={**DRESDEN_1, "gemeinde": "Leipzig"}).json()
    assert "dresden_pass" not in [x["id"] for x in leipzig["leistungen"]]
    (f,) = _fehler(client.post("/v1/antrag", json={**DRESDEN_1, "kindergeld_monat": True}))
    assert f["feld"] == "kindergeld_monat"


def test_mietenstufe_found_ambiguous_unknown(client: TestClient) -> None:
    """Dresden has Mietenstufe III from 01.01.2023 (Anlage zu § 1 Abs. 3 WoGV, Sachsen)."""
    r = client.get("/v1/mietenstufe", params={"ort": "Dresden", "stichtag": "2023-07-01"})
    assert r.status_code == 200
    assert (r.json()["ergebnis"], r.json()["ags"], r.json()["mietenstufe"]) == ("eindeutig", "14612000", 3)
    r = client.get("/v1/mietenstufe", params={"ort": "Neuenkirchen", "stichtag": "2025-07-01"})
    assert r.status_code == 200 and r.json()["ergebnis"] == "mehrdeutig"
    kandidaten = r.json()["kandidaten"]
    assert len(kandidaten) > 1 and all(k["name"].startswith("Neuenkirchen") for k in kandidaten)
    r = client.get("/v1/mietenstufe", params={"ort": "Dresdn", "stichtag": "2025-07-01"})
    assert r.status_code == 404 and r.json()["ergebnis"] == "unbekannt"
    assert r.json()["vorschlaege"][0]["ags"] == "14612000"
    (f,) = _fehler(client.get("/v1/mietenstufe", params={"ort": "Dresden", "stichtag": "1.7.2023"}))
    assert f["feld"] == "stichtag"
    (f,) = _fehler(client.get("/v1/mietenstufe"))
    assert f["feld"] == "ort"


def test_gemeinden_by_prefix(client: TestClient) -> None:
    r = client.get("/v1/gemeinden", params={"name": "dres", "stichtag": "2025-07-01"})
    assert "14612000" in [g["ags"] for g in r.json()["gemeinden"]]
    r = client.get("/v1/gemeinden", params={"name": "146120", "stichtag": "2025-07-01"})
    assert [g["ags"] for g in r.json()["gemeinden"]] == ["14612000"]
    (f,) = _fehler(client.get("/v1/gemeinden", params={"name": "dres", "anzahl": "500"}))
    assert f["feld"] == "anzahl"


def test_einkommensgrenzen_as_the_command(client: TestClient) -> None:
    args = ["--stichtag", "2025-07-01", "-n", "1", "-n", "2", "-s", "3"]
    cli = CliRunner().invoke(main, ["grenzen", *args, "--json"])
    assert cli.exit_code == 0, cli.output
    r = client.get(
        "/v1/einkommensgrenzen",
        params={"stichtag": "2025-07-01", "mitglieder": ["1", "2"], "mietenstufe": "3"},
    )
    assert r.status_code == 200 and r.json() == json.loads(cli.output)
    (f,) = _fehler(client.get("/v1/einkommensgrenzen", params={"mitglieder": "0"}))
    assert f["feld"] == "mitglieder"
    (f,) = _fehler(client.get("/v1/einkommensgrenzen", params={"mitglieder": [str(n) for n in range(1, 20)]}))
    assert "Zellen" in f["erlaubt"]
    (f,) = _fehler(client.get("/v1/einkommensgrenzen", params={"gemeinde": "Dresdn"}))
    assert f["feld"] == "gemeinde"
    (f,) = _fehler(client.get("/v1/einkommensgrenzen", params={"miete": "vierhundert"}))
    assert (f["feld"], f["wert"]) == ("miete", "vierhundert") and "Dezimalpunkt" in f["erlaubt"]
    (f,) = _fehler(client.get("/v1/einkommensgrenzen", params={"miete": "1e999999"}))
    assert f["feld"] == "miete" and "kein plausibler Betrag" in f["meldung"]
    # the draft of 2027 has its own Mietenstufen list, which is not available: name the stage instead
    params = {
        "gemeinde": "Dresden",
        "rechtsstand": "Entwurf 2027",
        "stichtag": "2027-03-01",
        "mitglieder": "1",
    }
    (f,) = _fehler(client.get("/v1/einkommensgrenzen", params=params))
    assert f["feld"] == "gemeinde" and "mietenstufe" in f["meldung"]


def test_stapel_one_line_out_per_line_in_as_the_command(client: TestClient, tmp_path: Path) -> None:
    zeilen = [
        json.dumps(
            {
                "id": 1,
                "mietenstufe": 3,
                "miete_monat": "420.00",
                "anzahl_mitglieder": 1,
                "gesamteinkommen_monat": "1162.35",
            }
        ),
        "kein json",
        json.dumps({"id": 3, "mietenstufe": 9}),
        json.dumps(
            {"haushalt": {k: v for k, v in DRESDEN_1.items() if k != "stichtag"}, "stichtag": "2023-07-01"}
        ),
    ]
    text = "\n".join(zeilen) + "\n"
    r = client.post(
        "/v1/stapel",
        params={"stichtag": "2023-07-01"},
        content=text,
        headers={"content-type": "application/x-ndjson"},
    )
    assert r.status_code == 200 and r.headers["content-type"].startswith("application/x-ndjson")
    aus = [json.loads(z) for z in r.text.splitlines()]
    assert [a["wohngeld_monat"] for a in aus] == ["131", "", "", "131"]
    assert aus[1]["fehler"] and aus[2]["fehler"] and aus[0]["id"] == 1
    ein = tmp_path / "ein.jsonl"
    ein.write_text(text, encoding="utf-8")
    cli = CliRunner().invoke(
        main, ["stapel", str(ein), str(tmp_path / "aus.jsonl"), "--stichtag", "2023-07-01"]
    )
    assert cli.exit_code == 0, cli.output
    cli_aus = [json.loads(z) for z in (tmp_path / "aus.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [a["wohngeld_monat"] for a in cli_aus] == [a["wohngeld_monat"] for a in aus]


def test_stapel_blank_line_gets_its_own_line_and_german_messages(client: TestClient, tmp_path: Path) -> None:
    """Three lines in (one blank), three out, as the command writes them; pydantic's words in German."""
    zeile = json.dumps(
        {
            "mietenstufe": 3,
            "miete_monat": "420.00",
            "anzahl_mitglieder": 1,
            "gesamteinkommen_monat": "1162.35",
        }
    )
    text = zeile + "\n\n" + json.dumps({"mietenstufe": 3}) + "\n"
    r = client.post("/v1/stapel", params={"stichtag": "2023-07-01"}, content=text)
    aus = [json.loads(z) for z in r.text.splitlines()]
    assert [a["wohngeld_monat"] for a in aus] == ["131", "", ""]
    assert "Leerzeile" in aus[1]["fehler"]
    assert "wohnkosten: Angabe fehlt." in aus[2]["fehler"] and "Field required" not in aus[2]["fehler"]
    ein = tmp_path / "ein.jsonl"
    ein.write_text(text, encoding="utf-8")
    cli = CliRunner().invoke(
        main, ["stapel", str(ein), str(tmp_path / "aus.jsonl"), "--stichtag", "2023-07-01"]
    )
    cli_aus = [json.loads(z) for z in (tmp_path / "aus.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [a["wohngeld_monat"] for a in cli_aus] == ["131", "", ""], cli.output
    assert "Leerzeile" in cli_aus[1]["fehler"] and "Angabe fehlt" in cli_aus[2]["fehler"]


def test_rechtsstand(client: TestClient) -> None:
    body = client.get("/v1/rechtsstand", params={"stichtag": "2023-07-01"}).json()
    assert {"2016-01-01", "2023-01-01", "2025-01-01"} <= set(body["fassungen_wogg"])
    assert "2023-01-01" in body["fassungen_mietenstufen"]
    assert {"geltendes Recht", "Entwurf 2027"} <= {w["name"] for w in body["regelwerke"]}
    assert body["stand"]["geprueft_am"] and body["am_stichtag"]["fassung"] == "2023-01-01"


def test_openapi_and_docs_from_the_package(client: TestClient) -> None:
    doc = client.get("/v1/openapi.json").json()
    assert {
        "/v1/berechnung",
        "/v1/antrag",
        "/v1/mietenstufe",
        "/v1/einkommensgrenzen",
        "/v1/stapel",
        "/v1/rechtsstand",
    } <= set(doc["paths"])
    assert "Haushalt" in doc["components"]["schemas"] and "$defs" not in json.dumps(doc)
    html = client.get("/v1/docs").text
    assert "/v1/docs/swagger-ui-bundle.js" in html and "http" not in html.replace('href="/', "")
    assert client.get("/v1/docs/swagger-ui-bundle.js").status_code == 200
    assert client.get("/v1/docs/../app.py").status_code == 404


def test_security_headers_no_cookie_cors_off(client: TestClient) -> None:
    for pfad in ("/", "/v1/rechtsstand", "/static/rechner.js"):
        r = client.get(pfad, headers={"Origin": "https://example.org"})
        assert r.status_code == 200
        csp = r.headers["content-security-policy"]
        assert "default-src 'none'" in csp and "script-src 'self'" in csp and "frame-ancestors 'none'" in csp
        assert r.headers["referrer-policy"] == "no-referrer"
        assert r.headers["cache-control"] == "no-store"
        assert "set-cookie" not in r.headers and "access-control-allow-origin" not in r.headers
        assert len(r.headers["x-request-id"]) >= 8


def test_cors_when_configured() -> None:
    with TestClient(create_app(Settings(cors_origins=("https://amt.example",)))) as c:
        r = c.get("/v1/rechtsstand", headers={"Origin": "https://amt.example"})
        assert r.headers["access-control-allow-origin"] == "https://amt.example"
        r = c.get("/v1/rechtsstand", headers={"Origin": "https://fremd.example"})
        assert "access-control-allow-origin" not in r.headers


@pytest.mark.parametrize("fmt", ["text", "json"])
def test_log_has_no_household_data(fmt: str) -> None:
    puffer = io.StringIO()
    with TestClient(create_app(Settings(log_format="json" if fmt == "json" else "text"))) as c:
        handler = LOGGER.handlers[0]
        assert isinstance(handler, logging.StreamHandler)
        handler.setStream(puffer)
        c.post("/v1/berechnung", json=DRESDEN_1, headers={"X-Request-ID": "anfrage-0001"})
        c.get("/v1/mietenstufe", params={"ort": "Dresden"})
        c.post("/v1/berechnung", json={**DRESDEN_1, "gemeinde": "Geheimdorf"})
    log = puffer.getvalue()
    assert "anfrage-0001" in log and "/v1/berechnung" in log and "/v1/mietenstufe" in log
    ohne_id = re.sub(r'(request_id[=":\s]+)"?[0-9a-f]{32}', r"\1…", log)  # random ids may hold any digits
    for geheim in ("Dresden", "1300.00", "420.00", "Geheimdorf", "ort=", "127.0.0.1", "testclient"):
        assert geheim not in ohne_id
    if fmt == "json":
        zeilen = [json.loads(z) for z in log.splitlines()]
        assert {"request_id", "methode", "route", "status", "dauer_ms"} <= set(zeilen[0])
        assert [z["status"] for z in zeilen] == [200, 200, 422]


def test_settings_from_env() -> None:
    s = Settings.from_env(
        {
            "WOHNGELD_MAX_BODY": "4096",
            "WOHNGELD_CORS_ORIGINS": "https://a.example, https://b.example",
            "WOHNGELD_LOG_FORMAT": "JSON",
        }
    )
    assert (s.max_body, s.cors_origins, s.log_format) == (
        4096,
        ("https://a.example", "https://b.example"),
        "json",
    )
    assert Settings.from_env({}) == Settings()
    for env in (
        {"WOHNGELD_MAX_BODY": "viel"},
        {"WOHNGELD_MAX_BODY": "10"},
        {"WOHNGELD_LOG_FORMAT": "xml"},
        {"WOHNGELD_CORS_ORIGINS": "amt.example"},
        {"WOHNGELD_LOG_LEVEL": "laut"},
    ):
        with pytest.raises(ValueError, match="WOHNGELD_"):
            Settings.from_env(env)


def test_serve_command_is_registered() -> None:
    out = CliRunner().invoke(main, ["serve", "--help"])
    assert out.exit_code == 0
    assert "--host" in out.output and "--port" in out.output and "--workers" in out.output
    out = CliRunner().invoke(main, ["serve", "--log-format", "text", "--max-body", "10"])
    assert out.exit_code == 2


def test_body_that_is_not_json_is_told_in_german(client: TestClient) -> None:
    """The 422 names the place in German (``json`` reports it in English), also for a non-UTF-8 body."""
    r = client.post("/v1/berechnung", content=b'{"stichtag":', headers={"Content-Type": "application/json"})
    assert r.status_code == 422
    meldung = r.json()["fehler"][0]["meldung"]
    assert meldung == "Kein gültiges JSON: ein Wert erwartet (Zeile 1, Spalte 13)"
    r = client.post("/v1/berechnung", content='{"a": "ä"}'.encode("cp1252"),
                    headers={"Content-Type": "application/json"})
    assert r.status_code == 422 and "kein UTF-8" in r.json()["fehler"][0]["meldung"]
    r = client.post("/v1/stapel", params={"stichtag": "2023-07-01"}, content="{bad\n[1]\n")
    fehler = [json.loads(z)["fehler"] for z in r.text.splitlines()]
    assert "Expecting" not in fehler[0] and "(Zeile 1, Spalte 2)" in fehler[0]
    assert fehler[1].endswith("ein JSON-Objekt erwartet, eine Liste gegeben")
