"""The knowledge base on disk: build, rebuild with people's edits, drift, cache, validation."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from drugstrat.errors import InputError, KBError
from drugstrat.kb import build as kb
from drugstrat.kb import store
from drugstrat.kb.paths import glossary_path, records_path
from drugstrat.kb.validate import validate

from .conftest import EN_SOURCE, NL_SOURCE, build_pair, short_edition


def load_yaml(path: Path) -> dict:
    from ruamel.yaml import YAML

    return YAML(typ="safe").load(path.read_text(encoding="utf-8"))


def records_of(root: Path, lang: str) -> dict[str, dict]:
    return {r["id"]: r for r in load_yaml(records_path(root, lang))["records"]}


def test_build_writes_yaml_per_language_with_the_source_beside_it(scratch_kb):
    for lang in ("en", "nl"):
        document = load_yaml(records_path(scratch_kb, lang))
        assert document["lang"] == lang
        assert (scratch_kb / lang / document["source"]).is_file()
        assert all(r["lang"] == lang for r in document["records"])


def test_yaml_is_readable_unicode_with_long_texts_as_block_scalars(scratch_kb):
    text = records_path(scratch_kb, "nl").read_text(encoding="utf-8")
    assert "geïntegreerd" in text and "\\u" not in text
    assert "text: >-\n" in text
    # Stable key order: identity first.
    assert "  - id: SO1\n    type: strategic_objective\n    lang: nl\n" in text


def test_folded_yaml_reads_back_exactly(scratch_kb):
    report = kb.prepare({"en": EN_SOURCE, "nl": NL_SOURCE}, scratch_kb)
    for lang, built in report.languages.items():
        on_disk = records_of(scratch_kb, lang)
        for record in built.records:
            assert on_disk[record["id"]]["text"] == record["text"]


def test_fields_a_person_added_survive_a_rebuild(scratch_kb):
    path = records_path(scratch_kb, "nl")
    text = path.read_text(encoding="utf-8")
    text = text.replace("  - id: '3.4'\n", "  - id: '3.4'\n    status: reviewed\n    note: ok\n", 1)
    assert "status: reviewed" in text
    path.write_text(text, encoding="utf-8")
    kb.build(kb.recorded_sources(scratch_kb), scratch_kb)
    record = records_of(scratch_kb, "nl")["3.4"]
    assert (record["status"], record["note"]) == ("reviewed", "ok")
    assert store.load(scratch_kb).get("3.4")["nl"]["status"] == "reviewed"


def test_annotations_on_records_that_vanish_are_kept_in_orphans(tmp_path):
    en = "I. INTRODUCTION\n\nOne.\n\nTwo.\n"
    root = build_pair(tmp_path, en, "I. INLEIDING\n\nEen.\n\nTwee.\n")
    path = records_path(root, "en")
    path.write_text(path.read_text(encoding="utf-8").replace(
        "  - id: intro.p2\n", "  - id: intro.p2\n    note: keep me\n"), encoding="utf-8")
    (tmp_path / "src" / "en.txt").write_text("I. INTRODUCTION\n\nOne.\n", encoding="utf-8")
    kb.build({"en": tmp_path / "src" / "en.txt", "nl": tmp_path / "src" / "nl.txt"}, root)
    orphans = load_yaml(root / "en" / "orphans.yaml")
    assert orphans == [{"id": "intro.p2", "text": "Two.", "note": "keep me"}]


def test_check_reports_drift_and_ignores_peoples_fields(scratch_kb):
    assert kb.check(scratch_kb).drifted == []
    path = records_path(scratch_kb, "en")
    path.write_text(path.read_text(encoding="utf-8").replace(
        "  - id: '3.4'\n", "  - id: '3.4'\n    status: reviewed\n", 1), encoding="utf-8")
    assert kb.check(scratch_kb).drifted == []
    path.write_text(path.read_text(encoding="utf-8").replace(
        "To promote a reinforced", "To promote a weakened"), encoding="utf-8")
    assert kb.check(scratch_kb).drifted == [path]


def test_the_cache_is_rebuilt_when_a_person_edits_the_yaml(scratch_kb):
    assert store.load(scratch_kb).get("SO1")["en"]["text"] == "To promote and protect health " \
                                                                "and well-being"
    path = records_path(scratch_kb, "en")
    path.write_text(path.read_text(encoding="utf-8").replace(
        "To promote and protect health and well-being", "To promote health"), encoding="utf-8")
    assert store.load(scratch_kb).get("SO1")["en"]["text"] == "To promote health"
    cache = json.loads((scratch_kb / ".cache" / "kb.json").read_text(encoding="utf-8"))
    assert any(r["text"] == "To promote health" for r in cache["records"]["en"])


def test_queries_do_not_parse_yaml_when_the_cache_is_current(scratch_kb, monkeypatch):
    store.load(scratch_kb)

    def no_yaml(*args, **kwargs):
        raise AssertionError("YAML was parsed on the query path")

    monkeypatch.setattr("drugstrat.kb.validate.load_validated", no_yaml)
    assert store.load(scratch_kb).get("3.4")


def test_broken_yaml_names_file_and_line(scratch_kb):
    path = records_path(scratch_kb, "en")
    lines = path.read_text(encoding="utf-8").splitlines()
    lines[9] = "    text: [unclosed"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(KBError, match=rf"{path}:1\d: invalid YAML"):
        store.load(scratch_kb)


def test_a_record_breaking_the_schema_is_reported_with_its_line(scratch_kb):
    path = records_path(scratch_kb, "nl")
    text = path.read_text(encoding="utf-8")
    text = text.replace("  - id: SO1\n    type: strategic_objective\n",
                        "  - id: SO1\n    type: objective_of_sorts\n", 1)
    path.write_text(text, encoding="utf-8")
    line = text.splitlines().index("  - id: SO1") + 1
    problems = validate(scratch_kb)
    schema = [p for p in problems if p["id"] == "SO1" and "type" in p["problem"]]
    assert schema and schema[0]["line"] == line and schema[0]["file"] == "nl/records.yaml"
    with pytest.raises(KBError, match=rf"{path}:{line}: type"):
        store.load(scratch_kb)


def test_validate_reports_alignment_problems(tmp_path):
    root = build_pair(tmp_path, "I. INTRODUCTION\n\nOne.\n\nTwo is a much longer paragraph.\n",
                      "I. INLEIDING\n\nEen.\n")
    problems = validate(root)
    assert [(p["id"], p["lang"]) for p in problems] == [("intro.p2", "en")]
    assert problems[0]["problem"] == "no nl record with this id"


def test_a_sound_kb_validates_clean(tmp_path):
    root = build_pair(tmp_path, "I. INTRODUCTION\n\nOne.\n", "I. INLEIDING\n\nEen.\n")
    assert validate(root) == []


def test_a_merged_paragraph_does_not_shift_the_ids_after_it(tmp_path):
    en = ("I. INTRODUCTION\n\nShort one.\n\n" + "Second paragraph, fairly long. " * 3 +
          "\n\n" + "Third paragraph, fairly long too. " * 3 + "\n\nFourth and last.\n")
    nl = ("I. INLEIDING\n\nKorte een.\n\n" + "Tweede alinea, vrij lang. " * 3 +
          "Derde alinea, ook vrij lang. " * 3 + "\n\nVierde en laatste.\n")
    root = build_pair(tmp_path, en, nl)
    nl_records = records_of(root, "nl")
    assert nl_records["intro.p4"]["text"] == "Vierde en laatste."
    assert nl_records["intro.p2"]["merges"] == ["intro.p2", "intro.p3"]
    assert records_of(root, "en")["intro.p3"]["aligned"] is False


def test_missing_and_empty_sources_are_input_errors(tmp_path):
    (tmp_path / "empty.txt").write_text("\n\n", encoding="utf-8")
    with pytest.raises(InputError, match="empty"):
        kb.build({"en": tmp_path / "empty.txt", "nl": NL_SOURCE}, tmp_path / "out")
    with pytest.raises(InputError, match="no such file"):
        kb.build({"en": tmp_path / "nope.txt", "nl": NL_SOURCE}, tmp_path / "out")
    assert not (tmp_path / "out").exists()


def test_a_kb_in_a_read_only_place_still_answers(scratch_kb, tmp_path, monkeypatch):
    """An installed package may not be writable: the cache then goes to the user's cache dir."""
    from drugstrat.storage import atomic as fsutil

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "usercache"))
    (scratch_kb / ".cache" / "kb.json").unlink()
    real_write = fsutil.atomic_write_text

    def read_only(path: Path, text: str, follow: bool = True) -> None:
        if scratch_kb in path.parents:
            raise PermissionError(13, "Permission denied")
        real_write(path, text, follow)

    monkeypatch.setattr(fsutil, "atomic_write_text", read_only)
    assert store.load(scratch_kb).get("3.4")
    assert len(list((tmp_path / "usercache" / "drugstrat").glob("*.json"))) == 1
    assert not (scratch_kb / ".cache" / "kb.json").exists()


