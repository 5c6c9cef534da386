"""TMX 1.4b: one translation unit per aligned record, or per aligned sentence."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from drugstrat import __version__
from drugstrat.export.pairs import Skipped, length_ratio, sentence_pairs, translation_pairs
from drugstrat.store import KB

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def tmx(kb: KB, segments: str = "paragraph", skipped: Skipped | None = None) -> str:
    """The TMX document; `segments` is "paragraph" (a unit per record) or "sentence"."""
    skipped = skipped if skipped is not None else Skipped()
    root = ET.Element("tmx", version="1.4")
    ET.SubElement(root, "header", {
        "creationtool": "drugstrat", "creationtoolversion": __version__,
        "segtype": segments, "o-tmf": "drugstrat-kb", "adminlang": "en", "srclang": "en",
        "datatype": "plaintext",
    })
    body = ET.SubElement(root, "body")
    pairs = translation_pairs(kb, skipped)
    ratio = length_ratio(pairs)
    for pair in pairs:
        if segments == "sentence":
            units = sentence_pairs(pair, ratio, skipped)
            ids = [f"{pair.id}#{n}" for n in range(1, len(units) + 1)]
        else:
            units, ids = [(pair.en, pair.nl)], [pair.id]
        for tuid, (en, nl) in zip(ids, units, strict=True):
            tu = ET.SubElement(body, "tu", tuid=tuid)
            ET.SubElement(tu, "prop", type="x-record").text = pair.id
            ET.SubElement(tu, "prop", type="x-type").text = pair.type
            if pair.parent:
                ET.SubElement(tu, "prop", type="x-parent").text = pair.parent
            for lang, text in (("en", en), ("nl", nl)):
                tuv = ET.SubElement(tu, "tuv", {XML_LANG: lang})
                ET.SubElement(tuv, "seg").text = _xml_safe(text)
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") \
        + "\n"


def _xml_safe(text: str) -> str:
    """XML 1.0 cannot carry most control characters, even escaped: drop them."""
    return "".join(ch for ch in text if ch in "\t\n\r" or ord(ch) >= 0x20)
