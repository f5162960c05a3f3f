"""The application factory: ``create_app(settings)`` → a FastAPI app (``wohngeld serve`` runs it)."""

from __future__ import annotations

import copy
import logging
import sys
from importlib import resources
from importlib.util import find_spec
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.middleware.cors import CORSMiddleware
from fastapi.openapi.utils import get_openapi
from fastapi.responses import FileResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException
from starlette.routing import Route

from .. import __version__
from ..formats.schema import haushalt_schema
from .api import antrag_route, berechnung, router
from .fehler import Fehler, UngueltigeEingabe, koerper
from .middleware import LOGGER, JsonFormat, Schutz, TextFormat, ZuGross
from .settings import Settings

__all__ = ["STATIC", "create_app", "swagger_ordner"]

STATIC = Path(str(resources.files("wohngeld.server") / "static"))
"""The page's files (HTML, CSS, JavaScript), shipped inside the package."""

_SWAGGER_DATEIEN = {"swagger-ui-bundle.js": "text/javascript", "swagger-ui.css": "text/css"}


def swagger_ordner() -> Path | None:
    """The folder of Swagger UI's files from the installed ``swagger-ui-bundle`` package, or None."""
    spec = find_spec("swagger_ui_bundle")
    if spec is None or not spec.submodule_search_locations:
        return None
    vendor = Path(next(iter(spec.submodule_search_locations))) / "vendor"
    ordner = sorted(vendor.glob("swagger-ui-*"))
    return ordner[-1] if ordner else None


def _logging(settings: Settings) -> None:
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(JsonFormat() if settings.log_format == "json" else TextFormat())
    LOGGER.handlers[:] = [handler]
    LOGGER.setLevel(settings.log_level)
    LOGGER.propagate = False


def _schema_komponenten() -> dict[str, Any]:
    """The library's Haushalt schema as OpenAPI components (one schema, referenced, not copied)."""
    schema = copy.deepcopy(haushalt_schema())
    defs = schema.pop("$defs", {})
    for key in ("$schema", "$id"):
        schema.pop(key, None)

    def umschreiben(node: Any) -> Any:
        if isinstance(node, dict):
            return {k: umschreiben(v) for k, v in node.items()}
        if isinstance(node, list):
            return [umschreiben(v) for v in node]
        if isinstance(node, str) and node.startswith("#/$defs/"):
            return "#/components/schemas/" + node.removeprefix("#/$defs/")
        return node

    komponenten = {name: umschreiben(d) for name, d in defs.items()}
    komponenten["Haushalt"] = umschreiben(schema)
    zusatz = {
        "stichtag": {"type": "string", "format": "date", "description": "Stichtag JJJJ-MM-TT"},
        "rechtsstand": {"type": "string", "description": "Name eines Regelwerks, z. B. 'Entwurf 2027'"},
        "szenario": {"type": "object", "description": "wie eine Szenario-Datei (docs/szenarien.md)"},
    }
    komponenten["BerechnungEingabe"] = {
        "allOf": [
            {"$ref": "#/components/schemas/Haushalt"},
            {
                "type": "object",
                "required": ["stichtag"],
                "properties": {**zusatz, "rechenweg": {"type": "boolean", "default": False}},
            },
        ],
        "example": {
            "stichtag": "2023-07-01",
            "gemeinde": "Dresden",
            "miete_monat": "420.00",
            "mitglieder": [
                {
                    "einnahmen": [{"art": "Altersrente", "brutto_monat": "1300.00"}],
                    "pauschalabzug": {"kranken_pflege": True},
                }
            ],
        },
    }
    betrag = {"type": "string", "description": "Betrag €/Monat"}
    komponenten["AntragEingabe"] = {
        "allOf": [
            {"$ref": "#/components/schemas/Haushalt"},
            {
                "type": "object",
                "required": ["stichtag"],
                "properties": {
                    **zusatz,
                    "merkmale": {"type": "array", "items": {"type": "string"}},
                    "kinderzuschlag_monat": betrag,
                    "kindergeld_monat": betrag,
                    "unterkunft_monat": betrag,
                },
            },
        ]
    }
    return komponenten


def _openapi(app: FastAPI) -> None:
    """The OpenAPI document, built once, with the library's Haushalt schema among its components."""

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            doc = get_openapi(
                title=app.title, version=app.version, description=app.description, routes=app.routes
            )
            doc.setdefault("components", {}).setdefault("schemas", {}).update(_schema_komponenten())
            app.openapi_schema = doc
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]