def test_a_touched_but_unchanged_yaml_does_not_recompile(scratch_kb, monkeypatch):
    """`pip install` and `git checkout` rewrite modification times, not content."""
    import os

    store.load(scratch_kb)
    path = records_path(scratch_kb, "en")
    os.utime(path, ns=(1_000_000_000, 1_000_000_000))

    def no_yaml(*args, **kwargs):
        raise AssertionError("YAML was parsed although its content did not change")

    monkeypatch.setattr("drugstrat.kb.validate.load_validated", no_yaml)
    assert store.load(scratch_kb).get("3.4")
    cache = json.loads((scratch_kb / ".cache" / "kb.json").read_text(encoding="utf-8"))
    # Refreshed, so the next query is fast.
    assert cache["stamps"]["en/records.yaml"][1] == 1_000_000_000


def test_an_added_target_group_does_not_shift_the_others(tmp_path):
    root = build_pair(
        tmp_path,
        "I. INTRODUCTION\n\nWe protect actors (such as magistrates, police and journalists).\n",
        "I. INLEIDING\n\nWe beschermen actoren (zoals magistraten, politie, douaniers en "
        "journalisten).\n")
    en = {r["text"]: r["id"] for r in records_of(root, "en").values()
          if r["type"] == "target_group"}
    nl = {r["text"]: r["id"] for r in records_of(root, "nl").values()
          if r["type"] == "target_group"}
    assert nl["journalisten"] == en["journalists"]
    assert nl["politie"] == en["police"]
    assert nl["douaniers"] not in en.values()


