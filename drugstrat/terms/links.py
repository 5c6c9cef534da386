"""Which word of a record translates which word of its translation: competitive linking
(Melamed 2000) over the lexicon's scores.

Every pair of content words gets a score — the lexicon's, or full marks for the same word or
number, a glossary pair, a cognate ("coördinatie"/"coordination") — lowered a little the further
apart the two stand; then the best-scoring pairs are linked first, each key of a word at most
once. A compound word has a key per part, so "drugshandel" may link to both "drug" and
"trafficking". What stays unlinked is what the checks look at.
"""

from __future__ import annotations

import math
import os
from collections.abc import Callable, Mapping, Sequence
from typing import NamedTuple, Protocol

from drugstrat.terms.tokens import Token

Seeds = set[tuple[str, str]]  # pairs of keys known to translate each other


class Lexicon(Protocol):
    """What linking reads of a lexicon (`drugstrat.terms.lexicon.Lexicon`)."""

    scores: dict[str, dict[str, float]]  # a key -> {b key: score}

    @property
    def reverse(self) -> Mapping[str, dict[str, float]]: ...

    def score(self, a: str, b: str) -> float: ...

THRESHOLD = 0.05  # a lower score links nothing
# A word holding the other's stem, or a sure translation of it, is a compound the document does
# not otherwise attest ("afzetmarkten" holds "markt"; "gezondheidsdeterminanten" "gezond").
CONTAINED = 0.5
MIN_CONTAINED = 4  # letters of the contained stem
SURE = 0.3  # a translation this sure may be found inside a compound
WEAK = 0.6  # a word linked no more surely than this may take in more words
COGNATE = 0.85  # rapidfuzz ratio of two folded words above which they are cognates
MIN_COGNATE = 5  # letters: shorter words are too often alike by chance
COGNATE_OPENING = 6  # letters two cognates ending differently share at their start
# Pairs of words scored at once, at most: longer texts are linked window by window (`link`),
# every pair of a window while all windows hold no more than DENSE_CELLS in all.
WINDOW_CELLS = 250_000
DENSE_CELLS = 8_000_000
SPARSE_WINDOW_CELLS = 10_000
HOST_REACH = 40  # words around its place where a windowed text's word may find a compound
DISTANCE_PENALTY = 0.25  # share of the score lost across the whole length of the record


class LinkPair(NamedTuple):
    a: int  # token index in the first text
    b: int  # token index in the second
    a_key: str
    b_key: str
    score: float


class Links(NamedTuple):
    pairs: list[LinkPair]
    linked_a: set[int]
    linked_b: set[int]
    # Keys of words that stayed unlinked though their word is linked (a compound's part).
    loose_a: set[tuple[int, str]]
    loose_b: set[tuple[int, str]]
    # Words taken in by a compound of the other text: word index -> the compound's index.
    within_a: dict[int, int]
    within_b: dict[int, int]


def _part(token: Token, key: str) -> str:
    """The folded word a key of a token stems from."""
    return token.parts[token.keys.index(key)] if token.parts else token.folded


def _host(word: Token, hosts: list[Token], lexicon: Lexicon | None,
          word_is_a: bool) -> Token | None:
    """The first of the other text's words that holds `word` inside it — a compound with the
    word's stem, or a sure translation of it, for a part ("arms" in "wapenhandel")."""
    for host in hosts:
        if _holds(host, word, lexicon, word_is_a):
            return host
    return None


def _holds(host: Token, word: Token, lexicon: Lexicon | None, word_is_a: bool) -> bool:
    inside = set(word.keys)
    if lexicon is not None:
        table = lexicon.scores if word_is_a else lexicon.reverse
        inside |= {other for key in word.keys for other, score in table.get(key, {}).items()
                   if score >= SURE}
    # The rest of the host must be a word of its own: "bijzondere" holds no word but
    # "bijzonder".
    return any(len(key) >= MIN_CONTAINED and len(host.folded) >= len(key) + MIN_CONTAINED
               and key in host.folded for key in inside)


Scorer = Callable[..., list[tuple[Token, str, Token, str, float]]]


