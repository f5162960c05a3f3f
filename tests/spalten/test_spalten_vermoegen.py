"""The column ``vermoegen_erheblich`` of the columnar path: the Behörde's decision (§ 21 Nr. 3 WoGG).

One person, Mietenstufe III, Miete 400 €, Y 900 € on 1.7.2025: 254 € by § 19 WoGG (derivation in
tests/formats/test_stapel_vermoegen.py). A row with a decision (true or false) goes the scalar way,
which applies it — also a decision without an amount (``ja_ohne_betrag``: no claim, which the kernel
alone would miss); a row without either stays in the kernel.
"""

from __future__ import annotations

from datetime import date

import pytest

pa = pytest.importorskip("pyarrow")

from wohngeld.spalten import berechne  # noqa: E402


def test_decision_column_gives_the_scalar_amounts() -> None:
    n = 5
    H = pa.table(
        {
            "id": ["ohne", "ja_unter_grenze", "nein_ueber_grenze", "nur_vermoegen", "ja_ohne_betrag"],
            "stichtag": [date(2025, 7, 1)] * n,
            "mietenstufe": [3] * n,
            "miete_monat": ["400"] * n,
            "anzahl_mitglieder": [1] * n,
            "gesamteinkommen_monat": ["900"] * n,
            "vermoegen": [None, "20000", "80000", "80000", None],
            "vermoegen_erheblich": pa.array([None, True, False, None, True], type=pa.bool_()),
        }
    )
    df = berechne(H).to_pandas()
    assert list(df.betrag_monat) == [254, 0, 254, 0, 0]
    assert list(df.weg) == ["spalten", "einzeln", "einzeln", "einzeln", "einzeln"]
    assert list(df.anspruch) == [True, False, True, False, False]
    assert "§ 21 Nr. 3" in df.weg_grund[4] and "Entscheidung" in df.weg_grund[4]
