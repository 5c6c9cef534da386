"""Pairing the language versions: records with the same id are translations of each other.

Ids come from the document's structure, so two versions with the same structure get the same ids
without any comparison of their words. Where a translator merged or split paragraphs, the counted
series are realigned by length; what one version has and the others lack is kept, marked
`aligned: false`, never dropped.
"""

from __future__ import annotations

from typing import TypedDict

from drugstrat import ids
from drugstrat.kb.lengths import Place, align_lengths, median_ratio
from drugstrat.parse import ParseResult
from drugstrat.record import Record
from drugstrat.terms.lexicon import Lexicon


class Problem(TypedDict):
    id: str
    lang: str
    line: int | None
    problem: str


def align(versions: dict[str, list[Record]]) -> dict[str, list[Record]]:
    """Mark every record of every language `aligned` when all other languages have its id."""
    ids = {lang: {record["id"] for record in records} for lang, records in versions.items()}
    for lang, records in versions.items():
        others = [ids[other] for other in ids if other != lang]
        for record in records:
            record["aligned"] = all(record["id"] in other for other in others)
    return versions


def regroup_lists(primary: ParseResult, other: ParseResult) -> None:
    """Give `other`'s list items the reference's ids where a container holds as many items in
    both versions but groups them into lists differently (a blank line, a page break or a
    paragraph of page furniture cut a list in two): items align by their place among the
    container's items, not by the layout of their lists."""
    mine, theirs = _items_by_container(primary.records), _items_by_container(other.records)
    renames: dict[str, str] = {}
    for parent, members in theirs.items():
        targets = mine.get(parent, [])
        if len(targets) != len(members) or [r.get("in_list") for r in targets] == [
                r.get("in_list") for r in members]:
            continue
        for target, member in zip(targets, members, strict=True):
            renames[member["id"]] = target["id"]
            member["in_list"] = target.get("in_list", "")
    if not renames:
        return
    _apply_renames(other.records, renames)
    other.series = {renames.get(record_id, record_id): (
        primary.series.get(renames[record_id], prefix) if record_id in renames else prefix)
        for record_id, prefix in other.series.items()}


def _items_by_container(records: list[Record]) -> dict[str, list[Record]]:
    out: dict[str, list[Record]] = {}
    for record in records:
        if record["type"] == "list_item":
            out.setdefault(record.get("parent", ""), []).append(record)
    return out


def realign(primary: ParseResult, other: ParseResult) -> None:
    """Renumber `other`'s counted series where its record count differs from `primary`'s.

    Paragraphs, list items, signatories … are numbered in text order, so a paragraph the
    translator merged or split shifts every id after it. Where the counts of a series differ,
    its records are aligned by length and `other`'s ids are rewritten to the ids of their
    counterparts: a record merging two of `primary` gets the first id and `merges: [both ids]`,
    one with no counterpart gets the id of the record it follows plus a letter (`SO2.p3a`).
    """
    mine = _series_members(primary)
    theirs = _series_members(other)
    uneven = {prefix for prefix, members in theirs.items()
              if prefix in mine and len(mine[prefix]) != len(members)}
    # The ratio over series whose counts agree, so the paragraphs being realigned cannot skew it.
    texts = {r["id"]: r["text"] for r in primary.records
             if primary.series.get(r["id"]) not in uneven}
    ratio = median_ratio((texts[r["id"]], r["text"]) for r in other.records
                         if other.series.get(r["id"]) not in uneven and r["id"] in texts)
    renames: dict[str, str] = {}
    merges: dict[str, list[str]] = {}  # new id -> the reference ids it covers
    continues: dict[str, str] = {}  # new id -> the id it continues
    following = (_following(primary), _following(other))
    for prefix in sorted(uneven):
        targets, members = mine[prefix], theirs[prefix]
        beads = align_lengths([len(r["text"]) for r in targets],
                              [len(r["text"]) for r in members], ratio,
                              (_places(following[0], targets), _places(following[1], members)))
        previous, letter = prefix + "0", 0
        for a_span, b_span in beads:
            if a_span and b_span:
                previous, letter = targets[a_span[0]]["id"], 0
                for k, b in enumerate(b_span):
                    renames[members[b]["id"]] = (previous if k == 0
                                                  else ids.inserted_after(previous, k))
                if len(a_span) > 1:
                    merges[previous] = [targets[a]["id"] for a in a_span]
                for k in range(1, len(b_span)):
                    continues[ids.inserted_after(previous, k)] = previous
                letter = len(b_span) - 1
            elif b_span:
                letter += 1
                renames[members[b_span[0]]["id"]] = ids.inserted_after(previous, letter)
    if renames:
        _apply_renames(other.records, renames)
    for record in other.records:
        if record["id"] in merges:
            record["merges"] = merges[record["id"]]
        if record["id"] in continues:
            record["continues"] = continues[record["id"]]


def _following(result: ParseResult) -> dict[str, str]:
    """Record id -> the type of the record after it (target groups aside)."""
    records = [r for r in result.records if r["type"] != "target_group"]
    return {record["id"]: after["type"]
            for record, after in zip(records, records[1:], strict=False)}


def _places(following: dict[str, str], members: list[Record]) -> list[Place]:
    """Where each member stands: its number if it has one (a contents entry's numeral), and the
    type of the record that follows it (a paragraph before the list of aims is followed by an
    aim in every language)."""
    return [Place(r.get("number"), following.get(r["id"])) for r in members]


