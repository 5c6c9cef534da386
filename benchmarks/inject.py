"""Error-injection benchmark: how well does `drugstrat diff` find translation errors it was never
shown?

    python benchmarks/inject.py                          # the bundled en+nl pair, seed 1
    python benchmarks/inject.py --seed 7 --per-kind 10 --show-misses 5
    python benchmarks/inject.py --kinds drop-letter,replace-number --json > result.json
    python benchmarks/inject.py --source en=data/en/ids-2026-2029.en.txt \\
        --source nl=data/nl/ids-2026-2029.nl.txt \\
        --source fr=tests/data/fr/strategie-2026-2029.fr.txt --pair en:fr

The clean sources are built once (`drugstrat build`) and diffed once (`drugstrat diff --json
--fail-on never`): those findings are the noise level. Then, one at a time, ONE error is
injected at a random place (seeded `random.Random`, one generator per injection, so `--kinds`
picks the same injections as a full run) into one language of the pair (the non-reference one
three times in four), the sources are built and diffed again through the CLI (whose JSON is the
stable contract; two worker processes by default), and the new findings are scored. By default
19 kinds x 15 = 285 injections, about 2 s of CPU each: some 5-10 minutes on two cores.

Where an edit goes: the clean knowledge base's records (`drugstrat list --json`) give each
record's text and its source line; the record's text is found on that line (with the
`*`/`**` emphasis marks, which record texts do not hold, mapped around), candidate places are
gathered over every record the pair holds in both languages (target groups aside: they are
parts of their parent's text), and the generator picks one. Edits never cut through an emphasis
mark. Each edit says which record it changed and where, in that record's text before and
after; the edited knowledge base is checked to hold the record as expected ("verified").

A **new finding** is a finding at `warning` or `error` whose `finding` id the clean run does not
have, or has with new evidence: another message, or another number of marked places in either
language. (Its excerpts and the words under its spans change with any edit inside them: an
untranslated sentence stays the same finding whatever is edited in it.) A **hit** (strict) is
a new finding that
- is about the edited record (its `id`), or about one of that record's target groups the edit
  touches; for an edit of a whole record (a deleted or swapped list item) also about the list's
  parent (where `list-count` reports) or the item before or after it; and
- points at the edit: one of its `spans` overlaps (2 characters of slack, so a deletion point
  touching a span counts) the edited place in the edited language (in the edited text), or the
  corresponding place in the other language: the same sentence(s) when both texts have as many
  sentences, else the same share of the way into the text, widened by a tenth of its length (at
  least 40 characters). A finding without spans whose evidence is an excerpt of the record is
  placed by that excerpt; one with neither (`length-ratio`, `merged` …) is about the whole
  record and points at any edit in it. Edits of whole records point anywhere in them.
The **loose** ("on the record") hit drops the pointing: a new finding about the edited record,
its target groups, its list's parent or its list's other items.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SLACK = 2  # characters a span may miss the edited place by and still point at it
OTHER_SHARE = 0.75  # share of injections into the non-reference language

# --- Grammar: closed word classes per language (grammar, not document content) ---------------


@dataclass(frozen=True)
class Grammar:
    modals: tuple[tuple[str, ...], ...]  # rows of interchangeable modals (same person/number)
    auxiliaries: tuple[str, ...]  # finite verbs a negation attaches to
    negation: str  # the negation word added after an auxiliary ("" for French: ne … pas)
    removals: tuple[tuple[str, str], ...]  # (pattern, replacement) that drop a negation
    function_words: frozenset[str]
    of_words: tuple[str, ...]  # prepositions opening a complement ("of the X")
    series_markers: tuple[str, ...]  # what introduces a list of examples
    conjunctions: tuple[str, ...]
    hedges: tuple[str, ...] = ()  # what softens or stresses a statement, to drop


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


GRAMMAR = {
    "en": Grammar(
        modals=(("can", "must", "should", "may", "will", "shall"), ("could", "might", "would")),
        auxiliaries=("is", "are", "was", "were", "can", "must", "should", "may", "will", "would",
                     "could", "does", "do", "has", "have"),
        negation="not",
        removals=((r" not\b", ""), (r"\bcannot\b", "can"), (r"n't\b", "")),
        function_words=_words("a an the of in on at to for from by with and or but as that this "
                              "these those which who whom is are be been being was were it its "
                              "their our we they not no nor such than into within between both "
                              "either also all any each so if whereas while where when how"),
        of_words=("of the", "of", "for the", "in the"),
        series_markers=("e.g.", "such as", "including", "namely"),
        conjunctions=("and", "or"),
        hedges=("where possible", "as much as possible", "as far as possible", "if possible",
                "where necessary", "if necessary", "if needed", "where appropriate",
                "in principle", "in particular", "particularly", "especially", "mainly",
                "primarily", "partly", "largely", "potentially", "at least"),
    ),
    "nl": Grammar(
        modals=(("kan", "moet", "zal", "mag", "wil"),
                ("kunnen", "moeten", "zullen", "mogen", "willen")),
        auxiliaries=("is", "zijn", "wordt", "worden", "kan", "kunnen", "moet", "moeten", "zal",
                     "zullen", "mag", "mogen", "heeft", "hebben"),
        negation="niet",
        removals=((r" niet\b", ""), (r"\bgeen\b", "een")),
        function_words=_words("de het een van in op aan te voor door met en of maar als dat die "
                              "dit deze wie wat is zijn wordt worden hun ons onze we wij zij ze "
                              "niet geen ook om naar bij tot uit over zo er waar wanneer hoe "
                              "waarbij zowel alle elk elke"),
        of_words=("van de", "van het", "van", "voor de"),
        series_markers=("bv.", "bijvoorbeeld", "zoals", "o.a.", "onder andere", "namelijk"),
        conjunctions=("en", "of"),
        hedges=("waar mogelijk", "zoveel mogelijk", "zo veel mogelijk", "indien mogelijk",
                "waar nodig", "indien nodig", "zo nodig", "in principe", "in het bijzonder",
                "vooral", "voornamelijk", "hoofdzakelijk", "deels", "grotendeels",
                "potentieel", "ten minste"),
    ),
    "fr": Grammar(
        modals=(("peut", "doit", "pourra", "devra"), ("peuvent", "doivent", "pourront",
                                                      "devront")),
        auxiliaries=("est", "sont", "peut", "peuvent", "doit", "doivent", "a", "ont", "va",
                     "vont"),
        negation="",
        removals=((r"\bne (\w+) pas\b", r"\1"), (r"\bn[’'](\w+) pas\b", r"\1")),
        function_words=_words("le la les l un une des du de d à au aux en dans par pour sur avec "
                              "et ou mais que qui ce cette ces est sont être a ont il elle ils "
                              "nous leur leurs ne pas se sa son ses plus tant ainsi"),
        of_words=("de la", "du", "des", "de"),
        series_markers=("p. ex.", "par exemple", "tels que", "telles que", "tel que",
                        "telle que", "comme", "notamment", "à savoir"),
        conjunctions=("et", "ou"),
        hedges=("si possible", "dans la mesure du possible", "autant que possible",
                "si nécessaire", "le cas échéant", "en principe", "en particulier",
                "particulièrement", "surtout", "principalement", "en partie", "au moins"),
    ),
}


def grammar(lang: str) -> Grammar:
    # An unknown language gets English's tables: its modals and negation kinds then offer few
    # places, which the run reports as skipped rather than failing.
    return GRAMMAR.get(lang, GRAMMAR["en"])


# --- Records located in their source ---------------------------------------------------------


@dataclass(frozen=True)
class Rec:
    id: str
    type: str
    parent: str
    lang: str
    line: int  # 0-based index of its source line
    start: int  # offset of its text in the line's plain text (the line without `*` marks)
    text: str
    group: str  # the list it is an item of ("" when its line is no `- ` bullet)


@dataclass
class Source:
    """One language version: its source lines and the records found on them."""

    lang: str
    lines: list[str]
    records: list[Rec]
    marks: dict[int, list[int]] = field(default_factory=dict)  # line -> plain-to-source offsets

    def offsets(self, line: int) -> list[int]:
        if line not in self.marks:
            self.marks[line] = [i for i, ch in enumerate(self.lines[line]) if ch != "*"]
        return self.marks[line]

    def span(self, rec: Rec, a: int, b: int) -> tuple[int, int]:
        """The source-line range of characters [a, b) of a record's text."""
        index = self.offsets(rec.line)
        at = rec.start + a
        s = index[at] if at < len(index) else len(self.lines[rec.line])
        e = index[rec.start + b - 1] + 1 if b > a else s
        return s, e

    def editable(self, rec: Rec, a: int, b: int) -> bool:
        """Whether [a, b) of a record can be replaced without cutting an emphasis mark."""
        s, e = self.span(rec, a, b)
        return "*" not in self.lines[rec.line][s:e]

    def hosts(self) -> list[Rec]:
        """Records an edit may go into (target groups are parts of their parent's text)."""
        return [r for r in self.records if r.type != "target_group"]

    def by_id(self, id_: str) -> Rec | None:
        return next((r for r in self.records if r.id == id_), None)


