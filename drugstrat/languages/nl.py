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
    modals={
        "moet": "obligation", "moeten": "obligation", "moest": "obligation",
        "moesten": "obligation", "dient": "obligation", "dienen": "obligation",
        "zou moeten": "recommendation", "zouden moeten": "recommendation",
        "kan": "possibility", "kunnen": "possibility", "kon": "possibility",
        "konden": "possibility", "zou kunnen": "possibility", "zouden kunnen": "possibility",
        "mag": "permission", "mogen": "permission",
    },
    negations=("niet", "geen", "nooit", "noch", "niets", "geen enkele"),
    not_negating=("niet alleen", "niet enkel", "zowel"),
    relative_pronouns=("die", "dat", "wie", "waarvan", "waarbij", "welke"),
    complement_words=("van", "voor"),
    series_joiners=("evenals", "alsook", "alsmede"),
    allowed_repeats=("dat", "die"),
    open_list_markers=("enz.", "etc.", "…", "..."),
    function_words=frozenset(
        "de het een en van in is dat voor op met als door dit zijn worden wordt die er aan "
        "ook naar om te bij uit tot niet deze zich maar of hun tegen over onder tussen via "
        "zowel alle andere binnen hierbij waarbij zodat waar meer onze ons wij we zij ze kan "
        "kunnen moet moeten zal zullen nog dus echter".split()),
    stop_words=frozenset(
        "aan al alle alleen alles als altijd andere anders ben bij bijvoorbeeld binnen bovendien "
        "daar daarbij daardoor daarin daarmee daarom daarna dan dat de deze die dient dienen "
        "dit doch doen door dus echter een eens en enkel enkele enz er ergens ervan erg ge "
        "geen haar had heb hebben heeft hem hen het hier hierbij hierin hiermee hierop hierover "
        "hij hoe hun ik in is je kan kon kunnen maar me meer men met mij mijn moet moeten na "
        "naar niet niets nog nu of om omdat onder ons onze ook op opdat over reeds samen sinds "
        "steeds te tegen ten ter toch tot tussen u uit uw van vanuit veel via voor vooral "
        "waar waarbij waardoor waarin waarmee waarop wanneer want was wat we wel welke werd "
        "werden wie wij wil willen word worden wordt zal ze zelf zich zij zijn zo zoals zodat "
        "zonder zou zouden zowel zullen bv o.a d.w.z nl hetgeen dewelke ieder iedere elk elke "
        "eveneens alsook name andere iedereen elkaar zijnde naast inzake vervolgens hierdoor "
        "daarnaast tevens mits indien".split()),
    # The classic Snowball Dutch stemmer: the newer "dutch" strips "ge-" and merges "gegevens"
    # (data) with "geven" (to give).
    snowball="dutch_porter",
    hunspell=("nl_BE", "nl", "nl_NL"),
    iso639_3="nld",
    abbreviations=frozenset(
        "bv. bijv. enz. d.w.z. o.a. m.a.w. vb. art. p. nr. dhr. mevr. mw. dr. prof. ca. incl. "
        "etc. e.a. i.e. e.g.".split()),
    series_cues=("zoals", "bijvoorbeeld", "bv.", "met name", "waaronder", "onder andere",
                 "d.w.z."),
    decimal_separator=",",
    thousands_separator=".",
    inflection_endings=("s", "e"),
    closed_compounds=True,
    compound_linkers=("s", "e"),
    articles=("de", "het", "een"),
    name_particles=("de", "van", "der", "den", "ter", "ten", "le", "la"),
    page_labels=("pagina", "blz.", "p."),
    page_of=("van", "op"),
    citation_words={
        "paragraph": "alinea",
        "item": "punt",
        "list": "lijst",
        "endnote": "eindnoot",
        "section": "hoofdstuk",
        "title": "titel",
        "period": "periode",
        "publisher": "uitgever",
        "date": "datum",
    },
    title_case=False,
    edition_names={
        "en": "Engelse versie",
        "nl": "Nederlandse versie",
        "fr": "Franse versie",
        "de": "Duitse versie",
    },
)
