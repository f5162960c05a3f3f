"""Gesamteinkommen Y (§§ 13–18 WoGG): from each member's gross Einnahmen to the monthly Y.

The stage follows the statute: per member and Einnahme the amount expected in the twelve months
of the Bewilligungszeitraum (§ 15), Werbungskosten (§ 14 Abs. 1 i. V. m. § 9a EStG) per kind of
Einkünfte, negative Einkünfte left out (§ 14 Abs. 1 Satz 1, 4), the Einnahmen of § 14 Abs. 2, the
percentage of § 16; then the Freibeträge (§§ 17, 17a) and the Unterhalt deductions (§ 18) of the
household, and one twelfth (§ 13 Abs. 2). Amounts are exact (fractions) until Y; nothing is
rounded (the law rounds Y nowhere). The Rechenweg shows each amount per month (the twelve-month
amount divided by 12, as the published examples do) with the annual amount as input.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from fractions import Fraction
from typing import TYPE_CHECKING

from dateutil.relativedelta import relativedelta

from ...errors import InputError
from ...input.einnahmen import Einnahme, EinnahmeArt
from ...input.haushalt import Haushalt, Haushaltsmitglied
from ...rechenweg import KEIN_RECHENWEG, Rechenweg, format_datum, format_euro
from .tabellen import (
    ArtRegel,
    Einnahmearten,
    Freibetraege,
    Grundrentenfreibetrag,
    Nr1Voraussetzung,
    PauschalabzugSaetze,
    Regelbedarfsstufen,
    UnterhaltAbzug,
    WerbungskostenPauschbetraege,
    Werbungskostenregel,
)

if TYPE_CHECKING:
    from ..rechtsstand import Rechtsstand

__all__ = ["Zwoelfmonate", "gesamteinkommen_monat", "hinweise", "prognosezeitraum", "zwoelf_monate"]

_BRUCH_NULL = Fraction(0)
_ZWOELF = 12
_EUR_M = "EUR/Monat"
_EUR_J = "EUR/Jahr"


def _dec(x: Fraction) -> Decimal:
    """Decimal of an exact fraction: exact when it terminates, else to the context's 28 digits."""
    if x.denominator == 1:
        return Decimal(x.numerator)
    return Decimal(x.numerator) / Decimal(x.denominator)


_ZITAT_15 = {
    "laufend": "§ 15 Abs. 1 WoGG",
    "einmalig": "§ 15 Abs. 2 WoGG",
    "sonderzuwendung": "§ 15 Abs. 3 WoGG",
}
"""The Absatz of § 15 WoGG that assigns an Einnahme of each ``zeitraum`` to the months."""


def _monat(x: Fraction) -> Decimal:
    return _dec(x / _ZWOELF)


@dataclass(frozen=True, slots=True)
class Zwoelfmonate:
    """The months of § 15 WoGG: from ``beginn`` (first of a month) to ``ende`` (exclusive).

    ``monate`` is the length of the Bewilligungszeitraum: as a rule twelve; otherwise § 15 Abs. 4
    WoGG takes twelve times the average month.
    """

    beginn: date
    ende: date
    monate: int = _ZWOELF

    def index(self, d: date) -> int:
        """Month number of ``d`` counted from ``beginn`` (0 = first month; may be out of 0..11)."""
        r = relativedelta(d.replace(day=1), self.beginn)
        return r.years * 12 + r.months

    def text(self) -> str:
        """The period as 'TT.MM.JJJJ – TT.MM.JJJJ'."""
        return f"{format_datum(self.beginn)} – {format_datum(self.ende - relativedelta(days=1))}"

    def wort(self) -> str:
        """'zwölf Monaten' or 'N Monaten' (dative, for messages)."""
        return "zwölf Monaten" if self.monate == _ZWOELF else f"{self.monate} Monaten"

    def auf_jahr(self, summe: Fraction) -> Fraction:
        """Jahreseinkommen from the sum over the period: § 15 Abs. 4 WoGG, 12 × the monthly average."""
        return summe if self.monate == _ZWOELF else summe * _ZWOELF / self.monate


def prognosezeitraum(h: Haushalt, *, on: date) -> Zwoelfmonate:
    """The months whose income is forecast: from the first of the month of the start.

    § 15 Abs. 1, 4 WoGG i. V. m. § 25 Abs. 1, 3 WoGG; start = ``bewilligungszeitraum_ab`` or the
    Stichtag; length ``bewilligungszeitraum_monate`` (default twelve).
    """
    start = (h.bewilligungszeitraum_ab or on).replace(day=1)
    n = h.bewilligungszeitraum_monate or _ZWOELF
    return Zwoelfmonate(start, start + relativedelta(months=n), n)


_ZUFLUSS_SPIELRAUM = 24
"""Months before the look-back of § 15 Abs. 2 Satz 3 WoGG and after the months of § 15 WoGG in
which a one-off Zufluss is still accepted (and shown as not counted). Farther out (e.g. 1900 or
9999) it is refused as a typo, as a laufende Einnahme outside the months is: a plausibility bound,
not a rule of the WoGG (either way no amount changes)."""


