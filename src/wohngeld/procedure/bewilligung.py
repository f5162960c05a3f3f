"""The Bewilligungszeitraum (§ 25 WoGG): its length, its end and when to apply for the next one."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from dateutil.relativedelta import relativedelta

from ..darstellung import format_datum
from ..errors import InputError
from ..law.rechtsstand import ParameterStore, resolve
from .tabellen import AenderungSchwellen, schwellen_in_kraft

__all__ = [
    "WEITERLEISTUNG_HINWEIS",
    "Bewilligungszeitraum",
    "bewilligungszeitraum",
    "pruefe_bewilligungszeitraum_monate",
]


@dataclass(frozen=True, slots=True)
class Bewilligungszeitraum:
    """The period granted (§ 25 WoGG) and when to apply for the next one.

    ``weiterleistung_empfohlen_bis`` is advice, not a legal deadline (``hinweis`` says whose).
    ``lueckenlos_bis``: a later application starts the next period later (§ 25 Abs. 2 Satz 1 WoGG).
    """

    beginn: date
    ende: date
    monate: int
    zitat: str
    weiterleistung_empfohlen_bis: date
    lueckenlos_bis: date
    hinweis: str

    def to_dict(self) -> dict[str, object]:
        """JSON-ready mapping."""
        return {
            "beginn": self.beginn.isoformat(),
            "ende": self.ende.isoformat(),
            "monate": self.monate,
            "zitat": self.zitat,
            "weiterleistung_empfohlen_bis": self.weiterleistung_empfohlen_bis.isoformat(),
            "lueckenlos_bis": self.lueckenlos_bis.isoformat(),
            "hinweis": self.hinweis,
        }


WEITERLEISTUNG_HINWEIS = (
    "Empfehlung, keine gesetzliche Frist: den Weiterleistungsantrag zwei Monate vor Ende des "
    "Bewilligungszeitraums stellen, damit die Zahlung nicht unterbrochen wird (Landkreis Mittelsachsen, "
    "„Bewilligungszeitraum und Weiterleistungsanträge“). Rechtlich beginnt der neue Bewilligungszeitraum am "
    "Ersten des Monats der Antragstellung (§ 25 Abs. 2 Satz 1 WoGG): ein Antrag bis zum Ende des Monats nach "
    "dem Ablauf schließt lückenlos an, ein späterer nicht (Auslegung)."
)


def bewilligungszeitraum(
    *, beginn: date, monate: int | None = None, rechtsstand: str | ParameterStore | None = None
) -> Bewilligungszeitraum:
    """The Bewilligungszeitraum from ``beginn`` and the dates for the Weiterleistungsantrag.

    § 25 Abs. 1, 2 WoGG: as a rule twelve months, since 2023 up to 24; it starts on the first of a month.

    >>> b = bewilligungszeitraum(beginn=date(2025, 7, 1))
    >>> b.ende, b.weiterleistung_empfohlen_bis, b.lueckenlos_bis
    (datetime.date(2026, 6, 30), datetime.date(2026, 4, 30), datetime.date(2026, 7, 31))
    """
    if not isinstance(beginn, date) or beginn.day != 1:
        raise InputError(
            f"bewilligt_ab: {_zeige(beginn)} angegeben; ein Bewilligungszeitraum beginnt am Ersten eines "
            "Monats (§ 25 Abs. 2 WoGG)"
        )
    p = schwellen_in_kraft(resolve(rechtsstand), beginn)
    n = p.bewilligungszeitraum_monate if monate is None else monate
    pruefe_bewilligungszeitraum_monate(n, beginn=beginn, schwellen=p)
    ende = beginn + relativedelta(months=n) - timedelta(days=1)
    return Bewilligungszeitraum(
        beginn=beginn,
        ende=ende,
        monate=n,
        zitat="§ 25 Abs. 1, 2 WoGG",
        weiterleistung_empfohlen_bis=ende - relativedelta(months=2),
        lueckenlos_bis=ende + timedelta(days=1) + relativedelta(months=1) - timedelta(days=1),
        hinweis=WEITERLEISTUNG_HINWEIS,
    )


def pruefe_bewilligungszeitraum_monate(
    n: object, *, beginn: date, schwellen: AenderungSchwellen | None = None,
    rechtsstand: str | ParameterStore | None = None,
) -> int:
    """The length ``n`` of a Bewilligungszeitraum beginning on ``beginn``, checked against § 25 Abs. 1 WoGG.

    Until 2022 the text knows twelve months and shorter periods only; since 1 January 2023 up to 24
    months (Art. 1 Wohngeld-Plus-Gesetz). A length the Fassung of ``beginn`` does not allow is refused
    with its wording.
    """
    p = schwellen if schwellen is not None else schwellen_in_kraft(resolve(rechtsstand), beginn)
    hoechst = p.bewilligungszeitraum_hoechst_monate
    if isinstance(n, bool) or not isinstance(n, int) or not 1 <= n <= hoechst:
        wortlaut = f" – {p.bewilligungszeitraum_wortlaut}" if p.bewilligungszeitraum_wortlaut else ""
        raise InputError(
            f"bewilligungszeitraum_monate: {n!r} angegeben; für einen Bewilligungszeitraum ab "
            f"{beginn.strftime('%d.%m.%Y')} sind 1–{hoechst} Monate zulässig (§ 25 Abs. 1 WoGG in der an "
            f"diesem Tag geltenden Fassung{wortlaut})"
        )
    return n


def _zeige(value: object) -> str:
    """A value for a message: a date as TT.MM.JJJJ, never as Python repr."""
    if isinstance(value, date):
        return format_datum(value)
    return repr(value) if isinstance(value, str) else str(value)
