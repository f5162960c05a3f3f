"""Typed reasons of the § 7 WoGG exclusion and of § 20 WoGG (input vocabulary).

Plain strings stay accepted for ``Haushaltsmitglied.ausgeschlossen`` (backward compatible): a
string naming a known benefit becomes its :class:`Ausschlussgrund`, any other non-empty string is
kept as given and excludes as stated, with a notice on the Result (:func:`freitext_hinweis`).
Words meaning "not excluded" and benefits that are no § 7 benefit (Hilfe zur Pflege, SGB XII
7. Kapitel; Eingliederungshilfe) are refused. "SGB XII" alone means Grundsicherung im Alter und bei
Erwerbsminderung (SGB XII, 4. Kapitel, § 7 Abs. 1 Satz 1 Nr. 5 WoGG); Hilfe zum Lebensunterhalt is
the 3. Kapitel (Nr. 6).
"""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

from pydantic import BeforeValidator

__all__ = [
    "NICHT_AUSSCHLIESSEND",
    "Ausbildungsfoerderung",
    "Ausschluss",
    "Ausschlussgrund",
    "ausschlussgrund",
    "freitext_hinweis",
]


class Ausschlussgrund(StrEnum):
    """The benefits of § 7 Abs. 1 Satz 1 Nr. 1–9 WoGG and the Abs. 2 Bedarfsgemeinschaft."""

    SGB_II = "Grundsicherungsgeld/Bürgergeld nach dem SGB II (§ 7 Abs. 1 Satz 1 Nr. 1 WoGG)"
    SGB_II_AZUBI = "Zuschuss für Auszubildende nach § 27 Abs. 3 SGB II (§ 7 Abs. 1 Satz 1 Nr. 2 WoGG)"
    VERLETZTENGELD = "Verletztengeld in Höhe des Grundsicherungsgeldes (§ 7 Abs. 1 Satz 1 Nr. 4 WoGG)"
    GRUNDSICHERUNG_SGB_XII = (
        "Grundsicherung im Alter und bei Erwerbsminderung nach dem SGB XII, 4. Kapitel "
        "(§ 7 Abs. 1 Satz 1 Nr. 5 WoGG)"
    )
    HLU_SGB_XII = "Hilfe zum Lebensunterhalt nach dem SGB XII, 3. Kapitel (§ 7 Abs. 1 Satz 1 Nr. 6 WoGG)"
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
    "grundsicherung im alter und bei erwerbsminderung": Ausschlussgrund.GRUNDSICHERUNG_SGB_XII,
    "sgb xii 4. kapitel": Ausschlussgrund.GRUNDSICHERUNG_SGB_XII,
    "sgb xii kapitel 4": Ausschlussgrund.GRUNDSICHERUNG_SGB_XII,
    "hilfe zum lebensunterhalt": Ausschlussgrund.HLU_SGB_XII,
    "hlu": Ausschlussgrund.HLU_SGB_XII,
    "sgb xii 3. kapitel": Ausschlussgrund.HLU_SGB_XII,
    "sgb xii kapitel 3": Ausschlussgrund.HLU_SGB_XII,
    # values of earlier versions (without the Kapitel)
    "grundsicherung im alter und bei erwerbsminderung nach dem sgb xii (§ 7 abs. 1 satz 1 nr. 5 wogg)": (
        Ausschlussgrund.GRUNDSICHERUNG_SGB_XII
    ),
    "hilfe zum lebensunterhalt nach dem sgb xii (§ 7 abs. 1 satz 1 nr. 6 wogg)": Ausschlussgrund.HLU_SGB_XII,
    "sgb xiv": Ausschlussgrund.SGB_XIV,
    "verletztengeld": Ausschlussgrund.VERLETZTENGELD,
    "asylbewerberleistungen": Ausschlussgrund.ASYLBLG,
    "asylblg": Ausschlussgrund.ASYLBLG,
    "sgb viii": Ausschlussgrund.SGB_VIII,
    "bedarfsgemeinschaft": Ausschlussgrund.BEDARFSGEMEINSCHAFT,
}


_VERNEINT = frozenset(
    {"nein", "false", "falsch", "0", "keine", "kein", "keiner", "no", "none", "null", "n", "-", "—", "off"}
)
"""Words meaning "not excluded": refused, as they would otherwise exclude the member."""

