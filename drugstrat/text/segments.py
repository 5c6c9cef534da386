"""Segments as CAT tools cut a paragraph: SRX rules, applied the way OmegaT applies them.

A translation memory is worth what it matches. OmegaT (and most CAT tools, which follow the
same SRX conventions) breaks a paragraph after `.`, `?` or `!` followed by white space — before
a lower-case word too, but not after a closing quote or bracket — and after a number opening
the paragraph (`3.4 To promote`), unless an exception of the language holds: an abbreviation
(`e.g.`, `Mr.`, ` Dhr.`), an initial (` J.`), `...` before a lower-case word. A text file's line
break followed by an indent breaks too. Colons, semicolons and list numbers inside a paragraph
never break.

The rules are applied as OmegaT's segmenter applies them, quirks included, so that the two cut
the same text the same way: each rule's `before` pattern is searched through the paragraph (its
matches never overlap), a place counts where an `after` match starts right at its end, and the
rules cascade from the last to the first, an earlier rule overriding a later one. So a Dutch
exception written ` prof.` (a space before it) does not hold at the start of a paragraph, and
OmegaT cuts `Prof. Dr. Colman` after `Prof.` — as we do.

The exceptions are plain data of each language table (`segment_exceptions`, OmegaT's default
rules in SRX's before/after form); `drugstrat.text.sentences` is the tool's own, stricter
reading of sentences, for the lexicon and the checks.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from drugstrat.languages import Language

# The rules every language shares (OmegaT's "Default" and "Text" sets), after the language's
# own: `...` before a lower-case word, a numbered heading opening a paragraph, a sentence mark
# before white space, a line break before an indent.
COMMON = (
    (False, r"\.\.\.", r"\s+\P{Lu}"),
    (True, r"^\s*\p{Nd}+[\p{Nd}\.\)\]]+\s+", r"\p{Lu}"),
    (True, r"[\.\?\!]+", r"\s"),
    (True, r"\n", r" +"),
)
# Where a sentence mark could end a segment: a break rule needs one of these (or a line break,
# or a number opening the text) to fire, so a text without them is one segment.
_MAY_BREAK = re.compile(r"[.?!]\s|\n|^\s*\d")


class Rule(NamedTuple):
    breaks: bool
    before: re.Pattern[str]
    after: re.Pattern[str]


@lru_cache(maxsize=1)
def _upper() -> str:
    """The characters of Java's \\p{Lu} (an upper-case letter), which Python's re lacks."""
    return re.escape("".join(chr(c) for c in range(0x10000) if chr(c).isupper()))


def _java(pattern: str) -> re.Pattern[str]:
    """An SRX (Java) pattern in Python's dialect. Java's \\s, \\w and \\d are ASCII unless a
    flag says otherwise (OmegaT sets none), so the pattern is ASCII too, but for the Unicode
    classes it names: \\p{Lu}, \\P{Lu}, \\p{Nd}."""
    python = (pattern.replace(r"\p{Lu}", f"(?u:[{_upper()}])")
              .replace(r"\P{Lu}", f"(?u:[^{_upper()}])").replace(r"\p{Nd}", r"(?u:\d)"))
    return re.compile(python, re.ASCII | re.DOTALL)


def _exceptions(lang: Language) -> list[tuple[str, str]]:
    """The language's own no-break rules, else its abbreviations and honorifics as rules."""
    if lang.segment_exceptions:
        return list(lang.segment_exceptions)
    words = sorted(lang.abbreviations | set(lang.honorifics), key=len, reverse=True)
    initial = (r"\s\p{Lu}\.", r"\s")  # "J. Peeters"
    return [initial, *((rf"(?<![A-Za-z])(?i:{re.escape(word)})", r"\s") for word in words
                       if word.endswith("."))]


_RULES: dict[str, tuple[Rule, ...]] = {}


def rules(lang: Language) -> tuple[Rule, ...]:
    """The language's rules in SRX cascade order: its exceptions, then the common ones
    (compiled once a language)."""
    if lang.code not in _RULES:
        made = [Rule(False, _java(before), _java(after)) for before, after in _exceptions(lang)]
        made += [Rule(breaks, _java(before), _java(after)) for breaks, before, after in COMMON]
        _RULES[lang.code] = tuple(made)
    return _RULES[lang.code]


def segments(text: str, lang: Language) -> list[str]:
    """The text cut into segments, each stripped; empty text gives none."""
    return [text[a:b] for a, b in segment_spans(text, lang)]


def segment_spans(text: str, lang: Language) -> list[tuple[int, int]]:
    """Where each segment of the text starts and ends, white space around it left out."""
    if not _MAY_BREAK.search(text):
        return _stripped(text, 0, len(text))
    breaks: set[int] = set()
    kept: set[int] = set()
    for rule in reversed(rules(lang)):  # the first rule has the last word
        places = _places(rule, text)
        if rule.breaks:
            breaks |= places
            kept -= places
        else:
            kept |= places
            breaks -= places
    cuts = [0, *sorted(breaks), len(text)]
    return [span for a, b in zip(cuts, cuts[1:], strict=False)
            for span in _stripped(text, a, b)]


def _stripped(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The span without the white space at its ends; none if that is all it holds."""
    piece = text[start:end]
    core = piece.strip()
    if not core:
        return []
    begin = start + len(piece) - len(piece.lstrip())
    return [(begin, begin + len(core))]


def _places(rule: Rule, text: str) -> set[int]:
    """Where `rule` applies, found as OmegaT finds it: its `before` matches in turn, each
    counting where the next `after` match not before its end starts right at that end."""
    out: set[int] = set()
    afters = rule.after.finditer(text)
    after = next(afters, None)
    for before in rule.before.finditer(text):
        end = before.end()
        while after is not None and after.start() < end:
            after = next(afters, None)
        if after is None:
            break
        if after.start() == end:
            out.add(end)
    return out
