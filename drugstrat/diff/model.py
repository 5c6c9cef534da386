"""Findings, checks, and the document every check reads: one language pair, the reference and one
other language."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from enum import Enum
from functools import total_ordering
from typing import Any

from drugstrat.languages import Language
from drugstrat.record import Record
from drugstrat.terms.glossary import Glossary
from drugstrat.terms.lexicon import Lexicon
from drugstrat.terms.links import Links, link
from drugstrat.terms.tokens import Token, Tokenizer

Span = tuple[int, int]
# A lexicon, or how to get it (kept beside the cache, or learned) when first needed.
LexiconSource = Lexicon | Callable[[], Lexicon | None]


@total_ordering
class Severity(Enum):
    """How much a finding matters, least first. The one scale: `--severity` and `--fail-on`
    offer its values, JSON writes them, and findings compare by it, never by strings."""

    info = "info"
    warning = "warning"
    error = "error"

    @property
    def rank(self) -> int:
        """0 for the least severe, upwards."""
        return list(Severity).index(self)

    def __lt__(self, other: object) -> bool:
        if not isinstance(other, Severity):
            return NotImplemented
        return self.rank < other.rank


@dataclass(frozen=True)
class Acceptance:
    """A reviser's decision that a finding is no fault (`accepted.yaml`)."""

    comment: str
    date: str = ""  # as the file writes it


@dataclass
class Finding:
    id: str  # the record the finding is about
    type: str  # that record's type
    check: str
    severity: Severity
    message: str
    # Evidence in each language of the pair: the tokens or excerpt that differ.
    evidence: dict[str, str]
    # What makes this finding this one (a token, a term): with the check and the record id it
    # gives the stable finding id, so an acceptance keeps applying across runs.
    key: str = ""
    # Character spans to highlight in each language's record text.
    spans: dict[str, list[Span]] = field(default_factory=dict)
    langs: tuple[str, str] = ("", "")  # the pair compared, set by `run`
    # Findings of other checks about the same cause, folded into this one.
    related: list[Finding] = field(default_factory=list)
    acceptance: Acceptance | None = None  # set when a reviser accepted it

    @property
    def accepted(self) -> bool:
        return self.acceptance is not None

    @property
    def finding_id(self) -> str:
        digest = hashlib.sha1(f"{self.check}\0{self.id}\0{self.key}".encode()).hexdigest()
        return f"{self.check}:{self.id}:{digest[:6]}"

    @property
    def pair(self) -> str:
        return ":".join(self.langs)

    def settle(self, langs: tuple[str, str]) -> Finding:
        """Fix the pair, show an empty text as such (a reviser must see that it is empty), and
        drop empty spans."""
        self.langs = langs
        self.evidence = {lang: self.evidence.get(lang, "").strip() and self.evidence[lang]
                         or "(empty text)" for lang in langs}
        self.spans = {lang: [s for s in spans if s[1] > s[0]]
                      for lang, spans in self.spans.items() if lang in langs}
        return self

    def with_related(self, others: list[Finding]) -> Finding:
        """This finding carrying others of the same cause: their spans join its own."""
        if not others:
            return self
        self.related = others
        for other in others:
            for lang, spans in other.spans.items():
                mine = self.spans.setdefault(lang, [])
                mine.extend(s for s in spans if s not in mine)
        return self

    def to_dict(self, with_acceptance: bool = False) -> dict[str, Any]:
        """The finding as scripts read it (README, "drugstrat diff"); `with_acceptance` adds
        whether a reviser accepted it and why."""
        out: dict[str, Any] = {
            "finding": self.finding_id, "id": self.id, "type": self.type, "check": self.check,
            "severity": self.severity.name, "message": self.message, "pair": self.pair,
            **self.evidence,
            "spans": {k: [list(s) for s in sorted(v)] for k, v in self.spans.items()},
        }
        if self.related:
            out["related"] = [{"finding": r.finding_id, "check": r.check,
                               "severity": r.severity.name, "message": r.message}
                              for r in self.related]
        if with_acceptance:
            out["accepted"] = self.accepted
            if self.acceptance is not None:
                out["comment"] = self.acceptance.comment
        return out


@dataclass(frozen=True)
class Pair:
    """One record in both languages of the pair."""

    id: str
    a: Record  # the reference language's record
    b: Record  # the other language's record

    @property
    def type(self) -> str:
        return self.a["type"]

    def __getitem__(self, lang: str) -> Record:
        return self.a if self.a["lang"] == lang else self.b

    def sides(self) -> tuple[tuple[str, Record, Record], tuple[str, Record, Record]]:
        """Each language's record with the other's: (lang, record, its counterpart)."""
        return (self.a["lang"], self.a, self.b), (self.b["lang"], self.b, self.a)


# A lexicon score that makes two words possibly each other's translation.
RELATED = 0.05