class _View(NamedTuple):
    """One key of a word, with what scoring reads of the word."""
    token: Token
    key: str
    part: str  # the folded word the key stems from
    whole: str  # the whole word, folded
    single: bool  # the word has this one key
    sure: list[str]  # the key's sure translations long enough to be found inside a word


def _views(tokens: list[Token], table: Mapping[str, dict[str, float]],
           distrust: Callable[[str, str], bool]) -> list[_View]:
    return [_View(t, k, _part(t, k), t.folded, len(t.keys) == 1,
                  [o for o, score in table.get(k, {}).items()
                   if score >= SURE and len(o) >= MIN_CONTAINED and not distrust(k, o)])
            for t in tokens for k in t.keys]


def _scored(mine: list[Token], theirs: list[Token], lexicon: Lexicon | None,
            seeds: Seeds | frozenset[tuple[str, str]],
            distrusted: frozenset[tuple[str, str]] = frozenset(),
            ) -> list[tuple[Token, str, Token, str, float]]:
    """The score of every pair of keys of two texts' words, those at or above THRESHOLD: full
    marks for the same key, number or word, or a seed pair; else the lexicon's score, raised
    for a cognate, and for a word holding the other's stem or a sure translation of it (a
    compound the document does not split). Computed a record at a time: this is the hot loop of
    `diff`."""
    from rapidfuzz import fuzz

    rows = lexicon.scores if lexicon else {}
    xs = _views(mine, rows, lambda a, b: (a, b) in distrusted)
    ys = _views(theirs, lexicon.reverse if lexicon else {}, lambda b, a: (a, b) in distrusted)
    if not xs or not ys:
        return []
    ratio, cutoff = fuzz.ratio, COGNATE * 100
    reverse = lexicon.reverse if lexicon else {}
    # What the loop reads of each of the other text's keys, read once: the loop runs over
    # every pair of keys.
    others = [(y, y.key, y.token, y.part, y.whole, len(y.key), y.token.number,
               y.token.surface, y.single, y.sure, y.key[:COGNATE_OPENING]) for y in ys]
    out = []
    for x in xs:
        row = rows.get(x.key, {})
        x_key, x_part, x_whole, x_token, x_single = x.key, x.part, x.whole, x.token, x.single
        x_number = x_token.number
        x_surface = x_token.surface
        long_a = len(x_key) >= MIN_COGNATE
        x_contained = len(x_key) >= MIN_CONTAINED
        x_part_long = len(x_part) >= MIN_CONTAINED
        x_opening = x_key[:COGNATE_OPENING]
        for _, y_key, y_token, y_part, y_whole, y_len, y_number, y_surface, y_single, y_sure, \
                y_opening in others:
            if x_key == y_key or (x_number and y_number and x_surface == y_surface) or (
                    x_part_long and x_part == y_part) or (x_key, y_key) in seeds:
                out.append((x_token, x_key, y_token, y_key, 1.0))
                continue
            score = row.get(y_key, 0.0)
            if score and (x_key, y_key) in distrusted:
                score = 0.0  # taught by this very record alone: no evidence about it
            if score < COGNATE - 0.05 and long_a and y_len >= MIN_COGNATE and (
                    ratio(x_key, y_key, score_cutoff=cutoff) or (
                        x_opening == y_opening and _same_opening(x_key, y_key))):
                score = max(score, 0.8)
            if score < CONTAINED:
                if (y_len >= MIN_CONTAINED and len(x_whole) > y_len and y_key in x_whole) or (
                        x_contained and len(y_whole) > len(x_key) and x_key in y_whole):
                    score = CONTAINED
                elif lexicon is not None and x_single and y_single:
                    for other in x.sure:
                        if other in y_whole:
                            score = max(score, CONTAINED * row[other])
                    back = reverse.get(y_key, {})
                    for other in y_sure:
                        if other in x_whole:
                            score = max(score, CONTAINED * back[other])
            if score >= THRESHOLD:
                out.append((x_token, x_key, y_token, y_key, score))
    return out


