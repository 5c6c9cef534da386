"""The error-injection benchmark (benchmarks/inject.py): each kind of injection changes a small
synthetic text the way it claims, and a tiny end-to-end run prints the rows it should."""

from __future__ import annotations

import random
import re
from collections.abc import Callable
from pathlib import Path

import pytest

from .conftest import load_benchmark

ROOT = Path(__file__).resolve().parent.parent

inject = load_benchmark("inject")

TEXT = """\
Introduction

The **General Drugs Policy Cell** (GDPC) coordinates the strategy in Belgium, and it reports to \
the Thematic Meeting on Drugs every year. Prevention is better than cure. Since 2026, the cell \
can publish new figures on 12 regions, and the National Drugs Office (NDO) supports the \
coordination of prevention.

Particular attention goes to vulnerable groups (e.g. young people, prison staff, the elderly), \
such as inmates, homeless persons and sex workers.

- to address different forms of drug use, namely occasional and chronic use;
- to focus on differentiated strategies, depending on the objective and target group;
- for sufficient effort to be devoted to measures combating stigma and exclusion.

The implementation must not be delayed; the coordination between interfederal authorities and \
the Federal Public Service (FPS) in Brussels should improve, and international cooperation will \
continue with social exclusion in mind.
"""

SEEDS = range(8)


def edits(kind: str) -> list[tuple[str, str, object]]:
    """(old text, new text, edit) of the record each seed's injection changed."""
    source = inject.pseudo_source("en", TEXT)
    out = []
    for seed in SEEDS:
        edit = inject.KINDS[kind][1](source, random.Random(seed))
        assert edit is not None, f"{kind} found no place in the synthetic text"
        change = edit.changes[0]
        old = source.by_id(change.record).text
        out.append((old[change.start:change.end], change.new, edit))
        applied = inject.apply(source, edit)
        # Emphasis marks survive every edit but a deleted line's (it holds none here).
        assert applied.count("*") == TEXT.count("*")
        if not change.drop_line:
            assert inject.edited_text(source, change) in applied.replace("*", "")
    return out


def check_each(kind: str, claim: Callable[[str, str], bool]) -> None:
    for old, new, _ in edits(kind):
        assert claim(old, new), f"{kind}: {old!r} -> {new!r}"


def test_a_dropped_letter_makes_a_word_one_letter_shorter() -> None:
    check_each("drop-letter", lambda old, new: len(new) == len(old) - 1 and any(
        old[:i] + old[i + 1:] == new for i in range(len(old))))


def test_a_doubled_letter_makes_a_word_one_letter_longer() -> None:
    check_each("double-letter", lambda old, new: len(new) == len(old) + 1 and any(
        new[i] == new[i + 1] and new[:i] + new[i + 1:] == old for i in range(len(old))))


def test_swapped_letters_are_two_adjacent_ones() -> None:
    def swapped(old: str, new: str) -> bool:
        diff = [i for i in range(len(old)) if old[i] != new[i]]
        return len(new) == len(old) and len(diff) == 2 and diff[1] == diff[0] + 1 and \
            old[diff[0]] == new[diff[1]] and old[diff[1]] == new[diff[0]]
    check_each("swap-letters", swapped)


def test_a_tussen_s_adds_or_removes_one_s_inside_a_long_word() -> None:
    def one_s(old: str, new: str) -> bool:
        longer, shorter = (new, old) if len(new) > len(old) else (old, new)
        return len(old) >= 10 and len(longer) == len(shorter) + 1 and any(
            longer[i] == "s" and longer[:i] + longer[i + 1:] == shorter
            for i in range(1, len(longer) - 1))
    check_each("tussen-s", one_s)


def test_a_split_compound_is_the_word_with_one_space_inside() -> None:
    check_each("split-compound", lambda old, new: new.replace(" ", "") == old and
               new.count(" ") == 1 and not new.startswith(" ") and not new.endswith(" "))


def test_capitalisation_changes_only_the_case_of_one_letter() -> None:
    check_each("capitalisation", lambda old, new: len(old) == len(new) == 1 and
               old != new and old.lower() == new.lower())


def test_a_deleted_clause_is_one_delimited_part_of_a_sentence() -> None:
    check_each("delete-clause", lambda old, new: new == "" and old[0] in ",;" and
               len(old.split()) >= 2 and not re.search(r"[.!?]\s", old))


def test_a_deleted_noun_phrase_is_two_to_four_words() -> None:
    check_each("delete-noun-phrase", lambda old, new: new == "" and
               2 <= len(old.split()) <= 4 and not re.search(r"[,;.:()]", old))


def test_a_deleted_sentence_is_one_whole_sentence() -> None:
    check_each("delete-sentence", lambda old, new: new == "" and
               old.strip()[0].isupper() and old.strip()[-1] in ".!?" and
               len(re.findall(r"[.!?](?:\s|$)", old)) == 1)


def test_an_added_clause_comes_from_elsewhere_in_the_text() -> None:
    for old, new, _ in edits("add-clause"):
        assert old == "" and new.startswith(", ")
        assert new[2:] in TEXT.replace("*", "")


