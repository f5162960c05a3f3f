"""Properties of the members stage (§§ 5–8 WoGG) and its consumers.

- § 8 Abs. 1 Satz 2 WoGG: an exclusion whose months do not cover the date does not exclude, so listing
  the member with it gives the same M, Y and amount as listing them without it.
- § 6 Abs. 2 Satz 1 WoGG keeps only the number of a deceased member: with any income, Freibeträge
  or Unterhalt listed for the deceased, M, Y and the amount equal those of the household with a
  member who has none of them.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from dateutil.relativedelta import relativedelta
from hypothesis import given
from hypothesis import strategies as st

from wohngeld import Haushalt, calculate

GRUENDE = ["SGB II", "SGB XII", "Hilfe zum Lebensunterhalt", "AsylbLG", "SGB XIV", "Bedarfsgemeinschaft"]

monate = st.dates(min_value=date(2016, 2, 1), max_value=date(2026, 10, 1)).map(lambda d: d.replace(day=1))


@st.composite
def mitglied(draw: st.DrawFn) -> dict[str, Any]:
    m: dict[str, Any] = {}
    n = draw(st.integers(0, 2))
    if n:
        m["einnahmen"] = [
            {"art": draw(st.sampled_from(["Altersrente", "Erwerbseinkommen", "Arbeitslosengeld"])),
             "brutto_monat": str(draw(st.integers(0, 3000)))}
            for _ in range(n)
        ]
    m["pauschalabzug"] = {k: draw(st.booleans()) for k in ("steuern", "kranken_pflege", "rente")}
    gdb = draw(st.sampled_from([None, 30, 50, 100]))
    if gdb is not None:
        m["schwerbehindert_gdb"] = gdb
    if draw(st.booleans()):
        betrag = str(draw(st.integers(1, 400)))
        m["unterhaltszahlungen"] = [{"empfaenger": "sonstige", "betrag_monat": betrag}]
    return m


def _haushalt(mitglieder: list[dict[str, Any]], stufe: int, miete: int) -> Haushalt:
    return Haushalt.model_validate(
        {"miete_monat": str(miete), "mietenstufe": stufe, "mitglieder": mitglieder}
    )


def _werte(h: Haushalt, on: date) -> tuple[object, ...]:
    r = calculate(h, on=on, rechenweg=False)
    return r.mitglieder, r.mitglieder_gesamt, r.M_berechnet, r.Y_berechnet, r.betrag_monat


@given(
    basis=st.lists(mitglied(), min_size=1, max_size=3),
    extra=mitglied(),
    on=monate,
    stufe=st.integers(1, 6),
    miete=st.integers(100, 1500),
    grund=st.sampled_from(GRUENDE),
    danach=st.booleans(),
    versatz=st.integers(0, 30),
    tag=st.integers(1, 28),
)
def test_exclusion_not_covering_the_date_changes_nothing(
    basis: list[dict[str, Any]], extra: dict[str, Any], on: date, stufe: int, miete: int, grund: str,
    danach: bool, versatz: int, tag: int,
) -> None:
    if danach:  # starts in a later month (§ 8 Abs. 1 Satz 2 Nr. 1, 2)
        zeitraum = {"leistung_ab": (on + relativedelta(months=1 + versatz)).replace(day=tag).isoformat()}
    else:  # ended before the month of the date (Nr. 3)
        bis = on - relativedelta(days=1 + versatz)
        ab = bis - relativedelta(months=3)
        zeitraum = {"leistung_ab": ab.isoformat(), "leistung_bis": bis.isoformat()}
    ohne = _haushalt([*basis, extra], stufe, miete)
    mit = _haushalt([*basis, {**extra, "ausgeschlossen": grund, "zugehoerigkeit": zeitraum}], stufe, miete)
    assert _werte(mit, on) == _werte(ohne, on)


@given(
    basis=st.lists(mitglied(), min_size=1, max_size=3),
    toter=mitglied(),
    on=monate,
    stufe=st.integers(1, 6),
    miete=st.integers(100, 1500),
    monate_vorher=st.integers(0, 11),
    tage=st.integers(0, 27),
)
def test_deceased_member_changes_the_amount_only_through_the_number(
    basis: list[dict[str, Any]], toter: dict[str, Any], on: date, stufe: int, miete: int, monate_vorher: int,
    tage: int,
) -> None:
    """Death on or before the date, within the twelve months after the Sterbemonat (§ 6 Abs. 2 Satz 1)."""
    verstorben = on - relativedelta(months=monate_vorher, days=tage)
    gestorben = _haushalt([*basis, {**toter, "zugehoerigkeit": {"verstorben_am": verstorben.isoformat()}}],
                          stufe, miete)
    leer = _haushalt([*basis, {}], stufe, miete)
    assert _werte(gestorben, on) == _werte(leer, on)
