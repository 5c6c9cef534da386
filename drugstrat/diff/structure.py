"""Structure: what a segment-pair checker cannot see. Missing and merged records, order,
paragraph and list counts per objective or section."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterator

from drugstrat.diff.model import Document, Finding, Severity, check, excerpt
from drugstrat.record import Record

# Derived records: a difference in them shows up, with better evidence, in the record they
# come from (the enumerations check names the groups).
DERIVED = {"target_group"}


@check("missing", Severity.error, "a record present in one language only")
def missing(doc: Document) -> Iterator[Finding]:
    merged_into = _merged_into(doc)
    for lang, records in doc.only.items():
        other = doc.other(lang)
        alone = {r["id"] for r in records}
        # A part missing with the whole it belongs to is that whole's finding: an edition that
        # leaves out a strategic objective misses one thing, not its thirty records.
        within: dict[str, int] = {}
        for record in records:
            top = _topmost_missing(record, alone, {r["id"]: r for r in records})
            if top != record["id"]:
                within[top] = within.get(top, 0) + 1
        for record in records:
            if record["type"] in DERIVED or record["id"] in merged_into.get(lang, {}):
                continue
            if record.get("continues") or record.get("parent") in alone:
                continue  # a split is reported by `merged`; a part, with its whole
            if record.get("cited_by") and all(i in alone for i in record["cited_by"]):
                continue  # an endnote of a part left out goes with that part
            context = _context(doc, other, record)
            parts = within.get(record["id"], 0)
            yield Finding(
                record["id"], record["type"], "missing", Severity.error,
                f"{record['type'].replace('_', ' ')} {record['id']} is in {lang} only"
                + (f", with the {parts} record(s) under it" if parts else ""),
                {lang: excerpt(record["text"], width=160), other: context},
                key=record["text"][:40], spans={lang: [(0, len(record["text"]))]},
            )


def _topmost_missing(record: Record, alone: set[str], by_id: dict[str, Record]) -> str:
    """The farthest ancestor of a record that is missing with it (the record itself if its
    parent is there)."""
    current, seen = record, {record["id"]}
    while (parent := current.get("parent")) in alone and parent not in seen:
        seen.add(parent)
        current = by_id[parent]
    return current["id"]


@check("merged", Severity.warning, "paragraphs or items merged or split by the translation")
def merged(doc: Document) -> Iterator[Finding]:
    by_id = {lang: {r["id"]: r for r in records} for lang, records in doc.versions.items()}
    for lang, records in doc.versions.items():
        other = doc.other(lang)
        for record in records:
            if merges := record.get("merges"):
                parts = [by_id[other][i] for i in merges if i in by_id[other]]
                yield Finding(
                    record["id"], record["type"], "merged", Severity.warning,
                    f"{lang} has {', '.join(merges)} of {other} as one "
                    f"{record['type'].replace('_', ' ')}",
                    {lang: excerpt(record["text"], width=160),
                     other: " ‖ ".join(excerpt(p["text"], width=80) for p in parts)},
                    key=",".join(merges),
                )
            if continues := record.get("continues"):
                head = by_id[lang].get(continues)
                twin = by_id[other].get(continues)
                yield Finding(
                    continues, record["type"], "merged", Severity.warning,
                    f"{lang} splits {continues} in two ({record['id']} continues it)",
                    {lang: " ‖ ".join(excerpt(r["text"], width=80) for r in (head, record) if r),
                     other: excerpt(twin["text"], width=160) if twin else ""},
                    key=record["id"],
                )


@check("order", Severity.warning, "aligned records in a different order")
def order(doc: Document) -> Iterator[Finding]:
    reference, other = doc.langs
    position = {r["id"]: i for i, r in enumerate(doc.versions[reference])}
    their_order = [r for r in doc.versions[other] if r["id"] in position]
    keep = _longest_increasing([position[r["id"]] for r in their_order])
    for index, record in enumerate(their_order):
        if index in keep:
            continue
        before = their_order[index - 1]["id"] if index else "the start"
        yield Finding(
            record["id"], record["type"], "order", Severity.warning,
            f"{record['id']} comes after {before} in {other}, elsewhere in {reference}",
            {reference: excerpt(doc.versions[reference][position[record["id"]]]["text"]),
             other: excerpt(record["text"])}, key=before,
        )


@check("paragraph-count", Severity.warning, "a section or objective with a different number "
                                            "of paragraphs")
def paragraph_count(doc: Document) -> Iterator[Finding]:
    # Title-page paragraphs have no parent: nothing to count them under.
    a, b = doc.langs
    counts = {lang: Counter(r.get("parent") for r in records
                            if r["type"] == "paragraph" and r.get("parent"))
              for lang, records in doc.versions.items()}
    by_id = {pair.id: pair for pair in doc.pairs}
    for parent in sorted(set(counts[a]) | set(counts[b]), key=_document_order(doc)):
        if parent is None:
            continue
        n, m = counts[a][parent], counts[b][parent]
        if n != m and parent in by_id:
            yield Finding(
                parent, by_id[parent].type, "paragraph-count", Severity.warning,
                f"{parent} has {n} paragraph(s) in {a} and {m} in {b}",
                {a: f"{n} paragraphs", b: f"{m} paragraphs"}, key=f"{n}/{m}",
            )


@check("list-count", Severity.warning, "a bullet list with a different number of items")
def list_count(doc: Document) -> Iterator[Finding]:
    def lists(records: list[Record]) -> Counter[tuple[str, str]]:
        # Items are counted by where they stand (their parent) and what they are, not by the
        # list holding them: two versions laying the same items out as one list or as two
        # say the same.
        return Counter((r.get("parent") or "", r["type"]) for r in records
                       if r["type"] in ("list_item", "scope_item", "mission_aim",
                                        "mission_means", "signatory"))

    a, b = doc.langs
    counts = {lang: lists(doc.versions[lang]) for lang in doc.langs}
    paired = {pair.id for pair in doc.pairs}
    for key in sorted(set(counts[a]) | set(counts[b])):
        n, m = counts[a][key], counts[b][key]
        parent, kind = key
        # A section missing from one version is `missing`'s finding, its lists with it.
        if n != m and (not parent or parent in paired):
            what = "list items" if kind == "list_item" else f"{kind.replace('_', ' ')}s"
            yield Finding(
                parent or kind, "list", "list-count", Severity.warning,
                f"{parent or 'the document'} has {n} {what} in {a} and {m} in {b}",
                {a: f"{n} items", b: f"{m} items"}, key=f"{parent}/{kind}",
            )


def _merged_into(doc: Document) -> dict[str, set[str]]:
    """Per language, the ids the other language merged into one of its records."""
    out: dict[str, set[str]] = {lang: set() for lang in doc.langs}
    for lang, records in doc.versions.items():
        other = doc.other(lang)
        for record in records:
            out[other].update(i for i in record.get("merges", ()) if i != record["id"])
    return out


def _context(doc: Document, lang: str, missing_record: Record) -> str:
    """What the other language has where the missing record would be."""
    ids = [r["id"] for r in doc.versions[missing_record["lang"]]]
    index = ids.index(missing_record["id"])
    others = {r["id"]: r for r in doc.versions[lang]}
    for previous in reversed(ids[:index]):
        if previous in others:
            return f"(absent; after {previous}: {excerpt(others[previous]['text'], width=80)})"
    return "(absent)"


def _document_order(doc: Document) -> Callable[[str | None], int]:
    position = {r["id"]: i for i, r in enumerate(doc.versions[doc.langs[0]])}
    return lambda record_id: position.get(record_id or "", len(position))


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
