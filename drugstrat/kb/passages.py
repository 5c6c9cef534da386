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


def place(kb: KB, record_id: str, lang: str | None = None) -> Place:
    """Where a record stands in the edition of `lang` (the first language that has it when
    None): counted among that edition's own records, so a paragraph the translator merged
    with the one before it, or split, moves the numbers after it as a reader of that edition
    sees them."""
    code = lang or next((c for c in kb.langs if record_id in kb.by_id[c]), None)
    own = kb.by_id.get(code, {}) if code else {}
    record = own.get(record_id)
    if record is None or not record.get("parent"):
        return Place()
    siblings = [own[i] for i in kb.children(record["parent"]) if i in own]
    same = [r for r in siblings if r["type"] == record["type"]]
    if record["type"] == "paragraph":
        return Place(paragraph=[r["id"] for r in same].index(record_id) + 1)
    if record["type"] == "list_item":
        lists = list(dict.fromkeys(r.get("in_list") for r in same))
        members = [r["id"] for r in same if r.get("in_list") == record.get("in_list")]
        return Place(list=lists.index(record.get("in_list")) + 1,
                     item=members.index(record_id) + 1)
    return Place()


def covering(kb: KB, record_id: str, lang: str) -> list[str]:
    """The records of `lang` that hold the text of a record it has no version of: the one
    its translator merged it into, else its neighbours in that edition (nearest first)."""
    own = kb.by_id.get(lang, {})
    merged = [i for i, r in own.items() if record_id in r.get("merges", ())]
    if merged:
        return merged
    record = kb.record(record_id)
    parent = record.get("parent") if record else None
    siblings = kb.children(parent) if parent else kb.ids
    if record_id not in siblings:
        return []
    at = siblings.index(record_id)
    before = [i for i in reversed(siblings[:at]) if i in own][:1]
    after = [i for i in siblings[at + 1:] if i in own][:1]
    return before + after
