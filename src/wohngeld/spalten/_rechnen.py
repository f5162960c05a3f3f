"""``berechne``: households as columns → one result row per household, identical to ``calculate``."""

from __future__ import annotations

import bisect
import weakref
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from ..engine import calculate
from ..errors import InputError
from ..input.haushalt import Haushalt
from ..law.tabelle import ParameterStore, resolve
from . import _kern
from ._eingabe import (
    Fehlerliste,
    als_tabelle,
    bool_spalte,
    datum_spalte,
    geld_spalte,
    int_spalte,
    text_spalte,
)
from ._parameter import Parametersatz, parametersatz, schluessel

__all__ = ["GRUENDE", "WEGE", "Spaltenergebnis", "berechne"]

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
            # ids m[0], m[0]+1, …: the position is the difference
            pos = w - m[0]
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

    ``prozesse``: worker processes (0: one per core), each computing a contiguous part of the
    households with its members and Einnahmen; the same rows in the same order.
    """
    from ..formats.prozesse import pruefe_prozesse
    from ._teile import _TEIL, _im_teil, _laenge, _parallel

    n_prozesse = pruefe_prozesse(prozesse)
    if n_prozesse == 1 and _laenge(haushalte) > _TEIL and not getattr(_im_teil, "ja", False):
        # large inputs in parts of _TEIL households: the temporaries stay small (peak memory)
        _im_teil.ja = True
        try:
            return _parallel(
                haushalte,
                mitglieder,
                einnahmen,
                on=on,
                rechtsstand=rechtsstand,
                prozesse=1,
                teile=-(-_laenge(haushalte) // _TEIL),
            )
        finally:
            _im_teil.ja = False
    if n_prozesse > 1:
        return _parallel(
            haushalte, mitglieder, einnahmen, on=on, rechtsstand=rechtsstand, prozesse=n_prozesse
        )
    store = resolve(rechtsstand)
    fehler = Fehlerliste()
    haushalte, objekte = _objekte(haushalte, "haushalt")
    H = als_tabelle(haushalte, "haushalte")
    if "id" not in H.column_names:
        raise InputError("haushalte: Spalte id fehlt; jeder Haushalt braucht eine eindeutige Kennung")
    nh = H.num_rows
    ids = H.column("id").combine_chunks()
    fehler.add(
        "haushalte",
        np.flatnonzero(np.asarray(ids.is_null().to_numpy(zero_copy_only=False))),
        "id",
        "fehlt; jeder Haushalt braucht eine Kennung",
    )
    fehler.add("haushalte", _doppelt(ids), "id", "doppelt angegeben; Kennungen müssen eindeutig sein")
    weg = np.zeros(nh, dtype=np.int64)

    # Stichtag and Rechtsstand (§§ 24, 25 WoGG; the Fassung in force on the date)
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
    eindeutig, inv = np.unique(np.where(tage < 0, 0, tage), return_inverse=True)
    saetze, ps_tag, ok_tag, rs_tag, fassung_art = _je_tag(store, eindeutig)
    ps = ps_tag[inv]
    _setze(weg, ~rs_tag[inv] & (tage >= 0), "kein_rechtsstand")
    _setze(weg, ~ok_tag[inv] & (tage >= 0), "fassung")

    # Mietenstufe (§ 12 WoGG), Miete or Belastung (§§ 9–11 WoGG)
    ms = int_spalte(H, "haushalte", "mietenstufe", fehler, lo=1, hi=7, regel="Mietenstufe, § 12 WoGG")
    stufe = np.ones(nh, dtype=np.int64) if ms is None else np.where(ms[1], ms[0], 1)
    stufe_da = np.zeros(nh, dtype=bool) if ms is None else ms[1]
    # a Gemeinde or a Postleitzahl (+ ort) is looked up in the scalar engine
    _setze(weg, _belegt(H, "gemeinde", nh) | _belegt(H, "plz", nh) | ~stufe_da, "gemeinde")
    if saetze:
        stufen_ps = np.array([p.stufen for p in saetze])
        _setze(weg, stufe > stufen_ps[ps], "pruefung")
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

    am = int_spalte(H, "haushalte", "anzahl_mitglieder", fehler, lo=1, hi=99, regel="§ 5 WoGG")
    anzahl = np.zeros(nh, dtype=np.int64) if am is None else np.where(am[1], am[0], 0)
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
    gewicht = np.ones(nh, dtype=np.float64)
    if "gewicht" in H.column_names:
        gcol = H.column("gewicht").combine_chunks()
        if (
            pa.types.is_integer(gcol.type)
            or pa.types.is_floating(gcol.type)
            or pa.types.is_decimal(gcol.type)
        ):
            gw = np.asarray(gcol.cast(pa.float64()).fill_null(np.nan).to_numpy(), dtype=np.float64)
            schlecht = ~np.isfinite(gw) | (gw < 0)
            fehler.add("haushalte", np.flatnonzero(schlecht), "gewicht", "erwartet eine Zahl ≥ 0")
            gewicht = np.where(schlecht, np.nan, gw)
        else:
            fehler.add(
                "haushalte", np.arange(nh), "gewicht", f"Spalte vom Typ {gcol.type}; erwartet eine Zahl"
            )
    if objekte is not None:
        obj_da = np.array([o is not None and o == o for o in objekte], dtype=bool)
        _setze(weg, obj_da, "haushalt")

    # members (§§ 5–8 WoGG) and their Einnahmen (§§ 14–17 WoGG)
    hat_einnahmen_hh = np.zeros(nh, dtype=bool)
    hh_fehler_extra = np.zeros(nh, dtype=bool)
    mit = _Mitglieder.lesen(mitglieder, ids, fehler) if mitglieder is not None else None
    if mit is not None:
        zaehler = np.bincount(mit.hh[mit.hh >= 0], minlength=nh)
        hh_fehler_extra[mit.hh[(mit.hh >= 0) & mit.fehlerhaft]] = True
        hat_mitglieder = zaehler > 0
        _setze(weg, hat_mitglieder & (am[1] if am is not None else False), "pruefung")
        n = np.where(hat_mitglieder, zaehler, anzahl)
        for grund, maske in mit.weg.items():
            getroffen = np.zeros(nh, dtype=bool)
            getroffen[mit.hh[(mit.hh >= 0) & maske]] = True
            _setze(weg, getroffen, grund)
    else:
        hat_mitglieder = np.zeros(nh, dtype=bool)
        n = anzahl
    _setze(weg, n > 12, "ueber_zwoelf")
    _setze(weg, n < 1, "pruefung")
    ein = _Einnahmen.lesen(einnahmen, mit, fehler) if einnahmen is not None else None
    if einnahmen is not None and mit is None:
        raise InputError(
            "einnahmen ohne mitglieder angegeben: die Einnahmen gehören zu Mitgliedern (mitglied_id)"
        )
    tabellen = _kern.Tabellen(saetze) if saetze else None
    if ein is not None and mit is not None:
        e_hh = (
            mit.hh[ein.mitglied]
            if bool((ein.mitglied >= 0).all())
            else np.where(ein.mitglied >= 0, mit.hh[np.maximum(ein.mitglied, 0)], -1)
        )
        hh_fehler_extra[e_hh[(e_hh >= 0) & ein.fehlerhaft]] = True
        hat_einnahmen = hat_einnahmen_hh
        hat_einnahmen[e_hh[e_hh >= 0]] = True
        _setze(weg, hat_einnahmen & y_da, "pruefung")
        for grund, maske in ein.weg.items():
            getroffen = np.zeros(nh, dtype=bool)
            getroffen[e_hh[(e_hh >= 0) & maske]] = True
            _setze(weg, getroffen, grund)
    if mit is not None and tabellen is not None:
        y_ein, y_weg = _einkommen(nh, ps, mit, ein, saetze, tabellen)
        for grund, maske in y_weg.items():
            _setze(weg, maske, grund)
        y = np.where(y_da, y, y_ein)
    _setze(weg, ~hat_mitglieder & ~y_da, "pruefung")
    _setze(weg, y > _kern.MAX_Y, "grenzen")

    # errors per household: a bad cell of the household, of one of its members or Einnahmen
    hh_fehler = hh_fehler_extra.copy()
    for tabelle, zeilen, _, _ in fehler.eintraege:
        if tabelle == "haushalte":
            hh_fehler[zeilen] = True

    # the kernel (§§ 11, 12, 19, 21 Nr. 1 WoGG) on every row it can take
    kern = (weg == 0) & ~hh_fehler
    betrag = np.zeros(nh, dtype=np.int64)
    m_out = np.zeros(nh, dtype=np.int64)
    y_out = np.zeros(nh, dtype=np.int64)
    code = np.full(nh, _CODE["FEHLER"], dtype=np.int64)
    grund_idx = np.full(nh, -1, dtype=np.int64)
    texte: dict[str, int] = {}
    # the Fassung of a result: the latest valid_from of the tables its calculation reads, which
    # depends on the kind of household (_PROBEN), as the scalar engine reports it
    art_fassung = np.where(~hat_mitglieder, 0, np.where(y_da, 1, np.where(hat_einnahmen_hh, 5, 3)) + ~heim)
    fass = fassung_art[inv, art_fassung]
    rs_name = np.zeros(nh, dtype=np.int64)
    namen: dict[str, int] = {}
    if saetze:
        for p in saetze:
            namen.setdefault(p.rechtsstand, len(namen))
        ps_name = np.array([namen[p.rechtsstand] for p in saetze])
        rs_name = ps_name[ps]
    n_out = np.where(kern, n, 0)
    if kern.any() and tabellen is not None:
        k = np.flatnonzero(kern)
        pk, nk = ps[k], n[k]
        mk = _kern.miete_m(pk, nk, stufe[k], heim[k], kosten[k], tabellen)
        mm, yy, b = _kern.formel(pk, nk, mk, y[k], tabellen)
        grenze = tabellen.bagatell[pk]
        unter = b < grenze
        betrag[k] = np.where(unter, 0, b)
        m_out[k], y_out[k] = mm, yy
        code[k] = np.where(
            ~unter, _CODE["ANSPRUCH"], np.where(b > 0, _CODE["BAGATELLGRENZE"], _CODE["FORMEL_NICHT_POSITIV"])
        )
        nicht_pos = k[b <= 0]
        grund_idx[nicht_pos] = texte.setdefault(GRUENDE["FORMEL_NICHT_POSITIV"], len(texte))
        bag = k[unter & (b > 0)]
        if len(bag):
            paare = np.unique(
                np.stack([betrag_roh := b[unter & (b > 0)], pk[unter & (b > 0)]], axis=1), axis=0
            )
            lookup = {}
            for bb, pp in paare:
                txt = (
                    f"Das Wohngeld betrüge {int(bb)} € im Monat und damit weniger als "
                    f"{saetze[int(pp)].bagatell_text} €."
                )
                lookup[(int(bb), int(pp))] = texte.setdefault(txt, len(texte))
            grund_idx[bag] = [
                lookup[(int(bb), int(pp))] for bb, pp in zip(betrag_roh, pk[unter & (b > 0)], strict=True)
            ]

    # the scalar engine for every other row, flagged (weg = "einzeln")
    einzeln = (weg != 0) & ~hh_fehler
    fehlertext: dict[int, str] = {}
    if einzeln.any():
        bau = _Bauer(H, objekte, mit, ein, np.flatnonzero(einzeln))
        for i_np in np.flatnonzero(einzeln):
            i = int(i_np)
            stichtag = _EPOCH + timedelta(days=int(tage[i]))
            try:
                r = calculate(bau.haushalt(i), on=stichtag, rechenweg=False, rechtsstand=store)
            except Exception as exc:  # reported per row, the run goes on
                fehlertext[i] = f"{type(exc).__name__}: {_meldung(exc)}"
                continue
            betrag[i] = int(r.betrag_monat)
            m_out[i] = int(r.M.scaleb(10))
            y_out[i] = int(r.Y.scaleb(10))
            n_out[i] = r.mitglieder
            stufe[i] = r.mietenstufe
            fass[i] = (r.fassung - _EPOCH).days
            rs_name[i] = namen.setdefault(r.rechtsstand, len(namen))
            code[i] = _CODE[_code(r.grund, r.grund_zitat)]
            if r.grund is not None:
                grund_idx[i] = texte.setdefault(r.grund, len(texte))
    for i in fehlertext:
        code[i] = _CODE["FEHLER"]
    fehler_zeilen = hh_fehler.copy()
    fehler_zeilen[list(fehlertext)] = True
    meldungen = _meldungen_je_haushalt(nh, fehler, mit, ein, fehlertext)
    return Spaltenergebnis(
        ergebnis=_ergebnis(
            ids,
            tage,
            fass,
            rs_name,
            namen,
            stufe,
            n_out,
            betrag,
            m_out,
            y_out,
            code,
            grund_idx,
            texte,
            weg,
            gewicht,
            fehler_zeilen,
            meldungen,
        ),
        fehler=_fehlertabelle(fehler, ids, mit, ein, nh),
    )


_MIETE: dict[str, Any] = {"mietenstufe": 1, "miete_monat": "100"}
_HEIM: dict[str, Any] = {"mietenstufe": 1, "wohnkosten": {"art": "Heim"}}
_EINNAHME: dict[str, Any] = {"einnahmen": [{"art": "Kindergeld", "brutto_monat": "1"}]}
_PROBEN: tuple[dict[str, Any], ...] = (
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
_FASSUNGEN: weakref.WeakKeyDictionary[ParameterStore, dict[int, tuple[date, ...]]] = (
    weakref.WeakKeyDictionary()
)


def _je_tag(store: ParameterStore, eindeutig: Arr) -> tuple[list[Parametersatz], Arr, Arr, Arr, Arr]:
    """Per distinct Stichtag: its Parametersatz (index into the list), whether the kernel computes
    it exactly, whether a Rechtsstand exists, and the Fassung by kind of household."""
    saetze: list[Parametersatz] = []
    satz_nr: dict[tuple[int, ...], int] = {}
    ps_tag = np.zeros(len(eindeutig), dtype=np.int64)
    ok_tag = np.zeros(len(eindeutig), dtype=bool)
    rs_tag = np.zeros(len(eindeutig), dtype=bool)
    fassung_art = np.zeros((len(eindeutig), len(_PROBEN)), dtype=np.int64)
    je_tag = _TAGE.setdefault(store, {})
    if len(je_tag) > 100_000:  # bounded: as many days as the store's own cache keeps, and more
        je_tag.clear()
    for j, t in enumerate(eindeutig.tolist()):
        tag = je_tag.get(t)
        if tag is None:
            tag = je_tag[t] = _tag(store, t)
        if tag is False:  # no Rechtsstand: the scalar path reports it for the row
            continue
        key, rs, _, arten_tage = tag
        if key not in satz_nr:
            satz_nr[key] = len(saetze)
            saetze.append(parametersatz(rs))
        ps_tag[j] = satz_nr[key]
        fassung_art[j] = arten_tage
        rs_tag[j] = True
        ok_tag[j] = saetze[satz_nr[key]].exakt
    return saetze, ps_tag, ok_tag, rs_tag, fassung_art


_TAGE: weakref.WeakKeyDictionary[ParameterStore, dict[int, Any]] = weakref.WeakKeyDictionary()
"""Per store and Stichtag (days since 1970): what :func:`berechne` needs of its Rechtsstand
(computed once per process; forked workers inherit it)."""


def _tag(store: ParameterStore, t: int) -> Any:
    """``(key, Rechtsstand, Fassung, Fassungen by kind)`` on day ``t``, or False (no Rechtsstand)."""
    try:
        rs = store.rechtsstand(_EPOCH + timedelta(days=t))
    except Exception:
        return False
    return (
        schluessel(rs),
        rs,
        (rs.fassung - _EPOCH).days,
        [(f - _EPOCH).days for f in _fassungen(rs, store)],
    )


def _fassungen(rs: Any, store: ParameterStore) -> tuple[date, ...]:
    """The Fassung ``calculate`` reports on ``rs.stichtag`` for each kind of household in
    :data:`_PROBEN` (the tables read differ); memoised per Rechtsstand and, for a store without a
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
    for d in _PROBEN:
        try:
            r = calculate(Haushalt.model_validate(d), on=rs.stichtag, rechenweg=False, rechtsstand=store)
            werte.append(r.fassung)
        except Exception:
            werte.append(rs.fassung)
    f = rs.memo["spalten_fassungen"] = tuple(werte)
    if spanne is not None:
        spanne[key] = f
    return f


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

    @classmethod
    def lesen(cls, x: Any, hh_ids: pa.Array, fehler: Fehlerliste) -> _Mitglieder:
        self = cls()
        T = als_tabelle(x, "mitglieder")
        self.tabelle = T
        nm = T.num_rows
        vorher = len(fehler.eintraege)
        if "haushalt_id" not in T.column_names:
            raise InputError("mitglieder: Spalte haushalt_id fehlt (die Kennung des Haushalts des Mitglieds)")
        self.hh = _index(T.column("haushalt_id").combine_chunks(), hh_ids)
        fehler.add(
            "mitglieder", np.flatnonzero(self.hh < 0), "haushalt_id", "kein Haushalt mit dieser Kennung"
        )
        self.ids = T.column("mitglied_id").combine_chunks() if "mitglied_id" in T.column_names else None
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
        self.fehlerhaft = np.zeros(nm, dtype=bool)
        for tabelle, zeilen, _, _ in fehler.eintraege[vorher:]:
            if tabelle == "mitglieder":
                self.fehlerhaft[zeilen] = True
        return self


