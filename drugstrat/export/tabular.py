"""CSV and JSON Lines: one row per aligned record, the two languages side by side."""

from __future__ import annotations

import json
from typing import Any

from drugstrat.export.pairs import Skipped, translation_pairs
from drugstrat.kb.store import KB
from drugstrat.record import KEY_ORDER, field
from drugstrat.storage.csvrows import row as csv_row
from drugstrat.text.controls import formula_safe

PERSON_COLUMNS = ("status", "note")


def rows(kb: KB, langs: tuple[str, str], skipped: Skipped | None = None) -> list[dict[str, Any]]:
    out = []
    source, target = langs
    for pair in translation_pairs(kb, langs, skipped):
        row: dict[str, Any] = {"id": pair.id, "type": pair.type, "parent": pair.parent or "",
                               source: pair.source, target: pair.target}
        # What a person added to the record (status, note …) travels with it.
        for key in PERSON_COLUMNS:
            if (value := field(pair.records[source], key)) is not None:
                row[key] = value
        out.append(row)
    return out


def to_csv(kb: KB, langs: tuple[str, str], bom: bool = False,
           skipped: Skipped | None = None, raw: bool = False, delimiter: str = ",") -> str:
    """CSV for a spreadsheet: a cell it would run as a formula is written as text (with a
    leading apostrophe) unless `raw`."""
    data = rows(kb, langs, skipped)
    if not raw:
        data = [{k: formula_safe(v) for k, v in row.items()} for row in data]
    columns = ["id", "type", "parent", *langs]
    columns += [c for c in PERSON_COLUMNS if any(c in r for r in data)]
    # Every line break inside a cell quoted (storage.csvrows), `raw` or not: a raw text is the
    # cell's text, never the start of another row.
    lines = [csv_row(columns, delimiter, "\r\n")]
    lines += [csv_row((row.get(key) for key in columns), delimiter, "\r\n") for row in data]
    return ("\ufeff" if bom else "") + "".join(lines)


def to_jsonl(kb: KB, langs: tuple[str, str], skipped: Skipped | None = None) -> str:
    return "".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows(kb, langs, skipped))


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
