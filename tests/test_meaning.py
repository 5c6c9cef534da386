"""Meaning-level QA: the lexicon learned from the aligned text, and the checks and commands that
use it — on small bilingual snippets (fires / stays quiet) and on edited copies of the bundled
texts, each edit reported on its record with its word."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import NamedTuple

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

from .conftest import EN_SOURCE, NL_SOURCE, dutch_speller, short_edition, write

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


def test_cognates_the_languages_end_differently_link_without_a_lexicon():
    """«proactively» / «proactief», «cohesion» / «cohesie»: one opening, endings of their own
    language; «informing» / «vormen» share an ending, not an opening, and do not link."""
    from drugstrat.terms.links import link

    en = tokenize("proactively informing social cohesion", ENGLISH)
    nl = tokenize("proactief vormen sociale cohesie", DUTCH)
    links = link(en, nl, None)
    pairs = {(en[p.a].folded, nl[p.b].folded) for p in links.pairs}
    assert {("proactively", "proactief"), ("cohesion", "cohesie")} <= pairs
    assert ("informing", "vormen") not in pairs


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


def _taught(count: int, *sentences: tuple[str, str]) -> tuple[list[dict], list[dict]]:
    """Records teaching the lexicon: each (English, Dutch) pair of sentences `count` times,
    numbered "in town/stad i"."""
    en: list[dict] = []
    nl: list[dict] = []
    for n, (english, dutch) in enumerate(sentences):
        en += [record("en", f"{english} in town {i}.", f"t{n}.{i}") for i in range(count)]
        nl += [record("nl", f"{dutch} in stad {i}.", f"t{n}.{i}") for i in range(count)]
    return en, nl


def test_a_suspended_compound_renders_the_phrase_it_stands_for():
    en, nl = _taught(5, ("Family doctors see patients", "Huisartsen zien patiënten"),
                     ("Nurses work", "Verpleegkundigen werken"))
    en.append(record("en", "Nurses, family doctors, occupational and sports physicians work in "
                           "town 5.", "p5"))
    nl.append(record("nl", "Verpleegkundigen, huis-, arbeids- en sportartsen werken in stad 5.",
                     "p5"))
    assert findings("omission", en, nl) == []


def test_a_suspended_compound_renders_the_phrase_its_part_opens():
    en, nl = _taught(6, ("Persons and experts help", "Personen en deskundigen helpen"),
                     ("We consult the practical side", "We overleggen met de praktijk"))
    en.append(record("en", "We consult persons with practical expertise and experts by "
                           "experience in town 6.", "p6"))
    nl.append(record("nl", "We overleggen met praktijk- en ervaringsdeskundigen in stad 6.",
                     "p6"))
    assert findings("omission", en, nl) == []
    # Without the suspended compound, the persons are missing.
    nl[-1] = record("nl", "We overleggen met ervaringsdeskundigen in stad 6.", "p6")
    assert any("«persons" in f.message for f in findings("omission", en, nl))


def test_a_phrase_added_before_small_words_both_versions_have_is_reported(bundled_kb):
    """«de Buitenlandse Betrekkingen, met een focus» / «with a focus»: the small words facing
    the place are the other text's «met een», not a paraphrase of the phrase."""
    versions = {lang: [dict(r) for r in records]
                for lang, records in store.load(bundled_kb).versions.items()}
    edited = next(r for r in versions["nl"] if "drughandel, met een focus" in r["text"])
    edited["text"] = edited["text"].replace("drughandel, met een focus",
                                            "drughandel, de Buitenlandse Betrekkingen, met een "
                                            "focus")
    from drugstrat.kb.paths import glossary_path
    from drugstrat.terms.glossary import load as load_glossary

    glossary = load_glossary(glossary_path(bundled_kb))
    found = [(f.id, f.message) for f in diff.REGISTRY["omission"].run(
        diff.document(versions, glossary, ("en", "nl")))]
    assert (edited["id"], "«Buitenlandse Betrekkingen» in nl has no counterpart in en") in found


def test_a_clause_added_is_one_finding():
    en, nl = _corpus("Health matters in region 5.",
                     "Gezondheid telt in regio 5, met aandacht voor de basisprincipes.")
    en[0:0] = [record("en", f"Attention to health {i}.", f"a{i}") for i in range(4)]
    nl[0:0] = [record("nl", f"Aandacht voor gezondheid {i}.", f"a{i}") for i in range(4)]
    found = findings("omission", en, nl)
    assert len(found) == 1 and "aandacht voor de basisprincipes" in found[0].message


