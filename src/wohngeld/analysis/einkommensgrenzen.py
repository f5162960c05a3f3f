"""Einkommensgrenzen: the highest Gesamteinkommen with Wohngeld, and the lowest Miete for a given Y.

An exact search to the cent over :func:`~wohngeld.engine.calculate`; no rule lives here. It relies
on the monotonicity of the formula (docs/rechtsauslegung.md, "Monotonicity of the formula"): more
income never raises the amount and more rent never lowers it, so "Wohngeld of at least the
Bagatellgrenze (§ 21 Nr. 1 WoGG)" holds below one income and above one rent, and bisection finds
that point exactly.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Literal

from ..engine import calculate
from ..input.haushalt import MAX_BETRAG, Haushalt
from ..law.rechtsstand import ParameterStore
from ..money import NULL as _NULL
from ..money import auf_stellen, to_decimal
from ..result import Result

__all__ = ["Grenze", "einkommensgrenze", "mietgrenze", "tafel"]

_CENT = Decimal("0.01")
_MAX_CENT = int(MAX_BETRAG * 100)


@dataclass(frozen=True, slots=True)
class Grenze:
    """Result of a limit search.

    ``art == "einkommen"``: ``wert`` is the highest monthly Gesamteinkommen Y (to the cent) with
    Wohngeld of at least the Bagatellgrenze. ``art == "miete"``: the lowest monthly Miete with it.
    ``wert is None``: no Wohngeld at any value. ``wohngeld_an_grenze``: the amount at ``wert``.
    ``miete_monat is None`` means a Miete at or above the Höchstbetrag (as in official tables).
    """

    art: Literal["einkommen", "miete"]
    wert: Decimal | None
    wohngeld_an_grenze: Decimal | None
    mitglieder: int
    mietenstufe: int
    miete_monat: Decimal | None
    gesamteinkommen_monat: Decimal | None
    stichtag: date
    rechtsstand: str

    def to_dict(self) -> dict[str, object]:
        """JSON-ready mapping; Decimals as strings."""

        def s(v: Decimal | None) -> str | None:
            return None if v is None else str(v)

        return {
            "art": self.art,
            "wert": s(self.wert),
            "wohngeld_an_grenze": s(self.wohngeld_an_grenze),
            "mitglieder": self.mitglieder,
            "mietenstufe": self.mietenstufe,
            "miete_monat": s(self.miete_monat),
            "gesamteinkommen_monat": s(self.gesamteinkommen_monat),
            "stichtag": self.stichtag.isoformat(),
            "rechtsstand": self.rechtsstand,
        }


def _haushalt(
    *, mitglieder: int, mietenstufe: int | None, gemeinde: str | None, miete: Decimal, y: Decimal
) -> Haushalt:
    return Haushalt.model_validate(
        {
            **({"mietenstufe": mietenstufe} if mietenstufe is not None else {}),
            **({"gemeinde": gemeinde} if gemeinde is not None else {}),
            "miete_monat": miete,
            "anzahl_mitglieder": mitglieder,
            "gesamteinkommen_monat": y,
        }
    )


def _rechner(
    *,
    mitglieder: int,
    mietenstufe: int | None,
    gemeinde: str | None,
    on: date,
    rechtsstand: str | ParameterStore | None,
) -> Callable[[Decimal, Decimal], Result]:
    if gemeinde is not None and mietenstufe is None:
        # resolve the Gemeinde once (and fail early on an unknown one)
        h = _haushalt(mitglieder=mitglieder, mietenstufe=None, gemeinde=gemeinde, miete=_NULL, y=_NULL)
        first = calculate(
            h,
            on=on,
            rechenweg=False,
            rechtsstand=rechtsstand,
        )
        mietenstufe, gemeinde = first.mietenstufe, None

    def rechne(miete: Decimal, y: Decimal) -> Result:
        h = _haushalt(mitglieder=mitglieder, mietenstufe=mietenstufe, gemeinde=gemeinde, miete=miete, y=y)
        return calculate(h, on=on, rechenweg=False, rechtsstand=rechtsstand)

    return rechne


def _cent(c: int) -> Decimal:
    return auf_stellen(Decimal(c) * _CENT, 2)


def _an_grenze(anspruch: Callable[[int], Result | None], c: int) -> tuple[Decimal, Decimal]:
    """The limit ``c`` (cents) in euros and the Wohngeld at it; there is a claim at ``c``."""
    r = anspruch(c)
    assert r is not None
    return _cent(c), r.betrag_monat


def _grenze(
    art: Literal["einkommen", "miete"],
    an_grenze: tuple[Decimal | None, Decimal | None],
    basis: Result,
    *,
    mitglieder: int,
    on: date,
    miete_monat: Decimal | None,
    gesamteinkommen_monat: Decimal | None,
) -> Grenze:
    """The limit found and the Wohngeld at it, with the Mietenstufe and Rechtsstand of ``basis``."""
    wert, betrag = an_grenze
    return Grenze(art=art, wert=wert, wohngeld_an_grenze=betrag, mitglieder=mitglieder,
                  mietenstufe=basis.mietenstufe, miete_monat=miete_monat,
                  gesamteinkommen_monat=gesamteinkommen_monat, stichtag=on, rechtsstand=basis.rechtsstand)


def _letzter_cent(links: Callable[[int], bool]) -> int:
    """Largest cent amount in [0, _MAX_CENT] for which ``links`` holds.

    ``links(0)`` holds and ``links`` changes its value once (the calculation is monotone,
    docs/rechtsauslegung.md): doubling from 1 000 € brackets the change, bisection finds it.
    """
    lo, hi = 0, 100_000
    while links(hi):
        if hi == _MAX_CENT:
            return hi
        lo, hi = hi, min(hi * 2, _MAX_CENT)
    while hi - lo > 1:  # invariant: links(lo), not links(hi)
        mid = (lo + hi) // 2
        if links(mid):
            lo = mid
        else:
            hi = mid
    return lo


def einkommensgrenze(
    *,
    mitglieder: int,
    on: date,
    mietenstufe: int | None = None,
    gemeinde: str | None = None,
    miete_monat: Decimal | int | str | None = None,
    rechtsstand: str | ParameterStore | None = None,
) -> Grenze:
    """Highest monthly Gesamteinkommen (to the cent) at which Wohngeld ≥ the Bagatellgrenze.

    §§ 19, 21 Nr. 1 WoGG, by bisection over :func:`~wohngeld.engine.calculate` (monotone in Y).
    ``miete_monat=None``: a Miete at or above the Höchstbetrag, as the official tables assume.
    More than twelve members: the amount is computed with the one condition of § 19 Abs. 3 (only a
    positive rounded amount for twelve is raised), so the limit is the last cent at which that
    amount is at least 1 € (docs/rechtsauslegung.md).
    """
    miete = MAX_BETRAG if miete_monat is None else to_decimal(miete_monat)
    rechne = _rechner(
        mitglieder=mitglieder, mietenstufe=mietenstufe, gemeinde=gemeinde, on=on, rechtsstand=rechtsstand
    )

    def anspruch(c: int) -> Result | None:
        r = rechne(miete, _cent(c))
        return r if r.anspruch else None

    r0 = anspruch(0)
    base = rechne(miete, Decimal(0)) if r0 is None else r0
    an_grenze: tuple[Decimal | None, Decimal | None] = (None, None)
    if r0 is not None:
        lo = _letzter_cent(lambda c: anspruch(c) is not None)  # claim up to lo, none above
        an_grenze = _an_grenze(anspruch, lo)
    return _grenze("einkommen", an_grenze, base, mitglieder=mitglieder, on=on,
                   miete_monat=None if miete_monat is None else miete, gesamteinkommen_monat=None)


def mietgrenze(
    *,
    mitglieder: int,
    gesamteinkommen_monat: Decimal | int | str,
    on: date,
    mietenstufe: int | None = None,
    gemeinde: str | None = None,
    rechtsstand: str | ParameterStore | None = None,
) -> Grenze:
    """Lowest monthly Miete (to the cent) at which Wohngeld ≥ the Bagatellgrenze, for a given Y.

    §§ 11, 12, 19, 21 Nr. 1 WoGG, by bisection over :func:`~wohngeld.engine.calculate` (monotone
    in the Miete). ``wert is None``: no Wohngeld at any Miete (the Höchstbetrag caps it).
    """
    y = to_decimal(gesamteinkommen_monat)
    rechne = _rechner(
        mitglieder=mitglieder, mietenstufe=mietenstufe, gemeinde=gemeinde, on=on, rechtsstand=rechtsstand
    )

    def anspruch(c: int) -> Result | None:
        r = rechne(_cent(c), y)
        return r if r.anspruch else None

    top = rechne(MAX_BETRAG, y)
    an_grenze: tuple[Decimal | None, Decimal | None] = (None, None)
    if top.anspruch:
        r0 = anspruch(0)
        if r0 is not None:
            an_grenze = Decimal("0.00"), r0.betrag_monat
        else:
            # no claim up to lo; top.anspruch: a claim at _MAX_CENT, so lo < _MAX_CENT
            an_grenze = _an_grenze(anspruch, _letzter_cent(lambda c: anspruch(c) is None) + 1)
    return _grenze("miete", an_grenze, top, mitglieder=mitglieder, on=on, miete_monat=None,
                   gesamteinkommen_monat=y)


def tafel(
    *,
    mitglieder: Iterable[int],
    mietenstufen: Iterable[int | None],
    on: date,
    gemeinde: str | None = None,
    miete_monat: Decimal | int | str | None = None,
    gesamteinkommen_monat: Decimal | int | str | None = None,
    rechtsstand: str | ParameterStore | None = None,
) -> list[list[Grenze]]:
    """The limits for each household size (rows) and Mietenstufe (columns), as ``wohngeld grenzen`` shows.

    With ``gesamteinkommen_monat``: the lowest Miete (:func:`mietgrenze`); else the highest
    Gesamteinkommen (:func:`einkommensgrenze`) at ``miete_monat``. A Mietenstufe of None: the
    Gemeinde's.
    """
    stufen = tuple(mietenstufen)
    if gesamteinkommen_monat is not None:
        y = gesamteinkommen_monat
        return [[mietgrenze(mitglieder=n, gesamteinkommen_monat=y, on=on, mietenstufe=s, gemeinde=gemeinde,
                            rechtsstand=rechtsstand) for s in stufen] for n in mitglieder]
    return [[einkommensgrenze(mitglieder=n, on=on, mietenstufe=s, gemeinde=gemeinde, miete_monat=miete_monat,
                              rechtsstand=rechtsstand) for s in stufen] for n in mitglieder]
