"""TMX 1.4b: one translation unit per aligned record, or per aligned sentence, and then the
document's own furniture as printed (`export.printed`): headings with their numerals and
labels, the contents, title-page lines, endnotes with their markers, objectives with their
numbers — the lines of a Word original and the paragraphs of a plain-text one that no record
holds as it is. A unit already written is not written again."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from drugstrat import __version__
from drugstrat.export.pairs import Skipped, length_ratio, sentence_pairs, translation_pairs
from drugstrat.export.printed import printed_pairs
from drugstrat.kb.store import KB

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def tmx(kb: KB, langs: tuple[str, str], segments: str = "paragraph",
        skipped: Skipped | None = None, locales: tuple[str, str] | None = None) -> str:
    """The TMX document; `segments` is "paragraph" (a unit per record) or "sentence";
    `locales` the language tags to write (`en-GB`, `nl-BE`), the codes by default."""
    skipped = skipped if skipped is not None else Skipped()
    source, target = locales or langs
    root = ET.Element("tmx", version="1.4")
    ET.SubElement(root, "header", {
        "creationtool": "drugstrat", "creationtoolversion": __version__,
        "segtype": segments, "o-tmf": "drugstrat-kb", "adminlang": "en", "srclang": source,
        "datatype": "plaintext",
    })
    body = ET.SubElement(root, "body")
    pairs = translation_pairs(kb, langs, skipped)
    ratio = length_ratio(pairs)
    written: set[tuple[str, str]] = set()
    safe = skipped.xml

    def unit(tuid: str, record: str, rtype: str, parent: str | None,
             texts: tuple[str, str]) -> None:
        if texts in written:
            return
        written.add(texts)
        tu = ET.SubElement(body, "tu", tuid=safe(record, tuid))
        ET.SubElement(tu, "prop", type="x-record").text = safe(record, record)
        ET.SubElement(tu, "prop", type="x-type").text = safe(record, rtype)
        if parent:
            ET.SubElement(tu, "prop", type="x-parent").text = safe(record, parent)
        for lang, text in zip((source, target), texts, strict=True):
            tuv = ET.SubElement(tu, "tuv", {XML_LANG: lang})
            ET.SubElement(tuv, "seg").text = safe(record, text)

    for pair in pairs:
        if segments == "sentence":
            for n, texts in enumerate(sentence_pairs(pair, ratio, skipped), start=1):
                unit(f"{pair.id}#{n}", pair.id, pair.type, pair.parent, texts)
        else:
            unit(pair.id, pair.id, pair.type, pair.parent, (pair.source, pair.target))
    for printed in printed_pairs(kb, langs, ratio, sentences=segments == "sentence"):
        unit(printed.id, printed.record, f"printed-{printed.kind}", None,
             (printed.source, printed.target))
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") \
        + "\n"
