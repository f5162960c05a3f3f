"""Who counts: zu berücksichtigende Haushaltsmitglieder (§§ 5–8 WoGG)."""

from __future__ import annotations

from datetime import date, timedelta
from fractions import Fraction
from typing import NamedTuple

from .errors import InputError
from .explain import Rechenweg
from .model import Haushalt, Haushaltsmitglied

__all__ = ["Mitglieder", "ausschluss_besteht", "mitglieder", "sterbefall_zaehlt"]

_DRITTEL = Fraction(1, 3)


class Mitglieder(NamedTuple):
    """Counts for the later stages: all Haushaltsmitglieder and those to be counted.

    ``index_haushalt`` and ``index_beruecksichtigt`` are positions in ``Haushalt.mitglieder``:
    persons listed but not Haushaltsmitglieder (§ 5) are in neither; excluded members (§ 7) only in
    the first. The income stage counts the income of ``index_beruecksichtigt`` only (§ 13 Abs. 1).
    """

    gesamt: int
    beruecksichtigt: int
    ausgeschlossen: tuple[str, ...]
    index_haushalt: tuple[int, ...] = ()
    index_beruecksichtigt: tuple[int, ...] = ()

    @property
    def mischhaushalt(self) -> bool:
        """At least one member is excluded and at least one counts (§ 11 Abs. 3 WoGG)."""
        return 0 < self.beruecksichtigt < self.gesamt


def sterbefall_zaehlt(*, verstorben_am: date, on: date) -> bool:
    """Whether a deceased member still counts on ``on``: up to twelve months after the Sterbemonat.

    § 6 Abs. 2 Satz 1 WoGG.

    >>> sterbefall_zaehlt(verstorben_am=date(2024, 3, 15), on=date(2025, 3, 31))
    True
    >>> sterbefall_zaehlt(verstorben_am=date(2024, 3, 15), on=date(2025, 4, 1))
    False
    """
    sterbemonat = verstorben_am.year * 12 + verstorben_am.month - 1
    monat = on.year * 12 + on.month - 1
    return sterbemonat <= monat <= sterbemonat + 12


def ausschluss_besteht(*, leistung_ab: date, leistung_bis: date | None, on: date) -> bool:
    """Whether the § 7 exclusion runs in the month of ``on``, given the benefit's period.

    § 8 Abs. 1 Satz 2 WoGG: from the first of the month the benefit is applied for or granted
    from, or of the next month if it does not start on a first (Nr. 1, 2); up to the last of the
    month it is granted to, or of the month before if it does not end on a last (Nr. 3).

    >>> ausschluss_besteht(leistung_ab=date(2025, 3, 15), leistung_bis=None, on=date(2025, 3, 31))
    False
    >>> ausschluss_besteht(leistung_ab=date(2025, 3, 15), leistung_bis=None, on=date(2025, 4, 1))
    True
    >>> ausschluss_besteht(leistung_ab=date(2025, 1, 1), leistung_bis=date(2025, 6, 20), on=date(2025, 6, 1))
    False
    """
    erster = leistung_ab.year * 12 + leistung_ab.month - 1 + (0 if leistung_ab.day == 1 else 1)
    monat = on.year * 12 + on.month - 1
    if leistung_bis is None:
        return erster <= monat
    letzter = leistung_bis.year * 12 + leistung_bis.month - 1
    if (leistung_bis + timedelta(days=1)).day != 1:
        letzter -= 1  # not granted up to the last of a month: up to the last of the month before
    return erster <= monat <= letzter


