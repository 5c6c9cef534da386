"""Alignment by length (Gale & Church 1993): pairing two sequences of texts (paragraphs,
sentences) whose counts differ, allowing 1-1, 2-1, 1-2, 1-0 and 0-1 beads."""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from typing import NamedTuple

# Gale & Church's -log prior probability of each bead, and the variance of the length difference
# per character. Their figures, measured on parliamentary proceedings, hold for policy texts too.
PRIOR_COST = {
    (1, 1): -math.log(0.89),
    (2, 1): -math.log(0.089 / 2), (1, 2): -math.log(0.089 / 2),
    (1, 0): -math.log(0.0099 / 2), (0, 1): -math.log(0.0099 / 2),
}
VARIANCE = 6.8
MIN_RATIO_LENGTH = 20  # characters of the reference text before a pair says anything
# Extra cost of each structural disagreement in a bead (see `mismatch`): about half a deletion,
# so structure breaks a tie of lengths but does not override a clear length match alone.
KEY_MISMATCH = 2.5

Bead = tuple[list[int], list[int]]


class Place(NamedTuple):
    """Where a text stands in its document, beyond its length."""

    number: str | None  # a numbered entry's number (a contents entry's numeral)
    followed_by: str | None  # the type of the record after it (a list of aims, a section …)


def mismatch(a: Sequence[Place], b: Sequence[Place]) -> int:
    """How many structural disagreements pairing the texts `a` with the texts `b` makes: a
    number on one side missing from the other, and different records after the last of each."""
    numbers_a = {p.number for p in a if p.number}
    numbers_b = {p.number for p in b if p.number}
    count = len(numbers_a ^ numbers_b) if numbers_a and numbers_b else 0
    after_a, after_b = a[-1].followed_by, b[-1].followed_by
    return count + bool(after_a and after_b and after_a != after_b)


def median_ratio(pairs: Iterable[tuple[str, str]], min_length: int = MIN_RATIO_LENGTH) -> float:
    """How much longer the other language runs than the reference: the median length ratio over
    text pairs (reference, other). The median, so that a few odd pairs cannot skew it; texts
    shorter than `min_length` say nothing."""
    ratios = sorted(len(b) / len(a) for a, b in pairs if len(a) >= min_length and b)
    return ratios[len(ratios) // 2] if ratios else 1.0


def align_lengths(a: list[int], b: list[int], ratio: float,
                  places: tuple[Sequence[Place], Sequence[Place]] | None = None,
                  ) -> list[Bead]:
    """Minimum-cost alignment of two length sequences; returns beads as (indices in a,
    indices in b).

    `places`, when given, say where each text stands: each structural disagreement of a bead
    (see `mismatch`) costs `KEY_MISMATCH` more, so that of two paragraphs of equal length the
    one standing where the other language's stands wins, and numbered entries pair by number.
    """

    def length_cost(la: int, lb: int) -> float:
        delta = (lb - la * ratio) / math.sqrt(max((la + lb / ratio) / 2, 1) * VARIANCE)
        return -math.log(max(math.erfc(abs(delta) / math.sqrt(2)), 1e-300))

    inf = float("inf")
    n, m = len(a), len(b)
    cost = [[inf] * (m + 1) for _ in range(n + 1)]
    back: list[list[tuple[int, int] | None]] = [[None] * (m + 1) for _ in range(n + 1)]
    cost[0][0] = 0.0
    for i in range(n + 1):
        for j in range(m + 1):
            if cost[i][j] == inf:
                continue
            for (di, dj), prior in PRIOR_COST.items():
                ni, nj = i + di, j + dj
                if ni > n or nj > m:
                    continue
                step = prior
                if di and dj:
                    step += length_cost(sum(a[i:ni]), sum(b[j:nj]))
                    if places:
                        step += KEY_MISMATCH * mismatch(places[0][i:ni], places[1][j:nj])
                if cost[i][j] + step < cost[ni][nj]:
                    cost[ni][nj] = cost[i][j] + step
                    back[ni][nj] = (di, dj)
    beads: list[Bead] = []
    i, j = n, m
    while i or j:
        move = back[i][j]
        assert move is not None
        di, dj = move
        beads.append((list(range(i - di, i)), list(range(j - dj, j))))
        i, j = i - di, j - dj
    beads.reverse()
    return beads
