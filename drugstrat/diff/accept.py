"""Accepted findings: a YAML file under version control beside the knowledge base.

A reviser accepts a finding with a comment; from then on it is hidden (unless asked for), and an
acceptance whose finding no longer occurs is reported as stale, so the file never silently rots.
An entry names the language pair it was accepted in; an entry without one (written before a
knowledge base could hold more than two languages) belongs to the first pair.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from drugstrat.diff.model import Acceptance, Finding
from drugstrat.errors import KBError
from drugstrat.kb.paths import ACCEPTED_FILE, inside
from drugstrat.storage import yamlfile
from drugstrat.storage.atomic import atomic_write_text

HEADER = "# Findings of `drugstrat diff` a reviser accepted. Keep under version control.\n"


def accepted_path(root: Path) -> Path:
    return root / ACCEPTED_FILE


@dataclass
class Acceptances:
    entries: list[dict[str, Any]]
    default_pair: tuple[str, str]
    by_key: dict[tuple[str, str], dict[str, Any]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        default = ":".join(self.default_pair)
        self.by_key = {(str(e.get("pair") or default), str(e["finding"])): e
                       for e in self.entries}

    def entry(self, finding: Finding) -> dict[str, Any] | None:
        return self.by_key.get((finding.pair, finding.finding_id))

    def acceptance(self, finding: Finding) -> Acceptance | None:
        """The reviser's decision about `finding`, if there is one."""
        entry = self.entry(finding)
        if entry is None:
            return None
        return Acceptance(str(entry.get("comment") or ""), str(entry.get("accepted") or ""))


def load(root: Path, default_pair: tuple[str, str]) -> Acceptances:
    path = accepted_path(root)
    if not path.is_file():
        return Acceptances([], default_pair)
    entries = yamlfile.load(inside(root, path)) or []
    if not isinstance(entries, list) or not all(isinstance(e, dict) and "finding" in e
                                                for e in entries):
        raise KBError(f"{path}: expected a list of entries with a 'finding' key")
    return Acceptances(entries, default_pair)


def accept(root: Path, acceptances: Acceptances, finding: Finding, comment: str,
           today: dt.date | None = None) -> dict[str, Any]:
    """Record an acceptance (replacing an earlier one of the same finding)."""
    return accept_all(root, acceptances, [(finding, comment)], today)[0]


def accept_all(root: Path, acceptances: Acceptances, decided: list[tuple[Finding, str]],
               today: dt.date | None = None) -> list[dict[str, Any]]:
    """Record several acceptances in one write. The file is changed as a person would change
    it: their comments, the order and every key they added stay, an entry listed twice stays
    twice; an acceptance of a finding already listed updates its (last) entry."""
    path = inside(root, accepted_path(root))
    document, text = yamlfile.load_round_trip(path)
    if document is None:  # no file, or nothing in it but comments: those stay on top
        document = yamlfile.new_list()
        header = "".join(line + "\n" for line in text.splitlines()) or HEADER
    elif isinstance(document, list):
        header = ""
    else:
        raise KBError(f"{path}: expected a list of entries with a 'finding' key")
    default = ":".join(acceptances.default_pair)
    entries = []
    for finding, comment in decided:
        entry = {
            "finding": finding.finding_id, "pair": finding.pair, "id": finding.id,
            "check": finding.check, "message": finding.message, "comment": comment,
            "accepted": (today or dt.date.today()).isoformat(),
        }
        listed = [e for e in document if isinstance(e, dict)
                  and str(e.get("finding")) == finding.finding_id
                  and str(e.get("pair") or default) == finding.pair]
        if listed:
            listed[-1].update(entry)
        else:
            document.append(entry)
        acceptances.by_key[(finding.pair, finding.finding_id)] = entry
        entries.append(entry)
    atomic_write_text(path, yamlfile.dumps(document, header))
    return entries


# What a reviser decides about a finding in the review page: it is no fault (accept), or the
# translation must change (needs-fix: the record gets that status and the comment as its note).
DECISIONS = ("accept", "needs-fix")


def read_decisions(path: Path) -> list[dict[str, str]]:
    """The decisions a review page saved (`decisions: [{finding, pair, decision, comment}]`,
    `decision` being accept unless it says needs-fix); a file of another shape is a `KBError`
    that says what was expected."""
    document = yamlfile.load(path)
    decisions = document.get("decisions") if isinstance(document, dict) else None
    if not isinstance(decisions, list) or not all(
            isinstance(d, dict) and isinstance(d.get("finding"), str)
            and isinstance(d.get("comment"), str) and d["comment"].strip()
            and str(d.get("decision") or "accept") in DECISIONS
            for d in decisions):
        raise KBError(f"{path}: expected 'decisions:', a list of entries with a finding, a "
                      f"decision ({' or '.join(DECISIONS)}) and a comment, as the review page "
                      f"saves them")
    return [{"finding": d["finding"], "pair": str(d.get("pair") or ""),
             "decision": str(d.get("decision") or "accept"), "comment": d["comment"].strip()}
            for d in decisions]