def _ausschluss_im_monat(
    i: int, m: Haushaltsmitglied, *, on: date | None, notizen: list[tuple[str, str]]
) -> bool:
    """Whether the excluded member ``i`` is excluded on ``on`` (§ 8 Abs. 1 Satz 2 WoGG)."""
    z = m.zugehoerigkeit
    if z is None or z.leistung_ab is None:
        return True  # no period given: excluded on the Stichtag as stated (§ 7 WoGG)
    wer = m.name or f"Mitglied {i + 1}"
    if on is None:
        raise InputError(f"{wer}: leistung_ab needs the Stichtag (§ 8 Abs. 1 Satz 2 WoGG)")
    if ausschluss_besteht(leistung_ab=z.leistung_ab, leistung_bis=z.leistung_bis, on=on):
        return True
    bis = f" bis {z.leistung_bis.isoformat()}" if z.leistung_bis is not None else ""
    notizen.append(
        (
            f"{wer}: Leistung nach § 7 Abs. 1 WoGG ab {z.leistung_ab.isoformat()}{bis}; "
            f"im Monat {on.month:02d}/{on.year} besteht der Ausschluss nicht, das Mitglied zählt",
            "§ 8 Abs. 1 Satz 2 WoGG",
        )
    )
    return False


def _haushaltsmitglied(
    i: int, m: Haushaltsmitglied, *, alle: tuple[Haushaltsmitglied, ...], on: date | None
) -> tuple[bool, str, str]:
    """Whether listed person ``i`` is a Haushaltsmitglied on ``on``, with the reason and rule."""
    z = m.zugehoerigkeit
    wer = m.name or f"Mitglied {i + 1}"
    if z is None:
        return True, "", ""
    if z.leistung_ab is not None and m.ausgeschlossen is None:
        raise InputError(
            f"{wer}: leistung_ab given but no ausgeschlossen; the period of a § 7 Abs. 1 benefit only "
            "matters for an excluded member (§ 8 Abs. 1 WoGG): name the benefit in ausgeschlossen"
        )
    if z.beziehung == "keine":
        return (
            False,
            f"{wer}: kein Haushaltsmitglied (keine Beziehung nach § 5 Abs. 1 WoGG)",
            "§ 5 Abs. 1 WoGG",
        )
    if z.abwesend == "dauerhaft":
        return (
            False,
            f"{wer}: dauerhaft abwesend, Wohnraum nicht Mittelpunkt der Lebensbeziehungen",
            "§ 5 Abs. 1 WoGG",
        )
    if z.verstorben_am is not None and (on is None or on >= z.verstorben_am):
        if on is None:
            raise InputError(f"{wer}: verstorben_am needs the Stichtag (§ 6 Abs. 2 WoGG)")
        if z.sterbefall_ausnahme or not sterbefall_zaehlt(verstorben_am=z.verstorben_am, on=on):
            grund = (
                "Ausnahme nach § 6 Abs. 2 Satz 2 WoGG"
                if z.sterbefall_ausnahme
                else "zwölf Monate nach dem Sterbemonat abgelaufen"
            )
            return False, f"{wer}: verstorben am {z.verstorben_am.isoformat()}, {grund}", "§ 6 Abs. 2 WoGG"
        return (
            True,
            f"{wer}: verstorben am {z.verstorben_am.isoformat()}, "
            "zählt bis zwölf Monate nach dem Sterbemonat",
            "§ 6 Abs. 2 Satz 1 WoGG",
        )
    if z.betreuungsanteil is not None:
        if Fraction(z.betreuungsanteil) >= _DRITTEL:
            return (
                True,
                f"{wer}: Kind getrennt lebender Eltern, Betreuungsanteil {z.betreuungsanteil}",
                "§ 5 Abs. 4 Satz 1, 2 WoGG",
            )
        geringe = [
            (j, a)
            for j, a in enumerate(alle)
            if a.zugehoerigkeit is not None
            and a.zugehoerigkeit.betreuungsanteil is not None
            and Fraction(a.zugehoerigkeit.betreuungsanteil) < _DRITTEL
        ]
        if len(geringe) < 2:
            return (
                False,
                f"{wer}: Betreuungsanteil {z.betreuungsanteil} unter einem Drittel",
                "§ 5 Abs. 4 WoGG",
            )
        ohne = [
            a.name or f"Mitglied {j + 1}"
            for j, a in geringe
            if a.zugehoerigkeit and a.zugehoerigkeit.geburtsdatum is None
        ]
        if ohne:
            raise InputError(
                f"{', '.join(ohne)}: geburtsdatum missing; with several children cared for here at a share "
                "below one third only the youngest is a Haushaltsmitglied (§ 5 Abs. 4 Satz 3 WoGG)"
            )
        juengstes = max(geringe, key=lambda ja: (ja[1].zugehoerigkeit.geburtsdatum, ja[0]))[0]  # type: ignore[union-attr]
        if juengstes == i:
            return (
                True,
                f"{wer}: jüngstes der Kinder mit geringerem Betreuungsanteil",
                "§ 5 Abs. 4 Satz 3 WoGG",
            )
        return (
            False,
            f"{wer}: nicht das jüngste der Kinder mit geringerem Betreuungsanteil",
            "§ 5 Abs. 4 Satz 3 WoGG",
        )
    if z.abwesend == "voruebergehend":
        return (
            True,
            f"{wer}: vorübergehend abwesend, bleibt Haushaltsmitglied",
            "§ 5 Abs. 1 WoGG, WoGVwV Nr. 5.13",
        )
    return True, "", ""


