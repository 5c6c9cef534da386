"""XLIFF for CAT tools, in both versions they read: 2.0 (OASIS, 2014) and 1.2 (2008, which more
tools read).

A unit per aligned record, a segment per aligned sentence, the whitespace between segments kept
(XLIFF 2.0's `<ignorable>`; 1.2's text between `<mrk mtype="seg">`), so that a tool joining the
segments gives the record's text back, not "…process.This document…". A person's status on
either record is the segments' state (the target's first: it is the translation being judged);
their notes travel as notes on the side they belong to; and the record's diff findings come as
notes too, with the severity as priority, so a reviser sees them in the CAT tool.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass

from drugstrat.diff.model import Finding, Severity
from drugstrat.export.pairs import (
    Skipped,
    TranslationPair,
    length_ratio,
    sentence_pairs,
    translation_pairs,
)
from drugstrat.kb.store import KB
from drugstrat.record import field

NS2 = "urn:oasis:names:tc:xliff:document:2.0"
NS12 = "urn:oasis:names:tc:xliff:document:1.2"
STATES = ("initial", "translated", "reviewed", "final")  # XLIFF 2.0's
STATES_12 = {"initial": "new", "translated": "translated", "reviewed": "signed-off",
             "final": "final"}
# A note's priority, 1 the highest.
PRIORITY = {Severity.error: "1", Severity.warning: "5", Severity.info: "9"}
BETWEEN = " "  # what stands between two sentences of a record
PRESERVE = {"{http://www.w3.org/XML/1998/namespace}space": "preserve"}


@dataclass
class Unit:
    """What both versions write of a translation pair."""

    pair: TranslationPair
    segments: list[tuple[str, str]]
    status: str | None  # a person's, on the target record or else the source one
    notes: list[tuple[str, str]]  # (source|target, text)
    findings: list[Finding]


def units(kb: KB, langs: tuple[str, str], skipped: Skipped,
          findings: list[Finding] | None = None) -> Iterator[Unit]:
    source, target = langs
    by_record: dict[str, list[Finding]] = {}
    for finding in findings or ():
        if set(finding.langs) == {source, target}:
            by_record.setdefault(finding.id, []).append(finding)
    pairs = translation_pairs(kb, langs, skipped)
    ratio = length_ratio(pairs)
    safe = skipped.xml
    for pair in pairs:
        records = pair.records
        status = field(records[target], "status") or field(records[source], "status")
        notes = [(side, safe(pair.id, str(note))) for side, lang in (("source", source),
                                                                     ("target", target))
                 if (note := field(records[lang], "note")) is not None]
        segments = [(safe(pair.id, mine), safe(pair.id, theirs))
                    for mine, theirs in sentence_pairs(pair, ratio, skipped)]
        found = [f for record_id in pair.id.split("+") for f in by_record.get(record_id, ())]
        yield Unit(pair, segments, None if status is None else str(status), notes, found)


def xliff(kb: KB, langs: tuple[str, str], original: str = "drugstrat",
          skipped: Skipped | None = None, locales: tuple[str, str] | None = None,
          findings: list[Finding] | None = None) -> str:
    """XLIFF 2.0."""
    skipped = skipped if skipped is not None else Skipped()
    source, target = locales or langs
    ET.register_namespace("", NS2)
    root = ET.Element(f"{{{NS2}}}xliff", {"version": "2.0", "srcLang": source,
                                          "trgLang": target})
    file = ET.SubElement(root, f"{{{NS2}}}file", id="f1", original=original)
    for unit in units(kb, langs, skipped, findings):
        name = _nmtoken(unit.pair.id)
        element = ET.SubElement(file, f"{{{NS2}}}unit", id=name, name=unit.pair.id)
        notes = ET.SubElement(element, f"{{{NS2}}}notes")
        ET.SubElement(notes, f"{{{NS2}}}note", category="type").text = unit.pair.type
        for side, text in unit.notes:
            ET.SubElement(notes, f"{{{NS2}}}note", category="reviewer",
                          appliesTo=side).text = text
        for finding in unit.findings:
            ET.SubElement(notes, f"{{{NS2}}}note", {
                "id": _nmtoken(finding.finding_id), "category": f"drugstrat:{finding.check}",
                "priority": PRIORITY[finding.severity]}).text = finding.message
        state = _state(unit.status)
        for n, (mine, theirs) in enumerate(unit.segments, start=1):
            if n > 1:  # the space between two sentences, so that joined segments read right
                ignorable = ET.SubElement(element, f"{{{NS2}}}ignorable")
                ET.SubElement(ignorable, f"{{{NS2}}}source", PRESERVE).text = BETWEEN
                ET.SubElement(ignorable, f"{{{NS2}}}target", PRESERVE).text = BETWEEN
            segment = ET.SubElement(element, f"{{{NS2}}}segment", {"id": f"{name}-{n}", **state})
            ET.SubElement(segment, f"{{{NS2}}}source").text = mine
            ET.SubElement(segment, f"{{{NS2}}}target").text = theirs
    return _serialised(root)


def xliff12(kb: KB, langs: tuple[str, str], original: str = "drugstrat",
            skipped: Skipped | None = None, locales: tuple[str, str] | None = None,
            findings: list[Finding] | None = None) -> str:
    """XLIFF 1.2: a trans-unit per record, its sentences as `<mrk mtype="seg">` in
    `<seg-source>` and `<target>`."""
    skipped = skipped if skipped is not None else Skipped()
    source, target = locales or langs
    ET.register_namespace("", NS12)
    root = ET.Element(f"{{{NS12}}}xliff", version="1.2")
    file = ET.SubElement(root, f"{{{NS12}}}file", {
        "original": original, "source-language": source, "target-language": target,
        "datatype": "plaintext"})
    body = ET.SubElement(file, f"{{{NS12}}}body")
    for unit in units(kb, langs, skipped, findings):
        element = ET.SubElement(body, f"{{{NS12}}}trans-unit", {
            "id": _nmtoken(unit.pair.id), "resname": unit.pair.id,
            "restype": f"x-{_nmtoken(unit.pair.type)}"})
        ET.SubElement(element, f"{{{NS12}}}source").text = BETWEEN.join(
            mine for mine, _ in unit.segments)
        seg_source = ET.SubElement(element, f"{{{NS12}}}seg-source", PRESERVE)
        translated = ET.SubElement(element, f"{{{NS12}}}target",
                                   {"state": _state_12(unit.status), **PRESERVE})
        _marked(seg_source, [mine for mine, _ in unit.segments])
        _marked(translated, [theirs for _, theirs in unit.segments])
        for side, text in unit.notes:
            ET.SubElement(element, f"{{{NS12}}}note", {"from": "reviewer",
                                                      "annotates": side}).text = text
        for finding in unit.findings:
            ET.SubElement(element, f"{{{NS12}}}note", {
                "from": f"drugstrat:{finding.check}",
                "priority": PRIORITY[finding.severity]}).text = finding.message
    return _serialised(root)


def _marked(container: ET.Element, texts: list[str]) -> None:
    """Each sentence a `<mrk mtype="seg">`, a space between them as plain text."""
    for n, text in enumerate(texts, start=1):
        mark = ET.SubElement(container, f"{{{NS12}}}mrk", mtype="seg", mid=str(n))
        mark.text = text
        if n < len(texts):
            mark.tail = BETWEEN


def _state(status: str | None) -> dict[str, str]:
    value = (status or "translated").strip().lower()
    if value in STATES:
        return {"state": value}
    return {"state": "translated", "subState": f"drugstrat:{_nmtoken(value)}"}


def _state_12(status: str | None) -> str:
    value = (status or "translated").strip().lower()
    return STATES_12.get(value, f"x-{_nmtoken(value)}")


def _nmtoken(text: str) -> str:
    return re.sub(r"[^\w.:-]", "_", text)


def _serialised(root: ET.Element) -> str:
    ET.indent(root)
    # Indenting would put line breaks into mixed content: the space between two segments
    # must stay one space, and nothing may stand before the first.
    for container in root.iter():
        marks = [child for child in container if child.tag == f"{{{NS12}}}mrk"]
        if marks:
            container.text = None
            for n, mark in enumerate(marks):
                mark.tail = BETWEEN if n < len(marks) - 1 else None
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") \
        + "\n"
