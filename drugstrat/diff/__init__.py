"""`drugstrat diff`: structure-aware QA of the language versions of a knowledge base.

Each check is a small named unit (see `REGISTRY`) that reads a `Document` — the reference and one
other language — and yields `Finding`s. `run` compares the reference with each other language
(or the pairs asked for), collects the findings in document order, and sets aside the ones a
reviser accepted; `Report` says what is shown, counted and failed on.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection
from dataclasses import dataclass, field
from functools import partial
from typing import Any

# Importing the check modules registers their checks.
from drugstrat.diff import (  # noqa: F401
    consistency,
    grammar,
    meaning,
    modality,
    names,
    refs,
    series,
    spelling,
    structure,
    symbols,
    terms,
    text,
    typography,
)
from drugstrat.diff.accept import Acceptances
from drugstrat.diff.causes import merge_causes
from drugstrat.diff.model import REGISTRY, Document, Finding, LexiconSource, Pair, Severity
from drugstrat.errors import InputError, KBError
from drugstrat.languages import language
from drugstrat.record import Record
from drugstrat.terms.glossary import Glossary
from drugstrat.terms.learning import learn
from drugstrat.terms.lexicon import Lexicon

__all__ = ["REGISTRY", "Finding", "Report", "Severity", "document", "found", "judged",
           "language_pairs", "run"]

LangPair = tuple[str, str]


@dataclass
class Report:
    """What the checks found over some language pairs: every finding in document order (an
    accepted one carries its `acceptance`), and the acceptances whose finding is gone."""

    pairs: list[LangPair]
    findings: list[Finding]
    stale: list[dict[str, Any]] = field(default_factory=list)

    @property
    def open(self) -> list[Finding]:
        return [f for f in self.findings if not f.accepted]

    def select(self, minimum: Severity = Severity.info, ids: Collection[str] = (),
               include_accepted: bool = False) -> list[Finding]:
        """The findings to show: at or above `minimum`, about `ids` if any are given, and the
        accepted ones too if asked."""
        return [f for f in self.findings
                if f.severity >= minimum and (not ids or f.id in ids)
                and (include_accepted or not f.accepted)]

    def find(self, finding_id: str, pair: str | None = None) -> list[Finding]:
        """The findings with this id (in this pair, if given), folded ones included: an id the
        JSON prints is an id a reviser can name."""
        return [f for top in self.findings for f in (top, *top.related)
                if f.finding_id == finding_id and (pair is None or f.pair == pair)]

    def summary(self, shown: list[Finding]) -> dict[str, Any]:
        """Counts of the open findings among `shown`, for the JSON's `summary`."""
        open_ = [f for f in shown if not f.accepted]
        by_severity = Counter(f.severity.name for f in open_)
        by_check = Counter(f.check for f in open_)
        return {
            "pairs": [":".join(pair) for pair in self.pairs],
            "findings": len(open_),
            "by_severity": dict(by_severity),
            "by_check": dict(sorted(by_check.items())),
            "accepted": sum(f.accepted for f in self.findings),
            "stale": [e["finding"] for e in self.stale],
        }

    @staticmethod
    def fails(shown: list[Finding], level: Severity | None) -> bool:
        """Whether an open finding at or above `level` remains (None: never fail)."""
        return level is not None and any(f.severity >= level for f in shown if not f.accepted)


def language_pairs(langs: list[str], wanted: list[str] | None = None) -> list[LangPair]:
    """The pairs to compare: the reference with each other language, or those asked for as
    `en:fr`. An unknown or malformed pair is the user's error."""
    if len(langs) < 2:
        raise KBError("diff compares two languages; this knowledge base has only "
                      + (", ".join(langs) or "none"))
    if not wanted:
        return [(langs[0], other) for other in langs[1:]]
    pairs = []
    for spec in wanted:
        a, sep, b = spec.partition(":")
        if not sep or a == b or a not in langs or b not in langs:
            raise InputError(f"--pair {spec!r}: give two languages of this knowledge base as "
                             f"A:B ({', '.join(langs)})")
        pairs.append((a, b))
    return pairs


def document(versions: dict[str, list[Record]], glossary: Glossary,
             pair: LangPair | None = None, lexicon: LexiconSource | None = None) -> Document:
    """What the checks of one language pair read. Without a `lexicon`, one is learned from
    these very records (as `drugstrat build` does) when a check first reads words."""
    a, b = pair or (list(versions)[0], list(versions)[1])
    if lexicon is None and len(versions[a]) and len(versions[b]):
        lexicon = partial(learn, versions, (a, b), glossary)
    mine = {r["id"]: r for r in versions[a]}
    theirs = {r["id"]: r for r in versions[b]}
    pairs = [Pair(r["id"], r, theirs[r["id"]]) for r in versions[a] if r["id"] in theirs]
    only = {a: [r for r in versions[a] if r["id"] not in theirs],
            b: [r for r in versions[b] if r["id"] not in mine]}
    return Document((a, b), {a: language(a), b: language(b)}, pairs, only,
                    {a: versions[a], b: versions[b]}, glossary, lexicon)


def found(versions: dict[str, list[Record]], glossary: Glossary, pair: LangPair,
          checks: Collection[str] | None = None, lexicon: LexiconSource | None = None
          ) -> list[Finding]:
    """What the checks (all, or those named) find in one language pair, in document order,
    the findings of one cause folded into one; none accepted yet."""
    doc = document(versions, glossary, pair, lexicon)
    order = _document_order(versions[pair[0]], versions[pair[1]])
    findings = [f.settle(pair) for name, check in REGISTRY.items()
                if checks is None or name in checks for f in check.run(doc)]
    findings.sort(key=lambda f: (order.get(f.id, len(order)), -f.severity.rank, f.check))
    return merge_causes(findings) if checks is None or len(checks) > 1 else findings


def judged(pairs: list[LangPair], findings: list[Finding], accepted: Acceptances,
           whole: bool = True) -> Report:
    """The report of these findings with the reviser's acceptances set on them; `whole` (every
    check ran) also names the acceptances whose finding is gone."""
    report = Report(pairs, findings)
    seen = set()
    for finding in findings:
        for one in (finding, *finding.related):
            seen.add((one.pair, one.finding_id))
            one.acceptance = accepted.acceptance(one)
        # A folded finding a reviser accepted on its own no longer adds to the one it joined.
        finding.related = [r for r in finding.related if not r.accepted]
    if whole:
        ran = {":".join(pair) for pair in pairs}
        report.stale = [entry for key, entry in accepted.by_key.items()
                        if key[0] in ran and key not in seen]
    return report


def run(versions: dict[str, list[Record]], glossary: Glossary,
        accepted: Acceptances | None = None, checks: list[str] | None = None,
        pairs: list[LangPair] | None = None,
        lexicons: dict[LangPair, Lexicon] | None = None) -> Report:
    """The checks over these records, each pair in turn (the reference with each other
    language by default), as a report."""
    pairs = pairs or language_pairs(list(versions))
    findings = [f for pair in pairs
                for f in found(versions, glossary, pair, checks, (lexicons or {}).get(pair))]
    return judged(pairs, findings, accepted or Acceptances([], default_pair=pairs[0]),
                  whole=checks is None)


def _document_order(reference: list[Record], other: list[Record]) -> dict[str, float]:
    """Reference records by position; the other language's own records just after the
    reference record at the same index."""
    order: dict[str, float] = {r["id"]: i for i, r in enumerate(reference)}
    order.update({r["id"]: i + 0.5 for i, r in enumerate(other) if r["id"] not in order})
    return order
