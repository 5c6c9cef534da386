"""Search hits as side-by-side rows (see `drugstrat.kb.rows`): one row per record, its
languages' texts side by side, its strategic objective, rank, score and the words it matched;
each language's spans and matched words under `langs`."""

from __future__ import annotations

from typing import Any

from drugstrat.kb.rows import record_row
from drugstrat.kb.store import KB
from drugstrat.search.query import Results


def hit_rows(kb: KB, results: Results, langs: list[str]) -> list[dict[str, Any]]:
    rows = []
    for rank, group in enumerate(results, start=1):
        row = record_row(kb, group.id, langs, {"so": group.so, "rank": rank,
                                               "score": round(group.score, 3),
                                               "matched": group.matched})
        for hit in group.hits:
            if hit.lang in row["langs"]:
                row["langs"][hit.lang].update(
                    {"spans": [list(span) for span in hit.spans], "matched": hit.matched})
        rows.append(row)
    return rows
