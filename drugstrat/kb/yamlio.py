"""A language's records file (`DIR/<lang>/records.yaml`): written for a translator to read and
edit, read back safely.

Long texts are folded block scalars, folded at single spaces so they read back unchanged; the
slower round-trip loader runs only to find the line of a record that failed validation.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from drugstrat import SCHEMA_VERSION
from drugstrat.errors import KBError
from drugstrat.record import KEY_ORDER, Record
from drugstrat.storage import yamlfile
from drugstrat.storage.recordswriter import Folded, Quoted, write_document

FOLD_WIDTH = 88


def render(lang: str, source: str | None, records: list[Record],
           build: str | None = None) -> str:
    """The YAML text of one language's records; deterministic, so `build --check` can compare.
    Written by the streaming writer, in the text ruamel.yaml would give."""
    head: dict[str, Any] = {"schema": SCHEMA_VERSION, "lang": lang}
    if source:
        head["source"] = source
    if build:
        head["build"] = build
    header = (f"# drugstrat knowledge base ({lang}), written by `drugstrat build`.\n"
              "# Fields you add to a record (status: reviewed, note: ...) survive a rebuild.\n")
    return "".join(write_document(head, "records", (_ordered(r) for r in records), header))


def _ordered(record: Record) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key in KEY_ORDER:
        value = record.get(key)
        if key == "text":
            out[key] = _folded(record["text"])
        elif value not in (None, [], ""):
            out[key] = _exact(value)
    for key, value in record.items():
        if key not in out and key not in KEY_ORDER:
            out[key] = _exact(value)
    return out


def _exact(value: Any) -> Any:
    """A person's value with every string YAML would not read back as it is (a line break of
    its own, a control) marked for double quotes with escapes."""
    if isinstance(value, str) and _needs_escapes(value):
        return Quoted(value)
    if isinstance(value, list):
        return [_exact(v) for v in value]
    if isinstance(value, dict):
        return {_exact(k): _exact(v) for k, v in value.items()}
    return value


def _needs_escapes(text: str) -> bool:
    return not text.isprintable() or any(ch in text for ch in "\x85\u2028\u2029\ufeff")


def _folded(text: str) -> str:
    """A long text as a `>-` block, folded at single spaces so it reads back unchanged.

    Text holding characters YAML reads as line breaks or cannot show (NEL, U+2028, controls) is
    double-quoted with escapes instead: exactness beats looks.
    """
    if _needs_escapes(text):
        return Quoted(text)
    if len(text) <= FOLD_WIDTH or text != text.strip():
        return text
    folds, last = [], 0
    i = text.find(" ", FOLD_WIDTH - 8)
    while i != -1:  # only the spaces are looked at: a long text is mostly letters
        if i - last >= FOLD_WIDTH - 8 and text[i - 1] != " " and i + 1 < len(text) \
                and text[i + 1] not in " #":
            folds.append(i)
            last = i
            i = text.find(" ", i + FOLD_WIDTH - 8)
        else:
            i = text.find(" ", i + 1)
    return Folded(text, folds)


def load(path: Path) -> dict[str, Any]:
    """A records file's document; one that is not a records file is a `KBError`."""
    document = yamlfile.load(path)
    if not isinstance(document, dict) or not isinstance(document.get("records"), list):
        raise KBError(f"{path}: not a drugstrat records file (no 'records' list)")
    return document


def record_lines(path: Path) -> list[int]:
    """1-based line of each record in a records file, for error messages (slow path only)."""
    from ruamel.yaml import YAML

    try:
        document = YAML(typ="rt").load(path.read_text(encoding="utf-8"))
        return [item.lc.line + 1 for item in document["records"]]
    except Exception:  # a best effort for a message; the caller reports the error itself
        return []
