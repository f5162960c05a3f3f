"""``wohngeld stapel`` / ``stapel_pfad``: nothing lost, nothing overwritten, nothing half-written.

The amounts come from Dresden 2023 Beispiel 1 (Stichtag 2023-07-01, Mietenstufe III, one member,
Bruttokaltmiete 420,00 €, Y 1.162,35 €): 131 € (published worked example, see
tests/cases/dresden); M 530,40 € includes the Heizkostenkomponente of § 12 Abs. 6 WoGG.
"""

from __future__ import annotations

import csv
import errno
import io
import json
import os
import signal
import tempfile
from pathlib import Path
from typing import Any
from unittest import mock

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from wohngeld.cli import main
from wohngeld.errors import DateiFehler, InputError
from wohngeld.formats import stapel as batch
from wohngeld.formats.stapel import stapel_pfad

KOPF = "id,mietenstufe,miete_monat,anzahl_mitglieder,gesamteinkommen_monat"
DRESDEN = "1,3,420.00,1,1162.35"
STICHTAG = ["--stichtag", "2023-07-01"]


def _stapel(*args: str) -> tuple[int, str]:
    res = CliRunner().invoke(main, ["stapel", *args])
    assert not isinstance(res.exception, Exception) or isinstance(res.exception, SystemExit), res.exception
    return res.exit_code, res.output


def _ein(tmp_path: Path, text: str = f"{KOPF}\n{DRESDEN}\n", name: str = "ein.csv") -> Path:
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return p


def test_hard_link_to_the_input_is_refused_and_the_input_kept(tmp_path: Path) -> None:
    ein = _ein(tmp_path)
    vorher = ein.read_bytes()
    hart = tmp_path / "hart.csv"
    os.link(ein, hart)
    for extra in ([], ["--ueberschreiben"]):
        code, text = _stapel(str(ein), str(hart), *STICHTAG, *extra)
        assert code == 1 and "dieselbe Datei" in text and str(hart) in text
        assert ein.read_bytes() == vorher
    (tmp_path / "sym.csv").symlink_to(ein)
    code, text = _stapel(str(ein), str(tmp_path / "sym.csv"), *STICHTAG, "--ueberschreiben")
    assert code == 1 and "dieselbe Datei" in text and ein.read_bytes() == vorher
    assert sorted(os.listdir(tmp_path)) == ["ein.csv", "hart.csv", "sym.csv"]


def test_existing_output_is_refused_unless_ueberschreiben(tmp_path: Path) -> None:
    ein = _ein(tmp_path)
    aus = tmp_path / "aus.csv"
    aus.write_text("alt\n", encoding="utf-8")
    code, text = _stapel(str(ein), str(aus), *STICHTAG)
    assert code == 1 and "schon vorhanden" in text and "--ueberschreiben" in text
    assert aus.read_text(encoding="utf-8") == "alt\n"
    code, _ = _stapel(str(ein), str(aus), *STICHTAG, "--ueberschreiben")
    assert code == 0
    (row,) = csv.DictReader(aus.open(encoding="utf-8"))
    assert (row["wohngeld_monat"], row["M"], row["Y"]) == ("131", "530.40", "1162.35")


def test_late_decoding_error_keeps_the_old_output(tmp_path: Path) -> None:
    """A cp1252 byte in data row 5 001 of a UTF-8 file: exit 1, the previous result untouched."""
    rows = [KOPF] + [f"{i},3,420.00,1,1162.35" for i in range(5000)]
    rows.append("5000,3,420.00,1,1162.35,Görlitz")
    ein = tmp_path / "ein.csv"
    ein.write_bytes(("\n".join(rows[:-1]) + "\n").encode() + rows[-1].encode("cp1252") + b"\n")
    aus = tmp_path / "aus.csv"
    aus.write_text("vorheriges Ergebnis\n", encoding="utf-8")
    code, text = _stapel(str(ein), str(aus), *STICHTAG, "--ueberschreiben")
    assert code == 1 and "nicht als utf-8-sig lesbar" in text and "0xf6" in text
    assert aus.read_text(encoding="utf-8") == "vorheriges Ergebnis\n"
    assert sorted(os.listdir(tmp_path)) == ["aus.csv", "ein.csv"]  # no temporary file left


