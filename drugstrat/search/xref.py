"""Cross-references: everything a record is connected to."""

from __future__ import annotations

from typing import Any

from drugstrat import ids
from drugstrat.kb.rows import record_row
from drugstrat.kb.store import KB
from drugstrat.kb.target_groups import target_groups
from drugstrat.record import OBJECTIVE_TYPES
from drugstrat.terms.glossary import Glossary


def _brief(kb: KB, record_id: str) -> dict[str, Any]:
    """A connected record as a side-by-side row (`drugstrat.kb.rows`)."""
    return record_row(kb, record_id, kb.langs)


def xref(kb: KB, record_id: str, glossary: Glossary) -> dict[str, Any]:
    """Everything connected to one record (which must exist)."""
    versions = kb.get(record_id)
    some = next(iter(versions.values()))
    parent = some.get("parent")
    children = kb.children(record_id)
    groups = [c for c in children if kb.type_of(c) == "target_group"]
    clusters = target_groups(kb)
    same_groups: list[str] = []
    for group_id in groups:
        cluster = next((c for c in clusters if group_id in c["members"]), None)
        if cluster:
            same_groups.extend(m["source"] for m in cluster["mentions"]
                               if m["source"] != record_id)
    cites = sorted({n for r in versions.values() for n in r.get("cites", ())})
    cited_by = sorted({i for r in versions.values() for i in r.get("cited_by", ())},
                      key=kb.position)
    return {
        "id": record_id,
        "type": some["type"],
        "records": {code: r["text"] for code, r in versions.items()},
        "missing_in": [code for code in kb.langs if code not in versions],
        "parent": _brief(kb, parent) if parent and kb.get(parent) else None,
        "children": [_brief(kb, c) for c in children if c not in groups],
        "target_groups": [_brief(kb, g) for g in groups],
        "same_groups": [_brief(kb, i) for i in dict.fromkeys(same_groups)],
        "endnotes": [_brief(kb, ids.endnote(n)) for n in cites if kb.get(ids.endnote(n))],
        "cited_by": [_brief(kb, i) for i in cited_by],
        "shared_terms": shared_terms(kb, record_id, glossary),
    }


def shared_terms(kb: KB, record_id: str, glossary: Glossary,
                 limit: int = 8) -> list[dict[str, Any]]:
    """Objectives that share this record's key terms (glossary terms, in any language)."""
    def terms_of(other_id: str) -> set[str]:
        found = set()
        for code, record in kb.get(other_id).items():
            for term in glossary.terms:
                if term.found(code, record["text"]):
                    found.add(term.key)
        return found

    mine = terms_of(record_id)
    if not mine:
        return []
    scored: list[tuple[int, str, list[str]]] = []
    for other_id in kb.ids:
        if other_id == record_id or kb.type_of(other_id) not in OBJECTIVE_TYPES:
            continue
        common = mine & terms_of(other_id)
        if common:
            scored.append((len(common), other_id, sorted(common)))
    scored.sort(key=lambda item: (-item[0], kb.position(item[1])))
    return [{"id": other_id, "terms": common} for _, other_id, common in scored[:limit]]


RELATIONS = ("parent", "children", "target_groups", "same_groups", "endnotes", "cited_by")


def xref_rows(connections: dict[str, Any]) -> list[dict[str, Any]]:
    """The connections of `xref` as rows: one per connected record, with its relation."""
    rows = []
    for relation in RELATIONS:
        items = connections[relation]
        for item in ([items] if relation == "parent" and items else
                     [] if relation == "parent" else items):
            rows.append({"relation": relation, **item})
    rows += [{"relation": "shared_terms", "id": item["id"], "terms": item["terms"]}
             for item in connections["shared_terms"]]
    return rows
