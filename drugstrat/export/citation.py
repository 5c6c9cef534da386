"""A ready citation of a record, in the document's own words for its parts: "specific objective
3.10" in English, "specifieke doelstelling 3.10" in Dutch, with the title, publisher, year and
the publisher's address from the document; as a line of text, as Markdown, or as a
bibliographic entry of the document (BibTeX, CSL-JSON) with the passage as its note.

Paragraph and item numbers are counted in the cited edition's own text: where the Dutch
translator merged two paragraphs, the Dutch paragraph after them is one lower than the English.
A record an edition does not have is no citation of that edition (`MissingVersion`), unless the
caller accepts another edition's text, which the citation then names ("Engelse versie").
"""

from __future__ import annotations

import json
import re
from dataclasses import asdict, dataclass
from typing import Any

from drugstrat.kb.passages import covering, place
from drugstrat.kb.store import KB
from drugstrat.languages import Language, language

# The title page's records, by their documented ids.
TITLE, PERIOD, PUBLISHER, DATE = "title", "period", "publisher", "date"
STYLES = ("plain", "md", "bibtex", "csl")


class MissingVersion(Exception):
    """The record has no version in the language asked for: `near` are that edition's records
    holding its text (the one it was merged into) or standing beside it; `others` the
    languages that have it."""

    def __init__(self, record_id: str, lang: str, near: list[str], others: list[str]) -> None:
        self.record_id = record_id
        self.lang = lang
        self.near = near
        self.others = others
        super().__init__(f"{record_id} has no {lang} version")


@dataclass
class Citation:
    id: str
    lang: str  # the language the citation is written in
    edition: str  # the language version whose text is quoted and whose numbers are counted
    label: str  # the passage, in the language's words: "specific objective 3.10"
    title: str
    period: str
    publisher: str
    year: str
    date: str  # ISO 8601, as precise as the title page ("2026-03"), or ""
    url: str  # the publisher's address where the document names one, or ""
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
        """The citation as one line: publisher (year). Title period, passage. Address."""
        opening, closing = language(self.lang).quotes
        address = f" {self.url}" if self.url else ""
        quoted = f" {opening}{self.text}{closing}" if quote else ""
        return f"{self.source()}, {self.label}.{address}{quoted}"

    def markdown(self, quote: bool = False) -> str:
        """The citation in Markdown, the title in italics and the address a link; with
        `quote`, the text as a block quote the citation closes."""
        from drugstrat.export.reading import escape_markdown as esc

        head = f"{esc(self.publisher)} ({self.year}). " if self.publisher and self.year else (
            f"{esc(self.publisher)}. " if self.publisher else "")
        cited = f"{head}*{esc(self.work())}*, {esc(self.label)}."
        if self.url:
            cited += f" <{self.url}>"
        if not quote:
            return cited
        return f"> {esc(' '.join(self.text.split()))}\n>\n> — {cited}"

    def key(self) -> str:
        """A bibliography key: the publisher's initials and the year (`GDPC2026`)."""
        initials = "".join(w[0] for w in re.findall(r"\w+", self.publisher) if w[0].isupper())
        return f"{initials or 'doc'}{self.year}"

    def bibtex(self) -> str:
        """A BibTeX entry for the document (a report), the passage as its note."""
        fields = [("author", f"{{{_bib(self.publisher)}}}"),
                  ("title", f"{{{_bib(self.work())}}}"),
                  ("institution", _bib(self.publisher)), ("year", self.year)]
        # biblatex, biber and pandoc read the full date (ISO 8601: no month names of any
        # language); BibTeX itself, the year.
        if "-" in self.date:
            fields.append(("date", self.date))
        entry = [f"@techreport{{{self.key()},"]
        entry += [f"  {name} = {{{value}}}," for name, value in fields if value]
        if self.url:
            entry.append(f"  url = {{{_bib(self.url)}}},")
        entry.append(f"  note = {{{_bib(self.label)}}},")
        return "\n".join(entry) + "\n}"

    def csl(self) -> dict[str, Any]:
        """A CSL-JSON item for the document (a report), the passage as its note: what Zotero,
        pandoc and citeproc read."""
        item: dict[str, Any] = {"id": self.key(), "type": "report", "title": self.work(),
                                "language": self.lang}
        if self.publisher:
            item["author"] = [{"literal": self.publisher}]
            item["publisher"] = self.publisher
        parts = [int(p) for p in self.date.split("-") if p] if self.date else (
            [int(self.year)] if self.year else [])
        if parts:
            item["issued"] = {"date-parts": [parts]}
        if self.url:
            item["URL"] = self.url
        item["note"] = self.label
        return item

    def styled(self, style: str, quote: bool = False) -> str:
        """The citation in one of `STYLES`, as text to print."""
        if style == "md":
            return self.markdown(quote)
        if style == "bibtex":
            return self.bibtex()
        if style == "csl":
            return json.dumps([self.csl()], ensure_ascii=False, indent=2)
        return self.line(quote)

    def to_dict(self) -> dict[str, Any]:
        return {**asdict(self), "citation": self.line()}


