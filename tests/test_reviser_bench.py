"""The fresh-read benchmark (benchmarks/reviser.py): an item of a reviser's list counts as flagged
when a finding marks its quote, not when a finding about something else merely shares its
record or sentence."""

from __future__ import annotations

from pathlib import Path

from drugstrat.kb import store

from .conftest import SHORT_EN, SHORT_NL, build_pair, load_benchmark

ROOT = Path(__file__).resolve().parent.parent

reviser = load_benchmark("reviser")


def test_an_item_is_flagged_by_a_finding_on_its_words_only(tmp_path):
    en = SHORT_EN.replace("Belgium needs a coordinated drugs policy across all its governments.",
                          "Belgium needs a coordinated drugs policy across all its governments "
                          "since 2026.")
    root = build_pair(tmp_path, en, SHORT_NL)
    kb = store.load(root)
    items = [
        {"n": 1, "kind": "omission", "severity": "minor", "en": "since 2026", "nl": ""},
        {"n": 2, "kind": "meaning", "severity": "minor", "en": "Belgium needs", "nl": ""},
        {"n": 3, "kind": "error-nl", "severity": "minor", "en": "", "nl": "no such words"},
    ]
    results = {r["n"]: r for r in reviser.measure(kb, items)}
    assert results[1]["flagged"] and results[1]["at_warning"]
    assert any("numbers" in said for said in results[1]["by"])
    assert not results[2]["flagged"]  # the same sentence, other words: not pointed at
    assert not results[3]["flagged"] and results[3]["found"] == {}
    table = reviser.table(list(results.values()))
    assert "all              3        1     33%         1" in table
    assert "quotes found in no record: items 3" in table


def test_the_bundled_lists_quote_the_bundled_texts_verbatim():
    from drugstrat.kb.paths import bundled_data_dir
    from drugstrat.storage.yamlfile import load

    kb = store.load(bundled_data_dir())
    reads = sorted((ROOT / "benchmarks" / "data").glob("fresh-read-*.yaml"))
    assert len(reads) >= 2
    for read in reads:
        items = load(read)["items"]
        unplaced = [item["n"] for item in items
                    if not any(reviser.located(kb, lang, item[lang]) for lang in ("en", "nl"))]
        assert unplaced == [], read.name


def test_the_script_prints_its_table_and_json_for_a_list_it_is_given(tmp_path):
    import json
    import subprocess
    import sys

    en = SHORT_EN.replace("Belgium needs a coordinated drugs policy across all its governments.",
                          "Belgium needs a coordinated drugs policy across all its governments "
                          "since 2026.")
    root = build_pair(tmp_path, en, SHORT_NL)
    read = tmp_path / "fresh-read-test.yaml"
    read.write_text('items:\n  - n: 1\n    kind: omission\n    severity: minor\n'
                    '    en: "since 2026"\n    nl: ""\n', encoding="utf-8")
    script = [sys.executable, str(ROOT / "benchmarks" / "reviser.py"), "--data", str(root),
              "--read", str(read)]
    table = subprocess.run([*script, "--show", "1"], capture_output=True, text=True, check=True)
    assert "fresh-read-test.yaml: 1 items a reviser found" in table.stdout
    assert "numbers" in table.stdout  # the match, printed for audit
    said = json.loads(subprocess.run([*script, "--json"], capture_output=True, text=True,
                                     check=True).stdout)
    assert said["read"] == "fresh-read-test.yaml"
    assert [(r["n"], r["flagged"], r["at_warning"]) for r in said["items"]] == [(1, True, True)]
