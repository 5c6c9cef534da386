"""A bilingual lexicon learned from the aligned text: which word of one language translates which
word of the other, and how surely.

The model is IBM Model 1 with the diagonal prior of fast_align (Brown et al. 1993; Dyer, Chahuneau
and Smith 2013): expectation-maximisation over the co-occurrence of words in aligned records,
favouring words at similar relative positions, trained in both directions and combined as the
geometric mean of the two translation probabilities. Its units are the keys of `tokens` (Snowball
stems, the parts of compounds). Training starts from seeds — glossary pairs, identical words and
numbers, cognates — and the glossary, person-curated, is always taken as a translation.

Besides the scores, the lexicon keeps what the checks need to trust a word: how often each word
occurs in aligned records, and how often it found a counterpart there (its reliability), and
for each pair of words the records where they were linked (the evidence `drugstrat terms` shows).
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from typing import Any, NamedTuple

from drugstrat.terms.links import Seeds, link
from drugstrat.terms.tokens import Token

ITERATIONS = 6
TENSION = 4.0  # fast_align's diagonal tension
NULL_PROBABILITY = 0.08
SEED_WEIGHT = 10.0  # how much more a seeded pair starts with than an unseeded one
MIN_SCORE = 0.02  # translations below this are not kept
KEEP = 8  # translations kept per word
SUPPORT = 6  # records kept as the evidence of a pair
# Training reads at most this many co-occurrence cells: the lexicon of a long document is
# learned from its first part, which keeps a build linear in the size of the sources.
MAX_CELLS = 400_000
HABIT_CELLS = 4 * MAX_CELLS  # cells of the sample a word's habit (how often linked) is read in


class Segment(NamedTuple):
    """One aligned record (or sentence) in the two languages, as tokens."""

    id: str
    a: list[Token]
    b: list[Token]


class Lexicon:
    """Translation scores between the keys of two languages, `a` and `b`."""

    def __init__(self, langs: tuple[str, str], scores: dict[str, dict[str, float]],
                 occurrences: dict[str, dict[str, int]],
                 reliability: dict[str, dict[str, int]],
                 support: dict[str, list[str]],
                 compounds: dict[str, dict[str, tuple[str, ...]]]) -> None:
        self.langs = langs
        self.scores = scores  # a key -> {b key: score}
        self.reverse: dict[str, dict[str, float]] = defaultdict(dict)
        for a, row in scores.items():
            for b, score in row.items():
                self.reverse[b][a] = score
        # lang -> word (its folded form) -> [aligned segments holding it, of which linked]: a
        # word's habit, told apart from its stem's (the verb "handelen" is not the noun
        # "handel").
        self.occurrences = occurrences
        self.reliability = reliability  # lang -> word -> segments where it was linked
        self.support = support  # "a\tb" -> record ids where the two were linked
        self.compounds = compounds  # lang -> word -> its parts
        self.forms: dict[str, dict[str, list[str]]] = {}  # lang -> key -> words written so
        self.origin = ""  # a digest of what it was learned from, when its keeper knows it
        # Pairs ("a\tb") a person or a general dictionary vouches for (the glossary,
        # FreeDict): translations whatever this text says, never discounted as a pair the text
        # alone taught.
        self.attested: set[str] = set()
        self.seeded_by: list[str] = []  # where the seeds came from: "glossary", dictionaries
        self._lone: dict[str, frozenset[tuple[str, str]]] | None = None

    def other(self, lang: str) -> str:
        return self.langs[1] if lang == self.langs[0] else self.langs[0]

    def score(self, a: str, b: str) -> float:
        return self.scores.get(a, {}).get(b, 0.0)

    def translations(self, lang: str, key: str) -> dict[str, float]:
        """The other language's keys for `key` of `lang`, with their scores."""
        return dict(self.scores.get(key, {}) if lang == self.langs[0]
                    else self.reverse.get(key, {}))

    def habit(self, lang: str, word: str) -> tuple[int, int]:
        """How many aligned segments hold the (folded) word, and in how many it was linked."""
        return (self.occurrences.get(lang, {}).get(word, 0),
                self.reliability.get(lang, {}).get(word, 0))

    def supported_by(self, a: str, b: str) -> list[str]:
        return self.support.get(f"{a}\t{b}", [])

    def taught_only_by(self, record_id: str) -> frozenset[tuple[str, str]]:
        """The pairs that record alone taught though one of their words occurs elsewhere too:
        linked nowhere else, and vouched for by no glossary or dictionary. When that very
        record is checked they are no evidence — a word rendered otherwise everywhere else
        ("inmates" / "détenus") and once by another word ("étudiants") must not have that one
        rendering pass for a translation. Two words seen only there teach what they can."""
        if self._lone is None:
            a_lang, b_lang = self.langs
            lone: dict[str, set[tuple[str, str]]] = defaultdict(set)
            for key, records in self.support.items():
                if len(records) == 1 and key not in self.attested:
                    a, _, b = key.partition("\t")
                    if self._seen(a_lang, a) > 1 or self._seen(b_lang, b) > 1:
                        lone[records[0]].add((a, b))
            self._lone = {record: frozenset(pairs) for record, pairs in lone.items()}
        return self._lone.get(record_id, frozenset())

    def _seen(self, lang: str, key: str) -> int:
        """In how many aligned segments a key's words occur (of those read for habits)."""
        counts = self.occurrences.get(lang, {})
        return sum(counts.get(word, 0) for word in self.written(lang, key)) or 1

    def written(self, lang: str, key: str) -> list[str]:
        """The words (folded) a key stands for in the text, most frequent first."""
        return self.forms.get(lang, {}).get(key, [])

    def to_json(self) -> dict[str, Any]:
        return {"langs": list(self.langs), "scores": self.scores,
                "occurrences": self.occurrences, "reliability": self.reliability,
                "support": self.support, "forms": self.forms,
                "attested": sorted(self.attested), "seeded_by": self.seeded_by,
                "compounds": {lang: {w: list(p) for w, p in found.items()}
                              for lang, found in self.compounds.items()}}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Lexicon:
        a, b = data["langs"]
        lexicon = cls((a, b), data["scores"], data["occurrences"], data["reliability"],
                      data["support"], {lang: {w: tuple(p) for w, p in found.items()}
                                        for lang, found in data["compounds"].items()})
        lexicon.forms = data.get("forms", {})
        lexicon.attested = set(data.get("attested", ()))
        lexicon.seeded_by = list(data.get("seeded_by", ()))
        return lexicon


