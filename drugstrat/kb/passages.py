"""Passages of the document: a record with everything under it, in document order, and where a
record stands in its parent (its paragraph, list and item numbers), read from the records'
structure, never from the spelling of ids."""

from __future__ import annotations

from typing import NamedTuple

from drugstrat.kb.store import KB

# Records that are not text of the passage: names picked out of the text, contents lines.
NOT_READ = {"target_group", "toc_entry"}


def passage(kb: KB, record_id: str | None = None) -> list[str]:
    """The record and its descendants (the whole document for None), in document order."""
    if record_id is None:
        return [i for i in kb.ids if kb.type_of(i) not in NOT_READ]
    out: list[str] = []
    pending = [record_id]
    wanted: set[str] = set()
    while pending:
        current = pending.pop()
        if current in wanted:
            continue
        wanted.add(current)
        pending += kb.children(current)
    out = [i for i in kb.ids if i in wanted and (i == record_id or kb.type_of(i) not in NOT_READ)]
    return out


class Place(NamedTuple):
    """Where a record stands: its paragraph among its parent's paragraphs, or its list among
    the parent's lists and its item in that list (1-based; 0 where it does not apply)."""

    paragraph: int = 0
    list: int = 0
    item: int = 0


def place(kb: KB, record_id: str) -> Place:
    record = kb.record(record_id)
    if record is None or not record.get("parent"):
        return Place()
    siblings = [kb.record(i) for i in kb.children(record["parent"])]
    same = [r for r in siblings if r is not None and r["type"] == record["type"]]
    if record["type"] == "paragraph":
        return Place(paragraph=[r["id"] for r in same].index(record_id) + 1)
    if record["type"] == "list_item":
        lists = list(dict.fromkeys(r.get("in_list") for r in same))
        members = [r["id"] for r in same if r.get("in_list") == record.get("in_list")]
        return Place(list=lists.index(record.get("in_list")) + 1,
                     item=members.index(record_id) + 1)
    return Place()
