"""The one output path: every command hands one `View` (see `drugstrat.cli.view`) to
`Output.emit`, and the format decides the rest.

Machine formats are written with `sys.stdout.write` (never through rich, which wraps lines and
reads `[x]` as markup); the human view is drawn by `drugstrat.cli.render`, the one table
renderer. Nothing but data goes to stdout.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Mapping, Sequence
from enum import StrEnum
from typing import Any

from drugstrat.cli.view import View
from drugstrat.text.controls import formula_safe


class Format(StrEnum):
    table = "table"
    json = "json"
    jsonl = "jsonl"
    csv = "csv"
    excel = "excel"  # CSV as Belgian Excel opens it: UTF-8 BOM, semicolons, CRLF
    yaml = "yaml"


def choose(fmt: Format | None, as_json: bool) -> Format:
    if as_json:
        return Format.json
    return fmt or Format.table


class Output:
    def __init__(self, fmt: Format = Format.table, width: int | None = None,
                 color: str | None = None) -> None:
        self.fmt = fmt
        self.width = width  # of tables for people; the terminal's when None
        self.color = color  # "always", "never", or None: colour on a terminal only

    def emit(self, view: View) -> None:
        whole = view.rows if view.document is None else view.document
        ascii_only = not unicode_out()
        if self.fmt is Format.json:
            sys.stdout.write(json.dumps(whole, ensure_ascii=ascii_only, indent=2,
                                        default=json_default) + "\n")
        elif self.fmt is Format.jsonl:
            for row in view.rows:
                sys.stdout.write(json.dumps(row, ensure_ascii=ascii_only,
                                            default=json_default) + "\n")
        elif self.fmt in (Format.csv, Format.excel):
            _write_csv(view.rows, [c.key for c in view.columns] or None,
                       excel=self.fmt is Format.excel)
        elif self.fmt is Format.yaml:
            from drugstrat.storage import yamlfile

            sys.stdout.write(yamlfile.dumps(whole))
        else:
            from drugstrat.cli.render import draw

            draw(view.blocks(), self.width, self.color)


def json_default(value: Any) -> Any:
    """For what JSON cannot hold (a cache holds none): its plain form, imported only then."""
    from drugstrat.storage.plain import json_default as plain

    return plain(value)


def unicode_out() -> bool:
    """Whether stdout takes any character (not so under PYTHONIOENCODING=ascii)."""
    try:
        "é—€".encode(getattr(sys.stdout, "encoding", None) or "utf-8")
    except (UnicodeEncodeError, LookupError):
        return False
    return True


def _write_csv(rows: Sequence[Mapping[str, Any]], columns: Sequence[str] | None,
               excel: bool = False) -> None:
    """CSV to stdout; `excel`: the dialect Excel opens in a Dutch or French locale (a UTF-8
    byte-order mark, so accents survive; semicolons, as the locale's list separator; CRLF)."""
    from drugstrat.storage.csvrows import row as csv_row

    if columns is None:
        seen: dict[str, None] = {}
        for row in rows:
            seen.update(dict.fromkeys(row))
        columns = list(seen)
    if excel:
        sys.stdout.write("\ufeff")
    delimiter, terminator = (";", "\r\n") if excel else (",", "\n")
    sys.stdout.write(csv_row(columns, delimiter, terminator))
    for row in rows:
        # A side-by-side row's fields of one language (`langs`) are columns `FIELD:LANG`.
        per_lang = row.get("langs")
        if isinstance(per_lang, Mapping):
            row = {**row, **{f"{key}:{code}": value for code, fields in per_lang.items()
                             for key, value in fields.items()}}
        # Opened in a spreadsheet, a cell starting with = or @ would run: it is text here; a
        # line break inside a cell is quoted, so no line of it starts a row of its own.
        sys.stdout.write(csv_row((formula_safe(_cell(row.get(key))) for key in columns),
                                 delimiter, terminator))


def _cell(value: Any) -> Any:
    if isinstance(value, list):
        return "; ".join(str(v) if not isinstance(v, dict) else json.dumps(v, ensure_ascii=False)
                         for v in value)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False)
    return value
