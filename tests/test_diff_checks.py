"""Each diff check on small bilingual snippets: where it must fire, and where it must stay quiet."""

from __future__ import annotations

import pytest

from drugstrat.diff import REGISTRY, document
from drugstrat.terms.glossary import Glossary, Term

from .conftest import dutch_speller


def record(lang: str, text: str, record_id: str = "x", rtype: str = "paragraph",
           **extra: object) -> dict:
    return {"id": record_id, "type": rtype, "lang": lang, "text": text, "parent": "intro",
            "aligned": True, **extra}


def findings(check: str, en: str | list[dict], nl: str | list[dict],
             glossary: Glossary | None = None) -> list:
    versions = {
        "en": [record("en", en)] if isinstance(en, str) else en,
        "nl": [record("nl", nl)] if isinstance(nl, str) else nl,
    }
    doc = document(versions, glossary or Glossary())
    return [f.settle(doc.langs) for f in REGISTRY[check].run(doc)]


def test_every_check_has_a_description_and_severity():
    assert len(REGISTRY) >= 15
    for check in REGISTRY.values():
        assert check.description and check.severity.name in ("info", "warning", "error")


# -- numbers and references ----------------------------------------------------------------


@pytest.mark.parametrize(("en", "nl"), [
    ("Approved on 7 April 2023.", "Goedgekeurd op 7 april 2023."),
    ("A rise of 1.5% in 2024.", "Een stijging van 1,5% in 2024."),
    ("Some 1,000 cases.", "Zowat 1.000 gevallen."),
    ("Since the late 1990s.", "Sinds eind jaren 1990."),
    ("We may act in March.", "We kunnen handelen."),  # "may" and a bare month are no dates
])
def test_numbers_compared_locale_aware_stay_quiet(en, nl):
    assert findings("numbers", en, nl) == []


def test_numbers_fire_on_a_changed_year_with_evidence():
    found = findings("numbers", "Approved in 2023 and 2024.", "Goedgekeurd in 2023 en 2025.")
    assert sorted(f.key for f in found) == ["2024", "2025"]
    f = next(f for f in found if f.key == "2024")
    assert f.severity.name == "error" and "2024" in f.evidence["en"]
    assert f.evidence["nl"] == "(none)"
    assert f.spans["en"] == [(21, 25)]


def test_dates_with_different_months_fire():
    found = findings("numbers", "Act of 7 April 2023.", "Wet van 7 mei 2023.")
    assert {f.key for f in found} == {"month:4", "month:5"}


def test_footnote_markers():
    assert findings("footnotes", "A note¹ here.", "Een noot¹ hier.") == []
    found = findings("footnotes", "A note¹ here.", "Een noot hier.")
    assert [f.key for f in found] == ["¹"]


def test_urls_with_a_language_specific_domain_are_only_info():
    found = findings("urls", "See www.drugpolicy.be.", "Zie www.drugbeleid.be.")
    assert [f.severity.name for f in found] == ["info"]
    missing = findings("urls", "See www.drugpolicy.be.", "Zie de website.")
    assert [f.severity.name for f in missing] == ["warning"]
    assert findings("urls", "Mail info@x.be.", "Mail info@x.be.") == []


def test_acronyms_pair_through_definitions_at_aligned_places():
    en = [record("en", "The General Drugs Policy Cell (GDPC) meets.", "a"),
          record("en", "The GDPC decides.", "b")]
    nl = [record("nl", "De Algemene Cel Drugsbeleid (ACD) vergadert.", "a"),
          record("nl", "De ACD beslist.", "b")]
    assert findings("acronyms", en, nl) == []
    nl[1] = record("nl", "De cel beslist.", "b")
    found = findings("acronyms", en, nl)
    assert [(f.id, f.message) for f in found] == [("b", "GDPC/ACD appears 1× in en and 0× in nl")]


def test_an_acronym_put_in_anothers_place_pairs_with_nothing():
    """A definition pairs two acronyms; one already the counterpart of another acronym
    elsewhere is no new pairing but a slip: an acronym has one counterpart."""
    en = [record("en", "The General Drugs Policy Cell (GDPC) meets.", "a"),
          record("en", "The Joint Community Commission (GGC) decides.", "b"),
          record("en", "The French Community Commission (COCOF) agrees.", "c")]
    nl = [record("nl", "De Algemene Cel Drugsbeleid (ACD) vergadert.", "a"),
          record("nl", "De Gemeenschappelijke Gemeenschapscommissie (GGC) beslist.", "b"),
          record("nl", "De Franse Gemeenschapscommissie (COCOF) stemt in.", "c")]
    assert findings("acronyms", en, nl) == []
    for slip in ("GGC", "ACD"):
        nl[2] = record("nl", f"De Franse Gemeenschapscommissie ({slip}) stemt in.", "c")
        found = findings("acronyms", en, nl)
        assert ("c", "COCOF appears 1× in en and 0× in nl") in [(f.id, f.message)
                                                              for f in found], slip


