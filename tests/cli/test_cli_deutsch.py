"""The command line speaks German: click's errors and help texts, for the group and every command."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import click
import pytest
from click.testing import CliRunner, Result

from wohngeld.cli import main
from wohngeld.cli._deutsch import uebersetzen

ENGLISCH = ("Usage:", "Options:", "Commands:", "Show this message", "Error:", "Try '", "Aborted")


def _aufruf(*args: str) -> Result:
    return CliRunner().invoke(main, list(args), prog_name="wohngeld")


def _englisch_frei(text: str) -> None:
    gefunden = [w for w in ENGLISCH if w in text]
    assert not gefunden, text


@pytest.mark.parametrize(
    ("args", "meldung", "hilfe"),
    [
        (("berechnen",), "Fehler: Argument 'DATEI' fehlt.", "wohngeld berechnen --help"),
        (("berechnen", "--gibtsnicht"), "Fehler: Unbekannte Option", "wohngeld berechnen --help"),
        (("gibtsnicht",), "Fehler: Unbekannter Befehl: 'gibtsnicht'.", "wohngeld --help"),
        (("schema", "zuviel"), "Fehler: Unerwartete zusätzliche Angabe: zuviel", "wohngeld schema --help"),
        (("grenzen", "-n"), "Fehler: Option '-n' braucht einen Wert.", "wohngeld grenzen --help"),
        (
            ("berechnen", "--json=1", "x"),
            "Fehler: Option '--json' nimmt keinen Wert.",
            "wohngeld berechnen --help",
        ),
        (
            ("grenzen", "-n", "x"),
            "Fehler: Ungültiger Wert für '--mitglieder' / '-n': 'x' ist keine ganze Zahl.",
            "wohngeld grenzen --help",
        ),
        (
            ("stapel", "a.csv", "b.csv", "--format", "xml"),
            "Fehler: Ungültiger Wert für '--format': 'xml' ist keiner der Werte 'csv', 'jsonl'.",
            "wohngeld stapel --help",
        ),
        (
            ("berechnen", "/gibt/es/nicht.toml"),
            "Fehler: Ungültiger Wert für 'DATEI': Datei '/gibt/es/nicht.toml' existiert nicht.",
            "wohngeld berechnen --help",
        ),
        (
            ("grenzen", "--stichtag", "1.7.2025"),
            "Fehler: Ungültiger Wert für --stichtag: '1.7.2025' ist kein Datum (JJJJ-MM-TT)",
            "wohngeld grenzen --help",
        ),
    ],
)
def test_usage_errors_are_german_with_exit_code_2(args: tuple[str, ...], meldung: str, hilfe: str) -> None:
    out = _aufruf(*args)
    assert out.exit_code == 2, out.output
    zeilen = out.stderr.splitlines()
    assert zeilen[0].startswith(meldung), out.stderr
    assert zeilen[1:] == [f"Hilfe: {hilfe}"], out.stderr
    _englisch_frei(out.output)
    assert out.stdout == ""


def test_error_of_a_command_is_one_german_line_with_exit_code_1() -> None:
    out = _aufruf(
        "antrag", "tests/cases/2023-01-01/dresden-2023-01-rentnerin.toml", "--rechtsstand", "gibt es nicht"
    )
    assert out.exit_code == 1, out.output
    assert out.stderr.startswith("Fehler: ") and len(out.stderr.splitlines()) == 1, out.stderr
    _englisch_frei(out.output)


def test_stapel_keeps_its_own_error_line(tmp_path: Path) -> None:
    ein = tmp_path / "ein.csv"
    ein.write_text("id,mietenstufe\n1,3\n", encoding="utf-8")
    out = _aufruf("stapel", str(ein), str(ein), "--format", "csv")
    assert out.exit_code == 1
    assert out.stderr.startswith("Fehler: ") and "dieselbe Datei" in out.stderr
    assert "Hilfe:" not in out.stderr and len(out.stderr.splitlines()) == 1, out.stderr


def test_abort_is_german_with_exit_code_1(monkeypatch: pytest.MonkeyPatch) -> None:
    def abbrechen(**_: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(main.commands["schema"], "callback", abbrechen)
    out = _aufruf("schema")
    assert out.exit_code == 1
    assert out.stderr.strip() == "Abgebrochen."


def test_no_arguments_show_the_german_help_with_exit_code_2() -> None:
    out = _aufruf()
    assert out.exit_code == 2
    assert "Aufruf: wohngeld [OPTIONEN] BEFEHL [ARGUMENTE]..." in out.stderr
    _englisch_frei(out.output)


def test_version_is_german() -> None:
    out = _aufruf("--version")
    assert out.exit_code == 0 and out.stdout.startswith("wohngeld, Version ")


@pytest.mark.parametrize("befehl", ["", *sorted(main.commands)])
def test_help_of_group_and_every_command_is_german(befehl: str) -> None:
    out = _aufruf(*([befehl] if befehl else []), "--help")
    assert out.exit_code == 0, out.output
    _englisch_frei(out.output)
    assert out.output.startswith(f"Aufruf: wohngeld {befehl + ' ' if befehl else ''}[OPTIONEN]")
    assert "Optionen:" in out.output
    assert "--help" in out.output and "Diese Hilfe zeigen und beenden." in out.output
    if not befehl:
        assert "Befehle:" in out.output and "BEFEHL [ARGUMENTE]..." in out.output


def test_help_notes_and_metavars_are_german() -> None:
    befehl_klasse = type(main).command_class
    assert befehl_klasse is not None

    @click.command(cls=befehl_klasse)
    @click.option("--anzahl", type=int, default=3, show_default=True, required=True, help="Wie viele.")
    @click.option("--datei", type=click.Path(dir_okay=False), help="Eine Datei.")
    def probe(anzahl: int, datei: str | None) -> None:
        """Probe."""

    out = CliRunner().invoke(probe, ["--help"], prog_name="probe")
    assert out.exit_code == 0
    assert "--anzahl GANZZAHL" in out.output and "[Vorgabe: 3; Pflicht]" in out.output, out.output
    assert "--datei DATEI" in out.output
    _englisch_frei(out.output)


@pytest.mark.parametrize(
    ("englisch", "deutsch"),
    [
        ("Got unexpected extra arguments (a b)", "Unerwartete zusätzliche Angabe: a b"),
        ("No such option: --x", "Unbekannte Option: --x"),  # click 8.2
        (
            "No such option '--x'. Did you mean '--y'?",
            "Unbekannte Option: '--x'. Gemeint ist vielleicht '--y'?",
        ),
        ("Missing option '--n'.", "Option '--n' fehlt."),
        ("Missing command.", "Befehl fehlt."),
        ("Option '--n' requires 2 arguments.", "Option '--n' braucht 2 Werte."),
        (
            "Invalid value for '--f': 'x' is not a valid float.",
            "Ungültiger Wert für '--f': 'x' ist keine Zahl.",
        ),
        (
            "Invalid value for '--b': 'x' is not a valid boolean.",
            "Ungültiger Wert für '--b': 'x' ist kein Wahrheitswert (true/false).",
        ),
        ("Invalid value for '--f': 'x' is not 'a'.", "Ungültiger Wert für '--f': 'x' ist nicht 'a'."),
        (
            "Invalid value for '-n': 0 is not in the range 1<=x<=12.",
            "Ungültiger Wert für '-n': 0 liegt nicht im Bereich 1<=x<=12.",
        ),
        (
            "Invalid value for 'D': Directory 'x' is a file.",
            "Ungültiger Wert für 'D': Verzeichnis 'x' ist eine Datei.",
        ),
        (
            "Invalid value for 'P': Path 'x' is not readable.",
            "Ungültiger Wert für 'P': Pfad 'x' ist nicht lesbar.",
        ),
        (
            "Could not open file 'x': No such file or directory",
            "Datei 'x' lässt sich nicht öffnen: Datei oder Verzeichnis nicht gefunden",
        ),
        ("[haushalt] ist ungültig: miete_monat fehlt", "[haushalt] ist ungültig: miete_monat fehlt"),
    ],
)
def test_translation_table(englisch: str, deutsch: str) -> None:
    assert uebersetzen(englisch) == deutsch


def test_real_process_speaks_german() -> None:
    umgebung = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    lauf = subprocess.run(
        [sys.executable, "-m", "wohngeld", "berechnen", "--gibtsnicht"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=umgebung,
        timeout=120,
        check=False,
    )
    assert lauf.returncode == 2
    assert lauf.stderr.splitlines()[0].startswith("Fehler: Unbekannte Option: "), lauf.stderr
    assert lauf.stderr.splitlines()[-1].endswith("berechnen --help") and "Hilfe: " in lauf.stderr
    _englisch_frei(lauf.stderr + lauf.stdout)