def train(segments: Sequence[Segment], langs: tuple[str, str], seeds: Seeds,
          compounds: dict[str, dict[str, tuple[str, ...]]],
          fixed: Seeds | None = None) -> Lexicon:
    """Learn the lexicon of two languages from their aligned segments. `seeds` start with more
    weight; `fixed` pairs (single-word glossary entries) are always translations."""
    fixed = fixed or set()
    forward, backward = _ibm1([(_units(s.a), _units(s.b))
                               for s in within_budget(segments, MAX_CELLS)], seeds | fixed)
    scores: dict[str, dict[str, float]] = {}
    for (a, b), p in forward.items():
        score = 1.0 if (a, b) in fixed else math.sqrt(p * backward[a, b])
        if score >= MIN_SCORE:
            scores.setdefault(a, {})[b] = round(score, 4)
    scores = {a: dict(sorted(row.items(), key=lambda kv: -kv[1])[:KEEP])
              for a, row in scores.items()}
    lexicon = Lexicon(langs, scores, {}, {}, {}, compounds)
    # How often each word found a counterpart, with the trained lexicon: a word usually linked
    # is one whose absence in a translation means something.
    occurrences: dict[str, Counter[str]] = {lang: Counter() for lang in langs}
    linked: dict[str, Counter[str]] = {lang: Counter() for lang in langs}
    support: dict[str, list[str]] = defaultdict(list)
    forms: dict[str, dict[str, Counter[str]]] = {lang: defaultdict(Counter) for lang in langs}
    # A long document's habits are read from a sample of it as large as a long strategy:
    # linking every sentence of megabytes of text would make the build crawl.
    for segment in within_budget(segments, HABIT_CELLS):
        for lang, tokens in ((langs[0], segment.a), (langs[1], segment.b)):
            for token in tokens:
                if token.content and len(token.keys) == 1:
                    forms[lang][token.keys[0]][token.folded] += 1
        links = link(segment.a, segment.b, lexicon, fixed)
        for lang, tokens, hit in ((langs[0], segment.a, links.linked_a),
                                  (langs[1], segment.b, links.linked_b)):
            for token in tokens:
                if token.content:
                    occurrences[lang][token.folded] += 1
                    if token.position in hit:
                        linked[lang][token.folded] += 1
        for pair in links.pairs:
            key = f"{pair.a_key}\t{pair.b_key}"
            if len(support[key]) < SUPPORT and segment.id not in support[key]:
                support[key].append(segment.id)
    lexicon.occurrences = {lang: dict(counts) for lang, counts in occurrences.items()}
    lexicon.reliability = {lang: {k: linked[lang][k] for k in counts}
                           for lang, counts in occurrences.items()}
    lexicon.support = dict(support)
    lexicon.forms = {lang: {key: [w for w, _ in counts.most_common(3)]
                            for key, counts in found.items()} for lang, found in forms.items()}
    return lexicon