# -- enumerations ---------------------------------------------------------------------------


def test_enumeration_counts_and_names_the_item_without_counterpart():
    found = findings(
        "enumeration",
        "Actors (such as magistrates, police and journalists) are at risk.",
        "Actoren (zoals magistraten, politie, douaniers en journalisten) lopen risico.",
        # A one-record document teaches the lexicon little: the glossary says what police is.
        Glossary(terms=[Term({"en": ("police",), "nl": ("politie*",)})]),
    )
    assert len(found) == 1
    assert "3 item(s) in en and 4 in nl" in found[0].message
    assert "«douaniers»" in found[0].message


def test_enumeration_quiet_when_counts_match_and_for_suspended_compounds():
    assert findings("enumeration", "Groups (e.g. young people, inmates and refugees).",
                    "Groepen (bv. jongeren, gedetineerden en vluchtelingen).") == []
    assert findings("enumeration", "Legal drugs (alcohol, tobacco and similar products)",
                    "Legale drugs (alcohol, tabaks- en soortgelijke producten)") == []


def test_open_list_in_one_language_only():
    found = findings("open-list", "Staff such as doctors and nurses.",
                     "Personeel zoals artsen, verpleegkundigen, enz.")
    assert [f.key for f in found] == ["nl"] and "enz." in found[0].evidence["nl"]
    # «such as» opens the English list already: the Dutch «enz.» is redundant, info.
    assert [(f.severity.name, f.message) for f in found] == [
        ("info", "an open-ended list («enz.») in nl only, where en opens its list by «such as»")]
    closed = findings("open-list", "Staff: doctors and nurses.",
                      "Personeel: artsen, verpleegkundigen, enz.")
    assert [(f.severity.name, f.evidence["en"]) for f in closed] == [("warning", "(closed list)")]
    assert findings("open-list", "Doctors, nurses, etc.", "Artsen, verpleegkundigen, enz.") == []


def test_a_list_opened_twice_in_one_parenthesis():
    en = "Access for proper use (such as for medical and scientific purposes, for example)."
    nl = "Toegang voor eigenlijk gebruik (onder andere medisch en wetenschappelijk)."
    [found] = findings("open-list", en, nl)
    assert (found.severity.name, found.message) == (
        "info", "a list opened twice in en («such as» … «for example»): one is redundant")
    assert [en[s:e] for s, e in found.spans["en"]] == ["such as", "for example"]
    assert findings("open-list", "Access (such as for medical purposes).", nl) == []


# -- structure ------------------------------------------------------------------------------


def test_missing_record_is_an_error_with_context_from_the_other_language():
    en = [record("en", "First.", "p1"), record("en", "Second.", "p2", aligned=False)]
    nl = [record("nl", "Eerste.", "p1")]
    found = findings("missing", en, nl)
    assert [(f.id, f.severity.name) for f in found] == [("p2", "error")]
    assert found[0].evidence["en"] == "Second." and "after p1" in found[0].evidence["nl"]


def test_merged_paragraphs_are_a_warning_not_a_missing_record():
    en = [record("en", "One.", "p1"), record("en", "Two.", "p2", aligned=False)]
    nl = [record("nl", "Een. Twee.", "p1", merges=["p1", "p2"])]
    assert findings("missing", en, nl) == []
    found = findings("merged", en, nl)
    assert [f.id for f in found] == ["p1"]
    assert "One." in found[0].evidence["en"] and "Twee" in found[0].evidence["nl"]


def test_paragraph_and_list_counts():
    en = [record("en", "A.", "S.p1"), record("en", "B.", "S.p2"),
          record("en", "x", "S.l1.1", "list_item", in_list="S.l1"),
          record("en", "y", "S.l1.2", "list_item", in_list="S.l1")]
    nl = [record("nl", "A.", "S.p1"),
          record("nl", "x", "S.l1.1", "list_item", in_list="S.l1")]
    for r in en + nl:
        r["parent"] = "S"
    en.insert(0, record("en", "Title", "S", "section"))
    nl.insert(0, record("nl", "Titel", "S", "section"))
    assert [f.message for f in findings("paragraph-count", en, nl)] == [
        "S has 2 paragraph(s) in en and 1 in nl"]
    assert [f.message for f in findings("list-count", en, nl)] == [
        "S has 2 list items in en and 1 in nl"]


