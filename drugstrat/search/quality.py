"""How well search answers a set of queries: precision and recall of the top results against
the records a pattern marks as being about the word asked for (see
`tests/data/false_friends.yaml`). The test suite and the benchmark both read it."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from drugstrat.kb.store import KB
from drugstrat.search.query import search
from drugstrat.text.fold import fold

TOP = 10  # results judged at most, per query


@dataclass
class Judged:
    query: str
    relevant: int  # records about the word
    shown: list[str]  # the top results' ids
    right: int  # of them, about the word

    @property
    def precision(self) -> float:
        return self.right / len(self.shown) if self.shown else 1.0

    @property
    def recall(self) -> float:
        return self.right / min(self.relevant, TOP) if self.relevant else 1.0


def judge(kb: KB, cases: list[dict[str, Any]], glossary_file: Path | None = None) -> list[Judged]:
    """Each case (`query`, `lang`, `relevant`: a pattern over folded text) searched for as many
    results as it has relevant records (at most TOP), and judged."""
    out = []
    for case in cases:
        pattern = re.compile(case["relevant"])
        relevant = {r["id"] for r in kb.records(case["lang"]) if pattern.search(fold(r["text"]))}
        shown = [g.id for g in search(kb, str(case["query"]), limit=max(1, min(len(relevant),
                                                                                  TOP)),
                                      glossary_file=glossary_file)]
        out.append(Judged(str(case["query"]), len(relevant), shown,
                          sum(i in relevant for i in shown)))
    return out


def overall(judged: list[Judged]) -> tuple[float, float]:
    """Micro-averaged precision and recall over a judged set."""
    shown = sum(len(j.shown) for j in judged)
    wanted = sum(min(j.relevant, TOP) for j in judged)
    right = sum(j.right for j in judged)
    return (right / shown if shown else 1.0, right / wanted if wanted else 1.0)
