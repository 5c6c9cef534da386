"""Inline enumerations: "such as a, b and c", "(e.g. a, b)", "zoals a, b en c"."""

from __future__ import annotations

import re
from collections.abc import Iterator

from drugstrat.diff.model import Document, Finding, Severity, check, excerpt
from drugstrat.groups import cue_positions, list_extent, split_series
from drugstrat.lang import Language
from drugstrat.textutil import fold

# Two items are the same thing in both languages when they are near-identical once folded
# ("LGBTQIA+", "journalists"/"journalisten") or share a glossary term.
COGNATE_SIMILARITY = 75


def inline_series(text: str, lang: Language) -> list[list[str]]:
    """The inline lists of a text, each as its items: after a cue word, or in parentheses."""
    found: list[tuple[int, list[str]]] = []
    cues = tuple(dict.fromkeys(lang.series_cues + lang.group_cues))
    taken: list[tuple[int, int]] = []
    for start, end in cue_positions(text, cues):
        extent = list_extent(text, start, end)
        items = split_series(extent, lang)
        # Only a real series, with commas, is counted: "both a and b as well as c" is prose.
        if len(items) >= 2 and "," in extent:
            found.append((start, _expand_suspended(items, lang)))
            taken.append((start, end + len(extent)))
    for match in re.finditer(r"\(([^()]*(?:\([^()]*\)[^()]*)*)\)", text):
        if any(match.start() <= s < match.end() or s <= match.start() < e for s, e in taken):
            continue  # "(such as a, b)": already read from its cue
        items = split_series(match.group(1), lang)
        if len(items) >= 2 and "," in match.group(1):
            found.append((match.start(), _expand_suspended(items, lang)))
    return [items for _, items in sorted(found, key=lambda pair: pair[0])]


def _expand_suspended(items: list[str], lang: Language) -> list[str]:
    """Count "tabaks- en soortgelijke producten" as the two items it names."""
    conjunctions = "|".join(re.escape(c) for c in lang.conjunctions)
    out = []
    for item in items:
        parts = re.split(rf"(?<=\w-),?\s+(?:(?:{conjunctions})\s+)?(?=\w)", item)
        out.extend(parts if len(parts) > 1 else [item])
    return out


@check("enumeration", Severity.warning, "an inline list (such as / e.g. / zoals / parentheses) "
                                        "with a different number of items")
def enumeration(doc: Document) -> Iterator[Finding]:
    from rapidfuzz import fuzz

    for pair in doc.prose_pairs():
        en_lists = inline_series(pair.en["text"], doc.langs["en"])
        nl_lists = inline_series(pair.nl["text"], doc.langs["nl"])
        if not en_lists or len(en_lists) != len(nl_lists):
            continue  # lists we cannot pair are not compared: better silent than wrong
        for n, (en, nl) in enumerate(zip(en_lists, nl_lists, strict=True), start=1):
            if len(en) == len(nl):
                continue
            unmatched_en, unmatched_nl = _unmatched(en, nl, doc, fuzz.ratio)
            detail = ""
            surplus, extra = (unmatched_nl, "nl") if len(nl) > len(en) else (unmatched_en, "en")
            if 0 < len(surplus) <= abs(len(en) - len(nl)):
                detail = f"; in {extra} only: " + ", ".join(f"«{item}»" for item in surplus)
            yield Finding(
                pair.id, pair.type, "enumeration", Severity.warning,
                f"list {n} has {len(en)} item(s) in en and {len(nl)} in nl{detail}",
                " | ".join(en), " | ".join(nl), key=f"{n}:{len(en)}/{len(nl)}",
                spans={lang: _spans(record["text"], items)
                       for lang, record, items in (("en", pair.en, unmatched_en),
                                                   ("nl", pair.nl, unmatched_nl))},
            )


@check("open-list", Severity.warning, "an open-ended list (etc., enz., …) in one language only")
def open_list(doc: Document) -> Iterator[Finding]:
    for pair in doc.prose_pairs():
        marks = {}
        for lang, record in (("en", pair.en), ("nl", pair.nl)):
            table = doc.langs[lang]
            pattern = "|".join(re.escape(m) for m in table.open_list_markers)
            marks[lang] = [m.span() for m in re.finditer(rf"(?<!\w)(?:{pattern})", record["text"])]
        if bool(marks["en"]) == bool(marks["nl"]):
            continue
        lang = "en" if marks["en"] else "nl"
        record = pair.en if lang == "en" else pair.nl
        start, end = marks[lang][0]
        evidence = {lang: excerpt(record["text"], start, end), }
        other = "nl" if lang == "en" else "en"
        evidence[other] = "(closed list)"
        yield Finding(
            pair.id, pair.type, "open-list", Severity.warning,
            f"an open-ended list («{record['text'][start:end]}») in {lang} only",
            evidence["en"], evidence["nl"], key=lang, spans={lang: marks[lang]},
        )


def _unmatched(en: list[str], nl: list[str], doc: Document, ratio) -> tuple[list[str], list[str]]:  # noqa: ANN001
    left_nl = list(nl)
    left_en = []
    for item in en:
        match = next((other for other in left_nl if _same(item, other, doc, ratio)), None)
        if match is None:
            left_en.append(item)
        else:
            left_nl.remove(match)
    return left_en, left_nl


def _same(en: str, nl: str, doc: Document, ratio) -> bool:  # noqa: ANN001
    if ratio(fold(en), fold(nl)) >= COGNATE_SIMILARITY:
        return True
    return any(term.found("en", en) and term.found("nl", nl) for term in doc.glossary.terms)


def _spans(text: str, items: list[str]) -> list[tuple[int, int]]:
    spans = []
    for item in items:
        at = text.find(item)
        if at >= 0:
            spans.append((at, at + len(item)))
    return spans
