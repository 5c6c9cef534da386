"""Consistency across the whole document, in both directions: a recurring term rendered in
different ways, and one name (of a body, an office, the strategy itself) written in different
ways in one language.

Renderings come from the word links of each record pair; inflections are folded (stems), and two
renderings the glossary lists as forms of one term are never reported against each other.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from typing import NamedTuple

from drugstrat.diff.model import Document, Finding, Pair, Severity, Span, check, excerpt
from drugstrat.languages import Language
from drugstrat.record import PEOPLE_TYPES, Record
from drugstrat.terms.rendering import broken, render
from drugstrat.terms.tokens import Token
from drugstrat.text.fold import fold

MIN_REPEATS = 3  # occurrences of a phrase before it is a term the document uses
# Records rendering a phrase one way before that is its usual rendering (two for a glossary
# term): a term of the document's own has a stable rendering.
STABLE = 3
MAX_PHRASE = 4  # words of a recurring phrase


class Occurrence(NamedTuple):
    pair: Pair
    lang: str  # the language of the phrase
    span: Span  # of the phrase, in its record
    phrase: str  # as written
    rendering: tuple[str, ...]  # the other language's keys linked to it, in their order
    rendered: str  # those words as written
    rendered_span: Span


def _renderings(doc: Document, pair: Pair, lang: str, tokens: list[Token]) -> Occurrence | None:
    """How the other language renders a run of words of one record (None when one of its
    content words has no sure counterpart)."""
    mine_is_a = lang == doc.langs[0]
    other = pair.b if mine_is_a else pair.a
    found = render(tokens, doc.tokens(other), other["text"], doc.links(pair), mine_is_a,
                   doc.lexicon)
    if found is None:
        return None
    record = pair.a if mine_is_a else pair.b
    return Occurrence(pair, lang, (tokens[0].start, tokens[-1].end),
                      record["text"][tokens[0].start:tokens[-1].end],
                      loose(found.keys, doc.tables[doc.other(lang)]), found.text, found.span)


def loose(keys: Iterable[str], table: Language) -> tuple[str, ...]:
    """Keys with an inflectional ending of the language taken off, where the stemmer left one
    ("intégrée" stems to "integre", "intégré" to "integr"): forms of one word are one
    rendering."""
    endings = sorted(table.inflection_endings, key=len, reverse=True)
    out = []
    for key in keys:
        for ending in endings:
            if len(key) > len(ending) + 3 and key.endswith(ending):
                key = key[:-len(ending)]
                break
        out.append(key)
    return tuple(sorted(set(out)))


@check("term-consistency", Severity.warning, "a recurring term rendered in different ways "
                                             "across the document (learned from the text)")
def term_consistency(doc: Document) -> Iterator[Finding]:
    if doc.lexicon is None:
        return
    for lang in doc.langs:
        names = _name_spans(doc)
        occurrences: dict[tuple[str, ...], list[Occurrence]] = defaultdict(list)
        for pair, tokens in _phrases(doc, lang):
            occurrence = _renderings(doc, pair, lang, tokens)
            if occurrence and not any(_overlaps(occurrence.span, span)
                                      for span in names.get((pair.id, lang), ())) and not any(
                    _overlaps(occurrence.rendered_span, span)
                    for span in names.get((pair.id, doc.other(lang)), ())):
                occurrences[loose((k for t in tokens if t.content for k in t.keys),
                                  doc.tables[lang])].append(occurrence)
        reported: list[tuple[str, ...]] = []
        for phrase, found in sorted(occurrences.items(), key=lambda kv: len(kv[0])):
            if any(_inside(shorter, phrase) for shorter in reported):
                continue  # a longer phrase around a term already reported
            findings = list(_inconsistent(doc, found, "term-consistency", "term"))
            if findings:
                reported.append(phrase)
            yield from findings


def _name_spans(doc: Document) -> dict[tuple[str, str], list[Span]]:
    """Where names stand, by record and language: their renderings are the names check's."""
    if "name spans" not in doc.memo:
        spans: dict[tuple[str, str], list[Span]] = defaultdict(list)
        for pair in doc.pairs:
            for lang in doc.langs:
                for run in _names(doc, pair[lang]):
                    spans[pair.id, lang].append((run[0].start, run[-1].end))
        doc.memo["name spans"] = spans
    return doc.memo["name spans"]


