"""Alignment by length (Gale & Church 1993): pairing two sequences of texts (paragraphs,
sentences) whose counts differ, allowing 1-1, 2-1, 1-2, 1-0 and 0-1 beads."""

from __future__ import annotations

import math
from collections.abc import Iterable

# Gale & Church's -log prior probability of each bead, and the variance of the length difference
# per character. Their figures, measured on parliamentary proceedings, hold for policy texts too.
PRIOR_COST = {
    (1, 1): -math.log(0.89),
    (2, 1): -math.log(0.089 / 2), (1, 2): -math.log(0.089 / 2),
    (1, 0): -math.log(0.0099 / 2), (0, 1): -math.log(0.0099 / 2),
}
VARIANCE = 6.8
MIN_RATIO_LENGTH = 20  # characters of the reference text before a pair says anything

Bead = tuple[list[int], list[int]]


def median_ratio(pairs: Iterable[tuple[str, str]], min_length: int = MIN_RATIO_LENGTH) -> float:
    """How much longer the other language runs than the reference: the median length ratio over
    text pairs (reference, other). The median, so that a few odd pairs cannot skew it; texts
    shorter than `min_length` say nothing."""
    ratios = sorted(len(b) / len(a) for a, b in pairs if len(a) >= min_length and b)
    return ratios[len(ratios) // 2] if ratios else 1.0


def align_lengths(a: list[int], b: list[int], ratio: float) -> list[Bead]:
    """Minimum-cost alignment of two length sequences; returns beads as (indices in a,
    indices in b)."""

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
