"""Languages are data: a French edition, read through its table alone, joins the English and
Dutch ones in a three-language knowledge base that every command answers from."""

from __future__ import annotations

import ast
import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from drugstrat.cli.commands import app
from drugstrat.languages import FRENCH, LANGUAGES
from drugstrat.parse import parse_text

from .conftest import EN_SOURCE, NL_SOURCE

FR_SOURCE = Path(__file__).parent / "data" / "fr" / "strategie-2026-2029.fr.txt"
PACKAGE = Path(__file__).parent.parent / "drugstrat"


def run(runner, kb_dir: Path, *args: str):
    return runner.invoke(app, ["--data", str(kb_dir), *args])


@pytest.fixture(scope="module")
def trilingual(tmp_path_factory, runner_module) -> Path:
    root = tmp_path_factory.mktemp("trilingual") / "kb"
    result = runner_module.invoke(app, ["build", "--en", str(EN_SOURCE), "--nl", str(NL_SOURCE),
                                        "--source", f"fr={FR_SOURCE}", "--out", str(root),
                                        "--json"])
    assert result.exit_code == 0, result.stderr
    return root


@pytest.fixture(scope="module")
def runner_module():
    from typer.testing import CliRunner

    return CliRunner()


def test_the_french_edition_parses_through_its_table_alone():
    records = {r["id"]: r for r in parse_text(FR_SOURCE.read_text(encoding="utf-8"),
                                              FRENCH).records}
    assert records["title"]["text"].startswith("STRATÉGIE INTERFÉDÉRALE")
    assert records["date"]["text"] == "Mars 2026"
    assert records["SO1"]["text"] == "Promouvoir et protéger la santé et le bien-être"
    assert [i for i in records if records[i]["type"] == "specific_objective"] == [
        "1.1", "1.2", "2.1", "2.2", "2.3"]
    assert sum(r["type"] == "mission_aim" for r in records.values()) == 9
    groups = [r["text"] for r in records.values() if r["type"] == "target_group"]
    assert "les personnes âgées" in groups and "les réfugiés" in groups
    assert records["n1"]["cited_by"] == ["intro.p2"]
    assert records["mission.p1"]["emphasis"][0]["kind"] == "bold"


def test_every_language_word_lives_in_a_language_table():
    """No module outside `languages/` compares against a language code or holds a language's
    words; the CLI's --en/--nl shortcuts and TMX's admin language are the named exceptions."""
    allowed = {("cli/build.py", "en"), ("cli/build.py", "nl"), ("export/tmx.py", "en")}
    codes = set(LANGUAGES) | {code.upper() for code in LANGUAGES}
    words = {w.casefold() for table in LANGUAGES.values()
             for w in (*table.specific_objectives_labels, *table.section_names,
                       *table.aims_cues, *table.means_cues, *table.months)}
    # Section keys are language-neutral ids, though some read like English headings.
    words -= {key for table in LANGUAGES.values() for key in table.section_names.values()}
    found = []
    for path in PACKAGE.rglob("*.py"):
        where = path.relative_to(PACKAGE).as_posix()
        if where.startswith("languages/"):
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not (isinstance(node, ast.Constant) and isinstance(node.value, str)):
                continue
            a_code = node.value in codes and (where, node.value) not in allowed
            if a_code or node.value.casefold() in words:
                found.append((where, node.lineno, node.value))
    assert found == []


def test_a_three_language_kb_shows_an_objective_in_three_languages(runner, trilingual):
    result = run(runner, trilingual, "show", "SO1", "--json")
    assert result.exit_code == 0, result.stderr
    records = json.loads(result.stdout)
    assert [r["lang"] for r in records] == ["en", "nl", "fr"]
    assert records[2]["text"] == "Promouvoir et protéger la santé et le bien-être"
    table = runner.invoke(app, ["--data", str(trilingual), "show", "2.1"],
                          env={"COLUMNS": "150"})
    assert "FR" in table.stdout and "Améliorer" in table.stdout


def test_the_manifest_keeps_the_order_the_sources_were_given(trilingual):
    from drugstrat.kb.manifest import language_order

    assert language_order(trilingual) == ["en", "nl", "fr"]


def test_search_folds_french_accents(runner, trilingual):
    result = run(runner, trilingual, "search", "personnes agees", "--lang", "fr", "--json")
    assert result.exit_code == 0, result.stderr
    hits = json.loads(result.stdout)
    assert hits[0]["lang"] == "fr" and "âgées" in hits[0]["text"]


def test_diff_compares_the_reference_with_the_language_asked_for(runner, trilingual):
    result = run(runner, trilingual, "diff", "--pair", "en:fr", "--fail-on", "never", "--json")
    assert result.exit_code == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["summary"]["pairs"] == ["en:fr"]
    assert {f["pair"] for f in report["findings"]} == {"en:fr"}
    missing = {f["id"] for f in report["findings"] if f["check"] == "missing"}
    assert {"1.3", "2.4", "SO3"} <= missing  # what the short edition leaves out
    assert all("fr" in f and "en" in f and "nl" not in f for f in report["findings"])


def test_diff_by_default_compares_the_reference_with_each_other_language(runner, trilingual):
    report = json.loads(run(runner, trilingual, "diff", "--fail-on", "never", "--json").stdout)
    assert report["summary"]["pairs"] == ["en:nl", "en:fr"]


def test_an_unknown_pair_is_a_usage_error(runner, trilingual):
    result = run(runner, trilingual, "diff", "--pair", "en:de")
    assert result.exit_code == 2 and "A:B" in result.stderr


def test_exports_write_the_pair_asked_for(runner, trilingual, tmp_path):
    out = tmp_path / "fr.tmx"
    result = run(runner, trilingual, "export", "--format", "tmx", "--pair", "en:fr",
                 "--out", str(out))
    assert result.exit_code == 0, result.stderr
    root = ET.parse(out).getroot()
    assert root.find("header").get("srclang") == "en"
    langs = {tuv.get("{http://www.w3.org/XML/1998/namespace}lang") for tuv in root.iter("tuv")}
    assert langs == {"en", "fr"}
    csv = run(runner, trilingual, "export", "--format", "csv", "--pair", "fr:en", "--out", "-")
    assert csv.stdout.splitlines()[0].lstrip("\ufeff") == "id,type,parent,fr,en"
