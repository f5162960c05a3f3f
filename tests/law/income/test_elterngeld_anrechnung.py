"""Elterngeld with Einnahmen credited on it: one allowance of insgesamt 300 € (§ 10 Abs. 1, 3 BEEG).

§ 14 Abs. 2 Nr. 6 WoGG i. V. m. § 10 Abs. 1 BEEG: "Das Elterngeld … sowie die nach § 3 … angerechneten
Einnahmen … bleiben … bis zu einer Höhe von insgesamt 300 Euro im Monat als Einkommen unberücksichtigt";
Abs. 3: for ElterngeldPlus, half of the allowance that remains after the other Einnahmen. One member,
no § 16 criterion (0 %), 2025-07-01; Mutterschaftsgeld (§ 14 Abs. 2 Nr. 6 WoGG) counts in full as
its own Einnahme, the shared allowance is taken off on the Elterngeld line.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from wohngeld import Haushalt, calculate

ON = date(2025, 7, 1)


def _y(art: str, elterngeld: str, mutterschaftsgeld: str, *, angerechnet: bool = True) -> Decimal:
    eg: dict[str, str] = {"art": art, "brutto_monat": elterngeld}
    if angerechnet:
        eg["angerechnet_monat"] = mutterschaftsgeld
    h = Haushalt.model_validate({"miete_monat": "500", "mietenstufe": 3, "mitglieder": [{"einnahmen": [
        eg, {"art": "Mutterschaftsgeld", "brutto_monat": mutterschaftsgeld}]}]})
    return calculate(h, on=ON).Y_berechnet


def test_credited_mutterschaftsgeld_shares_the_300() -> None:
    """Elterngeld 200 €, Mutterschaftsgeld 400 € credited: together 600 €, of which 300 € free → Y = 300.
    Counted separately (the old reading) Mutterschaftsgeld 400 + max(200 − 300, 0) = 400."""
    assert _y("Elterngeld", "200", "400") == Decimal(300)
    assert _y("Elterngeld", "200", "400", angerechnet=False) == Decimal(400)


def test_small_credit_leaves_the_rest_for_the_elterngeld() -> None:
    """Elterngeld 500 €, 100 € credited: 600 − 300 = 300 € (the same as 500 − 300 + 100)."""
    assert _y("Elterngeld", "500", "100") == Decimal(300)


def test_elterngeld_plus_half_of_what_remains() -> None:
    """§ 10 Abs. 3 BEEG: ElterngeldPlus 200 €, 100 € credited: the credited 100 € are free; half of the
    remaining 200 € = 100 € of the ElterngeldPlus is free: Y = (200 − 100) + (100 − 100) = 100."""
    assert _y("ElterngeldPlus", "200", "100") == Decimal(100)


def test_angerechnet_only_for_elterngeld() -> None:
    with pytest.raises(ValueError, match="angerechnet_monat"):
        Haushalt.model_validate({"miete_monat": "500", "mietenstufe": 3, "mitglieder": [{"einnahmen": [
            {"art": "Mutterschaftsgeld", "brutto_monat": "100", "angerechnet_monat": "100"}]}]})