def cite(kb: KB, record_id: str, lang: str, fallback: bool = False) -> Citation:
    """The citation of a record in `lang`'s edition. A record that edition lacks raises
    `MissingVersion`, unless `fallback`: then the first language having it is quoted and
    counted, and the citation names that version (a record no edition has is cited without
    a text)."""
    versions = kb.get(record_id)
    edition = lang
    if lang not in versions:
        others = [code for code in kb.langs if code in versions]
        if not fallback:
            raise MissingVersion(record_id, lang, covering(kb, record_id, lang), others)
        edition = others[0] if others else lang
    table = language(lang)

    def text_of(key: str) -> str:
        record = kb.get(key).get(lang)
        return " ".join(record["text"].split()) if record else ""

    date = text_of(DATE)
    period = text_of(PERIOD)
    year = next(iter(re.findall(r"\b(?:19|20)\d\d\b", date or period)), "")
    named = label(kb, record_id, table, edition)
    if edition != lang:
        named += f" ({table.edition_names.get(edition, edition)})"
    publisher = _as_written(kb, table, text_of(PUBLISHER))
    return Citation(record_id, lang, edition, named,
                    _as_written(kb, table, text_of(TITLE)), period.replace(" - ", "–"),
                    publisher, year, _iso_date(date, table) or year,
                    publisher_address(kb, lang, publisher),
                    versions[edition]["text"] if edition in versions else "")


def label(kb: KB, record_id: str, table: Language, edition: str | None = None) -> str:
    """How the document would refer to the record in running text: in `table`'s words, its
    paragraph and item counted in `edition` (by default the table's own language)."""
    edition = edition or table.code
    versions = kb.get(record_id)
    record = versions.get(table.code) or versions.get(edition) or kb.record(record_id)
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
    where = label(kb, parent, table, edition) if parent else ""
    spot = place(kb, record_id, edition)
    if kind == "paragraph" and spot.paragraph:
        return f"{where}, {words.get('paragraph', 'paragraph')} {spot.paragraph}".lstrip(", ")
    if kind == "list_item" and spot.item:
        return (f"{where}, {words.get('list', 'list')} {spot.list}, "
                f"{words.get('item', 'item')} {spot.item}").lstrip(", ")
    return where or record_id


def publisher_address(kb: KB, lang: str, publisher: str) -> str:
    """The web address the edition gives where it names its publisher; else the first it
    gives at all; "" for none."""
    named = re.compile(r"\s+".join(re.escape(w) for w in publisher.split()), re.IGNORECASE) \
        if publisher else None
    from drugstrat.text.urls import web_addresses

    first = ""
    for record in kb.records(lang):
        found = web_addresses(record["text"])
        if not found:
            continue
        if named is not None and named.search(record["text"]):
            return found[0]
        first = first or found[0]
    return first


def _iso_date(text: str, table: Language) -> str:
    """A title page's date ("2 March 2026", "maart 2026") as ISO 8601 ("2026-03-02",
    "2026-03"); "" where it names no month of the language."""
    months = {name.casefold(): n for n, name in enumerate(table.months, start=1)}
    found = re.search(r"(?:(\d{1,2})\.?\s+)?(\w+)\s+((?:19|20)\d\d)\b", text)
    if not found or found.group(2).casefold() not in months:
        return ""
    day, month, year = found.group(1), months[found.group(2).casefold()], found.group(3)
    return f"{year}-{month:02d}" + (f"-{int(day):02d}" if day else "")


def _bib(text: str) -> str:
    """A value as BibTeX reads it literally: its special characters escaped."""
    out = text.replace("\\", r"\textbackslash{}")
    for ch in "{}&%$#_":
        out = out.replace(ch, "\\" + ch)
    return out.replace("~", r"\textasciitilde{}").replace("^", r"\textasciicircum{}")


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
