"""Numbers, dates, endnote markers, addresses and acronyms: tokens a translation must carry over,
compared the way each language writes them."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterator

from drugstrat.diff.model import Document, Finding, Pair, Severity, check, excerpt
from drugstrat.inline import FOOTNOTE_MARK
from drugstrat.lang import Language

# A number, with its separators and an optional percent sign; "1990s" counts as 1990.
NUMBER = re.compile(r"(?<![\w.,])\d+(?:[.,]\d+)*(?:\s?%|(?<=\d{4})s)?(?!\w)")
URL = re.compile(r"(?:https?://|www\.)[^\s)\]>,;]+[^\s)\]>,;.]|[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
ACRONYM = re.compile(r"(?<![\w-])[A-Z][A-Z0-9&+]*[A-Z+](?![\w-])")
ROMAN_NUMERAL = re.compile(r"^[IVXLCDM]+$")


def number_tokens(text: str, lang: Language) -> list[tuple[str, tuple[int, int]]]:
    """Numbers and month names as language-neutral tokens, with their spans.

    `1,5` (nl) and `1.5` (en) both give `1.5`; `1.000` (nl) and `1,000` (en) give `1000`;
    `April`/`april` give `month:4`, so `7 April 2023` equals `7 april 2023`.
    """
    tokens = []
    thousands = "," if lang.decimal_separator == "." else "."
    for match in NUMBER.finditer(text):
        raw = match.group().replace(" ", "").removesuffix("s")
        percent = raw.endswith("%")
        digits = raw.rstrip("%")
        if re.fullmatch(rf"\d{{1,3}}(?:{re.escape(thousands)}\d{{3}})+", digits):
            value = digits.replace(thousands, "")
        elif digits.count(lang.decimal_separator) == 1 and thousands not in digits:
            value = digits.replace(lang.decimal_separator, ".")
        else:
            value = digits
        tokens.append((value + ("%" if percent else ""), match.span()))
    months = "|".join(re.escape(m) for m in lang.months)
    # A month name only in a date ("7 April 2023", "March 2026"): "may" is mostly a verb.
    date = rf"(?<=\d\s)({months})\b|\b({months})(?=\s+\d{{4}}\b)"
    for match in re.finditer(date, text, re.IGNORECASE):
        name = match.group(1) or match.group(2)
        month = [m.casefold() for m in lang.months].index(name.casefold()) + 1
        tokens.append((f"month:{month}", match.span()))
    return tokens


def _compare(pair: Pair, name: str, severity: Severity, tokens: dict[str, list],
             label: Callable[[str], str] = str) -> Iterator[Finding]:
    """One finding per token whose count differs between the languages."""
    counts = {lang: Counter(t for t, _ in found) for lang, found in tokens.items()}
    for token in sorted(set(counts["en"]) | set(counts["nl"])):
        en, nl = counts["en"][token], counts["nl"][token]
        if en == nl:
            continue
        spans = {lang: [span for t, span in found if t == token]
                 for lang, found in tokens.items()}
        where = {lang: " … ".join(excerpt(pair_text, s, e, 50) for s, e in spans[lang]) or
                 "(none)" for lang, pair_text in (("en", pair.en["text"]),
                                                  ("nl", pair.nl["text"]))}
        yield Finding(
            pair.id, pair.type, name, severity,
            f"{label(token)} appears {en}× in en and {nl}× in nl",
            where["en"], where["nl"], key=token, spans=spans,
        )


@check("numbers", Severity.error, "numbers, years, dates or percentages that differ")
def numbers(doc: Document) -> Iterator[Finding]:
    for pair in doc.prose_pairs():
        if pair.type in ("toc_entry", "section"):
            continue
        tokens = {lang: number_tokens(r["text"], doc.langs[lang])
                  for lang, r in (("en", pair.en), ("nl", pair.nl))}
        yield from _compare(pair, "numbers", Severity.error, tokens,
                            label=lambda t: t.replace("month:", "month "))


@check("footnotes", Severity.error, "endnote markers (¹ ²…) that differ")
def footnotes(doc: Document) -> Iterator[Finding]:
    for pair in doc.pairs:
        tokens = {lang: [(m.group(), m.span()) for m in FOOTNOTE_MARK.finditer(r["text"])]
                  for lang, r in (("en", pair.en), ("nl", pair.nl))}
        yield from _compare(pair, "footnotes", Severity.error, tokens)


@check("urls", Severity.warning, "web or e-mail addresses that differ (a language-specific "
                                 "domain alone is info)")
def urls(doc: Document) -> Iterator[Finding]:
    for pair in doc.pairs:
        found = {lang: [(m.group().lower(), m.span()) for m in URL.finditer(r["text"])]
                 for lang, r in (("en", pair.en), ("nl", pair.nl))}
        if Counter(t for t, _ in found["en"]) == Counter(t for t, _ in found["nl"]):
            continue
        same_count = len(found["en"]) == len(found["nl"])
        severity = Severity.info if same_count else Severity.warning
        message = ("address differs between the languages (a language-specific domain?)"
                   if same_count else
                   f"{len(found['en'])} address(es) in en, {len(found['nl'])} in nl")
        yield Finding(
            pair.id, pair.type, "urls", severity, message,
            ", ".join(t for t, _ in found["en"]) or "(none)",
            ", ".join(t for t, _ in found["nl"]) or "(none)",
            key="|".join(sorted(t for t, _ in found["en"] + found["nl"])),
            spans={lang: [s for _, s in f] for lang, f in found.items()},
        )


def acronyms_in(text: str) -> list[tuple[str, tuple[int, int]]]:
    letters = [ch for ch in text if ch.isalpha()]
    if letters and sum(ch.isupper() for ch in letters) > len(letters) / 2:
        return []  # a heading in capitals: every word would look like an acronym
    return [(m.group(), m.span()) for m in ACRONYM.finditer(text)
            if len(m.group()) >= 2 and not ROMAN_NUMERAL.match(m.group())]


def acronym_map(doc: Document) -> dict[str, str]:
    """English acronym -> Dutch one: from the glossary, and from aligned records that define
    acronyms in parentheses at the same places ("(GDPC)" / "(ACD)")."""
    if "acronyms" in doc.memo:
        return doc.memo["acronyms"]
    mapping = {en: forms.get("nl", en) for en, forms in doc.glossary.acronyms.items()}
    defined = re.compile(r"\(([A-Z][A-Z0-9&+]+)\)")
    for pair in doc.pairs:
        en = defined.findall(pair.en["text"])
        nl = defined.findall(pair.nl["text"])
        if en and len(en) == len(nl):
            for a, b in zip(en, nl, strict=True):
                mapping.setdefault(a, b)
    doc.memo["acronyms"] = mapping
    return mapping


@check("acronyms", Severity.warning, "acronyms without their counterpart (GDPC ↔ ACD learnt "
                                     "from the glossary and from definitions at aligned places)")
def acronyms(doc: Document) -> Iterator[Finding]:
    mapping = acronym_map(doc)
    for pair in doc.prose_pairs():
        en = acronyms_in(pair.en["text"])
        nl = acronyms_in(pair.nl["text"])
        # Compare in Dutch terms; an English acronym the Dutch text spells out (DIY ->
        # doe-het-zelf) counts when the spelled-out form is there.
        nl_text = pair.nl["text"].casefold()
        expected = [(mapping.get(a, a), span) for a, span in en
                    if not (mapping.get(a, a).casefold() in nl_text
                            and not ACRONYM.fullmatch(mapping.get(a, a)))]
        reverse = {nl_form: en_form for en_form, nl_form in mapping.items()}

        def label(token: str, reverse: dict[str, str] = reverse) -> str:
            en_form = reverse.get(token, token)
            return token if en_form == token else f"{en_form}/{token}"

        yield from _compare(pair, "acronyms", Severity.warning, {"en": expected, "nl": nl},
                            label=label)