def _overlaps(a: Span, b: Span) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _phrases(doc: Document, lang: str) -> Iterator[tuple[Pair, list[Token]]]:
    """The recurring phrases of a language — two to four content words, or words joined by a
    conjunction ("comprehensive and integrated"), seen in at least MIN_REPEATS records — each
    where it occurs."""
    conjunctions = {fold(c) for c in doc.tables[lang].conjunctions}
    counts: Counter[tuple[str, ...]] = Counter()
    places: dict[tuple[str, ...], list[tuple[Pair, list[Token]]]] = defaultdict(list)
    for pair in doc.prose_pairs():
        if pair.type in PEOPLE_TYPES:
            continue
        tokens = doc.tokens(pair[lang])
        seen: set[tuple[str, ...]] = set()
        for size in range(2, MAX_PHRASE + 1):
            for start in range(len(tokens) - size + 1):
                run = tokens[start:start + size]
                if not (run[0].content and run[-1].content) or any(
                        t.number or not (t.content or t.folded in conjunctions) for t in run) \
                        or broken(pair[lang]["text"], run):
                    continue
                key = tuple(t.folded for t in run)
                if key not in seen:
                    seen.add(key)
                    counts[key] += 1
                    places[key].append((pair, run))
    kept = {key for key, n in counts.items() if n >= MIN_REPEATS}
    # A phrase inside a longer one seen as often is that longer one.
    maximal = {key for key in kept if not any(
        other != key and counts[other] == counts[key] and _inside(key, other) for other in kept)}
    for key in sorted(maximal):
        yield from places[key]


def _inside(short: tuple[str, ...], long: tuple[str, ...]) -> bool:
    return any(long[i:i + len(short)] == short for i in range(len(long) - len(short) + 1))


def _inconsistent(doc: Document, found: list[Occurrence], check_name: str,
                  what: str) -> Iterator[Finding]:
    """One finding for each way of rendering a term other than its usual one, listing where."""
    by_rendering: dict[tuple[str, ...], list[Occurrence]] = defaultdict(list)
    for occurrence in found:
        by_rendering[occurrence.rendering].append(occurrence)
    if len(by_rendering) < 2 or _glossary_variants(doc, found[0].lang, list(by_rendering)):
        return
    ranked = sorted(by_rendering.values(), key=lambda o: (-len(o), o[0].pair.id))
    usual = ranked[0]
    # A term is a glossary entry, or a phrase the document renders one way again and again:
    # an ordinary phrase rendered twice one way and once another ("bijzondere aandacht") has
    # no usual rendering to hold the other against.
    # The phrase must be the entry, not hold one ("addiction problems" holds "addict*").
    phrase = found[0].phrase
    termed = any((0, len(phrase)) in term.found(found[0].lang, phrase)
                 for term in doc.glossary.terms)
    if len(found) < MIN_REPEATS or len(usual) < (2 if termed else STABLE):
        return
    source, target = found[0].lang, doc.other(found[0].lang)
    for odd in ranked[1:]:
        first = odd[0]
        if len(odd) >= len(usual):
            continue  # as usual as the usual one: no minority to call the deviant
        if fold(usual[0].rendered) in _completed(first.rendered):
            continue  # the usual rendering, inside a suspended compound
        places = ", ".join(dict.fromkeys(o.pair.id for o in odd))
        message = (f"{what} «{first.phrase}» ({source}) is «{first.rendered}» in {places} but "
                   f"«{usual[0].rendered}» in {len(usual)} other record(s) "
                   f"({', '.join(dict.fromkeys(o.pair.id for o in usual))})")
        yield Finding(
            first.pair.id, first.pair.type, check_name, Severity.warning, message,
            {source: excerpt(first.pair[source]["text"], *first.span, width=80),
             target: excerpt(first.pair[target]["text"], *first.rendered_span, width=80)},
            key=f"{source}:{fold(first.phrase)}:{':'.join(first.rendering)}",
            spans={source: [first.span], target: [first.rendered_span]},
        )


