"""No claim or no payment: §§ 20, 21 WoGG. Not being entitled is a result, never an error."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING

from ...input.haushalt import Haushaltsmitglied
from ...money import NULL
from ...rechenweg import Rechenweg
from .tabellen import Vermoegensgrenze

if TYPE_CHECKING:
    from ..rechtsstand import Rechtsstand

__all__ = ["KeinAnspruch", "alle_ausgeschlossen", "ausbildungsfoerderung", "bagatellgrenze", "vermoegen"]


@dataclass(frozen=True, slots=True)
class KeinAnspruch:
    """Why the amount is 0, with the rule."""

    grund: str
    zitat: str


def alle_ausgeschlossen(*, beruecksichtigt: int) -> KeinAnspruch | None:
    """No claim if every member is excluded.

    § 21 Nr. 2 WoGG i. V. m. §§ 7, 8 Abs. 1 WoGG.
    """
    if beruecksichtigt == 0:
        return KeinAnspruch("Alle Haushaltsmitglieder sind vom Wohngeld ausgeschlossen.", "§ 21 Nr. 2 WoGG")
    return None


def bagatellgrenze(*, betrag: Decimal, rs: Rechtsstand, rec: Rechenweg) -> KeinAnspruch | None:
    """No claim if the monthly Wohngeld would be less than the Bagatellgrenze.

    § 21 Nr. 1 WoGG.
    """
    grenze = rs.bagatellgrenze.betrag
    if betrag < grenze:
        grund = (
            f"Das Wohngeld betrüge {betrag} € im Monat und damit weniger als {grenze} €."
            if betrag > 0
            else "Die Wohngeldformel ergibt keinen positiven Betrag."
        )
        zitat = rs.bagatellgrenze.rule if betrag > 0 else "§ 19 Abs. 1 WoGG"
        rec.add("bagatellgrenze", f"Kein Wohngeld: {grund}", NULL, "EUR/Monat", zitat, grenze=grenze)
        return KeinAnspruch(grund, zitat)
    return None


def ausbildungsfoerderung(*, mitglieder: tuple[Haushaltsmitglied, ...] | None) -> KeinAnspruch | None:
    """No claim if every Haushaltsmitglied is entitled to Ausbildungsförderung dem Grunde nach.

    § 20 Abs. 2 WoGG: BAföG, §§ 56, 116 Abs. 3, 4, § 122 SGB III, MobiPro-EU; also with no
    amount due (Satz 2); not if granted only as a loan (Satz 3).

    Auslegung: Satz 4 (Wohngeld already granted for a period in which the training starts is paid
    to the end of that Bewilligungszeitraum) needs the grant and its period, which a calculation
    for one Stichtag does not have: out of scope (docs/miete-und-haushalt.md).
    """
    if not mitglieder:
        return None
    if all(
        m.ausbildungsfoerderung is not None and not m.ausbildungsfoerderung_nur_darlehen for m in mitglieder
    ):
        arten = sorted({str(m.ausbildungsfoerderung) for m in mitglieder})
        return KeinAnspruch(
            "Allen Haushaltsmitgliedern steht Ausbildungsförderung dem Grunde nach zu: "
            + "; ".join(arten)
            + ".",
            "§ 20 Abs. 2 WoGG",
        )
    return None


def vermoegen(
    *,
    vermoegen_eur: Decimal | None,
    beruecksichtigt: int,
    rs: Rechtsstand,
    rec: Rechenweg,
    erheblich: bool | None = None,
) -> KeinAnspruch | None:
    """No claim where it would be abusive because of erhebliches Vermögen.

    § 21 Nr. 3 WoGG names no amount. WoGVwV Teil A Nr. 21.37 Abs. 1, a Verwaltungsvorschrift, treats
    Vermögen as erheblich "in der Regel" above 60 000 € plus 30 000 € for each further zu
    berücksichtigende member. ``erheblich`` is the Wohngeldbehörde's decision in the individual case
    and replaces that rule: ``True`` no claim, ``False`` no exclusion for Vermögen.

    Auslegung: the WoGVwV 2017 amounts are also used for dates before it took effect; Nr. 21.37 of
    the WoGVwV 2009 could not be read (data/parameters/vermoegen/2016-01-01.toml).
    """
    if erheblich is not None:
        rec.add(
            "vermoegen_einzelfall",
            "Vermögen nach Entscheidung der Wohngeldbehörde im Einzelfall "
            + ("erheblich" if erheblich else "nicht erheblich")
            + " (die Regelgrenze der Verwaltungsvorschrift ist nicht angewandt)",
            erheblich,
            "",
            "§ 21 Nr. 3 WoGG",
        )
        if erheblich and beruecksichtigt >= 1:
            return KeinAnspruch(
                "Erhebliches Vermögen nach Entscheidung der Wohngeldbehörde im Einzelfall: die "
                "Inanspruchnahme von Wohngeld wäre missbräuchlich.",
                "§ 21 Nr. 3 WoGG",
            )
        return None
    if vermoegen_eur is None or beruecksichtigt < 1:
        return None
    table = rs.table(Vermoegensgrenze)
    grenze = table.fuer(beruecksichtigt)
    rec.add(
        "vermoegensgrenze",
        f"Grenze für erhebliches Vermögen in der Regel ({beruecksichtigt} zu berücksichtigende "
        "Haushaltsmitglieder; Verwaltungsvorschrift, keine gesetzliche Grenze – die Wohngeldbehörde "
        "kann im Einzelfall anders entscheiden)",
        grenze,
        "EUR",
        table.rule,
        vermoegen=vermoegen_eur,
    )
    if vermoegen_eur > grenze:
        return KeinAnspruch(
            f"Erhebliches Vermögen: {vermoegen_eur} € übersteigt die Grenze von {grenze} € "
            "(in der Regel missbräuchliche Inanspruchnahme nach der Verwaltungsvorschrift; die "
            "Wohngeldbehörde entscheidet im Einzelfall).",
            table.rule,
        )
    return None
