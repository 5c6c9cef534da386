"""The table of contents: its entries, and where it ends.

The contents end at a heading the table has already listed: "I. INTRODUCTION" after the entry
"I. Introduction" (or "I." and "Introduction" as two lines, as PDF extraction gives them).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from drugstrat import ids
from drugstrat.parse.labels import ROMAN, TOC_LEADER, section_key
from drugstrat.parse.sink import RecordSink


@dataclass
class ContentsReader:
    sink: RecordSink
    pending_numeral: str | None = None  # a numeral alone on its line, its title to follow
    numerals: set[str] = field(default_factory=set)  # numerals the table has listed
    keys: set[str] = field(default_factory=set)  # section keys it has listed

    def read(self, bare: str, line: int) -> bool:
        """Take a line of the contents; False once the body's first heading comes."""
        if self.pending_numeral:
            self.entry(self.pending_numeral, bare, line)
            return True
        if match := ROMAN.match(bare):
            numeral, title = match.groups()
            if numeral in self.numerals:
                return False
            if not title:
                self.pending_numeral = numeral
            else:
                self.entry(numeral, title, line)
            return True
        if key := section_key(self.sink.lang, bare):
            if key in self.keys:
                return False
            self.entry(None, bare, line)
            return True
        return False

    def entry(self, numeral: str | None, title: str, line: int) -> None:
        self.pending_numeral = None
        title = TOC_LEADER.sub("", title) or title
        if numeral:
            self.numerals.add(numeral)
        if key := section_key(self.sink.lang, title):
            self.keys.add(key)
        self.sink.add("toc_entry", self.sink.next_id(ids.CONTENTS_ENTRY), title, line,
                      parent="contents", number=numeral)