def _fehlerantworten(app: FastAPI) -> None:
    """German JSON answers for invalid input (422), a body over the limit (413) and HTTP errors."""

    @app.exception_handler(UngueltigeEingabe)
    async def ungueltig(request: Request, exc: UngueltigeEingabe) -> Response:
        return JSONResponse(koerper(exc.fehler), status_code=422)

    @app.exception_handler(RequestValidationError)
    async def parameter(request: Request, exc: RequestValidationError) -> Response:
        fehler = [
            Fehler(
                ".".join(str(p) for p in e.get("loc", ())[1:]) or "(Eingabe)",
                e.get("input"),
                "siehe Meldung",
                str(e.get("msg", "")),
            )
            for e in exc.errors()
        ]
        return JSONResponse(koerper(fehler), status_code=422)

    @app.exception_handler(ZuGross)
    async def zu_gross(request: Request, exc: ZuGross) -> Response:
        return JSONResponse(
            {
                "status": 413,
                "titel": "Eingabe zu groß",
                "erlaubt": f"höchstens {exc.limit} Bytes",
                "meldung": f"Die Eingabe ist größer als die erlaubten {exc.limit} Bytes.",
            },
            status_code=413,
        )

    @app.exception_handler(HTTPException)
    async def http_fehler(request: Request, exc: HTTPException) -> Response:
        titel = {404: "Nicht gefunden", 405: "Methode nicht erlaubt"}.get(exc.status_code, "Fehler")
        return JSONResponse(
            {"status": exc.status_code, "titel": titel},
            status_code=exc.status_code,
            headers=getattr(exc, "headers", None),
        )


def _seiten(app: FastAPI) -> None:
    """The page, its static files and the API docs (Swagger UI where installed, else a plain page)."""

    @app.get("/", include_in_schema=False)
    async def seite() -> Response:
        return FileResponse(STATIC / "index.html", media_type="text/html; charset=utf-8")

    app.mount("/static", StaticFiles(directory=STATIC), name="static")

    swagger = swagger_ordner()

    @app.get("/v1/docs", include_in_schema=False)
    async def docs() -> Response:
        if swagger is None:
            return FileResponse(STATIC / "api-ohne-swagger.html", media_type="text/html; charset=utf-8")
        return FileResponse(STATIC / "api.html", media_type="text/html; charset=utf-8")

    @app.get("/v1/docs/{datei}", include_in_schema=False)
    async def docs_datei(datei: str) -> Response:
        art = _SWAGGER_DATEIEN.get(datei)
        if swagger is None or art is None:
            return JSONResponse({"status": 404, "titel": "Nicht gefunden"}, status_code=404)
        return FileResponse(swagger / datei, media_type=art)


def create_app(settings: Settings | None = None) -> FastAPI:
    """A new application; ``settings`` default to :meth:`Settings.from_env`."""
    s = settings or Settings.from_env()
    _logging(s)
    app = FastAPI(
        title="Wohngeld nach dem WoGG",
        version=__version__,
        description=(
            "Wohngeld auf den Euro, mit Rechenweg und Fundstellen. Die Formate sind die der Bibliothek "
            "`wohngeld` (Result.to_json, Antrag.to_json, JSON Schema eines Haushalts). Es wird nichts "
            "gespeichert und nichts vom Haushalt protokolliert."
        ),
        docs_url=None,
        redoc_url=None,
        openapi_url="/v1/openapi.json",
    )
    app.include_router(router)
    # The two POST routes that carry the load are also dispatched as plain Starlette routes placed first:
    # same functions, same error handlers, without FastAPI's per-request dependency machinery (≈ 50 µs
    # of ≈ 200 µs in-process). The FastAPI routes behind them still describe them in the OpenAPI document.
    for pfad, funktion in (("/v1/berechnung", berechnung), ("/v1/antrag", antrag_route)):
        app.router.routes.insert(0, Route(pfad, funktion, methods=["POST"], include_in_schema=False))
    _openapi(app)
    _fehlerantworten(app)
    _seiten(app)
    if s.cors_origins:
        app.add_middleware(
            CORSMiddleware,
            allow_origins=list(s.cors_origins),
            allow_methods=["GET", "POST"],
            allow_headers=["Content-Type", "X-Request-ID"],
            allow_credentials=False,
            max_age=600,
        )
    app.add_middleware(Schutz, max_body=s.max_body, max_stapel=s.max_stapel)
    return app
