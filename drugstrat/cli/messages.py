"""Messages for people on stderr. Plain writes: no rich import on the fast path."""

from __future__ import annotations

import sys

from drugstrat.text.controls import visible


def error(message: str) -> None:
    sys.stderr.write(f"drugstrat: error: {visible(message)}\n")


def warn(message: str) -> None:
    sys.stderr.write(f"drugstrat: {visible(message)}\n")


def info(message: str) -> None:
    sys.stderr.write(f"{visible(message)}\n")
