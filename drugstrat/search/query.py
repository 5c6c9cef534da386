"""Ranked search over both languages at once, meaning what the query says.

Each query word matches a record at the best of these levels (a tier), the first better than
the next whatever else differs:

4. the word itself (case and accents aside): "police" finds "police", never "policy";
3. the same Snowball stem in the record's language: "prisons" finds "prison";
2. a part of a compound, in a language that writes them closed ("gokken" finds "gokspelen",
   "handel" finds "drugshandel"); a query compound found as its parts ("drugshandel" finds
   "handel in drugs"); a translation the glossary gives ("gevangenissen" finds "prisons");
1. a translation the lexicon learned from the aligned text.

A word that is in no record at any level stands in for nothing silently. In a language that
writes compounds closed, a compound whose first part the document never uses is searched as its
last part the document knows, with its first part where that begins words of the document
("vroegdetectie": "detectie", and "vroeg" of "vroegtijdige"); else a typo's nearest word of the
knowledge base stands in ("prekursoren": "precursoren"); else, for a compound, its longest
beginning the document knows ("drugshandelaars": "drugshandel"). A compound the document also
writes with or without a linking letter finds both spellings ("drugshandel", "drughandel").
What stood in, what was also found, and every word found nowhere at all, the result says.

Records holding a quoted phrase (or the whole query as a phrase) come first, then those matching
all the words, then fewer; within that, better tiers; then a score of the words' rarity, the
record's type (objectives are what an analyst cites) and length. A record and its translation
come back together.
"""

from __future__ import annotations

import math
import re
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from drugstrat import ids
from drugstrat.kb.store import KB
from drugstrat.languages import LANGUAGES, all_of, language
from drugstrat.text.fold import fold, fold_with_offsets, original_span
from drugstrat.text.stem import snowball
from drugstrat.text.words import WORD, words

EXACT, STEM, PART, LEARNED = 4, 3, 2, 1
TRANSLATION = PART  # a glossary translation counts as much as a compound's part
LEARNED_MIN = 0.3  # the lexicon's translations this sure reach across languages
TYPO_CUTOFF = 78  # rapidfuzz ratio of a stand-in for a word found nowhere
SURE_TYPO = 90  # a ratio this high is a slip, even in a compound whose last part is known
MIN_HEAD = 3  # letters of a compound's other part around a word found inside it
MIN_SUBSTRING = 5
MIN_COMPOUND = 8
MIN_PART = 4  # letters of a compound's part that stands in for the compound
# The longest question a search takes: its characters, its words, a word's letters.
MAX_QUERY_CHARACTERS = 1000
MAX_QUERY_WORDS = 50
MAX_WORD_LENGTH = 64
TYPE_WEIGHT = {
    "strategic_objective": 1.8, "specific_objective": 1.6, "section": 1.2, "mission_aim": 1.2,
    "mission_means": 1.2, "scope_item": 1.2, "paragraph": 1.0, "list_item": 1.0,
    "target_group": 0.9, "endnote": 0.7, "title_page": 0.6, "signatory": 0.5,
    "coordinator": 0.5, "toc_entry": 0.3,
}


class Hit:
    """One language's version of a record found: `matched` the query's words (as searched:
    a typo's correction, a compound's part) its text holds; `so` the strategic objective it
    belongs to (itself, its parent or an ancestor), if any."""

    __slots__ = ("id", "type", "lang", "score", "text", "spans", "parent", "matched", "so")

    def __init__(self, id: str, type: str, lang: str, score: float, text: str,
                 spans: list[tuple[int, int]] | None = None, parent: str | None = None,
                 matched: list[str] | None = None) -> None:
        self.id = id
        self.type = type
        self.lang = lang
        self.score = score
        self.text = text
        self.spans = spans or []
        self.parent = parent
        self.matched = matched or []
        self.so: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "type": self.type, "lang": self.lang, "parent": self.parent,
                "so": self.so, "score": round(self.score, 3), "text": self.text,
                "spans": [list(span) for span in self.spans], "matched": self.matched}


