"""Zu berücksichtigende Miete oder Belastung M (§§ 9–12 WoGG)."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from .errors import InputError
from .explain import Rechenweg
from .parameters import Rechtsstand

__all__ = ["Miete", "ROEMISCH", "hoechstbetrag", "miete_beruecksichtigt"]

ROEMISCH = ("I", "II", "III", "IV", "V", "VI", "VII")

_LABEL = {
    "Miete": ("Miete (Bruttokaltmiete)", "§ 9 WoGG"),
    "Belastung": ("Belastung", "§ 10 WoGG"),
}


@dataclass(frozen=True, slots=True)
class Miete:
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
            f"mietenstufe: {mietenstufe} given; the Fassung of {table.valid_from.isoformat()} "
            f"knows Mietenstufen I–{ROEMISCH[table.mietenstufen - 1]} "
            f"(1–{table.mietenstufen}, {table.rule})"
        )
    return table.fuer(mitglieder=mitglieder, mietenstufe=mietenstufe)


def miete_beruecksichtigt(
    *,
    art: str,
    betrag: Decimal | None,
    gesamt: int,
    beruecksichtigt: int,
    mietenstufe: int,
    rs: Rechtsstand,
    rec: Rechenweg | None,
) -> Miete:
    """M: Miete or Belastung capped at Höchstbetrag plus Klimakomponente, plus heating amounts.

    § 11 Abs. 1 WoGG (cap and Gesamtbetrag zur Entlastung bei den Heizkosten), § 12 Abs. 1,
    6 and 7 WoGG; § 11 Abs. 3 WoGG (share per head in a Mischhaushalt); § 9 Abs. 3 WoGG
    (Heimbewohner: the Höchstbetrag plus Klimakomponente is the Miete); § 19 Abs. 3 WoGG
    (more than twelve members: the values for twelve).

    Auslegung: with more than twelve zu berücksichtigende members, Höchstbetrag, Klimakomponente
    and heating amounts are those for twelve, as the Wohngeld "für zwölf" is computed
    (Länderhinweise zu Nr. 19.31 WoGVwV); docs/rechtsauslegung.md.
    """
    if beruecksichtigt > 12 and gesamt != beruecksichtigt:
        raise InputError(
            f"mitglieder: {gesamt} members of whom {gesamt - beruecksichtigt} excluded and "
            f"{beruecksichtigt} counted; a Mischhaushalt (§ 11 Abs. 3 WoGG) with more than twelve "
            "counted members (§ 19 Abs. 3 WoGG) is not supported"
        )
    groesse = 12 if beruecksichtigt > 12 else gesamt
    h = hoechstbetrag(mitglieder=groesse, mietenstufe=mietenstufe, rs=rs)
    klima = rs.klimakomponente.fuer(groesse)
    hk = rs.heizkosten
    if hk.anwendbar:
        assert hk.entlastung is not None and hk.komponente is not None
        entlastung = hk.entlastung.fuer(groesse)
        komponente = hk.komponente.fuer(groesse)
    else:
        entlastung = komponente = Decimal(0)
    heiz = entlastung + komponente

    misch = beruecksichtigt < gesamt
    anteil_text = f"{beruecksichtigt}/{gesamt}"

    if art == "Heim":
        miete = h + klima
        if rec is not None:
            rec.add(
                "miete",
                "Miete eines Heimbewohners: Höchstbetrag zuzüglich Klimakomponente",
                miete,
                "EUR/Monat",
                "§ 9 Abs. 3 WoGG",
                hoechstbetrag=h,
                klimakomponente=klima,
            )
    else:
        assert betrag is not None
        miete = betrag
        if rec is not None:
            label, zitat = _LABEL[art]
            rec.add("miete", label, miete, "EUR/Monat", zitat)

    if rec is not None:
        rec.add(
            "hoechstbetrag",
            f"Höchstbetrag für {groesse} Haushaltsmitglied{'er' if groesse > 1 else ''}, "
            f"Mietenstufe {ROEMISCH[mietenstufe - 1]}",
            h,
            "EUR/Monat",
            rs.hoechstbetraege.rule,
        )
    grenze = h
    if rs.klimakomponente.anwendbar:
        grenze = h + klima
        if rec is not None:
            rec.add("klimakomponente", "Klimakomponente", klima, "EUR/Monat", rs.klimakomponente.rule)
            rec.add(
                "hoechstbetrag_mit_klima",
                "Höchstbetrag zuzüglich Klimakomponente",
                grenze,
                "EUR/Monat",
                "§ 11 Abs. 1 Nr. 1 WoGG",
            )
    if misch:
        anteil_miete = miete * beruecksichtigt / gesamt
        anteil_grenze = grenze * beruecksichtigt / gesamt
        anteil_heiz = heiz * beruecksichtigt / gesamt
        if rec is not None:
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
    else:
        anteil_miete, anteil_grenze, anteil_heiz = miete, grenze, heiz

    gedeckelt = min(anteil_miete, anteil_grenze)
    if rec is not None:
        rec.add(
            "miete_gedeckelt",
            f"zu berücksichtigende {_nom(art)} (höchstens bis zur Grenze)",
            gedeckelt,
            "EUR/Monat",
            "§ 11 Abs. 1 Nr. 1 WoGG" if rs.klimakomponente.anwendbar else "§ 11 Abs. 1, § 12 Abs. 1 WoGG",
        )
    M = gedeckelt
    if hk.anwendbar:
        M = gedeckelt + anteil_heiz
        if rec is not None:
            if komponente:
                rec.add(
                    "heizkosten_entlastung",
                    "Betrag zur Entlastung bei den Heizkosten",
                    entlastung,
                    "EUR/Monat",
                    hk.rule,
                )
                rec.add(
                    "heizkostenkomponente",
                    "dauerhafte Heizkostenkomponente",
                    komponente,
                    "EUR/Monat",
                    hk.rule,
                )
            rec.add(
                "heizkosten",
                "Gesamtbetrag zur Entlastung bei den Heizkosten"
                if komponente
                else "Betrag zur Entlastung bei den Heizkosten",
                heiz,
                "EUR/Monat",
                f"{hk.rule}, § 11 Abs. 1 Nr. 2 WoGG" if komponente else hk.rule,
            )
            if misch:
                rec.add(
                    "heizkosten_anteil",
                    f"Anteil an den Heizkostenbeträgen ({anteil_text})",
                    anteil_heiz,
                    "EUR/Monat",
                    "§ 11 Abs. 3 WoGG",
                )
    if rec is not None:
        rec.add(
            "M",
            "zu berücksichtigende Miete oder Belastung (M)",
            M,
            "EUR/Monat",
            "§ 11 Abs. 1 WoGG",
        )
    return Miete(M=M, hoechstbetrag=h, klimakomponente=klima, heizkosten=heiz, groesse=groesse)


def _nom(art: str) -> str:
    return "Belastung" if art == "Belastung" else "Miete"
