"""§ 27 WoGG as a property: a change below every threshold of the date needs no action.

§ 27 Abs. 1 (more than 15 %, from 2023 more than 10 %), Abs. 2 (more than 15 %) and Abs. 3 Satz 1
Nr. 2, 3 (more than 15 %) compare the Miete or the Einnahmen before and after the change. A change of
the Miete and of the income by at most 5 % in either direction stays below every threshold of every
Fassung from 2016, so "keine Änderung" with the granted amount unchanged and no duty to report
(§ 28 Abs. 6 WoGG: the Bescheid stays in force).
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from wohngeld import Haushalt
from wohngeld.procedure.aenderung import aenderung


def _haushalt(stufe: int, n: int, miete: Decimal, y: Decimal) -> Haushalt:
    return Haushalt.model_validate(
        {
            "mietenstufe": stufe,
            "miete_monat": str(miete),
            "anzahl_mitglieder": n,
            "gesamteinkommen_monat": str(y),
        }
    )


@given(
    jahr=st.integers(2016, 2026),
    stufe=st.integers(1, 6),  # Mietenstufe VII only from 2020
    n=st.integers(1, 6),
    miete=st.integers(20_000, 120_000),
    y=st.integers(30_000, 300_000),
    miete_faktor=st.integers(-500, 500),
    y_faktor=st.integers(-500, 500),
)
def test_small_changes_need_no_action(
    jahr: int, stufe: int, n: int, miete: int, y: int, miete_faktor: int, y_faktor: int
) -> None:
    cent = Decimal("0.01")
    bisher_miete, bisher_y = Decimal(miete) * cent, Decimal(y) * cent
    neu_miete = (bisher_miete * (1 + Decimal(miete_faktor) / 10_000)).quantize(cent)
    neu_y = (bisher_y * (1 + Decimal(y_faktor) / 10_000)).quantize(cent)
    a = aenderung(
        _haushalt(stufe, n, bisher_miete, bisher_y),
        _haushalt(stufe, n, neu_miete, neu_y),
        bewilligt_ab=date(jahr, 3, 1),
        aenderung_ab=date(jahr, 6, 1),
    )
    assert a.folge == "keine Änderung", a.text()
    assert a.betrag_neu == a.betrag_bisher
    assert not a.mitteilungspflichtig
