"""Fixtures of the server tests: an app with the framework's test client."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from wohngeld.server import Settings, create_app


@pytest.fixture(scope="module")
def client() -> Iterator[TestClient]:
    """A client of the app with default settings; a server error is a status, not an exception."""
    with TestClient(create_app(Settings()), raise_server_exceptions=False) as c:
        yield c
