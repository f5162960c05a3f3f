"""The Wohngeldrechner page in a real headless Chromium against a real ``wohngeld serve`` process.

Needs Debian's ``chromium`` (``apt-get install chromium``) and Playwright for Python (test extra);
Playwright drives the system browser (never a downloaded one). Without them the tests are skipped
with that reason. A screenshot of the result is kept under ``build/test-artefakte/``.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

CHROMIUM = Path(os.environ.get("WOHNGELD_CHROMIUM", "/usr/bin/chromium"))
ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
ARTEFAKTE = Path(__file__).resolve().parents[2] / "build" / "test-artefakte"

if not CHROMIUM.exists():
    pytest.skip(
        f"Browser-Tests übersprungen: kein Chromium unter {CHROMIUM} (apt-get install chromium)",
        allow_module_level=True,
    )
sync_api = pytest.importorskip("playwright.sync_api", reason="Browser-Tests übersprungen: Playwright fehlt")
axe_paket = pytest.importorskip("axe_playwright_python", reason="Browser-Tests übersprungen: axe-core fehlt")

Page = Any


def _freier_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A ``wohngeld serve`` process on a free loopback port, stopped after the module."""
    port = _freier_port()
    log = tmp_path_factory.mktemp("serve") / "serve.log"
    proc = subprocess.Popen(
        [sys.executable, "-m", "wohngeld", "serve", "--host", "127.0.0.1", "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=log.open("wb"),
    )
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(300):
            try:
                with urllib.request.urlopen(url + "/v1/rechtsstand", timeout=2) as r:
                    if r.status == 200:
                        break
            except OSError:
                if proc.poll() is not None:
                    raise RuntimeError("wohngeld serve ended: " + log.read_text(errors="replace")) from None
                time.sleep(0.1)
        else:
            raise RuntimeError("wohngeld serve did not answer within 30 s")
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser: Any, server: str) -> Iterator[Page]:
    ctx = browser.new_context(viewport={"width": 1024, "height": 900}, locale="de-DE")
    pg = ctx.new_page()
    fremd: list[str] = []
    pg.on("request", lambda req: None if req.url.startswith(server) or req.url.startswith("data:")
          else fremd.append(req.url))
    pg.goto(server + "/")
    pg.wait_for_selector("#personen .einnahme")
    yield pg
    assert fremd == [], f"requests to other hosts: {fremd}"
    ctx.close()


def _gemeinde_statt_plz(pg: Page) -> None:
    """Switch the Wohnort section from the Postleitzahl (asked first) to the Gemeinde name."""
    if pg.is_hidden("#gemeinde"):
        pg.click("#ort-umschalten")
    assert pg.evaluate("document.activeElement.id") == "gemeinde" and pg.is_hidden("#plz")


def _dresden_eintragen(pg: Page, gemeinde: str | None = "Dresden", plz: str | None = None) -> None:
    if plz is not None:
        pg.fill("#plz", plz)
    else:
        _gemeinde_statt_plz(pg)
        pg.fill("#gemeinde", gemeinde or "")
    pg.fill("#stichtag", "2023-07-01")
    pg.fill("#wohnkosten", "420,00")
    pg.select_option("#personen .einnahme select", "Altersrente")
    pg.fill("#personen .einnahme input.betrag", "1.300,00")
    pg.check("#personen .abzug-kv")


def _axe(pg: Page) -> list[dict[str, Any]]:
    skript = (Path(axe_paket.__file__).parent / "axe.min.js").read_text(encoding="utf-8")
    pg.evaluate(skript)
    ergebnis = pg.evaluate(
        "axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']},"
        " resultTypes: ['violations']})"
    )
    return [
        {"id": v["id"], "hilfe": v["help"], "knoten": [n["target"] for n in v["nodes"]]}
        for v in ergebnis["violations"]
    ]


