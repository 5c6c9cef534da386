"""Spelling: a word used once, that the language's dictionary (hunspell, where installed) does not
know, and that is one slip away from a word it knows or from a word the document spells that
way elsewhere ("drugsriminaliteit" / "drugscriminaliteit").

The document is its own whitelist: words it uses more than twice, words the other language uses
too (loanwords, names), the glossary's forms, acronyms, capitalised names, addresses, the first
parts of suspended compounds ("veiligheids-") and compounds of known words are never reported.
Without a dictionary the check finds only long words one slip from a word the document uses
often; with one, the dictionary decides.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator

from drugstrat.diff.model import Document, Finding, Severity, check, excerpt
from drugstrat.languages import Language
from drugstrat.text.fold import fold
from drugstrat.text.spelling import Speller, speller

_WORD = re.compile(r"[^\W\d_⁰¹²³⁴⁵⁶⁷⁸⁹]+(?:[-'’][^\W\d_⁰¹²³⁴⁵⁶⁷⁸⁹]+)*", re.UNICODE)
MIN_LETTERS = 5
USED_OFTEN = 2  # a word the document uses more often than this is its own spelling
DOCUMENT_DISTANCE = 2  # edits from a word the document uses more often than USED_OFTEN
# Without a dictionary, only a long word one edit from a word the document uses often.
UNCHECKED_LETTERS = 10
MIN_PART = 3  # letters of a hyphenated word's part worth a look ("co-" of "co-morbide" is not)
COMPOUND_PART = 4  # letters of each part of a compound the dictionary does not list
_ADDRESS = re.compile(r"(?:https?://|www\.)\S+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+")


@check("spelling", Severity.warning, "a word spelled once, unknown to the dictionary (hunspell, "
                                     "where installed) and a slip away from a known word")
def spelling(doc: Document) -> Iterator[Finding]:
    for lang in doc.langs:
        table = doc.tables[lang]
        words = Counter(fold(w) for r in doc.versions[lang] for w in _WORD.findall(r["text"]))
        other = {fold(w) for r in doc.versions[doc.other(lang)]
                 for w in _WORD.findall(r["text"])}
        # The other language's words, and their parts ("poly" of "poly-drug"), are loanwords
        # and names here, alone or inside a compound ("polydrugsgebruik").
        other |= {part for w in other for part in re.split(r"[-'’]", w) if part}
        allowed = other | _glossary_words(doc, lang)
        dictionary = speller(table)
        pairs = {p.id: p for p in doc.pairs}
        frequent = [w for w, n in words.items() if n > USED_OFTEN]
        for record in doc.versions[lang]:
            pair = pairs.get(record["id"])
            if pair is None or record["type"] == "target_group":
                continue
            text = record["text"]
            addresses = [m.span() for m in _ADDRESS.finditer(text)]
            for match in _WORD.finditer(text):
                word = match.group()
                folded = fold(word)
                if len(word) < MIN_LETTERS or words[folded] > USED_OFTEN or folded in allowed \
                        or word[0].isupper() or word.isupper() or text[match.end():][:1] == "-" \
                        or any(s <= match.start() < e for s, e in addresses):
                    continue
                better = _correction(word, words, frequent, allowed, table, dictionary)
                if better is None:
                    continue
                counterpart = pair[doc.other(lang)]
                yield Finding(
                    record["id"], record["type"], "spelling", Severity.warning,
                    f"«{word}» is not {table.name}: «{better}»?",
                    {lang: excerpt(record["text"], *match.span(), width=90),
                     doc.other(lang): excerpt(counterpart["text"], width=90)},
                    key=f"{lang}:{folded}", spans={lang: [match.span()]},
                )


def _correction(word: str, words: Counter[str], frequent: list[str], allowed: set[str],
                table: Language, dictionary: Speller | None) -> str | None:
    """What the word was meant to be, or None if it is no slip."""
    from rapidfuzz import process
    from rapidfuzz.distance import OSA

    folded = fold(word)
    if dictionary is not None and (dictionary.knows(word) or _known_parts(
            folded, words.keys() | allowed, table, dictionary)):
        return None
    if dictionary is None and len(folded) < UNCHECKED_LETTERS:
        return None
    limit = DOCUMENT_DISTANCE if dictionary is not None else 1
    near = [w for w, _, _ in process.extract(folded, frequent, scorer=OSA.distance,
                                             score_cutoff=limit, limit=5)
            if w != folded and not _inflection(w, folded, table)]
    if near:
        return max(near, key=lambda w: (words[w], w))
    if dictionary is None:
        return None
    letters = "".join(sorted({ch for w in frequent for ch in w if ch.isalpha()}))
    return next((w for w in _one_edit(word.lower(), letters)
                 if dictionary.knows(w) and _squeezed(w) != _squeezed(folded)), None)


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
    if len(parts) > 1 or not table.closed_compounds:
        # Hyphenated: each part is a word of its own ("doe-het-zelf-zaken").
        return all(part in words or dictionary.knows(part) or (
            table.closed_compounds and _known_parts(part, words, table, dictionary))
                   for part in parts)
    from drugstrat.terms.tokens import split

    def known(part: str) -> bool:
        return len(part) >= COMPOUND_PART and (part in words or dictionary.knows(part))

    return split(word, known, table.compound_linkers) is not None


def _inflection(a: str, b: str, table: Language) -> bool:
    """Two forms of one word (one stem, or one with an inflectional ending), not a slip."""
    from drugstrat.text.stem import snowball

    short, long = sorted((a, b), key=len)
    return snowball(a, table) == snowball(b, table) or (
        long.startswith(short) and long[len(short):] in table.inflection_endings)


def _glossary_words(doc: Document, lang: str) -> set[str]:
    return {fold(w) for term in doc.glossary.terms for form in term.forms.get(lang, ())
            for w in _WORD.findall(form.strip("*"))}
