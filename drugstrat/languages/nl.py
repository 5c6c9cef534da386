"""Dutch (Nederlands)."""

from drugstrat.languages.table import Language

DUTCH = Language(
    code="nl",
    name="Nederlands",
    objective_labels=("SD",),
    specific_objectives_labels=("Specifieke doelstellingen", "Specifieke doelstelling"),
    strategic_objective_name="strategische doelstelling",
    specific_objective_name="specifieke doelstelling",
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
    thousands_separator=".",
    suffixes=("ingen", "heden", "ing", "heid", "ende", "end", "en", "es", "e", "s"),
    undouble=True,
    inflection_max=2,
    closed_compounds=True,
    compound_linkers=("s", "e"),
    articles=("de", "het", "een"),
    name_particles=("de", "van", "der", "den", "ter", "ten", "le", "la"),
    page_labels=("pagina", "blz.", "p."),
    page_of=("van", "op"),
)
