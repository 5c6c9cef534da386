"""Segments as CAT tools cut a paragraph: SRX rules with OmegaT's default behaviour.

A translation memory is worth what it matches. OmegaT (and most CAT tools, which follow the
same SRX conventions) breaks a paragraph after `.`, `?` or `!` followed by white space — before
a lower-case word too, but not after a closing quote or bracket — unless an exception of the
language holds: an abbreviation (`e.g.`, `Mr.`, `Dhr.`), an initial (`J.`), `etc.` or `...`
before a lower-case word. A numbered heading opening a paragraph (`3.4 To promote`) is a segment
of its own. Colons, semicolons and list numbers inside a paragraph never break.

The rules are plain data of each language table (`segment_exceptions`, in SRX's before/after
form); `drugstrat.text.sentences` is the tool's own, stricter reading of sentences, for the
lexicon and the checks.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from drugstrat.languages import Language

WINDOW = 40  # characters before a break an exception's pattern may reach back

# Exceptions every language shares, then the break rules (SRX's cascade: the first rule that
# matches at a place decides).
COMMON_EXCEPTIONS = ((r"\.\.\.", r"\s+\P{Lu}"),)
BREAKS = (
    (r"^\s*\p{Nd}+[\p{Nd}\.\)\]]+", r"\s+\p{Lu}"),  # a numbered heading opening a paragraph
    (r"[\.\?\!]+", r"\s"),
)


class Rule(NamedTuple):
    breaks: bool
    before: re.Pattern[str]  # must match text ending at the place
    after: re.Pattern[str]  # must match text starting at the place


@lru_cache(maxsize=1)
def _upper() -> str:
    """The characters of Java's \\p{Lu} (an upper-case letter), which Python's re lacks."""
    return re.escape("".join(chr(c) for c in range(0x10000) if chr(c).isupper()))


def _java(pattern: str) -> str:
    """An SRX (Java) pattern in Python's dialect: \\p{Lu}, \\P{Lu}, \\p{Nd}."""
    return (pattern.replace(r"\p{Lu}", f"[{_upper()}]").replace(r"\P{Lu}", f"[^{_upper()}]")
            .replace(r"\p{Nd}", r"\d"))


def _exceptions(lang: Language) -> list[tuple[str, str]]:
    """The language's own no-break rules, else its abbreviations and honorifics as rules."""
    if lang.segment_exceptions:
        return list(lang.segment_exceptions)
    words = sorted(lang.abbreviations | set(lang.honorifics), key=len, reverse=True)
    initial = (r"(?<!\w)\p{Lu}\.", r"\s")  # "J. Peeters"
    return [initial, *((rf"(?<!\w)(?i:{re.escape(word)})", r"\s") for word in words
                       if word.endswith("."))]


_RULES: dict[str, tuple[Rule, ...]] = {}


def rules(lang: Language) -> tuple[Rule, ...]:
    """The language's rules in SRX cascade order: its exceptions, the common ones, the
    breaks (compiled once a language)."""
    if lang.code not in _RULES:
        _RULES[lang.code] = _compiled(lang)
    return _RULES[lang.code]


def _compiled(lang: Language) -> tuple[Rule, ...]:
    exceptions = [*_exceptions(lang), *COMMON_EXCEPTIONS]
    made = [Rule(False, re.compile(f"(?:{_java(before)})\\Z"), re.compile(_java(after)))
            for before, after in exceptions]
    made += [Rule(True, re.compile(f"(?:{_java(before)})\\Z"), re.compile(_java(after)))
             for before, after in BREAKS]
    return tuple(made)


def segments(text: str, lang: Language) -> list[str]:
    """The text cut into segments, each stripped; empty text gives none."""
    cuts = [0]
    for place in _candidates(text):
        for rule in rules(lang):
            if rule.after.match(text, place) and _ends_at(rule.before, text, place):
                if rule.breaks:
                    cuts.append(place)
                break
    cuts.append(len(text))
    return [piece for a, b in zip(cuts, cuts[1:], strict=False)
            if (piece := text[a:b].strip())]


def _candidates(text: str) -> list[int]:
    """Places a break rule could apply: after a run of sentence marks before white space, and
    after a number opening the text."""
    places = [m.end() for m in re.finditer(r"[.?!]+(?=\s)", text)]
    if opening := re.match(r"\s*\d+[\d.)\]]+(?=\s)", text):
        places.append(opening.end())
    return sorted(set(places))


def _ends_at(pattern: re.Pattern[str], text: str, place: int) -> bool:
    """Whether `pattern` (anchored at its end) matches text ending at `place`. A pattern
    anchored at the start (`^`) sees the whole text before the place; others a window."""
    start = 0 if pattern.pattern.startswith("(?:^") else max(0, place - WINDOW)
    return pattern.search(text, start, place) is not None