def test_a_paragraph_pairs_with_the_one_standing_where_it_stands(tmp_path):
    """Of two lead-in paragraphs of the same length, the one before the list of aims pairs with
    the translation before the list of aims, though the translation leaves the other out."""
    en = ("III. MISSION & VISION\n\nWe aim high.\n\nIn this regard, we are striving to:\n\n"
          "- Prevent use.\n- Delay first use.\n\nWe intend to achieve this by:\n\n"
          "- coordinating policies.\n")
    nl = ("III. MISSIE & VISIE\n\nWe mikken hoog.\n\nHierbij streven we naar:\n\n"
          "- Gebruik voorkomen.\n- Eerste gebruik uitstellen.\n")
    root = build_pair(tmp_path, en, nl)
    nl_records = {r["id"]: r["text"] for r in store.load(root).versions["nl"]}
    assert nl_records["mission.p2"] == "Hierbij streven we naar:"
    assert "mission.p3" not in nl_records


def test_contents_entries_pair_by_their_numerals(tmp_path):
    en = "CONTENTS\n\nI. Introduction\n\nII. Scope\n\nIII. Mission\n\nI. INTRODUCTION\n\nText.\n"
    nl = "INHOUD\n\nI. Inleiding\n\nIII. Missie\n\nI. INLEIDING\n\nTekst.\n"
    root = build_pair(tmp_path, en, nl)
    nl_records = {r["id"]: r for r in store.load(root).versions["nl"]}
    assert nl_records["toc3"]["text"] == "Missie" and "toc2" not in nl_records
    assert not any(r.get("merges") for r in nl_records.values())


