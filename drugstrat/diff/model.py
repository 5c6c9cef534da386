"""Findings, checks and the context every check reads."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from enum import IntEnum
from typing import Any

from drugstrat.glossary import Glossary
from drugstrat.lang import Language


class Severity(IntEnum):
    info = 1
    warning = 2
    error = 3


@dataclass
class Finding:
    id: str  # the record the finding is about
    type: str  # that record's type
    check: str
    severity: Severity
    message: str
    en: str  # evidence in English: the tokens or excerpt that differ
    nl: str  # evidence in Dutch
    # What makes this finding this one (a token, a term): with the check and the record id it
    # gives the stable finding id, so an acceptance keeps applying across runs.
    key: str = ""
    # Character spans to highlight in each language's record text.
    spans: dict[str, list[tuple[int, int]]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        # An empty text is evidence too, but a reviser must see that it is empty.
        self.en = self.en if self.en.strip() else "(empty text)"
        self.nl = self.nl if self.nl.strip() else "(empty text)"
        self.spans = {lang: [s for s in spans if s[1] > s[0]] for lang, spans in
                      self.spans.items()}

    @property
    def finding_id(self) -> str:
        digest = hashlib.sha1(f"{self.check}\0{self.id}\0{self.key}".encode()).hexdigest()
        return f"{self.check}:{self.id}:{digest[:6]}"

    def to_dict(self) -> dict[str, Any]:
        return {
            "finding": self.finding_id, "id": self.id, "type": self.type, "check": self.check,
            "severity": self.severity.name, "message": self.message, "en": self.en,
            "nl": self.nl, "spans": {k: [list(s) for s in v] for k, v in self.spans.items()},
        }


@dataclass(frozen=True)
class Pair:
    """One record in both languages."""

    id: str
    en: dict
    nl: dict

    @property
    def type(self) -> str:
        return self.en["type"]


@dataclass
class Document:
    """What the checks see: the aligned pairs, the records of one language only, the glossary."""

    pairs: list[Pair]
    only: dict[str, list[dict]]  # lang -> records with no counterpart
    versions: dict[str, list[dict]]
    langs: dict[str, Language]
    glossary: Glossary
    memo: dict[str, Any] = field(default_factory=dict)  # document-wide facts, computed once

    def prose_pairs(self) -> Iterator[Pair]:
        """Pairs whose texts are running prose that should say the same: not derived records,
        not a pair where one side merges or splits records (the `merged` check reports it, and
        the texts are not translations of each other alone)."""
        for pair in self.pairs:
            if pair.type in ("target_group", "toc_entry"):
                continue
            if any(r.get("merges") or r.get("continues") for r in (pair.en, pair.nl)):
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


def check(name: str, severity: Severity, description: str) -> Callable[[CheckFunction],
                                                                      CheckFunction]:
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
