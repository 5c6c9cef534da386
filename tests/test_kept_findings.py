"""What `diff` found in an unchanged knowledge base is kept beside its cache and recalled: the
report is the same as the checks' own, an edit or a new glossary term is checked again, and a
kept file nobody of ours signed — a knowledge base from someone else — is never believed."""

from __future__ import annotations

import hashlib
import hmac
import json
import re
from pathlib import Path

import pytest

from drugstrat.cli.commands import app
from drugstrat.kb import store

DIFF = ["diff", "--json", "--all", "--fail-on", "never"]


def kept_file(root: Path) -> Path:
    return root / ".cache" / "kb.findings-en-nl.json"


def findings(runner, root: Path, *args: str) -> list[dict]:
    done = runner.invoke(app, ["--data", str(root), *DIFF, *args])
    assert done.exit_code == 0, done.output
    assert "Traceback" not in done.stderr
    return json.loads(done.stdout)["findings"]


def checks_must_not_run(monkeypatch) -> None:
    def ran(*_args, **_kwargs):
        raise AssertionError("the checks ran")

    monkeypatch.setattr("drugstrat.diff.review.found", ran)


def test_a_second_diff_recalls_the_very_report_the_checks_gave(runner, scratch_kb, monkeypatch):
    kept_file(scratch_kb).unlink()
    first = findings(runner, scratch_kb)
    assert kept_file(scratch_kb).is_file() and first
    assert any(f.get("related") for f in first)  # folded findings travel too
    checks_must_not_run(monkeypatch)
    assert findings(runner, scratch_kb) == first
    # An acceptance is the reviser's, not the checks': recorded, it applies to recalled ones.
    accepted = runner.invoke(app, ["--data", str(scratch_kb), "diff", "--accept",
                                   first[0]["finding"], "--comment", "fine"])
    assert accepted.exit_code == 0, accepted.output
    again = findings(runner, scratch_kb)
    assert [f["accepted"] for f in again] == [True] + [f["accepted"] for f in first[1:]]


def test_an_edited_record_is_checked_again(runner, scratch_kb):
    records = scratch_kb / "nl" / "records.yaml"
    yaml_text = records.read_text(encoding="utf-8")
    edited = next(r for r in store.load(scratch_kb).versions["nl"]
                  if re.search(r"\d{4}", r["text"])
                  and yaml_text.count(f"    text: {r['text']}\n") == 1)
    year = re.search(r"\d{4}", edited["text"]).group()
    before = [f for f in findings(runner, scratch_kb, "--id", edited["id"])
              if f["check"] == "numbers"]
    records.write_text(yaml_text.replace(
        f"    text: {edited['text']}\n",
        f"    text: {edited['text'].replace(year, str(int(year) + 1), 1)}\n"), encoding="utf-8")
    after = [f for f in findings(runner, scratch_kb, "--id", edited["id"])
             if f["check"] == "numbers"]
    assert len(after) > len(before)
    assert str(int(year) + 1) in json.dumps(after)


def test_a_new_glossary_term_is_checked_again(runner, scratch_kb):
    before = findings(runner, scratch_kb, "--check", "glossary")
    from drugstrat.kb.paths import glossary_path

    glossary = scratch_kb / "glossary.yaml"  # the knowledge base's own, from now on
    glossary.write_text(glossary_path(scratch_kb).read_text(encoding="utf-8").replace(
        "terms:\n", "terms:\n  - en: [drug*]\n    nl: [quetzalcoatl]\n", 1), encoding="utf-8")
    after = findings(runner, scratch_kb)
    assert len([f for f in after if f["check"] == "glossary"]) > len(before)


def _forge(path: Path, body: bytes, key: bytes | None) -> None:
    signature = hmac.new(key, body, hashlib.sha256).hexdigest() if key else "0" * 64
    path.write_bytes(signature.encode() + b"\n" + body)


@pytest.mark.parametrize("signed_by", ["someone else", "nobody"])
def test_findings_kept_by_someone_else_are_not_believed(runner, scratch_kb, signed_by):
    sound = findings(runner, scratch_kb)
    path = kept_file(scratch_kb)
    stamp = json.loads(path.read_bytes().partition(b"\n")[2])["stamp"]
    # The file a colleague's copy would hold: the right stamp, and nothing found.
    body = json.dumps({"stamp": stamp, "findings": []}).encode()
    _forge(path, body, b"k" * 32 if signed_by == "someone else" else None)
    assert findings(runner, scratch_kb) == sound


@pytest.mark.parametrize("damage", [
    lambda f: {**f, "severity": "fatal"},
    lambda f: {**f, "spans": {"en": [[1, "2"]]}},
    lambda f: {**f, "evidence": {"en": 5}},
    lambda f: {**f, "langs": ["en"]},
    lambda f: {**f, "related": [[]]},
    lambda f: {k: v for k, v in f.items() if k != "message"},
    lambda f: "a finding",
], ids=["severity", "span", "evidence", "langs", "related", "missing field", "not a mapping"])
def test_a_kept_file_of_our_signature_but_another_shape_is_checked_again(scratch_kb, damage):
    from drugstrat.diff import kept
    from drugstrat.storage.usercache import signing_key

    path = kept_file(scratch_kb)
    document = json.loads(path.read_bytes().partition(b"\n")[2])
    built = store.load(scratch_kb)
    assert kept.recall(built, ("en", "nl"), document["stamp"])  # sound, it is recalled
    document["findings"][0] = damage(document["findings"][0])
    _forge(path, json.dumps(document).encode(), signing_key())
    assert kept.recall(built, ("en", "nl"), document["stamp"]) is None


def test_without_a_place_for_the_key_diff_runs_the_checks_and_keeps_nothing(
        runner, scratch_kb, tmp_path, monkeypatch):
    sound = findings(runner, scratch_kb)
    kept_file(scratch_kb).unlink()
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("", encoding="utf-8")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocked))
    assert findings(runner, scratch_kb) == sound
    assert not kept_file(scratch_kb).exists()