def test_order():
    en = [record("en", t, i) for i, t in (("a", "A"), ("b", "B"), ("c", "C"))]
    nl = [record("nl", t, i) for i, t in (("a", "A"), ("c", "C"), ("b", "B"))]
    assert len(findings("order", en, nl)) == 1
    assert findings("order", en, [record("nl", r["text"], r["id"]) for r in en]) == []


# -- symbols and emphasis ------------------------------------------------------------------


def test_unpaired_brackets_and_quotes_but_not_enumerators():
    assert [f.key[:3] for f in findings("brackets", "A (note without end.", "Een (noot).")] == [
        "en("]
    assert findings("brackets", "Pillars: 1) prevention; 2) care.",
                    "Pijlers: 1) preventie; 2) zorg.") == []
    assert findings("brackets", "The “substance” matters.", "Het “middel” telt.") == []
    assert len(findings("brackets", "The “substance matters.", "Het “middel” telt.")) == 1


def test_parenthetical_in_one_language_only():
    found = findings("parenthetical", "Care (where needed) matters.", "Zorg is belangrijk.")
    assert found and found[0].evidence["en"] == "(where needed)"
    assert found[0].evidence["nl"] == "(none)"


def test_emphasis_in_one_language_only():
    en = [record("en", "Reduce supply.")]
    nl = [record("nl", "Het aanbod verminderen.",
                 emphasis=[{"kind": "bold", "start": 4, "end": 10, "text": "aanbod"}])]
    found = findings("emphasis", en, nl)
    assert found and found[0].message == "emphasis in nl only"
    assert found[0].evidence["nl"] == "bold: aanbod"
    assert findings("emphasis", en, [record("nl", "Het aanbod verminderen.")]) == []


# -- text -----------------------------------------------------------------------------------


def test_repeated_words():
    found = findings("repeated-words", "It is strictly regulated and controlled.",
                     "Het wordt nauwgezet gereguleerd en gereguleerd.")
    assert [f.message for f in found] == ["«gereguleerd en gereguleerd» in nl"]
    assert findings("repeated-words", "Vulnerable groups and groups with needs.",
                    "Kwetsbare groepen en groepen met noden.") == []
    assert [f.message for f in findings("repeated-words", "See the the note.", "Zie de noot.")] \
        == ["«the the» in en"]
    assert findings("repeated-words", "A focus on on-site platforms.", "Een focus.") == []


def test_an_article_left_without_its_noun():
    found = findings("stray-article", "To tackle the illegal production and trafficking.",
                     "Het aanpakken van de en handel.")
    assert [f.message for f in found] == ["«de en» in nl: an article with no noun after it"]
    assert found[0].spans == {"nl": [(18, 23)]}
    # Words added before it leave the finding the same one (an acceptance of it holds).
    moved = findings("stray-article", "To tackle the illegal production and trafficking.",
                     "Het vastberaden aanpakken van de en handel.")
    assert [f.key for f in moved] == [f.key for f in found]
    assert [f.message for f in findings("stray-article", "To tackle the and trafficking.",
                                        "De illegale productie en handel aanpakken.")] \
        == ["«the and» in en: an article with no noun after it"]
    # Grammar, not a slip: the numeral one, two articles joined, a letter naming an item, a
    # capital "A" naming a plan.
    for en, nl in [("One or more services.", "Een of meer diensten en een en ander."),
                   ("Items (a) and (b).", "Punten a en b."),
                   ("Plan A and plan B.", "De en/of-regel.")]:
        assert findings("stray-article", en, nl) == [], (en, nl)


def test_untranslated_sentence_and_identical_text():
    english = "Articles 2 and 7 of the Universal Declaration of Human Rights are relevant here."
    found = findings("untranslated", english, english)
    assert [f.key for f in found] == ["identical"]
    found = findings("untranslated", "The strategy is ready. It will be evaluated in time.",
                     "De strategie is klaar. It will be evaluated in time by the cell.")
    assert len(found) == 1 and found[0].message == "a sentence of the nl text is in English"
    assert "It will be evaluated" in found[0].evidence["nl"]
    assert findings("untranslated", "The strategy is ready and will be evaluated in time.",
                    "De strategie is klaar en wordt tijdig geëvalueerd door de cel.") == []


