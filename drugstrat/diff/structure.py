"""Structure: what a segment-pair checker cannot see. Missing and merged records, order,
paragraph and list counts per objective or section."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

from drugstrat.diff.model import Document, Finding, Severity, check, excerpt

# Derived records: a difference in them shows up, with better evidence, in the record they
# come from (the enumerations check names the groups).
DERIVED = {"target_group"}


@check("missing", Severity.error, "a record present in one language only")
def missing(doc: Document) -> Iterator[Finding]:
    merged_into = _merged_into(doc)
    for lang, records in doc.only.items():
        other = "nl" if lang == "en" else "en"
        for record in records:
            if record["type"] in DERIVED or record["id"] in merged_into.get(lang, {}):
                continue
            if record.get("continues"):
                continue  # reported by `merged` as a split
            context = _context(doc, other, record)
            evidence = {lang: excerpt(record["text"], width=160), other: context}
            yield Finding(
                record["id"], record["type"], "missing", Severity.error,
                f"{record['type'].replace('_', ' ')} {record['id']} is in {lang} only",
                evidence.get("en", ""), evidence.get("nl", ""), key=record["text"][:40],
                spans={lang: [(0, len(record["text"]))]},
            )


@check("merged", Severity.warning, "paragraphs or items merged or split by the translation")
def merged(doc: Document) -> Iterator[Finding]:
    by_id = {lang: {r["id"]: r for r in records} for lang, records in doc.versions.items()}
    for lang, records in doc.versions.items():
        other = "nl" if lang == "en" else "en"
        for record in records:
            if record.get("merges"):
                parts = [by_id[other][i] for i in record["merges"] if i in by_id[other]]
                evidence = {lang: excerpt(record["text"], width=160),
                            other: " ‖ ".join(excerpt(p["text"], width=80) for p in parts)}
                yield Finding(
                    record["id"], record["type"], "merged", Severity.warning,
                    f"{lang} has {', '.join(record['merges'])} of {other} as one "
                    f"{record['type'].replace('_', ' ')}",
                    evidence.get("en", ""), evidence.get("nl", ""), key=",".join(record["merges"]),
                )
            if record.get("continues"):
                head = by_id[lang].get(record["continues"])
                twin = by_id[other].get(record["continues"])
                evidence = {lang: " ‖ ".join(excerpt(r["text"], width=80)
                                             for r in (head, record) if r),
                            other: excerpt(twin["text"], width=160) if twin else ""}
                yield Finding(
                    record["continues"], record["type"], "merged", Severity.warning,
                    f"{lang} splits {record['continues']} in two ({record['id']} continues it)",
                    evidence.get("en", ""), evidence.get("nl", ""), key=record["id"],
                )


@check("order", Severity.warning, "aligned records in a different order")
def order(doc: Document) -> Iterator[Finding]:
    en_ids = [r["id"] for r in doc.versions["en"]]
    position = {record_id: i for i, record_id in enumerate(en_ids)}
    nl_order = [r for r in doc.versions["nl"] if r["id"] in position]
    keep = _longest_increasing([position[r["id"]] for r in nl_order])
    for index, record in enumerate(nl_order):
        if index in keep:
            continue
        before = nl_order[index - 1]["id"] if index else "the start"
        yield Finding(
            record["id"], record["type"], "order", Severity.warning,
            f"{record['id']} comes after {before} in nl, elsewhere in en",
            excerpt(doc.versions["en"][position[record["id"]]]["text"]),
            excerpt(record["text"]), key=before,
        )


@check("paragraph-count", Severity.warning, "a section or objective with a different number "
                                            "of paragraphs")
def paragraph_count(doc: Document) -> Iterator[Finding]:
    # Title-page paragraphs have no parent: nothing to count them under.
    counts = {lang: Counter(r["parent"] for r in records
                            if r["type"] == "paragraph" and r.get("parent"))
              for lang, records in doc.versions.items()}
    by_id = {pair.id: pair for pair in doc.pairs}
    for parent in sorted(set(counts["en"]) | set(counts["nl"]), key=_document_order(doc)):
        en, nl = counts["en"][parent], counts["nl"][parent]
        if en != nl and parent in by_id:
            yield Finding(
                parent, by_id[parent].type, "paragraph-count", Severity.warning,
                f"{parent} has {en} paragraph(s) in en and {nl} in nl",
                f"{en} paragraphs", f"{nl} paragraphs", key=f"{en}/{nl}",
            )


@check("list-count", Severity.warning, "a bullet list with a different number of items")
def list_count(doc: Document) -> Iterator[Finding]:
    def lists(records: list[dict]) -> Counter[tuple[str, str]]:
        # A list is identified by its id (list items) or by its parent and role (scope items,
        # the mission's aims and means, signatories).
        return Counter(
            (r.get("in_list") or f"{r.get('parent')}/{r['type']}", r.get("parent") or "")
            for r in records
            if r["type"] in ("list_item", "scope_item", "mission_aim", "mission_means",
                             "signatory")
        )

    en, nl = lists(doc.versions["en"]), lists(doc.versions["nl"])
    for key in sorted(set(en) | set(nl)):
        if en[key] != nl[key]:
            name, parent = key
            yield Finding(
                parent or name, "list", "list-count", Severity.warning,
                f"list {name} has {en[key]} item(s) in en and {nl[key]} in nl",
                f"{en[key]} items", f"{nl[key]} items", key=name,
            )


def _merged_into(doc: Document) -> dict[str, set[str]]:
    """Per language, the ids the other language merged into one of its records."""
    out: dict[str, set[str]] = {"en": set(), "nl": set()}
    for lang, records in doc.versions.items():
        other = "nl" if lang == "en" else "en"
        for record in records:
            out[other].update(i for i in record.get("merges", ()) if i != record["id"])
    return out


def _context(doc: Document, lang: str, missing_record: dict) -> str:
    """What the other language has where the missing record would be."""
    ids = [r["id"] for r in doc.versions[missing_record["lang"]]]
    index = ids.index(missing_record["id"])
    others = {r["id"]: r for r in doc.versions[lang]}
    for previous in reversed(ids[:index]):
        if previous in others:
            return f"(absent; after {previous}: {excerpt(others[previous]['text'], width=80)})"
    return "(absent)"


def _document_order(doc: Document):  # noqa: ANN202 - a sort key
    position = {r["id"]: i for i, r in enumerate(doc.versions["en"])}
    return lambda record_id: position.get(record_id, len(position))


def _longest_increasing(values: list[int]) -> set[int]:
    """Indices of one longest strictly increasing subsequence (patience sorting)."""
    import bisect

    tails: list[int] = []
    tail_index: list[int] = []
    parent: list[int] = [-1] * len(values)
    for i, value in enumerate(values):
        k = bisect.bisect_left(tails, value)
        if k == len(tails):
            tails.append(value)
            tail_index.append(i)
        else:
            tails[k] = value
            tail_index[k] = i
        parent[i] = tail_index[k - 1] if k else -1
    keep: set[int] = set()
    i = tail_index[-1] if tail_index else -1
    while i != -1:
        keep.add(i)
        i = parent[i]
    return keep
