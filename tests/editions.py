"""Measuring the tool on an edition it was not built on (`tests/data/editions/`): how much of it
aligns to the reference, which list lead-ins the parser had to guess, and how many of the errors
an independent translator planted `diff` finds — with how much noise.

    python -m tests.editions fr-be        # prints the figures (also run by tests/test_editions.py)

A planted error is found when a finding at warning or above, absent from the clean edition's
run, lands on the record holding the planted line (or on its list or section, for a dropped
item). An edition may cover part of the document: findings about what it leaves out altogether
(a strategic objective it does not translate) are set apart, not counted. A finding is noise
when it is at warning or above, on a part the edition covers, and on no planted record; one
that says the reference text writes a name two ways is about the reference, and counted apart.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from pathlib import Path

from ruamel.yaml import YAML

from drugstrat.diff.model import Finding, Severity
from drugstrat.diff.review import review
from drugstrat.kb import build as kb
from drugstrat.kb import store

HERE = Path(__file__).resolve().parent
EDITIONS = HERE / "data" / "editions"
BUNDLED = HERE.parent / "data"


@dataclass
class Planted:
    kind: str
    line: int
    record: str = ""  # the id of the record holding the line, once built
    found_by: list[str] = field(default_factory=list)


@dataclass
class Measure:
    lang: str
    records: int
    aligned: int
    warnings: list[str]
    planted: list[Planted]
    findings: list[Finding]  # at warning or above, on the covered parts of the edition
    noise: list[Finding]  # those on no planted record
    clean_noise: list[Finding]  # at warning or above, on the clean edition's covered parts
    uncovered: list[Finding] = field(default_factory=list)  # about parts it leaves out

    @property
    def alignment(self) -> float:
        return self.aligned / self.records if self.records else 0.0

    def recall(self, typos: bool) -> tuple[int, int]:
        chosen = [p for p in self.planted if (p.kind == "typo") == typos]
        return sum(bool(p.found_by) for p in chosen), len(chosen)

    @property
    def precision(self) -> float:
        if not self.findings:
            return 1.0
        return 1 - len(self.noise) / len(self.findings)


def edition_files(name: str) -> tuple[str, Path, Path, Path]:
    folder = EDITIONS / name
    clean = next(p for p in folder.glob("strategie.*.txt"))
    lang = clean.suffixes[-2].lstrip(".")
    return lang, clean, folder / f"strategie-errors.{lang}.txt", folder / "planted.yaml"


def measure(name: str, work: Path) -> Measure:
    lang, clean, errors, key = edition_files(name)
    sources = {"en": next((BUNDLED / "en").glob("*.txt")),
               "nl": next((BUNDLED / "nl").glob("*.txt"))}
    clean_root, errors_root = work / f"{name}-clean", work / f"{name}-errors"
    report = kb.build({**sources, lang: clean}, clean_root)
    kb.build({**sources, lang: errors}, errors_root)
    built = report.languages[lang]
    pair = [("en", lang)]
    before = review(store.load(clean_root), pair).open
    after_kb = store.load(errors_root)
    after = review(after_kb, pair).open
    known = {(f.finding_id, tuple(f.evidence.values())) for f in before}
    covered = _covered(after_kb, lang)
    every = [f for f in after if f.severity >= Severity.warning]
    shown = [f for f in every if f.id in covered]
    fresh = [f for f in shown if (f.finding_id, tuple(f.evidence.values())) not in known]
    planted = [Planted(entry["kind"], int(entry["line"]))
               for entry in YAML(typ="safe").load(key.read_text(encoding="utf-8"))["errors"]]
    lines = sorted((r.get("line", 0), r["id"]) for r in after_kb.records(lang)
                   if r["type"] != "target_group")
    for p in planted:
        p.record = max(((line, i) for line, i in lines if line <= p.line), default=(0, ""))[1]
        near = {p.record, *_around(after_kb, p.record)}
        p.found_by = [f.finding_id for f in fresh if f.id in near]
    on_planted = {i for p in planted for i in (p.record, *_around(after_kb, p.record))}
    return Measure(
        lang, len(built.records), sum(r.get("aligned", True) for r in built.records),
        [w.format(clean.name) for w in built.warnings], planted, shown,
        [f for f in shown if f.id not in on_planted and not _about_reference(f)],
        [f for f in before if f.severity >= Severity.warning and f.id in covered],
        [f for f in every if f.id not in covered])


def _covered(built: store.KB, lang: str) -> set[str]:
    """The ids under a top-level part (a section, a strategic objective) the edition has."""
    def top(record_id: str) -> str:
        seen = set()
        current = record_id
        while (record := built.record(current)) and record.get("parent") and current not in seen:
            seen.add(current)
            parent = record["parent"]
            if built.type_of(parent) in (None, "section") and built.type_of(current) != "section":
                return current if built.type_of(current) == "strategic_objective" else parent
            current = parent
        return current

    present = {top(i) for i in built.ids if lang in built.get(i)}
    return {i for i in built.ids if top(i) in present} | {"list"}


def _about_reference(finding: Finding) -> bool:
    """A name-consistency finding about how the reference text writes a name."""
    return finding.check == "name-consistency" and f"ways in {finding.langs[0]}" in \
        finding.message


def _around(built: store.KB, record_id: str) -> list[str]:
    """Where a dropped or added record's absence shows: its parent (a list count, a section)
    and its neighbours in the reference."""
    record = built.record(record_id)
    out = [record["parent"]] if record and record.get("parent") else []
    if record_id in built.ids:
        at = built.ids.index(record_id)
        out += built.ids[max(0, at - 1):at + 2]
    return out


def report(name: str, work: Path) -> Measure:
    m = measure(name, work)
    found, planted = m.recall(typos=False)
    typos, typo_total = m.recall(typos=True)
    print(f"{name}: {m.aligned}/{m.records} records aligned ({m.alignment:.1%}); "
          f"{len(m.warnings)} parser warning(s)")
    for warning in m.warnings:
        print(f"  {warning}")
    about_reference = sum(_about_reference(f) for f in m.findings)
    print(f"  discrepancies found {found}/{planted}, typos {typos}/{typo_total}; "
          f"{len(m.findings)} finding(s) at warning or above on the parts it covers "
          f"({about_reference} about the reference text), {len(m.noise)} noise (precision "
          f"{m.precision:.0%}); clean edition: {len(m.clean_noise)}; {len(m.uncovered)} about "
          f"parts it does not cover")
    for p in m.planted:
        print(f"  {'✓' if p.found_by else '✗'} {p.kind:18} line {p.line:4} {p.record:12} "
              f"{', '.join(p.found_by)}")
    for f in m.noise:
        print(f"  noise: {f.id} {f.check} {f.severity.name}: {f.message[:110]}")
    return m


if __name__ == "__main__":
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        for edition in sys.argv[1:] or ["fr-be"]:
            report(edition, Path(tmp))
