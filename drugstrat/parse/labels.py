"""The shapes of the genre's labels, with each language's words filled in: headings, numbered
objectives, endnotes, title-page facts and people's names."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple, TypedDict

from drugstrat.languages import Language, language
from drugstrat.parse.inline import strip_marks

ROMAN = re.compile(r"^([IVXLCDM]+)\.\s*(.*)$")
NUMBERED_OBJECTIVE = re.compile(r"^(\d+)\.(\d+)\.?\s+(\S.*)$", re.DOTALL)
ENDNOTE = re.compile(r"^([⁰¹²³⁴⁵⁶⁷⁸⁹]+|\d{1,3}[.)]?)\s*(\S.*)$", re.DOTALL)
PERIOD = re.compile(r"^\d{4}\s*[-–—]\s*\d{4}$")
# Trailing leader dots and a page number, as tables of contents extracted from PDF carry them.
TOC_LEADER = re.compile(r"[\s.·…]*\d*\s*$")
MAX_HEADING = 80  # characters: anything longer is a sentence, not a heading


class Person(TypedDict, total=False):
    honorific: str
    name: str
    office: str


class Labels(NamedTuple):
    objective: re.Pattern[str]  # "SO. 3 Title" -> number, title
    honorific: re.Pattern[str]  # "Mr. Jan Peeters, Minister of …" -> honorifics, the rest
    date: re.Pattern[str]  # "2 March 2026", "March 2026"
    specific_labels: frozenset[str]  # "specific objectives", folded


@lru_cache(maxsize=16)
def labels(code: str) -> Labels:
    """The compiled label patterns of a language (by code: a table holds a dict, which does not
    hash)."""
    lang = language(code)
    return Labels(
        objective=re.compile(
            r"^(?:" + "|".join(re.escape(label) for label in lang.objective_labels) + r")"
            r"\.?\s*(\d+)\b\.?\s*[:.–-]?\s*(.*)$", re.DOTALL),
        honorific=re.compile(
            r"^((?:(?:" + "|".join(re.escape(h) for h in lang.honorifics) + r")\s+)+)(\S.*)$",
            re.DOTALL),
        date=re.compile(r"(\d{1,2}\s+)?(" + "|".join(re.escape(m) for m in lang.months)
                        + r")\s+\d{4}", re.IGNORECASE),
        specific_labels=frozenset(label.casefold() for label in lang.specific_objectives_labels),
    )


def roman_to_int(numeral: str) -> int:
    values = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}
    total = 0
    for i, ch in enumerate(numeral):
        value = values[ch]
        total += -value if i + 1 < len(numeral) and values[numeral[i + 1]] > value else value
    return total


def is_section_title(title: str) -> bool:
    """A numbered section's title is short, upper-case and no sentence: "I. INTRODUCTION"."""
    return bool(title) and len(title) < MAX_HEADING and not title.endswith(".") \
        and title.isupper()


def section_key(lang: Language, title: str) -> str | None:
    """The language-neutral key of a section heading ("INLEIDING" -> "intro"), if known."""
    return lang.section_names.get(title.rstrip(":").strip().upper())


def person(lang: Language, text: str) -> Person | None:
    """Honorific, name and office of a line naming a person ("Mr. Jan Peeters, Minister of
    Justice"), or None."""
    match = labels(lang.code).honorific.match(strip_marks(text)[0])
    if not match:
        return None
    name, _, office = match.group(2).partition(",")
    found = Person(honorific=match.group(1).strip(), name=name.strip())
    if office.strip():
        found["office"] = office.strip()
    return found