def test_a_deleted_list_item_removes_exactly_one_bullet_line() -> None:
    source = inject.pseudo_source("en", TEXT)
    before = TEXT.split("\n")
    for seed in SEEDS:
        edit = inject.delete_list_item(source, random.Random(seed))
        after = inject.apply(source, edit).split("\n")
        assert len(after) == len(before) - 1
        gone = [line for line in before if line not in after]
        assert len(gone) == 1 and gone[0].startswith("- ")


def test_swapped_list_items_exchange_two_bullet_lines_of_one_list() -> None:
    source = inject.pseudo_source("en", TEXT)
    before = TEXT.split("\n")
    for seed in SEEDS:
        after = inject.apply(source, inject.swap_list_items(source, random.Random(seed)))
        after_lines = after.split("\n")
        moved = [i for i, (a, b) in enumerate(zip(before, after_lines, strict=True)) if a != b]
        assert len(moved) == 2 and sorted(before) == sorted(after_lines)
        assert all(before[i].startswith("- ") for i in moved)
        assert before[moved[0]] == after_lines[moved[1]]


def test_a_replaced_number_is_another_number() -> None:
    check_each("replace-number", lambda old, new: old.isdigit() and new.isdigit() and
               old != new)


def test_a_replaced_name_is_another_name_of_the_text() -> None:
    plain = TEXT.replace("*", "")
    check_each("replace-name", lambda old, new: old != new and old[0].isupper() and
               new[0].isupper() and new in plain)


def test_a_replaced_target_group_is_another_item_of_a_list_of_examples() -> None:
    plain = TEXT.replace("*", "")
    check_each("replace-target-group", lambda old, new: old != new and new in plain and
               old in plain and "," not in new)


def test_a_replaced_term_is_a_word_of_the_text_with_the_same_ending() -> None:
    plain = TEXT.replace("*", "")
    check_each("replace-term", lambda old, new: old != new and inject.ending(old) ==
               inject.ending(new) and re.search(rf"\b{new}\b", plain) is not None)


def test_a_changed_modal_is_another_modal_of_its_row() -> None:
    rows = inject.GRAMMAR["en"].modals
    check_each("change-modal", lambda old, new: old != new and any(
        old in row and new in row for row in rows))


def test_a_flipped_negation_adds_or_removes_one_not() -> None:
    for old, new, _ in edits("flip-negation"):
        assert abs(len(re.findall(r"\bnot\b", old)) - len(re.findall(r"\bnot\b", new))) == 1


def test_the_other_languages_tables_offer_places_too() -> None:
    nl = inject.pseudo_source("nl", "Het beleid kan niet worden uitgevoerd, en de cellen moeten "
                                    "de preventie van drugsgebruik versterken.\n")
    fr = inject.pseudo_source("fr", "La cellule peut renforcer la prévention et elle ne doit "
                                    "pas attendre.\n")
    for source in (nl, fr):
        for kind in ("change-modal", "flip-negation"):
            assert inject.KINDS[kind][1](source, random.Random(0)) is not None, (source.lang,
                                                                                kind)
    removed = [inject.flip_negation(fr, random.Random(seed)) for seed in range(20)]
    assert any(e.changes[0].new == "doit" for e in removed)  # "ne doit pas" -> "doit"


def test_the_wilson_interval_holds_the_rate() -> None:
    lo, hi = inject.wilson(7, 10)
    assert lo < 0.7 < hi and round(lo, 3) == 0.397 and round(hi, 3) == 0.892


def test_a_tiny_run_prints_a_row_per_kind_and_the_totals(capsys: pytest.CaptureFixture[str]
                                                          ) -> None:
    # The short French edition with the English: a build and a diff take half the bundled
    # pair's time, which keeps this run under five seconds.
    sources = [f"en={next((ROOT / 'data' / 'en').glob('*.txt'))}",
               f"fr={ROOT / 'tests' / 'data' / 'fr' / 'strategie-2026-2029.fr.txt'}"]
    argv = [a for s in sources for a in ("--source", s)]
    assert inject.main([*argv, "--per-kind", "1", "--kinds", "replace-number,drop-letter"]) == 0
    out = capsys.readouterr().out
    rows = {line.split()[0] for line in out.splitlines() if line.strip()}
    assert {"kind", "replace-number", "drop-letter", "omission", "typo", "all"} <= rows
    assert re.search(r"^replace-number +1 +[01] ", out, flags=re.M)
    assert "clean text:" in out


def test_a_dropped_hedge_takes_its_comma_or_space_with_it() -> None:
    text = "The cell shares the data, where possible, with the partners, and in particular " \
           "with the regions.\n"
    source = inject.pseudo_source("en", text)
    results = {inject.apply(source, inject.drop_hedge(source, random.Random(seed))).strip()
               for seed in range(8)}
    assert results == {
        "The cell shares the data with the partners, and in particular with the regions.",
        "The cell shares the data, where possible, with the partners, and with the regions."}
    for lang, other in (("nl", "De cel deelt de gegevens waar nodig met de partners.\n"),
                        ("fr", "La cellule partage les données, si possible, avec les "
                               "partenaires.\n")):
        found = inject.drop_hedge(inject.pseudo_source(lang, other), random.Random(0))
        assert found is not None and found.kind == "drop-hedge", lang
