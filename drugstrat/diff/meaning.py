"""Meaning, through the lexicon learned from the aligned text: words present in one language and
absent from the other inside running prose.

A word is reported missing only where a reviser would trust it. It is a content word nothing in
the other text translates — not even a translation the linking gave to another word, nor one
inside a compound — and the other text has nothing where it would stand: the words on either
side of it are translated by words with no content word between them. And either it is a word
the document usually translates (frequent, and translated in nine of ten other places), or it
stands in a run of three or more untranslated content words of one clause (an added or dropped
clause, however rare its words), or it is an item of a series the translation lacks, its
neighbours' translations standing side by side ("intersectoraal, holistisch en evidence
informed" / "intersectoral and evidence-informed").
A missing word grows into its phrase — the untranslated words around it, up to the clause's
punctuation — and a phrase is one finding.

Two kinds of evidence reach past single words. A clause copied into a translation from elsewhere
in the document links its words to their usual translations wherever those stand, out of line
with the words around it: a stretch of three or more content words, most of them words the
document translates everywhere else yet untranslated here, the rest linked out of line, between
two words whose translations stand side by side, is a clause added or left out. And where one
text has more sentences, a sentence of it whose words are nearly all untranslated or linked out
of line is a sentence with no counterpart.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import NamedTuple

from drugstrat.diff.model import (
    RELATED,
    Document,
    Finding,
    Pair,
    Severity,
    Span,
    check,
    excerpt,
)
from drugstrat.record import PEOPLE_TYPES, Record
from drugstrat.terms.tokens import Token, suspended_part
from drugstrat.text.fold import fold

MIN_LETTERS = 3
FREQUENT = 3  # other aligned segments holding a word before its habit says something
RELIABLE = 0.9  # share of them where it was translated, for a frequent word to be missed
SWAPPED = 2  # other segments holding a word that alone faces a frequent word, for a swap
KNOWN_TRANSLATION = 0.15  # a translation this sure, anywhere in the other text, is the word
# The least score of a word's best translation for its absence to say something: below it the
# lexicon links the word wherever it stands but knows no rendering to look for.
SURE_RENDERING = 0.3
LOOKALIKE = 75  # rapidfuzz partial ratio of two words that could be each other's translation
CLAUSE_MARKS = ",;:.()[]–—"
TRUSTED = 0.3  # a link at least this sure places the words around a missing one
MAX_GAP = 1  # function words the other text may hold where a frequent word is missing
BESIDE = 3  # words from the place where an unexplained word may be the missing one
NEARBY = 8  # words either side where this text's untranslated words may answer a gap's
ANCHOR = 0.6  # how sure the links of a rare missing word's neighbours must be
# Untranslated content words in a row, in one clause, that are a phrase missing from the other
# text however rare their words (an added clause, a dropped complement).
MIN_RUN = 3
LONE_SHARE = 0.2  # of a sentence's content words at most linked in order, for it to be lone
USUAL_IN_STRETCH = 2  # words of such a clause the document translates wherever else they stand
# Words on each side of a phrase replaced by another (one against two brought paraphrases:
# «aspects of the effort» / «facetten»).
MIN_PHRASE = 2
# Words of a text past which it is not read word by word (ten times a long paragraph).
MAX_WORDS = 3000


class Side(NamedTuple):
    lang: str
    text: str
    tokens: list[Token]
    linked: set[int]
    loose: set[tuple[int, str]]  # keys of linked compounds that found no counterpart
    partner: dict[int, int]  # token index -> index of its counterpart in the other text
    strength: dict[int, float]  # token index -> how sure its link is
    # A signatory's office is set in capitals ("Minister van Volksgezondheid"): there a
    # capital tells no name, and the person's own name is the names check's.
    titled: bool = False
    person: frozenset[int] = frozenset()  # token indices of the person's honorific and name
    # Linked words whose counterpart stands out of order between their neighbours' (see
    # `_astray`): a word of an added clause linked to its usual translation elsewhere.
    astray: frozenset[int] = frozenset()


@check("omission", Severity.warning, "words or phrases in one language with no counterpart in "
                                     "the other (left out, or added), learned from the text")
def omission(doc: Document) -> Iterator[Finding]:
    if doc.lexicon is None:
        return
    for pair in doc.prose_pairs():
        if _too_many_words(doc, pair):
            yield _too_long(doc, pair)
            continue
        sides = _sides(doc, pair)
        for mine, theirs in (sides, sides[::-1]):
            seen: set[int] = set()
            for first, last in _lone_sentences(mine, theirs):
                seen.update(range(first.position, last.position + 1))
                yield _finding(pair, mine, theirs, first, last)
            for token in mine.tokens:
                if token.position not in seen and _missing(doc, token, mine, theirs):
                    first, last = _phrase(token, mine)
                    seen.update(range(first.position, last.position + 1))
                    yield _finding(pair, mine, theirs, first, last)
                elif part := _missing_part(doc, token, mine, theirs):
                    yield _part_finding(pair, mine, theirs, token, part)


@check("mistranslation", Severity.warning, "a word the document always translates, facing "
                                           "where its translation would stand a word it never "
                                           "translates so (a replaced term or group), judged "
                                           "from either language")
def mistranslation(doc: Document) -> Iterator[Finding]:
    if doc.lexicon is None:
        return
    for pair in doc.prose_pairs():
        if _too_many_words(doc, pair):
            continue  # said by the omission check
        sides = _sides(doc, pair)
        replaced: set[tuple[str, int]] = set()  # (language, word) said to be replaced
        # From either side: the word the document translates more often is the one judged.
        for mine, theirs in (sides, sides[::-1]):
            for token in mine.tokens:
                if (mine.lang, token.position) in replaced:
                    continue
                if (stand_in := _stand_in(doc, token, mine, theirs)) is not None:
                    replaced |= {(mine.lang, token.position), (theirs.lang, stand_in.position)}
                    yield _replaced(doc, pair, mine, theirs, token, stand_in)
        mine, theirs = sides
        for here, there in _replaced_phrases(doc, mine, theirs):
            if not replaced & {(mine.lang, t.position) for t in here}:
                yield _replaced_phrase(pair, mine, theirs, here, there)


def _stand_in(doc: Document, token: Token, mine: Side, theirs: Side) -> Token | None:
    """The other text's word standing where this word's translation would: both words are
    ones the document translates reliably elsewhere, neither's usual translation is in the
    other text, and nothing relates them — one word replaced by another ("coordination" /
    "reductie", "inmates" / "étudiants")."""
    if not _reliable_stray(doc, token, mine, theirs):
        return None
    gap = _gap(token, mine, theirs) or []
    for other in gap:
        if _reliable_stray(doc, other, theirs, mine) and not _related(doc, mine.lang, token,
                                                                      other):
            return other
    # One word alone facing one word alone, the other a word the document translates wherever
    # else it stands, if less often: a word swapped for another of the document.
    strays = [t for t in gap if t.content and not t.number]
    if len(strays) == 1 and _reliable_stray(doc, strays[0], theirs, mine, least=SWAPPED) and \
            _alone(token, mine) and not _related(doc, mine.lang, token, strays[0]):
        return strays[0]
    return None


def _alone(token: Token, side: Side) -> bool:
    """Whether the word is the only untranslated content word between its translated
    neighbours."""
    return [t.position for t in side.tokens[_between_neighbours(token, side)]
            if t.content and not t.number and t.position not in side.linked] == [token.position]


def _between_neighbours(token: Token, side: Side) -> slice:
    """The words between the word's nearest translated neighbours (the text's edges count)."""
    before = max((p for p in side.partner if p < token.position), default=-1)
    after = min((p for p in side.partner if p > token.position), default=len(side.tokens))
    return slice(before + 1, after)


def _replaced_phrases(doc: Document, mine: Side,
                      theirs: Side) -> Iterator[tuple[list[Token], list[Token]]]:
    """Phrases replaced by others: MIN_PHRASE or more words of one clause, each a word the
    document translates wherever else it stands, none translated here, facing as many such
    words of the other text where their translations would stand, none related to them
    ("Social Affairs and Public Health" / "International Covenant on Economic"). A paraphrase
    says things with words the document seldom pairs; a phrase swapped for another one of the
    document does not."""
    words = [t for t in mine.tokens if _reliable_stray(doc, t, mine, theirs, least=1)]
    for group in _clauses(mine, words):
        if len(group) < MIN_PHRASE:
            continue
        lo, hi = _window(group[0], mine, theirs)
        if _window(group[-1], mine, theirs) != (lo, hi):
            continue  # translated words between them: not one phrase
        facing = [t for t in theirs.tokens[lo:hi]
                  if _reliable_stray(doc, t, theirs, mine, least=1)]
        if len(facing) >= MIN_PHRASE and not any(
                _related(doc, mine.lang, a, b) for a in group for b in facing):
            yield group, facing


def _replaced_phrase(pair: Pair, mine: Side, theirs: Side, here: list[Token],
                     there: list[Token]) -> Finding:
    span = {mine.lang: (here[0].start, here[-1].end), theirs.lang: (there[0].start,
                                                                     there[-1].end)}
    said = {side.lang: side.text[slice(*span[side.lang])] for side in (mine, theirs)}
    return Finding(
        pair.id, pair.type, "mistranslation", Severity.warning,
        f"«{said[mine.lang]}» ({mine.lang}) faces «{said[theirs.lang]}» ({theirs.lang}): "
        f"words the document translates wherever else they stand, here not translated",
        {side.lang: excerpt(side.text, *span[side.lang], width=90) for side in (mine, theirs)},
        key=f"{' '.join(t.folded for t in here)}|{' '.join(t.folded for t in there)}",
        spans={lang: [place] for lang, place in span.items()},
    )


def _reliable_stray(doc: Document, token: Token, mine: Side, theirs: Side,
                    least: int = FREQUENT) -> bool:
    """An untranslated content word here that the document translates nine times in ten
    elsewhere (where it stands at least `least` times), whose usual translations the other
    text lacks."""
    if not token.content or token.number or token.position in mine.linked or len(
            token.surface) < MIN_LETTERS or token.surface.isupper() or token.position in \
            mine.person:
        return False
    if token.folded in {t.folded for t in theirs.tokens}:
        return False
    elsewhere, reliability = doc.habit(token, mine.lang)
    return elsewhere >= least and reliability >= RELIABLE and not _translated(
        doc, token, mine.lang, theirs)


def _replaced(doc: Document, pair: Pair, mine: Side, theirs: Side, token: Token,
              other: Token) -> Finding:
    lexicon = doc.lexicon
    assert lexicon is not None

    def usual(word: Token, lang: str) -> str:
        best = max(((score, key) for k in word.keys
                    for key, score in lexicon.translations(lang, k).items()), default=None)
        if best is None:
            return "?"
        forms = lexicon.written(doc.other(lang), best[1])
        return forms[0] if forms else best[1]

    return Finding(
        pair.id, pair.type, "mistranslation", Severity.warning,
        f"«{token.surface}» ({mine.lang}) faces «{other.surface}» ({theirs.lang}); the "
        f"document renders «{token.surface}» as «{usual(token, mine.lang)}» and "
        f"«{other.surface}» as «{usual(other, theirs.lang)}»",
        {mine.lang: excerpt(mine.text, token.start, token.end, width=90),
         theirs.lang: excerpt(theirs.text, other.start, other.end, width=90)},
        key=f"{token.folded}|{other.folded}",
        spans={mine.lang: [(token.start, token.end)], theirs.lang: [(other.start, other.end)]},
    )


def _too_many_words(doc: Document, pair: Pair) -> bool:
    return max(len(doc.tokens(pair.a)), len(doc.tokens(pair.b))) > MAX_WORDS


def _too_long(doc: Document, pair: Pair) -> Finding:
    """Said of a pair too long to read word by word (each word is placed against its
    neighbours, at a cost that grows faster than the text): no real paragraph is this long."""
    counts = ", ".join(f"{len(doc.tokens(pair[lang]))} words in {lang}" for lang in doc.langs)
    return Finding(pair.id, pair.type, "omission", Severity.info,
                   f"not read word by word: {counts}, more than {MAX_WORDS}",
                   {lang: excerpt(pair[lang]["text"], width=90) for lang in doc.langs},
                   key="too-long")


def _missing_part(doc: Document, token: Token, mine: Side, theirs: Side) -> str | None:
    """The first part of a compound with no counterpart, where the other language dropped one
    word of the term ("schadebeperking" / "reduction"): a word the document always translates,
    whose translations the other text lacks, before a head the other text translates with
    nothing in front of it."""
    head = _head_partner(token, mine, theirs)
    if head is None:
        return None
    for key, part in zip(token.keys[:-1], token.parts[:-1], strict=False):
        if (token.position, key) not in mine.loose:
            continue
        occurrences, linked = doc.lexicon.habit(mine.lang, part) if doc.lexicon else (0, 0)
        if occurrences < FREQUENT or linked / occurrences < RELIABLE:
            continue
        probe = token._replace(keys=(key,), folded=part, parts=(part,))
        if not _translated(doc, probe, mine.lang, theirs):
            return part
    return None


def _head_partner(token: Token, mine: Side, theirs: Side) -> Token | None:
    """The other text's word translating a compound's head, if no content word stands right
    before it there (where the dropped modifier would have been)."""
    if len(token.keys) < 2 or (token.position, token.keys[-1]) in mine.loose:
        return None
    if token.position not in mine.partner:
        return None
    head = theirs.tokens[mine.partner[token.position]]
    before = theirs.tokens[head.position - 1] if head.position else None
    if before is not None and before.content and not any(
            ch in CLAUSE_MARKS for ch in theirs.text[before.end:head.start]):
        return None
    return head


def _part_finding(pair: Pair, mine: Side, theirs: Side, token: Token, part: str) -> Finding:
    lo, hi = _window(token, mine, theirs)
    place = _place(theirs, lo - 1, hi + 1)
    return Finding(
        pair.id, pair.type, "omission", Severity.warning,
        f"«{part}» of «{token.surface}» in {mine.lang} has no counterpart in {theirs.lang}",
        {mine.lang: excerpt(mine.text, token.start, token.end, width=90),
         theirs.lang: excerpt(theirs.text, *place, width=90)},
        key=f"{mine.lang}:{token.folded}:{part}",
        spans={mine.lang: [(token.start, token.end)], theirs.lang: [place]},
    )


def _sides(doc: Document, pair: Pair) -> tuple[Side, Side]:
    """The pair's two texts with their sure links. A weak link (a rare word paired with what
    was left over) is no evidence either way: its words count as untranslated, and it is no
    anchor to place a missing word by."""
    links = doc.links(pair, as_evidence=True)
    sure = [p for p in links.pairs if p.score >= TRUSTED]
    weak_a = {p.a for p in links.pairs if p.score < TRUSTED} - {p.a for p in sure}
    weak_b = {p.b for p in links.pairs if p.score < TRUSTED} - {p.b for p in sure}
    titled = pair.type in PEOPLE_TYPES
    partner_a, partner_b = {p.a: p.b for p in sure}, {p.b: p.a for p in sure}
    return (Side(pair.a["lang"], pair.a["text"], doc.tokens(pair.a), links.linked_a - weak_a,
                 links.loose_a, partner_a, {p.a: p.score for p in sure},
                 titled, _person(doc.tokens(pair.a), pair.a),
                 _astray(partner_a, len(doc.tokens(pair.b)))),
            Side(pair.b["lang"], pair.b["text"], doc.tokens(pair.b), links.linked_b - weak_b,
                 links.loose_b, partner_b, {p.b: p.score for p in sure},
                 titled, _person(doc.tokens(pair.b), pair.b),
                 _astray(partner_b, len(doc.tokens(pair.a)))))


def _astray(partner: dict[int, int], their_length: int) -> frozenset[int]:
    """The linked words whose counterpart stands outside the stretch between their linked
    neighbours' counterparts, where those two stand in order (a text's edges count as
    neighbours): one word out of line with both sides of it ("import, vatbaar … criminele
    milieus, doorvoer" / "importation, transit", «criminele» linked to a «criminal» further
    on). Several words linked to one compound are in line."""
    order = sorted(partner)
    end = max(order, default=-1) + 1  # past the last linked word: the text's end
    where = {-1: -1, end: their_length, **partner}
    chain = [-1, *order, end]
    out = set()
    for prev, here, after in zip(chain, chain[1:], chain[2:], strict=False):
        lo, hi = where[prev], where[after]
        if lo < hi and not lo <= where[here] <= hi:
            out.add(here)
    return frozenset(out)


def _person(tokens: list[Token], record: Record) -> frozenset[int]:
    """The tokens of the person a record names: its text up to the end of its `name`."""
    name = record.get("name")
    if not name or (at := record["text"].find(name)) < 0:
        return frozenset()
    end = at + len(name)
    return frozenset(t.position for t in tokens if t.start < end)


def _missing(doc: Document, token: Token, mine: Side, theirs: Side) -> bool:
    if not token.content or token.position in mine.linked or token.number or \
            token.position in mine.person:
        return False
    if len(token.surface) < MIN_LETTERS or token.surface.isupper():
        return False  # acronyms: the acronym check reads them
    if token.surface[0].isupper() and token.position > 0 and not mine.titled and \
            doc.habit(token, mine.lang)[1] < RELIABLE:
        return False  # names, which the names check reads; not a title's words the document
        # translates wherever else they stand ("Justitie", "Gezondheid")
    if token.folded in {t.folded for t in theirs.tokens}:
        return False  # the same word stands there (a loanword, a name)
    if _unplaced_stretch(doc, token, mine, theirs):
        return True  # a clause of its own, whatever its words' habits: added, or left out
    gap = _gap(token, mine, theirs)
    if gap is None:
        return False  # no translated neighbour on one side, or they cross: no place to judge
    if any(t.content and theirs.text[t.end:t.end + 1] == "-" for t in gap) or \
            _beside_suspended(token, mine, theirs):
        return False  # a suspended compound's part stands there ("huis-" for "family doctors"),
        # or renders the phrase the word opens ("persons with practical expertise" /
        # "praktijk- en ervaringsdeskundigen")
    elsewhere, reliability = doc.habit(token, mine.lang)
    if elsewhere >= FREQUENT:
        if reliability < RELIABLE or _translated(doc, token, mine.lang, theirs):
            return False
        if not _rendered_as_something(doc, token, mine.lang):
            return False  # linked wherever it stands, but to no word twice ("staan" in
            # "staan … centraal", "play a key role"): nothing tells what would stand here
        if not _empty(doc, token, gap, mine, theirs):
            return False  # the other text says something there: a paraphrase
        # Word order differs (a Dutch verb moves to the clause's end): anything in the aligned
        # sentence that could be its translation means the word is there, and so may an
        # untranslated word right beside the place that nothing in this text explains.
        lo, hi = _sentence_window(token, mine, theirs)
        near_lo, near_hi = _window(token, mine, theirs)
        own = _own_strays(token, mine)
        return not any(_related(doc, mine.lang, token, t) or (
            _beside(theirs, t, near_lo, near_hi)
            and not any(_explains(doc, theirs.lang, t, o) for o in own))
            for t in _strays(theirs, lo, hi))
    if _run(token, mine) >= MIN_RUN and _empty(doc, token, gap, mine, theirs) and \
            _anchored(token, mine, either=True):
        return True  # a clause of its own, nothing in its place there: added, or left out
    table = doc.tables[theirs.lang]
    joiners = {fold(w) for w in (*table.conjunctions, *table.articles)}
    return _series_item(doc, token, mine) and all(t.folded in joiners for t in gap) and \
        _anchored(token, mine)


def _lone_sentences(mine: Side, theirs: Side) -> Iterator[tuple[Token, Token]]:
    """The first and last content words of each sentence of a text with more sentences than
    the other's whose content words (MIN_RUN or more) are nearly all untranslated or linked
    out of order: a sentence left out of the translation, or added to it."""
    ranges = _sentence_ranges(mine)
    if len(ranges) <= len(_sentence_ranges(theirs)):
        return
    for start, end in ranges:
        content = [t for t in mine.tokens[start:end] if t.content and not t.number]
        placed = [t for t in content
                  if t.position in mine.partner and t.position not in mine.astray]
        if len(content) >= MIN_RUN and len(placed) <= LONE_SHARE * len(content):
            yield content[0], content[-1]


def _sentence_ranges(side: Side) -> list[tuple[int, int]]:
    """Token index ranges of a text's sentences (see `_sentence`)."""
    ranges: list[tuple[int, int]] = []
    start = 0
    for t in side.tokens:
        if side.text[t.end:t.end + 3].lstrip(" )»”\"'").startswith((".", "!", "?")):
            ranges.append((start, t.position + 1))
            start = t.position + 1
    if start < len(side.tokens):
        ranges.append((start, len(side.tokens)))
    return ranges