def test_dresden_beispiel_1_typed_in(page: Page) -> None:
    """Dresden 2023, Beispiel 1, typed in as a citizen would: 131 € (published in the brochure).

    Y = (1 300,00 € − 8,50 €) × 0,9 = 1 162,35 € (§§ 14, 16 Abs. 1 Nr. 2 WoGG); M = 420,00 € + 110,40 €
    = 530,40 € (§ 12 WoGG, Mietenstufe III); § 19 WoGG: 131 € (derivation in test_api.py).
    """
    _dresden_eintragen(page)
    page.click("#berechnen")
    page.wait_for_selector("#ergebnis:not([hidden])")
    assert page.inner_text(".wohngeld-betrag") == "Voraussichtliches Wohngeld: 131,00 € im Monat"
    text = page.inner_text("#ergebnis")
    assert "unverbindliche Berechnung" in text.lower() or "Unverbindliche Berechnung" in text
    assert "Dresden-Pass" in text and "Mietvertrag" in text and "Bürgergeld" in text
    assert page.evaluate("document.activeElement.id") == "ergebnis-titel"
    page.click(".rechenweg summary")
    assert "§ 19" in page.inner_text(".rechenweg table")
    ARTEFAKTE.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTEFAKTE / "wohngeldrechner-dresden-beispiel-1.png"), full_page=True)
    assert _axe(page) == []
    page.emulate_media(media="print")
    assert not page.is_visible("#rechner") and page.is_visible(".wohngeld-betrag")
    assert page.is_visible(".rechenweg table")


def test_ambiguous_gemeinde_is_asked_and_resolved(page: Page) -> None:
    _dresden_eintragen(page, gemeinde="Neuenkirchen")
    page.fill("#stichtag", "2025-07-01")
    page.click("#berechnen")
    page.wait_for_selector("#gemeinde-auswahl:not([hidden])")
    assert "gibt es mehrmals" in page.inner_text("#gemeinde-fehler")
    kandidaten = page.query_selector_all("#gemeinde-kandidaten input[type=radio]")
    assert len(kandidaten) > 1
    assert page.evaluate("document.activeElement.name") == "gemeinde-kandidat"
    ags = kandidaten[1].get_attribute("value")
    assert _axe(page) == []
    kandidaten[1].check()
    page.click("#berechnen")
    page.wait_for_selector("#ergebnis:not([hidden])")
    mietenstufe = json.loads(
        page.evaluate(f"fetch('/v1/mietenstufe?ort={ags}&stichtag=2025-07-01').then(r => r.text())")
    )["mietenstufe"]
    assert f"Mietenstufe {mietenstufe}" in page.inner_text("#ergebnis .rahmen")


def test_dresden_beispiel_2_heim(page: Page) -> None:
    """Dresden 2023, Beispiel 2 (Pflegeheim, GdB 100): 134 € as published in the brochure.

    Y: Altersrente 1 500,00 € − 8,50 € = 1 491,50 €, − 10 % (§ 16 Abs. 1 Nr. 2 WoGG) = 1 342,35 €,
    − 150,00 € Freibetrag for a GdB of 100 (1 800 € a year, § 17 Nr. 1 WoGG) = 1 192,35 €; Pflegegeld
    is not income (§ 14 Abs. 2 WoGG lists it not). M: for a Heimbewohner the Höchstbetrag is the
    Miete (§ 9 Abs. 3 Satz 2 WoGG): 438,00 € + 19,20 € Klimakomponente + 110,40 € heating amounts
    = 567,60 € (§ 12 WoGG). § 19 WoGG: 134 €.
    """
    _gemeinde_statt_plz(page)
    page.fill("#gemeinde", "Dresden")
    page.fill("#stichtag", "2023-07-01")
    page.check("#art-heim")
    assert not page.is_visible("#wohnkosten") and page.is_visible("#heim-info")
    page.select_option("#personen .einnahme select", "Altersrente")
    page.fill("#personen .einnahme input.betrag", "1500")
    page.click("#personen .einnahme-neu")
    page.select_option("#personen .einnahme:nth-child(2) select", "Pflegegeld")
    page.fill("#personen .einnahme:nth-child(2) input.betrag", "2095")
    page.check("#personen .abzug-kv")
    page.fill("#personen .gdb", "100")
    page.click("#berechnen")
    page.wait_for_selector("#ergebnis:not([hidden])")
    assert page.inner_text(".wohngeld-betrag") == "Voraussichtliches Wohngeld: 134,00 € im Monat"
    page.fill("#personen .gdb", "hundert")
    page.click("#berechnen")
    assert "von 20 bis 100" in page.inner_text("#personen .f-gdb")


