"""Words as the lexicon sees them: each word of a text with its position, whether it carries
content, and its keys — the folded Snowball stems the lexicon links. A hyphenated word has a key
per part ("evidence-informed"); so has a closed compound a language writes as one word, once it
is known to be one ("drugshandel" -> "drug", "handel"), which is what lets "drugshandel" pair
with "drug trafficking".
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from typing import NamedTuple

from drugstrat.languages import Language
from drugstrat.text.fold import fold
from drugstrat.text.stem import LONGEST_WORD, snowball

# Words and numbers; a hyphen or apostrophe inside a word joins its parts, and a hyphen at its
# edge ("drugs- en -handel", suspended compounds) is left out, as are endnote marks ("crucial¹").
_WORD = re.compile(r"[^\W_⁰¹²³⁴⁵⁶⁷⁸⁹]+(?:[-'’][^\W_⁰¹²³⁴⁵⁶⁷⁸⁹]+)*", re.UNICODE)
# Addresses are not words of the language ("www.drugbeleid.be").
_ADDRESS = re.compile(r"(?:https?://|www\.)\S+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_PARTS = re.compile(r"[-'’]")
MIN_PART = 3  # letters of a compound's part: "drugs|handel", never "be|leid"
MIN_COMPOUND = 7


class Token(NamedTuple):
    position: int  # among the text's words
    start: int  # character span in the text
    end: int
    surface: str
    folded: str  # the surface folded (case and accents)
    keys: tuple[str, ...]  # what the lexicon links: the stems of the word or of its parts
    content: bool  # carries meaning of its own (not a stop word, not a number)
    number: bool
    parts: tuple[str, ...] = ()  # the folded words each key stems from


def tokenize(text: str, lang: Language,
             compounds: Mapping[str, tuple[str, ...]] | None = None) -> list[Token]:
    return Tokenizer(lang, compounds).tokenize(text)


class Tokenizer:
    """Tokenizes many texts of one language with one compound table, remembering what each
    word is whatever its place (a document repeats its words; a tenth of them are new)."""

    def __init__(self, lang: Language,
                 compounds: Mapping[str, tuple[str, ...]] | None = None) -> None:
        self.lang = lang
        self.compounds = compounds
        self._known: dict[str, tuple[str, tuple[str, ...], bool, bool, tuple[str, ...]]] = {}

    def tokenize(self, text: str) -> list[Token]:
        tokens = []
        addresses = [m.span() for m in _ADDRESS.finditer(text)] if (
            "@" in text or "www" in text or "://" in text) else []
        known = self._known
        position = 0
        for match in _WORD.finditer(text):
            if addresses and any(s <= match.start() < e for s, e in addresses):
                continue
            surface = match.group()
            word = known.get(surface)
            if word is None:
                word = known[surface] = _word(surface, self.lang, self.compounds)
            tokens.append(Token(position, match.start(), match.end(), surface, *word))
            position += 1
        return _completed(tokens, text) if self.lang.closed_compounds else tokens


def _word(surface: str, lang: Language, compounds: Mapping[str, tuple[str, ...]] | None
          ) -> tuple[str, tuple[str, ...], bool, bool, tuple[str, ...]]:
    folded = fold(surface)
    if folded.isdigit():
        return folded, (folded,), False, True, ()
    parts = [p for p in _PARTS.split(folded) if len(p) > 1]
    if compounds and folded in compounds:
        parts = list(compounds[folded])
    meaningful = [p for p in parts if p not in lang.stop_words and not p.isdigit()] or [folded]
    stems = dict.fromkeys((snowball(p, lang), p) for p in meaningful)
    content = folded not in lang.stop_words and any(ch.isalpha() for ch in folded) and any(
        p not in lang.stop_words for p in parts)
    return (folded, tuple(k for k, _ in stems), content, False, tuple(p for _, p in stems))


SUSPENDED_REACH = 4  # words from a suspended part to the compound lending it its head


def suspended_part(token: Token, text: str) -> bool:
    """Whether the word is a suspended compound's first part ("huis-" of "huis- en
    sportartsen"): a content word whose hyphen ends it."""
    return token.content and text[token.end:token.end + 1] == "-" and \
        text[token.end + 1:token.end + 2] in (" ", ",", "\n", "")


def _completed(tokens: list[Token], text: str) -> list[Token]:
    """A suspended compound's first word takes the head of the compound that completes it:
    "coördinatie- en informatiedelingsmechanismen" names "coördinatiemechanismen" too."""
    out = list(tokens)
    for i, token in enumerate(tokens):
        if not suspended_part(token, text):
            continue
        whole = next((t for t in tokens[i + 1:i + 1 + SUSPENDED_REACH] if t.content and
                      text[t.end:t.end + 1] != "-" and text[t.start - 1:t.start] != "-"), None)
        if whole is not None and len(whole.keys) > 1 and whole.keys[-1] not in token.keys:
            out[i] = token._replace(keys=(*token.keys, whole.keys[-1]),
                                    parts=(*token.parts, whole.parts[-1]))
    return out


def find_compounds(words: Iterable[str], lang: Language) -> dict[str, tuple[str, ...]]:
    """The closed compounds among a language's words, split into parts that occur as words of
    their own in the same text: "drugshandel" -> ("drugs", "handel"). Only what the document
    itself attests is split, so the result depends on the sources alone."""
    if not lang.closed_compounds:
        return {}
    counts = Counter(fold(w) for w in words)
    known = {w for w in counts if len(w) >= MIN_PART and w not in lang.stop_words}
    stems = {snowball(w, lang) for w in known}

    def is_word(part: str) -> bool:
        return part in known or snowball(part, lang) in stems

    out: dict[str, tuple[str, ...]] = {}
    for word in counts:
        # Trying every cut of a word costs its length squared: no compound is that long.
        if MIN_COMPOUND <= len(word) <= LONGEST_WORD and word.isalpha():
            parts = split(word, is_word, lang.compound_linkers)
            if parts and len(parts) > 1:
                out[word] = parts
    return out


def split(word: str, is_word: Callable[[str], bool], linkers: tuple[str, ...],
          top: bool = True) -> tuple[str, ...] | None:
    """The longest known head, then the rest (the modifier) split the same way or known as a
    whole; a linking letter is allowed before each head."""
    if not top and is_word(word):
        return (word,)
    for cut in range(MIN_PART, len(word) - MIN_PART + 1):
        left, head = word[:cut], word[cut:]
        if not is_word(head):
            continue
        for link in ("", *linkers):
            if link and not left.endswith(link):
                continue
            modifier = left[: len(left) - len(link)] if link else left
            if len(modifier) < MIN_PART:
                continue
            rest = split(modifier, is_word, linkers, top=False)
            if rest:
                return (*rest, head)
    return None
