"""Side by side: wohngeld.spalten and GETTSIM on the same 100 000 households (throughput only).

Run: ``python benchmarks/bench_gettsim.py [N] [PYTHON]``. GETTSIM lives in its own environment and
is only run, never imported here: ``python -m venv /tmp/gettsim-venv && /tmp/gettsim-venv/bin/pip
install gettsim``; PYTHON defaults to ``/tmp/gettsim-venv/bin/python`` (without it the script
prints only this library's figure). The households of ``wohngeld.spalten.synthetisch`` (Stichtag
1.7.2025) are written to a temporary ``.npz`` of per-person columns; a small driver in the GETTSIM
environment builds GETTSIM's input tree from them (Erwerbseinkommen as Bruttolohn, Altersrente as
gesetzliche Rente, Arbeitslosengeld, children linked to the first adult, a second adult as spouse)
and times one vectorised call (cold and warm). The amounts are not compared: the two models differ
in what they take as given (GETTSIM derives taxes, contributions and Kindergeld itself).
"""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

TREIBER = r"""
import json, sys, time
import numpy as np
from gettsim import InputData, TTTargets, main

d = np.load(sys.argv[1])
n = len(d["p_id"])
z = lambda v: np.full(n, v)
tree = {
    "p_id": d["p_id"], "hh_id": d["hh_id"], "alter": d["alter"], "anzahl_personen_hh": d["groesse"],
    "geburtsjahr": 2025 - d["alter"], "geburtsmonat": z(1), "geburtstag": z(1),
    "behinderungsgrad": z(0), "vermögen": z(0.0),
    "bürgergeld": {"bezug_im_vorjahr": z(False), "p_id_einstandspartner": z(-1)},
    "einkommensteuer": {
        "betrag_y_sn": z(0.0), "gemeinsam_veranlagt": z(False),
        "einkünfte": {
            "aus_selbstständiger_arbeit": {"betrag_m": z(0.0)},
            "aus_vermietung_und_verpachtung": {"betrag_m": z(0.0)},
            "sonstige": {"alle_weiteren_m": z(0.0),
                         "rente": {"betrag_m": z(0.0),
                                   "alter_beginn_leistungsbezug_sonstige_private_vorsorge": z(65)}},
            "aus_nichtselbstständiger_arbeit": {"tatsächliche_werbungskosten_y": z(0.0)},
        },
    },
    "einnahmen": {
        "bruttolohn_m": d["lohn"], "kapitalerträge_y": z(0.0),
        "renten": {"gesetzliche_m": d["rente"], "sonstige_private_vorsorge_m": z(0.0),
                   "geförderte_private_vorsorge_m": z(0.0), "basisrente_m": z(0.0),
                   "betriebliche_altersvorsorge_m": z(0.0), "aus_berufsständischen_versicherungen_m": z(0.0)},
    },
    "elterngeld": {"anrechenbarer_betrag_m": z(0.0), "betrag_m": z(0.0)},
    "familie": {"alleinerziehend": z(False), "p_id_ehepartner": d["partner"],
                "p_id_elternteil_1": d["elternteil"], "p_id_elternteil_2": z(-1)},
    "kindergeld": {"ist_leistungsbegründendes_kind": d["kind"], "p_id_empfänger": d["elternteil"]},
    "solidaritätszuschlag": {"betrag_y_sn": z(0.0)},
    "sozialversicherung": {
        "arbeitslosen": {"betrag_m": d["alg"]}, "beiträge_versicherter_m": z(0.0),
        "kranken": {"beitrag": {"betrag_versicherter_m": z(0.0)}},
        "rente": {"jahr_renteneintritt": z(2050), "bezieht_rente": d["rente"] > 0,
                  "grundrente": {"grundrentenzeiten_monate": z(0)},
                  "beitrag": {"betrag_versicherter_m": z(0.0)}, "erwerbsminderung": {"betrag_m": z(0.0)}},
    },
    "unterhalt": {"tatsächlich_erhaltener_betrag_m": z(0.0)},
    "unterhaltsvorschuss": {"betrag_m": z(0.0)},
    "wohnen": {"baujahr_immobilie_hh": z(1980), "bewohnt_eigentum_hh": z(False),
               "bruttokaltmiete_m_hh": d["miete"], "heizkosten_m_hh": z(0.0), "wohnfläche_hh": z(60.0)},
    "wohngeld": {"mietstufe_hh": d["stufe"], "mindesteinkommen_erreicht_bg": z(True),
                 "mindesteinkommen_erreicht_wthh": z(True)},
}
zeiten = []
for _ in range(3):
    t = time.perf_counter()
    r = main(main_target="results__df_with_nested_columns", input_data=InputData.tree(tree),
             policy_date_str="2025-07-01",
             tt_targets=TTTargets.tree({"wohngeld": {"anspruchshöhe_m_wthh": None}}),
             rounding=True, backend="numpy", include_warn_nodes=False)
    zeiten.append(time.perf_counter() - t)
werte = np.asarray(r.iloc[:, 0], dtype=float)
print(json.dumps({"zeiten": zeiten, "personen": n,
                  "haushalte_mit_anspruch": int(len(np.unique(d["hh_id"][werte > 0])))}))
"""


