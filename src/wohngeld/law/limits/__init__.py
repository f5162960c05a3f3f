"""No claim, no payment, implausible income: §§ 20, 21 WoGG and WoGVwV Nr. 15 — the stage and its table.

``ausschluss`` (§ 20 Abs. 2, § 21 Nr. 1–3 WoGG), ``plausibilitaet`` (WoGVwV Teil A Nr. 15.01 ff.),
``tabellen`` (the Vermögensgrenze of WoGVwV Nr. 21.37, table ``vermoegen``).
"""

from __future__ import annotations

from .ausschluss import KeinAnspruch, alle_ausgeschlossen, ausbildungsfoerderung, bagatellgrenze, vermoegen
from .plausibilitaet import (
    MINDESTBEDARF_ANTEIL,
    MINDESTBEDARF_QUELLE,
    MINDESTEINKOMMEN_ZITAT,
    mindestbedarf,
    mindesteinkommen,
)
from .tabellen import Vermoegensgrenze

__all__ = [
    "MINDESTBEDARF_ANTEIL",
    "MINDESTBEDARF_QUELLE",
    "MINDESTEINKOMMEN_ZITAT",
    "KeinAnspruch",
    "Vermoegensgrenze",
    "alle_ausgeschlossen",
    "ausbildungsfoerderung",
    "bagatellgrenze",
    "mindestbedarf",
    "mindesteinkommen",
    "vermoegen",
]