def _unplaced_stretch(doc: Document, token: Token, mine: Side, theirs: Side) -> bool:
    """Whether the word stands among MIN_RUN or more content words between two translated
    neighbours whose translations stand side by side in the other text (nothing but MAX_GAP
    small words between them), most of those words untranslated and the rest linked out of
    order: a clause added or left out, even one copied from elsewhere in the document, whose
    words link to their usual translations wherever those stand. A clause the translation only
    moved keeps its words linked, so it is not one; nor is a paraphrase, whose untranslated
    words are ones the document seldom pairs with anything."""
    anchors = [t.position for t in mine.tokens
               if t.position in mine.partner and t.position not in mine.astray]
    before = max((p for p in anchors if p < token.position), default=None)
    after = min((p for p in anchors if p > token.position), default=None)
    if before is None and after is None:
        return False
    lo = mine.partner[before] if before is not None else -1
    hi = mine.partner[after] if after is not None else len(theirs.tokens)
    gap = theirs.tokens[lo + 1:hi] if lo < hi else None
    if gap is None or len(gap) > MAX_GAP or any(t.content for t in gap):
        return False
    stretch = [t for t in mine.tokens[(before if before is not None else -1) + 1:after]
               if t.content and not t.number]
    untranslated = [t for t in stretch if t.position not in mine.linked]
    if len(stretch) < MIN_RUN or 2 * len(untranslated) <= len(stretch) or \
            not _anchored(token, mine, either=True):
        return False
    # Words the document translates wherever else they stand, untranslated here: the clause
    # is not said otherwise (a paraphrase leaves the words no one ever pairs: "met het oog op").
    usual = [w for w in untranslated if doc.habit(w, mine.lang)[1] >= RELIABLE]
    return len(usual) >= USUAL_IN_STRETCH