def _rules(extra_en: str, extra_nl: str) -> tuple[list[dict], list[dict]]:
    """Records where the words of a sentence about rules always translate the same way, and
    one more pair."""
    en = [record("en", f"The rules of region {i} are clear and the controls are strict.",
                 f"p{i}") for i in range(6)]
    nl = [record("nl", f"De regels van regio {i} zijn duidelijk en de controles zijn streng.",
                 f"p{i}") for i in range(6)]
    en.append(record("en", extra_en, "p6"))
    nl.append(record("nl", extra_nl, "p6"))
    return en, nl


def test_a_negation_in_one_version_only_is_reported():
    en, nl = _rules("The rules of region 6 are clear and the controls are strict.",
                    "De regels van regio 6 zijn niet duidelijk en de controles zijn streng.")
    assert [f.message for f in findings("negation", en, nl)] == [
        "a negation («niet») in nl only"]


def test_a_negation_said_by_a_prefix_in_the_other_version_is_no_difference():
    en, nl = _rules("The rules of region 6 are inefficient and the controls are strict.",
                    "De regels van regio 6 zijn niet efficiënt en de controles zijn streng.")
    assert findings("negation", en, nl) == []


def test_a_word_merely_opening_like_a_negating_prefix_negates_nothing():
    # "in" + "tegrated" is no negation of "duidelijk"
    en, nl = _rules("The rules of region 6 are integrated and the controls are strict.",
                    "De regels van regio 6 zijn niet duidelijk en de controles zijn streng.")
    assert [f.message for f in findings("negation", en, nl)] == [
        "a negation («niet») in nl only"]


def test_a_duty_stated_as_a_fact_in_the_other_version_is_info():
    en, nl = _rules("The rules of region 6 must be clear and the controls are strict.",
                    "De regels van regio 6 zijn duidelijk en de controles zijn streng.")
    found = findings("modality", en, nl)
    assert [(f.severity.name, f.message) for f in found] == [
        ("info", "obligation («must») in en, no modal in nl")]
    # A latitude on one side only stays a paraphrase ("we can observe" / "zien we").
    en, nl = _rules("The rules of region 6 can be clear and the controls are strict.",
                    "De regels van regio 6 zijn duidelijk en de controles zijn streng.")
    assert findings("modality", en, nl) == []


def test_a_modal_of_the_other_version_said_by_one_of_two_modals_here_is_no_change():
    """«will enable» / «kan»: the latitude is «enable»'s, the future left unsaid; against a
    duty in its place, the latitude is still a change."""
    en, nl = _rules("The rules of region 6 will enable the controls to be strict and clear.",
                    "De regels van regio 6 kan de controles streng en duidelijk maken.")
    assert findings("modality", en, nl) == []
    en, nl = _rules("The rules of region 6 will enable the controls to be strict and clear.",
                    "De regels van regio 6 moet de controles streng en duidelijk maken.")
    assert [f.severity.name for f in findings("modality", en, nl)] == ["warning"]


def test_a_hedge_in_one_version_only_is_reported_where_its_place_is_empty():
    en, nl = _rules("The rules of region 6 are in particular clear and the controls are strict.",
                    "De regels van regio 6 zijn duidelijk en de controles zijn streng.")
    found = findings("hedge", en, nl)
    assert [(f.severity.name, f.message) for f in found] == [
        ("warning", "«in particular» (stress) in en, nothing that does so in nl")]
    assert [en[6]["text"][s:e] for s, e in found[0].spans["en"]] == ["in particular"]
    # At the sentence's end: the other sentence's end bounds its place.
    en, nl = _rules("The rules of region 6 are clear and the controls are strict where needed.",
                    "De regels van regio 6 zijn duidelijk en de controles zijn streng.")
    assert [(f.severity.name, f.message) for f in findings("hedge", en, nl)] == [
        ("warning", "«where needed» (soften) in en, nothing that does so in nl")]


def test_a_hedge_rendered_by_another_or_by_words_of_its_own_is_no_warning():
    # The same work done by another phrase; «met name» is "in particular" or "namely".
    for hedge, other in (("in particular", "in het bijzonder"), ("namely", "met name"),
                         ("in particular", "met name"), ("where possible", "zo mogelijk")):
        en, nl = _rules(f"The rules of region 6 are {hedge} clear and the controls are strict.",
                        f"De regels van regio 6 zijn {other} duidelijk en de controles zijn "
                        f"streng.")
        assert findings("hedge", en, nl) == [], (hedge, other)
    # Something untranslated stands where it would: said its own way, perhaps; only info.
    en, nl = _rules("The rules of region 6 are in particular clear and the controls are strict.",
                    "De regels van regio 6 zijn bovenmatig duidelijk en de controles zijn "
                    "streng.")
    assert [f.severity.name for f in findings("hedge", en, nl)] == ["info"]


