"""Inline series in running text, and the target groups they name: "vulnerable groups (e.g.
young people, inmates)".

A list of groups is recognised by a head noun from the language table ("groups", "staff",
"groepen") followed within a few words by a cue that opens a list ("such as", "e.g.", "zoals").
The list runs to the closing parenthesis when it sits inside one, else to the end of the clause.
"""

from __future__ import annotations

import re
from functools import lru_cache

from drugstrat.languages import Language
from drugstrat.text.brackets import depth_at, split_top_level

# How far before a cue the head noun may stand, in words: "groups with more specific care needs,
# such as" is seven.
HEAD_WINDOW_WORDS = 8
# An "item" longer than this is a clause the cue happened to introduce, not a group's name.
MAX_ITEM_WORDS = 16

_CLAUSE_END = re.compile(r"[.;:](?=\s|$)")
_WORD = re.compile(r"[^\W\d_][\w'’-]*", re.UNICODE)


def find_target_groups(text: str, lang: Language) -> list[str]:
    """The target groups a text names, in order, without duplicates."""
    groups: list[str] = []
    for cue_start, cue_end in cue_positions(text, lang.group_cues):
        if not _head_noun_before(text, cue_start, lang):
            continue
        for item in split_series(list_extent(text, cue_start, cue_end), lang):
            if item not in groups:
                groups.append(item)
    return groups


def cue_positions(text: str, cues: tuple[str, ...]) -> list[tuple[int, int]]:
    """Where the cue words of a list stand in a text, without overlaps, in order."""
    lowered = text.lower()  # lower(), not casefold(): offsets must stay those of `text`
    # A cue starts a word: checked by hand, as a look-behind in the pattern would keep the
    # regex engine from searching for the cue's letters (slow on a line of megabytes).
    positions = sorted({match.span() for pattern in _cue_patterns(cues)
                        for match in pattern.finditer(lowered)
                        if not _word_char(lowered, match.start() - 1)})
    # "for example" inside "such as … for example" would open a second, overlapping list.
    kept: list[tuple[int, int]] = []
    for start, end in positions:
        if kept and start < kept[-1][1]:
            continue
        kept.append((start, end))
    return kept


@lru_cache(maxsize=32)
def _cue_patterns(cues: tuple[str, ...]) -> list[re.Pattern[str]]:
    """One pattern a cue: a cue inside another ("for example" in "… such as, for example")
    must still be found where it starts."""
    patterns = []
    for cue in cues:
        # A cue ends in a word character or a full stop; only the word side needs a boundary.
        tail = r"\b" if cue[-1].isalnum() else ""
        patterns.append(re.compile(rf"{re.escape(cue.lower())}{tail}"))
    return patterns


def _word_char(text: str, at: int) -> bool:
    return at >= 0 and (text[at].isalnum() or text[at] == "_")


def _head_noun_before(text: str, cue_start: int, lang: Language) -> bool:
    before = text[:cue_start]
    clause_breaks = list(_CLAUSE_END.finditer(before))
    if clause_breaks:
        before = before[clause_breaks[-1].end():]
    words = [w.casefold() for w in _WORD.findall(before)][-HEAD_WINDOW_WORDS:]
    heads = {h.casefold() for h in lang.group_heads}
    return any(word in heads for word in words)


def list_extent(text: str, cue_start: int, cue_end: int) -> str:
    """The text of the list a cue opens: inside its parentheses, or up to the clause's end."""
    depth_at_cue = depth_at(text, cue_start)
    depth = depth_at_cue
    for i in range(cue_end, len(text)):
        ch = text[i]
        if ch == "(":
            depth += 1
        elif ch == ")":
            if depth == depth_at_cue:
                return text[cue_end:i]
            depth -= 1
        elif depth == depth_at_cue and depth_at_cue == 0 and _ends_clause(text, i):
            return text[cue_end:i]
    return text[cue_end:]


def _ends_clause(text: str, i: int) -> bool:
    ch = text[i]
    if ch in ";:":
        return True
    if ch != ".":
        return False
    nxt = text[i + 1:i + 3]
    # A full stop ends the clause when a space and a capital (or the end) follow; "e.g. young"
    # and "1.5" do not.
    return nxt == "" or (nxt[:1].isspace() and (len(nxt) < 2 or not nxt[1].islower()))