def _run(token: Token, side: Side) -> int:
    """How many content words stand untranslated in the word's clause around it."""
    first, last = _phrase(token, side)
    return sum(t.content and not t.number for t in side.tokens[first.position:last.position + 1])


def _empty(doc: Document, token: Token, gap: list[Token], mine: Side, theirs: Side) -> bool:
    """Whether the other text says nothing where the word would stand: no translated word, at
    most MAX_GAP small words, and no untranslated content word but what could translate one this
    text leaves untranslated in the clauses around the word ("in need of help" there for
    "hulpbehoefte" here: a phrase both texts put their own way, which the links missed)."""
    if any(t.content and t.position in theirs.linked for t in gap):
        return False
    strays = [t for t in gap if t.content and not t.number]
    if not strays:
        # Small words there may answer small words here beside a phrase of several words;
        # a single word is a paraphrase's as often ("far more" / "veel meer").
        return len(gap) <= MAX_GAP + (_small_words_beside(token, mine)
                                      if _run(token, mine) >= 2 else 0)
    own = _own_strays(token, mine)
    # A phrase is explained as a whole: "in need of help" by "hulpbehoefte", one word enough.
    return all(any(_explains(doc, theirs.lang, t, o) for t in phrase for o in own)
               for phrase in _clauses(theirs, strays))


