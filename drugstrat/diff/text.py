"""The text itself: repeated words, untranslated text, length outliers, sentence counts."""

from __future__ import annotations

import math
import re
from collections.abc import Iterator

from drugstrat.align import median_ratio
from drugstrat.diff.model import Document, Finding, Pair, Severity, check, excerpt
from drugstrat.textutil import fold, function_word_share, sentences, words

DOUBLED = re.compile(r"(?<!\w)([^\W\d_]{2,})\s+\1(?![\w-])", re.IGNORECASE | re.UNICODE)
# A sentence must be this long before its language is judged; shorter ones are names and terms.
MIN_SENTENCE_WORDS = 6
MIN_RATIO_LENGTH = 40
MIN_LENGTH_GAP = 40  # characters: a short text may double its length without anything missing
PEOPLE = {"signatory", "coordinator"}
RATIO_TOLERANCE = 1.8  # a pair this many times longer or shorter than usual is an outlier


@check("repeated-words", Severity.warning, "a word repeated by mistake (\"the the\", "
                                           "\"regulated and regulated\")")
def repeated_words(doc: Document) -> Iterator[Finding]:
    for pair in doc.pairs:
        for lang, record in (("en", pair.en), ("nl", pair.nl)):
            conjunctions = "|".join(re.escape(c) for c in doc.langs[lang].conjunctions)
            # "X and X" is a slip when nothing qualifies the second X ("regulated and
            # regulated."); "groups and groups with complex needs" is a contrast.
            joined = re.compile(
                rf"(?<!\w)([^\W\d_]{{3,}})\s+(?:{conjunctions})\s+\1(?=\s*(?:[.;:,)]|$))",
                re.IGNORECASE | re.UNICODE)
            for pattern in (DOUBLED, joined):
                for match in pattern.finditer(record["text"]):
                    other = pair.nl if lang == "en" else pair.en
                    evidence = {lang: excerpt(record["text"], *match.span()),
                                "nl" if lang == "en" else "en": excerpt(other["text"], width=90)}
                    yield Finding(
                        pair.id, pair.type, "repeated-words", Severity.warning,
                        f"«{match.group()}» in {lang}", evidence["en"], evidence["nl"],
                        key=f"{lang}:{match.group().casefold()}", spans={lang: [match.span()]},
                    )


@check("untranslated", Severity.error, "text left untranslated: identical in both languages, "
                                       "or a sentence in the other language")
def untranslated(doc: Document) -> Iterator[Finding]:
    for pair in doc.prose_pairs():
        en, nl = pair.en["text"], pair.nl["text"]
        if pair.type in PEOPLE:
            continue  # names and offices: the language of a name says nothing
        if fold(en) == fold(nl) and len(words(en)) >= 4:
            yield Finding(pair.id, pair.type, "untranslated", Severity.error,
                          "identical in en and nl", excerpt(en, width=120),
                          excerpt(nl, width=120), key="identical",
                          spans={"en": [(0, len(en))], "nl": [(0, len(nl))]})
            continue
        yield from _foreign_sentences(doc, pair)


def _foreign_sentences(doc: Document, pair: Pair) -> Iterator[Finding]:
    for lang, record, other in (("nl", pair.nl, "en"), ("en", pair.en, "nl")):
        own, foreign = doc.langs[lang], doc.langs[other]
        for sentence in sentences(record["text"], own):
            if len(words(sentence)) < MIN_SENTENCE_WORDS:
                continue
            theirs = function_word_share(sentence, foreign)
            if theirs >= 0.15 and theirs > 2 * function_word_share(sentence, own):
                start = record["text"].find(sentence)
                counterpart = pair.en if lang == "nl" else pair.nl
                evidence = {lang: excerpt(sentence, width=140),
                            other: excerpt(counterpart["text"], width=140)}
                yield Finding(
                    pair.id, pair.type, "untranslated", Severity.error,
                    f"a sentence of the {lang} text is in {foreign.name}",
                    evidence["en"], evidence["nl"], key=f"{lang}:{sentence[:40]}",
                    spans={lang: [(start, start + len(sentence))]},
                )


def document_ratio(doc: Document) -> float:
    if "ratio" not in doc.memo:
        doc.memo["ratio"] = median_ratio(((p.en["text"], p.nl["text"])
                                          for p in doc.prose_pairs()), MIN_RATIO_LENGTH)
    return doc.memo["ratio"]


@check("length-ratio", Severity.warning, "a translation much longer or shorter than the "
                                         "document's usual length ratio")
def length_ratio(doc: Document) -> Iterator[Finding]:
    usual = document_ratio(doc)
    for pair in doc.prose_pairs():
        en, nl = len(pair.en["text"]), len(pair.nl["text"])
        if max(en, nl) < MIN_RATIO_LENGTH or abs(en - nl) < MIN_LENGTH_GAP or not en or not nl:
            continue
        ratio = nl / en
        if abs(math.log(ratio / usual)) > math.log(RATIO_TOLERANCE):
            longer = "nl" if ratio > usual else "en"
            yield Finding(
                pair.id, pair.type, "length-ratio", Severity.warning,
                f"nl/en length {ratio:.2f} against the document's usual {usual:.2f}: "
                f"the {longer} text is much longer",
                f"{en} characters: {excerpt(pair.en['text'], width=100)}",
                f"{nl} characters: {excerpt(pair.nl['text'], width=100)}",
                key=f"{round(ratio, 1)}",
            )


@check("sentence-count", Severity.info, "a different number of sentences")
def sentence_count(doc: Document) -> Iterator[Finding]:
    for pair in doc.prose_pairs():
        en = sentences(pair.en["text"], doc.langs["en"])
        nl = sentences(pair.nl["text"], doc.langs["nl"])
        if len(en) != len(nl):
            yield Finding(
                pair.id, pair.type, "sentence-count", Severity.info,
                f"{len(en)} sentence(s) in en, {len(nl)} in nl",
                " ‖ ".join(excerpt(s, width=50) for s in en),
                " ‖ ".join(excerpt(s, width=50) for s in nl), key=f"{len(en)}/{len(nl)}",
            )
