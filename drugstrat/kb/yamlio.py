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

FOLD_WIDTH = 88


def render(lang: str, source: str | None, records: list[Record],
           build: str | None = None) -> str:
    """The YAML text of one language's records; deterministic, so `build --check` can compare."""
    from ruamel.yaml.comments import CommentedMap

    document = CommentedMap()
    document["schema"] = SCHEMA_VERSION
    document["lang"] = lang
    if source:
        document["source"] = source
    if build:
        document["build"] = build
    document["records"] = [_ordered(record) for record in records]
    header = (f"# drugstrat knowledge base ({lang}), written by `drugstrat build`.\n"
              "# Fields you add to a record (status: reviewed, note: ...) survive a rebuild.\n")
    return yamlfile.dumps(document, header)


def _ordered(record: Record) -> Any:
    from ruamel.yaml.comments import CommentedMap

    out = CommentedMap()
    for key in KEY_ORDER:
        value = record.get(key)
        if key == "text":
            out[key] = _folded(record["text"])
        elif value not in (None, [], ""):
            out[key] = value
    for key, value in record.items():
        if key not in out and key not in KEY_ORDER:
            out[key] = value
    return out


def _folded(text: str) -> Any:
    """A long text as a `>-` block, folded at single spaces so it reads back unchanged.

    Text holding characters YAML reads as line breaks or cannot show (NEL, U+2028, controls) is
    double-quoted with escapes instead: exactness beats looks.
    """
    from ruamel.yaml.scalarstring import DoubleQuotedScalarString, FoldedScalarString

    if not text.isprintable() or any(ch in text for ch in "\x85\u2028\u2029\ufeff"):
        return DoubleQuotedScalarString(text)
    if len(text) <= FOLD_WIDTH or text != text.strip():
        return text
    folds, last = [], 0
    for i, ch in enumerate(text):
        if (
            ch == " " and i - last >= FOLD_WIDTH - 8
            and text[i - 1] != " " and i + 1 < len(text) and text[i + 1] not in " #"
        ):
            folds.append(i)
            last = i
    scalar = FoldedScalarString(text)
    scalar.fold_pos = folds
    return scalar


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
