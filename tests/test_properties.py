"""Properties that must hold for any input, checked with hypothesis."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from drugstrat.errors import InputError
from drugstrat.kb.ids import canonical, resolve
from drugstrat.kb.yamlio import render
from drugstrat.languages import DUTCH, ENGLISH
from drugstrat.parse import parse_text

# Text made of the pieces the parser reacts to, so that the interesting paths are reached.
FRAGMENTS = st.sampled_from([
    "SO. 1 ", "SD. 2 ", "1.1 ", "12.10 ", "- ", "• ", "* ", "I. ", "IV. INTRODUCTION", "SCOPE",
    "ENDNOTES", "¹", "² ", "**", "*", "(", ")", "e.g. ", "such as ", "groups ", ", ", " and ",
    "Mr. ", "Prof. Dr. ", "Specific objectives:", "\n", "\n\n", "\r\n", "\f", "\t", "—", "…",
    "March 2026", "2026 - 2029", "zoals ", "groepen ",
])
DOCUMENTS = st.lists(st.one_of(FRAGMENTS, st.text(max_size=12)), max_size=60).map("".join)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(DOCUMENTS, st.sampled_from([ENGLISH, DUTCH]))
def test_the_parser_never_raises_anything_but_its_own_error(text, lang):
    try:
        result = parse_text(text, lang)
    except InputError:
        assert not text.strip()
        return
    ids = [r["id"] for r in result.records if r["type"] != "target_group"]
    assert len(ids) == len(set(ids)), "ids must be unique"
    for record in result.records:
        assert record["lang"] == lang.code and isinstance(record["text"], str)
        for span in record.get("emphasis", ()):
            assert record["text"][span["start"]:span["end"]] == span["text"]


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300))
def test_any_text_survives_the_yaml_round_trip(text):
    from ruamel.yaml import YAML

    record = {"id": "x", "type": "paragraph", "lang": "en", "text": text}
    loaded = YAML(typ="safe").load(render("en", None, [record]))
    assert loaded["records"][0]["text"] == text


@given(st.text(max_size=20))
def test_id_resolution_never_raises(query):
    canonical(query)
    assert resolve(query, ["SO1", "1.1", "intro"]) in (None, "SO1", "1.1", "intro")


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(DOCUMENTS, DOCUMENTS)
def test_diff_never_raises_and_always_shows_evidence(en_text, nl_text):
    from drugstrat.diff import run
    from drugstrat.kb.align import align, realign
    from drugstrat.terms.glossary import Glossary, Term

    if not en_text.strip() or not nl_text.strip():
        return
    en, nl = parse_text(en_text, ENGLISH), parse_text(nl_text, DUTCH)
    realign(en, nl)
    versions = align({"en": en.records, "nl": nl.records})
    glossary = Glossary(terms=[Term({"en": ("groups",), "nl": ("groepen",)})])
    for finding in run(versions, glossary).findings:
        assert finding.evidence["en"].strip() and finding.evidence["nl"].strip(), finding
        assert finding.finding_id.startswith(finding.check)