NICHT_AUSSCHLIESSEND = (
    ("hilfe zur pflege", "Hilfe zur Pflege (SGB XII, 7. Kapitel)"),
    ("7. kapitel", "Hilfe zur Pflege (SGB XII, 7. Kapitel)"),
    ("kapitel 7", "Hilfe zur Pflege (SGB XII, 7. Kapitel)"),
    ("eingliederungshilfe", "Eingliederungshilfe (SGB IX, Teil 2)"),
)
"""Benefits that are no § 7 Abs. 1 WoGG benefit (text fragment, name): refused in ``ausgeschlossen``."""


def ausschlussgrund(value: object) -> object:
    """Map a known name (enum name, value or a short alias) to :class:`Ausschlussgrund`.

    § 7 WoGG. Other strings are returned stripped; empty strings, words meaning "not excluded"
    (``"nein"``, ``"false"``, ``"0"``, ``"keine"``, …) and benefits that do not exclude (Hilfe zur
    Pflege, SGB XII 7. Kapitel; Eingliederungshilfe) are refused.

    >>> ausschlussgrund("SGB II") is Ausschlussgrund.SGB_II
    True
    >>> ausschlussgrund("Empfänger von Leistungen nach dem SGB II (§ 7 Abs. 1 WoGG)")
    'Empfänger von Leistungen nach dem SGB II (§ 7 Abs. 1 WoGG)'
    """
    if isinstance(value, Ausschlussgrund) or not isinstance(value, str):
        return value
    text = value.strip()
    if not text:
        raise ValueError("ausgeschlossen: leerer Text angegeben; die Leistung nach § 7 WoGG nennen oder "
            "das Feld weglassen")
    klein = text.lower()
    if klein in _VERNEINT:
        raise ValueError(
            f"ausgeschlossen = {text!r}: das Feld nennt die Leistung nach § 7 Abs. 1 WoGG, die das Mitglied "
            "ausschließt; jeder Text schließt aus. Ein nicht ausgeschlossenes Mitglied ohne das Feld "
            "angeben (Feld weglassen)"
        )
    for teil, name in NICHT_AUSSCHLIESSEND:
        if teil in klein:
            raise ValueError(
                f"ausgeschlossen = {text!r}: {name} ist keine Leistung nach § 7 Abs. 1 WoGG und schließt "
                "nicht vom Wohngeld aus (ausschließend sind im SGB XII nur die Grundsicherung im Alter "
                "und bei Erwerbsminderung, 4. Kapitel, Nr. 5, und die Hilfe zum Lebensunterhalt, "
                "3. Kapitel, Nr. 6); Feld weglassen"
            )
    if text in Ausschlussgrund.__members__:
        return Ausschlussgrund[text]
    for grund in Ausschlussgrund:
        if text == grund.value:
            return grund
    return _ALIASES.get(text.lower(), text)


def freitext_hinweis(value: object) -> str | None:
    """Notice for a reason given as free text: it excludes as stated, but is no typed § 7 reason.

    § 7 Abs. 1 Satz 1 Nr. 1–9, Abs. 2 WoGG; None for a typed reason or no reason.
    """
    if value is None or isinstance(value, Ausschlussgrund):
        return None
    typen = "; ".join(g.value for g in Ausschlussgrund)
    return (
        f"Ausschlussgrund als freier Text angegeben ({value!s}); das Mitglied ist als ausgeschlossen "
        f"behandelt. Bitte prüfen, ob eine Leistung nach § 7 WoGG vorliegt, und einen der Gründe "
        f"angeben: {typen}. Hilfe zur Pflege (SGB XII, 7. Kapitel) schließt nicht aus."
    )


Ausschluss = Annotated[Ausschlussgrund | str, BeforeValidator(ausschlussgrund)]
"""The reason a member is excluded under § 7 WoGG: typed, or free text (kept as given)."""


class Ausbildungsfoerderung(StrEnum):
    """Benefits of § 20 Abs. 2 Satz 1 WoGG a member is entitled to dem Grunde nach.

    ``BAföG`` (Nr. 1), ``BAB`` for §§ 56, 116 Abs. 3, 4, § 122 SGB III (Nr. 2), ``MobiPro-EU`` (Nr. 3).
    """

    BAFOEG = "BAföG"
    BAB = "BAB"
    MOBIPRO = "MobiPro-EU"
