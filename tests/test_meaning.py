"""Meaning-level QA: the lexicon learned from the aligned text, and the checks and commands that
use it — on small bilingual snippets (fires / stays quiet) and on edited copies of the bundled
texts, each edit reported on its record with its word."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from drugstrat import diff
from drugstrat.cli.commands import app
from drugstrat.diff.review import review
from drugstrat.kb import build as kb
from drugstrat.kb import store
from drugstrat.languages import DUTCH, ENGLISH
from drugstrat.terms.glossary import Glossary, Term
from drugstrat.terms.learning import learn
from drugstrat.terms.tokens import find_compounds, tokenize

from .conftest import EN_SOURCE, NL_SOURCE, write

EN = EN_SOURCE.read_text(encoding="utf-8")
NL = NL_SOURCE.read_text(encoding="utf-8")


def record(lang: str, text: str, record_id: str, rtype: str = "paragraph") -> dict:
    return {"id": record_id, "type": rtype, "lang": lang, "text": text, "parent": "intro",
            "aligned": True}


def findings(check: str, en: list[dict], nl: list[dict], glossary: Glossary | None = None):
    doc = diff.document({"en": en, "nl": nl}, glossary or Glossary())
    return [f.settle(doc.langs) for f in diff.REGISTRY[check].run(doc)]


# -- the lexicon ---------------------------------------------------------------------------------


def test_the_lexicon_learns_which_word_translates_which_from_aligned_records():
    en = [record("en", f"Prevention and treatment for young people in city {i}.", f"p{i}")
          for i in range(6)]
    nl = [record("nl", f"Preventie en behandeling voor jongeren in stad {i}.", f"p{i}")
          for i in range(6)]
    lexicon = learn({"en": en, "nl": nl}, ("en", "nl"), Glossary())
    best = max(lexicon.translations("en", "treatment").items(), key=lambda kv: kv[1])
    assert best[0] == "behandel" and best[1] > 0.5
    assert max(lexicon.translations("nl", "stad").items(), key=lambda kv: kv[1])[0] == "citi"
    # Every record translates "treatment": the word is reliably translated.
    assert lexicon.habit("en", "treatment") == (6, 6)
    assert set(lexicon.supported_by("treatment", "behandel")) == {f"p{i}" for i in range(6)}


def test_the_glossary_always_wins_in_the_lexicon():
    glossary = Glossary(terms=[Term({"en": ("mayors",), "nl": ("burgemeesters",)})])
    en = [record("en", "The police, mayors, port workers.", "p1")]
    nl = [record("nl", "Politie, douaniers, burgemeesters, havenarbeiders.", "p1")]
    lexicon = learn({"en": en, "nl": nl}, ("en", "nl"), glossary)
    assert lexicon.score("mayor", "burgemeester") == 1.0


def test_closed_compounds_split_into_the_words_the_document_attests():
    words = "drugshandel handel drugs beleid drugsbeleid zorgverlening zorg".split()
    compounds = find_compounds(words, DUTCH)
    assert compounds["drugshandel"] == ("drugs", "handel")
    assert compounds["drugsbeleid"] == ("drugs", "beleid")
    assert "zorgverlening" not in compounds  # "verlening" is attested nowhere
    assert find_compounds(words, ENGLISH) == {}  # English writes its compounds apart
    keys = [t.keys for t in tokenize("De drugshandel groeit.", DUTCH, compounds) if t.content]
    assert keys[0] == ("drug", "handel")


def test_a_multi_word_term_and_a_compound_are_one_rendering(runner, bundled_kb):
    rows = json.loads(runner.invoke(app, ["--data", str(bundled_kb), "terms", "drug",
                                          "trafficking", "--json"]).stdout)
    learned = [r for r in rows if r["source"] == "aligned records"]
    assert learned[0]["nl"] == "drugshandel" and learned[0]["records"]
    # From the other side too: the compound asked for, the phrase found.
    rows = json.loads(runner.invoke(app, ["--data", str(bundled_kb), "terms", "drugshandel",
                                          "--json"]).stdout)
    assert any(r["en"] == "drug trafficking" for r in rows)


def test_terms_of_harm_reduction_are_its_translations_not_its_neighbours(runner, bundled_kb):
    rows = json.loads(runner.invoke(app, ["--data", str(bundled_kb), "terms", "harm",
                                          "reduction", "--json"]).stdout)
    assert rows[0]["source"] == "glossary"
    learned = [w for r in rows if r["source"] == "aligned records"
               for w in r["langs"]["nl"]["forms"]]
    assert learned and all(w.startswith("schadebeperk") for w in learned)


def test_search_reaches_the_other_language_through_the_lexicon(runner, bundled_kb):
    """A word the glossary does not know still finds its translation's record."""
    result = runner.invoke(app, ["--data", str(bundled_kb), "search", "welvarende", "--lang",
                                 "en", "--json"])
    hits = json.loads(result.stdout)
    assert hits and "prosperous" in hits[0]["text"]


