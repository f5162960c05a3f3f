"""§§ 9–11 WoGG with the WoGV: Miete from parts, Belastung, Heim — hand-computed values and errors."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from wohngeld import Haushalt, InputError, calculate

ON = date(2025, 7, 1)


def _r(
    wohnkosten: dict[str, object], n: int = 1, stufe: int = 3, y: str = "900.00", on: date = ON
) -> Decimal:
    h = Haushalt.model_validate(
        {"mietenstufe": stufe, "anzahl_mitglieder": n, "gesamteinkommen_monat": y, "wohnkosten": wohnkosten}
    )
    return calculate(h, on=on).M_berechnet


def test_untermiete_entgelt_above_share_is_deducted_in_full() -> None:
    # 80 m², 20 m² sublet: share 600 * 20/80 = 150 < Entgelt 200 -> 200 left out (§ 11 Abs. 2 Nr. 2);
    # 400 capped at 2 persons III 551 + 24.80 -> 400; M = 400 + 142.60.
    m = _r(
        {
            "art": "Miete",
            "miete_monat": "600",
            "wohnflaeche_m2": "80",
            "untervermietet_m2": "20",
            "untermiete_entgelt_monat": "200",
        },
        n=2,
    )
    assert m == Decimal("542.60")


def test_gewerblich_genutzter_teil_share_by_area() -> None:
    # 90 m², 30 m² used only for business: 630 * 30/90 = 210 left out (§ 11 Abs. 2 Nr. 1) -> 420;
    # cap 1 person III 475.20 -> 420; M = 420 + 110.40.
    m = _r({"art": "Miete", "miete_monat": "630", "wohnflaeche_m2": "90", "gewerblich_m2": "30"})
    assert m == Decimal("530.40")


def test_abzug_with_amount_from_contract_and_haushaltsenergie_pauschbetrag() -> None:
    # Bruttokaltmiete 500 includes electricity (no amount: 3 Bewohner 74 + 15 = 89, § 6 Abs. 2 Nr. 3
    # WoGV) and a Stellplatz at 30 € per contract -> 500 - 89 - 30 = 381; M = 381 + 170.20.
    m = _r(
        {
            "art": "Miete",
            "miete_monat": "500",
            "abzuege": [{"art": "Haushaltsenergie"}, {"art": "Stellplatz", "betrag_monat": "30"}],
        },
        n=3,
    )
    assert m == Decimal("551.20")


def test_warmmiete_without_heating_named_is_refused_with_what_to_enter() -> None:
    with pytest.raises(ValidationError, match=r"Heizung.*wohnflaeche_m2"):
        _r({"art": "Miete", "warmmiete_monat": "700"})


def test_heating_pauschbetrag_needs_wohnflaeche() -> None:
    with pytest.raises(InputError, match=r"wohnflaeche_m2"):
        _r({"art": "Miete", "warmmiete_monat": "700", "abzuege": [{"art": "Heizung"}]})


def test_betreuung_has_no_pauschbetrag() -> None:
    with pytest.raises(InputError, match=r"kennt keinen Pauschbetrag"):
        _r({"art": "Miete", "miete_monat": "700", "abzuege": [{"art": "Betreuung"}]})


def test_miete_given_twice_is_refused() -> None:
    with pytest.raises(ValidationError, match=r"die Miete einmal angeben"):
        _r({"art": "Miete", "miete_monat": "500", "grundmiete_monat": "400"})


def test_heim_with_a_rent_figure_is_refused() -> None:
    with pytest.raises(ValidationError, match=r"§ 9 Abs. 3 Satz 2 WoGG"):
        _r({"art": "Heim", "miete_monat": "2500"})


def test_belastung_loans_without_wohnflaeche_below_cap_is_refused() -> None:
    with pytest.raises(InputError, match=r"wohnflaeche_m2 fehlt.*§ 13 Abs. 2 WoGV"):
        _r({"art": "Belastung", "darlehen": [{"zinsen_jahr": "1200", "tilgung_jahr": "1200"}]})


def test_belastung_without_full_lastenberechnung_when_loans_reach_the_cap() -> None:
    # § 10 Abs. 2 Satz 2 WoGG: Zinsen + Tilgung 7200/12 = 600 ≥ 456 + 19.20; M = 475.20 + 110.40.
    m = _r({"art": "Belastung", "darlehen": [{"zinsen_jahr": "4800", "tilgung_jahr": "2400"}]})
    assert m == Decimal("585.60")


def test_lastenberechnung_with_verwaltung_and_erbbauzins() -> None:
    # (1200 Zinsen + 36 * 50 + 300 Grundsteuer + 120 Verwaltung + 180 Erbbauzins) / 12 = 300;
    # M = 300 + 110.40 (1 person, cap 475.20).
    m = _r(
        {
            "art": "Belastung",
            "darlehen": [{"zinsen_jahr": "1200"}],
            "wohnflaeche_m2": "50",
            "grundsteuer_jahr": "300",
            "verwaltungskosten_jahr": "120",
            "sonstige_leistungen_jahr": "180",
        }
    )
    assert m == Decimal("410.40")


@settings(max_examples=60, deadline=None)
@given(
    miete=st.integers(0, 200_000).map(lambda c: Decimal(c).scaleb(-2)),
    n=st.integers(2, 8),
    data=st.data(),
)
def test_splitting_per_head_never_raises_m(miete: Decimal, n: int, data: st.DataObject) -> None:
    """§ 11 Abs. 3 WoGG: with excluded members M is at most the M of the whole household."""
    k = data.draw(st.integers(1, n - 1))
    base = {
        "mietenstufe": 4,
        "miete_monat": str(miete),
        "gesamteinkommen_monat": "1000",
        "anzahl_mitglieder": n,
    }
    voll = calculate(Haushalt.model_validate(base), on=ON, rechenweg=False)
    geteilt = calculate(Haushalt.model_validate({**base, "anzahl_ausgeschlossen": k}), on=ON, rechenweg=False)
    assert geteilt.M_berechnet <= voll.M_berechnet
    assert geteilt.mitglieder == n - k