def test_no_claim_shows_the_reason(page: Page) -> None:
    """3 000 € Altersrente alone in Dresden (2023): the § 19 formula gives no positive amount."""
    _dresden_eintragen(page)
    page.fill("#personen .einnahme input.betrag", "3000")
    page.click("#berechnen")
    page.wait_for_selector("#ergebnis:not([hidden])")
    assert "kein Anspruch auf Wohngeld" in page.inner_text(".wohngeld-betrag")
    assert "§ 19 Abs. 1 WoGG" in page.inner_text("#ergebnis .grund")
    assert "Unverbindliche Berechnung" in page.inner_text("#ergebnis")


def test_wrong_entries_show_german_message_next_to_the_field(page: Page) -> None:
    _dresden_eintragen(page)
    page.fill("#wohnkosten", "vierhundert")
    page.click("#berechnen")
    fehler = page.locator("#wohnkosten-fehler")
    assert fehler.is_visible()
    assert fehler.inner_text() == "„vierhundert“ ist kein Betrag. Bitte in Euro angeben, z. B. 420,50."
    assert page.get_attribute("#wohnkosten", "aria-invalid") == "true"
    assert page.evaluate("document.activeElement.id") == "wohnkosten"
    assert _axe(page) == []
    page.fill("#wohnkosten", "420")
    page.fill("#gemeinde", "Dresdn")
    page.click("#berechnen")
    page.wait_for_selector("#gemeinde-fehler:not([hidden])")
    assert "Meinten Sie: Dresden, Stadt" in page.inner_text("#gemeinde-fehler")
    assert not page.is_visible("#wohnkosten-fehler")
    assert page.is_hidden("#ergebnis")
    page.fill("#gemeinde", "Dresden")
    page.fill("#stichtag", "2015-06-01")
    page.click("#berechnen")
    assert "ab dem 01.01.2016" in page.inner_text("#stichtag-fehler")
    assert page.evaluate("document.activeElement.id") == "stichtag"


def test_keyboard_only(page: Page) -> None:
    """Every step with the keyboard alone: Tab to each field, type, Space/Enter on controls."""
    kb = page.keyboard

    def tab_bis(selektor: str, max_tabs: int = 40) -> None:
        for _ in range(max_tabs):
            kb.press("Tab")
            if page.evaluate("(s) => document.activeElement.matches(s)", selektor):
                return
        raise AssertionError(f"{selektor} not reached with Tab")

    tab_bis("#plz")
    kb.type("01067")
    tab_bis("#stichtag")
    kb.type("01072023")  # the order of day and month follows the browser's own locale
    if page.input_value("#stichtag") != "2023-07-01":
        kb.press("Shift+Tab")
        kb.press("Shift+Tab")
        kb.type("07012023")
    assert page.input_value("#stichtag") == "2023-07-01"
    tab_bis("#wohnkosten")
    kb.type("420")
    tab_bis("#personen .abzug-kv")
    kb.press("Space")
    tab_bis("#personen .einnahme select")
    kb.press("ArrowDown")  # Lohn oder Gehalt → Rente
    assert page.input_value("#personen .einnahme select") == "Altersrente"
    tab_bis("#personen .einnahme input.betrag")
    kb.type("1300")
    tab_bis("#berechnen")
    kb.press("Enter")
    page.wait_for_selector("#ergebnis:not([hidden])")
    assert "131,00 €" in page.inner_text(".wohngeld-betrag")
    assert "Dresden, Stadt (PLZ 01067)" in page.inner_text("#ergebnis .rahmen")
    tab_bis(".rechenweg summary")
    kb.press("Enter")
    assert page.evaluate("document.querySelector('.rechenweg').open")