# -- target groups paired by meaning -------------------------------------------------------------


def test_target_groups_pair_by_meaning_not_spelling(tmp_path, runner):
    glossary = "terms:\n  - en: [mayors]\n    nl: [burgemeesters]\n"
    en = ("I. INTRODUCTION\n\nWe protect actors (such as the police, magistrates, mayors, port "
          "workers and journalists) at risk.\n")
    nl = ("I. INLEIDING\n\nWe beschermen actoren (zoals politie, magistraten, douaniers, "
          "burgemeesters, havenarbeiders en journalisten) die risico lopen.\n")
    root = tmp_path / "kb"
    root.mkdir()
    (root / "glossary.yaml").write_text(glossary, encoding="utf-8")
    kb.build({"en": write(tmp_path / "en.txt", en), "nl": write(tmp_path / "nl.txt", nl)}, root)
    versions = store.load(root).versions
    mayor = next(r["id"] for r in versions["en"] if r["text"] == "mayors")
    assert next(r["text"] for r in versions["nl"] if r["id"] == mayor) == "burgemeesters"
    douaniers = next(r for r in versions["nl"] if r["text"] == "douaniers")
    assert douaniers["aligned"] is False


# -- omission and addition ------------------------------------------------------------------------

QUALIFIERS = Glossary(terms=[
    Term({"en": ("balanced",), "nl": ("evenwichtig",)}),
    Term({"en": ("integrated",), "nl": ("geïntegreerd",)}),
    Term({"en": ("policy",), "nl": ("beleid",)}),
])


def test_an_adjective_added_to_a_series_is_reported_with_its_place():
    en = [record("en", "A balanced, integrated and evidence-informed policy.", "p1")]
    nl = [record("nl", "Een evenwichtig, geïntegreerd, holistisch en evidence-informed beleid.",
                 "p1")]
    found = findings("omission", en, nl, QUALIFIERS)
    assert [f.message for f in found] == ["«holistisch» in nl has no counterpart in en"]
    at = nl[0]["text"].index("holistisch")
    assert found[0].spans["nl"] == [(at, at + len("holistisch"))]
    assert "integrated and evidence" in found[0].evidence["en"]


def test_a_series_translated_in_full_stays_quiet():
    en = [record("en", "A balanced, integrated, holistic and evidence-informed policy.", "p1")]
    nl = [record("nl", "Een evenwichtig, geïntegreerd, holistisch en evidence-informed beleid.",
                 "p1")]
    assert findings("omission", en, nl, QUALIFIERS) == []


def _corpus(extra_en: str, extra_nl: str) -> tuple[list[dict], list[dict]]:
    """Records where "health" is always "gezondheid", and one more pair."""
    en = [record("en", f"Health matters in region {i}.", f"p{i}") for i in range(5)]
    nl = [record("nl", f"Gezondheid telt in regio {i}.", f"p{i}") for i in range(5)]
    en.append(record("en", extra_en, "p5"))
    nl.append(record("nl", extra_nl, "p5"))
    return en, nl


def test_a_word_always_translated_and_missing_here_is_reported():
    en, nl = _corpus("Health and safety matter in region 5.", "Veiligheid telt in regio 5.")
    found = findings("omission", en, nl)
    assert [(f.id, f.message) for f in found] == [
        ("p5", "«Health» in en has no counterpart in nl")]


def test_a_paraphrase_is_no_omission():
    en, nl = _corpus("Health is what matters in region 5.",
                     "Het welzijn van iedereen telt in regio 5.")
    assert findings("omission", en, nl) == []