# -- names, spelling ----------------------------------------------------------------------------


def test_a_persons_name_spelled_otherwise_is_an_error():
    en = [record("en", "Mr. Boris Dilliès, Minister-President", "sig1", "signatory")]
    nl = [record("nl", "Dhr. Boris Dillières, Minister-President", "sig1", "signatory")]
    en[0]["name"], nl[0]["name"] = "Boris Dilliès", "Boris Dillières"
    found = findings("names", en, nl)
    assert [f.severity.name for f in found] == ["error"]


def test_a_person_named_in_one_version_only_is_an_error():
    def signatory(lang: str, text: str, rid: str, name: str) -> dict:
        return {**record(lang, text, rid, "signatory"), "name": name}

    en = [signatory("en", "Mr. Jan Claes, Minister of Justice and Culture", "sig1", "Jan Claes"),
          signatory("en", "Ms. Ann Peeters, Minister of Housing and Energy", "sig2",
                    "Ann Peeters")]
    nl = [signatory("nl", "Dhr. Jan Claes, Minister van Justitie en Cultuur", "sig1",
                    "Jan Claes"),
          signatory("nl", "Mevr. Ann Peeters, Minister van Wonen en Jan Claes", "sig2",
                    "Ann Peeters")]
    found = findings("names", en, nl)
    assert [(f.id, f.severity.name, f.message) for f in found] == [
        ("sig2", "error", "«Jan Claes» is named in nl and not in en")]
    at = nl[1]["text"].index("Jan Claes")
    assert found[0].spans["nl"] == [(at, at + len("Jan Claes"))]


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
#
# Edits far apart in the texts are made together, as a reviser meets them in one draft: one build
# and one review a batch, and each edit's finding must land on its own record with its word.
# Edits near each other (two edits of one sentence) go to different batches.


class Edit(NamedTuple):
    lang: str  # the version edited
    old: str  # what the edit replaces (once)...
    new: str  # ... and with what
    fragment: str  # a fragment of the edited record's new text
    check: str  # the check that must report it
    words: list[str]  # what its message must name


def _edit(lang: str, old: str, new: str, fragment: str, check: str, words: list[str]) -> Edit:
    assert old in (EN if lang == "en" else NL), old
    return Edit(lang, old, new, fragment, check, words)


