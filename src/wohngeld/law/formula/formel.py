"""The Wohngeld formula: § 19 WoGG with the Rechenschritte of Anlage 3 (Anlage 2 until 2019)."""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING, NamedTuple

from ...money import NULL as _NULL
from ...money import cut_euro, round_euro, round_fixed_point
from ...rechenweg import Rechenweg, format_zahl

if TYPE_CHECKING:
    from ..rechtsstand import Rechtsstand

__all__ = ["Formel", "wohngeld_formel"]


class Formel(NamedTuple):
    """Result of § 19: the amounts entering and leaving the formula."""

    M: Decimal
    Y: Decimal
    z1: Decimal
    z2: Decimal
    z3: Decimal
    z4: Decimal
    gerundet: Decimal
    betrag: Decimal
    positiv: bool


def _anlage(rs: Rechtsstand) -> str:
    """The Anlage with the Rechenschritte, as the Fassung of the Mindestwerte names it (key ``anlage``)."""
    return rs.mindestwerte.anlage


_Werte = tuple[Decimal, Decimal, Decimal, Decimal, Decimal, Decimal]
"""Mindestwerte of M and Y (Anlage 3 Nr. 1 WoGG), a, b, c (Anlage 2) and the factor of § 19 Abs. 1 WoGG."""


def wohngeld_formel(
    *, mitglieder: int, M: Decimal, Y: Decimal, rs: Rechtsstand, rec: Rechenweg
) -> Formel:
    """Monthly Wohngeld from M and Y for ``mitglieder`` zu berücksichtigende members.

    § 19 Abs. 1 and 2 WoGG i. V. m. Anlage 2 (a, b, c) and Anlage 3: Mindestwerte (Nr. 1,
    :func:`_mindestwerte`), four steps as fixed-point numbers with ten decimals (Nr. 2), whole euros
    from 0.50 up (Nr. 3; their Rechenweg: :func:`_rechenschritte`); the cap at M
    (:func:`_deckel_bis_zwoelf`); § 19 Abs. 3 WoGG for more than twelve members (:func:`_ueber_zwoelf`).
    Anlagen 1 and 2 until 2019.
    """
    n = mitglieder if mitglieder < 12 else 12
    werte: _Werte | None = rs.memo.get(n)  # type: ignore[assignment]  # memoised per Rechtsstand
    if werte is None:
        abc = rs.koeffizienten.koeffizienten[n]
        m_y = rs.mindestwerte
        werte = rs.memo[n] = (m_y.M[n - 1], m_y.Y[n - 1], abc.a, abc.b, abc.c, rs.koeffizienten.faktor)
    min_m, min_y, a, b, c, faktor = werte
    if min_m <= M and min_y <= Y:
        m, y = round_fixed_point(M), round_fixed_point(Y)
    else:
        m, y = _mindestwerte(M, Y, (min_m, min_y), rs=rs, rec=rec)
    z1 = round_fixed_point(a + b * m + c * y)
    z2 = round_fixed_point(z1 * y)
    z3 = round_fixed_point(m - z2)
    z4 = round_fixed_point(faktor * z3)
    positiv = z4 > _NULL
    gerundet = round_euro(z4) if positiv else _NULL
    if rec.aktiv:
        _rechenschritte(rec, n, (a, b, c, faktor), m=m, y=y, z=(z1, z2, z3, z4), gerundet=gerundet, rs=rs)
    if mitglieder > 12:
        betrag = _ueber_zwoelf(mitglieder=mitglieder, M=M, gerundet=gerundet, rs=rs, rec=rec)
    elif gerundet > M:
        betrag = _deckel_bis_zwoelf(M=M, gerundet=gerundet, rs=rs, rec=rec)
    else:
        betrag = gerundet
    return Formel(M=m, Y=y, z1=z1, z2=z2, z3=z3, z4=z4, gerundet=gerundet, betrag=betrag, positiv=positiv)