def test_a_suspended_compound_renders_the_phrase_it_stands_for():
    en = [record("en", f"Family doctors see patients in town {i}.", f"d{i}") for i in range(5)]
    nl = [record("nl", f"Huisartsen zien patiënten in stad {i}.", f"d{i}") for i in range(5)]
    en += [record("en", f"Nurses work in town {i}.", f"n{i}") for i in range(5)]
    nl += [record("nl", f"Verpleegkundigen werken in stad {i}.", f"n{i}") for i in range(5)]
    en.append(record("en", "Nurses, family doctors, occupational and sports physicians work in "
                           "town 5.", "p5"))
    nl.append(record("nl", "Verpleegkundigen, huis-, arbeids- en sportartsen werken in stad 5.",
                     "p5"))
    assert findings("omission", en, nl) == []


def test_a_clause_added_is_one_finding():
    en, nl = _corpus("Health matters in region 5.",
                     "Gezondheid telt in regio 5, met aandacht voor de basisprincipes.")
    en[0:0] = [record("en", f"Attention to health {i}.", f"a{i}") for i in range(4)]
    nl[0:0] = [record("nl", f"Aandacht voor gezondheid {i}.", f"a{i}") for i in range(4)]
    found = findings("omission", en, nl)
    assert len(found) == 1 and "aandacht voor de basisprincipes" in found[0].message


# -- names, spelling ----------------------------------------------------------------------------


def test_a_persons_name_spelled_otherwise_is_an_error():
    en = [record("en", "Mr. Boris Dilliès, Minister-President", "sig1", "signatory")]
    nl = [record("nl", "Dhr. Boris Dillières, Minister-President", "sig1", "signatory")]
    en[0]["name"], nl[0]["name"] = "Boris Dilliès", "Boris Dillières"
    found = findings("names", en, nl)
    assert [f.severity.name for f in found] == ["error"]


def test_a_suspended_compound_holds_the_words_it_stands_for():
    from drugstrat.diff.consistency import _completed

    held = _completed("coördinatie- en informatiedelingsmechanismen")
    assert "coordinatiemechanismen" in held
    held = _completed("huis-, arbeids- en sportartsen")
    assert {"huisartsen", "arbeidsartsen"} <= held
    assert _completed("drugs and addiction problems") == set()


def test_the_bundled_term_inside_a_suspended_compound_is_no_inconsistency(bundled_kb):

    report = review(store.load(bundled_kb), checks=["term-consistency"])
    assert not [f for f in report.findings if "coordination mechanisms" in f.message]


def test_one_name_written_two_ways_in_one_language():
    en = [record("en", f"The General Drugs Policy Cell met on day {i}.", f"p{i}")
          for i in range(4)]
    en.append(record("en", "The General Drug Policy Cell met on day 4.", "p4"))
    nl = [record("nl", f"De Algemene Cel Drugsbeleid vergaderde op dag {i}.", f"p{i}")
          for i in range(5)]
    # The parts of "Drugsbeleid" stand on their own somewhere: the compound splits into them.
    en.append(record("en", "Drugs call for a policy.", "p5"))
    nl.append(record("nl", "Drugs vragen om beleid.", "p5"))
    glossary = Glossary(terms=[Term({"en": ("general",), "nl": ("algemene",)}),
                               Term({"en": ("cell",), "nl": ("cel",)}),
                               Term({"en": ("policy",), "nl": ("beleid",)})])
    found = findings("name-consistency", en, nl, glossary)
    assert len(found) == 1 and found[0].id == "p4"
    assert "«General Drugs Policy Cell» (p0, p1, p2, p3)" in found[0].message
    assert "«General Drug Policy Cell» (p4)" in found[0].message


def test_spelling_without_a_dictionary_knows_the_documents_own_words(monkeypatch):
    monkeypatch.setattr("drugstrat.diff.spelling.speller", lambda table: None)
    nl = [record("nl", f"De samenwerking telt in regio {i}.", f"p{i}") for i in range(4)]
    nl.append(record("nl", "De samenwerkng telt in regio 4.", "p4"))
    en = [record("en", f"Cooperation matters in region {i}.", f"p{i}") for i in range(5)]
    found = findings("spelling", en, nl)
    assert [(f.id, f.message) for f in found] == [
        ("p4", "«samenwerkng» is not Nederlands: «samenwerking»?")]


def test_spelling_leaves_suspended_compounds_loanwords_and_names_alone(monkeypatch):
    monkeypatch.setattr("drugstrat.diff.spelling.speller", lambda table: None)
    nl = [record("nl", "De veiligheids- en gezondheidsdiensten, evidence informed, in Brussel.",
                 "p1")]
    en = [record("en", "The safety and health services, evidence informed, in Brussels.", "p1")]
    assert findings("spelling", en, nl) == []