MUTATIONS = {
    "an adjective inserted into a Dutch series": _edit(
        "nl", "provinciaal en lokaal), door", "provinciaal, stedelijk en lokaal), door",
        "provinciaal, stedelijk", "omission", ["stedelijk"]),
    "one word of an English compound term dropped": _edit(
        "en", "care, harm reduction and enforcement", "care, reduction and enforcement",
        "care, reduction and enforcement", "omission", ["schade"]),
    "a clause appended in one language": _edit(
        "nl", "van een persoon met een hulpbehoefte.",
        "van een persoon met een hulpbehoefte, in samenwerking met de politie en justitie.",
        "in samenwerking met de politie en justitie", "omission", ["samenwerking"]),
    "a term rendered differently in one record": _edit(
        "nl", "het ontwikkelen van innovatief wetenschappelijk onderzoek**",
        "het ontwikkelen van innovatieve wetenschappelijke studies**",
        "innovatieve wetenschappelijke studies", "term-consistency",
        ["wetenschappelijke studies", "wetenschappelijk onderzoek"]),
    "a typo in a common Dutch word": _edit(
        "nl", "samenwerking met relevante partners", "samenwerkng met relevante partners",
        "samenwerkng met relevante", "spelling", ["samenwerkng"]),
    "a wish turned into a duty": _edit(
        "nl", "Hierbij willen we inzetten", "Hierbij moeten we inzetten",
        "Hierbij moeten we inzetten", "modality", ["moeten", "want to"]),
    "a wish turned into a permission, beside a modal of that kind": _edit(
        "nl", "Hierbij willen we inzetten", "Hierbij mogen we inzetten",
        "Hierbij mogen we inzetten", "modality", ["mogen", "want to"]),
    "what will be done turned into what may be": _edit(
        "nl", "bepalingen zal er samen", "bepalingen mag er samen",
        "bepalingen mag er samen", "modality", ["mag", "will"]),
    "a word of a name in lower case": _edit(
        "nl", "Ambtenarenzaken, Administratieve Vereenvoudiging",
        "Ambtenarenzaken, administratieve Vereenvoudiging",
        "administratieve Vereenvoudiging", "capitalisation", ["administratieve"]),
    "a word of a government's name misspelled, too short for the dictionary": _edit(
        "nl", "Depraetere, Viceminister-president van de Vlaamse Regering",
        "Depraetere, Viceminister-president van de Vlamse Regering",
        "Viceminister-president van de Vlamse", "spelling", ["Vlamse", "Vlaamse"]),
    "a name misspelled in one language": _edit(
        "nl", "Prof. Dr. Charlotte Colman", "Prof. Dr. Charlotte Coleman",
        "Charlotte Coleman", "names", ["Colman", "Coleman"]),
    "what will be done turned into a duty, the sentences not word for word": _edit(
        "nl", "bepalingen zal er samen", "bepalingen moet er samen",
        "bepalingen moet er samen", "modality", ["moet", "will"]),
    "what they can do turned into what they want, beside another modal": _edit(
        "nl", "zodat zij kunnen bijdragen", "zodat zij willen bijdragen",
        "zodat zij willen bijdragen", "modality", ["willen", "can"]),
    "a title's words replaced by a name from elsewhere in the document": _edit(
        "nl", "Minister van Sociale Zaken en Volksgezondheid, belast met Armoedebestrijding",
        "International Covenant on Economic, belast met Armoedebestrijding",
        "Vice-eersteminister en International Covenant", "mistranslation",
        ["Covenant", "Public Health"]),
    "a word of a name both versions share in lower case in one": _edit(
        "nl", "of the Universal Declaration", "of the universal Declaration",
        "of the universal Declaration", "capitalisation", ["«universal»", "«Universal»"]),
    "a frequent word swapped for a rarer word of the document": _edit(
        "nl", "meer weerbare samenleving.", "meer weerbare wetgeving.",
        "meer weerbare wetgeving", "mistranslation", ["society", "wetgeving"]),
    "a sentence left out of the Dutch text": _edit(
        "nl", "Bovendien stopt het drugsfenomeen niet aan de landsgrenzen. ", "",
        "the fact that the drugs phenomenon", "omission", ["borders"]),
    "a clause from another objective inserted, its words linked to their usual translations":
        _edit("nl", "punten van import, doorvoer",
              "punten van import, vatbaar kunnen zijn voor rekrutering door criminele milieus, "
              "doorvoer",
              "vatbaar kunnen zijn voor rekrutering", "omission", ["rekrutering", "criminele"]),
}

# Edits closer than this share of the texts' length are never made together: far enough apart
# to fall in different records, paragraphs and sentences.
APART = 0.02


def _batches(edits: dict[str, Edit]) -> list[list[str]]:
    """The edits in batches whose edits are all APART from each other, by their place in the
    text they edit (a share of its length, comparable across the languages)."""
    def place(edit: Edit) -> float:
        text = EN if edit.lang == "en" else NL
        return text.index(edit.old) / len(text)

    batches: list[list[str]] = []
    for name in sorted(edits, key=lambda n: place(edits[n])):
        here = place(edits[name])
        for batch in batches:
            if all(abs(place(edits[other]) - here) >= APART for other in batch):
                batch.append(name)
                break
        else:
            batches.append([name])
    return batches


BATCHES = _batches(MUTATIONS)


@pytest.fixture(scope="module")
def edited_reports(tmp_path_factory) -> dict[str, tuple[Path, list[dict]]]:
    """For each edit, the knowledge base of its batch rebuilt from the edited texts (as a reviser
    rebuilds after editing) and the findings there."""
    reports = {}
    for n, names in enumerate(BATCHES):
        texts = {"en": EN, "nl": NL}
        for name in names:
            edit = MUTATIONS[name]
            texts[edit.lang] = texts[edit.lang].replace(edit.old, edit.new, 1)
        folder = tmp_path_factory.mktemp(f"edited{n}")
        root = folder / "kb"
        kb.build({lang: write(folder / f"{lang}.txt", text) for lang, text in texts.items()},
                 root)
        found = [f.to_dict() for f in review(store.load(root)).findings]
        reports.update({name: (root, found) for name in names})
    return reports


def test_edits_close_to_each_other_are_never_made_together():
    together = {name: n for n, names in enumerate(BATCHES) for name in names}
    assert together["what will be done turned into what may be"] != together[
        "what will be done turned into a duty, the sentences not word for word"]
    assert len(BATCHES) < len(MUTATIONS)


