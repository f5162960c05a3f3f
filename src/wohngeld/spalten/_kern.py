"""The rules as numpy kernels in exact int64 fixed point (the same steps as the scalar stages).

Units: money in cents; M and Y entering § 19 and z1…z4 in 10⁻¹⁰ (the fixed-point numbers with ten
decimals of Anlage 3 Nr. 2 WoGG, half-up = half away from zero, ``money.round_fixed_point``);
annual incomes in 10⁻⁶ euros (cents times the § 14 Abs. 2 share and the § 16 percentage in %).
Every product stays below 2⁶³ within the bounds :data:`MAX_M_CENT` and :data:`MAX_Y`; rows
beyond them go through the scalar path.
"""

from __future__ import annotations

from typing import Any

import numpy as np

__all__ = ["MAX_M_CENT", "MAX_Y", "Tabellen", "formel", "miete_m", "y_aus_jahr"]

Arr = np.ndarray[Any, Any]

E8 = np.int64(10**8)
E10 = np.int64(10**10)
MAX_M_CENT = 10**7
"""M (and the entered Miete or Belastung) up to 100 000 €/Monat in the kernel."""
MAX_Y = 10**6 * 10**10
"""Y up to 1 000 000 €/Monat (in 10⁻¹⁰) in the kernel."""


class Tabellen:
    """The Parametersätze stacked along a first axis (index = Parametersatz number)."""

    def __init__(self, saetze: list[Any]) -> None:
        self.hb = np.stack([p.hb for p in saetze])
        self.heiz = np.stack([p.heiz for p in saetze])
        self.min_m = np.stack([p.min_m for p in saetze])
        self.min_y = np.stack([p.min_y for p in saetze])
        self.a = np.stack([p.a for p in saetze])
        self.b = np.stack([p.b for p in saetze])
        self.c = np.stack([p.c for p in saetze])
        self.faktor = np.array([p.faktor for p in saetze], dtype=np.int64)
        self.deckel = np.array([p.deckel_alle for p in saetze], dtype=bool)
        self.bagatell = np.array([p.bagatell for p in saetze], dtype=np.int64)
        self.pausch = np.stack([p.pausch for p in saetze])
        self.nur_pausch = np.array([p.nur_pauschbetrag for p in saetze], dtype=bool)
        self.satz_grund = np.array([p.satz_grund for p in saetze], dtype=np.int64)
        self.satz_merkmal = np.array([p.satz_merkmal for p in saetze], dtype=np.int64)
        self.fb_schwer = np.array([p.fb_schwer for p in saetze], dtype=np.int64)
        self.fb_ns = np.array([p.fb_ns for p in saetze], dtype=np.int64)
        self.fb_ab_gdb = np.array([p.fb_ab_gdb for p in saetze], dtype=np.int64)
        self.fb_pflegegrad_ab = np.array([p.fb_pflegegrad_ab for p in saetze], dtype=np.int64)


def _rund(k: Arr, r: Arr, d: np.int64) -> Arr:
    """k + r/d (0 ≤ r < d) rounded to an integer, half away from zero (ROUND_HALF_UP of decimal)."""
    pos = k + (2 * r >= d)
    neg = -((-k - 1) + (2 * (d - r) >= d))
    return np.where(k >= 0, pos, np.where(r == 0, k, neg))


def miete_m(ps: Arr, groesse: Arr, stufe: Arr, heim: Arr, kosten: Arr, t: Tabellen) -> Arr:
    """M in cents: the Miete or Belastung up to Höchstbetrag plus Klimakomponente, plus heating amounts.

    § 11 Abs. 1 Nr. 1, 2, § 12 Abs. 1, 6, 7 WoGG; § 9 Abs. 3 Satz 2 WoGG (Heim: the cap is the Miete).
    """
    grenze = t.hb[ps, groesse, stufe]
    betrag = np.where(heim, grenze, kosten)
    m: Arr = np.minimum(betrag, grenze) + t.heiz[ps, groesse]
    return m


def y_aus_jahr(gesamt_mikro: Arr) -> Arr:
    """Y in 10⁻¹⁰ from the annual Gesamteinkommen in 10⁻⁶ €: one twelfth (§ 13 Abs. 2 WoGG).

    The scalar stage divides exactly and rounds to ten decimals at § 19; a twelfth of a number
    with six decimals never ends in a tie beyond the tenth, so half-up here is the same value.
    """
    x = np.maximum(gesamt_mikro, 0) * np.int64(10**4)
    q, r = np.divmod(x, np.int64(12))
    return q + (2 * r >= 12)


