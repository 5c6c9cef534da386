"""Documentation that cannot drift: every command has help, and the README's examples are what
the code prints today."""

from __future__ import annotations

import json
import os
import re
import shlex
from pathlib import Path

import pytest
import typer

from drugstrat.cli.commands import app

README = Path(__file__).parent.parent / "README.md"
COMMANDS = sorted(c.name or c.callback.__name__ for c in app.registered_commands)


def test_there_are_commands():
    assert {"build", "list", "show", "validate"} <= set(COMMANDS)


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_help(runner, command):
    result = runner.invoke(app, [command, "--help"])
    assert result.exit_code == 0
    info = typer.main.get_command(app).commands[command]
    assert info.help and len(info.help.strip()) > 20, f"{command} needs a docstring"
    assert "Example:" in info.help


def test_every_command_is_in_the_readme():
    text = README.read_text(encoding="utf-8")
    for command in COMMANDS:
        assert f"drugstrat {command}" in text, command


def test_quick_start_holds_exactly_two_command_lines():
    text = README.read_text(encoding="utf-8")
    section = text.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    blocks = re.findall(r"```[a-z]*\n(.*?)```", section, re.DOTALL)
    assert len(blocks) == 1
    lines = [line for line in blocks[0].splitlines() if line.strip()]
    assert len(lines) == 2
    assert "drugstrat show" in lines[0] and "pytest" in lines[1]


def readme_examples() -> list[tuple[str, str]]:
    """(`drugstrat …` command, its output) from the README's ```console blocks."""
    text = README.read_text(encoding="utf-8")
    examples = []
    for block in re.findall(r"```console\n(.*?)```", text, re.DOTALL):
        for chunk in re.split(r"^\$ ", block, flags=re.MULTILINE)[1:]:
            command, _, output = chunk.partition("\n")
            examples.append((command, output))
    return examples


def run_example(runner, command: str) -> str:
    """What `command` prints on stdout today (a trailing `| head -N` is honoured)."""
    args = shlex.split(command.split("|")[0])
    assert args[0] == "drugstrat"
    shown = runner.invoke(app, args[1:], env={"COLUMNS": "100", "DRUGSTRAT_DATA": ""}).stdout
    if "| head -" in command:
        shown = "".join(shown.splitlines(keepends=True)[: int(command.rsplit("-", 1)[1])])
    return shown


@pytest.mark.parametrize(("command", "output"), readme_examples(),
                         ids=[c for c, _ in readme_examples()])
def test_readme_examples_are_real_output(runner, command, output):
    """After an intended change of output, `UPDATE_README=1 pytest tests/test_docs.py` rewrites
    the examples; review the diff."""
    actual = run_example(runner, command)
    if os.environ.get("UPDATE_README"):
        text = README.read_text(encoding="utf-8")
        README.write_text(text.replace(f"$ {command}\n{output}", f"$ {command}\n{actual}", 1),
                          encoding="utf-8")
        return
    assert actual == output, command


def test_every_command_is_mapped_to_its_module_for_the_entry_point():
    """`main` imports only the module of the command run; the map must know every command."""
    from drugstrat.cli.commands import COMMAND_MODULES

    assert set(COMMAND_MODULES) == set(COMMANDS)


@pytest.mark.parametrize("command", COMMANDS)
def test_the_real_entry_point_runs_each_command(command):
    import subprocess
    import sys

    code = ("import sys; from drugstrat.cli import main; "
            f"sys.argv = ['drugstrat', {command!r}, '--help']; main()")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            timeout=60)
    assert result.returncode == 0, result.stderr
    assert f"drugstrat {command}" in result.stdout


def test_every_test_the_readme_names_exists():
    """The README backs its promises with named tests: each must be a test of the suite."""

    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    named = set(re.findall(r"`(test_\w+)`", readme))
    suite = "".join(p.read_text(encoding="utf-8")
                    for p in Path(__file__).resolve().parent.glob("test_*.py"))
    assert named and not {name for name in named if f"def {name}(" not in suite}


# -- every example is run -------------------------------------------------------------------------

SOURCES = Path(__file__).parent.parent / "data"
FRENCH = next((Path(__file__).parent / "data" / "fr").glob("*.txt"))


@pytest.fixture
def workdir(tmp_path):
    """A folder holding the sources the examples name (en.txt, nl.txt, fr.txt)."""
    folder = tmp_path / "examples"
    folder.mkdir()
    for lang in ("en", "nl"):
        (folder / f"{lang}.txt").write_bytes(next((SOURCES / lang).glob("*.txt")).read_bytes())
    (folder / "fr.txt").write_bytes(FRENCH.read_bytes())
    return folder


def run_anywhere(runner, command: str, root: Path, folder: Path, monkeypatch):
    """Run a documented command line in `folder` against the knowledge base `root`: a pipe
    runs its first command, a `> FILE` redirect writes the output there. Returns the result and
    the text the command wrote (to stdout, or to the file it names)."""
    monkeypatch.chdir(folder)
    line, _, redirect = command.split("|")[0].partition(" > ")
    args = shlex.split(line)
    assert args[0] == "drugstrat"
    result = runner.invoke(app, args[1:], env={"DRUGSTRAT_DATA": str(root), "COLUMNS": "100"})
    written = result.stdout
    if redirect:
        (folder / redirect.strip()).write_text(written, encoding="utf-8")
    out = next((args[i + 1] for i, a in enumerate(args[:-1]) if a in ("--out", "-o")), None)
    if out and out != "-":
        target = folder / out
        written = "".join(p.read_text(encoding="utf-8", errors="replace")
                          for p in ([target] if target.is_file() else target.rglob("*.yaml")))
    return result, written


