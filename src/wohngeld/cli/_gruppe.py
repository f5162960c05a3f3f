"""The ``wohngeld`` command group; each module of this package adds its commands to it.

Every text click shows is German, for the group and every command, here in one place: errors are
one line ``Fehler: …`` (click's message translated, see :mod:`._deutsch`), usage errors add
``Hilfe: wohngeld BEFEHL --help``; exit codes are click's (2 usage error, 1 otherwise).
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from typing import Any, NoReturn

import click

from ._deutsch import HILFE_TEXT, DeutscherFormatter, uebersetzen

__all__ = ["main"]


class _DeutscherKontext(click.Context):
    """German help formatter; remembers the innermost context for the help hint of a usage error."""

    formatter_class = DeutscherFormatter
    zuletzt: click.Context | None = None

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _DeutscherKontext.zuletzt = self


def _hilfe_option(befehl: click.Command, ctx: click.Context) -> click.Option | None:
    option = click.Command.get_help_option(befehl, ctx)
    if option is not None:
        option.help = HILFE_TEXT
    return option


class _Befehl(click.Command):
    """A command whose help option and help page are German."""

    context_class = _DeutscherKontext

    def get_help_option(self, ctx: click.Context) -> click.Option | None:
        return _hilfe_option(self, ctx)


def _fehler_zeigen(exc: click.ClickException) -> NoReturn:
    """One German line on stderr (a usage error adds where the help is) and click's exit code."""
    if type(exc).show not in (click.ClickException.show, click.UsageError.show):
        exc.show()  # a command's own German display (``stapel``) or the help page for no arguments
    else:
        click.echo(f"Fehler: {uebersetzen(exc.format_message())}", err=True)
        if isinstance(exc, click.UsageError):
            ctx = exc.ctx or _DeutscherKontext.zuletzt
            if ctx is not None:
                click.echo(f"Hilfe: {ctx.command_path} --help", err=True)
    sys.exit(exc.exit_code)


class _Gruppe(click.Group):
    """The command group: German help and German errors for itself and every command."""

    context_class = _DeutscherKontext
    command_class = _Befehl

    def get_help_option(self, ctx: click.Context) -> click.Option | None:
        return _hilfe_option(self, ctx)

    def invoke(self, ctx: click.Context) -> None:
        """Run the command; its return value is not passed on, so :meth:`main` sees only exit codes."""
        super().invoke(ctx)

    def main(
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        **extra: Any,
    ) -> Any:
        """Run click without its English error display; show errors in German (standalone mode)."""
        if not standalone_mode:
            return super().main(args, prog_name, complete_var, False, **extra)
        _DeutscherKontext.zuletzt = None
        try:
            rv = super().main(args, prog_name, complete_var, False, **extra)
        except click.ClickException as exc:
            _fehler_zeigen(exc)
        except click.Abort:
            click.echo("Abgebrochen.", err=True)
            sys.exit(1)
        sys.exit(rv or 0)  # click returns the code of an Exit (``--help``, ``ctx.exit(n)``), else None


@click.group(
    cls=_Gruppe,
    help="Wohngeld nach dem WoGG berechnen, mit Rechenweg und Fundstellen.",
)
@click.version_option(
    package_name="wohngeld",
    message="%(prog)s, Version %(version)s",
    help="Version zeigen und beenden.",
)
def main() -> None:
    """Entry point of the ``wohngeld`` command."""
