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
    inflection_max=3,
    articles=("the", "a", "an"),
    name_particles=("de", "van", "von", "der", "le", "la"),
    page_labels=("page", "p."),
    page_of=("of",),
)
