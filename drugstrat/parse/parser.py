"""One language version of a strategy → records, in document order.

The parser knows the genre (title page, foreword, numbered sections, strategic objectives with
numbered specific objectives, endnotes) and takes every word of the language from its table. It
knows nothing of the other languages: ids are derived from the structure alone (README, "Ids"),
which is what makes them line up across translations.

A malformed document parses into what it can; each oddity is a `ParseWarning` naming the line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from drugstrat import ids
from drugstrat.errors import InputError
from drugstrat.languages import Language
from drugstrat.parse.blocks import Piece, page_number_pattern, split_pieces
from drugstrat.parse.contents import ContentsReader
from drugstrat.parse.finish import check_numbering, link_endnotes
from drugstrat.parse.inline import strip_marks, superscript_to_int
from drugstrat.parse.labels import (
    ENDNOTE,
    MAX_HEADING,
    NUMBERED_OBJECTIVE,
    PERIOD,
    ROMAN,
    is_section_title,
    labels,
    person,
    roman_to_int,
    section_key,
)
from drugstrat.parse.sink import ParseWarning, RecordSink
from drugstrat.record import Record

# The bullet lists whose items are records of their own type, by the id prefix they take.
LIST_ROLES = ids.LIST_ROLE_SERIES
# Where the genre puts those lists: a section's lists take these roles in turn (the last one
# repeating), whatever their lead-ins say; the lead-in's cue words (the language table's
# `aims_cues`, `means_cues`) only tell which one where the order is not the genre's.
SECTION_LISTS = {"scope": ("scope_item",), "mission": ("mission_aim", "mission_means")}


@dataclass
class ParseResult:
    lang: str
    records: list[Record]
    warnings: list[ParseWarning] = field(default_factory=list)
    # Id -> prefix of the counted series it belongs to (see `RecordSink.series`).
    series: dict[str, str] = field(default_factory=dict)


def parse_text(text: str, lang: Language) -> ParseResult:
    """Parse one language version. Raises `InputError` only for a text with nothing in it."""
    if not text.strip():
        raise InputError("the text is empty")
    return DocumentParser(lang).run(text)


class DocumentParser:
    """Reads pieces in order, keeping where it is: the section, the strategic objective and the
    bullet list being read."""

    def __init__(self, lang: Language) -> None:
        self.lang = lang
        self.labels = labels(lang.code)
        self.sink = RecordSink(lang)
        self.contents = ContentsReader(self.sink)
        self.section: str | None = None  # key of the current section; None on the title page
        self.objective: Record | None = None  # the current strategic objective
        self.list_id: str | None = None  # id prefix of the list being read, if any
        self.list_role = "list_item"
        self.lead_in = ""  # the paragraph before the current list, for its cue words
        self.lead_in_line = 0
        self.roles_taken: list[str] = []  # the list roles the current section has given out

    def run(self, text: str) -> ParseResult:
        page_number = page_number_pattern(self.lang.page_labels, self.lang.page_of)
        for piece in split_pieces(text, self._opens_piece, self._names_person, page_number):
            self._piece(piece)
        link_endnotes(self.sink)
        check_numbering(self.sink)
        if self.section is None:
            self.sink.warn(1, "no section heading found: the whole text was read as a title page")
        return ParseResult(self.lang.code, self.sink.records, self.sink.warnings,
                           self.sink.series)

    def _opens_piece(self, line: str) -> bool:
        """Whether a line inside a block starts a piece of its own: a heading, or a numbered
        objective of the current strategic objective ("3.2 To …" under SO 3). A wrapped line
        that merely starts with a number ("2.5 million people …") continues its paragraph."""
        stripped = line.strip()
        if self.labels.objective.match(stripped):
            return True
        if self.section == "contents" and ROMAN.match(stripped):
            return True  # a table of contents set one entry a line, with no blank lines
        match = NUMBERED_OBJECTIVE.match(stripped)
        return bool(match and self.section == "objectives" and self.objective is not None
                    and match.group(1) == self.objective.get("number"))

    def _names_person(self, line: str) -> bool:
        return bool(self.labels.honorific.match(line.strip()))

    def _piece(self, piece: Piece) -> None:
        text = piece.text.strip()
        if piece.kind == "para" and self._heading(text, piece.line):
            return
        if self.section == "objectives" and (match := NUMBERED_OBJECTIVE.match(text)):
            self._specific_objective(match, piece.line)
        elif piece.kind == "item" or self._bulletless_item(text):
            self._item(text, piece.line)
        else:
            self._paragraph(text, piece.line)

    def _bulletless_item(self, text: str) -> bool:
        """Whether a paragraph is an item whose bullet the text lost (a Word or PDF export
        without list formatting): it follows a lead-in that ends in a colon, or an item read
        so, and reads as an item — it starts in lower case or ends in a semicolon."""
        follows = self.list_id is not None or self.lead_in.rstrip().endswith(":")
        bare = strip_marks(text)[0].strip()
        return follows and bool(bare) and self.section is not None and (
            bare[0].islower() or bare.endswith(";"))

    # -- headings ------------------------------------------------------------------------------

    def _heading(self, text: str, line: int) -> bool:
        bare = strip_marks(text)[0].strip()
        if self.section == "contents" and self.contents.read(bare, line):
            return True
        if (key := section_key(self.lang, bare)) and len(bare) < MAX_HEADING:
            self._start_section(key, None, bare, line)
            return True
        if (match := ROMAN.match(bare)) and is_section_title(match.group(2)):
            numeral, title = match.groups()
            key = section_key(self.lang, title) or f"s{roman_to_int(numeral)}"
            self._start_section(key, numeral, title, line)
            return True
        if match := self.labels.objective.match(bare):
            # The title keeps its emphasis when the label stands outside the marks.
            marked = self.labels.objective.match(text)
            title = marked.group(2) if marked else match.group(2)
            self._strategic_objective(int(match.group(1)), title.strip(), line)
            return True
        if bare.rstrip(":").strip().casefold() in self.labels.specific_labels:
            if self.objective is None:
                self.sink.warn(line, f"{bare!r} outside any strategic objective")
            self._end_list()
            return True
        return False

    def _start_section(self, key: str, numeral: str | None, title: str, line: int) -> None:
        if key in self.sink.by_id:
            self.sink.warn(line, f"section {title!r} appears twice")
        self._end_list()
        self.lead_in = ""
        self.roles_taken = []
        self.objective = None
        self.section = key
        self.sink.add("section", key, title, line, parent=None, number=numeral)

    def _strategic_objective(self, number: int, title: str, line: int) -> None:
        self._end_list()
        self.lead_in = ""
        if self.section != "objectives":
            self.sink.warn(line, f"strategic objective {number} outside the objectives section")
        self.objective = self.sink.add("strategic_objective", ids.strategic(number), title, line,
                                       parent=self.section, number=str(number))
        if not title:
            self.sink.warn(line, f"strategic objective {number} has no title")

    # -- body ----------------------------------------------------------------------------------

    def _container(self) -> str:
        if self.objective is not None:
            return self.objective["id"]
        return self.section or "titlepage"

    def _paragraph(self, text: str, line: int) -> None:
        self._end_list()
        if self.section is None:
            self._title_page(text, line)
        elif self.section == "contents" and self.contents.pending_numeral:
            self.contents.entry(self.contents.pending_numeral, text, line)
        elif self.section == "endnotes" and (match := ENDNOTE.match(text)):
            marker = match.group(1).rstrip(".)")
            number = int(marker) if marker.isascii() else superscript_to_int(marker)
            self.sink.add("endnote", ids.endnote(number), match.group(2), line, parent="endnotes",
                          number=str(number))
        elif self.section == "foreword" and (found := person(self.lang, text)):
            self.sink.add("coordinator", self.sink.next_id(ids.COORDINATOR), text, line,
                          parent="foreword", person=found)
        else:
            self.lead_in, self.lead_in_line = text, line
            container = self._container()
            self.sink.add("paragraph", self.sink.next_id(ids.paragraphs_of(container)), text, line,
                          parent=container)

    def _item(self, text: str, line: int) -> None:
        if self.list_id is None:
            self._start_list()
        assert self.list_id is not None
        if self.section in (None, "foreword") and (found := person(self.lang, text)):
            self.sink.add("signatory", self.sink.next_id(ids.SIGNATORY), text, line,
                          parent=self.section, person=found)
        elif prefix := LIST_ROLES.get(self.list_role):
            self.sink.add(self.list_role, self.sink.next_id(prefix), text, line,
                          parent=self.section)
        else:
            self.sink.add("list_item", self.sink.next_id(ids.items_of(self.list_id)), text, line,
                          parent=self._container(), in_list=self.list_id)

    def _start_list(self) -> None:
        self.list_id = self.sink.next_id(ids.lists_of(self._container()))
        roles = SECTION_LISTS.get(self.section or "", ()) if self.objective is None else ()
        self.list_role = self._role(roles) if roles else "list_item"

    def _role(self, roles: tuple[str, ...]) -> str:
        """The role of a new list of a section whose lists have roles: the one its lead-in's
        cue words name, else the next in the genre's order — said in a warning where the cue
        words are what should have told (a lead-in the language table does not know)."""
        cue = self.lead_in.casefold()
        cued = next((role for role, cues in (("mission_aim", self.lang.aims_cues),
                                              ("mission_means", self.lang.means_cues))
                     if role in roles and any(c in cue for c in cues)), None)
        unused = [r for r in roles if r not in self.roles_taken]
        role = cued or (unused[0] if unused else roles[-1])
        if cued is None and len(roles) > 1:
            self.sink.warn(self.lead_in_line or 1, f"list lead-in {_short(self.lead_in)!r} has "
                           f"none of the {self.lang.name} table's cue words; its items are read "
                           f"as {role.replace('_', ' ')}s, by the list's place in the section")
        self.roles_taken.append(role)
        return role

    def _end_list(self) -> None:
        self.list_id = None
        self.list_role = "list_item"

    def _specific_objective(self, match: re.Match[str], line: int) -> None:
        major, minor, text = int(match.group(1)), int(match.group(2)), match.group(3)
        self._end_list()
        if self.objective is None:
            self.sink.warn(line, f"specific objective {major}.{minor} before any strategic "
                                 f"objective")
        elif self.objective.get("number") != str(major):
            self.sink.warn(line, f"specific objective {major}.{minor} is under strategic "
                                 f"objective {self.objective.get('number')}")
        parent = self.objective["id"] if self.objective else self.section
        self.sink.add("specific_objective", ids.specific(major, minor), text, line, parent=parent,
                      number=f"{major}.{minor}")

    def _title_page(self, text: str, line: int) -> None:
        """The cover's facts, in the order a cover gives them: period, title, publisher, date."""
        bare = strip_marks(text)[0]
        if PERIOD.match(bare) and "period" not in self.sink.by_id:
            fact = "period"
        elif self.labels.date.fullmatch(bare) and "date" not in self.sink.by_id:
            fact = "date"
        elif "title" not in self.sink.by_id:
            fact = "title"
        elif "publisher" not in self.sink.by_id:
            fact = "publisher"
        else:
            self.sink.add("paragraph", self.sink.next_id(ids.TITLE_PAGE_PARAGRAPH), text, line,
                          parent=None)
            return
        self.sink.add("title_page", fact, text, line, parent=None)


def _short(text: str, width: int = 60) -> str:
    """A lead-in as a warning quotes it: its first words."""
    text = " ".join(text.split())
    return text if len(text) <= width else text[:width].rsplit(" ", 1)[0] + " …"
