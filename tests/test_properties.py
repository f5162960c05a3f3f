"""Properties of the amount that hold for every household (hypothesis)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from wohngeld import Haushalt, calculate, rechtsstand

from .strategies import cents, haushalte, mieten, stichtage


def _with(h: Haushalt, **changes: object) -> Haushalt:
    return Haushalt.model_validate({**h.model_dump(), **changes})


@given(haushalte())
def test_whole_euros_never_negative_zero_or_at_least_bagatellgrenze(case: tuple[Haushalt, date]) -> None:
    h, on = case
    r = calculate(h, on=on, rechenweg=False)
    assert r.betrag_monat == r.betrag_monat.to_integral_value()
    assert r.betrag_monat >= 0
    assert r.betrag_monat == 0 or r.betrag_monat >= rechtsstand(on).bagatellgrenze.betrag
    assert r.anspruch == (r.betrag_monat > 0)
    assert (r.grund is None) == r.anspruch


@given(haushalte(), mieten)
def test_rent_above_the_cap_changes_nothing(case: tuple[Haushalt, date], extra: Decimal) -> None:
    h, on = case
    steps = {s.key: s.wert for s in calculate(h, on=on).schritte}
    cap = steps.get("hoechstbetrag_mit_klima", steps["hoechstbetrag"])  # § 11 Abs. 1 Nr. 1 WoGG
    assert isinstance(cap, Decimal)
    at_cap = calculate(_with(h, wohnkosten={"art": "Miete", "miete_monat": cap}), on=on, rechenweg=False)
    above = calculate(
        _with(h, wohnkosten={"art": "Miete", "miete_monat": cap + extra}), on=on, rechenweg=False
    )
    assert above.betrag_monat == at_cap.betrag_monat
    assert above.M == at_cap.M


@given(haushalte(), mieten, mieten)
def test_more_rent_never_lowers_the_amount(case: tuple[Haushalt, date], r1: Decimal, r2: Decimal) -> None:
    h, on = case
    low, high = sorted((r1, r2))
    a = calculate(_with(h, wohnkosten={"art": "Miete", "miete_monat": low}), on=on, rechenweg=False)
    b = calculate(_with(h, wohnkosten={"art": "Miete", "miete_monat": high}), on=on, rechenweg=False)
    assert b.betrag_monat >= a.betrag_monat


@settings(max_examples=300)
@given(haushalte(), cents, cents)
def test_more_income_never_raises_the_amount(case: tuple[Haushalt, date], y1: Decimal, y2: Decimal) -> None:
    h, on = case
    low, high = sorted((y1, y2))
    a = calculate(_with(h, gesamteinkommen_monat=low), on=on, rechenweg=False)
    b = calculate(_with(h, gesamteinkommen_monat=high), on=on, rechenweg=False)
    assert b.betrag_monat <= a.betrag_monat


@given(stichtage)
def test_a_date_picks_the_latest_valid_from_not_after_it(on: date) -> None:
    rs = rechtsstand(on)
    for folder, table in rs.tables.items():
        dates, _ = rs.store.fassungen(folder, type(table))
        assert table.valid_from == max(d for d in dates if d <= on)
    assert rs.fassung == max(t.valid_from for t in rs.tables.values())


@given(haushalte(), st.booleans())
def test_recording_the_rechenweg_does_not_change_the_amount(case: tuple[Haushalt, date], flag: bool) -> None:
    h, on = case
    assert calculate(h, on=on, rechenweg=flag).betrag_monat == calculate(h, on=on).betrag_monat
