"""The bilingual glossary (`glossary.yaml`): key terms with their accepted forms per language,
and acronyms that differ between languages. People edit it; it is read safely and checked."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from drugstrat.errors import KBError
from drugstrat.textutil import fold, fold_with_offsets, original_span

GLOSSARY_FILE = "glossary.yaml"


@dataclass(frozen=True)
class Term:
    forms: dict[str, tuple[str, ...]]  # lang -> accepted forms

    def label(self, lang: str) -> str:
        """The term's first form in a language, as a person writes it."""
        return self.forms.get(lang, ("?",))[0].strip("*")

    def found(self, lang: str, text: str) -> list[tuple[int, int]]:
        """Spans of this term's forms in a text, case, accents and hyphens ignored."""
        return find_forms(self.forms.get(lang, ()), lang, text)


# Matching a form (README, "Glossary"): case, accents and hyphens are ignored; a plain form
# matches at a word's start with a short ending (plural, inflection), or in Dutch as the head of
# a compound ("drugshandel"); `stem*` matches with any ending, and in Dutch also inside a
# compound ("verslav*" in "gedragsverslaving"); `*head` matches only as a compound's head
# ("*handel": "drugshandel", not "handelen").
MAX_ENDING = {"en": 3, "nl": 2}
MIN_MODIFIER = 3  # letters before a compound's head: "drugs|handel", not "be|handel|t"


@lru_cache(maxsize=16)
def _suspended(lang: str) -> re.Pattern[str]:
    """"a- en b": a suspended compound, joined by one of the language's conjunctions."""
    from drugstrat.lang import LANGUAGES

    table = LANGUAGES.get(lang)
    words = [c for c in (table.conjunctions if table else ()) if "/" not in c] or ["and"]
    joined = "|".join(re.escape(w) for w in words)
    return re.compile(rf"([^\W\d_]+)-,?\s+(?:{joined})\s+([^\W\d_]+)")


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
    expansions = []
    for match in _suspended(lang).finditer(folded):
        modifier, full = match.group(1), match.group(2)
        span = original_span(offsets, match.start(1), match.end(1), len(text))
        expansions.extend((modifier + full[cut:], span) for cut in range(1, len(full) - 2))
    return folded.replace("-", " "), offsets, expansions, frozenset(h + 1 for h in heads)


def find_forms(forms: tuple[str, ...], lang: str, text: str) -> list[tuple[int, int]]:
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
            if _fits_word(plain, start, end, lang, stem=stem, head_only=head_only,
                          elided_head=start in heads):
                spans.add(original_span(offsets, start, end, len(text)))
            start = plain.find(needle, start + 1)
        if not head_only:
            spans.update(span for word, span in expansions
                         if word.startswith(needle) and (stem or len(word) - len(needle) <=
                                                         MAX_ENDING.get(lang, 2) + 3))
    return sorted(spans)


def _fits_word(text: str, start: int, end: int, lang: str, *, stem: bool,
               head_only: bool, elided_head: bool = False) -> bool:
    ending = 0
    while end + ending < len(text) and text[end + ending].isalpha():
        ending += 1
    modifier = 0
    while start - modifier > 0 and text[start - modifier - 1].isalpha():
        modifier += 1
    short_ending = stem or ending <= MAX_ENDING.get(lang, 2)
    if elided_head:
        return short_ending
    if modifier == 0:
        return not head_only and short_ending
    if lang != "nl":
        return False
    # A stem may sit after a prefix ("ge|monitor|d"); a plain head needs a real modifier.
    return modifier >= (2 if stem else MIN_MODIFIER) and short_ending


@dataclass
class Glossary:
    terms: list[Term] = field(default_factory=list)
    acronyms: dict[str, dict[str, str]] = field(default_factory=dict)  # en acronym -> {lang: ..}
    path: Path | None = None


def glossary_path(root: Path) -> Path:
    """A knowledge base's own glossary, else the bundled one."""
    from drugstrat.paths import bundled_data_dir

    own = root / GLOSSARY_FILE
    return own if own.is_file() else bundled_data_dir() / GLOSSARY_FILE


def load(path: Path) -> Glossary:
    from ruamel.yaml import YAML
    from ruamel.yaml.error import YAMLError

    if not path.is_file():
        return Glossary(path=None)
    try:
        data = YAML(typ="safe").load(path.read_bytes()) or {}
    except YAMLError as exc:
        raise KBError(f"{path}: invalid YAML: {exc}") from None
    if not isinstance(data, dict):
        raise KBError(f"{path}: expected a mapping with 'terms' and 'acronyms'")
    glossary = Glossary(path=path)
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
        if not isinstance(entry, dict) or "en" not in entry:
            raise KBError(f"{path}: acronym {n} needs an 'en' key")
        glossary.acronyms[str(entry["en"])] = {str(k): str(v) for k, v in entry.items()}
    return glossary
