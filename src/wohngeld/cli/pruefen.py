"""``wohngeld pruefen DIR``: run case files with ``[erwartet]`` and compare, like a test suite."""

from __future__ import annotations

import json
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

import click

from ..engine import calculate, wohngeld_aus_m_y
from ..errors import InputError, WohngeldError
from ..formats.faelle import Fall, lade_fall
from ..law.rechtsstand import ParameterStore, named_store
from ..result import Result
from ._gruppe import main
from ._optionen import json_option, szenario_laden, szenario_option

__all__ = ["SCHRITTE", "VERGLEICHE", "pruefe_fall", "pruefen"]

VERGLEICHE = ("wohngeld_monat", "M", "Y", "formel_monat")
"""Keys of ``[erwartet]`` that are compared (exactly, no tolerance)."""
SCHRITTE = ("z1", "z2", "z3", "z4")
"""Compared only with ``--schritte``: published sheets may print unrounded digits of the steps
(docs/rechtsauslegung.md, tenth decimal)."""


@dataclass(frozen=True, slots=True)
class Ergebnis:
    """One case file checked: passed or not, with what differs."""

    datei: str
    ok: bool
    betrag: Decimal | None
    abweichungen: tuple[str, ...]
    nicht_verglichen: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, object]:
        return {
            "datei": self.datei,
            "ok": self.ok,
            "wohngeld_monat": None if self.betrag is None else str(self.betrag),
            "abweichungen": list(self.abweichungen),
            "nicht_verglichen": list(self.nicht_verglichen),
        }


def _berechnet(fall: Fall, r: Result, key: str, store: ParameterStore | None) -> Decimal:
    if key == "wohngeld_monat":
        return r.betrag_monat
    if key == "M":
        return r.M_berechnet
    if key == "Y":
        return r.Y_berechnet
    if key == "formel_monat":  # the § 19 amount before § 21 Nr. 1 WoGG
        if r.mitglieder == 0:
            return Decimal(0)
        f = wohngeld_aus_m_y(
            mitglieder=r.mitglieder, M=r.M_berechnet, Y=r.Y_berechnet, on=fall.stichtag, rechtsstand=store
        )
        return f.betrag
    return r.z[int(key[1]) - 1]


def pruefe_fall(fall: Fall, *, store: ParameterStore | None = None, schritte: bool = False) -> Ergebnis:
    """Compute one case and compare every key of its ``[erwartet]``.

    The rule set: ``store`` if given, else the case's own ``rechtsstand`` key (e.g. a draft),
    else the law in force.
    """
    if store is None and fall.extra.get("rechtsstand") is not None:
        name = fall.extra["rechtsstand"]
        if not isinstance(name, str):
            raise InputError(f"{fall.name}: rechtsstand {name!r} ist nicht der Name eines Regelwerks")
        store = named_store(name)
    keys = VERGLEICHE + SCHRITTE if schritte else VERGLEICHE
    r = calculate(fall.haushalt, on=fall.stichtag, rechtsstand=store, rechenweg=False)
    ab: list[str] = []
    for key in keys:
        if key not in fall.erwartet:
            continue
        ist = _berechnet(fall, r, key, store)
        if ist != fall.erwartet[key]:
            ab.append(f"{key}: erwartet {fall.erwartet[key]}, berechnet {ist}")
    nicht = tuple(k for k in fall.erwartet if k not in keys)
    return Ergebnis(fall.name, not ab, r.betrag_monat, tuple(ab), nicht)


def _dateien(ziel: Path) -> list[Path]:
    if ziel.is_file():
        return [ziel]
    return sorted(p for p in ziel.rglob("*") if p.suffix in (".toml", ".json") and p.is_file())


@main.command(help="Rechnet alle Falldateien mit [erwartet] in VERZEICHNIS nach und vergleicht exakt.")
@click.argument("verzeichnis", type=click.Path(exists=True, path_type=Path))
@szenario_option
@click.option(
    "--schritte",
    is_flag=True,
    help="Auch erwartete Rechenschritte z1–z4 vergleichen (sonst nur wohngeld_monat, M, Y, formel_monat).",
)
@json_option("Ergebnisse als JSON ausgeben.")
def pruefen(verzeichnis: Path, szenario_datei: Path | None, schritte: bool, als_json: bool) -> None:
    """Run every case file below VERZEICHNIS; exit code 1 if any fails."""
    store = szenario_laden(szenario_datei)
    ergebnisse: list[Ergebnis] = []
    ohne: list[str] = []
    for path in _dateien(verzeichnis):
        name = str(path.relative_to(verzeichnis)) if path != verzeichnis else path.name
        try:
            fall = lade_fall(path)
            if not fall.erwartet:
                ohne.append(name)
                continue
            e = pruefe_fall(fall, store=store, schritte=schritte)
            e = Ergebnis(name, e.ok, e.betrag, e.abweichungen, e.nicht_verglichen)
        except WohngeldError as exc:
            e = Ergebnis(name, False, None, (f"Fehler: {' '.join(str(exc).split())}",))
        ergebnisse.append(e)
        if not als_json:
            nicht = f" (nicht verglichen: {', '.join(e.nicht_verglichen)})" if e.nicht_verglichen else ""
            if e.ok:
                click.echo(f"PASS {name}: {e.betrag} €{nicht}")
            else:
                click.echo(f"FAIL {name}: " + "; ".join(e.abweichungen) + nicht)
    passed = sum(e.ok for e in ergebnisse)
    failed = len(ergebnisse) - passed
    if als_json:
        click.echo(
            json.dumps(
                {
                    "passed": passed,
                    "failed": failed,
                    "ohne_erwartet": ohne,
                    "faelle": [e.to_dict() for e in ergebnisse],
                },
                ensure_ascii=False,
                indent=2,
            )
        )
    else:
        if ohne:
            click.echo(f"Hinweis: {len(ohne)} Datei(en) ohne [erwartet] übersprungen: {', '.join(ohne)}")
        click.echo(f"{passed} passed, {failed} failed")
    if failed:
        raise SystemExit(1)