def locate(lang: str, text: str, records: list[dict[str, Any]]) -> Source:
    """A Source whose records are the knowledge base's records found on their source lines."""
    source = Source(lang, text.split("\n"), [])
    found: dict[str, int] = {}
    for r in records:
        line = int(r.get("line") or 0) - 1
        if line < 0 or line >= len(source.lines):
            continue
        plain = source.lines[line].replace("*", "")
        # A target group is found inside its parent, not at the first mention on the line.
        start = plain.find(r["text"], found.get(r.get("parent", ""), 0))
        if start < 0 or not r["text"]:
            continue  # a title over several lines: not editable in one place
        found[r["id"]] = start
        bullet = source.lines[line].lstrip().startswith("- ")
        group = (r.get("in_list") or f"{r.get('parent', '')}/{r['type']}") if bullet else ""
        source.records.append(Rec(r["id"], r["type"], r.get("parent", ""), lang, line, start,
                                  r["text"], group))
    return source


def pseudo_source(lang: str, text: str) -> Source:
    """A Source whose records are the text's non-empty lines (without their `- ` bullet and
    marks): for the tests, which need no knowledge base."""
    records, parent, lists = [], "", 0
    for n, raw in enumerate(text.split("\n")):
        if not raw.strip():
            continue
        bullet = raw.startswith("- ")
        if not bullet:
            parent = f"L{n + 1}"
        elif records and not records[-1]["bullet"]:
            lists += 1
        body = raw[2:] if bullet else raw
        records.append({"id": f"L{n + 1}", "type": "list_item" if bullet else "paragraph",
                        "parent": parent if bullet else "", "line": n + 1, "bullet": bullet,
                        "text": body.replace("*", ""), "in_list": f"list{lists}" if bullet else ""})
    return locate(lang, text, records)


# --- Edits -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Change:
    record: str
    start: int  # range replaced, in the record's clean text
    end: int
    new: str  # what the record's text holds there after the edit
    raw: str | None = None  # the source text to write, where it differs from `new` (marks)
    drop_line: bool = False  # the record's whole source line goes


@dataclass(frozen=True)
class Edit:
    kind: str
    lang: str
    changes: tuple[Change, ...]
    whole: bool = False  # the edit changes whole records (a deleted or swapped item)
    near: tuple[str, ...] = ()  # other records where the edit shows (the list's parent …)
    loose: tuple[str, ...] = ()  # records an "on the record" hit may be about besides those

    @property
    def record(self) -> str:
        return self.changes[0].record

    @property
    def place(self) -> tuple[int, int]:
        """The edited place in the record's text after the edit."""
        change = self.changes[0]
        return change.start, change.start + len(change.new)


def replace_at(kind: str, src: Source, rec: Rec, a: int, b: int, new: str) -> Edit:
    return Edit(kind, src.lang, (Change(rec.id, a, b, new),))


def apply(src: Source, edit: Edit) -> str:
    """The source text with the edit made."""
    lines: list[str | None] = list(src.lines)
    by_line: dict[int, list[tuple[int, int, str]]] = defaultdict(list)
    for change in edit.changes:
        rec = src.by_id(change.record)
        assert rec is not None, change.record
        if change.drop_line:
            lines[rec.line] = None
            continue
        s, e = src.span(rec, change.start, change.end)
        by_line[rec.line].append((s, e, change.new if change.raw is None else change.raw))
    for n, parts in by_line.items():
        line = lines[n]
        assert line is not None
        for s, e, new in sorted(parts, reverse=True):  # from the end: offsets stay valid
            line = line[:s] + new + line[e:]
        lines[n] = line
    return "\n".join(line for line in lines if line is not None)


def edited_text(src: Source, change: Change) -> str:
    rec = src.by_id(change.record)
    assert rec is not None
    return rec.text[:change.start] + change.new + rec.text[change.end:]


# --- Text helpers -----------------------------------------------------------------------------

LETTERS = re.compile(r"[^\W\d_]+")
WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")  # a word, hyphenated ones whole
ABBREVIATION = re.compile(r"[A-Z][a-z]{0,3}|[a-z]|(?:[a-z]\.)+[a-z]|[A-Z]\.[A-Z]")


