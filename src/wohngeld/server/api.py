"""Routes of the JSON API under ``/v1``: the library's own formats, no second schema.

Each route is a thin layer over a public function of the library (``calculate``, ``antrag``,
``mietenstufe``, ``einkommensgrenze``/``mietgrenze``, ``calculate_many``, ``regelwerke``); no rule
lives here. Bodies are read as JSON with every number that has a fraction as ``Decimal`` (money is
never a float). Bad input raises :class:`~wohngeld.server.fehler.UngueltigeEingabe` (422).
"""

from __future__ import annotations

import bisect
import functools
import json
from collections.abc import AsyncIterator, Iterator, Mapping
from datetime import date
from decimal import Decimal
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import JSONResponse, Response, StreamingResponse
from pydantic import ValidationError
from starlette.concurrency import run_in_threadpool

from .. import __version__
from ..analysis.einkommensgrenzen import Grenze, tafel
from ..analysis.szenario import parse_szenario
from ..darstellung import json_fehler, json_typ
from ..engine import calculate
from ..errors import (
    AmbiguousMunicipality,
    InputError,
    NoMietenstufenList,
    UnknownMunicipality,
    WohngeldError,
)
from ..formats.schema import haushalt_schema
from ..formats.stapel import calculate_many, ergebnis_spalten, objekt_zu_eingabe
from ..input.haushalt import Haushalt
from ..law.formula.tabellen import Koeffizienten
from ..law.mietenstufen.liste import Gemeinde, fassungen, liste, mietenstufe, name_key
from ..law.rechtsstand import ParameterStore, default_store, named_store, regelwerke
from ..money import to_decimal
from ..procedure.antrag import antrag
from .fehler import (
    PLZ_ERLAUBT,
    Fehler,
    UngueltigeEingabe,
    aus_ausnahme,
    aus_validierung,
    gemeinde_dict,
    plz_fehler,
)

__all__ = ["MAX_GRENZEN", "router"]

router = APIRouter(prefix="/v1")

MAX_GRENZEN = 100
"""Most cells (members × Mietenstufen) one ``GET /v1/einkommensgrenzen`` computes."""
MAX_ORT = 200
_STAPEL_BLOCK = 500
"""Lines computed per step of ``POST /v1/stapel`` (each step is one chunk of the streamed answer)."""
_JSON = "application/json"
_FEHLER_ARTEN = (WohngeldError, ValueError, ArithmeticError, TypeError, RecursionError)


def _fehler(feld: str, wert: Any, erlaubt: str, meldung: str, **mehr: Any) -> UngueltigeEingabe:
    return UngueltigeEingabe([Fehler(feld, wert, erlaubt, meldung, **mehr)])


def _konstante(name: str) -> Any:
    raise ValueError(f"{name} ist keine Zahl im Sinne von JSON")


def _json(body: bytes) -> Any:
    try:
        return json.loads(body, parse_float=Decimal, parse_constant=_konstante)
    except (ValueError, RecursionError) as exc:
        grund = f"Kein gültiges JSON: {json_fehler(exc)}"
        raise _fehler("(Eingabe)", None, "ein JSON-Dokument in UTF-8", grund) from None


async def _objekt(request: Request) -> dict[str, Any]:
    data = _json(await request.body())
    if not isinstance(data, dict):
        raise _fehler("(Eingabe)", data, "ein JSON-Objekt", "Ein JSON-Objekt (ein Haushalt) wird erwartet.")
    return data


def _datum(value: object, feld: str = "stichtag", *, pflicht: bool = True) -> date:
    if value is None or value == "":
        if not pflicht:
            return date.today()
        raise _fehler(feld, value, "ein Datum JJJJ-MM-TT", "Der Stichtag fehlt (JJJJ-MM-TT).")
    if isinstance(value, str):
        try:
            return date.fromisoformat(value.strip())
        except ValueError:
            pass
    raise _fehler(feld, value, "ein Datum JJJJ-MM-TT, z. B. 2025-07-01", "Kein gültiges Datum.")


