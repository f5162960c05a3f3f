"""Scenarios: parameter overrides from a date, applied through calculate, calculate_many and the CLI.

Amounts are computed by hand from § 19 Abs. 1 WoGG with the 2025 tables (Anlagen 1–3 WoGG i. d. F.
der 2. WoGFV, BGBl. 2024 I Nr. 314): 1 member a, b, c = 0.04, 0.0004797, 0.0000408.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from click.testing import CliRunner

from wohngeld import Haushalt, NoParameters, Szenario, calculate, calculate_many, lade_szenario
from wohngeld.analysis.szenario import parse_szenario, tabellen
from wohngeld.cli import main
from wohngeld.errors import InputError
from wohngeld.law.tabelle import rechtsstand

ON = date(2025, 7, 1)
# 1 member, Stufe III, Miete 900 (above the cap), Y = 1000
TEUER = Haushalt.model_validate(
    {"mietenstufe": 3, "miete_monat": "900.00", "anzahl_mitglieder": 1, "gesamteinkommen_monat": "1000.00"}
)
# 1 member, Stufe I, Miete 300, Y = 1366: M = 410.40; z1 = 0.04 + 0.19686888 + 0.0557328 = 0.29260168,
# z2 = 399.69389488, z3 = 10.70610512, z4 = 12.312020888 → 12 € (≥ 10 € today)
KNAPP = Haushalt.model_validate(
    {"mietenstufe": 1, "miete_monat": "300.00", "anzahl_mitglieder": 1, "gesamteinkommen_monat": "1366.00"}
)

REFORM = """
name = "Höchstbeträge +10 %"
ab = 2025-07-01
[multiplizieren]
"hoechstbetraege.betraege" = { faktor = "1.10", runden = "euro" }
"""


def _szenario(tmp_path: Path, text: str) -> Szenario:
    p = tmp_path / "szenario.toml"
    p.write_text(text, encoding="utf-8")
    return lade_szenario(p)


def test_one_value_changes_and_only_that() -> None:
    s = parse_szenario({"name": "c3", "ab": ON, "setzen": {"koeffizienten.koeffizienten.3.c": "2.5E-5"}})
    law, neu = rechtsstand(ON), s.rechtsstand(ON)
    assert set(law.tables) == set(neu.tables)
    for folder in law.tables:
        a, b = law.tables[folder].model_dump(), neu.tables[folder].model_dump()
        if folder != "koeffizienten":
            assert a == b, folder
            continue
        assert b["koeffizienten"][3]["c"] == Decimal("2.5E-5")
        b["koeffizienten"][3]["c"] = a["koeffizienten"][3]["c"]
        assert {k: v for k, v in a.items() if k not in ("valid_from", "source")} == {
            k: v for k, v in b.items() if k not in ("valid_from", "source")
        }
    # tables the stages read on demand are untouched too
    for folder, cls in tabellen().items():
        if folder not in law.tables:
            assert neu.table(cls) == law.table(cls), folder


def test_hoechstbetraege_plus_ten_percent(tmp_path: Path) -> None:
    s = _szenario(tmp_path, REFORM)
    # today: cap 456 + 19.20 + 110.40 = 585.60; z1 = 0.36171232, z2 = 361.71232, z3 = 223.88768,
    # z4 = 257.470832 → 257 €
    assert calculate(TEUER, on=ON).betrag_monat == 257
    # scenario: 456 · 1.10 = 501.60 → 502; M = 631.60; z1 = 0.38377852, z2 = 383.77852,
    # z3 = 247.82148, z4 = 284.994702 → 285 €
    r = calculate(TEUER, on=ON, rechtsstand=s)
    assert r.betrag_monat == 285 and r.M_berechnet == Decimal("631.60")
    assert r.rechtsstand == "Höchstbeträge +10 %" and r.to_dict()["rechtsstand"] == "Höchstbeträge +10 %"
    step = next(x for x in r.schritte if x.key == "rechtsstand")
    assert step.wert == "Höchstbeträge +10 %"
    assert any("Szenario" in w for w in r.warnungen)
    assert "Höchstbeträge +10 %" in r.explain()


def test_bagatellgrenze_scenario_in_calculate_many() -> None:
    s = parse_szenario({"name": "Bagatell 15", "ab": ON, "setzen": {"bagatellgrenze.betrag": "15"}})
    assert calculate(KNAPP, on=ON).betrag_monat == 12
    (r,) = calculate_many([KNAPP], on=ON, rechtsstand=s)
    assert r.betrag_monat == 0 and r.grund is not None and "15" in r.grund


@pytest.mark.parametrize(
    ("data", "fehler", "text"),
    [
        ({"setzen": {"hoechstbetrag.betraege": 1}}, InputError, "Tabelle 'hoechstbetrag' unbekannt"),
        ({"setzen": {"bagatellgrenze.betrg": 1}}, InputError, "Schlüssel 'betrg' in 'bagatellgrenze'"),
        ({"setzen": {"hoechstbetraege.betraege.1.8": 1}}, InputError, "erlaubt 1–7"),
        ({"setzen": {"bagatellgrenze.betrag": "-1"}}, InputError, "betrag: Der Wert muss größer als 0 sein"),
        ({"setzen": {"bagatellgrenze.source": "x"}}, InputError, "Kopfeintrag"),
        ({"setzen": {}}, InputError, "keine Änderungen"),
        ({"ab": date(2015, 1, 1), "setzen": {"bagatellgrenze.betrag": 5}}, NoParameters, "01.01.2016"),
        ({"ab": date(2099, 1, 1), "setzen": {"bagatellgrenze.betrag": 5}}, NoParameters, "keine Fassung"),
        ({"foo": 1, "setzen": {"bagatellgrenze.betrag": 5}}, InputError, "unbekannte Schlüssel foo"),
        ({"multiplizieren": {"hoechstbetraege.betraege": "x"}}, InputError, "ist keine Zahl"),
    ],
)
def test_errors_are_clear(data: dict[str, object], fehler: type[Exception], text: str) -> None:
    with pytest.raises(fehler, match=text):
        parse_szenario({"name": "X", "ab": ON, **data})


def test_dates_before_ab_are_refused() -> None:
    s = parse_szenario({"name": "X", "ab": ON, "setzen": {"bagatellgrenze.betrag": 5}})
    with pytest.raises(NoParameters, match=r"gilt ab 01\.07\.2025"):
        calculate(KNAPP, on=date(2025, 6, 30), rechtsstand=s)


def test_cli_szenario_option(tmp_path: Path) -> None:
    p = tmp_path / "reform.toml"
    p.write_text(REFORM, encoding="utf-8")
    ein = tmp_path / "ein.csv"
    ein.write_text(
        "mietenstufe,miete_monat,anzahl_mitglieder,gesamteinkommen_monat\n3,900.00,1,1000.00\n",
        encoding="utf-8",
    )
    aus = tmp_path / "aus.csv"
    out = CliRunner().invoke(
        main, ["stapel", str(ein), str(aus), "--stichtag", "2025-07-01", "--szenario", str(p)]
    )
    assert out.exit_code == 0, out.output
    assert aus.read_text(encoding="utf-8").splitlines()[1].startswith("3,900.00,1,1000.00,285,631.60,")
    bad = tmp_path / "bad.toml"
    bad.write_text('name = "X"\nab = 2025-07-01\n[setzen]\n"nix.betrag" = 1\n', encoding="utf-8")
    out = CliRunner().invoke(main, ["grenzen", "--stichtag", "2025-07-01", "--szenario", str(bad)])
    assert out.exit_code == 2 and "Tabelle 'nix' unbekannt" in out.output
