"""DataFrame in/out (extra ``pandas``); skipped where pandas is not installed."""

from __future__ import annotations

import subprocess
import sys
from datetime import date
from decimal import Decimal

import pytest

from wohngeld import calculate_frame, calculate_many
from wohngeld.formats.dataframe import results_frame


def test_frame_in_frame_out() -> None:
    pd = pytest.importorskip("pandas")
    df = pd.DataFrame(
        {
            "mietenstufe": [3, 3, 1],
            "miete_monat": ["420.00", "420.00", "300.00"],
            "anzahl_mitglieder": [1, 1, 1],
            "gesamteinkommen_monat": ["1162.35", 1162.35, "1374.00"],
            "stichtag": ["2023-07-01", "2023-07-01", "2025-07-01"],
        },
        index=["a", "b", "c"],
    )
    out = calculate_frame(df)
    assert list(out.index) == ["a", "b", "c"] and list(df.columns) == list(out.columns[:5])
    assert out.loc["a", "wohngeld_monat"] == Decimal(131)  # Dresden 2023, Beispiel 1
    assert isinstance(out.loc["a", "M"], Decimal) and out.loc["a", "M"] == Decimal("530.40")
    assert out.loc["b", "wohngeld_monat"] is None and "float" in out.loc["b", "fehler"]
    assert out.loc["c", "wohngeld_monat"] == 0  # tests/cases/2025-01-01/formel-bagatellgrenze.toml
    row = {
        "mietenstufe": 3,
        "miete_monat": "420.00",
        "anzahl_mitglieder": 1,
        "gesamteinkommen_monat": "1162.35",
    }
    frame = results_frame(calculate_many([row, {}], on=date(2023, 7, 1)))
    assert frame.loc[0, "betrag_monat"] == Decimal(131)
    assert frame.loc[1, "fehler"].startswith("ValidationError")


def test_core_does_not_import_pandas() -> None:
    code = (
        "import sys, wohngeld; from wohngeld import calculate_many, einkommensgrenze, Szenario; "
        "import wohngeld.cli, wohngeld.formats.dataframe; print('pandas' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