@pytest.mark.parametrize("name", list(MUTATIONS))
def test_each_meaning_level_edit_is_reported_on_its_record_with_its_word(edited_reports, name):
    edit = MUTATIONS[name]
    root, found = edited_reports[name]
    versions = store.load(root).versions
    lang = "nl" if edit.lang == "nl" and edit.fragment not in EN else "en"
    record_id = next(r["id"] for r in versions[lang] if edit.fragment in r["text"]
                     and r["type"] != "target_group")
    # A document-wide finding (a term rendered otherwise) names its records in its message.
    hits = [f for f in found if (f["id"] == record_id or record_id in f["message"]) and (
        f["check"] == edit.check or any(r["check"] == edit.check
                                        for r in f.get("related", ())))]
    assert hits, (name, record_id, [(f["id"], f["check"]) for f in found])
    text = " ".join(f["message"] + " ".join(r["message"] for r in f.get("related", ()))
                    for f in hits)
    assert all(w in text for w in edit.words), (name, text)


# -- the dictionaries ---------------------------------------------------------------------------


def test_the_dictionary_knows_common_dutch_and_not_a_slip():
    dutch = dutch_speller()
    assert dutch.knows("samenwerking") and not dutch.knows("samenwerkng")


def _short_with_a_typo(tmp_path: Path) -> Path:
    """The short edition, a Dutch word misspelled, built."""
    root = tmp_path / "kb"
    kb.build(short_edition(tmp_path, {"gezonde omgeving": "gezonde omgevnig"}), root)
    return root


def _no_loading(self):
    raise AssertionError("the dictionary was loaded")


def test_a_second_diff_answers_from_what_the_dictionaries_said(runner, tmp_path, monkeypatch):
    from drugstrat.text import spelling

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    spelling._speller.cache_clear()
    dutch_speller()
    args = ["--data", str(_short_with_a_typo(tmp_path)), "diff", "--check", "spelling",
            "--json", "--fail-on", "never"]
    first = runner.invoke(app, args)
    assert first.exit_code == 0, first.output
    assert "omgevnig" in first.stdout
    kept = list((tmp_path / "kb" / ".cache").glob("kb.spelling-*.json"))
    assert {p.name for p in kept} >= {"kb.spelling-nl.json"}
    # Beside the knowledge base, its own words only.
    nl = json.loads((tmp_path / "kb" / ".cache" / "kb.spelling-nl.json").read_text("utf-8"))
    assert "omgevnig" in nl["answers"] and len(nl["answers"]) < 5000

    # Nothing new to ask, the user's memory gone: the knowledge base's own memory answers,
    # the dictionary is never loaded, the findings are the same.
    shutil.rmtree(tmp_path / "cache" / "drugstrat" / "spelling")
    monkeypatch.setattr("drugstrat.text.spelling.Speller._hunspell", _no_loading)
    spelling._speller.cache_clear()
    second = runner.invoke(app, args)
    assert second.exit_code == 0, second.output
    assert json.loads(second.stdout)["findings"] == json.loads(first.stdout)["findings"]


def test_a_new_knowledge_base_is_answered_from_what_the_dictionaries_told_this_user(
        runner, tmp_path, monkeypatch):
    """The first diff of a knowledge base whose words this user's dictionaries have answered
    before (another folder, an edition rebuilt) loads no dictionary."""
    from drugstrat.text import spelling

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    spelling._speller.cache_clear()
    dutch_speller()
    first_kb = _short_with_a_typo(tmp_path / "one")
    args = ["diff", "--check", "spelling", "--json", "--fail-on", "never"]
    first = runner.invoke(app, ["--data", str(first_kb), *args])
    assert "omgevnig" in first.stdout
    again = Path(shutil.copytree(first_kb, tmp_path / "two"))
    for path in (again / ".cache").glob("kb.spelling-*.json"):
        path.unlink()
    monkeypatch.setattr("drugstrat.text.spelling.Speller._hunspell", _no_loading)
    spelling._speller.cache_clear()
    second = runner.invoke(app, ["--data", str(again), *args])
    assert second.exit_code == 0, second.output
    assert json.loads(second.stdout)["findings"] == json.loads(first.stdout)["findings"]
    # Where the user's cache cannot be written, the dictionary is asked, as before.
    monkeypatch.undo()
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "a-file"))
    (tmp_path / "a-file").write_text("not a folder")
    spelling._speller.cache_clear()
    third = runner.invoke(app, ["--data", str(_short_with_a_typo(tmp_path / "three")), *args])
    assert third.exit_code == 0 and "omgevnig" in third.stdout


