"""One language version of a strategy → records, in document order.

The parser knows the genre (title page, foreword, numbered sections, strategic objectives with
numbered specific objectives, endnotes) and takes every word of the language from
`drugstrat.lang`. It knows nothing of the other language: ids are derived from the structure
alone (see README, "Ids"), which is what makes them line up across translations.

A malformed document parses into what it can; each oddity is a `ParseWarning` naming the line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from drugstrat.errors import InputError
from drugstrat.groups import find_target_groups
from drugstrat.inline import endnote_citations, strip_marks, superscript_to_int
from drugstrat.lang import Language
from drugstrat.pieces import Piece, page_number_pattern, split_pieces

ROMAN = re.compile(r"^([IVXLCDM]+)\.\s*(.*)$")
NUMBERED_OBJECTIVE = re.compile(r"^(\d+)\.(\d+)\.?\s+(\S.*)$", re.DOTALL)
ENDNOTE = re.compile(r"^([⁰¹²³⁴⁵⁶⁷⁸⁹]+|\d{1,3}[.)]?)\s*(\S.*)$", re.DOTALL)
PERIOD = re.compile(r"^\d{4}\s*[-–—]\s*\d{4}$")
# Trailing leader dots and a page number, as tables of contents extracted from PDF carry them.
TOC_LEADER = re.compile(r"[\s.·…]*\d*\s*$")

# Record types whose text is running prose, where target groups are looked for.
PROSE_TYPES = {"paragraph", "list_item", "specific_objective", "mission_aim", "mission_means",
               "scope_item", "strategic_objective"}


@dataclass(frozen=True)
class ParseWarning:
    line: int
    message: str

    def format(self, source: str) -> str:
        return f"{source}:{self.line}: warning: {self.message}"


@dataclass
class ParseResult:
    lang: str
    records: list[dict]
    warnings: list[ParseWarning] = field(default_factory=list)
    # Id -> prefix of the counted series it belongs to ("SO2.p" for SO2.p4). Counted ids follow
    # the order of the text, so alignment may renumber them; numbered ones (SO2, 2.1, n3) not.
    series: dict[str, str] = field(default_factory=dict)


def roman_to_int(numeral: str) -> int:
    values = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}
    total = 0
    for i, ch in enumerate(numeral):
        value = values[ch]
        total += -value if i + 1 < len(numeral) and values[numeral[i + 1]] > value else value
    return total


def parse_text(text: str, lang: Language) -> ParseResult:
    """Parse one language version. Raises `InputError` only for a text with nothing in it."""
    if not text.strip():
        raise InputError("the text is empty")
    return _Parser(lang).run(text)


class _Parser:
    def __init__(self, lang: Language) -> None:
        self.lang = lang
        self.records: list[dict] = []
        self.by_id: dict[str, dict] = {}
        self.warnings: list[ParseWarning] = []
        self.section: str | None = None  # key of the current section; None on the title page
        self.objective: dict | None = None  # current strategic objective record
        self.counters: dict[str, int] = {}
        self.series: dict[str, str] = {}
        self.list_id: str | None = None  # id prefix of the list being read, if any
        self.list_role: str = "list_item"
        self.lead_in = ""  # the paragraph before the current list, for its cue words
        self.toc_numeral: str | None = None
        self.toc_seen: set[str] = set()  # numerals the table of contents listed
        self.toc_keys: set[str] = set()  # section keys it listed
        self.title_facts: list[str] = []
        self.objective_label = re.compile(
            r"^(?:" + "|".join(re.escape(label) for label in lang.objective_labels) + r")"
            r"\.?\s*(\d+)\b\.?\s*[:.–-]?\s*(.*)$",
            re.DOTALL,
        )
        self.honorific = re.compile(
            r"^((?:(?:" + "|".join(re.escape(h) for h in lang.honorifics) + r")\s+)+)(\S.*)$",
            re.DOTALL,
        )

    # -- driving -------------------------------------------------------------------------------

    def run(self, text: str) -> ParseResult:
        page_number = page_number_pattern(self.lang.page_labels, self.lang.page_of)
        for piece in split_pieces(text, self._opens_piece, self._names_person, page_number):
            self._piece(piece)
        self._link_endnotes()
        self._check_numbering()
        return ParseResult(self.lang.code, self.records, self.warnings, self.series)

    def _opens_piece(self, line: str) -> bool:
        """Whether a line inside a block starts a piece of its own: a heading, or a numbered
        objective of the current strategic objective ("3.2 To …" under SO 3). A wrapped line
        that merely starts with a number ("2.5 million people …") continues its paragraph."""
        stripped = line.strip()
        if self.objective_label.match(stripped):
            return True
        match = NUMBERED_OBJECTIVE.match(stripped)
        return bool(match and self.section == "objectives" and self.objective is not None
                    and match.group(1) == self.objective["number"])

    def _names_person(self, line: str) -> bool:
        return bool(self.honorific.match(line.strip()))

    def _piece(self, piece: Piece) -> None:
        text = piece.text.strip()
        if piece.kind == "para" and self._heading(text, piece.line):
            return
        if self.section == "objectives" and (match := NUMBERED_OBJECTIVE.match(text)):
            self._specific_objective(match, piece.line)
            return
        if piece.kind == "item":
            self._item(text, piece.line)
        else:
            self._paragraph(text, piece.line)

    # -- headings ------------------------------------------------------------------------------

    def _heading(self, text: str, line: int) -> bool:
        bare = strip_marks(text)[0].strip()
        if self.section == "contents" and self._contents_line(bare, line):
            return True
        name = bare.rstrip(":").strip().upper()
        if name in self.lang.section_names and len(bare) < 80:
            self._start_section(self.lang.section_names[name], None, bare, line)
            return True
        if (match := ROMAN.match(bare)) and self._is_section_title(match.group(2)):
            numeral, title = match.groups()
            key = self.lang.section_names.get(title.upper())
            self._start_section(key or f"s{roman_to_int(numeral)}", numeral, title, line)
            return True
        if match := self.objective_label.match(bare):
            # The title keeps its emphasis when the label stands outside the marks.
            marked = self.objective_label.match(text)
            title = marked.group(2) if marked else match.group(2)
            self._strategic_objective(int(match.group(1)), title.strip(), line)
            return True
        if bare.rstrip(":").strip().casefold() in {
            label.casefold() for label in self.lang.specific_objectives_labels
        }:
            if self.objective is None:
                self._warn(line, f"{bare!r} outside any strategic objective")
            self._end_list()
            return True
        return False

    @staticmethod
    def _is_section_title(title: str) -> bool:
        return bool(title) and len(title) < 80 and not title.endswith(".") and title.isupper()

    def _contents_line(self, bare: str, line: int) -> bool:
        """A line of the table of contents, or False once the body's first heading comes.

        The contents end at a heading the table has already listed: "I. INTRODUCTION" after the
        entry "I. Introduction" (or "I." and "Introduction" as two lines, as PDF gives them).
        """
        if self.toc_numeral:
            self._toc_entry(self.toc_numeral, bare, line)
            return True
        name = bare.rstrip(":").strip().upper()
        if match := ROMAN.match(bare):
            numeral, title = match.groups()
            if numeral in self.toc_seen:
                return False
            if not title:
                self.toc_numeral = numeral
            else:
                self._toc_entry(numeral, title, line)
            return True
        if key := self.lang.section_names.get(name):
            if key in self.toc_keys:
                return False
            self._toc_entry(None, bare, line)
            return True
        return False

    def _start_section(self, key: str, numeral: str | None, title: str, line: int) -> None:
        if key in self.by_id:
            self._warn(line, f"section {title!r} appears twice")
        self._end_list()
        self.lead_in = ""
        self.objective = None
        self.section = key
        extra = {"number": numeral} if numeral else {}
        self._add("section", key, title, line, parent=None, **extra)

    def _toc_entry(self, numeral: str | None, title: str, line: int) -> None:
        self.toc_numeral = None
        title = TOC_LEADER.sub("", title) or title
        if numeral:
            self.toc_seen.add(numeral)
        if key := self.lang.section_names.get(title.upper()):
            self.toc_keys.add(key)
        extra = {"number": numeral} if numeral else {}
        self._add("toc_entry", self._next("toc"), title, line, parent="contents", **extra)

    def _strategic_objective(self, number: int, title: str, line: int) -> None:
        self._end_list()
        self.lead_in = ""
        if self.section != "objectives":
            self._warn(line, f"strategic objective {number} outside the objectives section")
        self.objective = self._add("strategic_objective", f"SO{number}", title, line,
                                   parent=self.section, number=str(number))
        if not title:
            self._warn(line, f"strategic objective {number} has no title")

    # -- body ----------------------------------------------------------------------------------

    def _container(self) -> str:
        if self.objective is not None:
            return self.objective["id"]
        return self.section or "titlepage"

    def _paragraph(self, text: str, line: int) -> None:
        self._end_list()
        if self.section is None:
            self._title_page(text, line)
            return
        if self.section == "contents" and self.toc_numeral:
            self._toc_entry(self.toc_numeral, text, line)
            return
        if self.section == "endnotes" and (match := ENDNOTE.match(text)):
            marker = match.group(1).rstrip(".)")
            number = int(marker) if marker.isascii() else superscript_to_int(marker)
            self._add("endnote", f"n{number}", match.group(2), line, parent="endnotes",
                      number=str(number))
            return
        if self.section == "foreword" and (person := self._person(text)):
            self._add("coordinator", self._next("coord"), text, line,
                      parent="foreword", **person)
            return
        self.lead_in = text
        container = self._container()
        self._add("paragraph", self._next(f"{container}.p"), text, line,
                  parent=container)

    def _item(self, text: str, line: int) -> None:
        if self.list_id is None:
            self._start_list()
        if self.section in (None, "foreword") and (person := self._person(text)):
            self._add("signatory", self._next("sig"), text, line,
                      parent=self.section, **person)
            return
        prefix = {
            "scope_item": "scope", "mission_aim": "aim", "mission_means": "means",
        }.get(self.list_role)
        if prefix:
            self._add(self.list_role, self._next(prefix), text, line,
                      parent=self.section)
            return
        assert self.list_id is not None
        self._add("list_item", self._next(f"{self.list_id}."), text, line,
                  parent=self._container(), in_list=self.list_id)

    def _start_list(self) -> None:
        container = self._container()
        self.list_id = self._next(f"{container}.l")
        cue = self.lead_in.casefold()
        if self.section == "scope":
            self.list_role = "scope_item"
        elif any(c in cue for c in self.lang.aims_cues):
            self.list_role = "mission_aim"
        elif any(c in cue for c in self.lang.means_cues):
            self.list_role = "mission_means"
        else:
            self.list_role = "list_item"

    def _end_list(self) -> None:
        self.list_id = None
        self.list_role = "list_item"

    def _specific_objective(self, match: re.Match[str], line: int) -> None:
        major, minor, text = int(match.group(1)), int(match.group(2)), match.group(3)
        self._end_list()
        parent = self.objective["id"] if self.objective else self.section
        if self.objective is None:
            self._warn(line, f"specific objective {major}.{minor} before any strategic objective")
        elif self.objective["number"] != str(major):
            self._warn(line, f"specific objective {major}.{minor} is under "
                             f"strategic objective {self.objective['number']}")
        self._add("specific_objective", f"{major}.{minor}", text, line, parent=parent,
                  number=f"{major}.{minor}")

    def _title_page(self, text: str, line: int) -> None:
        bare = strip_marks(text)[0]
        months = "|".join(re.escape(m) for m in self.lang.months)
        if PERIOD.match(bare) and "period" not in self.by_id:
            fact = "period"
        elif re.fullmatch(rf"(\d{{1,2}}\s+)?({months})\s+\d{{4}}", bare, re.IGNORECASE) and (
            "date" not in self.by_id
        ):
            fact = "date"
        elif "title" not in self.by_id:
            fact = "title"
        elif "publisher" not in self.by_id:
            fact = "publisher"
        else:
            self._add("paragraph", self._next("titlepage.p"), text, line,
                      parent=None)
            return
        self._add("title_page", fact, text, line, parent=None)

    # -- records -------------------------------------------------------------------------------

    def _person(self, text: str) -> dict | None:
        match = self.honorific.match(strip_marks(text)[0])
        if not match:
            return None
        name, _, office = match.group(2).partition(",")
        person = {"honorific": match.group(1).strip(), "name": name.strip()}
        if office.strip():
            person["office"] = office.strip()
        return person

    def _next(self, prefix: str) -> str:
        """The next id of a numbered series: `SO1.p` gives SO1.p1, SO1.p2, …"""
        self.counters[prefix] = self.counters.get(prefix, 0) + 1
        record_id = f"{prefix}{self.counters[prefix]}"
        self.series[record_id] = prefix
        return record_id

    def _add(self, rtype: str, record_id: str, raw: str, line: int, parent: str | None,
             **extra: object) -> dict:
        text, emphasis = strip_marks(raw.strip())
        if record_id in self.by_id:
            self._warn(line, f"{record_id} appears more than once (first on line "
                             f"{self.by_id[record_id]['line']})")
            n = 2
            while f"{record_id}~{n}" in self.by_id:
                n += 1
            record_id = f"{record_id}~{n}"
        record: dict = {"id": record_id, "type": rtype, "lang": self.lang.code}
        if parent:
            record["parent"] = parent
        record.update(extra)
        record["text"] = text
        if emphasis:
            record["emphasis"] = emphasis
        if cites := endnote_citations(text):
            record["cites"] = cites
        record["line"] = line
        self.records.append(record)
        self.by_id[record_id] = record
        if rtype in PROSE_TYPES:
            for n, group in enumerate(find_target_groups(text, self.lang), start=1):
                self.records.append({
                    "id": f"{record_id}.g{n}", "type": "target_group", "lang": self.lang.code,
                    "parent": record_id, "text": group, "line": line,
                })
        return record

    def _warn(self, line: int, message: str) -> None:
        self.warnings.append(ParseWarning(line, message))

    # -- whole-document checks -----------------------------------------------------------------

    def _link_endnotes(self) -> None:
        for record in self.records:
            for number in record.get("cites", ()):
                note = self.by_id.get(f"n{number}")
                if note is None:
                    self._warn(record["line"], f"endnote {number} is cited in {record['id']} "
                                               f"but never defined")
                else:
                    note.setdefault("cited_by", []).append(record["id"])
        for record in self.records:
            if record["type"] == "endnote" and "cited_by" not in record:
                self._warn(record["line"], f"endnote {record['number']} is never cited")

    def _check_numbering(self) -> None:
        objectives = [r for r in self.records if r["type"] == "strategic_objective"]
        self._check_sequence([int(r["number"]) for r in objectives], "strategic objective",
                             objectives)
        for objective in objectives:
            children = [r for r in self.records if r.get("parent") == objective["id"]]
            if not children:
                self._warn(objective["line"], f"strategic objective {objective['number']} "
                                              f"has no body")
            specific = [r for r in children if r["type"] == "specific_objective"]
            self._check_sequence([int(r["number"].split(".")[1]) for r in specific],
                                 f"specific objective {objective['number']}.", specific)
        if self.section is None:
            self._warn(1, "no section heading found: the whole text was read as a title page")

    def _check_sequence(self, numbers: list[int], what: str, records: list[dict]) -> None:
        expected = 1
        for number, record in zip(numbers, records, strict=True):
            if number > expected:
                missing = ", ".join(str(n) for n in range(expected, number))
                sep = "" if what.endswith(".") else " "
                self._warn(record["line"], f"numbering gap: {what}{sep}{missing} is missing")
            expected = max(expected, number + 1)