class Group:
    """A record and its translation, ranked together."""

    __slots__ = ("id", "type", "score", "hits")

    def __init__(self, id: str, type: str, score: float, hits: list[Hit]) -> None:
        self.id = id
        self.type = type
        self.score = score
        self.hits = hits

    @property
    def parent(self) -> str | None:
        return next((h.parent for h in self.hits if h.parent), None)

    @property
    def so(self) -> str | None:
        return next((h.so for h in self.hits if h.so), None)

    @property
    def matched(self) -> list[str]:
        """The query's words some version of the record holds."""
        return list(dict.fromkeys(w for h in self.hits for w in h.matched))


class Stand:
    """What stood in for a query word found nowhere: `used` (one word or several) and why:
    "head" (a compound's last part, with its first part where that begins words), "typo"
    (the nearest word) or "start" (a compound's longest known beginning)."""

    __slots__ = ("typed", "used", "why")

    def __init__(self, typed: str, used: list[str], why: str) -> None:
        self.typed = typed
        self.used = used
        self.why = why


class Results:
    """The groups shown, how many matched in all, and what the search did with the query:
    the words that stood in for others (`stood_in`), the other spellings of a compound it
    also found (`variants`: typed -> the document's), the words found in no record at all
    (`missing`) and those found only in records the filters leave out (`filtered`). Iterates
    over the groups."""

    __slots__ = ("groups", "total", "stood_in", "variants", "missing", "filtered")

    def __init__(self, groups: list[Group], total: int = 0) -> None:
        self.groups = groups
        self.total = total
        self.stood_in: list[Stand] = []
        self.variants: dict[str, list[str]] = {}
        self.missing: list[str] = []
        self.filtered: list[str] = []

    @property
    def corrections(self) -> dict[str, str]:
        """Typed word -> the word that stood in for it."""
        return {s.typed: " ".join(s.used) for s in self.stood_in}

    def __iter__(self) -> Iterator[Group]:
        return iter(self.groups)

    def __len__(self) -> int:
        return len(self.groups)

    def __getitem__(self, index: int) -> Group:
        return self.groups[index]


class Term:
    """A unit of the query: a word, or a quoted phrase (`words` > 1)."""

    __slots__ = ("words", "quoted")

    def __init__(self, words: list[str], quoted: bool = False) -> None:
        self.words = words
        self.quoted = quoted

    @property
    def text(self) -> str:
        return " ".join(self.words)