def test_a_damaged_memory_of_the_dictionaries_is_asked_again(runner, tmp_path):
    dutch_speller()
    root = _short_with_a_typo(tmp_path)
    args = ["--data", str(root), "diff", "--check", "spelling", "--json", "--fail-on", "never"]
    first = runner.invoke(app, args)
    assert "omgevnig" in first.stdout
    from drugstrat.text import spelling

    for path in (root / ".cache").glob("kb.spelling-*.json"):
        path.write_text('{"dictionary": 1, "answers": {"omgevnig": true}}', encoding="utf-8")
    spelling._speller.cache_clear()
    again = runner.invoke(app, args)
    assert again.exit_code == 0 and again.stdout == first.stdout
    for path in (root / ".cache").glob("kb.spelling-*.json"):
        path.write_text("not json", encoding="utf-8")
    spelling._speller.cache_clear()
    assert runner.invoke(app, args).stdout == first.stdout


def test_a_slip_that_reads_as_a_compound_is_caught_by_the_word_the_document_writes():
    """«bestuurlike» splits into words hunspell knows (bestuur|like), but «bestuurlijke»
    stands elsewhere in the document, one slip away: a typo, as is «elkar» (too short to
    guess from the dictionary alone) where the document writes «elkaar»."""
    from tests.test_diff_checks import findings

    dutch_speller()
    en = "An administrative approach. An administrative and financial effort. Each other."
    nl = ("Een bestuurlijke aanpak. Een bestuurlike en financiële inzet. Van elkar en van "
          "elkaar leren.")
    said = [f.message for f in findings("spelling", en, nl)]
    assert "«bestuurlike» is not Nederlands: «bestuurlijke»?" in said
    assert "«elkar» is not Nederlands: «elkaar»?" in said


def test_a_long_word_two_slips_from_one_the_document_writes_often_is_that_word():
    """«druggereleerde» splits into parts hunspell knows, and is two slips from
    «druggerelateerde», which the document writes three times: a slip. A long word's inflected
    form is no slip of it."""
    dutch_speller()
    nl = [record("nl", f"De druggerelateerde criminaliteit in regio {n}.", f"p{n}")
          for n in range(3)]
    nl += [record("nl", "Het witwassen van druggereleerde opbrengsten.", "p3"),
           record("nl", "Het druggerelateerd geweld.", "p4")]
    en = [record("en", f"Drug-related crime in region {n}.", f"p{n}") for n in range(3)]
    en += [record("en", "Laundering drug-related proceeds.", "p3"),
           record("en", "Drug-related violence.", "p4")]
    found = [(f.id, f.message) for f in findings("spelling", en, nl)]
    assert found == [("p3", "«druggereleerde» is not Nederlands: «druggerelateerde»?")]


def test_a_hyphenated_compound_with_its_plural_marked_twice_is_a_slip():
    """«Procureurs-generaals»: both parts are words, the whole is not, and hunspell lists it
    without the second plural. «niet-gebruiken», a new compound of known parts, stays."""
    dutch_speller()
    nl = [record("nl", "Het College van Procureurs-generaals beslist.", "p0"),
          record("nl", "Het niet-gebruiken van middelen.", "p1")]
    en = [record("en", "The Board of Procurators General decides.", "p0"),
          record("en", "Not using substances.", "p1")]
    assert [(f.id, f.message) for f in findings("spelling", en, nl)] == [
        ("p0", "«Procureurs-generaals» is not Nederlands: «Procureurs-generaal»?")]


def test_one_compound_written_with_and_without_its_linking_s_is_reported_where_rarer():
    """The dictionary knows both «drughandel» and «drugshandel»: the document's habit tells
    the deviant, every place of the other form named; written as often each way, both forms
    are shown, as info."""
    dutch_speller()
    nl = [record("nl", "De drugshandel groeit.", "p0"), record("nl", "Drugshandel loont.", "p1"),
          record("nl", "De aanpak van drughandel.", "p2"),
          record("nl", "De rechtstaat beschermen.", "p3"), record("nl", "Een rechtsstaat.", "p4")]
    en = [record("en", text, f"p{n}") for n, text in enumerate(
        ["Trafficking grows.", "Trafficking pays.", "Tackling trafficking.",
         "Protecting the rule of law.", "A constitutional state."])]
    found = {(f.id, f.severity.name): f for f in findings("spelling", en, nl)}
    assert set(found) == {("p2", "warning"), ("p3", "info"), ("p4", "info")}
    assert found["p2", "warning"].message == \
        "«drughandel» here, «drugshandel» 2 time(s) (p0, p1): one compound written two ways"
    assert found["p2", "warning"].spans == {"nl": [(14, 24)]}
    # Written one way throughout: nothing; a web address is spelled as it was registered.
    assert findings("spelling", en[:2], nl[:2]) == []
    site = [record("nl", "Zie www.drughandel.be voor meer.", "p2")]
    assert findings("spelling", en[:3], nl[:2] + site) == []


