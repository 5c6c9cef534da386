"""German (Deutsch), as the Belgian German-speaking Community and federal editions write it."""

from drugstrat.languages.table import Language

GERMAN = Language(
    code="de",
    name="Deutsch",
    objective_labels=("SZ",),
    specific_objectives_labels=("Spezifische Ziele", "Spezifisches Ziel"),
    strategic_objective_name="strategisches Ziel",
    specific_objective_name="spezifisches Ziel",
    section_names={
        "VORWORT": "foreword",
        "INHALT": "contents",
        "INHALTSVERZEICHNIS": "contents",
        "EINLEITUNG": "intro",
        "ANWENDUNGSBEREICH": "scope",
        "GELTUNGSBEREICH": "scope",
        "MISSION & VISION": "mission",
        "MISSION UND VISION": "mission",
        "STRATEGISCHE ZIELE": "objectives",
        "ENDNOTEN": "endnotes",
        "ANMERKUNGEN": "endnotes",
        "FUSSNOTEN": "endnotes",
    },
    honorifics=("Prof.", "Dr.", "Herr", "Frau", "Hr.", "Fr."),
    months=(
        "Januar", "Februar", "März", "April", "Mai", "Juni", "Juli",
        "August", "September", "Oktober", "November", "Dezember",
    ),
    aims_cues=("streben wir an", "wir streben", "setzen wir uns zum ziel", "wollen wir"),
    means_cues=("erreichen wir durch", "wollen wir erreichen", "erreichen wir dies",
                "dies erreichen wir"),
    group_heads=(
        "gruppen", "gruppe", "zielgruppen", "personen", "menschen", "personal", "akteure",
        "fachkräfte", "bevölkerung",
    ),
    group_cues=("wie", "z. b.", "z.b.", "beispielsweise", "insbesondere", "darunter",
                "unter anderem"),
    conjunctions=("und", "oder", "und/oder"),
    modals={
        "muss": "obligation", "müssen": "obligation", "musste": "obligation",
        "mussten": "obligation",
        "soll": "recommendation", "sollen": "recommendation", "sollte": "recommendation",
        "sollten": "recommendation",
        "kann": "possibility", "können": "possibility", "könnte": "possibility",
        "könnten": "possibility",
        "darf": "permission", "dürfen": "permission",
        "will": "volition", "wollen": "volition", "wollte": "volition", "wollten": "volition",
    },
    negations=("nicht", "kein", "keine", "keinen", "keinem", "keiner", "keines", "nie",
               "niemals", "weder", "nichts", "keineswegs", "niemand", "nirgends"),
    negating_prefixes=("un", "in", "nicht"),
    hedges={
        **dict.fromkeys(("möglich", "mögliche", "möglichen", "möglicherweise", "eventuell",
                         "möglichst", "bei Bedarf", "falls zutreffend", "falls nötig",
                         "gegebenenfalls", "grundsätzlich", "im Prinzip", "teilweise",
                         "weitgehend", "potenziell"), "soften"),
        **dict.fromkeys(("insbesondere", "vor allem", "besonders", "hauptsächlich",
                         "zumindest", "mindestens", "sogar"), "stress"),
        **dict.fromkeys(("nämlich", "das heißt"), "specify"),
    },
    not_negating=("nicht nur", "sowohl"),
    relative_pronouns=("die", "der", "das", "denen", "deren", "welche", "welcher"),
    complement_words=("von", "für"),
    series_joiners=("sowie",),
    allowed_repeats=("die", "der", "das"),
    open_list_markers=("usw.", "etc.", "…", "..."),
    function_words=frozenset(
        "der die das den dem des ein eine einen einem einer eines und oder in im zu zur zum "
        "von vom mit für auf an am bei aus nach über unter durch als auch wie ist sind wird "
        "werden wurde wurden sowie nicht dass sich es wir sie ihre ihr unsere unser alle "
        "diese dieser dieses diesen kann können muss müssen soll sollen".split()),
    stop_words=frozenset(
        "ab aber alle allem allen aller alles als also am an andere anderen anderer anderes "
        "auch auf aus außerdem bei beim bereits bis bzw da dabei dadurch dafür daher damit dann "
        "darauf darin darüber das dass dem den denen der deren des dessen die dies diese "
        "diesem diesen dieser dieses doch dort durch ein eine einem einen einer eines einige "
        "er es etwa für gegen hier ihr ihre ihrem ihren ihrer im in ins ist je jede jedem jeden "
        "jeder jedes jedoch kann können man mehr mit muss müssen nach neben nicht noch nur ob "
        "oder ohne sehr sein seine seinem seinen seiner sich sie sind so sollen sollte soll "
        "sowie sowohl über um und uns unser unsere unter vom von vor während was weil welche "
        "welchem welchen welcher welches wenn wer werden wie wir wird wo wurde wurden zu zum "
        "zur zwischen z.b bzw usw d.h insbesondere beispielsweise".split()),
    snowball="german",
    hunspell=("de_BE", "de_DE", "de"),
    iso639_3="deu",
    abbreviations=frozenset(
        "z.b. z. b. usw. bzw. d.h. d. h. ggf. vgl. etc. ca. nr. art. dr. prof. hr. fr. s. "
        "u.a. u. a. inkl.".split()),
    series_cues=("wie", "z. b.", "z.b.", "beispielsweise", "insbesondere", "darunter",
                 "unter anderem", "d. h."),
    decimal_separator=",",
    thousands_separator=".",
    inflection_endings=("e", "en", "er", "es", "n", "s"),
    closed_compounds=True,
    capitalised_nouns=True,
    compound_linkers=("s", "es", "n", "en", "e"),
    articles=("der", "die", "das", "den", "dem", "des", "ein", "eine", "einen", "einem",
              "einer", "eines"),
    numeral_articles=("ein", "eine", "einen", "einem", "einer", "eines"),
    name_particles=("von", "van", "de", "der", "zu"),
    page_labels=("seite", "s."),
    page_of=("von",),
    citation_words={
        "paragraph": "Absatz",
        "item": "Punkt",
        "list": "Liste",
        "endnote": "Endnote",
        "section": "Kapitel",
        "title": "Titel",
        "period": "Zeitraum",
        "publisher": "Herausgeber",
        "date": "Datum",
    },
    title_case=False,
    quotes=("„", "“"),
    edition_names={
        "en": "englische Fassung",
        "nl": "niederländische Fassung",
        "fr": "französische Fassung",
        "de": "deutsche Fassung",
    },
)
