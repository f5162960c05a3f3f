"""Wohngeld for whole populations as columns (optional extra ``wohngeld[spalten]``: numpy, pyarrow).

:func:`berechne` takes households, members and their Einnahmen as columns and returns one row per
household, identical to :func:`wohngeld.calculate` to the cent and the euro: the kernel computes
§§ 11–17, 19 and 21 Nr. 1 WoGG in exact int64 fixed point with the parameters of the same store;
every row that needs a rule the kernel does not have goes through the scalar engine and is flagged
(``weg = "einzeln"`` and ``weg_grund``). ``import wohngeld`` does not import numpy.

Long layout (pyarrow Tables, pandas DataFrames or dicts of columns, joined by ids)::

    haushalte   id (unique), stichtag (date or JJJJ-MM-TT; else ``on``),
                mietenstufe (1–7) | gemeinde | plz (+ ort), miete_monat | belastung_monat | heim (bool),
                anzahl_mitglieder + gesamteinkommen_monat (wide shortcut: Y given, no member rows),
                anzahl_ausgeschlossen, vermoegen, vermoegen_erheblich, gewicht (weight, for reports),
                haushalt (optional: a full Haushalt object or dict; that row goes the scalar way)
    mitglieder  haushalt_id, mitglied_id (unique; needed with einnahmen), name, kind,
                pauschalabzug_steuern, pauschalabzug_kranken_pflege, pauschalabzug_rente (§ 16),
                schwerbehindert_gdb, pflegegrad, haeusliche_pflege, ns_verfolgt (§ 17 Nr. 1, 2),
                alleinerziehend, alter_unter_25, geburtsdatum, grundrentenzeiten_33_jahre,
                ausgeschlossen (§ 7, text), verstorben_am (§ 6 Abs. 2)
    einnahmen   mitglied_id, art (wohngeld.EinnahmeArt value), brutto_monat | brutto_jahr,
                werbungskosten_jahr; zeitraum, betrag, zufluss, ab, bis, mehrlinge, bezeichnung

Wide shortcut for itemised Einnahmen (one row per member, as in a person file of a survey): instead
of the table einnahmen, columns ``<art>_monat`` or ``<art>_jahr`` in mitglieder, ``<art>`` one of
:data:`EINNAHME_SPALTEN` (the EinnahmeArt member name in lower case: ``erwerbseinkommen_monat``,
``altersrente_monat``, ``kindergeld_monat``, …); a gross amount per cell, 0 or empty for none.
Each non-zero cell is one running Einnahme of its kind (Werbungskosten: the Pauschbetrag; actual
Werbungskosten, one-off or partial-year Einnahmen need the long layout). A bad cell is reported as
a cell of mitglieder (row, column); the household is not computed, the others are.

Amounts: decimal columns (``decimal128``, pandas ``Decimal`` objects), whole euros as integers, or
text; a float column is refused. Result columns: ``id, stichtag, fassung, rechtsstand,
mietenstufe, mitglieder, betrag_monat`` (whole euros), ``M, Y`` (the values entering § 19, fixed
point with ten decimals, as ``Result.M``/``Result.Y``), ``anspruch, grund_code`` (stable, see
:data:`GRUENDE`), ``grund`` (the German text of ``Result.grund``), ``weg, weg_grund, fehler,
gewicht``. A bad cell is listed in ``Spaltenergebnis.fehler`` (table, row, household id, field,
message); its household gets ``grund_code = "FEHLER"`` and the other rows go on.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from decimal import Decimal
from typing import Any

from ._rechnen import (
    EINNAHME_SPALTEN,
    EINNAHME_WERTE,
    GRUENDE,
    HAUSHALT_WERTE,
    MITGLIED_WERTE,
    WEGE,
    Spaltenergebnis,
    berechne,
)

__all__ = [
    "EINNAHME_SPALTEN",
    "GRUENDE",
    "WEGE",
    "Spaltenergebnis",
    "berechne",
    "formel",
    "tabellen_aus_haushalten",
]


def formel(mitglieder: Any, M: Any, Y: Any, *, on: date, rechtsstand: Any = None) -> Any:
    """§ 19 WoGG alone for arrays: whole euros from M and Y in cents (int64) for 1–12 members.

    The vectorised twin of :func:`wohngeld.wohngeld_aus_m_y` (§ 21 Nr. 1 not applied).
    """
    import numpy as np

    from ..law.rechtsstand import resolve
    from . import _kern
    from ._parameter import parametersatz

    satz = parametersatz(resolve(rechtsstand).rechtsstand(on))
    if not satz.exakt:
        raise ValueError(satz.grund)
    t = _kern.Tabellen([satz])
    n = np.asarray(mitglieder, dtype=np.int64)
    return _kern.formel_cent(0, n, np.asarray(M, dtype=np.int64), np.asarray(Y, dtype=np.int64), t)


_HAUSHALT_FELDER = {
    "wohnkosten",
    "mietenstufe",
    "gemeinde",
    "mitglieder",
    "anzahl_mitglieder",
    "gesamteinkommen_monat",
    "anzahl_ausgeschlossen",
    "vermoegen",
    "vermoegen_erheblich",
}
_MITGLIED_FELDER = {*MITGLIED_WERTE, "einnahmen", "pauschalabzug", "zugehoerigkeit"}
_H = ("id", "stichtag", *HAUSHALT_WERTE, "heim", "haushalt")
_M = (
    "haushalt_id",
    "mitglied_id",
    *MITGLIED_WERTE,
    "pauschalabzug_steuern",
    "pauschalabzug_kranken_pflege",
    "pauschalabzug_rente",
    "verstorben_am",
)
_E = ("mitglied_id", *EINNAHME_WERTE)


def tabellen_aus_haushalten(
    items: Iterable[tuple[Any, date]],
) -> tuple[dict[str, list[Any]], dict[str, list[Any]], dict[str, list[Any]]]:
    """The long layout (haushalte, mitglieder, einnahmen as dicts of columns) of Haushalt objects.

    A household with facts the layout has no column for (a Miete in parts, a Lastenberechnung,
    Unterhalt, …) keeps its object in the column ``haushalt`` and goes the scalar way.
    """
    H: dict[str, list[Any]] = {k: [] for k in _H}
    M: dict[str, list[Any]] = {k: [] for k in _M}
    E: dict[str, list[Any]] = {k: [] for k in _E}
    for i, (h, on) in enumerate(items):
        darstellbar = _darstellbar(h)
        zeile = _haushalt_zeile(h) if darstellbar else {}
        zeile.update(id=i, stichtag=on, haushalt=None if darstellbar else h)
        for k in _H:
            H[k].append(zeile.get(k))
        if not darstellbar:
            continue
        for j, m in enumerate(h.mitglieder or ()):
            mid = f"{i}-{j}"
            werte = _mitglied_zeile(m, haushalt_id=i, mitglied_id=mid)
            for k in _M:
                M[k].append(werte[k])
            for e in m.einnahmen:
                ew = e.model_dump()
                ew["art"] = e.art.value
                ew["mitglied_id"] = mid
                for k in _E:
                    E[k].append(ew.get(k))
    return H, M, E


def _haushalt_zeile(h: Any) -> dict[str, Any]:
    """The household columns of one Haushalt the layout can hold."""
    w = h.wohnkosten
    zeile = {k: getattr(h, k) for k in HAUSHALT_WERTE if k not in ("miete_monat", "belastung_monat")}
    zeile["miete_monat"] = getattr(w, "miete_monat", None) if w.art == "Miete" else None
    zeile["belastung_monat"] = getattr(w, "belastung_monat", None) if w.art == "Belastung" else None
    zeile["heim"] = w.art == "Heim"
    return zeile


def _mitglied_zeile(m: Any, **kennungen: Any) -> dict[str, Any]:
    """The member columns of one Haushaltsmitglied."""
    z = m.zugehoerigkeit
    werte = {k: getattr(m, k) for k in MITGLIED_WERTE}
    werte["ausgeschlossen"] = None if m.ausgeschlossen is None else str(m.ausgeschlossen)
    werte["pauschalabzug_steuern"] = m.pauschalabzug.steuern
    werte["pauschalabzug_kranken_pflege"] = m.pauschalabzug.kranken_pflege
    werte["pauschalabzug_rente"] = m.pauschalabzug.rente
    werte["verstorben_am"] = None if z is None else z.verstorben_am
    return {**werte, **kennungen}


def _darstellbar(h: Any) -> bool:
    d = h.model_dump(exclude_defaults=True)
    if set(d) - _HAUSHALT_FELDER:
        return False
    w = d["wohnkosten"]
    if set(w) - {"art", "miete_monat", "belastung_monat"}:
        return False
    for m in d.get("mitglieder") or ():
        if set(m) - _MITGLIED_FELDER:
            return False
        z = m.get("zugehoerigkeit")
        if z is not None and set(z) - {"verstorben_am"}:
            return False
    return True


_ = Decimal