def _small_words_beside(token: Token, side: Side) -> int:
    """The small words between the word's translated neighbours but outside its phrase: the
    other text's own small words there answer them ("met een" here for "with a" there, beside
    a phrase added before them)."""
    first, last = _phrase(token, side)
    return sum(not t.content and not t.number for t in side.tokens[_between_neighbours(token, side)]
               if not first.position <= t.position <= last.position)


def _clauses(side: Side, words: list[Token]) -> list[list[Token]]:
    """Words grouped by the clause they stand in."""
    groups: list[list[Token]] = []
    for word in words:
        if groups and _same_phrase(side, groups[-1][-1], word):
            groups[-1].append(word)
        else:
            groups.append([word])
    return groups


def _beside(side: Side, word: Token, lo: int, hi: int) -> bool:
    """Whether a word stands in the stretch [lo, hi) or a few words from it in its clause."""
    if lo <= word.position < hi:
        return True
    if lo - BESIDE <= word.position < lo:
        return _same_phrase(side, word, side.tokens[lo]) if lo < len(side.tokens) else True
    if hi <= word.position < hi + BESIDE:
        return _same_phrase(side, side.tokens[hi - 1], word) if hi > 0 else True
    return False


def _own_strays(token: Token, mine: Side) -> list[Token]:
    """This text's untranslated content words near a word and outside its clause."""
    return [t for t in mine.tokens if t.content and t.position not in mine.partner
            and not _same_phrase(mine, token, t) and abs(t.position - token.position) <= NEARBY]