def sentences(text: str) -> list[tuple[int, int]]:
    """Sentence ranges: a break after . ! ? before a capital, a digit or an opening quote, not
    after an abbreviation (Mr., Dr., e.g., a single letter)."""
    out, start = [], 0
    for m in re.finditer(r"[.!?]+[\"”’)]*(\s+)", text):
        before = text[start:m.start()].split()
        following = text[m.end():m.end() + 1]
        if before and ABBREVIATION.fullmatch(before[-1].strip("(“\"")):
            continue
        if not (following.isupper() or following.isdigit() or following in "\"“‘("):
            continue
        out.append((start, m.start(1)))
        start = m.end()
    end = len(text.rstrip())
    if end > start:
        out.append((start, end))
    return out


def sentence_starts(text: str) -> set[int]:
    """Offsets of each sentence's first word (its first letter)."""
    out = set()
    for s, _ in sentences(text):
        m = LETTERS.search(text, s)
        if m:
            out.add(m.start())
    return out


def balanced(text: str) -> bool:
    return all(text.count(a) == text.count(b) for a, b in ("()", "“”", "‘’", "[]")) and \
        text.count('"') % 2 == 0


def clauses(text: str) -> Iterator[tuple[int, int]]:
    """The comma- or semicolon-delimited parts of each sentence after its first: the range from
    the delimiter before the part to its end (the sentence's final stop excluded), only parts of
    two words or more, outside brackets, with balanced brackets and quotes."""
    for s, e in sentences(text):
        while e > s and text[e - 1] in ".!?:":
            e -= 1
        depth, cuts = 0, []
        for i in range(s, e):
            if text[i] in "([":
                depth += 1
            elif text[i] in ")]":
                depth -= 1
            elif text[i] in ",;" and depth == 0:
                cuts.append(i)
        for k, cut in enumerate(cuts):
            end = cuts[k + 1] if k + 1 < len(cuts) else e
            part = text[cut + 1:end]
            if len(part.split()) >= 2 and balanced(part):
                yield cut, end


def word_spans(text: str) -> Iterator[tuple[int, int, str]]:
    for m in LETTERS.finditer(text):
        yield m.start(), m.end(), m.group()


def is_content(word: str, g: Grammar) -> bool:
    return (len(word) >= 3 and word.islower() and word not in g.function_words
            and word not in g.auxiliaries and not any(word in row for row in g.modals))


def candidates_over(src: Source, find: Callable[[Rec], Iterator[tuple[int, int, str]]],
                    kind: str) -> list[Edit]:
    """Every (record, range, replacement) `find` offers, as edits, where the source allows."""
    out = []
    for rec in src.hosts():
        for a, b, new in find(rec):
            if (a, b) != (0, len(rec.text)) and src.editable(rec, a, b) and "*" not in new:
                out.append(replace_at(kind, src, rec, a, b, new))
    return out


def pick(rng: random.Random, options: list[Edit]) -> Edit | None:
    return rng.choice(options) if options else None


# --- Kinds: omission and addition ------------------------------------------------------------


def delete_clause(src: Source, rng: random.Random) -> Edit | None:
    """Delete a comma/semicolon-delimited part of a sentence (with the delimiter before it)."""
    return pick(rng, candidates_over(
        src, lambda r: ((a, b, "") for a, b in clauses(r.text)), "delete-clause"))


def delete_sentence(src: Source, rng: random.Random) -> Edit | None:
    """Delete one sentence of a paragraph of several (with the space between)."""
    def find(rec: Rec) -> Iterator[tuple[int, int, str]]:
        bounds = sentences(rec.text)
        if len(bounds) < 2:
            return
        for k, (s, e) in enumerate(bounds):
            if len(rec.text[s:e].split()) < 4:
                continue
            # The space before the last sentence goes with it; otherwise the space after.
            yield (bounds[k - 1][1], e, "") if k == len(bounds) - 1 else (s, bounds[k + 1][0], "")
    return pick(rng, candidates_over(src, find, "delete-sentence"))


def noun_phrases(text: str, g: Grammar) -> Iterator[tuple[int, int]]:
    """Runs of 2-4 content words (adjective + noun …) between spaces, with no punctuation
    inside, and complements ("of the X (Y)")."""
    run: list[tuple[int, int]] = []
    for m in [*re.finditer(r"\S+", text), None]:
        if m and WORD.fullmatch(m.group()) and is_content(m.group(), g):
            run.append((m.start(), m.end()))
            continue
        if len(run) >= 2:
            yield run[0][0], run[min(len(run), 4) - 1][1]
        run = []
    for of in g.of_words:
        pattern = rf"(?<!\S){re.escape(of)} [^\W\d_]{{3,}}(?: [^\W\d_]{{3,}})?(?![\w'’-])"
        for m in re.finditer(pattern, text):
            if all(is_content(w, g) for w in m.group()[len(of):].split()):
                yield m.start(), m.end()


def delete_noun_phrase(src: Source, rng: random.Random) -> Edit | None:
    """Delete a run of 2-4 content words or an "of the X" complement (with a space)."""
    g = grammar(src.lang)

    def find(rec: Rec) -> Iterator[tuple[int, int, str]]:
        for a, b in noun_phrases(rec.text, g):
            if a > 0 and rec.text[a - 1] == " ":
                yield a - 1, b, ""
            elif rec.text[b:b + 1] == " ":
                yield a, b + 1, ""
    return pick(rng, candidates_over(src, find, "delete-noun-phrase"))


def delete_list_item(src: Source, rng: random.Random) -> Edit | None:
    """Delete one `- ` bullet line (a list item, aim, means, scope item, objective …)."""
    groups = list_groups(src)
    options = [(group, k) for group in groups.values() for k in range(len(group))]
    if not options:
        return None
    group, k = rng.choice(options)
    rec = group[k]
    neighbours = tuple(r.id for r in group[max(0, k - 1):k + 2] if r.id != rec.id)
    return Edit("delete-list-item", src.lang, (Change(rec.id, 0, len(rec.text), "",
                                                      drop_line=True),),
                whole=True, near=(rec.parent, *neighbours),
                loose=tuple(r.id for r in group))


def list_groups(src: Source) -> dict[str, list[Rec]]:
    groups: dict[str, list[Rec]] = defaultdict(list)
    for rec in src.hosts():
        if rec.group:
            groups[rec.group].append(rec)
    return groups


def add_clause(src: Source, rng: random.Random) -> Edit | None:
    """Add a clause taken from another record of the same text, at a clause boundary."""
    donors = sorted({rec.text[a + 1:b].strip() for rec in src.hosts()
                     for a, b in clauses(rec.text) if len(rec.text[a + 1:b].split()) >= 3})
    places = []
    for rec in src.hosts():
        ends = {b for a, b in clauses(rec.text)} | {a for a, b in clauses(rec.text)}
        ends |= {e - 1 for s, e in sentences(rec.text) if rec.text[e - 1] in ".;:"}
        places += [(rec, p) for p in sorted(ends) if src.editable(rec, p, p)]
    if not donors or not places:
        return None
    rec, p = rng.choice(places)
    clause = rng.choice([d for d in donors if d not in rec.text] or donors)
    return replace_at("add-clause", src, rec, p, p, ", " + clause)