def _mindestwerte(
    M: Decimal, Y: Decimal, mindest: tuple[Decimal, Decimal], *, rs: Rechtsstand, rec: Rechenweg
) -> tuple[Decimal, Decimal]:
    """M and Y, each at least its Mindestwert, as fixed-point numbers with ten decimals.

    Anlage 3 Nr. 1 WoGG (Mindestwerte for M and Y), Nr. 2 (Festkommazahl); Anlage 2 until 2019.
    """
    zitat = f"{_anlage(rs)} Nr. 1 WoGG"
    min_m, min_y = mindest
    if min_m > M:
        rec.add("M_mindest", "M unter dem Mindestwert, ersetzt durch", min_m, "EUR/Monat", zitat)
        M = min_m
    if min_y > Y:
        rec.add("Y_mindest", "Y unter dem Mindestwert, ersetzt durch", min_y, "EUR/Monat", zitat)
        Y = min_y
    return round_fixed_point(M), round_fixed_point(Y)


def _rechenschritte(
    rec: Rechenweg,
    n: int,
    koeffizienten: tuple[Decimal, Decimal, Decimal, Decimal],
    *,
    m: Decimal,
    y: Decimal,
    z: tuple[Decimal, Decimal, Decimal, Decimal],
    gerundet: Decimal,
    rs: Rechtsstand,
) -> None:
    """The Rechenweg of § 19 Abs. 1, 2 WoGG: a, b, c (Anlage 2), z1–z4 (Anlage 3 Nr. 2 WoGG) and the
    amount in whole euros from 0.50 up (Anlage 3 Nr. 3 WoGG; Anlage 2 until 2019).

    Called only for a kept Rechenweg (``rec.aktiv``): eight steps with formatted labels and citations
    would cost a calculation without Rechenweg several per cent of its time.
    """
    a, b, c, faktor = koeffizienten
    z1, z2, z3, z4 = z
    zitat_abc = rs.koeffizienten.rule
    rec.add("a", f"a für {n} Haushaltsmitglied{'er' if n > 1 else ''}", a, "", zitat_abc)
    rec.add("b", "b", b, "", zitat_abc)
    rec.add("c", "c", c, "", zitat_abc)
    anlage = _anlage(rs)
    schritt = f"{anlage} Nr. 2 WoGG"
    rec.add("z1", "z1 = a + b · M + c · Y", z1, "", schritt, M=m, Y=y)
    rec.add("z2", "z2 = z1 · Y", z2, "", schritt)
    rec.add("z3", "z3 = M − z2", z3, "", schritt)
    rec.add(
        "z4",
        f"z4 = {format_zahl(faktor)} · z3 (ungerundetes Wohngeld)",
        z4,
        "EUR/Monat",
        f"§ 19 Abs. 1 WoGG, {schritt}",
    )
    if z4 > _NULL:
        label, zitat = "Wohngeld, auf volle Euro gerundet", f"{anlage} Nr. 3 WoGG"
    else:
        label, zitat = "Die Formel ergibt kein positives Wohngeld", "§ 19 Abs. 1 WoGG"
    rec.add("gerundet", label, gerundet, "EUR/Monat", zitat)


def _deckel_bis_zwoelf(*, M: Decimal, gerundet: Decimal, rs: Rechtsstand, rec: Rechenweg) -> Decimal:
    """Up to twelve members, a rounded amount above M: capped where the rule set caps every Wohngeld.

    § 19 Abs. 4 WoGG i. d. F. des Entwurfs 2027 (key ``deckel``, :data:`_DECKEL`); under § 19 Abs. 3
    WoGG (2016–2026) only the raise beyond twelve members is capped, so the amount stays.
    """
    p = rs.mehrbetrag_ueber_zwoelf
    betrag, _ = _DECKEL[p.deckel](summe=gerundet, gerundet=gerundet, M=M)
    if betrag != gerundet:
        rec.add(
            "deckel_m",
            "Wohngeld höchstens bis zur Höhe der zu berücksichtigenden Miete oder Belastung",
            betrag,
            "EUR/Monat",
            p.rule,
        )
    return betrag


