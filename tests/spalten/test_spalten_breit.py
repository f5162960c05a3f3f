"""The wide shortcut for itemised Einnahmen (one column per kind in the members table).

The same households in the wide shortcut, in the long layout and as ``Haushalt`` objects give the
same rows; hand-computed amounts; bad cells are reported as cells of the members table.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

pytest.importorskip("numpy")
pytest.importorskip("pyarrow")

import numpy as np
import pyarrow as pa

from wohngeld import Haushalt, calculate
from wohngeld.errors import InputError
from wohngeld.spalten import EINNAHME_SPALTEN, berechne, tabellen_aus_haushalten
from wohngeld.spalten.synthetisch import cent_spalte, haushalte

_ON = date(2025, 7, 1)
_HAUSHALTE = {
    "id": ["a", "b", "c"],
    "mietenstufe": [3, 4, 3],
    "miete_monat": ["600.00", "480.00", "600.00"],
}
_MITGLIEDER = {
    "haushalt_id": ["a", "b", "b", "c"],
    "kind": [False, False, True, False],
    "pauschalabzug_steuern": [False, False, False, True],
    "pauschalabzug_kranken_pflege": [False, False, False, True],
    "pauschalabzug_rente": [False, False, False, True],
    "erwerbseinkommen_monat": ["1500.00", "0", None, "1500.00"],
    "altersrente_monat": [None, "900.00", None, None],
    "kindergeld_monat": [None, None, "250.00", None],
}


def _als_haushalte() -> list[Haushalt]:
    """The households of the wide tables above, as the scalar engine takes them."""
    pausch = {"steuern": True, "kranken_pflege": True, "rente": True}
    return [
        Haushalt.model_validate(d)
        for d in (
            {
                "mietenstufe": 3,
                "miete_monat": "600.00",
                "mitglieder": [{"einnahmen": [{"art": "Erwerbseinkommen", "brutto_monat": "1500.00"}]}],
            },
            {
                "mietenstufe": 4,
                "miete_monat": "480.00",
                "mitglieder": [
                    {"einnahmen": [{"art": "Altersrente", "brutto_monat": "900.00"}]},
                    {"kind": True, "einnahmen": [{"art": "Kindergeld", "brutto_monat": "250.00"}]},
                ],
            },
            {
                "mietenstufe": 3,
                "miete_monat": "600.00",
                "mitglieder": [
                    {
                        "pauschalabzug": pausch,
                        "einnahmen": [{"art": "Erwerbseinkommen", "brutto_monat": "1500.00"}],
                    }
                ],
            },
        )
    ]


def test_kurzform_von_hand_gleich_lang_und_calculate() -> None:
    """Three households on 1.7.2025 (Fassung of 1.1.2025; Anlage 1 and 2 of the 2. WoGFV of
    21.10.2024, BGBl. 2024 I Nr. 314; § 12 Abs. 6, 7 and § 16 WoGG as amended by the
    Wohngeld-Plus-Gesetz of 5.12.2022, BGBl. I S. 2160), Einnahmen as columns per kind.

    b: 2 members, Mietenstufe IV, Miete 480 €; an Altersrente of 900 €/Monat, Kindergeld 250 €.
      M (§ 12 Abs. 1, 7): Höchstbetrag 619 € + Klimakomponente 24.80 € = 643.80 € ≥ 480 € → 480 €;
      § 12 Abs. 6: + 18.60 € + 124 € (Heizkosten) → M = 622.60 €.
      Y: 12 · 900 € = 10 800 € − 102 € (Werbungskosten-Pauschbetrag, § 14 Abs. 1 WoGG with § 9a
      Satz 1 Nr. 3 EStG) = 10 698 €; Kindergeld is no Einnahme (§ 14 Abs. 2 WoGG lists it not);
      § 16: no Merkmal → 0 %; § 13 Abs. 2: Y = 10 698 € / 12 = 891.50 €.
      § 19 with Anlage 2 for 2 members (a = 0.03, b = 3.571E-4, c = 3.040E-5), Anlage 3 Nr. 2:
      z1 = 0.03 + 0.22233046 + 0.0271016 = 0.27943206; z2 = z1 · 891.50 = 249.11368149;
      z3 = 622.60 − z2 = 373.48631851; z4 = 1.15 · z3 = 429.5092662865 → 430 € (Nr. 3).
    a: 1 member, Mietenstufe III, Miete 600 €, Erwerbseinkommen 1 500 €/Monat: M = min(600,
      456 + 19.20) + 14.40 + 96 = 585.60 €; Y = (18 000 − 1 230 (§ 9a Satz 1 Nr. 1 a EStG)) / 12 =
      1 397.50 €; z1 = 0.04 + 0.28091232 + 0.057018 = 0.37793032, z2 = 528.1576222,
      z3 = 57.4423778, z4 = 66.05873447 → 66 €.
    c: as a, with the three Merkmale of § 16 Abs. 1 (30 %): Y = 16 770 · 0.7 / 12 = 978.25 €;
      z1 = 0.04 + 0.28091232 + 0.0399126 = 0.36082492, z2 = 352.97697799, z3 = 232.62302201,
      z4 = 267.5164753115 → 268 €.
    The zero in the member row of b is no Einnahme (empty and 0: none of that kind).
    """
    breit = berechne(_HAUSHALTE, _MITGLIEDER, on=_ON)
    assert breit.fehler.num_rows == 0
    erg = breit.ergebnis
    assert erg.column("betrag_monat").to_pylist() == [66, 430, 268]
    assert erg.column("Y").to_pylist() == [Decimal("1397.5"), Decimal("891.5"), Decimal("978.25")]
    assert erg.column("weg").to_pylist() == ["spalten"] * 3
    H, M, E = tabellen_aus_haushalten([(h, _ON) for h in _als_haushalte()])
    lang = berechne(H, M, E).ergebnis
    assert breit.ergebnis.drop_columns(["id"]).equals(lang.drop_columns(["id"]))
    for h, b, y in zip(_als_haushalte(), [66, 430, 268], erg.column("Y").to_pylist(), strict=True):
        r = calculate(h, on=_ON, rechenweg=False)
        assert (int(r.betrag_monat), r.Y) == (b, y)


def test_kurzform_fehler_je_zelle_gute_zeilen_gerechnet() -> None:
    """A bad amount is reported with the member row, the household id and the column; a household
    with a bad cell is not computed, the others are; a table einnahmen as well is refused."""
    mitglieder = dict(_MITGLIEDER, altersrente_monat=[None, "9oo", None, None])
    e = berechne(_HAUSHALTE, mitglieder, on=_ON)
    f = e.fehler.to_pylist()
    assert [(x["tabelle"], x["zeile"], x["haushalt_id"], x["feld"]) for x in f] == [
        ("mitglieder", 1, "b", "altersrente_monat")
    ]
    assert "kein Betrag" in f[0]["meldung"]
    assert e.ergebnis.column("grund_code").to_pylist() == ["ANSPRUCH", "FEHLER", "ANSPRUCH"]
    assert e.ergebnis.column("betrag_monat").to_pylist() == [66, None, 268]
    with pytest.raises(InputError, match="Kurzform"):
        berechne(
            _HAUSHALTE,
            dict(_MITGLIEDER, mitglied_id=[1, 2, 3, 4]),
            {"mitglied_id": [1], "art": ["Kindergeld"]},
        )


def test_kurzform_spaltennamen_aller_arten() -> None:
    """Every kind of Einnahme has a column prefix: its member name in ``EinnahmeArt`` in lower case."""
    from wohngeld.input.einnahmen import EinnahmeArt

    assert sorted(EINNAHME_SPALTEN.values()) == sorted(a.value for a in EinnahmeArt)
    assert EINNAHME_SPALTEN["erwerbseinkommen"] == "Erwerbseinkommen"
    assert EINNAHME_SPALTEN["versorgungsbezuege"] == "Versorgungsbezüge"


def _breit_aus_lang(M: pa.Table, E: pa.Table) -> tuple[pa.Table, pa.Table]:
    """The members of :func:`wohngeld.spalten.synthetisch.haushalte` with their one Einnahme each as
    a column per kind (amounts of 0 € raised to 1 cent, in both layouts)."""
    arten = E.column("art").combine_chunks()
    art_idx = np.asarray(arten.indices.to_numpy(), dtype=np.int64)
    namen = arten.dictionary.to_pylist()
    roh = E.column("brutto_monat").combine_chunks()
    cents = np.frombuffer(roh.buffers()[1], dtype=np.int64)[::2][roh.offset : roh.offset + len(roh)]
    cents = np.maximum(cents, 1)
    spalten = {}
    for i, name in enumerate(namen):
        prefix = next(k for k, v in EINNAHME_SPALTEN.items() if v == name)
        spalten[f"{prefix}_monat"] = cent_spalte(cents, fehlt=art_idx != i)
    B = M.drop_columns(["mitglied_id"])
    for k, v in spalten.items():
        B = B.append_column(k, v)
    return B, E.set_column(2, "brutto_monat", cent_spalte(cents))


@settings(max_examples=15, deadline=None)
@given(st.integers(1, 400), st.integers(0, 2**16), st.sampled_from([0.0, 0.2]))
def test_kurzform_gleich_langem_format(n: int, seed: int, anteil: float) -> None:
    """Random households (1–8 members, Stichtage 2016–2026, a share with an excluded member: scalar
    path): the wide shortcut gives the same table as the long layout."""
    H, M, E = haushalte(n, seed=seed, anteil_einzeln=anteil)
    B, E1 = _breit_aus_lang(M, E)
    assert berechne(H, B).ergebnis.equals(berechne(H, M, E1).ergebnis)


def test_kurzform_in_bloecken_gleich_langem_format() -> None:
    """More households than one block: the parts of the wide shortcut give the same rows."""
    H, M, E = haushalte(60_000, seed=5)
    B, E1 = _breit_aus_lang(M, E)
    assert berechne(H, B).ergebnis.equals(berechne(H, M, E1).ergebnis)


def test_kurzform_mehr_nachkommastellen_einzelweg_mit_der_zelle() -> None:
    """A cell with more decimals than cents goes the scalar way with the cell as given (flagged), and
    the amount is that of ``calculate`` for the same Einnahme."""
    mitglieder = dict(_MITGLIEDER, erwerbseinkommen_monat=["1500.005", "0", None, "1500.00"])
    e = berechne(_HAUSHALTE, mitglieder, on=_ON).ergebnis
    assert e.column("weg").to_pylist() == ["einzeln", "spalten", "spalten"]
    h = Haushalt.model_validate(
        {
            "mietenstufe": 3,
            "miete_monat": "600.00",
            "mitglieder": [{"einnahmen": [{"art": "Erwerbseinkommen", "brutto_monat": "1500.005"}]}],
        }
    )
    r = calculate(h, on=_ON, rechenweg=False)
    assert e.column("betrag_monat").to_pylist()[0] == int(r.betrag_monat)
    assert e.column("Y").to_pylist()[0] == r.Y
