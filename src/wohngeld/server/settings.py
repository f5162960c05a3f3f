"""Settings of ``wohngeld serve``: limits, CORS and log format, read from the environment.

Every worker process reads the same variables, so that ``--workers N`` needs no shared state:

=============================  ===============================================  =========
variable                       meaning                                          default
=============================  ===============================================  =========
WOHNGELD_MAX_BODY              largest request body in bytes (413 above)        262144
WOHNGELD_MAX_STAPEL            largest body of ``POST /v1/stapel`` in bytes     20971520
WOHNGELD_CORS_ORIGINS          origins allowed by CORS, comma-separated         (CORS off)
WOHNGELD_LOG_FORMAT            ``text`` or ``json``                             text
WOHNGELD_LOG_LEVEL             ``DEBUG``, ``INFO``, ``WARNING``, ``ERROR``      INFO
=============================  ===============================================  =========
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal

__all__ = ["ENV", "Settings"]

ENV = {
    "max_body": "WOHNGELD_MAX_BODY",
    "max_stapel": "WOHNGELD_MAX_STAPEL",
    "cors_origins": "WOHNGELD_CORS_ORIGINS",
    "log_format": "WOHNGELD_LOG_FORMAT",
    "log_level": "WOHNGELD_LOG_LEVEL",
}
_LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR")
MAX_BODY = 256 * 1024
MAX_STAPEL = 20 * 1024 * 1024


def _bytes(env: Mapping[str, str], key: str, default: int) -> int:
    raw = env.get(key)
    if raw is None or not raw.strip():
        return default
    try:
        value = int(raw.strip())
    except ValueError:
        raise ValueError(f"{key}: {raw!r} given; a whole number of bytes is expected (e.g. 262144)") from None
    if not 1024 <= value <= 1 << 31:
        raise ValueError(f"{key}: {value} given; allowed 1024 to {1 << 31} bytes")
    return value


@dataclass(frozen=True, slots=True)
class Settings:
    """Configuration of one server process (immutable)."""

    max_body: int = MAX_BODY
    """Largest request body in bytes; a larger one is answered with 413."""
    max_stapel: int = MAX_STAPEL
    """Largest body of ``POST /v1/stapel`` (JSON Lines) in bytes."""
    cors_origins: tuple[str, ...] = ()
    """Origins allowed to call the API from a browser; empty: no CORS headers at all."""
    log_format: Literal["text", "json"] = "text"
    log_level: str = "INFO"

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> Settings:
        """Settings from ``WOHNGELD_*`` variables (see the module docstring); bad values raise ValueError."""
        e = os.environ if env is None else env
        fmt = (e.get(ENV["log_format"]) or "text").strip().lower()
        if fmt not in ("text", "json"):
            raise ValueError(f"{ENV['log_format']}: {fmt!r} given; allowed: text, json")
        level = (e.get(ENV["log_level"]) or "INFO").strip().upper()
        if level not in _LEVELS:
            raise ValueError(f"{ENV['log_level']}: {level!r} given; allowed: {', '.join(_LEVELS)}")
        origins = tuple(o.strip() for o in (e.get(ENV["cors_origins"]) or "").split(",") if o.strip())
        for o in origins:
            if o != "*" and not o.startswith(("http://", "https://")):
                raise ValueError(f"{ENV['cors_origins']}: {o!r} given; an origin is http(s)://host[:port]")
        return cls(
            max_body=_bytes(e, ENV["max_body"], MAX_BODY),
            max_stapel=_bytes(e, ENV["max_stapel"], MAX_STAPEL),
            cors_origins=origins,
            log_format="json" if fmt == "json" else "text",
            log_level=level,
        )
