"""Dutch (Nederlands)."""

from drugstrat.languages.table import Language

# OmegaT's default Dutch abbreviations, as its rules write them (a space inside one is \x20).
_OMEGAT_ABBREVIATIONS = r"""
aanh\. aanw\.\x20vnw\. aardew\. aardr\. abs\. abstr\. A\.C\.I\. A\.D\. a\.d\.h\.v\. adj\.
adm\. afb\. afd\. afk\. afk\.w\.b\. afl\. Afr\. a\.g\.v\. a\.h\.w\. a\.i\. A\.I\.D\. al\.
ald\. alg\. a\.m\. Am\. amb\. ambt\.t\. anat\. antrop\. apoth\. Ar\. arch\. archeol\. art\.
a\.s\. a\.s\.a\.p\. a\.u\.b\. A\.V\. B\. B\.B\.C\. b\.b\.h\.h\. B\.C\. bc\. b\.d\. betr\.
bez\.vnw\. b\.g\.g\. bibl\. bijl\. bijz\. B\.L\.E\.V\.E blz\. B\.S\. B\.T\.W\. b\.v\. B\.V\.
bw\. B\.W\. b\.z\.a\. ca\. c\.a\. cat\. C\.C\.E\.P\. centr\. C\.E\.O\. c\.f\. cf\. cfr\.
conf\. c\.i\. Cie\. C\.I\.F\. C\.I\.O\. c\.l\. c\.o\.d\. Comp\. c\.q\. c\.s\. ct\. dal\.
d\.a\.v\. D\.C\. d\.d\. derg\. Dhr\. dhr\. d\.i\. dir\. div\. d\.m\.v\. dra\. drs\. Dr\.
ds\. D\.S\. D\.V\. d\.w\.z\. e\.a\. e\.c\. e\.c\.i\. ed\. e\.d\. e\.e\.a\. e\.g\. e\.k\.
enz\. etc\. et\x20al\. E\.&O\.E\. e\.v\. ev\. e\.v\.a\. excl\. fa\. Fa\. fam\. f\.a\.s\.
fig\. fl\. f\.o\.b\. f\.o\.r\. f\.o\.t\. fr\. G\.A\.B\. geb\. get\. G\.G\. g\.g\.d\. gld\.
G\.M\. G\.S\. h\.b\.b\.h\.h\. H\.K\.H\. H\.M\. i\.c\. i\.c\.m\. id\. i\.e\. i\.f\.v\.
i\.g\.v\. i\.h\.a\. i\.h\.b\. i\.i\.g\. i\.l\. i\.m\. incl\. ing\. intern\. i\.o\.m\.
i\.o\.v\. i\.p\.v\. ir\. i\.s\.m\. i\.t\.t\. i\.v\.m\. i\.z\.g\.st\. J\. j\. jhr\. jkvr\.
jl\. jr\. K\.B\. k\.g\.v\. k\.k\. K\.M\. Kon\. kr\. kt\. K\.v\.K\. l\.a\. L\.A\. lab\. lic\.
lw\. L\.K\. ll\. L\.S\. lt\. m\. m\.a\.w\. max\. m\.b\.t\. m\.b\.v\. Mej\. Mevr\. Mw\. Mgr\.
m\.h\.g\. m\.i\. mi\. min\. m\.i\.v\. mld\. mln\. m\.m\.v\. m\.n\. mr\. m\.u\.v\. N\.
n\.a\.v\. N\.B\. N\.B(r\.) N\.Br\. Ndl\. Ned\. N\.H\. nl\. Nl\. n\.m\. n\.m\.m\. N\.N\.
n\.n\.b\. N\.N\.O\. N\.N\.W\. no\. No\. N\.O\. n\.o\.t\.k\. nr\. nrs\. n\.t\.b\. N\.T\.
N\.V\. n\.v\.t\. N\.W\. o\. O\. o\.a\. ob\. obl\. o\.b\.s\. o\.b\.v\. o\.c\. o\.d\.a\.m\.
o\.d\.t\. o\.d\.z\. o\.e\.r\. o\.g\. o\.g\.v\. o\.i\. o\.i\.d\. o\.i\.v\. O\.L\. o\.l\.s\.
o\.l\.v\. O\.L\.V\. o\.m\. ong\. O\.N\.O\. onov\.ww\. O\.O\. o\.o\.v\. opm\. org\. o\.t\.t\.
ov\.cmpl\. o\.v\.v\. o\.v\.t\. O\.Z\.O\. p\.a pag\. par\. p\.c\. penn\. plm\. plv\. p\.m\.
p\.o\. p\.p\. Pres\. prof\. prof\.em\. prov\. p\.st\. pseud\. P\.T\.T\. q\.e\. q\.e\.d\.
q\.n\. q\.p\. q\.q\. q\.s\. q\.t\. q\.v\. r\.a\. r\.d\. red\. ref\. resp\. R\.I\.P\.
r\.s\.g\. S\.A\.B\.C\.A\. Secr\. s\.j\. s\.l\. soc\. spec\. sp\. S\.P\.Q\.R\. Sr\. St\.
s\.s\. s\.s\.t\.t\. s\.v\.p\. S\.V\.Z\. tab\. t\.a\.v\. t\.b\.v\. tel\. t\.g\.v\. t\.h\.t\.
tk\. t\.k\.g\. t\.k\.n\. t\.n\.v\. t\.o\.v\. t\.v\. t\.w\. t\.w\.v\. t\.z\. t\.z\.t\.
t\.z\.v\. u\.a\.n\. Ued\. uitsl\. U\.N\.O\. U\.S\.A\. u\.v\.d\. v\. ver\. vgl\. vnl\.
voorz\. V\.S\. v\.t\.t\. v\.v\. v\.v\.t\. V\.V\.V\. v\.w\.b\. Vz\. W\.A\. W\.L\. w\.o\.
w\.v\.t\.t\.k\. X\.P\. Y\.M\.C\.A\. Y\.W\.C\.A\. z\. z\.a\. zat\. Z\.B\. z\.b\.b\.h\.h\.
Z\.Em\. zg\. zgn\. z\.g\. z\.g\.a\.n\. Z\.H\. z\.h\.s\. Z\.K\.H\. z\.i\. Z\.M\. Z\.M\.O\.K\.
Z\.M\.L\.K\. z\.o\. z\.o\.z\. z\.s\.m\. z\.w\. z\.v\.v\.a\.
"""

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
        "zal": "future", "zullen": "future",
        "wil": "volition", "wilt": "volition", "willen": "volition",
    },
    negations=("niet", "geen", "nooit", "noch", "niets", "geen enkele", "geenszins",
               "nergens", "niemand", "allerminst"),
    negating_prefixes=("on", "in", "non", "niet"),
    hedges={
        # «mogelijk» is the word of every phrase of the possible ("zo snel mogelijk",
        # "waar mogelijk"), as «possible» is in English: the phrases pair by it.
        **dict.fromkeys(("mogelijk", "mogelijke", "eventueel", "eventuele", "indien nodig",
                         "waar nodig", "zo nodig", "indien van toepassing", "waar van toepassing",
                         "waar relevant", "indien relevant", "desgevallend",
                         "in voorkomend geval", "waar passend", "in principe", "gedeeltelijk",
                         "deels", "grotendeels", "in zekere mate", "potentieel", "potentiële"),
                        "soften"),
        **dict.fromkeys(("in het bijzonder", "vooral", "voornamelijk", "hoofdzakelijk",
                         "bovenal", "ten minste", "tenminste", "minstens", "zelfs"), "stress"),
        # "in particular" or "namely", as the sentence has it
        "met name": "stress|specify",
        **dict.fromkeys(("namelijk", "te weten", "dat wil zeggen", "zijnde"), "specify"),
    },
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
    adjective_ending="e",
    ending_alternations=(("v", "f"), ("z", "s")),
    syllable_vowels="aeou",
    unchanging_adjective_endings=("en",),
    infinitive_endings=("en",),
    definite_determiners=("de", "het", "deze", "dit"),
    articles=("de", "het", "een"),
    numeral_articles=("een",),
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
    # OmegaT's default Dutch exceptions (its segmentation rules): no break after one of these
    # abbreviations where white space stands before it (so one opening a paragraph breaks).
    segment_exceptions=tuple((r"\s" + word, r"\s") for word in _OMEGAT_ABBREVIATIONS.split()),
    edition_names={
        "en": "Engelse versie",
        "nl": "Nederlandse versie",
        "fr": "Franse versie",
        "de": "Duitse versie",
    },
)
