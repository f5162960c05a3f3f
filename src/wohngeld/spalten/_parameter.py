"""The parameter tables of one Rechtsstand as integer arrays (fixed point), read from the same store.

Nothing here is a second copy of a table: every value comes from
:meth:`~wohngeld.law.tabelle.ParameterStore.rechtsstand` and the tables it resolves, and is only
rescaled to whole numbers (cents; a to 10⁻¹⁰, b and c to 10⁻⁸, the factor to 10⁻²). A value that
does not fit its scale exactly makes the whole Fassung go through the scalar path (``grund``).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

import numpy as np

from ..law.income.tabellen import (
    Einnahmearten,
    Freibetraege,
    PauschalabzugSaetze,
    WerbungskostenPauschbetraege,
)
from ..law.rechtsstand import Rechtsstand

__all__ = ["BEHANDLUNG", "Parametersatz", "parametersatz", "schluessel"]

BEHANDLUNG = {"nicht": 0, "voll": 1, "nichtselbstaendig": 2, "versorgung": 3, "rente": 4}
"""Kinds of treatment of an Einnahme the columnar path computes (§ 14 WoGG); others: scalar path."""
UNBEKANNT = -2
"""The kind is not an Einnahme of the Fassung (the scalar path reports the error)."""
ANDERE = -1
"""A treatment the columnar path leaves to the scalar path (Elterngeld, Gewinn, Kapital, …)."""


class _NichtExakt(Exception):
    pass


def _skaliert(x: Decimal, skala: int) -> int:
    """``x`` times 10**skala as an exact int, or _NichtExakt."""
    v = x.scaleb(skala)
    if v != v.to_integral_value():
        raise _NichtExakt(f"{x} hat mehr als {skala} Nachkommastellen")
    return int(v)


@dataclass(slots=True)
class Parametersatz:
    """One Rechtsstand's values, as the kernels read them (index 0 unused where 1-based)."""

    fassung: date
    rechtsstand: str
    exakt: bool
    grund: str
    hb: np.ndarray[Any, Any]  # [groesse 1..12, stufe 1..7] Höchstbetrag + Klimakomponente, cents (§ 12)
    heiz: np.ndarray[Any, Any]  # [groesse] Heizkosten-Entlastung + Komponente, cents (§ 12 Abs. 6)
    stufen: int
    min_m: np.ndarray[Any, Any]  # [n] cents (Anlage 3 Nr. 1)
    min_y: np.ndarray[Any, Any]  # [n] cents
    a: np.ndarray[Any, Any]  # [n] 10⁻¹⁰
    b: np.ndarray[Any, Any]  # [n] 10⁻⁸
    c: np.ndarray[Any, Any]  # [n] 10⁻⁸
    faktor: int  # 10⁻²
    deckel_alle: bool
    bagatell: int  # whole euros (§ 21 Nr. 1)
    bagatell_text: Decimal
    bagatell_zitat: str
    # income stage (§§ 14, 16, 17 WoGG)
    arten: dict[str, tuple[int, int, bool]]  # art -> (behandlung code, anteil in %, Erwerb: § 17 Nr. 4)
    pausch: np.ndarray[Any, Any]  # [behandlung 2..4] Werbungskosten-Pauschbetrag, cents/Jahr
    nur_pauschbetrag: bool  # werbungskosten = "pauschbetrag" (§ 14 Abs. 1 WoGG, Entwurf 2027)
    satz_grund: int  # § 16 in %
    satz_merkmal: int  # § 16 in % per Merkmal
    fb_schwer: int  # cents/Jahr (§ 17 Nr. 1)
    fb_ns: int  # cents/Jahr (§ 17 Nr. 2)
    fb_ab_gdb: int
    fb_pflegegrad_ab: int  # 0: none; nr1_voraussetzung = "schwerbehinderung_oder_pflegegrad": its Pflegegrad


def schluessel(rs: Rechtsstand) -> tuple[int, ...]:
    """Identity of the tables in force (two dates with the same tables share one Parametersatz)."""
    k = rs.memo.get("spalten_schluessel")
    if isinstance(k, tuple):
        return k
    k = rs.memo["spalten_schluessel"] = (
        *(id(t) for t in rs.tables.values()),
        id(rs.table(Einnahmearten)),
        id(rs.table(WerbungskostenPauschbetraege)),
        id(rs.table(PauschalabzugSaetze)),
        id(rs.table(Freibetraege)),
    )
    return k