def _ueber_zwoelf(
    *, mitglieder: int, M: Decimal, gerundet: Decimal, rs: Rechtsstand, rec: Rechenweg
) -> Decimal:
    """§ 19 Abs. 3 WoGG: the rounded Wohngeld for twelve, raised for the 13th and each further member.

    "erhöht sich … das nach den Absätzen 1 und 2 berechnete monatliche Wohngeld um jeweils … Euro,
    höchstens jedoch bis zur Höhe der zu berücksichtigenden Miete oder Belastung" (wording 2016–2026).
    Auslegung (docs/rechtsauslegung.md): the amount raised is the one after Abs. 2 (Anlage 3 Nr. 3:
    rounded to whole euros); where it is 0 € there is nothing to raise. The cap
    limits the raise: the sum is cut to the whole euros of M, but never below the amount for twelve,
    which may exceed M where the Mindestwert of M applies. A rule set whose cap covers the whole
    Wohngeld (``deckel_alle``, Entwurf 2027 § 19 Abs. 4) caps the sum itself.
    """
    p = rs.mehrbetrag_ueber_zwoelf
    if gerundet <= _NULL:
        rec.add(
            "mehr_als_zwoelf",
            "Keine Erhöhung für das 13. und jedes weitere Mitglied: das für zwölf berechnete Wohngeld "
            "beträgt 0 €",
            _NULL,
            "EUR/Monat",
            p.rule,
        )
        return gerundet
    zusatz = p.betrag * (mitglieder - 12)
    betrag, text = _DECKEL[p.deckel](summe=gerundet + zusatz, gerundet=gerundet, M=M)
    rec.add(
        "mehr_als_zwoelf",
        f"Erhöhung für das 13. und jedes weitere Mitglied ({mitglieder - 12} × {p.betrag} €)",
        zusatz,
        "EUR/Monat",
        p.rule,
    )
    rec.add("wohngeld_ueber_zwoelf", text, betrag, "EUR/Monat", p.rule, M=M)
    return betrag


def _deckel_erhoehung(*, summe: Decimal, gerundet: Decimal, M: Decimal) -> tuple[Decimal, str]:
    """§ 19 Abs. 3 WoGG (2016–2026, key ``deckel = "erhoehung"``): the raise reaches M at most; the
    sum is cut to the whole euros of M, never below the amount for twelve (which may exceed M where
    the Mindestwert of M applies). Up to twelve members nothing is raised, nothing capped."""
    if summe <= M:
        return summe, "Wohngeld für mehr als zwölf Mitglieder (Erhöhung höchstens bis M)"
    deckel = cut_euro(M)
    if deckel > gerundet:
        return deckel, "Wohngeld für mehr als zwölf Mitglieder: Erhöhung nur bis zur Höhe von M"
    return gerundet, (
        "Wohngeld für mehr als zwölf Mitglieder: keine Erhöhung, das Wohngeld für zwölf erreicht bereits M"
    )


def _deckel_wohngeld(*, summe: Decimal, gerundet: Decimal, M: Decimal) -> tuple[Decimal, str]:
    """§ 19 Abs. 4 WoGG i. d. F. des Entwurfs 2027 (key ``deckel = "wohngeld"``): the Wohngeld of every
    household, raised or not, is at most M (cut to whole euros)."""
    return (summe if summe <= M else cut_euro(M)), "Wohngeld für mehr als zwölf Mitglieder (höchstens M)"


_DECKEL = {"erhoehung": _deckel_erhoehung, "wohngeld": _deckel_wohngeld}
"""The rule of the cap at M, by the key ``deckel`` of the Fassung of ``mehrbetrag_ueber_zwoelf``."""
