"""Lines → pieces: paragraphs and list items, whatever the wrapping and bullet style.

Text arrives hard-wrapped by pdftotext, with `•`, `*`, `–` or `-` bullets, or with one paragraph
per line. A blank line ends a paragraph; a bullet starts an item and the lines under it continue
it. Lines that open something new even without a blank line before them (a numbered objective,
a heading) are told by the `starts_piece` callback the parser supplies.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

BULLET = re.compile(r"^(\s*)([-•*–—▪◦●·‣])\s+(?=\S)")
# A bullet alone on its line, its text on the next (as PDF extraction often leaves it).
LONE_BULLET = re.compile(r"^(\s*)([•▪◦●·‣–*-])\s*$")


def page_number_pattern(labels: tuple[str, ...], of: tuple[str, ...]) -> re.Pattern[str]:
    """Page furniture PDF extraction leaves between paragraphs: "3", "- 3 -", "Page 3 of 12"
    (the words from the language table). Alone in its block, it is not text anybody wrote."""
    label = "|".join(re.escape(w) for w in labels)
    joint = "|".join(["/", *(re.escape(w) for w in of)])
    prefix = rf"(?:(?:{label})\s*)?" if labels else ""
    return re.compile(rf"^\s*(?:[-–]\s*)?{prefix}\d{{1,3}}(?:\s*(?:{joint})\s*\d{{1,4}})?"
                      r"(?:\s*[-–])?\s*$", re.IGNORECASE)


@dataclass
class Piece:
    kind: str  # "para" or "item"
    text: str
    line: int  # 1-based line of the piece's first line in the source


_HYPHENATED = re.compile(r"\w-$")


def join_lines(lines: list[str]) -> str:
    """Join hard-wrapped lines; a word hyphenated across a line break keeps its hyphen. Linear
    in the text: only the last two characters joined so far are looked at (a paragraph may be
    megabytes of short lines)."""
    parts: list[str] = []
    tail = ""  # the end of what is joined so far
    for line in lines:
        line = line.strip()
        if not tail:
            piece = line
        elif _HYPHENATED.search(tail) and line[:1].islower():
            piece = line  # "evidence-\ninformed" -> "evidence-informed"
        else:
            piece = " " + line
        parts.append(piece)
        tail = (tail + piece)[-2:]
    return "".join(parts)


def split_pieces(
    text: str,
    opens_piece: Callable[[str], bool],
    names_person: Callable[[str], bool],
    page_number: re.Pattern[str] | None = None,
) -> Iterator[Piece]:
    """Split a document into pieces, lazily: the callbacks may depend on what the caller has
    made of the pieces before (a numbered line opens a piece only inside the objectives).

    `opens_piece(line)`: the line begins a piece of its own even inside a block (a heading, a
    numbered objective whose bullet is missing). `names_person(line)`: the line starts with an
    honorific; in a block that starts so, every such line is its own piece (one person a line).
    `page_number`: what a line holding only page furniture looks like (see
    `page_number_pattern`); such a line alone in its block is dropped.
    """
    page_number = page_number or page_number_pattern((), ())
    current: list[str] = []
    kind = "para"
    first_line = 0
    names_block = False
    at_block_start = True
    pending_bullet = False
    item_bullet: tuple[int, str] | None = None  # indent and character of the current item
    lines = text.split("\n")

    for number, raw in enumerate(lines, start=1):
        line = raw.replace("\f", "").rstrip()
        if at_block_start and _alone_in_block(lines, number - 1) and page_number.match(line):
            continue
        if lone := LONE_BULLET.match(line):
            if current:
                yield Piece(kind, join_lines(current), first_line)
                current = []
            pending_bullet, at_block_start = True, False
            item_bullet = (len(lone.group(1)), lone.group(2))
            continue
        if pending_bullet and line.strip():
            pending_bullet = False
            kind, first_line, current = "item", number, [line]
            continue
        if not line.strip():
            if current:
                yield Piece(kind, join_lines(current), first_line)
                current = []
            at_block_start = True
            continue
        bullet = BULLET.match(line)
        if bullet and current and kind == "item" and not at_block_start and \
                _continues(item_bullet, bullet):
            bullet = None  # "… preventiemaatregelen en\n  – strategieën": a dash, not an item
        if at_block_start:
            names_block = not bullet and names_person(line)
        if bullet:
            if current:
                yield Piece(kind, join_lines(current), first_line)
            kind, first_line = "item", number
            item_bullet = (len(bullet.group(1)), bullet.group(2))
            current = [line[bullet.end():]]
        elif (
            at_block_start
            or opens_piece(line)
            or (names_block and names_person(line))
        ):
            if current:
                yield Piece(kind, join_lines(current), first_line)
            kind, first_line = "para", number
            current = [line]
        else:
            current.append(line)  # a wrapped continuation of the paragraph or item
        at_block_start = False
    if current:
        yield Piece(kind, join_lines(current), first_line)


def _continues(item_bullet: tuple[int, str] | None, bullet: re.Match[str]) -> bool:
    """Whether a line that starts like a bullet continues the current item instead: it is
    indented under the item's bullet, or it is a dash inside a list bulleted otherwise (a list
    does not change its bullet character halfway)."""
    if item_bullet is None:
        return False
    indent, char = item_bullet
    if len(bullet.group(1)) > indent:
        return True
    return bullet.group(2) in "-–—" and char not in "-–—"


def _alone_in_block(lines: list[str], index: int) -> bool:
    """Whether the line at `index` has blank lines (or the text's edges) on both sides."""
    before = index == 0 or not lines[index - 1].replace("\f", "").strip()
    after = index + 1 >= len(lines) or not lines[index + 1].replace("\f", "").strip()
    return before and after