def split_series(extent: str, lang: Language) -> list[str]:
    """The items of a series: "a, b (c, d) and e" -> a, b (c, d), e."""
    pieces = [part for piece in split_top_level(extent, ",;")
              for part in _joined_pieces(piece, lang)]
    # "huis-, arbeids- en sportartsen": a suspended compound belongs with what follows; and
    # "médecins du travail, du sport": a complement belongs with the head before it, as do
    # "…, y compris les vapoteuses" (a qualifier) and "…, die wegen …" (a relative clause).
    merged: list[str] = []
    for piece in pieces:
        if merged and (merged[-1].rstrip().endswith("-") or _opens_complement(piece, lang)
                       or _qualifies(piece, lang) or _relative(piece, lang)):
            merged[-1] = merged[-1].rstrip() + ", " + piece.strip()
        else:
            merged.append(piece)
    items = [item for item in (_clean_item(piece, lang) for piece in merged) if item]
    if items:
        items.extend(_split_last_conjunction(items.pop(), lang))
    return [item for item in items if len(item.split()) <= MAX_ITEM_WORDS]



def _split_last_conjunction(piece: str, lang: Language) -> list[str]:
    """Split the series' last piece at the conjunction that joins its last two items.

    Conjunctions are tried in the table's order ("and" before "or", since an "or" usually sits
    inside an item); of one conjunction, the first with at least two words before it wins, else
    its first at all: "occupational and sports physicians and police forces" splits at the second
    "and", "justitiabelen en personen … of een gedragsverslaving" at the "en".
    """
    words = piece.split()
    for conjunction in lang.conjunctions:
        if "/" in conjunction:  # "and/or" joins alternatives of one item
            continue
        # Not inside one item: "arbeids- en sportartsen" (a suspended compound), "du travail
        # et du sport" (two complements of one head).
        places = [i for i in range(1, len(words) - 1) if words[i].casefold() == conjunction
                  and not words[i - 1].endswith("-")
                  and not _opens_complement(words[i + 1], lang)]
        if not places:
            continue
        i = next((p for p in places if p >= 2), places[0])
        return [" ".join(words[:i]), " ".join(words[i + 1:])]
    return [piece]


def _joined_pieces(piece: str, lang: Language) -> list[str]:
    """A piece of a series cut where a joiner phrase stands between two items ("…, ainsi que
    les plateformes", "as well as")."""
    if not lang.series_joiners:
        return [piece]
    pattern = "|".join(re.escape(j) for j in lang.series_joiners)
    parts = re.split(rf"(?<!\w)(?:{pattern})(?!\w)", piece, flags=re.IGNORECASE)
    return [part for part in parts if part.strip()] or [piece]


def _qualifies(piece: str, lang: Language) -> bool:
    """Whether a piece opens with a cue word ("including", "y compris", "waaronder"): it
    qualifies the item before it rather than adding one."""
    text = piece.strip().casefold()
    return any(text.startswith(cue.casefold()) and text[len(cue):len(cue) + 1] in (" ", "")
               for cue in (*lang.series_cues, *lang.group_cues))


def _relative(piece: str, lang: Language) -> bool:
    """Whether a piece opens with a relative pronoun: a clause on the item before it."""
    first = piece.split()[0].casefold() if piece.split() else ""
    return first in lang.relative_pronouns


def _opens_complement(text: str, lang: Language) -> bool:
    """Whether a piece of a series starts with a complement's first word ("du sport")."""
    first = text.split()[0].casefold() if text.split() else ""
    return any(first == w or (w[-1] in "'’" and first.startswith(w))
               for w in lang.complement_words)


def _clean_item(piece: str, lang: Language) -> str:
    item = " ".join(piece.split())
    for marker in lang.open_list_markers:
        if item.casefold().endswith(marker.casefold()):
            item = item[: -len(marker)]
    item = item.strip(" ,;.:")
    # "…, and farmers": the comma already split the series; the conjunction is not part of it.
    first, _, rest = item.partition(" ")
    if first.casefold() in lang.conjunctions and rest:
        item = rest
    if item.casefold() in {m.casefold().strip(".") for m in lang.open_list_markers}:
        return ""
    # "…, for example)": a cue closing the list is no item of it.
    if item.casefold() in {c.casefold().strip(".") for c in (*lang.series_cues, *lang.group_cues)}:
        return ""
    return item
