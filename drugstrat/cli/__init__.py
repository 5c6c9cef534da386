"""The `drugstrat` command line: a thin layer that parses options, calls the library, renders.

Heavy packages (rich, ruamel.yaml, pydantic) are imported inside the commands that need them, so
a query costs little more than starting typer.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Annotated

import typer

from drugstrat import __version__

app = typer.Typer(
    name="drugstrat",
    help="Query, cross-reference and check the English and Dutch versions of the "
    "Interfederal Drugs Strategy.",
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)


def _version(value: bool) -> None:
    if value:
        sys.stdout.write(f"drugstrat {__version__}\n")
        raise typer.Exit()


@app.callback()
def _options(
    ctx: typer.Context,
    data: Annotated[
        Path | None,
        typer.Option(
            "--data",
            envvar="DRUGSTRAT_DATA",
            help="Knowledge base directory (default: the bundled one).",
            file_okay=False,
        ),
    ] = None,
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="Show the version."),
    ] = False,
) -> None:
    ctx.obj = {"data": data}


# Registering the commands: each module adds its own to `app`.
from drugstrat.cli import build as _build  # noqa: E402,F401
from drugstrat.cli import diff as _diff  # noqa: E402,F401
from drugstrat.cli import query as _query  # noqa: E402,F401
from drugstrat.cli import search as _search  # noqa: E402,F401
from drugstrat.cli import validate as _validate  # noqa: E402,F401


def main() -> None:
    try:
        app()
    except BrokenPipeError:
        # `drugstrat list | head`: the reader left; that is not an error of ours.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        sys.exit(0)
