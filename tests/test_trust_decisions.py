"""A reviser's decisions can be trusted: what `diff --accept` records is what was asked, in the
file as the person left it, carried where the knowledge base goes, taken only from a hand (never
from a page's address); and what a person types can neither run in a spreadsheet nor hide an
untranslated text behind characters no reader sees."""

from __future__ import annotations

import csv
import io
import json
import random
from pathlib import Path

import pytest

from drugstrat.storage import yamlfile
from drugstrat.text.controls import Unformatted

from .test_trust import add_fields, cli

# -- helpers --------------------------------------------------------------------------------------


def findings(runner, root: Path, *args: str) -> dict:
    result = cli(runner, root, "diff", "--json", "--fail-on", "never", *args)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def printed_ids(report: dict) -> list[str]:
    """Every finding id the JSON prints: the findings' own and those folded into them."""
    ids = []
    for finding in report["findings"]:
        ids.append(finding["finding"])
        ids += [related["finding"] for related in finding.get("related", ())]
    return ids


def accepted_entries(root: Path) -> list[dict]:
    return yamlfile.load(root / "accepted.yaml") or []


def set_text(root: Path, lang: str, record_id: str, text: str) -> None:
    """A record's text replaced by hand, as a person edits the records file: the folded block
    under `text:` becomes one double-quoted line (JSON's escapes are YAML's)."""
    path = root / lang / "records.yaml"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    start = lines.index(f"  - id: '{record_id}'\n")
    at = next(i for i in range(start + 1, len(lines)) if lines[i].startswith("    text:"))
    end = at + 1
    while end < len(lines) and lines[end].startswith("      "):
        end += 1  # the folded block's lines
    lines[at:end] = [f"    text: {json.dumps(text)}\n"]
    path.write_text("".join(lines), encoding="utf-8")


def record_text(runner, root: Path, lang: str, record_id: str) -> str:
    shown = json.loads(cli(runner, root, "show", record_id, "--json").stdout)
    return next(r for r in shown if r["lang"] == lang)["text"]


# -- 1. several findings accepted at once ---------------------------------------------------------


def test_several_accepts_with_one_comment_record_each_and_hide_each(runner, scratch_kb):
    first, second = [f["finding"] for f in findings(runner, scratch_kb)["findings"][:2]]
    result = cli(runner, scratch_kb, "diff", "--accept", first, "--accept", second,
                 "--comment", "both quoted as the publisher wrote them")
    assert result.exit_code == 0, result.output
    assert f"accepted {first}" in result.stderr and f"accepted {second}" in result.stderr
    entries = accepted_entries(scratch_kb)
    assert [e["finding"] for e in entries] == [first, second]
    assert all(e["comment"] == "both quoted as the publisher wrote them" for e in entries)
    after = findings(runner, scratch_kb)
    assert first not in printed_ids(after) and second not in printed_ids(after)
    assert after["summary"]["accepted"] == 2


@pytest.mark.parametrize("accepts", [[""], ["  "], ["{first}", ""]],
                         ids=["empty", "blank", "a good one and an empty one"])
def test_an_empty_finding_id_is_a_usage_error_that_records_nothing(runner, scratch_kb,
                                                                   accepts):
    first = findings(runner, scratch_kb)["findings"][0]["finding"]
    kept = scratch_kb / "accepted.yaml"
    kept.write_text("# ours\n- finding: kept:1.1:000000\n  comment: old\n", encoding="utf-8")
    before = kept.read_bytes()
    args = [arg for typed in accepts for arg in ("--accept", typed.format(first=first))]
    result = cli(runner, scratch_kb, "diff", *args, "--comment", "x")
    assert result.exit_code == 2 and result.stdout == ""
    assert "--accept" in result.stderr and "Traceback" not in result.output
    assert kept.read_bytes() == before


# -- 2. accepted.yaml as a person edits it --------------------------------------------------------


