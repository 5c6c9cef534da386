"""Terminology, from the bilingual glossary: key terms left without translation, and terms
translated in different ways across the document."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

from drugstrat.diff.model import Document, Finding, Pair, Severity, check, excerpt
from drugstrat.record import PEOPLE_TYPES
from drugstrat.terms.glossary import Term

CLEAR_HABIT = 3  # records using the usual translation before another one stands out


@check("glossary", Severity.warning, "a glossary term in one language with none of its "
                                     "translations in the other")
def glossary(doc: Document) -> Iterator[Finding]:
    a, b = doc.langs
    for pair in doc.prose_pairs():
        # Ministers' offices name institutions ("Minister of Justice"), not the policy's terms.
        if pair.type in PEOPLE_TYPES:
            continue
        for term in doc.glossary.terms:
            if a not in term.forms or b not in term.forms:
                continue
            found = {lang: term.found(lang, record["text"]) for lang, record, _ in pair.sides()}
            if bool(found[a]) == bool(found[b]):
                continue
            lang = a if found[a] else b
            other = doc.other(lang)
            text = pair[lang]["text"]
            start, end = found[lang][0]
            forms = ", ".join(f"«{f.strip('*')}»" for f in term.forms[other])
            yield Finding(
                pair.id, pair.type, "glossary", Severity.warning,
                f"«{text[start:end]}» ({term.label(lang)}) in {lang}, "
                f"no {term.label(other)!r} in {other}",
                {lang: excerpt(text, start, end), other: f"none of {forms}"},
                key=f"{lang}:{term.label(a)}", spans={lang: found[lang]},
            )


@check("term-consistency", Severity.info, "a glossary term translated in different ways "
                                          "across records")
def term_consistency(doc: Document) -> Iterator[Finding]:
    a, b = doc.langs
    for term in doc.glossary.terms:
        if a not in term.forms or len(term.forms.get(b, ())) < 2:
            continue
        used: dict[str, str] = {}  # record id -> the form of the other language it uses
        pairs: dict[str, Pair] = {}
        for pair in doc.prose_pairs():
            if pair.type in PEOPLE_TYPES or not term.found(a, pair.a["text"]):
                continue
            forms = _forms_used(term, b, pair.b["text"])
            if len(forms) == 1:
                used[pair.id] = forms[0]
                pairs[pair.id] = pair
        counts = Counter(used.values())
        if len(counts) < 2:
            continue
        usual, usual_count = counts.most_common(1)[0]
        # A term rendered evenly in two ways is a deliberate choice (noun and verb, say);
        # what a reviser wants is the odd one out against a clear habit.
        if usual_count < CLEAR_HABIT or usual_count < 2 * (len(used) - usual_count):
            continue
        for record_id, form in used.items():
            if form == usual:
                continue
            pair = pairs[record_id]
            spans = term.found(b, pair.b["text"])
            yield Finding(
                record_id, pair.type, "term-consistency", Severity.info,
                f"«{term.label(a)}» is «{form.strip('*')}» here but «{usual.strip('*')}» in "
                f"{usual_count} other record(s)",
                {a: excerpt(pair.a["text"], *term.found(a, pair.a["text"])[0]),
                 b: excerpt(pair.b["text"], *spans[0]) if spans else ""},
                key=f"{term.label(a)}:{form}", spans={b: spans},
            )


def _forms_used(term: Term, lang: str, text: str) -> list[str]:
    return [form for form in term.forms.get(lang, ())
            if Term({lang: (form,)}).found(lang, text)]