@pytest.fixture
def dutch_english(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A small FreeDict Dutch-English dictionary, the only one found, and an empty cache."""
    from tests.test_dictionaries import write_dictionary

    monkeypatch.setattr("drugstrat.terms.freedict.SEARCH_PATH", ())
    monkeypatch.setenv("DRUGSTRAT_FREEDICT_PATH", str(write_dictionary(
        tmp_path / "dictd", "freedict-nld-eng",
        {"invloed": "invloed\n1. influence\n2. impact\n", "werk": "werk\nwork, labour\n"})))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))


def test_a_short_slip_is_corrected_where_the_other_version_says_what_it_means(dutch_english):
    """«invlod» is too short to guess from the dictionary alone (one slip from several Dutch
    words), but the English says «influence», which FreeDict gives for «invloed»: the
    correction, with the English words that tell it marked."""
    from tests.test_diff_checks import findings

    dutch_speller()
    en = "Driving under the influence, and the way to work."
    nl = "Rijden onder invlod, en de weg naar het wrek."
    found = {f.message: f for f in findings("spelling", en, nl)}
    assert set(found) == {
        "«invlod» is not Nederlands: «invloed»? (the English says «influence»)",
        "«wrek» is not Nederlands: «werk»? (the English says «work»)"}
    said = found["«invlod» is not Nederlands: «invloed»? (the English says «influence»)"]
    assert [nl[s:e] for s, e in said.spans["nl"]] == ["invlod"]
    assert [en[s:e] for s, e in said.spans["en"]] == ["influence"]
    # Where the English says something else, nothing tells what «invlod» was meant to be.
    assert findings("spelling", "Driving while drunk.", "Rijden onder invlod.") == []


def test_a_slip_in_a_phrase_both_versions_share_is_told_by_the_other_spelling():
    """«modus operandi» stands in both versions: «operrandi», which no dictionary knows, is
    one slip from the English spelling beside the same «modus». A cognate each language
    writes its own way, among words that differ, is no slip."""
    from tests.test_diff_checks import findings

    dutch_speller()
    en = "The channels and modus operandi that bring drugs into prisons."
    nl = "De kanalen en modus operrandi die drugs in gevangenissen brengen."
    found = [f for f in findings("spelling", en, nl) if "operrandi" in f.message]
    assert [f.message for f in found] == [
        "«operrandi» is not Nederlands: «operandi», as the en version writes it?"]
    assert [en[s:e] for s, e in found[0].spans["en"]] == ["operandi"]
    cognates = findings("spelling", "An intersectoral approach to drugs.",
                        "Een intersectorale aanpak van drugs.")
    assert not [f for f in cognates if "intersector" in f.message]


def test_without_a_general_dictionary_a_short_slip_is_not_guessed(tmp_path, monkeypatch):
    from tests.test_diff_checks import findings

    monkeypatch.setattr("drugstrat.terms.freedict.SEARCH_PATH", ())
    monkeypatch.setenv("DRUGSTRAT_FREEDICT_PATH", str(tmp_path / "none"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    dutch_speller()
    assert findings("spelling", "Driving under the influence.", "Rijden onder invlod.") == []


def test_a_common_word_capitalised_in_running_text_is_a_slip_where_the_dictionary_says_so():
    """«Aanpak» is written nowhere else in the document, so no habit tells; the dictionary
    lists «aanpak» in lower case, and the English writes «approach»: a slip. A word the other
    version capitalises too is a name both share; English writes its months capitalised."""
    from tests.test_diff_checks import findings

    dutch_speller()
    en = "This document is much more than a technical approach. It was signed in March."
    nl = "Dit document is veel meer dan een technische Aanpak. Het werd in maart getekend."
    said = [f.message for f in findings("capitalisation", en, nl)]
    assert said == ["«Aanpak» in nl: «aanpak» is a word of Nederlands, not a name"]
    shared = en.replace("technical approach", "technical Aanpak")
    assert findings("capitalisation", shared, nl) == []


def test_an_office_in_lower_case_among_capitalised_ones_is_a_slip(bundled_kb):
    """A signatory's offices are capitalised; one of them in lower case («van onderwijs,
    Justitie en Werk»), where the English capitalises its translation, is a slip. The end of
    a capitalised office («Personen met een handicap») is not."""
    from drugstrat.diff import REGISTRY, document
    from drugstrat.kb import store
    from drugstrat.kb.lexicon import lexicon_for
    from drugstrat.kb.paths import glossary_path
    from drugstrat.terms.glossary import load

    kb_ = store.load(bundled_kb)
    glossary = load(glossary_path(bundled_kb))
    lexicon = lexicon_for(kb_, ("en", "nl"), glossary, glossary_path(bundled_kb))
    versions = {lang: [dict(r) for r in kb_.versions[lang]] for lang in ("en", "nl")}
    clean = [f.message for f in REGISTRY["capitalisation"].run(
        document(versions, glossary, ("en", "nl"), lambda: lexicon))]
    assert not [m for m in clean if "a word of a capitalised office" in m], clean
    title = next(r for r in versions["nl"] if "Onderwijs, Justitie en Werk" in r["text"])
    title["text"] = title["text"].replace("Onderwijs, Justitie", "onderwijs, Justitie")
    said = [(f.id, f.message) for f in REGISTRY["capitalisation"].run(
        document(versions, glossary, ("en", "nl"), lambda: lexicon))]
    assert (title["id"], "«onderwijs» in nl: a word of a capitalised office, and the en version "
                         "writes «Education»") in said
    # Before a capitalised word of the same office, too («for scientific Research»).
    english = next(r for r in versions["en"] if "for Scientific Research" in r["text"])
    english["text"] = english["text"].replace("for Scientific", "for scientific")
    said = [(f.id, f.message) for f in REGISTRY["capitalisation"].run(
        document(versions, glossary, ("en", "nl"), lambda: lexicon))]
    assert (english["id"], "«scientific» in en: a word of a capitalised office, and the nl "
                           "version writes «Wetenschappelijk»") in said


def test_a_word_cut_in_two_by_a_space_is_one_word():
    from tests.test_diff_checks import findings

    dutch_speller()
    en = "To formalise the partnerships with the installations and the police."
    nl = "Het form aliseren van de samenwerking met de instal laties en de politie."
    said = [f.message for f in findings("spelling", en, nl)]
    assert said == ["«form aliseren» is one word: «formaliseren»?",
                    "«instal laties» is one word: «installaties»?"]
    # Two words of the language side by side are two words, whatever they make together.
    assert findings("spelling", "Care and the police.", "Zorg en de politie werken samen.") == []


@pytest.fixture
def english_dutch(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A small FreeDict English-Dutch dictionary, the only one found, and an empty cache."""
    from tests.test_dictionaries import write_dictionary

    monkeypatch.setattr("drugstrat.terms.freedict.SEARCH_PATH", ())
    monkeypatch.setenv("DRUGSTRAT_FREEDICT_PATH", str(write_dictionary(
        tmp_path / "dictd", "freedict-eng-nld",
        {"farmer": "farmer\nlandbouwer, boer\n", "owner": "owner\neigenaar\n",
         "store": "store\nzaak, winkel\n"})))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))


