"""A Rechenweg and JSON a person can read: euros to the cent, ``≈`` where rounded for display,
ten decimal places in JSON and batch files, German texts without repository names, search dates
or Python reprs, and municipal hints only for their Gemeinde.

The amounts: one single earner, Mietenstufe III, Miete 420,00 €, Stichtag 01.07.2023, brutto_jahr
10.001,00 € Erwerbseinkommen. Werbungskosten-Pauschbetrag 1.230 € (§ 14 Abs. 1 WoGG i. V. m. § 9a
Satz 1 Nr. 1 Buchst. a EStG i. d. F. ab 2023), no § 16 deduction: Jahreseinkommen 8.771,00 €,
Y = 8.771 / 12 = 730,91666… € (§ 13 Abs. 2 WoGG) — shown as ``≈ 730,92 €``, written with the ten
decimal places of Anlage 3 Nr. 2 WoGG as ``730.9166666667``.
"""

from __future__ import annotations

import csv
import io
import re
from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from wohngeld import Haushalt, aenderung, antrag, calculate
from wohngeld.errors import InputError
from wohngeld.formats.stapel import stapel_datei
from wohngeld.rechenweg import format_euro

D23 = date(2023, 7, 1)
EINZELN = Haushalt.model_validate(
    {"mietenstufe": 3, "miete_monat": "420.00",
     "mitglieder": [{"einnahmen": [{"art": "Erwerbseinkommen", "brutto_jahr": "10001.00"}]}]}
)
EURO = re.compile(r"(?:≈ )?-?\d{1,3}(?:\.\d{3})*,\d{2} €")


def test_explain_shows_euros_to_the_cent_and_marks_display_rounding() -> None:
    r = calculate(EINZELN, on=D23)
    assert r.Y_berechnet == Decimal(8771) / 12
    text = r.explain()
    assert "≈ 730,92 €" in text and "730,9166" not in text
    for zeile in text.splitlines():
        for betrag in re.findall(r"[-\d.,]+ €", zeile):
            assert EURO.fullmatch(betrag) or EURO.fullmatch(f"≈ {betrag}"), (betrag, zeile)
    assert "420,00 €" in text and "≈ 420,00 €" not in text  # exact amounts carry no ≈


def test_json_and_batch_keep_the_value_at_ten_decimal_places() -> None:
    r = calculate(EINZELN, on=D23)
    d = r.to_dict()
    assert d["Y_berechnet"] == "730.9166666667" and d["M_berechnet"] == "530.40"
    werte = [s["wert"] for s in d["rechenweg"] if isinstance(s["wert"], str)]  # type: ignore[attr-defined]
    assert all(len(w.partition(".")[2]) <= 10 for w in werte if re.fullmatch(r"-?\d+(\.\d+)?", w))
    aus = io.StringIO()
    zeile = (
        "mietenstufe,miete_monat,anzahl_mitglieder,gesamteinkommen_monat\n3,420.00,1,1792.554666666666666\n"
    )
    stapel_datei(io.StringIO(zeile), aus, format="csv", on=D23)
    (row,) = csv.DictReader(io.StringIO(aus.getvalue()))
    assert row["Y"] == "1792.5546666667"


@given(st.decimals(allow_nan=False, allow_infinity=False, min_value=-(10**9), max_value=10**9))
def test_format_euro_is_the_cent_value_with_a_mark_when_rounded(x: Decimal) -> None:
    text = format_euro(x)
    assert EURO.fullmatch(text), text
    zahl = Decimal(text.removeprefix("≈ ").removesuffix(" €").replace(".", "").replace(",", "."))
    assert abs(zahl - x) <= Decimal("0.005")
    assert text.startswith("≈ ") == (zahl != x)


def test_antrag_text_is_german_and_names_no_repository() -> None:
    h = Haushalt.model_validate(
        {"mietenstufe": 3, "miete_monat": "400", "anzahl_mitglieder": 1, "gesamteinkommen_monat": "900"}
    )
    text = antrag(h, on=date(2025, 7, 1)).text()
    for englisch in ("the fortgeschriebene", "amounts continue", " the ", " given"):
        assert englisch not in text
    r = calculate(h, on=date(2027, 3, 1), rechtsstand="Entwurf 2027")
    hinweise = " ".join(r.warnungen)
    for intern in ("github", "nyko", ".md", ".ts", "Suche 30.11.2026", "GETTSIM", "Seed"):
        assert intern not in hinweise and intern not in r.explain()


def test_messages_show_dates_not_python_reprs() -> None:
    h = Haushalt.model_validate(
        {"mietenstufe": 3, "miete_monat": "400", "anzahl_mitglieder": 1, "gesamteinkommen_monat": "900"}
    )
    with pytest.raises(InputError) as e:
        aenderung(h, h, bewilligt_ab=date(2025, 7, 1), aenderung_ab=date(2027, 9, 15))
    assert "15.09.2027" in str(e.value) and "datetime" not in str(e.value)


def _kind_mit_wohngeld(**ort: object) -> Haushalt:
    return Haushalt.model_validate({
        **ort, "miete_monat": "600.00",
        "mitglieder": [
            {"einnahmen": [{"art": "Erwerbseinkommen", "brutto_monat": "1800"}], "alleinerziehend": True},
            {"kind": True, "alter_unter_25": True},
        ],
    })


def test_a_city_hint_appears_only_for_that_gemeinde() -> None:
    def but(h: Haushalt) -> str:
        a = antrag(h, on=date(2025, 7, 1))
        assert a.wohngeld.betrag_monat > 0
        (x,) = [x for x in a.leistungen if x.id == "bildung_und_teilhabe"]
        return x.antrag

    for dresden in ({"gemeinde": "Dresden"}, {"gemeinde": "14612000"}):
        assert "Landeshauptstadt Dresden" in but(_kind_mit_wohngeld(**dresden))
    for anderswo in ({"gemeinde": "Leipzig"}, {"mietenstufe": 3}):
        text = but(_kind_mit_wohngeld(**anderswo))
        assert "Dresden" not in text and "zuständigen Stelle" in text


def test_no_json_number_carries_more_than_ten_decimal_places() -> None:
    """Y = 8.771 / 12 in the combined answer (Result, Vorrang hint) and in the § 27 comparison."""
    texte = [antrag(EINZELN, on=D23).to_json()]
    miete = EINZELN.wohnkosten.model_copy(update={"miete_monat": Decimal(500)})
    neu = EINZELN.model_copy(update={"wohnkosten": miete})
    texte.append(aenderung(EINZELN, neu, bewilligt_ab=D23, aenderung_ab=date(2023, 9, 1)).to_json())
    for text in texte:
        assert "730.9166666667" in text
        assert not re.search(r"\d\.\d{11,}", text)