def _regelwerk(rechtsstand: object, szenario: object) -> str | ParameterStore | None:
    if rechtsstand is not None and szenario is not None:
        raise _fehler(
            "szenario",
            "…",
            "rechtsstand oder szenario",
            "rechtsstand und szenario schließen sich aus (ein Szenario nennt seine Basis).",
        )
    if szenario is not None:
        if not isinstance(szenario, dict):
            raise _fehler(
                "szenario", szenario, "ein JSON-Objekt wie eine Szenario-Datei", "Szenario ungültig."
            )
        data = dict(szenario)
        if isinstance(data.get("ab"), str):
            data["ab"] = _datum(data["ab"], "szenario.ab")
        try:
            return parse_szenario(data, quelle="szenario")
        except _FEHLER_ARTEN as exc:
            raise UngueltigeEingabe(aus_ausnahme(exc, feld="szenario")) from None
    if rechtsstand is None:
        return None
    if not isinstance(rechtsstand, str):
        raise _fehler(
            "rechtsstand", rechtsstand, _regelwerk_namen(), "Ein Regelwerk wird mit Namen angegeben."
        )
    try:
        return named_store(rechtsstand)
    except _FEHLER_ARTEN:
        raise _fehler(
            "rechtsstand", rechtsstand, _regelwerk_namen(), "Dieses Regelwerk ist nicht bekannt."
        ) from None


def _regelwerk_namen() -> str:
    return "einer der Namen: " + ", ".join(repr(n) for n in ["geltendes Recht", *regelwerke()])


def _haushalt(data: Mapping[str, Any]) -> Haushalt:
    try:
        return Haushalt.model_validate(data)
    except ValidationError as exc:
        fehler = aus_validierung(exc)
        for f in fehler:  # the Wohnort check runs on the whole Haushalt; its PLZ message names plz
            if f["feld"] == "(Eingabe)" and str(f["meldung"]).startswith("Postleitzahl"):
                f.update(feld="plz", wert=data.get("plz"), erlaubt=PLZ_ERLAUBT)
        raise UngueltigeEingabe(fehler) from None
    except _FEHLER_ARTEN as exc:
        raise UngueltigeEingabe(aus_ausnahme(exc)) from None


def _bool(data: dict[str, Any], key: str) -> bool:
    value = data.pop(key, False)
    if not isinstance(value, bool):
        raise _fehler(key, value, "true oder false", "Ja/Nein-Angabe (true oder false) wird erwartet.")
    return value


def _wohnort_fehler(exc: Exception, h: Haushalt) -> list[dict[str, Any]]:
    """Entries for an error of ``calculate``; a Wohnort given by ``plz`` names ``plz`` or ``ort``."""
    if h.plz is not None and isinstance(exc, (UnknownMunicipality, AmbiguousMunicipality)):
        return plz_fehler(exc, plz=h.plz, ort=h.ort)
    return aus_ausnahme(exc, wert=h.gemeinde)


def _koerper_schema(name: str) -> dict[str, Any]:
    """The OpenAPI request body of a POST route: required JSON, the component schema ``name``."""
    schema = {"$ref": f"#/components/schemas/{name}"}
    return {"requestBody": {"required": True, "content": {_JSON: {"schema": schema}}}}


def _json_antwort(text: str, status: int = 200) -> Response:
    return Response(content=text.encode(), status_code=status, media_type=_JSON)


