"""Typed reasons of the § 7 WoGG exclusion and of § 20 WoGG (input vocabulary).

Plain strings stay accepted for ``Haushaltsmitglied.ausgeschlossen`` (backward compatible): a
string naming a known benefit becomes its :class:`Ausschlussgrund`, any other non-empty string is
kept as given. The effect is the same for every reason: the member is excluded (§ 7 WoGG).
"""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

from pydantic import BeforeValidator

__all__ = ["Ausbildungsfoerderung", "Ausschluss", "Ausschlussgrund", "ausschlussgrund"]


class Ausschlussgrund(StrEnum):
    """The benefits of § 7 Abs. 1 Satz 1 Nr. 1–9 WoGG and the Abs. 2 Bedarfsgemeinschaft."""

    SGB_II = "Grundsicherungsgeld/Bürgergeld nach dem SGB II (§ 7 Abs. 1 Satz 1 Nr. 1 WoGG)"
    SGB_II_AZUBI = "Zuschuss für Auszubildende nach § 27 Abs. 3 SGB II (§ 7 Abs. 1 Satz 1 Nr. 2 WoGG)"
    VERLETZTENGELD = "Verletztengeld in Höhe des Grundsicherungsgeldes (§ 7 Abs. 1 Satz 1 Nr. 4 WoGG)"
    GRUNDSICHERUNG_SGB_XII = (
        "Grundsicherung im Alter und bei Erwerbsminderung nach dem SGB XII (§ 7 Abs. 1 Satz 1 Nr. 5 WoGG)"
    )
    HLU_SGB_XII = "Hilfe zum Lebensunterhalt nach dem SGB XII (§ 7 Abs. 1 Satz 1 Nr. 6 WoGG)"
    SGB_XIV = "Leistungen zum Lebensunterhalt nach dem SGB XIV (§ 7 Abs. 1 Satz 1 Nr. 7 WoGG)"
    ASYLBLG = "Leistungen nach dem AsylbLG (§ 7 Abs. 1 Satz 1 Nr. 8 WoGG)"
    SGB_VIII = "Leistungen nach dem SGB VIII (§ 7 Abs. 1 Satz 1 Nr. 9 WoGG)"
    BEDARFSGEMEINSCHAFT = (
        "Einkommen und Vermögen bei der Leistung eines anderen Haushaltsmitglieds berücksichtigt "
        "(§ 7 Abs. 2 WoGG)"
    )


_ALIASES = {
    "sgb ii": Ausschlussgrund.SGB_II,
    "sgb 2": Ausschlussgrund.SGB_II,
    "bürgergeld": Ausschlussgrund.SGB_II,
    "buergergeld": Ausschlussgrund.SGB_II,
    "grundsicherungsgeld": Ausschlussgrund.SGB_II,
    "alg ii": Ausschlussgrund.SGB_II,
    "arbeitslosengeld ii": Ausschlussgrund.SGB_II,
    "sgb xii": Ausschlussgrund.GRUNDSICHERUNG_SGB_XII,
    "grundsicherung": Ausschlussgrund.GRUNDSICHERUNG_SGB_XII,
    "hilfe zum lebensunterhalt": Ausschlussgrund.HLU_SGB_XII,
    "hlu": Ausschlussgrund.HLU_SGB_XII,
    "sgb xiv": Ausschlussgrund.SGB_XIV,
    "asylblg": Ausschlussgrund.ASYLBLG,
    "sgb viii": Ausschlussgrund.SGB_VIII,
    "bedarfsgemeinschaft": Ausschlussgrund.BEDARFSGEMEINSCHAFT,
}


def ausschlussgrund(value: object) -> object:
    """Map a known name (enum name, value or a short alias) to :class:`Ausschlussgrund`.

    § 7 WoGG. Other strings are returned stripped; empty strings are refused.

    >>> ausschlussgrund("SGB II") is Ausschlussgrund.SGB_II
    True
    >>> ausschlussgrund("Empfänger von Leistungen nach dem SGB II (§ 7 Abs. 1 WoGG)")
    'Empfänger von Leistungen nach dem SGB II (§ 7 Abs. 1 WoGG)'
    """
    if isinstance(value, Ausschlussgrund) or not isinstance(value, str):
        return value
    text = value.strip()
    if not text:
        raise ValueError("ausgeschlossen: empty reason; name the § 7 WoGG benefit or leave it out")
    if text in Ausschlussgrund.__members__:
        return Ausschlussgrund[text]
    for grund in Ausschlussgrund:
        if text == grund.value:
            return grund
    return _ALIASES.get(text.lower(), text)


Ausschluss = Annotated[Ausschlussgrund | str, BeforeValidator(ausschlussgrund)]
"""The reason a member is excluded under § 7 WoGG: typed, or free text (kept as given)."""


class Ausbildungsfoerderung(StrEnum):
    """Benefits of § 20 Abs. 2 Satz 1 WoGG a member is entitled to dem Grunde nach.

    ``BAföG`` (Nr. 1), ``BAB`` for §§ 56, 116 Abs. 3, 4, § 122 SGB III (Nr. 2), ``MobiPro-EU`` (Nr. 3).
    """

    BAFOEG = "BAföG"
    BAB = "BAB"
    MOBIPRO = "MobiPro-EU"