def test_a_sentence_left_in_the_other_language_is_compared_with_the_original_it_copies():
    en = ("The rights are set out in Article 14 of the European Convention on Human Rights "
          "and in the Covenant.")
    copy = ("De rechten staan vast. The rights are set out in Article 41 of the European "
            "Convention of Human Rights and the Covenant.")
    [found] = findings("untranslated", en, copy)
    assert found.severity.name == "error"
    assert found.message == (
        "a sentence of the nl text is in English, copied from en with 3 difference(s): "
        "«41» where en has «14»; «of» where en has «on»; en's «in» left out")
    # Only what differs is marked, in both versions.
    assert [copy[a:b] for a, b in found.spans["nl"]] == ["41", "of"]
    assert [en[a:b] for a, b in found.spans["en"]] == ["14", "on", "in"]
    # An exact copy is only untranslated; a sentence that copies nothing is not compared.
    exact = "De rechten staan vast. " + en
    [found] = findings("untranslated", en, exact)
    assert found.message == "a sentence of the nl text is in English"
    [found] = findings("untranslated", en, "De rechten staan vast. It will be evaluated in "
                                          "time by the cell and the conference.")
    assert found.message == "a sentence of the nl text is in English"


def test_length_ratio_outlier_against_the_document_median():
    en = [record("en", f"This is sentence number {i} of a fairly ordinary paragraph.", f"p{i}")
          for i in range(5)]
    nl = [record("nl", f"Dit is zin nummer {i} van een vrij gewone alinea in het Nederlands.",
                 f"p{i}") for i in range(5)]
    assert findings("length-ratio", en, nl) == []
    nl[2] = record("nl", "Dit is zin.", "p2")
    found = findings("length-ratio", en, nl)
    assert [f.id for f in found] == ["p2"] and "en text is much longer" in found[0].message


def test_sentence_count_knows_abbreviations():
    assert findings("sentence-count", "Groups (e.g. young people) count. Mr. Smith agrees.",
                    "Groepen (bv. jongeren) tellen. Dhr. Smith is akkoord.") == []
    assert len(findings("sentence-count", "One. Two.", "Een, twee.")) == 1


# -- names and terminology -----------------------------------------------------------------


@pytest.mark.parametrize(("nl_text", "expected"), [
    ("Goedgekeurd door Boris Dillies.",
     [("p1", "«Boris Dilliès» is spelled «Boris Dillies» in nl")]),
    ("Goedgekeurd door Boris Dilliès in Brussel.", []),  # same spelling; "Brussel" translated
])
def test_names_near_miss_spelling(nl_text, expected):
    en = [record("en", "Mr. Boris Dilliès, Minister-President.", "s1", "signatory"),
          record("en", "Approved by Boris Dilliès in Brussels.", "p1")]
    nl = [record("nl", "Dhr. Boris Dilliès, Minister-President.", "s1", "signatory"),
          record("nl", nl_text, "p1")]
    en[0]["name"] = nl[0]["name"] = "Boris Dilliès"
    assert [(f.id, f.message) for f in findings("names", en, nl)] == expected


GLOSSARY = Glossary(terms=[
    Term({"en": ("harm reduction",), "nl": ("schadebeperk*",)}),
    Term({"en": ("trafficking",), "nl": ("handel", "*handel")}),
    Term({"en": ("addict*",), "nl": ("verslav*",)}),
])


@pytest.mark.parametrize(("en", "nl"), [
    ("Harm reduction works.", "Schadebeperking werkt."),
    ("Harm reduction measures.", "Risico- en schadebeperkende maatregelen."),
    ("Drug trafficking grows.", "De drugshandel groeit."),
    ("Production and trafficking.", "Productie en -handel."),
    ("Behavioural addictions.", "Gedragsverslavingen."),
])
def test_glossary_quiet_when_a_translation_is_there(en, nl):
    assert findings("glossary", en, nl, GLOSSARY) == []


def test_glossary_fires_when_no_translation_is_there():
    found = findings("glossary", "Harm reduction works.", "Preventie werkt.", GLOSSARY)
    assert len(found) == 1 and "none of «schadebeperk»" in found[0].message
    # The evidence shows the other text, where the translation would stand.
    assert found[0].evidence["nl"] == "Preventie werkt."
    # "behandelt" (deals with) holds "handel" but is no compound of it.
    found = findings("glossary", "The body deals with all themes.",
                     "Het orgaan behandelt alle thema's.", GLOSSARY)
    assert found == []