@router.post(
    "/berechnung",
    summary="Wohngeld eines Haushalts",
    description=(
        "Ein Haushalt (wie `wohngeld.Haushalt`, Schema: `GET /v1/schema`) mit `stichtag` (JJJJ-MM-TT), "
        "optional `rechtsstand` (Name eines Regelwerks) oder `szenario` (wie eine Szenario-Datei) und "
        "`rechenweg: true`. Antwort: `Result.to_json()`."
    ),
    openapi_extra=_koerper_schema("BerechnungEingabe"),
    responses={
        200: {"description": "Result.to_json()"},
        413: {"description": "Eingabe zu groß"},
        422: {"description": "Fehler: Feld, Wert, erlaubt, Meldung"},
    },
)
async def berechnung(request: Request) -> Response:
    """``calculate(haushalt, on=stichtag)`` → ``Result.to_json()``."""
    data = await _objekt(request)
    stichtag = _datum(data.pop("stichtag", None))
    rechenweg = _bool(data, "rechenweg")
    store = _regelwerk(data.pop("rechtsstand", None), data.pop("szenario", None))
    h = _haushalt(data)
    try:
        r = calculate(h, on=stichtag, rechenweg=rechenweg, rechtsstand=store)
    except _FEHLER_ARTEN as exc:
        raise UngueltigeEingabe(_wohnort_fehler(exc, h)) from None
    return _json_antwort(r.to_json(indent=None))


_ANTRAG_EXTRA = ("kinderzuschlag_monat", "kindergeld_monat", "unterkunft_monat")


@router.post(
    "/antrag",
    summary="Wohngeld, Unterlagen, Vorrang-Hinweis und verbundene Leistungen",
    description=(
        "Wie `POST /v1/berechnung`, dazu optional `merkmale` (Liste), `kinderzuschlag_monat`, "
        "`kindergeld_monat`, `unterkunft_monat` für den Vorrang-Hinweis. Antwort: `Antrag.to_json()`."
    ),
    openapi_extra=_koerper_schema("AntragEingabe"),
    responses={200: {"description": "Antrag.to_json()"}, 422: {"description": "Fehler"}},
)
async def antrag_route(request: Request) -> Response:
    """``antrag(haushalt, on=stichtag)`` → ``Antrag.to_json()``."""
    data = await _objekt(request)
    stichtag = _datum(data.pop("stichtag", None))
    data.pop("rechenweg", None)
    store = _regelwerk(data.pop("rechtsstand", None), data.pop("szenario", None))
    merkmale = data.pop("merkmale", [])
    if not isinstance(merkmale, list) or not all(isinstance(m, str) for m in merkmale):
        raise _fehler("merkmale", merkmale, "eine Liste von Texten", "Merkmale werden als Liste angegeben.")
    extra = {k: data.pop(k) for k in _ANTRAG_EXTRA if k in data}
    for k, v in extra.items():
        if isinstance(v, bool) or not isinstance(v, (str, int, Decimal)):
            raise _fehler(k, v, 'ein Betrag, z. B. "250.00"', "Ein Betrag wird erwartet.")
    h = _haushalt(data)
    try:
        a = antrag(h, on=stichtag, rechtsstand=store, merkmale=merkmale, **extra)
    except _FEHLER_ARTEN as exc:
        raise UngueltigeEingabe(_wohnort_fehler(exc, h)) from None
    return _json_antwort(a.to_json(indent=None))


def _ort(ort: str | None) -> str:
    if ort is None or not ort.strip():
        raise _fehler("ort", ort, "Name oder 8-stelliger AGS einer Gemeinde", "Die Gemeinde fehlt.")
    if len(ort) > MAX_ORT:
        raise _fehler("ort", ort, f"höchstens {MAX_ORT} Zeichen", "Der Name ist zu lang.")
    return ort