def _gap(token: Token, mine: Side, theirs: Side) -> list[Token] | None:
    """The words of the other text between the translations of this word's nearest translated
    neighbours (the text's edge counts as a neighbour); None where there is none on either side
    or the two cross."""
    content = [t for t in mine.tokens if t.content or t.number]
    at = next(i for i, t in enumerate(content) if t.position == token.position)
    before = next((t for t in reversed(content[:at]) if t.position in mine.partner), None)
    after = next((t for t in content[at + 1:] if t.position in mine.partner), None)
    if before is None and after is None:
        return None
    lo = mine.partner[before.position] if before else -1
    hi = mine.partner[after.position] if after else len(theirs.tokens)
    if lo >= hi:
        return None
    gap = theirs.tokens[lo + 1:hi]
    # A sentence ends between the word and a neighbour here: the place is on the word's side
    # of the sentence's end there too.
    ends = [i for i, t in enumerate(gap) if _sentence_ends(theirs.text, t.end, t.end + 2)]
    if ends and before and _sentence_ends(mine.text, before.end, token.start):
        gap = gap[ends[-1] + 1:]
    elif ends and after and _sentence_ends(mine.text, token.end, after.start):
        gap = gap[:ends[0] + 1]
    return gap


def _beside_suspended(token: Token, mine: Side, theirs: Side) -> bool:
    """Whether a word next but one to it is linked to a suspended compound's part: the part
    stands for a phrase ("praktijk-" for "persons with practical expertise") whose other words
    have no word of their own there."""
    near = [t for t in mine.tokens if 0 < abs(t.position - token.position) <= 2 and t.content]
    return any(t.position in mine.partner
               and suspended_part(theirs.tokens[mine.partner[t.position]], theirs.text)
               for t in near)


