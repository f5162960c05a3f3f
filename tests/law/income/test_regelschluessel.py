"""The dated keys of the income tables select one rule each (issue 12).

``werbungskosten`` (table ``werbungskosten_pauschbetraege``) and ``nr1_voraussetzung`` (table
``freibetraege``) name the rule of their Fassung. Each test gives the law in force of 2025 a
Fassung whose only change is the other value of one key (a test rule set on top of the law in
force, as a scenario or a draft is) and checks the Y that rule gives, computed by hand.
"""

from __future__ import annotations

import tomllib
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from pydantic import ValidationError

from wohngeld import Haushalt, calculate
from wohngeld.law.income.tabellen import Freibetraege
from wohngeld.law.tabelle import ParameterStore, default_store

ON = date(2025, 7, 1)
KOPF = """valid_from = 2025-01-01
source     = "Testregelwerk, kein Recht"
unverified = "eine für diesen Test geänderte Fassung"
"""

WERBUNGSKOSTEN = (
    'tabelle = "werbungskosten_pauschbetraege"\n'
    + KOPF
    + 'rule = "§ 14 Abs. 1 Satz 1 WoGG i. V. m. § 9a Satz 1 EStG (Test)"\n'
    + "arbeitnehmer = 1230\nversorgungsbezuege = 102\nrenten = 102\n"
    + 'werbungskosten = "{wert}"\n'
)
FREIBETRAEGE = (
    'tabelle = "freibetraege"\n'
    + KOPF
    + 'rule = "§ 17 Nr. 1–4 WoGG (Test)"\n'
    + "schwerbehinderung = 1800\nschwerbehinderung_ab_gdb = 50\n"
    + 'nr1_voraussetzung = "{wert}"\n{pflegegrad}'
    + "ns_verfolgung = 750\nalleinerziehend = 1320\nalleinerziehend_kind_unter = 18\n"
    + "kind_erwerbseinkommen = 1200\nkind_erwerbseinkommen_unter = 25\n"
)


def _store(tmp_path: Path, folder: str, text: str) -> ParameterStore:
    (tmp_path / folder).mkdir()
    (tmp_path / folder / "2025-01-01.toml").write_text(text, encoding="utf-8")
    return ParameterStore(tmp_path, base=default_store(), name="Test", status="Entwurf", hinweis="Test")


def _haushalt(**mitglied: object) -> Haushalt:
    return Haushalt.model_validate(
        {
            "mietenstufe": 3,
            "miete_monat": "600.00",
            "mitglieder": [
                {
                    "pauschalabzug": {"steuern": True, "kranken_pflege": True, "rente": True},
                    **mitglied,
                }
            ],
        }
    )


def test_werbungskosten_pauschbetrag_statt_nachweis(tmp_path: Path) -> None:
    """Erwerbseinkommen 2 000 €/Monat, nachgewiesene Werbungskosten 3 000 €/Jahr, § 16 Nr. 1–3 (30 %).

    Law in force (``werbungskosten = "nachweis_oder_pauschbetrag"``, § 14 Abs. 1 Satz 1 WoGG i. V. m.
    § 9a Satz 1 Nr. 1 Buchst. a EStG, wording of 2023: 1 230 € "wenn nicht höhere Werbungskosten
    nachgewiesen werden"): 24 000 − 3 000 = 21 000 €; × 0.7 = 14 700 €; Y = 14 700 / 12 = 1 225.00 €.
    Rule set with ``werbungskosten = "pauschbetrag"`` (the draft's rule): 24 000 − 1 230 = 22 770 €;
    × 0.7 = 15 939 €; Y = 15 939 / 12 = 1 328.25 €.
    """
    h = _haushalt(
        einnahmen=[{"art": "Erwerbseinkommen", "brutto_monat": "2000.00", "werbungskosten_jahr": "3000"}]
    )
    geltend = calculate(h, on=ON)
    store = _store(tmp_path, "werbungskosten_pauschbetraege", WERBUNGSKOSTEN.format(wert="pauschbetrag"))
    anders = calculate(h, on=ON, rechtsstand=store)
    assert geltend.Y_berechnet == Decimal("1225")
    assert anders.Y_berechnet == Decimal("1328.25")
    assert anders.betrag_monat < geltend.betrag_monat
    wk = [s for s in anders.schritte if s.key == "werbungskosten"]
    assert [s.label for s in wk] == ["Mitglied 1: Werbungskosten-Pauschbetrag (1.230,00 € jährlich)"]


