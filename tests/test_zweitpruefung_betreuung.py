"""Second check of § 9 Abs. 2 Satz 1 Nr. 5 WoGG (Betreuungs- und Serviceleistungen) at the turn of 2020.

Texts read: § 9 Abs. 2 in the WoGG "zuletzt geändert durch Art. 22 Abs. 4 G v. 11.11.2016" lists
Nr. 1–4 only; the consolidated text of 28.4.2021 has Nr. 5 ("Vergütungen für Leistungen, die über die
Gebrauchsüberlassung von Wohnraum hinausgehen, insbesondere für allgemeine Unterstützungsleistungen
…"). The library applies Nr. 5 from 1.1.2020 (WoGStärkG v. 30.11.2019, BGBl. I S. 1877).

One person, Mietenstufe III, rent 400 € of which 60 € for Betreuung, Y 800 €.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from wohngeld import Haushalt, calculate

D = Decimal


def _h() -> Haushalt:
    return Haushalt.model_validate(
        {
            "wohnkosten": {
                "art": "Miete", "miete_monat": "400", "abzuege": [{"art": "Betreuung", "betrag_monat": "60"}],
            },
            "mietenstufe": 3,
            "anzahl_mitglieder": 1,
            "gesamteinkommen_monat": "800",
        }
    )


def test_last_day_of_2019_no_deduction() -> None:
    """2019-12-31 (Fassung 2016): the 60 € stay in the Miete (§ 9 Abs. 1, § 2 Abs. 2 WoGV).

    Miete 400 > Höchstbetrag 390 (§ 12 Abs. 1, one person, Stufe III) → M = 390.
    a = 0.04, b = 0.00063, c = 0.000138: z1 = 0.04 + 0.2457 + 0.1104 = 0.3961; z2 = 316.88;
    z3 = 73.12; z4 = 84.088 → 84 €. (With the deduction M would be 340: 56 €.)
    """
    r = calculate(_h(), on=date(2019, 12, 31))
    assert (r.M_berechnet, r.betrag_monat) == (D(390), D(84))
    assert any("Betreuungs" in w for w in r.warnungen)


def test_first_day_of_2020_deduction() -> None:
    """2020-01-01 (Fassung WoGStärkG): Nr. 5 takes the 60 € out → Miete 340 < Höchstbetrag 426 → M = 340.

    Anlage 2 (2020) one person: a = 0.04, b = 0.00058, c = 0.000118: z1 = 0.04 + 0.1972 + 0.0944 =
    0.3316; z2 = 265.28; z3 = 74.72; z4 = 85.928 → 86 €. (Without the deduction: M 400, z4 122.912 →
    123 €.)
    """
    r = calculate(_h(), on=date(2020, 1, 1))
    assert (r.M_berechnet, r.betrag_monat) == (D(340), D(86))
    assert not any("Betreuungs" in w for w in r.warnungen)
