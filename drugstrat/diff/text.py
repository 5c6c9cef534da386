"""The text itself: repeated words, untranslated text, length outliers, sentence counts."""

from __future__ import annotations

import difflib
import functools
import math
import re
from collections import Counter
from collections.abc import Iterator

from drugstrat.diff.model import Document, Finding, Pair, Severity, Span, check, excerpt
from drugstrat.kb.lengths import median_ratio
from drugstrat.record import PEOPLE_TYPES
from drugstrat.text.controls import Unformatted
from drugstrat.text.fold import fold
from drugstrat.text.sentences import sentences
from drugstrat.text.words import function_word_share, words

DOUBLED = re.compile(r"(?<!\w)([^\W\d_]{2,})\s+\1(?![\w-])", re.IGNORECASE | re.UNICODE)
# A sentence must be this long before its language is judged; shorter ones are names and terms.
MIN_SENTENCE_WORDS = 6
COPIED = 0.8  # share of a foreign sentence's words standing in order in the other text: a copy
MAX_SAID = 3  # differences of a copy said in its message
MIN_RATIO_LENGTH = 40
MIN_LENGTH_GAP = 40  # characters: a short text may double its length without anything missing
RATIO_TOLERANCE = 1.8  # a pair this many times longer or shorter than usual is an outlier


@check("repeated-words", Severity.warning, "a word repeated by mistake (\"the the\", "
                                           "\"regulated and regulated\")")
def repeated_words(doc: Document) -> Iterator[Finding]:
    for pair in doc.pairs:
        for lang, record, other in pair.sides():
            conjunctions = "|".join(re.escape(c) for c in doc.tables[lang].conjunctions)
            # "X and X" is a slip when nothing qualifies the second X ("regulated and
            # regulated."); "groups and groups with complex needs" is a contrast.
            joined = re.compile(
                rf"(?<!\w)([^\W\d_]{{3,}})\s+(?:{conjunctions})\s+\1(?=\s*(?:[.;:,)]|$))",
                re.IGNORECASE | re.UNICODE)
            allowed = {w.casefold() for w in doc.tables[lang].allowed_repeats}
            for pattern in (DOUBLED, joined):
                for match in pattern.finditer(record["text"]):
                    if pattern is DOUBLED and match.group(1).casefold() in allowed:
                        continue  # the grammar's own doubling: "nous nous engageons"
                    yield Finding(
                        pair.id, pair.type, "repeated-words", Severity.warning,
                        f"«{match.group()}» in {lang}",
                        {lang: excerpt(record["text"], *match.span()),
                         other["lang"]: excerpt(other["text"], width=90)},
                        key=f"{lang}:{match.group().casefold()}", spans={lang: [match.span()]},
                    )


@check("stray-article", Severity.warning, "an article with no noun after it (\"the and\", "
                                          "\"de en\"): words dropped")
def stray_article(doc: Document) -> Iterator[Finding]:
    """An article (in lower case, as it stands inside a sentence) followed straight by a
    conjunction heads no noun phrase: what it headed was lost ("the illegal production and
    trafficking" -> "the and trafficking"). Two articles joined ("le ou la ministre") and an
    article that is also the numeral one ("een of meer") are grammar."""
    for pair in doc.pairs:
        for lang, record, other in pair.sides():
            table = doc.tables[lang]
            pattern = _stray_article(table.articles, table.numeral_articles,
                                     table.conjunctions)
            if pattern is None:
                continue
            seen: Counter[str] = Counter()
            for match in pattern.finditer(record["text"]):
                said = match.group().casefold()
                seen[said] += 1
                yield Finding(
                    pair.id, pair.type, "stray-article", Severity.warning,
                    f"«{match.group()}» in {lang}: an article with no noun after it",
                    {lang: excerpt(record["text"], *match.span()),
                     other["lang"]: excerpt(other["text"], width=90)},
                    # Its words and which of them it is, not its offset: an acceptance
                    # survives an edit elsewhere in the record.
                    key=f"{lang}:{said}:{seen[said]}",
                    spans={lang: [match.span()]},
                )