def _hand_written(ids: list[str]) -> str:
    """An acceptances file typed by a person: a comment on top, their own keys (a ticket, a
    date), a comment between entries, an entry listed twice, a dash in the first column."""
    a, b = ids
    return (f"# Decisions of the translation desk -- keep in git.\n"
            f"- finding: {a}\n"
            f"  pair: en:nl\n"
            f"  comment: quoted law   # see the ticket\n"
            f"  ticket: JIRA-12\n"
            f"  reviewed: 2026-11-30\n"
            f"\n"
            f"# listed twice: two revisers agreed separately\n"
            f"- finding: {b}\n"
            f"  comment: first reviser\n"
            f"- finding: {b}\n"
            f"  comment: second reviser\n")


def test_accepting_keeps_a_hand_written_file_byte_for_byte_and_adds_the_new_entry(
        runner, scratch_kb):
    ids = [f["finding"] for f in findings(runner, scratch_kb)["findings"][:3]]
    written = _hand_written(ids[:2])
    (scratch_kb / "accepted.yaml").write_text(written, encoding="utf-8")
    result = cli(runner, scratch_kb, "diff", "--accept", ids[2], "--comment", "new one")
    assert result.exit_code == 0, result.output
    text = (scratch_kb / "accepted.yaml").read_text(encoding="utf-8")
    assert text.startswith(written)  # comments, order, the duplicate, their keys: untouched
    entries = accepted_entries(scratch_kb)
    assert [e["finding"] for e in entries] == [ids[0], ids[1], ids[1], ids[2]]
    assert entries[0]["ticket"] == "JIRA-12" and str(entries[0]["reviewed"]) == "2026-11-30"
    assert entries[3]["comment"] == "new one" and entries[3]["pair"] == "en:nl"
    assert ids[2] not in printed_ids(findings(runner, scratch_kb))


def test_accepting_a_listed_finding_updates_its_entry_and_leaves_the_rest_as_typed(
        runner, scratch_kb):
    ids = [f["finding"] for f in findings(runner, scratch_kb)["findings"][:2]]
    written = _hand_written(ids)
    (scratch_kb / "accepted.yaml").write_text(written, encoding="utf-8")
    result = cli(runner, scratch_kb, "diff", "--accept", ids[0], "--comment", "reconsidered")
    assert result.exit_code == 0, result.output
    text = (scratch_kb / "accepted.yaml").read_text(encoding="utf-8")
    entries = accepted_entries(scratch_kb)
    assert [e["finding"] for e in entries] == [ids[0], ids[1], ids[1]]  # no second entry
    assert entries[0]["comment"] == "reconsidered"
    assert entries[0]["ticket"] == "JIRA-12" and str(entries[0]["reviewed"]) == "2026-11-30"
    # The top comment, the comment between entries and the other entries, as they were typed.
    untouched = written.split("\n\n", 1)[1]
    assert text.startswith("# Decisions of the translation desk -- keep in git.\n- finding: ")
    assert text.endswith("\n\n" + untouched)
    # A finding listed twice: its last entry is updated, the first stays as typed.
    again = cli(runner, scratch_kb, "diff", "--accept", ids[1], "--comment", "third look")
    assert again.exit_code == 0, again.output
    entries = accepted_entries(scratch_kb)
    assert [e.get("comment") for e in entries[1:]] == ["first reviser", "third look"]
    assert "- finding: " + ids[1] + "\n  comment: first reviser\n" in (
        scratch_kb / "accepted.yaml").read_text(encoding="utf-8")


# -- 3. a knowledge base built elsewhere takes its acceptances along ------------------------------


