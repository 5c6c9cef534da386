"""A term and its translations: the glossary's first (a person curated them), then what the
lexicon learned from the aligned records — for one word, its translations with their scores; for
a phrase, the way the aligned records render it, each rendering with the records that use it.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from typing import Any

from drugstrat.kb.store import KB
from drugstrat.languages import language
from drugstrat.terms.glossary import Glossary
from drugstrat.terms.lexicon import Lexicon
from drugstrat.terms.links import link
from drugstrat.terms.rendering import render
from drugstrat.terms.tokens import Token, tokenize
from drugstrat.text.fold import fold

MIN_SCORE = 0.1  # lexicon translations shown
SHOWN = 5


def term_pairs(kb: KB, glossary: Glossary, lexicons: list[Lexicon], query: str,
               limit: int = SHOWN) -> list[dict[str, Any]]:
    """Rows of `{source, <lang>: [words], score, records}`, the glossary's first."""
    from rapidfuzz import fuzz

    wanted = " ".join(fold(query).split())
    rows: list[dict[str, Any]] = []
    for term in glossary.terms:
        forms = [fold(f.strip("*")) for fs in term.forms.values() for f in fs]
        if any(wanted == f or fuzz.ratio(wanted, f) >= 90 for f in forms):
            rows.append({"source": "glossary", **{
                code: [f.strip("*") for f in term.forms.get(code, ())] for code in kb.langs},
                "score": None, "records": []})
    for lexicon in lexicons:
        rows.extend(_renderings(kb, lexicon, query, limit))
    return rows


def _renderings(kb: KB, lexicon: Lexicon, query: str, limit: int) -> list[dict[str, Any]]:
    """How the records holding the query in one language render it in the other: the words
    linked to its words, counted over the records (the query's language is the one where it is
    found)."""
    out: list[dict[str, Any]] = []
    for source in lexicon.langs:
        target = lexicon.other(source)
        table = language(source)
        wanted = [t for t in tokenize(query, table, lexicon.compounds.get(source)) if t.content]
        if not wanted:
            continue
        keys = {k for t in wanted for k in t.keys}
        found: Counter[str] = Counter()
        places: dict[str, list[str]] = defaultdict(list)
        written: dict[str, Counter[str]] = defaultdict(Counter)  # rendering -> as written
        phrases: Counter[str] = Counter()
        for record_id in kb.ids:
            versions = kb.get(record_id)
            if source not in versions or target not in versions:
                continue
            mine = tokenize(versions[source]["text"], table, lexicon.compounds.get(source))
            run = _occurrence(mine, keys)
            if run is None:
                continue
            theirs = tokenize(versions[target]["text"], language(target),
                              lexicon.compounds.get(target))
            forward = source == lexicon.langs[0]
            links = link(*((mine, theirs) if forward else (theirs, mine)), lexicon)
            rendered = render([mine[i] for i in sorted(run)], theirs, versions[target]["text"],
                              links, forward, lexicon)
            if rendered is None:
                continue  # no rendering, or words scattered over the other text
            # Counted by its stems (inflections are one rendering), shown as written.
            key, rendering = " ".join(rendered.keys), rendered.text
            found[key] += 1
            written[key][rendering] += 1
            places[key].append(record_id)
            own_text = versions[source]["text"]
            phrases[own_text[mine[min(run)].start:mine[max(run)].end]] += 1
        total = sum(found.values())
        if not total:
            continue
        phrase = phrases.most_common(1)[0][0]
        for key, count in found.most_common(limit):
            out.append({"source": "aligned records", source: [phrase],
                        target: [written[key].most_common(1)[0][0]],
                        "score": round(count / total, 3), "records": places[key]})
        if out:
            break  # the query is of this language
    return out


def _occurrence(tokens: list[Token], keys: set[str]) -> set[int] | None:
    """The token indices of the shortest run of words holding every key of the query (its
    words, or the parts of a compound it is), or None."""
    best: set[int] | None = None
    for start, first in enumerate(tokens):
        if not set(first.keys) & keys:
            continue
        covered: set[str] = set()
        run: set[int] = set()
        for token in tokens[start:start + 2 * len(keys) + 1]:
            if set(token.keys) & keys:
                covered |= set(token.keys) & keys
                run.add(token.position)
            elif token.content or token.number:
                break  # another word between: not the term
            if covered == keys:
                if best is None or max(run) - min(run) < max(best) - min(best):
                    best = set(run)
                break
    return best

