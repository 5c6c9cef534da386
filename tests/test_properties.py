"""Properties that must hold for any input, checked with hypothesis."""

from __future__ import annotations

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from drugstrat.errors import InputError
from drugstrat.kb.names import canonical, resolve
from drugstrat.kb.yamlio import render
from drugstrat.languages import DUTCH, ENGLISH
from drugstrat.parse import parse_text

from .conftest import examples

# Text made of the pieces the parser reacts to, so that the interesting paths are reached.
FRAGMENTS = st.sampled_from([
    "SO. 1 ", "SD. 2 ", "1.1 ", "12.10 ", "- ", "• ", "* ", "I. ", "IV. INTRODUCTION", "SCOPE",
    "ENDNOTES", "¹", "² ", "**", "*", "(", ")", "e.g. ", "such as ", "groups ", ", ", " and ",
    "Mr. ", "Prof. Dr. ", "Specific objectives:", "\n", "\n\n", "\r\n", "\f", "\t", "—", "…",
    "March 2026", "2026 - 2029", "zoals ", "groepen ",
])
DOCUMENTS = st.lists(st.one_of(FRAGMENTS, st.text(max_size=12)), max_size=60).map("".join)


@settings(max_examples=examples(300), deadline=None, suppress_health_check=[HealthCheck.too_slow])
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


@settings(max_examples=examples(200), deadline=None)
@given(st.text(max_size=300))
def test_any_text_survives_the_yaml_round_trip(text):
    from ruamel.yaml import YAML

    record = {"id": "x", "type": "paragraph", "lang": "en", "text": text}
    loaded = YAML(typ="safe").load(render("en", None, [record]))
    assert loaded["records"][0]["text"] == text


SCALARS = st.one_of(st.text(max_size=40), st.sampled_from([
    "3.4", "1.6.g6", "2026 - 2029", "yes", "null", "~", "- item", "a: b", "a #b", "#x", "x:",
    "0x1f", "1e3", ".5", "+1", "2026-03-01", "'quoted'", '"dq"', "tab\there", " lead", "end ",
    "---", "...", "?", ":x", "é", "\u2028", "\x85", "\ufeff",
]))
PERSON_VALUES = st.recursive(
    st.one_of(SCALARS, st.integers(), st.booleans(), st.none(), st.floats(allow_nan=False),
              st.dates()),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner,
                                                               max_size=3), max_leaves=6)


def _ruamel_render(lang, records):
    """The records file as ruamel.yaml's round-trip dumper writes it: what the streaming
    writer must give, byte for byte."""
    import io

    from ruamel.yaml.comments import CommentedMap

    from drugstrat.kb import yamlio
    from drugstrat.storage import yamlfile
    from drugstrat.storage.recordswriter import _for_ruamel as converted

    document = CommentedMap()
    document["schema"] = 1
    document["lang"] = lang
    document["records"] = [CommentedMap((k, converted(v)) for k, v in yamlio._ordered(r).items())
                           for r in records]
    buffer = io.StringIO()
    buffer.write(f"# drugstrat knowledge base ({lang}), written by `drugstrat build`.\n"
                 "# Fields you add to a record (status: reviewed, note: ...) survive a rebuild.\n")
    yamlfile.writer().dump(document, buffer)
    return buffer.getvalue()


@settings(max_examples=examples(300), deadline=None)
@given(st.lists(st.fixed_dictionaries(
    {"id": SCALARS.filter(bool), "type": st.just("paragraph"), "lang": st.just("en"),
     "text": st.one_of(SCALARS, st.text(min_size=80, max_size=400)),
     "number": SCALARS, "line": st.integers(0, 10**6), "aligned": st.booleans()},
    optional={"cites": st.lists(st.integers(1, 99), max_size=3),
              "emphasis": st.lists(st.fixed_dictionaries(
                  {"kind": st.just("bold"), "start": st.integers(0, 9),
                   "end": st.integers(0, 9), "text": SCALARS}), max_size=2),
              "status": PERSON_VALUES, "reviewed": st.dates(), "note": SCALARS}),
    max_size=4))
# Found by hypothesis: keys a person typed that read back as something else ("0" as a number),
# or that only double quotes with escapes can show.
@example([{"id": "0", "type": "paragraph", "lang": "en", "text": "", "number": "", "line": 0,
           "aligned": False, "status": [{"0": ""}, {"true": "x", "2026-01-01": "y"},
                                         {"\U00018d09": "", "a\x85b": "z"}]}])
def test_the_streaming_writer_gives_ruamels_text_and_reads_back(records):
    from drugstrat.storage import yamlfile

    written = render("en", None, records)
    assert written == _ruamel_render("en", records)
    loaded = yamlfile.loads(written, "records.yaml")["records"] if records else []
    for record, back in zip(records, loaded, strict=True):
        assert {k: v for k, v in record.items() if v not in (None, [], "")} == {
            k: v for k, v in back.items() if v not in (None, [], "")}


@given(st.text(max_size=20))
def test_id_resolution_never_raises(query):
    canonical(query)
    assert resolve(query, ["SO1", "1.1", "intro"]) in (None, "SO1", "1.1", "intro")


@settings(max_examples=examples(150), deadline=None, suppress_health_check=[HealthCheck.too_slow])
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
