"""Privacy and safety around every request (pure ASGI, no household data leaves the request).

- a request id (``X-Request-ID``: taken from the proxy if it is a plain token, else new);
- one log line per request: id, method, route template, status, duration — never the body, the
  query string, the client address or a header value;
- the body limit: ``Content-Length`` over the limit, or more bytes than the limit while reading,
  is answered with 413 before the route sees it;
- security headers on every answer (Content-Security-Policy, no referrer, no framing, no sniffing,
  ``Cache-Control: no-store``) and never a cookie.
"""

from __future__ import annotations

import json
import logging
import re
import time
import uuid
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

__all__ = ["CSP", "CSP_DOCS", "LOGGER", "Schutz", "TextFormat", "JsonFormat", "ZuGross"]

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

LOGGER = logging.getLogger("wohngeld.server")

CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; font-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
)
"""Content-Security-Policy of the page and the API: only the server's own files."""
CSP_DOCS = CSP.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'")
"""The interactive API docs (Swagger UI) set inline styles; still no foreign origin."""

_HEADERS = (
    (b"referrer-policy", b"no-referrer"),
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"cross-origin-opener-policy", b"same-origin"),
    (b"cross-origin-resource-policy", b"same-origin"),
    (b"permissions-policy", b"camera=(), microphone=(), geolocation=(), payment=(), usb=()"),
    (b"cache-control", b"no-store"),
)
_CSP_KOPF = (b"content-security-policy", CSP.encode())
_CSP_DOCS_KOPF = (b"content-security-policy", CSP_DOCS.encode())
_DROP = {b"set-cookie", b"server", b"content-security-policy", b"cache-control", b"referrer-policy"}
_ID = re.compile(r"[A-Za-z0-9._-]{8,64}")


class ZuGross(Exception):
    """The request body is larger than the limit (answered with 413)."""

    def __init__(self, limit: int) -> None:
        super().__init__(f"body over {limit} bytes")
        self.limit = limit


class TextFormat(logging.Formatter):
    """``zeit stufe request_id=… methode=… route=… status=… dauer_ms=…``."""

    def format(self, record: logging.LogRecord) -> str:
        felder = getattr(record, "felder", None)
        zeit = self.formatTime(record, "%Y-%m-%dT%H:%M:%S")
        if isinstance(felder, dict):
            return f"{zeit} {record.levelname} " + " ".join(f"{k}={v}" for k, v in felder.items())
        return f"{zeit} {record.levelname} {record.getMessage()}"


class JsonFormat(logging.Formatter):
    """One JSON object per line with the same fields."""

    def format(self, record: logging.LogRecord) -> str:
        felder = getattr(record, "felder", None)
        data: dict[str, object] = {
            "zeit": self.formatTime(record, "%Y-%m-%dT%H:%M:%S"),
            "stufe": record.levelname,
        }
        if isinstance(felder, dict):
            data.update(felder)
        else:
            data["meldung"] = record.getMessage()
        return json.dumps(data, ensure_ascii=False)


def _limit_fuer(path: str, max_body: int, max_stapel: int) -> int:
    return max_stapel if path.rstrip("/") == "/v1/stapel" else max_body


def _request_id(scope: Scope) -> str:
    """The proxy's ``X-Request-ID`` if it is a plain token (8 to 64 of ``A-Za-z0-9._-``), else a new one."""
    rid = ""
    for k, v in scope.get("headers", ()):
        if k == b"x-request-id":
            text = v.decode("latin-1")
            rid = text if _ID.fullmatch(text) else ""
    return rid or uuid.uuid4().hex


def _content_length(scope: Scope) -> int | None:
    """The declared ``Content-Length``, or None where it is missing or not a number."""
    laenge = None
    for k, v in scope.get("headers", ()):
        if k == b"content-length":
            try:
                laenge = int(v)
            except ValueError:
                laenge = None
    return laenge


