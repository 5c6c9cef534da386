"""A knowledge base received from someone else is untrusted input: no path its journal, its
records or its links name may take a read or a write outside it; its caches and lock are
drugstrat's own regular files or refused; a person's files keep their mode and owner; a
language it lists and lacks is an error; a kept lexicon of the wrong pair or shape is learned
again, and said."""

from __future__ import annotations

import json
import os
import shutil
import stat
import subprocess
import sys

import pytest

from drugstrat.cli.commands import app

from .conftest import EN_SOURCE
from .test_trust import add_fields, cli


def bounded(*args: str, timeout: int = 120) -> subprocess.CompletedProcess[bytes]:
    """drugstrat in a child process that cannot hang the suite (`timeout`) or eat the machine
    (4 GB of address space at most): for what, wrongly handled, would block or read forever."""
    command = " ".join(["ulimit -v 4000000;", "exec", '"$0"', "-m", "drugstrat", '"$@"'])
    return subprocess.run(["sh", "-c", command, sys.executable, *args], capture_output=True,
                          timeout=timeout)


# -- the journal ---------------------------------------------------------------------------------


@pytest.mark.parametrize("move", [
    ["en/.tmp-planted", "{victim}"],  # attacker content over a file of the user's
    ["en/.tmp-planted", "../victim.txt"],
    ["{victim}", "en/stolen.txt"],  # the user's own file moved into the knowledge base
    ["../victim.txt", "en/stolen.txt"],
    ["en/.tmp-planted", "en/link.yaml"],  # a link of the knowledge base leading out of it
], ids=["absolute target", "target above", "absolute source", "source above", "link out"])
def test_a_received_journal_naming_files_outside_moves_nothing(runner, scratch_kb, tmp_path,
                                                                move):
    victim = tmp_path / "victim.txt"  # beside the knowledge base, which is tmp_path / "kb"
    victim.write_text("the user's own file\n", encoding="utf-8")
    (scratch_kb / "en" / ".tmp-planted").write_text("attacker content\n", encoding="utf-8")
    (scratch_kb / "en" / "link.yaml").symlink_to(victim)
    # Even the name a build would have staged beside the file the link leads to.
    (tmp_path / ".tmp-victim.txt.build-0123456789abcdef.x").write_text("attacker content\n",
                                                                       encoding="utf-8")
    journal = {"build": "0123456789abcdef",
               "moves": [[part.format(victim=victim) for part in move]]}
    (scratch_kb / ".build-journal.json").write_text(json.dumps(journal), encoding="utf-8")

    query = cli(runner, scratch_kb, "show", "3.4", "--json")
    assert query.exit_code == 2 and query.stdout == ""
    assert ".build-journal.json" in query.stderr and "nothing was moved" in query.stderr
    assert victim.read_text(encoding="utf-8") == "the user's own file\n"
    assert not (scratch_kb / "en" / "stolen.txt").exists()
    # A build discards such a journal (it writes every file anew), and moves nothing either.
    assert cli(runner, scratch_kb, "build").exit_code == 0
    assert victim.read_text(encoding="utf-8") == "the user's own file\n"
    assert not (scratch_kb / ".build-journal.json").exists()
    assert not (scratch_kb / "en" / "stolen.txt").exists()
    assert cli(runner, scratch_kb, "show", "3.4", "--json").exit_code == 0


# -- links and names leading out -----------------------------------------------------------------


def test_a_link_leading_out_of_the_knowledge_base_is_never_written_through(runner, scratch_kb,
                                                                          tmp_path):
    records = scratch_kb / "en" / "records.yaml"
    outside = tmp_path / "outside.yaml"
    shutil.move(records, outside)
    records.symlink_to(outside)
    before = outside.read_bytes()
    result = cli(runner, scratch_kb, "build")
    assert result.exit_code == 2 and "outside the knowledge base" in result.stderr
    assert str(records) in result.stderr
    assert outside.read_bytes() == before and records.is_symlink()


