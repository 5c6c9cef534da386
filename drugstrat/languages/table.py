"""What the tool knows about one language, as one table of plain data.

No stage holds a word of any language: labels, section names, honorifics, month names, list cue
words, stop words, number formats and compounding rules all come from a `Language`, so another
edition (French, German …) is one more table in this package. Matching is case-insensitive unless
a field says otherwise.
"""

from __future__ import annotations

from typing import NamedTuple


# A NamedTuple rather than a dataclass: `show` reads the objective labels at start-up, and the
# dataclasses module would add to every command's start-up time.
class Language(NamedTuple):
    code: str
    name: str  # the language's name in itself: "English", "Nederlands"
    # Label in front of a strategic objective's number ("SO. 3"), matched case-sensitively so
    # the English word "So" starting a sentence is never taken for a heading.
    objective_labels: tuple[str, ...]
    specific_objectives_labels: tuple[str, ...]
    # How the document names its objectives in running text, for citations.
    strategic_objective_name: str
    specific_objective_name: str
    # Heading text (upper-cased, without its numeral) -> language-neutral section key.
    section_names: dict[str, str]
    # Titles before a person's name; the parser takes the longest that matches.
    honorifics: tuple[str, ...]
    months: tuple[str, ...]
    # Lead-in phrases of the mission's two lists: what "we are striving to" do, and the means.
    aims_cues: tuple[str, ...]
    means_cues: tuple[str, ...]
    # Target groups: a head noun ("groups", "staff") followed within a few words by a cue that
    # opens the list of groups ("such as", "e.g.").
    group_heads: tuple[str, ...]
    group_cues: tuple[str, ...]
    # Words joining the last two items of a series ("a, b and c"); also the words of a
    # suspended compound ("huis- en sportartsen").
    conjunctions: tuple[str, ...]
    # Words that open a noun's complement ("of", "du", "van"): a conjunction or a comma right
    # before one joins two complements of one head ("médecins du travail et du sport"), not
    # two items of a series.
    complement_words: tuple[str, ...] = ()
    # Modal verbs by what they say ("obligation", "recommendation", "possibility",
    # "permission", "future", "volition", "binding" for a "shall" that obliges and announces
    # at once), in the forms a text uses; a translation keeps what the original obliges,
    # allows, announces or wants. A future a language makes by inflection ("sera") is no
    # word here: a modal on one side only is never compared.
    modals: dict[str, str] = {}
    # Words that negate ("not", "niet", "pas"): a negation in one version only turns the
    # meaning around.
    negations: tuple[str, ...] = ()
    # Prefixes that negate the word they open ("in" of "ineffective", "on" of "onwettig"): a
    # negating word in one version may stand for such a word in the other.
    negating_prefixes: tuple[str, ...] = ()
    # Words that soften a statement ("where possible", "in principle") or stress part of it
    # ("in particular", "especially"), by what they do: one in one version only, in sentences
    # that otherwise translate each other, shifts what is promised. A phrase of two senses
    # names both ("met name": "stress|specify", "in particular" or "namely").
    hedges: dict[str, str] = {}
    # Phrases of sentences whose negation is idiom, not meaning ("not only … but also", and
    # the "both … and" a translation may give for it): such sentences are not compared.
    not_negating: tuple[str, ...] = ()
    # Relative pronouns: a piece of a series opening with one ("…, die wegen …", "…, who …")
    # is a clause on the item before it, not an item.
    relative_pronouns: tuple[str, ...] = ()
    # Whether every noun is written with a capital (German): a capital then tells no name.
    capitalised_nouns: bool = False
    # Phrases joining the last item of a series the way a conjunction does ("as well as").
    series_joiners: tuple[str, ...] = ()
    # Words the grammar may write twice in a row ("nous nous", "had had", "dat dat"): no slip.
    allowed_repeats: tuple[str, ...] = ()
    # Markers of an open-ended list.
    open_list_markers: tuple[str, ...] = ("etc.", "…", "...")
    # Frequent function words: for telling which language a sentence is in, and for leaving
    # words out of searches.
    function_words: frozenset[str] = frozenset()
    # Words that carry no content of their own (function words, auxiliaries, connectives), left
    # out when the languages are compared word by word.
    stop_words: frozenset[str] = frozenset()
    # The Snowball stemmer of the language (PyStemmer's name for it).
    snowball: str = ""
    # Hunspell dictionaries of the language, most fitting first ("nl_BE" before "nl").
    hunspell: tuple[str, ...] = ()
    # The language's ISO 639-3 code, as FreeDict names its dictionaries ("eng", "nld").
    iso639_3: str = ""
    # Abbreviations whose full stop does not end a sentence (lower-case, with their dots).
    abbreviations: frozenset[str] = frozenset()
    # Words introducing an inline series, besides the target-group cues.
    series_cues: tuple[str, ...] = ()
    # How numbers are written: "1.5" and "1,000" in English, "1,5" and "1.000" in Dutch.
    decimal_separator: str = "."
    thousands_separator: str = ","
    # Endings a plain glossary form may take ("treatment" -> "treatments"): nominal ones only, so
    # that a noun does not match a verb written like it ("handel", trade, vs "handelen", to act).
    inflection_endings: tuple[str, ...] = ()
    # Whether compounds are written as one word ("drugshandel"), so that a term may stand as
    # the head or the modifier inside a longer word.
    closed_compounds: bool = False
    # Letters that may join the parts of a closed compound ("drug|s|handel").
    compound_linkers: tuple[str, ...] = ()
    # The ending an adjective before a noun takes in some places and not in others ("een
    # goede aanpak", "een goed beleid"): the adjectives of one noun take it alike, and after a
    # definite determiner always. Empty where adjectives take no such ending (English) or
    # follow their noun as often as not (French).
    adjective_ending: str = ""
    # Final consonants a stem writes otherwise before that ending ("actief" -> "actieve",
    # "grijs" -> "grijze"): (before the ending, in the bare form).
    ending_alternations: tuple[tuple[str, str], ...] = ()
    # Vowels written double where a consonant closes the syllable and single where the
    # ending opens it ("illegaal" / "illegale"), whereas a short vowel's consonant doubles
    # ("wit" / "witte").
    syllable_vowels: str = ""
    # Endings of adjectives that never take it: participles and adjectives of material
    # ("betrokken", "gouden").
    unchanging_adjective_endings: tuple[str, ...] = ()
    # Endings of a verb's infinitive ("maken"): where a noun was looked for, a verb tells that
    # the words before it were no adjectives of a noun ("het mogelijk maken").
    infinitive_endings: tuple[str, ...] = ()
    # Determiners after which an adjective always takes the ending ("de", "het", "deze").
    definite_determiners: tuple[str, ...] = ()
    # Articles, dropped when target groups are compared by name ("the elderly" = "elderly").
    articles: tuple[str, ...] = ()
    # The articles that are also the numeral one ("een of meer", "un ou plusieurs"): before a
    # conjunction they are no article left without its noun.
    numeral_articles: tuple[str, ...] = ()
    # Lower-case particles inside people's names ("Jan van der Berg").
    name_particles: tuple[str, ...] = ()
    # How a page number is labelled in text extracted from PDF ("Page 3 of 12").
    page_labels: tuple[str, ...] = ()
    page_of: tuple[str, ...] = ()
    # Words a citation names a passage by: "paragraph", "item", "list", "endnote", "section",
    # and the title page's facts ("title", "period", "publisher", "date").
    citation_words: dict[str, str] = {}
    # The quotation marks the language opens and closes a quotation with (spaces included
    # where its typography puts one inside them: « … » in French).
    quotes: tuple[str, str] = ("“", "”")
    # How the language writes a colon after a label ("Specific objectives:"; French puts a
    # space before it: "Objectifs spécifiques :").
    colon: str = ":"
    # How the language names each language's version of the document ("Engelse versie"): a
    # citation that quotes a version other than its own says which.
    edition_names: dict[str, str] = {}
    # Whether titles are written in title case ("Interfederal Strategy for …") rather than
    # sentence case ("Interfederale strategie voor …") when a citation quotes a title set in
    # capitals.
    title_case: bool = False
    # Where a CAT tool does not break a paragraph after a full stop (SRX no-break rules, as
    # (before, after) patterns in SRX's Java dialect). Empty: the abbreviations and honorifics.
    segment_exceptions: tuple[tuple[str, str], ...] = ()
