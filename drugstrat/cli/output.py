"""The one output path: every command hands its data here and the format decides the rest.

Machine formats are written with `sys.stdout.write` (never through rich, which wraps lines and
reads `[x]` as markup); the table format asks the command for a rich renderable and prints it
through the safe console. Nothing but data goes to stdout.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Sequence
from enum import StrEnum
from typing import Any


class Format(StrEnum):
    table = "table"
    json = "json"
    jsonl = "jsonl"
    csv = "csv"
    yaml = "yaml"


def choose(fmt: Format | None, as_json: bool) -> Format:
    if as_json:
        return Format.json
    return fmt or Format.table


def emit(
    fmt: Format,
    rows: Sequence[dict],
    *,
    table: Callable[[], Any],
    document: Any = None,
    columns: Sequence[str] | None = None,
) -> None:
    """Write `rows` (or `document`, for json and yaml, when the command has a richer shape)."""
    whole = rows if document is None else document
    if fmt is Format.json:
        sys.stdout.write(json.dumps(whole, ensure_ascii=False, indent=2) + "\n")
    elif fmt is Format.jsonl:
        for row in rows:
            sys.stdout.write(json.dumps(row, ensure_ascii=False) + "\n")
    elif fmt is Format.csv:
        _write_csv(rows, columns)
    elif fmt is Format.yaml:
        from ruamel.yaml import YAML

        yaml = YAML(typ="safe", pure=True)
        yaml.default_flow_style = False
        yaml.width = 4096  # one line a value: no folding, no trailing spaces
        yaml.allow_unicode = True
        yaml.sort_base_mapping_type_on_output = False  # type: ignore[attr-defined]
        yaml.dump(whole, sys.stdout)
    else:
        from drugstrat.cli.console import stdout_console

        stdout_console().print(table())


def _write_csv(rows: Sequence[dict], columns: Sequence[str] | None) -> None:
    import csv

    if columns is None:
        seen: dict[str, None] = {}
        for row in rows:
            seen.update(dict.fromkeys(row))
        columns = list(seen)
    writer = csv.DictWriter(sys.stdout, fieldnames=list(columns), extrasaction="ignore",
                            lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({key: _cell(row.get(key)) for key in columns})


def _cell(value: Any) -> Any:
    if isinstance(value, list):
        return "; ".join(str(v) if not isinstance(v, dict) else json.dumps(v, ensure_ascii=False)
                         for v in value)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False)
    return value
