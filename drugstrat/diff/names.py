"""Proper names that must not change between the languages, with near-miss spellings."""

from __future__ import annotations

import re
from collections.abc import Iterator

from drugstrat.diff.model import Document, Finding, Pair, Severity, check, excerpt
from drugstrat.languages import all_of
from drugstrat.text.fold import fold

# A name: capitalised words, possibly joined by lower-case particles ("Jan van der Berg"), as
# every language table lists them: a name stands the same in both versions.
_PARTICLES = "|".join(re.escape(p) for p in all_of("name_particles"))
NAME = re.compile(rf"(?<![\w.])(?:[A-Z][\w'’-]+)(?:\s+(?:(?:{_PARTICLES})\s+)*"
                  r"[A-Z][\w'’-]+)*")
NEAR_MISS = 85  # rapidfuzz ratio above which a different spelling is the same name


def shared_names(doc: Document) -> set[str]:
    """Names written in both language versions somewhere: those are not translated, so they must
    be spelled the same wherever they occur."""
    if "names" not in doc.memo:
        found = [{m.group() for r in records for m in NAME.finditer(r["text"])
                  if _looks_like_name(m.group())} for records in doc.versions.values()]
        doc.memo["names"] = set.intersection(*found) | people(doc)
    return doc.memo["names"]


def people(doc: Document) -> set[str]:
    """The names of the people who sign or coordinate the document."""
    return {r["name"] for records in doc.versions.values() for r in records if "name" in r}


def _looks_like_name(candidate: str) -> bool:
    # One capitalised word is usually a sentence start; two or more, or an internal capital
    # ("Dilliès" no, "LGBTQIA" no, "McDonald" yes), make a name worth checking.
    return " " in candidate and len(candidate) >= 6


@check("names", Severity.warning, "a proper name spelled differently in the other language "
                                  "(a person's name: an error)")
def names(doc: Document) -> Iterator[Finding]:
    from rapidfuzz import fuzz, process

    known = shared_names(doc)
    for pair in doc.pairs:
        reported: set[frozenset[str]] = set()
        # A person signing is named in both versions: any other name there is another person.
        names_of = {lang: record.get("name", "") for lang, record, _ in pair.sides()}
        a, b = doc.langs
        if all(names_of.values()) and names_of[a] != names_of[b] and \
                fold(names_of[a]) == fold(names_of[b]):
            spans = {lang: _span(pair[lang]["text"], names_of[lang]) for lang in (a, b)}
            yield Finding(
                pair.id, pair.type, "names", Severity.warning,
                f"«{names_of[a]}» ({a}) is written «{names_of[b]}» in {b}",
                {lang: excerpt(pair[lang]["text"], *spans[lang][0]) for lang in (a, b)},
                key="case:" + "|".join(sorted(names_of.values())), spans=spans)
        elif all(names_of.values()) and fold(names_of[a]) != fold(names_of[b]):
            spans = {lang: _span(pair[lang]["text"], names_of[lang]) for lang in (a, b)}
            reported.add(frozenset(names_of.values()))
            near = fuzz.ratio(fold(names_of[a]), fold(names_of[b])) >= NEAR_MISS
            yield Finding(
                pair.id, pair.type, "names", Severity.error,
                f"«{names_of[a]}» ({a}) is " + (f"spelled «{names_of[b]}» in {b}" if near
                                                 else f"«{names_of[b]}» in {b}: another person"),
                {lang: excerpt(pair[lang]["text"], *spans[lang][0]) for lang in (a, b)},
                key="|".join(sorted(names_of.values())), spans=spans)
        for lang, record, other_record in pair.sides():
            other = other_record["lang"]
            candidates = [m.group() for m in NAME.finditer(other_record["text"])]
            if not candidates:
                continue
            for match in NAME.finditer(record["text"]):
                name = match.group()
                if name not in known or name in other_record["text"]:
                    continue
                _, score, index = process.extractOne(
                    fold(name), [fold(c) for c in candidates], scorer=fuzz.ratio)
                spelled = candidates[index]
                if score < NEAR_MISS or frozenset((name, spelled)) in reported:
                    continue
                reported.add(frozenset((name, spelled)))
                at = other_record["text"].find(spelled)
                person = name in people(doc) or spelled in people(doc)
                yield Finding(
                    pair.id, pair.type, "names", Severity.error if person else Severity.warning,
                    f"«{name}» is spelled «{spelled}» in {other}",
                    {lang: excerpt(record["text"], *match.span()),
                     other: excerpt(other_record["text"], at, at + len(spelled))},
                    key="|".join(sorted((name, spelled))),
                    spans={lang: [match.span()], other: [(at, at + len(spelled))]},
                )
        yield from _people_in_one(doc, pair, reported)


def _people_in_one(doc: Document, pair: Pair,
                   reported: set[frozenset[str]]) -> Iterator[Finding]:
    """A person the document names (a signatory, a coordinator) named in one version of a
    record and not in the other: a name is never translated, so the other version names
    someone else there, or no one."""
    for lang, record, other_record in pair.sides():
        other = other_record["lang"]
        theirs = fold(other_record["text"])
        for person, pattern in _named_people(doc):
            if fold(person) in theirs or any(person in seen for seen in reported):
                continue
            if (match := pattern.search(record["text"])) is not None:
                yield Finding(
                    pair.id, pair.type, "names", Severity.error,
                    f"«{person}» is named in {lang} and not in {other}",
                    {lang: excerpt(record["text"], *match.span()),
                     other: excerpt(other_record["text"], width=90)},
                    key=f"one:{lang}:{person}", spans={lang: [match.span()]})


def _named_people(doc: Document) -> list[tuple[str, re.Pattern[str]]]:
    """The people of the document whose names are worth looking for, each with its pattern
    (found once a document)."""
    if "named people" not in doc.memo:
        doc.memo["named people"] = [(person, re.compile(rf"(?<!\w){re.escape(person)}(?!\w)"))
                                    for person in sorted(people(doc))
                                    if _looks_like_name(person)]
    return doc.memo["named people"]


def _span(text: str, name: str) -> list[tuple[int, int]]:
    at = text.find(name)
    return [(at, at + len(name))] if at >= 0 else [(0, 0)]
