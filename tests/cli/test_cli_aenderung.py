"""``wohngeld aenderung BEWILLIGT NEU``: § 27 WoGG through the CLI, both sides of two thresholds.

Granted: BMWSB 2025, Beispiel 5 (Alleinerziehende, UVG), 372 € from 2025-07-01 (Fassung 2025).
Three members, Mietenstufe VI, M = 870.20 (unchanged by the changes below); Anlage 2 WoGG 2025 for
three members: a = 0.02, b = 0.0002917, c = 0.0000245; factor 1.15.
Y = (brutto − 102.50 Werbungskosten-Pauschbetrag) · 0.8 (§ 16: 20 %) + 696 UVG − 110 (§ 17 Nr. 3).
Bisher: brutto 1 530 → Y = 1 427.50 · 0.8 + 586 = 1 728;
z1 = 0.02 + 0.0002917 · 870.20 + 0.0000245 · 1 728 = 0.31617334; z2 = 546.34753152;
z3 = 323.85246848; z4 = 372.430338752 → 372 €.
"""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path
from typing import Any

from click.testing import CliRunner

from wohngeld.cli import main
from wohngeld.formats.faelle import lade_fall
from wohngeld.procedure.aenderung import aenderung

ROOT = Path(__file__).resolve().parents[2]
FALL = ROOT / "tests/cases/2025-01-01/bmwsb-2025-05-alleinerziehend-uvg.toml"


def _fall(tmp_path: Path, brutto: str, stichtag: str = "2025-07-01") -> Path:
    """The shared case with another Erwerbseinkommen and Stichtag, as a new case file."""
    text = FALL.read_text(encoding="utf-8")
    assert 'brutto_monat = "1530.00"' in text and "stichtag = 2025-07-01" in text
    text = text.replace('brutto_monat = "1530.00"', f'brutto_monat = "{brutto}"')
    text = text.replace("stichtag = 2025-07-01", f"stichtag = {stichtag}")
    text = text[: text.index("[erwartet]")]  # the published amounts belong to the original
    p = tmp_path / f"neu-{brutto}-{stichtag}.toml"
    p.write_text(text, encoding="utf-8")
    return p


def _json(*args: str) -> dict[str, Any]:
    out = CliRunner().invoke(main, ["aenderung", *args, "--json"])
    assert out.exit_code == 0, out.output
    d: dict[str, Any] = json.loads(out.output)
    return d


def _pruefung(d: dict[str, Any], key: str) -> dict[str, Any]:
    p: dict[str, Any] = next(s for s in d["pruefungen"] if s["key"] == key)
    return p


# --- § 27 Abs. 1 Satz 1 Nr. 3 WoGG: Gesamteinkommen verringert um mehr als 10 % (since 2023) ----------
# threshold: Y < 0.9 · 1 728 = 1 555.20, i.e. (brutto − 102.50) · 0.8 < 969.20, brutto < 1 314


def test_income_down_exactly_10_percent_no_erhoehung(tmp_path: Path) -> None:
    # brutto 1 314: Y = 1 211.50 · 0.8 + 586 = 1 555.20 = −10.00 %, not "mehr als".
    # The new amount would be 443 € (z1 = 0.31193974, z2 = 485.128683648, z3 = 385.071316352,
    # z4 = 442.83… → 443), but § 27 Abs. 1 does not apply: the granted 372 € stay (§ 28 Abs. 6).
    d = _json(str(FALL), str(_fall(tmp_path, "1314.00", "2025-09-01")))
    assert d["folge"] == "keine Änderung" and d["zitat"] == "§ 28 Abs. 6 WoGG"
    assert (d["betrag_bisher"], d["betrag_neu"]) == ("372", "372")
    p = _pruefung(d, "abs1_nr3")
    assert (Decimal(p["alt"]), Decimal(p["neu"])) == (Decimal(1728), Decimal("1555.2"))
    assert p["aenderung_prozent"] == "-10.00" and p["schwelle_prozent"] == "10" and not p["erfuellt"]
    assert d["mitteilungspflichtig"] is False


def test_income_down_more_than_10_percent_erhoehungsantrag(tmp_path: Path) -> None:
    # brutto 1 313: Y = 1 210.50 · 0.8 + 586 = 1 554.40 = −10.05 %;
    # z1 = 0.02 + 0.25383734 + 0.0380828 = 0.31192014; z2 = 484.848665616; z3 = 385.351334384;
    # z4 = 443.1540345416 → 443 €, from the first of the month of the change (and the application).
    neu = _fall(tmp_path, "1313.00", "2025-09-01")
    d = _json(str(FALL), str(neu), "--bewilligt-ab", "2025-07-01", "--aenderung-ab", "2025-09-01")
    assert d["folge"] == "Erhöhungsantrag" and d["zitat"] == "§ 27 Abs. 1 WoGG"
    assert (d["betrag_bisher"], d["betrag_neu"], d["wirksam_ab"]) == ("372", "443", "2025-09-01")
    p = _pruefung(d, "abs1_nr3")
    assert Decimal(p["neu"]) == Decimal("1554.4") and p["aenderung_prozent"] == "-10.05" and p["erfuellt"]
    assert [s["key"] for s in d["pruefungen"] if s["erfuellt"]] == ["abs1_nr3"]
    assert d["bewilligungszeitraum"]["ende"] == "2026-06-30"
    # the CLI prints the library's answer unchanged
    f_alt, f_neu = lade_fall(FALL), lade_fall(neu)
    lib = aenderung(f_alt.haushalt, f_neu.haushalt, bewilligt_ab=f_alt.stichtag, aenderung_ab=f_neu.stichtag)
    assert d == json.loads(lib.to_json())