def zwoelf_monate(
    e: Einnahme,
    *,
    bwz: Zwoelfmonate,
    wer: str,
    pos: int,
    zurechnung: int = _ZWOELF,
    rueckschau: int = _ZWOELF,
) -> tuple[list[Fraction], str]:
    """The amounts of one Einnahme in each month of the Bewilligungszeitraum, and how they were assigned.

    § 15 Abs. 1 (laufend, with ``ab``/``bis``), Abs. 2 (einmalig: one ``zurechnung``-th in each of
    the ``zurechnung`` months after the Zuflussmonat, if received at most ``rueckschau`` months
    before) and Abs. 3 (Sonderzuwendung) WoGG.
    """
    n = bwz.monate
    monate = [_BRUCH_NULL] * n
    feld = f"{wer}: einnahmen[{pos}]"
    if e.zeitraum == "laufend":
        betrag = Fraction(e.brutto_monat) if e.brutto_monat is not None else Fraction(e.brutto_jahr or 0) / 12
        erster, letzter = 0, n - 1
        if e.ab is not None:
            erster = bwz.index(e.ab)
            if erster > letzter:
                raise InputError(
                    f"{feld}.ab = {format_datum(e.ab)} liegt nach den {bwz.wort()} {bwz.text()} "
                    "(§ 15 Abs. 1 WoGG); erlaubt: ein Datum vor dem "
                    f"{format_datum(bwz.ende)}, oder die Einnahme weglassen"
                )
        if e.bis is not None:
            letzter = bwz.index(e.bis)
            if letzter < 0:
                raise InputError(
                    f"{feld}.bis = {format_datum(e.bis)} liegt vor den {bwz.wort()} {bwz.text()} "
                    f"(§ 15 Abs. 1 WoGG); erlaubt: ein Datum ab dem {format_datum(bwz.beginn)}, oder "
                    "die Einnahme weglassen"
                )
        erster, letzter = max(erster, 0), min(letzter, n - 1)
        for m in range(erster, letzter + 1):
            monate[m] = betrag
        k = letzter - erster + 1
        wie = "laufend" if k == n else f"laufend in {k} von {n} Monaten"
        return monate, wie
    assert e.betrag is not None and e.zufluss is not None
    frueheste = bwz.beginn - relativedelta(months=rueckschau + _ZUFLUSS_SPIELRAUM)
    nach_ende = bwz.ende + relativedelta(months=_ZUFLUSS_SPIELRAUM)
    if not frueheste <= e.zufluss < nach_ende:
        # as a laufende Einnahme outside the months: refused, not silently ignored
        raise InputError(
            f"{feld}.zufluss = {format_datum(e.zufluss)} liegt weit außerhalb der Monate "
            f"{bwz.text()} (§ 15 Abs. 2, 3 WoGG); erlaubt: ein Zufluss vom {format_datum(frueheste)} "
            f"bis {format_datum(nach_ende - relativedelta(days=1))} – das Datum prüfen oder die Einnahme "
            "weglassen"
        )
    betrag, z = Fraction(e.betrag), bwz.index(e.zufluss)
    if e.zeitraum == "sonderzuwendung":
        # § 15 Abs. 3: paid within the twelve months after the start, one twelfth to each month of
        # the Bewilligungszeitraum (with § 15 Abs. 4 the twelvefold average gives the whole amount)
        if 0 <= z < _ZWOELF:
            monate = [betrag / 12] * n
            return monate, f"Sonderzuwendung vom {format_datum(e.zufluss)}, je ein Zwölftel"
        return monate, f"Sonderzuwendung vom {format_datum(e.zufluss)} fließt nicht in den zwölf Monaten zu"
    # § 15 Abs. 2 Satz 2, 3: the Fassung's table gives the months (2016–2022: "jeweils zu einem Drittel
    # in den drei Jahren nach dem Zuflussmonat", "innerhalb von drei Jahren vor der Antragstellung",
    # i.e. 1/36 a month over 36 months; from 2023 one twelfth over twelve months, one year back)
    if e.zufluss < bwz.beginn - relativedelta(months=rueckschau):
        return monate, (
            f"einmalig am {format_datum(e.zufluss)}, mehr als {_dauer(rueckschau)} vor der Antragstellung "
            "zugeflossen"
        )
    treffer = [m for m in range(z + 1, z + 1 + zurechnung) if 0 <= m < n]
    for m in treffer:
        monate[m] = betrag / zurechnung
    return monate, (
        f"einmalig am {format_datum(e.zufluss)}, verteilt auf {_dauer(zurechnung)} nach dem Zuflussmonat; "
        f"{len(treffer)} von {zurechnung} Monatsanteilen im Bewilligungszeitraum"
    )


def _dauer(monate: int) -> str:
    """A number of months in the words of § 15 Abs. 2 WoGG ('drei Jahre', 'ein Jahr', '18 Monate')."""
    if monate % _ZWOELF:
        return f"{monate} Monate"
    jahre = monate // _ZWOELF
    return {1: "ein Jahr", 2: "zwei Jahre", 3: "drei Jahre"}.get(jahre, f"{jahre} Jahre")


@dataclass(slots=True)
class _Mitglied:
    """Result for one counted member: Jahreseinkommen and what §§ 17, 17a need."""

    wer: str
    jahreseinkommen: Fraction = _BRUCH_NULL
    erwerb: Fraction = _BRUCH_NULL  # eigene Einnahmen aus Erwerbstätigkeit, after § 16 (§ 17 Nr. 4)
    gesetzliche_rente: Fraction = _BRUCH_NULL  # gross, twelve months (§ 17a Abs. 1)
    alterssicherung: Fraction = _BRUCH_NULL  # gross, comparable systems (§ 17a Abs. 2)
    einkuenfte: list[tuple[bool, Fraction]] = field(default_factory=list)


@dataclass(slots=True)
class _Posten:
    """The Einnahmen of one member on their way to the Jahreseinkommen (§ 14 WoGG), before § 16."""

    summe: Fraction = _BRUCH_NULL
    erwerb: Fraction = _BRUCH_NULL  # the part from Erwerbstätigkeit (§ 17 Nr. 4 WoGG)
    gruppen: dict[str, list[tuple[Einnahme, ArtRegel, Fraction]]] = field(default_factory=dict)
    ueber: dict[EinnahmeArt, tuple[ArtRegel, list[Fraction]]] = field(default_factory=dict)

    def zaehlt(self, betrag: Fraction, regel: ArtRegel) -> None:
        """Count ``betrag`` into the sum, and into the Erwerbseinkommen where ``regel`` says so."""
        self.summe += betrag
        if regel.erwerb:
            self.erwerb += betrag


def _wer(m: Haushaltsmitglied, i: int) -> str:
    rolle = " (Kind)" if m.kind else ""
    return f"Mitglied {i}{f' {m.name}' if m.name else ''}{rolle}"


def _add(rec: Rechenweg, key: str, label: str, jahr: Fraction, zitat: str, **eingaben: Decimal | str) -> None:
    """Record a twelve-month amount as its monthly twelfth, with the annual amount as input."""
    if rec.aktiv:  # the two exact divisions cost more than the step itself
        rec.add(key, label, _monat(jahr), _EUR_M, zitat, jahr=_dec(jahr), **eingaben)


def _add_jahr(rec: Rechenweg, key: str, label: str, jahr: Fraction, zitat: str, **eingaben: str) -> None:
    """Record a yearly amount (EUR/Jahr)."""
    if rec.aktiv:  # the exact division costs more than the step itself
        rec.add(key, label, _dec(jahr), _EUR_J, zitat, **eingaben)


_GRUPPEN = {
    "nichtselbstaendig": "Einkünfte aus nichtselbständiger Arbeit",
    "versorgung": "Einkünfte aus Versorgungsbezügen",
    "rente": "Einkünfte aus Renten",
    "minijob": "pauschal versteuerter Arbeitslohn nach Abzug der Aufwendungen",
    "sachzuwendung": "pauschal versteuerte Sachzuwendungen",
    "gewinn_land_forst": "Einkünfte aus Land- und Forstwirtschaft",
    "gewinn_gewerbe": "Einkünfte aus Gewerbebetrieb",
    "gewinn_selbstaendig": "Einkünfte aus selbständiger Arbeit",
    "vermietung": "Einkünfte aus Vermietung und Verpachtung",
    "kapital": "Kapitalerträge, soweit sie {grenze} übersteigen",
}

