"""Terminology, from the bilingual glossary: key terms left without translation."""

from __future__ import annotations

from collections.abc import Iterator

from drugstrat.diff.model import Document, Finding, Pair, Severity, check, excerpt
from drugstrat.record import PEOPLE_TYPES

SURE = 0.3  # a link this sure means the text translates the term another way


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
            if _translated(doc, pair, lang, start, end):
                continue  # the glossary lacks this translation; the text has one
            forms = ", ".join(f"«{f.strip('*')}»" for f in term.forms[other])
            # Where the translation would stand: the same share of the way into the other text.
            theirs = pair[other]["text"]
            at = round(start * len(theirs) / max(len(text), 1))
            yield Finding(
                pair.id, pair.type, "glossary", Severity.warning,
                f"«{text[start:end]}» ({term.label(lang)}) in {lang}, none of {forms} in "
                f"{other}",
                {lang: excerpt(text, start, end), other: excerpt(theirs, at, at, width=80)},
                key=f"{lang}:{term.label(a)}", spans={lang: found[lang]},
            )


def _translated(doc: Document, pair: Pair, lang: str, start: int, end: int) -> bool:
    """Whether a word of the span is linked to a word of the other text by a pair a general
    dictionary vouches for, or surely by one the lexicon learned from more than one record."""
    lexicon = doc.lexicon
    if lexicon is None:
        return False
    links = doc.links(pair, as_evidence=True)
    mine_is_a = lang == doc.langs[0]
    tokens = doc.tokens(pair[lang])
    inside = {t.position for t in tokens if t.start < end and start < t.end}
    return any((p.a if mine_is_a else p.b) in inside and (
        f"{p.a_key}\t{p.b_key}" in lexicon.attested
        or (p.score >= SURE and len(lexicon.supported_by(p.a_key, p.b_key)) > 1))
        for p in links.pairs)