def _plz_auskunft(plz: str, ort: str | None, stichtag: str | None) -> Response:
    """``mietenstufe_nach_plz`` → ``PlzAuskunft.to_json()`` with ``ergebnis``, ``stichtag``, ``text``."""
    from .. import mietenstufe_nach_plz  # lazy: the PLZ data loads on first use

    if len(plz) > MAX_ORT:
        raise _fehler("plz", plz, PLZ_ERLAUBT, "Die Postleitzahl ist zu lang.")
    if ort is not None:
        if not ort.strip():
            ort = None
        elif len(ort) > MAX_ORT:
            raise _fehler("ort", ort, f"höchstens {MAX_ORT} Zeichen", "Der Name ist zu lang.")
    on = _datum(stichtag, pflicht=False)
    try:
        a = mietenstufe_nach_plz(plz, on=on, ort=ort)
    except NoMietenstufenList as exc:
        raise UngueltigeEingabe(aus_ausnahme(exc, wert=stichtag)) from None
    except (UnknownMunicipality, AmbiguousMunicipality, InputError) as exc:
        raise UngueltigeEingabe(plz_fehler(exc, plz=plz, ort=ort)) from None
    body = {
        "ergebnis": "eindeutig" if a.eindeutig else "mehrdeutig",
        "stichtag": on.isoformat(),
        **a.to_json(),
        "text": a.text(),
    }
    return JSONResponse(body)


@router.get(
    "/mietenstufe",
    summary="Mietenstufe einer Gemeinde oder einer Postleitzahl",
    description=(
        "`ort`: Name oder AGS, `stichtag` (Standard: heute). `ergebnis`: `eindeutig` (mit Mietenstufe), "
        "`mehrdeutig` (200, mit `kandidaten`) oder `unbekannt` (404, mit `vorschlaege`).\n\n"
        "Mit `plz` (fünf Ziffern): die Gemeinden der Postleitzahl und ihre Mietenstufen "
        "(`PlzAuskunft.to_json()`): `eindeutig: true` mit `mietenstufe` (auch wenn mehrere Gemeinden "
        "dieselbe Stufe haben) oder `eindeutig: false` mit den `kandidaten` (AGS, Name, Kreis, "
        "Mietenstufe) zur Wahl; `ort` grenzt dann ein. `quelle` nennt die Rechtsgrundlage und die "
        "Namensnennung der PLZ-Daten (© OpenStreetMap contributors, ODbL 1.0). Eine ungültige oder "
        "unbekannte PLZ ist ein 422 mit Feld `plz`."
    ),
    responses={
        200: {"description": "eindeutig oder mehrdeutig (Kandidaten zur Wahl)"},
        404: {"description": "Name unbekannt (mit Vorschlägen); nur ohne plz"},
        422: {"description": "Fehler: Feld (plz, ort, stichtag), Wert, erlaubt, Meldung"},
    },
)
async def mietenstufe_route(
    ort: Annotated[
        str | None,
        Query(description="Name oder 8-stelliger AGS der Gemeinde; mit plz: Name einer ihrer Gemeinden"),
    ] = None,
    stichtag: Annotated[str | None, Query(description="JJJJ-MM-TT, Standard: heute")] = None,
    plz: Annotated[
        str | None,
        Query(
            description="Postleitzahl, fünf Ziffern (01001–99998), z. B. 01067",
            examples=["01067"],
        ),
    ] = None,
) -> Response:
    """Anlage zu § 1 Abs. 3 WoGV i. V. m. § 12 Abs. 2–4a WoGG."""
    if plz is not None:
        return await run_in_threadpool(_plz_auskunft, plz, ort, stichtag)
    name = _ort(ort)
    on = _datum(stichtag, pflicht=False)
    try:
        a = mietenstufe(name, on=on)
    except AmbiguousMunicipality as exc:
        kandidaten = [gemeinde_dict(g) for g in exc.candidates if isinstance(g, Gemeinde)]
        return JSONResponse(
            {
                "ergebnis": "mehrdeutig",
                "ort": name,
                "stichtag": on.isoformat(),
                "meldung": f"„{name}“ passt auf mehrere Gemeinden; bitte eine auswählen.",
                "kandidaten": kandidaten,
            }
        )
    except UnknownMunicipality as exc:
        return JSONResponse(
            {
                "ergebnis": "unbekannt",
                "ort": name,
                "stichtag": on.isoformat(),
                "meldung": f"„{name}“ steht nicht in der Mietenstufenliste (Anlage zu § 1 Abs. 3 WoGV) "
                "des Stichtags.",
                "vorschlaege": [gemeinde_dict(g) for g in exc.suggestions if isinstance(g, Gemeinde)],
            },
            status_code=404,
        )
    except NoMietenstufenList as exc:
        raise UngueltigeEingabe(aus_ausnahme(exc, wert=stichtag)) from None
    return JSONResponse(
        {
            "ergebnis": "eindeutig",
            "ort": name,
            "stichtag": on.isoformat(),
            **gemeinde_dict(a.gemeinde),
            "mietenstufe": a.mietenstufe,
            "valid_from": a.valid_from.isoformat(),
            "source": a.source,
            "text": a.text(),
        }
    )


