"""Data you can trust: what a person adds survives, a build is one step, every fault a user or
the machine can cause ends in one line on stderr — each promise tried the way a hostile tester
would (odd YAML values, aliases, kills mid-build, full disks, swapped sources, symlinks)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from drugstrat.cli.commands import app

from .conftest import EN_SOURCE, NL_SOURCE, short_edition

ODD_FIELDS = """\
    reviewed: 2026-03-01
    seen: 2026-03-01T10:00:00Z
    blob: !!binary aGVsbG8=
    tags: !!set {b, a}
    2026: a number for a key
    score: .nan
"""


def add_fields(root: Path, lang: str, record_id: str, fields: str) -> Path:
    """Fields typed by a person into a record of a records file, right after its id."""
    path = root / lang / "records.yaml"
    text = path.read_text(encoding="utf-8")
    anchor = f"  - id: '{record_id}'\n"
    assert anchor in text
    path.write_text(text.replace(anchor, anchor + fields, 1), encoding="utf-8")
    return path


def cli(runner, root: Path, *args: str):
    return runner.invoke(app, ["--data", str(root), *args])


# -- a person's fields ---------------------------------------------------------------------------


def test_any_yaml_value_a_person_adds_is_shown_in_every_format(runner, scratch_kb):
    add_fields(scratch_kb, "en", "3.4", ODD_FIELDS)
    shown = json.loads(cli(runner, scratch_kb, "show", "3.4", "--json").stdout)
    en = next(r for r in shown if r["lang"] == "en")
    assert en["reviewed"] == "2026-03-01"
    assert en["seen"] == "2026-03-01T10:00:00+00:00"
    assert en["blob"] == "aGVsbG8=" and en["tags"] == ["a", "b"]
    assert en["2026"] == "a number for a key" and en["score"] == "nan"
    listed = cli(runner, scratch_kb, "list", "--format", "csv")
    assert listed.exit_code == 0
    assert "2026-03-01" in listed.stdout
    for args, looks in (
            (["list", "--format", "jsonl"], _odd_values_in_jsonl),
            (["list", "--format", "yaml"], _odd_values_in_yaml),
            (["show", "3.4"], _odd_values_in_the_table),
            (["search", "local effort", "--json"], _found_in_json),
            (["export", "--format", "csv", "--out", "-"], _row_in_csv),
            (["export", "--format", "jsonl", "--out", "-"], _odd_values_in_jsonl),
            (["export", "--format", "tmx", "--out", "-"], _unit_in_xml),
            (["export", "--format", "xliff", "--out", "-"], _unit_in_xml),
            (["diff", "--fail-on", "never", "--json"], _report_in_json),
            (["validate"], _no_problem_with_the_fields)):
        result = runner.invoke(app, ["--data", str(scratch_kb), *args], env={"COLUMNS": "200"})
        assert result.exit_code in (0, 1), (args, result.output)
        assert result.exception is None or isinstance(result.exception, SystemExit), args
        assert "Traceback" not in result.output and "Error" not in result.stderr, args
        looks(result.stdout, result.stderr)


def _odd_values_of(record: dict) -> None:
    """The odd values of ODD_FIELDS as a machine format gives them: plain text and lists."""
    assert str(record["reviewed"]) == "2026-03-01"
    assert str(record["seen"]).startswith("2026-03-01")
    assert record["blob"] == "aGVsbG8=" and record["tags"] == ["a", "b"]
    assert record["2026"] == "a number for a key" and str(record["score"]) == "nan"


def _odd_values_in_jsonl(stdout: str, stderr: str) -> None:
    rows = [json.loads(line) for line in stdout.splitlines()]  # every line parses
    for row in rows:  # a record (`list`) or a side-by-side row with each language's fields
        fields = row.get("langs", {}).get("en", row) if "langs" in row else row
        if row["id"] == "3.4" and row.get("lang", "en") == "en":
            _odd_values_of(fields)
            return
    raise AssertionError("3.4 in English is not in the output")


def _odd_values_in_yaml(stdout: str, stderr: str) -> None:
    from drugstrat.storage import yamlfile

    document = yamlfile.loads(stdout, "<stdout>")
    records = document if isinstance(document, list) else next(
        v for v in document.values() if isinstance(v, list))
    _odd_values_of(next(r for r in records if r["id"] == "3.4" and r["lang"] == "en"))


def _odd_values_in_the_table(stdout: str, stderr: str) -> None:
    for shown in ("reviewed: 2026-03-01", "aGVsbG8=", "a number for a key", "nan"):
        assert shown in stdout, shown
    assert "!!binary" not in stdout and "!!set" not in stdout  # values, not YAML tags


def _found_in_json(stdout: str, stderr: str) -> None:
    hits = json.loads(stdout)
    assert any(hit["id"] == "3.4" for hit in hits)


def _row_in_csv(stdout: str, stderr: str) -> None:
    import csv
    import io

    rows = list(csv.DictReader(io.StringIO(stdout, newline="")))
    row = next(r for r in rows if r["id"].strip('="') == "3.4")
    assert row["en"].startswith("To promote a reinforced local effort")


def _unit_in_xml(stdout: str, stderr: str) -> None:
    import xml.etree.ElementTree as ET

    root = ET.fromstring(stdout.encode("utf-8"))  # well-formed
    text = "".join(root.itertext())
    assert "To promote a reinforced local effort" in text and "aGVsbG8" not in text


def _report_in_json(stdout: str, stderr: str) -> None:
    report = json.loads(stdout)
    assert report["findings"] and report["summary"]["findings"] == len(report["findings"])


def _no_problem_with_the_fields(stdout: str, stderr: str) -> None:
    # The edition's own problems (records of one language) only: no odd value is one.
    for word in ("reviewed", "blob", "tags", "score", "binary"):
        assert word not in stdout + stderr, word


def test_a_persons_odd_values_survive_a_rebuild_as_they_were_typed(runner, scratch_kb):
    path = add_fields(scratch_kb, "en", "3.4", ODD_FIELDS)
    assert cli(runner, scratch_kb, "build").exit_code == 0
    text = path.read_text(encoding="utf-8")
    assert "reviewed: 2026-03-01\n" in text and "score: .nan" in text
    assert "blob: !!binary" in text and "tags: !!set" in text
    assert cli(runner, scratch_kb, "build", "--check").exit_code == 0


@pytest.mark.parametrize("fields", [
    "    note: &a [*a]\n",  # a value holding itself
    "    a: &x [1, 2]\n    b: *x\n",  # a shared value
])
def test_yaml_aliases_are_refused_with_their_place(runner, scratch_kb, fields):
    path = add_fields(scratch_kb, "en", "3.4", fields)
    line = path.read_text(encoding="utf-8").splitlines().index(fields.splitlines()[-1]) + 1
    result = cli(runner, scratch_kb, "show", "3.4", "--json")
    assert result.exit_code == 2 and result.stdout == ""
    assert f"records.yaml:{line}:" in result.stderr and "alias" in result.stderr


def test_nested_aliases_cannot_grow_a_file_a_billionfold(runner, scratch_kb):
    levels = ["    l0: &l0 [x, x, x, x, x, x, x, x, x]\n"]
    levels += [f"    l{i}: &l{i} [{', '.join([f'*l{i - 1}'] * 9)}]\n" for i in range(1, 10)]
    add_fields(scratch_kb, "en", "3.4", "".join(levels))
    result = cli(runner, scratch_kb, "show", "3.4", "--json")
    assert result.exit_code == 2 and "alias" in result.stderr


# -- a build is one step -------------------------------------------------------------------------


def _edited_sources(tmp_path: Path) -> dict[str, Path]:
    """The bundled sources with one objective reworded in both languages: a new generation."""
    en = EN_SOURCE.read_text(encoding="utf-8").replace(
        "To promote a reinforced local effort", "To promote a renewed local effort", 1)
    nl = NL_SOURCE.read_text(encoding="utf-8").replace(
        "Bevorderen van **een versterkte lokale aanpak", "Bevorderen van **een vernieuwde "
                                                         "lokale aanpak", 1)
    (tmp_path / "new").mkdir()
    paths = {"en": tmp_path / "new" / EN_SOURCE.name, "nl": tmp_path / "new" / NL_SOURCE.name}
    paths["en"].write_text(en, encoding="utf-8")
    paths["nl"].write_text(nl, encoding="utf-8")
    return paths


def _replaces_in_a_build(root: Path, sources: dict[str, Path], monkeypatch) -> int:
    import os

    from drugstrat.kb import build as kb

    calls = []
    real = os.replace
    monkeypatch.setattr(os, "replace", lambda a, b: (calls.append(b), real(a, b))[1])
    kb.build(sources, root)
    monkeypatch.undo()
    return len(calls)


# A build in a process of its own that dies by SIGKILL at its Nth rename (counting from 0): no
# `finally`, no `except` of the build's runs, as with `kill -9` or a power cut.
KILLED_AT = """\
import os, signal, sys
from pathlib import Path
from drugstrat.kb import build as kb