Unit = tuple[str, float]  # a key and its relative position in its segment


def _units(tokens: Iterable[Token]) -> list[Unit]:
    content = [t for t in tokens if t.content]
    n = max(len(content), 1)
    return [(key, i / n) for i, t in enumerate(content) for key in t.keys]


def within_budget(segments: Iterable[Segment], budget: int) -> list[Segment]:
    """The first segments, up to `budget` cells (pairs of words) in all. A segment past the
    budget on its own (one line of megabytes, a paragraph of thousands of words before the
    title) is left out: training on it would cost its length squared, and teach little."""
    kept: list[Segment] = []
    cells = 0
    for segment in segments:
        size = len(segment.a) * len(segment.b)
        if size > budget:
            continue
        cells += size
        if cells > budget and kept:
            break
        kept.append(segment)
    return kept


Table = dict[tuple[str, str], float]


def _ibm1(pairs: list[tuple[list[Unit], list[Unit]]], seeds: Seeds) -> tuple[Table, Table]:
    """P(b | a) and P(a | b) by EM over every (a, b) co-occurrence, with fast_align's diagonal
    prior on relative positions and a fixed chance of aligning to nothing. Both directions share
    the co-occurrence cells; they differ in which side is explained."""
    import numpy as np  # EM over sparse counts is numpy's bincount; imported for training only

    a_vocabulary: dict[str, int] = {}
    b_vocabulary: dict[str, int] = {}
    columns: list[tuple[Any, ...]] = []
    for number, (mine, theirs) in enumerate(pairs):
        if not mine or not theirs:
            continue
        n, m = len(mine), len(theirs)
        a = np.array([a_vocabulary.setdefault(key, len(a_vocabulary)) for key, _ in mine])
        b = np.array([b_vocabulary.setdefault(key, len(b_vocabulary)) for key, _ in theirs])
        pa = np.array([position for _, position in mine])
        pb = np.array([position for _, position in theirs])
        # Every word of the segment with every word of its translation, row by row.
        rows = number * 10_000
        columns.append((np.repeat(a, m), np.tile(b, n), np.abs(np.repeat(pa, m) - np.tile(pb, n)),
                        rows + np.repeat(np.arange(n), m), rows + np.tile(np.arange(m), n)))
    if not columns:
        return {}, {}
    cells_a, cells_b, distances, rows_a, rows_b = (np.concatenate(column)
                                                   for column in zip(*columns, strict=True))
    # The distinct (a, b) cells, numbered in order of first occurrence (the order EM sums in).
    width = len(b_vocabulary)
    codes, first, cell = np.unique(cells_a * width + cells_b, return_index=True,
                                   return_inverse=True)
    order = np.argsort(first, kind="stable")
    number_of = np.empty_like(order)
    number_of[order] = np.arange(len(order))
    cell = number_of[cell]
    codes = codes[order]
    a_of, b_of = codes // width, codes % width
    a_words, b_words = list(a_vocabulary), list(b_vocabulary)
    initial = _initial_weights(np, a_words, b_words, a_of, b_of, seeds)
    closeness = np.exp(-TENSION * distances)
    # Forward explains each b by the a's; backward each a by the b's.
    forward = _em(np, cell, closeness, rows_b, initial, a_of, len(np.unique(b_of)))
    backward = _em(np, cell, closeness, rows_a, initial, b_of, len(np.unique(a_of)))
    keys = [(a_words[a], b_words[b]) for a, b in zip(a_of.tolist(), b_of.tolist(), strict=True)]
    return (dict(zip(keys, forward.tolist(), strict=True)),
            dict(zip(keys, backward.tolist(), strict=True)))