def formel(ps: Arr, n: Arr, m_cent: Arr, y: Arr, t: Tabellen) -> tuple[Arr, Arr, Arr]:
    """§ 19 Abs. 1, 2 WoGG with Anlage 3 Nr. 1–3 for n ≤ 12 members: (M, Y in 10⁻¹⁰, Betrag in €).

    Mindestwerte (Nr. 1); z1 = a + b·M + c·Y, z2 = z1·Y, z3 = M − z2, z4 = Faktor·z3, each a
    fixed-point number with ten decimals half-up (Nr. 2); whole euros from 0.50 up (Nr. 3); a rule
    set that caps every household at M (Entwurf 2027, § 19 Abs. 4): at most M, cut to whole euros.
    """
    mc = np.maximum(m_cent, t.min_m[ps, n])
    yy = np.maximum(y, t.min_y[ps, n] * E8)
    a, b, c = t.a[ps, n], t.b[ps, n], t.c[ps, n]
    # z1: a (10⁻¹⁰) + b (10⁻⁸)·M (cents) exactly; c (10⁻⁸)·Y (10⁻¹⁰) = c·Y_cents + c·rest/10⁸
    y_cent, y_rest = np.divmod(yy, E8)
    q, r = np.divmod(c * y_rest, E8)
    z1 = _rund(a + b * mc + c * y_cent + q, r, E8)
    # z2 = z1·Y / 10¹⁰, on |z1| with Y split in euros, 10⁻⁵ and 10⁻¹⁰ parts (no product beyond 2⁶³)
    z1a = np.abs(z1)
    y_eur, y_frac = np.divmod(yy, E10)
    f_hi, f_lo = np.divmod(y_frac, np.int64(10**5))
    q1, r1 = np.divmod(z1a * f_hi, np.int64(10**5))
    q2, r2 = np.divmod(r1 * np.int64(10**5) + z1a * f_lo, E10)
    z2a = z1a * y_eur + q1 + q2 + (2 * r2 >= E10)
    z2 = np.where(z1 < 0, -z2a, z2a)
    z3 = mc * E8 - z2
    positiv = z3 > 0
    z3p = np.where(positiv, z3, 0)
    f = t.faktor[ps]
    q4, r4 = np.divmod(f * z3p, np.int64(100))
    z4 = q4 + (2 * r4 >= 100)
    gerundet = np.where(positiv & (z4 > 0), (z4 + E10 // 2) // E10, 0)
    deckel = t.deckel[ps] & (gerundet * 100 > m_cent)
    betrag = np.where(deckel, m_cent // 100, gerundet)
    return mc * E8, yy, betrag


def formel_cent(ps: int, n: Arr, m_cent: Arr, y_cent: Arr, t: Tabellen) -> Arr:
    """:func:`formel` for M and Y in whole cents under one Parametersatz: whole euros.

    The same steps of Anlage 3 Nr. 2 WoGG; with Y in cents z1 = a + b·M + c·Y is exact in 10⁻¹⁰, so
    only z2 (10⁻¹²), z4 (10⁻¹²) and the euro are rounded. Rows whose z1·Y could pass 2⁶³ are
    computed by :func:`formel`.
    """
    a, b, c = t.a[ps], t.b[ps], t.c[ps]
    mc = np.maximum(m_cent, np.take(t.min_m[ps], n))
    yc = np.maximum(y_cent, np.take(t.min_y[ps], n))
    z1 = np.take(a, n) + np.take(b, n) * mc + np.take(c, n) * yc
    if len(z1) and float(np.abs(z1).max()) * float(yc.max()) >= 9e18:
        _, _, betrag = formel(np.full(len(n), ps, dtype=np.int64), n, m_cent, y_cent * E8, t)
        return betrag
    p = z1 * yc  # 10⁻¹²
    z2a = (np.abs(p) + 50) // 100  # half away from zero
    z3 = mc * E8 - np.where(p < 0, -z2a, z2a)
    z3p = np.maximum(z3, 0)
    z4 = (t.faktor[ps] * z3p + 50) // 100
    gerundet = (z4 + E10 // 2) // E10
    if t.deckel[ps]:
        gerundet = np.where(gerundet * 100 > m_cent, m_cent // 100, gerundet)
    out: Arr = gerundet
    return out
