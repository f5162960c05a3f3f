"""Report for docs/entwurf-2027.md: the shared cases and a grid of households under both rule sets.

Run from the repository root (needs the package installed or ``src`` on the path; the chart needs
matplotlib, which is not a dependency of the library):

    python tools/entwurf_2027_bericht.py            # rewrites the generated blocks and the PNG
    python tools/entwurf_2027_bericht.py --check    # exit 1 if docs/entwurf-2027.md is stale

The generated blocks sit between ``<!-- BEGIN name -->`` and ``<!-- END name -->`` in the page.
A report, not a test: the amounts come from ``wohngeld.vergleich``.
"""

from __future__ import annotations

import argparse
import re
import sys
from datetime import date
from decimal import Decimal
from pathlib import Path

from wohngeld import Haushalt
from wohngeld.analysis.vergleich import Vergleich, vergleich
from wohngeld.formats.faelle import Fall, lade_fall
from wohngeld.law.tabelle import named_store, rechtsstand
from wohngeld.rechenweg import format_zahl

ROOT = Path(__file__).resolve().parent.parent
DOC = ROOT / "docs" / "entwurf-2027.md"
PNG = ROOT / "docs" / "entwurf-2027-vergleich.png"
ON = date(2027, 1, 1)
ENTWURF = "Entwurf 2027"
ROEMISCH = ("I", "II", "III", "IV", "V", "VI", "VII")
MITGLIEDER = (1, 2, 3, 4, 5)
STUFEN = (1, 3, 5, 7)
EINKOMMEN = (800, 1200, 1600, 2000, 2600)


def _euro(x: Decimal) -> str:
    return format_zahl(x, 0)


def _obergrenze(n: int, stufe: int) -> Decimal:
    """Höchstbetrag plus Klimakomponente (the same cap under both rule sets)."""
    rs = rechtsstand(ON)
    return rs.hoechstbetraege.fuer(mitglieder=n, mietenstufe=stufe) + rs.klimakomponente.fuer(n)


def _haushalt(n: int, stufe: int, y: int) -> Haushalt:
    return Haushalt.model_validate(
        {
            "mietenstufe": stufe,
            "miete_monat": str(_obergrenze(n, stufe)),
            "anzahl_mitglieder": n,
            "gesamteinkommen_monat": str(y),
        }
    )


def faelle() -> list[Fall]:
    """The shared cases of tests/cases, without the draft's own cases."""
    base = ROOT / "tests" / "cases"
    out = []
    for p in sorted(base.glob("*/*.toml")):
        if p.parent.name == "entwurf-2027":
            continue
        f = lade_fall(p)
        name = f"{p.parent.name}/{p.stem}"
        out.append(Fall(name, f.title, f.source, f.stichtag, f.haushalt, f.erwartet, f.extra))
    return out


def tabelle_faelle(v: Vergleich) -> str:
    rows = ["| Fall | geltendes Recht | Entwurf 2027 | Differenz |", "|---|---:|---:|---:|"]
    for e in v.eintraege:
        if e.a is None or e.b is None:
            grund = (e.fehler_a or e.fehler_b or "").split(":")[0]
            rows.append(f"| `{e.name}` | – | – | nicht berechnet ({grund}) |")
            continue
        d = e.differenz
        assert d is not None
        b = f"{_euro(e.b.betrag_monat)}" + ("" if e.b.anspruch or not e.a.anspruch else " (kein Anspruch)")
        rows.append(f"| `{e.name}` | {_euro(e.a.betrag_monat)} | {b} | {d:+} |")
    return "\n".join(rows) + "\n\n" + _summe(v)


def _summe(v: Vergleich) -> str:
    z = v.zusammenfassung
    mittel = "–" if z.mittel_differenz is None else format_zahl(z.mittel_differenz, 2)
    return (
        f"{z.haushalte} Haushalte berechnet ({z.nicht_berechnet} nicht berechnet): {z.verlieren} erhalten "
        f"weniger, {z.gewinnen} mehr, {z.unveraendert} gleich viel; Anspruch entfällt bei "
        f"{z.anspruch_verloren}. Summe {_euro(z.summe_a)} € → {_euro(z.summe_b)} € im Monat "
        f"({'+' if z.summe_differenz > 0 else ''}{_euro(z.summe_differenz)} €, "
        f"im Mittel {mittel} € je Haushalt)."
    )


