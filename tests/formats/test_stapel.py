"""calculate_many and batch files: one output per input, in order; bad items never stop the run.

Amounts asserted are published or hand-computed:
- 131 €: Dresden, "Wohngeld für Seniorinnen und Senioren" (2023), Beispiel 1 (M 530.40, Y 1162.35).
- 110 €: BMWSB, Beispiele für die Berechnung des Wohngelds, Stand 01.01.2025, Beispiel 1.
- 0 € (formula 9 €): tests/cases/2025-01-01/formel-bagatellgrenze.toml, by hand.
"""

from __future__ import annotations

import csv
import io
import json
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from click.testing import CliRunner

from wohngeld import Haushalt, ItemError, Result, calculate_many
from wohngeld.cli import main
from wohngeld.formats.stapel import stapel_datei, zeile_zu_eingabe

DRESDEN = {
    "mietenstufe": 3,
    "miete_monat": "420.00",
    "anzahl_mitglieder": 1,
    "gesamteinkommen_monat": "1162.35",
}
BAGATELL = {
    "mietenstufe": 1,
    "miete_monat": "300.00",
    "anzahl_mitglieder": 1,
    "gesamteinkommen_monat": "1374.00",
}
BMWSB_1 = {
    "mietenstufe": 1,
    "miete_monat": "335.00",
    "mitglieder": [
        {
            "einnahmen": [{"art": "Altersrente", "brutto_monat": "1300.00"}],
            "pauschalabzug": {"kranken_pflege": True},
        }
    ],
}
D23, D25 = date(2023, 7, 1), date(2025, 7, 1)


def test_streams_one_output_per_item_in_order() -> None:
    items: list[object] = [
        Haushalt.model_validate(DRESDEN),
        {**BAGATELL, "stichtag": "2025-07-01"},
        {"mietenstufe": 8},
        42,
        (Haushalt.model_validate(BMWSB_1), D25),
        {**DRESDEN, "stichtag": "1.7.2025"},
        {**DRESDEN, "miete_monat": 420.0},
    ]
    out = list(calculate_many(iter(items), on=D23))
    assert len(out) == len(items)
    assert [o.betrag_monat for o in out] == [Decimal(131), 0, None, None, 110, None, None]
    errors = [o for o in out if isinstance(o, ItemError)]
    assert [e.index for e in errors] == [2, 3, 5, 6]
    assert errors[0].art == "ValidationError" and "mietenstufe" in errors[0].meldung
    assert "Haushalt" in errors[1].meldung and "JJJJ-MM-TT" in errors[2].meldung
    assert "float" in errors[3].meldung
    assert isinstance(out[0], Result) and out[0].schritte == ()


def test_is_lazy_and_needs_a_stichtag() -> None:
    gen = calculate_many([DRESDEN])
    (e,) = list(gen)
    assert isinstance(e, ItemError) and "stichtag fehlt" in e.meldung
    assert calculate_many([DRESDEN], on=D23).__next__().betrag_monat == 131


def test_rechenweg_on_request() -> None:
    (r,) = calculate_many([DRESDEN], on=D23, rechenweg=True)
    assert isinstance(r, Result) and r.schritte


def test_flat_row() -> None:
    row = {"mietenstufe": " 3 ", "anzahl_mitglieder": "1", "heim": "nein", "vermoegen": "", "x": "y"}
    assert zeile_zu_eingabe(row) == {"mietenstufe": 3, "anzahl_mitglieder": 1}
    with pytest.raises(ValueError, match="ganze Zahl"):
        zeile_zu_eingabe({"anzahl_mitglieder": "1.5"})
    with pytest.raises(ValueError, match="ja oder nein"):
        zeile_zu_eingabe({"heim": "vielleicht"})


CSV_IN = """id;stichtag;mietenstufe;gemeinde;miete_monat;heim;anzahl_mitglieder;gesamteinkommen_monat;notiz
a;2023-07-01;3;;420.00;;1;1162.35;Dresden Beispiel 1
b;2025-07-01;;Dresden;420.00;;1;1162.35;
c;2025-07-01;1;;300.00;;1;1374.00;Bagatellgrenze
d;2025-07-01;;Nirgendwo-am-See;420.00;;1;1162.35;unbekannt
e;2025-07-01;3;;420,00;;1;1162.35;Dezimalkomma
f;;3;;420.00;;1;1162.35;ohne Stichtag
"""


