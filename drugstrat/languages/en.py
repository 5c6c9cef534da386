"""English."""

from drugstrat.languages.table import Language

ENGLISH = Language(
    code="en",
    name="English",
    objective_labels=("SO",),
    specific_objectives_labels=("Specific objectives", "Specific objective"),
    strategic_objective_name="strategic objective",
    specific_objective_name="specific objective",
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
    modals={
        "must": "obligation", "shall": "binding", "have to": "obligation",
        "has to": "obligation", "needs to": "obligation", "need to": "obligation",
        "is required to": "obligation", "are required to": "obligation",
        "should": "recommendation", "ought to": "recommendation",
        "can": "possibility", "could": "possibility", "may": "possibility",
        "might": "possibility", "is able to": "possibility", "are able to": "possibility",
        "is allowed to": "permission", "are allowed to": "permission",
        # What Dutch says by "waardoor … kan" ("will enable swift action"): a latitude.
        "enable": "possibility", "enables": "possibility", "allow": "permission",
        "allows": "permission", "make it possible": "possibility",
        "makes it possible": "possibility",
        "will": "future", "won't": "future",
        "want to": "volition", "wants to": "volition", "wish to": "volition",
        "wishes to": "volition",
    },
    negations=("not", "no", "never", "nor", "neither", "cannot", "n't", "none", "nothing",
               "nobody", "nowhere"),
    negating_prefixes=("un", "in", "im", "il", "ir", "non", "dis"),
    hedges={
        **dict.fromkeys(("possible", "possibly", "if necessary", "where necessary", "if needed",
                         "where needed", "where appropriate", "if appropriate", "as appropriate",
                         "where relevant", "if relevant", "where applicable", "if applicable",
                         "in principle", "partly", "partially", "largely", "to some extent",
                         "potentially"), "soften"),
        **dict.fromkeys(("in particular", "particularly", "especially", "notably", "mainly",
                         "primarily", "above all", "at least", "even"), "stress"),
        **dict.fromkeys(("namely", "that is to say"), "specify"),
    },
    not_negating=("not only", "not just", "not solely", "no doubt", "both"),
    relative_pronouns=("who", "whom", "whose", "which", "that"),
    complement_words=("of", "for"),
    series_joiners=("as well as",),
    allowed_repeats=("had", "that"),
    function_words=frozenset(
        "the of and to in a is that for on with as by this be are from or an which it at "
        "their its was were will has have been not also these those such against between "
        "within through into all other our we they can may must should would more both any "
        "each".split()),
    stop_words=frozenset(
        "a about above across after again against all almost along already also although always "
        "am among amongst an and another any anyone anything are around as at be became because "
        "become becomes been before being below between both but by can cannot could did do does "
        "doing done down due during each either else enough etc even ever every for from further "
        "had has have having he her here hers herself him himself his how however i if in into "
        "is it its itself just least less let made make makes making many may me might more most "
        "much must my myself namely neither no nor not now of off often on once one only onto or "
        "other others otherwise our ours ourselves out over own per rather same shall she should "
        "since so some such than that the their theirs them themselves then there thereby "
        "therefore these they this those though through throughout thus to too towards under "
        "until up upon us very via was we were what whatever when whenever where whereas "
        "whether which while who whom whose why will with within without would yet you your "
        "i.e e.g first second secondly finally also particular particularly well whilst everyone "
        "everybody another amongst including regarding concerning".split()),
    snowball="english",
    hunspell=("en_GB", "en_US", "en"),
    iso639_3="eng",
    abbreviations=frozenset(
        "e.g. i.e. etc. vs. cf. p. pp. no. art. mr. ms. mrs. dr. prof. st. fig. approx. incl."
        .split()),
    series_cues=("such as", "e.g.", "for example", "namely", "including", "i.e."),
    inflection_endings=("s", "es", "'s", "’s"),
    articles=("the", "a", "an"),
    name_particles=("de", "van", "von", "der", "le", "la"),
    page_labels=("page", "p."),
    page_of=("of",),
    citation_words={
        "paragraph": "paragraph",
        "item": "item",
        "list": "list",
        "endnote": "endnote",
        "section": "section",
        "title": "title",
        "period": "period",
        "publisher": "publisher",
        "date": "date",
    },
    title_case=True,
    # OmegaT's default English exceptions: titles, a few Latin and technical abbreviations,
    # initials, a.m./p.m., "No." before a number, and "etc." before a lower-case word.
    segment_exceptions=(
        (r"etc\.", r"\s+\P{Lu}"),
        (r"Dr\.", r"\s"), (r"U\.K\.", r"\s"), (r"M\.", r"\s"), (r"Mr\.", r"\s"),
        (r"Mrs\.", r"\s"), (r"Ms\.", r"\s"), (r"Prof\.", r"\s"),
        (r"(?i:e\.g\.)", r"\s"), (r"(?i:i\.e\.)", r"\s"), (r"resp\.", r"\s"),
        (r"\stel\.", r"\s"), (r"(?i:fig\.)", r"\s"), (r"St\.", r"\s"),
        (r"\s[A-Z]\.", r"\s"), (r"[apAP]\.?[mM]\.", r"\s[a-z]"), (r"Mt\.", r"\s"),
        (r"No\.", r"\s\d"), (r"[Aa]pprox\.", r"\s"), (r"\d\smi?n\.", r"\s"),
        (r"\d\ssec\.", r"\s"), (r"\s[vV][sS]?\.", r"\s"),
    ),
    edition_names={
        "en": "English version",
        "nl": "Dutch version",
        "fr": "French version",
        "de": "German version",
    },
)
