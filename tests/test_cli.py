"""The command line as users and scripts see it: stdout, stderr, exit codes."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from drugstrat import __version__
from drugstrat.cli.commands import app
from drugstrat.kb.paths import records_path

from .conftest import build_pair, write


def run(runner, kb_dir: Path, *args: str):
    return runner.invoke(app, ["--data", str(kb_dir), *args])


# -- show ---------------------------------------------------------------------------------------


def test_show_puts_both_languages_side_by_side(runner, bundled_kb):
    result = run(runner, bundled_kb, "show", "3.4")
    assert result.exit_code == 0, result.stderr
    assert "EN" in result.stdout and "NL" in result.stdout
    assert "To promote a reinforced" in result.stdout
    assert "Bevorderen van een" in result.stdout
    assert result.stderr == ""


@pytest.mark.parametrize("typed", ["SO3", "SO 3", "SD.3", "so3", "sd 3", "SO. 3"])
def test_show_forgives_the_way_an_objective_is_typed(runner, bundled_kb, typed):
    result = run(runner, bundled_kb, "show", typed, "--json")
    assert result.exit_code == 0, result.stderr
    assert [r["id"] for r in json.loads(result.stdout)] == ["SO3", "SO3"]


def test_show_json_is_the_records_of_both_languages(runner, bundled_kb):
    result = run(runner, bundled_kb, "show", "3.4", "--json")
    records = json.loads(result.stdout)
    assert [(r["id"], r["lang"], r["type"]) for r in records] == [
        ("3.4", "en", "specific_objective"), ("3.4", "nl", "specific_objective")]
    assert records[1]["emphasis"][0]["kind"] == "bold"


def test_show_one_language(runner, bundled_kb):
    result = run(runner, bundled_kb, "show", "1.1", "--lang", "nl", "--json")
    assert [r["lang"] for r in json.loads(result.stdout)] == ["nl"]


def test_an_unknown_id_says_so_suggests_and_exits_1(runner, bundled_kb):
    result = run(runner, bundled_kb, "show", "3.41")
    assert result.exit_code == 1
    assert result.stdout == ""
    assert "no record with id '3.41'" in result.stderr
    assert "3.4" in result.stderr.split("did you mean", 1)[1]


def test_an_unknown_language_is_a_usage_error(runner, bundled_kb):
    result = run(runner, bundled_kb, "show", "3.4", "--lang", "fr")
    assert result.exit_code == 2
    assert "not a language of this knowledge base" in result.stderr


# -- list ---------------------------------------------------------------------------------------


def test_list_filters_by_type_lang_and_parent(runner, bundled_kb):
    result = run(runner, bundled_kb, "list", "--type", "specific_objective", "--parent", "SO 4",
                 "--lang", "en", "--json")
    assert result.exit_code == 0
    assert [(r["id"], r["lang"]) for r in json.loads(result.stdout)] == [
        ("4.1", "en"), ("4.2", "en"), ("4.3", "en")]


def test_list_jsonl_csv_and_yaml_carry_the_same_records(runner, bundled_kb):
    args = ("list", "--type", "strategic_objective")
    jsonl = [json.loads(line) for line in run(runner, bundled_kb, *args, "-f", "jsonl")
             .stdout.splitlines()]
    rows = list(csv.DictReader(io.StringIO(run(runner, bundled_kb, *args, "-f", "csv").stdout)))
    from ruamel.yaml import YAML

    yaml_records = YAML(typ="safe").load(run(runner, bundled_kb, *args, "-f", "yaml").stdout)
    assert len(jsonl) == len(rows) == len(yaml_records) == 12
    assert [r["id"] for r in rows] == [r["id"] for r in jsonl] == [r["id"] for r in yaml_records]
    assert rows[0]["text"] == jsonl[0]["text"] == yaml_records[0]["text"]


def test_list_table_shows_both_languages(runner, bundled_kb):
    result = run(runner, bundled_kb, "list", "--type", "strategic_objective")
    assert result.exit_code == 0
    assert "SO6" in result.stdout and "6 records" in result.stdout


def test_list_with_an_unknown_type_is_a_usage_error(runner, bundled_kb):
    result = run(runner, bundled_kb, "list", "--type", "objectivez")
    assert result.exit_code == 2
    assert "strategic_objective" in result.stderr


def test_an_empty_listing_is_an_empty_json_array(runner, bundled_kb):
    result = run(runner, bundled_kb, "list", "--parent", "SO1", "--type", "endnote", "--json")
    assert result.exit_code == 0
    assert json.loads(result.stdout) == []


# -- build and validate -------------------------------------------------------------------------


def test_build_from_a_pair_then_check_it(runner, tmp_path):
    en = write(tmp_path / "en.txt", "I. INTRODUCTION\n\nOne paragraph.\n")
    nl = write(tmp_path / "nl.txt", "I. INLEIDING\n\nEen alinea.\n")
    out = tmp_path / "kb"
    result = runner.invoke(app, ["build", "--en", str(en), "--nl", str(nl), "--out", str(out),
                                 "--json"])
    assert result.exit_code == 0, result.stderr
    summary = json.loads(result.stdout)
    assert summary["languages"]["en"]["records"] == 2
    check = runner.invoke(app, ["--data", str(out), "build", "--check"])
    assert (check.exit_code, check.stdout) == (0, "")
    write(out / "en" / "en.txt", "I. INTRODUCTION\n\nAnother paragraph.\n")
    drift = runner.invoke(app, ["--data", str(out), "build", "--check"])
    assert drift.exit_code == 1
    assert "records.yaml differs" in drift.stderr


def test_build_warnings_go_to_stderr_with_file_and_line(runner, tmp_path):
    en = write(tmp_path / "en.txt", "I. STRATEGIC OBJECTIVES\n\nSO. 1 Health\n\nSO. 3 Crime\n\n"
                                    "Body.\n")
    nl = write(tmp_path / "nl.txt", "I. STRATEGISCHE DOELSTELLINGEN\n\nSD. 1 Gezondheid\n\n"
                                    "Tekst.\n")
    result = runner.invoke(app, ["build", "--en", str(en), "--nl", str(nl), "--out",
                                 str(tmp_path / "kb"), "--json"])
    assert result.exit_code == 0
    json.loads(result.stdout)  # stdout stays clean JSON
    assert f"{en}:3: warning: strategic objective 1 has no body" in result.stderr
    assert f"{en}:5: warning: numbering gap: strategic objective 2 is missing" in result.stderr


def test_a_knowledge_base_may_hold_one_language_but_diff_needs_two(runner, tmp_path):
    en = write(tmp_path / "en.txt", "I. INTRODUCTION\n\nOne.\n")
    kb_dir = tmp_path / "kb"
    result = runner.invoke(app, ["build", "--en", str(en), "--out", str(kb_dir), "--json"])
    assert result.exit_code == 0, result.stderr
    assert list(json.loads(result.stdout)["languages"]) == ["en"]
    diff = run(runner, kb_dir, "diff")
    assert diff.exit_code == 2
    assert "diff compares two languages" in diff.stderr and diff.stdout == ""


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "the file is empty"),
        ("caf\u00e9".encode("latin-1") + b"\n", "not UTF-8: byte 0xe9 at offset 3"),
    ],
)
def test_bad_source_files_exit_2_with_a_message_and_no_traceback(runner, tmp_path, content,
                                                                  message):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(content)
    nl = write(tmp_path / "nl.txt", "I. INLEIDING\n\nEen.\n")
    result = runner.invoke(app, ["build", "--en", str(bad), "--nl", str(nl), "--out",
                                 str(tmp_path / "kb")])
    assert result.exit_code == 2
    assert message in result.stderr and str(bad) in result.stderr
    assert "Traceback" not in result.stderr + result.stdout
    assert not (tmp_path / "kb").exists()


def test_encoding_option_reads_a_legacy_file(runner, tmp_path):
    en = tmp_path / "en.txt"
    en.write_bytes("I. INTRODUCTION\n\nCaf\u00e9 policy.\n".encode("cp1252"))
    nl = tmp_path / "nl.txt"
    nl.write_bytes("I. INLEIDING\n\nCaf\u00e9beleid.\n".encode("cp1252"))
    out = tmp_path / "kb"
    result = runner.invoke(app, ["build", "--en", str(en), "--nl", str(nl), "--out", str(out),
                                 "--encoding", "cp1252"])
    assert result.exit_code == 0, result.stderr
    shown = runner.invoke(app, ["--data", str(out), "show", "intro.p1", "--json"])
    assert json.loads(shown.stdout)[0]["text"] == "Caf\u00e9 policy."


def test_validate_exits_1_and_lists_problems(runner, tmp_path):
    root = build_pair(tmp_path, "I. INTRODUCTION\n\nOne.\n\nTwo.\n", "I. INLEIDING\n\nEen.\n")
    result = run(runner, root, "validate", "--json")
    assert result.exit_code == 1
    problems = json.loads(result.stdout)
    assert problems[0]["id"] == "intro.p2" and problems[0]["lang"] == "en"


def test_validate_a_sound_kb_exits_0(runner, tmp_path):
    root = build_pair(tmp_path, "I. INTRODUCTION\n\nOne.\n", "I. INLEIDING\n\nEen.\n")
    result = run(runner, root, "validate", "--json")
    assert (result.exit_code, json.loads(result.stdout)) == (0, [])


def test_broken_yaml_is_a_clean_error(runner, scratch_kb):
    path = records_path(scratch_kb, "en")
    path.write_text("records: [unclosed\n", encoding="utf-8")
    result = run(runner, scratch_kb, "show", "3.4")
    assert result.exit_code == 2
    assert f"{path}:2: invalid YAML" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_missing_kb_is_a_clean_error(runner, tmp_path):
    result = run(runner, tmp_path / "nowhere", "list")
    assert result.exit_code == 2
    assert "no knowledge base here" in result.stderr


def test_the_data_dir_can_come_from_the_environment(runner, bundled_kb):
    result = runner.invoke(app, ["show", "SO1", "--json"], env={"DRUGSTRAT_DATA": str(bundled_kb)})
    assert result.exit_code == 0
    assert json.loads(result.stdout)[0]["id"] == "SO1"


def test_version(runner):
    result = runner.invoke(app, ["--version"])
    assert (result.exit_code, result.stdout) == (0, f"drugstrat {__version__}\n")


# -- untrusted text -----------------------------------------------------------------------------


def test_markup_and_escape_sequences_in_records_are_printed_literally(runner, tmp_path):
    nasty = "Text with [/i] and [bold]markup[/bold] :smile: and \x1b[31mred\x1b[0m."
    root = build_pair(tmp_path, f"I. INTRODUCTION\n\n{nasty}\n", "I. INLEIDING\n\nEen.\n")
    result = run(runner, root, "show", "intro.p1", "--lang", "en")
    assert result.exit_code == 0, result.stderr
    assert "[/i]" in result.stdout and "[bold]markup[/bold]" in result.stdout
    assert ":smile:" in result.stdout
    assert "\x1b" not in result.stdout
    assert "\\x1b[31mred" in result.stdout
    as_json = json.loads(run(runner, root, "show", "intro.p1", "--json").stdout)
    assert as_json[0]["text"] == nasty  # scripts get the exact text


def test_plain_build_rebuilds_the_kb_data_names(runner, scratch_kb):
    result = run(runner, scratch_kb, "build", "--json")
    assert result.exit_code == 0, result.stderr
    summary = json.loads(result.stdout)
    assert summary["built"] and summary["languages"]["nl"]["records"] > 200
    assert run(runner, scratch_kb, "build", "--check").exit_code == 0


def test_build_with_pair_but_nowhere_to_write_is_a_usage_error(runner, tmp_path):
    en = write(tmp_path / "en.txt", "I. INTRODUCTION\n\nOne.\n")
    nl = write(tmp_path / "nl.txt", "I. INLEIDING\n\nEen.\n")
    result = runner.invoke(app, ["build", "--en", str(en), "--nl", str(nl)],
                           env={"DRUGSTRAT_DATA": ""})
    assert result.exit_code == 2 and "--out" in result.stderr


def test_validate_table_names_the_problem(runner, tmp_path):
    root = build_pair(tmp_path, "I. INTRODUCTION\n\nOne.\n\nTwo.\n", "I. INLEIDING\n\nEen.\n")
    result = runner.invoke(app, ["--data", str(root), "validate"], env={"COLUMNS": "140"})
    assert result.exit_code == 1
    assert "intro.p2" in result.stdout and "in nl" in result.stdout
    assert "1 problem(s)" in result.stderr


def test_a_closed_pipe_ends_quietly(tmp_path):
    """`drugstrat list | head -1`: the reader leaving is no error of ours."""
    import subprocess
    import sys

    code = "import sys; from drugstrat.cli import main; sys.argv = ['drugstrat', 'list']; main()"
    process = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, env={**__import__("os").environ,
                                                            "COLUMNS": "80"})
    process.stdout.readline()
    process.stdout.close()
    stderr = process.stderr.read().decode()
    assert process.wait(timeout=60) == 0
    assert "Traceback" not in stderr and "BrokenPipe" not in stderr


# -- global options anywhere, completion, names ---------------------------------------------------


def test_global_options_go_before_or_after_the_command(runner, bundled_kb, tmp_path):
    after = runner.invoke(app, ["show", "3.4", "--data", str(bundled_kb), "--json"],
                          env={"DRUGSTRAT_DATA": str(tmp_path / "nowhere")})
    assert after.exit_code == 0, after.stderr
    assert [r["id"] for r in json.loads(after.stdout)] == ["3.4", "3.4"]
    # The environment's, or one given before the command, stands unless given after it.
    before = runner.invoke(app, ["--data", str(bundled_kb), "show", "3.4", "--json"])
    assert before.stdout == after.stdout
    narrow = runner.invoke(app, ["show", "3.4", "--width", "60", "--lang", "en"],
                           env={"DRUGSTRAT_DATA": str(bundled_kb)})
    assert "EN: To promote" in narrow.stdout  # under 80 columns, a record stacks
    wide = runner.invoke(app, ["--width", "100", "show", "3.4"],
                         env={"DRUGSTRAT_DATA": str(bundled_kb)})
    assert wide.exit_code == 0 and max(len(line) for line in wide.stdout.splitlines()) == 100
    bad = runner.invoke(app, ["show", "3.4", "--color", "sometimes"])
    assert bad.exit_code == 2 and "--color" in bad.stderr


@pytest.mark.parametrize(("where", "escapes"), [(["--color", "always"], True),
                                                (["--color", "never"], False), ([], False)])
def test_colour_goes_into_a_pipe_only_when_asked(runner, bundled_kb, where, escapes):
    result = run(runner, bundled_kb, "show", "3.4", *where)
    assert result.exit_code == 0 and ("\x1b[" in result.stdout) is escapes


def complete(runner, line: str, root: Path) -> list[str]:
    """What the shell's tab key offers after `line` (bash's protocol)."""
    result = runner.invoke(app, [], prog_name="drugstrat", env={
        "_DRUGSTRAT_COMPLETE": "complete_bash", "COMP_WORDS": line,
        "COMP_CWORD": str(len(line.split(" ")) - 1), "DRUGSTRAT_DATA": str(root)})
    return result.stdout.split()


def test_completion_offers_what_the_knowledge_base_holds(runner, bundled_kb):
    assert complete(runner, "drugstrat show 3.4 --lang ", bundled_kb) == ["en", "nl"]
    assert complete(runner, "drugstrat search drugs --so ", bundled_kb) == [
        f"SO{n}" for n in range(1, 7)]
    assert complete(runner, "drugstrat search drugs --so 3", bundled_kb) == ["3"]
    assert complete(runner, "drugstrat list --type sig", bundled_kb) == ["signatory"]
    assert complete(runner, "drugstrat show 3.1", bundled_kb) == ["3.1", "3.10"]
    assert len(complete(runner, "drugstrat show ", bundled_kb)) <= 50
    assert complete(runner, "drugstrat --color a", bundled_kb) == ["auto", "always"]


def test_every_type_is_understood_in_the_singular_and_the_plural(runner, bundled_kb):
    from drugstrat.kb import store
    from drugstrat.kb.names import plural

    for kind in store.load(bundled_kb).types():
        for typed in (kind, plural(kind), plural(kind).upper().replace("_", "-")):
            result = run(runner, bundled_kb, "list", "--type", typed, "--lang", "en", "--json")
            assert result.exit_code == 0, (typed, result.stderr)
            assert {r["type"] for r in json.loads(result.stdout)} == {kind}, typed
    assert run(runner, bundled_kb, "list", "--type", "signatorys").exit_code == 2


def test_show_takes_several_ids_and_refuses_them_all_for_one_unknown(runner, bundled_kb):
    shown = json.loads(run(runner, bundled_kb, "show", "3.2", "SD 3", "--json").stdout)
    assert [(r["id"], r["lang"]) for r in shown] == [("3.2", "en"), ("3.2", "nl"),
                                                      ("SO3", "en"), ("SO3", "nl")]
    table = runner.invoke(app, ["--data", str(bundled_kb), "show", "3.2", "3.4"],
                          env={"COLUMNS": "120"}).stdout
    assert table.index("3.2  specific_objective") < table.index("3.4  specific_objective")
    unknown = run(runner, bundled_kb, "show", "3.2", "9.9", "--json")
    assert (unknown.exit_code, unknown.stdout) == (1, "") and "9.9" in unknown.stderr
    missing = run(runner, bundled_kb, "show", "3.2", "SO2.p3", "--lang", "nl", "--json")
    assert (missing.exit_code, missing.stdout) == (1, "")


@pytest.mark.parametrize(("command", "variants"), [
    (["list"], [["--type", "so"], ["--type", "signatory"], ["--parent", "SO4", "--lang", "nl"]]),
    (["list", "--wide"], [["--type", "so"], ["--type", "signatory"], ["--parent", "SO4"]]),
    (["search"], [["gokken"], ["3.4"], ["minister", "--type", "signatory"]]),
    (["search", "--wide"], [["gokken"], ["3.4"], ["minister", "--type", "signatory"]]),
    (["groups"], [[], ["--so", "2"]]),
    (["xref"], [["SO2.p4"], ["n8"]]),
    (["terms"], [["douaniers"], ["drug", "trafficking"]]),
])
def test_a_commands_csv_header_does_not_depend_on_what_it_shows(runner, bundled_kb, command,
                                                                  variants):
    headers = {run(runner, bundled_kb, *command, *args, "--format", "csv").stdout
               .splitlines()[0] for args in variants}
    assert len(headers) == 1, headers