def test_term_consistency_flags_a_recurring_term_rendered_otherwise():
    en = [record("en", f"A comprehensive approach to case {i}.", f"p{i}") for i in range(6)]
    nl = [record("nl", f"Een globale aanpak voor geval {i}.", f"p{i}") for i in range(5)]
    nl.append(record("nl", "Een integrale aanpak voor geval 5.", "p5"))
    found = findings("term-consistency", en, nl)
    assert [(f.id, f.severity.name) for f in found] == [("p5", "warning")]
    assert "«comprehensive approach» (en) is «integrale aanpak» in p5" in found[0].message
    assert "«globale aanpak» in 5 other record(s)" in found[0].message


def test_term_consistency_leaves_the_glossary_variants_alone():
    glossary = Glossary(terms=[Term({"en": ("approach",), "nl": ("aanpak", "benadering")})])
    en = [record("en", f"An integrated approach to case {i}.", f"p{i}") for i in range(6)]
    nl = [record("nl", f"Een geïntegreerde aanpak voor geval {i}.", f"p{i}") for i in range(5)]
    nl.append(record("nl", "Een geïntegreerde benadering voor geval 5.", "p5"))
    assert findings("term-consistency", en, nl, glossary) == []


def test_a_phrase_holding_a_glossary_term_is_no_term_of_its_own():
    """Two records render the phrase one way and one another: a glossary entry would have a
    usual rendering, an ordinary phrase holding one ("addiction problems") has none."""
    def texts(glossary: Glossary) -> list:
        en = [record("en", f"Addiction problems in city {i}.", f"p{i}") for i in range(3)]
        nl = [record("nl", f"Verslavingsproblematiek in stad {i}.", f"p{i}") for i in range(2)]
        nl.append(record("nl", "Verslavingsproblemen in stad 2.", "p2"))
        # The compounds' parts, as words of their own.
        en += [record("en", f"Addiction, problems and issues in city {i}.", f"q{i}")
               for i in range(3, 6)]
        nl += [record("nl", f"Verslaving, problemen en problematiek in stad {i}.", f"q{i}")
               for i in range(3, 6)]
        return findings("term-consistency", en, nl, glossary)

    stem = Glossary(terms=[Term({"en": ("addict*",), "nl": ("verslav*",)})])
    entry = Glossary(terms=[Term({"en": ("addiction problems",),
                                  "nl": ("verslavingsproblematiek",)})])
    assert texts(stem) == []
    assert [f.id for f in texts(entry)] == ["p2"]


def test_emphasis_missing_from_a_whole_type_is_said_once():
    bold = [{"kind": "bold", "start": 0, "end": 3, "text": "Het"}]
    en = [record("en", f"Objective {i}.", f"1.{i}", "specific_objective") for i in range(6)]
    nl = [record("nl", f"Het doel {i}.", f"1.{i}", "specific_objective", emphasis=bold)
          for i in range(6)]
    found = findings("emphasis", en, nl)
    assert len(found) == 1
    assert "specific objectives carry emphasis in nl only (6 records" in found[0].message


def test_paragraph_count_ignores_paragraphs_without_a_parent():
    en = [{"id": "titlepage.p1", "type": "paragraph", "lang": "en", "text": "A", "aligned": True}]
    nl = [{"id": "titlepage.p2", "type": "paragraph", "lang": "nl", "text": "B", "aligned": True}]
    assert findings("paragraph-count", en, nl) == []


def test_a_title_with_an_office_more_in_one_language():
    en = [record("en", "Mr. Jean Crucke, Minister of Mobility, Climate, Tourism and Ecological "
                 "Transition", "sig1", "signatory")]
    nl = [record("nl", "Dhr. Jean Crucke, Minister van Mobiliteit, Klimaat en Ecologische "
                 "Transitie", "sig1", "signatory")]
    found = findings("title-items", en, nl)
    assert [f.message.split(":")[1].strip() for f in found] == [
        "an item of the title with no counterpart in nl (4 items in en, 3 in nl)"]
    # The item said is the one the other version translates least.
    assert [en[0]["text"][s:e] for s, e in found[0].spans["en"]] == [
        "Tourism and Ecological Transition"]
    # Semicolons part items too; a comma inside brackets does not; prose is not a title.
    nl[0]["text"] = "Dhr. Jean Crucke, Minister van Mobiliteit; Klimaat (o.a. CO2, stikstof), " \
        "Toerisme en Ecologische Transitie"
    assert findings("title-items", en, nl) == []
    assert findings("title-items", "Care, prevention, harm reduction and enforcement.",
                    "Zorg, preventie en handhaving.") == []


