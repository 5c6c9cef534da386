"""Ranked search over both languages at once.

A query word matches a record in the first of these ways that finds anything, each a little
weaker than the one before:

1. its stems (each language's endings stripped) as word prefixes: "gokken" -> "gok*" finds
   "gokken", "gokspelen", "gokverslaving";
2. as a substring, for long words: the head of a compound, "handel" in "drugshandel";
3. split into two known parts, when it is a compound: "drugshandel" also finds
   "handel in drugs";
4. its translations in the glossary: "gevangenissen" also finds "prisons" and "detentie";
5. when nothing else did, the nearest words of the knowledge base's vocabulary (rapidfuzz),
   for typos: "prekursoren" -> "precursoren".

Scores add the matched words' inverse document frequency, scaled by how the word matched, and
favour records that match every word, hold the exact phrase, and are objectives rather than
incidental mentions. A record and its translation come back together.
"""

from __future__ import annotations

import math
import re
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from drugstrat.kb.store import KB
from drugstrat.languages import LANGUAGES, all_of
from drugstrat.text.fold import fold, fold_with_offsets, original_span
from drugstrat.text.stem import stem
from drugstrat.text.words import words

# The glossary's forms by term number: (language, form) pairs.
Glossary = dict[int, list[tuple[str, str]]]

# What a match of each kind is worth, against an exact word.
PREFIX_STEM = 0.9
SUBSTRING = 0.75
COMPOUND_PARTS = 0.8
TYPO = 0.7
TRANSLATION = 0.6  # a glossary translation of the word, in either language
LEARNED_TRANSLATION = 0.5  # ... times the lexicon's score, for a translation it learned
TYPO_CUTOFF = 78  # rapidfuzz ratio
MIN_SUBSTRING = 5
MIN_COMPOUND = 8
PHRASE_BONUS = 1.6
# Objectives are what an analyst cites; a signatory's office mentioning a word is incidental.
TYPE_WEIGHT = {
    "strategic_objective": 1.8, "specific_objective": 1.6, "section": 1.2, "mission_aim": 1.2,
    "mission_means": 1.2, "scope_item": 1.2, "paragraph": 1.0, "list_item": 1.0,
    "target_group": 0.9, "endnote": 0.7, "title_page": 0.6, "signatory": 0.5,
    "coordinator": 0.5, "toc_entry": 0.3,
}


@dataclass
class Hit:
    id: str
    type: str
    lang: str
    score: float
    text: str
    spans: list[tuple[int, int]] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "type": self.type, "lang": self.lang,
                "score": round(self.score, 3), "text": self.text,
                "spans": [list(span) for span in self.spans]}


@dataclass
class Group:
    """A record and its translation, ranked together."""

    id: str
    type: str
    score: float
    hits: list[Hit]


@dataclass
class _Match:
    weight: float
    pattern: str  # regex over folded text, for highlighting


