"""Cross-check against an independent implementation: § 19 and M of this library against GETTSIM.

Run: ``python benchmarks/abgleich_gettsim.py [N] [PYTHON]`` (N random households per date, default
4 000). GETTSIM lives in its own environment and is only run, never imported here (see
``bench_gettsim.py`` for the environment); PYTHON defaults to ``/tmp/gettsim-venv/bin/python``.

Five stages, each on random households for dates from 2016 to 2026, compared to the cent:

1. **§ 19 WoGG alone** (Anlage 2 coefficients for 1–12 members, Anlage 3 rounding): members, M and
   Y at or above the Mindestwerte of Anlage 3 Nr. 1 go to :func:`wohngeld.wohngeld_aus_m_y` and to
   GETTSIM's ``wohngeld__basisbetrag_m_wthh`` (M, Y and the number of members given as data).
2. **The zu berücksichtigende Miete** (§§ 11, 12 WoGG: Höchstbeträge of Anlage 1 by Mietenstufe and
   members, the heating amounts of § 12 Abs. 6, the Klimakomponente of § 12 Abs. 7): a
   Bruttokaltmiete above the Mindestwert of M, Mietenstufe and members go to :func:`wohngeld.calculate`
   (``M_berechnet``) and to GETTSIM's ``wohngeld__miete_m_hh``.

3. **§ 19 Abs. 3 WoGG** for 13–15 members (M and Y at or above the Mindestwerte for twelve).
4. **Y of one employee** (§ 14 WoGG with the Werbungskosten-Pauschbetrag of § 9a Satz 1 Nr. 1 EStG,
   the 10/20/30 % of § 16 WoGG in every combination): gross wage and the three § 16 criteria go to
   :func:`wohngeld.calculate` (``Y_berechnet``) and to GETTSIM's ``wohngeld__einkommen_vor_freibetrag_m``.
5. **The Grundrenten-Freibetrag of § 17a WoGG** (from 2021; 100 € of the gross gesetzliche Rente and
   30 % above, at most half of Regelbedarfsstufe 1): Y without minus Y with the 33 years, in a
   household whose Y stays positive, against GETTSIM's ``wohngeld__freibetrag_m``.

Where the two differ by a reading documented in docs/rechtsauslegung.md, the row is counted by its
reading: GETTSIM caps the amount for up to twelve members at M (§ 19 Abs. 1 WoGG has no cap), raises
an amount of 0 € for twelve, caps the amount for twelve at M before the raise, and rounds M where
the raise is cut at it. Any other difference is printed.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
import tomllib
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

TREIBER = r"""
import json, sys
import numpy as np
from gettsim import InputData, TTTargets, main

d = np.load(sys.argv[1])
stufe, datum = sys.argv[2], sys.argv[3]
ids = np.arange(len(d[d.files[0]]))
if stufe == "formel":
    tree = {"p_id": ids, "hh_id": ids, "wthh_id": ids,
            "wohngeld": {"einkommen_m_wthh": d["y"], "miete_m_wthh": d["m"], "anzahl_personen_wthh": d["n"]}}
    ziel = {"wohngeld": {"basisbetrag_m_wthh": None}}
elif stufe == "einkommen":
    z = lambda v: np.full(len(ids), v)
    tree = {"p_id": ids, "hh_id": ids, "wthh_id": ids, "geburtsjahr": z(1980), "alter_monate": z(540),
            "einnahmen": {"bruttolohn_m": d["lohn"], "kapitalerträge_y": z(0.0)},
            "einkommensteuer": {"betrag_y_sn": d["st"] * 100.0, "einkünfte": {
                "aus_selbstständiger_arbeit": {"betrag_m": z(0.0)},
                "aus_vermietung_und_verpachtung": {"betrag_m": z(0.0)},
                "sonstige": {"alle_weiteren_m": z(0.0), "rente": {"steuerpflichtige_einnahmen_m": z(0.0)}},
                "aus_nichtselbstständiger_arbeit": {"tatsächliche_werbungskosten_y": z(0.0)}}},
            "sozialversicherung": {"arbeitslosen": {"betrag_m": z(0.0)},
                                   "rente": {"beitrag": {"betrag_versicherter_m": d["rv"] * 10.0}},
                                   "kranken": {"beitrag": {"betrag_versicherter_m": d["kv"] * 10.0}}},
            "unterhalt": {"tatsächlich_erhaltener_betrag_m": z(0.0)},
            "unterhaltsvorschuss": {"betrag_m": z(0.0)},
            "elterngeld": {"anrechenbarer_betrag_m": z(0.0)}}
    ziel = {"wohngeld": {"einkommen_vor_freibetrag_m": None}}
