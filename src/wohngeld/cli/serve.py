"""``wohngeld serve``: the JSON API and the Wohngeldrechner page (needs the extra ``server``)."""

from __future__ import annotations

import os

import click

from ._gruppe import main

__all__ = ["serve"]


@main.command(
    help=(
        "Startet den Wohngeld-Dienst: JSON-API unter /v1 (Dokumentation /v1/docs) und den "
        "Wohngeldrechner unter /. Braucht: pip install 'wohngeld[server]'. Einstellungen (Grenzen, CORS, "
        "Log-Format) über WOHNGELD_*-Variablen, siehe docs/server.md."
    )
)
@click.option("--host", default="127.0.0.1", show_default=True, help="Adresse, an der der Dienst lauscht.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535), help="Port.")
@click.option(
    "--workers", default=1, show_default=True, type=click.IntRange(1, 64), help="Anzahl der Prozesse."
)
@click.option("--max-body", type=click.IntRange(1024, 1 << 31), help="Größte Anfrage in Bytes (sonst 413).")
@click.option(
    "--cors", "cors", multiple=True, help="Erlaubter Origin für CORS (mehrfach möglich; Standard: aus)."
)
@click.option("--log-format", type=click.Choice(["text", "json"]), help="Format der Protokollzeilen.")
def serve(
    host: str, port: int, workers: int, max_body: int | None, cors: tuple[str, ...], log_format: str | None
) -> None:
    """Run uvicorn with the application factory of :mod:`wohngeld.server`."""
    try:
        import uvicorn

        from ..server.settings import ENV, Settings
    except ImportError as exc:
        raise click.ClickException(
            f"wohngeld serve braucht die Erweiterung 'server': pip install 'wohngeld[server]' ({exc})"
        ) from None
    if max_body is not None:
        os.environ[ENV["max_body"]] = str(max_body)
    if cors:
        os.environ[ENV["cors_origins"]] = ",".join(cors)
    if log_format is not None:
        os.environ[ENV["log_format"]] = log_format
    try:
        Settings.from_env()  # a bad variable stops here, with its name, before any worker starts
    except ValueError as exc:
        raise click.ClickException(str(exc)) from None
    click.echo(f"Wohngeld-Dienst auf http://{host}:{port}/ (API: /v1, Dokumentation: /v1/docs)", err=True)
    uvicorn.run(
        "wohngeld.server:create_app",
        factory=True,
        host=host,
        port=port,
        workers=workers,
        access_log=False,  # its lines carry the query string and the client address
        server_header=False,
        proxy_headers=True,
        log_level="warning",
    )