kill_at = int(sys.argv[2])
calls = []
real = os.replace

def replace(a, b):
    if len(calls) == kill_at:
        os.kill(os.getpid(), signal.SIGKILL)
    calls.append(b)
    return real(a, b)

os.replace = replace
kb.build({"en": Path(sys.argv[3]), "nl": Path(sys.argv[4])}, Path(sys.argv[1]))
"""


def _build_killed_at(kill_at: int, sources: dict[str, Path], root: Path, script: Path) -> None:
    """A build whose process is killed (SIGKILL) at its `kill_at`-th rename (counting from 0)."""
    import signal
    import subprocess
    import sys

    if not script.exists():
        script.write_text(KILLED_AT, encoding="utf-8")
    done = subprocess.run([sys.executable, str(script), str(root), str(kill_at),
                           str(sources["en"]), str(sources["nl"])], capture_output=True,
                          timeout=120)
    assert done.returncode == -signal.SIGKILL, (kill_at, done.stderr.decode()[-2000:])


RENEWED = {"reinforced local effort": "renewed local effort",
           "versterkte lokale aanpak": "vernieuwde lokale aanpak"}


def test_a_build_killed_at_any_rename_leaves_one_whole_generation(runner, tmp_path,
                                                                   monkeypatch):
    import shutil

    from drugstrat.kb import build as kb

    # The short edition: what is promised does not depend on the text, and it is built in a
    # child process killed at every rename a build makes.
    old_kb = tmp_path / "old"
    kb.build(short_edition(tmp_path), old_kb)
    sources = short_edition(tmp_path / "new", RENEWED)
    probe = shutil.copytree(old_kb, tmp_path / "probe")
    renames = _replaces_in_a_build(probe, sources, monkeypatch)
    assert renames >= 4  # the staged files and the journal at least
    script = tmp_path / "killed.py"
    for kill_at in range(renames):
        root = Path(shutil.copytree(old_kb, tmp_path / f"kb{kill_at}"))
        _build_killed_at(kill_at, sources, root, script)
        # Whoever comes next sees the old knowledge base or the new one, never a mix, and
        # finishes what the killed build committed.
        shown = cli(runner, root, "show", "1.2", "--json")
        assert shown.exit_code == 0, (kill_at, shown.output)
        en, nl = (r["text"] for r in json.loads(shown.stdout))
        old = (en.startswith("To promote a reinforced"), nl.startswith("Bevorderen van een "
                                                                       "versterkte"))
        new = (en.startswith("To promote a renewed"), nl.startswith("Bevorderen van een "
                                                                    "vernieuwde"))
        assert old == (True, True) or new == (True, True), kill_at
        assert not (root / ".build-journal.json").exists(), kill_at
        # And the next build completes it, leaving no staged file behind.
        rebuilt = cli(runner, root, "build", "--source", f"en={sources['en']}", "--source",
                      f"nl={sources['nl']}")
        assert rebuilt.exit_code == 0, (kill_at, rebuilt.output)
        shown = cli(runner, root, "show", "1.2", "--json")
        assert json.loads(shown.stdout)[0]["text"].startswith("To promote a renewed"), kill_at
        assert not list(root.rglob(".tmp-*")), (kill_at, list(root.rglob(".tmp-*")))
        assert not (root / ".build-journal.json").exists(), kill_at


def test_a_first_build_killed_half_way_leaves_nothing_or_a_whole_knowledge_base(
        runner, tmp_path, monkeypatch):

    from drugstrat.errors import KBError
    from drugstrat.kb import store

    sources = short_edition(tmp_path)
    renames = _replaces_in_a_build(tmp_path / "probe", sources, monkeypatch)
    whole = {lang: len(records)
             for lang, records in store.load(tmp_path / "probe").versions.items()}
    assert whole["en"] == whole["nl"] > 10
    script = tmp_path / "killed.py"
    for kill_at in range(renames):
        root = tmp_path / f"kb{kill_at}"
        _build_killed_at(kill_at, sources, root, script)
        try:
            loaded = store.load(root)
        except KBError as exc:
            assert "no knowledge base" in str(exc), kill_at
        else:
            assert loaded.langs == ["en", "nl"], kill_at
            assert {lang: len(r) for lang, r in loaded.versions.items()} == whole, kill_at
            assert not (root / ".build-journal.json").exists(), kill_at
        # The build that follows makes it whole, leaving no staged file behind.
        built = runner.invoke(app, ["build", "--source", f"en={sources['en']}", "--source",
                                    f"nl={sources['nl']}", "--out", str(root)])
        assert built.exit_code == 0, (kill_at, built.output)
        assert {lang: len(r) for lang, r in store.load(root).versions.items()} == whole
        assert not list(root.rglob(".tmp-*")), (kill_at, list(root.rglob(".tmp-*")))


def test_files_of_different_builds_are_refused_with_the_repair(runner, tmp_path, scratch_kb):
    import shutil

    from drugstrat.kb import build as kb

    other = Path(shutil.copytree(scratch_kb, tmp_path / "other"))
    kb.build(_edited_sources(tmp_path), other)
    shutil.copy(other / "en" / "records.yaml", scratch_kb / "en" / "records.yaml")
    result = cli(runner, scratch_kb, "show", "3.4", "--json")
    assert result.exit_code == 2 and result.stdout == ""
    assert "different builds" in result.stderr and "drugstrat --data" in result.stderr
    problems = json.loads(cli(runner, scratch_kb, "validate", "--json").stdout)
    assert any("different builds" in p["problem"] for p in problems)
    # The repair the message gives works, and keeps what a person added.
    assert cli(runner, scratch_kb, "build").exit_code == 0
    assert cli(runner, scratch_kb, "show", "3.4", "--json").exit_code == 0


def test_a_records_file_saved_during_a_build_is_read_again_not_overwritten(scratch_kb,
                                                                          monkeypatch):
    from drugstrat.kb import build as kb
    from drugstrat.kb import store

    real = kb.prepare
    saved = []

    def person_saves_meanwhile(*args, **kwargs):
        report = real(*args, **kwargs)
        if not saved:  # the person saves right after the build has read the file
            add_fields(scratch_kb, "en", "3.4", "    note: saved during the build\n")
            saved.append(True)
        return report

    monkeypatch.setattr(kb, "prepare", person_saves_meanwhile)
    kb.build(kb.recorded_sources(scratch_kb), scratch_kb)
    assert store.load(scratch_kb).get("3.4")["en"]["note"] == "saved during the build"


# -- sources that are the wrong ones ---------------------------------------------------------------


def test_swapped_sources_are_refused_before_anything_is_touched(runner, scratch_kb):
    add_fields(scratch_kb, "en", "3.4", "    status: reviewed\n")
    before = {p: p.read_bytes() for p in scratch_kb.rglob("*.yaml")}
    result = cli(runner, scratch_kb, "build", "--en", str(NL_SOURCE), "--nl", str(EN_SOURCE))
    assert result.exit_code == 2 and "Traceback" not in result.output
    assert "given for en but reads as nl" in result.stderr
    assert "--any-language" in result.stderr
    assert {p: p.read_bytes() for p in scratch_kb.rglob("*.yaml")} == before


def test_the_same_file_twice_is_refused(runner, tmp_path):
    result = runner.invoke(app, ["build", "--en", str(EN_SOURCE), "--nl", str(EN_SOURCE),
                                 "--out", str(tmp_path / "kb")])
    assert result.exit_code == 2 and "the same text" in result.stderr
    assert not (tmp_path / "kb").exists()


def test_orphaned_fields_find_their_record_again_on_a_later_build(runner, scratch_kb):
    add_fields(scratch_kb, "en", "3.4", "    status: reviewed\n")
    # A rebuild from swapped sources, forced, finds no objective 3.4: its fields are orphaned …
    first = cli(runner, scratch_kb, "build", "--en", str(NL_SOURCE), "--nl", str(EN_SOURCE),
                "--any-language")
    assert first.exit_code == 0 and "orphans.yaml" in first.stderr
    assert "status: reviewed" in (scratch_kb / "en" / "orphans.yaml").read_text(encoding="utf-8")
    # … and the right rebuild gives them back, and says so.
    again = cli(runner, scratch_kb, "build", "--en", str(EN_SOURCE), "--nl", str(NL_SOURCE))
    assert again.exit_code == 0 and "back on them" in again.stderr
    shown = json.loads(cli(runner, scratch_kb, "show", "3.4", "--json").stdout)
    assert next(r for r in shown if r["lang"] == "en")["status"] == "reviewed"
    assert "status" not in (scratch_kb / "en" / "orphans.yaml").read_text(encoding="utf-8")
    assert cli(runner, scratch_kb, "build", "--check").exit_code == 0


def test_a_broken_orphans_file_stops_the_build_before_it_writes(runner, scratch_kb):
    orphans = scratch_kb / "en" / "orphans.yaml"
    orphans.write_text("- id: x\n  note: [unclosed\n", encoding="utf-8")
    before = {p: p.read_bytes() for p in scratch_kb.rglob("*") if p.is_file()}
    result = cli(runner, scratch_kb, "build")
    assert result.exit_code == 2 and "Traceback" not in result.output
    assert f"{orphans}:" in result.stderr
    after = {p: p.read_bytes() for p in scratch_kb.rglob("*") if p.is_file()
             and p.name != ".build.lock"}
    assert after == {p: b for p, b in before.items() if p.name != ".build.lock"}


# -- faults of the machine: one line on stderr, exit 2 --------------------------------------------


def _fail_with(errno_name: str):
    import errno
    import os

    code = getattr(errno, errno_name)

    def fail(*args, **kwargs):
        raise OSError(code, os.strerror(code), str(args[-1]) if args else None)

    return fail


@pytest.mark.parametrize("errno_name", ["ENOSPC", "EACCES", "EROFS"])
def test_a_write_that_fails_is_one_line_and_exit_2_and_the_old_files_stay(
        runner, scratch_kb, tmp_path, monkeypatch, errno_name):
    import os

    finding = json.loads(cli(runner, scratch_kb, "diff", "--json", "--fail-on", "never"
                             ).stdout)["findings"][0]["finding"]
    before = {p: p.read_bytes() for p in scratch_kb.rglob("*.yaml")}
    monkeypatch.setattr(os, "replace", _fail_with(errno_name))
    for args in (["build"], ["export", "--format", "tmx", "--out", str(tmp_path / "x.tmx")],
                 ["diff", "--accept", finding, "--comment", "seen"]):
        result = cli(runner, scratch_kb, *args)
        assert result.exit_code == 2, (args, result.output)
        assert "Traceback" not in result.output and len(result.stderr.splitlines()) == 1
    monkeypatch.undo()
    assert {p: p.read_bytes() for p in scratch_kb.rglob("*.yaml")} == before
    assert not list(scratch_kb.rglob(".tmp-*")) and not (tmp_path / "x.tmx").exists()


def test_search_answers_from_memory_when_its_index_cannot_be_written(runner, scratch_kb,
                                                                    monkeypatch):
    import sqlite3

    for index in scratch_kb.rglob("*.search.db"):
        index.unlink()

    def disk_full(*args, **kwargs):
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr("drugstrat.search.index._build", disk_full)
    result = cli(runner, scratch_kb, "search", "money laundering", "--json")
    assert result.exit_code == 0 and json.loads(result.stdout)


def test_an_index_of_the_wrong_shape_is_built_again(runner, scratch_kb):
    import sqlite3

    assert cli(runner, scratch_kb, "search", "prevention", "--json").exit_code == 0
    index = scratch_kb / ".cache" / "kb.search.db"
    with sqlite3.connect(index) as connection:
        connection.execute("DROP TABLE vocab")
    result = cli(runner, scratch_kb, "search", "prevention", "--json")
    assert result.exit_code == 0 and json.loads(result.stdout)


@pytest.mark.parametrize("cache", [
    "[]",
    '{"schema": 1, "records": {"en": [{"id": "x"}]}, "stamps": {}, "hashes": {}}',
    "{not json",
])
def test_a_cache_of_the_wrong_shape_is_compiled_again(runner, scratch_kb, cache):
    path = scratch_kb / ".cache" / "kb.json"
    path.write_text(cache, encoding="utf-8")
    result = cli(runner, scratch_kb, "show", "3.4", "--json")
    assert result.exit_code == 0 and len(json.loads(result.stdout)) == 2


@pytest.mark.parametrize("damage", [
    lambda records: {"id": "x"},  # a language's records not a list
    lambda records: ["x", *records],  # a record not an object
    lambda records: [{**r, "text": 5} if r["id"] == "3.4" else r for r in records],  # a number
    lambda records: [{k: v for k, v in r.items() if k != "type"} for r in records],
])
def test_a_current_cache_with_damaged_records_is_compiled_again(runner, scratch_kb, damage):
    """The cache's stamps still match its files: only its records are wrong."""
    path = scratch_kb / ".cache" / "kb.json"
    cache = json.loads(path.read_text(encoding="utf-8"))
    cache["records"]["en"] = damage(cache["records"]["en"])
    path.write_text(json.dumps(cache), encoding="utf-8")
    result = cli(runner, scratch_kb, "show", "3.4", "--json")
    assert result.exit_code == 0
    shown = json.loads(result.stdout)
    assert [r["lang"] for r in shown] == ["en", "nl"]
    assert shown[0]["type"] == "specific_objective"
    assert shown[0]["text"].startswith("To promote a reinforced local effort")