class _Einnahmen:
    """The Einnahmen table, checked: member of each row, annual amount in cents, kind."""

    mitglied: Arr
    fehlerhaft: Arr
    jahr: Arr
    wk: Arr
    art_idx: Arr
    arten: list[str]
    weg: dict[str, Arr]
    tabelle: pa.Table

    @classmethod
    def lesen(cls, x: Any, mit: _Mitglieder | None, fehler: Fehlerliste) -> _Einnahmen:
        self = cls()
        T = als_tabelle(x, "einnahmen")
        self.tabelle = T
        ne = T.num_rows
        vorher = len(fehler.eintraege)
        if mit is None or mit.ids is None:
            raise InputError(
                "einnahmen brauchen mitglieder mit einer Spalte mitglied_id (das Mitglied jeder Einnahme)"
            )
        if "mitglied_id" not in T.column_names or "art" not in T.column_names:
            raise InputError("einnahmen: Spalten mitglied_id und art erforderlich (§ 14 WoGG)")
        self.mitglied = _index(T.column("mitglied_id").combine_chunks(), mit.ids)
        fehler.add(
            "einnahmen", np.flatnonzero(self.mitglied < 0), "mitglied_id", "kein Mitglied mit dieser Kennung"
        )
        roh = T.column("art").combine_chunks()
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
        from ..input.einnahmen import EinnahmeArt

        bekannt = {a.value for a in EinnahmeArt}
        unbekannt = [i for i, a in enumerate(self.arten) if a not in bekannt and a]
        if unbekannt:
            fehler.add(
                "einnahmen",
                np.flatnonzero(np.isin(self.art_idx, unbekannt)),
                "art",
                "keine bekannte Art der Einnahme (§ 14 WoGG; siehe wohngeld.EinnahmeArt)",
            )
        grenze = 10**12
        bm = geld_spalte(T, "einnahmen", "brutto_monat", 2, fehler, min_wert=-grenze, max_wert=grenze)
        bj = geld_spalte(T, "einnahmen", "brutto_jahr", 2, fehler, min_wert=-grenze, max_wert=grenze)
        wk = geld_spalte(T, "einnahmen", "werbungskosten_jahr", 2, fehler, max_wert=grenze)
        leer = (np.zeros(ne, dtype=np.int64), np.zeros(ne, dtype=bool), np.ones(ne, dtype=bool))
        bm, bj, wk = bm or leer, bj or leer, wk or leer
        self.jahr = np.where(bm[1], bm[0] * 12, bj[0])
        self.wk = np.where(wk[1], wk[0], 0)
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
                nicht |= ~np.asarray(T.column(name).combine_chunks().is_null().to_numpy(zero_copy_only=False))
        weg: dict[str, Arr] = {"nicht_laufend": nicht}
        weg["pruefung"] = (bm[1] == bj[1]) | (self.jahr < 0)
        weg["nachkommastellen"] = ~(bm[2] & bj[2] & wk[2])
        weg["grenzen"] = self.jahr > 10**10  # 100 000 000 € a year
        self.weg = weg
        self.fehlerhaft = np.zeros(ne, dtype=bool)
        for tabelle, zeilen, _, _ in fehler.eintraege[vorher:]:
            if tabelle == "einnahmen":
                self.fehlerhaft[zeilen] = True
        return self