# --- Kinds: replacement ----------------------------------------------------------------------


def replace_number(src: Source, rng: random.Random) -> Edit | None:
    """Replace a number by another (a digit run: a year, a count, an article number)."""
    options = candidates_over(src, lambda r: ((m.start(), m.end(), m.group())
                                              for m in re.finditer(r"[0-9]+", r.text)),
                              "replace-number")
    edit = pick(rng, options)
    if edit is None:
        return None
    change = edit.changes[0]
    n = int(change.new)
    new = n + rng.choice((-2, -1, 1, 2, 3) if n > 3 else (1, 2, 3))
    return replace(edit, changes=(replace(change, new=str(new)),))


def names(text: str) -> Iterator[tuple[int, int, str]]:
    """Capitalised words not opening a sentence (joined by a connective word into one name),
    and acronyms: proper names, bodies, offices."""
    starts = sentence_starts(text)
    if text.upper() == text:
        return  # a heading in capitals: every word looks like a name
    connective = {"of", "for", "the", "and", "on", "de", "van", "der", "den", "du", "des", "la",
                  "le", "et", "en", "voor", "het"}
    words = list(word_spans(text))
    k = 0
    while k < len(words):
        s, e, word = words[k]
        if not word[0].isupper() or s in starts:
            k += 1
            continue
        end, j = e, k + 1
        while j < len(words):
            ws, we, w = words[j]
            gap = text[end:ws]
            if w[0].isupper() and gap in (" ", "-") and not (word.isupper() or w.isupper()):
                end, j = we, j + 1
            elif (w in connective and j + 1 < len(words) and words[j + 1][2][0].isupper()
                  and gap == " " and text[we:words[j + 1][0]] == " "):
                end, j = words[j + 1][1], j + 2
            else:
                break
        yield s, end, text[s:end]
        k = j


def shape(name: str) -> str:
    return "acronym" if name.isupper() and len(name) <= 8 else str(min(3, len(name.split())))


def replace_name(src: Source, rng: random.Random) -> Edit | None:
    """Replace a proper name, body or acronym by another of the same shape from the text."""
    pool: dict[str, set[str]] = defaultdict(set)
    for rec in src.hosts():
        for _, _, name in names(rec.text):
            pool[shape(name)].add(name)

    def others(name: str, host: str) -> list[str]:
        return sorted(n for n in pool[shape(name)] if n not in host)

    edit = pick(rng, candidates_over(
        src, lambda r: ((a, b, n) for a, b, n in names(r.text) if others(n, r.text)),
        "replace-name"))
    if edit is None:
        return None
    change = edit.changes[0]
    host = src.by_id(change.record)
    assert host is not None
    return replace(edit, changes=(replace(change, new=rng.choice(others(change.new,
                                                                        host.text))),))


def series_items(text: str, g: Grammar) -> Iterator[tuple[int, int]]:
    """Items of a list of examples: after "e.g."/"such as"/"zoals"/"tels que" … to the closing
    bracket or the end of the clause, or inside a bracket holding a comma; split at commas and
    the conjunctions; items of one to six words."""
    regions = []
    for marker in g.series_markers:
        for m in re.finditer(rf"(?<!\w){re.escape(marker)}(?!\w)", text, flags=re.I):
            start = m.end()
            stop = re.compile(r"[);:]|\.(?:\s|$)").search(text, start)
            regions.append((start, stop.start() if stop else len(text)))
    for m in re.finditer(r"\(([^()]*,[^()]*)\)", text):
        regions.append((m.start(1), m.end(1)))
    conj = "|".join(g.conjunctions)
    for start, end in sorted(set(regions)):
        cut = re.compile(rf",\s*(?:(?:{conj})\s+)?|\s+(?:{conj})\s+")
        pos = start
        for m in [*cut.finditer(text, start, end), None]:
            stop = m.start() if m else end
            item = text[pos:stop]
            lead = len(item) - len(item.lstrip())
            a, b = pos + lead, pos + len(item.rstrip())
            item = text[a:b]
            if len(item.split()) > 6:
                break  # the clause goes on past the list
            if item and LETTERS.search(item) and \
                    not any(marker in item.lower() for marker in g.series_markers):
                yield a, b
            pos = m.end() if m else end


def replace_target_group(src: Source, rng: random.Random) -> Edit | None:
    """Replace a target group by another group named elsewhere in the text: the knowledge
    base's target-group records where it has them, else the items of lists of examples."""
    g = grammar(src.lang)
    groups = [r for r in src.records if r.type == "target_group"]
    places: list[tuple[Rec, int, int]] = []
    for rec in src.hosts():
        if groups:
            places += [(rec, r.start - rec.start, r.start - rec.start + len(r.text))
                       for r in groups if r.parent == rec.id and r.line == rec.line]
        else:
            places += [(rec, a, b) for a, b in series_items(rec.text, g)]
    pool = sorted({rec.text[a:b] for rec, a, b in places})

    def others(host: str) -> list[str]:
        return [p for p in pool if p.lower() not in host.lower()]
    places = [(rec, a, b) for rec, a, b in places
              if src.editable(rec, a, b) and others(rec.text)]
    if not places:
        return None
    rec, a, b = rng.choice(places)
    return replace_at("replace-target-group", src, rec, a, b, rng.choice(others(rec.text)))


def ending(word: str) -> str:
    """A word's last letters, a rough part of speech: four of a long word, else three."""
    return word[-4:] if len(word) >= 8 else word[-3:]


def replace_term(src: Source, rng: random.Random) -> Edit | None:
    """Replace a word by a variant: another word of the text used at least twice, with the same
    ending (a rough part of speech: -tion, -ing, -ive, -heid, -isch …), about as long, and
    another beginning."""
    g = grammar(src.lang)
    counts = Counter(w for rec in src.hosts() for _, _, w in word_spans(rec.text)
                     if len(w) >= 6 and is_content(w, g))
    frequent = sorted(w for w, n in counts.items() if n >= 2)
    by_end: dict[str, list[str]] = defaultdict(list)
    for w in frequent:
        by_end[ending(w)].append(w)

    def variants(word: str, host: str) -> list[str]:
        return [v for v in by_end.get(ending(word), [])
                if v[:4] != word[:4] and abs(len(v) - len(word)) <= 3 and v not in host]

    def find(rec: Rec) -> Iterator[tuple[int, int, str]]:
        for s, e, w in word_spans(rec.text):
            if w in counts and variants(w, rec.text):
                yield s, e, w
    edit = pick(rng, candidates_over(src, find, "replace-term"))
    if edit is None:
        return None
    change = edit.changes[0]
    host = src.by_id(change.record)
    assert host is not None
    return replace(edit, changes=(replace(change, new=rng.choice(variants(change.new,
                                                                          host.text))),))


