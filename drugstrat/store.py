"""The query path: the knowledge base from its compiled JSON cache, without YAML or pydantic.

The cache holds every record of every language and, for each records.yaml it was compiled
from, its SHA-256 and its size and modification time. A query compares size and time (one stat
call) and, when they match, never reads the YAML at all. When they differ, the content decides:
`pip install` and `git checkout` rewrite times without changing a byte, so an equal hash only
refreshes the stamps, and a real edit rebuilds the cache (validated through pydantic).
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from drugstrat import SCHEMA_VERSION
from drugstrat.errors import KBError
from drugstrat.paths import CACHE_DIR, kb_languages, records_path

CACHE_FILE = "kb.json"


class KB:
    """Records of every language, indexed by id; document order is the first language's."""

    def __init__(self, root: Path, versions: dict[str, list[dict]],
                 hashes: dict[str, str] | None = None) -> None:
        self.root = root
        self.versions = versions
        # SHA-256 of each language's YAML: what derived indexes (search) are stamped with.
        self.hashes = hashes or {}
        self.langs = list(versions)
        self.by_id = {lang: {r["id"]: r for r in records} for lang, records in versions.items()}
        order: dict[str, None] = {}
        for records in versions.values():
            for record in records:
                order.setdefault(record["id"], None)
        self.ids = list(order)
        self._children: dict[str, dict[str, None]] = {}
        for record_id in self.ids:
            for record in self.get(record_id).values():
                if parent := record.get("parent"):
                    self._children.setdefault(parent, {})[record_id] = None

    def get(self, record_id: str) -> dict[str, dict]:
        """The record with this id in each language that has it."""
        return {lang: self.by_id[lang][record_id]
                for lang in self.langs if record_id in self.by_id[lang]}

    def record(self, record_id: str) -> dict | None:
        """The record with this id in the first language that has it: for what both languages
        share (type, parent, number)."""
        for lang in self.langs:
            if record_id in self.by_id[lang]:
                return self.by_id[lang][record_id]
        return None

    def type_of(self, record_id: str) -> str | None:
        record = self.record(record_id)
        return record["type"] if record else None

    def of_type(self, record_type: str) -> list[str]:
        """Ids of the records of a type, in document order."""
        return [i for i in self.ids if self.type_of(i) == record_type]

    def records(self, lang: str | None = None) -> list[dict]:
        langs = [lang] if lang else self.langs
        return [r for code in langs for r in self.versions.get(code, [])]

    def children(self, record_id: str) -> list[str]:
        """Ids of the records whose parent is `record_id`, in document order."""
        return list(self._children.get(record_id, ()))


def load(root: Path) -> KB:
    """Load a knowledge base for querying, from the cache when it is current."""
    langs = kb_languages(root)
    if not langs:
        hint = "run `drugstrat build`" if root.is_dir() else "no such directory"
        raise KBError(f"{root}: no knowledge base here (expected {root}/en/records.yaml; {hint})")
    stamps = {lang: _stamp(records_path(root, lang)) for lang in langs}
    hashes: dict[str, str] | None = None
    for path in cache_candidates(root):
        cached = _read_cache(path)
        if not cached or cached.get("schema") != SCHEMA_VERSION:
            continue
        if cached.get("stamps") == stamps:
            return KB(root, cached["records"], cached.get("hashes"))
        hashes = hashes or {lang: _sha256(records_path(root, lang)) for lang in langs}
        if cached.get("hashes") == hashes:
            _write_cache(root, hashes, stamps, cached["records"])
            return KB(root, cached["records"], hashes)
    versions, hashes = _recompile(root, langs)
    return KB(root, versions, hashes)


def compile_cache(root: Path) -> None:
    """Compile the cache from the YAML on disk, through the same validation a query would use,
    so a fresh build and a later recompilation give scripts identical JSON."""
    _recompile(root, kb_languages(root))


def _recompile(root: Path, langs: list[str]) -> tuple[dict[str, list[dict]], dict[str, str]]:
    from drugstrat.kb import load_validated

    # Stamped before reading, so an edit made while we read makes the cache stale, not wrong.
    stamps = {lang: _stamp(records_path(root, lang)) for lang in langs}
    hashes = {lang: _sha256(records_path(root, lang)) for lang in langs}
    versions, problems = load_validated(root)
    if problems:
        first = problems[0]
        path = root / first["file"]
        where = f"{path}:{first['line']}" if first.get("line") else str(path)
        more = f" (and {len(problems) - 1} more; see `drugstrat validate`)" if len(
            problems) > 1 else ""
        raise KBError(f"{where}: {first['problem']}{more}")
    from drugstrat.align import align

    align(versions)
    _write_cache(root, hashes, stamps, versions)
    return versions, hashes


def _write_cache(root: Path, hashes: dict[str, str], stamps: dict[str, list[int]],
                 versions: dict[str, list[dict]]) -> None:
    from drugstrat import fsutil

    payload = json.dumps(
        {"schema": SCHEMA_VERSION, "hashes": hashes, "stamps": stamps, "records": versions},
        ensure_ascii=False, separators=(",", ":"))
    for path in cache_candidates(root):
        try:
            fsutil.atomic_write_text(path, payload)
            return
        except OSError:
            continue  # a read-only install: fall back to the user's cache directory


def cache_candidates(root: Path) -> list[Path]:
    """Where a knowledge base's caches go: beside it, else (read-only) in the user's cache."""
    import zlib

    user_cache = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    key = f"{zlib.crc32(str(root.resolve()).encode()):08x}"
    return [root / CACHE_DIR / CACHE_FILE, user_cache / "drugstrat" / f"{key}.json"]


def _read_cache(path: Path) -> dict | None:
    try:
        with path.open("rb") as handle:
            return json.loads(handle.read())
    except (OSError, ValueError):
        return None


def _stamp(path: Path) -> list[int]:
    try:
        info = path.stat()
    except OSError as exc:
        raise KBError(f"{path}: cannot read ({exc.strerror})") from None
    return [info.st_size, info.st_mtime_ns]


def _sha256(path: Path) -> str:
    import hashlib

    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError as exc:
        raise KBError(f"{path}: cannot read ({exc.strerror})") from None