@dataclass
class Document:
    """What the checks see: the aligned pairs of two languages, the records of one language
    only, the glossary."""

    langs: tuple[str, str]  # (reference, other)
    tables: dict[str, Language]
    pairs: list[Pair]
    only: dict[str, list[Record]]  # lang -> records with no counterpart
    versions: dict[str, list[Record]]  # the two languages' records, reference first
    glossary: Glossary
    # Which word translates which, learned from this pair: the lexicon itself, or how to get it
    # when a check first asks (a check that reads no words never loads or learns it).
    lexicon_of: LexiconSource | None = None
    memo: dict[str, Any] = field(default_factory=dict)  # document-wide facts, computed once
    _tokens: dict[tuple[str, str], list[Token]] = field(default_factory=dict)
    _tokenizers: dict[str, Tokenizer] = field(default_factory=dict)
    _links: dict[tuple[str, bool], Links] = field(default_factory=dict)

    @property
    def lexicon(self) -> Lexicon | None:
        if callable(self.lexicon_of):
            self.lexicon_of = self.lexicon_of()
        return self.lexicon_of

    def other(self, lang: str) -> str:
        return self.langs[1] if lang == self.langs[0] else self.langs[0]

    def tokens(self, record: Record) -> list[Token]:
        """The record's words as the lexicon sees them (computed once)."""
        key = (record["lang"], record["id"])
        if key not in self._tokens:
            lang = record["lang"]
            if lang not in self._tokenizers:
                compounds = self.lexicon.compounds.get(lang) if self.lexicon else None
                self._tokenizers[lang] = Tokenizer(self.tables[lang], compounds)
            self._tokens[key] = self._tokenizers[lang].tokenize(record["text"])
        return self._tokens[key]

    def habit(self, token: Token, lang: str) -> tuple[int, float]:
        """In how many other aligned segments the word stands, and the share of those where it
        was translated: its habit apart from this occurrence."""
        assert self.lexicon is not None
        occurrences, linked = self.lexicon.habit(lang, token.folded)
        elsewhere = max(occurrences - 1, 0)
        # This occurrence may have been linked in training (sentence by sentence): it does not
        # count.
        return elsewhere, (min(linked, elsewhere) / elsewhere if elsewhere else 0.0)

    def links(self, pair: Pair, as_evidence: bool = False) -> Links:
        """Which word of the pair's reference text translates which of the other's. As
        evidence about this very pair (`as_evidence`: what says a word is missing or replaced),
        a pair of words that this record alone taught the lexicon counts for nothing — a
        rendering made once, where the words are rendered otherwise elsewhere, must not vouch
        for itself; the renderings themselves (what term-consistency compares) take every
        link."""
        key = (pair.id, as_evidence)
        if key not in self._links:
            from drugstrat.terms.learning import glossary_seeds

            if "fixed" not in self.memo:
                compounds = self.lexicon.compounds if self.lexicon else {}
                self.memo["fixed"] = glossary_seeds(self.glossary, self.langs, compounds)[1]
            distrusted = (self.lexicon.taught_only_by(pair.id)
                          if as_evidence and self.lexicon else frozenset())
            if as_evidence and not distrusted:
                self._links[key] = self.links(pair)
            else:
                self._links[key] = link(self.tokens(pair.a), self.tokens(pair.b), self.lexicon,
                                        self.memo["fixed"], distrusted)
        return self._links[key]

    def partners(self, pair: Pair, lang: str, least: float = 0.0,
                 as_evidence: bool = False) -> dict[int, int]:
        """The pair's links seen from `lang`'s text: the index of its word -> the index of the
        other text's word it is linked to (links at least `least` sure; see `links`)."""
        from_a = lang == self.langs[0]
        return {(p.a if from_a else p.b): (p.b if from_a else p.a)
                for p in self.links(pair, as_evidence).pairs if p.score >= least}

    def prose_pairs(self) -> Iterator[Pair]:
        """Pairs whose texts are running prose that should say the same: not derived records,
        not a pair where one side merges or splits records (the `merged` check reports it, and
        the texts are not translations of each other alone)."""
        for pair in self.pairs:
            if pair.type in ("target_group", "toc_entry"):
                continue
            if any(r.get("merges") or r.get("continues") for r in (pair.a, pair.b)):
                continue
            yield pair


CheckFunction = Callable[[Document], Iterator[Finding]]


@dataclass(frozen=True)
class Check:
    name: str
    severity: Severity
    description: str
    run: CheckFunction


REGISTRY: dict[str, Check] = {}


def check(name: str, severity: Severity,
          description: str) -> Callable[[CheckFunction], CheckFunction]:
    """Register a check under a name, with its default severity and a one-line description."""

    def register(function: CheckFunction) -> CheckFunction:
        REGISTRY[name] = Check(name, severity, description, function)
        return function

    return register


def excerpt(text: str, start: int = 0, end: int | None = None, width: int = 60) -> str:
    """The text around a span, shortened with an ellipsis for a one-line evidence."""
    end = start if end is None else end
    lo = max(0, start - width // 2)
    hi = min(len(text), max(end, start) + width // 2)
    return ("…" if lo else "") + text[lo:hi] + ("…" if hi < len(text) else "")
