"""§§ 20, 21 Nr. 3 WoGG and the Mindesteinkommen warning: results with reason, never exceptions."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from wohngeld import Haushalt, calculate

ON = date(2025, 7, 1)


def _h(**extra: object) -> Haushalt:
    data: dict[str, object] = {"mietenstufe": 3, "miete_monat": "500", "gesamteinkommen_monat": "900"}
    data.update(extra)
    return Haushalt.model_validate(data)


def test_all_members_bafoeg_dem_grunde_nach_no_claim() -> None:
    r = calculate(
        _h(mitglieder=[{"ausbildungsfoerderung": "BAföG"}, {"ausbildungsfoerderung": "BAB"}]), on=ON
    )
    assert (r.betrag_monat, r.anspruch, r.grund_zitat) == (Decimal(0), False, "§ 20 Abs. 2 WoGG")


def test_bafoeg_only_as_loan_or_not_all_members_keeps_the_claim() -> None:
    # Same household as members-sterbefall case (n = 2, M 642.60, Y 900): 442 €.
    darlehen = [{"ausbildungsfoerderung": "BAföG", "ausbildungsfoerderung_nur_darlehen": True}, {}]
    assert calculate(_h(mitglieder=darlehen), on=ON).betrag_monat == 442
    einer = [{"ausbildungsfoerderung": "BAföG"}, {}]
    assert calculate(_h(mitglieder=einer), on=ON).betrag_monat == 442


def test_vermoegen_above_60000_for_one_member_no_claim() -> None:
    r = calculate(_h(anzahl_mitglieder=1, vermoegen="60000.01"), on=ON)
    assert not r.anspruch and r.betrag_monat == 0
    assert r.grund_zitat is not None and "§ 21 Nr. 3 WoGG" in r.grund_zitat and "21.37" in r.grund_zitat


def test_vermoegen_at_the_limit_for_two_members_keeps_the_claim() -> None:
    # 60 000 + 30 000 = 90 000 is not "above" the limit; amount as in the Sterbefall case: 442 €.
    r = calculate(_h(anzahl_mitglieder=2, vermoegen="90000"), on=ON)
    assert (r.anspruch, r.betrag_monat) == (True, Decimal(442))


def test_mindesteinkommen_is_a_warning_not_a_decision() -> None:
    r = calculate(_h(anzahl_mitglieder=2, bedarf_monat="1500"), on=ON)
    assert r.betrag_monat == 442  # 900 + 442 < 1500: warned, still paid
    assert any("15.01" in w for w in r.warnungen)
    ok = calculate(_h(anzahl_mitglieder=2, bedarf_monat="1300"), on=ON)
    assert not any("15.01" in w for w in ok.warnungen)