def test_a_word_of_a_name_in_lower_case_where_the_document_writes_the_name_capitalised():
    en = [record("en", "The General Drugs Policy Cell meets.", "a"),
          record("en", "The general cell meets again; the General Drugs Policy Cell reports.",
                 "b"),
          record("en", "Ms. Ann Peeters, Minister of Housing, Foreign Affairs and Energy", "s1",
                 "signatory"),
          record("en", "Mr. Jan Claes, Minister of Justice, foreign Trade and Culture", "s2",
                 "signatory")]
    nl = [record("nl", "De Algemene Cel Drugsbeleid vergadert.", "a"),
          record("nl", "Het algemene overleg vergadert opnieuw; de algemene Cel Drugsbeleid "
                 "rapporteert.", "b"),
          record("nl", "Mevr. Ann Peeters, Minister van Wonen, Buitenlandse Zaken en Energie",
                 "s1", "signatory"),
          record("nl", "Dhr. Jan Claes, Minister van Justitie, Buitenlandse Handel en Cultuur",
                 "s2", "signatory")]
    said = {(f.id, f.message) for f in findings("capitalisation", en, nl)}
    # «Algemene Cel» stands capitalised elsewhere: the word is a slip here, though the
    # document writes «algemene» in lower case as a word of its own.
    assert ("b", "«algemene» in nl: the document writes «Algemene» in names (1 time)") in said
    # A signatory's office in lower case before a capitalised word the document capitalises.
    assert ("s2", "«foreign» in en: the document writes «Foreign» in names (1 time)") in said
    # The plain adjective, and the English name written in lower case as a common noun, are
    # no slips.
    assert not {i for i, m in said if "general" in m}



def test_an_office_of_a_title_replaced_by_another(bundled_kb):
    """On the bundled pair, read with its own lexicon: an office replaced by words the document
    translates wherever else they stand faces the office it replaced."""
    from drugstrat.kb import store
    from drugstrat.kb.lexicon import lexicon_for
    from drugstrat.kb.paths import glossary_path
    from drugstrat.terms.glossary import load

    kb = store.load(bundled_kb)
    glossary = load(glossary_path(bundled_kb))
    lexicon = lexicon_for(kb, ("en", "nl"), glossary, glossary_path(bundled_kb))
    versions = {lang: [dict(r) for r in kb.versions[lang]] for lang in ("en", "nl")}
    clean = document(versions, glossary, ("en", "nl"), lambda: lexicon)
    assert list(REGISTRY["title-items"].run(clean)) == []
    title = next(r for r in versions["en"] if "Public Works" in r["text"])
    title["text"] = title["text"].replace("Public Works", "Health and Welfare")
    edited = document(versions, glossary, ("en", "nl"), lambda: lexicon)
    said = [f.message for f in REGISTRY["title-items"].run(edited)]
    assert said == ["«Health and Welfare» (en) faces «Openbare Werken» (nl): items of the title "
                    "that do not translate each other"]


def test_an_office_replaced_in_a_title_the_lexicon_was_learned_from(bundled_kb):
    """Rebuilt after the edit, the lexicon learns the replaced office as the rendering of the
    original from that one title: that teaches nothing about whether they translate."""
    from drugstrat.kb import store
    from drugstrat.kb.paths import glossary_path
    from drugstrat.terms.glossary import load

    kb = store.load(bundled_kb)
    glossary = load(glossary_path(bundled_kb))
    versions = {lang: [dict(r) for r in kb.versions[lang]] for lang in ("en", "nl")}
    title = next(r for r in versions["nl"] if "Solidariteit en Sociale Economie" in r["text"])
    title["text"] = title["text"].replace("Solidariteit en Sociale Economie",
                                          "Begroting en Financiën")
    said = [(f.id, f.message) for f in REGISTRY["title-items"].run(
        document(versions, glossary, ("en", "nl")))]
    assert (title["id"], "«Solidarity and Social Economy» (en) faces «Begroting en Financiën» "
                         "(nl): items of the title that do not translate each other") in said


