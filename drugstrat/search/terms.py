"""Term pairs across the languages: from the glossary, and mined from the aligned records."""

from __future__ import annotations

import re
from typing import Any

from drugstrat.kb.store import KB
from drugstrat.languages import LANGUAGES
from drugstrat.terms.glossary import Glossary
from drugstrat.text.fold import fold
from drugstrat.text.stem import stem
from drugstrat.text.words import words


def term_pairs(kb: KB, glossary: Glossary, query: str,
               limit: int = 5) -> list[dict[str, Any]]:
    """Pairs of a term and its translations: from the glossary, and mined from the aligned
    records (the words of the other language that occur where the term occurs, and seldom
    elsewhere)."""
    from rapidfuzz import fuzz

    wanted = " ".join(words(fold(query)))
    pairs: list[dict[str, Any]] = []
    for term in glossary.terms:
        forms = [fold(f.strip("*")) for fs in term.forms.values() for f in fs]
        if any(wanted in f or f in wanted or fuzz.ratio(wanted, f) >= 85 for f in forms):
            pairs.append({"source": "glossary",
                          **{code: [f.strip("*") for f in term.forms.get(code, ())]
                             for code in kb.langs}, "records": []})
    pairs.extend(_mined_pairs(kb, wanted, limit))
    return pairs


def _mined_pairs(kb: KB, wanted: str, limit: int) -> list[dict[str, Any]]:
    if len(kb.langs) < 2 or not wanted:
        return []
    # Stems, so that "prisons" also finds "prison": each word may take an ending.
    stems = [min((stem(w, lang) for lang in LANGUAGES.values()), key=len) for w in
             wanted.split()]
    pattern = re.compile(r"(?<!\w)" + r"\w*\s+".join(re.escape(s) for s in stems))
    holding = {code: {r["id"] for r in kb.versions[code] if pattern.search(fold(r["text"]))}
               for code in kb.langs}
    source = max(kb.langs, key=lambda code: len(holding[code]))
    if not holding[source]:
        return []
    out: list[dict[str, Any]] = []
    for target in kb.langs:
        if target == source:
            continue
        stop = LANGUAGES[target].function_words if target in LANGUAGES else frozenset()
        counts: dict[str, set[str]] = {}
        for record in kb.versions[target]:
            tokens = [w for w in words(fold(record["text"])) if not w.isdigit()]
            grams = {w for w in tokens if w not in stop and len(w) > 3}
            grams |= {f"{a} {b}" for a, b in zip(tokens, tokens[1:], strict=False)
                      if a not in stop and b not in stop and len(a) > 2 and len(b) > 2}
            for gram in grams:
                counts.setdefault(gram, set()).add(record["id"])
        scored = []
        for gram, ids in counts.items():
            both = len(ids & holding[source])
            # One shared record says nothing: every word of it would pair with the term.
            if both >= 2:
                dice = 2 * both / (len(holding[source]) + len(ids))
                scored.append((dice, both, gram, ids & holding[source]))
        scored.sort(key=lambda item: (-item[0], -item[1], item[2]))
        for dice, _, gram, ids in scored[:limit]:
            out.append({"source": "aligned records", source: [wanted], target: [gram],
                        "score": round(dice, 3),
                        "records": sorted(ids, key=kb.position)})
    return out
