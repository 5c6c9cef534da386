"""`drugstrat diff` end to end: edited copies of the bundled texts, the bundled report itself,
accepting findings, and the command line."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from drugstrat import diff
from drugstrat.cli.commands import app
from drugstrat.diff.review import review
from drugstrat.kb import build as kb
from drugstrat.kb import store

from .conftest import EN_SOURCE, NL_SOURCE


def report_for(root: Path) -> list[dict]:
    """The findings of the knowledge base at `root`, as `drugstrat diff` computes them."""
    return [f.to_dict() for f in review(store.load(root)).findings]


@pytest.fixture(scope="module")
def bundled_report(bundled_kb: Path) -> list[dict]:
    """The bundled knowledge base's findings, computed once for the tests that only read them."""
    return report_for(bundled_kb)


def record_holding(root: Path, lang: str, fragment: str) -> str:
    """The id of the record whose text holds `fragment` (so tests name no positions)."""
    matches = [r["id"] for r in store.load(root).versions[lang]
               if fragment in r["text"] and r["type"] != "target_group"]
    assert len(matches) == 1, (fragment, matches)
    return matches[0]


NL = NL_SOURCE.read_text(encoding="utf-8")
EN = EN_SOURCE.read_text(encoding="utf-8")


def _drop_line(text: str, start: str) -> str:
    return "\n".join(line for line in text.split("\n") if not line.startswith(start))


def _cut_short(text: str, start: str) -> str:
    line = next(line for line in text.split("\n") if line.startswith(start))
    return text.replace(line, line.split(". ")[0] + ".")


def _english_sentence(text: str) -> str:
    old = "Ook bestrijden we de verspreiding van desinformatie en informatie die drugsproductie " \
          "en drugshandel positief in beeld brengt."
    new = "We are also combating the spreading of disinformation and of information that " \
          "portrays drug production and trafficking in a positive light."
    assert old in text
    return text.replace(old, new)


MUTATIONS = {
    # name: (edit of the Dutch text, fragment of the original Dutch record it touches, checks)
    "objective deleted": (lambda t: _drop_line(t, "- 3.7 "), None, {"missing"}),
    "number changed": (lambda t: t.replace("(Wet van 7 april 2023)", "(Wet van 7 april 2024)"),
                       "Wet van 7 april", {"numbers"}),
    "list item dropped": (lambda t: _drop_line(t, "- Psychoactieve medicatie"), None,
                          {"list-count", "missing", "merged"}),
    "footnote marker removed": (lambda t: t.replace("opgericht⁶", "opgericht"),
                                "Nationaal Drugscommissariaat opgericht", {"footnotes"}),
    "paragraph cut short": (lambda t: _cut_short(t, "Wanneer we kijken naar de recente"),
                            "Wanneer we kijken naar de recente", {"length-ratio"}),
    "sentence left in English": (_english_sentence, "drugsproductie en drugshandel positief",
                                 {"untranslated"}),
}
# Edits that change the document's structure are made alone; edits within one record each, in
# different records, are made together (one build), as a reviser meets them in one draft.
BATCHES = [["objective deleted"], ["list item dropped"], ["footnote marker removed"],
           ["number changed", "paragraph cut short", "sentence left in English"]]


@pytest.fixture(scope="module")
def edited_findings(tmp_path_factory, bundled_kb: Path, bundled_report) -> dict[str, list[dict]]:
    """For each edit, the findings of its batch's rebuilt knowledge base that the bundled one
    does not have."""
    before = {(f["id"], f["check"]) for f in bundled_report}
    new = {}
    for n, names in enumerate(BATCHES):
        text = NL
        for name in names:
            text = MUTATIONS[name][0](text)
        folder = tmp_path_factory.mktemp(f"edited{n}")
        edited = folder / "nl.txt"
        edited.write_text(text, encoding="utf-8")
        kb.build({"en": EN_SOURCE, "nl": edited}, folder / "kb")
        found = [f for f in report_for(folder / "kb") if (f["id"], f["check"]) not in before]
        new.update({name: found for name in names})
    return new


def test_edits_made_together_touch_different_records(bundled_kb):
    together = [MUTATIONS[name][1] for batch in BATCHES if len(batch) > 1 for name in batch]
    records = [record_holding(bundled_kb, "nl", fragment) for fragment in together]
    assert len(set(records)) == len(records)
    assert sorted(name for batch in BATCHES for name in batch) == sorted(MUTATIONS)


@pytest.mark.parametrize("name", list(MUTATIONS))
def test_each_kind_of_edit_is_caught_and_names_the_record(bundled_kb, edited_findings, name):
    _, fragment, checks = MUTATIONS[name]
    new = edited_findings[name]
    expected = {
        "objective deleted": "3.7",
        "list item dropped": "scope3",
    }.get(name) or record_holding(bundled_kb, "nl", fragment)
    # The finding is about the record, or (a list's count, a merge) names it in its message.
    assert any((f["id"] == expected or re.search(rf"\b{re.escape(expected)}\b", f["message"]))
               and f["check"] in checks for f in new), new


