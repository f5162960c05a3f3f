"""Plausibility of the income: a warning on the Result, never a decision (WoGVwV Teil A Nr. 15.01 ff.)."""

from __future__ import annotations

from decimal import Decimal

from ...rechenweg import format_euro_anzeige

__all__ = [
    "MINDESTBEDARF_ANTEIL",
    "MINDESTBEDARF_QUELLE",
    "MINDESTEINKOMMEN_ZITAT",
    "mindestbedarf",
    "mindesteinkommen",
]

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
