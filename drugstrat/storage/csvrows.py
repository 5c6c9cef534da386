"""CSV rows that a spreadsheet and any CSV reader take cell by cell.

Python's `csv` quotes a cell only for the delimiter, the quote and the characters of its own line
terminator: with `\\n` rows, a carriage return inside a person's field is written bare, and a
spreadsheet starts a new row there — whose first cell (`=HYPERLINK(…)` after the CR) the formula
neutraliser never saw, since it looked only at the start of the whole field. Here a cell is
quoted as `csv.QUOTE_MINIMAL` quotes it, and also whenever it holds any character some reader
takes for the end of a line or a cell: CR, LF, tab, vertical tab, form feed, the file, group and
record separators, NEL, and Unicode's line and paragraph separators. Inside quotes they are
the cell's own text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache

# What ends a line for some reader (str.splitlines, Excel, LibreOffice) or a cell (tab).
BREAKS = "\r\n\t\v\f\x1c\x1d\x1e\x85\u2028\u2029"


@cache
def _needs_quotes(delimiter: str) -> re.Pattern[str]:
    return re.compile("[" + re.escape(BREAKS + '"' + delimiter) + "]")


def cell(value: object, delimiter: str = ",") -> str:
    """One cell: None as nothing, other values as text, quoted where they must be."""
    text = "" if value is None else str(value)
    if _needs_quotes(delimiter).search(text):
        return '"' + text.replace('"', '""') + '"'
    return text


def row(values: Iterable[object], delimiter: str = ",", terminator: str = "\n") -> str:
    """One row, with its terminator. A row of one empty cell is `""`, as `csv` writes it (a
    blank line would read as no row at all)."""
    cells = [cell(v, delimiter) for v in values]
    if cells == [""]:
        cells = ['""']
    return delimiter.join(cells) + terminator