def test_a_cache_folder_leading_out_of_the_knowledge_base_is_never_written_in(runner,
                                                                             scratch_kb,
                                                                             tmp_path):
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    shutil.rmtree(scratch_kb / ".cache")
    (scratch_kb / ".cache").symlink_to(elsewhere)
    for args in (["show", "3.4", "--json"], ["search", "prevention", "--json"]):
        result = cli(runner, scratch_kb, *args)
        assert result.exit_code == 2 and "symbolic link" in result.stderr, args
    assert list(elsewhere.iterdir()) == []


@pytest.mark.parametrize("name", ["../../outside.txt", "/etc/hostname"])
def test_a_source_named_outside_the_knowledge_base_is_refused(runner, scratch_kb, tmp_path,
                                                              name):
    (tmp_path / "outside.txt").write_text(EN_SOURCE.read_text(encoding="utf-8"),
                                          encoding="utf-8")
    records = scratch_kb / "en" / "records.yaml"
    text = records.read_text(encoding="utf-8")
    records.write_text(text.replace(f"source: {EN_SOURCE.name}\n", f"source: {name}\n", 1),
                       encoding="utf-8")
    result = cli(runner, scratch_kb, "build")
    assert result.exit_code == 2 and "no file name of its folder" in result.stderr
    # Nor does a source file of the knowledge base that is a link leading out of it serve.
    records.write_text(text, encoding="utf-8")
    (scratch_kb / "en" / EN_SOURCE.name).unlink()
    (scratch_kb / "en" / EN_SOURCE.name).symlink_to(tmp_path / "outside.txt")
    result = cli(runner, scratch_kb, "build")
    assert result.exit_code == 2 and "outside the knowledge base" in result.stderr


# -- caches and the lock: drugstrat's own regular files ------------------------------------------


@pytest.mark.parametrize("name, args", [
    (".cache/kb.json", ["show", "3.4", "--json"]),
    (".cache/kb.lexicon-en-nl.json", ["terms", "drug trafficking", "--json"]),
    (".cache/kb.spelling-en.json", ["diff", "--check", "spelling", "--json"]),
    (".build.lock", ["build"]),
])
@pytest.mark.parametrize("kind", ["named pipe", "link to /dev/zero"])
def test_caches_and_the_lock_that_are_no_regular_files_are_refused(scratch_kb, name, args,
                                                                   kind):
    path = scratch_kb / name
    path.unlink(missing_ok=True)
    if kind == "named pipe":
        os.mkfifo(path)  # would block every command that opens it
    else:
        path.symlink_to("/dev/zero")  # would be read until memory ran out
    done = bounded("--data", str(scratch_kb), *args)
    assert done.returncode == 2 and done.stdout == b""
    assert b"not a regular file" in done.stderr and name.encode() in done.stderr
    assert done.stderr.count(b"\n") == 1 and b"Traceback" not in done.stderr


def test_a_cache_linked_to_a_file_outside_is_refused_not_written_through(scratch_kb,
                                                                         tmp_path, runner):
    outside = tmp_path / "notes.txt"
    outside.write_text("a file of the user's\n", encoding="utf-8")
    for name in ("kb.json", "kb.search.db"):
        (scratch_kb / ".cache" / name).unlink()
        (scratch_kb / ".cache" / name).symlink_to(outside)
    for args in (["show", "3.4", "--json"], ["search", "prevention", "--json"]):
        result = cli(runner, scratch_kb, *args)
        assert result.exit_code == 2 and "not a regular file" in result.stderr, args
    assert outside.read_text(encoding="utf-8") == "a file of the user's\n"


# -- a person's files keep their mode and owner ---------------------------------------------------


