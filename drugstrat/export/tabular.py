"""CSV and JSON Lines: one row per aligned record, the two languages side by side."""

from __future__ import annotations

import csv
import io
import json
import re
from typing import Any

from drugstrat.export.pairs import Skipped, translation_pairs
from drugstrat.kb.store import KB
from drugstrat.record import KEY_ORDER, field
from drugstrat.text.controls import formula_safe

PERSON_COLUMNS = ("status", "note")
# An id a spreadsheet would read as a number or a date ("3.10" as 3.1, "1.1" as 1 January).
NUMBER_LIKE = re.compile(r"[\d.,/\s-]+")


def person_columns(langs: tuple[str, str]) -> list[str]:
    """What a person added to either record of a pair (status, note), a column per language:
    `status:en`, `note:en`, `status:nl`, `note:nl`."""
    return [f"{key}:{lang}" for lang in langs for key in PERSON_COLUMNS]


def rows(kb: KB, langs: tuple[str, str], skipped: Skipped | None = None) -> list[dict[str, Any]]:
    out = []
    source, target = langs
    for pair in translation_pairs(kb, langs, skipped):
        row: dict[str, Any] = {"id": pair.id, "type": pair.type, "parent": pair.parent or "",
                               source: pair.source, target: pair.target}
        # What a person added to either record (status, note …) travels with it: a reviser's
        # verdict is most often on the translation.
        for lang in langs:
            for key in PERSON_COLUMNS:
                if (value := field(pair.records[lang], key)) is not None:
                    row[f"{key}:{lang}"] = value
        out.append(row)
    return out


def to_csv(kb: KB, langs: tuple[str, str], bom: bool = False,
           skipped: Skipped | None = None, raw: bool = False, delimiter: str = ",") -> str:
    """CSV for a spreadsheet: a cell it would run as a formula is written as text (with a
    leading apostrophe), and an id it would read as a number as a formula giving the id as
    text (`="3.10"`, which Excel and LibreOffice show as 3.10 in any locale), unless `raw`."""
    data = rows(kb, langs, skipped)
    if not raw:
        data = [{k: _id_cell(v) if k == "id" else formula_safe(v) for k, v in row.items()}
                for row in data]
    columns = ["id", "type", "parent", *langs]
    columns += [c for c in person_columns(langs) if any(c in r for r in data)]
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=columns, lineterminator="\r\n",
                            extrasaction="ignore", delimiter=delimiter)
    writer.writeheader()
    writer.writerows(data)
    return ("\ufeff" if bom else "") + buffer.getvalue()


def _id_cell(value: str) -> str:
    return f'="{value}"' if NUMBER_LIKE.fullmatch(value) else value


def to_jsonl(kb: KB, langs: tuple[str, str], skipped: Skipped | None = None) -> str:
    return "".join(json.dumps(row, ensure_ascii=False) + "\n"
                   for row in rows(kb, langs, skipped))


def wide(kb: KB, ids: list[str], langs: list[str]) -> tuple[list[dict[str, Any]], list[str]]:
    """One row per record, its languages' texts side by side, and the columns in order: every
    field the JSON has, once where the languages agree on it in every record (`parent`,
    `number`, a person's `status`), else once per language (`name:en`, `name:nl`)."""
    records = [versions for versions in (kb.get(i, langs) for i in ids) if versions]
    keys: dict[str, None] = {}
    split: set[str] = set()
    for versions in records:
        for key in dict.fromkeys(k for r in versions.values() for k in r):
            if key in ("id", "type", "lang", "text"):
                continue
            keys[key] = None
            values = [json.dumps(field(r, key), sort_keys=True, default=str)
                      for r in versions.values()]
            if len(set(values)) > 1:
                split.add(key)
    rows = []
    for versions in records:
        first = next(iter(versions.values()))
        row: dict[str, Any] = {"id": first["id"], "type": first["type"]}
        row.update({lang: r["text"] for lang, r in versions.items()})
        for key in keys:
            if key in split:
                row.update({f"{key}:{lang}": field(r, key) for lang, r in versions.items()})
            elif key in first:
                row[key] = field(first, key)
        rows.append(row)
    ordered = [k for k in KEY_ORDER if k in keys] + [k for k in keys if k not in KEY_ORDER]
    columns = [c for k in ordered for c in ([f"{k}:{lang}" for lang in langs] if k in split
                                            else [k])]
    return rows, ["id", "type", *langs, *columns]
