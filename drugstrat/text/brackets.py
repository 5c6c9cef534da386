"""Brackets and quotes: nesting depth, top-level splits, parentheticals, unpaired marks.

The one place that scans bracket depth, for the parser's series, the checks and the exports.
"""

from __future__ import annotations

import re

PAIRS = {"(": ")", "[": "]", "{": "}", "“": "”", "«": "»", "‘": "’"}
_CLOSERS = {closer: opener for opener, closer in PAIRS.items()}
# "1) prevention; 2) care" and "a) …": enumerators close a bracket they never opened.
ENUMERATOR = re.compile(r"(?<![\w(])(?:\d{1,2}|[a-z])\)")


def depth_at(text: str, end: int) -> int:
    """How many parentheses are open just before `end` (a stray closer opens nothing)."""
    depth = 0
    for ch in text[:end]:
        if ch == "(":
            depth += 1
        elif ch == ")" and depth:
            depth -= 1
    return depth


def split_top_level(text: str, separators: str) -> list[str]:
    """Split at separators that stand outside parentheses: "a, b (c, d), e" -> 3 parts."""
    pieces, depth, start = [], 0, 0
    for i, ch in enumerate(text):
        if ch == "(":
            depth += 1
        elif ch == ")" and depth:
            depth -= 1
        elif ch in separators and depth == 0:
            pieces.append(text[start:i])
            start = i + 1
    pieces.append(text[start:])
    return pieces


def parentheticals(text: str) -> list[tuple[int, int]]:
    """Spans of the top-level parenthesised remarks, brackets included."""
    spans, depth, start = [], 0, 0
    for i, ch in enumerate(text):
        if ch == "(":
            if depth == 0:
                start = i
            depth += 1
        elif ch == ")" and depth:
            depth -= 1
            if depth == 0:
                spans.append((start, i + 1))
    return spans


def unpaired(text: str) -> list[int]:
    """Offsets of brackets and quotes that have no partner."""
    skip = {m.end() - 1 for m in ENUMERATOR.finditer(text)}
    stack: list[tuple[str, int]] = []
    lonely: list[int] = []
    for i, ch in enumerate(text):
        if i in skip:
            continue
        if ch == "’" and 0 < i < len(text) - 1 and text[i - 1].isalpha() and text[i + 1].isalpha():
            continue  # an apostrophe: "Belgium’s"
        if ch in PAIRS and not (ch == "‘" and stack and stack[-1][0] == "‘"):
            stack.append((ch, i))
        elif ch in _CLOSERS:
            if stack and stack[-1][0] == _CLOSERS[ch]:
                stack.pop()
            elif ch != "’":
                lonely.append(i)
    lonely.extend(i for ch, i in stack if ch != "‘")
    straight = [i for i, ch in enumerate(text) if ch == '"']
    if len(straight) % 2:
        lonely.append(straight[-1])
    return sorted(lonely)
