"""Inline enumerations: "such as a, b and c", "(e.g. a, b)", "zoals a, b en c"."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence

from drugstrat.diff.model import (
    RELATED,
    Document,
    Finding,
    Pair,
    Severity,
    Span,
    check,
    excerpt,
)
from drugstrat.languages import Language
from drugstrat.parse.series import cue_positions, list_extent, split_series
from drugstrat.record import PEOPLE_TYPES, Record
from drugstrat.terms.tokens import Token
from drugstrat.text.brackets import parentheticals
from drugstrat.text.fold import fold

# Two items are the same thing in both languages when they are near-identical once folded
# ("LGBTQIA+", "journalists"/"journalisten"), share a glossary term, or translate each other.
COGNATE_SIMILARITY = 75
SAME_MEANING = 0.5  # share of an item's words that translate the other's
# A word the document translates in this share of the places it stands, at least this many
# times besides this one, is a word whose counterpart should be there.
USUALLY = 0.8
USUAL_ELSEWHERE = 2
USUAL_WORDS = 2  # such words in two items facing each other, for them to be replaced


def inline_series(text: str, lang: Language) -> list[list[str]]:
    """The inline lists of a text, each as its items: after a cue word, or in parentheses."""
    found: list[tuple[int, list[str]]] = []
    cues = tuple(dict.fromkeys(lang.series_cues + lang.group_cues))
    taken: list[tuple[int, int]] = []
    for start, end in cue_positions(text, cues):
        extent = list_extent(text, start, end)
        items = split_series(extent, lang)
        # Only a real series, with commas, is counted: "both a and b as well as c" is prose.
        if len(items) >= 2 and "," in extent:
            found.append((start, _expand(items, lang)))
            taken.append((start, end + len(extent)))
    for open_at, close_at in parentheticals(text):
        if any(open_at <= s < close_at or s <= open_at < e for s, e in taken):
            continue  # "(such as a, b)": already read from its cue
        inner = text[open_at + 1:close_at - 1]
        items = split_series(inner, lang)
        if len(items) >= 2 and "," in inner:
            found.append((open_at, _expand(items, lang)))
    return [items for _, items in sorted(found, key=lambda pair: pair[0])]


def _expand(items: list[str], lang: Language) -> list[str]:
    """The items a series names, counted alike in every language: a suspended compound
    ("tabaks- en soortgelijke producten", "huis-, arbeids- en sportartsen") names each of its
    words, and so does a single word sharing the head of the next ("occupational and sports
    physicians", "children and young people")."""
    conjunctions = "|".join(re.escape(c) for c in lang.conjunctions if "/" not in c)
    articles = "|".join(re.escape(a) for a in lang.articles)
    # "la verrerie et les autres équipements": an article may stand before the single word.
    article = rf"(?:(?:{articles})\s*)?" if articles else ""
    out: list[str] = []
    for item in items:
        parts = re.split(rf"(?<=\w-),?\s+(?:(?:{conjunctions})\s+)?(?=\w)", item)
        for part in parts:
            shared = re.fullmatch(rf"({article}[^\W\d_][\w-]*)\s+(?:{conjunctions})\s+(\S.*)",
                                  part, re.IGNORECASE)
            out.extend(shared.groups() if shared else [part])
    return out


@check("enumeration", Severity.warning, "an inline list (such as / e.g. / zoals / parentheses) "
                                        "with a different number of items")
def enumeration(doc: Document) -> Iterator[Finding]:
    from rapidfuzz import fuzz

    a, b = doc.langs
    for pair in doc.prose_pairs():
        mine = inline_series(pair.a["text"], doc.tables[a])
        theirs = inline_series(pair.b["text"], doc.tables[b])
        if not mine or len(mine) != len(theirs):
            continue  # lists we cannot pair are not compared: better silent than wrong
        for n, (x, y) in enumerate(zip(mine, theirs, strict=True), start=1):
            unmatched = dict(zip((a, b), _unmatched(x, y, doc, fuzz.ratio), strict=True))
            if len(x) == len(y):
                # As many items, but one of each that the other text nowhere says: an item
                # replaced by another.
                # Short names only: a long descriptive item is said in other words too often.
                # A word linked into an item both lists share is that item's: it says
                # nothing of this one ("teaching staff" / "personeel in opvangcentra").
                shared = {lang: _spans(pair[lang]["text"], [i for i in items if i not in
                                                            unmatched[lang]])
                          for lang, items in ((a, x), (b, y))}
                odd = {lang: [item for item in unmatched[lang] if not item.endswith("-")
                              and len(item.split()) <= REPLACED_WORDS
                              and not _said_in_other(doc, pair, lang, item, REPLACED_LINK,
                                                     shared[doc.other(lang)])]
                       for lang in (a, b)}
                if len(unmatched[a]) > 1 and (
                        left := _left_by_dictionary(doc, pair, unmatched)) is not None:
                    # Several items the lexicon cannot pair: what a general dictionary pairs
                    # is no replacement, and the one item of each list it leaves, where no
                    # word of one surely translates a word of the other, is.
                    if len(left[a]) == len(left[b]) == 1 and not _surely_linked(
                            doc, pair, left[a][0], left[b][0]):
                        odd = left
                    else:
                        odd = {lang: [item for item in odd[lang] if item in left[lang]]
                               for lang in (a, b)}
                if odd[a] and odd[b]:
                    yield Finding(
                        pair.id, pair.type, "enumeration", Severity.warning,
                        f"list {n}: «{odd[a][0]}» ({a}) has no counterpart in {b}, which has "
                        f"«{odd[b][0]}» instead",
                        {a: " | ".join(x), b: " | ".join(y)}, key=f"{n}:{odd[a][0]}|{odd[b][0]}",
                        # The two items it names, nothing else.
                        spans={lang: _spans(pair[lang]["text"], odd[lang][:1]) for lang in (a, b)})
                continue
            longer = b if len(y) > len(x) else a
            # Items the other list lays out otherwise ("alcool, tabac et produits assimilés"
            # for "alcohol, tobacco and similar products") are there in its words: only an
            # item whose words the other text lacks is one too many.
            surplus = [item for item in unmatched[longer]
                       if not _said_in_other(doc, pair, longer, item)]
            if not surplus:
                continue
            unmatched[longer] = surplus
            detail = ""
            if len(surplus) <= abs(len(x) - len(y)):
                detail = f"; in {longer} only: " + ", ".join(f"«{item}»" for item in surplus)
            yield Finding(
                pair.id, pair.type, "enumeration", Severity.warning,
                f"list {n} has {len(x)} item(s) in {a} and {len(y)} in {b}{detail}",
                {a: " | ".join(x), b: " | ".join(y)}, key=f"{n}:{len(x)}/{len(y)}",
                spans={lang: _spans(pair[lang]["text"], unmatched[lang]) for lang in (a, b)},
            )


@check("open-list", Severity.warning, "an open-ended list (etc., enz., …) in one language only; "
                                      "a list opened twice (info)")
def open_list(doc: Document) -> Iterator[Finding]:
    for pair in doc.prose_pairs():
        marks: dict[str, list[Span]] = {}
        for lang, record, counterpart in pair.sides():
            yield from _opened_twice(pair, record, counterpart, doc.tables[lang].series_cues)
            pattern = "|".join(re.escape(m) for m in doc.tables[lang].open_list_markers)
            marks[lang] = [m.span() for m in re.finditer(rf"(?<!\w)(?:{pattern})", record["text"])]
        a, b = doc.langs
        if bool(marks[a]) == bool(marks[b]):
            continue
        lang = a if marks[a] else b
        other = doc.other(lang)
        text = pair[lang]["text"]
        start, end = marks[lang][0]
        # "such as", "e.g." open the other version's list already: the marker is redundant.
        theirs = pair[other]["text"]
        cue = next(iter(cue_positions(theirs, doc.tables[other].series_cues)), None)
        yield Finding(
            pair.id, pair.type, "open-list", Severity.info if cue else Severity.warning,
            f"an open-ended list («{text[start:end]}») in {lang} only" + (
                f", where {other} opens its list by «{theirs[cue[0]:cue[1]]}»" if cue else ""),
            {lang: excerpt(text, start, end),
             other: excerpt(theirs, *cue) if cue else "(closed list)"}, key=lang,
            spans={lang: marks[lang]},
        )


def _opened_twice(pair: Pair, record: Record, counterpart: Record,
                  cues: tuple[str, ...]) -> Iterator[Finding]:
    """Two cues opening one list in one parenthesis ("(such as for medical … purposes, for
    example)"): one of them is redundant."""
    text = record["text"]
    for bracket in re.finditer(r"\(([^()]*)\)", text):
        offset = bracket.start(1)
        spans = [(s + offset, e + offset) for s, e in cue_positions(bracket.group(1), cues)]
        if len({text[s:e].casefold() for s, e in spans}) < 2:
            continue
        said = " … ".join(f"«{text[s:e]}»" for s, e in spans)
        yield Finding(pair.id, pair.type, "open-list", Severity.info,
                      f"a list opened twice in {record['lang']} ({said}): one is redundant",
                      {record["lang"]: excerpt(text, *bracket.span()),
                       counterpart["lang"]: excerpt(counterpart["text"], width=90)},
                      key=f"{record['lang']}:twice:{said.casefold()}",
                      spans={record["lang"]: spans})


LINKED_SHARE = 0.5  # of an item's content words linked to the other text: it is said there
# A replaced item is told by words with no link at all, not merely no sure one.
REPLACED_LINK = 0.1
REPLACED_WORDS = 4
SURE_LINK = 0.3  # a link this sure says two items translate each other, whatever a dictionary lacks


def _said_in_other(doc: Document, pair: Pair, lang: str, item: str,
                   sure: float = 0.3, elsewhere: Sequence[Span] = ()) -> bool:
    """Whether most of an item's content words are linked, at least this surely, to words of
    the other text (outside its `elsewhere` spans)."""
    text = pair[lang]["text"]
    at = text.find(item)
    if at < 0:
        return False
    links = doc.links(pair, as_evidence=True)
    mine_is_a = lang == doc.langs[0]
    # Surely linked: a weak link pairs a leftover word with a leftover word.
    theirs = doc.tokens(pair[doc.other(lang)])
    linked = {p.a if mine_is_a else p.b for p in links.pairs if p.score >= sure and not any(
        s <= theirs[p.b if mine_is_a else p.a].start < e for s, e in elsewhere)}
    content = [t for t in doc.tokens(pair[lang]) if t.content
               and at <= t.start and t.end <= at + len(item)]
    return bool(content) and sum(t.position in linked for t in content) >= LINKED_SHARE * len(
        content)


def _left_by_dictionary(doc: Document, pair: Pair,
                        unmatched: dict[str, list[str]]) -> dict[str, list[str]] | None:
    """The items of each list that a general bilingual dictionary (FreeDict) pairs with no
    item of the other («pandeigenaren» / «property owners» are paired, by «eigenaar»); None
    where no dictionary is installed."""
    from drugstrat.terms.dictindex import lookup

    a, b = doc.langs
    stems = {lang: {item: _item_stems(doc, pair[lang], item) for item in unmatched[lang]}
             for lang in (a, b)}
    found = lookup(a, b, set().union(*stems[a].values()), set().union(*stems[b].values()))
    if found is None:
        return None
    said = [(set(head), set(translation)) for head, translation, _, _ in found[1]]

    def paired(x: str, y: str) -> bool:
        return any(head <= stems[a][x] and translation <= stems[b][y]
                   for head, translation in said)

    return {a: [x for x in unmatched[a] if not any(paired(x, y) for y in unmatched[b])],
            b: [y for y in unmatched[b] if not any(paired(x, y) for x in unmatched[a])]}


def _surely_linked(doc: Document, pair: Pair, mine: str, theirs: str) -> bool:
    """Whether a word of the reference's item is surely linked to a word of the other's
    («interventions» inside «omgevingsinterventies»): a gap of the dictionary, no
    replacement."""
    a, b = doc.langs
    spans = {}
    for lang, item in ((a, mine), (b, theirs)):
        at = pair[lang]["text"].find(item)
        spans[lang] = (at, at + len(item))
    tokens = {lang: doc.tokens(pair[lang]) for lang in (a, b)}

    def inside(lang: str, position: int) -> bool:
        token = tokens[lang][position]
        return spans[lang][0] <= token.start and token.end <= spans[lang][1]

    return any(p.score >= SURE_LINK and inside(a, p.a) and inside(b, p.b)
               for p in doc.links(pair, as_evidence=True).pairs)


def _item_stems(doc: Document, record: Record, item: str) -> set[str]:
    """The stems of an item's words and of their parts: hyphenated, or a closed compound's as
    the dictionary splits it ("pandeigenaren": pand, eigenaren)."""
    from drugstrat.terms.tokens import split
    from drugstrat.text.spelling import speller
    from drugstrat.text.stem import snowball

    table = doc.tables[record["lang"]]
    dictionary = speller(table) if table.closed_compounds else None
    at = record["text"].find(item)
    words = [t for t in doc.tokens(record) if at <= t.start and t.end <= at + len(item)]
    parts = [part for t in words for part in (*t.parts, *t.folded.split("-")) if part]
    if dictionary is not None:
        parts += [piece for part in parts for piece in
                  split(part, dictionary.knows, table.compound_linkers) or ()]
    return {key for t in words for key in t.keys} | {snowball(part, table) for part in parts}


def _unmatched(mine: list[str], theirs: list[str], doc: Document,
               ratio: Callable[[str, str], float]) -> tuple[list[str], list[str]]:
    left_theirs = list(theirs)
    left_mine = []
    for item in mine:
        match = next((other for other in left_theirs if _same(item, other, doc, ratio)), None)
        if match is None:
            left_mine.append(item)
        else:
            left_theirs.remove(match)
    return left_mine, left_theirs


def _same(mine: str, theirs: str, doc: Document, ratio: Callable[[str, str], float]) -> bool:
    """Whether two items name the same thing: near-identical once folded, sharing a glossary
    term, or translating each other word for word (the lexicon)."""
    if ratio(fold(mine), fold(theirs)) >= COGNATE_SIMILARITY:
        return True
    a, b = doc.langs
    if any(term.found(a, mine) and term.found(b, theirs) for term in doc.glossary.terms):
        return True
    if doc.lexicon is None:
        return False
    from drugstrat.kb.align import name_similarity

    return name_similarity(mine, theirs, doc.lexicon) >= SAME_MEANING


def _spans(text: str, items: list[str]) -> list[Span]:
    spans = []
    for item in items:
        at = text.find(item)
        if at >= 0:
            spans.append((at, at + len(item)))
    return spans


@check("title-items", Severity.warning, "a person's title (the offices and portfolios after the "
                                        "name) with a different number of items")
def title_items(doc: Document) -> Iterator[Finding]:
    """A signatory's title is a series — name, office, portfolio after portfolio, separated by
    commas and semicolons — that every version lists in full: one item more or fewer is an
    office added or dropped ("Housing, Energy and Climate, Tourism" / "Wonen, Toerisme").
    The item said is the one whose words the other version does not translate."""
    a, b = doc.langs
    for pair in doc.pairs:
        if pair.type not in PEOPLE_TYPES:
            continue
        items = {lang: _title_items(pair[lang]["text"]) for lang in (a, b)}
        if len(items[a]) == len(items[b]):
            yield from _replaced_items(doc, pair, items)
            continue
        if min(len(items[a]), len(items[b])) < 2:
            continue
        more = a if len(items[a]) > len(items[b]) else b
        fewer = doc.other(more)
        links = doc.links(pair, as_evidence=True)
        linked = links.linked_a if more == a else links.linked_b
        tokens = [t for t in doc.tokens(pair[more]) if t.content]
        # Each item's share of words translated in the other version; the least translated
        # is the one added (or whose counterpart was dropped).
        shares = []
        for start, end in items[more]:
            inside = [t for t in tokens if start <= t.start < end]
            shares.append(sum(t.position in linked for t in inside) / len(inside)
                          if inside else 1.0)
        start, end = items[more][min(range(len(shares)), key=shares.__getitem__)]
        text = pair[more]["text"]
        yield Finding(
            pair.id, pair.type, "title-items", Severity.warning,
            f"«{text[start:end]}» ({more}): an item of the title with no counterpart in "
            f"{fewer} ({len(items[more])} items in {more}, {len(items[fewer])} in {fewer})",
            {more: excerpt(text, start, end, width=90),
             fewer: excerpt(pair[fewer]["text"], width=90)},
            key=f"{more}:{len(items[a])}/{len(items[b])}", spans={more: [(start, end)]})


def _replaced_items(doc: Document, pair: Pair, items: dict[str, list[Span]]
                    ) -> Iterator[Finding]:
    """Items standing at the same place of the two titles with no word of one translating a
    word of the other, where a word of them is one the document translates wherever else it
    stands (two such words at least): an office replaced by another ("Health Promotion" /
    "Samenleven"). Rare words the lexicon does not know ("Public Governance" /
    "Bestuurszaken") say nothing."""
    if doc.lexicon is None:
        return
    a, b = doc.langs
    links = doc.links(pair, as_evidence=True)
    # What this title alone taught the lexicon is no evidence that its items translate each
    # other: an office put in another's place teaches the pair it makes.
    lone = doc.lexicon.taught_only_by(pair.id)
    tokens = {lang: doc.tokens(pair[lang]) for lang in (a, b)}
    for (sa, ea), (sb, eb) in zip(items[a], items[b], strict=True):
        inside = {a: [t for t in tokens[a] if sa <= t.start < ea and t.content],
                  b: [t for t in tokens[b] if sb <= t.start < eb and t.content]}
        if not inside[a] or not inside[b] or any(
                sa <= tokens[a][p.a].start < ea and sb <= tokens[b][p.b].start < eb
                for p in links.pairs):
            continue
        if sum(_usually_translated(doc, lang, t) for lang in (a, b)
               for t in inside[lang]) < USUAL_WORDS:
            continue
        if any(_translates(doc, x, y, lone) for x in inside[a] for y in inside[b]):
            continue  # linked elsewhere, but the lexicon pairs them ("Youth" / "Jeugd")
        said = {a: pair[a]["text"][sa:ea], b: pair[b]["text"][sb:eb]}
        yield Finding(
            pair.id, pair.type, "title-items", Severity.warning,
            f"«{said[a]}» ({a}) faces «{said[b]}» ({b}): items of the title that do not "
            f"translate each other",
            {a: excerpt(pair[a]["text"], sa, ea, width=90),
             b: excerpt(pair[b]["text"], sb, eb, width=90)},
            key=f"{said[a].casefold()}|{said[b].casefold()}",
            spans={a: [(sa, ea)], b: [(sb, eb)]})


def _usually_translated(doc: Document, lang: str, token: Token) -> bool:
    """Whether the document translates the word wherever else it stands (twice at least)."""
    elsewhere, reliability = doc.habit(token, lang)
    return elsewhere >= USUAL_ELSEWHERE and reliability >= USUALLY


def _translates(doc: Document, x: Token, y: Token,
                lone: frozenset[tuple[str, str]] = frozenset()) -> bool:
    """Whether the lexicon takes a word of the reference for a translation of the other's
    (not by a pair of `lone`)."""
    assert doc.lexicon is not None
    a = doc.langs[0]
    return x.folded == y.folded or any(
        doc.lexicon.translations(a, key).get(other, 0.0) >= RELATED
        and (key, other) not in lone for key in x.keys for other in y.keys)


def _title_items(text: str) -> list[Span]:
    """Where the items of a title stand: the stretches between commas and semicolons outside
    brackets, trimmed."""
    inside = parentheticals(text)
    cuts = [i for i, ch in enumerate(text) if ch in ",;"
            and not any(s <= i < e for s, e in inside)]
    spans = []
    for start, end in zip([-1, *cuts], [*cuts, len(text)], strict=True):
        piece = text[start + 1:end]
        lead = len(piece) - len(piece.lstrip())
        if piece.strip():
            spans.append((start + 1 + lead, start + 1 + len(piece.rstrip())))
    return spans
