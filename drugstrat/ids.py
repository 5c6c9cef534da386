"""The document's id grammar: how a record's id is spelled from what it is, and read back.

Ids are language-neutral (README, "Record types"): numbered things keep the document's numbers
(`SO3`, `3.10`, `n7`), counted things are numbered in text order under their container
(`SO2.p4`, `SO1.l2.3`, `SO2.p4.g3`, `sig2`). This module is the one place that spells them; what
an analyst *types* for an id (`SO 3`, `SD.3`) is forgiven in `drugstrat.kb.names`.
"""

from __future__ import annotations

OBJECTIVE = "SO"  # strategic objectives: SO1 … (the label of no language: ids are neutral)
ENDNOTE = "n"
# Counted series outside any section's paragraphs.
SIGNATORY = "sig"
COORDINATOR = "coord"
CONTENTS_ENTRY = "toc"
TITLE_PAGE_PARAGRAPH = "titlepage.p"
# The lists whose items are records of their own type, by that type.
LIST_ROLE_SERIES = {"scope_item": "scope", "mission_aim": "aim", "mission_means": "means"}
# Ids of records present in one language only, after the record they follow: SO2.p3a, …
INSERTED_LETTERS = "abcdefghijklmnopqrstuvwxyz"

def strategic(number: int | str) -> str:
    """`SO3` for strategic objective 3."""
    return f"{OBJECTIVE}{int(number)}"


def specific(major: int | str, minor: int | str) -> str:
    """`3.10` for specific objective 10 of strategic objective 3."""
    return f"{int(major)}.{int(minor)}"


def endnote(number: int | str) -> str:
    """`n7` for endnote 7."""
    return f"{ENDNOTE}{int(number)}"


def paragraphs_of(container: str) -> str:
    """The series prefix of a container's paragraphs: `SO2.p` (SO2.p1, SO2.p2 …)."""
    return f"{container}.p"


def lists_of(container: str) -> str:
    """The series prefix of a container's bullet lists: `SO1.l` (SO1.l1, SO1.l2 …)."""
    return f"{container}.l"


def items_of(list_id: str) -> str:
    """The series prefix of a list's items: `SO1.l2.` (SO1.l2.1, SO1.l2.2 …)."""
    return f"{list_id}."


def group(parent: str, n: int) -> str:
    """The n-th target group named in a record: `SO2.p4.g3` (0: before the first)."""
    return f"{parent}.g{n}"


def inserted_after(record_id: str, k: int) -> str:
    """The k-th record another language has after `record_id` and the reference has not."""
    return record_id + INSERTED_LETTERS[min(k, len(INSERTED_LETTERS)) - 1]


def strategic_number(record_id: str) -> int | None:
    """3 for `SO3`; None for any other id."""
    return _number_after(OBJECTIVE, record_id)


def specific_numbers(record_id: str) -> tuple[int, int] | None:
    """(3, 10) for `3.10`; None for any other id."""
    major, dot, minor = record_id.partition(".")
    if dot and _digits(major) and _digits(minor):
        return int(major), int(minor)
    return None


def endnote_number(record_id: str) -> int | None:
    """7 for `n7`; None for any other id."""
    return _number_after(ENDNOTE, record_id)


# String methods rather than regular expressions: this module is on every query's start-up path.
def _number_after(prefix: str, record_id: str) -> int | None:
    rest = record_id[len(prefix):]
    return int(rest) if record_id.startswith(prefix) and _digits(rest) else None


def _digits(text: str) -> bool:
    return text.isascii() and text.isdigit()


def parent_prefixes(record_id: str) -> list[str]:
    """The ids a record's id may extend, nearest first: children carry their parent's id as a
    prefix (`SO2.p3.g1` → `SO2.p3`, `SO2`)."""
    out = []
    head = record_id.rpartition(".")[0]
    while head:
        out.append(head)
        head = head.rpartition(".")[0]
    return out