def test_the_bundled_report_has_evidence_for_every_finding(bundled_report):
    findings = bundled_report
    assert findings
    for finding in findings:
        assert finding["en"].strip() and finding["nl"].strip(), finding
        assert finding["message"] and finding["id"] and finding["severity"]


def test_the_bundled_report_holds_the_real_differences(bundled_report):
    found = {(f["id"], f["check"]) for f in bundled_report}
    # Endnote 7 of the Dutch version is in English.
    assert ("n7", "untranslated") in found
    # The Dutch SO 2 merges two English paragraphs: one cause, one finding, which also tells
    # that SO 2 counts a paragraph less.
    merged = next(f for f in bundled_report if (f["id"], f["check"]) == (
        "SO2.p2", "merged"))
    assert [r["check"] for r in merged["related"]] == ["paragraph-count"]
    assert ("SO2", "paragraph-count") not in found
    # "nauwgezet gereguleerd en gereguleerd" for "strictly regulated and controlled".
    assert any(i.startswith("SO4.p") and c == "repeated-words" for i, c in found)
    # The Dutch list of actors at risk names customs officers and prison staff too.
    assert any(i.startswith("SO3.p") and c == "enumeration" for i, c in found)


def test_the_bundled_report_finds_what_a_reviser_finds_in_the_meaning(bundled_kb, bundled_report):
    """The meaning-level differences a reviser lists for the bundled pair, each on its record
    with its words (the record is found by its text, so no position is hard-coded)."""
    findings = bundled_report

    def said(check: str, lang: str, fragment: str, *words: str) -> bool:
        record = record_holding(bundled_kb, lang, fragment)
        return any(f["id"] == record and f["check"] == check and all(
            w in f["message"] for w in words) for f in findings)

    # An adjective in the Dutch list of policy qualifiers only.
    assert said("omission", "nl", "intersectoraal, holistisch", "holistisch")
    # A word of a term missing in Dutch: "health impact assessment studies".
    assert said("omission", "en", "health impact assessment", "health")
    # A clause added in Dutch.
    assert said("omission", "nl", "basisprincipes", "aandacht voor een aantal basisprincipes")
    # One term translated two ways: "comprehensive and integrated".
    assert any(f["check"] == "term-consistency" and "comprehensive and integrated" in f["message"]
               and "globaal" in f["message"] and "integraal" in f["message"] for f in findings)
    # The strategy's own title written three ways or more in English, every place listed
    # (intro.p8 writes "strategy" in lower case, intro.p10 in capitals).
    assert any(f["check"] == "name-consistency" and re.search(r"written [3-9] ways in en",
                                                              f["message"])
               and "Intergovernmental Strategy" in f["message"] and "intro.p8" in f["message"]
               and "intro.p10" in f["message"] for f in findings)
    # Typos in the Dutch text.
    assert said("spelling", "nl", "drugsriminaliteit", "drugsriminaliteit") or not _speller()
    assert said("spelling", "nl", "toekomsttoefening", "toekomsttoefening") or not _speller()
    # A report a reviser can go through.
    assert sum(f["severity"] != "info" for f in findings) <= 60


def _speller() -> bool:
    """Whether a Dutch dictionary is installed; where .ci/run installed one, it must be."""
    import os

    from drugstrat.languages import DUTCH
    from drugstrat.text.spelling import speller

    found = speller(DUTCH) is not None
    assert found or not os.environ.get("DRUGSTRAT_EXPECT_DICTIONARIES")
    return found


def test_finding_ids_are_stable_across_runs(bundled_kb, bundled_report):
    first = [f["finding"] for f in bundled_report]
    assert first == [f["finding"] for f in report_for(bundled_kb)]
    assert len(set(first)) == len(first)


def test_diff_runs_on_any_pair_built_from_synthetic_texts(tmp_path):
    en = tmp_path / "en.txt"
    nl = tmp_path / "nl.txt"
    en.write_text("I. INTRODUCTION\n\nIn 2020 we started.\n", encoding="utf-8")
    nl.write_text("I. INLEIDING\n\nIn 2021 zijn we begonnen.\n", encoding="utf-8")
    kb.build({"en": en, "nl": nl}, tmp_path / "kb")
    assert [(f["id"], f["check"]) for f in report_for(tmp_path / "kb")
            if f["check"] == "numbers"] == [("intro.p1", "numbers"), ("intro.p1", "numbers")]


# -- command line ----------------------------------------------------------------------------


def run(runner, root: Path, *args: str):
    return runner.invoke(app, ["--data", str(root), *args])


def test_diff_json_shape_and_exit_code(runner, bundled_kb):
    result = run(runner, bundled_kb, "diff", "--json")
    assert result.exit_code == 1  # the bundled pair has error-level findings
    data = json.loads(result.stdout)
    assert set(data) == {"findings", "summary"}
    finding = data["findings"][0]
    assert {"finding", "id", "type", "check", "severity", "message", "en", "nl"} <= set(finding)
    assert data["summary"]["findings"] == len(data["findings"])


