"""Stichtag → Rechtsstand for whole columns (§§ 24, 25 WoGG: the Fassung in force on the date).

Per store a table of the days looked up so far: each day holds a class (its Parametersatz, whether
the kernel computes it exactly, whether a Rechtsstand exists, the Fassung by kind of household).
A column of Stichtage is one gather in that table; only days not seen before go to the store.
"""

from __future__ import annotations

import bisect
import threading
import weakref
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

import numpy as np

from ..engine import calculate
from ..input.haushalt import Haushalt
from ..law.rechtsstand import ParameterStore
from ._eingabe import _EPOCH
from ._parameter import Parametersatz, parametersatz, schluessel

__all__ = ["PROBEN", "Tage", "tage_lesen"]

Arr = np.ndarray[Any, Any]
_ENDE = (date.max - _EPOCH).days + 1
"""The first day (since 1970) beyond ``date.max``: it and every later day have no Rechtsstand."""

_MIETE: dict[str, Any] = {"mietenstufe": 1, "miete_monat": "100"}
_HEIM: dict[str, Any] = {"mietenstufe": 1, "wohnkosten": {"art": "Heim"}}
_EINNAHME: dict[str, Any] = {"einnahmen": [{"art": "Kindergeld", "brutto_monat": "1"}]}
PROBEN: tuple[dict[str, Any], ...] = (
    {**_MIETE, "anzahl_mitglieder": 1, "gesamteinkommen_monat": "100"},
    {**_HEIM, "mitglieder": [{}], "gesamteinkommen_monat": "100"},
    {**_MIETE, "mitglieder": [{}], "gesamteinkommen_monat": "100"},
    {**_HEIM, "mitglieder": [{}]},
    {**_MIETE, "mitglieder": [{}]},
    {**_HEIM, "mitglieder": [_EINNAHME]},
    {**_MIETE, "mitglieder": [_EINNAHME]},
)
"""Minimal households of each kind whose calculation reads a different set of tables: no member
list; a list with Y given; without Einnahmen; with Einnahmen — each as Heim and with a Miete."""


@dataclass(slots=True)
class Tage:
    """The Stichtage of a column: Parametersätze in use and, per row, what the kernel needs."""

    saetze: list[Parametersatz]
    ps: Arr  # per row: index into saetze (0 where there is no Rechtsstand)
    exakt: Arr  # per row: the kernel computes the Fassung exactly
    rechtsstand: Arr  # per row: a Rechtsstand exists
    klasse: Arr  # per row: class of the day (row of ``fassungen``)
    fassungen: Arr  # per class and kind of household (PROBEN): the Fassung, days since 1970

    def fassung(self, art: Arr) -> Arr:
        """The Fassung of each row (days since 1970) for its kind of household (index into PROBEN)."""
        out: Arr = self.fassungen[self.klasse, art]
        return out


class _Kalender:
    """The days of one store looked up so far (``klasse``: -1 not yet) and their classes.

    Threads share it: new days and classes are added under a lock, and a day's class is written
    only after the class exists, so a reader without the lock sees either -1 or a complete class.
    """

    def __init__(self) -> None:
        self.sperre = threading.Lock()
        self.klasse = np.full(1 << 16, -1, dtype=np.int32)
        self.satz_nr: list[int] = []  # per class: index into saetze, -1 no Rechtsstand
        self.fassungen: list[list[int]] = []
        self.saetze: list[Parametersatz] = []
        self._klassen: dict[Any, int] = {}
        self._saetze: dict[tuple[int, ...], int] = {}

    def klassen(self, store: ParameterStore, tage: Arr) -> Arr:
        """The class of each day (0 ≤ day); days never seen are looked up in the store once."""
        t = np.minimum(tage, _ENDE)
        hoechst = int(t.max()) if len(t) else 0
        if hoechst >= len(self.klasse):
            with self.sperre:
                if hoechst >= len(self.klasse):
                    groesser = np.full(max(hoechst + 1, 2 * len(self.klasse)), -1, dtype=np.int32)
                    groesser[: len(self.klasse)] = self.klasse
                    self.klasse = groesser
        klasse = self.klasse
        k = klasse[t]
        neu = k < 0
        if neu.any():
            with self.sperre:
                klasse = self.klasse
                for d in np.unique(t[neu]).tolist():
                    if klasse[d] < 0:
                        klasse[d] = self._klasse(store, d)
            k = klasse[t]
        return k

    def _klasse(self, store: ParameterStore, t: int) -> int:
        tag = _tag(store, t)
        if tag is None:  # no Rechtsstand: the scalar path reports it for the row
            key: Any = None
            nr, arten = -1, [0] * len(PROBEN)
        else:
            rs, arten = tag
            s = schluessel(rs)
            key = (s, tuple(arten))
            nr = self._saetze.get(s, -1)
            if nr < 0:
                nr = self._saetze[s] = len(self.saetze)
                self.saetze.append(parametersatz(rs))
        if key not in self._klassen:
            self._klassen[key] = len(self.satz_nr)
            self.satz_nr.append(nr)
            self.fassungen.append(arten)
        return self._klassen[key]