_PAUSCHBETRAG = {
    "nichtselbstaendig": ("arbeitnehmer", "§ 9a Satz 1 Nr. 1 Buchst. a EStG"),
    "versorgung": ("versorgungsbezuege", "§ 9a Satz 1 Nr. 1 Buchst. b EStG"),
    "rente": ("renten", "§ 9a Satz 1 Nr. 3 EStG"),
}
"""The kinds of Einkünfte with a Werbungskosten-Pauschbetrag: its field in the table and its rule."""


def _werbungskosten_nachweis_oder_pauschbetrag(*, pauschbetrag: Fraction, nachgewiesen: Fraction) -> bool:
    """§ 14 Abs. 1 Satz 1 WoGG i. V. m. §§ 9, 9a Satz 1 EStG (key ``werbungskosten =
    "nachweis_oder_pauschbetrag"``, the law in force since 2016): the Pauschbetrag is deducted
    "wenn nicht höhere Werbungskosten nachgewiesen werden". True: the Werbungskosten shown."""
    return nachgewiesen > pauschbetrag


def _werbungskosten_pauschbetrag(*, pauschbetrag: Fraction, nachgewiesen: Fraction) -> bool:
    """§ 14 Abs. 1 WoGG i. d. F. des Entwurfs 2027, BT-Drs. 21/8284 (key ``werbungskosten =
    "pauschbetrag"``): where § 9a Satz 1 EStG gives a Pauschbetrag, only the Pauschbetrag is
    deducted; higher Werbungskosten shown are not. Always False."""
    return False


_WERBUNGSKOSTEN: dict[Werbungskostenregel, Callable[..., bool]] = {
    "nachweis_oder_pauschbetrag": _werbungskosten_nachweis_oder_pauschbetrag,
    "pauschbetrag": _werbungskosten_pauschbetrag,
}
"""Whether the Werbungskosten shown replace the Pauschbetrag, by the key ``werbungskosten`` of the
Fassung of ``werbungskosten_pauschbetraege``."""


def _werbungskosten(
    behandlung: str,
    einnahmen: Fraction,
    nachgewiesen: Fraction,
    *,
    wer: str,
    wk: WerbungskostenPauschbetraege,
    rec: Rechenweg,
) -> Fraction:
    """Werbungskosten of one kind of Einkünfte with a Pauschbetrag (§ 14 Abs. 1 Satz 1 WoGG i. V. m.
    §§ 9, 9a EStG): the Pauschbetrag, at most up to the Einnahmen (§ 9a Satz 2 EStG), or the
    Werbungskosten shown where the Fassung's rule (``werbungskosten``) deducts them."""
    feld, norm = _PAUSCHBETRAG[behandlung]
    pausch_jahr: Decimal = getattr(wk, feld)
    pausch = min(Fraction(pausch_jahr), max(einnahmen, _BRUCH_NULL))
    if _WERBUNGSKOSTEN[wk.werbungskosten](pauschbetrag=pausch, nachgewiesen=nachgewiesen):
        label, zitat = f"{wer}: tatsächliche Werbungskosten", "§ 14 Abs. 1 Satz 1 WoGG i. V. m. § 9 EStG"
        _add(rec, "werbungskosten", label, nachgewiesen, zitat)
        return nachgewiesen
    _add(
        rec,
        "werbungskosten",
        f"{wer}: Werbungskosten-Pauschbetrag ({format_euro(pausch_jahr)} jährlich)",
        pausch,
        f"§ 14 Abs. 1 Satz 1 WoGG i. V. m. {norm}",
        pauschbetrag_jahr=pausch_jahr,
    )
    return pausch


def _einkuenfte_gruppe(
    behandlung: str,
    posten: list[tuple[Einnahme, ArtRegel, Fraction]],
    *,
    wer: str,
    katalog: Einnahmearten,
    wk: WerbungskostenPauschbetraege,
    rec: Rechenweg,
) -> Fraction:
    """Einkünfte of one kind for one member after Werbungskosten; negative ones count as 0.

    § 14 Abs. 1 Satz 1, 3, 4 WoGG i. V. m. § 2 Abs. 2, §§ 9, 9a, 20 Abs. 9 EStG; § 14 Abs. 2 Nr. 15 WoGG.
    """
    einnahmen = sum((s for _, _, s in posten), _BRUCH_NULL)
    tatsaechlich = sum((Fraction(e.werbungskosten_jahr or 0) for e, _, _ in posten), _BRUCH_NULL)
    zitat = posten[0][1].zitat
    label = _GRUPPEN[behandlung].format(grenze=format_euro(katalog.kapitalertraege_grenze))
    if behandlung in _PAUSCHBETRAG:
        ergebnis = einnahmen - _werbungskosten(behandlung, einnahmen, tatsaechlich, wer=wer, wk=wk, rec=rec)
    elif behandlung == "minijob":
        # § 14 Abs. 1 Satz 3 Nr. 2 WoGG: the Aufwendungen, at most up to the Einnahmen
        abzug = min(tatsaechlich, max(einnahmen, _BRUCH_NULL))
        if abzug:
            _add(
                rec,
                "aufwendungen",
                f"{wer}: Aufwendungen (höchstens bis zur Höhe der Einnahmen)",
                abzug,
                zitat,
            )
        ergebnis = einnahmen - abzug
    elif behandlung == "kapital":
        ergebnis = max(einnahmen - Fraction(katalog.kapitalertraege_grenze), _BRUCH_NULL)
    else:
        ergebnis = einnahmen
    if ergebnis < 0:
        _add(
            rec,
            "einkuenfte_negativ",
            f"{wer}: {label} negativ ({format_euro(_dec(ergebnis))} jährlich), kein Ausgleich",
            _BRUCH_NULL,
            "§ 14 Abs. 1 Satz 1, 4 WoGG",
        )
        return _BRUCH_NULL
    _add(rec, "einkuenfte", f"{wer}: {label}", ergebnis, zitat)
    return ergebnis


