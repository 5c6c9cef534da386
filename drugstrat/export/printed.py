"""The document as printed: what a translator's original holds besides the records' text.

A translator's original is the published document, not a list of records. Made into a Word file
it has a paragraph a line, list bullets and objective numbers as list formatting; as plain text
its paragraphs end at an empty line (as a CAT tool's text filter reads them) and keep their
bullets and numbers as characters. Both carry what no record's text does: section headings
with their numerals (`II. SCOPE`), strategic objectives with their labels (`SO. 1 To promote…`),
the `Specific objectives:` labels, the contents with their numerals, title-page lines as laid
out, endnotes with their markers, objectives with their numbers.

This module reads each language's source text again and pairs its lines, and its paragraphs as
printed, across two languages through the records that start on them: a line belongs to the
record starting on it or above it in the same paragraph; a line no record starts (a label, a
numeral of the contents) is known by the record before it and its place after that record.
Where one language lays a record out over more lines than the other (a title set in four lines
against five), the lines pair by length, in order.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from drugstrat.errors import InputError
from drugstrat.export.pairs import segment_beads
from drugstrat.kb.lengths import align_lengths
from drugstrat.kb.store import KB
from drugstrat.parse.blocks import BULLET, LONE_BULLET
from drugstrat.parse.inline import strip_marks
from drugstrat.parse.labels import NUMBERED_OBJECTIVE

# Records that do not start a line of their own: they are found inside another's text.
DERIVED = {"target_group"}

Key = tuple[str, int]  # (the record a line belongs to or follows, 0 or its place after it)


@dataclass(frozen=True)
class Line:
    number: int  # 1-based, as the parser counts
    text: str  # as printed
    key: Key
    owner_type: str  # the type of the record the line belongs to or follows
    first: bool  # the first line of its record


@dataclass(frozen=True)
class PrintedPair:
    """A line (`kind` "line": a paragraph of a Word original) or a paragraph as printed
    (`kind` "block": a paragraph of the plain text) in two languages."""

    id: str  # the record it belongs to, or follows, and its place: "title~line2"
    record: str  # the record it belongs to or follows
    kind: str
    source: str
    target: str


def printed_pairs(kb: KB, langs: tuple[str, str], ratio: float,
                  sentences: bool = False) -> list[PrintedPair]:
    """The pairs of lines and of printed paragraphs of two languages' sources, in the source
    language's order — or, with `sentences`, of their segments as a CAT tool cuts them; none
    where the knowledge base keeps no source text. A pair is kept where its record (or the
    record it follows) is one `kb` holds, so a filtered export keeps the furniture of the part
    it holds."""
    layouts = []
    for lang in langs:
        lines = _lines(kb, lang)
        if lines is None:
            return []
        layouts.append(lines)
    mine, theirs = layouts
    held = set(kb.ids)
    found = [*_line_pairs(mine, theirs, ratio), *_block_pairs(mine, theirs, ratio)]
    if sentences:
        found = [*_line_segments(found, langs, ratio),
                 *_block_segments(mine, theirs, langs, ratio)]
    return [p for p in found if p.record in held]


def _source(kb: KB, lang: str) -> Path | None:
    from drugstrat.kb.build import recorded_sources

    try:
        return recorded_sources(kb.root).get(lang)
    except InputError:
        return None


def _lines(kb: KB, lang: str) -> list[Line | None] | None:
    """The source's lines in order, None for a blank one; None for no source at all."""
    from drugstrat.parse import read_source

    path = _source(kb, lang)
    if path is None:
        return None
    try:
        text = read_source(path)
    except InputError:
        return None
    starts: dict[int, tuple[str, str]] = {}
    for record in kb.versions.get(lang, ()):
        line = record.get("line")
        if line and record["type"] not in DERIVED:
            starts.setdefault(line, (record["id"], record["type"]))
    out: list[Line | None] = []
    owner: tuple[str, str] | None = None  # the record whose paragraph this is
    last: tuple[str, str] = ("", "")  # the last record seen
    loose = 0  # lines no record starts since `last`
    # Lines counted as the parser counts them (split at line feeds, a form feed no line).
    for number, raw in enumerate(text.split("\n"), start=1):
        raw = raw.replace("\f", "")
        if not raw.strip():
            out.append(None)
            owner = None
            continue
        if number in starts:
            owner = last = starts[number]
            loose = 0
            out.append(Line(number, raw.strip(), (owner[0], 0), owner[1], True))
        elif owner is not None:
            out.append(Line(number, raw.strip(), (owner[0], 0), owner[1], False))
        else:
            loose += 1
            out.append(Line(number, raw.strip(), (last[0], loose), last[1], False))
    return out


def _grouped(lines: list[Line | None]) -> dict[Key, list[Line]]:
    groups: dict[Key, list[Line]] = {}
    for line in lines:
        if line is not None:
            groups.setdefault(line.key, []).append(line)
    return groups


def _as_formatted(line: Line) -> str:
    """A line as a Word original holds it: a list bullet, and a specific objective's number,
    are list formatting there, not text; bold and italics are formatting too."""
    if LONE_BULLET.match(line.text):
        return ""
    text = BULLET.sub("", line.text, count=1)
    objective = line.first and line.owner_type == "specific_objective" and not line.key[1]
    if objective and (numbered := NUMBERED_OBJECTIVE.match(text)):
        text = numbered.group(3)
    return strip_marks(text)[0].strip()