# --- Kinds: meaning --------------------------------------------------------------------------


def change_modal(src: Source, rng: random.Random) -> Edit | None:
    """Change a modal verb into another of its row (can → must, kunnen → moeten …)."""
    rows = {m: row for row in grammar(src.lang).modals for m in row}
    pattern = re.compile(rf"\b(?:{'|'.join(sorted(rows, key=len, reverse=True))})\b")
    edit = pick(rng, candidates_over(
        src, lambda r: ((m.start(), m.end(), m.group()) for m in pattern.finditer(r.text)),
        "change-modal"))
    if edit is None:
        return None
    change = edit.changes[0]
    new = rng.choice([m for m in rows[change.new] if m != change.new])
    return replace(edit, changes=(replace(change, new=new),))


def negations(text: str, g: Grammar) -> Iterator[tuple[int, int, str]]:
    """Places to add a negation (after an auxiliary or modal) and negations to remove."""
    for pattern, repl in g.removals:
        for m in re.finditer(pattern, text):
            yield m.start(), m.end(), m.expand(repl)
    for m in re.finditer(rf"\b(?:{'|'.join(g.auxiliaries)})\b", text):
        if g.negation:
            if not text[m.end():].startswith(" " + g.negation):
                yield m.end(), m.end(), " " + g.negation
        elif not re.search(r"\bne\s*$|n[’']$", text[:m.start()]):
            # French: ne … pas around the verb (n’ before a vowel).
            verb = m.group()
            neg = "n’" if verb[0] in "aeiouéèêh" else "ne "
            yield m.start(), m.end(), f"{neg}{verb} pas"


def flip_negation(src: Source, rng: random.Random) -> Edit | None:
    """Add a negation after an auxiliary (is not, niet, ne … pas) or remove one."""
    g = grammar(src.lang)
    return pick(rng, candidates_over(src, lambda r: negations(r.text, g), "flip-negation"))


def drop_hedge(src: Source, rng: random.Random) -> Edit | None:
    """Drop a word that softens or stresses a statement (where possible, in particular,
    vooral …) with the space or comma before it."""
    g = grammar(src.lang)
    if not g.hedges:
        return None
    alternatives = "|".join(re.escape(h) for h in sorted(g.hedges, key=len, reverse=True))
    pattern = re.compile(rf"(?:,?\s)(?:{alternatives})\b(?:\s*,(?=\s))?", re.IGNORECASE)
    return pick(rng, candidates_over(
        src, lambda r: ((m.start(), m.end(), "") for m in pattern.finditer(r.text)),
        "drop-hedge"))


def swap_list_items(src: Source, rng: random.Random) -> Edit | None:
    """Swap the contents of two items of one list (their emphasis marks go with them)."""
    options = [(group, i, j) for group in list_groups(src).values()
               for i in range(len(group)) for j in range(i + 1, len(group))
               if group[i].text != group[j].text]
    if not options:
        return None
    group, i, j = rng.choice(options)
    one, two = group[i], group[j]

    def raw(rec: Rec) -> str:
        s, e = src.span(rec, 0, len(rec.text))
        return src.lines[rec.line][s:e]
    changes = (Change(one.id, 0, len(one.text), two.text, raw=raw(two)),
               Change(two.id, 0, len(two.text), one.text, raw=raw(one)))
    return Edit("swap-list-items", src.lang, changes, whole=True, near=(two.id, one.parent),
                loose=tuple(r.id for r in group))


# --- Kinds: typos ----------------------------------------------------------------------------


def typo(kind: str, src: Source, rng: random.Random, min_length: int,
         change: Callable[[str, random.Random], str | None]) -> Edit | None:
    """A word of at least `min_length` letters, picked at random, changed by `change`."""
    def find(rec: Rec) -> Iterator[tuple[int, int, str]]:
        for s, e, w in word_spans(rec.text):
            if len(w) >= min_length:
                yield s, e, w
    edit = pick(rng, candidates_over(src, find, kind))
    if edit is None:
        return None
    old = edit.changes[0].new
    new = change(old, rng)
    if new is None or new == old:
        return None
    return replace(edit, changes=(replace(edit.changes[0], new=new),))


def drop_letter(src: Source, rng: random.Random) -> Edit | None:
    """A letter dropped: one letter shorter."""
    def change(w: str, r: random.Random) -> str:
        i = r.randrange(len(w))
        return w[:i] + w[i + 1:]
    return typo("drop-letter", src, rng, 4, change)


def double_letter(src: Source, rng: random.Random) -> Edit | None:
    """A letter doubled: one letter longer."""
    def change(w: str, r: random.Random) -> str:
        i = r.randrange(len(w))
        return w[:i + 1] + w[i:]
    return typo("double-letter", src, rng, 4, change)


def swap_letters(src: Source, rng: random.Random) -> Edit | None:
    """Two adjacent, different letters swapped."""
    def change(w: str, r: random.Random) -> str | None:
        places = [i for i in range(len(w) - 1) if w[i].lower() != w[i + 1].lower()]
        if not places:
            return None
        i = r.choice(places)
        return w[:i] + w[i + 1] + w[i] + w[i + 2:]
    return typo("swap-letters", src, rng, 4, change)


def tussen_s(src: Source, rng: random.Random) -> Edit | None:
    """A wrong tussen-s: an `s` removed from inside a long word, or one inserted between two
    letters inside it (where a compound's joint could be)."""
    def change(w: str, r: random.Random) -> str:
        inner = [i for i in range(3, len(w) - 3) if w[i] == "s"]
        if inner and r.random() < 0.5:
            i = r.choice(inner)
            return w[:i] + w[i + 1:]
        i = r.choice([i for i in range(4, len(w) - 3) if "s" not in w[i - 1:i + 1]] or [4])
        return w[:i] + "s" + w[i:]
    return typo("tussen-s", src, rng, 10, change)


def split_compound(src: Source, rng: random.Random) -> Edit | None:
    """A closed compound split by a space somewhere inside a long word."""
    def change(w: str, r: random.Random) -> str:
        i = r.randrange(4, len(w) - 3)
        return w[:i] + " " + w[i:]
    return typo("split-compound", src, rng, 12, change)