def search(kb: KB, query: str, *, types: set[str] | None = None, lang: str | None = None,
           so: int | None = None, limit: int = 10,
           glossary_file: Path | None = None) -> list[Group]:
    from drugstrat.kb.ids import resolve

    direct = resolve(query, kb.ids) if _looks_like_id(query) else None
    if direct:
        versions = {code: r for code, r in kb.get(direct).items() if lang in (None, code)}
        hits = [Hit(r["id"], r["type"], code, 1.0, r["text"]) for code, r in versions.items()]
        return [Group(direct, hits[0].type, 1.0, hits)] if hits else []

    from drugstrat.search.index import open_index

    terms = _query_words(query)
    if not terms:
        return []
    connection = open_index(kb, glossary_file)
    try:
        meta = dict(connection.execute("SELECT key, value FROM meta"))
        total, average = int(meta["records"]), float(meta["average_length"])
        glossary = _glossary_forms(connection)
        per_word = [_matches(connection, word, glossary) for word in terms]
        # Only the matched records are read: the cost follows the answer, not the KB.
        matched = sorted({rowid for matches in per_word for rowid in matches})
        rows: dict[int, tuple[str, str, str, int | None, int]] = {}
        for start in range(0, len(matched), 500):
            chunk = matched[start:start + 500]
            rows.update((row[0], row[1:]) for row in connection.execute(
                "SELECT rowid, id, lang, type, so, length FROM records WHERE rowid IN "
                f"({','.join('?' * len(chunk))})", chunk))
    finally:
        connection.close()

    scores: dict[int, float] = {}
    patterns: dict[int, list[str]] = {}
    for matches in per_word:
        idf = math.log(1 + total / (1 + len(matches)))
        for rowid, match in matches.items():
            scores[rowid] = scores.get(rowid, 0.0) + idf * match.weight
            patterns.setdefault(rowid, []).append(match.pattern)
    phrase = " ".join(words(fold(query)))
    by_id: dict[str, Group] = {}
    for rowid, score in scores.items():
        record_id, code, rtype, record_so, length = rows[rowid]
        # --lang chooses what is shown, not what may match: a query word of one language finds
        # the record whose text in the other language is wanted.
        if (types and rtype not in types) or so not in (None, record_so):
            continue
        record = kb.get(record_id).get(code)
        if record is None:
            continue
        coverage = sum(rowid in m for m in per_word) / len(per_word)
        score *= 0.4 + 0.6 * coverage ** 2
        score *= TYPE_WEIGHT.get(rtype, 1.0) / (0.8 + 0.2 * length / max(average, 1))
        if len(terms) > 1 and phrase in fold(record["text"]):
            score *= PHRASE_BONUS
        hit = Hit(record_id, rtype, code, score, record["text"],
                  _spans(record["text"], patterns[rowid]))
        group = by_id.setdefault(record_id, Group(record_id, rtype, 0.0, []))
        group.hits.append(hit)
        group.score = max(group.score, score)
    ranked = sorted(by_id.values(), key=lambda g: (-g.score, kb.position(g.id)))
    out = []
    for group in ranked:
        _add_counterparts(kb, group)
        for hit in group.hits:
            hit.score = group.score  # a record and its translation rank as one
        group.hits = sorted((h for h in group.hits if lang in (None, h.lang)),
                            key=lambda h: kb.langs.index(h.lang))
        if group.hits:
            out.append(group)
        if len(out) == limit:
            break
    return out


def _looks_like_id(query: str) -> bool:
    return len(query.split()) <= 2 and bool(re.search(r"\d|^[\w.~-]+$", query.strip()))


def _query_words(query: str) -> list[str]:
    # "milieu-impact" is searched as its parts: the text may say "impact op het milieu".
    tokens = [part for w in words(fold(query)) for part in w.split("-")
              if len(part) > 1 or part.isdigit()]
    stop = set().union(*(lang.function_words for lang in LANGUAGES.values()))
    content = [w for w in tokens if w not in stop]
    return list(dict.fromkeys(content or tokens))


def _stems(word: str) -> set[str]:
    return {stem(word, lang) for lang in LANGUAGES.values()} | {word}


def _fts(text: str) -> str:
    return '"' + text.replace('"', '""') + '"'


def _glossary_forms(connection: sqlite3.Connection) -> dict[int, list[tuple[str, str]]]:
    terms: dict[int, list[tuple[str, str]]] = {}
    for term, lang, form in connection.execute("SELECT term, lang, form FROM glossary"):
        terms.setdefault(term, []).append((lang, form))
    return terms


def _translations(word: str, glossary: Glossary) -> set[str]:
    """The glossary's other forms of a term this word is a form of: "gevangenissen" ->
    "prison", "detention", "detentie" … (as folded word prefixes)."""
    from drugstrat.terms.glossary import find_forms

    out: set[str] = set()
    for forms in glossary.values():
        if any(" " not in form and find_forms((form,), lang, word) for lang, form in forms):
            out |= {fold(form.strip("*")) for _, form in forms if " " not in form}
    return out - {word}