# -- edited copies of the bundled texts ------------------------------------------------------------


def report(root: Path, en: str, nl: str) -> list[dict]:
    """The findings after the knowledge base at `root` is rebuilt from these texts."""
    sources = root.parent / "edited"
    kb.build({"en": write(sources / "en.txt", en), "nl": write(sources / "nl.txt", nl)}, root)
    return [f.to_dict() for f in review(store.load(root)).findings]


def _holding(fragment: str, text: str) -> str:
    assert fragment in text, fragment
    return fragment


MUTATIONS = {
    # name: (the English text, the Dutch text, the record's text fragment, check, words)
    "an adjective inserted into a Dutch series": (
        EN, NL.replace(_holding("provinciaal en lokaal), door", NL),
                       "provinciaal, stedelijk en lokaal), door"),
        "provinciaal, stedelijk", "omission", ["stedelijk"]),
    "one word of an English compound term dropped": (
        EN.replace(_holding("care, harm reduction and enforcement", EN),
                   "care, reduction and enforcement"), NL,
        "care, reduction and enforcement", "omission", ["schade"]),
    "a clause appended in one language": (
        EN, NL.replace(_holding("van een persoon met een hulpbehoefte.", NL),
                       "van een persoon met een hulpbehoefte, in samenwerking met de politie "
                       "en justitie.", 1),
        "in samenwerking met de politie en justitie", "omission", ["samenwerking"]),
    "a term rendered differently in one record": (
        EN, NL.replace(_holding("het ontwikkelen van innovatief wetenschappelijk onderzoek**", NL),
                       "het ontwikkelen van innovatieve wetenschappelijke studies**", 1),
        "innovatieve wetenschappelijke studies", "term-consistency",
        ["wetenschappelijke studies", "wetenschappelijk onderzoek"]),
    "a typo in a common Dutch word": (
        EN, NL.replace(_holding("In samenwerking met relevante partners", NL) if
                       "In samenwerking met relevante partners" in NL else
                       "in samenwerking met relevante partners",
                       "in samenwerkng met relevante partners"),
        "samenwerkng met relevante", "spelling", ["samenwerkng"]),
    "a wish turned into a duty": (
        EN, NL.replace(_holding("Hierbij willen we inzetten", NL), "Hierbij moeten we inzetten"),
        "Hierbij moeten we inzetten", "modality", ["moeten", "want to"]),
    "what will be done turned into what may be": (
        EN, NL.replace(_holding("bepalingen zal er samen", NL), "bepalingen mag er samen"),
        "bepalingen mag er samen", "modality", ["mag", "will"]),
    "a word of a name in lower case": (
        EN, NL.replace(_holding("Ambtenarenzaken, Administratieve Vereenvoudiging", NL),
                       "Ambtenarenzaken, administratieve Vereenvoudiging"),
        "administratieve Vereenvoudiging", "capitalisation", ["administratieve"]),
    "a name misspelled in one language": (
        EN, NL.replace("Prof. Dr. Charlotte Colman", "Prof. Dr. Charlotte Coleman"),
        "Charlotte Coleman", "names", ["Colman", "Coleman"]),
    "what will be done turned into a duty, the sentences not word for word": (
        EN, NL.replace(_holding("bepalingen zal er samen", NL), "bepalingen moet er samen"),
        "bepalingen moet er samen", "modality", ["moet", "will"]),
    "what they can do turned into what they want, beside another modal": (
        EN, NL.replace(_holding("zodat zij kunnen bijdragen", NL), "zodat zij willen bijdragen"),
        "zodat zij willen bijdragen", "modality", ["willen", "can"]),
    "a title's words replaced by a name from elsewhere in the document": (
        EN, NL.replace(_holding("Minister van Sociale Zaken en Volksgezondheid, belast met "
                                "Armoedebestrijding", NL),
                       "International Covenant on Economic, belast met Armoedebestrijding"),
        "Vice-eersteminister en International Covenant", "mistranslation",
        ["Covenant", "Public Health"]),
    "a word of a name both versions share in lower case in one": (
        EN, NL.replace(_holding("of the Universal Declaration", NL),
                       "of the universal Declaration"),
        "of the universal Declaration", "capitalisation", ["«universal»", "«Universal»"]),
    "a frequent word swapped for a rarer word of the document": (
        EN, NL.replace(_holding("meer weerbare samenleving.", NL), "meer weerbare wetgeving."),
        "meer weerbare wetgeving", "mistranslation", ["society", "wetgeving"]),
    "a sentence left out of the Dutch text": (
        EN, NL.replace(_holding("Bovendien stopt het drugsfenomeen niet aan de landsgrenzen. ",
                                NL), ""),
        "the fact that the drugs phenomenon", "omission", ["borders"]),
    "a clause from another objective inserted, its words linked to their usual translations": (
        EN, NL.replace(_holding("punten van import, doorvoer", NL),
                       "punten van import, vatbaar kunnen zijn voor rekrutering door criminele "
                       "milieus, doorvoer"),
        "vatbaar kunnen zijn voor rekrutering", "omission", ["rekrutering", "criminele"]),
}