@functools.lru_cache(maxsize=8)
def _namensindex(valid_from: date) -> tuple[list[str], list[Gemeinde]]:
    lst = liste(valid_from)
    paare = sorted(((name_key(g.name), g) for g in lst.by_ags.values()), key=lambda p: (p[0], p[1].ags))
    return [k for k, _ in paare], [g for _, g in paare]


@router.get(
    "/gemeinden",
    summary="Gemeinden, deren Name so beginnt (für Vorschläge beim Tippen)",
    description="`name`: Anfang des Namens (mindestens 2 Zeichen) oder des AGS; `stichtag`; `anzahl` (1–50).",
)
async def gemeinden_route(
    name: str | None = None, stichtag: str | None = None, anzahl: str = "10"
) -> Response:
    """Up to ``anzahl`` Gemeinden of the list in force whose name (folded) or AGS starts with ``name``."""
    text = _ort(name).strip()
    on = _datum(stichtag, pflicht=False)
    try:
        n = int(anzahl)
    except ValueError:
        n = 0
    if not 1 <= n <= 50:
        raise _fehler("anzahl", anzahl, "eine ganze Zahl von 1 bis 50", "Anzahl ungültig.")
    try:
        valid_from = liste(on).valid_from
    except NoMietenstufenList as exc:
        raise UngueltigeEingabe(aus_ausnahme(exc, wert=stichtag)) from None
    schluessel, gemeinden = _namensindex(valid_from)
    treffer: list[Gemeinde] = []
    if text.isdigit():
        treffer = [g for g in liste(on).by_ags.values() if g.ags.startswith(text)][:n]
    else:
        key = name_key(text)
        if len(key) >= 2:
            i = bisect.bisect_left(schluessel, key)
            while i < len(schluessel) and schluessel[i].startswith(key) and len(treffer) < n:
                treffer.append(gemeinden[i])
                i += 1
    return JSONResponse({"stichtag": on.isoformat(), "gemeinden": [gemeinde_dict(g) for g in treffer]})


def _ganzzahlen(werte: list[str], feld: str, lo: int, hi: int) -> tuple[int, ...]:
    out = []
    for w in werte:
        try:
            v = int(w)
        except ValueError:
            v = lo - 1
        if not lo <= v <= hi:
            raise _fehler(feld, w, f"eine ganze Zahl von {lo} bis {hi}", "Wert außerhalb des Bereichs.")
        out.append(v)
    return tuple(out)