def _completed(text: str) -> set[str]:
    """The words a suspended compound may stand for, folded: "coördinatie- en
    informatiedelingsmechanismen" holds "coördinatiemechanismen", "huis-, arbeids- en
    sportartsen" "huisartsen" and "arbeidsartsen" (a part with some ending of the word that
    completes the series)."""
    words = list(re.finditer(r"\w+", text))
    found: set[str] = set()
    for i, word in enumerate(words):
        if text[word.end():word.end() + 1] != "-" or text[word.end() + 1:word.end() + 2] \
                not in (" ", ","):
            continue
        whole = next((w for w in words[i + 1:] if text[w.end():w.end() + 1] != "-"
                      and len(w.group()) > 3), None)
        if whole is not None:
            part, head = fold(word.group()), fold(whole.group())
            found.update(part + head[k:] for k in range(1, len(head) - 2))
    return found


def _glossary_variants(doc: Document, lang: str, renderings: list[tuple[str, ...]]) -> bool:
    """Whether the renderings differ only by forms of one glossary term (its listed
    variants: "aanpak" and "benadering" for "approach")."""
    target = doc.other(lang)
    common = set.intersection(*(set(r) for r in renderings))
    differing = [set(r) - common for r in renderings]
    for term in doc.glossary.terms:
        forms = [_form_keys(doc, target, f) for f in term.forms.get(target, ())]
        if forms and all(any(d <= f for f in forms) for d in differing):
            return True
    return False


def _form_keys(doc: Document, lang: str, form: str) -> set[str]:
    from drugstrat.terms.tokens import tokenize

    cache = doc.memo.setdefault("glossary form keys", {})
    if (lang, form) not in cache:
        compounds = doc.lexicon.compounds.get(lang) if doc.lexicon else None
        cache[lang, form] = {k for t in tokenize(form.strip("*"), doc.tables[lang], compounds)
                             for k in t.keys}
    keys: set[str] = cache[lang, form]
    return keys


# -- names ----------------------------------------------------------------------------------------


@check("name-consistency", Severity.warning, "one name — of a body, an office, the strategy "
                                             "itself — written in different ways in one "
                                             "language")
def name_consistency(doc: Document) -> Iterator[Finding]:
    if doc.lexicon is None:
        return
    for lang in doc.langs:
        # A name is known by what the other language calls it: names written differently that
        # the other language writes alike are one name written in two ways.
        by_counterpart: dict[frozenset[str], list[Occurrence]] = defaultdict(list)
        for pair in doc.pairs:
            if pair.type in PEOPLE_TYPES or pair.type == "toc_entry":
                continue
            for run in _names(doc, pair[lang]):
                occurrence = _renderings(doc, pair, lang, run)
                if occurrence and len(occurrence.rendering) >= 2:
                    by_counterpart[frozenset(occurrence.rendering)].append(occurrence)
        for found in by_counterpart.values():
            yield from _name_variants(doc, lang, found)


def _names(doc: Document, record: Record) -> list[list[Token]]:
    """Runs of capitalised words, with the language's small words between them, of two or more
    content words: "General Drugs Policy Cell", "Strategy for a Comprehensive … Policy". A word
    capitalised because it starts a sentence starts a name only when the next word is
    capitalised too."""
    joiners = _joiners(doc, record["lang"])
    text = record["text"]
    tokens = doc.tokens(record)
    names: list[list[Token]] = []
    run: list[Token] = []
    for i, token in enumerate(tokens):
        capital = token.surface[:1].isupper() and token.content
        # What stands between the last word and this one (a word's own letters are no mark).
        starts_sentence = i == 0 or (text[tokens[i - 1].end:token.start].rstrip()[-1:]
                                     or "a") in ".:;!?\"“(«"
        following = tokens[i + 1] if i + 1 < len(tokens) else None
        if capital and starts_sentence and not run and not (
                following and following.surface[:1].isupper()
                and not broken(text, [token, following])):
            capital = False
        if run and broken(text, [run[-1], token]):
            names.append(run)
            run = []
        if capital or run and token.folded in joiners:
            run.append(token)
        else:
            names.append(run)
            run = []
    names.append(run)
    return [name for name in (_trimmed(run) for run in names) if sum(
        t.content for t in name) >= 2]


