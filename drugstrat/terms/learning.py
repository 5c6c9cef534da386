"""Learning a lexicon from two languages of aligned records: the record pairs as training segments
(sentence by sentence where both have as many), the glossary's seeds, and IBM Model 1 over them
(`drugstrat.terms.lexicon.train`). Where a knowledge base keeps what was learned is
`drugstrat.kb.lexicon`'s business.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path

from drugstrat.languages import Language, language
from drugstrat.record import PEOPLE_TYPES, Record
from drugstrat.terms.glossary import Glossary
from drugstrat.terms.lexicon import HABIT_CELLS, Lexicon, Segment, train, within_budget
from drugstrat.terms.links import Seeds
from drugstrat.terms.tokens import Tokenizer, find_compounds, tokenize
from drugstrat.text.sentences import sentences
from drugstrat.text.words import words

# Records whose text is no translation of prose: derived names and the table of contents.
NOT_PROSE = {"target_group", "toc_entry"}


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
        prepared = _prepared(source, target)
        if prepared is None:
            continue
        label, index = prepared
        used.append(label)
        for stem in present[source] & index.keys():
            for head_stems, tail_stems, head, tail in index[stem]:
                if not (present[source].issuperset(head_stems)
                        and present[target].issuperset(tail_stems)):
                    continue
                mine = [k for t in tokenizers[source].tokenize(head) if t.content
                        for k in t.keys]
                theirs = [k for t in tokenizers[target].tokenize(tail) if t.content
                          for k in t.keys]
                if mine and theirs and present[source].issuperset(mine) and \
                        present[target].issuperset(theirs):
                    seeds.update((x, y) if source == a else (y, x)
                                 for x in mine for y in theirs)
    return seeds, used


def dictionaries(langs: tuple[str, ...]) -> list[list[str | int]]:
    """Which general dictionaries a pair's lexicon would be seeded by on this machine (their
    files, sizes and times): what tells a kept lexicon from one to learn again."""
    out: list[list[str | int]] = []
    if len(langs) == 2:
        for source, target in ((langs[0], langs[1]), (langs[1], langs[0])):
            if (stamp := _stamp(source, target)) is not None:
                out.append(stamp)
    return out


Entry = tuple[list[str], list[str], str, str]  # head's stems, translation's stems, both written
Index = dict[str, list[Entry]]
INDEX_VERSION = 1


def _stamp(source: str, target: str) -> list[str | int] | None:
    from drugstrat.terms.freedict import find

    codes = language(source).iso639_3, language(target).iso639_3
    found = find(*codes) if all(codes) else None
    if found is None:
        return None
    info = found[1].stat()
    return [str(found[1]), info.st_size, info.st_mtime_ns]


@lru_cache(maxsize=8)
def _prepared(source: str, target: str) -> tuple[str, Index] | None:
    """The dictionary from one language to the other with the stems of its words, by the stem
    of their first word, so that a build looks up only the entries its own words can match;
    None where none is installed. Made once a machine: kept in the user's cache directory,
    stamped with the dictionary file and the stemmers (reading and stemming a dictionary takes
    longer than building a strategy)."""
    import json

    stamp = _stamp(source, target)
    if stamp is None:
        return None
    key = [INDEX_VERSION, stamp, language(source).snowball, language(target).snowball]
    path = _index_path(source, target)
    try:
        kept = json.loads(path.read_bytes()) if path is not None else None
        if isinstance(kept, dict) and kept.get("key") == key:
            return str(kept["label"]), kept["index"]
    except (OSError, ValueError, KeyError, TypeError):
        pass
    made = _index(source, target)
    if made is not None and path is not None:
        from drugstrat.storage.atomic import atomic_write_text

        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            atomic_write_text(path, json.dumps({"key": key, "label": made[0], "index": made[1]},
                                               ensure_ascii=False, separators=(",", ":")))
        except OSError:
            pass  # nowhere to keep it: made again next time
    return made


def _index_path(source: str, target: str) -> Path | None:
    import os

    base = os.environ.get("XDG_CACHE_HOME") or (Path.home() / ".cache")
    return Path(base) / "drugstrat" / f"freedict-{source}-{target}.json"


def _index(source: str, target: str) -> tuple[str, Index] | None:
    from drugstrat.terms.freedict import load
    from drugstrat.text.stem import snowball_many

    found = load(language(source).iso639_3, language(target).iso639_3)
    if found is None:
        return None
    split = [(head.casefold().split(), tail.casefold().split()) for head, tail in found.entries]
    stems = [snowball_many({w for pair in split for w in pair[side]}, language(lang))
             for side, lang in ((0, source), (1, target))]
    index: Index = {}
    for (head, tail), (head_words, tail_words) in zip(found.entries, split, strict=True):
        if head_words and tail_words:
            head_stems = [stems[0][w] for w in head_words]
            index.setdefault(head_stems[0], []).append(
                (head_stems, [stems[1][w] for w in tail_words], head, tail))
    return f"{found.name} {found.edition}".strip(), index


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
            for x, y in texts]


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