@router.get(
    "/einkommensgrenzen",
    summary="Einkommensgrenzen (wie `wohngeld grenzen --json`)",
    description=(
        "`mitglieder` und `mietenstufe` mehrfach (Standard 1–5 bzw. 1–7) oder `gemeinde`; `miete` "
        "(Standard: mindestens Höchstbetrag) oder `einkommen` (dann: niedrigste Miete); `stichtag`, "
        f"`rechtsstand`. Höchstens {MAX_GRENZEN} Zellen je Anfrage."
    ),
)
async def einkommensgrenzen(request: Request) -> Response:
    """§§ 19, 21 Nr. 1 WoGG by bisection over ``calculate`` (see ``wohngeld.analysis.einkommensgrenzen``)."""
    q = request.query_params
    erlaubt = {"mitglieder", "mietenstufe", "gemeinde", "miete", "einkommen", "stichtag", "rechtsstand"}
    for k in q:
        if k not in erlaubt:
            raise _fehler(k, q[k], "die Parameter " + ", ".join(sorted(erlaubt)), "Unbekannter Parameter.")
    ns = _ganzzahlen(q.getlist("mitglieder"), "mitglieder", 1, 99) or (1, 2, 3, 4, 5)
    gemeinde = q.get("gemeinde") or None
    stufen_q = _ganzzahlen(q.getlist("mietenstufe"), "mietenstufe", 1, 7)
    if gemeinde and stufen_q:
        raise _fehler(
            "gemeinde", gemeinde, "gemeinde oder mietenstufe", "gemeinde und mietenstufe schließen sich aus."
        )
    miete, einkommen = q.get("miete"), q.get("einkommen")
    if miete is not None and einkommen is not None:
        raise _fehler(
            "einkommen", einkommen, "miete oder einkommen", "miete und einkommen schließen sich aus."
        )
    stufen: tuple[int | None, ...] = (None,) if gemeinde else (stufen_q or tuple(range(1, 8)))
    if len(ns) * len(stufen) > MAX_GRENZEN:
        raise _fehler(
            "mitglieder",
            len(ns) * len(stufen),
            f"höchstens {MAX_GRENZEN} Zellen (mitglieder × mietenstufe)",
            "Zu viele Zellen in einer Anfrage.",
        )
    if gemeinde is not None:
        _ort(gemeinde)
    for feld, wert in (("miete", miete), ("einkommen", einkommen)):
        if wert is not None:
            try:
                to_decimal(wert)
            except (ValueError, ArithmeticError) as exc:
                raise _fehler(
                    feld, wert, "ein Betrag in Euro mit Dezimalpunkt, z. B. 780.50", str(exc)
                ) from None
    on = _datum(q.get("stichtag"), pflicht=False)
    store = _regelwerk(q.get("rechtsstand"), None)

    def rechnen() -> list[Grenze]:
        zeilen = tafel(mitglieder=ns, mietenstufen=stufen, on=on, gemeinde=gemeinde, miete_monat=miete,
                       gesamteinkommen_monat=einkommen, rechtsstand=store)
        return [g for zeile in zeilen for g in zeile]

    try:
        grenzen = await run_in_threadpool(rechnen)
    except _FEHLER_ARTEN as exc:
        feld, wert = "(Eingabe)", gemeinde
        if isinstance(exc, (UnknownMunicipality, AmbiguousMunicipality)):
            feld = "gemeinde"
        raise UngueltigeEingabe(aus_ausnahme(exc, feld=feld, wert=wert)) from None
    return JSONResponse([g.to_dict() for g in grenzen])


def _zeilen_rechnen(
    zeilen: list[bytes], start: int, on: date | None, store: str | ParameterStore | None
) -> bytes:
    """One output line per input line; a blank line gets the error "Leerzeile" (as ``wohngeld stapel``)."""
    eingaben: list[tuple[dict[str, Any], object]] = []
    for nummer, roh in enumerate(zeilen, start=start):
        text = roh.decode("utf-8", errors="replace").rstrip("\r\n")
        if not text.strip():
            eingaben.append(({}, InputError(f"Zeile {nummer}: Leerzeile (kein Haushalt)")))
            continue
        try:
            obj = json.loads(text, parse_float=Decimal, parse_constant=_konstante)
        except (ValueError, RecursionError) as exc:
            grund = f"Zeile {nummer}: kein gültiges JSON: {json_fehler(exc)}"
            eingaben.append(({"zeile_roh": text}, ValueError(grund)))
            continue
        if not isinstance(obj, dict):
            fehler = ValueError(f"Zeile {nummer}: ein JSON-Objekt erwartet, {json_typ(obj)} gegeben")
            eingaben.append(({"zeile_roh": text}, fehler))
            continue
        try:
            item: object = objekt_zu_eingabe(obj)
        except Exception as exc:  # the row's error goes into its own output line
            item = exc
        eingaben.append((obj, item))

    def items() -> Iterator[object]:
        for _, item in eingaben:
            yield item

    out = []
    for (rec, _), ergebnis in zip(eingaben, calculate_many(items(), on=on, rechtsstand=store), strict=True):
        out.append(json.dumps({**rec, **ergebnis_spalten(ergebnis)}, ensure_ascii=False, default=str))
    return "".join(line + "\n" for line in out).encode()


