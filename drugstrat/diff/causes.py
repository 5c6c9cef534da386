"""One cause, one finding: findings of different checks about the same words of a record (a
typo also missing a glossary term, an added list item also seen by the glossary and the word
links, a merged paragraph that also changes a paragraph count) become the finding of the check
that names the cause best, carrying the others as related evidence."""

from __future__ import annotations

from drugstrat.diff.model import Finding

# Which check names a cause best, first first.
PRECEDENCE = (
    "spelling", "capitalisation", "names", "numbers", "footnotes", "untranslated", "missing",
    "merged",
    "enumeration", "title-items", "repeated-words", "stray-article", "negation", "modality",
    "mistranslation", "omission",
    "glossary",
    "acronyms", "urls",
    "term-consistency", "name-consistency", "open-list", "parenthetical", "brackets",
    "paragraph-count", "list-count", "order", "length-ratio", "sentence-count", "emphasis",
)


def merge_causes(findings: list[Finding]) -> list[Finding]:
    """The findings with those of one cause folded into one, in their original order."""
    parent = list(range(len(findings)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    by_record: dict[tuple[str, str], list[int]] = {}
    for i, finding in enumerate(findings):
        by_record.setdefault((finding.pair, finding.id), []).append(i)
    for indices in by_record.values():
        for n, i in enumerate(indices):
            for j in indices[n + 1:]:
                if _overlap(findings[i], findings[j]):
                    parent[find(j)] = find(i)
    # A paragraph merged by the translation is why its section counts one paragraph less.
    merged_parents = {(f.pair, f.id.rsplit(".p", 1)[0]): i for i, f in enumerate(findings)
                      if f.check == "merged" and ".p" in f.id}
    for i, finding in enumerate(findings):
        if finding.check == "paragraph-count" and (finding.pair, finding.id) in merged_parents:
            parent[find(i)] = find(merged_parents[finding.pair, finding.id])
    clusters: dict[int, list[int]] = {}
    for i in range(len(findings)):
        clusters.setdefault(find(i), []).append(i)
    primary_of = {}
    for members in clusters.values():
        best = min(members, key=lambda i: (-findings[i].severity.rank, _rank(findings[i].check), i))
        primary_of[best] = [findings[i] for i in members if i != best]
    out = []
    for i, finding in enumerate(findings):
        if i in primary_of:
            out.append(finding.with_related(primary_of[i]))
    return out


def _rank(check: str) -> int:
    return PRECEDENCE.index(check) if check in PRECEDENCE else len(PRECEDENCE)


# Checks whose findings on words side by side are one cause: the capitals of one title
# («globaal en geïntegreerd Drugsbeleid») are one point to a reviser, not one per word.
SIDE_BY_SIDE = frozenset({"capitalisation"})


def _overlap(a: Finding, b: Finding) -> bool:
    # Words side by side have one space between them: spans that close to each other meet.
    slack = 2 if a.check == b.check and a.check in SIDE_BY_SIDE else 0
    for lang, spans in a.spans.items():
        for start, end in spans:
            if any(start < e + slack and s < end + slack for s, e in b.spans.get(lang, ())):
                return True
    return False
