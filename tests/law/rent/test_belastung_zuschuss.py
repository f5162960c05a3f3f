"""Owners: public subsidies lowering the Belastung (§ 11 Abs. 2 Nr. 4 WoGG).

§ 11 Abs. 2 Nr. 4 WoGG (T16–T26): "der Teil der Miete oder Belastung, der durch Leistungen aus
öffentlichen Haushalten oder Zweckvermögen … gedeckt wird" is left out. 2025, Mietenstufe II,
2 members: Höchstbetrag 493 € (Anlage 1 i. d. F. der 2. WoGFV), Klimakomponente 24,80 €,
Heizkosten 142,60 € (§ 12 Abs. 6, 7 WoGG).
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from wohngeld import Haushalt, calculate

ON = date(2025, 7, 1)


def _h(**belastung: str) -> Haushalt:
    return Haushalt.model_validate({"wohnkosten": {"art": "Belastung", **belastung}, "mietenstufe": 2,
                                    "anzahl_mitglieder": 2, "gesamteinkommen_monat": "1400"})


def test_subsidy_lowers_the_belastung_before_the_cap() -> None:
    """Belastung 600, Aufwendungszuschuss 100 → 500 < 493 + 24,80 = 517,80; M = 500 + 142,60 = 642,60.
    Without the subsidy: M = 517,80 + 142,60 = 660,40."""
    assert calculate(_h(belastung_monat="600", zuschuss_monat="100"), on=ON).M_berechnet == Decimal("642.60")
    assert calculate(_h(belastung_monat="600"), on=ON).M_berechnet == Decimal("660.40")


def test_subsidy_after_the_lastenberechnung() -> None:
    """WoGV §§ 12, 13: Zinsen 2 400 + Tilgung 2 400 + 36 · 80 + Grundsteuer 200 + Verwaltung 240
    = 8 120 €/Jahr
    = 676,67 €/Monat; less 200 € subsidy = 476,67 < 517,80; M = 476,67 + 142,60 = 619,27 (to the cent)."""
    h = Haushalt.model_validate({
        "wohnkosten": {"art": "Belastung", "darlehen": [{"zinsen_jahr": "2400", "tilgung_jahr": "2400"}],
                       "wohnflaeche_m2": "80", "grundsteuer_jahr": "200", "verwaltungskosten_jahr": "240",
                       "zuschuss_monat": "200"},
        "mietenstufe": 2, "anzahl_mitglieder": 2, "gesamteinkommen_monat": "1400"})
    r = calculate(h, on=ON)
    assert r.M_berechnet.quantize(Decimal("0.01")) == Decimal("619.27")
    assert any(s.zitat == "§ 11 Abs. 2 Nr. 4 WoGG" for s in r.schritte)


def test_negative_subsidy_is_refused() -> None:
    with pytest.raises(ValueError):
        _h(belastung_monat="600", zuschuss_monat="-1")


def _lasten(**extra: str) -> Haushalt:
    return Haushalt.model_validate({
        "wohnkosten": {"art": "Belastung", "darlehen": [{"zinsen_jahr": "2400", "tilgung_jahr": "2400"}],
                       "wohnflaeche_m2": "80", "grundsteuer_jahr": "200", "verwaltungskosten_jahr": "240",
                       **extra},
        "mietenstufe": 2, "anzahl_mitglieder": 2, "gesamteinkommen_monat": "1400"})


def test_part_let_by_area() -> None:
    """§ 11 Abs. 2 Nr. 2 WoGG: 20 of 80 m² let to a non-member. Belastung 8 120/12 = 676,666…;
    share 676,666… · 20/80 = 169,166… → 507,50 < 517,80; M = 507,50 + 142,60 = 650,10."""
    r = calculate(_lasten(ueberlassen_m2="20"), on=ON)
    assert r.M_berechnet.quantize(Decimal("0.01")) == Decimal("650.10")
    assert any("§ 11 Abs. 2 Nr. 2" in s.zitat for s in r.schritte)


def test_higher_entgelt_is_left_out_then_the_subsidy() -> None:
    """§ 11 Abs. 2 Nr. 2 second half-sentence, § 15 Abs. 2 WoGV (Entgelt without heating): Entgelt 200 €
    > share 169,17 → 676,67 − 200 = 476,67; then Nr. 4 subsidy 100 → 376,67; M = 376,67 + 142,60 = 519,27."""
    r = calculate(_lasten(ueberlassen_m2="20", ueberlassen_entgelt_monat="200", zuschuss_monat="100"), on=ON)
    assert r.M_berechnet.quantize(Decimal("0.01")) == Decimal("519.27")


def test_part_let_needs_the_whole_area() -> None:
    with pytest.raises(ValueError, match="ueberlassen_m2"):
        _h(belastung_monat="600", ueberlassen_m2="20")
    with pytest.raises(ValueError, match="ueberlassen_m2"):
        _lasten(ueberlassen_m2="80")
