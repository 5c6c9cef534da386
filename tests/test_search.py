"""Search, cross-references, target groups and term pairs, as analysts and scripts use them."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from ruamel.yaml import YAML

from drugstrat.cli.commands import app
from drugstrat.kb import store
from drugstrat.kb.paths import glossary_path
from drugstrat.search.query import search

from .conftest import build_pair

QUERIES = YAML(typ="safe").load(
    (Path(__file__).parent / "data" / "analyst_queries.yaml").read_text(encoding="utf-8"))


def run(runner, root: Path, *args: str):
    return runner.invoke(app, ["--data", str(root), *args])


def test_the_analyst_query_set_is_big_and_mixed():
    assert len(QUERIES) >= 30
    assert any(q["query"] in ("3.4", "SO 3") for q in QUERIES)
    assert any(" " in str(q["query"]) for q in QUERIES)


def test_recall_at_5_over_the_analyst_queries(bundled_kb):
    kb = store.load(bundled_kb)
    missed = []
    for case in QUERIES:
        top = [g.id for g in search(kb, str(case["query"]), limit=5,
                                    glossary_file=glossary_path(bundled_kb))]
        if not all(expected in top for expected in case["expect"]):
            missed.append((case["query"], case["expect"], top))
    recall = 1 - len(missed) / len(QUERIES)
    assert recall >= 0.9, missed


FALSE_FRIENDS = YAML(typ="safe").load(
    (Path(__file__).parent / "data" / "false_friends.yaml").read_text(encoding="utf-8"))


def test_false_friends_do_not_answer_for_the_word_asked_for(bundled_kb):
    from drugstrat.search.quality import judge, overall

    judged = judge(store.load(bundled_kb), FALSE_FRIENDS, glossary_path(bundled_kb))
    assert all(j.relevant for j in judged), "each query's word is in the document"
    precision, recall = overall(judged)
    wrong = [(j.query, j.shown) for j in judged if j.precision < 1]
    assert precision >= 0.95 and recall >= 0.95, (precision, recall, wrong)


def test_a_query_word_never_finds_its_look_alike(bundled_kb):
    kb = store.load(bundled_kb)
    found = search(kb, "police", limit=20, glossary_file=glossary_path(bundled_kb))
    assert found and "SO5" not in [g.id for g in found]  # "policy", not "police"
    # Every record found says police, in one language or the other (politie, politiediensten).
    assert all(any("police" in h.text.lower() or "politie" in h.text.lower() for h in g.hits)
               for g in found)


def test_all_the_words_outrank_some_of_them(bundled_kb):
    top = search(store.load(bundled_kb), "minister justitie", limit=3)
    assert "Justitie" in top[0].hits[-1].text and "Minister" in top[0].hits[-1].text


def test_a_typo_is_corrected_out_loud_and_a_limit_is_counted(runner, bundled_kb):
    result = run(runner, bundled_kb, "search", "verslaafing", "--limit", "3", "--json")
    assert result.exit_code == 0
    assert "no 'verslaafing' in the strategy; showing 'verslaving'" in result.stderr
    assert "showing 3 of" in result.stderr
    assert len({h["rank"] for h in json.loads(result.stdout)}) == 3


def test_exact_finds_whole_words_only(runner, bundled_kb):
    stems = {h["id"] for h in json.loads(run(runner, bundled_kb, "search", "prison",
                                             "--limit", "50", "--json").stdout)}
    exact = {h["id"] for h in json.loads(run(runner, bundled_kb, "search", "prison", "-w",
                                             "--limit", "50", "--json").stdout)}
    assert exact and exact < stems  # "prisons" needs the stem
    assert run(runner, bundled_kb, "search", "prisonz", "--exact").exit_code == 1


def test_a_quoted_phrase_comes_first(bundled_kb):
    top = search(store.load(bundled_kb), '"money laundering" prevention', limit=3)
    assert "money laundering" in top[0].hits[0].text.lower()


@pytest.mark.parametrize(("typed", "expected"), [
    (["--type", "so"], "strategic_objective"), (["--type", "Target-groups"], "target_group"),
    (["--type", "specific"], "specific_objective"), (["--type", "SPECIFIC_OBJECTIVES"],
                                                     "specific_objective"),
    (["--type", "SD"], "strategic_objective")])  # the Dutch label, from its language table
def test_filters_forgive_abbreviations_plurals_and_case(runner, bundled_kb, typed, expected):
    hits = json.loads(run(runner, bundled_kb, "search", "drugs", *typed, "--json").stdout)
    assert hits and all(h["type"] == expected for h in hits)


@pytest.mark.parametrize("so", ["3", "SO3", "SO 3", "SD.3", "so3"])
def test_so_takes_any_spelling_an_id_takes(runner, bundled_kb, so):
    hits = json.loads(run(runner, bundled_kb, "search", "drugs", "--so", so, "--type",
                          "specific", "--json").stdout)
    assert hits and all(h["id"].startswith("3.") for h in hits)


def test_an_unknown_objective_or_parent_is_refused_with_a_hint(runner, bundled_kb):
    result = run(runner, bundled_kb, "search", "drugs", "--so", "SO9")
    assert result.exit_code == 2 and "no strategic objective" in result.stderr
    listed = run(runner, bundled_kb, "list", "--parent", "SO9")
    assert listed.exit_code == 1 and listed.stdout == "" and "SO6" in listed.stderr
    shown = run(runner, bundled_kb, "show", "3")
    assert shown.exit_code == 1 and "did you mean SO3, 3.1" in shown.stderr


@pytest.mark.parametrize(("en", "nl", "query", "expected"), [
    ("Tackle trafficking of drugs.", "De handel in drugs aanpakken.", "drugshandel", "intro.p1"),
    ("Tackle drug trafficking.", "De drugshandel aanpakken.", "handel in drugs", "intro.p1"),
    ("Gambling harms.", "De gokspelen schaden.", "gokken", "intro.p1"),
    ("An integrated policy.", "Een geïntegreerd beleid.", "geintegreerd", "intro.p1"),
    ("Precursors are watched.", "Precursoren worden gevolgd.", "prekursoren", "intro.p1"),
])
def test_search_forgives_compounds_accents_and_typos_on_any_text(tmp_path, en, nl, query,
                                                                 expected):
    root = build_pair(tmp_path, f"I. INTRODUCTION\n\n{en}\n\nNothing else here.\n",
                      f"I. INLEIDING\n\n{nl}\n\nNiets anders hier.\n")
    assert [g.id for g in search(store.load(root), query)][:1] == [expected]


def test_search_json_hits_carry_the_contract_fields_and_real_spans(runner, bundled_kb):
    result = run(runner, bundled_kb, "search", "money", "laundering", "--json")
    assert result.exit_code == 0
    hits = json.loads(result.stdout)
    assert {"rank", "id", "type", "lang", "score", "text", "spans"} <= set(hits[0])
    assert hits[0]["rank"] == 1
    # Each record comes with its translation.
    first = [h for h in hits if h["rank"] == 1]
    assert {h["lang"] for h in first} == {"en", "nl"}
    en = next(h for h in hits if h["lang"] == "en" and h["spans"])
    start, end = en["spans"][0]
    assert en["text"][start:end].lower() in ("money", "laundering", "money laundering")


def test_an_id_goes_straight_to_its_record(runner, bundled_kb):
    hits = json.loads(run(runner, bundled_kb, "search", "SD.3", "--json").stdout)
    assert {h["id"] for h in hits} == {"SO3"}


def test_objectives_rank_above_incidental_mentions(bundled_kb):
    top = search(store.load(bundled_kb), "gambling", limit=3)
    assert all(g.type == "specific_objective" for g in top[:2])


@pytest.mark.parametrize("typed, closed", [('"harm reduction', '"harm reduction"'),
                                           ('prisons "harm reduction', 'prisons "harm reduction"'),
                                           ('"prevention', '"prevention"')])
def test_an_unclosed_quote_runs_to_the_end_of_the_query(bundled_kb, typed, closed):
    """A quote left open is a phrase to the end, not a query that loses its words."""
    found = [g.id for g in search(store.load(bundled_kb), typed, limit=50)]
    assert found and found == [g.id for g in search(store.load(bundled_kb), closed, limit=50)]


def test_exact_phrase_ranks_above_scattered_words(tmp_path):
    root = build_pair(
        tmp_path,
        "I. INTRODUCTION\n\nThe risks of harm and the reduction of supply.\n\n"
        "Harm reduction works.\n",
        "I. INLEIDING\n\nDe risico's van schade en de vermindering van aanbod.\n\n"
        "Schadebeperking werkt.\n")
    assert search(store.load(root), "harm reduction")[0].id == "intro.p2"


def test_filters_type_lang_so_and_limit(runner, bundled_kb):
    hits = json.loads(run(runner, bundled_kb, "search", "drugs", "--type",
                          "specific_objective", "--so", "3", "--lang", "nl", "--limit", "2",
                          "--json").stdout)
    assert hits and len({h["rank"] for h in hits}) <= 2
    assert all(h["type"] == "specific_objective" and h["id"].startswith("3.")
               and h["lang"] == "nl" for h in hits)


def test_no_match_exits_1_with_nothing_on_stdout(runner, bundled_kb):
    result = run(runner, bundled_kb, "search", "xylofoonqq")
    assert (result.exit_code, result.stdout) == (1, "")
    assert "no match" in result.stderr
    as_json = run(runner, bundled_kb, "search", "xylofoonqq", "--json")
    assert (as_json.exit_code, json.loads(as_json.stdout)) == (1, [])


def test_search_human_output_shows_id_and_both_languages(runner, bundled_kb):
    result = runner.invoke(app, ["--data", str(bundled_kb), "search", "nitrous", "oxide"],
                           env={"COLUMNS": "120"})
    assert result.exit_code == 0
    assert "scope4" in result.stdout and "lachgas" in result.stdout


def test_xref_lists_the_connections(runner, bundled_kb):
    data = json.loads(run(runner, bundled_kb, "xref", "SO2.p4", "--json").stdout)
    assert data["parent"]["id"] == "SO2"
    assert [g["id"] for g in data["target_groups"]][:2] == ["SO2.p4.g1", "SO2.p4.g2"]
    assert "SO1.l2.3" in [r["id"] for r in data["same_groups"]]
    assert data["shared_terms"] and all(t["terms"] for t in data["shared_terms"])
    cites = json.loads(run(runner, bundled_kb, "xref", "intro.p6", "--json").stdout)
    assert [n["id"] for n in cites["endnotes"]] == ["n3", "n4", "n5"]
    note = json.loads(run(runner, bundled_kb, "xref", "n8", "--json").stdout)
    assert [r["id"] for r in note["cited_by"]] == ["means8"]


def test_xref_of_an_unknown_id_exits_1(runner, bundled_kb):
    result = run(runner, bundled_kb, "xref", "9.9")
    assert result.exit_code == 1 and "no record" in result.stderr


def test_groups_align_names_across_languages_and_map_objectives(runner, bundled_kb):
    groups = json.loads(run(runner, bundled_kb, "groups", "--json").stdout)
    young = next(g for g in groups if "young people" in g["langs"]["en"]["names"])
    assert "jongeren" in young["langs"]["nl"]["names"] and "SO1" in young["objectives"]
    prison = next(g for g in groups if g["en"] == "prison staff")
    assert prison["nl"] == "gevangenispersoneel" and "1.6" in prison["objectives"]


def test_groups_matrix_as_csv(runner, bundled_kb):
    rows = list(csv.DictReader(io.StringIO(
        run(runner, bundled_kb, "groups", "--matrix", "--format", "csv").stdout)))
    assert list(rows[0]) == ["en", "nl", "SO1", "SO2", "SO3", "SO4", "SO5", "SO6", "names:en",
                             "names:nl"]
    prison = next(r for r in rows if r["en"] == "prison staff")
    assert prison["SO1"] == "1" and prison["SO3"] == "1"
    table = runner.invoke(app, ["--data", str(bundled_kb), "groups", "--matrix"],
                          env={"COLUMNS": "140"})
    assert "SO6" in table.stdout and "target groups" in table.stdout


def test_terms_from_the_glossary_and_from_aligned_records(runner, bundled_kb):
    pairs = json.loads(run(runner, bundled_kb, "terms", "harm", "reduction", "--json").stdout)
    glossary = next(p for p in pairs if p["source"] == "glossary")
    assert "schadebeperk" in glossary["nl"]
    mined = json.loads(run(runner, bundled_kb, "terms", "drug", "trafficking", "--json").stdout)
    assert any(p["source"] == "aligned records" and "drugshandel" in p["nl"] for p in mined)


def test_terms_with_no_pair_exits_1(runner, bundled_kb):
    result = run(runner, bundled_kb, "terms", "xylofoonqq")
    assert result.exit_code == 1


def test_the_search_index_follows_edits_of_the_yaml(scratch_kb):
    from drugstrat.kb.paths import records_path

    assert not search(store.load(scratch_kb), "xylofoon")
    path = records_path(scratch_kb, "en")
    path.write_text(path.read_text(encoding="utf-8").replace(
        "To promote and protect health and well-being",
        "To promote and protect health and xylofoon"), encoding="utf-8")
    assert [g.id for g in search(store.load(scratch_kb), "xylofoon")] == ["SO1"]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=40))
def test_search_never_raises_on_any_query(bundled_kb, query):
    for group in search(store.load(bundled_kb), query, limit=3):
        for hit in group.hits:
            for start, end in hit.spans:
                assert 0 <= start < end <= len(hit.text)


def test_search_with_an_unknown_type_is_a_usage_error(runner, bundled_kb):
    result = run(runner, bundled_kb, "search", "drugs", "--type", "objectivez")
    assert result.exit_code == 2 and "not a record type" in result.stderr


def test_xref_table_for_people(runner, bundled_kb):
    result = runner.invoke(app, ["--data", str(bundled_kb), "xref", "SO 2"],
                           env={"COLUMNS": "140"})
    assert result.exit_code == 0
    assert "SO2" in result.stdout and "children" in result.stdout and "2.1" in result.stdout


def test_groups_keep_an_objectives_groups_with_so(runner, bundled_kb):
    rows = json.loads(run(runner, bundled_kb, "groups", "--so", "SD 2", "--json").stdout)
    every = json.loads(run(runner, bundled_kb, "groups", "--json").stdout)
    assert rows and rows == [r for r in every if "SO2" in r["objectives"]]
    # The usual name as a string, every name as a list.
    assert isinstance(rows[0]["nl"], str) and isinstance(rows[0]["langs"]["nl"]["names"], list)
    counted = json.loads(run(runner, bundled_kb, "groups", "--matrix", "--so", "2",
                             "--json").stdout)
    assert len(counted) == len(rows) and all(r["SO2"] > 0 for r in counted)


def test_show_of_an_objective_points_to_read(runner, bundled_kb):
    result = runner.invoke(app, ["--data", str(bundled_kb), "show", "SO5"],
                           env={"COLUMNS": "120"})
    assert "drugstrat read SO5" in result.stdout


# -- a search that says what it did --------------------------------------------------------------


def test_a_query_word_found_nowhere_is_named(runner, bundled_kb):
    result = run(runner, bundled_kb, "search", "drug", "dealers", "--type", "specific",
                 "--json")
    assert result.exit_code == 0
    assert "no 'dealers' in the strategy" in result.stderr
    hits = json.loads(result.stdout)
    assert hits and all(h["matched"] in ([], ["drug"]) for h in hits)
    place = run(runner, bundled_kb, "search", "port", "of", "Antwerp", "--json")
    assert "no 'antwerp' in the strategy" in place.stderr
    assert "3.9" in [h["id"] for h in json.loads(place.stdout)]


def test_a_word_only_the_filters_leave_out_is_named(tmp_path, runner):
    root = build_pair(tmp_path, "I. INTRODUCTION\n\nPrisons matter.\n\nIV. STRATEGIC OBJECTIVES\n\n"
                                "SO. 1 Health\n\nBody text.\n",
                      "I. INLEIDING\n\nGevangenissen tellen.\n\nIV. STRATEGISCHE DOELSTELLINGEN"
                      "\n\nSD. 1 Gezondheid\n\nTekst.\n")
    result = run(runner, root, "search", "prisons", "health", "--type", "so", "--json")
    assert result.exit_code == 0 and [h["id"] for h in json.loads(result.stdout)][0] == "SO1"
    assert "'prisons' is only in records the filters leave out" in result.stderr


@pytest.mark.parametrize(("query", "said", "expected"), [
    ("vroegdetectie", "showing its last part 'detectie', and words beginning 'vroeg'",
     "intro.p1"),
    ("drugshandelaars", "showing its beginning 'drugshandel'", "intro.p2"),
])
def test_a_compound_the_document_never_writes_falls_back_and_says_so(tmp_path, runner, query,
                                                                       said, expected):
    root = build_pair(tmp_path, "I. INTRODUCTION\n\nEarly detection helps.\n\n"
                                "Drug trafficking harms.\n\nNothing else here.\n",
                      "I. INLEIDING\n\nVroegtijdige detectie helpt.\n\n"
                      "Drugshandel schaadt.\n\nNiets anders hier.\n")
    result = run(runner, root, "search", query, "--json")
    assert result.exit_code == 0, result.stderr
    assert f"no {query!r} in the strategy; {said}" in result.stderr
    assert json.loads(result.stdout)[0]["id"] == expected


def test_a_compound_finds_the_other_spellings_the_document_uses(tmp_path, runner):
    root = build_pair(tmp_path, "I. INTRODUCTION\n\nTrafficking in drugs.\n\nDrug trade rises.\n",
                      "I. INLEIDING\n\nDe drughandel groeit.\n\nDe drugshandel stijgt.\n")
    result = run(runner, root, "search", "drugshandel", "--lang", "nl", "--json")
    assert {h["id"] for h in json.loads(result.stdout)} == {"intro.p1", "intro.p2"}
    assert "'drugshandel' is also written 'drughandel' here" in result.stderr
    hit = next(h for h in json.loads(result.stdout) if h["id"] == "intro.p1")
    start, end = hit["spans"][0]
    assert hit["text"][start:end] == "drughandel"


def test_the_compounds_analysts_typed_reach_their_records(bundled_kb):
    kb = store.load(bundled_kb)
    for query, expected in (("vroegdetectie", "means6"), ("vroegopsporing", "1.6"),
                            ("drugshandel", "3.2"), ("drugshandelaars", "3.2")):
        found = search(kb, query, limit=5, glossary_file=glossary_path(bundled_kb))
        assert expected in [g.id for g in found], query
        assert not found.missing


def test_exact_lets_nothing_stand_in(runner, bundled_kb):
    result = run(runner, bundled_kb, "search", "vroegdetectie", "--exact")
    assert result.exit_code == 1 and "no 'vroegdetectie' in the strategy" in result.stderr
    assert "showing" not in result.stderr


def test_search_hits_carry_their_parent_objective_and_the_words_they_matched(runner,
                                                                            bundled_kb):
    result = run(runner, bundled_kb, "search", "money", "laundering", "xylofoonqq", "--json")
    assert "no 'xylofoonqq' in the strategy" in result.stderr
    hits = json.loads(result.stdout)
    top = [h for h in hits if h["rank"] == 1]
    assert {h["lang"] for h in top} == {"en", "nl"}
    assert all(h["parent"] and h["so"] == f"SO{h['id'].split('.')[0]}" for h in top)
    en = next(h for h in top if h["lang"] == "en")
    assert set(en["matched"]) == {"money", "laundering"}
    for start, end in en["spans"]:
        assert en["text"][start:end].lower() in ("money", "laundering", "money laundering")
    assert all("xylofoonqq" not in h["matched"] for h in hits)


def test_wide_search_gives_one_row_per_record_with_its_languages_inside(runner, bundled_kb):
    rows = json.loads(run(runner, bundled_kb, "search", "gokken", "--limit", "4", "--wide",
                          "--json").stdout)
    hits = json.loads(run(runner, bundled_kb, "search", "gokken", "--limit", "4",
                          "--json").stdout)
    assert len(rows) == len({h["rank"] for h in hits}) == 4
    assert [r["rank"] for r in rows] == [1, 2, 3, 4]
    for row in rows:
        assert set(row["langs"]) == {"en", "nl"} and row["en"] and row["nl"]
        assert row["parent"] and "gokken" in row["matched"] and "so" in row
        nl = row["langs"]["nl"]
        assert nl["matched"] == ["gokken"] and nl["spans"]
    csv_rows = list(csv.DictReader(io.StringIO(run(
        runner, bundled_kb, "search", "gokken", "--limit", "4", "--wide", "-f", "csv").stdout)))
    assert [r["id"] for r in csv_rows] == [r["id"] for r in rows]
    assert csv_rows[0]["matched:nl"] == "gokken"


def test_the_table_cuts_long_texts_between_words_and_keeps_colour_on_request(runner, bundled_kb):
    result = runner.invoke(app, ["search", "gokken", "--type", "specific", "--limit", "2",
                                 "--data", str(bundled_kb), "--width", "100"])
    assert "gam…" not in result.stdout and "withi…" not in result.stdout
    plain = "\x1b[" not in result.stdout  # a pipe gets no colour by default
    coloured = runner.invoke(app, ["--color", "always", "--data", str(bundled_kb), "search",
                                   "gokken", "--limit", "1"]).stdout
    assert plain and "\x1b[1;33m" in coloured  # the matches, bold yellow, even into a pipe


@settings(max_examples=200, deadline=None)
# Found by hypothesis: a match at the very end, the window moved back to a word's start.
@example(["gambling"] * 27 + ["a"], 27)
@given(st.lists(st.sampled_from(["gambling", "a", "market", "of", "illegal", "the", "x" * 12,
                                 "–", "(unlicensed)"]), min_size=1, max_size=90),
       st.integers(min_value=0, max_value=89))
def test_a_snippet_never_cuts_a_word_or_a_match(words_, at):
    from drugstrat.text.snippets import WHOLE, snippet

    text = " ".join(words_)
    starts = [i for i in range(len(text)) if i == 0 or text[i - 1] == " "]
    start = starts[min(at, len(starts) - 1)]
    end = text.find(" ", start)
    spans = [(start, len(text) if end == -1 else end)]
    shown, moved = snippet(text, spans)
    if len(text) <= WHOLE:
        assert (shown, moved) == (text, spans)
        return
    body = shown.strip("…")
    assert body in text and body.split() == text[text.index(body):][:len(body)].split()
    index = text.index(body)
    assert index == 0 or text[index - 1] == " "  # starts at a word
    assert index + len(body) == len(text) or text[index + len(body)] == " "  # ends after one
    assert moved and all(shown[s:e] == text[spans[0][0]:spans[0][1]] for s, e in moved)


def test_a_learned_translation_is_never_certain(runner, bundled_kb):
    customs = json.loads(run(runner, bundled_kb, "terms", "douaniers", "--json").stdout)
    learned = [p for p in customs if p["source"] == "aligned records"]
    assert learned and all(p["score"] < 0.5 for p in learned)
    assert all(p["support"] <= p["seen"] for p in learned)
    assert any(p["attested"] is False for p in learned)
    # A target group named in its paragraph is that paragraph: one record, not two.
    port = json.loads(run(runner, bundled_kb, "terms", "havenarbeiders", "--json").stdout)
    one = next(p for p in port if p["source"] == "aligned records")
    assert len(one["records"]) == 2 and (one["support"], one["seen"]) == (1, 1)
    assert one["score"] < 0.5
    trafficking = json.loads(run(runner, bundled_kb, "terms", "drug", "trafficking",
                                 "--json").stdout)
    best = trafficking[0]
    assert best["nl"] == "drugshandel" and best["support"] > 1 and best["score"] < 1


def test_the_wilson_bound_grows_with_the_evidence_and_stays_below_one():
    from drugstrat.search.terms import wilson

    assert wilson(0, 0) == 0.0
    assert wilson(1, 1) < wilson(4, 4) < wilson(40, 40) < 1
    assert wilson(3, 4) < wilson(4, 4)
