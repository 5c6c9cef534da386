"""The review of a knowledge base on disk: its glossary, its reviser's acceptances, the lexicons
kept beside its cache and what the spelling dictionaries already said about its words — the
one way `diff`, the exports and the review page run the checks, so none of them learns a
lexicon or asks hunspell again for what the knowledge base already knows."""

from __future__ import annotations

from pathlib import Path

from drugstrat.diff import LangPair, Report, language_pairs, run
from drugstrat.diff.accept import Acceptances, accept_all, read_decisions
from drugstrat.diff.accept import load as load_acceptances
from drugstrat.diff.model import Finding
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


def apply_decisions(kb: KB, report: Report, accepted: Acceptances, path: Path
                    ) -> tuple[int, list[str]]:
    """Record the decisions a review page saved as acceptances, in one write. Each names a
    finding of this report (and its pair; a decision without a pair takes the finding of
    any pair). Returns how many were recorded and the findings that no longer occur."""
    current: dict[tuple[str, str], Finding] = {
        (f.pair, f.finding_id): f for f in report.findings + [f for f, _ in report.accepted]}
    decided, unknown = [], []
    for decision in read_decisions(path):
        finding = current.get((decision["pair"], decision["finding"])) or next(
            (f for (_, finding_id), f in current.items()
             if finding_id == decision["finding"] and not decision["pair"]), None)
        if finding is None:
            unknown.append(decision["finding"])
        else:
            decided.append((finding, decision["comment"]))
    if decided:
        accept_all(kb.root, accepted, decided)
    return len(decided), unknown
