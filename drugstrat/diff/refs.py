"""Numbers, dates, endnote markers, addresses and acronyms: tokens a translation must carry over,
compared the way each language writes them."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterator
from functools import lru_cache

from drugstrat.diff.model import Document, Finding, Pair, Severity, Span, check, excerpt
from drugstrat.languages import Language
from drugstrat.parse.inline import FOOTNOTE_MARK
from drugstrat.text.urls import ADDRESS as URL

Tokens = list[tuple[str, Span]]
ACRONYM = re.compile(r"(?<![\w-])[A-Z][A-Z0-9&+]*[A-Z+](?![\w-])")
ROMAN_NUMERAL = re.compile(r"^[IVXLCDM]+$")
_MARKS = "⁰¹²³⁴⁵⁶⁷⁸⁹"  # endnote marks


@lru_cache(maxsize=16)
def _number_pattern(separators: str) -> re.Pattern[str]:
    """A number, with the language's separators and an optional percent sign; a year's decade
    ("1990s", "1990er", "années 1990") counts as the year."""
    marks = re.escape(separators)
    # An endnote mark may follow ("1990s³"): it is no part of the number.
    return re.compile(rf"(?<![\w{marks}])\d+(?:[{marks}]\d+)*"
                      rf"(?:\s?%|(?<=\d{{4}})[^\W\d_{_MARKS}]{{1,3}})?(?![^\W{_MARKS}])")


def number_tokens(text: str, lang: Language) -> Tokens:
    """Numbers and month names as language-neutral tokens, with their spans.

    `1,5` (nl) and `1.5` (en) both give `1.5`; `1.000` (nl) and `1,000` (en) give `1000`;
    `April`/`april` give `month:4`, so `7 April 2023` equals `7 april 2023`.
    """
    tokens: Tokens = []
    thousands = lang.thousands_separator
    separators = "".join(dict.fromkeys(".," + lang.decimal_separator + thousands))
    for match in _number_pattern(separators).finditer(text):
        raw = match.group().replace(" ", "").rstrip("".join(
            ch for ch in match.group() if ch.isalpha()))
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


def _compare(pair: Pair, name: str, severity: Severity, tokens: dict[str, Tokens],
             label: Callable[[str], str] = str) -> Iterator[Finding]:
    """One finding per token whose count differs between the languages."""
    a, b = pair.a["lang"], pair.b["lang"]
    counts = {lang: Counter(t for t, _ in found) for lang, found in tokens.items()}
    for token in sorted(set(counts[a]) | set(counts[b])):
        n, m = counts[a][token], counts[b][token]
        if n == m:
            continue
        spans = {lang: [span for t, span in found if t == token]
                 for lang, found in tokens.items()}
        where = {lang: " … ".join(excerpt(pair[lang]["text"], s, e, 50)
                                  for s, e in spans[lang]) or "(none)" for lang in (a, b)}
        yield Finding(
            pair.id, pair.type, name, severity,
            f"{label(token)} appears {n}× in {a} and {m}× in {b}", where, key=token,
            spans=spans,
        )


@check("numbers", Severity.error, "numbers, years, dates or percentages that differ")
def numbers(doc: Document) -> Iterator[Finding]:
    for pair in doc.prose_pairs():
        if pair.type in ("toc_entry", "section"):
            continue
        tokens = {lang: number_tokens(r["text"], doc.tables[lang]) for lang, r, _ in pair.sides()}
        yield from _compare(pair, "numbers", Severity.error, tokens,
                            label=lambda t: t.replace("month:", "month "))


@check("footnotes", Severity.error, "endnote markers (¹ ²…) that differ")
def footnotes(doc: Document) -> Iterator[Finding]:
    for pair in doc.pairs:
        tokens = {lang: [(m.group(), m.span()) for m in FOOTNOTE_MARK.finditer(r["text"])]
                  for lang, r, _ in pair.sides()}
        yield from _compare(pair, "footnotes", Severity.error, tokens)


@check("urls", Severity.warning, "web or e-mail addresses that differ (a language-specific "
                                 "domain alone is info)")
def urls(doc: Document) -> Iterator[Finding]:
    a, b = doc.langs
    for pair in doc.pairs:
        found = {lang: [(m.group().lower(), m.span()) for m in URL.finditer(r["text"])]
                 for lang, r, _ in pair.sides()}
        if Counter(t for t, _ in found[a]) == Counter(t for t, _ in found[b]):
            continue
        same_count = len(found[a]) == len(found[b])
        severity = Severity.info if same_count else Severity.warning
        message = ("address differs between the languages (a language-specific domain?)"
                   if same_count else
                   f"{len(found[a])} address(es) in {a}, {len(found[b])} in {b}")
        yield Finding(
            pair.id, pair.type, "urls", severity, message,
            {lang: ", ".join(t for t, _ in found[lang]) or "(none)" for lang in (a, b)},
            key="|".join(sorted(t for t, _ in found[a] + found[b])),
            spans={lang: [s for _, s in f] for lang, f in found.items()},
        )


def acronyms_in(text: str) -> Tokens:
    letters = [ch for ch in text if ch.isalpha()]
    if letters and sum(ch.isupper() for ch in letters) > len(letters) / 2:
        return []  # a heading in capitals: every word would look like an acronym
    return [(m.group(), m.span()) for m in ACRONYM.finditer(text)
            if len(m.group()) >= 2 and not ROMAN_NUMERAL.match(m.group())]


def acronym_map(doc: Document) -> dict[str, str]:
    """Reference acronym -> the other language's: from the glossary, and from aligned records
    that define acronyms in parentheses at the same places ("(GDPC)" / "(ACD)")."""
    if "acronyms" in doc.memo:
        return doc.memo["acronyms"]
    a, b = doc.langs
    mapping = doc.glossary.acronym_map(a, b)
    defined = re.compile(r"\(([A-Z][A-Z0-9&+]+)\)")
    seen: Counter[tuple[str, str]] = Counter()  # (mine, theirs) -> records defining them so
    for pair in doc.pairs:
        mine = defined.findall(pair.a["text"])
        theirs = defined.findall(pair.b["text"])
        if mine and len(mine) == len(theirs):
            seen.update(dict.fromkeys(zip(mine, theirs, strict=True), 1))
    # An acronym has one counterpart, and is the counterpart of one: where two pairings
    # claim one acronym, the one more records define wins, then the one defined first (an
    # acronym put in another's place defines a pairing once, against the document's).
    taken = set(mapping.values())
    for (x, y), _ in seen.most_common():  # ties in the order first defined
        if x not in mapping and y not in taken:
            mapping[x] = y
            taken.add(y)
    doc.memo["acronyms"] = mapping
    return mapping


@check("acronyms", Severity.warning, "acronyms without their counterpart (GDPC ↔ ACD learnt "
                                     "from the glossary and from definitions at aligned places)")
def acronyms(doc: Document) -> Iterator[Finding]:
    mapping = acronym_map(doc)
    reverse = {theirs: mine for mine, theirs in mapping.items()}

    def label(token: str) -> str:
        mine = reverse.get(token, token)
        return token if mine == token else f"{mine}/{token}"

    a, b = doc.langs
    # An acronym the glossary knows to differ between languages, but not how this pair's other
    # language writes it (DIY: doe-het-zelf in Dutch; French not given), is no evidence.
    unknown = {side: {entry[side] for entry in doc.glossary.acronyms
                      if side in entry and doc.other(side) not in entry} for side in (a, b)}
    for pair in doc.prose_pairs():
        mine = [(x, span) for x, span in acronyms_in(pair.a["text"]) if x not in unknown[a]]
        theirs = [(x, span) for x, span in acronyms_in(pair.b["text"]) if x not in unknown[b]]
        # Compare in the other language's terms; an acronym that language spells out (DIY ->
        # doe-het-zelf) counts when the spelled-out form is there.
        their_text = pair.b["text"].casefold()
        expected = [(mapping.get(x, x), span) for x, span in mine
                    if not (mapping.get(x, x).casefold() in their_text
                            and not ACRONYM.fullmatch(mapping.get(x, x)))]
        yield from _compare(pair, "acronyms", Severity.warning, {a: expected, b: theirs},
                            label=label)
