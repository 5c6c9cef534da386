"""The bundled strategy parsed end to end, against a golden file a reader can check by eye.

The golden file lists every record of both languages (id, type, parent, the start of its text)
and the counts per type. After an intended change to the parser, regenerate it with
`UPDATE_GOLDEN=1 pytest tests/test_golden.py` and review the diff like any other change.
"""

from __future__ import annotations

import os
from pathlib import Path

from drugstrat.kb import build as kb

from .conftest import EN_SOURCE, NL_SOURCE

GOLDEN = Path(__file__).parent / "golden" / "bundled.txt"


def summarise(tmp_path: Path) -> str:
    report = kb.prepare({"en": EN_SOURCE, "nl": NL_SOURCE}, tmp_path)
    lines = []
    for lang, built in report.languages.items():
        lines.append(f"## {lang}: {len(built.records)} records, "
                     f"{report.unaligned()[lang]} unaligned, {len(built.warnings)} warnings")
        for rtype, count in report.counts()[lang].items():
            lines.append(f"#   {rtype}: {count}")
        for warning in built.warnings:
            lines.append(f"#   warning: {warning.line}: {warning.message}")
        for r in built.records:
            flag = "" if r["aligned"] else "  [unaligned]"
            lines.append(f"{r['id']}\t{r['type']}\t{r.get('parent') or '-'}\t"
                         f"{r['text'][:90]}{flag}")
    return "\n".join(lines) + "\n"


def test_bundled_parse_matches_the_golden_file(tmp_path):
    actual = summarise(tmp_path)
    if os.environ.get("UPDATE_GOLDEN"):
        GOLDEN.write_text(actual, encoding="utf-8")
    assert actual == GOLDEN.read_text(encoding="utf-8")


def test_bundled_strategy_has_what_a_reader_sees(tmp_path):
    """Facts checked by eye against the source texts, independent of the golden file."""
    report = kb.prepare({"en": EN_SOURCE, "nl": NL_SOURCE}, tmp_path)
    for built in report.languages.values():
        records = {r["id"]: r for r in built.records}
        assert [records[f"SO{n}"]["number"] for n in range(1, 7)] == [str(n) for n in range(1, 7)]
        specific = [r["id"] for r in built.records if r["type"] == "specific_objective"]
        assert specific[:3] == ["1.1", "1.2", "1.3"] and "3.10" in specific and "6.5" in specific
        assert len(specific) == 7 + 5 + 10 + 3 + 4 + 5
        assert records["5.1"]["parent"] == "SO5"  # its bullet is missing in both texts
        assert len([r for r in built.records if r["type"] == "endnote"]) == 8
        assert len([r for r in built.records if r["type"] == "signatory"]) == 26
        assert records["coord1"]["name"] == "Charlotte Colman"
        assert len([r for r in built.records if r["type"] == "scope_item"]) == 5
        assert len([r for r in built.records if r["type"] == "mission_aim"]) == 9
        assert len([r for r in built.records if r["type"] == "mission_means"]) == 11
        assert not any("**" in r["text"] for r in built.records)
        assert built.warnings == []
    en = {r["id"]: r for r in report.languages["en"].records}
    nl = {r["id"]: r for r in report.languages["nl"].records}
    assert en["3.4"]["text"].startswith("To promote a reinforced local effort")
    assert nl["3.4"]["text"].startswith("Bevorderen van een versterkte lokale aanpak")
    assert en["n8"]["cited_by"] == nl["n8"]["cited_by"] == ["means8"]
    # The Dutch SO 2 has the English paragraphs 2 and 3 as one: aligned, not shifted.
    assert nl["SO2.p2"]["merges"] == ["SO2.p2", "SO2.p3"]
    assert en["SO2.p3"]["aligned"] is False
    assert nl["SO2.p4"]["text"].startswith("Bijzondere aandacht is noodzakelijk")
    assert en["SO2.p4"]["text"].startswith("Particular attention needs")


def pdf_like(text: str, width: int = 72) -> bytes:
    """The text as PDF extraction gives it: hard-wrapped lines, `•` bullets with their text
    wrapped under them, page breaks with page numbers, CRLF, UTF-16 with a BOM."""
    import textwrap

    out: list[str] = []
    for line in text.split("\n"):
        bullet = line.startswith("- ")
        body = line[2:] if bullet else line
        wrapped = textwrap.wrap(body, width, break_on_hyphens=False,
                                break_long_words=False) or [""]
        if bullet:
            wrapped = ["• " + wrapped[0]] + ["  " + rest for rest in wrapped[1:]]
        out.extend(wrapped)
    paged: list[str] = []
    for number, line in enumerate(out, start=1):
        paged.append(line)
        if number % 45 == 0 and not line.strip():
            paged += [str(number // 45), "", "\f"]
    return "\r\n".join(paged).encode("utf-16")


def test_the_bundled_pair_parses_the_same_from_pdf_like_text(tmp_path):
    from drugstrat.languages import LANGUAGES
    from drugstrat.parse import decode, parse_text

    for lang, source in (("en", EN_SOURCE), ("nl", NL_SOURCE)):
        text = source.read_text(encoding="utf-8")
        plain = parse_text(text, LANGUAGES[lang]).records
        pdf = parse_text(decode(pdf_like(text), "pdf.txt"), LANGUAGES[lang]).records

        def norm(record: dict) -> tuple[str, str, str]:
            # A line that ends in "drugs-" before "en" is read as one word: a known ambiguity
            # of hard-wrapped text ("drugs- en" / "evidence-\\ninformed"), so hyphens are
            # compared without the space after them.
            return record["id"], record["type"], " ".join(record["text"].split()).replace(
                "- ", "-")

        assert [norm(r) for r in pdf] == [norm(r) for r in plain]
