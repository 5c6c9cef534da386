"""The review of a knowledge base on disk: its glossary, its reviser's acceptances, the lexicons
kept beside its cache and what the spelling dictionaries already said about its words — the
one way `diff`, the exports and the review page run the checks, so none of them learns a
lexicon or asks hunspell again for what the knowledge base already knows."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any

from drugstrat.diff import LangPair, Report, found, judged, kept, language_pairs
from drugstrat.diff.accept import Acceptances, accept_all, read_decisions
from drugstrat.diff.accept import load as load_acceptances
from drugstrat.diff.model import Finding
from drugstrat.errors import InputError
from drugstrat.kb.lexicon import lexicon_for, lexicon_stamp
from drugstrat.kb.paths import glossary_path
from drugstrat.kb.spelling import remembered
from drugstrat.kb.store import KB
from drugstrat.languages import language
from drugstrat.terms.glossary import load as load_glossary
from drugstrat.text.spelling import speller


def acceptances_of(kb: KB) -> Acceptances:
    """The reviser's acceptances (`accepted.yaml` of the knowledge base)."""
    return load_acceptances(kb.root, language_pairs(kb.langs)[0])


def review(kb: KB, pairs: list[LangPair] | None = None, checks: list[str] | None = None,
           accepted: Acceptances | None = None) -> Report:
    """Run the checks (all, or those named) on the pairs asked for (the reference with each
    other language by default), setting aside what the reviser accepted. What every check
    found in an unchanged knowledge base is kept and recalled (`diff.kept`)."""
    pairs = pairs or language_pairs(kb.langs)
    glossary_file = glossary_path(kb.root)
    # Only a run of every check is kept: named checks always run.
    stamps = {pair: kept.stamp(lexicon_stamp(kb, pair, glossary_file), _spellers(pair))
              for pair in pairs} if checks is None else {}
    findings = {pair: kept.recall(kb, pair, stamp) for pair, stamp in stamps.items()}
    if missing := [pair for pair in pairs if findings.get(pair) is None]:
        glossary = load_glossary(glossary_file)
        with remembered(kb):
            for pair in missing:
                # Read (or learned) when a check first reads words: `--check numbers` needs none.
                lexicon = partial(lexicon_for, kb, pair, glossary, glossary_file)
                findings[pair] = fresh = found(kb.versions, glossary, pair, checks, lexicon)
                if pair in stamps:
                    kept.keep(kb, pair, stamps[pair], fresh)
    return judged(pairs, [f for pair in pairs for f in findings[pair] or ()],
                  accepted or acceptances_of(kb), whole=checks is None)


def _spellers(pair: LangPair) -> list[object]:
    """Which spelling dictionaries answer for the pair's languages (None: none installed)."""
    return [s.stamp() if (s := speller(language(lang))) is not None else None for lang in pair]


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


@dataclass
class Applied:
    """What a decisions file did: acceptances recorded, records marked as needing a fix
    (`(id, lang)`), and the findings that no longer occur."""

    accepted: int = 0
    needs_fix: list[tuple[str, str]] = field(default_factory=list)
    gone: list[str] = field(default_factory=list)


NEEDS_FIX = "needs-fix"  # the status a "needs fix" decision gives the translation's record


def apply_decisions(kb: KB, report: Report, path: Path) -> Applied:
    """Record the decisions a review page saved, each about a finding of this report (and its
    pair; a decision without a pair takes the finding of any pair): an acceptance goes to the
    acceptances, in one write; "needs fix" sets the status `needs-fix` and the comment as the
    note on the record in the pair's second language — the translation being judged — where
    `status` and `note` travel on to every export."""
    from drugstrat.kb.person import set_fields

    done = Applied()
    decided: list[tuple[Finding, str]] = []
    fixes: dict[str, dict[str, dict[str, str]]] = {}  # lang -> id -> fields
    for decision in read_decisions(path):
        found = report.find(decision["finding"], decision["pair"] or None)
        if not found:
            done.gone.append(decision["finding"])
        elif decision["decision"] == NEEDS_FIX:
            finding = found[0]
            lang = finding.langs[1]
            record = kb.by_id.get(lang, {}).get(finding.id)
            note = str(record.get("note") or "") if record is not None else ""
            comment = decision["comment"]
            fixes.setdefault(lang, {})[finding.id] = {
                "status": NEEDS_FIX,
                "note": comment if not note or comment in note else f"{note} | {comment}"}
        else:
            decided.append((found[0], decision["comment"]))
    if decided:
        accept_all(kb.root, acceptances_of(kb), decided)
        done.accepted = len(decided)
    for lang, changes in fixes.items():
        done.needs_fix += [(record_id, lang) for record_id in set_fields(kb.root, lang, changes)]
    return done