def main() -> None:
    """Print both throughputs and their ratio."""
    import numpy as np
    import pyarrow as pa
    import pyarrow.compute

    from wohngeld.spalten import berechne
    from wohngeld.spalten.synthetisch import haushalte

    n = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    python = Path(sys.argv[2] if len(sys.argv) > 2 else "/tmp/gettsim-venv/bin/python")
    H, M, E = haushalte(n, seed=11)
    H = H.set_column(1, "stichtag", pa.array([date(2025, 7, 1)] * n))
    berechne(H.slice(0, 100), M, E)
    zeiten = []
    for _ in range(3):
        t = time.perf_counter()
        berechne(H, M, E)
        zeiten.append(time.perf_counter() - t)
    eigen = statistics.median(zeiten)
    anspruch = pa.compute.sum(berechne(H, M, E).ergebnis.column("anspruch")).as_py()
    print(
        f"wohngeld.spalten: {n:,} households in {eigen:.2f} s → {n / eigen:,.0f} households/s "
        f"({anspruch:,} with a claim)"
    )
    if not python.exists():
        print(f"GETTSIM: no environment at {python} (see the module docstring); not run")
        return
    hh = np.asarray(M.column("haushalt_id").to_numpy())
    kind = np.asarray(M.column("kind").to_numpy(zero_copy_only=False))
    p_id = np.arange(len(hh))
    erster = np.r_[0, np.flatnonzero(hh[1:] != hh[:-1]) + 1]
    groesse = np.diff(np.r_[erster, len(hh)])
    start = np.repeat(erster, groesse)
    pos = p_id - start
    art = np.asarray(E.column("art").combine_chunks().indices.to_numpy())
    cents = np.frombuffer(E.column("brutto_monat").combine_chunks().buffers()[1], dtype=np.int64)[::2]
    betrag = cents / 100.0
    g_p = np.repeat(groesse, groesse)
    zweiter_erwachsen = (g_p > 1) & ~kind[np.minimum(start + 1, len(hh) - 1)]
    partner = np.where((pos == 1) & ~kind, start, np.where((pos == 0) & zweiter_erwachsen, start + 1, -1))
    stufe = np.asarray(H.column("mietenstufe").to_numpy())[hh]
    miete_h = (
        np.frombuffer(
            pa.compute.coalesce(H.column("miete_monat"), H.column("belastung_monat"))
            .combine_chunks()
            .buffers()[1],
            dtype=np.int64,
        )[::2]
        / 100.0
    )
    daten = {
        "p_id": p_id, "hh_id": hh, "alter": np.where(kind, 10, 40), "groesse": g_p,
        "kind": kind, "elternteil": np.where(kind, start, -1), "partner": partner,
        "lohn": np.where(art == 0, betrag, 0.0), "rente": np.where(art == 1, betrag, 0.0),
        "alg": np.where(art == 2, betrag, 0.0), "stufe": stufe, "miete": miete_h[hh],
    }  # fmt: skip
    with tempfile.TemporaryDirectory() as tmp:
        pfad = Path(tmp) / "personen.npz"
        np.savez(pfad, **daten)
        treiber = Path(tmp) / "treiber.py"
        treiber.write_text(TREIBER, encoding="utf-8")
        out = subprocess.run(
            [str(python), str(treiber), str(pfad)], capture_output=True, text=True, check=False
        )
    if out.returncode != 0:
        print("GETTSIM failed:", out.stderr.strip().splitlines()[-1] if out.stderr else out.returncode)
        return
    r = json.loads(out.stdout.strip().splitlines()[-1])
    kalt, warm = r["zeiten"][0], statistics.median(r["zeiten"][1:])
    print(
        f"GETTSIM: {n:,} households ({r['personen']:,} persons), one call: cold {kalt:.2f} s, "
        f"warm {warm:.2f} s → {n / warm:,.0f} households/s ({r['haushalte_mit_anspruch']:,} with a claim)"
    )
    print(f"ratio (warm): wohngeld.spalten is {warm / eigen:.1f}× the throughput of GETTSIM")


if __name__ == "__main__":
    main()
