"""CSV and JSON Lines: one row per aligned record, both languages side by side."""

from __future__ import annotations

import csv
import io
import json

from drugstrat.export.pairs import Skipped, translation_pairs
from drugstrat.store import KB

COLUMNS = ("id", "type", "parent", "en", "nl")


def rows(kb: KB, skipped: Skipped | None = None) -> list[dict]:
    out = []
    for pair in translation_pairs(kb, skipped):
        row = {"id": pair.id, "type": pair.type, "parent": pair.parent or "", "en": pair.en,
               "nl": pair.nl}
        # What a person added to the record (status, note …) travels with it.
        for key in ("status", "note"):
            if key in pair.record:
                row[key] = pair.record[key]
        out.append(row)
    return out


def to_csv(kb: KB, bom: bool = False, skipped: Skipped | None = None) -> str:
    data = rows(kb, skipped)
    columns = list(COLUMNS) + [c for c in ("status", "note") if any(c in r for r in data)]
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=columns, lineterminator="\r\n",
                            extrasaction="ignore")
    writer.writeheader()
    writer.writerows(data)
    return ("\ufeff" if bom else "") + buffer.getvalue()


def to_jsonl(kb: KB, skipped: Skipped | None = None) -> str:
    return "".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows(kb, skipped))
