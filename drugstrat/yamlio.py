"""The knowledge base's YAML, written for a translator to read and edit, read back safely.

Writing uses ruamel.yaml's round-trip dumper for stable key order, unescaped unicode and long
texts as folded block scalars. Reading uses the safe C loader (no arbitrary objects, fast); the
slower round-trip loader runs only to find the line of a record that failed validation.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

from drugstrat import SCHEMA_VERSION
from drugstrat.errors import KBError

# Key order of a record in the YAML: identity first, the text, then structure, then whatever a
# person added.
KEY_ORDER = (
    "id", "type", "lang", "parent", "number", "honorific", "name", "office", "in_list", "text",
    "emphasis", "cites", "cited_by", "merges", "continues", "aligned", "line",
)
# Fields the parser writes. Anything else on a record was added by a person (`status`, `note`)
# and is carried over when the knowledge base is rebuilt.
PARSER_FIELDS = frozenset(KEY_ORDER)
FOLD_WIDTH = 88


def render(lang: str, source: str | None, records: list[dict]) -> str:
    """The YAML text of one language's records; deterministic, so `build --check` can compare."""
    from ruamel.yaml import YAML
    from ruamel.yaml.comments import CommentedMap

    yaml = YAML()
    yaml.width = 4096  # folding is ours (`_folded`); ruamel must not re-wrap other scalars
    yaml.indent(mapping=2, sequence=4, offset=2)
    yaml.allow_unicode = True
    document = CommentedMap()
    document["schema"] = SCHEMA_VERSION
    document["lang"] = lang
    if source:
        document["source"] = source
    document["records"] = [_ordered(record) for record in records]
    buffer = io.StringIO()
    buffer.write(
        f"# drugstrat knowledge base ({lang}), written by `drugstrat build`.\n"
        "# Fields you add to a record (status: reviewed, note: ...) survive a rebuild.\n"
    )
    yaml.dump(document, buffer)
    return buffer.getvalue()


def _ordered(record: dict) -> Any:
    from ruamel.yaml.comments import CommentedMap

    out = CommentedMap()
    for key in KEY_ORDER:
        if key in record and record[key] not in (None, [], ""):
            out[key] = _folded(record[key]) if key == "text" else record[key]
    for key, value in record.items():
        if key not in out and key not in KEY_ORDER:
            out[key] = value
    if "text" not in out:
        out["text"] = ""
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
    scalar.fold_pos = folds  # type: ignore[attr-defined]
    return scalar


def load_file(path: Path) -> dict:
    """Load one records file with the safe loader; syntax errors name the file and line."""
    from ruamel.yaml import YAML
    from ruamel.yaml.error import MarkedYAMLError, YAMLError

    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise KBError(f"{path}: no such file") from None
    except OSError as exc:
        raise KBError(f"{path}: cannot read ({exc.strerror})") from None
    try:
        document = YAML(typ="safe", pure=False).load(data)
    except MarkedYAMLError as exc:
        mark = exc.problem_mark
        where = f"{path}:{mark.line + 1}" if mark is not None else str(path)
        raise KBError(f"{where}: invalid YAML: {exc.problem}") from None
    except YAMLError as exc:
        raise KBError(f"{path}: invalid YAML: {exc}") from None
    if not isinstance(document, dict) or not isinstance(document.get("records"), list):
        raise KBError(f"{path}: not a drugstrat records file (no 'records' list)")
    return document


def record_lines(path: Path) -> list[int]:
    """1-based line of each record in a records file, for error messages (slow path only)."""
    from ruamel.yaml import YAML

    try:
        document = YAML(typ="rt").load(path.read_text(encoding="utf-8"))
        return [item.lc.line + 1 for item in document["records"]]
    except Exception:  # noqa: BLE001 - a best effort for a message; the caller has the error
        return []
