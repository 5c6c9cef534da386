"""The full command line, every command registered: for help, tests and library users."""

from drugstrat.cli import COMMAND_MODULES, app, register_all

register_all()

__all__ = ["COMMAND_MODULES", "app"]
