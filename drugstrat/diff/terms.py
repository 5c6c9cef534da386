"""Terminology, from the bilingual glossary: key terms left without translation, and terms
translated in different ways across the document."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

from drugstrat.diff.model import Document, Finding, Severity, check, excerpt
from drugstrat.glossary import Term

# Ministers' offices name institutions ("Minister of Justice"), not the policy's terms.
NOT_TERMINOLOGY = {"signatory", "coordinator"}
CLEAR_HABIT = 3  # records using the usual translation before another one stands out


@check("glossary", Severity.warning, "a glossary term in one language with none of its "
                                     "translations in the other")
def glossary(doc: Document) -> Iterator[Finding]:
    for pair in doc.prose_pairs():
        if pair.type in NOT_TERMINOLOGY:
            continue
        for term in doc.glossary.terms:
            found = {lang: term.found(lang, record["text"])
                     for lang, record in (("en", pair.en), ("nl", pair.nl))}
            if bool(found["en"]) == bool(found["nl"]):
                continue
            lang = "en" if found["en"] else "nl"
            other = "nl" if lang == "en" else "en"
            record = pair.en if lang == "en" else pair.nl
            start, end = found[lang][0]
            forms = ", ".join(f"«{f.strip('*')}»" for f in term.forms.get(other, ()))
            evidence = {lang: excerpt(record["text"], start, end),
                        other: f"none of {forms}"}
            yield Finding(
                pair.id, pair.type, "glossary", Severity.warning,
                f"«{record['text'][start:end]}» ({term.label(lang)}) in {lang}, "
                f"no {term.label(other)!r} in {other}",
                evidence["en"], evidence["nl"], key=f"{lang}:{term.label('en')}",
                spans={lang: found[lang]},
            )


@check("term-consistency", Severity.info, "a glossary term translated in different ways "
                                          "across records")
def term_consistency(doc: Document) -> Iterator[Finding]:
    for term in doc.glossary.terms:
        if len(term.forms.get("nl", ())) < 2:
            continue
        used: dict[str, str] = {}  # record id -> the Dutch form it uses
        texts = {}
        for pair in doc.prose_pairs():
            if pair.type in NOT_TERMINOLOGY or not term.found("en", pair.en["text"]):
                continue
            forms = _forms_used(term, pair.nl["text"])
            if len(forms) == 1:
                used[pair.id] = forms[0]
                texts[pair.id] = pair
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
            pair = texts[record_id]
            spans = term.found("nl", pair.nl["text"])
            yield Finding(
                record_id, pair.type, "term-consistency", Severity.info,
                f"«{term.label('en')}» is «{form.strip('*')}» here but «{usual.strip('*')}» in "
                f"{usual_count} other "
                f"record(s)",
                excerpt(pair.en["text"], *term.found("en", pair.en["text"])[0]),
                excerpt(pair.nl["text"], *spans[0]) if spans else "",
                key=f"{term.label('en')}:{form}", spans={"nl": spans},
            )


def _forms_used(term: Term, text: str) -> list[str]:
    return [form for form in term.forms.get("nl", ())
            if Term({"nl": (form,)}).found("nl", text)]