def search(kb: KB, query: str, *, types: set[str] | None = None, lang: str | None = None,
           so: int | None = None, limit: int = 10, glossary_file: Path | None = None,
           exact: bool = False) -> Results:
    """Records answering `query`; `exact` keeps whole-word (and phrase) matches only, and
    nothing stands in for a word found nowhere. A query past MAX_QUERY_CHARACTERS,
    MAX_QUERY_WORDS or MAX_WORD_LENGTH is an `InputError`: each word costs lookups and a typo's
    search through the vocabulary, and no question is that long."""
    from drugstrat.kb.names import resolve

    _bounded(query)

    direct = resolve(query, kb.ids) if _looks_like_id(query) else None
    if direct:
        versions = kb.get(direct, [lang] if lang else None)
        hits = [Hit(r["id"], r["type"], code, 1.0, r["text"], parent=r.get("parent"))
                for code, r in versions.items()]
        number = kb.objective_number(direct)
        for hit in hits:
            hit.so = ids.strategic(number) if number is not None else None
        return Results([Group(direct, hits[0].type, 1.0, hits)] if hits else [],
                       1 if hits else 0)

    terms = parse_query(query)
    if not terms:
        return Results([])
    from drugstrat.search.index import open_index

    stood_in: list[Stand] = []
    connection = open_index(kb, glossary_file)
    try:
        matcher = _Matcher(connection, kb, exact)
        # Each query term as searched (a stand-in's words in its place), and what each found.
        searched: list[tuple[Term, Term, dict[int, int]]] = []
        for term in terms:
            found = [(term, matcher.term(term))]
            if not found[0][1] and not term.quoted and not exact:
                stand = matcher.stand_in(term.words[0])
                if stand is not None:
                    stood_in.append(stand)
                    found = [(Term([word]), matcher.term(Term([word]))) for word in stand.used]
            searched += [(term, used, tiers) for used, tiers in found]
        present = [used for _, used, tiers in searched if tiers]
        unquoted = [t for t in present if not t.quoted]
        # The words that exist, as a phrase: a word found nowhere breaks no phrase.
        phrase = matcher.phrase(" ".join(w for t in unquoted for w in t.words)) \
            if len(unquoted) > 1 and not any(t.quoted for t in terms) else set()
        meta = dict(connection.execute("SELECT key, value FROM meta"))
        rows = matcher.rows({rowid for *_, tiers in searched for rowid in tiers})
    finally:
        connection.close()

    total, average = int(meta["records"]), float(meta["average_length"])
    ranked: dict[str, tuple[tuple[float, float, float, float], list[Hit]]] = {}
    kept: set[int] = set()
    for rowid, (record_id, code, rtype, record_so, length) in rows.items():
        # --lang chooses what is shown, not what may match: a query word of one language finds
        # the record whose text in the other language is wanted.
        if (types and rtype not in types) or so not in (None, record_so):
            continue
        record = kb.get(record_id).get(code)
        if record is None:
            continue
        kept.add(rowid)
        matched = [tiers[rowid] for *_, tiers in searched if rowid in tiers]
        score = sum(math.log(1 + total / (1 + len(tiers))) * tiers[rowid]
                    for *_, tiers in searched if rowid in tiers)
        score *= TYPE_WEIGHT.get(rtype, 1.0) / (0.8 + 0.2 * length / max(average, 1))
        key = (float(rowid in phrase), float(len(matched)), float(sum(matched)), score)
        hit = Hit(record_id, rtype, code, score, record["text"], parent=record.get("parent"),
                  matched=list(dict.fromkeys(used.text for _, used, tiers in searched
                                             if rowid in tiers)))
        best, hits = ranked.get(record_id, (key, []))
        ranked[record_id] = (max(best, key), [*hits, hit])
    order = sorted(ranked.items(), key=lambda item: (tuple(-v for v in item[1][0]),
                                                     kb.position(item[0])))
    groups = []
    for record_id, (key, hits) in order:
        group = Group(record_id, hits[0].type, key[-1], hits)
        _add_counterparts(kb, group)
        group.hits = sorted((h for h in group.hits if lang in (None, h.lang)),
                            key=lambda h: kb.langs.index(h.lang))
        if not group.hits:
            continue
        groups.append(group)
    shown = groups[:limit]
    patterns = _highlights([used for _, used, tiers in searched if tiers], kb.langs,
                           matcher.also_marked)
    for group in shown:
        number = kb.objective_number(group.id)
        for hit in group.hits:
            hit.score = group.score  # a record and its translation rank as one
            hit.so = ids.strategic(number) if number is not None else None
            hit.spans = _spans(hit.text, patterns.get(hit.lang, []))
    results = Results(shown, len(groups))
    results.stood_in = stood_in
    results.variants = {typed: sorted(found) for typed, found in matcher.variants.items()}
    for term in terms:
        reached = [tiers for typed, _, tiers in searched if typed is term]
        if not any(reached):
            results.missing.append(term.text)
        elif not any(kept & set(tiers) for tiers in reached):
            results.filtered.append(term.text)
    return results


def _bounded(query: str) -> None:
    from drugstrat.errors import InputError

    if len(query) > MAX_QUERY_CHARACTERS:
        raise InputError(f"a query of {len(query)} characters; ask in at most "
                         f"{MAX_QUERY_CHARACTERS} (a few words find what a whole passage "
                         f"would)")
    found = words(query)
    if len(found) > MAX_QUERY_WORDS:
        raise InputError(f"a query of {len(found)} words; ask in at most {MAX_QUERY_WORDS}")
    longest = max(found, key=len, default="")
    if len(longest) > MAX_WORD_LENGTH:
        raise InputError(f"a query word of {len(longest)} letters ({longest[:20]}…); no word of "
                         f"a document is longer than {MAX_WORD_LENGTH}")


