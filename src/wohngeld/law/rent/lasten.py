"""Belastung of an owner: the Wohngeld-Lastenberechnung (§ 10 WoGG, §§ 8–13 WoGV)."""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

from ...errors import InputError
from ...input.haushalt import Belastung, Darlehen
from ...money import NULL as _NULL
from ...rechenweg import Rechenweg, format_euro, format_euro_anzeige
from .wogv import Bewirtschaftung

if TYPE_CHECKING:
    from ..rechtsstand import Rechtsstand

__all__ = ["belastung_monat", "tilgung_jahr"]

_ZWOELF = Decimal(12)
_ZWEI_PROZENT = Decimal("0.02")


def belastung_monat(w: Belastung, *, grenze: Decimal, rs: Rechtsstand, rec: Rechenweg) -> Decimal:
    """Monthly Belastung: given, or Kapitaldienst plus Bewirtschaftung divided by twelve.

    § 10 WoGG, § 12 Abs. 1 WoGV (:func:`_kapitaldienst`), § 13 Abs. 2 WoGV (:func:`_bewirtschaftung`);
    § 10 Abs. 2 Satz 2 WoGG (no full Lastenberechnung when Zinsen and Tilgung alone reach ``grenze``,
    the Höchstbetrag plus Klimakomponente: :func:`_ohne_lastenberechnung`); § 11 Abs. 2 Nr. 1 WoGG,
    § 15 Abs. 1 WoGV (business rooms left out: :func:`_geschaeftsraeume`).

    Auslegung: the yearly amounts are divided by twelve without rounding (the WoGV prescribes
    none); the share of business rooms (§ 15 Abs. 1 WoGV) follows their Nutzfläche against
    Wohnfläche plus Nutzfläche, the areas § 13 Abs. 2 Satz 1 WoGV prices alike;
    docs/miete-und-haushalt.md.
    """
    if w.belastung_monat is not None:
        return w.belastung_monat
    zins_tilgung, kapitaldienst = _kapitaldienst(w, rec)
    if w.wohnflaeche_m2 is None:
        return _ohne_lastenberechnung(zins_tilgung, kapitaldienst, grenze=grenze, rec=rec)
    flaeche = w.wohnflaeche_m2 + (w.geschaeftsraum_m2 or _NULL)
    bewirtschaftung = _bewirtschaftung(w, flaeche, rs=rs, rec=rec)
    belastung = (kapitaldienst + bewirtschaftung) / _ZWOELF
    rec.add(
        "belastung",
        "Belastung (Kapitaldienst und Bewirtschaftung) je Monat",
        belastung,
        "EUR/Monat",
        "§ 10 Abs. 1 WoGG, § 1 Abs. 2 WoGV",
    )
    if w.geschaeftsraum_m2 is not None:
        return _geschaeftsraeume(belastung, w.geschaeftsraum_m2, flaeche, rec=rec)
    return belastung


def _kapitaldienst(w: Belastung, rec: Rechenweg) -> tuple[Decimal, Decimal]:
    """Zinsen plus Tilgung, and the whole Kapitaldienst, per year.

    § 12 Abs. 1 Satz 1 Nr. 1–3 WoGV (Zinsen, Tilgung, Bürgschaftskosten of each loan), Nr. 4
    (Erbbauzinsen, Renten, sonstige wiederkehrende Leistungen).
    """
    tilgungen = [tilgung_jahr(d, i, rec) for i, d in enumerate(w.darlehen, 1)]
    zins_tilgung = sum((d.zinsen_jahr + t for d, t in zip(w.darlehen, tilgungen, strict=True)), Decimal(0))
    kapitaldienst = zins_tilgung + sum((d.buergschaft_jahr for d in w.darlehen), Decimal(0))
    kapitaldienst += w.sonstige_leistungen_jahr
    for i, (d, t) in enumerate(zip(w.darlehen, tilgungen, strict=True), 1):
        rec.add(
            "kapitaldienst_darlehen",
            f"Kapitaldienst {d.name or f'Darlehen {i}'} (Zinsen, Tilgung, Bürgschaftskosten)",
            d.zinsen_jahr + t + d.buergschaft_jahr,
            "EUR/Jahr",
            "§ 12 Abs. 1 Satz 1 Nr. 1–3 WoGV",
            zinsen=d.zinsen_jahr,
            tilgung=t,
            buergschaft=d.buergschaft_jahr,
        )
    if w.sonstige_leistungen_jahr:
        rec.add(
            "kapitaldienst_sonstige",
            "Erbbauzinsen, Renten und sonstige wiederkehrende Leistungen",
            w.sonstige_leistungen_jahr,
            "EUR/Jahr",
            "§ 12 Abs. 1 Satz 1 Nr. 4 WoGV",
        )
    rec.add("kapitaldienst", "Belastung aus dem Kapitaldienst", kapitaldienst, "EUR/Jahr", "§ 12 WoGV")
    return zins_tilgung, kapitaldienst