def _joiners(doc: Document, lang: str) -> set[str]:
    """The small words a name may hold between its capitalised words ("of", "voor een")."""
    key = f"name joiners {lang}"
    if key not in doc.memo:
        table = doc.tables[lang]
        doc.memo[key] = {fold(w) for w in (*table.articles, *table.conjunctions,
                                           *table.name_particles, *table.stop_words)}
    joiners: set[str] = doc.memo[key]
    return joiners


def _trimmed(run: list[Token]) -> list[Token]:
    """A name without the small words at its ends ("the", "de")."""
    while run and not (run[-1].content and run[-1].surface[:1].isupper()):
        run = run[:-1]
    while run and not (run[0].content and run[0].surface[:1].isupper()):
        run = run[1:]
    return run


def _name_variants(doc: Document, lang: str, found: list[Occurrence]) -> Iterator[Finding]:
    written: dict[str, list[Occurrence]] = defaultdict(list)
    for occurrence in found:
        written[fold(" ".join(occurrence.phrase.split()))].append(occurrence)
    if len(written) < 2:
        return
    ranked = sorted(written.values(), key=lambda o: (-len(o), doc_position(doc, o[0].pair.id)))
    other = doc.other(lang)
    first = min((o[0] for o in ranked[1:]), key=lambda o: doc_position(doc, o.pair.id))
    # Every place the name stands, in any of its spellings, whether or not the other language
    # names it there too (it may use the acronym): a reviser corrects them all.
    places = _every_place(doc, lang, [o[0].phrase for o in ranked])
    ways = "; ".join(f"«{phrase}» ({', '.join(ids)})" for phrase, ids in places.items())
    if len(places) < 2:
        return
    yield Finding(
        first.pair.id, first.pair.type, "name-consistency", Severity.warning,
        f"one name, «{ranked[0][0].rendered}» in {other}, is written {len(places)} ways in "
        f"{lang}: {ways}",
        {lang: ways, other: excerpt(first.pair[other]["text"], *first.rendered_span, width=80)},
        key=f"{lang}:{'|'.join(sorted(first.rendering))}",
        spans={lang: [first.span], other: [first.rendered_span]},
    )


def _every_place(doc: Document, lang: str, spellings: list[str]) -> dict[str, list[str]]:
    """Where each way of writing a name stands in the language's records, by the way it is
    written there (spaces aside; a cover's capitals are their own way); a word may differ by its
    plural ("Drug" / "Drugs"), which is another way."""
    patterns = []
    for spelling in spellings:
        words = [re.escape(w.rstrip("sS")) for w in spelling.split()]
        patterns.append(re.compile(r"(?<!\w)" + r"\s+".join(f"{w}[sS]?" for w in words)
                                   + r"(?!\w)", re.IGNORECASE))
    found: dict[str, list[str]] = {}
    for record in doc.versions[lang]:
        taken: list[tuple[int, int]] = []
        for pattern in patterns:
            for match in pattern.finditer(record["text"]):
                if any(s < match.end() and match.start() < e for s, e in taken):
                    continue
                taken.append(match.span())
                ids = found.setdefault(" ".join(match.group().split()), [])
                if record["id"] not in ids:
                    ids.append(record["id"])
    return found or {spelling: [] for spelling in spellings}


def doc_position(doc: Document, record_id: str) -> int:
    if "positions" not in doc.memo:
        doc.memo["positions"] = {r["id"]: i for i, r in enumerate(doc.versions[doc.langs[0]])}
    return doc.memo["positions"].get(record_id, 10**9)
