"""``berechne``: households as columns → one result row per household, identical to ``calculate``."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from ..engine import calculate
from ..errors import InputError
from ..input.einnahmen import EinnahmeArt
from ..input.haushalt import Haushalt
from ..law.rechtsstand import ParameterStore, resolve
from ..validierung import fehlerart
from . import _kern
from ._eingabe import (
    Fehlerliste,
    _fehlt,
    als_tabelle,
    bool_spalte,
    datum_spalte,
    ganz,
    geld_spalte,
    int_spalte,
    spalte,
    text_spalte,
)
from ._einkommen import einkommen
from ._stichtag import Tage, tage_lesen

__all__ = ["EINNAHME_SPALTEN", "GRUENDE", "WEGE", "Spaltenergebnis", "berechne"]

Arr = np.ndarray[Any, Any]
_EPOCH = date(1970, 1, 1)

GRUENDE: dict[str, str] = {
    "ANSPRUCH": "Anspruch auf Wohngeld",
    "FORMEL_NICHT_POSITIV": "Die Wohngeldformel ergibt keinen positiven Betrag.",
    "BAGATELLGRENZE": "Das Wohngeld läge unter der Bagatellgrenze (§ 21 Nr. 1 WoGG).",
    "VERMOEGEN": "Erhebliches Vermögen (§ 21 Nr. 3 WoGG).",
    "ALLE_AUSGESCHLOSSEN": "Alle Haushaltsmitglieder sind vom Wohngeld ausgeschlossen.",
    "AUSBILDUNGSFOERDERUNG": "Allen Haushaltsmitgliedern steht Ausbildungsförderung dem Grunde nach zu.",
    "SONSTIGER_GRUND": "Kein Wohngeld (Grund in der Spalte grund).",
    "FEHLER": "Eingabe fehlerhaft, nicht berechnet (Spalte fehler).",
}
"""Stable reason codes (``grund_code``) and their meaning; ``grund`` holds the text of the Bescheid."""

_CODE = {k: i for i, k in enumerate(GRUENDE)}

WEGE: dict[str, str] = {
    "": "",
    "gemeinde": "Mietenstufe aus der Gemeinde oder Postleitzahl (Nachschlagen im Einzelweg)",
    "haushalt": "vollständiger Haushalt in der Spalte haushalt",
    "vermoegen": "Vermögen angegeben (§ 21 Nr. 3 WoGG)",
    "ausgeschlossen": "vom Wohngeld ausgeschlossene Mitglieder (§§ 7, 8, § 11 Abs. 3 WoGG)",
    "ueber_zwoelf": "mehr als zwölf Haushaltsmitglieder (§ 19 Abs. 3 WoGG)",
    "verstorben": "verstorbenes Haushaltsmitglied (§ 6 Abs. 2 WoGG)",
    "alleinerziehend": "Freibetrag für Alleinerziehende (§ 17 Nr. 3 WoGG)",
    "grundrente": "Grundrentenzeiten (§ 17a WoGG)",
    "kind_einnahmen": "Kind mit Einnahmen (§ 17 Nr. 4 WoGG)",
    "nicht_laufend": "einmalige Einnahme, Sonderzuwendung oder ab/bis (§ 15 Abs. 1–3 WoGG)",
    "einnahmeart": "Art der Einnahme nur im Einzelweg (§ 14 WoGG)",
    "nachkommastellen": "Betrag mit mehr Nachkommastellen als die Festkommarechnung",
    "grenzen": "Betrag außerhalb der Grenzen der Festkommarechnung",
    "fassung": "Fassung nicht als Festkommazahl darstellbar",
    "kein_rechtsstand": "kein Rechtsstand für den Stichtag",
    "pruefung": "Angaben, die erst der Einzelweg prüft",
    "vermoegen_erheblich": "Entscheidung der Wohngeldbehörde über erhebliches Vermögen (§ 21 Nr. 3 WoGG)",
}
"""Why a row went through the scalar engine (``weg = "einzeln"``); "" for the columnar kernel."""
_WEG = {k: i for i, k in enumerate(WEGE)}


@dataclass(frozen=True, slots=True)
class Spaltenergebnis:
    """One row per household (``ergebnis``) and every bad cell (``fehler``), as pyarrow Tables."""

    ergebnis: pa.Table
    fehler: pa.Table

    def to_pandas(self) -> Any:
        """``ergebnis`` as a pandas DataFrame (amounts stay exact: Arrow decimal dtype)."""
        import pandas as pd

        return self.ergebnis.to_pandas(types_mapper=_mapper(pd))

    def fehler_pandas(self) -> Any:
        """``fehler`` as a pandas DataFrame."""
        return self.fehler.to_pandas()


def _mapper(pd: Any) -> Any:
    def m(t: pa.DataType) -> Any:
        if pa.types.is_decimal(t):
            return pd.ArrowDtype(t)
        return None

    return m


def _objekte(x: Any, name: str) -> tuple[Any, list[Any] | None]:
    """Take the object column ``name`` (full Haushalte) out of the input, as a list."""
    if isinstance(x, dict) and name in x:
        rest = dict(x)
        return rest, list(rest.pop(name))
    if type(x).__name__ == "DataFrame" and name in getattr(x, "columns", ()):
        return x.drop(columns=[name]), list(x[name])
    if isinstance(x, pa.Table) and name in x.column_names:
        return x.drop_columns([name]), x.column(name).to_pylist()
    return x, None


def _index(werte: pa.Array, menge: pa.Array) -> Arr:
    """Position of each value in ``menge`` (-1: not there)."""
    if len(werte) == 0:
        return np.zeros(0, dtype=np.int64)
    if werte.type != menge.type:
        try:
            werte = werte.cast(menge.type)
        except (pa.ArrowInvalid, pa.ArrowNotImplementedError):
            return np.full(len(werte), -1, dtype=np.int64)
    if pa.types.is_integer(menge.type) and menge.null_count == 0 and werte.null_count == 0:
        m = np.asarray(menge.to_numpy(), dtype=np.int64)
        w = np.asarray(werte.to_numpy(), dtype=np.int64)
        if len(m) and m[-1] - m[0] == len(m) - 1 and bool((m[1:] > m[:-1]).all()):
            # ids m[0], m[0]+1, …: the position is the difference (ids that are row numbers: the id)
            pos = w - m[0] if m[0] != 0 else w
            if int(pos.min()) >= 0 and int(pos.max()) < len(m):
                passend: Arr = pos
                return passend
            return np.where((pos >= 0) & (pos < len(m)), pos, -1)
        ordnung = np.argsort(m, kind="stable")
        sortiert = m[ordnung]
        pos = np.minimum(np.searchsorted(sortiert, w), max(len(m) - 1, 0))
        if len(m) == 0:
            return np.full(len(w), -1, dtype=np.int64)
        return np.where(sortiert[pos] == w, ordnung[pos], -1)
    idx = pc.index_in(werte, value_set=menge)
    return np.asarray(idx.fill_null(-1).cast(pa.int64()).to_numpy(), dtype=np.int64)


def _doppelt(col: pa.Array) -> Arr:
    """Positions whose value occurs more than once."""
    if pa.types.is_integer(col.type) and col.null_count == 0:
        v = np.asarray(col.to_numpy(), dtype=np.int64)
        if len(v) < 2 or bool((v[1:] > v[:-1]).all()):
            return np.zeros(0, dtype=np.int64)
        s = np.sort(v)
        gleich = s[1:] == s[:-1]
        if not gleich.any():
            return np.zeros(0, dtype=np.int64)
        return np.flatnonzero(np.isin(v, s[1:][gleich]))
    vc = pc.value_counts(col)
    mehrfach = vc.filter(pc.greater(vc.field("counts"), 1)).field("values")
    if len(mehrfach) == 0:
        return np.zeros(0, dtype=np.int64)
    return np.flatnonzero(np.asarray(pc.is_in(col, value_set=mehrfach).to_numpy(zero_copy_only=False)))


def _setze(weg: Arr, maske: Arr, grund: str) -> None:
    """Route ``maske`` rows to the scalar engine with ``grund`` (the first reason found stays)."""
    weg[(weg == 0) & maske] = _WEG[grund]


_BLOCK = 50_000
"""Households per block of a larger input in one process: a block's temporaries (a few MB per
column of members and Einnahmen) stay in the processor's cache."""


