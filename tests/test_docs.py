"""Documentation that cannot drift: every command has help, and the README's examples are what
the code prints today."""

from __future__ import annotations

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