def test_an_edit_that_keeps_size_and_time_is_still_seen(runner, scratch_kb):
    import os

    assert cli(runner, scratch_kb, "show", "3.4", "--json").exit_code == 0
    path = scratch_kb / "en" / "records.yaml"
    info = path.stat()
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("To promote a reinforced", "To promote a reinfarced", 1),
                    encoding="utf-8")
    os.utime(path, ns=(info.st_atime_ns, info.st_mtime_ns))  # as if nothing had happened
    shown = json.loads(cli(runner, scratch_kb, "show", "3.4", "--json").stdout)
    assert shown[0]["text"].startswith("To promote a reinfarced")


def _drugstrat(*args: str, **kwargs):
    import subprocess
    import sys

    return subprocess.run([sys.executable, "-m", "drugstrat", *args], capture_output=True,
                          **kwargs)


@pytest.mark.parametrize("fmt", ["csv", "yaml", "jsonl", "json", "table"])
def test_a_reader_that_leaves_early_is_no_error(fmt):
    import subprocess
    import sys

    process = subprocess.Popen([sys.executable, "-m", "drugstrat", "list", "--format", fmt],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert process.stdout is not None and process.stdout.readline()
    process.stdout.close()  # `| head -1`
    assert process.wait(timeout=60) == 0
    assert process.stderr is not None and process.stderr.read() == b""


def test_a_full_device_on_stdout_is_one_line_and_exit_2():
    import subprocess
    import sys

    with open("/dev/full", "wb") as full:
        done = subprocess.run([sys.executable, "-m", "drugstrat", "list", "--json"],
                              stdout=full, stderr=subprocess.PIPE)
    assert done.returncode == 2
    assert done.stderr.decode().count("\n") == 1 and b"No space left" in done.stderr


def test_an_ascii_terminal_gets_escapes_and_valid_json():
    import os

    env = {**os.environ, "PYTHONIOENCODING": "ascii"}
    shown = _drugstrat("show", "3.4", "--json", env=env)
    assert shown.returncode == 0
    assert json.loads(shown.stdout)[1]["text"].startswith("Bevorderen")
    table = _drugstrat("show", "SO3", env=env)
    assert table.returncode == 0 and b"Traceback" not in table.stderr


# -- outputs --------------------------------------------------------------------------------------


def test_outputs_write_through_symlinks(runner, scratch_kb, tmp_path):
    target = tmp_path / "kept" / "strategy.tmx"
    target.parent.mkdir()
    target.write_text("old", encoding="utf-8")
    link = tmp_path / "link.tmx"
    link.symlink_to(target)
    result = cli(runner, scratch_kb, "export", "--format", "tmx", "--out", str(link), "--force")
    assert result.exit_code == 0
    assert link.is_symlink() and target.read_text(encoding="utf-8").startswith("<?xml")


def test_a_symlinked_records_file_stays_a_link_through_a_rebuild(runner, scratch_kb):
    import shutil

    records = scratch_kb / "en" / "records.yaml"
    kept = scratch_kb / "shared" / "records-en.yaml"  # a link within the knowledge base
    kept.parent.mkdir()
    shutil.move(records, kept)
    records.symlink_to(Path("..") / "shared" / "records-en.yaml")
    add_fields(scratch_kb, "en", "3.4", "    status: reviewed\n")
    assert cli(runner, scratch_kb, "build").exit_code == 0
    assert records.is_symlink() and "status: reviewed" in kept.read_text(encoding="utf-8")


def test_special_files_are_refused_and_dash_is_stdout(runner, scratch_kb):
    refused = cli(runner, scratch_kb, "export", "--format", "csv", "--out", "/dev/full",
                  "--force")
    assert refused.exit_code == 2 and "not a regular file" in refused.stderr
    assert Path("/dev/full").is_char_device()
    to_stdout = cli(runner, scratch_kb, "export", "--format", "csv", "--out", "-")
    assert to_stdout.exit_code == 0 and to_stdout.stdout.startswith("id,type")


def test_characters_xml_forbids_are_dropped_with_a_warning(runner, tmp_path):
    import xml.etree.ElementTree as ET

    from .conftest import build_pair

    root = build_pair(tmp_path, "I. INTRODUCTION\n\nThe text\uffff of the strategy is here.\n",
                      "I. INLEIDING\n\nDe tekst van de strategie is hier.\n")
    for fmt in ("tmx", "xliff"):
        result = cli(runner, root, "export", "--format", fmt, "--out", "-")
        assert result.exit_code == 0
        ET.fromstring(result.stdout.encode("utf-8"))  # well-formed
        assert "U+FFFF" in result.stderr and "intro.p1" in result.stderr
    page = tmp_path / "review.html"
    assert cli(runner, root, "report", "--out", str(page)).exit_code == 0
    assert "\uffff" not in page.read_text(encoding="utf-8")


# -- smaller promises ------------------------------------------------------------------------------


def test_spreadsheet_formulas_in_the_text_are_written_as_text(runner, scratch_kb):
    add_fields(scratch_kb, "en", "3.4", '    note: "=HYPERLINK(\\"http://x\\",\\"y\\")"\n')
    listed = cli(runner, scratch_kb, "list", "--format", "csv")
    assert "'=HYPERLINK" in listed.stdout and ",=HYPERLINK" not in listed.stdout
    exported = cli(runner, scratch_kb, "export", "--format", "csv", "--out", "-")
    assert "'=HYPERLINK" in exported.stdout
    raw = cli(runner, scratch_kb, "export", "--format", "csv", "--out", "-", "--raw")
    assert '"=HYPERLINK(""http://x"",""y"")"' in raw.stdout
    shown = json.loads(cli(runner, scratch_kb, "show", "3.4", "--json").stdout)
    assert shown[0]["note"].startswith("=HYPERLINK")  # JSON keeps the text as it is


@pytest.mark.parametrize("args", [["terms", ""], ["terms", "  "], ["search", ""]])
def test_an_empty_query_is_a_usage_error(runner, scratch_kb, args):
    result = cli(runner, scratch_kb, *args)
    assert result.exit_code == 2 and result.stdout == ""


@pytest.mark.parametrize("name", ["glossary.yaml", "accepted.yaml"])
def test_a_broken_yaml_file_a_person_edits_is_named_with_its_line(runner, scratch_kb, name):
    (scratch_kb / name).write_text("terms:\n  - en: [unclosed\n", encoding="utf-8")
    result = cli(runner, scratch_kb, "diff")
    assert result.exit_code == 2 and f"{scratch_kb / name}:3:" in result.stderr


def test_an_encoding_for_every_source_never_garbles_a_utf8_one(runner, tmp_path):
    nl = tmp_path / "nl.txt"
    nl.write_bytes(NL_SOURCE.read_text(encoding="utf-8").encode("cp1252", "replace"))
    refused = runner.invoke(app, ["build", "--en", str(EN_SOURCE), "--nl", str(nl), "--out",
                                  str(tmp_path / "kb"), "--encoding", "cp1252"])
    assert refused.exit_code == 2 and "already UTF-8" in refused.stderr
    assert not (tmp_path / "kb").exists()
    built = runner.invoke(app, ["build", "--en", str(EN_SOURCE), "--nl", str(nl), "--out",
                                str(tmp_path / "kb"), "--encoding", "nl=cp1252"])
    assert built.exit_code == 0, built.output
    shown = json.loads(cli(runner, tmp_path / "kb", "show", "3.4", "--json").stdout)
    assert "coördinatie" in shown[1]["text"]


@pytest.mark.parametrize("journal", ["{not json", "[]", '{"moves": [["only one"]]}',
                                     '{"moves": [[".tmp-gone", "en/records.yaml.gone"]]}'])
def test_a_damaged_build_journal_is_said_with_the_repair(runner, scratch_kb, journal):
    (scratch_kb / ".build-journal.json").write_text(journal, encoding="utf-8")
    result = cli(runner, scratch_kb, "show", "3.4", "--json")
    assert result.exit_code == 2 and result.stdout == ""
    assert "rebuild with `drugstrat --data" in result.stderr
    assert "Traceback" not in result.output
