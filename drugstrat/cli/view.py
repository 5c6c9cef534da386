"""What a command shows, described as plain data: the rows for machines, and for people lines of
styled text and tables (drawn by `drugstrat.cli.render`).

Plain classes with slots rather than named tuples or dataclasses: this module is on every
command's start-up path, and making a named tuple costs more than the query it serves.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

Segment = tuple[str, str]  # (text, style)


class Marked:
    """Text with styled character spans (emphasis, matches, findings)."""

    __slots__ = ("text", "marks")

    def __init__(self, text: str, marks: Sequence[tuple[int, int, str]] = ()) -> None:
        self.text = text
        self.marks = marks


class Column:
    __slots__ = ("key", "header", "style", "numeric", "prose")

    def __init__(self, key: str, header: str = "", style: str = "", numeric: bool = False,
                 prose: bool = False) -> None:
        self.key = key
        self.header = header  # the key when empty
        self.style = style
        self.numeric = numeric
        # A column holding running text gets a share of the width; the others fit their
        # content.
        self.prose = prose


class Line:
    __slots__ = ("segments",)

    def __init__(self, segments: list[Segment]) -> None:
        self.segments = segments

    @classmethod
    def of(cls, *parts: str | Segment) -> Line:
        return cls([(p, "") if isinstance(p, str) else p for p in parts])


class Table:
    __slots__ = ("rows", "columns", "caption", "lines")

    def __init__(self, rows: Sequence[Mapping[str, Any]], columns: Sequence[Column],
                 caption: str = "", lines: bool = False) -> None:
        self.rows = rows
        self.columns = columns
        self.caption = caption
        self.lines = lines  # rules between rows, for rows of several lines


Block = Line | Table


class View:
    """What a command shows: `rows` for CSV and JSON Lines (and JSON, unless `document` gives a
    richer shape), `columns` their order, and `human` the blocks drawn for a person (by default
    one table of the rows)."""

    __slots__ = ("rows", "columns", "document", "human")

    def __init__(self, rows: Sequence[Mapping[str, Any]], columns: Sequence[Column] = (),
                 document: Any = None, human: list[Block] | None = None) -> None:
        self.rows = rows
        self.columns = columns
        self.document = document
        self.human = human

    def blocks(self) -> list[Block]:
        return self.human if self.human is not None else [Table(self.rows, self.columns)]
