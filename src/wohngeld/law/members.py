"""Who counts: zu berücksichtigende Haushaltsmitglieder (§§ 5–8 WoGG)."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal
from fractions import Fraction
from typing import NamedTuple

from ..errors import InputError
from ..input.gruende import Ausschlussgrund, freitext_hinweis
from ..input.haushalt import Haushalt, Haushaltsmitglied
from ..rechenweg import KEIN_RECHENWEG, Rechenweg

__all__ = ["Mitglieder", "alter", "ausschluss_besteht", "mitglieder", "sterbefall_zaehlt"]

_DRITTEL = Fraction(1, 3)


def alter(m: Haushaltsmitglied, on: date) -> int | None:
    """Completed years of life on ``on`` (the birthday itself counts), from ``geburtsdatum`` or, for
    a member given by Zugehörigkeit, its ``geburtsdatum``; None without a date of birth.

    >>> from wohngeld import Haushaltsmitglied
    >>> alter(Haushaltsmitglied(geburtsdatum=date(2000, 7, 1)), date(2025, 7, 1))
    25
    """
    geburt = getattr(m, "geburtsdatum", None)
    zug = getattr(m, "zugehoerigkeit", None)
    if geburt is None and zug is not None:
        geburt = getattr(zug, "geburtsdatum", None)
    if not isinstance(geburt, date):
        return None
    return on.year - geburt.year - ((on.month, on.day) < (geburt.month, geburt.day))


class Mitglieder(NamedTuple):
    """The one answer, for the date, to who counts; every later stage consumes it.

    Positions in ``Haushalt.mitglieder``: ``index_haushalt`` the Haushaltsmitglieder (§§ 5, 6),
    ``index_beruecksichtigt`` those zu berücksichtigen (not excluded on the date, §§ 7, 8),
    ``index_verstorben`` the deceased who only keep the number (§ 6 Abs. 2 Satz 1; in both lists
    before), ``index_anwesend`` every listed person living in the Wohnraum on the date (members and
    non-members, not the deceased or permanently absent; § 17 Nr. 3), ``index_kein_mitglied`` listed
    persons living there without a § 5 Abs. 1 relationship (§ 11 Abs. 2 Nr. 3). The income stage
    counts the income and Freibeträge of :attr:`index_einkommen` only (§ 13 Abs. 1, § 17).
    ``hinweise`` are notices for the Result.
    """

    gesamt: int
    beruecksichtigt: int
    ausgeschlossen: tuple[str, ...]
    index_haushalt: tuple[int, ...] = ()
    index_beruecksichtigt: tuple[int, ...] = ()
    index_verstorben: tuple[int, ...] = ()
    index_anwesend: tuple[int, ...] = ()
    index_kein_mitglied: tuple[int, ...] = ()
    hinweise: tuple[str, ...] = ()

    @property
    def mischhaushalt(self) -> bool:
        """At least one member is excluded and at least one counts (§ 11 Abs. 3 WoGG)."""
        return 0 < self.beruecksichtigt < self.gesamt

    @property
    def index_einkommen(self) -> tuple[int, ...]:
        """Members whose income, Freibeträge and § 18 deductions count: the counted and living.

        § 13 Abs. 1, § 17, § 18 WoGG; § 6 Abs. 2 Satz 1 WoGG keeps only the number of a deceased member.
        """
        if not self.index_verstorben:
            return self.index_beruecksichtigt
        tot = set(self.index_verstorben)
        return tuple(i for i in self.index_beruecksichtigt if i not in tot)


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
        raise InputError(f"{wer}: leistung_ab braucht den Stichtag (§ 8 Abs. 1 Satz 2 WoGG)")
    if ausschluss_besteht(leistung_ab=z.leistung_ab, leistung_bis=z.leistung_bis, on=on):
        return True
    bis = f" bis {z.leistung_bis:%d.%m.%Y}" if z.leistung_bis is not None else ""
    notizen.append(
        (
            f"{wer}: Leistung nach § 7 Abs. 1 WoGG ab {z.leistung_ab:%d.%m.%Y}{bis}; "
            f"im Monat {on.month:02d}/{on.year} besteht der Ausschluss nicht, das Mitglied zählt",
            "§ 8 Abs. 1 Satz 2 WoGG",
        )
    )
    return False


def _haushaltsmitglied(
    i: int, m: Haushaltsmitglied, *, alle: tuple[Haushaltsmitglied, ...], on: date | None
) -> tuple[bool, str, str]:
    """Whether listed person ``i`` is a Haushaltsmitglied on ``on``, with the reason and rule.

    § 5 Abs. 1 WoGG (Beziehung, Mittelpunkt der Lebensbeziehungen), § 5 Abs. 4 WoGG
    (:func:`_betreuungsanteil`), § 6 Abs. 2 WoGG (:func:`_verstorben`).
    """
    z = m.zugehoerigkeit
    wer = m.name or f"Mitglied {i + 1}"
    if z is None:
        return True, "", ""
    if z.leistung_ab is not None and m.ausgeschlossen is None:
        raise InputError(
            f"{wer}: leistung_ab angegeben, aber kein ausgeschlossen; der Zeitraum einer Leistung nach "
            "§ 7 Abs. 1 WoGG zählt nur für ein ausgeschlossenes Mitglied (§ 8 Abs. 1 WoGG): die Leistung "
            "in ausgeschlossen nennen"
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
        return _verstorben(wer, m, verstorben_am=z.verstorben_am, on=on)
    if z.betreuungsanteil is not None:
        return _betreuungsanteil(i, wer, z.betreuungsanteil, alle=alle)
    if z.abwesend == "voruebergehend":
        return (
            True,
            f"{wer}: vorübergehend abwesend, bleibt Haushaltsmitglied",
            "§ 5 Abs. 1 WoGG, WoGVwV Nr. 5.13",
        )
    return True, "", ""


def _verstorben(
    wer: str, m: Haushaltsmitglied, *, verstorben_am: date, on: date | None
) -> tuple[bool, str, str]:
    """A member deceased on or before ``on``: counted for the number up to twelve months after the
    Sterbemonat, if zu berücksichtigen at death and no exception applies.

    § 6 Abs. 2 Satz 1 WoGG (the number is kept), Satz 2 (exceptions, ``sterbefall_ausnahme``);
    § 8 Abs. 1 Satz 2 WoGG for a member excluded at death.
    """
    z = m.zugehoerigkeit
    assert z is not None
    if on is None:
        raise InputError(f"{wer}: verstorben_am braucht den Stichtag (§ 6 Abs. 2 WoGG)")
    if m.ausgeschlossen is not None and (
        z.leistung_ab is None
        or ausschluss_besteht(leistung_ab=z.leistung_ab, leistung_bis=z.leistung_bis, on=verstorben_am)
    ):
        return (
            False,
            f"{wer}: verstorben am {verstorben_am:%d.%m.%Y}, war beim Tod nach § 7 WoGG "
            "ausgeschlossen und damit kein zu berücksichtigendes Haushaltsmitglied; die Anzahl "
            "bleibt nicht erhalten",
            "§ 6 Abs. 2 Satz 1 WoGG",
        )
    if z.sterbefall_ausnahme or not sterbefall_zaehlt(verstorben_am=verstorben_am, on=on):
        grund = (
            "Ausnahme nach § 6 Abs. 2 Satz 2 WoGG"
            if z.sterbefall_ausnahme
            else "zwölf Monate nach dem Sterbemonat abgelaufen"
        )
        return False, f"{wer}: verstorben am {verstorben_am:%d.%m.%Y}, {grund}", "§ 6 Abs. 2 WoGG"
    return (
        True,
        f"{wer}: verstorben am {verstorben_am:%d.%m.%Y}, "
        "zählt bis zwölf Monate nach dem Sterbemonat nur für die Anzahl (kein Einkommen, keine "
        "Freibeträge)",
        "§ 6 Abs. 2 Satz 1 WoGG",
    )


def _betreuungsanteil(
    i: int, wer: str, anteil: Decimal, *, alle: tuple[Haushaltsmitglied, ...]
) -> tuple[bool, str, str]:
    """A child of parents living apart: a member with a Betreuungsanteil of at least a third; of
    several children cared for here less than that, only the youngest.

    § 5 Abs. 4 Satz 1, 2 WoGG (a third), § 5 Abs. 4 Satz 3 WoGG (the youngest).
    """
    if Fraction(anteil) >= _DRITTEL:
        return (
            True,
            f"{wer}: Kind getrennt lebender Eltern, Betreuungsanteil {anteil}",
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
        return False, f"{wer}: Betreuungsanteil {anteil} unter einem Drittel", "§ 5 Abs. 4 WoGG"
    ohne = [
        a.name or f"Mitglied {j + 1}"
        for j, a in geringe
        if a.zugehoerigkeit and a.zugehoerigkeit.geburtsdatum is None
    ]
    if ohne:
        raise InputError(
            f"{', '.join(ohne)}: geburtsdatum fehlt; von mehreren Kindern, die hier zu weniger als einem "
            "Drittel betreut werden, ist nur das jüngste Haushaltsmitglied (§ 5 Abs. 4 Satz 3 WoGG)"
        )
    juengstes = max(geringe, key=lambda ja: (ja[1].zugehoerigkeit.geburtsdatum, ja[0]))[0]  # type: ignore[union-attr]
    if juengstes == i:
        return True, f"{wer}: jüngstes der Kinder mit geringerem Betreuungsanteil", "§ 5 Abs. 4 Satz 3 WoGG"
    return (
        False,
        f"{wer}: nicht das jüngste der Kinder mit geringerem Betreuungsanteil",
        "§ 5 Abs. 4 Satz 3 WoGG",
    )


def _lebt_dort(m: Haushaltsmitglied, *, on: date | None) -> bool:
    """Whether a listed person lives in the Wohnraum on ``on`` (not deceased, not permanently absent)."""
    z = m.zugehoerigkeit
    if z is None:
        return True
    if z.abwesend == "dauerhaft":
        return False
    return z.verstorben_am is None or on is None or on < z.verstorben_am


def _nach_tod_geboren(
    h: Haushalt, *, verstorben: list[int], zaehlt: list[int], wer: list[str]
) -> list[str]:
    """Notice where a counted member was born after the death of a member kept by § 6 Abs. 2 Satz 1.

    § 6 Abs. 2 Satz 2 Nr. 2 WoGG: Satz 1 no longer applies once "die Zahl der zu berücksichtigenden
    Haushaltsmitglieder sich mindestens auf den Stand vor dem Todesfall erhöht". The list does not say
    who lived there at the death, so the library does not decide it: ``sterbefall_ausnahme`` does.
    """
    assert h.mitglieder is not None
    texte = []
    for t in verstorben:
        z = h.mitglieder[t].zugehoerigkeit
        if z is None or z.verstorben_am is None:
            continue
        tod = z.verstorben_am
        for i in zaehlt:
            geboren = h.mitglieder[i].geburtsdatum
            if i not in verstorben and geboren is not None and geboren > tod:
                texte.append(
                    f"{wer[i]} ist nach dem Tod von {wer[t]} ({tod.strftime('%d.%m.%Y')}) geboren: erreicht "
                    "die Zahl der zu berücksichtigenden Haushaltsmitglieder damit wieder den Stand vor dem "
                    f"Todesfall, zählt {wer[t]} nicht mehr (§ 6 Abs. 2 Satz 2 Nr. 2 WoGG); dann "
                    "sterbefall_ausnahme angeben."
                )
    return texte


def _sgb_viii(
    h: Haushalt, haushalt: list[int], zaehlt: list[int], verstorben: list[int], wer: list[str]
) -> tuple[list[int], list[tuple[str, str]]]:
    """Members whose SGB VIII exclusion does not apply: not every member receives SGB VIII.

    § 7 Abs. 1 Satz 1 Nr. 9 WoGG: Leistungen nach dem SGB VIII exclude only "in Haushalten, zu
    denen ausschließlich Personen gehören, die diese Leistungen empfangen".

    Auslegung: in a household with a member who does not receive them, an SGB VIII recipient is
    not excluded and counts (docs/rechtsauslegung.md); the Result says so.
    """
    assert h.mitglieder is not None
    ausgeschl = [i for i in haushalt if i not in zaehlt]
    sgb8 = [i for i in ausgeschl if h.mitglieder[i].ausgeschlossen is Ausschlussgrund.SGB_VIII]
    lebende = [i for i in haushalt if i not in verstorben]
    if not sgb8 or all(i in sgb8 for i in lebende):
        return [], []
    notizen = [
        (
            f"{wer[i]}: Leistungen nach dem SGB VIII schließen nur aus, wenn alle Haushaltsmitglieder "
            "sie empfangen; hier nicht – das Mitglied zählt",
            "§ 7 Abs. 1 Satz 1 Nr. 9 WoGG",
        )
        for i in sgb8
    ]
    return sgb8, notizen


def mitglieder(h: Haushalt, rec: Rechenweg | None, *, on: date | None = None) -> Mitglieder:
    """Number of Haushaltsmitglieder and of those zu berücksichtigen, decided once for the date.

    § 4 Nr. 1, §§ 5, 6 WoGG; members excluded under § 7 WoGG do not count, for the months
    § 8 Abs. 1 Satz 2 WoGG names when the benefit's period is given; § 7 Abs. 1 Satz 1 Nr. 9 only
    where every member receives SGB VIII; § 6 Abs. 2 Satz 1 keeps the number of a deceased member
    who was zu berücksichtigen at death, and nothing else (:func:`_nach_liste`).

    Auslegung: § 8 Abs. 1 Satz 3 (exclusion "als nicht erfolgt") and Abs. 2 (Verzicht) are
    facts of the benefit procedure: such a member is entered without ``ausgeschlossen``
    (docs/miete-und-haushalt.md). ``rec=None`` records nothing (as :data:`KEIN_RECHENWEG`).
    """
    if rec is None:
        rec = KEIN_RECHENWEG
    notizen: list[tuple[str, str]] = []
    if h.mitglieder is None:
        assert h.anzahl_mitglieder is not None
        aus = h.anzahl_ausgeschlossen or 0
        result = Mitglieder(h.anzahl_mitglieder, h.anzahl_mitglieder - aus, ("§ 7 WoGG",) * aus)
    else:
        result = _nach_liste(h, h.mitglieder, on=on, notizen=notizen)
    for notiz, zitat in notizen:
        rec.add("zugehoerigkeit", notiz, "", "", zitat)
    rec.add("mitglieder_gesamt", "Haushaltsmitglieder", result.gesamt, "Personen", "§ 5 WoGG")
    for grund in result.ausgeschlossen:
        rec.add("ausgeschlossen", "vom Wohngeld ausgeschlossenes Haushaltsmitglied", grund, "", "§ 7 WoGG")
    rec.add(
        "mitglieder",
        "zu berücksichtigende Haushaltsmitglieder",
        result.beruecksichtigt,
        "Personen",
        "§ 4 Nr. 1, §§ 5–8 WoGG",
    )
    return result


def _nach_liste(
    h: Haushalt, liste: tuple[Haushaltsmitglied, ...], *, on: date | None, notizen: list[tuple[str, str]]
) -> Mitglieder:
    """Who counts, from the list of persons: Haushaltsmitglieder (§§ 5, 6 WoGG), those excluded in
    the month (§§ 7, 8 WoGG), SGB VIII (§ 7 Abs. 1 Satz 1 Nr. 9 WoGG), the deceased (§ 6 Abs. 2 WoGG).

    The notes for the Rechenweg are appended to ``notizen``.
    """
    haushalt, zaehlt, verstorben = _zugehoerigkeit(liste, on=on, notizen=notizen)
    wer = [m.name or f"Mitglied {i + 1}" for i, m in enumerate(liste)]
    nicht_aus, sgb8_notizen = _sgb_viii(h, haushalt, zaehlt, verstorben, wer)
    notizen += sgb8_notizen
    hinweise = [n for n, _ in sgb8_notizen]
    zaehlt = sorted({*zaehlt, *nicht_aus})
    gruende = [str(liste[i].ausgeschlossen) for i in haushalt if i not in zaehlt]
    anwesend = tuple(i for i, m in enumerate(liste) if _lebt_dort(m, on=on))
    kein = tuple(i for i in anwesend if (z := liste[i].zugehoerigkeit) is not None and z.beziehung == "keine")
    for i, m in enumerate(liste):
        text = freitext_hinweis(m.ausgeschlossen)
        if text is not None and i in haushalt and i not in zaehlt:
            hinweise.append(f"{wer[i]}: {text}")
    hinweise += _nach_tod_geboren(h, verstorben=verstorben, zaehlt=zaehlt, wer=wer)
    return Mitglieder(
        len(haushalt),
        len(zaehlt),
        tuple(gruende),
        tuple(haushalt),
        tuple(zaehlt),
        tuple(verstorben),
        anwesend,
        kein,
        tuple(hinweise),
    )


def _zugehoerigkeit(
    liste: tuple[Haushaltsmitglied, ...], *, on: date | None, notizen: list[tuple[str, str]]
) -> tuple[list[int], list[int], list[int]]:
    """Positions of the Haushaltsmitglieder, of those counted and of the deceased kept in the number.

    §§ 5, 6 WoGG (:func:`_haushaltsmitglied`); § 6 Abs. 2 Satz 1 WoGG: a deceased member counted at
    death keeps the number (its exclusion is checked at death); § 8 Abs. 1 Satz 2 WoGG: an excluded
    member counts in a month its benefit does not cover. No Haushaltsmitglied at all is an error.
    """
    haushalt: list[int] = []
    zaehlt: list[int] = []
    verstorben: list[int] = []
    for i, m in enumerate(liste):
        ist, notiz, zitat = _haushaltsmitglied(i, m, alle=liste, on=on)
        if notiz:
            notizen.append((notiz, zitat))
        if not ist:
            continue
        haushalt.append(i)
        if not _lebt_dort(m, on=on):
            verstorben.append(i)
            zaehlt.append(i)
        elif m.ausgeschlossen is None or not _ausschluss_im_monat(i, m, on=on, notizen=notizen):
            zaehlt.append(i)
    if not haushalt:
        raise InputError(
            "mitglieder: keine der genannten Personen ist am Stichtag Haushaltsmitglied "
            "(§§ 5, 6 WoGG); " + "; ".join(n for n, _ in notizen)
        )
    return haushalt, zaehlt, verstorben