def parametersatz(rs: Rechtsstand) -> Parametersatz:
    """The integer arrays of ``rs``; ``exakt`` False (with ``grund``) if a value does not fit.

    Memoised per Rechtsstand (``rs.memo``), like the values the scalar stages derive.
    """
    satz = rs.memo.get("spalten")
    if isinstance(satz, Parametersatz):
        return satz
    try:
        satz = _bauen(rs, exakt=True, grund="")
    except _NichtExakt as exc:
        satz = _bauen(rs, exakt=False, grund=f"Fassung nicht als Festkommazahl darstellbar: {exc}")
    rs.memo["spalten"] = satz
    return satz


def _bauen(rs: Rechtsstand, *, exakt: bool, grund: str) -> Parametersatz:
    sk = _skaliert if exakt else (lambda x, s: 0)
    hb = np.zeros((13, 8), dtype=np.int64)
    heiz = np.zeros(13, dtype=np.int64)
    k = rs.klimakomponente
    hk = rs.heizkosten
    stufen = rs.hoechstbetraege.mietenstufen
    for g in range(1, 13):
        klima = k.fuer(g)
        if not k.anwendbar and klima and exakt:
            raise _NichtExakt("Klimakomponente mit Beträgen, aber nicht anwendbar")
        for s in range(1, stufen + 1):
            hb[g, s] = sk(rs.hoechstbetraege.fuer(mitglieder=g, mietenstufe=s) + klima, 2)
        if hk.anwendbar:
            assert hk.entlastung is not None and hk.komponente is not None
            heiz[g] = sk(hk.entlastung.fuer(g) + hk.komponente.fuer(g), 2)
    kf = rs.koeffizienten
    a = np.zeros(13, dtype=np.int64)
    b = np.zeros(13, dtype=np.int64)
    c = np.zeros(13, dtype=np.int64)
    min_m = np.zeros(13, dtype=np.int64)
    min_y = np.zeros(13, dtype=np.int64)
    for n in range(1, 13):
        abc = kf.koeffizienten[n]
        a[n], b[n], c[n] = sk(abc.a, 10), sk(abc.b, 8), sk(abc.c, 8)
        if exakt and (b[n] < 0 or c[n] < 0):
            raise _NichtExakt("b oder c negativ")
        min_m[n] = sk(rs.mindestwerte.M[n - 1], 2)
        min_y[n] = sk(rs.mindestwerte.Y[n - 1], 2)
    bg = rs.bagatellgrenze.betrag
    katalog = rs.table(Einnahmearten)
    arten: dict[str, tuple[int, int, bool]] = {}
    for art, regel in katalog.arten.items():
        code = BEHANDLUNG.get(regel.behandlung, ANDERE)
        arten[art.value] = (code, sk(regel.anteil, 2), regel.erwerb)
    wk = rs.table(WerbungskostenPauschbetraege)
    pausch = np.zeros(5, dtype=np.int64)
    pausch[2], pausch[3], pausch[4] = sk(wk.arbeitnehmer, 2), sk(wk.versorgungsbezuege, 2), sk(wk.renten, 2)
    saetze = rs.table(PauschalabzugSaetze)
    fb = rs.table(Freibetraege)
    pflegegrad_regel = fb.nr1_voraussetzung == "schwerbehinderung_oder_pflegegrad"  # § 17 Nr. 1, Entwurf
    return Parametersatz(
        fassung=rs.fassung,
        rechtsstand=rs.name,
        exakt=exakt,
        grund=grund,
        hb=hb,
        heiz=heiz,
        stufen=stufen,
        min_m=min_m,
        min_y=min_y,
        a=a,
        b=b,
        c=c,
        faktor=sk(kf.faktor, 2),
        deckel_alle=rs.mehrbetrag_ueber_zwoelf.deckel_alle,
        bagatell=sk(bg, 0),
        bagatell_text=bg,
        bagatell_zitat=rs.bagatellgrenze.rule,
        arten=arten,
        pausch=pausch,
        nur_pauschbetrag=wk.werbungskosten == "pauschbetrag",  # the key selects the rule of § 14 Abs. 1
        satz_grund=sk(saetze.grundsatz, 2),
        satz_merkmal=sk(saetze.satz_je_merkmal, 2),
        fb_schwer=sk(fb.schwerbehinderung, 2),
        fb_ns=sk(fb.ns_verfolgung, 2),
        fb_ab_gdb=fb.schwerbehinderung_ab_gdb,
        fb_pflegegrad_ab=(fb.pflegegrad_ab or 0) if pflegegrad_regel else 0,
    )
