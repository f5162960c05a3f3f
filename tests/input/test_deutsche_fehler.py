"""The Python door says in German what is wrong: constructing or validating an input model raises an
``Eingabefehler`` — still pydantic's ``ValidationError`` (same entries), and an ``InputError``."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from pydantic import ValidationError

import wohngeld
from wohngeld import Haushalt, Haushaltsmitglied, InputError, Miete, WohngeldError
from wohngeld.input.einnahmen import Einnahme
from wohngeld.validierung import Eingabefehler, fehlertext

from ..test_meldungen_deutsch import ENGLISCH

OK: dict[str, Any] = {
    "mietenstufe": 3,
    "wohnkosten": Miete(miete_monat="420.00"),
    "anzahl_mitglieder": 1,
    "gesamteinkommen_monat": "1162.35",
}


def test_constructing_a_haushalt_with_a_bad_field() -> None:
    """Mietenstufe 9 (§ 12 Abs. 1 WoGG knows I–VII): the German text names field, value and bound."""
    with pytest.raises(Eingabefehler) as info:
        Haushalt(**{**OK, "mietenstufe": 9})
    e = info.value
    assert str(e) == (
        "Ungültige Eingabe für Haushalt: mietenstufe: Der Wert darf höchstens 7 sein "
        "(angegeben: 9; zulässig: höchstens 7)"
    )
    assert isinstance(e, ValidationError) and isinstance(e, InputError) and isinstance(e, WohngeldError)
    assert isinstance(e, ValueError) and wohngeld.Eingabefehler is Eingabefehler
    (eintrag,) = e.errors()
    assert eintrag["type"] == "less_than_equal" and eintrag["loc"] == ("mietenstufe",)
    assert eintrag["input"] == 9 and eintrag["ctx"] == {"le": 7}
    assert eintrag["msg"] == "Der Wert darf höchstens 7 sein."


def test_every_entry_in_one_message_and_no_english_words() -> None:
    with pytest.raises(Eingabefehler) as info:
        Haushalt(**{**OK, "anzahl_mitglieder": 0, "zimmer": 3, "gesamteinkommen_monat": "1162,35"})
    text = str(info.value)
    assert "anzahl_mitglieder: Der Wert muss mindestens 1 sein (angegeben: 0; zulässig: mindestens 1)" in text
    assert "zimmer: Dieses Feld kennt die Berechnung nicht" in text
    assert "gesamteinkommen_monat: '1162,35' ist keine Zahl" in text
    assert info.value.error_count() == 3
    assert not ENGLISCH.search(text), text


def test_a_rules_own_message_keeps_its_citation_without_pydantics_prefix() -> None:
    """A birth date after today is refused by § 5 WoGG (only persons born are members)."""
    with pytest.raises(Eingabefehler) as info:
        Haushaltsmitglied(geburtsdatum=date(2100, 1, 1))
    text = str(info.value)
    assert text.startswith(
        "Ungültige Eingabe für Haushaltsmitglied: geburtsdatum: geburtsdatum 01.01.2100 liegt in der Zukunft"
    )
    assert "(§ 5 WoGG) (angegeben: 01.01.2100)" in text and "Value error" not in text
    assert info.value.errors()[0]["type"] == "value_error"


def test_a_nested_error_is_translated_once_with_its_place() -> None:
    with pytest.raises(Eingabefehler) as info:
        Haushalt.model_validate(
            {
                "mietenstufe": 3,
                "miete_monat": "500",
                "mitglieder": [{}, {"einnahmen": [{"art": "Lottogewinn"}]}],
            }
        )
    (eintrag,) = [e for e in info.value.errors() if e["loc"][-1] == "art"]
    assert eintrag["loc"] == ("mitglieder", 1, "einnahmen", 0, "art")
    assert "Dieser Wert ist nicht vorgesehen" in str(info.value)
    assert "Dieser Wert ist nicht vorgesehen" in fehlertext(info.value)  # the front doors' text as before


def test_every_door_of_the_models() -> None:
    """``Model(...)``, ``model_validate`` and ``model_validate_json`` of the input models, and a
    model without the shared base (Einnahme)."""
    fehler: list[ValidationError] = []
    for aufruf in (
        lambda: Miete(miete_monat="-5"),
        lambda: Haushalt.model_validate({**OK, "mietenstufe": 0}),
        lambda: Haushalt.model_validate_json('{"mietenstufe": "drei"}'),
        lambda: Einnahme(art="Erwerbseinkommen", brutto_monat="zwölf"),
    ):
        with pytest.raises(Eingabefehler) as info:
            aufruf()
        fehler.append(info.value)
    assert str(fehler[0]) == (
        "Ungültige Eingabe für Miete: miete_monat: Der Wert muss mindestens 0 sein "
        "(angegeben: '-5'; zulässig: mindestens 0)"
    )
    assert str(fehler[1]).startswith(
        "Ungültige Eingabe für Haushalt: mietenstufe: Der Wert muss mindestens 1"
    )
    assert "mietenstufe: Eine ganze Zahl wird erwartet (angegeben: 'drei'" in str(fehler[2])
    assert str(fehler[3]).startswith("Ungültige Eingabe für Einnahme: brutto_monat: 'zwölf' ist keine Zahl")


def test_nested_models_are_not_validated_through_init() -> None:
    """pydantic validates nested members inside the outer call (no ``__init__`` of their own per member):
    the German ``__init__`` is marked as the base one. A pydantic that stops honouring the mark shows here."""
    assert Haushalt.__pydantic_custom_init__ is False
    assert Haushaltsmitglied.__pydantic_custom_init__ is False
