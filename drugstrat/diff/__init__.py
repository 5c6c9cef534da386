"""`drugstrat diff`: structure-aware QA of the two language versions of a knowledge base.

Each check is a small named unit (see `REGISTRY`) that reads a `Document` and yields `Finding`s.
`run` collects them, in document order, and sets aside the ones a reviser accepted.
"""

from __future__ import annotations

from dataclasses import dataclass, field

# Importing the check modules registers their checks.
from drugstrat.diff import names, refs, series, structure, symbols, terms, text  # noqa: F401
from drugstrat.diff.model import REGISTRY, Document, Finding, Pair, Severity
from drugstrat.lang import language

__all__ = ["REGISTRY", "Report", "Severity", "document", "run"]


@dataclass
class Report:
    findings: list[Finding]  # open findings
    accepted: list[tuple[Finding, dict]] = field(default_factory=list)
    stale: list[dict] = field(default_factory=list)  # acceptances whose finding is gone


def document(versions: dict[str, list[dict]], glossary) -> Document:  # noqa: ANN001
    by_id = {lang: {r["id"]: r for r in records} for lang, records in versions.items()}
    pairs = [Pair(r["id"], r, by_id["nl"][r["id"]]) for r in versions["en"]
             if r["id"] in by_id["nl"]]
    only = {lang: [r for r in records if r["id"] not in by_id["nl" if lang == "en" else "en"]]
            for lang, records in versions.items()}
    langs = {code: language(code) for code in versions}
    return Document(pairs, only, versions, langs, glossary)


def run(versions: dict[str, list[dict]], glossary, accepted: dict[str, dict] | None = None,  # noqa: ANN001
        checks: list[str] | None = None) -> Report:
    if set(versions) != {"en", "nl"}:
        from drugstrat.errors import KBError

        raise KBError("diff compares an English and a Dutch version; this knowledge base has "
                      + ", ".join(sorted(versions)))
    doc = document(versions, glossary)
    order = {r["id"]: i for i, r in enumerate(versions["en"])}
    order.update({r["id"]: i + 0.5 for i, r in enumerate(versions["nl"]) if r["id"] not in order})
    findings: list[Finding] = []
    for name, check in REGISTRY.items():
        if checks is None or name in checks:
            findings.extend(check.run(doc))
    findings.sort(key=lambda f: (order.get(f.id, len(order)), -f.severity, f.check))
    accepted = accepted or {}
    report = Report([])
    seen = set()
    for finding in findings:
        entry = accepted.get(finding.finding_id)
        seen.add(finding.finding_id)
        if entry:
            report.accepted.append((finding, entry))
        else:
            report.findings.append(finding)
    if checks is None:
        report.stale = [entry for fid, entry in accepted.items() if fid not in seen]
    return report