def _sentence_ends(text: str, start: int, end: int) -> bool:
    return bool(re.search(r"[.!?;:](?=\s|$)", text[start:end]))


def _anchored(token: Token, side: Side, either: bool = False) -> bool:
    """Whether the translated words on either side of a word are surely translated: a rare
    word is judged by its neighbours alone, so they must be beyond doubt (`either`: one side
    is enough, for a run of words at a text's edge)."""
    before = [t for t in side.tokens[:token.position] if t.position in side.partner]
    after = [t for t in side.tokens[token.position + 1:] if t.position in side.partner]
    sure = [side.strength[t.position] >= ANCHOR for t in (before[-1:] + after[:1])]
    return any(sure) if either else bool(before and after) and all(sure)


def _series_item(doc: Document, token: Token, side: Side) -> bool:
    """Whether the word is an item of a series: a comma or a conjunction on either side of its
    phrase ("…, holistisch en …")."""
    conjunctions = {fold(c) for c in doc.tables[side.lang].conjunctions}
    first, last = _phrase(token, side)
    left = side.text[:first.start].rstrip()
    right = side.text[last.end:].lstrip()
    before = left.endswith(",") or fold(left.rsplit(" ", 1)[-1]) in conjunctions
    after = right.startswith(",") or fold(right.split(" ", 1)[0]) in conjunctions
    return before and after