def _mitglied(
    m: Haushaltsmitglied,
    i: int,
    *,
    bwz: Zwoelfmonate,
    on: date,
    rs: Rechtsstand,
    rec: Rechenweg,
) -> _Mitglied:
    """Jahreseinkommen of one counted member.

    § 14 Abs. 1, 2 (each Einnahme, :func:`_einnahme`), § 15 (its months), § 16 WoGG (the percentage).
    """
    wer = _wer(m, i)
    katalog = rs.table(Einnahmearten)
    wk = rs.table(WerbungskostenPauschbetraege)
    ergebnis = _Mitglied(wer)
    if not m.einnahmen:
        rec.add("einnahmen", f"{wer}: keine Einnahmen", Decimal(0), _EUR_M, "§ 14 WoGG")
        return ergebnis
    posten = _Posten()
    for pos, e in enumerate(m.einnahmen):
        _einnahme(e, pos, wer=wer, bwz=bwz, on=on, katalog=katalog, posten=posten, ergebnis=ergebnis, rec=rec)
    for art, (regel, jahre) in posten.ueber.items():
        posten.summe += _ueber_grenze(art, regel, jahre, wer=wer, rec=rec)
    for behandlung, gruppe in posten.gruppen.items():
        betrag = _einkuenfte_gruppe(behandlung, gruppe, wer=wer, katalog=katalog, wk=wk, rec=rec)
        posten.zaehlt(betrag, gruppe[0][1])
    abzug, p = _pauschalabzug(m, posten.summe, wer=wer, rs=rs, rec=rec)
    ergebnis.jahreseinkommen = posten.summe - abzug
    ergebnis.erwerb = posten.erwerb * (1 - p)
    _add(
        rec,
        "jahreseinkommen",
        f"{wer}: Jahreseinkommen, monatlich",
        ergebnis.jahreseinkommen,
        "§ 14 Abs. 1 WoGG",
    )
    return ergebnis


def _einnahme(
    e: Einnahme,
    pos: int,
    *,
    wer: str,
    bwz: Zwoelfmonate,
    on: date,
    katalog: Einnahmearten,
    posten: _Posten,
    ergebnis: _Mitglied,
    rec: Rechenweg,
) -> None:
    """One Einnahme: its amount in the months of § 15 WoGG, counted as the Fassung's § 14 says.

    § 14 Abs. 2 WoGG (``voll``, times ``anteil``; Elterngeld, :func:`_elterngeld`; over a limit,
    :func:`_ueber_grenze`), § 14 Abs. 1 (Einkünfte by kind, :func:`_einkuenfte_gruppe`); the gross
    amounts of § 17a Abs. 1, 2 WoGG are noted for the Grundrenten-Freibetrag.
    """
    regel = katalog.arten.get(e.art)
    if regel is None:
        bekannt = ", ".join(a.value for a in katalog.arten)
        raise InputError(
            f"{wer}: einnahmen[{pos}].art = '{e.art.value}' ist keine Einnahme nach § 14 WoGG in der am "
            f"{format_datum(on)} geltenden Fassung (Fassung vom {format_datum(katalog.valid_from)}); "
            f"erlaubt: {bekannt}"
        )
    monate, wie = zwoelf_monate(
        e,
        bwz=bwz,
        wer=wer,
        pos=pos,
        zurechnung=katalog.einmalig_zurechnung_monate,
        rueckschau=katalog.einmalig_rueckschau_monate,
    )
    jahr = bwz.auf_jahr(sum(monate, _BRUCH_NULL))
    if bwz.monate != _ZWOELF:
        wie += f"; Zwölffaches des Monatsdurchschnitts von {bwz.monate} Monaten (§ 15 Abs. 4 WoGG)"
    art = e.art.value + (f" ({e.bezeichnung})" if e.bezeichnung else "")
    if regel.behandlung == "nicht":
        label = f"{wer}: {art} – kein Einkommen"
        _add(rec, "nicht_einkommen", label, _BRUCH_NULL, regel.zitat, angegeben_jahr=_dec(jahr))
        return
    zitat = f"{regel.zitat}; {_ZITAT_15[e.zeitraum]}"
    _add(rec, "einnahme", f"{wer}: {art}, brutto ({wie})", jahr, zitat, zwoelf_monate=bwz.text())
    if regel.behandlung == "voll":
        posten.zaehlt(_anteil(jahr, regel, wer=wer, rec=rec), regel)
    elif regel.behandlung == "elterngeld":
        posten.summe += _elterngeld(
            e, pos, regel, monate, wer=wer, art=art, bwz=bwz, katalog=katalog, rec=rec
        )
    elif regel.behandlung == "ueber_grenze":
        posten.ueber.setdefault(e.art, (regel, []))[1].append(jahr)
    else:
        posten.gruppen.setdefault(regel.behandlung, []).append((e, regel, jahr))
    if regel.gesetzliche_rente:
        ergebnis.gesetzliche_rente += jahr
    if regel.alterssicherung_17a:
        ergebnis.alterssicherung += jahr


def _anteil(jahr: Fraction, regel: ArtRegel, *, wer: str, rec: Rechenweg) -> Fraction:
    """An Einnahme of § 14 Abs. 2 WoGG: counted in full, or in the share the Nr. names (e.g. half)."""
    betrag = jahr * Fraction(regel.anteil)
    if regel.anteil != 1:
        label = f"{wer}: davon zu berücksichtigen ({regel.anteil} · Betrag)"
        _add(rec, "anteil", label, betrag, regel.zitat)
    return betrag


def _elterngeld(
    e: Einnahme,
    pos: int,
    regel: ArtRegel,
    monate: list[Fraction],
    *,
    wer: str,
    art: str,
    bwz: Zwoelfmonate,
    katalog: Einnahmearten,
    rec: Rechenweg,
) -> Fraction:
    """Elterngeld as far as it exceeds the amount § 10 BEEG keeps free (§ 14 Abs. 2 Nr. 6 WoGG).

    § 10 Abs. 1 BEEG: 300 € a month stay free (ElterngeldPlus, Abs. 3: 150 €), with the Einnahmen
    credited on it (:func:`_elterngeld_mit_anrechnung`); Abs. 4: times the children of a
    Mehrlingsgeburt, where the Fassung's table says so.
    """
    assert regel.anrechnungsfrei_monat is not None
    kinder = e.mehrlinge or 1
    if kinder > 1 and not regel.mehrlinge_vervielfachen:
        raise InputError(
            f"{wer}: einnahmen[{pos}].mehrlinge = {kinder}: die Fassung vom "
            f"{format_datum(katalog.valid_from)} vervielfacht den freien Betrag des {e.art.value} "
            "nicht (§ 10 Abs. 4 BEEG); mehrlinge weglassen"
        )
    frei_monat = Fraction(regel.anrechnungsfrei_monat) * kinder
    mehr = ""
    if kinder > 1:
        mehr = f" ({kinder} · {format_euro(regel.anrechnungsfrei_monat)}, Mehrlingsgeburt)"
    plus = e.art is EinnahmeArt.ELTERNGELD_PLUS
    if e.angerechnet_monat:
        betrag = bwz.auf_jahr(
            _elterngeld_mit_anrechnung(
                monate, frei_monat=frei_monat, angerechnet=Fraction(e.angerechnet_monat), plus=plus
            )
        )
        _add(
            rec,
            "elterngeld",
            f"{wer}: {art} und angerechnete Einnahmen ({format_euro(e.angerechnet_monat)} monatlich, "
            f"als eigene Einnahme gezählt) über insgesamt "
            f"{format_euro(_dec(frei_monat * (2 if plus else 1)))} "
            f"monatlich{mehr}",
            betrag,
            regel.zitat + "; § 10 Abs. 1" + (", 3" if plus else "") + (", 4" if kinder > 1 else "") + " BEEG",
        )
        return betrag
    betrag = bwz.auf_jahr(sum((max(x - frei_monat, _BRUCH_NULL) for x in monate), _BRUCH_NULL))
    _add(
        rec,
        "elterngeld",
        f"{wer}: {art} über {format_euro(_dec(frei_monat))} monatlich{mehr}",
        betrag,
        regel.zitat + ("; § 10 Abs. 4 BEEG" if kinder > 1 else ""),
    )
    return betrag


