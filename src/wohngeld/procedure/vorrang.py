"""Vorrang hint: does Wohngeld (with Kinderzuschlag) end Hilfebedürftigkeit, or is SGB II/XII the address?

§ 7 Abs. 1 Satz 3 Nr. 2 WoGG (no exclusion where Wohngeld avoids or ends Hilfebedürftigkeit),
§ 12a SGB II (prior benefits must be claimed), WoGVwV Nr. 15.01 ff. (plausibility). A hint for
orientation, never a decision: the Bedarf here is Regelbedarfe plus housing costs only (no
Mehrbedarfe, no Angemessenheit of the rent, SGB II income rules not applied) unless the caller gives it.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Literal

from ..engine import calculate
from ..errors import InputError
from ..input.haushalt import Haushalt, Haushaltsmitglied, Miete
from ..law.income.tabellen import Regelbedarfsstufen
from ..law.members import Mitglieder, alter
from ..law.members import mitglieder as zaehle_mitglieder
from ..law.rechtsstand import ParameterStore, resolve
from ..money import festkomma_text
from ..rechenweg import format_euro_anzeige
from ..result import Result

__all__ = ["HINWEIS_KEINE_ENTSCHEIDUNG", "VorrangHinweis", "vorrang"]

HINWEIS_KEINE_ENTSCHEIDUNG = (
    "Orientierungshilfe, keine Entscheidung: über Wohngeld entscheidet die Wohngeldbehörde, über "
    "Bürgergeld/Grundsicherungsgeld das Jobcenter, über Leistungen nach dem SGB XII das Sozialamt."
)
Ergebnis = Literal["Wohngeld", "SGB II/XII", "nicht hilfebedürftig", "offen"]
_ZITAT = "§ 7 Abs. 1 Satz 3 Nr. 2 WoGG, § 12a SGB II, § 2 SGB XII; WoGVwV Teil A Nr. 15.01 ff."


_eur = format_euro_anzeige


def _sgb2_leistung(on: date, store: ParameterStore) -> str:
    """Name of the SGB II benefit on ``on`` (Arbeitslosengeld II, Bürgergeld, Grundsicherungsgeld): the
    key ``sgb2_leistung`` (or dated ``sgb2_umbenennung``) of the Regelbedarfsstufen in force, § 19 SGB II."""
    rb = store.in_force(Regelbedarfsstufen.folder, on, Regelbedarfsstufen)
    assert isinstance(rb, Regelbedarfsstufen)
    return rb.sgb2_leistung_am(on)


@dataclass(frozen=True, slots=True)
class VorrangHinweis:
    """The comparison behind the hint and its outcome, with the citations.

    ``ergebnis``: ``"Wohngeld"`` (income plus Wohngeld and Kinderzuschlag cover the Bedarf),
    ``"SGB II/XII"`` (they do not: Jobcenter or Sozialamt), ``"nicht hilfebedürftig"`` (income alone
    covers it), ``"offen"`` (not enough facts to compare).
    """

    ergebnis: Ergebnis
    text: str
    zitat: str
    bedarf_monat: Decimal | None
    bedarf_herkunft: str
    einkommen_monat: Decimal
    wohngeld_monat: Decimal
    kinderzuschlag_monat: Decimal
    kindergeld_monat: Decimal
    annahmen: tuple[str, ...]
    hinweis: str = HINWEIS_KEINE_ENTSCHEIDUNG

    def to_dict(self) -> dict[str, object]:
        """JSON-ready mapping; Decimals as strings."""
        return {
            "ergebnis": self.ergebnis,
            "text": self.text,
            "zitat": self.zitat,
            "bedarf_monat": None if self.bedarf_monat is None else str(self.bedarf_monat),
            "bedarf_herkunft": self.bedarf_herkunft,
            "einkommen_monat": festkomma_text(self.einkommen_monat),
            "wohngeld_monat": str(self.wohngeld_monat),
            "kinderzuschlag_monat": str(self.kinderzuschlag_monat),
            "kindergeld_monat": str(self.kindergeld_monat),
            "annahmen": list(self.annahmen),
            "hinweis": self.hinweis,
        }

    def to_json(self, *, indent: int | None = 2) -> str:
        """As JSON (see :meth:`to_dict`)."""
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)


def regelbedarf(
    mitglieder: tuple[Haushaltsmitglied, ...], *, on: date, rb: Regelbedarfsstufen
) -> tuple[Decimal, list[str]]:
    """Sum of the Regelbedarfe of the counted members, with the assumptions made.

    § 20 Abs. 2, 4 SGB II, § 23 Nr. 1 SGB II (Anlage zu § 28 SGB XII). Auslegung: adults who are
    not children: one → RBS 1, two or more → RBS 2 for the first two (partners), RBS 3 for others;
    children by age (RBS 6 under 6, 5 under 14, 4 under 18, 3 from 18); a child of unknown age
    counts with RBS 4 (the highest child stage) and is named in the assumptions.
    """
    s1, s2, s3, s4, s5, s6 = rb.stufen
    erwachsene = [m for m in mitglieder if not getattr(m, "kind", False)]
    kinder = [m for m in mitglieder if getattr(m, "kind", False)]
    annahmen: list[str] = []
    summe = Decimal(0)
    if len(erwachsene) == 1:
        summe += s1
    elif erwachsene:
        summe += 2 * s2 + (len(erwachsene) - 2) * s3
        annahmen.append("die ersten zwei Erwachsenen gelten als Partner (Regelbedarfsstufe 2)")
    for k in kinder:
        a = alter(k, on)
        if a is None:
            summe += s4
            annahmen.append("Kind ohne Geburtsdatum: Regelbedarfsstufe 4 angesetzt")
        else:
            summe += s6 if a < 6 else s5 if a < 14 else s4 if a < 18 else s3
    return summe, annahmen


def _unterkunft(h: Haushalt) -> Decimal | None:
    w = h.wohnkosten
    if isinstance(w, Miete):
        if w.warmmiete_monat is not None:
            return w.warmmiete_monat
        if w.miete_monat is not None:
            return w.miete_monat
        teile = (w.grundmiete_monat, w.nebenkosten_monat, w.moeblierung_monat)
        return sum((t for t in teile if t is not None), Decimal(0))
    betrag = getattr(w, "belastung_monat", None)
    return betrag if isinstance(betrag, Decimal) else None


KOPFTEIL_ZITAT = (
    "Kopfteilprinzip: BSG, Urteil vom 23.11.2006 – B 11b AS 1/06 R; Urteil vom 27.02.2008 – "
    "B 14/11b AS 55/06 R"
)
"""Source of the head share of the housing cost (the Bundessozialgericht's practice, not § 22 SGB II)."""


def _bewohner(h: Haushalt, mg: Mitglieder) -> int:
    """Persons using the flat: the living Haushaltsmitglieder, listed non-members and ``mitbewohner``."""
    tot = set(mg.index_verstorben)
    lebend = sum(1 for i in mg.index_haushalt if i not in tot) + len(mg.index_kein_mitglied)
    w = h.wohnkosten
    return lebend + (w.mitbewohner if isinstance(w, Miete) and not mg.index_kein_mitglied else 0)


def _kopfteil(h: Haushalt, kdu: Decimal, *, geprueft: int, bewohner: int) -> tuple[Decimal, str]:
    """The tested members' head share of the housing cost, and the assumption to name.

    Auslegung: the Unterkunftskosten of persons sharing a flat are split per head regardless of
    age or use (Kopfteilprinzip, :data:`KOPFTEIL_ZITAT`); ``unterkunft_monat`` overrides it.
    """
    if geprueft >= bewohner or bewohner <= 0:
        return kdu, ""
    anteil = kdu * geprueft / bewohner
    return anteil, (
        f"Unterkunftskosten nach Kopfteilen: {geprueft} von {bewohner} Personen, {_eur(anteil)} von "
        f"{_eur(kdu)} ({KOPFTEIL_ZITAT}); abweichender Anteil: unterkunft_monat angeben"
    )


def _kindergeld(haushalt: Haushalt, kindergeld_monat: Decimal | int | None) -> tuple[Decimal, list[str]]:
    """The Kindergeld counted as income (§ 11 Abs. 1 Satz 5 SGB II), with the assumption to name.

    ``kindergeld_monat`` if given, else the sum of the entered Einnahmen of type Kindergeld.
    """
    einnahmen = [e for m in (haushalt.mitglieder or ()) for e in getattr(m, "einnahmen", ())]
    kg_input = sum(
        (getattr(e, "brutto_monat", None) or Decimal(0) for e in einnahmen
         if str(getattr(e.art, "value", e.art)) == "Kindergeld"),
        Decimal(0),
    )
    if kindergeld_monat is not None:
        return Decimal(kindergeld_monat), []
    if kg_input == 0 and any(getattr(m, "kind", False) for m in haushalt.mitglieder or ()):
        return kg_input, ["Kindergeld nicht angegeben: mit 0 € angesetzt; es zählt nach § 11 Abs. 1 Satz 5 "
                          "SGB II als Einkommen des Kindes (kindergeld_monat angeben)"]
    return kg_input, []


def _bedarf_errechnet(
    haushalt: Haushalt, *, on: date, store: ParameterStore, unterkunft_monat: Decimal | int | None
) -> tuple[Decimal, str, list[str]] | str:
    """Regelbedarfe plus the head share of the housing cost, its origin and the assumptions made.

    § 20 SGB II (Anlage zu § 28 SGB XII), § 22 SGB II; no Mehrbedarfe (§ 21 SGB II). Returns the
    reason why no comparison is possible where the members or the housing cost are unknown.
    """
    if not haushalt.mitglieder:
        return "ohne Liste der Haushaltsmitglieder ist kein Regelbedarf bestimmbar; bedarf_monat angeben"
    kdu = Decimal(unterkunft_monat) if unterkunft_monat is not None else _unterkunft(haushalt)
    if kdu is None:
        return ("Unterkunftskosten unbekannt (Heim oder Lastenberechnung); "
                "unterkunft_monat oder bedarf_monat angeben")
    rb = store.in_force(Regelbedarfsstufen.folder, on, Regelbedarfsstufen)
    assert isinstance(rb, Regelbedarfsstufen)
    mg = zaehle_mitglieder(haushalt, None, on=on)
    gezaehlt = tuple(haushalt.mitglieder[i] for i in mg.index_einkommen)
    regel, annahmen = regelbedarf(gezaehlt, on=on, rb=rb)
    if unterkunft_monat is None:
        kdu, kopf = _kopfteil(haushalt, kdu, geprueft=len(gezaehlt), bewohner=_bewohner(haushalt, mg))
        if kopf:
            annahmen.append(kopf)
    if unterkunft_monat is None and not (isinstance(haushalt.wohnkosten, Miete)
                                         and haushalt.wohnkosten.warmmiete_monat is not None):
        annahmen.append("Heizkosten nicht enthalten (unterkunft_monat angeben, um sie einzubeziehen)")
    annahmen.append("keine Mehrbedarfe (§ 21 SGB II), Unterkunftskosten in tatsächlicher Höhe (§ 22 SGB II)")
    herkunft = (
        f"Regelbedarfe {_eur(regel)} (§ 20 SGB II, Anlage zu § 28 SGB XII, Fassung ab "
        f"{rb.valid_from.strftime('%d.%m.%Y')}: {rb.source}) + Unterkunft {_eur(kdu)} (§ 22 SGB II)"
    )
    return regel + kdu, herkunft, annahmen


def _vergleich(
    *, einkommen: Decimal, wohngeld: Decimal, kiz: Decimal, bedarf: Decimal, on: date, store: ParameterStore
) -> tuple[Ergebnis, str]:
    """Outcome and text of the comparison of income (plus Wohngeld and Kinderzuschlag) with the Bedarf.

    § 7 Abs. 1 Satz 3 Nr. 2 WoGG, § 12a SGB II; § 7 Abs. 1 WoGG where Hilfebedürftigkeit remains.
    """
    if einkommen >= bedarf:
        return "nicht hilfebedürftig", (
            f"Das Einkommen ({_eur(einkommen)}) deckt den Bedarf ({_eur(bedarf)}) schon ohne Wohngeld: "
            "keine Hilfebedürftigkeit; Wohngeld ist die passende Leistung zu den Wohnkosten.")
    summe = (f"Einkommen ({_eur(einkommen)}), Wohngeld ({_eur(wohngeld)})"
             + (f" und Kinderzuschlag ({_eur(kiz)})" if kiz else ""))
    if einkommen + wohngeld + kiz >= bedarf:
        return "Wohngeld", (
            summe + f" decken zusammen den Bedarf ({_eur(bedarf)}): Wohngeld beseitigt die "
            "Hilfebedürftigkeit und ist vorrangig zu beantragen (§ 12a SGB II; kein Ausschluss nach "
            "§ 7 Abs. 1 Satz 3 Nr. 2 WoGG, solange die andere Leistung noch nicht erbracht ist "
            "oder von einem nachrangig verpflichteten Träger erbracht wird, Buchst. a, b).")
    return "SGB II/XII", (
        summe + f" bleiben unter dem Bedarf ({_eur(bedarf)}): Hilfebedürftigkeit bleibt. Zuständig ist "
        f"voraussichtlich das Jobcenter ({_sgb2_leistung(on, store)}, SGB II) oder – bei "
        "Alter oder dauerhafter Erwerbsminderung – das Sozialamt (SGB XII); wer diese Leistungen "
        "mit Unterkunftskosten erhält, ist vom Wohngeld ausgeschlossen (§ 7 Abs. 1 WoGG).")


def vorrang(
    haushalt: Haushalt,
    *,
    on: date,
    result: Result | None = None,
    bedarf_monat: Decimal | None = None,
    kinderzuschlag_monat: Decimal | int | None = None,
    kindergeld_monat: Decimal | int | None = None,
    unterkunft_monat: Decimal | int | None = None,
    rechtsstand: str | ParameterStore | None = None,
) -> VorrangHinweis:
    """Hint whether Wohngeld (with Kinderzuschlag) lifts the household out of Hilfebedürftigkeit.

    § 7 Abs. 1 Satz 3 Nr. 2 WoGG, § 12a SGB II. Compares the household's monthly income (Y, § 13
    Abs. 2 WoGG, as an approximation of the SGB II income) plus Kindergeld, Kinderzuschlag and the
    Wohngeld with the Bedarf: ``bedarf_monat`` (or ``Haushalt.bedarf_monat``) if given, else the
    Regelbedarfe of the counted members (members stage, for the date) plus their head share of the
    entered housing cost (Kopfteilprinzip, :data:`KOPFTEIL_ZITAT`), or ``unterkunft_monat`` if given.
    """
    if not isinstance(haushalt, Haushalt):
        raise InputError(f"haushalt: {type(haushalt).__name__} angegeben; einen wohngeld.Haushalt übergeben")
    store = resolve(rechtsstand)
    r = result if result is not None else calculate(haushalt, on=on, rechenweg=False, rechtsstand=store)
    kiz = Decimal(kinderzuschlag_monat or 0)
    kg, annahmen = _kindergeld(haushalt, kindergeld_monat)
    annahmen.insert(0, "Einkommen: monatliches Gesamteinkommen Y nach § 13 Abs. 2 WoGG als Näherung "
                       "des nach SGB II/XII anzurechnenden Einkommens")
    bedarf = bedarf_monat if bedarf_monat is not None else haushalt.bedarf_monat
    herkunft = "angegeben"
    if bedarf is None:
        errechnet = _bedarf_errechnet(haushalt, on=on, store=store, unterkunft_monat=unterkunft_monat)
        if isinstance(errechnet, str):
            return _offen(r, kiz, kg, errechnet)
        bedarf, herkunft, mehr = errechnet
        annahmen += mehr
    einkommen = r.Y_berechnet + kg
    ergebnis, text = _vergleich(einkommen=einkommen, wohngeld=r.betrag_monat, kiz=kiz, bedarf=bedarf,
                                on=on, store=store)
    return VorrangHinweis(
        ergebnis=ergebnis, text=text, zitat=_ZITAT, bedarf_monat=bedarf, bedarf_herkunft=herkunft,
        einkommen_monat=einkommen, wohngeld_monat=r.betrag_monat, kinderzuschlag_monat=kiz,
        kindergeld_monat=kg, annahmen=tuple(dict.fromkeys(annahmen)),
    )


def _offen(r: Result, kiz: Decimal, kg: Decimal, warum: str) -> VorrangHinweis:
    return VorrangHinweis(
        ergebnis="offen", text=f"Kein Vergleich möglich: {warum}.", zitat=_ZITAT, bedarf_monat=None,
        bedarf_herkunft="unbekannt", einkommen_monat=r.Y_berechnet + kg, wohngeld_monat=r.betrag_monat,
        kinderzuschlag_monat=kiz, kindergeld_monat=kg, annahmen=(),
    )