def _ohne_lastenberechnung(
    zins_tilgung: Decimal, kapitaldienst: Decimal, *, grenze: Decimal, rec: Rechenweg
) -> Decimal:
    """Without Wohnfläche: the Kapitaldienst alone, where Zinsen and Tilgung reach the Höchstbetrag
    plus Klimakomponente; otherwise the Wohnfläche is needed (error).

    § 10 Abs. 2 Satz 2 WoGG; § 13 Abs. 2 WoGV (the Bewirtschaftung is priced per m²).
    """
    if zins_tilgung / _ZWOELF >= grenze:
        belastung = kapitaldienst / _ZWOELF
        rec.add(
            "belastung",
            "Belastung ohne vollständige Lastenberechnung: Zinsen und Tilgung erreichen "
            "Höchstbetrag und Klimakomponente",
            belastung,
            "EUR/Monat",
            "§ 10 Abs. 2 Satz 2 WoGG",
            grenze=grenze,
        )
        return belastung
    raise InputError(
        f"Belastung: wohnflaeche_m2 fehlt; die Instandhaltungs- und Betriebskosten der "
        f"Wohngeld-Lastenberechnung sind ein Pauschbetrag je m² Wohnfläche (§ 13 Abs. 2 WoGV), und "
        f"Zinsen und Tilgung ({format_euro_anzeige(zins_tilgung / _ZWOELF)} im Monat) erreichen nicht "
        f"den Höchstbetrag zuzüglich Klimakomponente ({format_euro(grenze)} im Monat), der sie "
        f"entbehrlich "
        "machte (§ 10 Abs. 2 Satz 2 WoGG); wohnflaeche_m2 oder belastung_monat angeben"
    )


def _bewirtschaftung(w: Belastung, flaeche: Decimal, *, rs: Rechtsstand, rec: Rechenweg) -> Decimal:
    """Instandhaltungs- und Betriebskosten (a flat amount per m² of Wohn- and Nutzfläche), Grundsteuer
    and Verwaltungskosten paid to third parties, per year.

    § 13 Abs. 2 Satz 1, 2 WoGV (table ``wogv_bewirtschaftung``).
    """
    table = rs.table(Bewirtschaftung)
    instandhaltung = table.instandhaltung_je_m2_jahr * flaeche
    bewirtschaftung = instandhaltung + w.grundsteuer_jahr + w.verwaltungskosten_jahr
    flaechen = (
        f"({w.wohnflaeche_m2} m² Wohnfläche + {w.geschaeftsraum_m2} m² Geschäftsräume)"
        if w.geschaeftsraum_m2 is not None
        else f"{w.wohnflaeche_m2} m²"
    )
    rec.add(
        "instandhaltung",
        f"Instandhaltungs- und Betriebskosten: {table.instandhaltung_je_m2_jahr} € × {flaechen}",
        instandhaltung,
        "EUR/Jahr",
        f"§ 13 Abs. 2 Satz 1 WoGV ({table.source})",
    )
    if w.grundsteuer_jahr:
        rec.add("grundsteuer", "Grundsteuer", w.grundsteuer_jahr, "EUR/Jahr", "§ 13 Abs. 2 Satz 1 WoGV")
    if w.verwaltungskosten_jahr:
        label = "Verwaltungskosten (an Dritte)"
        rec.add("verwaltungskosten", label, w.verwaltungskosten_jahr, "EUR/Jahr", "§ 13 Abs. 2 Satz 2 WoGV")
    rec.add("bewirtschaftung", "Belastung aus der Bewirtschaftung", bewirtschaftung, "EUR/Jahr", "§ 13 WoGV")
    return bewirtschaftung


