"""The review of a knowledge base on disk: its glossary, its reviser's acceptances, the lexicons
kept beside its cache and what the spelling dictionaries already said about its words — the
one way `diff`, the exports and the review page run the checks, so none of them learns a
lexicon or asks hunspell again for what the knowledge base already knows."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from drugstrat.diff import LangPair, Report, language_pairs, run
from drugstrat.diff.accept import Acceptances, accept_all, read_decisions
from drugstrat.diff.accept import load as load_acceptances
from drugstrat.diff.model import Finding
from drugstrat.errors import InputError
from drugstrat.kb.lexicon import lexicons_for
from drugstrat.kb.paths import glossary_path
from drugstrat.kb.spelling import remembered
from drugstrat.kb.store import KB
from drugstrat.terms.glossary import load as load_glossary


def acceptances_of(kb: KB) -> Acceptances:
    """The reviser's acceptances (`accepted.yaml` of the knowledge base)."""
    return load_acceptances(kb.root, language_pairs(kb.langs)[0])


def review(kb: KB, pairs: list[LangPair] | None = None, checks: list[str] | None = None,
           accepted: Acceptances | None = None) -> Report:
    """Run the checks (all, or those named) on the pairs asked for (the reference with each
    other language by default), setting aside what the reviser accepted."""
    pairs = pairs or language_pairs(kb.langs)
    glossary_file = glossary_path(kb.root)
    glossary = load_glossary(glossary_file)
    with remembered(kb):
        return run(kb.versions, glossary, accepted or acceptances_of(kb), checks, pairs,
                   lexicons_for(kb, pairs, glossary, glossary_file))


def accept(kb: KB, report: Report, finding_ids: list[str], comment: str,
           pair: str | None = None) -> list[dict[str, Any]]:
    """Record a reviser's acceptance of each of these findings (by the ids the report prints,
    folded ones included), with one comment, in one write. Every id must name one current
    finding — of `pair` where several pairs have it — or nothing is recorded: an `InputError`
    says which id and why."""
    if not comment.strip():
        raise InputError("say why the findings are acceptable (a comment is required)")
    if not finding_ids:
        raise InputError("name a finding to accept")
    chosen: list[Finding] = []
    for finding_id in finding_ids:
        found = report.find(finding_id.strip(), pair) if finding_id.strip() else []
        if not found:
            raise InputError(f"no current finding {finding_id!r}"
                             + (f" in {pair}" if pair else ""))
        if len({f.pair for f in found}) > 1:
            raise InputError(f"{finding_id!r} occurs in several language pairs "
                             f"({', '.join(sorted({f.pair for f in found}))}); say which")
        chosen.append(found[0])
    return accept_all(kb.root, acceptances_of(kb), [(f, comment.strip()) for f in chosen])


def apply_decisions(kb: KB, report: Report, path: Path) -> tuple[int, list[str]]:
    """Record the decisions a review page saved as acceptances, in one write. Each names a
    finding of this report (and its pair; a decision without a pair takes the finding of
    any pair). Returns how many were recorded and the findings that no longer occur."""
    decided, unknown = [], []
    for decision in read_decisions(path):
        found = report.find(decision["finding"], decision["pair"] or None)
        if found:
            decided.append((found[0], decision["comment"]))
        else:
            unknown.append(decision["finding"])
    if decided:
        accept_all(kb.root, acceptances_of(kb), decided)
    return len(decided), unknown
