"""Brackets and quotes, parentheticals, and emphasis."""

from __future__ import annotations

import re
from collections.abc import Iterator

from drugstrat.diff.model import Document, Finding, Severity, check, excerpt

PAIRS = {"(": ")", "[": "]", "{": "}", "“": "”", "«": "»", "‘": "’"}
# "1) prevention; 2) care" and "a) …": enumerators close a bracket they never opened.
ENUMERATOR = re.compile(r"(?<![\w(])(?:\d{1,2}|[a-z])\)")


def unpaired(text: str) -> list[int]:
    """Offsets of brackets and quotes that have no partner."""
    closers = {v: k for k, v in PAIRS.items()}
    skip = {m.end() - 1 for m in ENUMERATOR.finditer(text)}
    stack: list[tuple[str, int]] = []
    lonely: list[int] = []
    for i, ch in enumerate(text):
        if i in skip:
            continue
        if ch == "’" and 0 < i < len(text) - 1 and text[i - 1].isalpha() and text[i + 1].isalpha():
            continue  # an apostrophe: "Belgium’s"
        if ch in PAIRS and not (ch == "‘" and stack and stack[-1][0] == "‘"):
            stack.append((ch, i))
        elif ch in closers:
            if stack and stack[-1][0] == closers[ch]:
                stack.pop()
            elif ch != "’":
                lonely.append(i)
    lonely.extend(i for ch, i in stack if ch != "‘")
    straight = [i for i, ch in enumerate(text) if ch == '"']
    if len(straight) % 2:
        lonely.append(straight[-1])
    return sorted(lonely)


@check("brackets", Severity.warning, "a bracket or quote left unpaired within a text")
def brackets(doc: Document) -> Iterator[Finding]:
    for pair in doc.pairs:
        for lang, record in (("en", pair.en), ("nl", pair.nl)):
            other = pair.nl if lang == "en" else pair.en
            for offset in unpaired(record["text"]):
                mark = record["text"][offset]
                evidence = {lang: excerpt(record["text"], offset, offset + 1),
                            "nl" if lang == "en" else "en": excerpt(other["text"], width=80)}
                yield Finding(
                    pair.id, pair.type, "brackets", Severity.warning,
                    f"unpaired «{mark}» in {lang}", evidence["en"], evidence["nl"],
                    key=f"{lang}{mark}{record['text'][max(0, offset - 12):offset]}",
                    spans={lang: [(offset, offset + 1)]},
                )


def parentheticals(text: str) -> list[tuple[int, int]]:
    spans, depth, start = [], 0, 0
    for i, ch in enumerate(text):
        if ch == "(":
            if depth == 0:
                start = i
            depth += 1
        elif ch == ")" and depth:
            depth -= 1
            if depth == 0:
                spans.append((start, i + 1))
    return spans


@check("parenthetical", Severity.info, "a parenthetical remark in one language only")
def parenthetical(doc: Document) -> Iterator[Finding]:
    for pair in doc.prose_pairs():
        en, nl = parentheticals(pair.en["text"]), parentheticals(pair.nl["text"])
        if len(en) == len(nl):
            continue
        show = {lang: " ".join(record["text"][s:e] for s, e in spans) or "(none)"
                for lang, record, spans in (("en", pair.en, en), ("nl", pair.nl, nl))}
        yield Finding(
            pair.id, pair.type, "parenthetical", Severity.info,
            f"{len(en)} parenthetical(s) in en, {len(nl)} in nl",
            show["en"], show["nl"], key=f"{len(en)}/{len(nl)}", spans={"en": en, "nl": nl},
        )


# When emphasis is missing from one language in most records of a type, that is a house style,
# said once, not a finding per record.
SYSTEMIC_SHARE = 0.5
SYSTEMIC_MIN = 5


@check("emphasis", Severity.info, "bold or italic spans in one language only, or a different "
                                  "number of them")
def emphasis(doc: Document) -> Iterator[Finding]:
    one_sided: dict[tuple[str, str], list] = {}  # (type, lang with emphasis) -> pairs
    with_emphasis: dict[str, int] = {}
    for pair in doc.pairs:
        en = pair.en.get("emphasis", [])
        nl = pair.nl.get("emphasis", [])
        if en or nl:
            with_emphasis[pair.type] = with_emphasis.get(pair.type, 0) + 1
        if len(en) == len(nl):
            continue
        if not en or not nl:
            one_sided.setdefault((pair.type, "nl" if nl else "en"), []).append(pair)
            continue
        yield _emphasis_finding(pair, f"emphasis: {len(en)} span(s) in en, {len(nl)} in nl")
    for (rtype, lang), pairs in one_sided.items():
        if len(pairs) >= SYSTEMIC_MIN and len(pairs) >= SYSTEMIC_SHARE * with_emphasis[rtype]:
            yield _systemic(rtype, lang, pairs)
        else:
            for pair in pairs:
                yield _emphasis_finding(pair, f"emphasis in {lang} only")


def _emphasis_finding(pair, message: str) -> Finding:  # noqa: ANN001
    en = pair.en.get("emphasis", [])
    nl = pair.nl.get("emphasis", [])
    return Finding(
        pair.id, pair.type, "emphasis", Severity.info, message,
        " | ".join(f"{s['kind']}: {s['text']}" for s in en) or "(none)",
        " | ".join(f"{s['kind']}: {s['text']}" for s in nl) or "(none)",
        key=f"{len(en)}/{len(nl)}",
        spans={"en": [(s["start"], s["end"]) for s in en],
               "nl": [(s["start"], s["end"]) for s in nl]},
    )


def _systemic(rtype: str, lang: str, pairs: list) -> Finding:
    other = "nl" if lang == "en" else "en"
    first = pairs[0]
    shown = ", ".join(p.id for p in pairs)
    marked = first.en if lang == "en" else first.nl
    evidence = {lang: f"{len(pairs)} records, e.g. {first.id}: "
                      + " | ".join(s["text"] for s in marked.get("emphasis", [])),
                other: f"no emphasis in {shown}"}
    return Finding(
        first.id, rtype, "emphasis", Severity.info,
        f"{rtype.replace('_', ' ')}s carry emphasis in {lang} only ({len(pairs)} records: "
        f"{shown}); said once, as a house style",
        evidence["en"], evidence["nl"], key=f"systemic:{rtype}:{lang}",
    )
