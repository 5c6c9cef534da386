"""CSV and JSON Lines: one row per aligned record, the two languages side by side."""

from __future__ import annotations

import json
import re
from typing import Any

from drugstrat.export.pairs import Skipped, translation_pairs
from drugstrat.kb.store import KB
from drugstrat.record import field
from drugstrat.storage.csvrows import row as csv_row
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
    # Every line break inside a cell quoted (storage.csvrows), `raw` or not: a raw text is the
    # cell's text, never the start of another row.
    lines = [csv_row(columns, delimiter, "\r\n")]
    lines += [csv_row((row.get(key) for key in columns), delimiter, "\r\n") for row in data]
    return ("\ufeff" if bom else "") + "".join(lines)


def _id_cell(value: str) -> str:
    return f'="{value}"' if NUMBER_LIKE.fullmatch(value) else value


def to_jsonl(kb: KB, langs: tuple[str, str], skipped: Skipped | None = None) -> str:
    """A side-by-side row (`drugstrat.kb.rows`) per aligned record, as JSON Lines: the id (the
    source ids joined where the translator merged records), type, parent and number, each
    language's text, and each record's own fields (a person's status, note …) under
    `langs`."""
    from drugstrat.kb.rows import OWN, row
    from drugstrat.storage.plain import json_default

    lines = []
    for pair in translation_pairs(kb, langs, skipped):
        some = pair.records[langs[0]]
        lines.append(row({langs[0]: pair.source, langs[1]: pair.target},
                         per_lang={code: {k: v for k, v in record.items() if k not in OWN}
                                   for code, record in pair.records.items()},
                         identity={"id": pair.id, "type": pair.type, "parent": pair.parent,
                                   "number": some.get("number")}))
    return "".join(json.dumps(line, ensure_ascii=False, default=json_default) + "\n"
                   for line in lines)
