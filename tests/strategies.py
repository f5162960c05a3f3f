"""Hypothesis strategies that build valid Haushalte (Y given directly)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from hypothesis import strategies as st

from wohngeld import Haushalt

START, END = date(2016, 1, 1), date(2026, 11, 30)

stichtage = st.dates(min_value=START, max_value=END)
cents = st.integers(min_value=0, max_value=800_000).map(lambda c: Decimal(c).scaleb(-2))
mieten = st.integers(min_value=0, max_value=300_000).map(lambda c: Decimal(c).scaleb(-2))


@st.composite
def haushalte(draw: st.DrawFn) -> tuple[Haushalt, date]:
    """A Haushalt with Mietenstufe, rent, members and Y, and a date it is valid on."""
    on = draw(stichtage)
    stufen = 7 if on >= date(2020, 1, 1) else 6
    art = draw(st.sampled_from(["Miete", "Belastung", "Heim"]))
    wohnkosten: dict[str, object] = {"art": art}
    if art == "Miete":
        wohnkosten["miete_monat"] = draw(mieten)
    elif art == "Belastung":
        wohnkosten["belastung_monat"] = draw(mieten)
    h = Haushalt(
        mietenstufe=draw(st.integers(1, stufen)),
        wohnkosten=wohnkosten,
        anzahl_mitglieder=draw(st.integers(1, 15)),
        gesamteinkommen_monat=draw(cents),
    )
    return h, on