def _line_pairs(mine: list[Line | None], theirs: list[Line | None],
                ratio: float) -> Iterator[PrintedPair]:
    """Each line with its counterpart, as a paragraph-a-line original (a Word file) has it."""
    others = _grouped(theirs)
    for key, lines in _grouped(mine).items():
        if key not in others:
            continue
        a = [t for line in lines if (t := _as_formatted(line))]
        b = [t for line in others[key] if (t := _as_formatted(line))]
        for n, (source, target) in enumerate(_paired(a, b, ratio, " "), start=1):
            yield PrintedPair(_id(key, "line", n), key[0], "line", source, target)


def _block_pairs(mine: list[Line | None], theirs: list[Line | None],
                 ratio: float) -> Iterator[PrintedPair]:
    """Each printed paragraph (lines up to an empty one) with its counterpart holding the
    same records, as a plain-text original has it: bullets and numbers as characters, the
    line breaks kept."""
    others = {_signature(block): block for block in _blocks(theirs)}
    for block in _blocks(mine):
        other = others.get(_signature(block))
        if other is None:
            continue
        yield PrintedPair(_id(block[0].key, "block", 1), block[0].key[0], "block",
                          _printed(block), _printed(other))


def _line_segments(found: list[PrintedPair], langs: tuple[str, str],
                   ratio: float) -> Iterator[PrintedPair]:
    """The segments of each line pair, aligned."""
    for pair in found:
        if pair.kind != "line":
            continue
        beads = [b for b in segment_beads(pair.source, pair.target, langs, ratio)
                 if b[0] and b[1]]
        for n, (source, target) in enumerate(beads, start=1):
            yield PrintedPair(f"{pair.id}#{n}", pair.record, pair.kind, source, target)


def _block_segments(mine: list[Line | None], theirs: list[Line | None],
                    langs: tuple[str, str], ratio: float) -> Iterator[PrintedPair]:
    """The segments of the printed paragraphs, as a CAT tool cuts a text file: each knows the
    records whose lines it spans. Segments sharing a record, in either language, form a
    cluster; a cluster's segments align by length, and a bead is kept where both sides span
    the same records — so where one edition ends a sentence or a paragraph the other runs on,
    only the segments straddling the difference are lost, never paired wrongly."""
    sides = [[s for block in _blocks(lines) for s in _segmented(block, lang)]
             for lines, lang in ((mine, langs[0]), (theirs, langs[1]))]
    root: dict[Key, Key] = {}

    def find(key: Key) -> Key:
        while root.setdefault(key, key) != key:
            root[key] = root[root[key]]
            key = root[key]
        return key

    for signature, _ in (*sides[0], *sides[1]):
        for key in signature[1:]:
            root[find(key)] = find(signature[0])
    clusters: dict[Key, tuple[list[tuple[tuple[Key, ...], str]], ...]] = {}
    for side, segments in enumerate(sides):
        for segment in segments:
            clusters.setdefault(find(segment[0][0]), ([], []))[side].append(segment)
    for a, b in clusters.values():
        if not a or not b:
            continue
        beads = ([([i], [i]) for i in range(len(a))] if len(a) == len(b) else
                 align_lengths([len(s[1]) for s in a], [len(s[1]) for s in b], ratio))
        for n, (x, y) in enumerate(beads, start=1):
            spans_a = {key for i in x for key in a[i][0]}
            if not x or not y or spans_a != {key for j in y for key in b[j][0]}:
                continue
            first = a[x[0]][0][0]
            yield PrintedPair(_id(first, "block", n), first[0], "block",
                              " ".join(a[i][1] for i in x), " ".join(b[j][1] for j in y))


def _segmented(block: list[Line], lang: str) -> Iterator[tuple[tuple[Key, ...], str]]:
    """The block's segments, each with the keys of the lines it spans."""
    from drugstrat.languages import language
    from drugstrat.text.segments import segment_spans

    text = _printed(block)
    starts = []
    offset = 0
    for line in block:
        starts.append(offset)
        offset += len(strip_marks(line.text)[0]) + 1
    for start, end in segment_spans(text, language(lang)):
        keys = [line.key for line, at in zip(block, starts, strict=True)
                if at < end and start < at + len(strip_marks(line.text)[0]) + 1]
        yield tuple(dict.fromkeys(keys)), text[start:end]


def _printed(block: list[Line]) -> str:
    return "\n".join(strip_marks(line.text)[0] for line in block)


def _signature(block: list[Line]) -> tuple[Key, ...]:
    return tuple(dict.fromkeys(line.key for line in block))


def _blocks(lines: list[Line | None]) -> Iterator[list[Line]]:
    block: list[Line] = []
    for line in [*lines, None]:
        if line is not None:
            block.append(line)
        elif block:
            yield block
            block = []


def _paired(a: list[str], b: list[str], ratio: float, joint: str) -> list[tuple[str, str]]:
    """Two runs of texts paired in order: one to one where they are as many, else by length
    (1-1, 1-2, 2-1; a text left alone pairs with nothing)."""
    if not a or not b:
        return []
    if len(a) == len(b):
        return list(zip(a, b, strict=True))
    return [(joint.join(a[i] for i in x), joint.join(b[j] for j in y))
            for x, y in align_lengths([len(t) for t in a], [len(t) for t in b], ratio)
            if x and y]


def _id(key: Key, kind: str, n: int) -> str:
    record, after = key
    return f"{record}+{after}~{kind}{n}" if after else f"{record}~{kind}{n}"