def test_a_build_into_a_new_folder_carries_the_acceptances_and_the_glossary(runner, scratch_kb,
                                                                           tmp_path):
    from drugstrat.kb.paths import bundled_data_dir

    target = findings(runner, scratch_kb)["findings"][0]["finding"]
    assert cli(runner, scratch_kb, "diff", "--accept", target, "--comment",
               "as published").exit_code == 0
    glossary = ("# our own terms\n"
                + (bundled_data_dir() / "glossary.yaml").read_text(encoding="utf-8"))
    (scratch_kb / "glossary.yaml").write_text(glossary, encoding="utf-8")
    new = tmp_path / "elsewhere"
    result = cli(runner, scratch_kb, "build", "--out", str(new))
    assert result.exit_code == 0, result.output
    for name in ("accepted.yaml", "glossary.yaml"):
        assert (new / name).read_bytes() == (scratch_kb / name).read_bytes()
        assert f"{scratch_kb / name}: carried into {new}" in result.stderr
    assert target not in printed_ids(findings(runner, new))
    assert findings(runner, new)["summary"]["accepted"] == 1


def test_a_build_from_other_sources_into_a_new_folder_names_the_acceptances_left_behind(
        runner, scratch_kb, tmp_path):
    from .conftest import EN_SOURCE, NL_SOURCE

    target = findings(runner, scratch_kb)["findings"][0]["finding"]
    assert cli(runner, scratch_kb, "diff", "--accept", target, "--comment",
               "as published").exit_code == 0
    new = tmp_path / "elsewhere"
    result = cli(runner, scratch_kb, "build", "--en", str(EN_SOURCE), "--nl", str(NL_SOURCE),
                 "--out", str(new))
    assert result.exit_code == 0, result.output
    if (new / "accepted.yaml").exists():  # carried, or …
        assert target not in printed_ids(findings(runner, new))
    else:  # … said loudly, with the file that holds them
        assert f"{scratch_kb / 'accepted.yaml'}" in result.stderr
        assert "accepted" in result.stderr


# -- 4. every printed id is one a reviser can accept ----------------------------------------------


def test_every_id_diff_prints_folded_ones_included_can_be_accepted_and_is_then_hidden(
        runner, scratch_kb):
    report = findings(runner, scratch_kb)
    folded = [r["finding"] for f in report["findings"] for r in f.get("related", ())]
    assert folded, "the bundled edition has findings folded into others"
    # A folded finding on its own …
    alone = folded[0]
    result = cli(runner, scratch_kb, "diff", "--accept", alone, "--comment", "seen")
    assert result.exit_code == 0, result.output
    assert [e["finding"] for e in accepted_entries(scratch_kb)] == [alone]
    assert alone not in printed_ids(findings(runner, scratch_kb))
    # … and every other id printed, at once.
    rest = [i for i in dict.fromkeys(printed_ids(findings(runner, scratch_kb)))]
    assert len(rest) > 20
    args = [arg for finding in rest for arg in ("--accept", finding)]
    result = cli(runner, scratch_kb, "diff", *args, "--comment", "reviewed in bulk")
    assert result.exit_code == 0, result.output
    recorded = [e["finding"] for e in accepted_entries(scratch_kb)]
    assert recorded == [alone, *rest]
    after = findings(runner, scratch_kb)
    assert printed_ids(after) == [] and after["summary"]["stale"] == []


# -- 5. the review page takes no decision from its address ----------------------------------------


DECIDING_QUERIES = ["?accept={id}&comment=x", "?fix={id}&comment=x",
                    "?accept={id}&decision=accept&comment=x#{id}",
                    "?needs-fix={id}&decision=needs-fix&comment=x"]


def _page(runner, root: Path, tmp_path: Path) -> Path:
    page = tmp_path / "review.html"
    result = cli(runner, root, "report", "--out", str(page))
    assert result.exit_code == 0, result.output
    return page


@pytest.mark.external
@pytest.mark.parametrize("query", DECIDING_QUERIES)
def test_a_review_page_opened_with_a_deciding_address_has_no_decision(runner, scratch_kb,
                                                                      tmp_path, query):
    import html as markup

    from .test_export import _render

    page = _page(runner, scratch_kb, tmp_path)
    finding = findings(runner, scratch_kb, "--check", "untranslated")["findings"][0]["finding"]
    assert f'data-finding="{finding}"' in page.read_text(encoding="utf-8")
    dom = _render(page, query.format(id=finding), tmp_path)
    saved = markup.unescape(dom.split('<pre id="decisions">')[1].split("</pre>")[0])
    assert "decisions: []" in saved and finding not in saved
    assert "0 decision(s)" in dom and "accepted: x" not in dom and "needs fix: x" not in dom


