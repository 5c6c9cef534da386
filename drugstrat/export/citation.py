"""A ready citation of a record, in the document's own words for its parts: "specific objective
3.10" in English, "specifieke doelstelling 3.10" in Dutch, with the title, publisher and year
from the title page."""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass
from typing import Any

from drugstrat.kb.passages import place
from drugstrat.kb.store import KB
from drugstrat.languages import Language, language

# The title page's records, by their documented ids.
TITLE, PERIOD, PUBLISHER, DATE = "title", "period", "publisher", "date"


@dataclass
class Citation:
    id: str
    lang: str
    label: str  # the passage, in the language's words: "specific objective 3.10"
    title: str
    period: str
    publisher: str
    year: str
    text: str

    def work(self) -> str:
        """The document cited: its title and period."""
        return " ".join(part for part in (self.title, self.period) if part)

    def source(self) -> str:
        """The document with who published it and when: publisher (year). Title period."""
        head = f"{self.publisher} ({self.year}). " if self.publisher and self.year else (
            f"{self.publisher}. " if self.publisher else "")
        return f"{head}{self.work()}"

    def line(self, quote: bool = False) -> str:
        """The citation as one line: publisher (year). Title period, passage."""
        opening, closing = language(self.lang).quotes
        quoted = f" {opening}{self.text}{closing}" if quote else ""
        return f"{self.source()}, {self.label}.{quoted}"

    def to_dict(self) -> dict[str, Any]:
        return {**asdict(self), "citation": self.line()}


def cite(kb: KB, record_id: str, lang: str) -> Citation:
    table = language(lang)

    def text_of(key: str) -> str:
        record = kb.get(key).get(lang)
        return " ".join(record["text"].split()) if record else ""

    date = text_of(DATE)
    period = text_of(PERIOD)
    year = next(iter(re.findall(r"\b(?:19|20)\d\d\b", date or period)), "")
    record = kb.get(record_id).get(lang) or kb.record(record_id)
    return Citation(record_id, lang, label(kb, record_id, table),
                    _as_written(kb, table, text_of(TITLE)), period.replace(" - ", "–"),
                    _as_written(kb, table, text_of(PUBLISHER)), year,
                    record["text"] if record else "")


def _as_written(kb: KB, table: Language, text: str) -> str:
    """A title-page text (set in capitals) as the document's running text writes it, where
    it does; else in the language's title or sentence case."""
    if not text or text != text.upper():
        return text
    pattern = re.compile(r"\s+".join(re.escape(w) for w in text.split()), re.IGNORECASE)
    for record in kb.records(table.code):
        if record["type"] != "title_page" and (found := pattern.search(record["text"])):
            written = found.group()
            if written != written.upper():
                return written
    return _cased(text, table)


def label(kb: KB, record_id: str, table: Language) -> str:
    """How the document would refer to the record in running text."""
    record = kb.get(record_id).get(table.code) or kb.record(record_id)
    if record is None:
        return record_id
    words = table.citation_words
    kind = record["type"]
    number = record.get("number", "")
    if kind == "strategic_objective":
        return f"{table.strategic_objective_name} {number} ({table.objective_labels[0]} {number})"
    if kind == "specific_objective":
        return f"{table.specific_objective_name} {number}"
    if kind == "title_page":
        return words.get(record_id, record_id)
    if kind == "endnote":
        return f"{words.get('endnote', 'endnote')} {number}"
    if kind == "section":
        opening, closing = table.quotes
        title = _cased(record["text"], table)
        return f"{words.get('section', 'section')} {opening}{title}{closing}"
    parent = record.get("parent")
    where = label(kb, parent, table) if parent else ""
    spot = place(kb, record_id)
    if kind == "paragraph" and spot.paragraph:
        return f"{where}, {words.get('paragraph', 'paragraph')} {spot.paragraph}".lstrip(", ")
    if kind == "list_item" and spot.item:
        return (f"{where}, {words.get('list', 'list')} {spot.list}, "
                f"{words.get('item', 'item')} {spot.item}").lstrip(", ")
    return where or record_id


def _cased(text: str, table: Language) -> str:
    """A text set in capitals on the title page, as running text writes it: title case where
    the language uses it (small words lower), sentence case elsewhere."""
    if not text or text != text.upper():
        return text
    small = set(table.articles) | set(table.conjunctions) | set(table.stop_words)
    words = text.lower().split()
    if table.title_case:
        return " ".join(w if i and w in small else w[:1].upper() + w[1:]
                        for i, w in enumerate(words))
    return " ".join([words[0][:1].upper() + words[0][1:], *words[1:]])
