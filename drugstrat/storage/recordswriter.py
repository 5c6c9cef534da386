"""A streaming writer for the records files: the same text ruamel.yaml's round-trip dumper
writes (`storage.yamlfile.writer`), at a small fraction of its cost.

A records file is a long list of flat mappings whose values are strings, numbers, booleans and a
few short lists — and, now and then, whatever a person typed. This writer emits the common shapes
itself, choosing each scalar's style by the rules ruamel.yaml applies (plain unless the string
would read back as something else or holds an indicator; then single quotes; a long text as a
folded block at the places given), and hands anything else — a person's own values, a string
needing escapes — to ruamel.yaml, value by value. Rendering a 5 MB source's records this way is
seconds faster than dumping the whole document through ruamel.yaml, and the test suite checks
that both give the same text.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterable, Iterator, Mapping
from functools import lru_cache
from typing import Any

INDICATORS_FIRST = set("#,[]{}&*!|>'\"%@`")
# What YAML cannot show unescaped, or reads as a line break; and tabs, which plain scalars
# handle badly.
SPECIAL = re.compile("[^\x20-\x7e\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]|"
                     "[\ufeff\u2028\u2029]")


class Folded(str):
    """A long text to write as a folded block (`>-`), broken at the spaces at `folds`."""

    folds: list[int]

    def __new__(cls, text: str, folds: list[int]) -> Folded:
        made = super().__new__(cls, text)
        made.folds = folds
        return made


class Quoted(str):
    """A text to write double-quoted, with escapes (it holds characters YAML cannot show)."""


def write_document(head: Mapping[str, Any], key: str, items: Iterable[Mapping[str, Any]],
                   header: str = "") -> Iterator[str]:
    """The text of a document: `head`'s scalars, then `key` with a list of flat mappings,
    piece by piece (join them, or write them as they come)."""
    yield header
    for name, value in head.items():
        yield f"{name}: {_scalar(value)}\n"
    first = True
    for item in items:
        if first:
            yield f"{key}:\n"
            first = False
        yield _item(item)
    if first:
        yield f"{key}: []\n"


def _item(item: Mapping[str, Any]) -> str:
    lines = []
    lead = "  - "
    others: dict[Any, Any] = {}
    for name, value in item.items():
        if not _plain_key(name) or not _simple(value):
            others[name] = value
            continue
        if others:  # keep the order: a value for ruamel.yaml before this one goes first
            lines.append(_by_ruamel(others, lead))
            lead, others = "    ", {}
        lines.append(f"{lead}{name}:{_value(value)}")
        lead = "    "
    if others:
        lines.append(_by_ruamel(others, lead))
    return "".join(lines)


def _simple(value: Any) -> bool:
    """Whether this writer writes `value` itself (else ruamel.yaml does): a scalar of ours, or
    a list of them, or a list of flat mappings of them (emphasis spans)."""
    if isinstance(value, list) and value:
        return all(_own_scalar(v) and not isinstance(v, Folded) for v in value) or all(
            isinstance(v, dict) and v and all(_plain_key(k) and _own_scalar(x)
                                              and not isinstance(x, Folded)
                                              for k, x in v.items()) for v in value)
    return _own_scalar(value)


def _plain_key(key: Any) -> bool:
    """Whether this writer writes the key itself: a string that reads back as that string
    ("0", "true" or "2026-01-01" would read as a number, a boolean, a date) and needs no
    escapes (those are `Quoted`)."""
    return isinstance(key, str) and not isinstance(key, Quoted) and _plain_ok(key) \
        and not _reads_otherwise(key)


def _own_scalar(value: Any) -> bool:
    if isinstance(value, (bool, int)):
        return True
    if isinstance(value, Folded):
        return True
    return isinstance(value, str) and not isinstance(value, Quoted) and _quoting(value) is not None


def _value(value: Any) -> str:
    """` scalar\n`, or the block after a key (a list, a folded text)."""
    if isinstance(value, Folded):
        return " >-\n" + "".join(f"      {line}\n" for line in _fold(value, value.folds))
    if isinstance(value, list):
        out = []
        for entry in value:
            if isinstance(entry, dict):
                keys = iter(entry.items())
                name, scalar = next(keys)
                out.append(f"      - {name}: {_scalar(scalar)}\n")
                out += [f"        {k}: {_scalar(v)}\n" for k, v in keys]
            else:
                out.append(f"      - {_scalar(entry)}\n")
        return "\n" + "".join(out)
    return f" {_scalar(value)}\n"


def _fold(text: str, folds: list[int]) -> list[str]:
    lines, last = [], 0
    for at in folds:
        lines.append(text[last:at])
        last = at + 1
    lines.append(text[last:])
    return lines


def _scalar(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, str) and not isinstance(value, Quoted):
        written = _quoting(value)
        if written is not None:
            return written
    return _ruamel_scalar(value)


def _quoting(text: str) -> str | None:
    """The string plain, or single-quoted; None when only double quotes with escapes will do
    (then ruamel.yaml writes it)."""
    if _plain_ok(text) and not _reads_otherwise(text):
        return text
    if not SPECIAL.search(text) and "'" not in text and "\n" not in text:
        return "'" + text + "'"
    return None


def _plain_ok(text: str) -> bool:
    """Whether a one-line string may be written plain in block context (YAML's indicators and
    whitespace rules, as the emitter applies them)."""
    if not text or text[0] in INDICATORS_FIRST or text[0] == " " or text[-1] == " ":
        return False
    if text.startswith(("---", "...")) or SPECIAL.search(text):
        return False
    if text[0] in "?:-" and (len(text) == 1 or text[1] in " \t"):
        return False
    return ": " not in text and " #" not in text and not text.endswith(":")


def _reads_otherwise(text: str) -> bool:
    """Whether the plain string would read back as something other than a string (a number,
    a date, a boolean, null)."""
    return any(pattern.match(text) for _tag, pattern in _resolvers().get(text[0], ()))


@lru_cache(maxsize=1)
def _resolvers() -> dict[str, list[tuple[str, Any]]]:
    """ruamel.yaml's implicit resolvers, by the first character they apply to."""
    from drugstrat.storage.yamlfile import writer

    table = writer().resolver.versioned_resolver
    return {first: list(table.get(first, ())) + list(table.get(None, ()))
            for first in table if first}


def _ruamel_scalar(value: Any) -> str:
    text = _dumped({"k": value})
    return text[len("k: "):].rstrip("\n")


def _by_ruamel(fields: dict[Any, Any], lead: str) -> str:
    """Fields as ruamel.yaml writes them, indented under a list item."""
    lines = _dumped(fields).splitlines(keepends=True)
    return "".join((lead if i == 0 else "    ") + line for i, line in enumerate(lines))


def _dumped(data: Any) -> str:
    from drugstrat.storage.yamlfile import writer

    buffer = io.StringIO()
    writer().dump(_for_ruamel(data), buffer)
    return buffer.getvalue()


def _for_ruamel(value: Any) -> Any:
    from ruamel.yaml.scalarstring import DoubleQuotedScalarString, FoldedScalarString

    if isinstance(value, Folded):
        scalar = FoldedScalarString(str(value))
        scalar.fold_pos = value.folds
        return scalar
    if isinstance(value, Quoted):
        return DoubleQuotedScalarString(str(value))
    if isinstance(value, dict):
        return {_for_ruamel(k): _for_ruamel(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_for_ruamel(v) for v in value]
    return value