def _same_phrase(side: Side, a: Token, b: Token) -> bool:
    """Whether two words stand in one clause, no punctuation between them."""
    lo, hi = sorted((a, b), key=lambda t: t.position)
    return not any(ch in CLAUSE_MARKS for ch in side.text[lo.end:hi.start])


def _rendered_as_something(doc: Document, token: Token, lang: str) -> bool:
    """Whether the lexicon knows a translation of the word it is sure of (SURE_RENDERING)."""
    assert doc.lexicon is not None
    return any(score >= SURE_RENDERING for key in token.keys
               for score in doc.lexicon.translations(lang, key).values())


def _translated(doc: Document, token: Token, lang: str, theirs: Side) -> bool:
    """Whether a translation the lexicon is sure of stands in the other text, as a word of its
    own or inside a compound."""
    assert doc.lexicon is not None
    their_keys = {k for t in theirs.tokens for k in t.keys}
    for key in token.keys:
        for other, score in doc.lexicon.translations(lang, key).items():
            if score < KNOWN_TRANSLATION:
                continue
            if other in their_keys or len(other) >= 4 and any(other in t.folded
                                                              for t in theirs.tokens):
                return True
    return False


def _strays(side: Side, lo: int, hi: int) -> list[Token]:
    """Content words of a stretch with something untranslated: a word, or a compound's part."""
    return [t for t in side.tokens[lo:hi] if t.content and not t.number and (
        t.position not in side.linked or any((t.position, k) in side.loose for k in t.keys))]


def _related(doc: Document, lang: str, token: Token, other: Token,
             least: float = RELATED) -> bool:
    """Whether `other` could translate `token`: the lexicon relates them (at least this
    surely), or they look alike."""
    assert doc.lexicon is not None
    if any(doc.lexicon.score(*_ordered(doc, lang, k, o)) >= least
           for k in token.keys for o in other.keys):
        return True
    # A sure translation of one inside the other: "goals" ("doel") and "doelstellingen".
    if any(len(t) >= 4 and t in other.folded and score >= KNOWN_TRANSLATION
           for k in token.keys for t, score in doc.lexicon.translations(lang, k).items()) or \
            any(len(t) >= 4 and t in token.folded and score >= KNOWN_TRANSLATION
                for o in other.keys for t, score in doc.lexicon.translations(
                    doc.other(lang), o).items()):
        return True
    from rapidfuzz import fuzz

    return min(len(token.folded), len(other.folded)) >= 5 and fuzz.partial_ratio(
        token.folded, other.folded) >= LOOKALIKE