def _matches(connection: sqlite3.Connection, word: str,
             glossary: Glossary | None = None) -> dict[int, _Match]:
    found: dict[int, _Match] = {}

    def add(rowids: Iterable[tuple[int]], weight: float, pattern: str) -> None:
        for (rowid,) in rowids:
            if rowid not in found or found[rowid].weight < weight:
                found[rowid] = _Match(weight, pattern)

    for root in sorted(_stems(word), key=len, reverse=True):
        if len(root) < 3 and root != word:
            continue
        weight = 1.0 if root == word else PREFIX_STEM
        add(connection.execute("SELECT rowid FROM words WHERE words MATCH ?",
                               (_fts(root) + "*",)), weight, rf"(?<!\w){re.escape(root)}\w*")
    if len(word) >= MIN_SUBSTRING:
        add(connection.execute("SELECT rowid FROM grams WHERE grams MATCH ?", (_fts(word),)),
            SUBSTRING, rf"\w*{re.escape(word)}\w*")
    if len(word) >= MIN_COMPOUND:
        for left, right in _compound_splits(connection, word):
            left_rows = _part_rows(connection, left)
            right_rows = _part_rows(connection, right)
            pattern = rf"\w*(?:{re.escape(left)}|{re.escape(right)})\w*"
            add(((r,) for r in left_rows & right_rows), COMPOUND_PARTS, pattern)
    for translation in sorted(_translations(word, glossary or {})):
        add(connection.execute("SELECT rowid FROM words WHERE words MATCH ?",
                               (_fts(translation) + "*",)),
            TRANSLATION, rf"(?<!\w){re.escape(translation)}\w*")
    # What the lexicon learned from the aligned text, weighted below the glossary.
    for translation, score in connection.execute(
            "SELECT other, max(score) FROM translations WHERE word = ? GROUP BY other", (word,)):
        add(connection.execute("SELECT rowid FROM words WHERE words MATCH ?",
                               (_fts(translation),)),
            LEARNED_TRANSLATION * score, rf"(?<!\w){re.escape(translation)}(?!\w)")
    if not found:
        for candidate, similarity in _near_words(connection, word):
            add(connection.execute("SELECT rowid FROM words WHERE words MATCH ?",
                                   (_fts(candidate),)),
                TYPO * similarity / 100, rf"(?<!\w){re.escape(candidate)}(?!\w)")
    return found


def _part_rows(connection: sqlite3.Connection, part: str) -> set[int]:
    query = "SELECT rowid FROM words WHERE words MATCH ?"
    rows = {r for (r,) in connection.execute(query, (_fts(part) + "*",))}
    if len(part) >= 4:
        rows |= {r for (r,) in connection.execute(
            "SELECT rowid FROM grams WHERE grams MATCH ?", (_fts(part),))}
    return rows


def _compound_splits(connection: sqlite3.Connection, word: str) -> list[tuple[str, str]]:
    """Ways to read `word` as two known parts, a linking letter of a compounding language allowed
    between them: "drugshandel" -> ("drugs", "handel")."""
    linkers = tuple(all_of("compound_linkers"))
    splits = []
    for cut in range(3, len(word) - 2):
        left, right = word[:cut], word[cut:]
        heads = {right} | {right[len(link):] for link in linkers if right.startswith(link)}
        for head in heads:
            if len(head) >= 3 and _known_prefix(connection, left) and _known_word(connection,
                                                                                   head):
                splits.append((left, head))
    return splits[:3]


def _known_prefix(connection: sqlite3.Connection, part: str) -> bool:
    return connection.execute("SELECT 1 FROM vocab WHERE word >= ? AND word < ? LIMIT 1",
                              (part, part + "\uffff")).fetchone() is not None


def _known_word(connection: sqlite3.Connection, part: str) -> bool:
    return connection.execute("SELECT 1 FROM vocab WHERE word = ?", (part,)).fetchone() is not None


def _near_words(connection: sqlite3.Connection, word: str) -> list[tuple[str, float]]:
    from rapidfuzz import fuzz, process

    vocabulary = [w for (w,) in connection.execute(
        "SELECT word FROM vocab WHERE length(word) BETWEEN ? AND ?",
        (len(word) - 3, len(word) + 3))]
    return [(w, score) for w, score, _ in process.extract(
        word, vocabulary, scorer=fuzz.ratio, score_cutoff=TYPO_CUTOFF, limit=5)]


def _spans(text: str, patterns: list[str]) -> list[tuple[int, int]]:
    folded, offsets = fold_with_offsets(text)
    spans: set[tuple[int, int]] = set()
    for pattern in patterns:
        for match in re.finditer(pattern, folded):
            if match.end() > match.start():
                spans.add(original_span(offsets, match.start(), match.end(), len(text)))
    return _merge(sorted(spans))


def _merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def _add_counterparts(kb: KB, group: Group) -> None:
    """Put the translation beside the hit, even where only one language matched."""
    present = {h.lang for h in group.hits}
    for code, record in kb.get(group.id).items():
        if code not in present:
            group.hits.append(Hit(group.id, record["type"], code, 0.0, record["text"]))
