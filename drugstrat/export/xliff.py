"""XLIFF for CAT tools, in both versions they read: 2.0 (OASIS, 2014) and 1.2 (2008, which more
tools read).

A unit per aligned record, a segment per aligned sentence, the whitespace between segments kept
(XLIFF 2.0's `<ignorable>`; 1.2's text between `<mrk mtype="seg">`), so that a tool joining the
segments gives the record's text back, not "…process.This document…"; a sentence the alignment
leaves alone stays in its unit (with no target where the other text has nothing for it). Then
a unit per line of the document as printed that no record holds (`export.printed`). A published
edition is an approved translation: `final` (1.2: `approved="yes"`) unless a person's status
on either record says otherwise (the target's first: it is the translation being judged);
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
    segment_beads,
    translation_pairs,
)
from drugstrat.export.printed import printed_pairs
from drugstrat.kb.store import KB
from drugstrat.record import field

NS2 = "urn:oasis:names:tc:xliff:document:2.0"
NS12 = "urn:oasis:names:tc:xliff:document:1.2"
STATES = ("initial", "translated", "reviewed", "final")  # XLIFF 2.0's
# A person's status as XLIFF 1.2 says it: (approved, the target's state). A published edition
# is an approved translation: no status is (yes, final); a status of a draft is not approved.
STATES_12 = {"initial": (False, "new"), "new": (False, "new"),
             "translated": (False, "translated"), "reviewed": (True, "signed-off"),
             "signed-off": (True, "signed-off"), "approved": (True, "signed-off"),
             "final": (True, "final"), "needs-fix": (False, "needs-review-translation"),
             "needs-review": (False, "needs-review-translation")}
PUBLISHED = "final"  # the state of a record no person gave a status
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
# A note's priority, 1 the highest.
PRIORITY = {Severity.error: "1", Severity.warning: "5", Severity.info: "9"}
BETWEEN = " "  # what stands between two sentences of a record
PRESERVE = {"{http://www.w3.org/XML/1998/namespace}space": "preserve"}


@dataclass
class Unit:
    """What both versions write of a translation pair."""

    pair: TranslationPair
    segments: list[tuple[str, str]]  # a segment the other text has nothing for: "" there
    status: str | None  # a person's, on the target record or else the source one
    notes: list[tuple[str, str]]  # (source|target, text)
    findings: list[Finding]


def units(kb: KB, langs: tuple[str, str], skipped: Skipped,
          findings: list[Finding] | None = None) -> Iterator[Unit]:
    """A unit per aligned record, then one per line of the document as printed that no record
    holds as it is (a heading with its numeral, an objective's label, an endnote with its
    marker …): every sentence of both texts in a segment, none dropped."""
    source, target = langs
    by_record: dict[str, list[Finding]] = {}
    for finding in findings or ():
        if set(finding.langs) == {source, target}:
            by_record.setdefault(finding.id, []).append(finding)
    pairs = translation_pairs(kb, langs, skipped)
    ratio = length_ratio(pairs)
    # A line already a record's text, or a line written before, is not another unit.
    seen = {(pair.source, pair.target) for pair in pairs} | {pair.source for pair in pairs}
    furniture = []
    for printed in printed_pairs(kb, langs, ratio):
        if printed.kind == "line" and printed.source not in seen \
                and (printed.source, printed.target) not in seen:
            seen.add((printed.source, printed.target))
            furniture.append(TranslationPair(printed.id, "printed-line", printed.record, langs,
                                             printed.source, printed.target, {}))
    safe = skipped.xml
    for pair in [*pairs, *furniture]:
        records = pair.records
        status = next((value for lang in (target, source)
                       if lang in records and (value := field(records[lang], "status"))
                       is not None), None)
        notes = [(side, safe(pair.id, str(note))) for side, lang in (("source", source),
                                                                     ("target", target))
                 if lang in records and (note := field(records[lang], "note")) is not None]
        segments = [(safe(pair.id, mine), safe(pair.id, theirs))
                    for mine, theirs in _kept(segment_beads(pair.source, pair.target, langs,
                                                            ratio), skipped)]
        found = [f for record_id in pair.id.split("+") for f in by_record.get(record_id, ())]
        yield Unit(pair, segments, None if status is None else str(status), notes, found)


def _kept(beads: list[tuple[str, str]], skipped: Skipped) -> list[tuple[str, str]]:
    """Every bead as a segment: a source sentence with nothing in the target stays with an
    empty target; a target sentence with nothing in the source joins the target beside it, so
    that no text of either record is lost."""
    out: list[tuple[str, str]] = []
    orphan = ""  # target text before the first source sentence
    for mine, theirs in beads:
        if not (mine and theirs):
            skipped.kept += 1
        if mine:
            out.append((mine, BETWEEN.join(t for t in (orphan, theirs) if t)))
            orphan = ""
        elif out:
            out[-1] = (out[-1][0], BETWEEN.join(t for t in (out[-1][1], theirs) if t))
        else:
            orphan = BETWEEN.join(t for t in (orphan, theirs) if t)
    if orphan and not out:
        out.append(("", orphan))
    return out


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
            # A sentence the other text has nothing for is still to translate: no target.
            segment = ET.SubElement(element, f"{{{NS2}}}segment", {
                "id": f"{name}-{n}", **(state if theirs else {"state": "initial"})})
            ET.SubElement(segment, f"{{{NS2}}}source").text = mine
            if theirs:
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
        approved, state = _state_12(unit.status)
        element = ET.SubElement(body, f"{{{NS12}}}trans-unit", {
            "id": _nmtoken(unit.pair.id), "resname": unit.pair.id,
            "restype": f"x-{_nmtoken(unit.pair.type)}", "approved": "yes" if approved else "no"})
        ET.SubElement(element, f"{{{NS12}}}source").text = BETWEEN.join(
            mine for mine, _ in unit.segments)
        seg_source = ET.SubElement(element, f"{{{NS12}}}seg-source", PRESERVE)
        translated = ET.SubElement(element, f"{{{NS12}}}target",
                                   {"state": state, XML_LANG: target, **PRESERVE})
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
    value = (status or PUBLISHED).strip().lower()
    if value in STATES:
        return {"state": value}
    return {"state": "translated", "subState": f"drugstrat:{_nmtoken(value)}"}


def _state_12(status: str | None) -> tuple[bool, str]:
    """(approved, state) of a unit whose records carry `status` (None: published as is)."""
    value = (status or PUBLISHED).strip().lower()
    return STATES_12.get(value, (False, f"x-{_nmtoken(value)}"))


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