def _summe(keys: Arr, werte: Arr, n: int) -> Arr:
    """Exact int64 sums of ``werte`` per key (0..n-1); sorted keys (the usual layout) by runs."""
    out = np.zeros(n, dtype=np.int64)
    if len(keys) == 0:
        return out
    if bool((keys[1:] >= keys[:-1]).all()):
        starts = np.concatenate(([0], np.flatnonzero(keys[1:] != keys[:-1]) + 1))
        out[keys[starts]] = np.add.reduceat(werte, starts)
    else:
        np.add.at(out, keys, werte)
    return out


def _einkommen(
    nh: int,
    ps: Arr,
    mit: _Mitglieder,
    ein: _Einnahmen | None,
    saetze: Sequence[Parametersatz],
    t: _kern.Tabellen,
) -> tuple[Arr, dict[str, Arr]]:
    """Y in 10⁻¹⁰ per household from the members' Einnahmen, and the rows the kernel cannot take.

    § 14 Abs. 1 (Werbungskosten per kind of Einkünfte, § 9a EStG), Abs. 2 (share), § 15 Abs. 1
    (running income of twelve months), § 16 (percentage per member), § 17 Nr. 1, 2 (Freibeträge),
    § 13 Abs. 1, 2 WoGG (sum, not below 0, one twelfth).
    """
    nm = len(mit.hh)
    ok_m = mit.hh >= 0
    alle_ok = bool(ok_m.all())
    hh_m = mit.hh if alle_ok else np.where(ok_m, mit.hh, 0)
    ps_m = ps[hh_m] if len(saetze) > 1 else np.zeros(nm, dtype=np.int64)
    weg: dict[str, Arr] = {}
    summe = np.zeros(nm, dtype=np.int64)  # 10⁻⁴ € (cents times the share in %)
    if ein is not None and len(ein.mitglied):
        ok_e = ein.mitglied >= 0
        m_e = ein.mitglied if ok_e.all() else np.where(ok_e, ein.mitglied, 0)
        ps_e = ps_m[m_e] if len(saetze) > 1 else np.zeros(len(m_e), dtype=np.int64)
        n_arten = max(len(ein.arten), 1)
        code_tab = np.full((len(saetze), n_arten), -2, dtype=np.int64)
        anteil_tab = np.zeros((len(saetze), n_arten), dtype=np.int64)
        erwerb_tab = np.zeros((len(saetze), n_arten), dtype=bool)
        for p, satz in enumerate(saetze):
            for a, name in enumerate(ein.arten):
                if name in satz.arten:
                    code_tab[p, a], anteil_tab[p, a], erwerb_tab[p, a] = satz.arten[name]
        pa_idx = ps_e * n_arten + ein.art_idx
        code = code_tab.ravel()[pa_idx]
        if not ok_e.all():
            code = np.where(ok_e, code, -3)
        # § 17 Nr. 4 WoGG (a child's Erwerbseinkommen, by age): scalar path
        if mit.kind.any():
            kind_erwerb = ok_e & erwerb_tab.ravel()[pa_idx] & mit.kind[m_e]
            kind_hh = np.zeros(nh, dtype=bool)
            kind_hh[mit.hh[m_e[kind_erwerb]]] = True
            weg["kind_einnahmen"] = kind_hh
        fremd = np.flatnonzero(ok_e & (code < 0))
        if len(fremd):
            art_weg = np.zeros(nh, dtype=bool)
            art_weg[mit.hh[m_e[fremd]]] = True
            weg["einnahmeart"] = art_weg
        # § 14 Abs. 2 WoGG: Einnahmen counted in full or with their share
        v = np.flatnonzero(code == 1)
        if len(v):
            summe += _summe(m_e[v], ein.jahr[v] * anteil_tab.ravel()[pa_idx[v]], nm)
        # § 14 Abs. 1 WoGG: Einkünfte per member and kind after Werbungskosten (§ 9a EStG)
        g = np.flatnonzero(code >= 2)
        if len(g):
            key = m_e[g] * 3 + (code[g] - 2)
            if len(key) > 1 and not bool((key[1:] >= key[:-1]).all()):
                ordnung = np.argsort(key, kind="stable")
                g, key = g[ordnung], key[ordnung]
            starts = np.concatenate(([0], np.flatnonzero(key[1:] != key[:-1]) + 1))
            einn = np.add.reduceat(ein.jahr[g], starts)
            wk = np.add.reduceat(ein.wk[g], starts)
            kk = key[starts]
            mm = kk // 3
            psg = ps_m[mm]
            pb = np.minimum(t.pausch[psg, kk % 3 + 2], np.maximum(einn, 0))
            abzug_wk = np.where((wk > pb) & ~t.nur_pausch[psg], wk, pb)
            summe += _summe(mm, np.maximum(einn - abzug_wk, 0) * 100, nm)
    # § 16 WoGG: the percentage per member
    if len(saetze) > 1:
        prozent = t.satz_grund[ps_m] + mit.merkmale * t.satz_merkmal[ps_m]
    else:
        prozent = t.satz_grund[0] + mit.merkmale * t.satz_merkmal[0]
    # Jahreseinkommen in 10⁻⁶ €: summe · (1 − p) exactly, with p in % (summe ≥ 0 here)
    j = summe * (100 - prozent)
    # § 17 Nr. 1, 2 WoGG: Freibeträge, only where a member has one of the facts
    f = (
        np.flatnonzero(mit.gdb_da | mit.pg_da | mit.ns)
        if (mit.gdb_da.any() or mit.pg_da.any() or mit.ns.any())
        else np.zeros(0, dtype=np.int64)
    )
    if len(f):
        psf = ps_m[f]
        pab = t.fb_pflegegrad_ab[psf]
        gdb, gdb_da, pg, pg_da = mit.gdb[f], mit.gdb_da[f], mit.pg[f], mit.pg_da[f]
        reicht = (pab > 0) & pg_da & (pg >= pab)
        gdb100 = gdb_da & (gdb == 100)
        nr1b = gdb_da & (gdb >= t.fb_ab_gdb[psf]) & (gdb < 100) & pg_da & mit.pflege[f]
        nr1 = np.where(reicht & ~gdb100, True, gdb100 | nr1b)
        np.subtract.at(j, f, (nr1 * t.fb_schwer[psf] + mit.ns[f] * t.fb_ns[psf]) * 10**4)
    gesamt = _summe(hh_m, j, nh) if alle_ok else _summe(hh_m[ok_m], j[ok_m], nh)
    return _kern.y_aus_jahr(gesamt), weg


