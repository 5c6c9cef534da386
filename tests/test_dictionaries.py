"""General bilingual dictionaries (FreeDict's dictd files) as a lexicon's seeds: read from where
`DRUGSTRAT_FREEDICT_PATH` says, prepared once a machine for lookup by stem, and asked only for
the words a text holds — on a small dictionary written here in dictd's own format."""

from __future__ import annotations

from pathlib import Path

import pytest

from drugstrat.languages import language
from drugstrat.terms import dictindex, freedict
from drugstrat.terms.learning import dictionary_seeds
from drugstrat.terms.tokens import Tokenizer

B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
ENTRIES = {
    "prison": "prison /ˈprɪzən/\n1. gevangenis, kerker\n2. (figurative) kooi\n",
    "prisons": "prisons\ngevangenissen\n",
    "harm reduction": "harm reduction\nschadebeperking\n",
    "customs officer": "customs officer\ndouanier; tolbeambte\n",
    "unrelated": "unrelated\nniet verwant\n",
}


def b64(number: int) -> str:
    out = ""
    while True:
        out = B64[number % 64] + out
        number //= 64
        if not number:
            return out


def write_dictionary(folder: Path, name: str = "freedict-eng-nld",
                     entries: dict[str, str] | None = None) -> Path:
    """A dictd dictionary of `entries` (headword: its article), ENTRIES unless given."""
    folder.mkdir(parents=True, exist_ok=True)
    body, index = b"", []
    articles = ENTRIES if entries is None else entries
    for headword, text in {"00databaseinfo": "00databaseinfo\nEdition: 9.9\n",
                           **articles}.items():
        data = text.encode("utf-8")
        index.append(f"{headword}\t{b64(len(body))}\t{b64(len(data))}")
        body += data
    (folder / f"{name}.dict").write_bytes(body)
    (folder / f"{name}.index").write_text("\n".join(index) + "\n", encoding="utf-8")
    return folder


@pytest.fixture
def dictionary(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A FreeDict English-Dutch dictionary found before any installed one, and an empty cache."""
    monkeypatch.setenv("DRUGSTRAT_FREEDICT_PATH", str(write_dictionary(tmp_path / "dictd")))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    return tmp_path


def heads(found: tuple[str, list[dictindex.Entry]] | None) -> set[tuple[str, str]]:
    assert found is not None
    return {(head, tail) for _, _, head, tail in found[1]}


def test_only_entries_whose_every_word_the_texts_hold_are_given(dictionary):
    found = dictindex.lookup("en", "nl", {"prison", "harm", "reduct", "custom", "offic"},
                             {"gevangenis", "kerker", "schadebeperk", "douanier"})
    assert found is not None and found[0] == "freedict-eng-nld 9.9"
    assert heads(found) == {("prison", "gevangenis"), ("prison", "kerker"),
                            ("harm reduction", "schadebeperking"),
                            ("customs officer", "douanier")}


def test_a_prepared_dictionary_is_kept_and_read_without_the_dictionary(dictionary, monkeypatch):
    first = heads(dictindex.lookup("en", "nl", {"prison"}, {"gevangenis"}))
    kept = list((dictionary / "cache" / "drugstrat").glob("freedict-en-nl.sqlite"))
    assert len(kept) == 1

    def unread(*args: object) -> None:
        raise AssertionError("the dictionary was read again although it was kept prepared")

    monkeypatch.setattr(freedict, "load", unread)
    assert heads(dictindex.lookup("en", "nl", {"prison"}, {"gevangenis"})) == first


@pytest.mark.parametrize("damage", [b"", b"not a database at all" * 100])
def test_a_damaged_prepared_dictionary_is_prepared_again(dictionary, damage):
    dictindex.lookup("en", "nl", {"prison"}, {"gevangenis"})
    kept = dictionary / "cache" / "drugstrat" / "freedict-en-nl.sqlite"
    kept.write_bytes(damage)
    assert heads(dictindex.lookup("en", "nl", {"prison"}, {"gevangenis"})) == \
        {("prison", "gevangenis")}
    assert kept.stat().st_size > len(damage)


def test_a_changed_dictionary_is_prepared_again(dictionary):
    dictindex.lookup("en", "nl", {"prison"}, {"gevangenis"})
    changed = dictionary / "dictd" / "freedict-eng-nld.dict"
    text = changed.read_bytes().replace(b"gevangenis,", b"bajes,     ")
    changed.write_bytes(text)
    import os

    os.utime(changed, ns=(1, 1))  # another time: another dictionary
    assert ("prison", "bajes") in heads(dictindex.lookup("en", "nl", {"prison"}, {"bajes"}))


def test_a_cache_that_cannot_be_written_still_answers(dictionary, monkeypatch):
    (dictionary / "not-a-folder").write_text("a file where the cache would be", encoding="utf-8")
    monkeypatch.setenv("XDG_CACHE_HOME", str(dictionary / "not-a-folder"))
    assert heads(dictindex.lookup("en", "nl", {"prison"}, {"gevangenis"})) == \
        {("prison", "gevangenis")}


def test_no_dictionary_installed_is_none(tmp_path, monkeypatch):
    monkeypatch.setattr(freedict, "SEARCH_PATH", ())
    monkeypatch.setenv("DRUGSTRAT_FREEDICT_PATH", str(tmp_path / "nothing-here"))
    assert dictindex.lookup("en", "nl", {"prison"}, {"gevangenis"}) is None


def test_a_damaged_dictionary_file_is_no_reason_to_stop(dictionary):
    (dictionary / "dictd" / "freedict-eng-nld.index").write_text("prison\t!!\t@@\n",
                                                                 encoding="utf-8")
    assert dictindex.lookup("en", "nl", {"prison"}, {"gevangenis"}) is None


def test_the_seeds_pair_the_words_of_entries_both_texts_hold_both_ways(dictionary, monkeypatch):
    monkeypatch.setattr(freedict, "SEARCH_PATH", ())  # no installed nld-eng: one way only
    tokenizers = {lang: Tokenizer(language(lang)) for lang in ("en", "nl")}
    en = {k for t in tokenizers["en"].tokenize("A prison and harm reduction.") for k in t.keys}
    nl = {k for t in tokenizers["nl"].tokenize("Een gevangenis en schadebeperking.")
          for k in t.keys}
    seeds, used = dictionary_seeds(("en", "nl"), tokenizers, {"en": en, "nl": nl})
    assert used == ["freedict-eng-nld 9.9"]
    assert ("prison", "gevangenis") in seeds
    assert {("harm", "schadebeperk"), ("reduct", "schadebeperk")} <= seeds
    assert not any(a in {"custom", "unrel"} for a, _ in seeds)
