"""Compare households under two rule sets: what a draft (or scenario) changes, per household and in sum.

``vergleich(haushalte, on=date(2027, 1, 1))`` computes each household under the law in force
(``a``) and under the draft "Entwurf 2027" (``b``) on the same Stichtag; the difference is
``b − a``. No rule lives here: both amounts come from :func:`wohngeld.calculate`.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from ..engine import calculate
from ..errors import InputError, WohngeldError
from ..formats.faelle import Fall
from ..input.haushalt import Haushalt
from ..law.rechtsstand import ParameterStore, named_store
from ..money import NULL as _NULL
from ..money import festkomma_text
from ..rechenweg import format_datum, format_euro, format_zahl
from ..result import Result

__all__ = ["Vergleich", "VergleichEintrag", "Zusammenfassung", "vergleich"]


Regelwerk = str | ParameterStore
Eingabe = Haushalt | Fall | tuple[str, Haushalt]


def _name(r: Regelwerk) -> str:
    return r if isinstance(r, str) else r.name


@dataclass(frozen=True, slots=True)
class VergleichEintrag:
    """One household under both rule sets; ``fehler_a``/``fehler_b`` when one could not be computed."""

    name: str
    a: Result | None
    b: Result | None
    fehler_a: str | None = None
    fehler_b: str | None = None
    mietenstufe_fest: bool = False

    @property
    def berechnet(self) -> bool:
        """Both amounts are known."""
        return self.a is not None and self.b is not None

    @property
    def differenz(self) -> Decimal | None:
        """Monthly amount under ``b`` minus that under ``a`` (whole euros), or None."""
        if self.a is None or self.b is None:
            return None
        return self.b.betrag_monat - self.a.betrag_monat

    def to_dict(self) -> dict[str, object]:
        """JSON-ready mapping; Decimals as strings."""

        def teil(r: Result | None, fehler: str | None) -> dict[str, object]:
            if r is None:
                return {"fehler": fehler}
            return {
                "betrag_monat": str(r.betrag_monat),
                "anspruch": r.anspruch,
                "grund": r.grund,
                "mietenstufe": r.mietenstufe,
                "mitglieder": r.mitglieder,
                "M": festkomma_text(r.M_berechnet, mindestens=2),
                "Y": festkomma_text(r.Y_berechnet, mindestens=2),
                "fassung": r.fassung.isoformat(),
            }

        d = self.differenz
        return {
            "name": self.name,
            "a": teil(self.a, self.fehler_a),
            "b": teil(self.b, self.fehler_b),
            "differenz": None if d is None else str(d),
            "mietenstufe_fest": self.mietenstufe_fest,
        }


@dataclass(frozen=True, slots=True)
class Zusammenfassung:
    """Counts and sums over the households computed under both rule sets (amounts per month)."""

    haushalte: int
    nicht_berechnet: int
    verlieren: int
    gewinnen: int
    unveraendert: int
    anspruch_verloren: int
    anspruch_neu: int
    summe_a: Decimal
    summe_b: Decimal
    summe_differenz: Decimal
    mittel_differenz: Decimal | None

    def to_dict(self) -> dict[str, object]:
        """JSON-ready mapping; Decimals as strings (the mean unrounded)."""
        return {
            "haushalte": self.haushalte,
            "nicht_berechnet": self.nicht_berechnet,
            "verlieren": self.verlieren,
            "gewinnen": self.gewinnen,
            "unveraendert": self.unveraendert,
            "anspruch_verloren": self.anspruch_verloren,
            "anspruch_neu": self.anspruch_neu,
            "summe_a": str(self.summe_a),
            "summe_b": str(self.summe_b),
            "summe_differenz": str(self.summe_differenz),
            "mittel_differenz": (
                None if self.mittel_differenz is None else festkomma_text(self.mittel_differenz)
            ),
        }


@dataclass(frozen=True, slots=True)
class Vergleich:
    """The households under rule sets ``a`` and ``b`` on ``stichtag``; difference = b − a."""

    a: str
    b: str
    stichtag: date
    eintraege: tuple[VergleichEintrag, ...]

    @property
    def zusammenfassung(self) -> Zusammenfassung:
        """Counts (losing, gaining, unchanged, claim lost/new), sums and the mean difference."""
        ok = [e for e in self.eintraege if e.a is not None and e.b is not None]
        diffs = [e.differenz for e in ok if e.differenz is not None]
        summe_a = sum((e.a.betrag_monat for e in ok if e.a is not None), _NULL)
        summe_b = sum((e.b.betrag_monat for e in ok if e.b is not None), _NULL)
        return Zusammenfassung(
            haushalte=len(ok),
            nicht_berechnet=len(self.eintraege) - len(ok),
            verlieren=sum(1 for d in diffs if d < 0),
            gewinnen=sum(1 for d in diffs if d > 0),
            unveraendert=sum(1 for d in diffs if d == 0),
            anspruch_verloren=sum(1 for e in ok if e.a and e.b and e.a.anspruch and not e.b.anspruch),
            anspruch_neu=sum(1 for e in ok if e.a and e.b and not e.a.anspruch and e.b.anspruch),
            summe_a=summe_a,
            summe_b=summe_b,
            summe_differenz=summe_b - summe_a,
            mittel_differenz=(summe_b - summe_a) / len(ok) if ok else None,
        )

    def to_dict(self) -> dict[str, object]:
        """JSON-ready mapping: the rule sets, the Stichtag, each household and the summary."""
        return {
            "a": self.a,
            "b": self.b,
            "stichtag": self.stichtag.isoformat(),
            "haushalte": [e.to_dict() for e in self.eintraege],
            "zusammenfassung": self.zusammenfassung.to_dict(),
        }

    def to_json(self, *, indent: int | None = 2) -> str:
        """The comparison as JSON (see :meth:`to_dict`)."""
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)

    def text(self) -> str:
        """German plain-text table with one line per household and the summary."""
        breite = max([len(e.name) for e in self.eintraege] + [8])
        kopf = f"{'Haushalt':<{breite}}  {'a':>9}  {'b':>9}  {'b − a':>9}"
        lines = [
            f"Vergleich zum Stichtag {format_datum(self.stichtag)}: a = {self.a}, b = {self.b} "
            "(Wohngeld in € monatlich)",
            "",
            kopf,
            "-" * len(kopf),
        ]
        for e in self.eintraege:
            if e.a is None or e.b is None:
                fehler = e.fehler_a if e.a is None else e.fehler_b
                seite = "a" if e.a is None else "b"
                lines.append(f"{e.name:<{breite}}  nicht berechnet ({seite}): {fehler}")
                continue
            d = e.differenz
            assert d is not None
            zusatz = "  (Mietenstufe aus a)" if e.mietenstufe_fest else ""
            lines.append(f"{e.name:<{breite}}  {e.a.betrag_monat:>9}  {e.b.betrag_monat:>9}  {d:>+9}{zusatz}")
        z = self.zusammenfassung
        lines += [
            "-" * len(kopf),
            f"Haushalte berechnet: {z.haushalte} (nicht berechnet: {z.nicht_berechnet})",
            f"weniger Wohngeld: {z.verlieren}, mehr: {z.gewinnen}, unverändert: {z.unveraendert}",
            f"Anspruch entfällt: {z.anspruch_verloren}, Anspruch neu: {z.anspruch_neu}",
            f"Summe a: {format_euro(z.summe_a)}, Summe b: {format_euro(z.summe_b)}, "
            f"Differenz: {format_euro(z.summe_differenz)}",
        ]
        if z.mittel_differenz is not None:
            lines.append(f"mittlere Differenz je Haushalt: {format_zahl(z.mittel_differenz, 2)} €")
        return "\n".join(lines)


def _eintraege(haushalte: Mapping[str, Haushalt] | Iterable[Eingabe]) -> list[tuple[str, Haushalt]]:
    if isinstance(haushalte, Mapping):
        return [(str(k), v) for k, v in haushalte.items()]
    out: list[tuple[str, Haushalt]] = []
    for i, x in enumerate(haushalte, start=1):
        if isinstance(x, Fall):
            out.append((x.name, x.haushalt))
        elif isinstance(x, Haushalt):
            out.append((f"Haushalt {i}", x))
        elif isinstance(x, tuple) and len(x) == 2 and isinstance(x[1], Haushalt):
            out.append((str(x[0]), x[1]))
        else:
            raise InputError(
                f"haushalte[{i - 1}]: {type(x).__name__} angegeben; wohngeld.Haushalt-Objekte, Paare "
                "(Name, Haushalt), Falldateien (wohngeld.formats.faelle.Fall) oder ein Mapping Name → "
                "Haushalt übergeben"
            )
    return out


def _berechne(h: Haushalt, *, on: date, rechtsstand: Regelwerk) -> tuple[Result | None, str | None]:
    try:
        return calculate(h, on=on, rechenweg=False, rechtsstand=rechtsstand), None
    except WohngeldError as exc:
        return None, f"{type(exc).__name__}: {exc}"


def vergleich(
    haushalte: Mapping[str, Haushalt] | Iterable[Eingabe],
    *,
    on: date,
    a: Regelwerk = "geltendes Recht",
    b: Regelwerk = "Entwurf 2027",
    mietenstufe_fest: bool = False,
) -> Vergleich:
    """Each household under rule sets ``a`` and ``b`` on the Stichtag ``on``, and the difference b − a.

    §§ 4–21 WoGG in the Fassung of each rule set (a draft applies only because it is named here).
    A household that cannot be computed under one rule set (e.g. a lookup by Gemeinde where the
    draft's Mietenstufen list is not available, or income dated outside the twelve months of
    ``on``) is listed with the error and left out of the summary. With ``mietenstufe_fest`` a
    household given by Gemeinde keeps under ``b`` the Mietenstufe found under ``a`` (marked in
    the result): the comparison then shows the change of the amounts only, not of the list.
    """
    for r in (a, b):
        if isinstance(r, str):
            named_store(r)  # an unknown name is an error of the call, not of each household
    eintraege: list[VergleichEintrag] = []
    for name, h in _eintraege(haushalte):
        ra, fa = _berechne(h, on=on, rechtsstand=a)
        fest = mietenstufe_fest and h.gemeinde is not None and ra is not None
        hb = h
        if fest:
            assert ra is not None
            hb = Haushalt.model_validate({**h.model_dump(), "gemeinde": None, "mietenstufe": ra.mietenstufe})
        rb, fb = _berechne(hb, on=on, rechtsstand=b)
        eintraege.append(VergleichEintrag(name, ra, rb, fa, fb, fest))
    return Vergleich(a=_name(a), b=_name(b), stichtag=on, eintraege=tuple(eintraege))
