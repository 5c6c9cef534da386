"""TMX 1.4b: one translation unit per aligned record, or per aligned sentence."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from drugstrat import __version__
from drugstrat.export.pairs import Skipped, length_ratio, sentence_pairs, translation_pairs
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
    for pair in pairs:
        if segments == "sentence":
            units = sentence_pairs(pair, ratio, skipped)
            ids = [f"{pair.id}#{n}" for n in range(1, len(units) + 1)]
        else:
            units, ids = [(pair.source, pair.target)], [pair.id]
        safe = skipped.xml
        for tuid, texts in zip(ids, units, strict=True):
            tu = ET.SubElement(body, "tu", tuid=safe(pair.id, tuid))
            ET.SubElement(tu, "prop", type="x-record").text = safe(pair.id, pair.id)
            ET.SubElement(tu, "prop", type="x-type").text = safe(pair.id, pair.type)
            if pair.parent:
                ET.SubElement(tu, "prop", type="x-parent").text = safe(pair.id, pair.parent)
            for lang, text in zip((source, target), texts, strict=True):
                tuv = ET.SubElement(tu, "tuv", {XML_LANG: lang})
                ET.SubElement(tuv, "seg").text = safe(pair.id, text)
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") \
        + "\n"
