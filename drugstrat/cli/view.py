"""What a command shows, described as plain data: the rows for machines, and for people lines of
styled text and tables (drawn by `drugstrat.cli.render`)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, NamedTuple


class Marked(NamedTuple):
    """Text with styled character spans (emphasis, matches, findings)."""

    text: str
    marks: Sequence[tuple[int, int, str]] = ()


class Column(NamedTuple):
    key: str
    header: str = ""  # the key when empty
    style: str = ""
    numeric: bool = False
    # A column holding running text gets a share of the width; the others fit their content.
    prose: bool = False


Segment = tuple[str, str]  # (text, style)


# NamedTuples rather than dataclasses: this module is on every command's start-up path.
class Line(NamedTuple):
    segments: list[Segment]

    @classmethod
    def of(cls, *parts: str | Segment) -> Line:
        return cls([(p, "") if isinstance(p, str) else p for p in parts])


class Table(NamedTuple):
    rows: Sequence[Mapping[str, Any]]
    columns: Sequence[Column]
    caption: str = ""
    lines: bool = False  # rules between rows, for rows of several lines


Block = Line | Table


class View(NamedTuple):
    """What a command shows: `rows` for CSV and JSON Lines (and JSON, unless `document` gives a
    richer shape), `columns` their order, and `human` the blocks drawn for a person (by default
    one table of the rows)."""

    rows: Sequence[Mapping[str, Any]]
    columns: Sequence[Column] = ()
    document: Any = None
    human: list[Block] | None = None

    def blocks(self) -> list[Block]:
        return self.human if self.human is not None else [Table(self.rows, self.columns)]