@functools.lru_cache(maxsize=8)
def _stray_article(articles: tuple[str, ...], numerals: tuple[str, ...],
                   conjunctions: tuple[str, ...]) -> re.Pattern[str] | None:
    plain = [a for a in articles if a not in numerals and a[-1] not in "'’"]
    if not plain or not conjunctions:
        return None
    article = "|".join(re.escape(a) for a in plain)
    conjunction = "|".join(re.escape(c) for c in conjunctions)
    return re.compile(rf"(?<![\w(\[/'’-])(?:{article})\s+(?:{conjunction})(?![\w/-])"
                      rf"(?!\s+(?:{article})(?!\w))")


@check("untranslated", Severity.error, "text left untranslated: identical in both languages, "
                                       "or a sentence in the other language (compared with "
                                       "the original it copies)")
def untranslated(doc: Document) -> Iterator[Finding]:
    a, b = doc.langs
    for pair in doc.prose_pairs():
        mine, theirs = pair.a["text"], pair.b["text"]
        if pair.type in PEOPLE_TYPES:
            continue  # names and offices: the language of a name says nothing
        # Compared as a reader sees them: zero-width characters hide nothing (and are said).
        seen = Unformatted(mine), Unformatted(theirs)
        if fold(seen[0]) == fold(seen[1]) and len(words(seen[0])) >= 4:
            yield Finding(pair.id, pair.type, "untranslated", Severity.error,
                          f"identical in {a} and {b}{_hiding(*seen)}",
                          {a: excerpt(mine, width=120), b: excerpt(theirs, width=120)},
                          key="identical",
                          spans={a: [(0, len(mine))], b: [(0, len(theirs))]})
            continue
        yield from _foreign_sentences(doc, pair)


def _hiding(*texts: Unformatted) -> str:
    """What a message adds where format characters stood in the way."""
    hidden = sorted({code for text in texts for code in text.hidden})
    return f", behind invisible format characters ({', '.join(hidden)})" if hidden else ""


def _foreign_sentences(doc: Document, pair: Pair) -> Iterator[Finding]:
    for lang, record, counterpart in reversed(pair.sides()):
        other = counterpart["lang"]
        own, foreign = doc.tables[lang], doc.tables[other]
        text = Unformatted(record["text"])
        for sentence in sentences(text, own):
            if len(words(sentence)) < MIN_SENTENCE_WORDS:
                continue
            theirs = function_word_share(sentence, foreign)
            if theirs >= 0.15 and theirs > 2 * function_word_share(sentence, own):
                found = text.find(sentence)
                start, end = text.span(found, found + len(sentence))
                said = (f"a sentence of the {lang} text is in {foreign.name}"
                        f"{_hiding(Unformatted(record['text'][start:end]))}")
                differences = copy_differences(record["text"][start:end], counterpart["text"])
                if differences:
                    yield _differing_copy(pair, lang, other, said, start, differences)
                    continue
                yield Finding(
                    pair.id, pair.type, "untranslated", Severity.error, said,
                    {lang: excerpt(record["text"][start:end], width=140),
                     other: excerpt(counterpart["text"], width=140)},
                    key=f"{lang}:{sentence[:40]}", spans={lang: [(start, end)]},
                )


def _differing_copy(pair: Pair, lang: str, other: str, said: str, offset: int,
                    differences: list[tuple[Span, Span]]) -> Finding:
    """A sentence left in the other language that is not even the original it copies: each
    place where copy and original part is said, with what stands in the original."""
    copy, original = pair[lang]["text"], pair[other]["text"]

    def at(text: str, span: Span) -> str:
        return text[span[0]:span[1]]

    def difference(here: Span, there: Span) -> str:
        mine, theirs = at(copy, here), at(original, there)
        if not mine:
            return f"{other}'s «{theirs}» left out"
        return f"«{mine}» where {other} has «{theirs}»" if theirs else f"«{mine}» added"

    places = [((a + offset, b + offset), there) for (a, b), there in differences]
    shown = "; ".join(difference(here, there) for here, there in places[:MAX_SAID])
    more = f" and {len(places) - MAX_SAID} more" if len(places) > MAX_SAID else ""
    return Finding(
        pair.id, pair.type, "untranslated", Severity.error,
        f"{said}, copied from {other} with {len(places)} difference(s): {shown}{more}",
        # One excerpt around the differences said: the highlighted spans show each.
        {lang: excerpt(copy, places[0][0][0], places[:MAX_SAID][-1][0][1], width=60),
         other: excerpt(original, places[0][1][0], places[:MAX_SAID][-1][1][1], width=60)},
        key=f"{lang}:copy:" + "|".join(fold(at(copy, here)) for here, _ in places),
        spans={lang: [here for here, _ in places], other: [there for _, there in places]},
    )


