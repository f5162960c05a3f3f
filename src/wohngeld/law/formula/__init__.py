"""The Wohngeld formula (§ 19 WoGG, Anlagen 2 and 3): the stage and its tables.

``formel`` (M, Y, z1–z4 and the amount), ``tabellen`` (Koeffizienten, Mindestwerte, Mehrbetrag ab
dem 13. Mitglied).
"""

from __future__ import annotations

from .formel import Formel, wohngeld_formel

__all__ = ["Formel", "wohngeld_formel"]