def test_a_rebuild_of_unchanged_sources_reuses_the_kept_lexicon(tmp_path, monkeypatch):
    """Learning the lexicon is most of a build; a rebuild (or `build --check`) of the same
    records and glossary reads the one kept beside the cache, and builds the same records."""
    from drugstrat.kb import lexicon

    sources = short_edition(tmp_path)
    root = tmp_path / "kb"
    kb.build(sources, root)
    first = store.load(root).versions
    learnt = []
    real = lexicon.learn
    monkeypatch.setattr(lexicon, "learn", lambda *a: (learnt.append(a[1]), real(*a))[1])
    kb.build(sources, root)
    assert learnt == [] and store.load(root).versions == first
    assert kb.check(root).drifted == [] and learnt == []
    # An edited source, or an edited glossary, is learned from again.
    kb.build(short_edition(tmp_path / "edited", {"local effort": "regional effort",
                                                 "lokale aanpak": "regionale aanpak"}), root)
    assert learnt == [("en", "nl")]
    glossary = glossary_path(root)
    (root / glossary.name).write_bytes(glossary.read_bytes() + b"\n# edited\n")
    kb.build(sources, root)
    assert learnt == [("en", "nl")] * 2


def test_the_same_texts_built_into_two_folders_are_learned_once(tmp_path, monkeypatch):
    """A process that builds the same records twice (a script, a test session) learns their
    lexicon once; what one build's lexicon is made to say never reaches the other's."""
    from drugstrat.kb import lexicon
    from drugstrat.terms.glossary import Glossary

    sources = short_edition(tmp_path)
    learnt = []
    real = lexicon.learn
    monkeypatch.setattr(lexicon, "learn", lambda *a: (learnt.append(a[1]), real(*a))[1])
    first = kb.build(sources, tmp_path / "one").lexicons[0]
    first.scores.clear()
    second = kb.build(sources, tmp_path / "two").lexicons[0]
    assert second.scores and len(learnt) <= 1  # none if this process learned them before
    # Another glossary is another lexicon, though no file of it adds bytes to the origin.
    before = len(learnt)
    lexicon.lexicon_for(store.load(tmp_path / "two"), ("en", "nl"),
                        Glossary(acronyms=[{"en": "XYZ", "nl": "ZYX"}]), None)
    assert len(learnt) == before + 1


@pytest.mark.parametrize("damage", [
    None, [], {"langs": 5},
    {"langs": ["en", "nl"], "scores": [1, 2], "occurrences": {}, "reliability": {},
     "support": {}, "compounds": []},
])
def test_a_damaged_kept_lexicon_is_learned_again(tmp_path, runner, damage):
    from drugstrat.cli.commands import app

    sources = short_edition(tmp_path)
    root = tmp_path / "kb"
    kb.build(sources, root)
    for path in (root / ".cache").glob("kb.lexicon-*.json"):
        kept = json.loads(path.read_text(encoding="utf-8"))
        kept["lexicon"] = damage  # its stamps still match: only its content is wrong
        path.write_text(json.dumps(kept), encoding="utf-8")
    kb.build(sources, root)  # learned again, not read
    for args in (["diff", "--json", "--fail-on", "never"], ["terms", "policy", "--json"]):
        result = runner.invoke(app, ["--data", str(root), *args])
        assert result.exit_code in (0, 1), (args, result.output)
        assert result.exception is None or isinstance(result.exception, SystemExit), args


def test_the_record_type_its_yaml_key_order_and_its_schema_name_the_same_fields():
    """The record's fields are written in three places for three jobs (the type every stage
    passes on, the order people read them in YAML, the validation at the edges): a field added
    to one and not the others would be dropped or refused somewhere."""
    from drugstrat.kb.schema import RecordModel
    from drugstrat.record import KEY_ORDER, Record

    assert list(KEY_ORDER) == list(dict.fromkeys(KEY_ORDER))
    assert set(Record.__annotations__) == set(KEY_ORDER) == set(RecordModel.model_fields)


def test_a_records_file_read_twice_gives_each_reader_its_own_document(scratch_kb: Path) -> None:
    """Reading a file again is answered from what was parsed, never from what a reader did to
    its copy; an edit of the file is read as edited."""
    from drugstrat.kb import yamlio

    path = scratch_kb / "en" / "records.yaml"
    first = yamlio.load(path)
    first["records"][0]["text"] = "changed by a reader"
    first["records"].pop()
    second = yamlio.load(path)
    assert second["records"][0]["text"] != "changed by a reader"
    assert len(second["records"]) == len(first["records"]) + 1
    first_text = second["records"][0]["text"]
    path.write_text(path.read_text(encoding="utf-8").replace(
        f"text: {first_text}", f"text: Edited {first_text}", 1), encoding="utf-8")
    assert yamlio.load(path)["records"][0]["text"].startswith("Edited")