def copy_differences(copy: str, original: str) -> list[tuple[Span, Span]]:
    """Where a copied stretch of text parts from the original it copies, word by word (a
    capital too: a copy is exact): pairs of spans, in the copy and in the original (an empty
    span where one has nothing). Nothing where the copy is exact, or is no copy (less than
    COPIED of its words stand, in order, in the original)."""
    mine = list(re.finditer(r"\w+", copy))
    theirs = list(re.finditer(r"\w+", original))
    if not mine or not theirs:
        return []
    matcher = difflib.SequenceMatcher(None, [m.group() for m in mine],
                                      [m.group() for m in theirs], autojunk=False)
    blocks = [b for b in matcher.get_matching_blocks() if b.size]
    if sum(b.size for b in blocks) < COPIED * len(mine):
        return []
    # The stretch of the original the copy copies: from its first matched word to its last,
    # widened by the copy's unmatched words at either end.
    first, last = blocks[0], blocks[-1]
    lo = max(0, first.b - first.a)
    hi = min(len(theirs), last.b + last.size + len(mine) - (last.a + last.size))
    window = theirs[lo:hi]
    matcher = difflib.SequenceMatcher(None, [m.group() for m in mine],
                                      [m.group() for m in window], autojunk=False)

    def span(found: list[re.Match[str]], i: int, j: int) -> Span:
        if i < j:
            return found[i].start(), found[j - 1].end()
        at = found[i].start() if i < len(found) else (found[-1].end() if found else 0)
        return at, at

    return [(span(mine, i1, i2), span(window, j1, j2))
            for tag, i1, i2, j1, j2 in matcher.get_opcodes() if tag != "equal"]


def document_ratio(doc: Document) -> float:
    if "ratio" not in doc.memo:
        doc.memo["ratio"] = median_ratio(((p.a["text"], p.b["text"])
                                          for p in doc.prose_pairs()), MIN_RATIO_LENGTH)
    return doc.memo["ratio"]


@check("length-ratio", Severity.warning, "a translation much longer or shorter than the "
                                         "document's usual length ratio")
def length_ratio(doc: Document) -> Iterator[Finding]:
    usual = document_ratio(doc)
    a, b = doc.langs
    for pair in doc.prose_pairs():
        n, m = len(pair.a["text"]), len(pair.b["text"])
        if max(n, m) < MIN_RATIO_LENGTH or abs(n - m) < MIN_LENGTH_GAP or not n or not m:
            continue
        ratio = m / n
        if abs(math.log(ratio / usual)) > math.log(RATIO_TOLERANCE):
            longer = b if ratio > usual else a
            yield Finding(
                pair.id, pair.type, "length-ratio", Severity.warning,
                f"{b}/{a} length {ratio:.2f} against the document's usual {usual:.2f}: "
                f"the {longer} text is much longer",
                {lang: f"{len(pair[lang]['text'])} characters: "
                       f"{excerpt(pair[lang]['text'], width=100)}" for lang in (a, b)},
                key=f"{round(ratio, 1)}",
            )


@check("sentence-count", Severity.info, "a different number of sentences")
def sentence_count(doc: Document) -> Iterator[Finding]:
    a, b = doc.langs
    for pair in doc.prose_pairs():
        found = {lang: sentences(record["text"], doc.tables[lang])
                 for lang, record, _ in pair.sides()}
        if len(found[a]) != len(found[b]):
            yield Finding(
                pair.id, pair.type, "sentence-count", Severity.info,
                f"{len(found[a])} sentence(s) in {a}, {len(found[b])} in {b}",
                {lang: " ‖ ".join(excerpt(s, width=50) for s in found[lang]) for lang in (a, b)},
                key=f"{len(found[a])}/{len(found[b])}",
            )