def _explains(doc: Document, lang: str, stray: Token, own: Token) -> bool:
    """Whether an untranslated word of this text surely accounts for one of the other's."""
    return _related(doc, lang, stray, own, least=KNOWN_TRANSLATION)


def _ordered(doc: Document, lang: str, mine: str, theirs: str) -> tuple[str, str]:
    return (mine, theirs) if lang == doc.langs[0] else (theirs, mine)


def _window(token: Token, mine: Side, theirs: Side) -> tuple[int, int]:
    """The stretch of the other text where this word's translation would stand: between the
    counterparts of its nearest translated neighbours."""
    before = [mine.partner[t.position] for t in mine.tokens[:token.position]
              if t.position in mine.partner]
    after = [mine.partner[t.position] for t in mine.tokens[token.position + 1:]
             if t.position in mine.partner]
    lo = before[-1] + 1 if before else 0
    hi = after[0] if after else len(theirs.tokens)
    if lo >= hi:  # crossing links: look around the nearer one
        centre = before[-1] if before else hi
        lo, hi = max(0, centre - 2), min(len(theirs.tokens), centre + 3)
    return lo, hi


def _sentence_window(token: Token, mine: Side, theirs: Side) -> tuple[int, int]:
    """The stretch of the other text aligned with the sentence holding `token`."""
    start, end = _sentence(mine, token)
    partners = [mine.partner[t.position] for t in mine.tokens[start:end]
                if t.position in mine.partner]
    if not partners:
        return 0, len(theirs.tokens)
    return max(0, min(partners) - 2), min(len(theirs.tokens), max(partners) + 3)


def _sentence(side: Side, token: Token) -> tuple[int, int]:
    """Token indices of the sentence (or clause after a semicolon) holding `token`."""
    ends = [t.position for t in side.tokens
            if side.text[t.end:t.end + 3].lstrip(" )»”\"'").startswith((".", ";", "!", "?"))]
    start = max([i + 1 for i in ends if i < token.position], default=0)
    end = min([i + 1 for i in ends if i >= token.position], default=len(side.tokens))
    return start, end


def _phrase(token: Token, side: Side) -> tuple[Token, Token]:
    """The missing word with the untranslated words around it in its clause."""
    def grows(t: Token, neighbour: Token) -> bool:
        return (t.position not in side.linked or t.position in side.astray) and \
            _same_phrase(side, t, neighbour)

    first = last = token
    for t in reversed(side.tokens[:token.position]):
        if not grows(t, first):
            break
        first = t
    for t in side.tokens[token.position + 1:]:
        if not grows(t, last):
            break
        last = t
    # A phrase starts and ends on a word that carries content.
    while not first.content and first.position < token.position:
        first = side.tokens[first.position + 1]
    while not last.content and last.position > token.position:
        last = side.tokens[last.position - 1]
    return first, last


def _finding(pair: Pair, mine: Side, theirs: Side, first: Token, last: Token) -> Finding:
    start, end = first.start, last.end
    words = mine.text[start:end]
    lo, hi = _window(first, mine, theirs)
    place = _place(theirs, lo, hi)
    return Finding(
        pair.id, pair.type, "omission", Severity.warning,
        f"«{words}» in {mine.lang} has no counterpart in {theirs.lang}",
        {mine.lang: excerpt(mine.text, start, end, width=90),
         theirs.lang: excerpt(theirs.text, *place, width=90)},
        key=f"{mine.lang}:"
            f"{' '.join(t.folded for t in mine.tokens[first.position:last.position + 1])}",
        spans={mine.lang: [(start, end)], theirs.lang: [place] if place[1] > place[0] else []},
    )


def _place(side: Side, lo: int, hi: int) -> Span:
    """The characters of the other text between the two translated neighbours: where the
    missing words would sit."""
    tokens = side.tokens
    start = tokens[lo - 1].end if 0 < lo <= len(tokens) else 0
    end = tokens[hi].start if hi < len(tokens) else len(side.text)
    return (start, max(start, end))
