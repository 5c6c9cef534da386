"""Whole-document checks once every piece is read: endnotes linked to the records citing them,
and gaps in the numbering of objectives."""

from __future__ import annotations

from drugstrat import ids
from drugstrat.parse.sink import RecordSink
from drugstrat.record import Record


def link_endnotes(sink: RecordSink) -> None:
    for record in sink.records:
        for number in record.get("cites", ()):
            note = sink.by_id.get(ids.endnote(number))
            if note is None:
                sink.warn(record.get("line", 0), f"endnote {number} is cited in {record['id']} "
                                                 f"but never defined")
            else:
                note.setdefault("cited_by", []).append(record["id"])
    for record in sink.records:
        if record["type"] == "endnote" and "cited_by" not in record:
            sink.warn(record.get("line", 0), f"endnote {record.get('number')} is never cited")


def check_numbering(sink: RecordSink) -> None:
    objectives = [r for r in sink.records if r["type"] == "strategic_objective"]
    _check_sequence(sink, [int(r.get("number", 0)) for r in objectives], "strategic objective",
                    objectives)
    by_parent: dict[str, list[Record]] = {}
    for record in sink.records:
        by_parent.setdefault(record.get("parent") or "", []).append(record)
    for objective in objectives:
        children = by_parent.get(objective["id"], [])
        if not children:
            sink.warn(objective.get("line", 0),
                      f"strategic objective {objective.get('number')} has no body")
        specific = [r for r in children if r["type"] == "specific_objective"]
        _check_sequence(sink, [int(r.get("number", "0.0").split(".")[1]) for r in specific],
                        f"specific objective {objective.get('number')}.", specific)


# Missing numbers a gap lists one by one; a wider gap (an objective numbered 10^30) is said as a
# range, whose cost does not grow with it.
LISTED_GAP = 5


def _check_sequence(sink: RecordSink, numbers: list[int], what: str,
                    records: list[Record]) -> None:
    expected = 1
    for number, record in zip(numbers, records, strict=True):
        if number > expected:
            sep = "" if what.endswith(".") else " "
            if number - expected <= LISTED_GAP:
                missing = ", ".join(str(n) for n in range(expected, number))
            else:
                missing = f"{expected} to {number - 1} ({number - expected} numbers)"
            sink.warn(record.get("line", 0), f"numbering gap: {what}{sep}{missing} is missing")
        expected = max(expected, number + 1)