def _ueber_grenze(
    art: EinnahmeArt, regel: ArtRegel, jahre: list[Fraction], *, wer: str, rec: Rechenweg
) -> Fraction:
    """An Einnahme counted as far as it exceeds an amount per year (§ 14 Abs. 2 Nr. 19 a, b, Nr. 20 a WoGG).

    Nr. 19 b "insgesamt": all such Bezüge of the recipient together (Auslegung: per member and kind).
    """
    assert regel.frei_jahr is not None
    brutto = sum(jahre, _BRUCH_NULL)
    frei = min(brutto, Fraction(regel.frei_jahr))
    betrag = brutto - frei
    label = f"{wer}: {art.value}, soweit über {format_euro(regel.frei_jahr)} jährlich"
    _add(rec, "ueber_grenze", label, betrag, regel.zitat, frei_jahr=_dec(frei))
    return betrag


def _pauschalabzug(
    m: Haushaltsmitglied, summe: Fraction, *, wer: str, rs: Rechtsstand, rec: Rechenweg
) -> tuple[Fraction, Fraction]:
    """The deduction of § 16 Satz 1 WoGG from the member's ``summe`` and its percentage (10 % for each
    kind of tax or contribution expected, Nr. 1–3, on top of the Fassung's ``grundsatz``)."""
    saetze = rs.table(PauschalabzugSaetze)
    merkmale = [
        (m.pauschalabzug.steuern, "1", "Steuern vom Einkommen"),
        (m.pauschalabzug.kranken_pflege, "2", "Kranken- und Pflegeversicherung"),
        (m.pauschalabzug.rente, "3", "Rentenversicherung"),
    ]
    erfuellt = [(nr, text) for ja, nr, text in merkmale if ja]
    p = Fraction(saetze.grundsatz) + len(erfuellt) * Fraction(saetze.satz_je_merkmal)
    abzug = summe * p if summe > 0 else _BRUCH_NULL
    prozent = _dec(p * 100)
    if erfuellt:
        nrn = ", ".join(nr for nr, _ in erfuellt)
        _add(
            rec,
            "pauschalabzug",
            f"{wer}: Abzug {prozent} % ({', '.join(t for _, t in erfuellt)})",
            abzug,
            f"§ 16 Satz 1 Nr. {nrn} WoGG",
            summe_jahr=_dec(summe),
        )
    else:
        label = f"{wer}: kein Abzug nach § 16 WoGG ({prozent} %)"
        _add(rec, "pauschalabzug", label, abzug, "§ 16 Satz 1 WoGG")
    return abzug, p


def _elterngeld_mit_anrechnung(
    monate: list[Fraction], *, frei_monat: Fraction, angerechnet: Fraction, plus: bool
) -> Fraction:
    """Counted Elterngeld over the months when Einnahmen are credited on it (§ 3 BEEG).

    § 10 Abs. 1 BEEG: Elterngeld and the Einnahmen credited on it stay free "bis zu einer Höhe von
    insgesamt 300 Euro im Monat"; Abs. 3: for ElterngeldPlus, half of what remains of the allowance
    after the other Einnahmen. The credited Einnahme (e.g. Mutterschaftsgeld) is counted in full as
    its own Einnahme, so its free part is taken off here (the result may be below the Elterngeld
    counted, never below minus the credited amount). Only in months with Elterngeld.
    """
    gesamt = frei_monat * 2 if plus else frei_monat  # ElterngeldPlus: the 150 € are half of 300 €
    summe = _BRUCH_NULL
    for x in monate:
        if x == 0:
            continue
        frei_a = min(angerechnet, gesamt)
        rest = gesamt - frei_a
        frei_eg = rest / 2 if plus else rest
        summe += max(x - frei_eg, _BRUCH_NULL) - frei_a
    return summe


def _alter(m: Haushaltsmitglied, stichtag: date) -> int | None:
    if m.geburtsdatum is None:
        return None
    return relativedelta(stichtag, m.geburtsdatum).years


_Nr1 = tuple[bool, str, str] | None
"""What § 17 Nr. 1 WoGG gives a member: (granted, label without the member, citation); None: no step."""


def _nr1_schwerbehinderung(m: Haushaltsmitglied, fb: Freibetraege) -> _Nr1:
    """§ 17 Nr. 1 WoGG (key ``nr1_voraussetzung = "schwerbehinderung"``, the law in force since 2016):
    each schwerbehinderte member with a GdB a) of 100 or b) under 100 with Pflegebedürftigkeit
    (§ 14 SGB XI) and häuslicher oder teilstationärer Pflege oder Kurzzeitpflege."""
    gdb = m.schwerbehindert_gdb
    if gdb is None:
        return None
    nr1a = gdb == 100
    nr1b = fb.schwerbehinderung_ab_gdb <= gdb < 100 and m.pflegegrad is not None and m.haeusliche_pflege
    if nr1a or nr1b:
        label = f"Freibetrag schwerbehindert, GdB {gdb} ({format_euro(fb.schwerbehinderung)} jährlich)"
        return True, label, f"§ 17 Nr. 1 Buchst. {'a' if nr1a else 'b'} WoGG"
    return (
        False,
        f"kein Freibetrag bei GdB {gdb} ohne Pflegebedürftigkeit und häusliche Pflege",
        "§ 17 Nr. 1 WoGG",
    )


