"""A passage as running text to read, or to paste into a report or a mail: headings, paragraphs,
list items and objectives in document order, in one language or two (each record followed by
its translation), as plain text (a paragraph a line, no borders, no hard line breaks) or as
Markdown (headings, lists, bold and italic where the document has them)."""

from __future__ import annotations

from drugstrat.kb.store import KB
from drugstrat.languages import language
from drugstrat.record import Record

HEADINGS = {"section": 2, "strategic_objective": 3}
# Records the document sets as the items of a bulleted list.
ITEMS = ("list_item", "mission_aim", "mission_means", "scope_item")


def read(kb: KB, ids: list[str], langs: list[str], markdown: bool = False) -> str:
    blocks: list[str] = []
    reading = set(ids)
    last_list: tuple[str, str] | None = None  # the list the previous block's items are of
    previous = ""  # the type of the record read before
    for record_id in ids:
        found = kb.get(record_id)
        versions = [(lang, found[lang]) for lang in langs if lang in found]
        if not versions:
            continue
        two = len(versions) > 1
        first = versions[0][1]
        kind = first["type"]
        if kind == "specific_objective" and previous != kind and first.get("parent") in reading:
            # The label the document sets before an objective's specific objectives.
            count = sum(kb.type_of(i) == kind for i in kb.children(first.get("parent", "")))
            blocks.append(_labels(versions, count, markdown))
            last_list = None
        previous = kind
        rendered = [_block(record, lang, markdown, tagged=two) for lang, record in versions]
        item = kind in ITEMS
        its_list = (kind, first.get("in_list") or first.get("parent", ""))
        # A list's items stay together, line after line; anything else is a block of its own.
        if item and not two and blocks and last_list == its_list:
            blocks[-1] += "\n" + rendered[0]
        else:
            blocks.append(("\n" if item else "\n\n").join(rendered))
        last_list = its_list if item else None
    return "\n\n".join(blocks) + ("\n" if blocks else "")


def _labels(versions: list[tuple[str, Record]], count: int, markdown: bool) -> str:
    """"Specific objectives:" in each language read (the singular before a lone one)."""
    lines = []
    for lang, _ in versions:
        table = language(lang)
        names = table.specific_objectives_labels
        name = names[1] if count == 1 and len(names) > 1 else names[0]
        text = f"{name}{table.colon}"
        text = f"*{escape_markdown(text)}*" if markdown else text
        lines.append(text if len(versions) == 1 else
                     (f"{text} *({lang})*" if markdown else f"[{lang}] {text}"))
    return "\n\n".join(lines)


def _block(record: Record, lang: str, markdown: bool, tagged: bool) -> str:
    """A record as a paragraph (or heading, or list item); with two languages, each says its
    language: `[nl] …` in text, `… *(nl)*` in Markdown."""
    table = language(lang)
    text = _emphasised(record) if markdown else " ".join(record["text"].split())
    kind = record["type"]
    number = record.get("number", "")
    if kind in HEADINGS:
        label = f"{table.objective_labels[0]} {number} – " if number and \
            kind == "strategic_objective" else ""
        body = f"{label}{text}"
        if not markdown and kind == "section":
            body = body.upper()
    elif kind == "specific_objective":
        body = f"**{number}** {text}" if markdown else f"{number} {text}"
    elif kind == "endnote":
        body = f"{number}. {text}"
    else:
        body = text
    if tagged and markdown:
        body += f" *({lang})*"
    elif tagged:
        body = f"[{lang}] {body}"
    if kind in HEADINGS and markdown:
        return f"{'#' * HEADINGS[kind]} {body}"
    return f"{_bullet(markdown)}{body}" if kind in ITEMS else body


def _bullet(markdown: bool) -> str:
    return "- " if markdown else "• "


def _emphasised(record: Record) -> str:
    """The text with its bold and italic spans in Markdown, Markdown's own marks escaped."""
    text = record["text"]
    marks = sorted(record.get("emphasis", ()), key=lambda s: s["start"])
    out, last = [], 0
    for span in marks:
        if span["start"] < last:
            continue  # overlapping spans: the first wins
        marker = "**" if span["kind"] == "bold" else "*"
        out += [escape_markdown(text[last:span["start"]]), marker,
                escape_markdown(text[span["start"]:span["end"]]), marker]
        last = span["end"]
    out.append(escape_markdown(text[last:]))
    return " ".join("".join(out).split())


def escape_markdown(text: str) -> str:
    """Text as Markdown shows it literally: its marks escaped."""
    for ch in "\\*_`[]":
        text = text.replace(ch, "\\" + ch)
    return text