def help_examples() -> list[tuple[str, str]]:
    """(command, its `Example:` line) of every command's help."""
    group = typer.main.get_command(app)
    return [(name, re.search(r"Example: (.+)", group.commands[name].help or "").group(1))
            for name in COMMANDS]


# Commands that answer "is anything wrong?" exit 1 when something is (README, "Exit codes").
FINDS = ("diff", "validate")


@pytest.mark.parametrize(("command", "example"), help_examples(),
                         ids=[name for name, _ in help_examples()])
def test_every_help_example_runs_and_gives_what_it_says(runner, bundled_kb, workdir,
                                                       monkeypatch, command, example):
    result, written = run_anywhere(runner, example, bundled_kb, workdir, monkeypatch)
    assert result.exit_code in ((0, 1) if command in FINDS else (0,)), (example, result.stderr)
    assert written.strip(), example
    assert "Traceback" not in result.stderr


def readme_lines() -> list[str]:
    """The command lines the README gives to run, outside its console blocks: inline ones and
    those of its `sh` blocks, but not a placeholder (ID, FILE, …) nor a heading's bare name."""
    text = README.read_text(encoding="utf-8")
    lines = [" ".join(span.split()) for span in re.findall(r"`(drugstrat [^`]+)`", text)]
    for block in re.findall(r"```sh\n(.*?)```", text, re.DOTALL):
        lines += [line.strip() for line in block.splitlines() if line.startswith("drugstrat ")]
    placeholder = re.compile(r"\b[A-Z]{2,}\b|…|\[|--install-completion")
    # A heading's `drugstrat list` names a command; a line to run says more.
    return [line for line in dict.fromkeys(lines)
            if len(line.split()) > 2 and not placeholder.search(line)]


def test_the_readme_gives_command_lines_to_run():
    lines = readme_lines()
    assert "drugstrat list --type specific --wide --format excel > objectives.csv" in lines
    assert any(line.startswith("drugstrat show 3.2 3.4") for line in readme_lines())


@pytest.mark.parametrize("command", readme_lines())
def test_every_readme_command_line_runs(runner, scratch_kb, workdir, monkeypatch, command):
    """Against a copy of the bundled knowledge base: some lines record decisions in it."""
    if "--apply" in command:
        (workdir / "decisions.yaml").write_text("decisions: []\n", encoding="utf-8")
    result, written = run_anywhere(runner, command, scratch_kb, workdir, monkeypatch)
    name = shlex.split(command)[1]
    assert result.exit_code in ((0, 1) if name in FINDS else (0,)), (command, result.stderr)
    assert written.strip() or "--apply" in command, command
    assert "Traceback" not in result.stderr


# -- every command's JSON shape -------------------------------------------------------------------


def json_shapes() -> list[tuple[str, str, list[str]]]:
    """(command line, what it prints, the keys it promises) from the README's table."""
    text = README.read_text(encoding="utf-8")
    table = text.split("**Every command's JSON**", 1)[1].split("\n\n", 2)[1]
    rows = []
    for line in table.splitlines()[2:]:
        command, prints, keys = (cell.strip() for cell in line.strip("|").split("|"))
        rows.append((command.strip("`"), prints, re.findall(r"`([^`]+)`", keys)))
    return rows


def test_every_command_that_prints_json_has_its_shape_documented():
    documented = {shlex.split(command)[1] for command, _, _ in json_shapes()}
    # The commands writing files or pages only: an HTML page, a built knowledge base.
    assert documented == set(COMMANDS) - {"report"}


@pytest.mark.parametrize(("command", "prints", "keys"), json_shapes(),
                         ids=[c for c, _, _ in json_shapes()])
def test_every_commands_json_has_the_documented_shape(runner, bundled_kb, command, prints,
                                                      keys):
    result = runner.invoke(app, ["--data", str(bundled_kb), *shlex.split(command)[1:]])
    assert result.exit_code in (0, 1), result.stderr
    if prints.startswith("JSON Lines"):
        items = [json.loads(line) for line in result.stdout.splitlines()]
    else:
        document = json.loads(result.stdout)
        assert isinstance(document, list if prints.startswith("an array") else dict)
        items = document if isinstance(document, list) else [document]
    assert items
    for item in items:
        assert set(keys) <= set(item), (command, set(keys) - set(item))
        if "side-by-side row" in prints.split(";")[0]:
            assert_side_by_side(item)
    if command.startswith("drugstrat xref"):
        rows = [items[0]["parent"], *(r for key in ("children", "target_groups", "same_groups",
                                                    "endnotes", "cited_by")
                                      for r in items[0][key])]
        for row in rows:
            assert {"id", "type", "parent", "number", "aligned"} <= set(row)
            assert_side_by_side(row)


def assert_side_by_side(row):
    """The side-by-side row: a string (or null) per language, an object per language under
    `langs`, and no `FIELD:LANG` keys."""
    langs = row["langs"]
    assert set(langs) == {"en", "nl"} and all(isinstance(v, dict) for v in langs.values())
    assert all(row[code] is None or isinstance(row[code], str) for code in langs)
    assert not [key for key in row if ":" in key]
