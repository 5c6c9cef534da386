"""Reading a passage in full and citing it, as an analyst does before writing a note."""

from __future__ import annotations

import json

from drugstrat.cli.commands import app

from .conftest import build_pair


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
    assert "specific objective 3.10." in en and "(2026)" in en
    assert "Interfederal Strategy for a Comprehensive and Integrated Drugs Policy" in en
    nl = run(runner, bundled_kb, "cite", "3.10", "--lang", "nl").stdout.strip()
    assert "specifieke doelstelling 3.10." in nl
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


# -- citations true to the edition cited ---------------------------------------------------------


def test_a_citation_counts_paragraphs_in_the_edition_cited(runner, bundled_kb):
    """The Dutch SD 2 merges the English paragraphs 2 and 3: its paragraphs after them are
    one lower than the English ones, and the Dutch citation says so."""
    nl = run(runner, bundled_kb, "cite", "SO2.p4", "--lang", "nl").stdout
    en = run(runner, bundled_kb, "cite", "SO2.p4", "--lang", "en").stdout
    assert "(SD 2), alinea 3." in nl and "(SO 2), paragraph 4." in en
    last = run(runner, bundled_kb, "cite", "SO2.p5", "--lang", "nl").stdout
    assert "alinea 4." in last


def test_every_paragraph_and_item_is_cited_by_the_number_its_edition_shows(runner, bundled_kb):
    """Counted independently of the ids: a paragraph's number is its place among its parent's
    paragraphs of that language in source-line order; an item's, its place in its list."""
    from drugstrat.export.citation import label
    from drugstrat.kb import store
    from drugstrat.languages import language

    kb = store.load(bundled_kb)
    checked = 0
    for lang in kb.langs:
        records = kb.records(lang)
        table = language(lang)
        for record in records:
            if record["type"] == "paragraph" and record.get("parent"):
                same = sorted((r for r in records if r["type"] == "paragraph"
                               and r.get("parent") == record["parent"]), key=lambda r: r["line"])
                number = [r["id"] for r in same].index(record["id"]) + 1
                word = table.citation_words["paragraph"]
                assert label(kb, record["id"], table).endswith(f"{word} {number}"), record["id"]
                checked += 1
            elif record["type"] == "list_item" and record.get("parent"):
                members = [r["id"] for r in records if r.get("in_list") == record["in_list"]]
                word = table.citation_words["item"]
                number = members.index(record["id"]) + 1
                assert label(kb, record["id"], table).endswith(f"{word} {number}"), record["id"]
                checked += 1
    assert checked > 50


def test_a_merged_paragraph_moves_the_numbers_after_it_in_any_text(tmp_path, runner):
    root = build_pair(tmp_path, "I. INTRODUCTION\n\nFirst point here.\n\nSecond point here.\n\n"
                                "Third point here.\n",
                      "I. INLEIDING\n\nEerste punt hier. Tweede punt hier.\n\nDerde punt hier.\n")
    assert "alinea 2." in run(runner, root, "cite", "intro.p3", "--lang", "nl").stdout
    assert "paragraph 3." in run(runner, root, "cite", "intro.p3", "--lang", "en").stdout


def test_a_record_an_edition_lacks_is_no_citation_of_it(runner, bundled_kb):
    for extra in ([], ["--quote"], ["--json"]):
        result = run(runner, bundled_kb, "cite", "SO2.p3", "--lang", "nl", *extra)
        assert (result.exit_code, result.stdout) == (1, "")
        assert "no nl version" in result.stderr and "SO2.p2" in result.stderr
        assert "--fallback" in result.stderr
    quoted = run(runner, bundled_kb, "cite", "SO2.p3", "--lang", "nl", "--quote", "--fallback")
    assert quoted.exit_code == 0
    assert "alinea 3 (Engelse versie)." in quoted.stdout  # counted in the English edition
    assert "“To reduce the risks" in quoted.stdout
    data = json.loads(run(runner, bundled_kb, "cite", "SO2.p3", "-l", "nl", "--fallback",
                          "--json").stdout)
    assert (data["lang"], data["edition"]) == ("nl", "en")


