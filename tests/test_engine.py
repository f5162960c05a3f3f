"""engine.calculate: the stages in § 4 order on one hand-computed household, and the engine's refusals.

One member, Mietenstufe III, Miete 400 €, Gesamteinkommen 1 000 €/Monat, Stichtag 1.7.2025
(Fassung of the 2. WoGFV v. 21.10.2024, BGBl. 2024 I Nr. 314; § 12 Abs. 6, 7 WoGG i. d. F. des
Wohngeld-Plus-Gesetzes v. 5.12.2022, BGBl. I S. 2160):

- § 12 Abs. 1, Anlage 1: Höchstbetrag 1 Person, Mietenstufe III = 456 €; § 12 Abs. 7: Klimakomponente
  19,20 € raises the cap to 475,20 €; the Miete of 400 € stays below it.
- § 12 Abs. 6: Entlastungsbetrag 14,40 € + Heizkostenkomponente 96 € → M = 400 + 110,40 = 510,40 €.
- § 19 Abs. 1, Anlage 2 (1 member): a = 0,04, b = 0,0004797, c = 0,0000408; Anlage 3 Nr. 1: the
  Mindestwerte (M 54 €, Y 396 €) do not apply.
- z1 = 0,04 + 0,0004797 · 510,40 + 0,0000408 · 1 000 = 0,04 + 0,24483888 + 0,0408 = 0,32563888
- z2 = z1 · Y = 325,63888; z3 = M − z2 = 184,76112; z4 = 1,15 · z3 = 212,475288
- Anlage 3 Nr. 3: 212 € (below 0,50 rounded down); § 21 Nr. 1: above 10 €.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from wohngeld import Haushalt, InputError, Miete, calculate, wohngeld_aus_m_y

ON = date(2025, 7, 1)
H = Haushalt(
    mietenstufe=3, wohnkosten=Miete(miete_monat="400"), anzahl_mitglieder=1, gesamteinkommen_monat="1000"
)


def test_ein_haushalt_von_hand() -> None:
    r = calculate(H, on=ON)
    assert r.betrag_monat == 212 and r.anspruch
    assert r.M_berechnet == Decimal("510.40") and r.Y_berechnet == Decimal("1000")
    assert r.z == (Decimal("0.32563888"), Decimal("325.63888"), Decimal("184.76112"), Decimal("212.475288"))
    assert r.fassung == date(2025, 1, 1) and r.mietenstufe == 3 and r.mitglieder == 1


def test_formel_allein_gleich() -> None:
    """wohngeld_aus_m_y applies § 19 alone: the same M and Y give the same 212 €."""
    assert wohngeld_aus_m_y(mitglieder=1, M="510.40", Y=1000, on=ON).betrag == 212


def test_ohne_rechenweg_gleicher_betrag() -> None:
    assert calculate(H, on=ON, rechenweg=False).betrag_monat == 212


def test_stichtag_fehlt() -> None:
    with pytest.raises(InputError, match="Stichtag fehlt: on = nichts angegeben"):
        calculate(H)


def test_kein_haushalt() -> None:
    with pytest.raises(InputError, match="haushalt: dict angegeben"):
        calculate({"mietenstufe": 3}, on=ON)  # type: ignore[arg-type]


def test_rechtsstand_falscher_typ() -> None:
    with pytest.raises(InputError, match="rechtsstand: int 2025 angegeben"):
        calculate(H, on=ON, rechtsstand=2025)  # type: ignore[arg-type]
