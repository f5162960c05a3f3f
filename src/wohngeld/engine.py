"""``calculate``: the stages in the order of § 4 WoGG — members, rent, income, § 19, limits."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import Any

from .darstellung import ROEMISCH
from .errors import InputError
from .input.haushalt import MAX_BETRAG, MAX_MITGLIEDER, Haushalt, Miete
from .law.formula import Formel, wohngeld_formel
from .law.income.einkommen import gesamteinkommen_monat
from .law.income.einkommen import hinweise as einkommen_hinweise
from .law.income.tabellen import Regelbedarfsstufen
from .law.limits import (
    KeinAnspruch,
    alle_ausgeschlossen,
    ausbildungsfoerderung,
    bagatellgrenze,
    mindestbedarf,
    mindesteinkommen,
    vermoegen,
)
from .law.members import Mitglieder
from .law.members import mitglieder as zaehle_mitglieder
from .law.rechtsstand import ParameterStore, Rechtsstand, resolve
from .law.rent.miete import hinweise as miete_hinweise
from .law.rent.miete import miete_beruecksichtigt, wohnkosten_betrag
from .law.tabelle import TITEL, ungeprueft
from .money import NULL as _NULL
from .money import to_decimal
from .rechenweg import KEIN_RECHENWEG, Rechenweg, Schritt, format_euro_anzeige
from .result import Result

__all__ = ["calculate", "mietenstufe_von", "wohngeld_aus_m_y"]

_KEINE_FORMEL = Formel(_NULL, _NULL, _NULL, _NULL, _NULL, _NULL, _NULL, _NULL, False)
"""The § 19 figures of a household excluded before the formula (§§ 7, 8 WoGG): all 0."""

WOHNGELDART = {"Miete": "Mietzuschuss", "Belastung": "Lastenzuschuss", "Heim": "Mietzuschuss (Heim)"}
"""Kind of Wohngeld by kind of housing cost (§ 1 Abs. 2, § 3 WoGG; Heim: § 9 Abs. 3 WoGG)."""


def mietenstufe_von(
    h: Haushalt, *, on: date, rec: Rechenweg, store: ParameterStore | None = None
) -> int:
    """The Mietenstufe: given, or looked up from the Gemeinde in the list of the rule set.

    § 12 Abs. 2–4a WoGG i. V. m. Anlage zu § 1 Abs. 3 WoGV (a named rule set may bring its own
    Anlage or refuse the lookup, :meth:`ParameterStore.mietenstufen_dir`).
    """
    if h.mietenstufe is not None:
        rec.add("mietenstufe", "Mietenstufe (angegeben)", ROEMISCH[h.mietenstufe - 1], "", "§ 12 Abs. 1 WoGG")
        return h.mietenstufe
    data_dir = store.mietenstufen_dir(on) if store is not None else None
    if h.plz is not None:
        return _mietenstufe_nach_plz(h.plz, h.ort, on=on, rec=rec, data_dir=data_dir)
    assert h.gemeinde is not None
    from .law.mietenstufen.liste import mietenstufe  # lazy: the list is large

    auskunft = mietenstufe(h.gemeinde, on=on, data_dir=data_dir)
    g = auskunft.gemeinde
    _mietenstufe_schritt(
        rec,
        f"Mietenstufe von {g.name} (AGS {g.ags}, {g.kreis})",
        auskunft.mietenstufe,
        f"§ 12 Abs. 3 WoGG i. V. m. {auskunft.source}",
        herkunft=g.herkunft,
    )
    return auskunft.mietenstufe


def _mietenstufe_schritt(rec: Rechenweg, label: str, stufe: int, zitat: str, **eingaben: str) -> None:
    """The Rechenweg step of the Mietenstufe, in Roman numerals as the Anlage zu § 1 Abs. 3 WoGV writes it."""
    rec.add("mietenstufe", label, ROEMISCH[stufe - 1], "", zitat, **eingaben)


def _mietenstufe_nach_plz(
    plz: str, ort: str | None, *, on: date, rec: Rechenweg, data_dir: Any
) -> int:
    """The Mietenstufe of the Wohnort given by Postleitzahl (and ort); ambiguous → AmbiguousMunicipality.

    § 12 Abs. 3 WoGG i. V. m. Anlage zu § 1 Abs. 3 WoGV; PLZ → Gemeinde by
    :mod:`wohngeld.law.mietenstufen.plz`.
    """
    from .errors import AmbiguousMunicipality, UnknownMunicipality
    from .law.mietenstufen.plz import QUELLE_OSM, mietenstufe_nach_plz

    a = mietenstufe_nach_plz(plz, on=on, ort=ort, data_dir=data_dir)
    wo = f"PLZ {a.plz}" + (f", Ort {ort!r}" if ort else "")
    if a.mietenstufe is None:
        cls = AmbiguousMunicipality if len(a.kandidaten) > 1 else UnknownMunicipality
        hinweis = f"\nHinweis: {a.zweifel}" if a.zweifel else ""
        raise cls(
            f"{wo}: keine eindeutige Mietenstufe am {on:%d.%m.%Y}; bitte ort (Name der Gemeinde) oder "
            f"gemeinde (AGS) angeben. Gemeinden dieser PLZ:{a.kandidaten_text()}{hinweis}",
            [k.gemeinde for k in a.kandidaten],
        )
    k = a.kandidaten[0]
    namen = ", ".join(f"{c.gemeinde.name} (AGS {c.gemeinde.ags})" for c in a.kandidaten)
    _mietenstufe_schritt(
        rec,
        f"Mietenstufe für {wo}: {namen}",
        k.mietenstufe,
        f"§ 12 Abs. 3 WoGG i. V. m. {a.source}; {k.erlaeuterung}; {QUELLE_OSM}",
        herkunft=k.regel,
    )
    return a.mietenstufe


def calculate(
    haushalt: Haushalt,
    *,
    on: date | None = None,
    rechenweg: bool = True,
    rechtsstand: str | ParameterStore | None = None,
) -> Result:
    """Monthly Wohngeld for ``haushalt`` on the date ``on``, with its Rechenweg.

    ``on`` (the Stichtag) is required: without it an :class:`~wohngeld.errors.InputError` says so.

    §§ 4–21 WoGG. ``rechenweg=False`` skips recording the steps (faster for batches).
    ``rechtsstand`` names a rule set (default: the law in force on ``on``; a draft such as
    ``"Entwurf 2027"`` applies only when named) or is a ParameterStore (e.g. a scenario). No claim
    is a result with ``betrag_monat == 0`` and the reason, not an exception; bad input raises a
    :class:`~wohngeld.errors.WohngeldError`.
    """
    if not isinstance(haushalt, Haushalt) or not isinstance(on, date) or isinstance(on, datetime):
        raise _aufruf_fehler(haushalt, on)
    rs = resolve(rechtsstand).rechtsstand(on).fuer_berechnung()
    rec = Rechenweg() if rechenweg else KEIN_RECHENWEG
    if rec.aktiv:
        _stichtag(rec, on=on, rs=rs)
    fassung_pos = len(rec.schritte)
    if haushalt.bewilligungszeitraum_monate is not None:
        _bewilligungszeitraum(haushalt, on=on, rs=rs)
    mitglieder = zaehle_mitglieder(haushalt, rec, on=on)
    stufe = mietenstufe_von(haushalt, on=on, rec=rec, store=rs.store)
    # § 21 Nr. 2 WoGG i. V. m. §§ 7, 8; with a list of members also § 6 Abs. 2 Satz 1 and § 20 Abs. 2 WoGG
    kein = alle_ausgeschlossen(beruecksichtigt=mitglieder.beruecksichtigt)
    if kein is None and haushalt.mitglieder:
        kein = _vorab_ausgeschlossen(haushalt, mitglieder)
    if kein is not None:
        rec.add("ausschluss", kein.grund, _NULL, "EUR/Monat", kein.zitat)
        stufen: _Stufen = (_NULL, kein, _KEINE_FORMEL, _NULL, _NULL, 0, mitglieder.hinweise)
    else:
        stufen = _stufen(haushalt, mitglieder, stufe, on=on, rs=rs, rec=rec)
    betrag_monat, kein, f, m_berechnet, y, gezaehlt, hinweise = stufen
    fassung, tabellen, nicht_geprueft = _angewandt(rs, rec, fassung_pos)
    return Result(
        betrag_monat=betrag_monat,
        anspruch=kein is None,
        grund=None if kein is None else kein.grund,
        grund_zitat=None if kein is None else kein.zitat,
        art=WOHNGELDART[haushalt.wohnkosten.art],
        stichtag=on,
        fassung=fassung,
        rechtsstand=rs.name,
        mietenstufe=stufe,
        mitglieder=gezaehlt,
        mitglieder_gesamt=mitglieder.gesamt,
        M=f.M,
        Y=f.Y,
        z=(f.z1, f.z2, f.z3, f.z4),
        M_berechnet=m_berechnet,
        Y_berechnet=y,
        warnungen=rs.warnungen + nicht_geprueft + hinweise,
        schritte=tuple(rec.schritte),
        tabellen=tabellen,
    )


def _aufruf_fehler(haushalt: object, on: object) -> InputError:
    """The error of a call without a Haushalt or without a Stichtag (a date, not a datetime).

    § 24 Abs. 2, § 25 WoGG: Wohngeld is computed for a month, by the law of that day.
    """
    if not isinstance(haushalt, Haushalt):
        return InputError(
            f"haushalt: {type(haushalt).__name__} angegeben; einen wohngeld.Haushalt übergeben "
            "(z. B. Haushalt.model_validate(data))"
        )
    gegeben = "nichts" if on is None else f"{type(on).__name__} {on}"
    return InputError(
        f"Stichtag fehlt: on = {gegeben} angegeben; den Tag angeben, für den gerechnet wird, "
        "z. B. calculate(h, on=date(2025, 7, 1)); es gilt das Recht dieses Tages"
    )


def _stichtag(rec: Rechenweg, *, on: date, rs: Rechtsstand) -> None:
    """The first steps: the Stichtag and, unless it is the law in force, the rule set applied.

    § 24, § 25 WoGG (the law of the month computed). Called only for a kept Rechenweg: the date as
    text and the test of the rule set are a measurable part of a calculation without Rechenweg.
    """
    rec.add("stichtag", "Stichtag", on.isoformat(), "", "§ 24, § 25 WoGG")
    if rs.status != "in Kraft" or rs.name != "geltendes Recht":
        rec.add(
            "rechtsstand",
            "Rechtsstand (nicht das geltende Recht)",
            rs.name,
            "",
            rs.store.quelle or rs.store.hinweis or rs.status,
        )


def _bewilligungszeitraum(haushalt: Haushalt, *, on: date, rs: Rechtsstand) -> None:
    """A Bewilligungszeitraum given in months is checked against its bounds (§ 25 Abs. 1 WoGG)."""
    from .procedure.bewilligung import pruefe_bewilligungszeitraum_monate  # lazy: § 25 only here

    assert haushalt.bewilligungszeitraum_monate is not None
    beginn = (haushalt.bewilligungszeitraum_ab or on).replace(day=1)
    pruefe_bewilligungszeitraum_monate(
        haushalt.bewilligungszeitraum_monate, beginn=beginn, rechtsstand=rs.store
    )


def _vorab_ausgeschlossen(haushalt: Haushalt, mitglieder: Mitglieder) -> KeinAnspruch | None:
    """No claim before the rent and income stages, from the list of members: only deceased members
    counted, or every Haushaltsmitglied entitled to Ausbildungsförderung.

    § 6 Abs. 2 Satz 1, § 21 Nr. 2 WoGG (:func:`_nur_verstorbene`); § 20 Abs. 2 WoGG.
    """
    assert haushalt.mitglieder is not None
    haushaltsmitglieder = tuple(haushalt.mitglieder[i] for i in mitglieder.index_haushalt)
    return _nur_verstorbene(haushalt, mitglieder) or ausbildungsfoerderung(mitglieder=haushaltsmitglieder)


_Stufen = tuple[Decimal, KeinAnspruch | None, Formel, Decimal, Decimal, int, tuple[str, ...]]
"""What the stages after the members give the Result: amount, reason, § 19 figures, M and Y as
computed, the counted members, notices (a plain tuple: built once per calculation)."""


def _stufen(
    haushalt: Haushalt, mitglieder: Mitglieder, stufe: int, *, on: date, rs: Rechtsstand, rec: Rechenweg
) -> _Stufen:
    """Rent (§§ 9–12 WoGG), income (§§ 13–18), § 19 and the limits after it (§ 21 Nr. 3, then Nr. 1)."""
    w = haushalt.wohnkosten
    betrag = wohnkosten_betrag(
        w,
        gesamt=mitglieder.gesamt,
        beruecksichtigt=mitglieder.beruecksichtigt,
        mietenstufe=stufe,
        rs=rs,
        rec=rec,
        mitbewohner_gelistet=len(mitglieder.index_kein_mitglied),
    )
    miete = miete_beruecksichtigt(
        art=w.art,
        betrag=betrag,
        gesamt=mitglieder.gesamt,
        beruecksichtigt=mitglieder.beruecksichtigt,
        mietenstufe=stufe,
        rs=rs,
        rec=rec,
    )
    zaehlt = mitglieder.index_einkommen
    anwesend = mitglieder.index_anwesend
    y = gesamteinkommen_monat(haushalt, on=on, rs=rs, rec=rec, zaehlt=zaehlt, anwesend=anwesend)
    f = wohngeld_formel(mitglieder=mitglieder.beruecksichtigt, M=miete.M, Y=y, rs=rs, rec=rec)
    # § 21 Nr. 3 WoGG (erhebliches Vermögen, its exclusion a step of its own), then § 21 Nr. 1 WoGG
    kein = vermoegen(
        vermoegen_eur=haushalt.vermoegen,
        beruecksichtigt=mitglieder.beruecksichtigt,
        rs=rs,
        rec=rec,
        erheblich=haushalt.vermoegen_erheblich,
    )
    if kein is not None:
        rec.add("ausschluss", kein.grund, _NULL, "EUR/Monat", kein.zitat)
    else:
        kein = bagatellgrenze(betrag=f.betrag, rs=rs, rec=rec)
    betrag_monat = f.betrag if kein is None else _NULL
    plausibel = _plausibel(haushalt, mitglieder, y=y, betrag_monat=betrag_monat, miete=betrag, rs=rs)
    hinweise = (
        ((plausibel,) if plausibel else ())
        + einkommen_hinweise(haushalt, on=on, zaehlt=zaehlt, anwesend=anwesend)
        + miete_hinweise(w, rs=rs)
        + mitglieder.hinweise
    )
    if mitglieder.index_kein_mitglied:
        hinweise += _hinweise_wohnkosten(haushalt, len(mitglieder.index_kein_mitglied))
    return betrag_monat, kein, f, miete.M, y, mitglieder.beruecksichtigt, hinweise


def _nur_verstorbene(h: Haushalt, mg: Mitglieder) -> KeinAnspruch | None:
    """No claim when every counted member is deceased: § 6 Abs. 2 keeps a number, not a claimant.

    § 6 Abs. 2 Satz 1, § 21 Nr. 2 WoGG: the living members are all excluded (or there are none).
    """
    if h.mitglieder is None or mg.beruecksichtigt == 0 or mg.index_einkommen:
        return None
    return KeinAnspruch(
        "Kein lebendes Haushaltsmitglied ist zu berücksichtigen: die verstorbenen zählen nach § 6 Abs. 2 "
        "WoGG nur für die Anzahl, die übrigen sind vom Wohngeld ausgeschlossen.",
        "§ 6 Abs. 2 Satz 1, § 21 Nr. 2 WoGG",
    )


def _plausibel(
    h: Haushalt, mg: Mitglieder, *, y: Decimal, betrag_monat: Decimal, miete: Decimal | None, rs: Rechtsstand
) -> str | None:
    """Plausibility warning: against ``bedarf_monat`` if given, else 80 % of the Regelbedarfe plus rent.

    WoGVwV Teil A Nr. 15.01 ff. (:func:`~wohngeld.law.limits.mindestbedarf`); only with a list of members
    and a rent or Belastung figure.
    """
    if h.bedarf_monat is not None or h.mitglieder is None or miete is None or mg.beruecksichtigt == 0:
        if h.bedarf_monat is None:
            return None  # nothing to compare with
        return mindesteinkommen(y=y, betrag=betrag_monat, bedarf=h.bedarf_monat)
    from .procedure.vorrang import regelbedarf  # lazy: vorranghinweis imports this module

    gezaehlt = tuple(h.mitglieder[i] for i in mg.index_einkommen)
    regel, _ = regelbedarf(gezaehlt, on=rs.stichtag, rb=rs.table(Regelbedarfsstufen))
    anteil = miete * mg.beruecksichtigt / mg.gesamt
    bedarf = mindestbedarf(regelbedarf=regel, miete=anteil)
    return mindesteinkommen(
        y=y,
        betrag=betrag_monat,
        bedarf=bedarf,
        herkunft=f"80 % der Regelbedarfe ({format_euro_anzeige(regel)}) zuzüglich der Miete "
        f"({format_euro_anzeige(anteil)})",
    )


def _hinweise_wohnkosten(h: Haushalt, gelistet: int) -> tuple[str, ...]:
    """Notice where listed non-members live in the flat but the rent gives no share for them.

    § 11 Abs. 2 Nr. 3 WoGG: for a Miete their head share is left out (rent stage); a Belastung or
    a Heim has no input for it.
    """
    if gelistet and h.wohnkosten.art == "Belastung":
        return (
            f"{gelistet} aufgeführte Person(en) ohne Beziehung nach § 5 Abs. 1 WoGG wohnen mit; ihr Anteil "
            "an der Belastung ist nach § 11 Abs. 2 Nr. 3 WoGG außer Betracht zu lassen und hier nicht "
            "abgezogen (Belastung entsprechend mindern).",
        )
    if gelistet and isinstance(h.wohnkosten, Miete) and h.wohnkosten.mitbewohner == 0:
        return (
            f"{gelistet} aufgeführte Person(en) ohne Beziehung nach § 5 Abs. 1 WoGG sind keine "
            "Haushaltsmitglieder; ihr Anteil an der Miete nach Köpfen ist abgezogen (§ 11 Abs. 2 Nr. 3 "
            "WoGG). Zahlt eine Person mehr, mitbewohner und mitbewohner_entgelt_monat angeben.",
        )
    return ()


def wohngeld_aus_m_y(
    *,
    mitglieder: int,
    M: Decimal | int | str,
    Y: Decimal | int | str,
    on: date,
    rechtsstand: str | ParameterStore | None = None,
) -> Formel:
    """§ 19 WoGG alone: Wohngeld from a given M and Y for ``mitglieder`` counted members.

    For checking another system's formula step; § 21 Nr. 1 WoGG is not applied here.
    """
    if (
        isinstance(mitglieder, bool)
        or not isinstance(mitglieder, int)
        or not 1 <= mitglieder <= MAX_MITGLIEDER
    ):
        raise InputError(
            f"mitglieder: {mitglieder!r} angegeben; erlaubt sind 1–{MAX_MITGLIEDER} zu berücksichtigende "
            "Haushaltsmitglieder (§ 19 Abs. 1, 3 WoGG)"
        )
    werte = {}
    for key, value in (("M", M), ("Y", Y)):
        try:
            d = to_decimal(value)
        except (TypeError, ValueError) as exc:
            raise InputError(f"{key}: {exc}") from None
        if not 0 <= d <= MAX_BETRAG:
            raise InputError(f"{key}: {d} angegeben; erlaubt sind 0 bis {MAX_BETRAG} EUR/Monat (§ 19 Abs. "
                f"1 WoGG)")
        werte[key] = d
    rs = resolve(rechtsstand).rechtsstand(on)
    return wohngeld_formel(mitglieder=mitglieder, M=werte["M"], Y=werte["Y"], rs=rs, rec=KEIN_RECHENWEG)


_Angewandt = tuple[date, tuple[tuple[str, date], ...], tuple[str, ...], tuple[Schritt, ...]]


def _angewandt(
    rs: Rechtsstand, rec: Rechenweg, pos: int
) -> tuple[date, tuple[tuple[str, date], ...], tuple[str, ...]]:
    """The Fassung of a result: every table it applied with its ``valid_from``, the latest date,
    and the notices on tables beyond the core ones that were not read in the legal text.

    In the Rechenweg, one line per table (its ``valid_from`` and its source) at position ``pos``.
    Memoised per Rechtsstand and set of tables read (the steps are immutable).
    """
    key = ("fassung", tuple(rs.gelesen or ()))  # the order of reading is fixed for one path
    found: _Angewandt | None = rs.memo.get(key)  # type: ignore[assignment]
    if found is None:
        tabellen = rs.angewandt()
        fassung = max(t.valid_from for _, t in tabellen)
        teil = Rechenweg()
        teil.add(
            "fassung",
            "angewandte Fassung ab",
            fassung.isoformat(),
            "",
            "§§ 11–21 WoGG, Anlagen: Fassung je Tabelle in den folgenden Zeilen",
        )
        for name, t in tabellen:
            ab = t.valid_from.isoformat()
            titel = TITEL.get(name, name)
            teil.add("tabelle", f"  Tabelle {titel}, Fassung ab", ab, "", t.source, tabelle=name)
        found = rs.memo[key] = (
            fassung,
            tuple((name, t.valid_from) for name, t in tabellen),
            tuple(
                ungeprueft(t) for name, t in tabellen if t.unverified is not None and name not in rs.tables
            ),
            tuple(teil.schritte),
        )
    fassung, daten, hinweise, schritte = found
    rec.einfuegen(pos, schritte)
    return fassung, daten, hinweise
