"""``python -m wohngeld``: the command line."""

from .cli import main

main()
