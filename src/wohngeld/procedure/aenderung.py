"""What a change in a running Bewilligungszeitraum means: § 27 WoGG, with § 28 (§ 25: :mod:`.bewilligung`).

Compares the household as granted with the changed one: a duty to report (§ 27 Abs. 3, § 28 Abs. 4),
a new decision of the authority with a lower amount or none (§ 27 Abs. 2), an Erhöhungsantrag that
pays off (§ 27 Abs. 1), or no effect (§ 28 Abs. 6). The thresholds are data
(``data/parameters/aenderung``). Amounts come from :func:`~wohngeld.engine.calculate`.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any, Literal

from dateutil.relativedelta import relativedelta

from ..engine import calculate
from ..errors import InputError
from ..input.haushalt import Haushalt, Pauschalabzug
from ..law.rechtsstand import ParameterStore, resolve
from ..money import ROUND_HALF_EVEN, auf_stellen, festkomma_text
from ..rechenweg import format_datum
from ..result import Result
from .bewilligung import (
    Bewilligungszeitraum,
    _zeige,
    bewilligungszeitraum,
    pruefe_bewilligungszeitraum_monate,
)
from .tabellen import AenderungSchwellen, schwellen_in_kraft

__all__ = [
    "AenderungSchwellen",
    "Aenderungsfolge",
    "Bewilligungszeitraum",
    "Schwelle",
    "aenderung",
    "bewilligungszeitraum",
    "pruefe_bewilligungszeitraum_monate",
]

_HUNDERT = Decimal(100)
Folge = Literal["Erhöhungsantrag", "Neuentscheidung von Amts wegen", "Unwirksamkeit", "keine Änderung"]


@dataclass(frozen=True, slots=True)
class Schwelle:
    """One test of § 27: the values compared, the change in percent, the threshold, the outcome."""

    key: str
    regel: str
    bezeichnung: str
    alt: Decimal
    neu: Decimal
    schwelle_prozent: Decimal | None
    erfuellt: bool

    @property
    def aenderung_prozent(self) -> Decimal | None:
        """(neu − alt) / alt in percent, unrounded; None when alt is 0."""
        return None if self.alt == 0 else (self.neu - self.alt) / self.alt * _HUNDERT

    def to_dict(self) -> dict[str, object]:
        """JSON-ready mapping; Decimals as strings."""
        p = self.aenderung_prozent
        return {
            "key": self.key,
            "regel": self.regel,
            "bezeichnung": self.bezeichnung,
            "alt": festkomma_text(self.alt),
            "neu": festkomma_text(self.neu),
            "aenderung_prozent": None if p is None else str(auf_stellen(p, 2, ROUND_HALF_EVEN)),
            "schwelle_prozent": None if self.schwelle_prozent is None else str(self.schwelle_prozent),
            "erfuellt": self.erfuellt,
        }


@dataclass(frozen=True, slots=True)
class Aenderungsfolge:
    """What follows from a change: the rule, the amounts before and after, the duty to report."""

    folge: Folge
    zitat: str
    erklaerung: str
    betrag_bisher: Decimal
    betrag_neu: Decimal
    wirksam_ab: date
    mitteilungspflicht: tuple[Schwelle, ...]
    pruefungen: tuple[Schwelle, ...]
    bewilligungszeitraum: Bewilligungszeitraum
    bisher: Result
    neu: Result
    hinweise: tuple[str, ...]

    @property
    def mitteilungspflichtig(self) -> bool:
        """Whether the change must be reported without delay (§ 27 Abs. 3, § 28 Abs. 4 WoGG)."""
        return bool(self.mitteilungspflicht)

    def to_dict(self) -> dict[str, object]:
        """JSON-ready mapping with stable field names."""
        return {
            "folge": self.folge,
            "zitat": self.zitat,
            "erklaerung": self.erklaerung,
            "betrag_bisher": str(self.betrag_bisher),
            "betrag_neu": str(self.betrag_neu),
            "wirksam_ab": self.wirksam_ab.isoformat(),
            "mitteilungspflichtig": self.mitteilungspflichtig,
            "mitteilungspflicht": [s.to_dict() for s in self.mitteilungspflicht],
            "pruefungen": [s.to_dict() for s in self.pruefungen],
            "bewilligungszeitraum": self.bewilligungszeitraum.to_dict(),
            "hinweise": list(self.hinweise),
        }

    def to_json(self, *, indent: int | None = 2) -> str:
        """As JSON (see :meth:`to_dict`)."""
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)

    def text(self) -> str:
        """German text: the consequence, the tests of § 27 and the Bewilligungszeitraum."""
        z = [f"Änderung im Bewilligungszeitraum: {self.folge} ({self.zitat})", self.erklaerung, ""]
        z.append(f"Wohngeld bisher {self.betrag_bisher} €, nach der Änderung {self.betrag_neu} € "
                 f"(ab {self.wirksam_ab:%d.%m.%Y})")
        if self.mitteilungspflicht:
            z.append("Mitteilungspflicht (unverzüglich): " + "; ".join(
                f"{s.bezeichnung} ({s.regel})" for s in self.mitteilungspflicht))
        else:
            z.append("Keine Mitteilungspflicht nach § 27 Abs. 3 WoGG ausgelöst.")
        z.append("")
        for s in self.pruefungen:
            p = s.aenderung_prozent
            proz = (
                "" if p is None or s.schwelle_prozent is None else f", {auf_stellen(p, 2, ROUND_HALF_EVEN)} %"
            )
            grenze = "" if s.schwelle_prozent is None else f" (Schwelle {s.schwelle_prozent} %)"
            z.append(f"  [{'x' if s.erfuellt else ' '}] {s.bezeichnung}: {s.alt} → {s.neu}{proz}{grenze}"
                     f" – {s.regel}")
        b = self.bewilligungszeitraum
        z += ["", f"Bewilligungszeitraum {b.beginn:%d.%m.%Y} bis {b.ende:%d.%m.%Y} ({b.zitat})",
              f"Weiterleistungsantrag: möglichst bis {b.weiterleistung_empfohlen_bis:%d.%m.%Y}, "
              f"lückenlos spätestens bis {b.lueckenlos_bis:%d.%m.%Y}. {b.hinweis}"]
        z += [f"Hinweis: {h}" for h in self.hinweise]
        return "\n".join(z)


def _schritt(r: Result, *keys: str) -> Decimal | None:
    for key in keys:
        for s in r.schritte:
            if s.key == key and isinstance(s.wert, Decimal):
                return s.wert
    return None


def _miete_27(r: Result, ohne_heiz: bool) -> Decimal:
    """The zu berücksichtigende Miete or Belastung for § 27 Abs. 1, 2 (Nr. 2)."""
    if not ohne_heiz:
        return r.M_berechnet
    heiz = _schritt(r, "heizkosten_anteil", "heizkosten") or Decimal(0)
    return r.M_berechnet - heiz


def _miete_9(r: Result) -> Decimal | None:
    """The monatliche Miete (§ 9) or Belastung (§ 10) for § 27 Abs. 3 Satz 1 Nr. 2 WoGG.

    The amount before § 11 Abs. 2 (Rechenweg step ``miete_9`` where the Miete had parts taken out,
    ``belastung_10`` where the Belastung had, else the step ``miete``, which then holds the § 9 or
    § 10 amount itself).
    """
    return _schritt(r, "miete_9", "belastung_10", "miete")


_NEUTRAL: dict[str, Any] = {
    "pauschalabzug": Pauschalabzug(),
    "schwerbehindert_gdb": None,
    "pflegegrad": None,
    "haeusliche_pflege": False,
    "alleinerziehend": False,
    "grundrentenzeiten_33_jahre": False,
    "ns_verfolgt": False,
    "unterhaltszahlungen": (),
    "kind": False,
}


def _einnahmen_monat(h: Haushalt, r: Result, on: date, store: ParameterStore) -> Decimal:
    """Summe der monatlichen positiven Einkünfte und Einnahmen (§ 27 Abs. 3 Satz 1 Nr. 3 WoGG).

    Auslegung: computed as Y of the same household without the § 16 deductions, the Freibeträge
    (§§ 17, 17a) and the Abzugsbeträge (§ 18); with Y given directly, Y itself.
    """
    if not h.mitglieder:
        return r.Y_berechnet
    mitglieder = tuple(
        m.model_copy(update={k: v for k, v in _NEUTRAL.items() if k in type(m).model_fields})
        for m in h.mitglieder
    )
    neutral = h.model_copy(update={"mitglieder": mitglieder})
    return calculate(neutral, on=on, rechenweg=False, rechtsstand=store).Y_berechnet


def _mehr_als(alt: Decimal, neu: Decimal, prozent: Decimal, *, steigt: bool) -> bool:
    """Whether ``neu`` differs from ``alt`` by more than ``prozent`` percent in the given direction."""
    if steigt:
        return neu > alt * (1 + prozent / _HUNDERT)
    return neu < alt * (1 - prozent / _HUNDERT)


def _ausgeschlossen(r: Result) -> int:
    """Haushaltsmitglieder excluded from the Wohngeld (§ 7 WoGG): all members less the counted ones."""
    return r.mitglieder_gesamt - r.mitglieder


@dataclass(frozen=True, slots=True)
class _Fall:
    """The granted and the changed household, each with its date and its result, and the thresholds."""

    bewilligt: Haushalt
    neu: Haushalt
    bewilligt_ab: date
    monat: date
    r_alt: Result
    r_neu: Result
    p: AenderungSchwellen
    store: ParameterStore

    @property
    def mitglieder(self) -> tuple[Decimal, Decimal]:
        """Zu berücksichtigende Haushaltsmitglieder before and after the change (§ 27 Abs. 1–3 Nr. 1)."""
        return Decimal(self.r_alt.mitglieder), Decimal(self.r_neu.mitglieder)

    @property
    def miete(self) -> tuple[Decimal, Decimal]:
        """Zu berücksichtigende Miete or Belastung before and after the change (§ 27 Abs. 1, 2 Nr. 2)."""
        o = self.p.ohne_heizkostenbetrag
        return _miete_27(self.r_alt, o), _miete_27(self.r_neu, o)

    @property
    def einkommen(self) -> tuple[Decimal, Decimal]:
        """Gesamteinkommen before and after the change (§ 27 Abs. 1, 2 Nr. 3)."""
        return self.r_alt.Y_berechnet, self.r_neu.Y_berechnet

    @property
    def abzug(self) -> str:
        """The words naming the Heizkostenbetrag left out of the Miete, where the Fassung leaves it out."""
        return f" {self.p.heizkostenbetrag_wortlaut}" if self.p.ohne_heizkostenbetrag else ""


def _erhoehung_moeglich(f: _Fall) -> tuple[Schwelle, ...]:
    """The changes that allow an Erhöhungsantrag: § 27 Abs. 1 Satz 1 Nr. 1 bis 3, Satz 3 WoGG."""
    (n_alt, n_neu), (m_alt, m_neu), (y_alt, y_neu), p = f.mitglieder, f.miete, f.einkommen, f.p
    return (
        Schwelle("abs1_nr1", "§ 27 Abs. 1 Satz 1 Nr. 1 WoGG", "mehr zu berücksichtigende Haushaltsmitglieder",
                 n_alt, n_neu, None, n_neu > n_alt),
        Schwelle("abs1_nr2", "§ 27 Abs. 1 Satz 1 Nr. 2 WoGG",
                 f"zu berücksichtigende Miete oder Belastung{f.abzug} erhöht um mehr als "
                 f"{p.erhoehung_miete_prozent} %",
                 m_alt, m_neu, p.erhoehung_miete_prozent,
                 _mehr_als(m_alt, m_neu, p.erhoehung_miete_prozent, steigt=True)),
        Schwelle("abs1_nr3", "§ 27 Abs. 1 Satz 1 Nr. 3, Satz 3 WoGG",
                 f"Gesamteinkommen verringert um mehr als {p.erhoehung_einkommen_prozent} %",
                 y_alt, y_neu, p.erhoehung_einkommen_prozent,
                 _mehr_als(y_alt, y_neu, p.erhoehung_einkommen_prozent, steigt=False)),
    )


def _neuentscheidung_noetig(f: _Fall, *, dauerhaft: bool) -> tuple[Schwelle, ...]:
    """The changes that lead to a new decision von Amts wegen: § 27 Abs. 2 Satz 1 Nr. 1 bis 3, Satz 5 WoGG.

    A change that is only temporary does not count (``dauerhaft`` False).
    """
    (n_alt, n_neu), (m_alt, m_neu), (y_alt, y_neu), p = f.mitglieder, f.miete, f.einkommen, f.p
    return (
        Schwelle("abs2_nr1", "§ 27 Abs. 2 Satz 1 Nr. 1 WoGG",
                 "weniger zu berücksichtigende Haushaltsmitglieder",
                 n_alt, n_neu, None, dauerhaft and 1 <= n_neu < n_alt),
        Schwelle("abs2_nr2", "§ 27 Abs. 2 Satz 1 Nr. 2 WoGG",
                 f"zu berücksichtigende Miete oder Belastung{f.abzug} verringert um mehr als "
                 f"{p.verringerung_miete_prozent} %",
                 m_alt, m_neu, p.verringerung_miete_prozent,
                 dauerhaft and _mehr_als(m_alt, m_neu, p.verringerung_miete_prozent, steigt=False)),
        Schwelle("abs2_nr3", "§ 27 Abs. 2 Satz 1 Nr. 3, Satz 5 WoGG",
                 f"Gesamteinkommen erhöht um mehr als {p.verringerung_einkommen_prozent} %",
                 y_alt, y_neu, p.verringerung_einkommen_prozent,
                 dauerhaft and _mehr_als(y_alt, y_neu, p.verringerung_einkommen_prozent, steigt=True)),
    )


def _mitteilung(f: _Fall, *, dauerhaft: bool) -> tuple[Schwelle, ...]:
    """The changes to be reported without delay: § 27 Abs. 3 Satz 1 Nr. 1 bis 3 WoGG.

    Nr. 2 compares the Miete (§ 9) or Belastung (§ 10) and is left out for a Heim; a change that is
    only temporary does not count (``dauerhaft`` False).
    """
    n_alt, n_neu = f.mitglieder
    aus_alt, aus_neu = _ausgeschlossen(f.r_alt), _ausgeschlossen(f.r_neu)
    roh_alt = _miete_9(f.r_alt) if f.bewilligt.wohnkosten.art != "Heim" else None
    roh_neu = _miete_9(f.r_neu) if f.neu.wohnkosten.art != "Heim" else None
    e_alt = _einnahmen_monat(f.bewilligt, f.r_alt, f.bewilligt_ab, f.store)
    e_neu = _einnahmen_monat(f.neu, f.r_neu, f.monat, f.store)
    p = f.p
    nr1 = Schwelle("abs3_nr1", "§ 27 Abs. 3 Satz 1 Nr. 1 WoGG",
                   "weniger zu berücksichtigende oder mehr ausgeschlossene Haushaltsmitglieder",
                   n_alt, n_neu, None, dauerhaft and ((1 <= n_neu < n_alt) or aus_neu > aus_alt))
    nr2 = () if roh_alt is None or roh_neu is None else (
        Schwelle("abs3_nr2", "§ 27 Abs. 3 Satz 1 Nr. 2 WoGG",
                 f"monatliche Miete (§ 9) oder Belastung (§ 10) verringert um mehr als "
                 f"{p.mitteilung_miete_prozent} % gegenüber dem Bescheid",
                 roh_alt, roh_neu, p.mitteilung_miete_prozent,
                 dauerhaft and _mehr_als(roh_alt, roh_neu, p.mitteilung_miete_prozent, steigt=False)),
    )
    nr3 = Schwelle("abs3_nr3", "§ 27 Abs. 3 Satz 1 Nr. 3 WoGG",
                   f"Summe der monatlichen positiven Einkünfte und Einnahmen erhöht um mehr als "
                   f"{p.mitteilung_einnahmen_prozent} % gegenüber dem Bescheid",
                   e_alt, e_neu, p.mitteilung_einnahmen_prozent,
                   dauerhaft and _mehr_als(e_alt, e_neu, p.mitteilung_einnahmen_prozent, steigt=True))
    return (nr1, *nr2, nr3)


@dataclass(frozen=True, slots=True)
class _Ausschluss:
    """Members excluded under § 7 WoGG before and after the change, from when, and the result then."""

    alt: int
    neu: int
    ab: date
    r: Result

    @property
    def neu_ausgeschlossen(self) -> bool:
        """Whether the change excludes a further member (§ 28 Abs. 3, 4 WoGG)."""
        return self.neu > self.alt

    def schwelle(self) -> Schwelle:
        """The duty to report the § 7 benefit applied for or received (§ 28 Abs. 4 WoGG)."""
        return Schwelle("28_abs4", "§ 28 Abs. 4 WoGG",
                        "ein zu berücksichtigendes Haushaltsmitglied beantragt oder empfängt eine Leistung "
                        "nach § 7 Abs. 1 WoGG", Decimal(self.alt), Decimal(self.neu), None, True)


def _ausschluss(f: _Fall, naechster: date) -> _Ausschluss:
    """Whether and from when a member is excluded from the Wohngeld after the change.

    § 8 Abs. 1 Satz 2 Nr. 1 b, 2 b WoGG: a § 7 benefit from a day other than the first excludes from
    the first of the next month; the Bescheid becomes unwirksam from then (§ 28 Abs. 3 WoGG).
    """
    aus_alt, aus_neu = _ausgeschlossen(f.r_alt), _ausgeschlossen(f.r_neu)
    if aus_neu <= aus_alt and naechster != f.monat:
        r_naechst = calculate(f.neu, on=naechster, rechtsstand=f.store)
        if _ausgeschlossen(r_naechst) > aus_alt:
            return _Ausschluss(aus_alt, _ausgeschlossen(r_naechst), naechster, r_naechst)
    return _Ausschluss(aus_alt, aus_neu, f.monat, f.r_neu)


@dataclass(frozen=True, slots=True)
class _Folge:
    """The consequence found: its name, rule, explanation, the date it takes effect, the result then."""

    folge: Folge
    zitat: str
    erklaerung: str
    wirksam: date
    r_end: Result


def _unwirksamkeit(aus: _Ausschluss, monat: date, bisher: Decimal) -> _Folge:
    """The Bescheid becomes unwirksam: a member is excluded under § 7 WoGG.

    § 28 Abs. 3 WoGG, with § 8 Abs. 1 Satz 2 WoGG where the exclusion starts a month later.
    """
    erklaerung = (
        "Ein zu berücksichtigendes Haushaltsmitglied ist nach § 7 WoGG vom Wohngeld ausgeschlossen: der "
        "Bewilligungsbescheid wird ab diesem Zeitpunkt unwirksam. Für die übrigen Mitglieder ist ein "
        "neuer Antrag zu stellen (Frist: § 25 Abs. 4 WoGG)."
    )
    if aus.ab == monat:
        return _Folge("Unwirksamkeit", "§ 28 Abs. 3 WoGG", erklaerung, aus.ab, aus.r)
    erklaerung += (
        f" Die Leistung beginnt nicht am Ersten eines Monats: der Ausschluss besteht erst ab dem "
        f"{aus.ab.strftime('%d.%m.%Y')} (§ 8 Abs. 1 Satz 2 WoGG); bis dahin bleibt das "
        f"bewilligte Wohngeld von {bisher} €. Der Betrag nach der Änderung ist das Wohngeld der "
        "übrigen Mitglieder aus dem neuen Antrag. Schon der Antrag auf die Leistung ist "
        "unverzüglich mitzuteilen (§ 28 Abs. 4 WoGG)."
    )
    return _Folge("Unwirksamkeit", "§ 28 Abs. 3 i. V. m. § 8 Abs. 1 Satz 2 WoGG", erklaerung, aus.ab, aus.r)


def _neuentscheidung(f: _Fall, naechster: date) -> _Folge:
    """A new decision von Amts wegen with a lower amount or none (§ 27 Abs. 2 WoGG)."""
    r_end = calculate(f.neu, on=naechster, rechtsstand=f.store) if naechster != f.monat else f.r_neu
    erklaerung = (
        "Die Wohngeldbehörde entscheidet von Amts wegen neu, mit Wirkung ab dem Ersten des Monats der "
        "Änderung (tritt sie nicht am Ersten ein: ab dem Ersten des nächsten Monats); das Wohngeld "
        + ("fällt weg." if r_end.betrag_monat == 0 else "verringert sich.")
    )
    return _Folge("Neuentscheidung von Amts wegen", "§ 27 Abs. 2 WoGG", erklaerung, naechster, r_end)


def _erhoehungsantrag(f: _Fall) -> _Folge:
    """An Erhöhungsantrag pays off (§ 27 Abs. 1 WoGG, with § 25 Abs. 2 for the start)."""
    erklaerung = (
        "Ein Antrag auf Erhöhung lohnt sich: auf Antrag ist das Wohngeld neu zu bewilligen. Auslegung: "
        "ab dem Ersten des Monats, in dem Änderung und Antrag zusammentreffen (§ 25 Abs. 2 WoGG); eine "
        "rückwirkende Mieterhöhung auch rückwirkend, frühestens ab Beginn des Bewilligungszeitraums "
        "(§ 27 Abs. 1 Satz 2 WoGG)."
    )
    return _Folge("Erhöhungsantrag", "§ 27 Abs. 1 WoGG", erklaerung, f.monat, f.r_neu)


def _keine_aenderung(f: _Fall) -> _Folge:
    """The granted Wohngeld stays until the end of the Bewilligungszeitraum (§ 28 Abs. 6 WoGG)."""
    erklaerung = (
        "Keine Voraussetzung des § 27 Abs. 1 oder 2 WoGG ist erfüllt, die das Wohngeld in die Richtung "
        "der Änderung bewegt: das bewilligte Wohngeld bleibt bis zum Ende des Bewilligungszeitraums."
    )
    return _Folge("keine Änderung", "§ 28 Abs. 6 WoGG", erklaerung, f.monat, f.r_neu)


def _pruefe_aenderung_ab(aenderung_ab: date, bwz: Bewilligungszeitraum) -> None:
    """``aenderung_ab`` is a date in the running Bewilligungszeitraum (§ 27 WoGG), else an InputError."""
    if not isinstance(aenderung_ab, date) or not bwz.beginn <= aenderung_ab <= bwz.ende:
        raise InputError(
            f"aenderung_ab: {_zeige(aenderung_ab)} angegeben; § 27 WoGG betrifft Änderungen im laufenden "
            f"Bewilligungszeitraum {format_datum(bwz.beginn)} – {format_datum(bwz.ende)}"
        )


def aenderung(
    bewilligt: Haushalt,
    neu: Haushalt,
    *,
    bewilligt_ab: date,
    aenderung_ab: date,
    bewilligungszeitraum_monate: int | None = None,
    voruebergehend: bool = False,
    rechtsstand: str | ParameterStore | None = None,
) -> Aenderungsfolge:
    """What the change from ``bewilligt`` to ``neu`` on ``aenderung_ab`` means under § 27 WoGG.

    § 27 Abs. 1 (Erhöhung auf Antrag), Abs. 2 (Neuentscheidung von Amts wegen), Abs. 3
    (Mitteilungspflicht), § 28 Abs. 3, 4 (ausgeschlossenes Mitglied), § 25 (Bewilligungszeitraum).
    The granted amount is computed on ``bewilligt_ab``; thresholds compare the values of that
    decision with those of the changed household. ``voruebergehend``: a change that is only
    temporary does not lead to § 27 Abs. 2 or 3.
    """
    for name, h in (("bewilligt", bewilligt), ("neu", neu)):
        if not isinstance(h, Haushalt):
            raise InputError(f"{name}: {type(h).__name__} angegeben; einen wohngeld.Haushalt übergeben")
    store = resolve(rechtsstand)
    bwz = bewilligungszeitraum(beginn=bewilligt_ab, monate=bewilligungszeitraum_monate, rechtsstand=store)
    _pruefe_aenderung_ab(aenderung_ab, bwz)
    p = schwellen_in_kraft(store, aenderung_ab)
    monat = aenderung_ab.replace(day=1)
    naechster = monat if aenderung_ab.day == 1 else monat + relativedelta(months=1)
    r_alt = calculate(bewilligt, on=bewilligt_ab, rechtsstand=store)
    r_neu = calculate(neu, on=monat, rechtsstand=store)
    f = _Fall(bewilligt, neu, bewilligt_ab, monat, r_alt, r_neu, p, store)
    abs1 = _erhoehung_moeglich(f)
    abs2 = _neuentscheidung_noetig(f, dauerhaft=not voruebergehend)
    abs3 = _mitteilung(f, dauerhaft=not voruebergehend)
    aus = _ausschluss(f, naechster)
    pflicht = [x for x in abs3 if x.erfuellt] + ([aus.schwelle()] if aus.neu_ausgeschlossen else [])
    bisher = r_alt.betrag_monat
    if aus.neu_ausgeschlossen:
        e = _unwirksamkeit(aus, monat, bisher)
    elif any(x.erfuellt for x in abs2) and _sinkt(store, neu, naechster, bisher):
        e = _neuentscheidung(f, naechster)
    elif any(x.erfuellt for x in abs1) and r_neu.betrag_monat > bisher:
        e = _erhoehungsantrag(f)
    else:
        e = _keine_aenderung(f)
    hinweise = () if r_neu.fassung == r_alt.fassung else (
        f"Zwischen Bewilligung und Änderung gilt eine neue Fassung (ab {r_neu.fassung:%d.%m.%Y}); "
        "die Beträge enthalten auch diese Rechtsänderung.",
    )
    return Aenderungsfolge(
        folge=e.folge,
        zitat=e.zitat,
        erklaerung=e.erklaerung,
        betrag_bisher=bisher,
        betrag_neu=bisher if e.folge == "keine Änderung" else e.r_end.betrag_monat,
        wirksam_ab=e.wirksam,
        mitteilungspflicht=tuple(pflicht),
        pruefungen=(*abs1, *abs2, *abs3),
        bewilligungszeitraum=bwz,
        bisher=r_alt,
        neu=e.r_end,
        hinweise=hinweise,
    )


def _sinkt(store: ParameterStore, neu: Haushalt, on: date, bisher: Decimal) -> bool:
    """Whether the changed household's Wohngeld on ``on`` is lower than the granted amount."""
    return calculate(neu, on=on, rechenweg=False, rechtsstand=store).betrag_monat < bisher