def _geschaeftsraeume(
    belastung: Decimal, geschaeftsraum: Decimal, flaeche: Decimal, *, rec: Rechenweg
) -> Decimal:
    """The Belastung of the self-used Wohnraum: the share of rooms used only for business or a
    profession is left out, by their area against the whole area.

    § 11 Abs. 2 Nr. 1 WoGG, § 15 Abs. 1 WoGV; § 10 WoGG, § 9 Abs. 1 WoGV.
    """
    anteil = belastung * geschaeftsraum / flaeche
    belastung -= anteil
    rec.add(
        "geschaeftsraeume",
        f"abzüglich Anteil der ausschließlich gewerblich oder beruflich genutzten Räume "
        f"({geschaeftsraum} von {flaeche} m²)",
        anteil,
        "EUR/Monat",
        "§ 11 Abs. 2 Nr. 1 WoGG, § 15 Abs. 1 WoGV",
    )
    rec.add(
        "belastung_wohnraum",
        "Belastung für den selbst genutzten Wohnraum",
        belastung,
        "EUR/Monat",
        "§ 10 WoGG, § 9 Abs. 1 WoGV",
    )
    return belastung


def tilgung_jahr(d: Darlehen, i: int, rec: Rechenweg) -> Decimal:
    """Yearly Tilgung of one loan: as paid, or 2 % of the loan for a Tilgungsersatz.

    § 12 Abs. 1 Satz 1 Nr. 2 WoGV; § 12 Abs. 1 Satz 2 WoGV (Prämien für Personenversicherungen
    zur Rückzahlung von Festgeldhypotheken, zweckgebundene Bausparbeiträge: 2 % of the loan);
    § 12 Abs. 2 Satz 2 WoGV (a lower actual payment is used).

    Auslegung: § 12 Abs. 2 covers the Tilgung of Abs. 1 Nr. 2, and Satz 2 makes the premiums
    Tilgungen; so a ``tilgungsersatz_jahr`` below 2 % is used instead (docs/miete-und-haushalt.md).

    >>> from wohngeld.rechenweg import KEIN_RECHENWEG
    >>> d = Darlehen(zinsen_jahr=0, nennbetrag=50000, tilgungsersatz="Bausparvertrag")
    >>> tilgung_jahr(d, 1, KEIN_RECHENWEG)
    Decimal('1000.00')
    """
    if d.tilgungsersatz is None:
        return d.tilgung_jahr
    assert d.nennbetrag is not None
    zwei_prozent = d.nennbetrag * _ZWEI_PROZENT
    gezahlt = d.tilgungsersatz_jahr
    tilgung = gezahlt if gezahlt is not None and gezahlt < zwei_prozent else zwei_prozent
    rec.add(
        "tilgungsersatz",
        f"Tilgung {d.name or f'Darlehen {i}'} über {d.tilgungsersatz}: 2 % von "
        f"{format_euro(d.nennbetrag)}"
        + (f", höchstens die gezahlten {format_euro(gezahlt)}" if gezahlt is not None else ""),
        tilgung,
        "EUR/Jahr",
        "§ 12 Abs. 1 Satz 2 WoGV" + (", § 12 Abs. 2 Satz 2 WoGV" if tilgung is gezahlt else ""),
        nennbetrag=d.nennbetrag,
    )
    return tilgung
