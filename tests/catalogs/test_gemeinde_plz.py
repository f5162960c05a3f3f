"""Gemeinde-specific entries of the catalogues reach a household given by its Postleitzahl."""

from __future__ import annotations

from datetime import date

from wohngeld import Haushalt, calculate
from wohngeld.catalogs.leistungen import verbundene_leistungen

_DRESDEN_1 = {"miete_monat": "420.00", "anzahl_mitglieder": 1, "gesamteinkommen_monat": "1162.35"}


def _namen(ort: dict[str, str]) -> set[str]:
    h = Haushalt.model_validate({**_DRESDEN_1, **ort})
    r = calculate(h, on=date(2023, 7, 1))
    return {x.name for x in verbundene_leistungen(h, r)}


def test_dresden_pass_by_plz_as_by_name() -> None:
    """01067 lies only in Dresden (14612000): the Dresden-Pass applies as for gemeinde = "Dresden"."""
    mit_name = _namen({"gemeinde": "Dresden"})
    assert any("Dresden-Pass" in n for n in mit_name)
    assert _namen({"plz": "01067"}) == mit_name


def test_no_dresden_pass_elsewhere() -> None:
    """23860 (Groß Schenkenberg or Klein Wesenberg) is not Dresden: no Dresden-Pass."""
    assert not any("Dresden-Pass" in n for n in _namen({"plz": "23860", "ort": "Klein Wesenberg"}))
