"""Parameter tables (law/tabelle.py): the Fassung in force on a date, the refusals, one resolve().

In force on a date is the file with the latest ``valid_from`` not after it; the Fassung of a
Rechtsstand is the latest ``valid_from`` of the core tables. The dates below are the file names
under ``data/parameters/`` (e.g. ``koeffizienten/2022-01-01.toml``: the Fortschreibung of § 43 WoGG
by the 1. WoGFV v. 3.6.2021, BGBl. I S. 1369, in force 1.1.2022).
"""

from __future__ import annotations

from datetime import date, datetime

import pytest

from wohngeld.errors import InputError, NoParameters
from wohngeld.law.tabelle import (
    EARLIEST,
    Koeffizienten,
    ParameterStore,
    default_store,
    named_store,
    rechtsstand,
    resolve,
)


@pytest.mark.parametrize(
    ("on", "fassung"),
    [
        (date(2016, 1, 1), date(2016, 1, 1)),  # WoGRefG: every core table from 1.1.2016
        (date(2019, 12, 31), date(2016, 1, 1)),  # the day before the WoGStärkG
        (date(2020, 1, 1), date(2020, 1, 1)),  # WoGStärkG, in force 1.1.2020
        (date(2021, 6, 1), date(2021, 1, 1)),  # CO2-Entlastungsbetrag (heizkosten) from 1.1.2021
        (date(2022, 12, 31), date(2022, 1, 1)),  # 1. WoGFV from 1.1.2022
        (date(2023, 1, 1), date(2023, 1, 1)),  # Wohngeld-Plus-Gesetz, in force 1.1.2023
        (date(2025, 7, 1), date(2025, 1, 1)),  # 2. WoGFV, in force 1.1.2025
    ],
)
def test_fassung_ist_die_juengste_nicht_spaetere(on: date, fassung: date) -> None:
    assert rechtsstand(on).fassung == fassung


def test_tabelle_am_tag_davor_und_am_tag() -> None:
    """koeffizienten has files from 2022-01-01 and 2023-01-01: 31.12.2022 takes the first, 1.1.2023 the
    second."""
    store = default_store()
    assert store.in_force("koeffizienten", date(2022, 12, 31), Koeffizienten).valid_from == date(2022, 1, 1)
    assert store.in_force("koeffizienten", date(2023, 1, 1), Koeffizienten).valid_from == date(2023, 1, 1)


def test_vor_2016_kein_rechtsstand() -> None:
    """The library computes the WoGG from the WoGRefG (1.1.2016) on; the day before is an error."""
    assert date(2016, 1, 1) == EARLIEST
    with pytest.raises(NoParameters, match=r"31\.12\.2015"):
        rechtsstand(date(2015, 12, 31))


def test_datetime_als_stichtag_abgelehnt() -> None:
    with pytest.raises(InputError, match="datetime"):
        default_store().rechtsstand(datetime(2025, 7, 1, 12, 0))


def test_resolve_ein_weg_fuer_alle() -> None:
    """None: the law in force; a name: the named rule set; a store: itself; anything else: an error."""
    assert resolve(None) is default_store()
    assert resolve("geltendes Recht") is default_store()
    assert resolve("Entwurf 2027") is named_store("Entwurf 2027")
    eigener = ParameterStore()
    assert resolve(eigener) is eigener
    with pytest.raises(InputError, match="rechtsstand: int 2027"):
        resolve(2027)  # type: ignore[arg-type]
    with pytest.raises(InputError, match="bekannte Regelwerke: 'geltendes Recht'"):
        resolve("Entwurf 2099")


def test_entwurf_nur_wenn_benannt() -> None:
    """The draft applies from 1.1.2027 only when named; the law in force stays on the 2025 Fassung."""
    assert rechtsstand(date(2027, 1, 1)).fassung == date(2025, 1, 1)
    entwurf = named_store("Entwurf 2027").rechtsstand(date(2027, 1, 1))
    assert entwurf.name == "Entwurf 2027" and entwurf.fassung == date(2027, 1, 1)