def test_a_capital_after_a_hyphen_that_the_document_writes_in_lower_case_is_a_slip():
    en = [record("en", f"Mr. A{i}, Deputy Prime Minister and Minister of Justice", f"s{i}",
                 "signatory") for i in range(3)]
    nl = [record("nl", f"Dhr. A{i}, Vice-eersteminister en Minister van Justitie", f"s{i}",
                 "signatory") for i in range(3)]
    nl[2]["text"] = nl[2]["text"].replace("Vice-eersteminister", "Vice-Eersteminister")
    said = [(f.id, f.message, f.spans) for f in findings("capitalisation", en, nl)]
    assert said == [("s2", "«Vice-Eersteminister» in nl: the document writes "
                           "«Vice-eersteminister» (2 times)", {"nl": [(9, 28)]})]
    # Written each way once: no habit to hold it against.
    assert findings("capitalisation", en[1:], nl[1:]) == []


def test_a_list_item_replaced_by_a_group_named_elsewhere_faces_the_item_it_replaced(bundled_kb):
    """«teaching staff» and «onderwijspersoneel» share a word's link with another item of the
    list («staff in reception centres» / «personeel in opvangcentra»): that link is the other
    item's, and says nothing of whether the Dutch list still names teaching staff."""
    from drugstrat.kb import store
    from drugstrat.kb.lexicon import lexicon_for
    from drugstrat.kb.paths import glossary_path
    from drugstrat.terms.glossary import load

    kb = store.load(bundled_kb)
    glossary = load(glossary_path(bundled_kb))
    lexicon = lexicon_for(kb, ("en", "nl"), glossary, glossary_path(bundled_kb))
    versions = {lang: [dict(r) for r in kb.versions[lang]] for lang in ("en", "nl")}
    item = next(r for r in versions["nl"] if "onderwijspersoneel, personeel" in r["text"])
    assert not [f for f in REGISTRY["enumeration"].run(
        document(versions, glossary, ("en", "nl"), lambda: lexicon)) if f.id == item["id"]]
    item["text"] = item["text"].replace("onderwijspersoneel, personeel", "landbouwers, personeel")
    found = [f for f in REGISTRY["enumeration"].run(
        document(versions, glossary, ("en", "nl"), lambda: lexicon)) if f.id == item["id"]]
    assert [f.message for f in found] == [
        "list 1: «teaching staff» (en) has no counterpart in nl, which has «landbouwers» instead"]
    english = next(r for r in versions["en"] if r["id"] == item["id"])["text"]
    assert [english[s:e] for s, e in found[0].spans["en"]] == ["teaching staff"]
    assert [item["text"][s:e] for s, e in found[0].spans["nl"]] == ["landbouwers"]


def test_the_capitals_of_one_title_are_one_finding_and_two_slips_side_by_side_are_two():
    from drugstrat.diff.causes import merge_causes
    from drugstrat.diff.model import Finding, Severity

    text = "voor een globaal en geïntegreerd Drugsbeleid (2002)"

    def said(check: str, word: str) -> Finding:
        at = text.index(word)
        return Finding("p1", "paragraph", check, Severity.warning, f"«{word}»", {"nl": text},
                       key=word, spans={"nl": [(at, at + len(word))]}, langs=("en", "nl"))

    merged = merge_causes([said("capitalisation", "geïntegreerd"),
                           said("capitalisation", "Drugsbeleid")])
    assert [(f.message, [r.message for r in f.related]) for f in merged] == [
        ("«geïntegreerd»", ["«Drugsbeleid»"])]
    # Two typos side by side are two slips; words apart are two capitals.
    assert len(merge_causes([said("spelling", "geïntegreerd"),
                             said("spelling", "Drugsbeleid")])) == 2
    assert len(merge_causes([said("capitalisation", "globaal"),
                             said("capitalisation", "Drugsbeleid")])) == 2


# -- typography -----------------------------------------------------------------------------


def _paragraphs(lang: str, texts: list[str]) -> list[dict]:
    return [record(lang, text, f"p{n}") for n, text in enumerate(texts)]


def test_a_dash_set_otherwise_than_the_documents_habit_is_info_where_it_stands():
    nl = _paragraphs("nl", ["Dit is – zoals gezegd – nodig.",
                            "Wij willen – waar mogelijk – helpen.",
                            "Verslaving kan – op korte en op lange termijn - leiden tot schade.",
                            "De periode 2026 - 2029."])
    en = _paragraphs("en", ["This is needed.", "We want to help.", "Addiction harms.",
                            "The period 2026 - 2029."])
    found = findings("dashes", en, nl)
    assert [(f.id, f.severity.name, f.message) for f in found] == [
        ("p2", "info", "«-» in nl where the document sets its dashes as «–» (5 times)")]
    text = nl[2]["text"]
    [(start, end)] = found[0].spans["nl"]
    assert text[start - 8:end] == "termijn -"  # the hyphen, not the en dash opening the pair


