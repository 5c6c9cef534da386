"""Accepted findings: a YAML file under version control beside the knowledge base.

A reviser accepts a finding with a comment; from then on it is hidden (unless asked for), and an
acceptance whose finding no longer occurs is reported as stale, so the file never silently rots.
An entry names the language pair it was accepted in; an entry without one (written before a
knowledge base could hold more than two languages) belongs to the first pair.
"""

from __future__ import annotations

import datetime as dt
import io
import re
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
    it: their comments, the order, their indentation and every key they added stay as they
    typed them, an entry listed twice stays twice; an acceptance of a finding already listed
    updates its (last) entry, and a new one is added at the end."""
    path = inside(root, accepted_path(root))
    document, text = yamlfile.load_round_trip(path)
    header = ""
    if document is None:  # no file, or nothing in it but comments: those stay on top
        document = yamlfile.new_list()
        text = header = "".join(line + "\n" for line in text.splitlines()) or HEADER
    elif not isinstance(document, list):
        raise KBError(f"{path}: expected a list of entries with a 'finding' key")
    default = ":".join(acceptances.default_pair)
    entries = []
    changed: dict[int, Any] = {}  # position in the file -> the entry as updated
    added: list[dict[str, Any]] = []
    for finding, comment in decided:
        entry = {
            "finding": finding.finding_id, "pair": finding.pair, "id": finding.id,
            "check": finding.check, "message": finding.message, "comment": comment,
            "accepted": (today or dt.date.today()).isoformat(),
        }
        listed = [n for n, e in enumerate(document) if isinstance(e, dict)
                  and str(e.get("finding")) == finding.finding_id
                  and str(e.get("pair") or default) == finding.pair]
        if listed:
            document[listed[-1]].update(entry)
            changed[listed[-1]] = document[listed[-1]]
        else:
            document.append(entry)
            added.append(entry)
        acceptances.by_key[(finding.pair, finding.finding_id)] = entry
        entries.append(entry)
    edited = _edited(text, document, changed, added)
    atomic_write_text(path, edited if edited is not None else yamlfile.dumps(document, header))
    return entries


def _edited(text: str, document: Any, changed: dict[int, Any],
            added: list[dict[str, Any]]) -> str | None:
    """`text` with the entries at `changed` written anew and `added` appended, every other
    line as it was: a person's layout (their dash column, spacing, comments) is theirs. None
    where the file is not a block list of one entry per dash this can edit line by line."""
    lines = text.splitlines(keepends=True)
    if lines and not lines[-1].endswith("\n"):
        lines[-1] += "\n"
    kept = len(document) - len(added)
    if not kept and not all(not line.strip() or line.lstrip().startswith("#") for line in lines):
        return None  # an empty list written some other way (`[]`)
    starts = []
    for n in range(kept):
        line, column = document.lc.item(n)
        match = re.match(r"( *)- ", lines[line]) if line < len(lines) else None
        if match is None or match.end() != column:
            return None
        starts.append(line)
    dash = _indent(lines[starts[0]]) if starts else 2  # the house style in a new file
    if any(_indent(lines[s]) != dash for s in starts):
        return None
    for n in sorted(changed, reverse=True):  # from the end: earlier line numbers stay right
        end = starts[n + 1] if n + 1 < kept else len(lines)
        # The entry's own lines; blank lines and comments at the dash's column after it are
        # the person's, between entries.
        while end > starts[n] + 1 and (not lines[end - 1].strip() or (
                lines[end - 1].lstrip().startswith("#") and _indent(lines[end - 1]) <= dash)):
            end -= 1
        # Written anew, its keys in their order (the person's own ones kept); a comment
        # inside the entry itself goes with the old values.
        lines[starts[n]:end] = [_entries([dict(changed[n])], dash)]
    return "".join(lines) + (_entries(added, dash) if added else "")


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _entries(entries: list[dict[str, Any]], dash: int) -> str:
    """Entries as a block list whose dashes stand at column `dash`."""
    writer = yamlfile.writer()
    writer.indent(mapping=2, sequence=dash + 2, offset=dash)
    buffer = io.StringIO()
    writer.dump(entries, buffer)
    return buffer.getvalue()


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
