"""The target groups of the strategy: every place that names a group, linked across the
document and the languages, with the objectives those places belong to."""

from __future__ import annotations

from collections import Counter
from typing import Any, TypedDict

from drugstrat import ids
from drugstrat.kb.store import KB
from drugstrat.languages import LANGUAGES
from drugstrat.text.fold import fold
from drugstrat.text.words import words


class Mention(TypedDict):
    group: str  # the target_group record
    source: str  # the record naming it
    so: int | None  # the strategic objective that record belongs to


class Cluster(TypedDict):
    names: dict[str, list[str]]  # lang -> the names used, most frequent first
    members: list[str]
    mentions: list[Mention]
    so: list[int]
    objectives: list[str]  # strategic objectives, then the specific objectives naming it


def _name_key(text: str, lang: str) -> str:
    """A group's name for comparing: folded, without a leading article."""
    tokens = words(fold(text))
    table = LANGUAGES.get(lang)
    if table and tokens and tokens[0] in table.articles:
        tokens = tokens[1:]
    return " ".join(tokens)


def target_groups(kb: KB) -> list[Cluster]:
    """Each target group once, with every place that names it.

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
    out: list[Cluster] = []
    for members in clusters.values():
        names: dict[str, Counter[str]] = {code: Counter() for code in kb.langs}
        for mention in members:
            for code, record in kb.get(mention).items():
                names[code][record["text"]] += 1
        sources: list[Mention] = []
        for mention in members:
            named = kb.record(mention)
            source = named.get("parent", "") if named else ""
            sources.append(Mention(group=mention, source=source,
                                   so=kb.objective_number(source)))
        numbers = sorted({s["so"] for s in sources if s["so"] is not None})
        objectives = [ids.strategic(n) for n in numbers]
        objectives += sorted({s["source"] for s in sources
                              if kb.type_of(s["source"]) == "specific_objective"},
                             key=kb.position)
        out.append(Cluster(
            names={code: [n for n, _ in counter.most_common()] for code, counter in
                   names.items()},
            members=members, mentions=sources, so=numbers, objectives=objectives))
    out.sort(key=lambda c: (-len(c["mentions"]), kb.position(c["members"][0])))
    return out


def group_rows(kb: KB, matrix: bool = False, so: int | None = None) -> list[dict[str, Any]]:
    """One side-by-side row a group (`drugstrat.kb.rows`): its usual name in each language
    (all its names under `langs.<lang>.names`, most frequent first), and either where it is
    named (mentions, objectives, sources) or, with `matrix`, how often under each strategic
    objective. With `so`, only the groups named under that strategic objective."""
    from drugstrat.kb.rows import row

    objectives = kb.of_type("strategic_objective")
    rows = []
    for cluster in target_groups(kb):
        if so is not None and so not in cluster["so"]:
            continue
        names = {code: cluster["names"].get(code, []) for code in kb.langs}
        fields: dict[str, Any] = {}
        if matrix:
            for objective in objectives:
                number = kb.objective_number(objective)
                fields[objective] = sum(m["so"] == number for m in cluster["mentions"])
        else:
            fields["mentions"] = len(cluster["mentions"])
            fields["objectives"] = cluster["objectives"]
            fields["sources"] = [m["source"] for m in cluster["mentions"]]
        rows.append(row({code: found[0] if found else None for code, found in names.items()},
                        fields, {code: {"names": found} for code, found in names.items()}))
    return rows
