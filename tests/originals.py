"""A translator's original made from a published text, as the translator would have it: a Word
file (python-docx) with a paragraph a line, list bullets and objective numbers as list
formatting and bold and italics as runs. Written here without the tool's own parser, so that
what the TMX is measured against is not the TMX's own reading of the text."""

from __future__ import annotations

import re
from pathlib import Path

BULLET = re.compile(r"^[-•*–]\s+")
NUMBER = re.compile(r"^(\d+)\.(\d+)\s+")  # a specific objective: "3.4 To promote …"
MARK = re.compile(r"\*\*(?P<bold>[^*]+?)\*\*|(?<![\w*])\*(?P<italic>[^*\s][^*]*?)\*(?![\w*])")


def word_original(text: str, path: Path) -> Path:
    """`text` as a .docx at `path`."""
    from docx import Document

    document = Document()
    lists: dict[str, int] = {}  # an objective's number prefix ("3") -> its numbering
    for line in text.splitlines():
        line = line.strip()
        if not line:
            continue
        bulleted = BULLET.match(line)
        line = line[bulleted.end():] if bulleted else line
        numbered = NUMBER.match(line)
        if numbered:
            line = line[numbered.end():]
            paragraph = document.add_paragraph(style="List Number")
            prefix, number = numbered.group(1), int(numbered.group(2))
            if prefix not in lists:
                lists[prefix] = _numbering(document, prefix, number)
            _numbered(paragraph, lists[prefix])
        else:
            paragraph = document.add_paragraph(style="List Bullet" if bulleted else None)
        _runs(paragraph, line)
    document.save(path)
    return path


def _runs(paragraph, line: str) -> None:
    at = 0
    for mark in MARK.finditer(line):
        if mark.start() > at:
            paragraph.add_run(line[at:mark.start()])
        run = paragraph.add_run(mark.group("bold") or mark.group("italic"))
        run.bold = mark.group("bold") is not None
        run.italic = mark.group("italic") is not None
        at = mark.end()
    if at < len(line):
        paragraph.add_run(line[at:])


def _numbering(document, prefix: str, start: int) -> int:
    """A list numbered "3.1", "3.2" … from `start`; returns its numId."""
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    numbering = document.part.numbering_part.element
    ids = [int(n) for n in numbering.xpath("./w:abstractNum/@w:abstractNumId")] or [0]
    abstract = max(ids) + 1
    numbering.insert(0, parse_xml(
        f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{abstract}"><w:lvl w:ilvl="0">'
        f'<w:start w:val="{start}"/><w:numFmt w:val="decimal"/>'
        f'<w:lvlText w:val="{prefix}.%1"/><w:lvlJc w:val="left"/></w:lvl></w:abstractNum>'))
    nums = [int(n) for n in numbering.xpath("./w:num/@w:numId")] or [0]
    num = max(nums) + 1
    numbering.append(parse_xml(f'<w:num {nsdecls("w")} w:numId="{num}">'
                               f'<w:abstractNumId w:val="{abstract}"/></w:num>'))
    return num


def _numbered(paragraph, num: int) -> None:
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    properties = paragraph._p.get_or_add_pPr()
    properties.append(parse_xml(f'<w:numPr {nsdecls("w")}><w:ilvl w:val="0"/>'
                                f'<w:numId w:val="{num}"/></w:numPr>'))
