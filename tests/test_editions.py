"""Editions the project was not built on (tests/data/editions/, written by an independent
translator): they align to the English ids, every list lead-in the language table does not know
is named in a warning, and `diff` finds what was planted in them without drowning it in noise.
The thresholds are the issue's; the figures themselves are printed by `python -m tests.editions`.
"""

from __future__ import annotations

import re

import pytest

from .editions import Measure, edition_files, measure


@pytest.fixture(scope="module", params=["fr-be", "de"])
def edition(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Measure:
    return measure(request.param, tmp_path_factory.mktemp(request.param))


def test_an_unseen_edition_aligns_to_the_reference(edition):
    assert edition.alignment >= 0.97, edition.warnings


def test_every_list_lead_in_the_table_does_not_know_is_named_with_its_line(edition):
    """The lead-ins of a section whose lists have roles (the mission's aims and means) that use
    none of the table's cue words each get a warning naming their line."""
    lang, clean, _, _ = edition_files(
        next(name for name in ("fr-be", "de") if edition.lang in name))
    warned = {int(m.group(1)) for w in edition.warnings
              if (m := re.search(rf"{re.escape(clean.name)}:(\d+): warning: list lead-in", w))}
    for line in warned:
        assert clean.read_text(encoding="utf-8").split("\n")[line - 1].rstrip().endswith(":")


def test_diff_finds_what_was_planted_in_an_unseen_edition(edition):
    found, planted = edition.recall(typos=False)
    typos, typo_total = edition.recall(typos=True)
    assert found >= 0.75 * planted, [(p.kind, p.record) for p in edition.planted if not p.found_by]
    assert typos >= 0.75 * typo_total, [p.record for p in edition.planted
                                        if p.kind == "typo" and not p.found_by]
    assert edition.precision >= 0.6, [(f.id, f.check, f.message) for f in edition.noise]
