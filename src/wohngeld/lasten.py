"""Belastung of an owner: the Wohngeld-Lastenberechnung (§ 10 WoGG, §§ 8–13 WoGV)."""

from __future__ import annotations

from decimal import Decimal

from .errors import InputError
from .explain import Rechenweg
from .model import Belastung
from .parameters import Rechtsstand
from .wogv import Bewirtschaftung

__all__ = ["belastung_monat"]

_ZWOELF = Decimal(12)


def belastung_monat(w: Belastung, *, grenze: Decimal, rs: Rechtsstand, rec: Rechenweg | None) -> Decimal:
    """Monthly Belastung: given, or Kapitaldienst plus Bewirtschaftung divided by twelve.

    § 10 WoGG, § 12 Abs. 1, § 13 Abs. 2 WoGV; § 10 Abs. 2 Satz 2 WoGG (no full Lastenberechnung
    when Zinsen and Tilgung alone reach ``grenze``, the Höchstbetrag plus Klimakomponente).

    Auslegung: the yearly amounts are divided by twelve without rounding (the WoGV prescribes
    none); docs/miete-und-haushalt.md.
    """
    if w.belastung_monat is not None:
        return w.belastung_monat
    zins_tilgung = sum((d.zinsen_jahr + d.tilgung_jahr for d in w.darlehen), Decimal(0))
    kapitaldienst = zins_tilgung + sum((d.buergschaft_jahr for d in w.darlehen), Decimal(0))
    kapitaldienst += w.sonstige_leistungen_jahr
    if rec is not None:
        for i, d in enumerate(w.darlehen, 1):
            rec.add(
                "kapitaldienst_darlehen",
                f"Kapitaldienst {d.name or f'Darlehen {i}'} (Zinsen, Tilgung, Bürgschaftskosten)",
                d.zinsen_jahr + d.tilgung_jahr + d.buergschaft_jahr,
                "EUR/Jahr",
                "§ 12 Abs. 1 Satz 1 Nr. 1–3 WoGV",
                zinsen=d.zinsen_jahr,
                tilgung=d.tilgung_jahr,
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
    if w.wohnflaeche_m2 is None:
        if zins_tilgung / _ZWOELF >= grenze:
            belastung = kapitaldienst / _ZWOELF
            if rec is not None:
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
            f"Belastung: wohnflaeche_m2 missing; the Instandhaltungs- und Betriebskosten of the "
            f"Wohngeld-Lastenberechnung are a flat amount per m² Wohnfläche (§ 13 Abs. 2 WoGV), and "
            f"Zinsen plus Tilgung ({zins_tilgung / _ZWOELF:.2f} EUR/Monat) do not reach the Höchstbetrag "
            f"plus Klimakomponente ({grenze} EUR/Monat) that would make it unnecessary "
            "(§ 10 Abs. 2 Satz 2 WoGG); give wohnflaeche_m2 or belastung_monat"
        )
    table = rs.table(Bewirtschaftung)
    instandhaltung = table.instandhaltung_je_m2_jahr * w.wohnflaeche_m2
    bewirtschaftung = instandhaltung + w.grundsteuer_jahr + w.verwaltungskosten_jahr
    belastung = (kapitaldienst + bewirtschaftung) / _ZWOELF
    if rec is not None:
        rec.add(
            "instandhaltung",
            "Instandhaltungs- und Betriebskosten: "
            f"{table.instandhaltung_je_m2_jahr} € × {w.wohnflaeche_m2} m²",
            instandhaltung,
            "EUR/Jahr",
            f"§ 13 Abs. 2 Satz 1 WoGV ({table.source})",
        )
        if w.grundsteuer_jahr:
            rec.add("grundsteuer", "Grundsteuer", w.grundsteuer_jahr, "EUR/Jahr", "§ 13 Abs. 2 Satz 1 WoGV")
        if w.verwaltungskosten_jahr:
            rec.add(
                "verwaltungskosten",
                "Verwaltungskosten (an Dritte)",
                w.verwaltungskosten_jahr,
                "EUR/Jahr",
                "§ 13 Abs. 2 Satz 2 WoGV",
            )
        rec.add(
            "bewirtschaftung", "Belastung aus der Bewirtschaftung", bewirtschaftung, "EUR/Jahr", "§ 13 WoGV"
        )
        rec.add(
            "belastung",
            "Belastung (Kapitaldienst und Bewirtschaftung) je Monat",
            belastung,
            "EUR/Monat",
            "§ 10 Abs. 1 WoGG, § 1 Abs. 2 WoGV",
        )
    return belastung