@pytest.mark.parametrize("name", list(MUTATIONS))
def test_each_meaning_level_edit_is_reported_on_its_record_with_its_word(scratch_kb, name):
    en, nl, fragment, check, words = MUTATIONS[name]
    root = scratch_kb  # a reviser's rebuild after the edit
    found = report(root, en, nl)
    versions = store.load(root).versions
    lang = "nl" if fragment in nl and fragment not in en else "en"
    record_id = next(r["id"] for r in versions[lang] if fragment in r["text"]
                     and r["type"] != "target_group")
    # A document-wide finding (a term rendered otherwise) names its records in its message.
    hits = [f for f in found if (f["id"] == record_id or record_id in f["message"]) and (
        f["check"] == check or any(r["check"] == check for r in f.get("related", ())))]
    assert hits, (name, record_id, [(f["id"], f["check"]) for f in found])
    text = " ".join(f["message"] + " ".join(r["message"] for r in f.get("related", ()))
                    for f in hits)
    assert all(w in text for w in words), (name, text)


# -- the dictionaries ---------------------------------------------------------------------------


def _dutch_speller():
    from drugstrat.text.spelling import speller

    found = speller(DUTCH)
    if found is None:
        if os.environ.get("DRUGSTRAT_EXPECT_DICTIONARIES"):
            pytest.fail("hunspell-nl is expected here (.ci/run installs it) but was not found")
        pytest.skip("no Dutch hunspell dictionary on this machine")
    return found


def test_the_dictionary_knows_common_dutch_and_not_a_slip():
    dutch = _dutch_speller()
    assert dutch.knows("samenwerking") and not dutch.knows("samenwerkng")


def test_a_second_diff_answers_from_what_the_dictionaries_said(runner, scratch_kb, monkeypatch):
    from drugstrat.text import spelling

    # A dictionary another test of this process loaded answers from its own memory, and what
    # it answers is never asked, so never kept beside this knowledge base: start cold.
    spelling._speller.cache_clear()
    _dutch_speller()
    args = ["--data", str(scratch_kb), "diff", "--check", "spelling", "--json",
            "--fail-on", "never"]
    first = runner.invoke(app, args)
    assert first.exit_code == 0, first.output
    kept = list((scratch_kb / ".cache").glob("kb.spelling-*.json"))
    assert {p.name for p in kept} >= {"kb.spelling-nl.json"}

    # Nothing new to ask: the dictionary is never loaded, the findings are the same.
    def no_loading(self):
        raise AssertionError("the dictionary was loaded")

    monkeypatch.setattr("drugstrat.text.spelling.Speller._hunspell", no_loading)
    spelling._speller.cache_clear()
    second = runner.invoke(app, args)
    assert second.exit_code == 0, second.output
    assert json.loads(second.stdout)["findings"] == json.loads(first.stdout)["findings"]


def test_a_damaged_memory_of_the_dictionaries_is_asked_again(runner, scratch_kb):
    _dutch_speller()
    args = ["--data", str(scratch_kb), "diff", "--check", "spelling", "--json",
            "--fail-on", "never"]
    first = runner.invoke(app, args)
    from drugstrat.text import spelling

    for path in (scratch_kb / ".cache").glob("kb.spelling-*.json"):
        path.write_text('{"dictionary": 1, "answers": {"samenwerkng": true}}', encoding="utf-8")
    spelling._speller.cache_clear()
    again = runner.invoke(app, args)
    assert again.exit_code == 0 and again.stdout == first.stdout
    for path in (scratch_kb / ".cache").glob("kb.spelling-*.json"):
        path.write_text("not json", encoding="utf-8")
    spelling._speller.cache_clear()
    assert runner.invoke(app, args).stdout == first.stdout