def test_duplicate_column_is_refused_before_the_first_row(tmp_path: Path) -> None:
    ein = _ein(tmp_path, "mietenstufe,miete_monat,miete_monat,anzahl_mitglieder,gesamteinkommen_monat\n"
               "3,420,9999,1,1162.35\n")
    code, text = _stapel(str(ein), str(tmp_path / "aus.csv"), *STICHTAG)
    assert code == 1 and "'miete_monat' mehrfach" in text
    assert not (tmp_path / "aus.csv").exists()
    with pytest.raises(InputError, match="mehrfach"):
        batch.stapel_datei(io.StringIO(ein.read_text()), io.StringIO(), format="csv", on=None)


def test_duplicate_key_in_a_jsonl_object_is_an_error_of_its_line(tmp_path: Path) -> None:
    ein = _ein(tmp_path, '{"mietenstufe": 3, "miete_monat": "420", "miete_monat": "9999", '
               '"anzahl_mitglieder": 1, "gesamteinkommen_monat": "1162.35"}\n', "ein.jsonl")
    code, _ = _stapel(str(ein), str(tmp_path / "aus.jsonl"), *STICHTAG)
    assert code == 0
    (zeile,) = (tmp_path / "aus.jsonl").read_text(encoding="utf-8").splitlines()
    out = json.loads(zeile)
    assert "'miete_monat' mehrfach" in out["fehler"] and out["wohngeld_monat"] == ""
    assert "9999" in out["zeile_roh"] and "420" in out["zeile_roh"]  # the input line kept whole


def test_blank_lines_each_yield_an_output_line(tmp_path: Path) -> None:
    zeilen = [DRESDEN, "", DRESDEN, "", "", DRESDEN, DRESDEN, "", DRESDEN]
    ein = _ein(tmp_path, KOPF + "\n" + "\n".join(zeilen) + "\n")
    code, text = _stapel(str(ein), str(tmp_path / "aus.csv"), *STICHTAG)
    assert code == 0 and "9 Zeilen: 5 berechnet, 4 mit Fehler" in text
    out = list(csv.DictReader((tmp_path / "aus.csv").open(encoding="utf-8")))
    assert [r["wohngeld_monat"] for r in out] == ["131", "", "131", "", "", "131", "131", "", "131"]
    assert all("Leerzeile" in r["fehler"] for r in out if not r["wohngeld_monat"])

    objekt = json.dumps(
        {"mietenstufe": 3, "miete_monat": "420.00", "anzahl_mitglieder": 1,
         "gesamteinkommen_monat": "1162.35"}
    )
    jl_text = "\n".join([objekt if z else "" for z in [1, 1, 0, 1, 1, 1, 1, 1, 1, 1]]) + "\n"
    jl = _ein(tmp_path, jl_text, "ein.jsonl")
    code, _ = _stapel(str(jl), str(tmp_path / "aus.jsonl"), *STICHTAG)
    out_jl = [json.loads(x) for x in (tmp_path / "aus.jsonl").read_text(encoding="utf-8").splitlines()]
    assert code == 0 and len(out_jl) == 10
    assert out_jl[2]["zeile_roh"] == "" and "Leerzeile" in out_jl[2]["fehler"]


def _strenges_json(zeile: str) -> object:
    def nein(name: str) -> object:
        raise ValueError(name)

    return json.loads(zeile, parse_constant=nein)


def test_jsonl_nan_is_a_clear_error_and_every_output_line_is_json(tmp_path: Path) -> None:
    ein = _ein(tmp_path, '{"mietenstufe": 3, "miete_monat": NaN, "anzahl_mitglieder": 1, '
               '"gesamteinkommen_monat": 1162.35}\n{"mietenstufe": 3, "miete_monat": 420.00, '
               '"anzahl_mitglieder": 1, "gesamteinkommen_monat": Infinity}\n', "ein.jsonl")
    code, _ = _stapel(str(ein), str(tmp_path / "aus.jsonl"), *STICHTAG)
    assert code == 0
    out = [_strenges_json(z) for z in (tmp_path / "aus.jsonl").read_text(encoding="utf-8").splitlines()]
    assert len(out) == 2
    for o in out:
        assert isinstance(o, dict)
        assert "kein gültiger JSON-Wert" in o["fehler"] and "Field required" not in o["fehler"]


