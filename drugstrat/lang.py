"""Everything the parser knows about a language, in one table per language.

The parser itself holds no English or Dutch words: labels, section names, honorifics, month names
and list cue words all come from here, so a French or German edition is one more `Language`.
Matching is case-insensitive unless a field says otherwise.
"""

from __future__ import annotations

from typing import NamedTuple

# Language-neutral keys of the sections the genre has. A heading not listed under a key still
# parses; it gets the id `s<N>` from its roman numeral.
SECTION_KEYS = ("foreword", "contents", "intro", "scope", "mission", "objectives", "endnotes")


# A NamedTuple rather than a dataclass: `show` imports this module for the objective labels, and
# the dataclasses module would add to every command's start-up.
class Language(NamedTuple):
    code: str
    name: str
    # Label in front of a strategic objective's number ("SO. 3"), matched case-sensitively so the
    # English word "So" starting a sentence is never taken for a heading.
    objective_labels: tuple[str, ...]
    specific_objectives_labels: tuple[str, ...]
    # Heading text (upper-cased, no numeral) -> language-neutral section key.
    section_names: dict[str, str]
    # Longest first is not required: the parser tries them all and takes the longest match.
    honorifics: tuple[str, ...]
    months: tuple[str, ...]
    # Lead-in phrases of the mission's two lists: what "we are striving to" do, and the means.
    aims_cues: tuple[str, ...]
    means_cues: tuple[str, ...]
    # Target groups: a head noun ("groups", "staff") followed within a few words by a cue that
    # opens the list of groups ("such as", "e.g.").
    group_heads: tuple[str, ...]
    group_cues: tuple[str, ...]
    # Words joining the last two items of a series ("a, b and c").
    conjunctions: tuple[str, ...]
    # Markers of an open-ended list.
    open_list_markers: tuple[str, ...] = ("etc.", "…", "...")
    # Frequent function words, for telling which language a sentence is in.
    function_words: frozenset[str] = frozenset()
    # Abbreviations whose full stop does not end a sentence (lower-case, with their dots).
    abbreviations: frozenset[str] = frozenset()
    # Words introducing an inline series, besides the target-group cues.
    series_cues: tuple[str, ...] = ()
    # Decimal separator in numbers ("1.5" in English, "1,5" in Dutch).
    decimal_separator: str = "."
    # Endings a light stemmer strips for search, longest first ("trafficking" -> "traffick").
    suffixes: tuple[str, ...] = ()
    # Whether a stripped stem ending in a doubled consonant loses one ("gokk" -> "gok").
    undouble: bool = False
    # Articles, dropped when target groups are compared by name ("the elderly" = "elderly").
    articles: tuple[str, ...] = ()
    # Lower-case particles inside people's names ("Jan van der Berg").
    name_particles: tuple[str, ...] = ()
    # How a page number is labelled in text extracted from PDF ("Page 3 of 12").
    page_labels: tuple[str, ...] = ()
    page_of: tuple[str, ...] = ()


ENGLISH = Language(
    code="en",
    name="English",
    objective_labels=("SO",),
    specific_objectives_labels=("Specific objectives", "Specific objective"),
    section_names={
        "FOREWORD": "foreword",
        "PREFACE": "foreword",
        "CONTENT": "contents",
        "CONTENTS": "contents",
        "TABLE OF CONTENTS": "contents",
        "INTRODUCTION": "intro",
        "SCOPE": "scope",
        "MISSION & VISION": "mission",
        "MISSION AND VISION": "mission",
        "STRATEGIC OBJECTIVES": "objectives",
        "ENDNOTES": "endnotes",
        "NOTES": "endnotes",
    },
    honorifics=("Prof.", "Dr.", "Mr.", "Mrs.", "Ms.", "M.", "Mme.", "Sir", "Dame"),
    months=(
        "January", "February", "March", "April", "May", "June", "July",
        "August", "September", "October", "November", "December",
    ),
    aims_cues=("we are striving to", "we strive to", "we aim to"),
    means_cues=("we intend to achieve this by", "we will achieve this by", "achieve this by"),
    group_heads=(
        "groups", "group", "people", "persons", "personnel", "staff", "actors",
        "professionals", "population", "populations",
    ),
    group_cues=("such as", "e.g.", "for example", "for instance", "including", "namely"),
    conjunctions=("and", "or", "and/or"),
    function_words=frozenset(
        "the of and to in a is that for on with as by this be are from or an which it at "
        "their its was were will has have been not also these those such against between "
        "within through into all other our we they can may must should would more both any "
        "each".split()),
    abbreviations=frozenset(
        "e.g. i.e. etc. vs. cf. p. pp. no. art. mr. ms. mrs. dr. prof. st. fig. approx. incl."
        .split()),
    series_cues=("such as", "e.g.", "for example", "namely", "including", "i.e."),
    suffixes=("isations", "isation", "ations", "ation", "ings", "ing", "ies", "ied", "ers",
              "er", "es", "ed", "s"),
    articles=("the", "a", "an"),
    name_particles=("de", "van", "von", "der", "le", "la"),
    page_labels=("page", "p."),
    page_of=("of",),
)