def parse_query(query: str) -> list[Term]:
    """Quoted phrases as units, the other words one by one; words every language treats as
    function words dropped (unless nothing else is left)."""
    terms: list[Term] = []
    if query.count('"') % 2:
        query += '"'  # a quote left open runs to the end of the query
    for phrase in re.findall(r'"([^"]+)"', query):
        found = words(fold(phrase))
        if found:
            terms.append(Term(found, quoted=True))
    rest = re.sub(r'"[^"]*"', " ", query)
    # "milieu-impact" is searched as its parts: the text may say "impact op het milieu".
    tokens = [part for w in words(fold(rest)) for part in w.split("-")
              if len(part) > 1 or part.isdigit()]
    stop = set().union(*(lang.function_words for lang in LANGUAGES.values()))
    content = [w for w in tokens if w not in stop] or ([] if terms else tokens)
    terms += [Term([w]) for w in dict.fromkeys(content)]
    return terms


class _Matcher:
    """Which records a term matches, and how well (rowid -> tier), from the index."""

    def __init__(self, connection: sqlite3.Connection, kb: KB, exact: bool) -> None:
        self.db = connection
        self.kb = kb
        self.langs = kb.langs
        self.exact = exact
        self.closed = [code for code in self.langs if language(code).closed_compounds]
        # The translations and other spellings that matched, by language: marked in the hits
        # like the word.
        self.also_marked: dict[str, set[str]] = {}
        # A compound -> the other spellings of it the document uses (drugshandel: drughandel).
        self.variants: dict[str, set[str]] = {}

    def term(self, term: Term) -> dict[int, int]:
        if term.quoted or len(term.words) > 1:
            return dict.fromkeys(self.phrase(term.text), EXACT)
        return self.word(term.words[0])

    def phrase(self, text: str) -> set[int]:
        return self._rows("words", _fts(text))

    def word(self, word: str) -> dict[int, int]:
        found: dict[int, int] = {}

        def add(rowids: set[int], tier: int) -> None:
            for rowid in rowids:
                if found.get(rowid, 0) < tier:
                    found[rowid] = tier

        add(self._rows("words", _fts(word)), EXACT)
        if self.exact:
            return found
        # A word of one language is stemmed by that language's rules only: "police" is
        # English, and Dutch rules would make it "polic", as they make "policies".
        own = self._languages_of(word) or self.langs
        for code in own:
            add(self._rows("stems", _fts(snowball(word, language(code))), code), STEM)
        for code in (c for c in self.closed if c in own):
            stem = snowball(word, language(code))
            add(self._rows("parts", _fts(stem), code), PART)
            # A compound the text does not split: the word as its first part ("gok" of
            # "gokspelen") or inside it after a modifier ("handel" of "drugshandel").
            head = rf"(?<!\w){re.escape(stem)}\w{{{MIN_HEAD},}}"
            add(self._verified(code, _fts(stem) + "*", head), PART)
            if len(word) >= MIN_SUBSTRING:
                add(self._verified(code, _fts(word), rf"\w{{{MIN_HEAD},}}{re.escape(word)}",
                                   table="grams"), PART)
        if len(word) >= MIN_COMPOUND:
            for left, right in self._splits(word):
                add(self._with_all(left, right), PART)
        if len(word) >= MIN_COMPOUND and self.closed:
            # The same compound with or without a linking letter (drug-/drugs-), where the
            # document writes it so: a form of the word.
            for variant, code in self._variants(word):
                self.variants.setdefault(word, set()).add(variant)
                self.also_marked.setdefault(code, set()).add(variant)
                add(self._rows("words", _fts(variant), code), STEM)
        for code, form in self._glossary_translations(word):
            rows = self._form_rows(code, form)
            if rows:
                self.also_marked.setdefault(code, set()).add(fold(form.strip("*")))
            add(rows, TRANSLATION)
        for other, code, score in self.db.execute(
                "SELECT other, lang, max(score) FROM translations WHERE word = ? "
                "GROUP BY other, lang", (word,)):
            if score >= LEARNED_MIN:
                rows = self._rows("words", _fts(other), code)
                if rows:
                    self.also_marked.setdefault(code, set()).add(other)
                add(rows, LEARNED)
        return found

    def stand_in(self, word: str) -> Stand | None:
        """What stands in for a word no record holds at any tier, or None: in a language of
        closed compounds, a compound's last part the document knows (with its first part
        where that begins words of the document); else the nearest word (a typo); else a
        compound's longest beginning the document knows."""
        compound = len(word) >= MIN_COMPOUND and bool(self.closed)
        typo, likeness = self._nearest(word)
        if typo is not None and likeness >= SURE_TYPO:
            return Stand(word, [typo], "typo")  # one slip in a known word ("drigshandel")
        if compound and (head := self._known_head(word)):
            modifier = word[:len(word) - len(head)]
            for link in self._linkers():
                if link and modifier.endswith(link) and len(modifier) - len(link) >= MIN_HEAD:
                    modifier = modifier[:-len(link)]
                    break
            used = [head] + ([modifier] if self._begins_words(modifier, compounds=False)
                             else [])
            return Stand(word, used, "head")
        if typo is not None:
            return Stand(word, [typo], "typo")
        if compound and (start := self._known_start(word)):
            return Stand(word, [start], "start")
        return None

    def _nearest(self, word: str) -> tuple[str | None, float]:
        """The knowledge base's nearest word, for a word it holds nowhere (a typo), and how
        alike they are (rapidfuzz's ratio)."""
        from rapidfuzz import fuzz, process

        vocabulary = [w for (w,) in self.db.execute(
            "SELECT DISTINCT word FROM vocab WHERE length(word) BETWEEN ? AND ?",
            (len(word) - 3, len(word) + 3))]
        best = process.extractOne(word, vocabulary, scorer=fuzz.ratio,
                                  score_cutoff=TYPO_CUTOFF)
        return (best[0], best[1]) if best else (None, 0.0)

    def _known_head(self, word: str) -> str | None:
        """The longest end of `word` that is a word of a language of closed compounds, after
        a first part of at least MIN_HEAD letters ("vroegdetectie": "detectie")."""
        for cut in range(MIN_HEAD, len(word) - MIN_PART + 1):
            if self._known(word[cut:], self.closed):
                return word[cut:]
        return None

    def _known_start(self, word: str) -> str | None:
        """The longest beginning of `word`, leaving at least MIN_HEAD letters, that is a word
        of a language of closed compounds or begins its words ("drugshandelaars":
        "drugshandel"; "vroegsignalering": "vroeg", of "vroegtijdig")."""
        for cut in range(len(word) - MIN_HEAD, MIN_PART - 1, -1):
            if self._known(word[:cut], self.closed) or self._begins_words(word[:cut]):
                return word[:cut]
        return None

    def _begins_words(self, start: str, compounds: bool = True) -> bool:
        """Whether words of a language of closed compounds begin with `start` and at least
        MIN_HEAD more letters; with `compounds`, only where those letters are a word of it
        ("vroeg" of "vroeginterventie"; "inter" of "international" is no compound)."""
        if len(start) < MIN_HEAD:
            return False
        marks = ",".join("?" * len(self.closed))
        for (longer,) in self.db.execute(
                f"SELECT word FROM vocab WHERE word > ? AND word < ? AND lang IN ({marks})",
                (start, start + "\uffff", *self.closed)):
            rest = longer[len(start):]
            if len(rest) >= MIN_HEAD and not compounds:
                return True
            if len(rest) >= MIN_HEAD and any(self._known(rest[len(link):], self.closed)
                                             for link in self._linkers()
                                             if rest.startswith(link)):
                return True
        return False

    def _variants(self, word: str) -> list[tuple[str, str]]:
        """Other spellings of a compound the text uses, with or without a linking letter after
        a first part the text knows ("drugshandel", "drughandel"), and their language."""
        out = []
        for cut in range(MIN_HEAD, len(word) - MIN_HEAD + 1):
            left, right = word[:cut], word[cut:]
            if not self._known(left):
                continue
            for link in self._linkers()[1:]:
                if right.startswith(link):
                    variant = left + right[len(link):]  # without the linker
                    if len(right) - len(link) < MIN_HEAD:
                        continue
                else:
                    variant = left + link + right  # with it
                out += [(variant, code) for code in self.closed if self._known(variant, [code])]
        return list(dict.fromkeys(out))

    def _linkers(self) -> tuple[str, ...]:
        return ("", *all_of("compound_linkers"))

    def rows(self, rowids: set[int]) -> dict[int, tuple[str, str, str, int | None, int]]:
        """What ranking reads of the matched records; only those are read, so the cost follows
        the answer, not the knowledge base."""
        out: dict[int, tuple[str, str, str, int | None, int]] = {}
        ordered = sorted(rowids)
        for start in range(0, len(ordered), 500):
            chunk = ordered[start:start + 500]
            out.update((row[0], row[1:]) for row in self.db.execute(
                "SELECT rowid, id, lang, type, so, length FROM records WHERE rowid IN "
                f"({','.join('?' * len(chunk))})", chunk))
        return out

    def _rows(self, table: str, match: str, lang: str | None = None) -> set[int]:
        if lang is None:
            return {r for (r,) in self.db.execute(
                f"SELECT rowid FROM {table} WHERE {table} MATCH ?", (match,))}
        return {r for (r,) in self.db.execute(
            f"SELECT t.rowid FROM {table} t JOIN records r ON r.rowid = t.rowid "
            f"WHERE {table} MATCH ? AND r.lang = ?", (match, lang))}

    def _verified(self, lang: str, match: str, pattern: str, table: str = "words") -> set[int]:
        """Rows of `lang` the index offers, kept where the folded text bears `pattern` out."""
        candidates = self._rows(table, match, lang)
        if not candidates:
            return set()
        wanted = re.compile(pattern)
        return {rowid for rowid, text in self._texts(candidates) if wanted.search(text)}

    def _texts(self, rowids: set[int]) -> Iterator[tuple[int, str]]:
        """The folded text of each record, from the knowledge base in memory (the index keeps
        no text)."""
        for rowid, (record_id, code, *_) in self.rows(rowids).items():
            record = self.kb.get(record_id).get(code)
            if record is not None:
                yield rowid, fold(record["text"])

    def _with_all(self, *parts: str) -> set[int]:
        rows = None
        for part in parts:
            found = self._rows("words", _fts(part) + "*") | self._rows("grams", _fts(part))
            rows = found if rows is None else rows & found
        return rows or set()

    def _splits(self, word: str) -> list[tuple[str, str]]:
        """Ways to read `word` as two words of the knowledge base, a linking letter allowed
        between them: "drugshandel" -> ("drugs", "handel")."""
        linkers = tuple(all_of("compound_linkers"))
        splits = []
        for cut in range(3, len(word) - 2):
            left, right = word[:cut], word[cut:]
            heads = {right} | {right[len(link):] for link in linkers if right.startswith(link)}
            for head in heads:
                if len(head) >= 3 and self._known(left) and self._known(head):
                    splits.append((left, head))
        return splits[:3]

    def _languages_of(self, word: str) -> list[str]:
        """The languages whose text holds the word as it is."""
        return [code for (code,) in self.db.execute("SELECT lang FROM vocab WHERE word = ?",
                                                     (word,))]

    def _known(self, word: str, langs: list[str] | None = None) -> bool:
        """Whether the text of any language (of `langs`, if given) holds the word."""
        if langs is None:
            return self.db.execute("SELECT 1 FROM vocab WHERE word = ? LIMIT 1",
                                   (word,)).fetchone() is not None
        return self.db.execute(
            f"SELECT 1 FROM vocab WHERE word = ? AND lang IN ({','.join('?' * len(langs))}) "
            "LIMIT 1", (word, *langs)).fetchone() is not None

    def _glossary_translations(self, word: str) -> set[tuple[str, str]]:
        """The glossary's forms, in any language, of the terms `word` is a form of."""
        # A form can stand in the word only if its letters do: the index rules most terms out
        # before the matching proper (this runs on every search).
        terms: dict[int, list[tuple[str, str, bool]]] = {}
        for number, code, form, inside in self.db.execute(
                "SELECT term, lang, form, inner != '' AND instr(?, inner) > 0 FROM glossary "
                "WHERE term IN (SELECT term FROM glossary WHERE inner != '' AND "
                "instr(?, inner) > 0)", (word, word)):
            terms.setdefault(number, []).append((code, form, bool(inside)))
        if not terms:
            return set()
        from drugstrat.terms.glossary import find_forms

        out: set[tuple[str, str]] = set()
        for forms in terms.values():
            if any(inside and find_forms((form,), code, word) for code, form, inside in forms):
                out |= {(code, form) for code, form, _ in forms if " " not in form}
        return {(code, form) for code, form in out if fold(form.strip("*")) != word}

    def _form_rows(self, lang: str, form: str) -> set[int]:
        """Records of `lang` holding a glossary form: the word or its stem; `stem*` any word
        it begins."""
        folded = fold(form.strip("*"))
        if not folded or lang not in self.langs:
            return set()
        if form.endswith("*"):
            return self._rows("words", _fts(folded) + "*", lang)
        return self._rows("words", _fts(folded), lang) | self._rows(
            "stems", _fts(snowball(folded, language(lang))), lang)


