"""``calculate``: the stages in the order of § 4 WoGG — members, rent, income, § 19, limits."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from .errors import InputError
from .explain import Rechenweg
from .formula import Formel, wohngeld_formel
from .income import gesamteinkommen_monat
from .income import hinweise as einkommen_hinweise
from .limits import alle_ausgeschlossen, ausbildungsfoerderung, bagatellgrenze, mindesteinkommen, vermoegen
from .members import mitglieder as zaehle_mitglieder
from .model import MAX_BETRAG, MAX_MITGLIEDER, Haushalt
from .money import to_decimal
from .parameters import ParameterStore, default_store, named_store
from .rent import ROEMISCH, miete_beruecksichtigt, wohnkosten_betrag
from .result import Result

__all__ = ["calculate", "mietenstufe_von", "wohngeld_aus_m_y"]

_NULL = Decimal(0)

WOHNGELDART = {"Miete": "Mietzuschuss", "Belastung": "Lastenzuschuss", "Heim": "Mietzuschuss (Heim)"}
"""Kind of Wohngeld by kind of housing cost (§ 1 Abs. 2, § 3 WoGG; Heim: § 9 Abs. 3 WoGG)."""


def _store(rechtsstand: str | ParameterStore | None) -> ParameterStore:
    if rechtsstand is None:
        return default_store()
    if isinstance(rechtsstand, ParameterStore):
        return rechtsstand
    if isinstance(rechtsstand, str):
        return named_store(rechtsstand)
    raise InputError(
        f"rechtsstand: {type(rechtsstand).__name__} {rechtsstand!r} given; pass the name of a rule set "
        "(e.g. 'Entwurf 2027') or a ParameterStore"
    )


def mietenstufe_von(
    h: Haushalt, *, on: date, rec: Rechenweg | None, store: ParameterStore | None = None
) -> int:
    """The Mietenstufe: given, or looked up from the Gemeinde in the list of the rule set.

    § 12 Abs. 2–4a WoGG i. V. m. Anlage zu § 1 Abs. 3 WoGV (a named rule set may bring its own
    Anlage or refuse the lookup, :meth:`ParameterStore.mietenstufen_dir`).
    """
    if h.mietenstufe is not None:
        if rec is not None:
            rec.add(
                "mietenstufe", "Mietenstufe (angegeben)", ROEMISCH[h.mietenstufe - 1], "", "§ 12 Abs. 1 WoGG"
            )
        return h.mietenstufe
    assert h.gemeinde is not None
    from .mietstufen import mietenstufe  # lazy: the list is large

    data_dir = store.mietenstufen_dir(on) if store is not None else None
    auskunft = mietenstufe(h.gemeinde, on=on, data_dir=data_dir)
    if rec is not None:
        g = auskunft.gemeinde
        rec.add(
            "mietenstufe",
            f"Mietenstufe von {g.name} (AGS {g.ags}, {g.kreis})",
            ROEMISCH[auskunft.mietenstufe - 1],
            "",
            f"§ 12 Abs. 3 WoGG i. V. m. {auskunft.source}",
            herkunft=g.herkunft,
        )
    return auskunft.mietenstufe


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
    if not isinstance(haushalt, Haushalt):
        raise InputError(
            f"haushalt: {type(haushalt).__name__} given; pass a wohngeld.Haushalt "
            "(e.g. Haushalt.model_validate(data))"
        )
    if on is None or not isinstance(on, date) or isinstance(on, datetime):
        gegeben = "nichts" if on is None else f"{type(on).__name__} {on}"
        raise InputError(
            f"Stichtag fehlt: on = {gegeben} angegeben; den Tag angeben, für den gerechnet wird, "
            "z. B. calculate(h, on=date(2025, 7, 1)); es gilt das Recht dieses Tages"
        )
    rs = _store(rechtsstand).rechtsstand(on)
    rec = Rechenweg() if rechenweg else None
    if rec is not None:
        rec.add("stichtag", "Stichtag", on.isoformat(), "", "§ 24, § 25 WoGG")
        if rs.status != "in Kraft" or rs.name != "geltendes Recht":
            rec.add(
                "rechtsstand",
                "Rechtsstand (nicht das geltende Recht)",
                rs.name,
                "",
                rs.store.quelle or rs.store.hinweis or rs.status,
            )
        rec.add("fassung", "angewandte Fassung ab", rs.fassung.isoformat(), "", rs.quelle)

    mitglieder = zaehle_mitglieder(haushalt, rec, on=on)
    stufe = mietenstufe_von(haushalt, on=on, rec=rec, store=rs.store)
    w = haushalt.wohnkosten
    art = WOHNGELDART[w.art]

    haushaltsmitglieder = (
        tuple(haushalt.mitglieder[i] for i in mitglieder.index_haushalt) if haushalt.mitglieder else None
    )
    ausschluss = alle_ausgeschlossen(beruecksichtigt=mitglieder.beruecksichtigt) or ausbildungsfoerderung(
        mitglieder=haushaltsmitglieder
    )
    if ausschluss is not None:
        if rec is not None:
            rec.add("ausschluss", ausschluss.grund, _NULL, "EUR/Monat", ausschluss.zitat)
        return Result(
            betrag_monat=_NULL,
            anspruch=False,
            grund=ausschluss.grund,
            grund_zitat=ausschluss.zitat,
            art=art,
            stichtag=on,
            fassung=rs.fassung,
            rechtsstand=rs.name,
            mietenstufe=stufe,
            mitglieder=0,
            mitglieder_gesamt=mitglieder.gesamt,
            M=_NULL,
            Y=_NULL,
            M_berechnet=_NULL,
            Y_berechnet=_NULL,
            z=(_NULL, _NULL, _NULL, _NULL),
            warnungen=rs.warnungen,
            schritte=tuple(rec.schritte) if rec else (),
        )

    betrag = wohnkosten_betrag(
        w,
        gesamt=mitglieder.gesamt,
        beruecksichtigt=mitglieder.beruecksichtigt,
        mietenstufe=stufe,
        rs=rs,
        rec=rec,
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
    zaehlt = frozenset(mitglieder.index_beruecksichtigt)
    y = gesamteinkommen_monat(haushalt, on=on, rs=rs, rec=rec, zaehlt=zaehlt)
    f = wohngeld_formel(mitglieder=mitglieder.beruecksichtigt, M=miete.M, Y=y, rs=rs, rec=rec)
    grenze = vermoegen(
        vermoegen_eur=haushalt.vermoegen, beruecksichtigt=mitglieder.beruecksichtigt, rs=rs, rec=rec
    ) or bagatellgrenze(betrag=f.betrag, rs=rs, rec=rec)
    betrag_monat = f.betrag if grenze is None else _NULL
    if grenze is not None and rec is not None and "Vermögen" in grenze.grund:
        rec.add("ausschluss", grenze.grund, _NULL, "EUR/Monat", grenze.zitat)
    plausibel = mindesteinkommen(y=y, betrag=betrag_monat, bedarf=haushalt.bedarf_monat)
    warnungen = (
        rs.warnungen
        + ((plausibel,) if plausibel else ())
        + einkommen_hinweise(haushalt, on=on, zaehlt=zaehlt)
    )
    return Result(
        betrag_monat=betrag_monat,
        anspruch=grenze is None,
        grund=None if grenze is None else grenze.grund,
        grund_zitat=None if grenze is None else grenze.zitat,
        art=art,
        stichtag=on,
        fassung=rs.fassung,
        rechtsstand=rs.name,
        mietenstufe=stufe,
        mitglieder=mitglieder.beruecksichtigt,
        mitglieder_gesamt=mitglieder.gesamt,
        M=f.M,
        Y=f.Y,
        M_berechnet=miete.M,
        Y_berechnet=y,
        z=(f.z1, f.z2, f.z3, f.z4),
        warnungen=warnungen,
        schritte=tuple(rec.schritte) if rec else (),
    )


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
            f"mitglieder: {mitglieder!r} given; allowed 1–{MAX_MITGLIEDER} zu berücksichtigende "
            "Haushaltsmitglieder (§ 19 Abs. 1, 3 WoGG)"
        )
    werte = {}
    for key, value in (("M", M), ("Y", Y)):
        try:
            d = to_decimal(value)
        except (TypeError, ValueError) as exc:
            raise InputError(f"{key}: {exc}") from None
        if not 0 <= d <= MAX_BETRAG:
            raise InputError(f"{key}: {d} given; allowed 0 to {MAX_BETRAG} EUR/Monat (§ 19 Abs. 1 WoGG)")
        werte[key] = d
    rs = _store(rechtsstand).rechtsstand(on)
    return wohngeld_formel(mitglieder=mitglieder, M=werte["M"], Y=werte["Y"], rs=rs, rec=None)