def test_diff_filters_and_fail_on(runner, bundled_kb):
    result = run(runner, bundled_kb, "diff", "--check", "emphasis", "--json")
    data = json.loads(result.stdout)
    assert {f["check"] for f in data["findings"]} == {"emphasis"}
    assert result.exit_code == 0  # emphasis findings are info, below the default --fail-on
    assert run(runner, bundled_kb, "diff", "--check", "emphasis", "--fail-on", "info").exit_code \
        == 1
    errors = json.loads(run(runner, bundled_kb, "diff", "--severity", "error", "--json").stdout)
    assert errors["findings"] and {f["severity"] for f in errors["findings"]} == {"error"}
    only = json.loads(run(runner, bundled_kb, "diff", "--id", "n7", "--json").stdout)
    assert only["findings"] and {f["id"] for f in only["findings"]} == {"n7"}
    # An id that names no record is a usage error with the ids it may have meant, never an
    # empty report a CI gate would pass.
    typo = run(runner, bundled_kb, "diff", "--id", "n 7", "--json")
    assert typo.exit_code == 2 and typo.stdout == ""
    assert "no record with id 'n 7'" in typo.stderr and "n7" in typo.stderr
    never = run(runner, bundled_kb, "diff", "--fail-on", "never", "--json")
    assert never.exit_code == 0


def test_diff_csv_opens_as_a_table(runner, bundled_kb):
    import csv
    import io

    rows = list(csv.DictReader(io.StringIO(run(runner, bundled_kb, "diff", "-f", "csv").stdout)))
    assert rows and set(rows[0]) == {"finding", "pair", "id", "type", "check", "severity",
                                     "message", "en", "nl"}


def test_diff_human_report_groups_by_record(runner, bundled_kb):
    result = runner.invoke(app, ["--data", str(bundled_kb), "diff", "--check", "untranslated"],
                           env={"COLUMNS": "120"})
    assert "n7" in result.stdout and "untranslated:" in result.stdout
    assert "finding(s)" in result.stdout


def test_accepting_a_finding_hides_it_and_a_stale_acceptance_is_reported(runner, scratch_kb):
    data = json.loads(run(runner, scratch_kb, "diff", "--check", "untranslated",
                          "--json").stdout)
    target = data["findings"][0]["finding"]
    accepted = run(runner, scratch_kb, "diff", "--accept", target, "--comment",
                   "quoted as published")
    assert accepted.exit_code == 0, accepted.stderr
    assert "accepted" in accepted.stderr
    text = (scratch_kb / "accepted.yaml").read_text(encoding="utf-8")
    assert target in text and "quoted as published" in text
    after = json.loads(run(runner, scratch_kb, "diff", "--check", "untranslated",
                           "--json").stdout)
    assert target not in [f["finding"] for f in after["findings"]]
    assert after["summary"]["accepted"] == 1
    shown = json.loads(run(runner, scratch_kb, "diff", "--check", "untranslated", "--all",
                           "--json").stdout)
    assert any(f["finding"] == target and f["accepted"] for f in shown["findings"])
    # Edit the text so the finding disappears: the acceptance becomes stale.
    nl = scratch_kb / "nl" / NL_SOURCE.name
    nl.write_text(re.sub(r"(?m)^⁷ .*$", "⁷ Artikelen 2 en 7 van de Universele Verklaring van de "
                                          "Rechten van de Mens (1948).",
                         nl.read_text(encoding="utf-8")), encoding="utf-8")
    kb.build(kb.recorded_sources(scratch_kb), scratch_kb)
    stale = run(runner, scratch_kb, "diff", "--json")
    assert target in json.loads(stale.stdout)["summary"]["stale"]
    assert f"stale acceptance {target}" in stale.stderr


def test_accept_needs_a_comment_and_a_real_finding(runner, bundled_kb):
    assert run(runner, bundled_kb, "diff", "--accept", "x").exit_code == 2
    result = run(runner, bundled_kb, "diff", "--accept", "numbers:nope:000000", "--comment", "x")
    assert result.exit_code == 2 and "no current finding" in result.stderr


def test_an_unknown_check_is_a_usage_error(runner, bundled_kb):
    result = run(runner, bundled_kb, "diff", "--check", "speling")
    assert result.exit_code == 2 and "unknown check" in result.stderr


def test_checks_lists_every_check(runner):
    rows = json.loads(runner.invoke(app, ["checks", "--json"]).stdout)
    assert {r["check"] for r in rows} == set(diff.REGISTRY)


def test_a_malformed_glossary_is_a_clean_error(runner, scratch_kb):
    (scratch_kb / "glossary.yaml").write_text("terms: [{en: 3}]\n", encoding="utf-8")
    result = run(runner, scratch_kb, "diff")
    assert result.exit_code == 2 and "glossary.yaml: term 1" in result.stderr
