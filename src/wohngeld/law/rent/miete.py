"""Zu berücksichtigende Miete oder Belastung M (§§ 9–12 WoGG)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING, NamedTuple

from ...darstellung import ROEMISCH
from ...errors import InputError
from ...input.haushalt import Belastung as BelastungEingabe
from ...input.haushalt import Miete, Wohnkosten
from ...money import NULL as _NULL
from ...rechenweg import Rechenweg, format_euro
from .lasten import belastung_monat
from .tabellen import Hoechstbetraege
from .wogv import Pauschbetraege

if TYPE_CHECKING:
    from ..rechtsstand import ParameterStore, Rechtsstand

__all__ = [
    "ROEMISCH",
    "BeruecksichtigteMiete",
    "hinweise",
    "hoechstbetrag",
    "miete_beruecksichtigt",
    "miete_nach_9_11",
    "wohnkosten_betrag",
]


_LABEL = {
    "Miete": ("Miete (Bruttokaltmiete)", "§ 9 WoGG"),
    "Belastung": ("Belastung", "§ 10 WoGG"),
}


class BeruecksichtigteMiete(NamedTuple):
    """M and its parts, for the Result and later stages."""

    M: Decimal
    hoechstbetrag: Decimal
    klimakomponente: Decimal
    heizkosten: Decimal
    groesse: int


def hoechstbetrag(*, mitglieder: int, mietenstufe: int, rs: Rechtsstand) -> Decimal:
    """Höchstbetrag für Miete und Belastung.

    § 12 Abs. 1 WoGG (until 2019 its table; from 2020 i. V. m. Anlage 1).
    """
    table = rs.hoechstbetraege
    if not 1 <= mietenstufe <= table.mietenstufen:
        raise InputError(
            f"mietenstufe: {mietenstufe} angegeben; die Fassung vom {table.valid_from:%d.%m.%Y} "
            f"kennt die Mietenstufen I–{ROEMISCH[table.mietenstufen - 1]} "
            f"(1–{table.mietenstufen}, {table.rule})"
        )
    return table.fuer(mitglieder=mitglieder, mietenstufe=mietenstufe)


def _tabellenwerte(
    rs: Rechtsstand, groesse: int, mietenstufe: int
) -> tuple[Decimal, Decimal, Decimal, Decimal]:
    """Höchstbetrag, Klimakomponente, Entlastungsbetrag, Heizkostenkomponente; memoised per Rechtsstand.

    § 12 Abs. 1, 6 und 7 WoGG.
    """
    key = ("miete", groesse, mietenstufe)
    werte: tuple[Decimal, Decimal, Decimal, Decimal] | None = rs.memo.get(key)  # type: ignore[assignment]
    if werte is None:
        h = hoechstbetrag(mitglieder=groesse, mietenstufe=mietenstufe, rs=rs)
        klima = rs.klimakomponente.fuer(groesse)
        hk = rs.heizkosten
        if hk.anwendbar:
            assert hk.entlastung is not None and hk.komponente is not None
            entlastung, komponente = hk.entlastung.fuer(groesse), hk.komponente.fuer(groesse)
        else:
            entlastung = komponente = Decimal(0)
        werte = rs.memo[key] = (h, klima, entlastung, komponente)
    return werte


def miete_beruecksichtigt(
    *,
    art: str,
    betrag: Decimal | None,
    gesamt: int,
    beruecksichtigt: int,
    mietenstufe: int,
    rs: Rechtsstand,
    rec: Rechenweg,
) -> BeruecksichtigteMiete:
    """M: Miete or Belastung capped at Höchstbetrag plus Klimakomponente, plus heating amounts.

    § 11 Abs. 1 WoGG (cap and Gesamtbetrag zur Entlastung bei den Heizkosten), § 12 Abs. 1,
    6 and 7 WoGG; § 11 Abs. 3 WoGG (share per head in a Mischhaushalt); § 9 Abs. 3 WoGG
    (Heimbewohner: the Höchstbetrag plus Klimakomponente is the Miete); § 19 Abs. 3 WoGG
    (more than twelve members: the values for twelve).

    Auslegung: with more than twelve zu berücksichtigende members, Höchstbetrag, Klimakomponente
    and heating amounts are those for twelve, as the Wohngeld "für zwölf" is computed
    (Länderhinweise zu Nr. 19.31 WoGVwV); in a Mischhaushalt they are those for the whole number of
    members (§ 11 Abs. 3 letzter Satz WoGG), also where more than twelve are counted (§ 19 Abs. 3
    WoGG then raises the amount for the counted members); docs/rechtsauslegung.md.
    """
    groesse = _tabellengroesse(gesamt=gesamt, beruecksichtigt=beruecksichtigt)
    h, klima, entlastung, komponente = _tabellenwerte(rs, groesse, mietenstufe)
    heiz = entlastung + komponente
    misch = beruecksichtigt < gesamt
    if not rec.aktiv and not misch and art != "Heim":
        # fast path of the same rule for batches: § 11 Abs. 1 Nr. 1 and 2 WoGG
        assert betrag is not None
        grenze = h + klima
        return BeruecksichtigteMiete(
            M=(betrag if betrag < grenze else grenze) + heiz,
            hoechstbetrag=h,
            klimakomponente=klima,
            heizkosten=heiz,
            groesse=groesse,
        )
    if art == "Heim":
        miete = _heimmiete(h, klima, rs=rs, rec=rec)
    else:
        assert betrag is not None
        miete = _miete_schritt(art, betrag, rec)
    grenze = _grenze(h, klima, groesse=groesse, mietenstufe=mietenstufe, rs=rs, rec=rec)
    if misch:
        anteil_miete, anteil_grenze, anteil_heiz = _anteile(
            art, (miete, grenze, heiz), gesamt=gesamt, beruecksichtigt=beruecksichtigt, klima=klima, rec=rec
        )
    else:
        anteil_miete, anteil_grenze, anteil_heiz = miete, grenze, heiz
    M = _gedeckelt(art, min(anteil_miete, anteil_grenze), rs=rs, rec=rec)
    if rs.heizkosten.anwendbar:
        anteil_text = f"{beruecksichtigt}/{gesamt}" if misch else None
        M += _heizkosten(entlastung, komponente, anteil_heiz, anteil_text=anteil_text, rs=rs, rec=rec)
    rec.add(
        "M",
        "zu berücksichtigende Miete oder Belastung (M)",
        M,
        "EUR/Monat",
        "§ 11 Abs. 1 Satz 2 WoGG" if art == "Heim" else "§ 11 Abs. 1 WoGG",
    )
    return BeruecksichtigteMiete(
        M=M, hoechstbetrag=h, klimakomponente=klima, heizkosten=heiz, groesse=groesse
    )


def _heimmiete(h: Decimal, klima: Decimal, *, rs: Rechtsstand, rec: Rechenweg) -> Decimal:
    """The Miete of a Heimbewohner: the Höchstbetrag, since 2023 plus the Klimakomponente.

    § 9 Abs. 3 Satz 2 WoGG: "der Höchstbetrag nach § 12 Abs. 1" (2016–2022); "die Summe aus dem
    Höchstbetrag … und der Klimakomponente" (since 2023, Wohngeld-Plus-Gesetz).
    """
    miete = h + klima
    if rs.klimakomponente.anwendbar:
        rec.add(
            "miete",
            "Miete eines Heimbewohners: Höchstbetrag zuzüglich Klimakomponente",
            miete,
            "EUR/Monat",
            "§ 9 Abs. 3 Satz 2 WoGG",
            hoechstbetrag=h,
            klimakomponente=klima,
        )
    else:
        rec.add(
            "miete",
            "Miete eines Heimbewohners: Höchstbetrag",
            miete,
            "EUR/Monat",
            "§ 9 Abs. 3 Satz 2 WoGG",
            hoechstbetrag=h,
        )
    return miete


def _miete_schritt(art: str, betrag: Decimal, rec: Rechenweg) -> Decimal:
    """The Miete (§ 9 WoGG) or Belastung (§ 10 WoGG) entering the cap; for a Miete with parts left
    out under § 11 Abs. 2 WoGG, what is left after them (the § 9 Miete is then the step ``miete_9``).
    """
    label, zitat = _LABEL[art]
    if art == "Miete" and any(x.key in _ABS2_SCHRITTE for x in rec.schritte):
        label, zitat = "Miete nach Abzug der Anteile nach § 11 Abs. 2", "§ 11 Abs. 2 WoGG"
    rec.add("miete", label, betrag, "EUR/Monat", zitat)
    return betrag


def _grenze(
    h: Decimal, klima: Decimal, *, groesse: int, mietenstufe: int, rs: Rechtsstand, rec: Rechenweg
) -> Decimal:
    """The cap: the Höchstbetrag, since 2023 plus the Klimakomponente.

    § 12 Abs. 1 WoGG (Höchstbetrag by members and Mietenstufe), § 12 Abs. 7 WoGG (Klimakomponente),
    § 11 Abs. 1 Nr. 1 WoGG (their sum).
    """
    rec.add(
        "hoechstbetrag",
        f"Höchstbetrag für {groesse} Haushaltsmitglied{'er' if groesse > 1 else ''}, "
        f"Mietenstufe {ROEMISCH[mietenstufe - 1]}",
        h,
        "EUR/Monat",
        rs.hoechstbetraege.rule,
    )
    if not rs.klimakomponente.anwendbar:
        return h
    grenze = h + klima
    rec.add("klimakomponente", "Klimakomponente", klima, "EUR/Monat", rs.klimakomponente.rule)
    rec.add(
        "hoechstbetrag_mit_klima",
        "Höchstbetrag zuzüglich Klimakomponente",
        grenze,
        "EUR/Monat",
        "§ 11 Abs. 1 Nr. 1 WoGG",
    )
    return grenze


def _anteile(
    art: str,
    betraege: tuple[Decimal, Decimal, Decimal],
    *,
    gesamt: int,
    beruecksichtigt: int,
    klima: Decimal,
    rec: Rechenweg,
) -> tuple[Decimal, Decimal, Decimal]:
    """Mischhaushalt: the share of the counted members in Miete, cap and heating amounts, per head.

    § 11 Abs. 3 WoGG (the values for all members, then the share); with more than twelve counted
    members § 19 Abs. 3 WoGG raises the amount for them (Auslegung, docs/rechtsauslegung.md).
    """
    miete, grenze, heiz = betraege
    anteil_text = f"{beruecksichtigt}/{gesamt}"
    if beruecksichtigt > 12:
        rec.add(
            "mischhaushalt_ueber_zwoelf",
            f"Mischhaushalt mit mehr als zwölf zu berücksichtigenden Mitgliedern (Auslegung): Höchstbetrag "
            f"und Heizkostenbeträge für alle {gesamt} Mitglieder, davon der Anteil {anteil_text}; das "
            f"Wohngeld für zwölf wird für jedes weitere zu berücksichtigende Mitglied erhöht",
            beruecksichtigt,
            "Mitglieder",
            "§ 11 Abs. 3 WoGG, § 19 Abs. 3 WoGG",
        )
    anteil_miete = miete * beruecksichtigt / gesamt
    anteil_grenze = grenze * beruecksichtigt / gesamt
    rec.add(
        "miete_anteil",
        f"Anteil der zu berücksichtigenden Mitglieder an der {_nom(art)} ({anteil_text})",
        anteil_miete,
        "EUR/Monat",
        "§ 11 Abs. 3 WoGG",
    )
    rec.add(
        "hoechstbetrag_anteil",
        f"Anteil am Höchstbetrag{' zuzüglich Klimakomponente' if klima else ''} ({anteil_text})",
        anteil_grenze,
        "EUR/Monat",
        "§ 11 Abs. 3 WoGG",
    )
    return anteil_miete, anteil_grenze, heiz * beruecksichtigt / gesamt


def _gedeckelt(art: str, gedeckelt: Decimal, *, rs: Rechtsstand, rec: Rechenweg) -> Decimal:
    """The Miete or Belastung up to the cap (the smaller of both).

    § 11 Abs. 1 Nr. 1 WoGG (since 2023), § 11 Abs. 1, § 12 Abs. 1 WoGG (until 2022); § 11 Abs. 1
    Satz 2 WoGG for a Heim.
    """
    rec.add(
        "miete_gedeckelt",
        f"zu berücksichtigende {_nom(art)} (höchstens bis zur Grenze)",
        gedeckelt,
        "EUR/Monat",
        "§ 11 Abs. 1 Satz 2 WoGG"
        if art == "Heim"
        else "§ 11 Abs. 1 Nr. 1 WoGG"
        if rs.klimakomponente.anwendbar
        else "§ 11 Abs. 1, § 12 Abs. 1 WoGG",
    )
    return gedeckelt


def _heizkosten(
    entlastung: Decimal,
    komponente: Decimal,
    anteil_heiz: Decimal,
    *,
    anteil_text: str | None,
    rs: Rechtsstand,
    rec: Rechenweg,
) -> Decimal:
    """The amount added to M for heating: the Entlastungsbetrag, since 2023 with the dauerhafte
    Heizkostenkomponente (their sum, the Gesamtbetrag); in a Mischhaushalt the counted share.

    § 12 Abs. 6 WoGG (Entlastung bei den Heizkosten), § 11 Abs. 1 Nr. 2 WoGG (Gesamtbetrag);
    § 11 Abs. 3 WoGG (share ``anteil_text``, None outside a Mischhaushalt).
    """
    hk = rs.heizkosten
    heiz = entlastung + komponente
    if komponente:
        entlastung_text = "Betrag zur Entlastung bei den Heizkosten"
        rec.add("heizkosten_entlastung", entlastung_text, entlastung, "EUR/Monat", hk.rule)
        rec.add("heizkostenkomponente", "dauerhafte Heizkostenkomponente", komponente, "EUR/Monat", hk.rule)
        rec.add(
            "heizkosten",
            "Gesamtbetrag zur Entlastung bei den Heizkosten",
            heiz,
            "EUR/Monat",
            f"{hk.rule}, § 11 Abs. 1 Nr. 2 WoGG",
        )
    else:
        rec.add("heizkosten", "Betrag zur Entlastung bei den Heizkosten", heiz, "EUR/Monat", hk.rule)
    if anteil_text is not None:
        rec.add(
            "heizkosten_anteil",
            f"Anteil an den Heizkostenbeträgen ({anteil_text})",
            anteil_heiz,
            "EUR/Monat",
            "§ 11 Abs. 3 WoGG",
        )
    return anteil_heiz


def _tabellengroesse(*, gesamt: int, beruecksichtigt: int) -> int:
    """The number of members whose Höchstbetrag and heating amounts apply.

    § 11 Abs. 3 letzter Satz WoGG (Mischhaushalt: the whole number), § 19 Abs. 3 WoGG (more than
    twelve counted members, no excluded member: the values for twelve; Auslegung).
    """
    if beruecksichtigt < gesamt:
        return gesamt
    return 12 if gesamt > 12 else gesamt


def _nom(art: str) -> str:
    return "Belastung" if art == "Belastung" else "Miete"



_NR5_QUELLE = (
    "§ 9 Abs. 2 Satz 1 Nr. 5 WoGG, angefügt durch Art. 1 Nr. 3 Buchst. b Wohngeldstärkungsgesetz "
    "v. 30.11.2019 (BGBl. I S. 1877), in Kraft ab {seit}"
)


def _nr5_gilt(rs: Rechtsstand) -> bool:
    """Whether § 9 Abs. 2 Satz 1 Nr. 5 WoGG (Betreuungs- und Serviceleistungen) is law on the Stichtag.

    The WoGG of 2016–2019 lists only Nr. 1–4 (text "zuletzt geändert durch Art. 22 G v. 11.11.2016");
    Nr. 5 was added by Art. 1 Nr. 3 Buchst. b WoGStärkG v. 30.11.2019 (BGBl. I S. 1877). Which
    Nummern apply is the key ``abzuege`` of the Fassung of ``hoechstbetraege`` (the table the
    WoGStärkG changed on the same day); the date is that Fassung's ``valid_from``.
    """
    return rs.hoechstbetraege.abzuege == "Nr. 1-5"


def _nr5_seit(rs: Rechtsstand) -> str:
    """The first day on which § 9 Abs. 2 Satz 1 Nr. 5 WoGG applies in this rule set (German date):
    the earliest Fassung of ``hoechstbetraege`` with ``abzuege = "Nr. 1-5"``, in the store or its base."""
    store: ParameterStore | None = rs.store
    daten: list[date] = []
    while store is not None:
        if store.has_folder(Hoechstbetraege.folder):
            _, fassungen = store.fassungen(Hoechstbetraege.folder, Hoechstbetraege)
            daten += [
                t.valid_from for t in fassungen if isinstance(t, Hoechstbetraege) and t.abzuege == "Nr. 1-5"
            ]
        store = store.base
    return min(daten).strftime("%d.%m.%Y") if daten else "(in diesem Regelwerk nicht)"


def hinweise(w: Wohnkosten, *, rs: Rechtsstand) -> tuple[str, ...]:
    """German notices on the housing cost as entered (for ``Result.warnungen``).

    § 9 Abs. 2 Satz 1 Nr. 5 WoGG: a Betreuung share entered for a date before 2020 is not deducted.
    """
    if (
        isinstance(w, Miete)
        and w.abzuege
        and not _nr5_gilt(rs)
        and any(a.art == "Betreuung" for a in w.abzuege)
    ):
        return (
            "Die angegebene Vergütung für Betreuungs- oder Serviceleistungen ist nicht von der Miete "
            f"abgezogen worden: am {rs.stichtag.strftime('%d.%m.%Y')} nennt § 9 Abs. 2 WoGG nur die "
            "Nummern 1 bis 4, und § 2 Abs. 2 WoGV lässt keine anderen Abzüge zu; der Abzug gilt erst "
            f"seit dem {_nr5_seit(rs)} ({_NR5_QUELLE.format(seit=_nr5_seit(rs))}).",
        )
    return ()


_ABS2_SCHRITTE = frozenset({"gewerblich", "untervermietet", "mitbewohner", "zuschuss", "aufenthg"})
"""Rechenweg keys of the parts of the Miete left out under § 11 Abs. 2 Nr. 1–5 WoGG."""

_ABZUG_NR = {
    "Heizung": ("Heizkosten", "§ 9 Abs. 2 Satz 1 Nr. 1, 2 WoGG", "§ 6 Abs. 2 Nr. 1 WoGV"),
    "Warmwasser": (
        "Kosten der Warmwasserversorgung",
        "§ 9 Abs. 2 Satz 1 Nr. 1, 2 WoGG",
        "§ 6 Abs. 2 Nr. 2 WoGV",
    ),
    "Haushaltsenergie": (
        "Kosten der Haushaltsenergie",
        "§ 9 Abs. 2 Satz 1 Nr. 3 WoGG",
        "§ 6 Abs. 2 Nr. 3 WoGV",
    ),
    "Garage": ("Vergütung für die Garage", "§ 9 Abs. 2 Satz 1 Nr. 4 WoGG", "§ 6 Abs. 2 Nr. 4 WoGV"),
    "Stellplatz": ("Vergütung für den Stellplatz", "§ 9 Abs. 2 Satz 1 Nr. 4 WoGG", "§ 6 Abs. 2 Nr. 4 WoGV"),
    "Betreuung": (
        "Vergütung für Leistungen über die Gebrauchsüberlassung hinaus",
        "§ 9 Abs. 2 Satz 1 Nr. 5 WoGG",
        "",
    ),
}


def _label_zitat(art: str, rs: Rechtsstand) -> tuple[str, str]:
    """Label and citation of a deduction of § 9 Abs. 2 Satz 1 WoGG; Nr. 5 with the day it applies from."""
    label, zitat, _ = _ABZUG_NR[art]
    return (label, f"{zitat} (seit {_nr5_seit(rs)})") if art == "Betreuung" else (label, zitat)


def _pauschbetrag(art: str, *, w: Miete, bewohner: int, rs: Rechtsstand) -> tuple[Decimal, str]:
    """The WoGV Pauschbetrag for one cost the rent contract does not show.

    § 9 Abs. 2 Satz 2 WoGG i. V. m. § 6 Abs. 2 WoGV.
    """
    label, _, nr = _ABZUG_NR[art]
    if not nr:
        raise InputError(
            f"abzuege: {art} ohne betrag_monat; § 6 Abs. 2 WoGV kennt keinen Pauschbetrag für "
            f"{label} (§ 9 Abs. 2 Satz 1 Nr. 5 WoGG): den Betrag aus dem Mietvertrag angeben"
        )
    p = rs.table(Pauschbetraege)
    if not p.erfasst:
        raise InputError(
            f"abzuege: {art} ohne betrag_monat braucht den Pauschbetrag nach § 6 Abs. 2 WoGV in der am "
            f"{rs.stichtag:%d.%m.%Y} geltenden Fassung, deren Beträge in den Daten der Bibliothek fehlen "
            f"({p.source}); betrag_monat aus dem Mietvertrag angeben"
        )
    if art == "Heizung":
        if w.wohnflaeche_m2 is None:
            raise InputError(
                "abzuege: Heizung ohne betrag_monat: der Pauschbetrag gilt je m² Wohnfläche "
                f"({p.heizung_je_m2} EUR, {nr}); wohnflaeche_m2 oder den Betrag für Heizung angeben"
            )
        assert p.heizung_je_m2 is not None
        return p.heizung_je_m2 * w.wohnflaeche_m2, f"{nr}: {p.heizung_je_m2} € × {w.wohnflaeche_m2} m²"
    if art in ("Warmwasser", "Haushaltsenergie"):
        staffel = p.warmwasser if art == "Warmwasser" else p.haushaltsenergie
        assert staffel is not None
        return staffel.fuer(bewohner), f"{nr}: {bewohner} Bewohner"
    betrag = p.garage if art == "Garage" else p.stellplatz
    assert betrag is not None
    return betrag, nr


def _wogv_3(w: Miete, rec: Rechenweg) -> Decimal:
    """Mietvorauszahlung and Mieterdarlehen: what belongs to the Miete of one month.

    § 3 Abs. 1 WoGV: a prepaid amount counts as paid in the months it is meant for; § 3 Abs. 2
    WoGV: the amount by which the rent is reduced by offsetting a Mieterdarlehen is Miete.

    Auslegung: the prepayment is spread evenly over ``mietvorauszahlung_monate`` and not rounded
    (the WoGV prescribes no rounding); docs/miete-und-haushalt.md.
    """
    dazu = _NULL
    if w.mietvorauszahlung is not None:
        assert w.mietvorauszahlung_monate is not None
        anteil = w.mietvorauszahlung / w.mietvorauszahlung_monate
        dazu += anteil
        rec.add(
            "mietvorauszahlung",
            f"zuzüglich Mietvorauszahlung {w.mietvorauszahlung} € für "
            f"{w.mietvorauszahlung_monate} Monate, auf den Monat entfallender Teil",
            anteil,
            "EUR/Monat",
            "§ 9 Abs. 1 WoGG, § 3 Abs. 1 WoGV",
            mietvorauszahlung=w.mietvorauszahlung,
            monate=w.mietvorauszahlung_monate,
        )
    if w.mieterdarlehen_verrechnung_monat is not None:
        dazu += w.mieterdarlehen_verrechnung_monat
        rec.add(
            "mieterdarlehen",
            "zuzüglich mit der Miete verrechneter Teil des Mieterdarlehens",
            w.mieterdarlehen_verrechnung_monat,
            "EUR/Monat",
            "§ 9 Abs. 1 WoGG, § 3 Abs. 2 WoGV",
        )
    return dazu


def miete_nach_9_11(
    w: Miete, *, mitglieder_gesamt: int, rs: Rechtsstand, rec: Rechenweg
) -> Decimal:
    """Miete from what the user entered: § 9 Abs. 1–3 WoGG, then § 11 Abs. 2 Nr. 1–5 WoGG.

    § 9 WoGG, §§ 2, 3, 6, 7 WoGV; § 11 Abs. 2 WoGG in its order of calculation. The Mietwert
    (§ 9 Abs. 3 Satz 1 WoGG) is taken as entered (§ 7 WoGV: the rent for comparable Wohnraum,
    determined by the Wohngeldbehörde) and § 6 Abs. 1, 2 WoGV apply to it (§ 6 Abs. 3 WoGV).

    Auslegung (docs/miete-und-haushalt.md): a Möblierungszuschlag is part of the Miete, as § 9
    Abs. 2 WoGG (since 2016) does not list it and § 2 Abs. 2 WoGV forbids other deductions; the
    Bewohner for the per-person Pauschbeträge are the Haushaltsmitglieder plus ``mitbewohner``
    unless ``bewohner`` is given; area shares under § 11 Abs. 2 Nr. 1, 2 follow the Wohnfläche.
    """
    miete = _miete_9_1(w, rec) + _wogv_3(w, rec)
    bewohner = w.bewohner if w.bewohner is not None else mitglieder_gesamt + w.mitbewohner
    miete -= _abzuege_9_2(w, bewohner=bewohner, rs=rs, rec=rec)
    if miete < 0:
        raise InputError(
            f"Miete: die nach § 9 Abs. 2 WoGG außer Betracht bleibenden Beträge übersteigen die angegebene "
            f"Miete um {format_euro(-miete)}; die Beträge in abzuege prüfen"
        )
    abs2 = (
        any(x is not None for x in (w.gewerblich_m2, w.untervermietet_m2, w.zuschuss_monat, w.aufenthg_monat))
        or w.mitbewohner > 0
    )
    wogv3 = w.mietvorauszahlung is not None or w.mieterdarlehen_verrechnung_monat is not None
    if w.abzuege or w.miete_monat is None or wogv3 or abs2:
        _schritt(
            rec,
            "miete_9",
            "Miete (Bruttokaltmiete) nach § 9 WoGG",
            miete,
            "§ 9 Abs. 1, 2, 3 Satz 1 WoGG" if w.mietwert_monat is not None else "§ 9 Abs. 1, 2 WoGG",
        )
    miete = _teile_11_2_nr_1_2(w, miete, rec)
    if w.mitbewohner:
        miete = _mitbewohner_11_2_nr_3(w, miete, mitglieder_gesamt=mitglieder_gesamt, rec=rec)
    if w.zuschuss_monat is not None:
        miete -= w.zuschuss_monat
        label = "abzüglich Leistungen zur Senkung der Miete"
        _schritt(rec, "zuschuss", label, w.zuschuss_monat, "§ 11 Abs. 2 Nr. 4 WoGG")
    if w.aufenthg_monat is not None:
        miete -= w.aufenthg_monat
        label = "abzüglich Leistungen nach § 68 AufenthG"
        _schritt(rec, "aufenthg", label, w.aufenthg_monat, "§ 11 Abs. 2 Nr. 5 WoGG")
    return max(miete, _NULL)


def _schritt(rec: Rechenweg, key: str, label: str, wert: Decimal, zitat: str) -> None:
    """One monthly amount of the rent in the Rechenweg."""
    rec.add(key, label, wert, "EUR/Monat", zitat)


def _miete_9_1(w: Miete, rec: Rechenweg) -> Decimal:
    """The Miete as entered: the agreed Miete, the Mietwert, the Warmmiete, or Grundmiete plus kalte
    Nebenkosten and Möblierungszuschlag.

    § 9 Abs. 1 WoGG, § 2 Abs. 1, 2 WoGV; § 9 Abs. 3 Satz 1 WoGG, § 7 WoGV (Mietwert).
    """
    if w.miete_monat is not None:
        if w.abzuege or w.mietvorauszahlung is not None or w.mieterdarlehen_verrechnung_monat is not None:
            _schritt(rec, "miete_angegeben", "Miete (angegeben)", w.miete_monat, "§ 9 Abs. 1 WoGG")
        return w.miete_monat
    if w.mietwert_monat is not None:
        _schritt(
            rec,
            "mietwert",
            "Mietwert (Miete für vergleichbaren Wohnraum, keine vereinbarte Miete)",
            w.mietwert_monat,
            "§ 9 Abs. 3 Satz 1 WoGG, § 7 WoGV",
        )
        return w.mietwert_monat
    if w.warmmiete_monat is not None:
        label = "Warmmiete (angegeben, enthält Heizkosten)"
        _schritt(rec, "warmmiete", label, w.warmmiete_monat, "§ 9 Abs. 1 WoGG")
        return w.warmmiete_monat
    assert w.grundmiete_monat is not None
    miete = w.grundmiete_monat
    _schritt(rec, "grundmiete", "Grundmiete", miete, "§ 9 Abs. 1 WoGG")
    if w.nebenkosten_monat is not None:
        miete += w.nebenkosten_monat
        zitat = "§ 9 Abs. 1 WoGG, § 2 Abs. 1 WoGV"
        _schritt(rec, "nebenkosten", "kalte Nebenkosten (Umlagen)", w.nebenkosten_monat, zitat)
    if w.moeblierung_monat is not None:
        miete += w.moeblierung_monat
        _schritt(
            rec,
            "moeblierung",
            "Möblierungszuschlag (Teil der Miete)",
            w.moeblierung_monat,
            "§ 9 Abs. 1 WoGG, § 2 Abs. 2 WoGV",
        )
    return miete


def _abzuege_9_2(w: Miete, *, bewohner: int, rs: Rechtsstand, rec: Rechenweg) -> Decimal:
    """The sum of the costs left out of the Miete: as the contract shows them, or the WoGV Pauschbetrag.

    § 9 Abs. 2 Satz 1 Nr. 1–5 WoGG (Nr. 5 only from the Fassung that has it: before, the Vergütung
    stays part of the Miete, § 9 Abs. 1 WoGG, § 2 Abs. 2 WoGV); § 9 Abs. 2 Satz 2 WoGG i. V. m.
    § 6 Abs. 2 WoGV (Pauschbeträge); § 6 Abs. 3 WoGV (also from a Mietwert).
    """
    summe = _NULL
    for a in w.abzuege:
        label, zitat = _label_zitat(a.art, rs)
        if a.art == "Betreuung" and not _nr5_gilt(rs):
            _schritt(
                rec,
                "abzug_nicht_vorgesehen",
                f"{label} bleibt Teil der Miete (kein Abzug vor dem {_nr5_seit(rs)})",
                a.betrag_monat if a.betrag_monat is not None else _NULL,
                "§ 9 Abs. 1, 2 WoGG, § 2 Abs. 2 WoGV",
            )
            continue
        if w.mietwert_monat is not None:
            zitat = f"{zitat}, § 6 Abs. 3 WoGV"
        if a.betrag_monat is not None:
            betrag = a.betrag_monat
            _schritt(rec, "abzug", f"abzüglich {label} (laut Mietvertrag)", betrag, zitat)
        else:
            betrag, herleitung = _pauschbetrag(a.art, w=w, bewohner=bewohner, rs=rs)
            _schritt(
                rec,
                "abzug",
                f"abzüglich {label} (Pauschbetrag)",
                betrag,
                f"{zitat}, § 9 Abs. 2 Satz 2 WoGG i. V. m. {herleitung}",
            )
        summe += betrag
    return summe


def _teile_11_2_nr_1_2(w: Miete, miete: Decimal, rec: Rechenweg) -> Decimal:
    """The Miete without the share of the parts used for business and of the parts let: by their
    area against the Wohnfläche left; for a part let, the higher Entgelt of the Untermiete.

    § 11 Abs. 2 Nr. 1 WoGG (gewerblich), Nr. 2 (untervermietet); Auslegung: area shares,
    docs/miete-und-haushalt.md.
    """
    if w.gewerblich_m2 is None and w.untervermietet_m2 is None:
        return miete
    teil = (w.gewerblich_m2 or _NULL) + (w.untervermietet_m2 or _NULL)
    flaeche_rest = w.wohnflaeche_m2
    if flaeche_rest is None or teil >= flaeche_rest:
        raise InputError(
            f"Miete: gewerblich_m2/untervermietet_m2 ({teil} m²) brauchen wohnflaeche_m2, die ganze "
            f"gemietete "
            f"Fläche, größer als diese (angegeben: "
            f"{flaeche_rest if flaeche_rest is not None else 'nichts'}); "
            "§ 11 Abs. 2 Nr. 1, 2 WoGG lässt den Anteil der Miete für diese Teile außer Betracht"
        )
    if w.gewerblich_m2 is not None:
        anteil = miete * w.gewerblich_m2 / flaeche_rest
        miete -= anteil
        flaeche_rest -= w.gewerblich_m2
        _schritt(
            rec,
            "gewerblich",
            f"abzüglich Anteil gewerblich genutzter Teil ({w.gewerblich_m2} m²)",
            anteil,
            "§ 11 Abs. 2 Nr. 1 WoGG",
        )
    if w.untervermietet_m2 is not None:
        anteil = miete * w.untervermietet_m2 / flaeche_rest
        abzug, hoeher = _anteil_oder_entgelt(anteil, w.untermiete_entgelt_monat)
        was = "Entgelt der Untermiete, höher als der Anteil, für den" if hoeher else "Anteil für den"
        _schritt(
            rec,
            "untervermietet",
            f"abzüglich {was} untervermieteter Teil ({w.untervermietet_m2} m²)",
            abzug,
            "§ 11 Abs. 2 Nr. 2 WoGG",
        )
        miete -= abzug
    return miete


def _mitbewohner_11_2_nr_3(
    w: Miete, miete: Decimal, *, mitglieder_gesamt: int, rec: Rechenweg
) -> Decimal:
    """The Miete without the share of persons living there who are no Haushaltsmitglieder: per head,
    or the higher Entgelt they pay.

    § 11 Abs. 2 Nr. 3 WoGG.
    """
    gesamt_bewohner = mitglieder_gesamt + w.mitbewohner
    abzug, _ = _anteil_oder_entgelt(miete * w.mitbewohner / gesamt_bewohner, w.mitbewohner_entgelt_monat)
    _schritt(
        rec,
        "mitbewohner",
        f"abzüglich Anteil mitbewohnender Personen ({w.mitbewohner}/{gesamt_bewohner})",
        abzug,
        "§ 11 Abs. 2 Nr. 3 WoGG",
    )
    return miete - abzug


def _anteil_oder_entgelt(anteil: Decimal, entgelt: Decimal | None) -> tuple[Decimal, bool]:
    """What is left out for a part of the Wohnraum used by others: its share, or the Entgelt paid for
    it where that is higher; and whether it is the Entgelt.

    § 11 Abs. 2 Nr. 2, 3 WoGG (Untermiete, Mitbewohner), § 15 Abs. 2 WoGV (Belastung).

    >>> _anteil_oder_entgelt(Decimal("150"), Decimal("200"))
    (Decimal('200'), True)
    >>> _anteil_oder_entgelt(Decimal("150"), None)
    (Decimal('150'), False)
    """
    if entgelt is not None and entgelt > anteil:
        return entgelt, True
    return anteil, False


def wohnkosten_betrag(
    w: Wohnkosten,
    *,
    gesamt: int,
    beruecksichtigt: int,
    mietenstufe: int,
    rs: Rechtsstand,
    rec: Rechenweg,
    mitbewohner_gelistet: int = 0,
) -> Decimal | None:
    """The Miete or Belastung before § 11 Abs. 3 and the cap; None for a Heim.

    §§ 9, 10, 11 Abs. 2 WoGG with the WoGV; § 9 Abs. 3 Satz 2 WoGG (Heim: computed later). For a
    Belastung after the Lastenberechnung (which leaves out Nr. 1): Nr. 2 (part let, share by area
    of the Wohnfläche or the higher Entgelt, § 15 Abs. 2 WoGV) and Nr. 4 (public subsidies).
    ``mitbewohner_gelistet``: listed persons living in the flat who are no Haushaltsmitglieder
    (``beziehung = "keine"``); see :func:`mitbewohner_aus_liste`.
    """
    if isinstance(w, Miete):
        if mitbewohner_gelistet:
            w = mitbewohner_aus_liste(w, gelistet=mitbewohner_gelistet, rec=rec)
        if (
            w.miete_monat is not None
            and not w.abzuege
            and w.mietvorauszahlung is None
            and w.mieterdarlehen_verrechnung_monat is None
            and w.mitbewohner == 0
            and w.gewerblich_m2 is None
            and w.untervermietet_m2 is None
            and w.zuschuss_monat is None
            and w.aufenthg_monat is None
        ):
            return w.miete_monat  # the Miete as entered: nothing to take out (§ 9, § 11 Abs. 2 WoGG)
        return miete_nach_9_11(w, mitglieder_gesamt=gesamt, rs=rs, rec=rec)
    if isinstance(w, BelastungEingabe):
        groesse = _tabellengroesse(gesamt=gesamt, beruecksichtigt=beruecksichtigt)
        grenze = hoechstbetrag(mitglieder=groesse, mietenstufe=mietenstufe, rs=rs)
        if rs.klimakomponente.anwendbar:
            grenze += rs.klimakomponente.fuer(groesse)
        return _belastung_11_2(w, belastung_monat(w, grenze=grenze, rs=rs, rec=rec), rec)
    return None


def _belastung_11_2(w: BelastungEingabe, belastung: Decimal, rec: Rechenweg) -> Decimal:
    """The Belastung after the Lastenberechnung without the part left to others (its share by area of
    the Wohnfläche, or the higher Entgelt) and without public subsidies lowering it.

    § 11 Abs. 2 Nr. 2 WoGG, § 15 Abs. 2 WoGV; § 11 Abs. 2 Nr. 4 WoGG. The § 10 Belastung before
    them is a step of its own (compared by § 27 Abs. 3 Satz 1 Nr. 2 WoGG).
    """
    if w.zuschuss_monat is None and w.ueberlassen_m2 is None:
        return belastung
    rec.add("belastung_10", "Belastung nach § 10 WoGG", belastung, "EUR/Monat", "§ 10 WoGG")
    if w.ueberlassen_m2 is not None:
        assert w.wohnflaeche_m2 is not None  # model: ueberlassen_m2 needs wohnflaeche_m2
        anteil = belastung * w.ueberlassen_m2 / w.wohnflaeche_m2
        abzug, hoeher = _anteil_oder_entgelt(anteil, w.ueberlassen_entgelt_monat)
        belastung = max(belastung - abzug, _NULL)
        rec.add(
            "ueberlassen",
            "abzüglich "
            + ("Entgelt, höher als der Anteil, für den" if hoeher else "Anteil für den")
            + f" überlassenen Teil ({w.ueberlassen_m2} von {w.wohnflaeche_m2} m²)",
            abzug,
            "EUR/Monat",
            "§ 11 Abs. 2 Nr. 2 WoGG, § 15 Abs. 2 WoGV",
        )
    if w.zuschuss_monat is not None:
        belastung = max(belastung - w.zuschuss_monat, _NULL)
        rec.add(
            "zuschuss",
            "abzüglich Leistungen aus öffentlichen Haushalten zur Senkung der Belastung",
            w.zuschuss_monat,
            "EUR/Monat",
            "§ 11 Abs. 2 Nr. 4 WoGG",
        )
    rec.add("belastung_11", "Belastung nach § 11 Abs. 2 WoGG", belastung, "EUR/Monat", "§ 11 Abs. 2 WoGG")
    return belastung


def mitbewohner_aus_liste(w: Miete, *, gelistet: int, rec: Rechenweg) -> Miete:
    """The rent with the share of listed non-members left out by head count, unless given.

    § 11 Abs. 2 Nr. 3 WoGG: the share of the rent that falls on persons living in the Wohnraum who
    are no Haushaltsmitglieder is left out. Auslegung: listed persons with ``beziehung = "keine"``
    (not permanently absent) are such persons; their share is the head share (or the higher
    ``mitbewohner_entgelt_monat``) unless ``mitbewohner`` is given, which then is taken as the
    complete count (docs/miete-und-haushalt.md).
    """
    if gelistet <= 0:
        return w
    if w.mitbewohner:
        if w.mitbewohner < gelistet:
            rec.add(
                "mitbewohner_liste",
                f"{gelistet} Person(en) ohne Beziehung nach § 5 Abs. 1 WoGG aufgeführt, mitbewohner = "
                f"{w.mitbewohner} angegeben: die Angabe mitbewohner gilt",
                "",
                "",
                "§ 11 Abs. 2 Nr. 3 WoGG",
            )
        return w
    rec.add(
        "mitbewohner_liste",
        f"{gelistet} aufgeführte Person(en) ohne Beziehung nach § 5 Abs. 1 WoGG wohnen mit: "
        "ihr Anteil an der Miete nach Köpfen bleibt außer Betracht",
        gelistet,
        "Personen",
        "§ 11 Abs. 2 Nr. 3 WoGG",
    )
    return w.model_copy(update={"mitbewohner": gelistet})
