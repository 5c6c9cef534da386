"""French (français), as the Belgian federal editions write it."""

from drugstrat.languages.table import Language

FRENCH = Language(
    code="fr",
    name="Français",
    objective_labels=("OS",),
    specific_objectives_labels=("Objectifs spécifiques", "Objectif spécifique"),
    strategic_objective_name="objectif stratégique",
    specific_objective_name="objectif spécifique",
    section_names={
        "AVANT-PROPOS": "foreword",
        "PRÉFACE": "foreword",
        "CONTENU": "contents",
        "SOMMAIRE": "contents",
        "TABLE DES MATIÈRES": "contents",
        "INTRODUCTION": "intro",
        "CHAMP D'APPLICATION": "scope",
        "CHAMP D’APPLICATION": "scope",
        "PORTÉE": "scope",
        "MISSION & VISION": "mission",
        "MISSION ET VISION": "mission",
        "OBJECTIFS STRATÉGIQUES": "objectives",
        "NOTES DE FIN": "endnotes",
        "NOTES": "endnotes",
    },
    honorifics=("Prof.", "Dr.", "Dr", "M.", "Mme", "Mme.", "Mlle"),
    months=(
        "janvier", "février", "mars", "avril", "mai", "juin", "juillet",
        "août", "septembre", "octobre", "novembre", "décembre",
    ),
    aims_cues=("nous visons à", "nous nous efforçons de", "nous aspirons à"),
    means_cues=("nous entendons y parvenir", "nous y parviendrons", "pour y parvenir"),
    group_heads=(
        "groupes", "groupe", "personnes", "publics", "public", "personnel", "acteurs",
        "professionnels", "population", "populations",
    ),
    group_cues=("tels que", "telles que", "tel que", "telle que", "par exemple", "p. ex.",
                "notamment", "y compris", "à savoir"),
    conjunctions=("et", "ou", "et/ou"),
    modals={
        "doit": "obligation", "doivent": "obligation", "devons": "obligation",
        "faut": "obligation", "il faut": "obligation", "est tenu de": "obligation",
        "sont tenus de": "obligation",
        "devrait": "recommendation", "devraient": "recommendation",
        "devrions": "recommendation",
        "peut": "possibility", "peuvent": "possibility", "pouvons": "possibility",
        "pourrait": "possibility", "pourraient": "possibility", "pourrions": "possibility",
        "est autorisé à": "permission", "sont autorisés à": "permission",
        "veut": "volition", "veulent": "volition", "voulons": "volition",
        "souhaite": "volition", "souhaitent": "volition", "souhaitons": "volition",
    },
    # The second word of a negation ("ne" alone also opens "ne … que", only); "sans" and "non"
    # + adjective negate a word ("sans licence", "non stigmatisante"), as un- does in English.
    negations=("pas", "jamais", "aucun", "aucune", "ni", "rien", "nullement"),
    negating_prefixes=("in", "im", "il", "ir", "non", "dé"),
    hedges={
        **dict.fromkeys(("possible", "possibles", "éventuellement", "éventuel", "éventuelle",
                         "si nécessaire", "au besoin", "si besoin", "le cas échéant",
                         "s'il y a lieu", "s’il y a lieu", "si pertinent",
                         "là où c'est pertinent", "là où c’est pertinent",
                         "lorsque c'est pertinent", "lorsque c’est pertinent", "en principe",
                         "en partie", "partiellement", "largement", "potentiellement"),
                        "soften"),
        **dict.fromkeys(("en particulier", "particulièrement", "surtout",
                         "principalement", "avant tout", "au moins"), "stress"),
        **dict.fromkeys(("à savoir", "c'est-à-dire", "c’est-à-dire"), "specify"),
        "notamment": "stress|specify",
    },
    not_negating=("non seulement", "non plus", "tant", "à la fois"),
    relative_pronouns=("qui", "que", "qu’", "qu'", "dont", "lesquels", "lesquelles"),
    complement_words=("de", "du", "des", "d'", "d’", "à", "au", "aux"),
    series_joiners=("ainsi que",),
    allowed_repeats=("nous", "vous"),
    function_words=frozenset(
        "le la les de des du un une et en à au aux dans pour par sur avec que qui est sont ce "
        "cet cette ces il elle ils elles leur leurs son sa ses se ne pas plus ou être été a ont "
        "nous notre nos vous on y tout tous toutes toute entre sans sous vers dont où mais "
        "donc ainsi aussi afin peut peuvent doit doivent sera seront".split()),
    stop_words=frozenset(
        "à afin ainsi alors au aucun aucune aussi autre autres aux avant avec avoir c ça car ce "
        "ceci cela celle celles celui cependant ces cet cette ceux chaque ci comme comment d dans "
        "de des donc dont du elle elles en encore entre est et été être eu fait faire il ils "
        "j l la le les leur leurs lors lorsque lui m ma mais me même mes moins mon n ne ni non "
        "nos notamment notre nous on ont ou où par parce pas peu peut peuvent plus plusieurs "
        "pour pourquoi qu que quel quelle quelles quels qui s sa sans se selon ses si son sont "
        "sous sur t ta tant te tel telle telles tels tes toi ton tous tout toute toutes très tu "
        "un une vers via vos votre vous y afin doit doivent sera seront cas".split()),
    snowball="french",
    hunspell=("fr_BE", "fr", "fr_FR"),
    iso639_3="fra",
    abbreviations=frozenset(
        "p. ex. etc. cf. art. m. mme. mlle. dr. prof. c.-à-d. vol. éd. env. resp. no. n°"
        .split()),
    series_cues=("tels que", "telles que", "par exemple", "p. ex.", "notamment", "à savoir",
                 "y compris", "c.-à-d."),
    decimal_separator=",",
    # French sets thousands apart with a narrow no-break space; Belgian texts also use a dot.
    thousands_separator="\u202f",
    inflection_endings=("s", "x", "e", "es"),
    articles=("le", "la", "les", "l'", "l’", "un", "une", "des"),
    numeral_articles=("un", "une"),
    name_particles=("de", "du", "des", "d'", "la", "le", "van", "von", "der"),
    page_labels=("page", "p."),
    page_of=("sur", "de"),
    citation_words={
        "paragraph": "paragraphe",
        "item": "point",
        "list": "liste",
        "endnote": "note",
        "section": "chapitre",
        "title": "titre",
        "period": "période",
        "publisher": "éditeur",
        "date": "date",
    },
    title_case=False,
    quotes=("«\u00a0", "\u00a0»"),
    # OmegaT's default French exceptions: titles, abbreviations, initials, "Art. 3", no break
    # before a lower-case word or inside guillemets.
    segment_exceptions=(
        (r"pp\.", r"\s"),
        (r"[^a-z]p\.", r"\s"),
        (r"([A-Z]\.){2,}", r"\s"),
        (r"^M\.", r"\s"),
        (r"MM\.", r"\s"),
        (r"[^A-Z]M\.", r"\s"),
        (r"etc\.", r"\s[a-z]"),
        (r"Mr\.", r"\s"),
        (r"Mme\.", r"\s"),
        (r"Dr\.", r"\s"),
        (r"Mlle\.", r"\s"),
        (r"Prof\.", r"\s"),
        (r"Resp\.", r"\s"),
        (r"Réf\.", r"\s"),
        (r"réf\.", r"\s"),
        (r"C\.A\.", r"\s"),
        (r"C\.\sA\.", r"\s"),
        (r"\s[A-Z]\.", r"\s"),
        (r"Cf\.", r"\s"),
        (r"cf\.", r"\s"),
        (r"(A|a)rt\.", r"\s"),
        (r"(A|a)rt\.", r"\d+"),
        (r"[Vv]ol\.", r"\s"),
        (r"i\.e\.", r"\s"),
        (r"St\.", r"\s"),
        (r"\.", r"\s[a-z]"),
        (r"\.", r"[\u00A0\s]»"),
        (r"[\.\?\!][\u00A0\s]»", r"\s"),
    ),
    colon="\u00a0:",
    edition_names={
        "en": "version anglaise",
        "nl": "version néerlandaise",
        "fr": "version française",
        "de": "version allemande",
    },
)
