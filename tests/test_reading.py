"""Reading a passage in full and citing it, as an analyst does before writing a note."""

from __future__ import annotations

import json

from drugstrat.cli.commands import app


def run(runner, root, *args):
    return runner.invoke(app, ["--data", str(root), *args])


def test_a_strategic_objective_reads_in_full_as_running_text(runner, bundled_kb):
    result = run(runner, bundled_kb, "read", "SO5", "--lang", "en")
    assert result.exit_code == 0
    text = result.stdout
    assert text.startswith("SO 5 – To provide a high-quality monitoring strategy")
    # Its paragraphs, then its specific objectives, in document order, a paragraph a line.
    order = [text.index(f"\n5.{n} ") for n in (1, 2, 3, 4)]
    assert order == sorted(order)
    assert "scientifically based understanding" in text.split("\n5.1 ")[0]
    assert not any(ch in text for ch in "│┃━┏")  # no table borders to clean up after pasting
    assert all(len(block.splitlines()) == 1 for block in text.strip().split("\n\n"))


def test_two_languages_read_record_by_record(runner, bundled_kb):
    text = run(runner, bundled_kb, "read", "3.4").stdout
    en, nl = text.strip().split("\n\n")
    assert en.startswith("[en] 3.4 To promote") and nl.startswith("[nl] 3.4 Bevorderen")


def test_markdown_keeps_headings_lists_and_emphasis(runner, bundled_kb):
    text = run(runner, bundled_kb, "read", "SO1", "--lang", "nl", "--format", "md").stdout
    assert text.startswith("### SD 1 – ")
    assert "\n- " in text  # SO1's lists
    bold = run(runner, bundled_kb, "read", "3.4", "--lang", "nl", "--format", "md").stdout
    assert "**een versterkte lokale aanpak van drugsteelt, drugsproductie en -handel**" in bold


def test_the_whole_document_reads_without_an_id(runner, bundled_kb):
    text = run(runner, bundled_kb, "read", "--lang", "en").stdout
    assert all(f"SO {n} – " in text for n in range(1, 7))
    assert text.index("SO 1 – ") < text.index("SO 6 – ")


def test_reading_an_unknown_id_exits_1_with_suggestions(runner, bundled_kb):
    result = run(runner, bundled_kb, "read", "SO9")
    assert result.exit_code == 1 and result.stdout == "" and "SO6" in result.stderr


def test_a_citation_names_the_passage_in_the_documents_own_words(runner, bundled_kb):
    en = run(runner, bundled_kb, "cite", "3.10").stdout.strip()
    assert en.endswith("specific objective 3.10.") and "(2026)" in en
    assert "Interfederal Strategy for a Comprehensive and Integrated Drugs Policy" in en
    nl = run(runner, bundled_kb, "cite", "3.10", "--lang", "nl").stdout.strip()
    assert nl.endswith("specifieke doelstelling 3.10.")
    assert nl.startswith("Algemene Cel Drugsbeleid (2026).")  # as the text writes the name
    assert "(SD 3)" in run(runner, bundled_kb, "cite", "SD 3", "--lang", "nl").stdout
    item = run(runner, bundled_kb, "cite", "SO1.l2.3").stdout
    assert "strategic objective 1 (SO 1), list 2, item 3." in item


def test_a_citation_as_json_and_with_its_text(runner, bundled_kb):
    data = json.loads(run(runner, bundled_kb, "cite", "3.4", "--json").stdout)
    assert {"id", "lang", "label", "title", "publisher", "year", "citation"} <= set(data)
    quoted = run(runner, bundled_kb, "cite", "3.4", "--quote").stdout
    assert "“To promote a reinforced local effort" in quoted


def test_a_passage_as_json_records_and_side_by_side(runner, bundled_kb):
    records = json.loads(run(runner, bundled_kb, "read", "SO5", "--lang", "nl", "--format",
                             "json").stdout)
    assert [r["id"] for r in records][:2] == ["SO5", "SO5.p1"]
    assert {r["lang"] for r in records} == {"nl"} and "5.4" in [r["id"] for r in records]
    side = runner.invoke(app, ["--data", str(bundled_kb), "--width", "120", "read", "SO5",
                               "--side"])
    assert side.exit_code == 0 and "EN" in side.stdout and "NL" in side.stdout
    assert "│" in side.stdout  # a table, for the terminal


def test_citing_an_unknown_id_exits_1_with_suggestions(runner, bundled_kb):
    result = run(runner, bundled_kb, "cite", "9.9")
    assert result.exit_code == 1 and result.stdout == "" and "did you mean" in result.stderr