def test_phone_sized_screen(browser: Any, server: str) -> None:
    ctx = browser.new_context(viewport={"width": 360, "height": 740}, locale="de-DE", is_mobile=True)
    pg = ctx.new_page()
    pg.goto(server + "/")
    pg.wait_for_selector("#personen .einnahme")
    _dresden_eintragen(pg)
    pg.click("#person-neu")
    pg.click("#berechnen")
    pg.wait_for_selector("#ergebnis:not([hidden])")
    pg.click(".rechenweg summary")
    breite = pg.evaluate("document.documentElement.scrollWidth")
    assert breite <= 360, f"page is {breite} px wide on a 360 px screen"
    ARTEFAKTE.mkdir(parents=True, exist_ok=True)
    pg.screenshot(path=str(ARTEFAKTE / "wohngeldrechner-telefon.png"), full_page=True)
    assert _axe(pg) == []
    ctx.close()


def test_dresden_beispiel_1_by_postleitzahl(page: Page) -> None:
    """Dresden 2023, Beispiel 1 with the Postleitzahl 01067 instead of the name: 131 €.

    PLZ 01067 lies wholly in Dresden, Stadt (Mietenstufe III, Anlage zu § 1 Abs. 3 WoGV, Fassung from
    01.01.2023); the amount is that of test_dresden_beispiel_1_typed_in. The Gemeinde found is shown
    next to the field, with the OpenStreetMap attribution of the PLZ data.
    """
    assert page.is_visible("#plz") and page.is_hidden("#gemeinde")
    assert page.inner_text("#plz-quelle") == "Postleitzahlen: © OpenStreetMap-Mitwirkende, ODbL"
    _dresden_eintragen(page, plz="01067")
    page.wait_for_selector("#plz-info:not([hidden])")
    assert page.inner_text("#plz-info") == "Gefunden: Dresden, Stadt (Sachsen) – Mietenstufe III."
    page.click("#berechnen")
    page.wait_for_selector("#ergebnis:not([hidden])")
    assert page.inner_text(".wohngeld-betrag") == "Voraussichtliches Wohngeld: 131,00 € im Monat"
    assert "Dresden, Stadt (PLZ 01067) · Mietenstufe 3" in page.inner_text("#ergebnis .rahmen")
    assert "Postleitzahlen: © OpenStreetMap-Mitwirkende, ODbL" in page.inner_text("#ergebnis")
    assert "Dresden-Pass" in page.inner_text("#ergebnis")
    assert _axe(page) == []


def test_plz_with_gemeinden_of_different_stages_asks_and_computes(page: Page) -> None:
    """PLZ 23860 (2023): Groß Schenkenberg (Kreis Herzogtum Lauenburg, II) or Klein Wesenberg (Stormarn, IV).

    The household of Dresden Beispiel 1 (Y 1 162,35 €, Miete 420,00 €, 01.07.2023). Höchstbetrag for one
    member + Klimakomponente 19,20 € (§ 12 Abs. 1, 7 WoGG): II 392 + 19,20 = 411,20 € < 420 €, so
    M = 411,20 + 110,40 € Heizkosten (§ 12 Abs. 6 WoGG) = 521,60 €; § 19 WoGG:
    1,15 × (521,60 − (0,04 + 0,0004991 × 521,60 + 0,0000462 × 1 162,35) × 1 162,35) = 126,61 → 127 €.
    IV 491 + 19,20 ≥ 420 €: M = 530,40 € as in Dresden → 131 €.
    """
    _dresden_eintragen(page, plz="23860")
    page.click("#berechnen")
    page.wait_for_selector("#plz-auswahl:not([hidden])")
    assert "mehrere Gemeinden" in page.inner_text("#plz-fehler")
    assert page.get_attribute("#plz", "aria-invalid") == "true"
    assert page.is_visible("#zusammenfassung")
    assert page.evaluate("document.activeElement.name") == "plz-kandidat"
    labels = page.eval_on_selector_all("#plz-kandidaten label", "ls => ls.map(l => l.textContent)")
    assert labels == [
        "Groß Schenkenberg (Kreis Herzogtum Lauenburg, Schleswig-Holstein) – Mietenstufe II",
        "Klein Wesenberg (Kreis Stormarn, Schleswig-Holstein) – Mietenstufe IV",
    ]
    assert page.inner_text("#plz-auswahl legend") == "Zu welcher Gemeinde gehört Ihre Wohnung?"
    assert "verschiedenen Mietenstufen" in page.inner_text("#plz-auswahl")
    assert page.is_visible("#plz-quelle")
    assert _axe(page) == []
    ARTEFAKTE.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTEFAKTE / "wohngeldrechner-plz-auswahl.png"), full_page=True)
    # keyboard: the focused first candidate, arrow down to the second, Enter submits the form
    page.keyboard.press("ArrowDown")
    assert page.is_checked("#plz-kandidat-01062039")
    assert "Gewählt: Klein Wesenberg" in page.inner_text("#plz-info")
    page.keyboard.press("Enter")
    page.wait_for_selector("#ergebnis:not([hidden])")
    assert page.inner_text(".wohngeld-betrag") == "Voraussichtliches Wohngeld: 131,00 € im Monat"
    assert "Klein Wesenberg (PLZ 23860) · Mietenstufe 4" in page.inner_text("#ergebnis .rahmen")
    page.check("#plz-kandidat-01053044")
    page.click("#berechnen")
    page.wait_for_selector("#ergebnis:not([hidden]) >> text=127,00 €")
    assert "Groß Schenkenberg (PLZ 23860) · Mietenstufe 2" in page.inner_text("#ergebnis .rahmen")
    assert _axe(page) == []