DUTCH = Language(
    code="nl",
    name="Nederlands",
    objective_labels=("SD",),
    specific_objectives_labels=("Specifieke doelstellingen", "Specifieke doelstelling"),
    section_names={
        "VOORWOORD": "foreword",
        "INHOUD": "contents",
        "INHOUDSTAFEL": "contents",
        "INHOUDSOPGAVE": "contents",
        "INLEIDING": "intro",
        "SCOPE": "scope",
        "TOEPASSINGSGEBIED": "scope",
        "MISSIE & VISIE": "mission",
        "MISSIE EN VISIE": "mission",
        "STRATEGISCHE DOELSTELLINGEN": "objectives",
        "EINDNOTEN": "endnotes",
        "NOTEN": "endnotes",
    },
    honorifics=("Prof.", "Dr.", "Dhr.", "Mevr.", "Mw.", "Mr.", "M.", "Mme.", "Mevrouw", "De heer"),
    months=(
        "januari", "februari", "maart", "april", "mei", "juni", "juli",
        "augustus", "september", "oktober", "november", "december",
    ),
    aims_cues=("streven hierbij naar", "streven we naar", "we streven naar"),
    means_cues=("willen we realiseren door", "realiseren we door", "bereiken we door"),
    group_heads=(
        "groepen", "groep", "doelgroepen", "personen", "mensen", "personeel", "actoren",
        "professionelen", "bevolking",
    ),
    group_cues=("zoals", "bijvoorbeeld", "bv.", "bijv.", "waaronder", "onder andere", "met name"),
    conjunctions=("en", "of", "en/of"),
    open_list_markers=("enz.", "etc.", "…", "..."),
    function_words=frozenset(
        "de het een en van in is dat voor op met als door dit zijn worden wordt die er aan "
        "ook naar om te bij uit tot niet deze zich maar of hun tegen over onder tussen via "
        "zowel alle andere binnen hierbij waarbij zodat waar meer onze ons wij we zij ze kan "
        "kunnen moet moeten zal zullen nog dus echter".split()),
    abbreviations=frozenset(
        "bv. bijv. enz. d.w.z. o.a. m.a.w. vb. art. p. nr. dhr. mevr. mw. dr. prof. ca. incl. "
        "etc. e.a. i.e. e.g.".split()),
    series_cues=("zoals", "bijvoorbeeld", "bv.", "met name", "waaronder", "onder andere",
                 "d.w.z."),
    decimal_separator=",",
    suffixes=("ingen", "heden", "ing", "heid", "ende", "end", "en", "es", "e", "s"),
    undouble=True,
    articles=("de", "het", "een"),
    name_particles=("de", "van", "der", "den", "ter", "ten", "le", "la"),
    page_labels=("pagina", "blz.", "p."),
    page_of=("van", "op"),
)

LANGUAGES: dict[str, Language] = {lang.code: lang for lang in (ENGLISH, DUTCH)}


def language(code: str) -> Language:
    try:
        return LANGUAGES[code]
    except KeyError:
        known = ", ".join(sorted(LANGUAGES))
        raise ValueError(f"unknown language {code!r} (known: {known})") from None


def all_of(field: str) -> tuple[str, ...]:
    """One field of every language table, merged: for what is read without knowing the
    language (a typed id, a name that stands in both versions)."""
    return tuple(dict.fromkeys(item for lang in LANGUAGES.values()
                               for item in getattr(lang, field)))


def all_objective_labels() -> tuple[str, ...]:
    """Every language's objective label, so `show SD.3` works whatever language is shown."""
    return tuple(label for lang in LANGUAGES.values() for label in lang.objective_labels)