def _nr1_schwerbehinderung_oder_pflegegrad(m: Haushaltsmitglied, fb: Freibetraege) -> _Nr1:
    """§ 17 Nr. 1 WoGG i. d. F. des Entwurfs 2027, BT-Drs. 21/8284 (key ``nr1_voraussetzung =
    "schwerbehinderung_oder_pflegegrad"``): also each member with Pflegegrad ``pflegegrad_ab`` or
    higher, with or without a GdB; otherwise as Buchst. a, b in force (whether the draft keeps
    Buchst. b is not known: it is kept, docs/rechtsauslegung.md)."""
    assert fb.pflegegrad_ab is not None
    if m.pflegegrad is not None and m.pflegegrad >= fb.pflegegrad_ab and m.schwerbehindert_gdb != 100:
        return (
            True,
            f"Freibetrag bei Pflegegrad {m.pflegegrad} ({format_euro(fb.schwerbehinderung)} jährlich)",
            fb.rule,
        )
    return _nr1_schwerbehinderung(m, fb)


_NR1: dict[Nr1Voraussetzung, Callable[[Haushaltsmitglied, Freibetraege], _Nr1]] = {
    "schwerbehinderung": _nr1_schwerbehinderung,
    "schwerbehinderung_oder_pflegegrad": _nr1_schwerbehinderung_oder_pflegegrad,
}
"""Who has the Freibetrag of § 17 Nr. 1 WoGG, by the key ``nr1_voraussetzung`` of the Fassung of
``freibetraege``."""


def _freibetrag_17_1(m: Haushaltsmitglied, e: _Mitglied, fb: Freibetraege, rec: Rechenweg) -> Fraction:
    """§ 17 Nr. 1 WoGG: the Freibetrag for schwerbehinderte (or, in the draft, pflegebedürftige) members."""
    nr1 = _NR1[fb.nr1_voraussetzung](m, fb)
    if nr1 is None:
        return _BRUCH_NULL
    gewaehrt, label, zitat = nr1
    if not gewaehrt:
        rec.add("freibetrag_17_1", f"{e.wer}: {label}", Decimal(0), _EUR_M, zitat)
        return _BRUCH_NULL
    betrag = Fraction(fb.schwerbehinderung)
    _add(rec, "freibetrag_17_1", f"{e.wer}: {label}", betrag, zitat)
    return betrag


def _freibetrag_17_3(
    m: Haushaltsmitglied,
    e: _Mitglied,
    alle: tuple[Haushaltsmitglied, ...],
    *,
    bwz: Zwoelfmonate,
    fb: Freibetraege,
    rec: Rechenweg,
) -> Fraction | None:
    """§ 17 Nr. 3 WoGG: the Freibetrag (once) for an alleinerziehend member who lives only with
    children, one of them under ``alleinerziehend_kind_unter`` years; None: not granted."""
    andere = [x for x in alle if x is not m]
    kinder_u18 = [
        k
        for k in andere
        if k.kind and ((a := _alter(k, bwz.beginn)) is None or a < fb.alleinerziehend_kind_unter)
    ]
    if andere and all(k.kind for k in andere) and kinder_u18:
        betrag = Fraction(fb.alleinerziehend)
        label = f"{e.wer}: Freibetrag Alleinerziehende ({format_euro(fb.alleinerziehend)} jährlich)"
        _add(rec, "freibetrag_17_3", label, betrag, "§ 17 Nr. 3 WoGG")
        return betrag
    rec.add(
        "freibetrag_17_3",
        f"{e.wer}: kein Freibetrag für Alleinerziehende: wohnt nicht "
        f"ausschließlich mit Kindern, davon eines unter {fb.alleinerziehend_kind_unter}",
        Decimal(0),
        _EUR_M,
        "§ 17 Nr. 3 WoGG",
    )
    return None


def _freibetrag_17_4(
    m: Haushaltsmitglied, e: _Mitglied, *, bwz: Zwoelfmonate, fb: Freibetraege, rec: Rechenweg
) -> Fraction:
    """§ 17 Nr. 4 WoGG: a child's own Einnahmen aus Erwerbstätigkeit, up to the amount, if the
    child is under ``kind_erwerbseinkommen_unter`` years (for a child with such Einnahmen)."""
    alter = _alter(m, bwz.beginn)
    if alter is None and m.alter_unter_25 is None:
        raise InputError(
            f"{e.wer}: das Kind hat Einnahmen aus Erwerbstätigkeit; für den Freibetrag nach § 17 "
            f"Nr. 4 WoGG "
            f"(Kinder unter {fb.kind_erwerbseinkommen_unter} Jahren) geburtsdatum oder "
            f"alter_unter_25 (true/false) angeben"
        )
    unter = alter < fb.kind_erwerbseinkommen_unter if alter is not None else bool(m.alter_unter_25)
    if not unter:
        return _BRUCH_NULL
    betrag = min(e.erwerb, Fraction(fb.kind_erwerbseinkommen))
    _add(
        rec,
        "freibetrag_17_4",
        f"{e.wer}: Freibetrag eigenes Erwerbseinkommen des Kindes "
        f"(höchstens {format_euro(fb.kind_erwerbseinkommen)} jährlich)",
        betrag,
        "§ 17 Nr. 4 WoGG",
        erwerbseinkommen_jahr=_dec(e.erwerb),
    )
    return betrag


def _freibetrag_17a(
    m: Haushaltsmitglied, e: _Mitglied, gr: Grundrentenfreibetrag, *, rs: Rechtsstand, rec: Rechenweg
) -> Fraction:
    """§ 17a Abs. 1, 2 WoGG: the Grundrenten-Freibetrag of a member with 33 years of
    Grundrentenzeiten: 100 € a month of the Rente, plus 30 % above, at most half the
    Regelbedarfsstufe 1 (Anlage zu § 28 SGB XII); amounts from the Fassung's table (for a member
    with those years and income from a Rente)."""
    if not gr.anwendbar:
        rec.add(
            "freibetrag_17a",
            f"{e.wer}: Grundrenten-Freibetrag erst ab 1.1.2021",
            Decimal(0),
            _EUR_M,
            "§ 17a WoGG (Art. 5 Grundrentengesetz, BGBl. I 2020 S. 1879)",
        )
        return _BRUCH_NULL
    assert gr.sockel_jahr is not None and gr.satz is not None and gr.anteil_regelbedarf is not None
    # Auslegung (§ 17a Abs. 2 Satz 1, 2 WoGG "gilt entsprechend", also when the 33 years are
    # reached by adding comparable periods): the basis is the gross income from the
    # gesetzliche Rente and from the comparable systems together (docs/einkommen.md)
    rente, sockel = e.gesetzliche_rente + e.alterssicherung, Fraction(gr.sockel_jahr)
    roh = rente if rente <= sockel else sockel + Fraction(gr.satz) * (rente - sockel)
    rbs1 = rs.table(Regelbedarfsstufen)
    deckel = 12 * Fraction(gr.anteil_regelbedarf) * Fraction(rbs1.regelbedarfsstufe_1)
    betrag = min(roh, deckel)
    _add(
        rec,
        "freibetrag_17a",
        f"{e.wer}: Grundrenten-Freibetrag ({format_euro(gr.sockel_jahr)} + "
        f"{_dec(Fraction(gr.satz) * 100)} % "
        f"darüber, höchstens {_dec(Fraction(gr.anteil_regelbedarf) * 100)} % der RBS 1 "
        f"{format_euro(rbs1.regelbedarfsstufe_1)})",
        betrag,
        f"§ 17a Abs. 1{', 2' if e.alterssicherung else ''} WoGG i. V. m. Anlage zu § 28 SGB XII",
        rente_jahr=_dec(rente),
        berechnet_jahr=_dec(roh),
        hoechstens_jahr=_dec(deckel),
    )
    return betrag


