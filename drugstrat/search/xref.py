"""Cross-references: what a record is connected to, the target groups of the strategy, and
EN <-> NL term pairs."""

from __future__ import annotations

import re
from collections import Counter

from drugstrat.glossary import Glossary
from drugstrat.lang import LANGUAGES
from drugstrat.search.index import so_number
from drugstrat.store import KB
from drugstrat.textutil import fold, words

OBJECTIVE_TYPES = ("strategic_objective", "specific_objective")


def _brief(kb: KB, record_id: str) -> dict:
    versions = kb.get(record_id)
    return {"id": record_id, "type": kb.type_of(record_id),
            **{code: record["text"] for code, record in versions.items()}}


def xref(kb: KB, record_id: str, glossary: Glossary) -> dict:
    """Everything connected to one record."""
    versions = kb.get(record_id)
    some = kb.record(record_id)
    parent = some.get("parent")
    children = kb.children(record_id)
    groups = [c for c in children if kb.type_of(c) == "target_group"]
    clusters = target_groups(kb)
    same_groups = []
    for group_id in groups:
        cluster = next((c for c in clusters if group_id in c["members"]), None)
        if cluster:
            same_groups.extend(m["source"] for m in cluster["mentions"]
                               if m["source"] != record_id)
    cites = sorted({n for r in versions.values() for n in r.get("cites", ())})
    cited_by = sorted({i for r in versions.values() for i in r.get("cited_by", ())},
                      key=kb.ids.index)
    return {
        "id": record_id,
        "type": some["type"],
        "records": {code: r["text"] for code, r in versions.items()},
        "missing_in": [code for code in kb.langs if code not in versions],
        "parent": _brief(kb, parent) if parent and kb.get(parent) else None,
        "children": [_brief(kb, c) for c in children if c not in groups],
        "target_groups": [_brief(kb, g) for g in groups],
        "same_groups": [_brief(kb, i) for i in dict.fromkeys(same_groups)],
        "endnotes": [_brief(kb, f"n{n}") for n in cites if kb.get(f"n{n}")],
        "cited_by": [_brief(kb, i) for i in cited_by],
        "shared_terms": shared_terms(kb, record_id, glossary),
    }


def shared_terms(kb: KB, record_id: str, glossary: Glossary, limit: int = 8) -> list[dict]:
    """Objectives that share this record's key terms (glossary terms, in either language)."""
    def terms_of(other_id: str) -> set[str]:
        found = set()
        for code, record in kb.get(other_id).items():
            for term in glossary.terms:
                if term.found(code, record["text"]):
                    found.add(term.label("en"))
        return found

    mine = terms_of(record_id)
    if not mine:
        return []
    scored = []
    for other_id in kb.ids:
        if other_id == record_id or kb.type_of(other_id) not in OBJECTIVE_TYPES:
            continue
        common = mine & terms_of(other_id)
        if common:
            scored.append((len(common), other_id, sorted(common)))
    scored.sort(key=lambda item: (-item[0], kb.ids.index(item[1])))
    return [{"id": other_id, "terms": common} for _, other_id, common in scored[:limit]]


def _name_key(text: str, lang: str) -> str:
    """A group's name for comparing: folded, without a leading article."""
    tokens = words(fold(text))
    table = LANGUAGES.get(lang)
    if table and tokens and tokens[0] in table.articles:
        tokens = tokens[1:]
    return " ".join(tokens)


def target_groups(kb: KB) -> list[dict]:
    """The target groups of the strategy, each named once per language, with every place that
    names it and the objectives those places belong to.

    A group's mentions are linked when they are translations of each other (same id) or carry
    the same name in a language, so "young people" / "jongeren" is one group wherever named.
    """
    mentions = kb.of_type("target_group")
    parent = {i: i for i in mentions}

    def find(i: str) -> str:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    by_name: dict[tuple[str, str], str] = {}
    for mention in mentions:
        for code, record in kb.get(mention).items():
            key = (code, _name_key(record["text"], code))
            if key in by_name:
                parent[find(mention)] = find(by_name[key])
            else:
                by_name[key] = mention
    clusters: dict[str, list[str]] = {}
    for mention in mentions:
        clusters.setdefault(find(mention), []).append(mention)
    out = []
    for members in clusters.values():
        names = {code: Counter() for code in kb.langs}
        for mention in members:
            for code, record in kb.get(mention).items():
                names[code][record["text"]] += 1
        sources = []
        for mention in members:
            source = kb.record(mention)["parent"]
            sources.append({"group": mention, "source": source,
                            "so": so_number(kb, source)})
        # The strategic objectives whose text names the group, and the specific objectives
        # that name it themselves.
        objectives = [f"SO{n}" for n in sorted({s["so"] for s in sources if s["so"]})]
        objectives += sorted({s["source"] for s in sources
                              if kb.type_of(s["source"]) == "specific_objective"},
                             key=kb.ids.index)
        out.append({
            "names": {code: [n for n, _ in counter.most_common()] for code, counter in
                      names.items()},
            "members": members,
            "mentions": sources,
            "so": sorted({s["so"] for s in sources if s["so"] is not None}),
            "objectives": objectives,
        })
    out.sort(key=lambda c: (-len(c["mentions"]), kb.ids.index(c["members"][0])))
    return out


def term_pairs(kb: KB, glossary: Glossary, query: str, limit: int = 5) -> list[dict]:
    """EN <-> NL pairs for a term: from the glossary, and mined from the aligned records (the
    words of the other language that occur where the term occurs, and seldom elsewhere)."""
    from rapidfuzz import fuzz

    wanted = " ".join(words(fold(query)))
    pairs = []
    for term in glossary.terms:
        forms = [fold(f.strip("*")) for fs in term.forms.values() for f in fs]
        if any(wanted in f or f in wanted or fuzz.ratio(wanted, f) >= 85 for f in forms):
            pairs.append({"source": "glossary",
                          **{code: [f.strip("*") for f in term.forms.get(code, ())]
                             for code in kb.langs}, "records": []})
    pairs.extend(_mined_pairs(kb, wanted, limit))
    return pairs


def _mined_pairs(kb: KB, wanted: str, limit: int) -> list[dict]:
    if len(kb.langs) < 2 or not wanted:
        return []
    from drugstrat.search.stem import stem

    # Stems, so that "prisons" also finds "prison": each word may take an ending.
    stems = [min((stem(w, lang) for lang in LANGUAGES.values()), key=len) for w in
             wanted.split()]
    pattern = re.compile(r"(?<!\w)" + r"\w*\s+".join(re.escape(s) for s in stems))
    holding = {code: {r["id"] for r in kb.versions[code] if pattern.search(fold(r["text"]))}
               for code in kb.langs}
    source = max(kb.langs, key=lambda code: len(holding[code]))
    if not holding[source]:
        return []
    out = []
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
                        "records": sorted(ids, key=kb.ids.index)})
    return out
