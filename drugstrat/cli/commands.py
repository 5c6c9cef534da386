"""The full command line, every command registered: for help, tests and library users."""

from drugstrat.cli import COMMAND_MODULES, app, register

register([])

__all__ = ["COMMAND_MODULES", "app"]
