"""XLIFF 2.0: a unit per record, a segment per aligned sentence, the review status a person set
on the record as the segments' state."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from drugstrat.export.pairs import Skipped, length_ratio, sentence_pairs, translation_pairs
from drugstrat.export.tmx import _xml_safe
from drugstrat.store import KB

NS = "urn:oasis:names:tc:xliff:document:2.0"
# XLIFF 2.0 segment states; a person's status outside these is kept as a subState.
STATES = ("initial", "translated", "reviewed", "final")


def _nmtoken(text: str) -> str:
    return re.sub(r"[^\w.:-]", "_", text)


def xliff(kb: KB, original: str = "drugstrat", skipped: Skipped | None = None) -> str:
    skipped = skipped if skipped is not None else Skipped()
    ET.register_namespace("", NS)
    root = ET.Element(f"{{{NS}}}xliff", {"version": "2.0", "srcLang": "en", "trgLang": "nl"})
    file = ET.SubElement(root, f"{{{NS}}}file", id="f1", original=original)
    pairs = translation_pairs(kb, skipped)
    ratio = length_ratio(pairs)
    for pair in pairs:
        unit = ET.SubElement(file, f"{{{NS}}}unit", id=_nmtoken(pair.id), name=pair.id)
        notes = ET.SubElement(unit, f"{{{NS}}}notes")
        ET.SubElement(notes, f"{{{NS}}}note", category="type").text = pair.type
        if pair.record.get("note"):
            ET.SubElement(notes, f"{{{NS}}}note", category="reviewer").text = \
                str(pair.record["note"])
        status = str(pair.record.get("status", "translated")).strip().lower()
        attributes = {"state": status} if status in STATES else {
            "state": "translated", "subState": f"drugstrat:{_nmtoken(status)}"}
        for n, (en, nl) in enumerate(sentence_pairs(pair, ratio, skipped), start=1):
            segment = ET.SubElement(unit, f"{{{NS}}}segment",
                                    {"id": f"{_nmtoken(pair.id)}-{n}", **attributes})
            ET.SubElement(segment, f"{{{NS}}}source").text = _xml_safe(en)
            ET.SubElement(segment, f"{{{NS}}}target").text = _xml_safe(nl)
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") \
        + "\n"
