"""Agreement of Dutch adjectives with their noun: what a reviser expects caught without a
grammar checker, tried on sentences written here and on phrases of the bundled text changed at
random places."""

from __future__ import annotations

import random
import re

import pytest

from drugstrat.diff import REGISTRY, document
from drugstrat.diff import grammar as grammar_module
from drugstrat.diff.grammar import bare_forms, inflected_forms
from drugstrat.languages import DUTCH
from drugstrat.terms.glossary import Glossary

from .conftest import NL_SOURCE, dutch_speller


def agreement(nl: list[str], en: list[str] | None = None) -> list:
    """The agreement findings of Dutch paragraphs (each facing an English one)."""
    en = en or ["An English paragraph."] * len(nl)
    versions = {lang: [{"id": f"p{n}", "type": "paragraph", "lang": lang, "text": text,
                        "parent": "intro", "aligned": True} for n, text in enumerate(texts)]
                for lang, texts in (("en", en), ("nl", nl))}
    doc = document(versions, Glossary())
    return [f.settle(doc.langs) for f in REGISTRY["agreement"].run(doc)]


def test_the_dutch_spelling_rules_give_both_forms_of_an_adjective():
    assert "illegaal" in bare_forms("illegale", DUTCH)
    assert "wit" in bare_forms("witte", DUTCH)
    assert "actief" in bare_forms("actieve", DUTCH)
    assert "grijs" in bare_forms("grijze", DUTCH)
    assert "illegale" in inflected_forms("illegaal", DUTCH)
    assert "witte" in inflected_forms("wit", DUTCH)
    assert "onmiddellijke" in inflected_forms("onmiddellijk", DUTCH)
    assert inflected_forms("goede", DUTCH) == set()


def test_adjectives_of_one_noun_inflected_differently_are_a_warning_on_both():
    dutch_speller()
    text = "Op federaal niveau wordt een onmiddellijk en gedifferentieerde sanctiebeleid ingevoerd."
    [found] = agreement([text])
    assert found.severity.name == "warning" and found.id == "p0"
    assert found.message == "«onmiddellijk en gedifferentieerde sanctiebeleid» in nl: " \
        "adjectives of one noun inflected differently («onmiddellijk» without «-e», " \
        "«gedifferentieerde» with it)"
    marked = [text[s:e] for s, e in found.spans["nl"]]
    assert marked == ["onmiddellijk", "gedifferentieerde"]
    # A series of three, joined by a comma and a conjunction.
    [three] = agreement(["Dit vraagt een snelle, gerichte en doeltreffend aanpak."])
    assert "«doeltreffend» without «-e», «snelle», «gerichte» with it" in three.message
    # Joined adjectives stacked on another before the noun: the joined ones disagree.
    [stacked] = agreement(["De nationale en internationaal illegale productie van drugs."])
    assert "«internationaal» without «-e»" in stacked.message


@pytest.mark.parametrize("text", [
    "Er komt een onmiddellijk en gedifferentieerd sanctiebeleid.",  # alike: both bare
    "De lokale en federale overheden werken samen.",  # alike: both inflected
    "Het is belangrijk en nieuwe maatregelen zijn nodig.",  # no noun phrase after "het"
    "Steun voor de betrokkene en zijn omgeving.",  # a noun and a pronoun, no adjectives
    "Het Vlaams Gewest en de Vlaamse Regering.",  # a name keeps its adjective bare
    "We willen het mogelijk maken om samen te werken.",  # "het" a pronoun, then a verb
    "Een goed en snel werkende aanpak.",  # "snel" qualifies "werkende"
    "De betrokken diensten en de gespecialiseerde centra.",  # "-en" takes no ending
])
def test_grammar_that_agrees_stays_quiet(text):
    dutch_speller()
    assert agreement([text]) == []


def test_a_bare_adjective_after_a_definite_article_is_info_where_the_text_inflects_it():
    dutch_speller()
    inflected_elsewhere = "De illegale drugs worden in beslag genomen."
    [found] = agreement(["Het verminderen van het illegaal drugsaanbod.", inflected_elsewhere])
    assert found.severity.name == "info"
    assert found.message == "«het illegaal drugsaanbod» in nl: «illegaal» after «het» " \
                            "without «-e»"
    # Never written with its ending: maybe a fixed phrase ("het dagelijks leven"); nothing said.
    assert agreement(["Het verminderen van het illegaal drugsaanbod."]) == []


def test_a_comma_between_an_adjective_and_its_noun_is_info():
    dutch_speller()
    text = "Duidelijke, op evidentie gebaseerde, informatie over de risico's. Het is gebaseerd."
    [found] = agreement([text])
    assert (found.severity.name, found.message) == (
        "info", "«gebaseerde, informatie» in nl: a comma between an adjective and its noun?")
    assert [text[s:e] for s, e in found.spans["nl"]] == [","]
    # Adjectives in a series, or a suspended compound after the comma: nothing.
    assert agreement(["Duidelijke, gebaseerde informatie. Het is gebaseerd."]) == []
    assert agreement(["De gebaseerde, veiligheids- en milieuaspecten. Het is gebaseerd."]) == []


def test_english_has_no_adjective_endings_to_compare():
    versions = {"en": [{"id": "p", "type": "paragraph", "lang": "en", "aligned": True,
                        "parent": "intro", "text": "An immediate and differentiated policy."}],
                "nl": [{"id": "p", "type": "paragraph", "lang": "nl", "aligned": True,
                        "parent": "intro", "text": "Een beleid."}]}
    doc = document(versions, Glossary())
    assert list(REGISTRY["agreement"].run(doc)) == []


def test_without_a_dictionary_the_documents_own_words_tell_the_adjectives(monkeypatch):
    monkeypatch.setattr(grammar_module, "speller", lambda table: None)
    found = agreement(["Een onmiddellijk en gedifferentieerde aanpak.",
                       "De onmiddellijke steun en een gedifferentieerd beleid."])
    assert [f.id for f in found] == ["p0"]


@pytest.mark.parametrize("seed", [1, 7, 23])
def test_an_ending_changed_at_random_in_a_series_of_the_bundled_text_is_caught(seed):
    """Series of adjectives of the bundled Dutch text that agree, one adjective's ending
    added or taken off at random: the check names that phrase (the phrases are found by the
    test's own pattern and the dictionary, not by the check)."""
    dictionary = dutch_speller()
    paragraphs = [p for p in NL_SOURCE.read_text(encoding="utf-8").split("\n\n") if p.strip()]
    phrase = re.compile(r"\b(?:de|het|een|deze|dit) ([a-zë]+e) en ([a-zë]+e) ([a-z]{4,}[^n\W])\b")
    candidates = [(n, m) for n, p in enumerate(paragraphs) for m in phrase.finditer(p)
                  if all(any(dictionary.knows(b) for b in bare_forms(w, DUTCH))
                         for w in m.group(1, 2))]
    assert len(candidates) >= 3, "the bundled text has such series"
    rng = random.Random(seed)
    for n, match in rng.sample(candidates, 3):
        which = rng.choice((1, 2))
        bare = sorted(b for b in bare_forms(match.group(which), DUTCH) if dictionary.knows(b))[0]
        start, end = match.span(which)
        edited = paragraphs[n][:start] + bare + paragraphs[n][end:]
        found = agreement([edited])
        assert any(f.severity.name == "warning" and (start, start + len(bare))
                   in f.spans["nl"] for f in found), (bare, edited[start - 40:end + 40])