def test_a_dash_with_a_space_on_one_side_only():
    en = _paragraphs("en", ["Holding them to account and –where possible – guiding them.",
                            "Drug cultivation, production and –trafficking are tackled.",
                            "Words – and more words."])
    nl = _paragraphs("nl", ["Tekst.", "Tekst.", "Tekst over drugsteelt, -productie- en handel."])
    said = {f.id: f.message for f in findings("dashes", en, nl)}
    assert said == {
        "p0": "a dash in en with no space after it, unlike the other of its pair",
        "p1": "«–trafficking» in en: a dash where the hyphen of a shortened compound is meant "
              "(«-trafficking»)",
        "p2": "«-productie-» in nl: a word between two hyphens (a shortened compound's hyphen "
              "on the wrong side?)",
    }


def test_a_dash_or_hyphen_where_the_other_is_meant_around_a_conjunction():
    dutch_speller()
    nl = _paragraphs("nl", ["Wij bouwen preventiemaatregelen en – strategieën uit.",
                            "Strengere controles en -indien nodig- sancties.",
                            "Zorg en – waar mogelijk – begeleiding."])
    en = _paragraphs("en", ["Text.", "Text.", "Text."])
    said = {f.id: f.message for f in findings("dashes", en, nl)}
    assert said == {
        "p0": "«– strategieën» in nl: a dash where the hyphen of a shortened compound is meant "
              "(«-strategieën», as in «preventiestrategieën»)",
        "p1": "«-indien» in nl: a hyphen before a word that ends no compound (a dash, «– "
              "indien», is meant?)",
    }


def test_a_document_that_sets_its_dashes_as_hyphens_throughout_is_left_alone():
    nl = _paragraphs("nl", [f"Dit is - zoals gezegd - nodig in regio {n}." for n in range(4)])
    en = _paragraphs("en", [f"This is needed in region {n}." for n in range(4)])
    assert findings("dashes", en, nl) == []


def test_words_hyphenated_in_one_place_and_not_another():
    en = _paragraphs("en", ["Drug-related crime.", "Drug-related harm.", "Drug related deaths.",
                            "Evidence-informed prevention."])
    nl = _paragraphs("nl", ["Misdaad.", "Schade.", "Doden.", "Evidence informed preventie."])
    said = {(f.id, f.message) for f in findings("hyphenation", en, nl)}
    assert said == {
        ("p2", "«Drug related» here, «drug-related» 2 time(s) in en: written two ways"),
        ("p3", "«Evidence informed» in nl, «Evidence-informed» in en"),
    }
    # One way throughout, in both versions: nothing.
    assert findings("hyphenation", en[:2], nl[:2]) == []


def test_a_shortened_compound_without_its_hyphen():
    nl = _paragraphs("nl", ["De aanpak van drugsteelt en productie.",
                            "De drugsproductie groeit.", "Drugsteelt en gebruik."])
    en = _paragraphs("en", ["Tackling cultivation and production.", "Production grows.",
                            "Cultivation and use."])
    assert [(f.id, f.message) for f in findings("hyphenation", en, nl)] == [
        ("p0", "«drugsteelt en productie» in nl: a shortened compound without its hyphen "
               "(«-productie», as in «drugsproductie», written 1 time(s))?")]


def test_a_list_item_ending_otherwise_than_the_items_around_it():
    def items(lang: str, texts: list[str]) -> list[dict]:
        return [record(lang, text, f"SO1.l1.{n}", "list_item") for n, text in
                enumerate(texts, start=1)]

    en = items("en", ["prevention;", "treatment;", "peer support.", "harm reduction;",
                      "recovery."])
    nl = items("nl", ["preventie;", "behandeling;", "peer support;", "schadebeperking;",
                      "herstel."])
    found = findings("list-punctuation", en, nl)
    assert [(f.id, f.message, f.spans) for f in found] == [
        ("SO1.l1.3", "«.» ends this item in en, where the items around it end with «;»",
         {"en": [(12, 13)]})]
    # Both versions end it so: the list's own making, not a slip.
    nl[2] = record("nl", "peer support.", "SO1.l1.3", "list_item")
    assert findings("list-punctuation", en, nl) == []
