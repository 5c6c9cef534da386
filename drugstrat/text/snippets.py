"""A window of a long text around its first match, cut between words: what a search result shows
of a record, its matched words never cut in two ("gam…"), a short record shown whole."""

from __future__ import annotations

WINDOW = 160  # characters of a long text shown
WHOLE = 240  # a text this short is shown whole: a window would hide as much as it shows


def snippet(text: str, spans: list[tuple[int, int]], window: int = WINDOW,
            whole: int = WHOLE) -> tuple[str, list[tuple[int, int]]]:
    """The window of `text` around its first span, starting and ending between words (an
    ellipsis where text is left out), and the spans that fall in it, moved into it."""
    if len(text) <= whole:
        return text, list(spans)
    first = spans[0][0] if spans else 0
    start = max(0, min(first - window // 3, len(text) - window))
    if start:
        start = text.rfind(" ", 0, start) + 1  # back to the start of the word
    # Moved back to a word's start, the window still holds the whole first match.
    end = min(len(text), max(start + window, spans[0][1] if spans else 0))
    # A match the window would cut runs to its end; the window then ends between words.
    end = max([end, *(e for s, e in spans if s < end < e)])
    if end < len(text) and not text[end].isspace():
        kept = max([start, *(e for s, e in spans if s < end)])
        cut = text.rfind(" ", kept, end)
        if cut > start + window // 2:
            end = cut
        else:
            after = text.find(" ", end)
            end = len(text) if after == -1 else after
    body = text[start:end].rstrip()
    prefix = "…" if start else ""
    suffix = "…" if start + len(body) < len(text) else ""
    shift = len(prefix) - start
    moved = [(s + shift, e + shift) for s, e in spans if s >= start and e <= start + len(body)]
    return prefix + body + suffix, moved
