"""Data you can trust: what a person adds survives, a build is one step, every fault a user or
the machine can cause ends in one line on stderr — each promise tried the way a hostile tester
would (odd YAML values, aliases, kills mid-build, full disks, swapped sources, symlinks)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from drugstrat.cli.commands import app

from .conftest import EN_SOURCE, NL_SOURCE

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
    for args in (["list", "--format", "jsonl"], ["list", "--format", "yaml"],
                 ["show", "3.4"], ["search", "local effort", "--json"],
                 ["export", "--format", "csv", "--out", "-"],
                 ["export", "--format", "jsonl", "--out", "-"],
                 ["export", "--format", "tmx", "--out", "-"],
                 ["export", "--format", "xliff", "--out", "-"],
                 ["diff", "--fail-on", "never", "--json"], ["validate"]):
        result = cli(runner, scratch_kb, *args)
        assert result.exit_code in (0, 1), (args, result.output)
        assert result.exception is None or isinstance(result.exception, SystemExit), args


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


def test_a_build_killed_at_any_rename_leaves_one_whole_generation(tmp_path, scratch_kb,
                                                                 monkeypatch):
    import os
    import shutil

    from drugstrat.kb import build as kb
    from drugstrat.kb import store

    sources = _edited_sources(tmp_path)
    probe = shutil.copytree(scratch_kb, tmp_path / "probe")
    renames = _replaces_in_a_build(probe, sources, monkeypatch)
    assert renames >= 4  # the staged files and the journal at least
    real = os.replace
    for kill_at in range(renames):
        root = Path(shutil.copytree(scratch_kb, tmp_path / f"kb{kill_at}"))
        calls = []

        def killed(a, b, calls=calls, kill_at=kill_at):
            if len(calls) == kill_at:
                raise KeyboardInterrupt  # the process dies here
            calls.append(b)
            return real(a, b)

        monkeypatch.setattr(os, "replace", killed)
        with pytest.raises(KeyboardInterrupt):
            kb.build(sources, root)
        monkeypatch.undo()
        # Whoever comes next sees the old knowledge base or the new one, never a mix.
        loaded = store.load(root).get("3.4")
        old = (loaded["en"]["text"].startswith("To promote a reinforced"),
               loaded["nl"]["text"].startswith("Bevorderen van een versterkte"))
        new = (loaded["en"]["text"].startswith("To promote a renewed"),
               loaded["nl"]["text"].startswith("Bevorderen van een vernieuwde"))
        assert old == (True, True) or new == (True, True), kill_at
        # And the next build completes it, leaving no staged file behind.
        kb.build(sources, root)
        assert store.load(root).get("3.4")["en"]["text"].startswith("To promote a renewed")
        assert not list(root.rglob(".tmp-*")) and not (root / ".build-journal.json").exists()


def test_a_first_build_killed_half_way_leaves_nothing_or_a_whole_knowledge_base(
        tmp_path, monkeypatch):
    import os

    from drugstrat.errors import KBError
    from drugstrat.kb import build as kb
    from drugstrat.kb import store

    sources = {"en": EN_SOURCE, "nl": NL_SOURCE}
    renames = _replaces_in_a_build(tmp_path / "probe", sources, monkeypatch)
    real = os.replace
    for kill_at in range(renames):
        root = tmp_path / f"kb{kill_at}"
        calls: list[Path] = []

        def killed(a, b, calls=calls, kill_at=kill_at):
            if len(calls) == kill_at:
                raise KeyboardInterrupt
            calls.append(b)
            return real(a, b)

        monkeypatch.setattr(os, "replace", killed)
        with pytest.raises(KeyboardInterrupt):
            kb.build(sources, root)
        monkeypatch.undo()
        try:
            loaded = store.load(root)
        except KBError as exc:
            assert "no knowledge base" in str(exc), kill_at
        else:
            assert loaded.langs == ["en", "nl"], kill_at
            assert len(loaded.versions["en"]) == len(loaded.versions["nl"]) > 100


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
