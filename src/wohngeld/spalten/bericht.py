"""Aggregate report of a columnar result (``wohngeld[spalten]``): the analyst's view as a DataFrame.

Recipients, total and mean monthly Wohngeld by Mietenstufe and number of zu berücksichtigende
members, weighted by ``gewicht`` (taken with six decimals), for one rule set or two side by side.
The sums are exact (int64 fixed point, Decimal in the frame).
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import Any

import numpy as np

from ..analysis.zusammenfassung import Gruppe, _zeile, nebeneinander
from ._rechnen import Spaltenergebnis

__all__ = ["zusammenfassung"]


def _gruppen(e: Spaltenergebnis) -> list[dict[str, Any]]:
    t = e.ergebnis
    n = t.num_rows
    stufe = np.asarray(t.column("mietenstufe").fill_null(0).to_numpy(), dtype=np.int64)
    groesse = np.asarray(t.column("mitglieder").fill_null(0).to_numpy(), dtype=np.int64)
    betrag_col = t.column("betrag_monat")
    fehlt = np.asarray(betrag_col.is_null().to_numpy(), dtype=bool)
    betrag = np.asarray(betrag_col.fill_null(0).to_numpy(), dtype=np.int64)
    w = np.asarray(t.column("gewicht").fill_null(np.nan).to_numpy(), dtype=np.float64)
    fehlt |= ~np.isfinite(w)
    w6 = np.where(fehlt, 0, np.rint(np.where(np.isfinite(w), w, 0) * 1e6)).astype(np.int64)
    key = stufe * 1000 + groesse
    keys, inv = np.unique(key, return_inverse=True)
    k = len(keys)
    empf = betrag > 0

    def summe(x: np.ndarray[Any, Any]) -> np.ndarray[Any, Any]:
        if float(np.abs(x.astype(np.float64)).sum()) < 4e18:
            out = np.zeros(k, dtype=np.int64)
            np.add.at(out, inv, x)
            return out
        o = np.zeros(k, dtype=object)
        for i, v in zip(inv, x, strict=True):
            o[i] += int(v)
        return o

    hh = summe(w6)
    em = summe(np.where(empf, w6, 0))
    su = summe(np.where(empf, w6 * betrag, 0))
    fe = np.bincount(inv, weights=fehlt, minlength=k).astype(np.int64) if n else np.zeros(k, dtype=np.int64)
    zeilen = []
    alle = Gruppe()
    for i, key_i in enumerate(keys):
        g = Gruppe(
            haushalte=Decimal(int(hh[i])).scaleb(-6),
            empfaenger=Decimal(int(em[i])).scaleb(-6),
            summe=Decimal(int(su[i])).scaleb(-6),
            fehler=int(fe[i]),
        )
        alle.haushalte += g.haushalte
        alle.empfaenger += g.empfaenger
        alle.summe += g.summe
        alle.fehler += g.fehler
        s, m = divmod(int(key_i), 1000)
        zeilen.append(_zeile(str(s) if s else "?", str(m) if m else "?", g))
    zeilen.append(_zeile("alle", "alle", alle))
    return zeilen


def zusammenfassung(
    ergebnis: Spaltenergebnis,
    vergleich: Spaltenergebnis | None = None,
    *,
    namen: Sequence[str] = ("geltendes Recht", "Szenario"),
) -> Any:
    """Recipients, total and mean Wohngeld by Mietenstufe and size as a pandas DataFrame.

    With ``vergleich`` (the same households under another rule set, e.g. ``rechtsstand="Entwurf
    2027"``): both side by side with the differences. A row of ``fehler`` counts only there.
    """
    import pandas as pd

    a = _gruppen(ergebnis)
    if vergleich is None:
        return pd.DataFrame(a)
    return pd.DataFrame(nebeneinander(a, _gruppen(vergleich), (namen[0], namen[1])))