elif stufe == "grundrente":
    z = lambda v: np.full(len(ids), v)
    tree = {"p_id": ids, "hh_id": ids, "wthh_id": ids, "geburtsjahr": z(1950), "alter_monate": z(900),
            "behinderungsgrad": z(0), "familie": {"alleinerziehend": z(False)},
            "einnahmen": {"bruttolohn_m": z(0.0), "renten": {"gesetzliche_m": d["rente"]}},
            "sozialversicherung": {"rente": {"bezieht_rente": z(True),
                                             "grundrente": {"grundsätzlich_anspruchsberechtigt": z(True)}}},
            "wohngeld": {"ist_kind_mit_erwerbseinkommen": z(False)}}
    ziel = {"wohngeld": {"freibetrag_m": None}}
else:
    tree = {"p_id": ids, "hh_id": ids, "wthh_id": ids, "anzahl_personen_hh": d["n"],
            "wohnen": {"bruttokaltmiete_m_hh": d["m"], "baujahr_immobilie_hh": np.full(len(ids), 1980),
                       "heizkosten_m_hh": np.zeros(len(ids))},
            "wohngeld": {"mietstufe_hh": d["stufe"]}}
    ziel = {"wohngeld": {"miete_m_hh": None}}
r = main(main_target="results__df_with_nested_columns", input_data=InputData.tree(tree),
         policy_date_str=datum, tt_targets=TTTargets.tree(ziel), rounding=True, backend="numpy",
         include_warn_nodes=False)
