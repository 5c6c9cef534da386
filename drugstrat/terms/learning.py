"""Learning a lexicon from two languages of aligned records: the record pairs as training segments
(sentence by sentence where both have as many), the glossary's seeds, and IBM Model 1 over them
(`drugstrat.terms.lexicon.train`). Where a knowledge base keeps what was learned is
`drugstrat.kb.lexicon`'s business.
"""

from __future__ import annotations

from collections.abc import Iterator

from drugstrat.languages import Language, language
from drugstrat.record import PEOPLE_TYPES, Record
from drugstrat.terms.dictindex import lookup, stamp
from drugstrat.terms.glossary import Glossary
from drugstrat.terms.lexicon import HABIT_CELLS, Lexicon, Segment, train, within_budget
from drugstrat.terms.links import Seeds
from drugstrat.terms.tokens import Tokenizer, find_compounds, tokenize
from drugstrat.text.sentences import sentences
from drugstrat.text.words import words

# Records whose text is no translation of prose: derived names and the table of contents.
NOT_PROSE = {"target_group", "toc_entry"}
# A segment whose words, counted roughly, make this many cells is past any budget of training
# (`within_budget`: tokens are never many fewer than words), so it is not even tokenized.
FAR_PAST_BUDGET = 4 * HABIT_CELLS


def learn(versions: dict[str, list[Record]], langs: tuple[str, str],
          glossary: Glossary) -> Lexicon:
    """The lexicon of two languages of aligned records."""
    a, b = langs
    tables = {lang: language(lang) for lang in langs}
    compounds = {lang: find_compounds((w for r in versions[lang] for w in words(r["text"])),
                                      tables[lang]) for lang in langs}
    theirs = {r["id"]: r for r in versions[b]}
    tokenizers = {lang: Tokenizer(tables[lang], compounds[lang]) for lang in langs}

    def segments() -> Iterator[Segment]:
        for mine in versions[a]:
            other = theirs.get(mine["id"])
            if other is None or mine["type"] in NOT_PROSE or any(
                    r.get("merges") or r.get("continues") for r in (mine, other)):
                continue
            yield from _segments(mine, other, tables, tokenizers)

    seeds, fixed = glossary_seeds(glossary, langs, compounds)
    # Only what training reads is tokenized: a long document is learned from its first part.
    sample = within_budget(segments(), HABIT_CELLS)
    present = {a: {k for s in sample for t in s.a for k in t.keys},
               b: {k for s in sample for t in s.b for k in t.keys}}
    general, used = dictionary_seeds(langs, tokenizers, present)
    lexicon = train(sample, langs, seeds | general, compounds, fixed)
    lexicon.attested = {f"{x}\t{y}" for x, y in seeds | fixed | general}
    lexicon.seeded_by = ["glossary", *used] if glossary.terms else used
    return lexicon


def dictionary_seeds(langs: tuple[str, str], tokenizers: dict[str, Tokenizer],
                     present: dict[str, set[str]]) -> tuple[Seeds, list[str]]:
    """Pairs of keys a general bilingual dictionary (FreeDict, where installed) gives for the
    words these texts hold, both ways; and the dictionaries read ("freedict-eng-nld 0.2")."""
    a, b = langs
    seeds: Seeds = set()
    used: list[str] = []
    for source, target in ((a, b), (b, a)):
        found = lookup(source, target, present[source], present[target])
        if found is None:
            continue
        label, entries = found
        used.append(label)
        for _head_stems, _tail_stems, head, tail in entries:
            mine = [k for t in tokenizers[source].tokenize(head) if t.content for k in t.keys]
            theirs = [k for t in tokenizers[target].tokenize(tail) if t.content
                      for k in t.keys]
            if mine and theirs and present[source].issuperset(mine) and \
                    present[target].issuperset(theirs):
                seeds.update((x, y) if source == a else (y, x) for x in mine for y in theirs)
    return seeds, used


def dictionaries(langs: tuple[str, ...]) -> list[list[str | int]]:
    """Which general dictionaries a pair's lexicon would be seeded by on this machine (their
    files, sizes and times): what tells a kept lexicon from one to learn again."""
    out: list[list[str | int]] = []
    if len(langs) == 2:
        for source, target in ((langs[0], langs[1]), (langs[1], langs[0])):
            if (found := stamp(source, target)) is not None:
                out.append(found)
    return out


def _segments(mine: Record, other: Record, tables: dict[str, Language],
              tokenizers: dict[str, Tokenizer]) -> list[Segment]:
    """A record pair as segments: sentence by sentence where both have as many sentences
    (shorter segments teach the lexicon more), else whole."""
    a, b = mine["lang"], other["lang"]
    ta, tb = tables[a], tables[b]
    texts = [(mine["text"], other["text"])]
    if mine["type"] not in PEOPLE_TYPES:
        split = (sentences(mine["text"], ta), sentences(other["text"], tb))
        if len(split[0]) == len(split[1]) > 1:
            texts = list(zip(*split, strict=True))
    return [Segment(mine["id"], tokenizers[a].tokenize(x), tokenizers[b].tokenize(y))
            for x, y in texts if len(words(x)) * len(words(y)) <= FAR_PAST_BUDGET]


def glossary_seeds(glossary: Glossary, langs: tuple[str, str],
                   compounds: dict[str, dict[str, tuple[str, ...]]]) -> tuple[Seeds, Seeds]:
    """Pairs of keys the glossary gives: every pair of words of two forms of a term seeds the
    training; where both forms are one word, the pair is a translation whatever the text says."""
    a, b = langs
    seeds: Seeds = set()
    fixed: Seeds = set()
    for term in glossary.terms:
        for form_a in term.forms.get(a, ()):
            keys_a = _form_keys(form_a, a, compounds)
            for form_b in term.forms.get(b, ()):
                keys_b = _form_keys(form_b, b, compounds)
                pairs = {(x, y) for x in keys_a for y in keys_b}
                (fixed if len(keys_a) == len(keys_b) == 1 else seeds).update(pairs)
    return seeds, fixed


def _form_keys(form: str, lang: str, compounds: dict[str, dict[str, tuple[str, ...]]]
               ) -> list[str]:
    return [k for t in tokenize(form.strip("*"), language(lang), compounds.get(lang))
            if t.content for k in t.keys]