def capitalisation(src: Source, rng: random.Random) -> Edit | None:
    """Wrong capitals: a name lower-cased, or a common word capitalised mid-sentence (even
    odds, where the text offers both)."""
    g = grammar(src.lang)

    def lower_name(rec: Rec) -> Iterator[tuple[int, int, str]]:
        for s, _, name in names(rec.text):
            if not name.isupper():
                yield s, s + 1, name[0].lower()

    def capitalise(rec: Rec) -> Iterator[tuple[int, int, str]]:
        starts = sentence_starts(rec.text)
        for s, _, w in word_spans(rec.text):
            if is_content(w, g) and s not in starts:
                yield s, s + 1, w[0].upper()
    pools = [candidates_over(src, find, "capitalisation") for find in (lower_name, capitalise)]
    pools = [p for p in pools if p]
    return pick(rng, rng.choice(pools)) if pools else None


KINDS: dict[str, tuple[str, Callable[[Source, random.Random], Edit | None]]] = {
    "delete-clause": ("omission", delete_clause),
    "delete-list-item": ("omission", delete_list_item),
    "delete-noun-phrase": ("omission", delete_noun_phrase),
    "delete-sentence": ("omission", delete_sentence),
    "add-clause": ("omission", add_clause),
    "replace-number": ("omission", replace_number),
    "replace-name": ("omission", replace_name),
    "replace-target-group": ("replacement", replace_target_group),
    "replace-term": ("replacement", replace_term),
    "change-modal": ("meaning", change_modal),
    "flip-negation": ("meaning", flip_negation),
    "drop-hedge": ("meaning", drop_hedge),
    "swap-list-items": ("meaning", swap_list_items),
    "drop-letter": ("typo", drop_letter),
    "double-letter": ("typo", double_letter),
    "swap-letters": ("typo", swap_letters),
    "tussen-s": ("typo", tussen_s),
    "split-compound": ("typo", split_compound),
    "capitalisation": ("typo", capitalisation),
}
GROUPS = {
    "omission": "deleted or added clauses, sentences, list items, numbers and names",
    "replacement": "replaced terms and target groups",
    "meaning": "changed modals, negations, dropped hedges, swapped list items",
    "typo": "typos",
}


def plan(sources: dict[str, Source], pair: tuple[str, str], kinds: list[str], per_kind: int,
         seed: int) -> list[Edit]:
    """The injections: per kind, `per_kind` edits, each from its own generator (so a kind's
    injections do not depend on which other kinds run), in the non-reference language three
    times in four."""
    edits = []
    for kind in kinds:
        function = KINDS[kind][1]
        for n in range(per_kind):
            rng = random.Random(f"{seed}:{kind}:{n}")
            first = pair[1] if rng.random() < OTHER_SHARE else pair[0]
            for lang in (first, pair[0] if first == pair[1] else pair[1]):
                edit = function(sources[lang], rng)
                if edit is not None:
                    edits.append(edit)
                    break
    return edits


# --- Building and diffing --------------------------------------------------------------------


def drugstrat_command() -> list[str]:
    script = Path(sys.executable).parent / "drugstrat"
    return [str(script)] if script.exists() else [sys.executable, "-m", "drugstrat"]


def build_and_diff(sources: list[tuple[str, str]], pair: tuple[str, str], out: str,
                   spelling_from: str | None = None) -> dict[str, Any]:
    """Build a knowledge base from (lang, path) sources in `out`, diff the pair, and return
    the findings and the records (through the CLI's JSON, whose contract is stable)."""
    cli = drugstrat_command()
    env = {**os.environ, "NO_COLOR": "1"}
    env.pop("DRUGSTRAT_DATA", None)
    # Compiled modules are cached unless told not to; recompiling them in every one of a
    # thousand commands costs more than the cache.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    build = [*cli, "build", *[a for lang, path in sources for a in ("--source", f"{lang}={path}")],
             "--out", out, "--json"]
    done = subprocess.run(build, capture_output=True, text=True, env=env)
    if done.returncode != 0:
        return {"error": f"build exited {done.returncode}: {done.stderr.strip()[-300:]}"}
    if spelling_from:
        # The dictionaries' answers for the clean text: only new words make a diff ask again.
        cache = Path(out) / ".cache"
        for path in Path(spelling_from, ".cache").glob("*spelling*"):
            shutil.copy2(path, cache / path.name)
    diff = subprocess.run([*cli, "--data", out, "diff", "--pair", ":".join(pair), "--json",
                           "--fail-on", "never"], capture_output=True, text=True, env=env)
    listing = subprocess.run([*cli, "--data", out, "list", "--json"], capture_output=True,
                             text=True, env=env)
    if diff.returncode != 0 or listing.returncode != 0:
        return {"error": f"diff/list failed: {(diff.stderr or listing.stderr).strip()[-300:]}"}
    records = [r for r in json.loads(listing.stdout) if r["lang"] in pair]
    return {"findings": json.loads(diff.stdout)["findings"], "records": records}


def build_and_diff_in_process(sources: list[tuple[str, str]], pair: tuple[str, str], out: str,
                              spelling_from: str | None = None) -> dict[str, Any]:
    """As `build_and_diff`, through the library in this worker process: the dictionaries, the
    stemmers and the spellers stay loaded from one injection to the next."""
    from drugstrat.diff.review import review
    from drugstrat.errors import DrugstratError
    from drugstrat.kb import build, store

    try:
        build.build({lang: Path(path) for lang, path in sources}, Path(out))
    except (DrugstratError, OSError) as exc:
        return {"error": f"build failed: {exc}"}
    if spelling_from:
        cache = Path(out) / ".cache"
        for path in Path(spelling_from, ".cache").glob("*spelling*"):
            shutil.copy2(path, cache / path.name)
    kb = store.load(Path(out))
    findings = [f.to_dict() for f in review(kb, [pair]).open]
    records = [dict(r) for r in kb.records() if r["lang"] in pair]
    return {"findings": findings, "records": records}


def run_case(sources: list[tuple[str, str]], edited: tuple[str, str] | None,
             pair: tuple[str, str], work: str, spelling_from: str | None,
             in_process: bool = True) -> dict[str, Any]:
    """One injection in a worker process: the edited language's text written out, built,
    diffed; the directory removed afterwards."""
    try:
        paths = list(sources)
        if edited is not None:
            lang, text = edited
            path = Path(work) / f"source.{lang}.txt"
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
            paths = [(code, str(path) if code == lang else p) for code, p in sources]
        run = build_and_diff_in_process if in_process else build_and_diff
        return run(paths, pair, str(Path(work) / "kb"), spelling_from)
    finally:
        if edited is not None:
            shutil.rmtree(work, ignore_errors=True)


# --- Scoring ---------------------------------------------------------------------------------

SEVERE = ("warning", "error")


def signature(f: dict[str, Any]) -> tuple[str, ...]:
    """What a finding asserts: its message and how many places it marks in each language. Not
    its excerpts or the words under its spans, which change with any edit inside them (an
    untranslated sentence stays one finding whatever is edited in it)."""
    return (f["message"], *(f"{lang}:{len(spans)}"
                            for lang, spans in sorted((f.get("spans") or {}).items())))