def tabelle_raster() -> str:
    haushalte = {(n, s, y): _haushalt(n, s, y) for n in MITGLIEDER for s in STUFEN for y in EINKOMMEN}
    v = vergleich({f"{k}": h for k, h in haushalte.items()}, on=ON)
    ergebnis = dict(zip(haushalte, v.eintraege, strict=True))
    kopf = "| Mitglieder | Mietenstufe | Miete | " + " | ".join(f"Y = {y} €" for y in EINKOMMEN) + " |"
    rows = [kopf, "|---|---|---:|" + "---:|" * len(EINKOMMEN)]
    for n in MITGLIEDER:
        for s in STUFEN:
            zellen = []
            for y in EINKOMMEN:
                e = ergebnis[(n, s, y)]
                assert e.a is not None and e.b is not None
                zellen.append(f"{_euro(e.a.betrag_monat)} → {_euro(e.b.betrag_monat)}")
            miete = format_zahl(_obergrenze(n, s), 2)
            rows.append(f"| {n} | {ROEMISCH[s - 1]} | {miete} | " + " | ".join(zellen) + " |")
    return "\n".join(rows) + "\n\n" + _summe(v)


def chart() -> bool:
    """Wohngeld over Y for 1, 2 and 4 members, Mietenstufe III, rent at the cap. False without matplotlib."""
    try:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError:
        return False
    fig, ax = plt.subplots(figsize=(8, 4.8), dpi=110)
    ys = list(range(400, 3601, 25))
    for n, farbe in ((1, "tab:blue"), (2, "tab:orange"), (4, "tab:green")):
        v = vergleich({str(y): _haushalt(n, 3, y) for y in ys}, on=ON)
        a = [float(e.a.betrag_monat) if e.a else 0.0 for e in v.eintraege]
        b = [float(e.b.betrag_monat) if e.b else 0.0 for e in v.eintraege]
        ax.plot(ys, a, color=farbe, label=f"{n} Pers., geltendes Recht")
        ax.plot(ys, b, color=farbe, linestyle="--", label=f"{n} Pers., Entwurf 2027")
    ax.set_xlabel("monatliches Gesamteinkommen Y (€)")
    ax.set_ylabel("Wohngeld (€ im Monat)")
    ax.set_title("Mietenstufe III, Miete in Höhe von Höchstbetrag + Klimakomponente, Stichtag 01.01.2027")
    ax.title.set_fontsize(9)
    ax.grid(alpha=0.3)
    ax.legend(fontsize=8)
    fig.tight_layout()
    fig.savefig(PNG, metadata={"Software": None})
    plt.close(fig)
    return True


def bloecke() -> dict[str, str]:
    named_store(ENTWURF)  # fails early if the rule set is missing
    return {
        "faelle": tabelle_faelle(vergleich(faelle(), on=ON, mietenstufe_fest=True)),
        "raster": tabelle_raster(),
    }


def einsetzen(text: str, blocks: dict[str, str]) -> str:
    for name, inhalt in blocks.items():
        muster = re.compile(rf"(<!-- BEGIN {name} -->\n).*?(<!-- END {name} -->)", re.S)
        if not muster.search(text):
            raise SystemExit(f"{DOC}: marker <!-- BEGIN {name} --> … <!-- END {name} --> missing")
        text = muster.sub(lambda m, neu=inhalt: m.group(1) + neu + "\n" + m.group(2), text)
    return text


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only check that the page is up to date")
    args = parser.parse_args()
    alt = DOC.read_text(encoding="utf-8")
    neu = einsetzen(alt, bloecke())
    if args.check:
        if neu != alt:
            print(f"{DOC} is stale: run python tools/entwurf_2027_bericht.py", file=sys.stderr)
            return 1
        return 0
    DOC.write_text(neu, encoding="utf-8")
    print(f"wrote {DOC}" + (f" and {PNG}" if chart() else " (no chart: matplotlib not installed)"))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
