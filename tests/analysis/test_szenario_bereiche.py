"""Scenario values are checked when the scenario is loaded: each table's plausible range.

Before, ``"mindestwerte.Y.1" = "1e30"`` or ``c = "1e400"`` raised ``decimal.InvalidOperation`` deep
in the formula, and a factor 0 or -1 or a negative coefficient b or c gave amounts.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st

from wohngeld import Haushalt, calculate
from wohngeld.analysis.szenario import parse_szenario
from wohngeld.cli import main
from wohngeld.errors import InputError

AB = date(2025, 7, 1)
H = Haushalt.model_validate(
    {"mietenstufe": 3, "miete_monat": "420.00", "anzahl_mitglieder": 1, "gesamteinkommen_monat": "1162.35"}
)


@pytest.mark.parametrize(
    ("abschnitt", "pfad", "wert", "text"),
    [
        ("setzen", "mindestwerte.Y.1", "1e30", "'mindestwerte.Y.1' = 1.*E\\+30 liegt außerhalb .* 10000000"),
        ("setzen", "koeffizienten.koeffizienten.1.c", "1e400", "1.c' = 1E\\+400 liegt außerhalb"),
        ("setzen", "koeffizienten.koeffizienten.1.b", "-5.8E-4", "'koeffizienten.koeffizienten.1.b' = -"),
        ("setzen", "koeffizienten.koeffizienten.3", {"a": "0.02", "b": "3.5E-4", "c": "-1"}, "3.c' = -1 "),
        ("setzen", "koeffizienten.faktor", "0", "'koeffizienten.faktor' = 0 liegt außerhalb .* 0.01 bis 10"),
        ("multiplizieren", "hoechstbetraege.betraege", "1e400", "Faktor 1e400 liegt außerhalb"),
        ("multiplizieren", "hoechstbetraege.betraege", "0", "Faktor 0 liegt außerhalb"),
        ("multiplizieren", "hoechstbetraege.betraege", "-1", "Faktor -1 liegt außerhalb"),
        ("multiplizieren", "koeffizienten.koeffizienten", "-1", "Faktor -1"),
        ("setzen", "heizkosten.komponente.betraege.1", "2e7", "Bereichs 0 bis 10000000"),
    ],
)
def test_implausible_values_are_refused_when_loaded(
    abschnitt: str, pfad: str, wert: object, text: str
) -> None:
    with pytest.raises(InputError, match=text) as e:
        parse_szenario({"name": "X", "ab": AB, abschnitt: {pfad: wert}})
    assert "Szenario 'X'" in str(e.value) or f'{abschnitt}."{pfad}"' in str(e.value)


def test_negative_a_stays_allowed_as_in_anlage_2() -> None:
    """a is negative from six members on (Anlage 2 WoGG: 6 Mitglieder a = -1,000E-2)."""
    s = parse_szenario({"name": "X", "ab": AB, "setzen": {"koeffizienten.koeffizienten.6.a": "-2.000E-2"}})
    assert calculate(H, on=AB, rechtsstand=s).betrag_monat == calculate(H, on=AB).betrag_monat  # 1 member


def test_plausible_change_still_computes() -> None:
    """Höchstbeträge + 10 %: a household whose Miete is below the Höchstbetrag is unaffected or gains."""
    s = parse_szenario({"name": "X", "ab": AB, "multiplizieren": {"hoechstbetraege.betraege": "1.10"}})
    assert calculate(H, on=AB, rechtsstand=s).betrag_monat >= calculate(H, on=AB).betrag_monat


@given(st.decimals(allow_nan=False, allow_infinity=False, min_value=-(10**40), max_value=10**40))
def test_no_set_value_reaches_the_formula_as_a_crash(x: object) -> None:
    """Whatever c is set to: a clear InputError when loaded, or a result — never InvalidOperation."""
    try:
        s = parse_szenario({"name": "X", "ab": AB, "setzen": {"koeffizienten.koeffizienten.1.c": str(x)}})
    except InputError:
        return
    assert calculate(H, on=AB, rechtsstand=s).betrag_monat >= 0


def test_cli_names_key_value_and_range(tmp_path: Path) -> None:
    p = tmp_path / "s.toml"
    p.write_text('name = "X"\nab = 2025-07-01\n[setzen]\n"mindestwerte.Y.1" = "1e30"\n', encoding="utf-8")
    out = CliRunner().invoke(main, ["grenzen", "--stichtag", "2025-07-01", "--szenario", str(p)])
    assert out.exit_code == 2 and "mindestwerte.Y.1" in out.output and "10000000" in out.output
    assert "Traceback" not in out.output and "InvalidOperation" not in out.output


@pytest.mark.parametrize("wert", ["NaN", "Infinity", "-inf"])
def test_value_that_is_no_finite_number_is_told_in_german(wert: str) -> None:
    """``NaN`` as a Bagatellgrenze (§ 21 Nr. 1 WoGG) is refused with the table and field, in German."""
    with pytest.raises(InputError) as e:
        parse_szenario({"name": "X", "ab": AB, "setzen": {"bagatellgrenze.betrag": wert}})
    text = str(e.value)
    assert "Tabelle 'bagatellgrenze'" in text and "betrag: Eine endliche Zahl wird erwartet." in text
    assert "Input should" not in text