def test_csv_round_trip_semicolon() -> None:
    aus = io.StringIO()
    bilanz = stapel_datei(io.StringIO(CSV_IN), aus, format="csv", on=None)
    assert (bilanz.zeilen, bilanz.berechnet, bilanz.fehler) == (6, 3, 3)
    assert bilanz.ohne_bedeutung == ("id", "notiz")
    rows = list(csv.DictReader(io.StringIO(aus.getvalue()), delimiter=";"))
    ein = list(csv.DictReader(io.StringIO(CSV_IN), delimiter=";"))
    assert [r["id"] for r in rows] == list("abcdef")
    for r, e in zip(rows, ein, strict=True):  # every input cell kept as it was
        assert {k: r[k] for k in e} == e
    a, _b, c, d, e, f = rows
    assert (a["wohngeld_monat"], a["M"], a["Y"], a["fehler"]) == ("131", "530.40", "1162.35", "")
    assert (c["wohngeld_monat"], c["M"], c["Y"]) == ("0", "410.40", "1374.00")
    assert "weniger als 10" in c["grund"]
    assert d["wohngeld_monat"] == "" and d["fehler"].startswith("UnknownMunicipality")
    assert "miete_monat" in e["fehler"] and "stichtag" in f["fehler"]


def test_csv_rerun_overwrites_result_columns() -> None:
    first = io.StringIO()
    stapel_datei(io.StringIO(CSV_IN), first, format="csv", on=D25)
    second = io.StringIO()
    stapel_datei(io.StringIO(first.getvalue()), second, format="csv", on=D25)
    assert first.getvalue() == second.getvalue()


def test_csv_row_with_extra_cells_is_an_error_and_kept() -> None:
    text = "mietenstufe,miete_monat,anzahl_mitglieder,gesamteinkommen_monat\n3,420,50,1,1162.35\n"
    aus = io.StringIO()
    b = stapel_datei(io.StringIO(text), aus, format="csv", on=D25)
    assert b.fehler == 1
    (row,) = csv.DictReader(io.StringIO(aus.getvalue()))
    assert "überzählig" in row["fehler"] and "1162.35" in row["fehler"]


def test_jsonl_full_and_flat_households() -> None:
    lines = [
        json.dumps({"nr": 1, "stichtag": "2025-07-01", "haushalt": BMWSB_1}),
        "",
        "kein json",
        json.dumps({"nr": 3, **DRESDEN}),
        json.dumps([1, 2]),
        '{"nr": 5, "mietenstufe": 3, "miete_monat": 420.00, "anzahl_mitglieder": 1, '
        '"gesamteinkommen_monat": 1162.35}',
    ]
    aus = io.StringIO()
    b = stapel_datei(io.StringIO("\n".join(lines) + "\n"), aus, format="jsonl", on=D23)
    out = [json.loads(x) for x in aus.getvalue().splitlines()]
    assert (b.zeilen, b.berechnet, b.fehler) == (6, 3, 3) and len(out) == 6  # one line out per line in
    assert out[0]["wohngeld_monat"] == "110" and out[0]["haushalt"] == json.loads(lines[0])["haushalt"]
    assert out[1]["zeile_roh"] == "" and "Leerzeile" in out[1]["fehler"]
    assert out[2]["zeile_roh"] == "kein json" and "JSON" in out[2]["fehler"]
    assert out[3]["wohngeld_monat"] == "131" and out[3]["nr"] == 3
    assert out[4]["zeile_roh"] == "[1, 2]"
    assert out[5]["wohngeld_monat"] == "131"  # JSON numbers are read exactly as Decimal


def test_ten_thousand_rows_with_bad_rows(tmp_path: Path) -> None:
    """Every row accounted for, in order; the published amounts come back at their rows."""
    rows = ["nr,stichtag,mietenstufe,miete_monat,anzahl_mitglieder,gesamteinkommen_monat"]
    bad = {17, 2500, 5001, 9999}
    for i in range(10_000):
        if i in bad:
            rows.append(f"{i},2025-07-01,{'x' if i % 2 else ''},420.00,1,1162.35")
        elif i % 2:
            rows.append(f"{i},2023-07-01,3,420.00,1,1162.35")  # Dresden 2023: 131 €
        else:
            rows.append(f"{i},2025-07-01,1,300.00,1,1374.00")  # formel-bagatellgrenze: 0 €
    ein, aus = tmp_path / "ein.csv", tmp_path / "aus.csv"
    ein.write_text("\n".join(rows) + "\n", encoding="utf-8")
    res = CliRunner().invoke(main, ["stapel", str(ein), str(aus), "--json"])
    assert res.exit_code == 0, res.output
    assert json.loads(res.stdout) == {
        "zeilen": 10_000,
        "berechnet": 9_996,
        "fehler": 4,
        "spalten_ohne_bedeutung": ["nr"],
    }
    out = list(csv.DictReader(aus.open(encoding="utf-8")))
    assert [int(r["nr"]) for r in out] == list(range(10_000))
    for r in out:
        i = int(r["nr"])
        if i in bad:
            assert r["fehler"] and r["wohngeld_monat"] == ""
        else:
            assert r["fehler"] == "" and r["wohngeld_monat"] == ("131" if i % 2 else "0")
