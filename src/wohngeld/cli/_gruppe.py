"""The ``wohngeld`` command group; each module of this package adds its commands to it."""

from __future__ import annotations

import click

__all__ = ["main"]


@click.group(help="Wohngeld nach dem WoGG berechnen, mit Rechenweg und Fundstellen.")
@click.version_option(package_name="wohngeld")
def main() -> None:
    """Entry point of the ``wohngeld`` command."""