class _Anfrage:
    """One request as the middleware sees it: its id, the body limit, the answer's status so far."""

    __slots__ = ("gelesen", "gestartet", "kopf", "limit", "receive", "rid", "send", "status")

    def __init__(self, rid: str, path: str, limit: int, receive: Receive, send: Send) -> None:
        self.rid = rid
        self.limit = limit
        self.receive = receive
        self.send = send
        csp = _CSP_DOCS_KOPF if path.startswith("/v1/docs") else _CSP_KOPF
        self.kopf = (*_HEADERS, csp, (b"x-request-id", rid.encode()))
        self.status = 500
        self.gestartet = False
        self.gelesen = 0

    async def senden(self, message: Message) -> None:
        """Passes the answer on with the security headers and the request id, without cookies."""
        if message["type"] == "http.response.start":
            self.gestartet = True
            self.status = int(message["status"])
            headers = [(k, v) for k, v in message.get("headers", ()) if k.lower() not in _DROP]
            headers += self.kopf
            message["headers"] = headers
        await self.send(message)

    async def empfangen(self) -> Message:
        """Passes the body on, raising :class:`ZuGross` as soon as more than the limit has come."""
        message = await self.receive()
        if message["type"] == "http.request":
            self.gelesen += len(message.get("body", b""))
            if self.gelesen > self.limit:
                raise ZuGross(self.limit)
        return message


def _route_vorlage(scope: Scope, path: str) -> str:
    """The route's template (FastAPI routes), else the matched path of a route without parameters.

    Never a path nobody routed (it could carry anything).
    """
    route = scope.get("route")
    return getattr(route, "path", None) or (
        "/static"
        if path.startswith("/static/")
        else path
        if scope.get("endpoint") is not None and not scope.get("path_params")
        else "(unbekannt)"
    )


class Schutz:
    """The ASGI middleware described in the module docstring."""

    def __init__(self, app: ASGIApp, *, max_body: int, max_stapel: int) -> None:
        self.app = app
        self.max_body = max_body
        self.max_stapel = max_stapel

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        start = time.perf_counter()
        rid = _request_id(scope)
        scope.setdefault("state", {})["request_id"] = rid
        path = str(scope.get("path", ""))
        a = _Anfrage(rid, path, _limit_fuer(path, self.max_body, self.max_stapel), receive, send)
        try:
            laenge = _content_length(scope)
            if laenge is not None and laenge > a.limit:
                await _zu_gross(a.senden, a.limit)
            else:
                try:
                    await self.app(scope, a.empfangen, a.senden)
                except ZuGross:
                    if not a.gestartet:
                        await _zu_gross(a.senden, a.limit)
                except Exception as exc:  # the message may quote input: only the class is logged
                    felder = {"request_id": rid, "fehler": type(exc).__name__}
                    LOGGER.error("Fehler", extra={"felder": felder})
                    if not a.gestartet:  # else the answer is already out (e.g. a framework's 500)
                        meldung = f"Die Anfrage konnte nicht bearbeitet werden (Anfrage-Nr. {rid})."
                        await _antwort(a.senden, 500, "Interner Fehler", meldung)
        finally:
            if LOGGER.isEnabledFor(logging.INFO):
                _protokoll(scope, path, a, start)


def _protokoll(scope: Scope, path: str, a: _Anfrage, start: float) -> None:
    """The request's log line: id, method, route template, status, duration (never body or query)."""
    LOGGER.info(
        "Anfrage",
        extra={
            "felder": {
                "request_id": a.rid,
                "methode": scope.get("method", ""),
                "route": _route_vorlage(scope, path),
                "status": a.status,
                "dauer_ms": round((time.perf_counter() - start) * 1000, 2),
            }
        },
    )


async def _antwort(send: Send, status: int, titel: str, meldung: str, **mehr: str) -> None:
    """A JSON answer of the middleware itself: ``status``, ``titel``, ``meldung`` and further fields."""
    body = {"status": status, "titel": titel, "meldung": meldung, **mehr}
    data = json.dumps(body, ensure_ascii=False).encode()
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(data)).encode())],
        }
    )
    await send({"type": "http.response.body", "body": data})


async def _zu_gross(send: Send, limit: int) -> None:
    meldung = f"Die Eingabe ist größer als die erlaubten {limit} Bytes."
    await _antwort(send, 413, "Eingabe zu groß", meldung, erlaubt=f"höchstens {limit} Bytes")