def test_the_review_pages_script_reads_only_its_filters_from_the_address(runner, bundled_kb,
                                                                         tmp_path):
    import re

    text = _page(runner, bundled_kb, tmp_path).read_text(encoding="utf-8")
    scripts = "".join(re.findall(r"<script>(.*?)</script>", text, re.S))
    assert "location.search" in scripts  # the filters are read from it …
    read = set(re.findall(r"""\bq\.get\(\s*['"]([^'"]+)['"]""", scripts))
    assert read == {"severity", "check", "so", "q", "only"}  # … and nothing else
    assert not re.search(r"location\.(hash|href)\b(?!\))", scripts.replace(
        "'?' + q.toString() + location.hash", ""))
    assert "document.URL" not in scripts and "document.location" not in scripts
    for name in ("accept", "fix", "comment", "decision"):
        assert not re.search(rf"""get\(\s*['"]{name}""", scripts), name


# -- 6. what a person types never runs in a spreadsheet -------------------------------------------


SEPARATORS = ["\u2028", "\u2029", "\u0085", "\u000b", "\u000c"]
INJECTED = ['a\r=HYPERLINK("x")', "\n=1+1", "\t@SUM(1)",
            *(f"{sep}=cmd{n}" for n, sep in enumerate(SEPARATORS))]
NOTE = " ".join(INJECTED)
FORMULA_STARTS = ("=", "+", "-", "@")
# What each injected piece starts a line or a cell with (CSV doubles the quotes after it).
PAYLOADS = ["=HYPERLINK(", "=1+1", "@SUM(1)", *(f"=cmd{n}" for n in range(len(SEPARATORS)))]


def _csv_outputs(runner, root: Path) -> list[tuple[list[str], str, str]]:
    """Every CSV the commands write, each with its delimiter."""
    out = []
    for args, delimiter in ((["export", "-f", "csv", "-o", "-"], ","),
                            (["export", "-f", "csv", "--excel", "-o", "-"], ";"),
                            (["export", "-f", "csv", "--bom", "-o", "-"], ","),
                            (["list", "--format", "csv"], ","),
                            (["list", "--format", "excel"], ";"),
                            (["list", "--format", "csv", "--wide"], ",")):
        result = cli(runner, root, *args)
        assert result.exit_code == 0, (args, result.output)
        out.append((args, delimiter, result.stdout))
    return out


def _neutral(cell: str) -> str:
    """A cell's text as a person reads it: without the apostrophes that keep it text."""
    return cell.replace("'", "")


def test_a_note_with_line_breaks_before_formulas_never_starts_a_formula_in_any_csv(
        runner, scratch_kb):
    add_fields(scratch_kb, "en", "3.4", f"    note: {json.dumps(NOTE)}\n")
    assert record_text(runner, scratch_kb, "en", "3.4").startswith("To promote")
    for args, delimiter, text in _csv_outputs(runner, scratch_kb):
        # A reader that breaks lines at every separator Python knows (as some tools do): no
        # line starts with what the person typed after a break.
        for line in text.splitlines():
            assert not any(line.startswith(p) for p in PAYLOADS), (args, line)
            for piece in line.split("\t"):  # a tab starts a cell in a pasted row
                assert not any(piece.startswith(p) for p in PAYLOADS), (args, line)
        # A CSV reader gets the note in one cell: every piece of it, kept as text.
        rows = list(csv.reader(io.StringIO(text.lstrip("\ufeff"), newline=""),
                               delimiter=delimiter))
        cells = [c for row in rows for c in row if "cmd0" in c]
        assert len(cells) == 1, args
        assert _neutral(cells[0]) == NOTE.replace("'", ""), args
        assert not cells[0].startswith(FORMULA_STARTS), args
        for n, sep in enumerate(SEPARATORS):  # after each break, the formula is text
            assert f"{sep}=cmd{n}" not in cells[0], (args, sep)