def new_findings(result: dict[str, Any], clean: dict[str, Any]) -> list[dict[str, Any]]:
    """Findings at warning or above that the clean run lacks, or has with new evidence."""
    before = {f["finding"]: signature(f) for f in clean["findings"]}
    return [f for f in result["findings"] if f["severity"] in SEVERE
            and before.get(f["finding"]) != signature(f)]


def overlaps(spans: list[list[int]], lo: int, hi: int) -> bool:
    return any(s <= hi + SLACK and e >= lo - SLACK for s, e in spans)


def corresponding(a: int, b: int, text: str, other: str) -> tuple[int, int]:
    """Where [a, b) of `text` stands in its translation `other`: the same sentences when both
    have as many, else the same share of the way in, widened."""
    mine, theirs = sentences(text), sentences(other)
    if len(mine) == len(theirs) > 1:
        hit = [k for k, (s, e) in enumerate(mine) if s <= b and e >= a] or [len(mine) - 1]
        return theirs[hit[0]][0], theirs[hit[-1]][1]
    size = max(len(text), 1)
    margin = max(40, len(other) // 10)
    return (max(0, round(a / size * len(other)) - margin),
            min(len(other), round(b / size * len(other)) + margin))


def finding_spans(f: dict[str, Any], texts: dict[str, str]) -> dict[str, list[list[int]]]:
    """A finding's spans; without them, its evidence placed in the record's text (an excerpt);
    empty when it points at the whole record."""
    spans = {lang: s for lang, s in (f.get("spans") or {}).items() if s}
    if spans:
        return spans
    for lang, text in texts.items():
        evidence = str(f.get(lang, "")).strip("…« »")
        at = text.find(evidence) if len(evidence) >= 8 else -1
        if at >= 0 and len(evidence) < len(text):
            spans[lang] = [[at, at + len(evidence)]]
    return spans


@dataclass
class Score:
    strict: bool
    loose: bool
    verified: bool
    checks: list[str]  # the checks of the strict hits (or the loose ones, when no strict)
    hits: list[dict[str, Any]]  # the findings that hit (strict)
    new: list[dict[str, Any]]  # the new findings about the records around the edit (loose)


def score(edit: Edit, result: dict[str, Any], clean: dict[str, Any], sources: dict[str, Source],
          pair: tuple[str, str]) -> Score:
    lang = edit.lang
    other = pair[1] if lang == pair[0] else pair[0]
    src = sources[lang]
    host = src.by_id(edit.record)
    assert host is not None
    after = {r["id"]: r["text"] for r in result["records"] if r["lang"] == lang}
    clean_other = {r["id"]: r["text"] for r in clean["records"] if r["lang"] == other}
    if edit.changes[0].drop_line:
        verified = host.text not in after.values()
    else:
        verified = all(after.get(c.record) == edited_text(src, c) for c in edit.changes)
    a, b = edit.place
    old_a, old_b = edit.changes[0].start, edit.changes[0].end
    groups = {r.id for r in src.records if r.type == "target_group" and r.parent == host.id
              and r.start - host.start <= old_b and r.start - host.start + len(r.text) >= old_a}
    strict_ids = {host.id, *groups, *(c.record for c in edit.changes), *edit.near}
    loose_ids = strict_ids | set(edit.loose) | {r.id for r in src.records if r.parent == host.id}
    there = corresponding(old_a, old_b, host.text, clean_other.get(host.id, ""))
    fresh = new_findings(result, clean)
    strict, loose = [], []
    for f in fresh:
        if f["id"] not in loose_ids:
            continue
        loose.append(f)
        if f["id"] not in strict_ids:
            continue
        if edit.whole or f["id"] != host.id:
            strict.append(f)
            continue
        spans = finding_spans(f, {lang: after.get(host.id, ""),
                                  other: clean_other.get(host.id, "")})
        if not spans or overlaps(spans.get(lang, []), a, b) or \
                overlaps(spans.get(other, []), *there):
            strict.append(f)
    return Score(bool(strict), bool(loose), verified,
                 sorted({f["check"] for f in strict or loose}), strict, loose)


# --- Report ----------------------------------------------------------------------------------


def wilson(hits: int, n: int, z: float = 1.96) -> tuple[float, float]:
    """The 95 % Wilson score interval of a proportion."""
    if n == 0:
        return 0.0, 0.0
    p = hits / n
    centre = (p + z * z / (2 * n)) / (1 + z * z / n)
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / (1 + z * z / n)
    return max(0.0, centre - half), min(1.0, centre + half)


def tally(results: list[dict[str, Any]]) -> dict[str, Any]:
    n, hits = len(results), sum(r["hit"] for r in results)
    loose = sum(r["loose"] for r in results)
    lo, hi = wilson(hits, n)
    return {"n": n, "hits": hits, "recall": hits / n if n else None, "ci95": [lo, hi],
            "loose_hits": loose, "loose_recall": loose / n if n else None}


def summary(results: list[dict[str, Any]], clean: list[dict[str, Any]],
            kinds: list[str]) -> dict[str, Any]:
    """Recall per kind, per group and overall; the clean text's findings (the noise)."""
    severe = [f for f in clean if f["severity"] in SEVERE]
    return {
        "kinds": {kind: {**tally([r for r in results if r["kind"] == kind]),
                         "checks": Counter(c for r in results if r["kind"] == kind and r["hit"]
                                           for c in r["checks"]).most_common()}
                  for kind in kinds},
        "groups": {group: tally([r for r in results if KINDS[r["kind"]][0] == group])
                   for group in GROUPS},
        "all": tally(results),
        "clean": {"findings": len(severe),
                  "by_check": Counter(f["check"] for f in severe).most_common()},
    }


def row(label: str, t: dict[str, Any]) -> str:
    if not t["n"]:
        return f"{label:24} {0:5d}     -      -"
    lo, hi = t["ci95"]
    return (f"{label:24} {t['n']:5d} {t['hits']:5d} {t['recall']:6.1%}  [{lo:5.1%}, {hi:5.1%}]"
            f"  {t['loose_recall']:6.1%}")


def table(totals: dict[str, Any]) -> str:
    lines = [f"{'kind':24} {'n':>5} {'hits':>5} {'recall':>6}  {'95% Wilson CI':16}  "
             f"{'loose':>6}  checks that hit"]
    for kind, t in totals["kinds"].items():
        lines.append(row(kind, t) + "  " + ", ".join(f"{c} {n}" for c, n in t["checks"][:3]))
    lines.append("")
    for group, t in totals["groups"].items():
        if t["n"]:
            lines.append(row(group, t) + f"  ({GROUPS[group]})")
    lines.append(row("all", totals["all"]))
    clean = totals["clean"]
    lines += ["", f"clean text: {clean['findings']} finding(s) at warning or above (noise): "
              + ", ".join(f"{c} {n}" for c, n in clean["by_check"])]
    return "\n".join(lines)


def show_misses(results: list[dict[str, Any]], count: int) -> str:
    """A few missed injections, one kind after another, with the text before and after."""
    misses = [r for r in results if not r["hit"]]
    by_kind: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for r in misses:
        by_kind[r["kind"]].append(r)
    chosen: list[dict[str, Any]] = []
    while len(chosen) < count and any(by_kind.values()):
        for kind in list(by_kind):
            if by_kind[kind] and len(chosen) < count:
                chosen.append(by_kind[kind].pop(0))
    out = []
    for r in chosen:
        near = "; ".join(f"{f['check']} on {f['id']}: {f['message'][:80]}" for f in r["near"])
        out += [f"- {r['kind']} in {r['lang']} {r['record']}"
                + ("" if r["verified"] else " (edited record not found as expected)"),
                f"    before: {r['before']}", f"    after:  {r['after']}"]
        if near:
            out.append(f"    new findings nearby (not at the edit): {near}")
    return "\n".join(out)


def brief(f: dict[str, Any]) -> dict[str, Any]:
    return {k: f[k] for k in ("finding", "id", "check", "severity", "message", "spans")}


def context(text: str, a: int, b: int, width: int = 70) -> str:
    lo, hi = max(0, a - width), min(len(text), b + width)
    return ("…" if lo else "") + text[lo:hi] + ("…" if hi < len(text) else "")


def describe(edit: Edit, src: Source) -> dict[str, Any]:
    change = edit.changes[0]
    host = src.by_id(change.record)
    assert host is not None
    after = edited_text(src, change)
    a, b = edit.place
    return {"kind": edit.kind, "lang": edit.lang, "record": host.id,
            "before": context(host.text, change.start, change.end),
            "after": "(line deleted)" if change.drop_line else context(after, a, b),
            "edit": [asdict(c) for c in edit.changes]}


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--source", action="append", default=[], metavar="LANG=FILE",
                        help="a language version (repeatable; the first is the reference; "
                             "default: the bundled en and nl)")
    parser.add_argument("--pair", help="the two languages to inject into and diff "
                                       "(default: the first two sources)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--per-kind", type=int, default=15, help="injections per kind")
    parser.add_argument("--kinds", help="comma-separated kinds (default: all): "
                                        + ", ".join(KINDS))
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--cli", action="store_true",
                        help="build and diff through the command line, a process each (slower; "
                             "by default the library runs in the worker processes)")
    parser.add_argument("--json", action="store_true", help="machine-readable results")
    parser.add_argument("--show-misses", type=int, default=0, metavar="N")
    args = parser.parse_args(argv)
    kinds = args.kinds.split(",") if args.kinds else list(KINDS)
    unknown = [k for k in kinds if k not in KINDS]
    if unknown:
        parser.error(f"unknown kind(s): {', '.join(unknown)}; known: {', '.join(KINDS)}")
    args.kinds = kinds
    if not args.source:
        args.source = [f"{lang}={next((ROOT / 'data' / lang).glob('*.txt'))}"
                       for lang in ("en", "nl")]
    args.sources = []
    for item in args.source:
        lang, _, path = item.partition("=")
        if not path or not Path(path).is_file():
            parser.error(f"--source {item}: expected LANG=FILE, an existing file")
        args.sources.append((lang, str(Path(path).resolve())))
    langs = [lang for lang, _ in args.sources]
    pair = tuple(args.pair.split(":")) if args.pair else tuple(langs[:2])
    if len(pair) != 2 or not set(pair) <= set(langs) or pair[0] == pair[1]:
        parser.error(f"--pair must name two of the sources' languages ({', '.join(langs)})")
    args.pair = pair
    return args


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    pair: tuple[str, str] = args.pair
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="drugstrat-inject-") as tmp:
        clean_dir = str(Path(tmp) / "clean")
        clean = run_case(args.sources, None, pair, clean_dir, None, not args.cli)
        if "error" in clean:
            print(clean["error"], file=sys.stderr)
            return 2
        texts = {lang: Path(path).read_text(encoding="utf-8") for lang, path in args.sources}
        both = ({r["id"] for r in clean["records"] if r["lang"] == pair[0]}
                & {r["id"] for r in clean["records"] if r["lang"] == pair[1]})
        sources = {lang: locate(lang, texts[lang], [r for r in clean["records"]
                                                    if r["lang"] == lang and r["id"] in both])
                   for lang in pair}
        edits = plan(sources, pair, args.kinds, args.per_kind, args.seed)
        print(f"{len(edits)} injections over {len(args.kinds)} kind(s), pair {':'.join(pair)}, "
              f"seed {args.seed}", file=sys.stderr)
        results, failed = [], []
        with ProcessPoolExecutor(max_workers=args.workers) as pool:
            futures = [pool.submit(run_case, args.sources, (e.lang, apply(sources[e.lang], e)),
                                   pair, str(Path(tmp) / f"case{n}"), clean_dir, not args.cli)
                       for n, e in enumerate(edits)]
            for n, (edit, future) in enumerate(zip(edits, futures, strict=True)):
                result = future.result()
                info = describe(edit, sources[edit.lang])
                if "error" in result:
                    failed.append({**info, "error": result["error"]})
                    continue
                s = score(edit, result, clean, sources, pair)
                results.append({**info, "hit": s.strict, "loose": s.loose,
                                "verified": s.verified, "checks": s.checks,
                                "found": [brief(f) for f in s.hits],
                                "near": [brief(f) for f in s.new if f not in s.hits]})
                if (n + 1) % 50 == 0:
                    print(f"  {n + 1}/{len(edits)} ({time.perf_counter() - started:.0f} s)",
                          file=sys.stderr)
    seconds = time.perf_counter() - started
    totals = summary(results, clean["findings"], args.kinds)
    if args.json:
        json.dump({"seed": args.seed, "pair": ":".join(pair), "seconds": round(seconds, 1),
                   "summary": totals,
                   "clean": [brief(f) for f in clean["findings"] if f["severity"] in SEVERE],
                   "results": results, "failed": failed}, sys.stdout, ensure_ascii=False,
                  indent=1)
        print()
        return 0
    print(f"pair {':'.join(pair)}, seed {args.seed}, {len(results)} injections, "
          f"{seconds:.0f} s")
    print(table(totals))
    unverified = sum(not r["verified"] for r in results)
    if unverified or failed:
        print(f"{unverified} injection(s) whose edited record the build did not return as "
              f"expected; {len(failed)} that did not build")
    if args.show_misses:
        print("\nmissed injections:")
        print(show_misses(results, args.show_misses))
    return 0


if __name__ == "__main__":
    sys.exit(main())
