"""The bilingual glossary (`glossary.yaml`): the domain's key terms with their accepted forms in
each language, and acronyms that differ between languages. People edit it; it is read safely and
checked.

Matching a form (README, "The glossary"): case, accents and hyphens are ignored; a plain form
matches at a word's start with a short inflection, or — in a language that writes compounds as
one word — as the head of a compound ("handel" in "drugshandel"); `stem*` matches with any ending,
and in such a language also inside a compound ("verslav*" in "gedragsverslaving"); `*head`
matches only as a compound's head ("*handel": "drugshandel", not "handelen").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from drugstrat.errors import KBError
from drugstrat.languages import LANGUAGES, Language
from drugstrat.text.fold import fold, fold_with_offsets, original_span

MIN_MODIFIER = 3  # letters before a compound's head: "drugs|handel", not "be|handel|t"
# A language the glossary names but the tool has no table for is matched as one without
# closed compounds.
_UNKNOWN = Language(code="", name="", objective_labels=(), specific_objectives_labels=(),
                    strategic_objective_name="", specific_objective_name="", section_names={},
                    honorifics=(), months=(), aims_cues=(), means_cues=(), group_heads=(),
                    group_cues=(), conjunctions=("and",))


def _table(lang: str) -> Language:
    return LANGUAGES.get(lang, _UNKNOWN)


@dataclass(frozen=True)
class Term:
    forms: dict[str, tuple[str, ...]]  # lang -> accepted forms

    @property
    def key(self) -> str:
        """How the term is named whatever the languages: its first form in its first
        language."""
        return next(iter(self.forms.values()))[0].strip("*")

    def label(self, lang: str) -> str:
        """The term's first form in a language, as a person writes it."""
        return self.forms.get(lang, ("?",))[0].strip("*")

    def found(self, lang: str, text: str) -> list[tuple[int, int]]:
        """Spans of this term's forms in a text."""
        return find_forms(self.forms.get(lang, ()), lang, text)


@dataclass
class Glossary:
    terms: list[Term] = field(default_factory=list)
    # Acronyms that differ between the languages: each entry maps languages to acronyms
    # ({"en": "GDPC", "nl": "ACD"}).
    acronyms: list[dict[str, str]] = field(default_factory=list)

    def acronym_map(self, source: str, target: str) -> dict[str, str]:
        """Acronym in `source` -> its counterpart in `target`."""
        return {entry[source]: entry[target] for entry in self.acronyms
                if source in entry and target in entry}


@lru_cache(maxsize=16)
def _suspended(lang: str) -> re.Pattern[str]:
    """"a- en b": a suspended compound, joined by one of the language's conjunctions."""
    words = [c for c in _table(lang).conjunctions if "/" not in c] or ["and"]
    joined = "|".join(re.escape(w) for w in words)
    # A chain of modifiers: "huis-, arbeids- en sportartsen".
    return re.compile(rf"((?:[^\W\d_]+-,?\s+)+)(?:{joined})\s+([^\W\d_]+)")


@lru_cache(maxsize=8192)
def _prepared(
    text: str, lang: str,
) -> tuple[str, list[int], list[tuple[str, tuple[int, int]]], frozenset[int]]:
    """A text folded for matching (hyphens as spaces), its offsets, and the words that its
    suspended compounds stand for: "risico- en schadebeperkende" holds "risicobeperkende"
    (every ending of the full word is tried, since where its head starts is unknown)."""
    folded, offsets = fold_with_offsets(text)
    # "drugsproductie en -handel": a word after a hyphen is the head of an elided compound.
    heads = {m.start() for m in re.finditer(r"(?<=[\s(])-(?=[^\W\d_])", folded)}
    expansions: list[tuple[str, tuple[int, int]]] = []
    for match in _suspended(lang).finditer(folded):
        full = match.group(2)
        for modifier in re.finditer(r"[^\W\d_]+(?=-)", match.group(1)):
            at = match.start(1) + modifier.start()
            span = original_span(offsets, at, at + len(modifier.group()), len(text))
            expansions.extend((modifier.group() + full[cut:], span)
                              for cut in range(1, len(full) - 2))
    return folded.replace("-", " "), offsets, expansions, frozenset(h + 1 for h in heads)


def find_forms(forms: tuple[str, ...], lang: str, text: str) -> list[tuple[int, int]]:
    """Spans in `text` where any of a term's `forms` in language `lang` stands."""
    table = _table(lang)
    plain, offsets, expansions, heads = _prepared(text, lang)
    spans: set[tuple[int, int]] = set()
    for form in forms:
        stem, head_only = form.endswith("*"), form.startswith("*")
        needle = fold(form.strip("*")).replace("-", " ")
        if not needle:
            continue
        start = plain.find(needle)
        while start >= 0:
            end = start + len(needle)
            if _fits_word(plain, start, end, table, stem=stem, head_only=head_only,
                          elided_head=start in heads):
                spans.add(original_span(offsets, start, end, len(text)))
            start = plain.find(needle, start + 1)
        if not head_only:
            spans.update(span for word, span in expansions
                         if word.startswith(needle)
                         and (stem or word[len(needle):] in ("", *table.inflection_endings)))
    return sorted(spans)


def _fits_word(text: str, start: int, end: int, table: Language, *, stem: bool,
               head_only: bool, elided_head: bool = False) -> bool:
    ending = end
    while ending < len(text) and (text[ending].isalpha() or text[ending] in "'’"):
        ending += 1
    modifier = 0
    while start - modifier > 0 and text[start - modifier - 1].isalpha():
        modifier += 1
    short_ending = stem or text[end:ending] in ("", *table.inflection_endings)
    if elided_head:
        return short_ending
    if modifier == 0:
        return not head_only and short_ending
    if not table.closed_compounds:
        return False
    # A stem may sit after a prefix ("ge|monitor|d"); a plain head needs a real modifier.
    return modifier >= (2 if stem else MIN_MODIFIER) and short_ending


def load(path: Path) -> Glossary:
    # A search reads the glossary from its index: ruamel.yaml is imported by those who parse it.
    from drugstrat.storage import yamlfile

    if not path.is_file():
        return Glossary()
    data = yamlfile.load(path) or {}
    if not isinstance(data, dict):
        raise KBError(f"{path}: expected a mapping with 'terms' and 'acronyms'")
    glossary = Glossary()
    for n, entry in enumerate(data.get("terms") or [], start=1):
        if not isinstance(entry, dict) or not entry:
            raise KBError(f"{path}: term {n} must map languages to lists of forms")
        forms = {}
        for lang, values in entry.items():
            values = [values] if isinstance(values, str) else values
            if not isinstance(values, list) or not all(isinstance(v, str) and v.strip()
                                                       for v in values):
                raise KBError(f"{path}: term {n}: {lang} must be a list of words")
            forms[str(lang)] = tuple(v.strip() for v in values)
        glossary.terms.append(Term(forms))
    for n, entry in enumerate(data.get("acronyms") or [], start=1):
        if not isinstance(entry, dict) or len(entry) < 2:
            raise KBError(f"{path}: acronym {n} must map two or more languages to acronyms")
        glossary.acronyms.append({str(k): str(v) for k, v in entry.items()})
    return glossary