def test_a_citation_names_the_publishers_address_where_the_text_gives_one(runner, bundled_kb,
                                                                          tmp_path):
    en = run(runner, bundled_kb, "cite", "3.10").stdout.strip()
    nl = run(runner, bundled_kb, "cite", "3.10", "--lang", "nl").stdout.strip()
    assert en.endswith(" https://www.drugpolicy.be") and nl.endswith(" https://www.drugbeleid.be")
    root = build_pair(tmp_path, "I. INTRODUCTION\n\nOne.\n", "I. INLEIDING\n\nEen.\n")
    bare = run(runner, root, "cite", "intro.p1").stdout.strip()
    assert bare.endswith("paragraph 1.") and "http" not in bare


def test_citation_styles_an_analyst_pastes(runner, bundled_kb):
    md = run(runner, bundled_kb, "cite", "3.10", "--style", "md").stdout
    assert "*Interfederal Strategy for a Comprehensive and Integrated Drugs Policy 2026–2029*" in md
    assert md.rstrip().endswith("specific objective 3.10. <https://www.drugpolicy.be>")
    quoted = run(runner, bundled_kb, "cite", "3.4", "--style", "md", "--quote").stdout
    assert quoted.startswith("> To promote a reinforced local effort") and "\n> — " in quoted
    bib = run(runner, bundled_kb, "cite", "3.10", "--lang", "nl", "--style", "bibtex").stdout
    assert bib.startswith("@techreport{ACD2026,") and bib.rstrip().endswith("}")
    assert "  date = {2026-03},\n" in bib and "  url = {https://www.drugbeleid.be},\n" in bib
    assert "  note = {specifieke doelstelling 3.10},\n" in bib
    assert bib.count("{") == bib.count("}")
    csl = json.loads(run(runner, bundled_kb, "cite", "SO1.l2.3", "--style", "csl").stdout)
    assert csl[0]["type"] == "report" and csl[0]["issued"] == {"date-parts": [[2026, 3]]}
    assert csl[0]["author"] == [{"literal": "General Drug Policy Cell"}]
    assert csl[0]["note"] == "strategic objective 1 (SO 1), list 2, item 3"


def test_bibtex_escapes_what_it_would_read_as_commands():
    from drugstrat.export.citation import Citation

    made = Citation("x", "en", "en", "section “50% & more_”", "A {title} #1", "", "R&D $ Cell",
                    "2026", "2026", "", "")
    entry = made.bibtex()
    assert r"R\&D \$ Cell" in entry and r"A \{title\} \#1" in entry
    assert r"50\% \& more\_" in entry


# -- reading keeps the document's bullets and labels --------------------------------------------


def test_reading_keeps_the_bullets_of_the_missions_lists(runner, bundled_kb):
    text = run(runner, bundled_kb, "read", "mission", "--lang", "en").stdout
    aims = [line for line in text.splitlines() if line.startswith("• ")]
    from drugstrat.kb import store

    kb = store.load(bundled_kb)
    listed = kb.of_type("mission_aim") + kb.of_type("mission_means")
    assert len(aims) == len(listed)
    # A list's items stand line after line, one block.
    first, second = kb.get(listed[0])["en"]["text"], kb.get(listed[1])["en"]["text"]
    assert f"• {first}\n• {second}" in text
    md = run(runner, bundled_kb, "read", "mission", "--lang", "nl", "--format", "md").stdout
    assert md.count("\n- ") == len(listed)


def test_reading_keeps_the_label_before_the_specific_objectives(runner, bundled_kb):
    en = run(runner, bundled_kb, "read", "SO4", "--lang", "en").stdout
    assert en.index("\n\nSpecific objectives:\n\n4.1 ") > en.index("SO 4 – ")
    nl = run(runner, bundled_kb, "read", "SO4", "--lang", "nl", "--format", "md").stdout
    assert "\n\n*Specifieke doelstellingen:*\n\n**4.1**" in nl
    both = run(runner, bundled_kb, "read", "SO4").stdout
    assert "[en] Specific objectives:\n\n[nl] Specifieke doelstellingen:" in both
    alone = run(runner, bundled_kb, "read", "4.1", "--lang", "en").stdout
    assert "Specific objectives" not in alone  # a record read alone is not its objective
