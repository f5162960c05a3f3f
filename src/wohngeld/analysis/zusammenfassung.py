"""Aggregate report of a batch: recipients, mean and total monthly Wohngeld by Mietenstufe and size.

No rule lives here: the report adds up computed amounts. Weights (``gewicht``, e.g. the
Hochrechnungsfaktor of a sample) are exact decimals; a weight given as a binary float is taken with
six decimals. Totals are exact; the mean per recipient is the exact quotient (shown with cents).
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any, Literal

from ..money import NULL as _NULL
from ..money import ROUND_HALF_EVEN, auf_stellen

__all__ = ["Gruppe", "aus_stapel_datei", "nebeneinander", "tabelle_text", "zusammenfassen"]

ALLE = "alle"


@dataclass(slots=True)
class Gruppe:
    """Weighted counts and sums of one group (Mietenstufe, Haushaltsgröße)."""

    haushalte: Decimal = _NULL
    empfaenger: Decimal = _NULL
    summe: Decimal = _NULL
    fehler: int = 0


def _gewicht(w: object) -> Decimal:
    if w is None or w == "":
        return Decimal(1)
    if isinstance(w, float):
        return auf_stellen(Decimal(repr(w)), 6, ROUND_HALF_EVEN)
    try:
        d = Decimal(str(w).strip().replace(",", "."))
    except InvalidOperation:
        raise ValueError(f"gewicht: {w!r} ist keine Zahl") from None
    if not d.is_finite() or d < 0:
        raise ValueError(f"gewicht: {w!r} angegeben; erwartet eine Zahl ≥ 0")
    return d


def zusammenfassen(
    zeilen: Iterable[tuple[object, object, object, Decimal | int | None]],
) -> list[dict[str, Any]]:
    """Rows ``(mietenstufe, haushaltsgroesse, gewicht, betrag_monat)`` → one row per group and ``alle``.

    ``betrag_monat`` None: a row that could not be computed (counted in ``fehler`` only).
    Columns: mietenstufe, haushaltsgroesse, haushalte, empfaenger, wohngeld_summe_monat,
    wohngeld_mittel_monat (per recipient; None without recipients), fehler.
    """
    gruppen: dict[tuple[str, str], Gruppe] = {}
    alle = Gruppe()
    for stufe, groesse, gewicht, betrag in zeilen:
        key = ("" if stufe is None else str(stufe), "" if groesse is None else str(groesse))
        g = gruppen.setdefault(key, Gruppe())
        if betrag is None:
            g.fehler += 1
            alle.fehler += 1
            continue
        w = _gewicht(gewicht)
        b = Decimal(betrag)
        for x in (g, alle):
            x.haushalte += w
            if b > 0:
                x.empfaenger += w
                x.summe += w * b

    def _sort(k: tuple[str, str]) -> tuple[int, int, str, str]:
        s, n = k
        return (int(s) if s.isdigit() else 99, int(n) if n.isdigit() else 999, s, n)

    out = [
        _zeile(s or "?", n or "?", g) for (s, n), g in sorted(gruppen.items(), key=lambda kv: _sort(kv[0]))
    ]
    out.append(_zeile(ALLE, ALLE, alle))
    return out


def _zeile(stufe: str, groesse: str, g: Gruppe) -> dict[str, Any]:
    return {
        "mietenstufe": stufe,
        "haushaltsgroesse": groesse,
        "haushalte": g.haushalte,
        "empfaenger": g.empfaenger,
        "wohngeld_summe_monat": g.summe,
        "wohngeld_mittel_monat": g.summe / g.empfaenger if g.empfaenger else None,
        "fehler": g.fehler,
    }


def nebeneinander(
    a: Sequence[Mapping[str, Any]], b: Sequence[Mapping[str, Any]], namen: tuple[str, str]
) -> list[dict[str, Any]]:
    """Two reports side by side (e.g. the law in force and a scenario), with the differences."""
    werte = ("haushalte", "empfaenger", "wohngeld_summe_monat", "wohngeld_mittel_monat", "fehler")
    ib = {(z["mietenstufe"], z["haushaltsgroesse"]): z for z in b}
    ia = {(z["mietenstufe"], z["haushaltsgroesse"]): z for z in a}
    keys = list(ia) + [k for k in ib if k not in ia]
    out = []
    for k in keys:
        za, zb = ia.get(k, {}), ib.get(k, {})
        row: dict[str, Any] = {"mietenstufe": k[0], "haushaltsgroesse": k[1]}
        for w in werte:
            row[f"{w} ({namen[0]})"] = za.get(w)
            row[f"{w} ({namen[1]})"] = zb.get(w)
        for w in ("empfaenger", "wohngeld_summe_monat"):
            x, y = za.get(w) or _NULL, zb.get(w) or _NULL
            row[f"{w} (Differenz)"] = y - x
        out.append(row)
    return out


def _zahl(x: object) -> str:
    if x is None:
        return "–"
    if isinstance(x, Decimal):
        t = f"{x:,.2f}" if x != x.to_integral_value() else f"{x:,.0f}"
        return t.replace(",", "\u202f").replace(".", ",")
    return str(x)


def tabelle_text(zeilen: Sequence[Mapping[str, Any]]) -> str:
    """A report as a plain text table (German number format)."""
    if not zeilen:
        return ""
    spalten = list(zeilen[0])
    texte = [[_zahl(z.get(s)) for s in spalten] for z in zeilen]
    breiten = [max(len(s), *(len(t[i]) for t in texte)) for i, s in enumerate(spalten)]
    linien = ["  ".join(s.ljust(b) for s, b in zip(spalten, breiten, strict=True))]
    for t in texte:
        linien.append("  ".join(x.rjust(b) for x, b in zip(t, breiten, strict=True)))
    return "\n".join(linien)


def aus_stapel_datei(
    path: Path, format: Literal["csv", "jsonl"], *, dezimalkomma: bool = False
) -> list[dict[str, Any]]:
    """The report of a file written by ``wohngeld stapel`` (its input columns plus the results).

    Mietenstufe from the column ``mietenstufe``, household size from ``anzahl_mitglieder`` (or the
    number of ``mitglieder`` of a full household in JSON Lines), weight from ``gewicht``;
    ``dezimalkomma``: amounts written as 1.234,50.
    """
    zeilen: list[tuple[object, object, object, Decimal | None]] = []
    with path.open(encoding="utf-8", newline="") as fh:
        if format == "csv":
            kopf = fh.readline()
            trenn = ";" if kopf.count(";") > kopf.count(",") else ","
            namen = next(csv.reader([kopf], delimiter=trenn))
            for row in csv.DictReader(fh, fieldnames=namen, delimiter=trenn):
                zeilen.append(_aus_zeile(row, dezimalkomma))
        else:
            for line in fh:
                if line.strip():
                    obj = json.loads(line, parse_float=Decimal)
                    h = obj.get("haushalt")
                    if isinstance(h, dict):
                        obj = {
                            **obj,
                            "mietenstufe": h.get("mietenstufe"),
                            "anzahl_mitglieder": h.get("anzahl_mitglieder")
                            or len(h.get("mitglieder") or ())
                            or None,
                        }
                    zeilen.append(_aus_zeile(obj, dezimalkomma))
    return zusammenfassen(zeilen)


def _aus_zeile(row: Mapping[str, Any], dezimalkomma: bool) -> tuple[object, object, object, Decimal | None]:
    b = row.get("wohngeld_monat")
    g = row.get("gewicht")
    if dezimalkomma:
        b = None if b is None else str(b).replace(".", "").replace(",", ".")
        g = None if g is None else str(g).replace(".", "").replace(",", ".")
    betrag = None if b in (None, "") else Decimal(str(b))
    return row.get("mietenstufe") or None, row.get("anzahl_mitglieder") or None, g, betrag
