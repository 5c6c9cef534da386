"""What a sentence obliges, allows or denies: a modal verb (must, can, should …) or a negation
present in one version and not in the other turns its meaning ("Vulnerable groups must still be
defined" / "… zullen nog worden gedefinieerd"); a hedge (where possible, in particular …) in one
version only shifts what it promises.

Each language's table names its modal verbs by what they say (obligation, recommendation,
possibility, permission) and its negating words. Sentences are compared pair by pair where both
versions have as many sentences, else the record as a whole; where two sentences do not
translate each other word for word, or several modals make their sets say nothing, each modal is
compared with the modals standing where its neighbours' translations stand. A translation often
says the same another way — an obligation by "it is necessary", a negation by a word of its own
("unlicensed", "onverlet") — so a difference counts only between sentences that translate each
other closely (most of their words linked), or between a modal and another modal standing in
its place; and a negating prefix of a compound ("non-fatal", "niet-vergunde") is a word's,
not the sentence's.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from rapidfuzz.fuzz import ratio

from drugstrat.diff.model import Document, Finding, Pair, Severity, Span, check, excerpt
from drugstrat.languages import Language
from drugstrat.record import PEOPLE_TYPES
from drugstrat.terms.tokens import Token
from drugstrat.text.sentences import sentences

CLOSE = 0.6  # share of a sentence's content words linked, in both versions, to compare them
LOCAL_TRUST = 0.3  # a link this sure places a modal's counterpart
NEIGHBOURS = 2  # linked words either side of a modal whose counterparts place its counterpart
LOCAL_WIDTH = 15  # words the counterparts may spread over, for the place to be one
MODAL_REACH = 3  # words beyond its placed counterparts a modal may stand on an open side
NEGATED_REACH = 12  # characters from a negation to the word it bears on ("niet zo efficiënt")
MIN_NEGATED = 5  # letters after a negating prefix: "in" of "into", "un" of "under" negate nothing
NEGATED_ALIKE = 60  # rapidfuzz ratio of a prefixed word's rest to the negated word ("effective",
#                     "efficiënt"): the same word, or its cognate
# What a modal says, as far as a translation must keep it: a duty ("must", "should", "dient" —
# administrative styles weigh them differently), a latitude ("can", "may", "kan"), what will be
# ("will", "zal") or what is wanted ("want to", "willen"). A binding "shall" is a duty and
# what will be: administrative Dutch and French render it by a future ("zal", "sera").
FAMILY: dict[str, frozenset[str]] = {
    "obligation": frozenset({"duty"}), "recommendation": frozenset({"duty"}),
    "possibility": frozenset({"latitude"}), "permission": frozenset({"latitude"}),
    "future": frozenset({"future"}), "volition": frozenset({"volition"}),
    "binding": frozenset({"duty", "future"}),
}


def _family(kind: str) -> frozenset[str]:
    """What a modal of this kind says, as far as a translation must keep it."""
    return FAMILY.get(kind, frozenset({kind}))


@check("modality", Severity.warning, "a modal verb (must, can, should …) of another kind in "
                                     "the other language")
def modality(doc: Document) -> Iterator[Finding]:
    if doc.lexicon is None:
        return
    for pair in _sentence_pairs(doc):
        found = None
        if all(pair.coverage(doc, lang) >= CLOSE for lang in doc.langs):
            found = _sentence_modality(doc, pair)
        yield from [found] if found is not None else _local_modality(doc, pair)


def _sentence_modality(doc: Document, pair: _SentencePair) -> Finding | None:
    """The modals of two sentences that translate each other closely, compared as sets."""
    a, b = doc.langs
    found = {a: _modals(pair.texts, doc.tables[a]), b: _modals(pair.others, doc.tables[b])}
    kinds = {lang: set(found[lang].values()) for lang in (a, b)}
    families = {lang: set().union(*(_family(k) for k in kinds[lang]))
                for lang in (a, b)}
    # Each says something the other does not ("must" where the other has "kan"; "want
    # to … can" against "moeten … kunnen"). A modal on one side only is mostly a
    # paraphrase ("we can observe" / "zien we") — but a duty the other sentence states as a
    # fact ("there needs to be a focus" / "aandacht gaat naar") is worth a reviser's look.
    if not families[a] - families[b] or not families[b] - families[a]:
        return _one_sided_duty(doc, pair, found, families)
    lang, other = (b, a) if pair.pair.b["lang"] == b else (a, b)
    # What differs, not the modals both share.
    kinds = {x: {k for k in kinds[x] if _family(k) - families[doc.other(x)]}
             for x in (a, b)}
    found = {x: {span: k for span, k in found[x].items() if k in kinds[x]} for x in (a, b)}
    spans = list(found[lang])
    said = {x: ", ".join(sorted(kinds[x])) for x in (a, b)}
    return _finding(doc, pair, lang, spans, "modality",
                    f"{said[lang]} («{_said(pair, lang, spans)}») in {lang} where {other} "
                    f"says {said[other]} («{_said(pair, other, list(found[other]))}»)",
                    key=f"{':'.join(sorted(kinds[a]))}/{':'.join(sorted(kinds[b]))}:"
                        f"{pair.index}")


def _one_sided_duty(doc: Document, pair: _SentencePair, found: dict[str, dict[Span, str]],
                    families: dict[str, set[str]]) -> Finding | None:
    """A duty (must, needs to, moet) in one of two closely translated sentences, the other
    with no modal at all: info, since administrative styles state duties as facts too."""
    for lang in doc.langs:
        other = doc.other(lang)
        if "duty" in families[lang] and not families[other]:
            spans = [span for span, kind in found[lang].items() if "duty" in _family(kind)]
            kinds = ", ".join(sorted({found[lang][span] for span in spans}))
            return _finding(doc, pair, lang, spans, "modality",
                            f"{kinds} («{_said(pair, lang, spans)}») in {lang}, no modal in "
                            f"{other}", key=f"{lang}:{kinds}/-:{pair.index}",
                            severity=Severity.info)
    return None


def _local_modality(doc: Document, pair: _SentencePair) -> Iterator[Finding]:
    """Each modal of the reference sentence against the modals standing where its words'
    translations stand in the other (the counterparts of up to NEIGHBOURS linked words on
    either side of it, a stretch of at most LOCAL_WIDTH words): where the other text puts a
    modal there and none of its kinds says what this one says, the modal changed ("will be
    carried out" / "moet … gewerkt worden"). For sentences that do not translate each other
    word for word, or whose several modals make comparing whole sentences say nothing. A modal
    of the other text standing in the place of two of this one's is judged against the one
    that says the same ("will enable" / "kan": "enable" is the "kan"; the future is left
    unsaid, a paraphrase)."""
    a, b = doc.langs
    mine = _modals(pair.texts, doc.tables[a])
    theirs = _modals(pair.others, doc.tables[b])
    if not mine or not theirs:
        return
    placed = {span: _in_place(doc, pair, span, theirs) for span in mine}
    for span, kind in mine.items():
        own = _family(kind)
        there = placed[span]
        if not there or any(_family(k) & own for k in there.values()):
            continue  # no modal where it would stand (said another way), or the same kind
        # Each modal there said by another modal of this sentence placed there too.
        if all(any(_family(k) & _family(mine[other])
                   for other, place in placed.items() if other != span and at in place)
               for at, k in there.items()):
            continue
        yield _local_finding(doc, pair, span, kind, there)


def _in_place(doc: Document, pair: _SentencePair, span: Span,
              theirs: dict[Span, str]) -> dict[Span, str]:
    """The other text's modals standing in the place of the reference's modal at `span`:
    those its own word is linked to, else those where its neighbours' translations put it."""
    a, b = doc.langs
    start, end = span
    partner = doc.partners(pair.pair, a, LOCAL_TRUST, as_evidence=True)
    tokens_a, tokens_b = pair.tokens(doc, a), pair.tokens(doc, b)
    offset_a, offset_b = pair.spans[a][0], pair.spans[b][0]
    where_b = {t.position: (t.start - offset_b, t.end - offset_b) for t in tokens_b}
    # The modal's own word linked to a modal of the other text: they stand for each other.
    linked = {at: k for t in tokens_a if start <= t.start - offset_a < end
              and partner.get(t.position) in where_b
              for at, k in theirs.items()
              if at[0] <= where_b[partner[t.position]][0] < at[1]}
    if linked:
        return linked
    before = [t.position for t in tokens_a if t.end - offset_a <= start and
              t.position in partner and partner[t.position] in where_b]
    after = [t.position for t in tokens_a if t.start - offset_a >= end and
             t.position in partner and partner[t.position] in where_b]
    counterparts = [partner[p] for p in before[-NEIGHBOURS:] + after[:NEIGHBOURS]]
    if len(counterparts) < 2 or max(counterparts) - min(counterparts) > LOCAL_WIDTH:
        return {}
    first, last = min(counterparts), max(counterparts)
    # Placed by its words on one side only, the modal may stand just beyond them, where
    # the other language's word order puts it ("we want to focus" / "willen we inzetten").
    if not before:
        first = max(min(where_b), first - MODAL_REACH)
    if not after:
        last = min(max(where_b), last + MODAL_REACH)
    lo = min(where_b[p][0] for p in range(first, last + 1) if p in where_b)
    hi = max(where_b[p][1] for p in range(first, last + 1) if p in where_b)
    return {at: k for at, k in theirs.items() if lo <= at[0] < hi}


def _local_finding(doc: Document, pair: _SentencePair, span: Span, kind: str,
                   there: dict[Span, str]) -> Finding:
    """A modal of the reference (at `span`) against the modals standing in its place."""
    a, b = doc.langs
    start, end = span
    said = ", ".join(sorted(set(there.values())))
    return _finding(doc, pair, a, [(start, end)], "modality",
                    f"{kind} («{pair.texts[start:end]}») in {a} where {b} says {said} "
                    f"(«{_said(pair, b, list(there))}»)",
                    key=f"{kind}/{said}:{pair.index}:{pair.texts[start:end].lower()}",
                    other_spans=list(there))


@check("negation", Severity.warning, "a negation (not, niet, pas …) in one language only")
def negation(doc: Document) -> Iterator[Finding]:
    for pair in _close_pairs(doc):
        a, b = doc.langs
        if _idiomatic(pair.texts, doc.tables[a]) or _idiomatic(pair.others, doc.tables[b]):
            continue  # "not only … but also" / "zowel … als": negating nothing
        texts = {a: pair.texts, b: pair.others}
        for lang in (a, b):
            other = doc.other(lang)
            spans = _negations(texts[lang], doc.tables[lang])
            # A negating prefix on the other side ("niet-gebruiken" for "not using") is one.
            if spans and not _negations(texts[other], doc.tables[other], prefixes=True) \
                    and not any(_said_by_prefix(doc, pair, lang, span) for span in spans):
                yield _finding(doc, pair, lang, spans, "negation",
                               f"a negation («{_said(pair, lang, spans)}») in {lang} only",
                               key=f"{lang}:{pair.index}")


@check("hedge", Severity.warning, "a word that softens or stresses a statement (where "
                                 "possible, in particular …) in one language only")
def hedge(doc: Document) -> Iterator[Finding]:
    """A hedge dropped or added ("as much as possible" / —, "in het bijzonder" / —) between
    sentences that translate each other closely: what is promised shifts. Compared by what
    the words do, softening or stressing, so that one hedge rendered by another passes."""
    a, b = doc.langs
    for pair in _close_pairs(doc):
        found = {a: _phrases(pair.texts, doc.tables[a].hedges),
                 b: _phrases(pair.others, doc.tables[b].hedges)}
        for lang in (a, b):
            other = doc.other(lang)
            theirs = {k for kinds in found[other].values() for k in kinds.split("|")}
            spans = [span for span, kinds in found[lang].items()
                     if not set(kinds.split("|")) & theirs]
            if spans and doc.tables[other].hedges:
                kinds = sorted({k for span in spans for k in found[lang][span].split("|")})
                # Only where the words around it are translated side by side, nothing in its
                # place, is it surely gone; elsewhere the other version may say it its own way
                # ("as much as possible" / "maximaal gestreefd").
                placed = all(_nothing_in_place(doc, pair, lang, span) for span in spans)
                yield _finding(doc, pair, lang, spans, "hedge",
                               f"«{_said(pair, lang, spans)}» ({' or '.join(kinds)}) in "
                               f"{lang}, nothing that does so in {other}",
                               key=f"{lang}:{pair.index}:{':'.join(kinds)}",
                               severity=Severity.warning if placed else Severity.info)


def _nothing_in_place(doc: Document, pair: _SentencePair, lang: str, span: Span) -> bool:
    """Whether the words on either side of a phrase (up to NEIGHBOURS, surely linked) are
    translated by words of the other sentence with no untranslated content word among them:
    the phrase's place there is empty."""
    partner = doc.partners(pair.pair, lang, LOCAL_TRUST, as_evidence=True)
    their_linked = _linked(doc, pair.pair, doc.other(lang))
    offset = pair.spans[lang][0]
    start, end = span[0] + offset, span[1] + offset
    sentence = pair.tokens(doc, lang)
    mine = [t for t in sentence if t.position in partner]
    before = [t.position for t in mine if t.end <= start][-NEIGHBOURS:]
    after = [t.position for t in mine if t.start >= end][:NEIGHBOURS]
    theirs = pair.tokens(doc, doc.other(lang))
    if not theirs:
        return False
    # At the sentence's edge (no content word before it, or after), the other sentence's edge
    # bounds its place; at least one side must be translated words.
    opens = not before and not any(t.content and t.end <= start for t in sentence)
    closes = not after and not any(t.content and t.start >= end for t in sentence)
    if not (before or opens) or not (after or closes) or not (before or after):
        return False
    counterparts = [partner[p] for p in before + after]
    counterparts += [theirs[0].position] * opens + [theirs[-1].position] * closes
    lo, hi = min(counterparts), max(counterparts)
    if hi - lo > LOCAL_WIDTH:
        return False
    # Placed by one side only, word order may put it anywhere in the other sentence ("as much
    # as possible" at the end, "maximaal gestreefd" in the middle): all of it is its place.
    place = theirs if opens or closes else doc.tokens(pair.pair[doc.other(lang)])[lo:hi + 1]
    return not any(t.content and not t.number and t.position not in their_linked
                   for t in place)


def _said_by_prefix(doc: Document, pair: _SentencePair, lang: str, span: Span) -> bool:
    """Whether the other version says the negation by a prefix ("niet efficiënt" /
    "inefficient"): a word of the other sentence opens with a negating prefix, and what follows
    the prefix looks like the word the negation bears on (most words opening that way,
    "in" + "tegrated", negate nothing)."""
    start = span[1] + pair.spans[lang][0]
    negated = next((t for t in pair.tokens(doc, lang) if t.start >= start and t.content), None)
    if negated is None or negated.start - start > NEGATED_REACH:
        return False
    return any(len(t.folded) - len(p) >= MIN_NEGATED and t.folded.startswith(p)
               and ratio(t.folded[len(p):], negated.folded) >= NEGATED_ALIKE
               for t in pair.tokens(doc, doc.other(lang)) if t.content
               for p in doc.tables[doc.other(lang)].negating_prefixes)


class _SentencePair:
    """A sentence of a record in both languages (or the records whole), with where each sits in
    its record."""

    def __init__(self, pair: Pair, index: int, spans: dict[str, Span]) -> None:
        self.pair = pair
        self.index = index
        self.spans = spans
        a, b = pair.a["lang"], pair.b["lang"]
        self.texts = pair.a["text"][spans[a][0]:spans[a][1]]
        self.others = pair.b["text"][spans[b][0]:spans[b][1]]

    def tokens(self, doc: Document, lang: str) -> list[Token]:
        start, end = self.spans[lang]
        return [t for t in doc.tokens(self.pair[lang]) if start <= t.start and t.end <= end]

    def coverage(self, doc: Document, lang: str) -> float:
        """The share of the sentence's content words linked to the other text."""
        linked = _linked(doc, self.pair, lang)
        content = [t for t in self.tokens(doc, lang) if t.content]
        return sum(t.position in linked for t in content) / len(content) if content else 0.0

    def linked(self, doc: Document, lang: str, span: Span) -> bool:
        """Whether a word at `span` (in the sentence) found a counterpart."""
        start, end = span[0] + self.spans[lang][0], span[1] + self.spans[lang][0]
        linked = _linked(doc, self.pair, lang)
        return any(t.position in linked for t in doc.tokens(self.pair[lang])
                   if start <= t.start < end)


def _linked(doc: Document, pair: Pair, lang: str) -> set[int]:
    links = doc.links(pair, as_evidence=True)
    return links.linked_a if lang == doc.langs[0] else links.linked_b


def _close_pairs(doc: Document) -> Iterator[_SentencePair]:
    """The sentence pairs that translate each other closely: what one says and the other does
    not is then a difference, not a paraphrase."""
    for pair in _sentence_pairs(doc):
        if doc.lexicon is not None and all(pair.coverage(doc, lang) >= CLOSE
                                           for lang in doc.langs):
            yield pair


def _sentence_pairs(doc: Document) -> Iterator[_SentencePair]:
    a, b = doc.langs
    for pair in doc.prose_pairs():
        if pair.type in PEOPLE_TYPES:
            continue
        cut = {lang: _located(pair[lang]["text"], sentences(pair[lang]["text"],
                                                            doc.tables[lang]))
               for lang in (a, b)}
        if len(cut[a]) == len(cut[b]) > 1:
            for index, (x, y) in enumerate(zip(cut[a], cut[b], strict=True)):
                yield _SentencePair(pair, index, {a: x, b: y})
        else:
            yield _SentencePair(pair, 0, {lang: (0, len(pair[lang]["text"]))
                                          for lang in (a, b)})


def _located(text: str, parts: list[str]) -> list[Span]:
    """Where each sentence stands in its text."""
    spans, at = [], 0
    for part in parts:
        start = text.find(part, at)
        start = at if start < 0 else start
        spans.append((start, start + len(part)))
        at = start + len(part)
    return spans


def _modals(text: str, table: Language) -> dict[Span, str]:
    """The modal verbs of a text, by span, with what each says."""
    return _phrases(text, table.modals)


def _phrases(text: str, table: dict[str, str]) -> dict[Span, str]:
    """The phrases of a table (modals, hedges) in a text, by span, with what each says (case
    aside: "bei Bedarf")."""
    if not table:
        return {}
    kinds = {phrase.lower(): kind for phrase, kind in table.items()}
    lowered = text.lower()
    out: dict[Span, str] = {}
    for match in _pattern(tuple(kinds)).finditer(lowered):
        phrase = " ".join(match.group().split())
        if not any(s <= match.start() < e for s, e in out):
            out[match.span()] = kinds[phrase]
    return out


def _negations(text: str, table: Language, prefixes: bool = False) -> list[Span]:
    """The negating words of a text; a negating prefix of a compound ("non-fatal") is the
    word's, not the sentence's, unless `prefixes`."""
    if not table.negations:
        return []
    lowered = text.lower()
    return [m.span() for m in _pattern(table.negations).finditer(lowered)
            if prefixes or lowered[m.end():m.end() + 1] != "-"]


def _idiomatic(text: str, table: Language) -> bool:
    return bool(table.not_negating) and bool(_pattern(table.not_negating).search(text.lower()))


@lru_cache(maxsize=16)
def _pattern(phrases: tuple[str, ...]) -> re.Pattern[str]:
    """Any of the phrases as whole words, the longest first ("zou moeten" before "moeten");
    an elided form ("n'") ends in its apostrophe."""
    alternatives = "|".join(
        r"\s+".join(re.escape(w) for w in phrase.split()) + ("" if phrase[-1] in "'’" else r"\b")
        for phrase in sorted(phrases, key=len, reverse=True))
    return re.compile(rf"(?<![\w'’])(?:{alternatives})")


def _said(pair: _SentencePair, lang: str, spans: list[Span]) -> str:
    text = pair.texts if lang == pair.pair.a["lang"] else pair.others
    return "», «".join(dict.fromkeys(text[s:e] for s, e in spans))


def _finding(doc: Document, pair: _SentencePair, lang: str, spans: list[Span], name: str,
             message: str, key: str, other_spans: list[Span] | None = None,
             severity: Severity = Severity.warning) -> Finding:
    """A finding on `spans` of the sentence in `lang`; in the other language, on
    `other_spans` of its sentence where given (the words that differ), else the sentence."""
    other = doc.other(lang)
    offset = pair.spans[lang][0]
    own = [(s + offset, e + offset) for s, e in spans]
    record = pair.pair[lang]["text"]
    counterpart = pair.pair[other]["text"]
    start, end = pair.spans[other]
    if other_spans:
        theirs = [(s + start, e + start) for s, e in other_spans]
        return Finding(pair.pair.id, pair.pair.type, name, severity, message,
                       {lang: excerpt(record, own[0][0], own[-1][1], width=90),
                        other: excerpt(counterpart, theirs[0][0], theirs[-1][1], width=90)},
                       key=key, spans={lang: own, other: theirs})
    return Finding(pair.pair.id, pair.pair.type, name, severity, message,
                   {lang: excerpt(record, own[0][0], own[-1][1], width=90),
                    other: excerpt(counterpart, start, end, width=max(90, end - start))},
                   key=key, spans={lang: own, other: [(start, end)]})