def _initial_weights(np: Any, a_words: list[str], b_words: list[str], a_of: Any, b_of: Any,
                     seeds: Seeds) -> Any:
    """SEED_WEIGHT for a cell of a seeded pair, of the same word, or of cognates; else 1."""
    from rapidfuzz import fuzz

    from drugstrat.terms.links import COGNATE, MIN_COGNATE

    a_index = {word: i for i, word in enumerate(a_words)}
    b_index = {word: i for i, word in enumerate(b_words)}
    width = len(b_words)
    seeded = [a_index[a] * width + b_index[b] for a, b in seeds
              if a in a_index and b in b_index]
    same = np.array([b_index.get(word, -1) for word in a_words])[a_of] == b_of
    favoured = same | np.isin(a_of * width + b_of, np.array(seeded, dtype=np.int64))
    # Cognates: both long enough, the same first letter, and alike — rapidfuzz is asked only
    # about the cells that pass the cheap tests.
    first_a = np.array([ord(w[0]) if len(w) >= MIN_COGNATE else -1 for w in a_words])
    first_b = np.array([ord(w[0]) if len(w) >= MIN_COGNATE else -2 for w in b_words])
    for i in np.flatnonzero(~favoured & (first_a[a_of] == first_b[b_of])).tolist():
        if fuzz.ratio(a_words[a_of[i]], b_words[b_of[i]]) >= COGNATE * 100:
            favoured[i] = True
    return np.where(favoured, SEED_WEIGHT, 1.0)


def _em(np: Any, cell: Any, closeness: Any, row: Any, initial: Any, source: Any,
        vocabulary: int) -> Any:
    """IBM Model 1's EM: `row` groups the entries explaining one word, `source` names each
    cell's conditioning word, whose translation probabilities sum to one; the empty word
    explains any of the `vocabulary` words equally."""
    _, row = np.unique(row, return_inverse=True)
    prior = (1 - NULL_PROBABILITY) * closeness / np.bincount(row, weights=closeness)[row]
    source_ids = np.array(source, dtype=np.int64)

    def normalised(counts: Any) -> Any:
        return counts / np.bincount(source_ids, weights=counts)[source_ids]

    t = normalised(initial.astype(float))
    for _ in range(ITERATIONS):
        values = t[cell] * prior
        z = np.bincount(row, weights=values) + NULL_PROBABILITY / vocabulary
        counts = np.bincount(cell, weights=values / z[row], minlength=len(t))
        t = normalised(counts + 1e-12)
    return t