def mitglieder(h: Haushalt, rec: Rechenweg | None, *, on: date | None = None) -> Mitglieder:
    """Number of Haushaltsmitglieder and of those zu berücksichtigen.

    § 4 Nr. 1, §§ 5, 6 WoGG; members excluded under § 7 WoGG do not count, for the months
    § 8 Abs. 1 Satz 2 WoGG names when the benefit's period is given.

    Auslegung: § 8 Abs. 1 Satz 3 (exclusion "als nicht erfolgt") and Abs. 2 (Verzicht) are
    facts of the benefit procedure: such a member is entered without ``ausgeschlossen``
    (docs/miete-und-haushalt.md).
    """
    if h.mitglieder is None:
        assert h.anzahl_mitglieder is not None
        aus = h.anzahl_ausgeschlossen or 0
        result = Mitglieder(h.anzahl_mitglieder, h.anzahl_mitglieder - aus, ("§ 7 WoGG",) * aus)
        notizen: list[tuple[str, str]] = []
    else:
        haushalt: list[int] = []
        zaehlt: list[int] = []
        gruende: list[str] = []
        notizen = []
        for i, m in enumerate(h.mitglieder):
            ist, notiz, zitat = _haushaltsmitglied(i, m, alle=h.mitglieder, on=on)
            if notiz:
                notizen.append((notiz, zitat))
            if not ist:
                continue
            haushalt.append(i)
            if m.ausgeschlossen is not None and _ausschluss_im_monat(i, m, on=on, notizen=notizen):
                gruende.append(str(m.ausgeschlossen))
            else:
                zaehlt.append(i)
        if not haushalt:
            raise InputError(
                "mitglieder: none of the listed persons is a Haushaltsmitglied on the Stichtag "
                "(§§ 5, 6 WoGG); " + "; ".join(n for n, _ in notizen)
            )
        result = Mitglieder(len(haushalt), len(zaehlt), tuple(gruende), tuple(haushalt), tuple(zaehlt))
    if rec is not None:
        for notiz, zitat in notizen:
            rec.add("zugehoerigkeit", notiz, "", "", zitat)
        rec.add("mitglieder_gesamt", "Haushaltsmitglieder", result.gesamt, "Personen", "§ 5 WoGG")
        for grund in result.ausgeschlossen:
            rec.add(
                "ausgeschlossen",
                "vom Wohngeld ausgeschlossenes Haushaltsmitglied",
                grund,
                "",
                "§ 7 WoGG",
            )
        rec.add(
            "mitglieder",
            "zu berücksichtigende Haushaltsmitglieder",
            result.beruecksichtigt,
            "Personen",
            "§ 4 Nr. 1, §§ 5–8 WoGG",
        )
    return result
