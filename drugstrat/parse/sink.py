"""Where parsed records go: ids of counted series, marks turned into structure, target groups
found in prose, and warnings with their line."""

from __future__ import annotations

from dataclasses import dataclass, field

from drugstrat import ids
from drugstrat.languages import Language
from drugstrat.parse.inline import endnote_citations, strip_marks
from drugstrat.parse.labels import Person
from drugstrat.parse.series import find_target_groups
from drugstrat.record import Record

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
class RecordSink:
    lang: Language
    records: list[Record] = field(default_factory=list)
    by_id: dict[str, Record] = field(default_factory=dict)
    warnings: list[ParseWarning] = field(default_factory=list)
    # Id -> prefix of the counted series it belongs to ("SO2.p" for SO2.p4). Counted ids follow
    # the order of the text, so alignment may renumber them; numbered ones (SO2, 2.1, n3) not.
    series: dict[str, str] = field(default_factory=dict)
    counters: dict[str, int] = field(default_factory=dict)

    def next_id(self, prefix: str) -> str:
        """The next id of a counted series: `SO1.p` gives SO1.p1, SO1.p2, …"""
        self.counters[prefix] = self.counters.get(prefix, 0) + 1
        record_id = f"{prefix}{self.counters[prefix]}"
        self.series[record_id] = prefix
        return record_id

    def warn(self, line: int, message: str) -> None:
        self.warnings.append(ParseWarning(line, message))

    def add(self, rtype: str, record_id: str, raw: str, line: int, parent: str | None, *,
            number: str | None = None, person: Person | None = None,
            in_list: str | None = None) -> Record:
        text, emphasis = strip_marks(raw.strip())
        if record_id in self.by_id:
            first = self.by_id[record_id].get("line")
            self.warn(line, f"{record_id} appears more than once (first on line {first})")
            n = 2
            while f"{record_id}~{n}" in self.by_id:
                n += 1
            record_id = f"{record_id}~{n}"
        record = Record(id=record_id, type=rtype, lang=self.lang.code, text=text)
        if parent:
            record["parent"] = parent
        if number is not None:
            record["number"] = number
        if person:
            for key in ("honorific", "name", "office"):
                if key in person:
                    record[key] = person[key]
        if in_list is not None:
            record["in_list"] = in_list
        if emphasis:
            record["emphasis"] = emphasis
        if cites := endnote_citations(text):
            record["cites"] = cites
        record["line"] = line
        self.records.append(record)
        self.by_id[record_id] = record
        if rtype in PROSE_TYPES:
            for n, group in enumerate(find_target_groups(text, self.lang), start=1):
                self.records.append(Record(id=ids.group(record_id, n), type="target_group",
                                           lang=self.lang.code, parent=record_id, text=group,
                                           line=line))
        return record
