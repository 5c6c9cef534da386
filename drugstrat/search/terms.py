"""A term and its translations: the glossary's first (a person curated them), then what the
lexicon learned from the aligned records — the ways the aligned records render the term, each
with the records that use it and how far they can be trusted.

A rendering's score is the lower bound of the Wilson interval (95 %) of its share of the
independent records where the term stands: records, not mentions — a target group named inside
a paragraph is that paragraph, the items of one list are one list — so one record, or one list,
never makes a rendering certain (one record of one: 0.21; four of four: 0.51). `attested` says
whether a glossary or a general dictionary vouches for every word pair of it.

Rows have the side-by-side shape (`drugstrat.kb.rows`): each language's term or rendering as a
string, all its forms under `langs.<lang>.forms`.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from typing import Any

from drugstrat.kb.rows import row
from drugstrat.kb.store import KB
from drugstrat.languages import language
from drugstrat.terms.glossary import Glossary
from drugstrat.terms.lexicon import Lexicon
from drugstrat.terms.links import link
from drugstrat.terms.rendering import render
from drugstrat.terms.tokens import Token, tokenize
from drugstrat.text.fold import fold

SHOWN = 5
Z = 1.96  # the Wilson interval's, at 95 %


def term_pairs(kb: KB, glossary: Glossary, lexicons: list[Lexicon], query: str,
               limit: int = SHOWN) -> list[dict[str, Any]]:
    """Side-by-side rows `{source, <lang>: term, score, support, seen, attested, records,
    langs: {<lang>: {forms}}}`, the glossary's first."""
    from rapidfuzz import fuzz

    wanted = " ".join(fold(query).split())
    rows: list[dict[str, Any]] = []
    for term in glossary.terms:
        forms = [fold(f.strip("*")) for fs in term.forms.values() for f in fs]
        if any(wanted == f or fuzz.ratio(wanted, f) >= 90 for f in forms):
            written = {code: [f.strip("*") for f in term.forms.get(code, ())]
                       for code in kb.langs}
            rows.append(_row(kb.langs, written, {"source": "glossary", "score": None,
                                                 "support": None, "seen": None,
                                                 "attested": True, "records": []}))
    for lexicon in lexicons:
        rows.extend(_renderings(kb, lexicon, query, limit))
    return rows


def _row(langs: list[str], written: dict[str, list[str]],
         fields: dict[str, Any]) -> dict[str, Any]:
    source = {"source": fields.pop("source")}
    return row({code: written[code][0] if written.get(code) else None for code in langs},
               {**fields}, {code: {"forms": written.get(code, [])} for code in langs},
               identity=source)


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
        linked: dict[str, tuple[str, ...]] = {}  # rendering -> its keys
        phrases: Counter[str] = Counter()
        seen: list[str] = []  # the aligned records holding the term
        for record_id in kb.ids:
            versions = kb.get(record_id)
            if source not in versions or target not in versions:
                continue
            mine = tokenize(versions[source]["text"], table, lexicon.compounds.get(source))
            run = _occurrence(mine, keys)
            if run is None:
                continue
            seen.append(record_id)
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
            linked[key] = rendered.keys
            own_text = versions[source]["text"]
            phrases[own_text[mine[min(run)].start:mine[max(run)].end]] += 1
        if not found:
            continue
        phrase = phrases.most_common(1)[0][0]
        among = independent(kb, seen)
        for key, _ in found.most_common(limit):
            support = independent(kb, places[key])
            vouched = all(any((f"{q}\t{r}" if source == lexicon.langs[0] else f"{r}\t{q}")
                              in lexicon.attested for q in keys) for r in linked[key])
            out.append(_row(kb.langs, {source: [phrase],
                                       target: [written[key].most_common(1)[0][0]]},
                            {"source": "aligned records",
                             "score": round(wilson(support, among), 3), "support": support,
                             "seen": among, "attested": vouched, "records": places[key]}))
        out.sort(key=lambda r: -r["score"])
        if out:
            break  # the query is of this language
    return out


def independent(kb: KB, record_ids: list[str]) -> int:
    """How many independent records these are: a record inside another of them (a target
    group in its paragraph) is that one, and the items of one list are one list."""
    held = set(record_ids)
    units = set()
    for record_id in record_ids:
        record = kb.record(record_id)
        ancestor = record.get("parent") if record else None
        seen = {record_id}
        while ancestor and ancestor not in held and ancestor not in seen:
            seen.add(ancestor)
            parent = kb.record(ancestor)
            ancestor = parent.get("parent") if parent else None
        if ancestor in held:
            continue
        units.add((record.get("in_list") if record else None) or record_id)
    return len(units)


def wilson(successes: int, trials: int) -> float:
    """The lower bound of the Wilson score interval of a share: how large it surely is."""
    if not trials:
        return 0.0
    share = successes / trials
    z2 = Z * Z
    centre = share + z2 / (2 * trials)
    spread = Z * math.sqrt(share * (1 - share) / trials + z2 / (4 * trials * trials))
    return max(0.0, (centre - spread) / (1 + z2 / trials))


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