def _freibetraege(
    mitglieder: Iterable[tuple[int, Haushaltsmitglied, _Mitglied]],
    alle: tuple[Haushaltsmitglied, ...],
    *,
    bwz: Zwoelfmonate,
    rs: Rechtsstand,
    rec: Rechenweg,
) -> Fraction:
    """Sum of the Freibeträge of the counted members, in the order of the law.

    § 17 Nr. 1–4 and § 17a WoGG; only for members not excluded (WoGVwV 17.02).
    """
    fb = rs.table(Freibetraege)
    gr = rs.table(Grundrentenfreibetrag)
    gesamt = _BRUCH_NULL
    alleinerziehend_gewaehrt = False
    for _i, m, e in mitglieder:
        # each Nr. only for a member with the facts it asks for (no call, no step otherwise)
        if m.schwerbehindert_gdb is not None or m.pflegegrad is not None:
            gesamt += _freibetrag_17_1(m, e, fb, rec)
        if m.ns_verfolgt:
            betrag = Fraction(fb.ns_verfolgung)
            gesamt += betrag
            _add(
                rec,
                "freibetrag_17_2",
                f"{e.wer}: Freibetrag Opfer der NS-Verfolgung",
                betrag,
                "§ 17 Nr. 2 WoGG",
            )
        if m.alleinerziehend and not alleinerziehend_gewaehrt:
            nr3 = _freibetrag_17_3(m, e, alle, bwz=bwz, fb=fb, rec=rec)
            if nr3 is not None:
                gesamt += nr3
                alleinerziehend_gewaehrt = True
        if m.kind and e.erwerb > 0:
            gesamt += _freibetrag_17_4(m, e, bwz=bwz, fb=fb, rec=rec)
        if m.grundrentenzeiten_33_jahre and e.gesetzliche_rente + e.alterssicherung > 0:
            gesamt += _freibetrag_17a(m, e, gr, rs=rs, rec=rec)
    return gesamt


_NR_18 = {"auswaerts_ausbildung": "1", "kind_getrennte_eltern": "2", "ehegatte": "3", "sonstige": "4"}
_TEXT_18 = {
    "auswaerts_ausbildung": "an Haushaltsmitglied in auswärtiger Ausbildung",
    "kind_getrennte_eltern": "an Kind beim anderen Elternteil",
    "ehegatte": "an früheren oder getrennt lebenden Ehegatten",
    "sonstige": "an sonstige Person",
}


def _unterhalt(
    mitglieder: Iterable[tuple[int, Haushaltsmitglied, _Mitglied]], *, rs: Rechtsstand, rec: Rechenweg
) -> Fraction:
    """Sum of the deductions for Unterhalt paid by counted members.

    § 18 Satz 1 Nr. 1–4, Satz 2 WoGG: expected payments, each up to the cap per recipient, or up
    to the amount fixed in a notarial agreement, Titel or Bescheid.
    """
    tab = rs.table(UnterhaltAbzug)
    gesamt = _BRUCH_NULL
    for _, m, e in mitglieder:
        for z in m.unterhaltszahlungen:
            jahr = (
                Fraction(z.betrag_jahr) if z.betrag_jahr is not None else 12 * Fraction(z.betrag_monat or 0)
            )
            nr = _NR_18[z.empfaenger]
            if z.titel_betrag_jahr is not None:
                deckel, zitat, grenze = (
                    Fraction(z.titel_betrag_jahr),
                    f"§ 18 Satz 2 WoGG (Nr. {nr})",
                    "laut Titel",
                )
            else:
                obergrenze: Decimal = getattr(tab, z.empfaenger)
                deckel, zitat = Fraction(obergrenze), f"§ 18 Satz 1 Nr. {nr} WoGG"
                grenze = f"bis {format_euro(obergrenze)} jährlich"
            betrag = min(jahr, deckel)
            gesamt += betrag
            an = f" ({z.name})" if z.name else ""
            _add(
                rec,
                "unterhalt_18",
                f"{e.wer}: Abzug Unterhalt {_TEXT_18[z.empfaenger]}{an}, {grenze}",
                betrag,
                zitat,
                gezahlt_jahr=_dec(jahr),
            )
    return gesamt


_AUSSER_BETRACHT = {
    "verstorben_einkommen": (
        "verstorben – zählt nur für die Anzahl; Einkommen, Freibeträge und Abzüge bleiben außer Betracht",
        "§ 6 Abs. 2 Satz 1, § 13 Abs. 1, § 17 WoGG",
    ),
    "ausgeschlossen_einkommen": (
        "vom Wohngeld ausgeschlossen – Einkommen und Freibeträge bleiben außer Betracht",
        "§ 13 Abs. 1, § 6 Abs. 1, § 7 WoGG",
    ),
    "kein_mitglied_einkommen": (
        "kein zu berücksichtigendes Haushaltsmitglied – Einkommen bleibt außer Betracht",
        "§ 13 Abs. 1, §§ 5, 6 WoGG",
    ),
}
"""Why a listed person's income stays out of the Gesamteinkommen: step key → (text, citation)."""


def _ausser_betracht(m: Haushaltsmitglied, i: int, *, on: date, zaehlt: Collection[int] | None) -> str | None:
    """The key of :data:`_AUSSER_BETRACHT` why the income of member ``i`` (1-based) does not count
    (§ 13 Abs. 1 WoGG: only the zu berücksichtigenden Haushaltsmitglieder, §§ 5–7), or None."""
    nicht_gezaehlt = zaehlt is not None and i - 1 not in zaehlt
    z = m.zugehoerigkeit
    if nicht_gezaehlt and z is not None and z.verstorben_am is not None and on >= z.verstorben_am:
        return "verstorben_einkommen"
    if m.ausgeschlossen is not None and (zaehlt is None or nicht_gezaehlt):
        return "ausgeschlossen_einkommen"
    return "kein_mitglied_einkommen" if nicht_gezaehlt else None


