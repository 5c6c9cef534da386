"""How a run of words of one text is rendered in its translation: the one reading of word links
that both the term-consistency check and `drugstrat terms` use.

A rendering is the set of the other text's word keys (Snowball stems, compound parts) linked to
the run's content words — word order is the other language's business — and the stretch of the
other text they cover, as a reader sees it.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable
from typing import NamedTuple

from drugstrat.terms.lexicon import Lexicon
from drugstrat.terms.links import Links
from drugstrat.terms.tokens import Token

TRUSTED = 0.15  # links at least this sure tell how a word was rendered


class Rendering(NamedTuple):
    keys: tuple[str, ...]  # the other language's keys linked to the run, sorted
    text: str  # those words as written in the other text
    span: tuple[int, int]  # of `text`, in the other text


def render(run: list[Token], theirs: list[Token], their_text: str, links: Links,
           run_is_a: bool, lexicon: Lexicon | None = None) -> Rendering | None:
    """The rendering of `run` (tokens of one text) in the other text (`theirs`, `their_text`),
    from the pair's word `links` (`run_is_a`: the run is of the links' first text). None when
    one of the run's content words has no counterpart, or when the counterparts are scattered
    over the other text. With the `lexicon`, an unlinked word beside the rendering that may
    translate a word of the run joins it ("wetenschappelijke studies")."""
    within = links.within_a if run_is_a else links.within_b
    found: dict[int, set[str]] = defaultdict(set)
    weak: list[tuple[int, str]] = []
    for token in run:
        if not token.content:
            continue
        mine = [p for p in links.pairs if (p.a if run_is_a else p.b) == token.position]
        hits = [(p.b, p.b_key) if run_is_a else (p.a, p.a_key) for p in mine]
        if not mine and token.position in within:
            host = theirs[within[token.position]]
            found[host.position].update(host.keys)  # taken in by a compound there
            continue
        if not mine:
            return None
        if all(p.score < TRUSTED for p in mine):
            weak += hits
            continue
        for index, key in hits:
            found[index].add(key)
    if not found:
        return None
    # A weak link is a rendering only right beside the sure ones ("wetenschappelijke studies"
    # for "scientific research"); elsewhere it is a leftover word paired with a leftover word.
    for index, key in weak:
        if min(found) - 1 <= index <= max(found) + 1:
            found[index].add(key)
        else:
            return None
    order = sorted(found)
    if order[-1] - order[0] > len(run) + 2 or broken(their_text,
                                                      [theirs[order[0]], theirs[order[-1]]]):
        return None  # scattered over the other text: no rendering of the run
    keys = tuple(sorted({k for i in order for k in found[i]}))
    own_keys = {k for t in run if t.content for k in t.keys}

    def related(token: Token) -> bool:
        if lexicon is None:
            return False
        return any(lexicon.translations(lexicon.langs[1] if run_is_a else lexicon.langs[0],
                                        key).keys() & own_keys for key in token.keys)

    first, last = _grown(their_text, theirs, links.linked_b if run_is_a else links.linked_a,
                         order[0], order[-1], related)
    start, end = theirs[first].start, theirs[last].end
    return Rendering(keys, their_text[start:end], (start, end))


def broken(text: str, run: list[Token]) -> bool:
    """Whether punctuation breaks a run of words."""
    return bool(re.search(r"[,;:.()\[\]]", text[run[0].end:run[-1].start]))


def _grown(text: str, tokens: list[Token], linked: set[int], first: int, last: int,
           related: Callable[[Token], bool]) -> tuple[int, int]:
    """A rendering as a reader sees it: with the unlinked content words right next to it in
    its clause that may translate the phrase ("wetenschappelijke studies", where only the
    second word found a sure link) — not whatever word happens to follow it."""
    def joins(a: Token, b: Token) -> bool:
        return not broken(text, [a, b])

    def takes(token: Token) -> bool:
        return token.content and token.position not in linked and related(token)

    while first > 0 and takes(tokens[first - 1]) and joins(tokens[first - 1], tokens[first]):
        first -= 1
    while last + 1 < len(tokens) and takes(tokens[last + 1]) and joins(tokens[last],
                                                                        tokens[last + 1]):
        last += 1
    return first, last
