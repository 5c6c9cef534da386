"""Dashes: the typography a reviser corrects by eye, told by the document's own habit.

A language version sets its parenthetical dashes one way — spaced en dashes ("– where possible
–"), spaced hyphens, spaced or closed em dashes — and the rarer way is a slip ("Verslaving kan – op
korte en op lange termijn - leiden"). A dash with a space on one side only is either one of a
pair missing its space ("and –where possible – guiding") or a dash standing for the hyphen of a
shortened compound ("drugsproductie en –handel"). No list of words: the habit is counted.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator

from drugstrat.diff.model import Document, Finding, Pair, Severity, check, excerpt
from drugstrat.record import Record

# A dash between two words, as the text sets it: spaced (" – ") or closed ("word—word"; a closed
# hyphen is a compound's, a closed en dash a range's, neither a dash).
_SET = re.compile(r"(?<=[\w,)]) ([-–—]) (?=[(\w])|(?<=[^\W\d_])(—)(?=[^\W\d_])")
# An en or em dash with a space before it and a letter right after, or the reverse.
_GLUED = re.compile(r"(?:(?<=\s)([–—])(?=[^\W\d_]))|(?:(?<=[^\W\d_])([–—])(?=\s))")
HABIT = 3  # dashes set one way before that is the document's way
_SENTENCE_END = re.compile(r"[.!?;:](?:\s|$)")


@check("dashes", Severity.info, "a dash set otherwise than the document sets its dashes (a "
                                "spaced hyphen where it writes «–»), or with a space on one "
                                "side only")
def dashes(doc: Document) -> Iterator[Finding]:
    for lang in doc.langs:
        sides = [(pair, record, counterpart) for pair in doc.pairs
                 for side, record, counterpart in pair.sides() if side == lang]
        habit = Counter(_style(m) for _, record, _ in sides
                        for m in _SET.finditer(record["text"]))
        usual, times = habit.most_common(1)[0] if habit else ("", 0)
        for pair, record, counterpart in sides:
            yield from _in_record(doc, pair, record, counterpart, usual, times, habit)


def _style(match: re.Match[str]) -> str:
    dash = match.group(1) or match.group(2)
    return f" {dash} " if match.group(1) else dash


def _in_record(doc: Document, pair: Pair, record: Record, counterpart: Record, usual: str,
               times: int, habit: Counter[str]) -> Iterator[Finding]:
    text, lang = record["text"], record["lang"]
    if times >= HABIT:
        for match in _SET.finditer(text):
            style = _style(match)
            around = text[match.start() - 1:match.start()] + text[match.end():match.end() + 1]
            if style == usual or habit[style] >= times or around.isdigit():
                continue  # the habit, or a range of numbers ("2026 - 2029")
            span = match.span(1) if match.group(1) else match.span(2)
            yield _finding(pair, record, counterpart, span,
                           f"«{style.strip()}» in {lang} where the document sets its dashes as "
                           f"«{usual.strip()}» ({times} times)", _key(text, span, style))
    conjunctions = set(doc.tables[lang].conjunctions)
    for match in _GLUED.finditer(text):
        dash = match.group(1) or match.group(2)
        span = match.span()
        first, last = _sentence(text, span[0])
        paired = text.count(dash, first, last) > 1  # a parenthetical's pair of dashes
        before = text[:span[0]].split()
        if paired:
            side = "after" if match.group(1) else "before"
            message = f"a dash in {lang} with no space {side} it, unlike the other of its pair"
        elif match.group(1) and before and before[-1].casefold() in conjunctions:
            tail = re.match(r"[^\W\d_]+", text[span[1]:])
            part = tail.group() if tail else ""
            message = f"«{dash}{part}» in {lang}: a dash where the hyphen of a shortened " \
                      f"compound is meant («-{part}»)"
        else:
            continue
        yield _finding(pair, record, counterpart, span, message, _key(text, span, "glued"))


def _key(text: str, span: tuple[int, int], kind: str) -> str:
    """The finding's words, not its offset: an acceptance survives an edit elsewhere."""
    return f"{kind}:{text[max(span[0] - 20, 0):span[1] + 20].casefold()}"


def _sentence(text: str, at: int) -> tuple[int, int]:
    """The bounds of the sentence holding offset `at`."""
    start = max((m.end() for m in _SENTENCE_END.finditer(text, 0, at)), default=0)
    end = next((m.start() + 1 for m in _SENTENCE_END.finditer(text, at)), len(text))
    return start, end


def _finding(pair: Pair, record: Record, counterpart: Record, span: tuple[int, int],
             message: str, key: str) -> Finding:
    lang = record["lang"]
    return Finding(pair.id, pair.type, "dashes", Severity.info, message,
                   {lang: excerpt(record["text"], *span),
                    counterpart["lang"]: excerpt(counterpart["text"], width=90)},
                   key=f"{lang}:{key}", spans={lang: [span]})
