"""YAML that people read and edit: loaded safely, written readably, errors with file and line.

The one owner of ruamel.yaml's set-up. Loading uses the safe C loader (no arbitrary objects);
writing uses the round-trip dumper for stable key order and unescaped unicode.
"""

from __future__ import annotations

import functools
import io
import threading
from collections import OrderedDict
from pathlib import Path
from typing import Any

from drugstrat.errors import KBError


def load(path: Path) -> Any:
    """The YAML document in `path`; a missing, unreadable or malformed file is a `KBError`
    naming the file (and line), one that is no regular file or past the size limit an
    `InputError` (see `storage.limits`)."""
    from drugstrat.storage.limits import read_regular

    try:
        data = read_regular(path)
    except FileNotFoundError:
        raise KBError(f"{path}: no such file") from None
    except OSError as exc:
        raise KBError(f"{path}: cannot read ({exc.strerror})") from None
    return loads(data, str(path))


# Parsed documents by the digest of their bytes, newest last: one build reads a records file
# several times (the source it names, what a person added, validation) and a test session
# builds the same texts again and again; a document is parsed once per content.
_PARSED: OrderedDict[bytes, Any] = OrderedDict()
_PARSED_LOCK = threading.Lock()  # the review page answers requests on threads
_MISSING = object()
PARSED_KEPT = 8


def loads(data: bytes | str, name: str) -> Any:
    """The YAML document in `data` (read from `name`, for messages), loaded safely; each caller
    gets a copy of its own to change."""
    import copy
    import hashlib

    digest = hashlib.sha256(data.encode("utf-8") if isinstance(data, str) else data).digest()
    with _PARSED_LOCK:
        parsed = _PARSED.get(digest, _MISSING)
    if parsed is _MISSING:
        parsed = _parse(data, name)
    with _PARSED_LOCK:
        _PARSED[digest] = parsed
        _PARSED.move_to_end(digest)
        if len(_PARSED) > PARSED_KEPT:
            _PARSED.popitem(last=False)
    try:
        return copy.deepcopy(parsed)
    except RecursionError:  # nested deeper than copying goes: this caller's own parse
        return _parse(data, name)


def _parse(data: bytes | str, name: str) -> Any:
    from ruamel.yaml import YAML
    from ruamel.yaml.error import MarkedYAMLError, YAMLError

    try:
        yaml = YAML(typ="safe", pure=False)
        yaml.Resolver = _resolver_class()
        document = yaml.load(data)
    except MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        where = f"{name}:{mark.line + 1}" if mark is not None else name
        raise KBError(f"{where}: invalid YAML: {exc.problem or exc.context}") from None
    except YAMLError as exc:
        raise KBError(f"{name}: invalid YAML: {exc}") from None
    except RecursionError:
        raise KBError(f"{name}: invalid YAML: nested too deeply") from None
    shared = _shared(document)
    if shared is not None:
        line = _alias_line(data)
        where = f"{name}:{line}" if line else name
        raise KBError(f"{where}: {shared or 'the document'}: a value shared through a YAML alias "
                      f"(*name); write it out instead (aliases are refused: a few nested ones "
                      f"grow a file a billionfold)")
    return document


@functools.cache
def _resolver_class() -> type:
    """ruamel.yaml's resolver, asking which YAML version the document declares once per
    document rather than once per scalar (a third of a load's time, through exceptions)."""
    from ruamel.yaml.resolver import VersionedResolver

    class OnceVersionedResolver(VersionedResolver):
        @property
        def versioned_resolver(self) -> Any:
            table = self.__dict__.get("_table")
            if table is None:
                table = self.__dict__["_table"] = super().versioned_resolver
            return table

    return OnceVersionedResolver


def _shared(document: Any) -> str | None:
    """The place of the first list or mapping met twice (through an alias), if any."""
    seen: set[int] = set()
    stack: list[tuple[Any, str]] = [(document, "")]
    while stack:
        value, where = stack.pop()
        if not isinstance(value, (dict, list, set, frozenset, tuple)):
            continue
        if id(value) in seen:
            return where
        seen.add(id(value))
        if isinstance(value, dict):
            stack.extend((v, f"{where}.{k}" if where else str(k)) for k, v in value.items())
        else:
            stack.extend((v, f"{where}[{i}]") for i, v in enumerate(value))
    return None


def _alias_line(data: bytes | str) -> int | None:
    import re

    text = data.decode("utf-8", "replace") if isinstance(data, bytes) else data
    for number, line in enumerate(text.splitlines(), start=1):
        if re.search(r"(?:^|[\s\[{,:-])\*[^\s*,\]}]+", line.split(" #")[0]):
            return number
    return None


def load_round_trip(path: Path) -> tuple[Any, str]:
    """A file people edit, for a program to change and write back as they left it: the
    document in ruamel.yaml's round-trip form (comments, key order and every key kept; write
    it with `dumps`), and the text it came from. The safe load (`load`) is the one that
    validates: call it first."""
    from drugstrat.storage.limits import read_regular

    try:
        text = read_regular(path).decode("utf-8")
    except FileNotFoundError:
        return None, ""
    except (OSError, UnicodeDecodeError) as exc:
        raise KBError(f"{path}: cannot read ({getattr(exc, 'strerror', None) or exc})") from None
    try:
        return writer().load(text), text
    except Exception as exc:  # noqa: BLE001 - ruamel's errors have no one base; the safe load said which
        raise KBError(f"{path}: invalid YAML: {exc}") from None


def new_list() -> Any:
    """An empty list of the round-trip form, to append to and write with `dumps`."""
    from ruamel.yaml.comments import CommentedSeq

    return CommentedSeq()


def writer() -> Any:
    """A ruamel.yaml writer for files people read: unicode as is, one line a value (folding is
    the caller's choice), block style."""
    from ruamel.yaml import YAML

    yaml = YAML()
    yaml.width = 4096
    yaml.indent(mapping=2, sequence=4, offset=2)
    yaml.allow_unicode = True
    return yaml


def dumps(data: Any, header: str = "") -> str:
    """YAML text of `data`, after `header` (comment lines, each starting with '#')."""
    buffer = io.StringIO()
    buffer.write(header)
    writer().dump(data, buffer)
    return buffer.getvalue()