@router.post(
    "/stapel",
    summary="Viele Haushalte: JSON Lines hinein, JSON Lines heraus (gestreamt)",
    description=(
        'Eine Zeile je Haushalt im flachen Format von `wohngeld stapel` oder `{"haushalt": {…}, '
        '"stichtag": …}`; jede Zeile erhält `wohngeld_monat`, `M`, `Y`, `grund`, `fehler`. Query: '
        "`stichtag` (für Zeilen ohne eigenen), `rechtsstand`. Eine Zeile mit Fehler hält den Lauf nicht an."
    ),
    openapi_extra={
        "requestBody": {"required": True, "content": {"application/x-ndjson": {"schema": {"type": "string"}}}}
    },
    responses={200: {"content": {"application/x-ndjson": {}}, "description": "eine Zeile je Eingabezeile"}},
)
async def stapel(request: Request, stichtag: str | None = None, rechtsstand: str | None = None) -> Response:
    """``calculate_many`` over the lines of the body, streamed in both directions."""
    on = _datum(stichtag, pflicht=False) if stichtag else None
    store = _regelwerk(rechtsstand, None)

    # The body is read first (at most WOHNGELD_MAX_STAPEL bytes, else 413): a response that streams
    # while the request is still being read would compete with the server for the same channel.
    body = await request.body()
    zeilen = body.split(b"\n")
    if body.endswith(b"\n") or not body:
        zeilen.pop()  # the newline that ends the last line opens no line of its own

    async def ausgabe() -> AsyncIterator[bytes]:
        for i in range(0, len(zeilen), _STAPEL_BLOCK):
            yield await run_in_threadpool(_zeilen_rechnen, zeilen[i : i + _STAPEL_BLOCK], i + 1, on, store)

    return StreamingResponse(ausgabe(), media_type="application/x-ndjson")


@router.get(
    "/rechtsstand",
    summary="Bekannte Fassungen und Regelwerke, Prüfstand der Daten",
    description="Mit `stichtag`: zusätzlich die an diesem Tag angewandte Fassung.",
)
async def rechtsstand_route(stichtag: str | None = None) -> Response:
    """Fassungen of the WoGG tables and Mietenstufen lists, the named rule sets, the data's check date."""
    store = default_store()
    daten, _ = store.fassungen(Koeffizienten.folder, Koeffizienten)
    stand = store.stand
    body: dict[str, object] = {
        "version": __version__,
        "fassungen_wogg": [d.isoformat() for d in daten],
        "fassungen_mietenstufen": [d.isoformat() for d in fassungen()],
        "regelwerke": [
            {"name": "geltendes Recht", "status": "in Kraft"},
            *(info.model_dump(mode="json", exclude_none=True) for info in regelwerke().values()),
        ],
        "stand": stand.model_dump(mode="json"),
    }
    if stichtag is not None:
        on = _datum(stichtag)
        try:
            rs = store.rechtsstand(on)
        except _FEHLER_ARTEN as exc:
            raise UngueltigeEingabe(aus_ausnahme(exc, feld="stichtag", wert=stichtag)) from None
        body["am_stichtag"] = {
            "stichtag": on.isoformat(),
            "fassung": rs.fassung.isoformat(),
            "name": rs.name,
            "status": rs.status,
            "quelle": rs.quelle,
            "warnungen": list(rs.warnungen),
        }
    return JSONResponse(body)


@router.get("/schema", summary="JSON Schema eines Haushalts (wie `wohngeld schema`)")
async def schema_route() -> Response:
    """``haushalt_schema()``."""
    return JSONResponse(haushalt_schema())
