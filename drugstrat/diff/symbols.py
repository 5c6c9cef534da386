"""Brackets and quotes, parentheticals, and emphasis."""

from __future__ import annotations

from collections.abc import Iterator

from drugstrat.diff.model import Document, Finding, Pair, Severity, check, excerpt
from drugstrat.text.brackets import parentheticals, unpaired


@check("brackets", Severity.warning, "a bracket or quote left unpaired within a text")
def brackets(doc: Document) -> Iterator[Finding]:
    for pair in doc.pairs:
        for lang, record, other in pair.sides():
            for offset in unpaired(record["text"]):
                mark = record["text"][offset]
                yield Finding(
                    pair.id, pair.type, "brackets", Severity.warning,
                    f"unpaired «{mark}» in {lang}",
                    {lang: excerpt(record["text"], offset, offset + 1),
                     other["lang"]: excerpt(other["text"], width=80)},
                    key=f"{lang}{mark}{record['text'][max(0, offset - 12):offset]}",
                    spans={lang: [(offset, offset + 1)]},
                )


@check("parenthetical", Severity.info, "a parenthetical remark in one language only")
def parenthetical(doc: Document) -> Iterator[Finding]:
    a, b = doc.langs
    for pair in doc.prose_pairs():
        spans = {lang: parentheticals(record["text"]) for lang, record, _ in pair.sides()}
        if len(spans[a]) == len(spans[b]):
            continue
        # A remark the other text makes too, only not in brackets, is no difference.
        more = a if len(spans[a]) > len(spans[b]) else b
        spans[more] = [s for s in spans[more]
                       if not _said_unbracketed(doc, pair, more, s, spans[doc.other(more)])]
        if len(spans[a]) == len(spans[b]):
            continue
        shown = {lang: " ".join(pair[lang]["text"][s:e] for s, e in spans[lang]) or "(none)"
                 for lang in (a, b)}
        # The content at stake: a remark with words of its own the other text lacks, such as a
        # definition ("(TVD)") or a gloss ("(follow-the-money)"), is a warning; brackets alone
        # are a matter of style.
        content = [s for s in spans[more] if _has_content(doc, pair, more, s)]
        severity = Severity.warning if content else Severity.info
        headline = (f"«{pair[more]['text'][content[0][0]:content[0][1]]}» in {more} only"
                    if content else f"{len(spans[a])} parenthetical(s) in {a}, "
                                    f"{len(spans[b])} in {b}")
        yield Finding(
            pair.id, pair.type, "parenthetical", severity, headline, shown,
            key=f"{len(spans[a])}/{len(spans[b])}",
            spans={more: content or spans[more]},
        )


def _has_content(doc: Document, pair: Pair, lang: str, span: tuple[int, int]) -> bool:
    """Whether a parenthesis holds a word that is no small word and that nothing in the other
    text translates."""
    links = doc.links(pair, as_evidence=True)
    linked = links.linked_a if lang == doc.langs[0] else links.linked_b
    inside = [t for t in doc.tokens(pair[lang])
              if span[0] <= t.start and t.end <= span[1] and (t.content or t.number)]
    return any(t.position not in linked for t in inside)


# When emphasis is missing from one language in most records of a type, that is a house style,
# said once, not a finding per record.
SYSTEMIC_SHARE = 0.5
SYSTEMIC_MIN = 5


@check("emphasis", Severity.info, "bold or italic spans in one language only, or a different "
                                  "number of them")
def emphasis(doc: Document) -> Iterator[Finding]:
    a, b = doc.langs
    one_sided: dict[tuple[str, str], list[Pair]] = {}  # (type, lang with emphasis) -> pairs
    with_emphasis: dict[str, int] = {}
    for pair in doc.pairs:
        mine, theirs = pair.a.get("emphasis", []), pair.b.get("emphasis", [])
        if mine or theirs:
            with_emphasis[pair.type] = with_emphasis.get(pair.type, 0) + 1
        if len(mine) == len(theirs):
            continue
        if not mine or not theirs:
            one_sided.setdefault((pair.type, b if theirs else a), []).append(pair)
            continue
        yield _emphasis_finding(pair, f"emphasis: {len(mine)} span(s) in {a}, "
                                      f"{len(theirs)} in {b}")
    for (rtype, lang), pairs in one_sided.items():
        if len(pairs) >= SYSTEMIC_MIN and len(pairs) >= SYSTEMIC_SHARE * with_emphasis[rtype]:
            yield _systemic(doc, rtype, lang, pairs)
        else:
            for pair in pairs:
                yield _emphasis_finding(pair, f"emphasis in {lang} only")


def _emphasis_finding(pair: Pair, message: str) -> Finding:
    marks = {lang: record.get("emphasis", []) for lang, record, _ in pair.sides()}
    a, b = pair.a["lang"], pair.b["lang"]
    return Finding(
        pair.id, pair.type, "emphasis", Severity.info, message,
        {lang: " | ".join(f"{s['kind']}: {s['text']}" for s in spans) or "(none)"
         for lang, spans in marks.items()},
        key=f"{len(marks[a])}/{len(marks[b])}",
        spans={lang: [(s["start"], s["end"]) for s in spans] for lang, spans in marks.items()},
    )


def _systemic(doc: Document, rtype: str, lang: str, pairs: list[Pair]) -> Finding:
    first = pairs[0]
    shown = ", ".join(p.id for p in pairs)
    return Finding(
        first.id, rtype, "emphasis", Severity.info,
        f"{rtype.replace('_', ' ')}s carry emphasis in {lang} only ({len(pairs)} records: "
        f"{shown}); said once, as a house style",
        {lang: f"{len(pairs)} records, e.g. {first.id}: "
               + " | ".join(s["text"] for s in first[lang].get("emphasis", [])),
         doc.other(lang): f"no emphasis in {shown}"},
        key=f"systemic:{rtype}:{lang}",
    )


def _said_unbracketed(doc: Document, pair: Pair, lang: str, span: tuple[int, int],
                      their_spans: list[tuple[int, int]]) -> bool:
    """Whether the other text says what a parenthetical says, outside its own brackets: every
    content word of it is linked to a word of the other text standing outside parentheses."""
    if doc.lexicon is None:
        return False
    partner = doc.partners(pair, lang)
    theirs = doc.tokens(pair[doc.other(lang)])
    inside = [t for t in doc.tokens(pair[lang]) if span[0] < t.start and t.end < span[1]
              and t.content]
    return bool(inside) and all(
        t.position in partner and not any(s <= theirs[partner[t.position]].start < e
                                          for s, e in their_spans) for t in inside)