_KALENDER: weakref.WeakKeyDictionary[ParameterStore, _Kalender] = weakref.WeakKeyDictionary()
"""Per store: the days looked up (computed once per process; forked workers inherit it)."""


def tage_lesen(store: ParameterStore, tage: Arr) -> Tage:
    """Parametersätze and Fassungen for a column of Stichtage (days since 1970; < 0: none given)."""
    kal = _KALENDER.get(store)
    if kal is None:
        kal = _KALENDER[store] = _Kalender()
    k = kal.klassen(store, np.maximum(tage, 0))
    with kal.sperre:
        satz_nr = np.array(kal.satz_nr, dtype=np.int64)
        fassungen = np.array(kal.fassungen, dtype=np.int64).reshape(-1, len(PROBEN))
        alle_saetze = list(kal.saetze)
    benutzt = np.unique(satz_nr[np.flatnonzero(np.bincount(k, minlength=len(satz_nr)))])
    # in the order of their Fassung, whatever order the table learnt them in (a stable result)
    benutzt = np.array(
        sorted(
            benutzt[benutzt >= 0].tolist(),
            key=lambda i: (alle_saetze[i].fassung, alle_saetze[i].rechtsstand, i),
        ),
        dtype=np.int64,
    )
    lokal = np.zeros(len(alle_saetze) + 1, dtype=np.int64)
    lokal[benutzt] = np.arange(len(benutzt))
    saetze = [alle_saetze[i] for i in benutzt.tolist()]
    exakt = np.array([s.exakt for s in alle_saetze] + [False], dtype=bool)
    je_klasse = satz_nr if len(satz_nr) else np.zeros(0, dtype=np.int64)
    return Tage(
        saetze=saetze,
        ps=lokal[je_klasse][k],
        exakt=exakt[je_klasse][k],
        rechtsstand=(je_klasse >= 0)[k],
        klasse=k,
        fassungen=fassungen,
    )


def _tag(store: ParameterStore, t: int) -> tuple[Any, list[int]] | None:
    """``(Rechtsstand, Fassungen by kind)`` on day ``t``, or None (no Rechtsstand)."""
    try:
        rs = store.rechtsstand(_EPOCH + timedelta(days=t))
    except Exception:
        return None
    return rs, [(f - _EPOCH).days for f in _fassungen(rs, store)]


_FASSUNGEN: weakref.WeakKeyDictionary[ParameterStore, dict[int, tuple[date, ...]]] = (
    weakref.WeakKeyDictionary()
)


def _fassungen(rs: Any, store: ParameterStore) -> tuple[date, ...]:
    """The Fassung ``calculate`` reports on ``rs.stichtag`` for each kind of household in
    :data:`PROBEN` (the tables read differ); memoised per Rechtsstand and, for a store without a
    date-dependent transform, per span between two dates on which any table changes.

    Taken from the scalar engine itself, so that the columnar result names the same Fassung
    whatever tables a stage reads.
    """
    f = rs.memo.get("spalten_fassungen")
    if isinstance(f, tuple):
        return f
    spanne: dict[int, tuple[date, ...]] | None = None
    key = 0
    if type(store).transform is ParameterStore.transform:
        daten = sorted(store.fassungsdaten())
        key = bisect.bisect_right(daten, rs.stichtag)
        spanne = _FASSUNGEN.setdefault(store, {})
        if key in spanne:
            rs.memo["spalten_fassungen"] = spanne[key]
            return spanne[key]
    werte = []
    for d in PROBEN:
        try:
            r = calculate(Haushalt.model_validate(d), on=rs.stichtag, rechenweg=False, rechtsstand=store)
            werte.append(r.fassung)
        except Exception:
            werte.append(rs.fassung)
    f = rs.memo["spalten_fassungen"] = tuple(werte)
    if spanne is not None:
        spanne[key] = f
    return f
