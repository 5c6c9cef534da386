"""Agreement of adjectives with their noun, where the language marks it with an ending.

Dutch writes an adjective before a noun with an "-e" or without, by the noun and what stands
before it ("een goede aanpak", "een goed beleid", "het goede beleid"). Two things follow that need
no parser: the adjectives of one noun take the ending alike ("een onmiddellijk en
gedifferentieerde sanctiebeleid" is a slip), and after a definite determiner they take it
("het illegaal drugsaanbod"). Which words are adjectives the dictionary tells: a word known both
with the ending and without it (after the language's spelling rules); without a dictionary,
the document's own words.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterator

from drugstrat.diff.model import Document, Finding, Pair, Severity, Span, check, excerpt
from drugstrat.languages import Language
from drugstrat.record import Record
from drugstrat.text.spelling import speller

_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*", re.UNICODE)
BARE, INFLECTED = "bare", "inflected"
SINGLE_VOWELS = "aeiouy"  # a vowel letter standing alone in a closed syllable is short


@check("agreement", Severity.warning, "adjectives of one noun inflected differently (\"een "
                                      "onmiddellijk en gedifferentieerde aanpak\"); an "
                                      "adjective without its ending after a definite "
                                      "article, or parted from its noun by a comma, is info")
def agreement(doc: Document) -> Iterator[Finding]:
    for lang in doc.langs:
        table = doc.tables[lang]
        if not table.adjective_ending:
            continue
        forms = _Forms(doc, lang)
        for pair in doc.pairs:
            _, record, counterpart = next(side for side in pair.sides() if side[0] == lang)
            if record["type"] == "target_group":
                continue  # a group's name, cut out of its sentence
            yield from _in_record(pair, record, counterpart, table, forms)
            yield from _comma_before_noun(pair, record, counterpart, table, forms)


class _Forms:
    """Whether a word is an adjective written with the ending, without it, or neither."""

    def __init__(self, doc: Document, lang: str) -> None:
        self.table = doc.tables[lang]
        self.written = Counter(w.casefold() for r in doc.versions[lang]
                               for w in _WORD.findall(r["text"]))
        dictionary = speller(self.table)
        self.known: Callable[[str], bool] = dictionary.knows if dictionary is not None \
            else (lambda word: self.written[word] > 0)
        self._states: dict[str, str | None] = {}

    def written_inflected(self, word: str) -> bool:
        """Whether the document writes this bare adjective with its ending somewhere."""
        return any(self.written[w] for w in inflected_forms(word, self.table))

    def state(self, word: str) -> str | None:
        if word not in self._states:
            self._states[word] = self._state(word)
        return self._states[word]

    def _state(self, word: str) -> str | None:
        table = self.table
        # Capitalised: a name keeps its adjective bare ("het Vlaams Gewest"). Some adjectives
        # take no ending at all ("betrokken"); nor does a function word.
        if not word.islower() or word.endswith(table.unchanging_adjective_endings) \
                or word in table.stop_words \
                or len(word) < 3 or not self.known(word):
            return None
        if any(self.known(w) for w in inflected_forms(word, table)):
            return BARE
        if any(self.known(w) for w in bare_forms(word, table)):
            return INFLECTED
        return None


def bare_forms(word: str, table: Language) -> set[str]:
    """What `word` would be without the adjective ending ("illegale" -> "illegaal")."""
    ending = table.adjective_ending
    if not word.endswith(ending) or len(word) <= len(ending) + 2:
        return set()
    stem = word[:-len(ending)]
    stems = {stem} | {stem[:-len(before)] + bare for before, bare in table.ending_alternations
                      if stem.endswith(before)}
    if table.syllable_vowels:
        stems |= {form for s in stems for form in _closed_syllable(s, table.syllable_vowels)}
    return stems - {word}


def inflected_forms(word: str, table: Language) -> set[str]:
    """What `word` would be with the adjective ending ("illegaal" -> "illegale")."""
    ending = table.adjective_ending
    if word.endswith(ending):
        return set()
    stems = {word} | {word[:-len(bare)] + before for before, bare in table.ending_alternations
                      if word.endswith(bare)}
    if table.syllable_vowels:
        stems |= {form for s in stems for form in _open_syllable(s, table.syllable_vowels)}
    return {s + ending for s in stems}


def _closed_syllable(stem: str, vowels: str) -> Iterator[str]:
    """The stem as written when no ending follows: "witt" -> "wit", "illegal" -> "illegaal"."""
    if len(stem) > 2 and stem[-1] == stem[-2] and stem[-1] not in vowels:
        yield stem[:-1]
    if len(stem) > 2 and stem[-2] in vowels and stem[-3] not in vowels \
            and stem[-1] not in vowels:
        yield stem[:-1] + stem[-2] + stem[-1]


def _open_syllable(stem: str, vowels: str) -> Iterator[str]:
    """The stem as written before the ending: "illegaal" -> "illegal", "wit" -> "witt"."""
    if len(stem) > 3 and stem[-2] == stem[-3] and stem[-2] in vowels and stem[-1] not in vowels:
        yield stem[:-2] + stem[-1]
    elif len(stem) > 2 and stem[-2] in SINGLE_VOWELS and stem[-3] not in SINGLE_VOWELS \
            and stem[-1] not in SINGLE_VOWELS:
        yield stem + stem[-1]  # a short vowel: its consonant doubles (or not: the dictionary)


def _in_record(pair: Pair, record: Record, counterpart: Record, table: Language,
               forms: _Forms) -> Iterator[Finding]:
    text = record["text"]
    words = list(_WORD.finditer(text))
    determiners = {*table.articles, *table.definite_determiners}
    seen: Counter[str] = Counter()
    for n, word in enumerate(words):
        determiner = word.group().casefold()  # a sentence may open with it
        if determiner not in determiners:
            continue
        series = _adjectives_before_noun(text, words, n, table, forms)
        if not series:
            continue
        states = [forms.state(a.group()) for a in series]
        said = _phrase(text, series, words)
        seen[said] += 1
        key = f"{said.casefold()}:{seen[said]}"
        if len(set(states)) > 1:
            bare, ending = (", ".join(f"«{a.group()}»" for a, s in
                                      zip(series, states, strict=True) if s == state)
                            for state in (BARE, INFLECTED))
            yield _finding(pair, record, counterpart, Severity.warning,
                           f"«{said}» in {record['lang']}: adjectives of one noun inflected "
                           f"differently ({bare} without «-{table.adjective_ending}», "
                           f"{ending} with it)", [a.span() for a in series], key)
        elif determiner in table.definite_determiners and states[0] == BARE and all(
                forms.written_inflected(a.group()) for a in series) \
                and not forms.state(said.rsplit(" ", 1)[-1]):
            # After a definite determiner the ending is due, and the document writes it
            # elsewhere ("het illegaal drugsaanbod", "de illegale drugs"); a fixed phrase may
            # keep the adjective bare ("het dagelijks leven"), hence info. Before another
            # adjective it may be an adverb ("in het bijzonder toxisch afval").
            yield _finding(pair, record, counterpart, Severity.info,
                           f"«{word.group()} {said}» in {record['lang']}: "
                           f"{', '.join(f'«{a.group()}»' for a in series)} after "
                           f"«{word.group()}» without «-{table.adjective_ending}»",
                           [a.span() for a in series], key)


def _comma_before_noun(pair: Pair, record: Record, counterpart: Record, table: Language,
                       forms: _Forms) -> Iterator[Finding]:
    """An adjective with its ending, a comma, then a noun ("op evidentie gebaseerde, informatie
    over"): the comma parts an adjective from the noun it qualifies (info: a nominalised
    adjective in a list, "de betrokkene, …", reads the same)."""
    text = record["text"]
    words = list(_WORD.finditer(text))
    for first, second in zip(words, words[1:], strict=False):
        adjective, noun = first.group(), second.group()
        if text[first.end():second.start()] != ", " or forms.state(adjective) != INFLECTED \
                or not any(forms.written[w] for w in bare_forms(adjective, table)) \
                or not noun.islower() or noun in table.stop_words or forms.state(noun) \
                or text[second.end():second.end() + 1] == "-":
            continue
        said = text[first.start():second.end()]
        yield _finding(pair, record, counterpart, Severity.info,
                       f"«{said}» in {record['lang']}: a comma between an adjective and its "
                       f"noun?", [(first.end(), first.end() + 1)], f"comma:{said.casefold()}")


def _adjectives_before_noun(text: str, words: list[re.Match[str]], n: int, table: Language,
                            forms: _Forms) -> list[re.Match[str]]:
    """The adjectives after the n-th word, joined by commas or a conjunction, that stand
    before a noun ("onmiddellijk en gedifferentieerde" in "een onmiddellijk en
    gedifferentieerde sanctiebeleid"); empty if the words there are no such phrase."""
    def gap(i: int) -> str:  # what stands between the i-th word and the next
        return text[words[i].end():words[i + 1].start()] if i + 1 < len(words) else ""

    series: list[re.Match[str]] = []
    if gap(n) != " ":
        return []
    k = n + 1
    while k < len(words) and forms.state(words[k].group()):
        series.append(words[k])
        if gap(k) == ", ":
            k += 1
        elif gap(k) == " " and k + 1 < len(words) and \
                words[k + 1].group() in table.conjunctions and gap(k + 1) == " ":
            k += 2
        else:
            break
    else:
        return []  # the text ended, or a joint led to no adjective: no noun phrase
    # Adjectives stacked on the noun stand between ("nationale en internationale illegale
    # productie"); an adverb may be one ("snel werkende"): the joined ones alone are compared.
    k += 1
    while k < len(words) and gap(k - 1) == " " and forms.state(words[k].group()):
        k += 1
    if k >= len(words) or gap(k - 1) != " ":
        return []
    noun = words[k].group()
    if noun.casefold() in table.stop_words or noun.endswith(table.infinitive_endings):
        return []  # a pronoun, a verb ("het mogelijk maken")
    return series


def _phrase(text: str, series: list[re.Match[str]], words: list[re.Match[str]]) -> str:
    """The adjectives and the word after them, as written."""
    last = next(i for i, w in enumerate(words) if w is series[-1])
    return text[series[0].start():words[last + 1].end()]


def _finding(pair: Pair, record: Record, counterpart: Record, severity: Severity,
             message: str, spans: list[Span], key: str) -> Finding:
    lang = record["lang"]
    first, last = spans[0][0], spans[-1][1]
    return Finding(pair.id, pair.type, "agreement", severity, message,
                   {lang: excerpt(record["text"], first, last),
                    counterpart["lang"]: excerpt(counterpart["text"], width=90)},
                   key=f"{lang}:{key}", spans={lang: spans})