def test_a_note_with_line_breaks_before_formulas_is_text_in_the_workbook(runner, scratch_kb,
                                                                        tmp_path):
    import openpyxl

    add_fields(scratch_kb, "en", "3.4", f"    note: {json.dumps(NOTE)}\n")
    book = tmp_path / "kb.xlsx"
    result = cli(runner, scratch_kb, "export", "-f", "xlsx", "-o", str(book))
    assert result.exit_code == 0, result.output
    sheet = openpyxl.load_workbook(book).active
    cells = [c for row in sheet.iter_rows() for c in row
             if isinstance(c.value, str) and "cmd0" in c.value]
    assert len(cells) == 1
    assert cells[0].data_type == "s"  # a string, never a formula
    # What XML cannot carry (vertical tab, form feed) is dropped; the rest is the note.
    assert cells[0].value == NOTE.replace("\v", "").replace("\f", "")
    formulas = [c for row in sheet.iter_rows() for c in row if c.data_type == "f"]
    assert formulas == []


# -- 7. untranslated text hidden behind characters no reader sees ---------------------------------


ZERO_WIDTH = ["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad"]


def _sprinkled(text: str, rng: random.Random, count: int, inside_words: bool = False) -> str:
    """`text` with `count` zero-width characters at random places (between letters only, if
    `inside_words`)."""
    chars = list(text)
    for _ in range(count):
        places = [i for i in range(1, len(chars))
                  if not inside_words or (chars[i - 1].isalpha() and chars[i].isalpha())]
        chars.insert(rng.choice(places) if places else 0, rng.choice(ZERO_WIDTH))
    return "".join(chars)


def _untranslated(runner, root: Path) -> list[dict]:
    return findings(runner, root, "--check", "untranslated")["findings"]


@pytest.mark.parametrize("seed", [3, 17, 2026, 40231, 999331])
def test_a_copied_text_behind_zero_width_characters_is_still_untranslated(runner, scratch_kb,
                                                                         seed):
    rng = random.Random(seed)
    english = record_text(runner, scratch_kb, "en", "3.4")
    sprinkled = _sprinkled(english, rng, rng.randint(1, 40))
    assert sprinkled != english
    set_text(scratch_kb, "nl", "3.4", sprinkled)
    assert record_text(runner, scratch_kb, "nl", "3.4") == sprinkled  # as typed, kept
    found = [f for f in _untranslated(runner, scratch_kb) if f["id"] == "3.4"]
    assert found, seed
    message = found[0]["message"]
    assert "identical in en and nl" in message and "invisible" in message
    for char in set(sprinkled) & set(ZERO_WIDTH):
        assert f"U+{ord(char):04X}" in message


@pytest.mark.parametrize("seed", [5, 77, 1234, 86420])
def test_an_english_sentence_behind_zero_width_characters_in_a_dutch_paragraph_is_found(
        runner, scratch_kb, seed):
    rng = random.Random(seed)
    english = ("Particular attention is being paid to the clarification of the roles and "
               "the tasks of all the actors.")
    hidden = _sprinkled(english, rng, rng.randint(2, 12), inside_words=True)
    dutch = record_text(runner, scratch_kb, "nl", "3.4")
    first, rest = dutch.split(". ", 1)
    set_text(scratch_kb, "nl", "3.4", f"{first}. {hidden} {rest}")
    found = [f for f in _untranslated(runner, scratch_kb) if f["id"] == "3.4"]
    assert found, seed
    message = found[0]["message"]
    assert "a sentence of the nl text is in English" in message and "invisible" in message
    for char in set(hidden) & set(ZERO_WIDTH):
        assert f"U+{ord(char):04X}" in message
    assert "Particular attention is being paid" in Unformatted(found[0]["nl"])