def realign_groups(primary: list[Record], other: list[Record], lexicon: Lexicon) -> None:
    """Target groups are numbered within the record naming them; where two languages name a
    different number, pair them by meaning — through the lexicon and the glossary — with
    spelling as a tie-break ("journalists"/"journalisten", "LGBTQIA+"), so that one added name
    does not shift the rest."""
    def by_parent(records: list[Record]) -> dict[str, list[Record]]:
        out: dict[str, list[Record]] = {}
        for record in records:
            if record["type"] == "target_group":
                out.setdefault(record.get("parent", ""), []).append(record)
        return out

    mine, theirs = by_parent(primary), by_parent(other)
    renames: dict[str, str] = {}
    for parent, members in theirs.items():
        targets = mine.get(parent)
        if not targets or len(targets) == len(members):
            continue
        pairs = _align_names([r["text"] for r in targets], [r["text"] for r in members],
                             lexicon)
        previous, extra = ids.group(parent, 0), 0
        for a, b in pairs:
            if a is not None:
                previous, extra = targets[a]["id"], 0
                if b is not None:
                    renames[members[b]["id"]] = previous
            elif b is not None:
                extra += 1
                renames[members[b]["id"]] = ids.inserted_after(previous, extra)
    for record in other:
        if record["id"] in renames:
            record["id"] = renames[record["id"]]


SKIP_NAME = 0.6  # cost of leaving a name without counterpart, against 1 - similarity


def name_similarity(a: str, b: str, lexicon: Lexicon) -> float:
    """How alike two names are, 0 to 1: the share of their words that translate each other (the
    lexicon's links), or, when that says less, their spelling."""
    from rapidfuzz import fuzz

    from drugstrat.languages import language
    from drugstrat.terms.links import link
    from drugstrat.terms.tokens import tokenize
    from drugstrat.text.fold import fold

    (la, lb), compounds = lexicon.langs, lexicon.compounds
    mine = tokenize(a, language(la), compounds.get(la))
    theirs = tokenize(b, language(lb), compounds.get(lb))
    words = max(sum(t.content for t in mine), sum(t.content for t in theirs), 1)
    links = link(mine, theirs, lexicon)
    meaning = sum(p.score for p in links.pairs) / words
    return max(min(meaning, 1.0), 0.9 * fuzz.ratio(fold(a), fold(b)) / 100)


def _align_names(a: list[str], b: list[str],
                 lexicon: Lexicon) -> list[tuple[int | None, int | None]]:
    """Monotonic alignment of two lists of names by similarity (edit-distance DP)."""
    n, m = len(a), len(b)
    cost = [[0.0] * (m + 1) for _ in range(n + 1)]
    move = [[(0, 0)] * (m + 1) for _ in range(n + 1)]
    for i in range(1, n + 1):
        cost[i][0], move[i][0] = i * SKIP_NAME, (1, 0)
    for j in range(1, m + 1):
        cost[0][j], move[0][j] = j * SKIP_NAME, (0, 1)
    for i in range(1, n + 1):
        for j in range(1, m + 1):
            pair = 1 - name_similarity(a[i - 1], b[j - 1], lexicon)
            cost[i][j], move[i][j] = min(
                (cost[i - 1][j - 1] + pair, (1, 1)),
                (cost[i - 1][j] + SKIP_NAME, (1, 0)),
                (cost[i][j - 1] + SKIP_NAME, (0, 1)),
            )
    pairs: list[tuple[int | None, int | None]] = []
    i, j = n, m
    while i or j:
        di, dj = move[i][j]
        pairs.append((i - 1 if di else None, j - 1 if dj else None))
        i, j = i - di, j - dj
    pairs.reverse()
    return pairs


def _series_members(result: ParseResult) -> dict[str, list[Record]]:
    by_id = {record["id"]: record for record in result.records}
    members: dict[str, list[Record]] = {}
    for record_id, prefix in result.series.items():
        if record_id in by_id:
            members.setdefault(prefix, []).append(by_id[record_id])
    return members


def _apply_renames(records: list[Record], renames: dict[str, str]) -> None:
    def new(record_id: str) -> str:
        if record_id in renames:
            return renames[record_id]
        # Children carry their parent's id as a prefix (SO2.p3.g1): they move with it.
        for head in ids.parent_prefixes(record_id):
            if head in renames:
                return renames[head] + record_id[len(head):]
        return record_id

    for record in records:
        record["id"] = new(record["id"])
        if "parent" in record:
            record["parent"] = new(record["parent"])
        if "cited_by" in record:
            record["cited_by"] = [new(i) for i in record["cited_by"]]


def alignment_problems(versions: dict[str, list[Record]]) -> list[Problem]:
    """What keeps the versions from lining up: unpaired records, and pairs that disagree on
    their type or parent (the same id naming different things)."""
    problems: list[Problem] = []
    by_id = {lang: {r["id"]: r for r in records} for lang, records in versions.items()}
    langs = list(versions)
    for index, lang in enumerate(langs):
        for record in versions[lang]:
            for other in langs:
                if other == lang:
                    continue
                twin = by_id[other].get(record["id"])
                if twin is None:
                    problems.append(_problem(record, _unpaired(record, other, by_id[other])))
                elif langs.index(other) > index and twin["type"] != record["type"]:
                    problems.append(_problem(
                        record, f"type {record['type']} here but {twin['type']} in {other}"))
                elif langs.index(other) > index and twin.get("parent") != record.get("parent"):
                    problems.append(_problem(
                        record, f"parent {record.get('parent')} here but {twin.get('parent')} "
                                f"in {other}"))
    return problems


def _unpaired(record: Record, other: str, theirs: dict[str, Record]) -> str:
    for twin in theirs.values():
        if record["id"] in twin.get("merges", ()):
            return f"merged into {twin['id']} in {other}"
    if "continues" in record:
        return f"continues {record['continues']}: the {other} version has it in one record"
    return f"no {other} record with this id"


def _problem(record: Record, message: str) -> Problem:
    return Problem(id=record["id"], lang=record["lang"], line=record.get("line"),
                   problem=message)