def _gezaehlte(
    mitglieder: tuple[Haushaltsmitglied, ...],
    *,
    bwz: Zwoelfmonate,
    on: date,
    rs: Rechtsstand,
    rec: Rechenweg,
    zaehlt: Collection[int] | None,
) -> list[tuple[int, Haushaltsmitglied, _Mitglied]]:
    """Position, member and Jahreseinkommen of each member whose income counts (§ 13 Abs. 1 WoGG)."""
    gezaehlt: list[tuple[int, Haushaltsmitglied, _Mitglied]] = []
    for i, m in enumerate(mitglieder, start=1):
        grund = _ausser_betracht(m, i, on=on, zaehlt=zaehlt)
        if grund is not None:
            text, zitat = _AUSSER_BETRACHT[grund]
            rec.add(grund, f"{_wer(m, i)}: {text}", Decimal(0), _EUR_M, zitat)
            continue
        gezaehlt.append((i, m, _mitglied(m, i, bwz=bwz, on=on, rs=rs, rec=rec)))
    return gezaehlt


def gesamteinkommen_monat(
    h: Haushalt,
    *,
    on: date,
    rs: Rechtsstand,
    rec: Rechenweg | None,
    zaehlt: Collection[int] | None = None,
    anwesend: Collection[int] | None = None,
) -> Decimal:
    """Monthly Gesamteinkommen Y: given directly, or derived from the members' Einnahmen.

    § 13 Abs. 2 WoGG: one twelfth of the Gesamteinkommen (§ 13 Abs. 1: Jahreseinkommen of the
    counted members, §§ 14–16, minus Freibeträge, §§ 17, 17a, minus Unterhalt, § 18).
    ``zaehlt`` holds the 0-based positions of the members whose income counts, as the members
    stage decided them for the date (``Mitglieder.index_einkommen``: not excluded on the date,
    not deceased); ``None`` counts every member without ``ausgeschlossen``. ``anwesend``: the
    persons living in the Wohnraum (§ 17 Nr. 3; ``Mitglieder.index_anwesend``), default all listed.
    ``rec``: the Rechenweg, or None for none.
    """
    rec = KEIN_RECHENWEG if rec is None else rec
    if h.gesamteinkommen_monat is not None:
        y = h.gesamteinkommen_monat
        rec.add("Y", "monatliches Gesamteinkommen (Y), angegeben", y, _EUR_M, "§ 13 Abs. 2 WoGG")
        return y
    assert h.mitglieder is not None
    bwz = prognosezeitraum(h, on=on)
    if rec.aktiv and any(m.einnahmen for m in h.mitglieder):
        rec.add(
            "zwoelf_monate",
            "Einkommen der zwölf Monate ab"
            if bwz.monate == _ZWOELF
            else f"Bewilligungszeitraum von {bwz.monate} Monaten: Zwölffaches des Monatsdurchschnitts, ab",
            format_datum(bwz.beginn),
            "",
            "§ 15 Abs. 1 WoGG" if bwz.monate == _ZWOELF else "§ 15 Abs. 1, 4 WoGG",
            bis=format_datum(bwz.ende - relativedelta(days=1)),
        )
    gezaehlt = _gezaehlte(h.mitglieder, bwz=bwz, on=on, rs=rs, rec=rec, zaehlt=zaehlt)
    summe = sum((e.jahreseinkommen for _, _, e in gezaehlt), _BRUCH_NULL)
    _add(rec, "summe_jahreseinkommen", "Summe der Jahreseinkommen, monatlich", summe, "§ 13 Abs. 1 WoGG")
    bewohner = (
        h.mitglieder if anwesend is None else tuple(m for j, m in enumerate(h.mitglieder) if j in anwesend)
    )
    freibetraege = _freibetraege(gezaehlt, bewohner, bwz=bwz, rs=rs, rec=rec)
    unterhalt = _unterhalt(gezaehlt, rs=rs, rec=rec)
    return _y(summe - freibetraege - unterhalt, rec)


def _y(gesamt: Fraction, rec: Rechenweg) -> Decimal:
    """Y: one twelfth of the Gesamteinkommen (§ 13 Abs. 2 WoGG); a negative Gesamteinkommen counts as 0.

    Auslegung: a negative Gesamteinkommen has no meaning; Anlage 3 Nr. 1 replaces any Y below the
    Mindestwert anyway, so 0 changes no amount (docs/einkommen.md).
    """
    if gesamt < 0:
        label = "Freibeträge und Abzüge übersteigen die Jahreseinkommen"
        _add_jahr(rec, "gesamteinkommen_negativ", label, gesamt, "§ 13 Abs. 1 WoGG", angesetzt="0")
        gesamt = _BRUCH_NULL
    _add_jahr(rec, "gesamteinkommen", "Gesamteinkommen", gesamt, "§ 13 Abs. 1 WoGG")
    y = _monat(gesamt)
    rec.add("Y", "monatliches Gesamteinkommen (Y), ein Zwölftel", y, _EUR_M, "§ 13 Abs. 2 WoGG")
    return y


def hinweise(
    h: Haushalt, *, on: date, zaehlt: Collection[int], anwesend: Collection[int] | None = None
) -> tuple[str, ...]:
    """Notices on facts the income rules could not decide from the input (not decisions).

    § 17 Nr. 3 WoGG: a household of one adult living only with children, none flagged
    ``alleinerziehend``: the Freibetrag was not deducted; the caller should confirm the flag.
    ``anwesend``: the persons living in the Wohnraum (default: ``zaehlt``).
    """
    if h.mitglieder is None or h.gesamteinkommen_monat is not None:
        return ()
    bewohner = [m for i, m in enumerate(h.mitglieder) if i in (zaehlt if anwesend is None else anwesend)]
    erwachsene = [m for i, m in enumerate(h.mitglieder) if i in zaehlt and not m.kind]
    kinder = [m for m in bewohner if m.kind]
    if (
        len(erwachsene) != 1
        or not kinder
        or any(not m.kind and m is not erwachsene[0] for m in bewohner)
        or any(m.alleinerziehend for m in h.mitglieder)
    ):
        return ()
    if all((a := _alter(k, on)) is not None and a >= 18 for k in kinder):
        return ()
    return (
        "Ein Erwachsener wohnt nur mit Kindern: der Freibetrag für Alleinerziehende (§ 17 Nr. 3 WoGG) "
        "ist nicht abgezogen, weil alleinerziehend nicht angegeben ist. Wird für ein Kind unter 18 "
        "Kindergeld gezahlt, alleinerziehend = true setzen.",
    )