def test_wrong_plz_shows_the_german_message_next_to_the_field(page: Page) -> None:
    _dresden_eintragen(page, plz="1067")
    page.click("#berechnen")
    page.wait_for_selector("#plz-fehler:not([hidden])")
    assert page.inner_text("#plz-fehler") == (
        "Postleitzahl '1067' hat nur vier Ziffern; meinten Sie '01067'? "
        "(Postleitzahlen haben fünf Ziffern, die erste kann 0 sein)"
    )
    assert page.get_attribute("#plz", "aria-invalid") == "true"
    assert page.evaluate("document.activeElement.id") == "plz"
    assert page.is_hidden("#ergebnis") and page.is_hidden("#plz-auswahl")
    assert _axe(page) == []
    page.fill("#plz", "99999")
    page.click("#berechnen")
    page.wait_for_selector("#plz-fehler >> text=außerhalb der deutschen Postleitzahlen")
    page.fill("#plz", "")
    page.click("#berechnen")
    assert page.inner_text("#plz-fehler") == "Bitte geben Sie die Postleitzahl Ihrer Wohnung an."
    # the alternative: the Gemeinde instead of the Postleitzahl, and back
    _gemeinde_statt_plz(page)
    assert page.inner_text("#ort-umschalten") == "Postleitzahl statt Gemeinde angeben"
    page.fill("#gemeinde", "Dresden")
    page.click("#berechnen")
    page.wait_for_selector("#ergebnis:not([hidden])")
    assert "131,00 €" in page.inner_text(".wohngeld-betrag")
    assert "OpenStreetMap" not in page.inner_text("#ergebnis")
    page.click("#ort-umschalten")
    assert page.evaluate("document.activeElement.id") == "plz" and page.is_hidden("#gemeinde")


def test_api_docs_render_from_the_package(browser: Any, server: str) -> None:
    """Swagger UI's files come from the package; the page asks no other host and passes its CSP."""
    ctx = browser.new_context()
    pg = ctx.new_page()
    fremd: list[str] = []
    pg.on("request", lambda req: None if req.url.startswith(server) else fremd.append(req.url))
    pg.goto(server + "/v1/docs")
    pg.wait_for_selector(".swagger-ui .opblock")
    assert "Wohngeld nach dem WoGG" in pg.inner_text(".swagger-ui .info .title")
    pfade = pg.eval_on_selector_all(".opblock-summary-path", "els => els.map(e => e.textContent)")
    assert {"/v1/berechnung", "/v1/antrag", "/v1/stapel"} <= {p.replace("\u200b", "") for p in pfade}
    assert fremd == []
    ctx.close()
