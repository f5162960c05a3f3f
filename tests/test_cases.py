"""Published worked examples: one parametrized runner, id = file name.

Each case is checked twice: the § 19 formula from the published M and Y, and the whole
calculation from the inputs as published. Cases whose inputs need rules of a later issue are
marked ``xfail(strict=True)`` with that issue, so they start to count the day the rule lands.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from wohngeld import calculate, wohngeld_aus_m_y
from wohngeld.formats.faelle import Fall, lade_fall

from .conftest import case_files

FILES = case_files()

# Which later issue brings the rules a case needs (gross income → Y; rent/household rules).
NEEDS: dict[str, str] = {}


def _ids(p: Path) -> str:
    return p.stem


def _rs(fall: Fall) -> str | None:
    """The rule set a case names (key ``rechtsstand``, tests/cases/entwurf-2027); None: law in force."""
    rs = fall.extra.get("rechtsstand")
    return None if rs is None else str(rs)


@pytest.mark.parametrize("path", FILES, ids=_ids)
def test_formula_from_published_m_and_y(path: Path) -> None:
    fall = lade_fall(path)
    e = fall.erwartet
    n = fall.haushalt.anzahl_mitglieder or sum(
        1 for m in fall.haushalt.mitglieder or () if m.ausgeschlossen is None
    )
    f = wohngeld_aus_m_y(mitglieder=n, M=e["M"], Y=e["Y"], on=fall.stichtag, rechtsstand=_rs(fall))
    # formel_monat: the § 19 amount where § 21 Nr. 1 then denies it
    assert f.betrag == e.get("formel_monat", e["wohngeld_monat"])


@pytest.mark.parametrize(
    "path",
    [
        pytest.param(p, marks=pytest.mark.xfail(strict=True, reason=NEEDS[p.stem])) if p.stem in NEEDS else p
        for p in FILES
    ],
    ids=_ids,
)
def test_case_from_inputs(path: Path) -> None:
    fall = lade_fall(path)
    r = calculate(fall.haushalt, on=fall.stichtag, rechtsstand=_rs(fall))
    e = fall.erwartet
    assert (r.M_berechnet, r.Y_berechnet, r.betrag_monat) == (e["M"], e["Y"], e["wohngeld_monat"])
    assert r.anspruch == (r.betrag_monat > 0)


@pytest.mark.parametrize("path", FILES, ids=_ids)
def test_rent_rules_reproduce_published_m(path: Path) -> None:
    """M from the published rent inputs (Y taken as published, so income rules are not needed)."""
    fall = lade_fall(path)
    data = fall.haushalt.model_dump()
    data["gesamteinkommen_monat"] = fall.erwartet["Y"]
    if data["mitglieder"] is not None:
        for m in data["mitglieder"]:
            m["einnahmen"] = ()
    haushalt = type(fall.haushalt).model_validate(data)
    r = calculate(haushalt, on=fall.stichtag, rechtsstand=_rs(fall))
    assert r.M_berechnet == fall.erwartet["M"]
    assert r.betrag_monat == fall.erwartet["wohngeld_monat"]


@pytest.mark.parametrize(
    "path", [p for p in FILES if "gemeinde_veroeffentlicht" in lade_fall(p).extra], ids=_ids
)
def test_case_from_its_gemeinde(path: Path) -> None:
    """The same case started from the place the publication names instead of its Mietenstufe."""
    fall = lade_fall(path)
    data = fall.haushalt.model_dump()
    data["gemeinde"], data["mietenstufe"] = fall.extra["gemeinde_veroeffentlicht"], None
    r = calculate(type(fall.haushalt).model_validate(data), on=fall.stichtag, rechtsstand=_rs(fall))
    assert r.mietenstufe == fall.haushalt.mietenstufe
    assert r.betrag_monat == fall.erwartet["wohngeld_monat"]
