"""XLIFF 2.0: a unit per record, a segment per aligned sentence, the review status a person set
on the record as the segments' state."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from drugstrat.export.pairs import Skipped, length_ratio, sentence_pairs, translation_pairs
from drugstrat.kb.store import KB
from drugstrat.record import field

NS = "urn:oasis:names:tc:xliff:document:2.0"
# XLIFF 2.0 segment states; a person's status outside these is kept as a subState.
STATES = ("initial", "translated", "reviewed", "final")


def _nmtoken(text: str) -> str:
    return re.sub(r"[^\w.:-]", "_", text)


def xliff(kb: KB, langs: tuple[str, str], original: str = "drugstrat",
          skipped: Skipped | None = None) -> str:
    skipped = skipped if skipped is not None else Skipped()
    source, target = langs
    ET.register_namespace("", NS)
    root = ET.Element(f"{{{NS}}}xliff", {"version": "2.0", "srcLang": source, "trgLang": target})
    file = ET.SubElement(root, f"{{{NS}}}file", id="f1", original=original)
    pairs = translation_pairs(kb, langs, skipped)
    ratio = length_ratio(pairs)
    safe = skipped.xml
    for pair in pairs:
        record = pair.records[source]
        unit = ET.SubElement(file, f"{{{NS}}}unit", id=_nmtoken(safe(pair.id, pair.id)),
                             name=safe(pair.id, pair.id))
        notes = ET.SubElement(unit, f"{{{NS}}}notes")
        ET.SubElement(notes, f"{{{NS}}}note", category="type").text = safe(pair.id, pair.type)
        if note := field(record, "note"):
            ET.SubElement(notes, f"{{{NS}}}note", category="reviewer").text = safe(pair.id,
                                                                                   str(note))
        status = str(field(record, "status") or "translated").strip().lower()
        attributes = {"state": status} if status in STATES else {
            "state": "translated", "subState": f"drugstrat:{_nmtoken(safe(pair.id, status))}"}
        for n, (mine, theirs) in enumerate(sentence_pairs(pair, ratio, skipped), start=1):
            segment = ET.SubElement(unit, f"{{{NS}}}segment",
                                    {"id": f"{_nmtoken(safe(pair.id, pair.id))}-{n}",
                                     **attributes})
            ET.SubElement(segment, f"{{{NS}}}source").text = safe(pair.id, mine)
            ET.SubElement(segment, f"{{{NS}}}target").text = safe(pair.id, theirs)
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") \
        + "\n"