def test_a_list_item_replaced_is_told_by_a_dictionary_where_the_lexicon_pairs_none(
        english_dutch):
    """Three items a lexicon that knows none of their words cannot pair: the dictionary pairs
    «property owners» / «pandeigenaren» (by «eigenaar», inside the compound) and «DIY stores» /
    «doe-het-zelf-zaken»; «farmers» faces «onderwijspersoneel», which it does not give."""
    from drugstrat.terms.lexicon import Lexicon

    dutch_speller()
    en = "We think of specific groups such as property owners, DIY stores and farmers."
    nl = "We denken aan specifieke groepen zoals pandeigenaren, doe-het-zelf-zaken en {}."
    knows_nothing = Lexicon(("en", "nl"), {}, {"en": {}, "nl": {}}, {"en": {}, "nl": {}}, {},
                            {"en": {}, "nl": {}})

    def said(dutch: str) -> list[str]:
        doc = diff.document({"en": [record("en", en, "p")], "nl": [record("nl", dutch, "p")]},
                            Glossary(), ("en", "nl"), knows_nothing)
        return [f.message for f in diff.REGISTRY["enumeration"].run(doc)]

    assert said(nl.format("onderwijspersoneel")) == [
        "list 1: «farmers» (en) has no counterpart in nl, which has «onderwijspersoneel» "
        "instead"]
    assert said(nl.format("landbouwers")) == []