print(json.dumps(np.asarray(r.iloc[:, 0], dtype=float).tolist()))
"""

DATEN = [
    "2016-07-01", "2017-07-01", "2019-07-01", "2020-01-01", "2020-07-01", "2021-07-01", "2022-07-01",
    "2023-01-01", "2024-07-01", "2025-01-01", "2025-07-01", "2026-07-01",
]


def _mindestwerte(datum: str) -> dict[str, list[int]]:
    """The Mindestwerte of Anlage 3 Nr. 1 WoGG in force on ``datum`` (from the library's data)."""
    ordner = Path(__file__).resolve().parents[1] / "data" / "parameters" / "mindestwerte"
    datei = max(p for p in ordner.glob("*.toml") if p.name[:10] <= datum)
    with datei.open("rb") as f:
        daten = tomllib.load(f)
    return {"M": daten["M"], "Y": daten["Y"]}


def _gettsim(python: Path, treiber: Path, stufe: str, datum: str, spalten: dict[str, Any]) -> list[float]:
    import numpy as np

    with tempfile.TemporaryDirectory() as tmp:
        pfad = Path(tmp) / "h.npz"
        np.savez(pfad, **spalten)
        aus = subprocess.run(
            [str(python), str(treiber), str(pfad), stufe, datum], capture_output=True, text=True, check=True
        )
    return [float(x) for x in json.loads(aus.stdout)]


def _formel(g: list[float], k: Any, m: Any, y: Any, on: date) -> str:
    """§ 19 for up to twelve members: differences, apart from GETTSIM's cap at M."""
    from wohngeld import wohngeld_aus_m_y

    anders: list[tuple[object, ...]] = []
    deckel = 0
    for i in range(len(g)):
        f = wohngeld_aus_m_y(mitglieder=int(k[i]), M=f"{m[i]:.2f}", Y=f"{y[i]:.2f}", on=on)
        if float(f.betrag) == g[i]:
            continue
        if f.z4 > Decimal(f"{m[i]:.2f}") and abs(g[i] - m[i]) <= 0.5:
            deckel += 1  # GETTSIM caps at M; § 19 Abs. 1 WoGG does not
        else:
            anders.append((int(k[i]), f"{m[i]:.2f}", f"{y[i]:.2f}", str(f.betrag), g[i]))
    return f"{len(anders)} differences, {deckel} above M (GETTSIM caps) {anders[:5]}"


def _ueber_zwoelf(g: list[float], k: Any, m: Any, y: Any, on: date) -> str:
    """§ 19 Abs. 3 for 13–15 members: differences by the readings of docs/rechtsauslegung.md."""
    from wohngeld import wohngeld_aus_m_y

    klassen: dict[str, int] = {}
    for i in range(len(g)):
        f = wohngeld_aus_m_y(mitglieder=int(k[i]), M=f"{m[i]:.2f}", Y=f"{y[i]:.2f}", on=on)
        if float(f.betrag) == g[i]:
            continue
        zwoelf = wohngeld_aus_m_y(mitglieder=12, M=f"{m[i]:.2f}", Y=f"{y[i]:.2f}", on=on)
        if zwoelf.betrag == 0:
            klasse = "no amount for twelve: no raise (GETTSIM raises)"
        elif zwoelf.z4 > Decimal(f"{m[i]:.2f}"):
            klasse = "amount for twelve above M: kept (GETTSIM caps)"
        elif abs(g[i] - m[i]) <= 0.5:
            klasse = "raise cut at M (GETTSIM rounds M)"
        else:
            klasse = f"OTHER {(int(k[i]), f'{m[i]:.2f}', f'{y[i]:.2f}', str(f.betrag), g[i])}"
        klassen[klasse] = klassen.get(klasse, 0) + 1
    return str(klassen)


def _miete(g: list[float], k: Any, stufe: Any, miete: Any, on: date) -> str:
    """M of §§ 11, 12: differences to the cent."""
    from wohngeld import Haushalt, Miete, calculate

    anders = []
    for i in range(len(g)):
        h = Haushalt(
            mietenstufe=int(stufe[i]), wohnkosten=Miete(miete_monat=f"{miete[i]:.2f}"),
            anzahl_mitglieder=int(k[i]), gesamteinkommen_monat="3000",
        )
        ours = calculate(h, on=on).M_berechnet
        if abs(float(ours) - g[i]) > 0.005:
            anders.append((int(k[i]), int(stufe[i]), f"{miete[i]:.2f}", str(ours), g[i]))
    return f"{len(anders)} differences {anders[:5]}"


def _einkommen(g: list[float], lohn: Any, st: Any, rv: Any, kv: Any, on: date) -> str:
    """Y of one employee (§ 14 with the Werbungskosten-Pauschbetrag of § 9a EStG, § 16): differences."""
    from wohngeld import Haushalt, calculate

    anders = []
    for i in range(len(g)):
        h = Haushalt.model_validate({"mietenstufe": 3, "miete_monat": "500", "mitglieder": [{
            "einnahmen": [{"art": "Erwerbseinkommen", "brutto_monat": f"{lohn[i]:.2f}"}],
            "pauschalabzug": {"steuern": bool(st[i]), "kranken_pflege": bool(kv[i]), "rente": bool(rv[i])},
        }]})
        ours = calculate(h, on=on).Y_berechnet
        if abs(float(ours) - g[i]) > 0.005:
            anders.append((f"{lohn[i]:.2f}", int(st[i]), int(kv[i]), int(rv[i]), str(ours), g[i]))
    return f"{len(anders)} differences {anders[:5]}"


def _grundrente(g: list[float], rente: Any, on: date) -> str:
    """The § 17a Freibetrag: Y without it minus Y with it, in a household whose Y stays positive."""
    from wohngeld import Haushalt, calculate

    def y(i: int, zeiten: bool) -> Decimal:
        h = Haushalt.model_validate({"mietenstufe": 3, "miete_monat": "500", "mitglieder": [
            {"einnahmen": [{"art": "Altersrente", "brutto_monat": f"{rente[i]:.2f}"}],
             "pauschalabzug": {"kranken_pflege": True}, "grundrentenzeiten_33_jahre": zeiten},
            {"einnahmen": [{"art": "Erwerbseinkommen", "brutto_monat": "3000"}],
             "pauschalabzug": {"kranken_pflege": True, "rente": True, "steuern": True}},
        ]})
        return calculate(h, on=on).Y_berechnet

    anders = []
    for i in range(len(g)):
        freibetrag = y(i, False) - y(i, True)
        if abs(float(freibetrag) - g[i]) > 0.005:
            anders.append((f"{rente[i]:.2f}", str(freibetrag), g[i]))
    return f"{len(anders)} differences {anders[:5]}"


def main() -> None:
    """Print, per date and stage, how many households were compared and every difference."""
    import numpy as np

    n = int(sys.argv[1]) if len(sys.argv) > 1 else 4_000
    python = Path(sys.argv[2] if len(sys.argv) > 2 else "/tmp/gettsim-venv/bin/python")
    if not python.exists():
        print(f"GETTSIM: no environment at {python} (see bench_gettsim.py); not run")
        return
    rng = np.random.default_rng(7)
    with tempfile.TemporaryDirectory() as tmp:
        treiber = Path(tmp) / "treiber.py"
        treiber.write_text(TREIBER)
        for datum in DATEN:
            on = date.fromisoformat(datum)
            mw = _mindestwerte(datum)
            k = rng.integers(1, 13, n)
            m = np.maximum(rng.integers(100_00, 2500_00, n) / 100, np.array(mw["M"])[k - 1])
            y = np.maximum(rng.integers(0, 6000_00, n) / 100, np.array(mw["Y"])[k - 1])
            g = _gettsim(python, treiber, "formel", datum, {"n": k, "m": m, "y": y})
            print(f"{datum} § 19, 1–12 members: {n} households, {_formel(g, k, m, y, on)}")

            k13 = rng.integers(13, 16, n)
            m13 = np.maximum(rng.integers(100_00, 3000_00, n) / 100, mw["M"][11])
            y13 = np.maximum(rng.integers(0, 8000_00, n) / 100, mw["Y"][11])
            g = _gettsim(python, treiber, "formel", datum, {"n": k13, "m": m13, "y": y13})
            zeile = _ueber_zwoelf(g, k13, m13, y13, on)
            print(f"{datum} § 19 Abs. 3, 13–15 members: {n} households, {zeile}")

            stufe = rng.integers(1, 8 if datum >= "2020" else 7, n)
            miete = np.maximum(rng.integers(50_00, 2000_00, n) / 100, np.array(mw["M"])[k - 1] + 1)
            g = _gettsim(python, treiber, "miete", datum, {"n": k, "stufe": stufe, "m": miete})
            print(f"{datum} M (§§ 11, 12): {n} households, {_miete(g, k, stufe, miete, on)}")

            lohn = rng.integers(0, 6000_00, n) / 100
            st, rv, kv = (rng.integers(0, 2, n) for _ in range(3))
            g = _gettsim(python, treiber, "einkommen", datum, {"lohn": lohn, "st": st, "rv": rv, "kv": kv})
            print(f"{datum} Y of an employee (§§ 14, 16): {n} persons, {_einkommen(g, lohn, st, rv, kv, on)}",
                  flush=True)
            if datum >= "2021":
                rente = rng.integers(0, 3000_00, n) / 100
                g = _gettsim(python, treiber, "grundrente", datum, {"rente": rente})
                print(f"{datum} § 17a Freibetrag: {n} pensions, {_grundrente(g, rente, on)}", flush=True)


if __name__ == "__main__":
    main()