@pytest.mark.parametrize(
    ("ziel", "erwartet"),
    [
        ("/nonexistent/x.csv", "/nonexistent/x.csv: kann nicht geschrieben werden: Datei oder Verzeichnis"),
        ("{tmp}", "ist ein Verzeichnis"),
    ],
)
def test_file_system_errors_are_one_german_line(tmp_path: Path, ziel: str, erwartet: str) -> None:
    ein = _ein(tmp_path)
    ziel = ziel.format(tmp=tmp_path)
    code, text = _stapel(str(ein), ziel, *STICHTAG, "--format", "csv", "--ueberschreiben")
    assert code == 1 and erwartet in text and "Traceback" not in text
    assert len(text.strip().splitlines()) == 1


def test_missing_input_is_one_german_line(tmp_path: Path) -> None:
    code, text = _stapel(str(tmp_path / "fehlt.csv"), str(tmp_path / "aus.csv"))
    assert code == 1 and f"{tmp_path / 'fehlt.csv'}: kann nicht gelesen werden" in text
    assert not (tmp_path / "aus.csv").exists()


def test_disk_full_during_the_run_is_reported_and_the_target_is_unchanged(tmp_path: Path) -> None:
    ein = _ein(tmp_path)
    aus = tmp_path / "aus.csv"
    aus.write_text("alt\n", encoding="utf-8")
    with (
        mock.patch.object(batch, "ergebnis_spalten", side_effect=OSError(errno.ENOSPC, "full")),
        pytest.raises(DateiFehler, match="kein Speicherplatz"),
    ):
        stapel_pfad(ein, aus, on=None, ueberschreiben=True)
    assert aus.read_text(encoding="utf-8") == "alt\n"
    assert sorted(os.listdir(tmp_path)) == ["aus.csv", "ein.csv"]


# --- property: the target is the complete new result or unchanged; the input is never modified ---

zeile = st.tuples(
    st.sampled_from(["1", "3", "6", "9", "x", ""]),
    st.sampled_from(["420.00", "300", "1e2", "-5", "vierhundert", "", "650.50"]),
    st.sampled_from(["1", "2", "4", "0"]),
    st.sampled_from(["1162.35", "0", "900", "2400.10", "abc"]),
    st.booleans(),  # a blank line instead
)


@settings(max_examples=40)
@given(
    rows=st.lists(zeile, max_size=12),
    jsonl=st.booleans(),
    alt=st.one_of(st.none(), st.binary(max_size=40)),
    fehler=st.one_of(
        st.none(),
        st.tuples(st.sampled_from(["ENOSPC", "EIO", "abbruch", "replace", "fsync"]), st.integers(0, 12)),
    ),
)
def test_target_is_complete_or_unchanged(
    rows: list[tuple[str, str, str, str, bool]],
    jsonl: bool,
    alt: bytes | None,
    fehler: tuple[str, int] | None,
) -> None:
    """Random files, random failures mid-run: no half-written target, no changed input, no debris."""
    with tempfile.TemporaryDirectory() as d:
        tmp = Path(d)
        if jsonl:
            text = "".join(
                "\n" if leer else json.dumps({"id": i, "mietenstufe": s, "miete_monat": m,
                                              "anzahl_mitglieder": a, "gesamteinkommen_monat": y}) + "\n"
                for i, (s, m, a, y, leer) in enumerate(rows)
            )
            endung = ".jsonl"
        else:
            text = KOPF + "\n" + "".join("\n" if leer else f"{i},{s},{m},{a},{y}\n"
                                         for i, (s, m, a, y, leer) in enumerate(rows))
            endung = ".csv"
        ein = tmp / f"ein{endung}"
        ein.write_text(text, encoding="utf-8")
        referenz = tmp / f"referenz{endung}"
        assert CliRunner().invoke(main, ["stapel", str(ein), str(referenz), *STICHTAG]).exit_code == 0
        neu = referenz.read_bytes()
        referenz.unlink()
        aus = tmp / f"aus{endung}"
        if alt is not None:
            aus.write_bytes(alt)

        patches: list[Any] = []
        if fehler is not None:
            art, nach = fehler
            zaehler = iter(range(10**6))

            def boese(*args: object, **kwargs: object) -> dict[str, str]:
                if next(zaehler) == nach:
                    if art == "abbruch":
                        raise KeyboardInterrupt
                    raise OSError(getattr(errno, art), art)
                return echt(*args, **kwargs)  # type: ignore[arg-type]

            echt = batch.ergebnis_spalten
            if art == "replace":
                patches.append(mock.patch.object(os, "replace", side_effect=OSError(errno.EXDEV, "x")))
            elif art == "fsync":
                patches.append(mock.patch.object(os, "fsync", side_effect=OSError(errno.EIO, "x")))
            else:
                patches.append(mock.patch.object(batch, "ergebnis_spalten", side_effect=boese))
        for p in patches:
            p.start()
        try:
            res = CliRunner().invoke(main, ["stapel", str(ein), str(aus), *STICHTAG, "--ueberschreiben"])
        finally:
            for p in patches:
                p.stop()
        assert ein.read_text(encoding="utf-8") == text
        assert res.exception is None or isinstance(res.exception, SystemExit), res.exception
        if res.exit_code == 0:
            assert aus.read_bytes() == neu
        else:
            assert fehler is not None
            assert (aus.read_bytes() if aus.exists() else None) == alt
        assert sorted(os.listdir(tmp)) == sorted([ein.name, *([aus.name] if aus.exists() else [])])