# --- § 27 Abs. 2 Satz 1 Nr. 3 (Y up more than 15 %) and Abs. 3 Satz 1 Nr. 3 (Einnahmen up more than 15 %) --
# Abs. 2: Y > 1.15 · 1 728 = 1 987.20, i.e. brutto > 1 854.
# Abs. 3 Nr. 3: positive Einkünfte and Einnahmen without § 16, § 17: (1 530 − 102.50) + 696 = 2 123.50;
# more than 15 %: above 2 442.025 — already at brutto 1 854 (1 751.50 + 696 = 2 447.50, +15.26 %).


def test_income_up_exactly_15_percent_no_new_decision_but_duty_to_report(tmp_path: Path) -> None:
    out = CliRunner().invoke(main, ["aenderung", str(FALL), str(_fall(tmp_path, "1854.00")),
                                    "--aenderung-ab", "2025-09-15"])
    assert out.exit_code == 0, out.output
    t = out.output
    assert t.startswith("Änderung im Bewilligungszeitraum: keine Änderung (§ 28 Abs. 6 WoGG)")
    assert "Wohngeld bisher 372 €, nach der Änderung 372 €" in t
    assert "[ ] Gesamteinkommen erhöht um mehr als 15 %: 1728 → 1987.2, 15.00 %" in t
    assert "Mitteilungspflicht (unverzüglich)" in t and "§ 27 Abs. 3 Satz 1 Nr. 3 WoGG" in t
    assert "2123.5 → 2447.5, 15.26 %" in t


def test_income_up_more_than_15_percent_new_decision_from_next_month(tmp_path: Path) -> None:
    # brutto 1 855: Y = 1 752.50 · 0.8 + 586 = 1 988 (+15.05 %);
    # z1 = 0.02 + 0.25383734 + 0.048706 = 0.32254334; z2 = 641.21615992; z3 = 228.98384008;
    # z4 = 263.331416092 → 263 €; change on the 15th → from the first of the next month (§ 27 Abs. 2 Satz 4)
    d = _json(str(FALL), str(_fall(tmp_path, "1855.00")), "--aenderung-ab", "2025-09-15")
    assert d["folge"] == "Neuentscheidung von Amts wegen" and d["zitat"] == "§ 27 Abs. 2 WoGG"
    assert (d["betrag_bisher"], d["betrag_neu"], d["wirksam_ab"]) == ("372", "263", "2025-10-01")
    assert _pruefung(d, "abs2_nr3")["aenderung_prozent"] == "15.05"
    assert [s["key"] for s in d["mitteilungspflicht"]] == ["abs3_nr3"]


def test_dates_default_to_the_files_stichtage(tmp_path: Path) -> None:
    # BEWILLIGT's Stichtag 2025-07-01 begins the period; NEU's Stichtag is the day of change
    d = _json(str(FALL), str(_fall(tmp_path, "1313.00", "2025-09-01")))
    assert d["bewilligungszeitraum"]["beginn"] == "2025-07-01" and d["wirksam_ab"] == "2025-09-01"


def test_options_monate_and_voruebergehend(tmp_path: Path) -> None:
    neu = str(_fall(tmp_path, "1855.00", "2025-09-15"))
    d = _json(str(FALL), neu, "--monate", "24")
    assert d["bewilligungszeitraum"]["ende"] == "2027-06-30"
    d = _json(str(FALL), neu, "--voruebergehend")
    assert d["folge"] == "keine Änderung" and d["mitteilungspflichtig"] is False


def test_errors(tmp_path: Path) -> None:
    neu = str(_fall(tmp_path, "1313.00"))
    out = CliRunner().invoke(main, ["aenderung", str(FALL), neu, "--bewilligt-ab", "2025-07-02"])
    assert out.exit_code == 1 and "am Ersten eines Monats" in out.output
    out = CliRunner().invoke(main, ["aenderung", str(FALL), neu, "--aenderung-ab", "2026-07-01"])
    assert out.exit_code == 1 and "laufenden" in out.output
    out = CliRunner().invoke(main, ["aenderung", str(FALL), neu, "--aenderung-ab", "15.9.2025"])
    assert out.exit_code == 2 and "--aenderung-ab" in out.output
    out = CliRunner().invoke(main, ["aenderung", str(FALL)])
    assert out.exit_code == 2

