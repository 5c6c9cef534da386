"""Drawing a view for a person: the one renderer of lines and tables, through a console that
treats every text as data.

Record text may hold `[/i]`, emoji shortcodes or an ESC sequence put there by a PDF extractor or
a careless edit; rich would read the first two as markup and pass the last to the terminal. So
every cell becomes a `rich.text.Text` of visible characters, and the console reads no markup.
Tables wrap their running text; on a terminal narrower than `STACK_BELOW` columns, each row is
drawn as a block of "header: value" lines instead, which stays readable at any width.
"""

from __future__ import annotations

import errno
import sys
from collections.abc import Sequence
from typing import Any

from rich.console import Console
from rich.table import Table as RichTable
from rich.text import Text

from drugstrat.cli.view import Block, Column, Line, Marked, Table
from drugstrat.text.controls import visible

STACK_BELOW = 80  # columns


class _Console(Console):
    """rich's console, but a reader that left (`| head`) is the command's to handle: rich
    would end the process with exit code 1 itself, where `cli.common.reports_errors` ends it
    quietly with 0."""

    def on_broken_pipe(self) -> None:
        raise BrokenPipeError(errno.EPIPE, "the reader left")


def console(width: int | None = None, color: str | None = None) -> Console:
    """A console writing to stdout; `color` "always" writes colours into a pipe too (`less -R`
    shows them), "never" writes none even on a terminal."""
    if color == "always":
        # Forced colours take the 16 standard ones: a pager's terminal is not known.
        return _Console(file=sys.stdout, emoji=False, highlight=False, markup=False,
                       width=width, force_terminal=True, color_system="standard")
    if color == "never":
        return _Console(file=sys.stdout, emoji=False, highlight=False, markup=False,
                       width=width, color_system=None)
    return _Console(file=sys.stdout, emoji=False, highlight=False, markup=False, width=width)


def draw(blocks: Sequence[Block], width: int | None = None, color: str | None = None) -> None:
    out = console(width, color)
    stacked = out.width < STACK_BELOW
    for block in blocks:
        if isinstance(block, Line):
            out.print(line(block))
        elif stacked:
            _stacked(out, block)
        else:
            out.print(table(block))


def line(block: Line) -> Text:
    return Text.assemble(*((visible(text), style) for text, style in block.segments))


def cell(value: Any, style: str = "") -> Text:
    """A value as text: lists joined, None empty, marked spans styled, controls visible."""
    if isinstance(value, Marked):
        text = Text(visible(value.text), style=style)
        for start, end, mark in value.marks:
            text.stylize(mark, start, end)
        return text
    if value is None:
        return Text("")
    if isinstance(value, list):
        value = ", ".join(str(v) for v in value)
    if isinstance(value, bool):
        value = "yes" if value else "no"
    return Text(visible(str(value)), style=style)


def header(column: Column) -> str:
    return column.header or column.key


def table(block: Table) -> RichTable:
    view = RichTable(header_style="bold", expand=any(c.prose for c in block.columns),
                     show_lines=block.lines, caption=block.caption or None)
    for column in block.columns:
        view.add_column(header(column), justify="right" if column.numeric else "left",
                        style=column.style or None, ratio=1 if column.prose else None,
                        no_wrap=not column.prose, overflow="fold")
    for row in block.rows:
        view.add_row(*(cell(row.get(column.key)) for column in block.columns))
    return view


def _stacked(out: Console, block: Table) -> None:
    """Each row as lines of "header: value", a blank line between rows."""
    for n, row in enumerate(block.rows):
        if n:
            out.print()
        for column in block.columns:
            value = row.get(column.key)
            if value in (None, "", []):
                continue
            out.print(Text.assemble((f"{header(column)}: ", "bold"), cell(value, column.style)))
    if block.caption:
        out.print(Text(block.caption, style="dim"))