def _same_opening(x: str, y: str) -> bool:
    """Cognates whose languages end them differently ("proactiv" / "proactief", "cohes" /
    "cohesie"): the longer part of both is one opening."""
    shared = len(os.path.commonprefix((x, y)))
    return shared >= COGNATE_OPENING and shared >= COGNATE * min(len(x), len(y))


def link(a: Sequence[Token], b: Sequence[Token], lexicon: Lexicon | None,
         seeds: Seeds | frozenset[tuple[str, str]] = frozenset(),
         distrusted: frozenset[tuple[str, str]] = frozenset()) -> Links:
    """Link the words of two texts. `distrusted` pairs of keys count for nothing (those the
    record being checked alone taught the lexicon). Every word of one text is scored against
    every word of the other, so two long texts are linked window by window along their
    diagonal (a translation keeps its order at that scale): the cost grows with their length,
    not with its square."""
    cells = len(a) * len(b)
    if cells <= WINDOW_CELLS:
        return _link(a, b, lexicon, seeds, distrusted, _scored)
    windows = math.isqrt(cells // WINDOW_CELLS) + 1
    scorer = _scored
    if windows * WINDOW_CELLS > DENSE_CELLS:
        # Past a length no real paragraph has (a line of megabytes), only the pairs the
        # lexicon, the seeds or the words themselves name are scored, in smaller windows: a
        # few lookups a word, not a window's worth of pairs.
        scorer = _sparse_scorer(seeds)
        windows = math.isqrt(cells // SPARSE_WINDOW_CELLS) + 1
    whole = Links([], set(), set(), set(), set(), {}, {})
    for i in range(windows):
        part = _link(a[i * len(a) // windows:(i + 1) * len(a) // windows],
                     b[i * len(b) // windows:(i + 1) * len(b) // windows],
                     lexicon, seeds, distrusted, scorer, HOST_REACH)
        whole.pairs.extend(part.pairs)
        whole.linked_a.update(part.linked_a)
        whole.linked_b.update(part.linked_b)
        whole.loose_a.update(part.loose_a)
        whole.loose_b.update(part.loose_b)
        whole.within_a.update(part.within_a)
        whole.within_b.update(part.within_b)
    return whole


def _near(hosts: list[Token], start: int, scale: float, other_start: int,
          reach: int | None) -> Callable[[Token], list[Token]]:
    """The hosts a word of the other text may be taken in by: all of them, or (`reach`) those
    within `reach` words of where the word would stand in this text."""
    if reach is None:
        return lambda word: hosts
    import bisect

    positions = [h.position for h in hosts]

    def near(word: Token) -> list[Token]:
        at = start + (word.position - other_start) * scale
        return hosts[bisect.bisect_left(positions, at - reach):
                     bisect.bisect_right(positions, at + reach)]

    return near


def _sparse_scorer(seeds: Seeds | frozenset[tuple[str, str]]) -> Scorer:
    """A scorer of only the pairs of words that share a key, a word or a number, or that a
    seed or the lexicon pairs: linear in the texts' length (the cognate and compound guesses
    of `_scored`, which need every pair, are left out)."""
    partners: dict[str, list[str]] = {}
    for x_key, y_key in seeds:
        partners.setdefault(x_key, []).append(y_key)

    def scored(mine: list[Token], theirs: list[Token], lexicon: Lexicon | None,
               _seeds: Seeds | frozenset[tuple[str, str]],
               distrusted: frozenset[tuple[str, str]] = frozenset(),
               ) -> list[tuple[Token, str, Token, str, float]]:
        rows = lexicon.scores if lexicon else {}
        by_key: dict[str, list[tuple[Token, str]]] = {}
        by_word: dict[str, list[tuple[Token, str]]] = {}
        for y in theirs:
            for key in y.keys:
                by_key.setdefault(key, []).append((y, key))
                if y.number or len(_part(y, key)) >= MIN_CONTAINED:
                    by_word.setdefault(y.surface if y.number else _part(y, key), []).append(
                        (y, key))
        out: list[tuple[Token, str, Token, str, float]] = []
        for x in mine:
            for key in x.keys:
                best: dict[tuple[int, str], tuple[Token, float]] = {}
                sure = [*by_key.get(key, ()), *(by_word.get(x.surface, ()) if x.number else
                                               by_word.get(_part(x, key), ()))]
                sure += [found for other in partners.get(key, ())
                         for found in by_key.get(other, ())]
                for y, y_key in sure:
                    best[y.position, y_key] = (y, 1.0)
                for other, score in rows.get(key, {}).items():
                    if score < THRESHOLD or (key, other) in distrusted:
                        continue
                    for y, y_key in by_key.get(other, ()):
                        if best.get((y.position, y_key), (y, 0.0))[1] < score:
                            best[y.position, y_key] = (y, score)
                out.extend((x, key, y, y_key, score)
                           for (_, y_key), (y, score) in best.items())
        return out

    return scored


def _link(a: Sequence[Token], b: Sequence[Token], lexicon: Lexicon | None,
          seeds: Seeds | frozenset[tuple[str, str]],
          distrusted: frozenset[tuple[str, str]], scorer: Scorer,
          reach: int | None = None) -> Links:
    """Link a stretch of two texts; `reach`: a compound taking in a word is looked for only
    that many words from where the word would stand (windows of long texts)."""
    mine = [t for t in a if t.content or t.number]
    theirs = [t for t in b if t.content or t.number]
    n, m = max(len(a), 1), max(len(b), 1)
    # Where the words stand in this stretch of the texts (all of them, unless windowed).
    a0, b0 = (a[0].position if a else 0), (b[0].position if b else 0)
    candidates = []
    for x, ka, y, kb, score in scorer(mine, theirs, lexicon, seeds, distrusted):
        closeness = 1 - DISTANCE_PENALTY * abs((x.position - a0) / n - (y.position - b0) / m)
        candidates.append((score * closeness, score, x.position, ka, y.position, kb))
    candidates.sort(key=lambda c: (-c[0], c[2], c[4]))
    used_a: set[tuple[int, str]] = set()
    used_b: set[tuple[int, str]] = set()
    pairs = []
    for _, score, i, ka, j, kb in candidates:
        if (i, ka) in used_a or (j, kb) in used_b:
            continue
        used_a.add((i, ka))
        used_b.add((j, kb))
        pairs.append(LinkPair(i, j, ka, kb, score))
    linked_a, linked_b = {p.a for p in pairs}, {p.b for p in pairs}
    # A compound the document does not split holds several words of the other language
    # ("trend projections" / "trendprojecties", "arms trafficking" / "wapenhandel"): each of
    # them is there, though only one could take the compound's single key. A word is taken in
    # only by a word no stronger link explains.
    strength_a: dict[int, float] = {}
    strength_b: dict[int, float] = {}
    for p in pairs:
        strength_a[p.a] = max(strength_a.get(p.a, 0.0), p.score)
        strength_b[p.b] = max(strength_b.get(p.b, 0.0), p.score)
    hosts_b = [y for y in theirs if strength_b.get(y.position, 0.0) < WEAK]
    hosts_a = [x for x in mine if strength_a.get(x.position, 0.0) < WEAK]
    near_b = _near(hosts_b, b0, m / n, a0, reach)
    near_a = _near(hosts_a, a0, n / m, b0, reach)
    within_a = {x.position: host.position for x in mine if x.position not in linked_a
                and (host := _host(x, near_b(x), lexicon, word_is_a=True)) is not None}
    within_b = {y.position: host.position for y in theirs if y.position not in linked_b
                and (host := _host(y, near_a(y), lexicon, word_is_a=False)) is not None}
    linked_a |= set(within_a)
    linked_b |= set(within_b)
    loose_a = {(t.position, k) for t in mine if t.position in linked_a and len(t.keys) > 1
               for k in t.keys if (t.position, k) not in used_a}
    loose_b = {(t.position, k) for t in theirs if t.position in linked_b and len(t.keys) > 1
               for k in t.keys if (t.position, k) not in used_b}
    return Links(pairs, linked_a, linked_b, loose_a, loose_b, within_a, within_b)
