"""The habits of a terminal: help that puts the analyst's commands first, -h, completion of ids
and types, tables that wrap or stack at any width."""

from __future__ import annotations

import os
import subprocess
import sys

from drugstrat.cli.commands import app


def test_help_lists_the_analysts_commands_first_each_on_one_line(runner):
    result = runner.invoke(app, ["-h"], env={"COLUMNS": "100"})
    assert result.exit_code == 0
    text = result.stdout
    sections = [text.index(s) for s in ("Read and search:", "Check the translation:",
                                         "Export and build:")]
    assert sections == sorted(sections)
    first = text[sections[0]:sections[1]].splitlines()[1:]
    assert [line.split()[0] for line in first if line.strip()][:3] == ["search", "show", "read"]
    listed = text[sections[0]:]
    assert "..." not in listed and "…" not in listed  # no description cut short


def test_dash_h_works_on_every_command(runner):
    for command in ("search", "show", "read", "cite", "list", "diff", "export", "build"):
        result = runner.invoke(app, [command, "-h"])
        assert result.exit_code == 0 and "Usage:" in result.stdout, command


def _complete(*words: str) -> list[str]:
    env = {**os.environ, "_DRUGSTRAT_COMPLETE": "complete_bash",
           "COMP_WORDS": " ".join(["drugstrat", *words]), "COMP_CWORD": str(len(words))}
    done = subprocess.run([sys.executable, "-m", "drugstrat"], env=env, capture_output=True,
                          text=True, timeout=60)
    return done.stdout.split()


def test_the_shell_completes_ids_and_types():
    assert _complete("show", "3.1")[:2] == ["3.1", "3.10"]
    assert "SO3" in _complete("read", "SO")
    assert _complete("list", "--type", "spec") == ["specific_objective"]


def test_a_narrow_terminal_stacks_records_instead_of_squeezing_a_table(runner, bundled_kb):
    result = runner.invoke(app, ["--data", str(bundled_kb), "--width", "60", "show", "3.4"])
    assert result.exit_code == 0
    assert "│" not in result.stdout and "EN: To promote" in result.stdout
    assert max(len(line) for line in result.stdout.splitlines()) <= 60


def test_a_wide_table_wraps_its_text_rather_than_cutting_it(runner, bundled_kb):
    from drugstrat.kb import store

    result = runner.invoke(app, ["--data", str(bundled_kb), "--width", "120", "list",
                                 "--parent", "SO5"])
    assert result.exit_code == 0 and "…" not in result.stdout
    # The English column, cell by cell, holds every word of 5.1's text, in order.
    english = " ".join(line.split("│")[3].strip() for line in result.stdout.splitlines()
                       if line.count("│") == 5)
    whole = store.load(bundled_kb).get("5.1")["en"]["text"]
    assert " ".join(whole.split()) in " ".join(english.split())
    assert "7 records" in result.stdout
