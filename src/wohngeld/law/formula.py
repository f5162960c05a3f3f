"""The Wohngeld formula: § 19 WoGG with the Rechenschritte of Anlage 3 (Anlage 2 until 2019)."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from typing import NamedTuple, cast

from ..money import FIXED_POINT, cut_euro, round_euro
from ..money import NULL as _NULL
from ..rechenweg import Rechenweg, format_zahl
from .tabelle import Rechtsstand

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


def wohngeld_formel(
    *, mitglieder: int, M: Decimal, Y: Decimal, rs: Rechtsstand, rec: Rechenweg | None
) -> Formel:
    """Monthly Wohngeld from M and Y for ``mitglieder`` zu berücksichtigende members.

    § 19 Abs. 1 and 2 WoGG i. V. m. Anlage 2 (a, b, c) and Anlage 3 (Mindestwerte, four steps as
    fixed-point numbers with ten decimals, whole euros from 0.50 up); § 19 Abs. 3 WoGG for more
    than twelve members: the rounded amount for twelve, if positive, raised per further member
    (:func:`_ueber_zwoelf`). Anlagen 1 and 2 until 2019.
    """
    n = mitglieder if mitglieder < 12 else 12
    werte = cast("tuple[Decimal, Decimal, Decimal, Decimal, Decimal, Decimal] | None", rs.memo.get(n))
    if werte is None:
        abc = rs.koeffizienten.koeffizienten[n]
        werte = rs.memo[n] = (
            rs.mindestwerte.M[n - 1],
            rs.mindestwerte.Y[n - 1],
            abc.a,
            abc.b,
            abc.c,
            rs.koeffizienten.faktor,
        )
    min_m, min_y, a, b, c, faktor = werte
    # Anlage 3 Nr. 2: every step a fixed-point number with ten decimals, half-up
    # (money.round_fixed_point, inlined on this hot path; Auslegung: docs/rechtsauslegung.md).
    q, h = FIXED_POINT, ROUND_HALF_UP
    m = (M if min_m <= M else min_m).quantize(q, h)
    y = (Y if min_y <= Y else min_y).quantize(q, h)
    z1 = (a + b * m + c * y).quantize(q, h)
    z2 = (z1 * y).quantize(q, h)
    z3 = (m - z2).quantize(q, h)
    z4 = (faktor * z3).quantize(q, h)
    positiv = z4 > _NULL
    gerundet = round_euro(z4) if positiv else _NULL
    betrag = gerundet
    if rec is not None:
        anlage = _anlage(rs)
        if min_m > M:
            rec.add(
                "M_mindest",
                "M unter dem Mindestwert, ersetzt durch",
                min_m,
                "EUR/Monat",
                f"{anlage} Nr. 1 WoGG",
            )
        if min_y > Y:
            rec.add(
                "Y_mindest",
                "Y unter dem Mindestwert, ersetzt durch",
                min_y,
                "EUR/Monat",
                f"{anlage} Nr. 1 WoGG",
            )
        zitat_abc = rs.koeffizienten.rule
        rec.add("a", f"a für {n} Haushaltsmitglied{'er' if n > 1 else ''}", a, "", zitat_abc)
        rec.add("b", "b", b, "", zitat_abc)
        rec.add("c", "c", c, "", zitat_abc)
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
        if positiv:
            rec.add(
                "gerundet", "Wohngeld, auf volle Euro gerundet", gerundet, "EUR/Monat", f"{anlage} Nr. 3 WoGG"
            )
        else:
            rec.add(
                "gerundet",
                "Die Formel ergibt kein positives Wohngeld",
                _NULL,
                "EUR/Monat",
                "§ 19 Abs. 1 WoGG",
            )
    if mitglieder <= 12 and gerundet > M:
        betrag, _ = _DECKEL[rs.mehrbetrag_ueber_zwoelf.deckel](summe=gerundet, gerundet=gerundet, M=M)
        if rec is not None and betrag != gerundet:
            rec.add(
                "deckel_m",
                "Wohngeld höchstens bis zur Höhe der zu berücksichtigenden Miete oder Belastung",
                betrag,
                "EUR/Monat",
                rs.mehrbetrag_ueber_zwoelf.rule,
            )
    if mitglieder > 12 and gerundet > _NULL:
        betrag = _ueber_zwoelf(mitglieder=mitglieder, M=M, gerundet=gerundet, rs=rs, rec=rec)
    elif mitglieder > 12 and rec is not None:
        rec.add(
            "mehr_als_zwoelf",
            "Keine Erhöhung für das 13. und jedes weitere Mitglied: das für zwölf berechnete Wohngeld "
            "beträgt 0 €",
            _NULL,
            "EUR/Monat",
            rs.mehrbetrag_ueber_zwoelf.rule,
        )
    return Formel(M=m, Y=y, z1=z1, z2=z2, z3=z3, z4=z4, gerundet=gerundet, betrag=betrag, positiv=positiv)


def _ueber_zwoelf(
    *, mitglieder: int, M: Decimal, gerundet: Decimal, rs: Rechtsstand, rec: Rechenweg | None
) -> Decimal:
    """§ 19 Abs. 3 WoGG: the rounded Wohngeld for twelve, raised for the 13th and each further member.

    "erhöht sich … das nach den Absätzen 1 und 2 berechnete monatliche Wohngeld um jeweils … Euro,
    höchstens jedoch bis zur Höhe der zu berücksichtigenden Miete oder Belastung" (wording 2016–2026).
    Auslegung (docs/rechtsauslegung.md): the amount raised is the one after Abs. 2 (Anlage 3 Nr. 3:
    rounded to whole euros); where it is 0 € there is nothing to raise (the caller checks). The cap
    limits the raise: the sum is cut to the whole euros of M, but never below the amount for twelve,
    which may exceed M where the Mindestwert of M applies. A rule set whose cap covers the whole
    Wohngeld (``deckel_alle``, Entwurf 2027 § 19 Abs. 4) caps the sum itself.
    """
    p = rs.mehrbetrag_ueber_zwoelf
    zusatz = p.betrag * (mitglieder - 12)
    betrag, text = _DECKEL[p.deckel](summe=gerundet + zusatz, gerundet=gerundet, M=M)
    if rec is not None:
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