class _Bauer:
    """A Haushalt for the scalar engine from one household's rows (the cells as given)."""

    _MITGLIED = (
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
    _EINNAHME = (
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
    _HAUSHALT = (
        "mietenstufe",
        "gemeinde",
        "miete_monat",
        "belastung_monat",
        "anzahl_mitglieder",
        "gesamteinkommen_monat",
        "anzahl_ausgeschlossen",
        "vermoegen",
    )

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
                self.E = dict(zip(epos.tolist(), ein.tabelle.take(pa.array(epos)).to_pylist(), strict=True))
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
        d: dict[str, Any] = {k: _wert(z[k]) for k in self._HAUSHALT if z.get(k) is not None}
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
                for k in self._MITGLIED
                if m.get(k) is not None and (m[k] is not False or k == "alter_unter_25")
            }
            pab = {k: True for k in ("steuern", "kranken_pflege", "rente") if m.get(f"pauschalabzug_{k}")}
            if pab:
                md["pauschalabzug"] = pab
            if m.get("verstorben_am") is not None:
                md["zugehoerigkeit"] = {"verstorben_am": m["verstorben_am"]}
            md["einnahmen"] = [
                {k: _wert(self.E[e][k]) for k in self._EINNAHME if self.E[e].get(k) is not None}
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


def _meldungen_je_haushalt(
    nh: int, fehler: Fehlerliste, mit: _Mitglieder | None, ein: _Einnahmen | None, fehlertext: dict[int, str]
) -> dict[int, str]:
    out: dict[int, list[str]] = {}
    for tabelle, zeilen, feld, meldung in fehler.eintraege:
        if tabelle == "haushalte":
            hh = zeilen
        elif tabelle == "mitglieder" and mit is not None:
            hh = mit.hh[zeilen]
        elif tabelle == "einnahmen" and ein is not None and mit is not None:
            m = ein.mitglied[zeilen]
            hh = np.where(m >= 0, mit.hh[np.maximum(m, 0)], -1)
        else:
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


def _ergebnis(
    ids: pa.Array,
    tage: Arr,
    fass: Arr,
    rs_name: Arr,
    namen: dict[str, int],
    stufe: Arr,
    n: Arr,
    betrag: Arr,
    m: Arr,
    y: Arr,
    code: Arr,
    grund_idx: Arr,
    texte: dict[str, int],
    weg: Arr,
    gewicht: Arr,
    fehler_zeilen: Arr,
    meldungen: dict[int, str],
) -> pa.Table:
    ok = ~fehler_zeilen
    datum = pa.array(np.where(tage < 0, 0, tage).astype(np.int32), mask=tage < 0).cast(pa.date32())
    fassung = pa.array(fass.astype(np.int32), mask=~ok).cast(pa.date32())
    fehlertexte: list[str | None] = [None] * len(ids)
    for h, t in meldungen.items():
        fehlertexte[h] = t
    return pa.table(
        {
            "id": ids,
            "stichtag": datum,
            "fassung": fassung,
            "rechtsstand": _dict_spalte(np.where(ok, rs_name, -1), list(namen)),
            "mietenstufe": pa.array(stufe.astype(np.int8), mask=~ok),
            "mitglieder": pa.array(n.astype(np.int16), mask=~ok),
            "betrag_monat": pa.array(betrag, mask=~ok),
            "M": _dezimal(m, ok),
            "Y": _dezimal(y, ok),
            "anspruch": pa.array(betrag > 0, mask=~ok),
            "grund_code": _dict_spalte(code, list(GRUENDE)),
            "grund": _dict_spalte(grund_idx, list(texte)),
            "weg": _dict_spalte(np.where(weg == 0, 0, 1), ["spalten", "einzeln"]),
            "weg_grund": _dict_spalte(np.where(weg == 0, -1, weg), list(WEGE.values())),
            "fehler": pa.array(fehlertexte, type=pa.string()),
            "gewicht": pa.array(gewicht),
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
        if tabelle == "haushalte":
            h = zeilen
        elif tabelle == "mitglieder" and mit is not None:
            h = mit.hh[zeilen]
        elif tabelle == "einnahmen" and ein is not None and mit is not None:
            me = ein.mitglied[zeilen]
            h = np.where(me >= 0, mit.hh[np.maximum(me, 0)], -1)
        else:
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
