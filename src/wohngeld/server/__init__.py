"""``wohngeld serve``: the JSON API under ``/v1`` and the Wohngeldrechner page (optional extra ``server``).

>>> from wohngeld.server import create_app, Settings
>>> app = create_app(Settings())
>>> app.title
'Wohngeld nach dem WoGG'

Install with ``pip install 'wohngeld[server]'`` (FastAPI on uvicorn); the core library does not
import this package.
"""

from __future__ import annotations

from .app import create_app
from .settings import Settings

__all__ = ["Settings", "create_app"]
