"""§§ 5–8 WoGG: who counts — hand-computed counts, typed exclusions and errors."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from wohngeld import Haushalt, Haushaltsmitglied, InputError, calculate
from wohngeld.input.gruende import Ausschlussgrund
from wohngeld.law.members import mitglieder

ON = date(2025, 7, 1)


def _h(*members: dict[str, object], miete: str = "500.00", y: str = "1000.00") -> Haushalt:
    return Haushalt.model_validate(
        {"mietenstufe": 3, "miete_monat": miete, "gesamteinkommen_monat": y, "mitglieder": list(members)}
    )


def test_two_children_below_a_third_only_the_youngest_counts() -> None:
    # § 5 Abs. 4 Satz 3: parent + two children cared for here at 20 %: only the youngest counts, n = 2.
    # M = 500 + 142.60 (cap 551 + 24.80); z1 = 0.03 + 0.0003571 * 642.60 + 0.0000304 * 1000
    # = 0.28987246; z2 = 289.87246; z3 = 352.72754; z4 = 405.636671 -> 406 €.
    h = _h(
        {"name": "Vater"},
        {"name": "Anna", "zugehoerigkeit": {"betreuungsanteil": "0.2", "geburtsdatum": "2015-04-01"}},
        {"name": "Ben", "zugehoerigkeit": {"betreuungsanteil": "0.2", "geburtsdatum": "2018-09-01"}},
    )
    r = calculate(h, on=ON)
    assert (r.mitglieder, r.mitglieder_gesamt, r.M_berechnet, r.betrag_monat) == (
        2,
        2,
        Decimal("642.60"),
        Decimal(406),
    )
    assert mitglieder(h, None, on=ON).index_haushalt == (0, 2)


def test_child_with_a_third_counts_in_both_households() -> None:
    h = _h({}, {"zugehoerigkeit": {"betreuungsanteil": "0.34"}})
    assert mitglieder(h, None, on=ON).beruecksichtigt == 2


def test_single_child_below_a_third_is_not_a_member_here() -> None:
    h = _h({}, {"zugehoerigkeit": {"betreuungsanteil": "0.25"}})
    assert mitglieder(h, None, on=ON).gesamt == 1


def test_several_children_below_a_third_need_birth_dates() -> None:
    h = _h(
        {}, {"zugehoerigkeit": {"betreuungsanteil": "0.2"}}, {"zugehoerigkeit": {"betreuungsanteil": "0.1"}}
    )
    with pytest.raises(InputError, match=r"geburtsdatum.*§ 5 Abs. 4 Satz 3"):
        mitglieder(h, None, on=ON)


@pytest.mark.parametrize(
    ("on", "n"),
    [(date(2025, 10, 31), 2), (date(2025, 11, 1), 1)],
)
def test_sterbefall_twelve_months_after_the_month_of_death(on: date, n: int) -> None:
    h = _h({}, {"zugehoerigkeit": {"verstorben_am": "2024-10-10"}})
    assert mitglieder(h, None, on=on).beruecksichtigt == n


def test_sterbefall_exception_ends_the_rule() -> None:
    h = _h({}, {"zugehoerigkeit": {"verstorben_am": "2024-10-10", "sterbefall_ausnahme": True}})
    assert mitglieder(h, None, on=ON).beruecksichtigt == 1


def test_temporary_absence_keeps_permanent_absence_ends_membership() -> None:
    h = _h(
        {}, {"zugehoerigkeit": {"abwesend": "voruebergehend"}}, {"zugehoerigkeit": {"abwesend": "dauerhaft"}}
    )
    assert mitglieder(h, None, on=ON).gesamt == 2


def test_exclusion_reason_is_typed_and_plain_strings_still_work() -> None:
    assert Haushaltsmitglied(ausgeschlossen="SGB II").ausgeschlossen is Ausschlussgrund.SGB_II
    assert Haushaltsmitglied(ausgeschlossen="AsylbLG").ausgeschlossen is Ausschlussgrund.ASYLBLG
    text = "Empfänger von Leistungen nach dem SGB II (§ 7 Abs. 1 WoGG)"
    assert Haushaltsmitglied(ausgeschlossen=text).ausgeschlossen == text
    with pytest.raises(ValidationError):
        Haushaltsmitglied(ausgeschlossen="  ")


def test_more_excluded_than_members_is_refused() -> None:
    with pytest.raises(ValidationError, match=r"anzahl_ausgeschlossen: 3 ausgeschlossene .* nur 2"):
        Haushalt.model_validate(
            {
                "mietenstufe": 3,
                "miete_monat": "500",
                "anzahl_mitglieder": 2,
                "anzahl_ausgeschlossen": 3,
                "gesamteinkommen_monat": "900",
            }
        )


def test_mischhaushalt_rechenweg_shows_the_share() -> None:
    # BMWSB 2025 Beispiel 10 shape with Y given: 570/2 = 285, + 142.60/2 -> M 356.30.
    h = _h({}, {"ausgeschlossen": "Bürgergeld"}, miete="570.00", y="784.35")
    h = h.model_copy(update={"mietenstufe": 4})
    r = calculate(h, on=ON)
    assert r.M_berechnet == Decimal("356.30")
    keys = [s.key for s in r.schritte]
    assert "miete_anteil" in keys and "heizkosten_anteil" in keys


@settings(max_examples=40, deadline=None)
@given(brutto=st.integers(0, 500_000).map(lambda c: Decimal(c).scaleb(-2)))
def test_excluded_members_income_never_changes_the_amount(brutto: Decimal) -> None:
    """§ 7 WoGG, § 13 Abs. 1 WoGG: only counted members' income enters Y."""
    base = {"mietenstufe": 4, "miete_monat": "570.00"}
    ohne = Haushalt.model_validate({**base, "mitglieder": [{}, {"ausgeschlossen": "SGB II"}]})
    mit = Haushalt.model_validate(
        {
            **base,
            "mitglieder": [
                {},
                {
                    "ausgeschlossen": "SGB II",
                    "einnahmen": [{"art": "Erwerbseinkommen", "brutto_monat": str(brutto)}],
                },
            ],
        }
    )
    b = calculate(mit, on=ON, rechenweg=False).betrag_monat
    assert b == calculate(ohne, on=ON, rechenweg=False).betrag_monat