def test_sigterm_mid_run_leaves_the_target_and_no_debris(tmp_path: Path) -> None:
    """A cron job stopped with SIGTERM after the second row: exit 143, old target kept."""
    ein = _ein(tmp_path, KOPF + "\n" + "\n".join([DRESDEN] * 5) + "\n")
    aus = tmp_path / "aus.csv"
    aus.write_text("alt\n", encoding="utf-8")
    echt = batch.ergebnis_spalten
    zaehler = iter(range(100))

    def zweite_zeile(*args: Any, **kwargs: Any) -> dict[str, str]:
        if next(zaehler) == 1:
            os.kill(os.getpid(), signal.SIGTERM)
        return echt(*args, **kwargs)

    vorher = signal.getsignal(signal.SIGTERM)
    with mock.patch.object(batch, "ergebnis_spalten", side_effect=zweite_zeile):
        res = CliRunner().invoke(main, ["stapel", str(ein), str(aus), *STICHTAG, "--ueberschreiben"])
    assert res.exit_code == 143 and "Abgebrochen (SIGTERM)" in res.stderr
    assert aus.read_text(encoding="utf-8") == "alt\n"
    assert sorted(os.listdir(tmp_path)) == ["aus.csv", "ein.csv"]
    assert signal.getsignal(signal.SIGTERM) == vorher  # the handler is restored


def test_unreadable_csv_cell_aborts_with_one_line_and_keeps_the_target(tmp_path: Path) -> None:
    ein = _ein(tmp_path, f"{KOPF},notiz\n{DRESDEN},kurz\n{DRESDEN},\"{'x' * 200_000}\"\n")
    aus = tmp_path / "aus.csv"
    aus.write_text("alt\n", encoding="utf-8")
    code, text = _stapel(str(ein), str(aus), *STICHTAG, "--ueberschreiben")
    assert code == 1 and "Zeile 3 der Datei ist nicht lesbar" in text and len(text.splitlines()) == 1
    assert aus.read_text(encoding="utf-8") == "alt\n"
    assert sorted(os.listdir(tmp_path)) == ["aus.csv", "ein.csv"]


def test_jsonl_line_that_is_not_json_or_no_object_is_told_in_german(tmp_path: Path) -> None:
    """A broken line names the place in German, a non-object line its JSON type, never a Python name."""
    ein = _ein(tmp_path, '{bad\n[1, 2]\n"text"\n{"a": 1,}\n', "ein.jsonl")
    code, _ = _stapel(str(ein), str(tmp_path / "aus.jsonl"), *STICHTAG)
    assert code == 0
    zeilen = (tmp_path / "aus.jsonl").read_text(encoding="utf-8").splitlines()
    fehler = [json.loads(z)["fehler"] for z in zeilen]
    assert fehler[0] == (
        "InputError: Zeile 1: kein gültiges JSON: ein Schlüssel in doppelten Anführungszeichen erwartet "
        "(Zeile 1, Spalte 2)"
    )
    assert fehler[1].endswith("ein JSON-Objekt erwartet, eine Liste gegeben")
    assert fehler[2].endswith("ein JSON-Objekt erwartet, ein Text gegeben")
    assert "kein gültiges JSON" in fehler[3]
    for f in fehler:
        assert not any(w in f for w in ("Expecting", "line 1", "char", "list", "str ", "Illegal"))