def test_a_rewrite_keeps_the_mode_and_owner_of_a_persons_file(runner, scratch_kb, tmp_path):
    records = scratch_kb / "en" / "records.yaml"
    add_fields(scratch_kb, "en", "3.4", "    note: private\n")
    os.chmod(records, 0o600)
    owner = None
    if os.geteuid() == 0:  # a rebuild by root of a knowledge base of someone else's
        os.chown(records, 4242, 4343)
        owner = (4242, 4343)
    assert cli(runner, scratch_kb, "build").exit_code == 0
    info = records.stat()
    assert stat.S_IMODE(info.st_mode) == 0o600 and "note: private" in records.read_text(
        encoding="utf-8")
    if owner is not None:
        assert (info.st_uid, info.st_gid) == owner
    # An export forced over a private file keeps it private.
    private = tmp_path / "private.csv"
    private.write_text("old\n", encoding="utf-8")
    os.chmod(private, 0o600)
    result = cli(runner, scratch_kb, "export", "--format", "csv", "--out", str(private),
                 "--force")
    assert result.exit_code == 0 and private.read_text(encoding="utf-8").startswith("id,")
    assert stat.S_IMODE(private.stat().st_mode) == 0o600


# -- the languages a knowledge base lists --------------------------------------------------------


def test_a_language_the_knowledge_base_lists_but_lacks_is_an_error(runner, scratch_kb):
    (scratch_kb / "nl" / "records.yaml").unlink()
    checked = cli(runner, scratch_kb, "validate", "--json")
    assert checked.exit_code == 1
    problems = json.loads(checked.stdout)
    assert any(p["file"] == "nl/records.yaml" and "kb.yaml lists nl" in p["problem"]
               for p in problems)
    shown = cli(runner, scratch_kb, "show", "3.4", "--json")
    assert shown.exit_code == 2 and shown.stdout == ""
    assert "nl/records.yaml" in shown.stderr and "missing" in shown.stderr


def test_a_rebuild_with_one_language_fewer_answers_every_query(runner, scratch_kb):
    dutch = (scratch_kb / "nl" / "records.yaml").read_bytes()
    built = runner.invoke(app, ["build", "--source", f"en={EN_SOURCE}", "--out",
                                str(scratch_kb)])
    assert built.exit_code == 0, built.output
    assert "nl" in built.stderr and "left as they were" in built.stderr
    shown = cli(runner, scratch_kb, "show", "3.4", "--json")
    assert shown.exit_code == 0 and [r["lang"] for r in json.loads(shown.stdout)] == ["en"]
    assert cli(runner, scratch_kb, "validate").exit_code in (0, 1)
    # A plain rebuild keeps the languages the knowledge base now lists; the Dutch file a
    # person may have annotated stays as it was.
    assert cli(runner, scratch_kb, "build").exit_code == 0
    shown = cli(runner, scratch_kb, "show", "3.4", "--json")
    assert [r["lang"] for r in json.loads(shown.stdout)] == ["en"]
    assert (scratch_kb / "nl" / "records.yaml").read_bytes() == dutch


# -- a kept lexicon is checked for its pair and its shape ----------------------------------------


@pytest.mark.parametrize("damage", [
    lambda lexicon: {**lexicon, "langs": lexicon["langs"][::-1]},  # the pair swapped
    lambda lexicon: {**lexicon, "scores": {"drug": 5}},  # a value of the wrong kind inside
    lambda lexicon: {**lexicon, "support": {"drug\tdrugs": "SO1"}},
    lambda lexicon: {**lexicon, "compounds": {"nl": {"drugshandel": [1, 2]}}},
], ids=["swapped pair", "scores", "support", "compounds"])
def test_a_kept_lexicon_of_another_pair_or_shape_is_learned_again_and_said(runner, scratch_kb,
                                                                           damage):
    def findings() -> tuple[set[str], str]:
        # One check that reads the lexicon: named checks always run (nothing kept answers).
        result = cli(runner, scratch_kb, "diff", "--check", "mistranslation", "--json",
                     "--fail-on", "never")
        assert result.exit_code == 0 and result.exception is None or isinstance(
            result.exception, SystemExit), result.output
        return {f["finding"] for f in json.loads(result.stdout)["findings"]}, result.stderr

    sound, _ = findings()
    path = scratch_kb / ".cache" / "kb.lexicon-en-nl.json"
    kept = json.loads(path.read_text(encoding="utf-8"))
    kept["lexicon"] = damage(kept["lexicon"])  # its stamp still matches the knowledge base
    path.write_text(json.dumps(kept), encoding="utf-8")
    again, said = findings()
    assert again == sound
    assert "kb.lexicon-en-nl.json" in said and "learned again" in said
