"""What a reviser found reading afresh, and how much of it `drugstrat diff` flags.

    python benchmarks/reviser.py                                   # the bundled pair
    python benchmarks/reviser.py --read benchmarks/data/fresh-read-so1-3.yaml --show 10
    python benchmarks/reviser.py --data DIR --json

A reviser's list (`benchmarks/data/*.yaml`: each item a verbatim quote from each version, its
kind and gravity) was written by someone who saw only the two texts. Each quote is found in the
knowledge base's records (emphasis marks aside); an item is **flagged** when a finding of
`drugstrat diff` about that record marks, in either language, a span overlapping the quote and
not much longer than it (a span over a whole sentence or record overlaps every quote in it and
points at none). Folded findings count as their own. The script prints each item with what flagged
it, then the share flagged by kind, at any severity and at warning or above.

The matching is mechanical, so read the list it prints: a finding may overlap an item's quote
and be about something else. That is why it prints the check and message of each match.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from drugstrat.diff.model import Finding, Severity  # noqa: E402
from drugstrat.diff.review import review  # noqa: E402
from drugstrat.kb import store  # noqa: E402
from drugstrat.kb.paths import bundled_data_dir  # noqa: E402
from drugstrat.storage.yamlfile import load as load_yaml  # noqa: E402

# A span points at the quote when it overlaps it and is not much longer: a span over a whole
# sentence or record (the other version's side of a modal or a paragraph finding) overlaps
# every quote in it and points at none.
POINTED = 3  # times the quote's length (plus a word's worth) a pointing span may measure
WORD = 20


def located(kb: store.KB, lang: str, quote: str) -> tuple[str, tuple[int, int]] | None:
    """The record holding the quote (emphasis marks removed) and where in its text."""
    quote = quote.replace("**", "").replace("*", "").strip()
    if not quote:
        return None
    for record in kb.versions.get(lang, []):
        if record["type"] == "target_group":
            continue
        at = record["text"].find(quote)
        if at >= 0:
            return record["id"], (at, at + len(quote))
    return None


def flags(finding: Finding, lang: str, record_id: str, place: tuple[int, int]) -> bool:
    if finding.id != record_id:
        return False
    longest = POINTED * (place[1] - place[0]) + WORD
    return any(end - start <= longest and start < place[1] and place[0] < end
               for start, end in finding.spans.get(lang, []))


def measure(kb: store.KB, items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    report = review(kb)
    findings = [f for top in report.findings for f in (top, *top.related)]
    results = []
    for item in items:
        places = {lang: located(kb, lang, str(item.get(lang, ""))) for lang in kb.langs}
        hits = [f for f in findings for lang, where in places.items() if where is not None
                and flags(f, lang, where[0], where[1])]
        hits = list({f.finding_id: f for f in hits}.values())
        best = max(hits, key=lambda f: f.severity.rank, default=None)
        results.append({
            "n": item["n"], "kind": item["kind"], "severity": item["severity"],
            "place": item.get("place", ""),
            "found": {lang: where[0] for lang, where in places.items() if where},
            "flagged": best is not None,
            "at_warning": best is not None and best.severity >= Severity.warning,
            "by": [f"{f.severity.name} {f.check}: {f.message}" for f in hits],
        })
    return results


def table(results: list[dict[str, Any]]) -> str:
    kinds = Counter(r["kind"] for r in results)
    flagged = Counter(r["kind"] for r in results if r["flagged"])
    warned = Counter(r["kind"] for r in results if r["at_warning"])
    lines = [f"{'kind':<12}{'items':>6}{'flagged':>9}{'share':>8}{'warning+':>10}"]
    for kind in sorted(kinds):
        lines.append(f"{kind:<12}{kinds[kind]:>6}{flagged[kind]:>9}"
                     f"{flagged[kind] / kinds[kind]:>8.0%}{warned[kind]:>10}")
    total, hit = len(results), sum(flagged.values())
    lines.append(f"{'all':<12}{total:>6}{hit:>9}{hit / total:>8.0%}{sum(warned.values()):>10}")
    unplaced = [r["n"] for r in results if not r["found"]]
    if unplaced:
        lines.append(f"quotes found in no record: items {', '.join(map(str, unplaced))}")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--read", type=Path, action="append",
                        help="a reviser's list (default: every list in benchmarks/data)")
    parser.add_argument("--data", type=Path, help="knowledge base (default: the bundled one)")
    parser.add_argument("--show", type=int, default=0, help="print the first N items' matches")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    kb = store.load(args.data or bundled_data_dir())
    reads = args.read or sorted((ROOT / "benchmarks" / "data").glob("fresh-read-*.yaml"))
    for read in reads:
        items = load_yaml(read)["items"]
        results = measure(kb, items)
        if args.json:
            print(json.dumps({"read": read.name, "items": results}, ensure_ascii=False))
            continue
        print(f"{read.name}: {len(items)} items a reviser found")
        print(table(results))
        for r in results[:args.show]:
            said = "; ".join(r["by"]) if r["by"] else "-"
            print(f"  {r['n']:>3} {r['kind']:<9} {r['severity']:<6} {r['place']:<12} {said}")


if __name__ == "__main__":
    main()