def test_werbungskosten_nachweis_im_testregelwerk_wie_geltendes_recht(tmp_path: Path) -> None:
    """The same Fassung with the old value gives the law in force: Y = 1 225.00 € (derivation above)."""
    h = _haushalt(
        einnahmen=[{"art": "Erwerbseinkommen", "brutto_monat": "2000.00", "werbungskosten_jahr": "3000"}]
    )
    text = WERBUNGSKOSTEN.format(wert="nachweis_oder_pauschbetrag")
    r = calculate(h, on=ON, rechtsstand=_store(tmp_path, "werbungskosten_pauschbetraege", text))
    assert r.Y_berechnet == Decimal("1225")


def test_freibetrag_nr1_bei_pflegegrad(tmp_path: Path) -> None:
    """Erwerbseinkommen 2 000 €/Monat, no GdB, Pflegegrad 3, § 16 Nr. 1–3 (30 %).

    Law in force (``nr1_voraussetzung = "schwerbehinderung"``, § 17 Nr. 1 WoGG, wording of 2020:
    "für jedes schwerbehinderte Haushaltsmitglied mit einem Grad der Behinderung"): no Freibetrag
    without a GdB; 24 000 − 1 230 (§ 9a Satz 1 Nr. 1 Buchst. a EStG) = 22 770 €; × 0.7 = 15 939 €;
    Y = 1 328.25 €. Rule set with ``nr1_voraussetzung = "schwerbehinderung_oder_pflegegrad"``,
    ``pflegegrad_ab = 3`` (the draft's rule): 15 939 − 1 800 = 14 139 €; Y = 14 139 / 12 = 1 178.25 €.
    """
    h = _haushalt(einnahmen=[{"art": "Erwerbseinkommen", "brutto_monat": "2000.00"}], pflegegrad=3)
    geltend = calculate(h, on=ON)
    text = FREIBETRAEGE.format(wert="schwerbehinderung_oder_pflegegrad", pflegegrad="pflegegrad_ab = 3\n")
    anders = calculate(h, on=ON, rechtsstand=_store(tmp_path, "freibetraege", text))
    assert geltend.Y_berechnet == Decimal("1328.25")
    assert anders.Y_berechnet == Decimal("1178.25")
    assert anders.betrag_monat > geltend.betrag_monat
    assert not [s for s in geltend.schritte if s.key == "freibetrag_17_1"]
    (nr1,) = [s for s in anders.schritte if s.key == "freibetrag_17_1"]
    assert nr1.label == "Mitglied 1: Freibetrag bei Pflegegrad 3 (1.800,00 € jährlich)"
    assert nr1.wert == Decimal("150")


def test_freibetrag_nr1_pflegegrad_unter_der_schwelle(tmp_path: Path) -> None:
    """Pflegegrad 2 under the draft's rule with ``pflegegrad_ab = 3``: no Freibetrag, Y = 1 328.25 €."""
    h = _haushalt(einnahmen=[{"art": "Erwerbseinkommen", "brutto_monat": "2000.00"}], pflegegrad=2)
    text = FREIBETRAEGE.format(wert="schwerbehinderung_oder_pflegegrad", pflegegrad="pflegegrad_ab = 3\n")
    r = calculate(h, on=ON, rechtsstand=_store(tmp_path, "freibetraege", text))
    assert r.Y_berechnet == Decimal("1328.25")


@pytest.mark.parametrize(
    ("wert", "pflegegrad"),
    [("schwerbehinderung", "pflegegrad_ab = 3\n"), ("schwerbehinderung_oder_pflegegrad", "")],
)
def test_pflegegrad_ab_gehoert_zur_pflegegrad_regel(wert: str, pflegegrad: str) -> None:
    """``pflegegrad_ab`` is given exactly when the rule names the Pflegegrad."""
    daten = tomllib.loads(FREIBETRAEGE.format(wert=wert, pflegegrad=pflegegrad))
    with pytest.raises(ValidationError, match="pflegegrad_ab gehört zu nr1_voraussetzung"):
        Freibetraege.model_validate(daten)


def test_unbekannte_regel_abgelehnt() -> None:
    """A value that names no rule is refused when the file is read."""
    daten = tomllib.loads(FREIBETRAEGE.format(wert="gdb_50", pflegegrad=""))
    with pytest.raises(ValidationError, match="nr1_voraussetzung"):
        Freibetraege.model_validate(daten)
