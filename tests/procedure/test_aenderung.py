"""§ 27 WoGG: each threshold on both sides, hand-computed amounts (2025 Fassung unless stated).

One person, Mietenstufe III, 2025: Höchstbetrag 456 + Klimakomponente 19.20 = 475.20 (not reached),
Heizkostenbetrag 110.40, a = 0.04, b = 0.0004797, c = 0.0000408 (Anlage 2 WoGG, 2. WoGFV).
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from wohngeld import Haushalt, Haushaltsmitglied, InputError
from wohngeld.procedure.aenderung import aenderung, bewilligungszeitraum


def H(**kw: object) -> Haushalt:
    """A Haushalt from keyword data (shortcuts such as miete_monat included)."""
    return Haushalt.model_validate(kw)


AB = date(2025, 7, 1)


def hh(miete: str, y: str, n: int = 1) -> Haushalt:
    return H(mietenstufe=3, miete_monat=miete, anzahl_mitglieder=n, gesamteinkommen_monat=y)


BASIS = hh("400", "900")
# M = 400 + 110.40 = 510.40; z1 = 0.04 + 0.0004797·510.40 + 0.0000408·900 = 0.32155888;
# z2 = 289.402992; z3 = 220.997008; z4 = 254.1465592 → 254 €


def test_granted_amount_is_hand_computed() -> None:
    a = aenderung(BASIS, BASIS, bewilligt_ab=AB, aenderung_ab=date(2025, 9, 1))
    assert a.betrag_bisher == 254
    assert a.folge == "keine Änderung" and a.zitat == "§ 28 Abs. 6 WoGG"
    assert not a.mitteilungspflichtig


# --- § 27 Abs. 1 (Erhöhung auf Antrag), since 2023: more than 10 % -------------------------------


def test_abs1_nr2_rent_up_exactly_10_percent_is_not_enough() -> None:
    a = aenderung(BASIS, hh("440", "900"), bewilligt_ab=AB, aenderung_ab=date(2025, 9, 1))
    assert a.folge == "keine Änderung" and a.betrag_neu == 254


def test_abs1_nr2_rent_up_more_than_10_percent_net_of_heating_amount() -> None:
    # 400 → 441 is +10.25 % of the Miete without the Heizkostenbetrag, but only +8.0 % of M
    # (510.40 → 551.40): § 27 Abs. 1 Nr. 2 compares "abzüglich des Gesamtbetrages" (since 2023).
    # M = 551.40: z1 = 0.34122658; z2 = 307.103922; z3 = 244.296078; z4 = 280.94… → 281 €
    a = aenderung(BASIS, hh("441", "900"), bewilligt_ab=AB, aenderung_ab=date(2025, 9, 15))
    assert a.folge == "Erhöhungsantrag" and a.zitat == "§ 27 Abs. 1 WoGG"
    assert a.betrag_neu == 281
    assert a.wirksam_ab == date(2025, 9, 1)
    assert {s.key for s in a.pruefungen if s.erfuellt} == {"abs1_nr2"}


def test_abs1_nr3_income_down_exactly_10_percent_is_not_enough() -> None:
    a = aenderung(BASIS, hh("400", "810"), bewilligt_ab=AB, aenderung_ab=date(2025, 9, 1))
    assert a.folge == "keine Änderung"


def test_abs1_nr3_income_down_more_than_10_percent() -> None:
    # Y = 809: z1 = 0.31784608; z2 = 257.13747872; z3 = 253.26252128; z4 = 291.25… → 291 €
    a = aenderung(BASIS, hh("400", "809"), bewilligt_ab=AB, aenderung_ab=date(2025, 9, 1))
    assert a.folge == "Erhöhungsantrag" and a.betrag_neu == 291


def test_abs1_nr1_one_more_member() -> None:
    # 2 members: M = 400 + 142.60 = 542.60 (cap 551 + 24.80); a = 0.03, b = 0.0003571, c = 0.0000304:
    # z1 = 0.25112246; z2 = 226.010214; z3 = 316.589786; z4 = 364.078… → 364 €
    a = aenderung(BASIS, hh("400", "900", n=2), bewilligt_ab=AB, aenderung_ab=date(2025, 9, 1))
    assert a.folge == "Erhöhungsantrag" and a.betrag_neu == 364
    assert [s.key for s in a.pruefungen if s.erfuellt] == ["abs1_nr1"]


def test_abs1_before_2023_needs_more_than_15_percent() -> None:
    # 2022 Fassung: § 27 Abs. 1 Nr. 3 "um mehr als 15 Prozent"
    alt = H(mietenstufe=3, miete_monat="400", anzahl_mitglieder=1, gesamteinkommen_monat="900")
    minus_14 = alt.model_copy(update={"gesamteinkommen_monat": Decimal("774")})  # −14 %
    minus_16 = alt.model_copy(update={"gesamteinkommen_monat": Decimal("756")})  # −16 %
    ab = date(2022, 7, 1)
    assert aenderung(alt, minus_14, bewilligt_ab=ab, aenderung_ab=date(2022, 9, 1)).folge == "keine Änderung"
    assert aenderung(alt, minus_16, bewilligt_ab=ab, aenderung_ab=date(2022, 9, 1)).folge == "Erhöhungsantrag"


# --- § 27 Abs. 2 (von Amts wegen), more than 15 % ------------------------------------------------


def test_abs2_nr3_income_up_exactly_15_percent_is_not_enough() -> None:
    a = aenderung(BASIS, hh("400", "1035"), bewilligt_ab=AB, aenderung_ab=date(2025, 9, 1))
    assert a.folge == "keine Änderung" and a.betrag_neu == 254
    assert not a.mitteilungspflichtig


def test_abs2_nr3_income_up_more_than_15_percent_from_next_month() -> None:
    # Y = 1036: z1 = 0.32710768; z2 = 338.88355648; z3 = 171.51644352; z4 = 197.24… → 197 €
    a = aenderung(BASIS, hh("400", "1036"), bewilligt_ab=AB, aenderung_ab=date(2025, 9, 15))
    assert a.folge == "Neuentscheidung von Amts wegen" and a.zitat == "§ 27 Abs. 2 WoGG"
    assert a.betrag_neu == 197
    assert a.wirksam_ab == date(2025, 10, 1)  # § 27 Abs. 2 Satz 4: not on the first → next month
    assert [s.key for s in a.mitteilungspflicht] == ["abs3_nr3"]


def test_abs2_nr2_rent_down_exactly_15_percent_is_not_enough() -> None:
    a = aenderung(BASIS, hh("340", "900"), bewilligt_ab=AB, aenderung_ab=date(2025, 9, 1))
    assert a.folge == "keine Änderung" and not a.mitteilungspflichtig


def test_abs2_nr2_rent_down_more_than_15_percent() -> None:
    # M = 339 + 110.40 = 449.40: z1 = 0.29229718; z2 = 263.067462; z3 = 186.332538; z4 = 214.28… → 214 €
    a = aenderung(BASIS, hh("339", "900"), bewilligt_ab=AB, aenderung_ab=date(2025, 9, 1))
    assert a.folge == "Neuentscheidung von Amts wegen" and a.betrag_neu == 214
    assert a.wirksam_ab == date(2025, 9, 1)
    assert [s.key for s in a.mitteilungspflicht] == ["abs3_nr2"]


def test_abs2_nr1_one_member_less() -> None:
    a = aenderung(hh("400", "900", n=2), BASIS, bewilligt_ab=AB, aenderung_ab=date(2025, 9, 1))
    assert a.folge == "Neuentscheidung von Amts wegen"
    assert a.betrag_bisher == 364 and a.betrag_neu == 254
    assert "abs3_nr1" in {s.key for s in a.mitteilungspflicht}


def test_temporary_change_has_no_effect() -> None:
    a = aenderung(
        BASIS, hh("400", "1100"), bewilligt_ab=AB, aenderung_ab=date(2025, 9, 1), voruebergehend=True
    )
    assert a.folge == "keine Änderung" and not a.mitteilungspflichtig


def test_abs3_nr3_compares_einnahmen_before_deductions_not_y() -> None:
    # Erwerbseinkommen 1500 → 1700 €/Monat, § 16: 30 %, GdB 100 (§ 17 Nr. 1: 1 800 €/Jahr).
    # Einkünfte: (18000 − 1230)/12 = 1397.50 → (20400 − 1230)/12 = 1597.50: +14.31 % (no duty, Abs. 3 Nr. 3)
    # Y: 1397.50 · 0.7 − 150 = 828.25 → 1597.50 · 0.7 − 150 = 968.25: +16.90 % (Abs. 2 Nr. 3 holds)
    def m(brutto: str) -> Haushalt:
        return Haushalt.model_validate(
            {
                "mietenstufe": 3,
                "miete_monat": "400",
                "mitglieder": [
                    {
                        "einnahmen": [{"art": "Erwerbseinkommen", "brutto_monat": brutto}],
                        "pauschalabzug": {"steuern": True, "kranken_pflege": True, "rente": True},
                        "schwerbehindert_gdb": 100,
                    }
                ],
            }
        )

    a = aenderung(m("1500"), m("1700"), bewilligt_ab=AB, aenderung_ab=date(2025, 9, 1))
    pruef = {s.key: s for s in a.pruefungen}
    assert pruef["abs3_nr3"].alt == Decimal("1397.5") and pruef["abs3_nr3"].neu == Decimal("1597.5")
    assert not pruef["abs3_nr3"].erfuellt
    assert pruef["abs2_nr3"].alt == Decimal("828.25") and pruef["abs2_nr3"].neu == Decimal("968.25")
    assert pruef["abs2_nr3"].erfuellt
    assert a.folge == "Neuentscheidung von Amts wegen" and not a.mitteilungspflichtig


def test_member_newly_excluded_makes_the_decision_ineffective() -> None:
    alt = H(mietenstufe=3, miete_monat="500", gesamteinkommen_monat="900",
                   mitglieder=[Haushaltsmitglied(), Haushaltsmitglied()])
    neu = H(mietenstufe=3, miete_monat="500", gesamteinkommen_monat="900",
                   mitglieder=[Haushaltsmitglied(), Haushaltsmitglied(ausgeschlossen="SGB II")])
    a = aenderung(alt, neu, bewilligt_ab=AB, aenderung_ab=date(2025, 9, 1))
    assert a.folge == "Unwirksamkeit" and a.zitat == "§ 28 Abs. 3 WoGG"
    assert {s.regel for s in a.mitteilungspflicht} >= {"§ 28 Abs. 4 WoGG", "§ 27 Abs. 3 Satz 1 Nr. 1 WoGG"}


# --- § 25: Bewilligungszeitraum and Weiterleistungsantrag ----------------------------------------


def test_bewilligungszeitraum_twelve_months_and_weiterleistung() -> None:
    b = bewilligungszeitraum(beginn=date(2025, 7, 1))
    assert (b.beginn, b.ende, b.monate) == (date(2025, 7, 1), date(2026, 6, 30), 12)
    assert b.weiterleistung_empfohlen_bis == date(2026, 4, 30)  # two months before the end (S004)
    assert b.lueckenlos_bis == date(2026, 7, 31)  # § 25 Abs. 2 Satz 1: first of the application month
    assert "keine gesetzliche Frist" in b.hinweis


def test_bewilligungszeitraum_24_months_only_since_2023() -> None:
    assert bewilligungszeitraum(beginn=date(2024, 2, 1), monate=24).ende == date(2026, 1, 31)
    with pytest.raises(InputError, match="1–12"):
        bewilligungszeitraum(beginn=date(2022, 2, 1), monate=24)
    with pytest.raises(InputError, match="am Ersten eines Monats"):
        bewilligungszeitraum(beginn=date(2025, 2, 3))


def test_change_outside_the_period_is_refused() -> None:
    with pytest.raises(InputError, match="laufenden"):
        aenderung(BASIS, BASIS, bewilligt_ab=AB, aenderung_ab=date(2026, 7, 1))


def test_json() -> None:
    d = aenderung(BASIS, hh("400", "1036"), bewilligt_ab=AB, aenderung_ab=date(2025, 9, 1)).to_dict()
    assert d["folge"] == "Neuentscheidung von Amts wegen" and d["betrag_neu"] == "197"
    assert d["bewilligungszeitraum"]["ende"] == "2026-06-30"  # type: ignore[index]
