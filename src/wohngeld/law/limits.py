"""No claim or no payment: §§ 20, 21 WoGG. Not being entitled is a result, never an error."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from ..input.haushalt import Haushaltsmitglied
from ..rechenweg import Rechenweg, format_euro_anzeige
from .rent.wogv import Vermoegensgrenze
from .tabelle import Rechtsstand

__all__ = [
    "MINDESTEINKOMMEN_ZITAT",
    "KeinAnspruch",
    "alle_ausgeschlossen",
    "ausbildungsfoerderung",
    "bagatellgrenze",
    "MINDESTBEDARF_ANTEIL",
    "mindestbedarf",
    "mindesteinkommen",
    "vermoegen",
]


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


def bagatellgrenze(*, betrag: Decimal, rs: Rechtsstand, rec: Rechenweg | None) -> KeinAnspruch | None:
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
        if rec is not None:
            rec.add(
                "bagatellgrenze", f"Kein Wohngeld: {grund}", Decimal(0), "EUR/Monat", zitat, grenze=grenze
            )
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
    rec: Rechenweg | None,
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
        if rec is not None:
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
    if rec is not None:
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


MINDESTEINKOMMEN_ZITAT = "WoGVwV Teil A Nr. 15.01 ff. (Plausibilität des Einkommens)"


MINDESTBEDARF_ANTEIL = Decimal("0.8")
"""Share of the Regelbedarfe in the default plausibility Bedarf (practice under WoGVwV Nr. 15.01 ff.)."""

MINDESTBEDARF_QUELLE = (
    "80 % der Regelbedarfe zuzüglich der Miete, Praxis nach WoGVwV Teil A Nr. 15.01 ff. (so VG München, "
    "Urteil vom 18.04.2019 – M 22 K 17.2772)"
)


def mindestbedarf(*, regelbedarf: Decimal, miete: Decimal) -> Decimal:
    """Default Bedarf of the plausibility check: 80 % of the Regelbedarfe plus the Miete.

    WoGVwV Teil A Nr. 15.01 ff. as the courts describe the Wohngeldstellen's practice (VG München,
    Urteil vom 18.04.2019 – M 22 K 17.2772: "80 % des Regelbedarfs …, Miete …"). Auslegung: the
    Regelbedarfe of the counted members (Anlage zu § 28 SGB XII of the date) and their share of the
    Miete after § 11 Abs. 2, 3 WoGG, before the cap; used only when no ``bedarf_monat`` is given.

    >>> mindestbedarf(regelbedarf=Decimal(563), miete=Decimal(500))
    Decimal('950.4')
    """
    return MINDESTBEDARF_ANTEIL * regelbedarf + miete


def mindesteinkommen(
    *, y: Decimal, betrag: Decimal, bedarf: Decimal | None, herkunft: str | None = None
) -> str | None:
    """Plausibility warning when income plus Wohngeld stays below the household's Bedarf.

    WoGVwV Teil A Nr. 15.01 ff.: the Wohngeldbehörde checks how a household lives whose income is
    below its Bedarf under SGB II/XII. A warning on the Result, never a decision.

    Auslegung: compared are Y (§ 13 Abs. 2 WoGG) plus the computed Wohngeld with the Bedarf the
    caller gives (``Haushalt.bedarf_monat``), with no percentage; without it, with
    :func:`mindestbedarf` (``herkunft`` names it) (docs/miete-und-haushalt.md).

    >>> mindesteinkommen(y=Decimal(500), betrag=Decimal(200), bedarf=Decimal(900)) is not None
    True
    """
    if bedarf is None or y + betrag >= bedarf:
        return None
    if herkunft is not None:
        return (
            f"Einkommen ({format_euro_anzeige(y)}) und Wohngeld ({format_euro_anzeige(betrag)}) liegen "
            f"zusammen unter {herkunft} ({format_euro_anzeige(bedarf)}, "
            f"{MINDESTBEDARF_QUELLE}): die Wohngeldbehörde prüft, wie der Lebensunterhalt bestritten wird "
            f"({MINDESTEINKOMMEN_ZITAT}); ggf. besteht Anspruch auf Leistungen nach SGB II/XII (§ 7 WoGG). "
            "Mit bedarf_monat lässt sich ein anderer Bedarf angeben."
        )
    return (
        f"Einkommen ({y} €) und Wohngeld ({betrag} €) liegen zusammen unter dem angegebenen Bedarf "
        f"({bedarf} €): die Wohngeldbehörde prüft, wie der Lebensunterhalt bestritten wird "
        f"({MINDESTEINKOMMEN_ZITAT}); ggf. besteht Anspruch auf Leistungen nach SGB II/XII (§ 7 WoGG)."
    )
