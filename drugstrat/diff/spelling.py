"""Spelling: a word used once or twice that the language's dictionary (hunspell, where installed)
does not know and that is one slip away from a word it knows; a rare word one slip from a word
the document spells otherwise often ("drugfenomeen" beside "drugsfenomeen"); a compound the
language writes closed, written apart where the document writes it closed elsewhere ("drugs
beleid" beside "drugsbeleid").

A word never vouches for itself: the document whitelists a word only where it uses it often, or
where it is a name or acronym the knowledge base knows — words the other language uses too
(names, loanwords), the glossary's forms, the names of the people who sign. Capitalised words
are checked too (at the start of a sentence or of a line, as in a signatory's office); in
running text a capitalised word is taken for a name unless a dictionary word is one slip away
from it. Accents count: «problèmatique» is not «problématique».
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator, Sequence
from typing import NamedTuple

from drugstrat.diff.model import Document, Finding, Pair, Severity, Span, check, excerpt
from drugstrat.languages import Language
from drugstrat.record import PEOPLE_TYPES, Record
from drugstrat.text.fold import fold
from drugstrat.text.spelling import Speller, speller

_WORD = re.compile(r"[^\W\d_⁰¹²³⁴⁵⁶⁷⁸⁹]+(?:[-'’][^\W\d_⁰¹²³⁴⁵⁶⁷⁸⁹]+)*", re.UNICODE)
MIN_LETTERS = 5
# A shorter word the dictionary does not know is corrected only into a word the document uses:
# short words have dictionary neighbours one slip away by the dozen ("vapes" / "capes"), and a
# new word (a loanword, a product) is likelier than a slip.
DICTIONARY_LETTERS = 7
USED_OFTEN = 2  # a word the document uses more often than this is its own spelling
# Without a dictionary, only a long word one edit from a word the document uses often.
UNCHECKED_LETTERS = 10
# A word too short for the rules above (whose dictionary neighbours are many) is corrected where
# the other version says what the correction means: a general bilingual dictionary (FreeDict)
# translates the correction into words of the counterpart, and nothing translates the word.
TRANSLATED_LETTERS = 4
TWO_SLIP_LETTERS = 12  # letters of a word two slips from the document's word to be its slip
SHARED_LETTERS = 6  # letters of a word the versions share, for a slip in it to be told
MIN_PART = 3  # letters of a hyphenated word's part worth a look ("co-" of "co-morbide" is not)
COMPOUND_PART = 4  # letters of each part of a compound the dictionary does not list
_ADDRESS = re.compile(r"(?:https?://|www\.)\S+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_SENTENCE_START = re.compile(r"(?:^|[.!?:;]\s+|[(\[«“\"‘']\s*)$")


@check("spelling", Severity.warning, "a word spelled once, unknown to the dictionary (hunspell, "
                                     "where installed) and a slip away from a known word")
def spelling(doc: Document) -> Iterator[Finding]:
    for lang in doc.langs:
        yield from _Speller(doc, lang).findings()


# Records whose text may be set in title case or capitals: their capitals say nothing.
TITLE_TYPES = ("title_page", "section", "toc_entry", "strategic_objective")
CASE_HABIT = 2  # times the document writes a word one way in running text before that is its way


@check("capitalisation", Severity.warning, "a word capitalised in running text that the "
                                           "document (or its dictionary) writes in lower case, "
                                           "or a word of a name in lower case that it "
                                           "capitalises")
def capitalisation(doc: Document) -> Iterator[Finding]:
    """Two slips a reviser sees at a glance. A capital on a word standing alone in the middle of
    a sentence (not in a name such as "Minister of Development" or "Convention on the
    Elimination of All Forms"), where the document writes that word in lower case again and
    again. And a word in lower case inside a name ("de waalse Regering"), where the document
    capitalises it again and again, or the other version of the record does (a name both
    share), and never writes it in lower case otherwise."""
    pairs = {p.id: p for p in doc.pairs}
    for lang in doc.langs:
        table = doc.tables[lang]
        small = {fold(w) for w in (*table.name_particles, *table.articles, *table.conjunctions)}
        small |= {w for w in table.stop_words if len(w) <= 3}
        alone: Counter[str] = Counter()  # capitalised, standing alone
        named: Counter[str] = Counter()  # capitalised, in a name
        lower: Counter[str] = Counter()
        lower_in_titles: Counter[str] = Counter()  # in lower case in a signatory's title
        # Two capitalised words side by side, not opening a sentence: the document's names,
        # word by word ("Algemene Cel", "Buitenlandse Handel").
        titled = {two for record in doc.versions[lang]
                  if record["type"] not in TITLE_TYPES and record["id"] in pairs
                  for two in _capitalised_pairs(record["text"],
                                                list(_WORD.finditer(record["text"])))}
        places: list[tuple[Record, re.Match[str], bool]] = []
        dictionary = speller(table)
        phrased: set[tuple[str, int]] = set()  # (record id, start): a name's word in lower case
        entitled: set[tuple[str, int]] = set()  # the same, in a signatory's title
        listed: set[tuple[str, int]] = set()  # an office in lower case among capitalised ones
        for record in doc.versions[lang]:
            if record["type"] in TITLE_TYPES or record["id"] not in pairs:
                continue
            text = record["text"]
            found = list(_WORD.finditer(text))
            for n, match in enumerate(found):
                word = match.group()
                if len(word) < MIN_LETTERS or word.isupper() or not word[0].isalpha() or (
                        _SENTENCE_START.search(text[:match.start()])):
                    continue
                low, in_name = word.casefold(), _in_name(found, n, small)
                if word[0].isupper():
                    (named if in_name else alone)[low] += 1
                    if not in_name and record["type"] not in PEOPLE_TYPES:
                        places.append((record, match, True))
                else:
                    lower[low] += 1
                    if record["type"] in PEOPLE_TYPES:
                        lower_in_titles[low] += 1
                    if in_name:
                        places.append((record, match, _beside_capital(text, found, n)))
                        if _neighbours(text, found, n) & titled:
                            phrased.add((record["id"], match.start()))
                        elif record["type"] in PEOPLE_TYPES and low not in small and \
                                _before_capital(text, found, n):
                            # A signatory's title capitalises its offices' words: one in
                            # lower case before a capitalised one ("de buitenlandse
                            # Betrekkingen") is a slip where the document capitalises it.
                            entitled.add((record["id"], match.start()))
                        elif record["type"] in PEOPLE_TYPES and low not in small and \
                                _in_capitalised_series(text, found, n, table.conjunctions,
                                                       small):
                            listed.add((record["id"], match.start()))
        for record, match, beside in places:
            low = match.group().casefold()
            capital = match.group()[0].isupper()
            capitals = named[low] + alone[low]
            other = doc.other(lang)
            if capital and alone[low] == 1 and lower[low] >= CASE_HABIT:
                usual, said = low, f"the document writes «{low}» ({lower[low]} times)"
            elif capital and alone[low] == capitals == 1 and \
                    _common(low, table, dictionary) and \
                    _capitalised_translation(doc, pairs[record["id"]], lang, match) is None:
                # Written nowhere else, capitalised or not: the dictionary tells a word of the
                # language ("een technische Aanpak") from a name.
                usual, said = low, f"«{low}» is a word of {table.name}, not a name"
            elif not capital and ((record["id"], match.start()) in phrased or (
                    (record["id"], match.start()) in entitled and capitals >= 1)):
                # The very name, capitalised, stands elsewhere in the document ("de algemene
                # Cel Drugsbeleid" where it writes «Algemene Cel»): however often the word is
                # written in lower case as a word of its own.
                usual = low[:1].upper() + low[1:]
                said = (f"the document writes «{usual}» in names "
                        f"({capitals} time{'s' if capitals != 1 else ''})")
            elif not capital and (record["id"], match.start()) in listed | entitled and \
                    lower_in_titles[low] == 1 and (
                    translation := _capitalised_translation(doc, pairs[record["id"]], lang,
                                                            match)) is not None:
                # One office of a signatory's series in lower case ("van onderwijs, Justitie en
                # Werk", "for scientific Research"), where the other version capitalises it
                # («Education») and no other title writes it so (French writes every
                # «ministre» in lower case).
                usual = low[:1].upper() + low[1:]
                said = f"a word of a capitalised office, and the {other} version writes " \
                       f"«{translation}»"
            elif not capital and lower[low] == 1 and (named[low] >= CASE_HABIT or beside and (
                    capitals >= 1 or _capitalised_in(pairs[record["id"]], other,
                                                     match.group()))):
                # Lower case once, inside a name, where the document capitalises the word
                # again and again — or at least once, or the other version of the record
                # writes it capitalised, when a capitalised word of the name stands right
                # beside it ("administratieve Vereenvoudiging", "jan Jambon" / "Jan Jambon").
                usual = low[:1].upper() + low[1:]
                said = (f"the document writes «{usual}» ({capitals} times)" if capitals else
                        f"the {other} version writes «{usual}»")
            else:
                continue
            yield _case_finding(doc, pairs[record["id"]], lang, match, said)
        yield from _inner_capitals(doc, lang, pairs)


def _case_finding(doc: Document, pair: Pair, lang: str, match: re.Match[str],
                  said: str) -> Finding:
    """A capitalisation finding on the word at `match` of the pair's `lang` text."""
    other = doc.other(lang)
    return Finding(pair.id, pair.type, "capitalisation", Severity.warning,
                   f"«{match.group()}» in {lang}: {said}",
                   {lang: excerpt(pair[lang]["text"], *match.span(), width=90),
                    other: excerpt(pair[other]["text"], width=90)},
                   key=f"{lang}:{match.group()}", spans={lang: [match.span()]})


def _inner_capitals(doc: Document, lang: str, pairs: dict[str, Pair]) -> Iterator[Finding]:
    """A hyphenated word whose parts after the first are cased otherwise than the document
    writes that very word again and again ("Vice-Eersteminister" where it writes
    «Vice-eersteminister»): no sentence start explains a capital after a hyphen."""
    writings: dict[str, Counter[str]] = {}  # the word folded -> how its later parts are written
    places: list[tuple[Record, re.Match[str], str]] = []
    for record in doc.versions[lang]:
        if record["type"] in TITLE_TYPES or record["id"] not in pairs:
            continue
        for match in _WORD.finditer(record["text"]):
            _, hyphen, rest = match.group().partition("-")
            if hyphen and rest:
                writings.setdefault(match.group().casefold(), Counter())[rest] += 1
                places.append((record, match, rest))
    for record, match, rest in places:
        counts = writings[match.group().casefold()]
        usual, times = counts.most_common(1)[0]
        if counts[rest] == 1 and usual != rest and times >= CASE_HABIT:
            written = match.group()[:len(match.group()) - len(rest)] + usual
            yield _case_finding(doc, pairs[record["id"]], lang, match,
                                f"the document writes «{written}» ({times} times)")


def _capitalised_pairs(text: str, words: list[re.Match[str]]) -> Iterator[tuple[str, str]]:
    """Each two capitalised words side by side, the first not opening a sentence, folded to
    lower case."""
    for n in range(len(words) - 1):
        a = words[n].group()
        if a[:1].isupper() and not a.isupper() and not words[n + 1].group().isupper() and \
                _before_capital(text, words, n) and \
                not _SENTENCE_START.search(text[:words[n].start()]):
            yield a.casefold(), words[n + 1].group().casefold()


def _neighbours(text: str, words: list[re.Match[str]], n: int) -> set[tuple[str, str]]:
    """The n-th word with the capitalised word side by side with it, after or before it (one
    not opening a sentence), as pairs in reading order, folded to lower case."""
    out = set()
    word = words[n].group().casefold()
    if _before_capital(text, words, n):
        out.add((word, words[n + 1].group().casefold()))
    if n > 0 and words[n - 1].group()[:1].isupper() and _side_by_side(text, words, n - 1) and \
            not _SENTENCE_START.search(text[:words[n - 1].start()]):
        out.add((words[n - 1].group().casefold(), word))
    return out


def _before_capital(text: str, words: list[re.Match[str]], n: int) -> bool:
    """Whether a capitalised word follows the n-th word side by side."""
    return _side_by_side(text, words, n) and words[n + 1].group()[:1].isupper()


def _in_capitalised_series(text: str, words: list[re.Match[str]], n: int,
                           conjunctions: tuple[str, ...], small: set[str]) -> bool:
    """Whether the n-th word opens an item of a series (no capitalised word before it, past
    small words: "met een handicap" ends the item "Personen met een handicap") whose item
    before or after it is a capitalised word, only a comma, a conjunction or both between."""
    joins = {",", *conjunctions, *(f", {c}" for c in conjunctions)}
    before = n - 1
    while before >= 0 and fold(words[before].group()) in small and \
            text[words[before].end():words[before + 1].start()] == " ":
        before -= 1
    if before >= 0 and words[before].group()[:1].isupper() and \
            text[words[before].end():words[before + 1].start()] == " ":
        return False  # the end of a capitalised item

    def capitalised_item(step: int) -> bool:
        m = n + step
        if 0 <= m < len(words) and words[m].group().casefold() in conjunctions:
            m += step  # the conjunction is a word: the item is the one past it
        if not 0 <= m < len(words) or not words[m].group()[:1].isupper():
            return False
        lo, hi = sorted((words[n], words[m]), key=lambda w: w.start())
        return " ".join(text[lo.end():hi.start()].split()) in joins

    return capitalised_item(-1) or capitalised_item(1)


def _side_by_side(text: str, words: list[re.Match[str]], n: int) -> bool:
    """Whether the n-th word and the next have only a space between them."""
    return n + 1 < len(words) and text[words[n].end():words[n + 1].start()] == " "


def _capitalised_in(pair: Pair, lang: str, word: str) -> bool:
    """Whether the record's version in `lang` holds the word capitalised, not opening a
    sentence: a name both versions share."""
    text = pair[lang]["text"]
    wanted = word[:1].upper() + word[1:]
    return any(not _SENTENCE_START.search(text[:m.start()])
               for m in re.finditer(rf"(?<!\w){re.escape(wanted)}(?!\w)", text))


def _common(word: str, table: Language, dictionary: Speller | None) -> bool:
    """A word the dictionary lists in lower case (hunspell refuses in lower case a name it
    lists capitalised), in a language that writes its nouns so, and no month's name."""
    return dictionary is not None and not table.capitalised_nouns and \
        word not in {m.casefold() for m in table.months} and dictionary.knows(word)


def _capitalised_translation(doc: Document, pair: Pair, lang: str,
                             match: re.Match[str]) -> str | None:
    """The word by which the other version translates this word, where it is capitalised there
    and opens no sentence: a name both versions write ("het Samenwerkingsakkoord" / "the
    Cooperation Agreement"), or the same word left as it is."""
    other = doc.other(lang)
    if _capitalised_in(pair, other, match.group()):
        return match.group()[:1].upper() + match.group()[1:]
    if doc.lexicon is None:
        return None
    mine, theirs = doc.tokens(pair[lang]), doc.tokens(pair[other])
    at = next((t.position for t in mine if t.start <= match.start() < t.end), None)
    text = pair[other]["text"]
    for link in doc.links(pair).pairs:
        here, there = (link.a, link.b) if lang == doc.langs[0] else (link.b, link.a)
        if here == at:
            word = theirs[there]
            if word.surface[:1].isupper() and not _SENTENCE_START.search(text[:word.start]):
                return word.surface
    return None


def _beside_capital(text: str, words: list[re.Match[str]], n: int) -> bool:
    """Whether a capitalised word right before (not opening a sentence) or right after the
    n-th word stands beside it."""
    before = n > 0 and words[n - 1].group()[:1].isupper() and not _SENTENCE_START.search(
        text[:words[n - 1].start()])
    return before or (n + 1 < len(words) and words[n + 1].group()[:1].isupper())


def _in_name(words: list[re.Match[str]], n: int, particles: set[str]) -> bool:
    """Whether the n-th word stands in a run of capitalised words (small words between them
    allowed): a name, a title, a treaty."""
    def capital_at(step: int) -> bool:
        i = n + step
        while 0 <= i < len(words) and fold(words[i].group()) in particles:
            i += step
        return 0 <= i < len(words) and words[i].group()[:1].isupper()

    return capital_at(-1) or capital_at(1)


class _Slip(NamedTuple):
    """A word no rule corrected, and the known words one slip from it."""

    record: Record
    counterpart: Record
    span: Span
    near: list[str]

    @property
    def written(self) -> str:
        return self.record["text"][self.span[0]:self.span[1]]


class _Speller:
    """The spelling of one language of a document."""

    def __init__(self, doc: Document, lang: str) -> None:
        self.doc, self.lang = doc, lang
        self.table = doc.tables[lang]
        # Spellings as written (case aside, accents kept): a wrong accent is a wrong word.
        written = [w for r in doc.versions[lang] for w in _WORD.findall(r["text"])]
        self.counts = Counter(w.casefold() for w in written)
        self.frequent = [w for w, n in self.counts.items() if n > USED_OFTEN]
        self.words = list(self.counts)
        # The letters a slip may have dropped or changed: the frequent words' (a correction
        # the dictionary alone vouches for), every word's (one the other version tells).
        self.frequent_letters = _letters(self.frequent)
        self.letters = _letters(self.words)
        capitals = Counter(w.casefold() for w in written if w[:1].isupper())
        self.capitalised = [w for w, n in capitals.items() if n > USED_OFTEN]
        self.allowed = _known_names(doc, lang)
        # What a compound may be made of: never the word being judged itself.
        self.vocabulary = set(self.frequent) | self.allowed
        self.dictionary = speller(self.table)
        self.reported: set[tuple[str, int]] = set()  # (record id, offset) of words reported

    def findings(self) -> Iterator[Finding]:
        pairs = {p.id: p for p in self.doc.pairs}
        slips: list[_Slip] = []  # words no rule corrected, and the known words a slip away
        for record in self.doc.versions[self.lang]:
            pair = pairs.get(record["id"])
            if pair is None or record["type"] == "target_group":
                continue
            counterpart = pair[self.doc.other(self.lang)]
            split = list(self._split_words(record["text"]))
            for span, joined in split:
                text = record["text"][span[0]:span[1]]
                yield self._finding(record, counterpart, span,
                                    f"«{text}» is one word: «{joined}»?",
                                    key=f"{self.lang}:{text.casefold()}")
            yield from self._words(record, counterpart, [span for span, _ in split], slips)
            if self.table.closed_compounds:
                yield from self._split_compounds(record, counterpart)
        yield from self._translated_slips(slips)
        yield from self._linker_variants(pairs)

    def _split_words(self, text: str) -> Iterator[tuple[Span, str]]:
        """A word cut in two by a space ("admin istrative", "form aliseren"): two pieces, one
        of them no word (neither the dictionary's nor written elsewhere in the document),
        that together are a word the dictionary knows or the document writes."""
        if self.dictionary is None:
            return
        found = list(_WORD.finditer(text))
        for first, second in zip(found, found[1:], strict=False):
            a, b = first.group(), second.group()
            if text[first.end():second.start()] != " " or a.isupper() or b.isupper() or \
                    not b[:1].islower() or len(a) + len(b) < MIN_LETTERS + 2:
                continue
            joined = a + b
            if not any(self._stray_piece(w) for w in (a, b)) or not (
                    self.counts[joined.casefold()] or self.dictionary.knows(joined)):
                continue
            yield (first.start(), second.end()), joined

    def _stray_piece(self, word: str) -> bool:
        """A piece of text no word: unknown to the dictionary (as written and in lower case),
        and written nowhere else in the document."""
        assert self.dictionary is not None
        return self.counts[word.casefold()] <= 1 and not self.dictionary.knows(word) and \
            not self.dictionary.knows(word.casefold())

    def _words(self, record: Record, counterpart: Record, said: Sequence[Span],
               slips: list[_Slip]) -> Iterator[Finding]:
        """Words one slip from a known word; `slips` gathers those no rule here corrects,
        for the other version to tell (`_translated_slips`)."""
        text = record["text"]
        # Web addresses, and the pieces of a word cut in two (said already).
        addresses = [m.span() for m in _ADDRESS.finditer(text)] + list(said)
        found = list(_WORD.finditer(text))
        for n, match in enumerate(found):
            word = match.group()
            low = word.casefold()
            if len(word) < TRANSLATED_LETTERS or self.counts[low] > USED_OFTEN \
                    or word.isupper() \
                    or low in self.allowed or fold(low) in self.allowed \
                    or text[match.end():][:1] == "-" \
                    or any(s <= match.start() < e for s, e in addresses):
                continue
            in_running_text = word[0].isupper() and not self.table.capitalised_nouns and \
                not _SENTENCE_START.search(text[:match.start()])
            better = self._correction(word, name_like=in_running_text) \
                if len(word) >= MIN_LETTERS else None
            if better is None and (shared := self._shared_word(found, n, counterpart)):
                # A word both versions share (a loanword, a Latin phrase) written one slip
                # from the other version's spelling ("modus operrandi" / "modus operandi").
                other = self.doc.other(self.lang)
                yield self._finding(
                    record, counterpart, match.span(),
                    f"«{word}» is not {self.table.name}: «{shared.group()}», as the {other} "
                    f"version writes it?", key=f"{self.lang}:{low}", theirs=shared.span())
                continue
            if better is None:
                if near := self._dictionary_neighbours(word):
                    slips.append(_Slip(record, counterpart, match.span(), near))
                continue
            yield self._finding(record, counterpart, match.span(),
                                f"«{word}» is not {self.table.name}: «{better}»?",
                                key=f"{self.lang}:{low}")

    def _correction(self, word: str, name_like: bool) -> str | None:
        """What the word was meant to be, or None if it is no slip. A capitalised word in
        running text (`name_like`) is a name unless a dictionary word is one slip away."""
        from rapidfuzz import process
        from rapidfuzz.distance import OSA

        low = word.casefold()
        dictionary = self.dictionary
        if dictionary is not None and (dictionary.knows(word) or (
                word[:1].isupper() and not name_like and dictionary.knows(low))):
            return None  # a sentence's first word is the word in lower case ("Maart 2026")
        if name_like and self.counts[low] == 1:
            # A word of a name one slip from a capitalised word the document writes again and
            # again ("Vlamse Regering", "Buitenlandse Hadel"): the document's own spelling of
            # the name, which no dictionary may hold. An inflected form of it is one too, unless
            # the dictionary (which does not know this word) would have known that.
            near = [w for w, _, _ in process.extract(low, self.capitalised, scorer=OSA.distance,
                                                     score_cutoff=1, limit=5)
                    if w != low and (dictionary is not None
                                     or not _inflection(w, low, self.table))]
            if near:
                return _cased(max(near, key=lambda w: (self.counts[w], w)), word)
        if dictionary is None and (len(low) < UNCHECKED_LETTERS or name_like):
            return None
        if not name_like:
            # The document's own spelling of the word, one slip away and used often.
            near = [w for w, _, _ in process.extract(low, self.frequent, scorer=OSA.distance,
                                                     score_cutoff=1, limit=5)
                    if w != low and (fold(w) == fold(low) or not _inflection(w, low, self.table))]
            if near:
                return max(near, key=lambda w: (self.counts[w], w))
            # A word the dictionary knows, written elsewhere in the document, one slip away
            # from one it does not know ("bestuurlike" where "bestuurlijke" stands, "elkar"):
            # a slip, though the letters make some compound or are too few to guess from.
            if dictionary is not None:
                near = [w for w, _, _ in process.extract(low, self.words, scorer=OSA.distance,
                                                         score_cutoff=1, limit=5)
                        if w != low and _squeezed(w) != _squeezed(low)
                        and not _ending(w, low, self.table) and dictionary.knows(w)]
                if near:
                    return max(near, key=lambda w: (self.counts[w], w))
        if dictionary is not None and not name_like and len(low) >= TWO_SLIP_LETTERS:
            # A long word two slips from one the document writes often and the dictionary
            # knows ("druggereleerde" where "druggerelateerde" stands nine times): a long word
            # has no such neighbour by chance, whatever parts it may split into.
            near = [w for w, _, _ in process.extract(low, self.frequent, scorer=OSA.distance,
                                                     score_cutoff=2, limit=5)
                    if _squeezed(w) != _squeezed(low) and not _inflection(w, low, self.table)
                    and dictionary.knows(w)]
            if near:
                return _cased(max(near, key=lambda w: (self.counts[w], w)), word)
        if dictionary is None or len(low) < DICTIONARY_LETTERS:
            return None
        if _known_parts(low, self.vocabulary, self.table, dictionary):
            # Parts known, whole unknown: new compounds are made freely; but a hyphenated one
            # whose plural is marked twice, a word the dictionary lists and suggests without the
            # second ending, is that word ("Procureurs-generaals" for "Procureurs-generaal").
            if "-" not in low:
                return None
            suggested = [w.casefold() for w in dictionary.suggest(word)]
            return next((_cased(w, word) for w in suggested
                         if "-" in w and low.startswith(w) and _ending(w, low, self.table)),
                        None)
        # In the word's own case: a German noun is known only capitalised.
        candidates = list(dict.fromkeys(
            w for w in _one_edit(low, self.frequent_letters)
            if (dictionary.knows(w) or (word[:1].isupper() and dictionary.knows(_cased(w, word))))
            and _squeezed(w) != _squeezed(low)))
        if not candidates:
            return None
        if len(candidates) > 1 or self.table.closed_compounds:
            # Which slip it was, the dictionary's own suggestions tell best; where the language
            # compounds freely, a one-slip word hunspell accepts only as some compound
            # ("Beikulturellen") is no correction unless hunspell suggests it too.
            ranked = [w.casefold() for w in dictionary.suggest(word)]
            if self.table.closed_compounds:
                candidates = [w for w in candidates if w in ranked]
            candidates.sort(key=lambda w: ranked.index(w) if w in ranked else len(ranked))
        return _cased(candidates[0], word) if candidates else None

    def _shared_word(self, words: list[re.Match[str]], n: int,
                     counterpart: Record) -> re.Match[str] | None:
        """The word of the other version one slip from the n-th word, in a phrase both versions
        share (a word beside it the same in both: "modus operrandi" / "modus operandi"), where
        neither this language's dictionary nor the document otherwise knows the word: a
        loanword or Latin phrase misspelled in one version. Cognates ("intersectoral" /
        "intersectoraal") stand among words each language writes its own way."""
        from rapidfuzz.distance import OSA

        word = words[n].group()
        low = word.casefold()
        if self.dictionary is None or len(low) < SHARED_LETTERS or self.dictionary.knows(
                word) or self.dictionary.knows(low) or self.counts[low] > 1:
            return None
        theirs = list(_WORD.finditer(counterpart["text"]))
        for k, match in enumerate(theirs):
            other = match.group().casefold()
            if other == low or OSA.distance(other, low) != 1 or \
                    _squeezed(other) == _squeezed(low):
                continue
            for step in (-1, 1):
                if 0 <= n + step < len(words) and 0 <= k + step < len(theirs) and \
                        words[n + step].group() == theirs[k + step].group():
                    return match
        return None

    def _dictionary_neighbours(self, word: str) -> list[str]:
        """The words the dictionary knows one slip from a word it does not know, likeliest
        first; none for a known word, a compound of known parts, or without a dictionary."""
        dictionary = self.dictionary
        low = word.casefold()
        if dictionary is None or dictionary.knows(word) or dictionary.knows(low) or \
                _known_parts(low, self.vocabulary, self.table, dictionary):
            return []
        return list(dict.fromkeys(
            w for w in _one_edit(low, self.letters)
            if _squeezed(w) != _squeezed(low) and dictionary.knows(w)))

    def _translated_slips(self, slips: list[_Slip]) -> Iterator[Finding]:
        """The slips whose correction the other version translates (see TRANSLATED_LETTERS):
        «invlod» where the English says «influence», which FreeDict gives for «invloed». One
        lookup in the dictionary for the whole document."""
        if not slips:
            return
        from drugstrat.terms.dictindex import lookup
        from drugstrat.text.stem import snowball

        other = self.doc.other(self.lang)
        theirs_table = self.doc.tables[other]
        stem = {w: snowball(w, self.table) for slip in slips
                for w in (*slip.near, slip.written.casefold())}
        theirs: dict[str, dict[str, Span]] = {}  # record -> stem of a counterpart word -> where
        for slip in slips:
            if slip.record["id"] not in theirs:
                words = theirs[slip.record["id"]] = {}
                for match in _WORD.finditer(slip.counterpart["text"]):
                    words.setdefault(snowball(match.group(), theirs_table), match.span())
        found = lookup(self.lang, other, set(stem.values()),
                       {s for words in theirs.values() for s in words})
        if found is None:
            return  # no general dictionary installed: nothing to tell a slip by
        translations: dict[str, list[list[str]]] = {}
        for head, translation, _, _ in found[1]:
            if len(head) == 1:
                translations.setdefault(head[0], []).append(translation)
        for slip in slips:
            words = theirs[slip.record["id"]]
            written = slip.written
            if _said(translations, stem[written.casefold()], words) is not None:
                continue  # a word the dictionary translates into the counterpart: no slip
            meant = next(((w, said) for w in slip.near
                          if (said := _said(translations, stem[w], words)) is not None), None)
            if meant is None:
                continue
            better, tail = meant
            places = sorted(words[s] for s in tail)
            counterpart_said = slip.counterpart["text"][places[0][0]:places[-1][1]]
            yield self._finding(
                slip.record, slip.counterpart, slip.span,
                f"«{written}» is not {self.table.name}: «{_cased(better, written)}»? (the "
                f"{theirs_table.name} says «{counterpart_said}»)",
                key=f"{self.lang}:{written.casefold()}",
                theirs=(places[0][0], places[-1][1]))

    def _split_compounds(self, record: Record, counterpart: Record) -> Iterator[Finding]:
        """Two words that the document writes as one elsewhere ("drugs beleid" where
        "drugsbeleid" stands in other records): a compound split by a space."""
        text = record["text"]
        found = list(_WORD.finditer(text))
        for first, second in zip(found, found[1:], strict=False):
            if text[first.end():second.start()] != " " or not second.group()[:1].islower():
                continue
            a, b = first.group().casefold(), second.group().casefold()
            if len(a) < MIN_PART or len(b) < COMPOUND_PART:
                continue
            joined = next((a + linker + b for linker in ("", *self.table.compound_linkers)
                           if self.counts[a + linker + b]), None)
            if joined is None:
                continue
            span = (first.start(), second.end())
            yield self._finding(record, counterpart, span,
                                f"«{text[span[0]:span[1]]}» is one word in {self.table.name}: "
                                f"«{joined}» (as the document writes it elsewhere)?",
                                key=f"{self.lang}:{a} {b}")

    def _linker_variants(self, pairs: dict[str, Pair]) -> Iterator[Finding]:
        """One compound written with and without a linking letter ("drughandel" and
        "drugshandel", "rechtstaat" and "rechtsstaat"), both perhaps in the dictionary: the
        rarer form is reported where it stands, with the other's places; written as often
        each way, both are, as info (which one the house uses is the reviser's call)."""
        if not self.table.compound_linkers:
            return
        variants = {}
        for word in self.counts:
            for n in range(MIN_PART, len(word) - MIN_PART):
                if word[n] in self.table.compound_linkers and \
                        self.counts[without := word[:n] + word[n + 1:]] and \
                        self._word_like(word[:n]) and self._word_like(word[n + 1:]):
                    variants[word] = without
                    variants[without] = word
        places: dict[str, list[tuple[Record, re.Match[str]]]] = {}
        for record in self.doc.versions[self.lang]:
            if record["id"] in pairs and record["type"] != "target_group":
                # A web address is spelled as registered (www.drugbeleid.be).
                addresses = [m.span() for m in _ADDRESS.finditer(record["text"])]
                for match in _WORD.finditer(record["text"]):
                    if match.group().casefold() in variants and not any(
                            s <= match.start() < e for s, e in addresses):
                        places.setdefault(match.group().casefold(), []).append((record, match))
        other = self.doc.other(self.lang)
        for word, other_form in variants.items():
            if self.counts[word] > self.counts[other_form]:
                continue
            where = list(dict.fromkeys(r["id"] for r, _ in places.get(other_form, ())))
            severity = Severity.warning if self.counts[word] < self.counts[other_form] \
                else Severity.info
            for record, match in places.get(word, ()):
                if (record["id"], match.start()) in self.reported:
                    continue  # corrected already ("drugfenomeen" unknown to the dictionary)
                yield self._finding(
                    record, pairs[record["id"]][other], match.span(),
                    f"«{match.group()}» here, «{other_form}» "
                    f"{self.counts[other_form]} time(s) ({', '.join(where)}): one compound "
                    f"written two ways", key=f"{self.lang}:{word}|{other_form}",
                    severity=severity)

    def _word_like(self, part: str) -> bool:
        """A part of a compound that is a word: in the document, or in the dictionary."""
        return self.counts[part] > 0 or (self.dictionary is not None
                                         and self.dictionary.knows(part))

    def _finding(self, record: Record, counterpart: Record, span: Span, message: str,
                 key: str, theirs: Span | None = None,
                 severity: Severity = Severity.warning) -> Finding:
        """A finding on the word at `span`; `theirs`, what the other version says there."""
        other = self.doc.other(self.lang)
        spans = {self.lang: [span], **({other: [theirs]} if theirs else {})}
        start, end = theirs or (0, None)
        self.reported.add((record["id"], span[0]))
        return Finding(record["id"], record["type"], "spelling", severity, message,
                       {self.lang: excerpt(record["text"], *span, width=90),
                        other: excerpt(counterpart["text"], start, end, width=90)},
                       key=key, spans=spans)


def _said(translations: dict[str, list[list[str]]], stem: str,
          words: dict[str, Span]) -> list[str] | None:
    """The first translation of a word (its stems) that a text holds every word of."""
    return next((tail for tail in translations.get(stem, ()) if all(s in words for s in tail)),
                None)


def _known_names(doc: Document, lang: str) -> set[str]:
    """Words a knowledge base vouches for in `lang` whatever their count: the other language's
    words and their parts (names, loanwords: "poly" of "poly-drug", alone or inside a compound),
    the glossary's forms, and the names of the people signing."""
    other = {w.casefold() for r in doc.versions[doc.other(lang)]
             for w in _WORD.findall(r["text"])}
    other |= {part for w in other for part in re.split(r"[-'’]", w) if part}
    other |= {fold(w) for w in other}
    glossary = {w.casefold() for term in doc.glossary.terms for form in term.forms.get(lang, ())
                for w in _WORD.findall(form.strip("*"))}
    people = {w.casefold() for r in doc.versions[lang] for w in _WORD.findall(r.get("name", ""))}
    return other | glossary | people


def _cased(candidate: str, word: str) -> str:
    """A correction written as the word was: capitalised where it was."""
    return candidate[:1].upper() + candidate[1:] if word[:1].isupper() else candidate


def _letters(words: list[str]) -> str:
    return "".join(sorted({ch for w in words for ch in w if ch.isalpha()}))


def _one_edit(word: str, letters: str) -> Iterator[str]:
    """The words one slip from `word`: a letter dropped, doubled letters swapped, a letter
    added or changed (Norvig's edits, likeliest first)."""
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    yield from (a + b[1:] for a, b in splits if b)
    yield from (a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1)
    yield from (a + c + b for a, b in splits for c in letters)
    yield from (a + c + b[1:] for a, b in splits if b for c in letters if c != b[0])


def _squeezed(word: str) -> str:
    """A word without its hyphens and spaces: "inter-sectoral" is "intersectoral" written
    otherwise, no slip."""
    return re.sub(r"[-\s]", "", fold(word))


def _known_parts(word: str, words: set[str], table: Language, dictionary: Speller) -> bool:
    """Whether a word is a compound of words the dictionary or the document knows (a language
    that writes compounds as one word makes new ones freely)."""
    parts = [part for part in re.split(r"[-'’]", word) if len(part) >= MIN_PART]
    if len(parts) > 1:
        # Hyphenated: each part is a word of its own ("doe-het-zelf-zaken").
        return all(part in words or dictionary.knows(part) or (
            table.closed_compounds and _known_parts(part, words, table, dictionary))
                   for part in parts)
    if not table.closed_compounds:
        return False
    from drugstrat.terms.tokens import split

    def known(part: str) -> bool:
        return len(part) >= COMPOUND_PART and (part in words or dictionary.knows(part) or (
            table.capitalised_nouns and dictionary.knows(part.capitalize())))

    return split(word, known, table.compound_linkers) is not None


def _inflection(a: str, b: str, table: Language) -> bool:
    """Two forms of one word (one stem, or one with an inflectional ending), not a slip."""
    from drugstrat.text.stem import snowball

    return snowball(a, table) == snowball(b, table) or _ending(a, b, table)


def _ending(a: str, b: str, table: Language) -> bool:
    """One word the other with an inflectional ending ("bestuurlijk", "bestuurlijke"). (Not
    one stem: a stemmer makes "elkar" of "elkaar" too.)"""
    short, long = sorted((a, b), key=len)
    return long.startswith(short) and long[len(short):] in table.inflection_endings