def _looks_like_id(query: str) -> bool:
    return len(query.split()) <= 2 and bool(re.search(r"\d|^[\w.~-]+$", query.strip())) \
        and '"' not in query


def _fts(text: str) -> str:
    return '"' + text.replace('"', '""') + '"'


def _highlights(terms: list[Term], langs: list[str],
                also: dict[str, set[str]]) -> dict[str, list[Any]]:
    """For each language, what to mark in a hit's text: the words searched (their forms, the
    compounds holding them), its phrases, and the translations and spellings that matched."""
    out: dict[str, list[Any]] = {}
    for code in langs:
        table = language(code)
        patterns: list[Any] = []
        for term in terms:
            if len(term.words) > 1:
                patterns.append(re.compile(r"(?<!\w)" + r"\W+".join(
                    re.escape(w) for w in term.words) + r"(?!\w)"))
            else:
                patterns.append(_WordPattern(term.words[0], table))
        patterns += [_WordPattern(form, table) for form in sorted(also.get(code, ()))]
        out[code] = patterns
    return out


class _WordPattern:
    """Marks the words of a folded text that are a query word, share its stem, or — in a
    language of closed compounds — hold it as a part."""

    def __init__(self, word: str, table: Any) -> None:
        self.word = word
        self.table = table
        self.stem = snowball(word, table)

    def finditer(self, folded: str) -> Iterator[re.Match[str]]:
        yield from self.among(list(WORD.finditer(folded)), {})

    def among(self, words: list[re.Match[str]],
              stems: dict[str, str]) -> Iterator[re.Match[str]]:
        """The matching words of a text already cut into words; `stems` remembers the stems
        found, for the next pattern over the same text."""
        for match in words:
            token = match.group()
            if token == self.word:
                yield match
                continue
            stem = stems.get(token)
            if stem is None:
                stem = stems[token] = snowball(token, self.table)
            if stem == self.stem or self._holds(token):
                yield match

    def _holds(self, token: str) -> bool:
        """Whether a compound holds the word: as its first part, or after a modifier."""
        return self.table.closed_compounds and (
            token.startswith(self.stem) and len(token) - len(self.stem) >= MIN_HEAD
            or len(self.word) >= MIN_SUBSTRING and token.find(self.word, MIN_HEAD) >= MIN_HEAD)


def _spans(text: str, patterns: list[Any]) -> list[tuple[int, int]]:
    folded, offsets = fold_with_offsets(text)
    spans: set[tuple[int, int]] = set()
    # The text is cut into words and its words stemmed once, whatever the number of patterns.
    words = list(WORD.finditer(folded))
    stems: dict[str, str] = {}
    for pattern in patterns:
        found = (pattern.among(words, stems) if isinstance(pattern, _WordPattern)
                 else pattern.finditer(folded))
        for match in found:
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
            group.hits.append(Hit(group.id, record["type"], code, 0.0, record["text"],
                                  parent=record.get("parent")))
