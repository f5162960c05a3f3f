"""Properties of the income stage (§§ 13–18 WoGG), checked with hypothesis."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from wohngeld import Haushalt, calculate

ZAEHLT = [
    "Erwerbseinkommen",
    "Minijob, pauschal versteuert",
    "Gewinn aus Gewerbebetrieb",
    "Kapitalerträge",
    "Altersrente",
    "Versorgungsbezüge",
    "Arbeitslosengeld",
    "Elterngeld",
    "Unterhalt",
    "Unterhaltsvorschuss",
    "BAföG-Zuschuss",
    "Vermietung und Verpachtung",
    "Unterhalt für eine Pflegeperson oder Pflegekraft",
    "Zuwendung einer nicht unterhaltspflichtigen Person",
    "Unterhaltshilfe nach Lastenausgleichsrecht",
    "Leistung nach § 7 Abs. 1 WoGG, wiederkehrend",
]
ZAEHLT_NICHT = ["Kindergeld", "Kinderzuschlag", "Pflegegeld", "Blindengeld", "Untervermietung in der Wohnung"]
TAGE = [
    date(2016, 7, 1),
    date(2020, 3, 1),
    date(2021, 7, 1),
    date(2022, 7, 1),
    date(2023, 7, 1),
    date(2025, 7, 1),
]

betrag = st.integers(min_value=0, max_value=400_000).map(lambda c: str(Decimal(c) / 100))

mitglied = st.fixed_dictionaries(
    {
        "einnahmen": st.lists(
            st.fixed_dictionaries({"art": st.sampled_from(ZAEHLT), "brutto_monat": betrag}), max_size=2
        ),
        "pauschalabzug": st.fixed_dictionaries(
            {"steuern": st.booleans(), "kranken_pflege": st.booleans(), "rente": st.booleans()}
        ),
        "kind": st.booleans(),
        "alter_unter_25": st.just(True),
        "schwerbehindert_gdb": st.sampled_from([None, 100]),
        "grundrentenzeiten_33_jahre": st.booleans(),
    }
)


def _betrag(mitglieder: list[dict[str, Any]], stufe: int, miete: str, on: date) -> Decimal:
    h = Haushalt.model_validate({"mietenstufe": stufe, "miete_monat": miete, "mitglieder": mitglieder})
    return calculate(h, on=on, rechenweg=False).betrag_monat


def _plus(mitglieder: list[dict[str, Any]], wer: int, einnahme: dict[str, str]) -> list[dict[str, Any]]:
    neu = [dict(m) for m in mitglieder]
    neu[wer] = {**neu[wer], "einnahmen": [*neu[wer]["einnahmen"], einnahme]}
    return neu


@settings(max_examples=150, deadline=None)
@given(
    mitglieder=st.lists(mitglied, min_size=1, max_size=4),
    wer=st.integers(min_value=0, max_value=3),
    art=st.sampled_from(ZAEHLT),
    mehr=betrag,
    stufe=st.integers(min_value=1, max_value=6),
    miete=st.integers(min_value=100, max_value=1500).map(str),
    on=st.sampled_from(TAGE),
)
def test_mehr_einkommen_erhoeht_nie(
    mitglieder: list[dict[str, Any]], wer: int, art: str, mehr: str, stufe: int, miete: str, on: date
) -> None:
    wer %= len(mitglieder)
    # Finding (docs/rechtsauslegung.md, § 17a): for a member with 33 years of Grundrentenzeiten the
    # Freibetrag is taken from the gross pension, so a small pension lowers Y; see the test below.
    assume(not (art == "Altersrente" and mitglieder[wer]["grundrentenzeiten_33_jahre"]))
    vorher = _betrag(mitglieder, stufe, miete, on)
    nachher = _betrag(_plus(mitglieder, wer, {"art": art, "brutto_monat": mehr}), stufe, miete, on)
    assert nachher <= vorher


@settings(max_examples=100, deadline=None)
@given(
    mitglieder=st.lists(mitglied, min_size=1, max_size=4),
    wer=st.integers(min_value=0, max_value=3),
    art=st.sampled_from(ZAEHLT_NICHT),
    mehr=betrag,
    on=st.sampled_from(TAGE),
)
def test_nicht_zaehlendes_einkommen_aendert_nichts(
    mitglieder: list[dict[str, Any]], wer: int, art: str, mehr: str, on: date
) -> None:
    wer %= len(mitglieder)
    vorher = _betrag(mitglieder, 3, "600", on)
    assert _betrag(_plus(mitglieder, wer, {"art": art, "brutto_monat": mehr}), 3, "600", on) == vorher


@settings(max_examples=60, deadline=None)
@given(monat=betrag, on=st.sampled_from(TAGE))
def test_jahresbetrag_gleich_zwoelf_monatsbetraege(monat: str, on: date) -> None:
    # § 15 Abs. 1: 12 × brutto_monat and brutto_jahr give the same Y, to the cent and beyond
    def y(e: dict[str, str]) -> Decimal:
        h = Haushalt.model_validate(
            {
                "mietenstufe": 3,
                "miete_monat": "500",
                "mitglieder": [{"einnahmen": [{"art": "Erwerbseinkommen", **e}]}],
            }
        )
        return calculate(h, on=on, rechenweg=False).Y_berechnet

    assert y({"brutto_monat": monat}) == y({"brutto_jahr": str(12 * Decimal(monat))})


def test_grundrente_freibetrag_can_exceed_the_counted_pension() -> None:
    """§ 17a WoGG, counterexample kept as a case: 2025, one member, Grundrentenzeiten 33 years.

    Erwerbseinkommen 1 500 − 102.50 (§ 9a Nr. 1a EStG) = 1 397.50 = Y without a pension.
    With a pension of 50 €: + (50 − 8.50) = 41.50, Freibetrag § 17a = 50 (the whole pension, below
    100 €) → Y = 1 397.50 + 41.50 − 50 = 1 389.00: more income, lower Y (and 38 € → 41 €).
    """

    def haushalt(rente: str | None) -> Haushalt:
        einnahmen = [{"art": "Erwerbseinkommen", "brutto_monat": "1500"}]
        if rente:
            einnahmen.append({"art": "Altersrente", "brutto_monat": rente})
        return Haushalt.model_validate(
            {
                "mietenstufe": 3,
                "miete_monat": "400",
                "mitglieder": [{"einnahmen": einnahmen, "grundrentenzeiten_33_jahre": True}],
            }
        )

    on = date(2025, 7, 1)
    assert calculate(haushalt(None), on=on).Y_berechnet == Decimal("1397.50")
    assert calculate(haushalt("50"), on=on).Y_berechnet == Decimal("1389.00")