def berechne(
    haushalte: Any,
    mitglieder: Any = None,
    einnahmen: Any = None,
    *,
    on: date | None = None,
    rechtsstand: str | ParameterStore | None = None,
    prozesse: int = 1,
) -> Spaltenergebnis:
    """Wohngeld for every household of a long (or wide) layout; see :mod:`wohngeld.spalten`.

    ``prozesse``: cores to use (0: one per core); contiguous parts of the households with their
    members and Einnahmen are computed by this process and ``prozesse - 1`` warm helper processes
    (from 10 000 households on Linux; otherwise in threads); the same rows in the same order.
    """
    from ..formats.prozesse import pruefe_prozesse
    from ._teile import _im_teil, _laenge, _parallel

    n_prozesse = pruefe_prozesse(prozesse)
    if n_prozesse == 1 and _laenge(haushalte) > _BLOCK and not getattr(_im_teil, "ja", False):
        # large inputs in blocks: the temporaries stay small (peak memory) and in the cache
        _im_teil.ja = True
        try:
            return _parallel(
                haushalte,
                mitglieder,
                einnahmen,
                on=on,
                rechtsstand=rechtsstand,
                prozesse=1,
                teile=-(-_laenge(haushalte) // _BLOCK),
            )
        finally:
            _im_teil.ja = False
    if n_prozesse > 1:
        return _parallel(
            haushalte, mitglieder, einnahmen, on=on, rechtsstand=rechtsstand, prozesse=n_prozesse
        )
    store = resolve(rechtsstand)
    fehler = Fehlerliste()
    h = _Haushalte.lesen(haushalte, store, on, fehler)
    g = _Glieder.lesen(h, mitglieder, einnahmen, fehler)
    # errors per household: a bad cell of the household, of one of its members or Einnahmen
    hh_fehler = g.fehlerhaft
    for tabelle, zeilen, _, _ in fehler.eintraege:
        if tabelle == "haushalte":
            hh_fehler[zeilen] = True
    aus = _Ausgabe.leer(h, g)
    _kern_rechnen(aus, h, g, (h.weg == 0) & ~hh_fehler)
    fehlertext = _einzeln_rechnen(aus, h, g, store, (h.weg != 0) & ~hh_fehler)
    for i in fehlertext:
        aus.code[i] = _CODE["FEHLER"]
    fehler_zeilen = hh_fehler.copy()
    fehler_zeilen[list(fehlertext)] = True
    meldungen = _meldungen_je_haushalt(fehler, g.mit, g.ein, fehlertext)
    return Spaltenergebnis(
        ergebnis=_ergebnis(h, aus, fehler_zeilen, meldungen),
        fehler=_fehlertabelle(fehler, h.ids, g.mit, g.ein, h.nh),
    )


@dataclass(slots=True)
class _Haushalte:
    """The households table, checked: what the kernel reads per row, and which rows go the scalar way."""

    H: pa.Table
    objekte: list[Any] | None
    ids: pa.Array
    nh: int
    weg: Arr
    tage: Arr
    tg: Tage
    stufe: Arr
    kosten: Arr
    heim: Arr
    anzahl: tuple[Arr, Arr] | None
    y: Arr
    y_da: Arr
    gewicht: Arr

    @classmethod
    def lesen(cls, haushalte: Any, store: ParameterStore, on: date | None, fehler: Fehlerliste) -> _Haushalte:
        haushalte, objekte = _objekte(haushalte, "haushalt")
        H = als_tabelle(haushalte, "haushalte")
        if "id" not in H.column_names:
            raise InputError("haushalte: Spalte id fehlt; jeder Haushalt braucht eine eindeutige Kennung")
        nh = H.num_rows
        ids = ganz(H.column("id"))
        fehler.add(
            "haushalte",
            np.flatnonzero(np.asarray(ids.is_null().to_numpy(zero_copy_only=False))),
            "id",
            "fehlt; jeder Haushalt braucht eine Kennung",
        )
        fehler.add("haushalte", _doppelt(ids), "id", "doppelt angegeben; Kennungen müssen eindeutig sein")
        weg = np.zeros(nh, dtype=np.int64)
        tage, tg = _stichtage(H, nh, store, on, weg, fehler)
        stufe, kosten, heim = _wohnkosten(H, nh, tg, weg, fehler)
        am = int_spalte(H, "haushalte", "anzahl_mitglieder", fehler, lo=1, hi=99, regel="§ 5 WoGG")
        ye = geld_spalte(H, "haushalte", "gesamteinkommen_monat", 10, fehler, max_wert=10**17)
        y_da = np.zeros(nh, dtype=bool) if ye is None else ye[1]
        y = np.zeros(nh, dtype=np.int64) if ye is None else np.where(ye[1], ye[0], 0)
        if ye is not None:
            _setze(weg, ye[1] & ~ye[2], "nachkommastellen")
        aa = int_spalte(H, "haushalte", "anzahl_ausgeschlossen", fehler, lo=0, hi=99, regel="§ 7 WoGG")
        if aa is not None:
            _setze(weg, aa[1] & (aa[0] > 0), "ausgeschlossen")
        vm = geld_spalte(H, "haushalte", "vermoegen", 2, fehler, max_wert=10**12)
        if vm is not None:
            _setze(weg, vm[1], "vermoegen")
        ve = spalte(H, "vermoegen_erheblich")
        if ve is not None:  # the Behörde's decision (§ 21 Nr. 3 WoGG): the scalar engine applies it
            _setze(weg, ~_fehlt(ve), "vermoegen_erheblich")
        if objekte is not None:
            _setze(weg, np.array([o is not None and o == o for o in objekte], dtype=bool), "haushalt")
        return cls(
            H, objekte, ids, nh, weg, tage, tg, stufe, kosten, heim, am, y, y_da, _gewicht(H, nh, fehler)
        )


def _stichtage(
    H: pa.Table, nh: int, store: ParameterStore, on: date | None, weg: Arr, fehler: Fehlerliste
) -> tuple[Arr, Tage]:
    """Stichtag and Rechtsstand of each row (§§ 24, 25 WoGG; the Fassung in force on the date)."""
    st = datum_spalte(H, "haushalte", "stichtag", fehler)
    tage = np.full(nh, -1, dtype=np.int64) if st is None else np.where(st[1], st[0], -1)
    if on is not None:
        tage = np.where(tage < 0, (on - _EPOCH).days, tage)
    fehler.add(
        "haushalte",
        np.flatnonzero(tage < 0),
        "stichtag",
        "fehlt: je Zeile angeben oder als on=date (JJJJ-MM-TT)",
    )
    tg = tage_lesen(store, tage)
    _setze(weg, ~tg.rechtsstand & (tage >= 0), "kein_rechtsstand")
    _setze(weg, ~tg.exakt & (tage >= 0), "fassung")
    return tage, tg


def _wohnkosten(H: pa.Table, nh: int, tg: Tage, weg: Arr, fehler: Fehlerliste) -> tuple[Arr, Arr, Arr]:
    """Mietenstufe (§ 12 WoGG), Miete or Belastung or Heim (§§ 9–11 WoGG): (stufe, cents, heim)."""
    ms = int_spalte(H, "haushalte", "mietenstufe", fehler, lo=1, hi=7, regel="Mietenstufe, § 12 WoGG")
    stufe = np.ones(nh, dtype=np.int64) if ms is None else np.where(ms[1], ms[0], 1)
    stufe_da = np.zeros(nh, dtype=bool) if ms is None else ms[1]
    # a Gemeinde or a Postleitzahl (+ ort) is looked up in the scalar engine
    _setze(weg, _belegt(H, "gemeinde", nh) | _belegt(H, "plz", nh) | ~stufe_da, "gemeinde")
    if tg.saetze:
        stufen_ps = np.array([p.stufen for p in tg.saetze])
        _setze(weg, stufe > stufen_ps[tg.ps], "pruefung")
    kosten = np.zeros(nh, dtype=np.int64)
    arten_da = np.zeros(nh, dtype=np.int64)
    for name in ("miete_monat", "belastung_monat"):
        g = geld_spalte(H, "haushalte", name, 2, fehler, max_wert=10**9)
        if g is not None:
            kosten = np.where(g[1], g[0], kosten)
            arten_da += g[1]
            _setze(weg, g[1] & ~g[2], "nachkommastellen")
    heim = bool_spalte(H, "haushalte", "heim", fehler)
    heim = np.zeros(nh, dtype=bool) if heim is None else heim
    arten_da += heim
    _setze(weg, arten_da != 1, "pruefung")
    _setze(weg, kosten > _kern.MAX_M_CENT, "grenzen")
    return stufe, kosten, heim


def _gewicht(H: pa.Table, nh: int, fehler: Fehlerliste) -> Arr:
    """The weight of each row (for reports): a number ≥ 0, 1 where the column is absent."""
    if "gewicht" not in H.column_names:
        return np.ones(nh, dtype=np.float64)
    gcol = ganz(H.column("gewicht"))
    if pa.types.is_integer(gcol.type) or pa.types.is_floating(gcol.type) or pa.types.is_decimal(gcol.type):
        gw = np.asarray(gcol.cast(pa.float64()).fill_null(np.nan).to_numpy(), dtype=np.float64)
        schlecht = ~np.isfinite(gw) | (gw < 0)
        fehler.add("haushalte", np.flatnonzero(schlecht), "gewicht", "erwartet eine Zahl ≥ 0")
        return np.where(schlecht, np.nan, gw)
    fehler.add("haushalte", np.arange(nh), "gewicht", f"Spalte vom Typ {gcol.type}; erwartet eine Zahl")
    return np.ones(nh, dtype=np.float64)


@dataclass(slots=True)
class _Glieder:
    """Members (§§ 5–8 WoGG) and Einnahmen (§§ 14–17 WoGG) of the households, and Y from them."""

    mit: _Mitglieder | None
    ein: _Einnahmen | None
    n: Arr  # members counted (§ 19: 1–12 in the kernel)
    hat_mitglieder: Arr
    hat_einnahmen: Arr
    fehlerhaft: Arr  # a bad cell among the household's members or Einnahmen

    @classmethod
    def lesen(cls, h: _Haushalte, mitglieder: Any, einnahmen: Any, fehler: Fehlerliste) -> _Glieder:
        nh, weg = h.nh, h.weg
        fehlerhaft = np.zeros(nh, dtype=bool)
        mit = _Mitglieder.lesen(mitglieder, h.ids, fehler) if mitglieder is not None else None
        anzahl = np.zeros(nh, dtype=np.int64) if h.anzahl is None else np.where(h.anzahl[1], h.anzahl[0], 0)
        if mit is not None:
            zaehler = np.bincount(mit.hh[mit.hh >= 0] if not mit.alle else mit.hh, minlength=nh)
            fehlerhaft[mit.hh[(mit.hh >= 0) & mit.fehlerhaft]] = True
            hat_mitglieder = zaehler > 0
            _setze(weg, hat_mitglieder & (h.anzahl[1] if h.anzahl is not None else False), "pruefung")
            n = np.where(hat_mitglieder, zaehler, anzahl)
            for grund, maske in mit.weg.items():
                _setze(weg, _je_haushalt(mit.hh, maske, nh), grund)
        else:
            hat_mitglieder = np.zeros(nh, dtype=bool)
            n = anzahl
        _setze(weg, n > 12, "ueber_zwoelf")
        _setze(weg, n < 1, "pruefung")
        if einnahmen is not None and mit is not None and mit.breit is not None:
            raise InputError(
                "einnahmen als Tabelle und als Spalten der mitglieder angegeben "
                f"({', '.join(n for n, _, _ in breite_spalten(mit.tabelle.column_names))}): "
                "entweder das lange Format (Tabelle einnahmen) oder die Kurzform (Spalten je Art)"
            )
        ein = _Einnahmen.lesen(einnahmen, mit, fehler) if einnahmen is not None else None
        if ein is None and mit is not None:
            ein = mit.breit
        hat_einnahmen = np.zeros(nh, dtype=bool)
        if ein is not None and mit is not None:
            e_hh = (
                mit.hh[ein.mitglied]
                if ein.alle
                else np.where(ein.mitglied >= 0, mit.hh[np.maximum(ein.mitglied, 0)], -1)
            )
            fehlerhaft[e_hh[(e_hh >= 0) & ein.fehlerhaft]] = True
            hat_einnahmen[e_hh[e_hh >= 0]] = True
            _setze(weg, hat_einnahmen & h.y_da, "pruefung")
            for grund, maske in ein.weg.items():
                _setze(weg, _je_haushalt(e_hh, maske, nh), grund)
        if mit is not None and h.tg.saetze:
            y_ein, y_weg = einkommen(nh, h.tg.ps, mit, ein, h.tg.saetze, _kern.Tabellen(h.tg.saetze))
            for grund, maske in y_weg.items():
                _setze(weg, maske, grund)
            h.y = np.where(h.y_da, h.y, y_ein)
        _setze(weg, ~hat_mitglieder & ~h.y_da, "pruefung")
        _setze(weg, h.y > _kern.MAX_Y, "grenzen")
        return cls(mit, ein, n, hat_mitglieder, hat_einnahmen, fehlerhaft)


def _je_haushalt(hh: Arr, maske: Arr, nh: int) -> Arr:
    """Households (0..nh-1) with at least one row in ``maske`` (``hh``: household of each row, -1 none)."""
    getroffen = np.zeros(nh, dtype=bool)
    if maske.any():
        getroffen[hh[(hh >= 0) & maske]] = True
    return getroffen


@dataclass(slots=True)
class _Ausgabe:
    """The result columns per household, filled by the kernel and by the scalar engine."""

    betrag: Arr
    m: Arr
    y: Arr
    n: Arr
    stufe: Arr
    fass: Arr
    rs_name: Arr
    namen: dict[str, int]
    code: Arr
    grund_idx: Arr
    texte: dict[str, int]

    @classmethod
    def leer(cls, h: _Haushalte, g: _Glieder) -> _Ausgabe:
        nh = h.nh
        # the Fassung of a result: the latest valid_from of the tables its calculation reads, which
        # depends on the kind of household (PROBEN), as the scalar engine reports it
        art = np.where(~g.hat_mitglieder, 0, np.where(h.y_da, 1, np.where(g.hat_einnahmen, 5, 3)) + ~h.heim)
        namen: dict[str, int] = {}
        for p in h.tg.saetze:
            namen.setdefault(p.rechtsstand, len(namen))
        ps_name = np.array([namen[p.rechtsstand] for p in h.tg.saetze] or [0])
        return cls(
            betrag=np.zeros(nh, dtype=np.int64),
            m=np.zeros(nh, dtype=np.int64),
            y=np.zeros(nh, dtype=np.int64),
            n=np.zeros(nh, dtype=np.int64),
            stufe=h.stufe,
            fass=h.tg.fassung(art),
            rs_name=ps_name[h.tg.ps],
            namen=namen,
            code=np.full(nh, _CODE["FEHLER"], dtype=np.int64),
            grund_idx=np.full(nh, -1, dtype=np.int64),
            texte={},
        )


def _kern_rechnen(aus: _Ausgabe, h: _Haushalte, g: _Glieder, kern: Arr) -> None:
    """The kernel (§§ 11, 12, 19, 21 Nr. 1 WoGG) on the rows ``kern``."""
    aus.n = np.where(kern, g.n, 0)
    if not kern.any() or not h.tg.saetze:
        return
    tabellen = _kern.Tabellen(h.tg.saetze)
    alle = bool(kern.all())
    k: Any = slice(None) if alle else np.flatnonzero(kern)
    pk, nk = h.tg.ps[k], g.n[k]
    mk = _kern.miete_m(pk, nk, h.stufe[k], h.heim[k], h.kosten[k], tabellen)
    mm, yy, b = _kern.formel(pk, nk, mk, h.y[k], tabellen)
    unter = b < tabellen.bagatell[pk]
    aus.betrag[k] = np.where(unter, 0, b)
    aus.m[k], aus.y[k] = mm, yy
    aus.code[k] = np.where(
        ~unter, _CODE["ANSPRUCH"], np.where(b > 0, _CODE["BAGATELLGRENZE"], _CODE["FORMEL_NICHT_POSITIV"])
    )
    texte = aus.texte
    aus.grund_idx[_auswahl(k, b <= 0)] = texte.setdefault(GRUENDE["FORMEL_NICHT_POSITIV"], len(texte))
    bag = unter & (b > 0)
    if bag.any():
        # § 21 Nr. 1 WoGG: the text names the amount and the limit of the Fassung
        paare = np.stack([b[bag], pk[bag]], axis=1)
        eindeutig, wo = np.unique(paare, axis=0, return_inverse=True)
        idx = [
            texte.setdefault(
                f"Das Wohngeld betrüge {int(bb)} € im Monat und damit weniger als "
                f"{h.tg.saetze[int(pp)].bagatell_text} €.",
                len(texte),
            )
            for bb, pp in eindeutig
        ]
        aus.grund_idx[_auswahl(k, bag)] = np.array(idx, dtype=np.int64)[wo.ravel()]


def _auswahl(k: Any, maske: Arr) -> Arr:
    """The rows (positions) of ``maske`` within the selection ``k`` (all rows or positions)."""
    return np.flatnonzero(maske) if isinstance(k, slice) else k[maske]


def _einzeln_rechnen(
    aus: _Ausgabe, h: _Haushalte, g: _Glieder, store: ParameterStore, einzeln: Arr
) -> dict[int, str]:
    """The scalar engine for the rows ``einzeln`` (flagged ``weg = "einzeln"``): errors by row."""
    fehlertext: dict[int, str] = {}
    if not einzeln.any():
        return fehlertext
    bau = _Bauer(h.H, h.objekte, g.mit, g.ein, np.flatnonzero(einzeln))
    for i_np in np.flatnonzero(einzeln):
        i = int(i_np)
        stichtag = _EPOCH + timedelta(days=int(h.tage[i]))
        try:
            r = calculate(bau.haushalt(i), on=stichtag, rechenweg=False, rechtsstand=store)
        except Exception as exc:  # reported per row, the run goes on
            fehlertext[i] = f"{fehlerart(exc)}: {_meldung(exc)}"
            continue
        aus.betrag[i] = int(r.betrag_monat)
        aus.m[i] = int(r.M.scaleb(10))
        aus.y[i] = int(r.Y.scaleb(10))
        aus.n[i] = r.mitglieder
        aus.stufe[i] = r.mietenstufe
        aus.fass[i] = (r.fassung - _EPOCH).days
        aus.rs_name[i] = aus.namen.setdefault(r.rechtsstand, len(aus.namen))
        aus.code[i] = _CODE[_code(r.grund, r.grund_zitat)]
        if r.grund is not None:
            aus.grund_idx[i] = aus.texte.setdefault(r.grund, len(aus.texte))
    return fehlertext


def _meldung(exc: Exception) -> str:
    from pydantic import ValidationError

    if isinstance(exc, ValidationError):
        from ..validierung import fehlertext

        return fehlertext(exc)
    return " ".join(str(exc).split())


def _code(grund: str | None, zitat: str | None) -> str:
    if grund is None:
        return "ANSPRUCH"
    z = zitat or ""
    if z.startswith("§ 21 Nr. 2"):
        return "ALLE_AUSGESCHLOSSEN"
    if z.startswith("§ 20 Abs. 2"):
        return "AUSBILDUNGSFOERDERUNG"
    if z == "§ 19 Abs. 1 WoGG":
        return "FORMEL_NICHT_POSITIV"
    if grund.startswith("Das Wohngeld betrüge"):
        return "BAGATELLGRENZE"
    if grund.startswith("Erhebliches Vermögen"):
        return "VERMOEGEN"
    return "SONSTIGER_GRUND"


class _Mitglieder:
    """The members table, checked: household of each row, the facts the kernel reads."""

    hh: Arr
    alle: bool  # every row belongs to a household
    sortiert: bool  # rows in the order of their households
    fehlerhaft: Arr
    kind: Arr
    merkmale: Arr
    gdb: Arr
    gdb_da: Arr
    pg: Arr
    pg_da: Arr
    pflege: Arr
    ns: Arr
    weg: dict[str, Arr]
    tabelle: pa.Table
    ids: pa.Array | None
    breit: _Einnahmen | None  # the Einnahmen of the wide shortcut (columns of this table)

    @classmethod
    def lesen(cls, x: Any, hh_ids: pa.Array, fehler: Fehlerliste) -> _Mitglieder:
        self = cls()
        T = als_tabelle(x, "mitglieder")
        self.tabelle = T
        nm = T.num_rows
        vorher = len(fehler.eintraege)
        if "haushalt_id" not in T.column_names:
            raise InputError("mitglieder: Spalte haushalt_id fehlt (die Kennung des Haushalts des Mitglieds)")
        self.hh = _index(ganz(T.column("haushalt_id")), hh_ids)
        self.alle = nm == 0 or int(self.hh.min()) >= 0
        self.sortiert = nm < 2 or bool((self.hh[1:] >= self.hh[:-1]).all())
        fehler.add(
            "mitglieder", np.flatnonzero(self.hh < 0), "haushalt_id", "kein Haushalt mit dieser Kennung"
        )
        self.ids = ganz(T.column("mitglied_id")) if "mitglied_id" in T.column_names else None
        if self.ids is not None:
            fehler.add(
                "mitglieder",
                _doppelt(self.ids.drop_null())
                if self.ids.null_count == 0
                else np.flatnonzero(np.asarray(self.ids.is_null().to_numpy(zero_copy_only=False))),
                "mitglied_id",
                "fehlt oder doppelt angegeben; Kennungen müssen eindeutig sein",
            )

        def b(name: str) -> Arr:
            v = bool_spalte(T, "mitglieder", name, fehler)
            return np.zeros(nm, dtype=bool) if v is None else v

        self.kind = b("kind")
        self.merkmale = (
            b("pauschalabzug_steuern").astype(np.int64)
            + b("pauschalabzug_kranken_pflege")
            + b("pauschalabzug_rente")
        )
        self.pflege = b("haeusliche_pflege")
        self.ns = b("ns_verfolgt")
        gdb = int_spalte(
            T, "mitglieder", "schwerbehindert_gdb", fehler, lo=0, hi=100, regel="§ 17 Nr. 1 WoGG"
        )
        self.gdb, self.gdb_da = (
            (np.zeros(nm, dtype=np.int64), np.zeros(nm, dtype=bool)) if gdb is None else gdb
        )
        pg = int_spalte(T, "mitglieder", "pflegegrad", fehler, lo=1, hi=5, regel="§ 15 SGB XI")
        self.pg, self.pg_da = (np.zeros(nm, dtype=np.int64), np.zeros(nm, dtype=bool)) if pg is None else pg
        datum_spalte(T, "mitglieder", "geburtsdatum", fehler)
        bool_spalte(T, "mitglieder", "alter_unter_25", fehler)
        self.weg = {
            "alleinerziehend": b("alleinerziehend"),
            "grundrente": b("grundrentenzeiten_33_jahre"),
        }
        aus = text_spalte(T, "ausgeschlossen")
        if aus is not None:
            self.weg["ausgeschlossen"] = ~np.asarray(aus.is_null().to_numpy(zero_copy_only=False))
        vs = datum_spalte(T, "mitglieder", "verstorben_am", fehler)
        if vs is not None:
            self.weg["verstorben"] = vs[1]
        breit = breite_spalten(T.column_names)
        self.breit = _Einnahmen.breit(T, breit, fehler) if breit else None
        self.fehlerhaft = np.zeros(nm, dtype=bool)
        for tabelle, zeilen, _, _ in fehler.eintraege[vorher:]:
            if tabelle == "mitglieder":
                self.fehlerhaft[zeilen] = True
        return self


class _Einnahmen:
    """The Einnahmen table, checked: member of each row, annual amount in cents, kind."""

    mitglied: Arr
    alle: bool  # every row belongs to a member
    fehlerhaft: Arr
    jahr: Arr
    wk: Arr
    art_idx: Arr
    arten: list[str]
    weg: dict[str, Arr]
    tabelle: pa.Table | None  # the table as given (long layout)
    quelle: tuple[pa.Table, list[tuple[str, str, int]]] | None  # members table and its columns (wide)

    def zeilen(self, pos: Arr) -> list[dict[str, Any]]:
        """The rows ``pos`` with their cells as given (for the scalar path)."""
        if self.tabelle is not None:
            out: list[dict[str, Any]] = self.tabelle.take(pa.array(pos, type=pa.int64())).to_pylist()
            return out
        assert self.quelle is not None
        T, spalten = self.quelle
        zeilen = []
        for p in pos.tolist():
            name, art, monate = spalten[int(self.art_idx[p])]
            zelle = T.column(name)[int(self.mitglied[p])].as_py()
            zeilen.append({"art": art, "brutto_monat" if monate == 12 else "brutto_jahr": zelle})
        return zeilen

    @classmethod
    def lesen(cls, x: Any, mit: _Mitglieder | None, fehler: Fehlerliste) -> _Einnahmen:
        self = cls()
        T = als_tabelle(x, "einnahmen")
        self.tabelle, self.quelle = T, None
        ne = T.num_rows
        vorher = len(fehler.eintraege)
        if mit is None or mit.ids is None:
            raise InputError(
                "einnahmen brauchen mitglieder mit einer Spalte mitglied_id (das Mitglied jeder Einnahme)"
            )
        if "mitglied_id" not in T.column_names or "art" not in T.column_names:
            raise InputError("einnahmen: Spalten mitglied_id und art erforderlich (§ 14 WoGG)")
        self.mitglied = _index(ganz(T.column("mitglied_id")), mit.ids)
        self.alle = ne == 0 or int(self.mitglied.min()) >= 0
        fehler.add(
            "einnahmen", np.flatnonzero(self.mitglied < 0), "mitglied_id", "kein Mitglied mit dieser Kennung"
        )
        roh = ganz(T.column("art"))
        if (
            pa.types.is_dictionary(roh.type)
            and roh.null_count == 0
            and (pa.types.is_string(roh.type.value_type) or pa.types.is_large_string(roh.type.value_type))
        ):
            self.arten = roh.dictionary.to_pylist()
            self.art_idx = np.asarray(roh.indices.to_numpy(), dtype=np.int64)
        else:
            art = text_spalte(T, "art")
            assert art is not None
            fehler.add(
                "einnahmen",
                np.flatnonzero(np.asarray(art.is_null().to_numpy(zero_copy_only=False))),
                "art",
                "fehlt (eine Art der Einnahme, § 14 WoGG)",
            )
            enc = pc.dictionary_encode(art.fill_null(""))
            self.arten = enc.dictionary.to_pylist()
            self.art_idx = np.asarray(enc.indices.to_numpy(), dtype=np.int64)

        bekannt = {a.value for a in EinnahmeArt}
        unbekannt = [i for i, a in enumerate(self.arten) if a not in bekannt and a]
        if unbekannt:
            fehler.add(
                "einnahmen",
                np.flatnonzero(np.isin(self.art_idx, unbekannt)),
                "art",
                "keine bekannte Art der Einnahme (§ 14 WoGG; siehe wohngeld.EinnahmeArt)",
            )
        bm = geld_spalte(T, "einnahmen", "brutto_monat", 2, fehler, min_wert=-_GRENZE, max_wert=_GRENZE)
        bj = geld_spalte(T, "einnahmen", "brutto_jahr", 2, fehler, min_wert=-_GRENZE, max_wert=_GRENZE)
        wk = geld_spalte(T, "einnahmen", "werbungskosten_jahr", 2, fehler, max_wert=_GRENZE)
        if bj is None and wk is None and bm is not None:  # the usual layout: monthly amounts only
            self.jahr, self.wk = bm[0] * 12, np.zeros(ne, dtype=np.int64)
            pruefung, exakt = ~bm[1], bm[2]
        else:
            leer = (np.zeros(ne, dtype=np.int64), np.zeros(ne, dtype=bool), np.ones(ne, dtype=bool))
            bm, bj, wk = bm or leer, bj or leer, wk or leer
            self.jahr = np.where(bm[1], bm[0] * 12, bj[0])
            self.wk = np.where(wk[1], wk[0], 0)
            pruefung, exakt = bm[1] == bj[1], bm[2] & bj[2] & wk[2]
        nicht = np.zeros(ne, dtype=bool)
        zr = text_spalte(T, "zeitraum")
        if zr is not None:
            nicht |= np.asarray(
                pc.fill_null(pc.not_equal(zr, "laufend"), False).to_numpy(zero_copy_only=False)
            )
        for name in ("ab", "bis", "zufluss"):
            d = datum_spalte(T, "einnahmen", name, fehler)
            if d is not None:
                nicht |= d[1]
        for name in ("betrag", "mehrlinge"):
            if name in T.column_names:
                nicht |= ~np.asarray(ganz(T.column(name)).is_null().to_numpy(zero_copy_only=False))
        self.weg = _einnahmen_weg(nicht, pruefung, exakt, self.jahr)
        self.fehlerhaft = np.zeros(ne, dtype=bool)
        for tabelle, zeilen, _, _ in fehler.eintraege[vorher:]:
            if tabelle == "einnahmen":
                self.fehlerhaft[zeilen] = True
        return self

    @classmethod
    def breit(cls, T: pa.Table, spalten: list[tuple[str, str, int]], fehler: Fehlerliste) -> _Einnahmen:
        """The Einnahmen of the wide shortcut: per member one column per kind (0 or empty: none).

        Bad cells are reported as cells of the members table (row, column); the rows are ordered
        by member (column ``art_idx`` of ``spalten``).
        """
        self = cls()
        zeilen, art_idx, jahr, exakt = [], [], [], []
        for i, (name, _, monate) in enumerate(spalten):
            g = geld_spalte(T, "mitglieder", name, 2, fehler, min_wert=-_GRENZE, max_wert=_GRENZE)
            assert g is not None
            werte, da, ex = g
            z = np.flatnonzero(da & ((werte != 0) | ~ex))
            zeilen.append(z)
            art_idx.append(np.full(len(z), i, dtype=np.int64))
            jahr.append(werte[z] * monate)
            exakt.append(ex[z])
        ordnung = np.argsort(np.concatenate(zeilen), kind="stable")
        self.mitglied = np.concatenate(zeilen)[ordnung]
        self.alle = True
        self.art_idx = np.concatenate(art_idx)[ordnung]
        self.arten = [art for _, art, _ in spalten]
        self.jahr = np.concatenate(jahr)[ordnung]
        self.wk = np.zeros(len(ordnung), dtype=np.int64)
        self.tabelle, self.quelle = None, (T, spalten)
        nicht = np.zeros(len(ordnung), dtype=bool)
        self.weg = _einnahmen_weg(nicht, nicht, np.concatenate(exakt)[ordnung], self.jahr)
        self.fehlerhaft = nicht
        return self


_GRENZE = 10**12
"""Amounts of Einnahmen up to 10 000 000 000 € (cents) are read; beyond them the cell is an error."""


def _einnahmen_weg(nicht_laufend: Arr, pruefung: Arr, exakt: Arr, jahr: Arr) -> dict[str, Arr]:
    """Which Einnahmen the kernel leaves to the scalar path, by reason."""
    return {
        "nicht_laufend": nicht_laufend,
        "pruefung": pruefung | (jahr < 0),
        "nachkommastellen": ~exakt,
        "grenzen": jahr > 10**10,  # 100 000 000 € a year
    }


EINNAHME_SPALTEN: dict[str, str] = {a.name.lower(): a.value for a in EinnahmeArt}
"""Wide shortcut: the prefix of a column ``<prefix>_monat`` or ``<prefix>_jahr`` of the members
table and the kind of Einnahme (``wohngeld.input.einnahmen.EinnahmeArt``) it holds, e.g.
``erwerbseinkommen_monat``."""


def breite_spalten(namen: list[str]) -> list[tuple[str, str, int]]:
    """The wide Einnahme columns among ``namen``: (column, kind of Einnahme, months per amount)."""
    out = []
    for name in namen:
        kopf, _, zeitraum = name.rpartition("_")
        if kopf in EINNAHME_SPALTEN and zeitraum in ("monat", "jahr"):
            out.append((name, EINNAHME_SPALTEN[kopf], 12 if zeitraum == "monat" else 1))
    return out


MITGLIED_WERTE = (
    "name",
    "kind",
    "alter_unter_25",
    "alleinerziehend",
    "schwerbehindert_gdb",
    "pflegegrad",
    "grundrentenzeiten_33_jahre",
    "ns_verfolgt",
    "geburtsdatum",
    "haeusliche_pflege",
    "ausgeschlossen",
)
EINNAHME_WERTE = (
    "art",
    "brutto_monat",
    "brutto_jahr",
    "betrag",
    "zeitraum",
    "zufluss",
    "ab",
    "bis",
    "werbungskosten_jahr",
    "mehrlinge",
    "bezeichnung",
)
HAUSHALT_WERTE = (
    "mietenstufe",
    "gemeinde",
    "miete_monat",
    "belastung_monat",
    "anzahl_mitglieder",
    "gesamteinkommen_monat",
    "anzahl_ausgeschlossen",
    "vermoegen",
    "vermoegen_erheblich",
)
"""Cells of the long layout that go into a ``Haushalt`` as they are (members, Einnahmen, household)."""


class _Bauer:
    """A Haushalt for the scalar engine from one household's rows (the cells as given)."""

    def __init__(
        self,
        H: pa.Table,
        objekte: list[Any] | None,
        mit: _Mitglieder | None,
        ein: _Einnahmen | None,
        auswahl: Arr,
    ) -> None:
        """Only the rows of the households ``auswahl`` (positions) are read as Python values."""
        self.objekte = objekte
        self.H = dict(zip(auswahl.tolist(), H.take(pa.array(auswahl)).to_pylist(), strict=True))
        self.mit_zeilen: dict[int, list[int]] = {}
        self.ein_zeilen: dict[int, list[int]] = {}
        self.M: dict[int, dict[str, Any]] = {}
        self.E: dict[int, dict[str, Any]] = {}
        gewaehlt = np.zeros(len(H), dtype=bool)
        gewaehlt[auswahl] = True
        if mit is not None:
            mpos = np.flatnonzero((mit.hh >= 0) & gewaehlt[np.maximum(mit.hh, 0)])
            self.M = dict(zip(mpos.tolist(), mit.tabelle.take(pa.array(mpos)).to_pylist(), strict=True))
            for j in mpos.tolist():
                self.mit_zeilen.setdefault(int(mit.hh[j]), []).append(j)
            if ein is not None:
                mg = np.zeros(len(mit.hh), dtype=bool)
                mg[mpos] = True
                epos = np.flatnonzero((ein.mitglied >= 0) & mg[np.maximum(ein.mitglied, 0)])
                self.E = dict(zip(epos.tolist(), ein.zeilen(epos), strict=True))
                for j in epos.tolist():
                    self.ein_zeilen.setdefault(int(ein.mitglied[j]), []).append(j)

    def haushalt(self, i: int) -> Haushalt:
        if self.objekte is not None:
            o = self.objekte[i]
            if isinstance(o, Haushalt):
                return o
            if isinstance(o, dict):
                return Haushalt.model_validate(o)
        z = self.H[i]
        d: dict[str, Any] = {k: _wert(z[k]) for k in HAUSHALT_WERTE if z.get(k) is not None}
        if z.get("plz") is not None:  # ort only narrows a Postleitzahl; without one it is an address column
            d["plz"] = _wert(z["plz"])
            if z.get("ort") is not None:
                d["ort"] = _wert(z["ort"])
        if z.get("heim"):
            d["wohnkosten"] = {"art": "Heim"}
        mitglieder = []
        for j in self.mit_zeilen.get(i, []):
            m = self.M[j]
            md: dict[str, Any] = {
                k: _wert(m[k])
                for k in MITGLIED_WERTE
                if m.get(k) is not None and (m[k] is not False or k == "alter_unter_25")
            }
            pab = {k: True for k in ("steuern", "kranken_pflege", "rente") if m.get(f"pauschalabzug_{k}")}
            if pab:
                md["pauschalabzug"] = pab
            if m.get("verstorben_am") is not None:
                md["zugehoerigkeit"] = {"verstorben_am": m["verstorben_am"]}
            md["einnahmen"] = [
                {k: _wert(self.E[e][k]) for k in EINNAHME_WERTE if self.E[e].get(k) is not None}
                for e in self.ein_zeilen.get(j, [])
            ]
            mitglieder.append(md)
        if mitglieder:
            d["mitglieder"] = mitglieder
        return Haushalt.model_validate(d)


def _belegt(H: pa.Table, name: str, nh: int) -> Arr:
    """Which rows have a value in the text column ``name`` (none if the column is absent)."""
    col = text_spalte(H, name)
    if col is None:
        return np.zeros(nh, dtype=bool)
    return ~np.asarray(col.is_null().to_numpy(zero_copy_only=False))


def _wert(v: Any) -> Any:
    """A cell for pydantic: floats as text of their repr are refused by the model (money exact)."""
    if isinstance(v, float) and v.is_integer():
        return int(v)
    return v


def _haushalt_der_zeilen(
    tabelle: str, zeilen: Arr, mit: _Mitglieder | None, ein: _Einnahmen | None
) -> Arr | None:
    """The household (position; -1: none) of rows of ``tabelle``; None if the rows belong to no table read."""
    if tabelle == "haushalte":
        return zeilen
    if tabelle == "mitglieder" and mit is not None:
        out: Arr = mit.hh[zeilen]
        return out
    if tabelle == "einnahmen" and ein is not None and mit is not None:
        m = ein.mitglied[zeilen]
        return np.where(m >= 0, mit.hh[np.maximum(m, 0)], -1)
    return None


def _meldungen_je_haushalt(
    fehler: Fehlerliste, mit: _Mitglieder | None, ein: _Einnahmen | None, fehlertext: dict[int, str]
) -> dict[int, str]:
    out: dict[int, list[str]] = {}
    for tabelle, zeilen, feld, meldung in fehler.eintraege:
        hh = _haushalt_der_zeilen(tabelle, zeilen, mit, ein)
        if hh is None:
            continue
        for h in np.unique(hh[hh >= 0]):
            out.setdefault(int(h), []).append(f"{tabelle}.{feld}: {meldung}")
    res = {h: "; ".join(v) for h, v in out.items()}
    for h, t in fehlertext.items():
        res[h] = t
    return res


def _dict_spalte(idx: Arr, werte: list[str]) -> pa.Array:
    maske = idx < 0
    indices = pa.array(np.where(maske, 0, idx).astype(np.int32), mask=maske)
    return pa.DictionaryArray.from_arrays(indices, pa.array(werte or [""], type=pa.string()))


def _dezimal(v: Arr, gueltig: Arr) -> pa.Array:
    """int64 in 10⁻¹⁰ as an exact decimal128(30, 10) column."""
    roh = np.empty((len(v), 2), dtype=np.int64)
    roh[:, 0] = v
    roh[:, 1] = v >> 63
    arr = pa.Array.from_buffers(pa.decimal128(30, 10), len(v), [None, pa.py_buffer(roh)])
    if gueltig.all():
        return arr
    return pc.if_else(pa.array(gueltig), arr, pa.scalar(None, pa.decimal128(30, 10)))


def _ergebnis(h: _Haushalte, aus: _Ausgabe, fehler_zeilen: Arr, meldungen: dict[int, str]) -> pa.Table:
    ok = ~fehler_zeilen
    tage = h.tage
    datum = pa.array(np.where(tage < 0, 0, tage).astype(np.int32), mask=tage < 0).cast(pa.date32())
    fassung = pa.array(aus.fass.astype(np.int32), mask=~ok).cast(pa.date32())
    fehlertexte: list[str | None] = [None] * (h.nh if meldungen else 0)
    for i, t in meldungen.items():
        fehlertexte[i] = t
    weg = h.weg
    return pa.table(
        {
            "id": h.ids,
            "stichtag": datum,
            "fassung": fassung,
            "rechtsstand": _dict_spalte(np.where(ok, aus.rs_name, -1), list(aus.namen)),
            "mietenstufe": pa.array(aus.stufe.astype(np.int8), mask=~ok),
            "mitglieder": pa.array(aus.n.astype(np.int16), mask=~ok),
            "betrag_monat": pa.array(aus.betrag, mask=~ok),
            "M": _dezimal(aus.m, ok),
            "Y": _dezimal(aus.y, ok),
            "anspruch": pa.array(aus.betrag > 0, mask=~ok),
            "grund_code": _dict_spalte(aus.code, list(GRUENDE)),
            "grund": _dict_spalte(aus.grund_idx, list(aus.texte)),
            "weg": _dict_spalte(np.where(weg == 0, 0, 1), ["spalten", "einzeln"]),
            "weg_grund": _dict_spalte(np.where(weg == 0, -1, weg), list(WEGE.values())),
            "fehler": pa.array(fehlertexte, type=pa.string()) if meldungen else pa.nulls(h.nh, pa.string()),
            "gewicht": pa.array(h.gewicht),
        }
    )


def _fehlertabelle(
    fehler: Fehlerliste, ids: pa.Array, mit: _Mitglieder | None, ein: _Einnahmen | None, nh: int
) -> pa.Table:
    """Every bad cell: table, row (0-based), the id of the household it belongs to, field, message."""
    tab: list[str] = []
    zeile: list[int] = []
    hh: list[int] = []
    feld: list[str] = []
    meldung: list[str] = []
    for tabelle, zeilen, f, m in fehler.eintraege:
        h = _haushalt_der_zeilen(tabelle, zeilen, mit, ein)
        if h is None:
            h = np.full(len(zeilen), -1)
        tab.extend([tabelle] * len(zeilen))
        zeile.extend(int(z) for z in zeilen)
        hh.extend(int(x) for x in h)
        feld.extend([f] * len(zeilen))
        meldung.extend([m] * len(zeilen))
    hh_arr = np.array(hh, dtype=np.int64)
    hid = ids.take(pa.array(np.maximum(hh_arr, 0), type=pa.int64())) if nh else pa.nulls(len(hh))
    hid = (
        pc.if_else(pa.array(hh_arr >= 0, type=pa.bool_()), hid, pa.scalar(None, hid.type)) if len(hh) else hid
    )
    return pa.table(
        {
            "tabelle": pa.array(tab, type=pa.string()),
            "zeile": pa.array(zeile, type=pa.int64()),
            "haushalt_id": hid,
            "feld": pa.array(feld, type=pa.string()),
            "meldung": pa.array(meldung, type=pa.string()),
        }
    )
