"""The query path: the knowledge base from its compiled JSON cache, without YAML or pydantic.

The cache holds every record of every language and, for each file it was compiled from (the
records files and the manifest), its SHA-256 and its size and modification time. A query compares
size and time (one stat call a file) and, when they match, never reads the YAML at all. When they
differ, the content decides: `pip install` and `git checkout` rewrite times without changing a
byte, so an equal hash only refreshes the stamps, and a real edit rebuilds the cache (validated
through pydantic).
"""

from __future__ import annotations

import json
import os
import stat
from collections.abc import Collection, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from drugstrat import SCHEMA_VERSION
from drugstrat.errors import KBError
from drugstrat.kb.paths import (
    CACHE_DIR,
    JOURNAL_FILE,
    MANIFEST_FILE,
    RECORDS_FILE,
    manifest_path,
    present_languages,
)

if TYPE_CHECKING:
    from drugstrat.record import Record

CACHE_FILE = "kb.json"
READ_ATTEMPTS = 3  # reads of the YAML when a build replaces it meanwhile


class KB:
    """Records of every language, indexed by id. The first language is the reference; document
    order is the reference's, with records of other languages only after their predecessor."""

    def __init__(self, root: Path, versions: dict[str, list[Record]],
                 hashes: dict[str, str] | None = None) -> None:
        self.root = root
        self.versions = versions
        # SHA-256 of each source file of the cache: what derived indexes (search) are stamped
        # with.
        self.hashes = hashes or {}
        self.langs = list(versions)
        self.by_id = {lang: {r["id"]: r for r in records} for lang, records in versions.items()}
        order: dict[str, None] = {}
        for records in versions.values():
            for record in records:
                order.setdefault(record["id"], None)
        self.ids = list(order)
        # Made on first use: a `show` reads one record and asks for neither.
        self._positions: dict[str, int] | None = None
        self._children_of: dict[str, dict[str, None]] | None = None

    @property
    def _position(self) -> dict[str, int]:
        if self._positions is None:
            self._positions = {record_id: i for i, record_id in enumerate(self.ids)}
        return self._positions

    @property
    def _children(self) -> dict[str, dict[str, None]]:
        if self._children_of is None:
            children: dict[str, dict[str, None]] = {}
            for record_id in self.ids:
                for record in self.get(record_id).values():
                    if parent := record.get("parent"):
                        children.setdefault(parent, {})[record_id] = None
            self._children_of = children
        return self._children_of

    def subset(self, ids: set[str]) -> KB:
        """The same knowledge base with only these records (what an export is filtered to);
        its caches stay those of the whole."""
        return KB(self.root, {lang: [r for r in records if r["id"] in ids]
                              for lang, records in self.versions.items()}, self.hashes)

    @property
    def reference(self) -> str:
        return self.langs[0]

    def get(self, record_id: str, langs: Collection[str] | None = None) -> dict[str, Record]:
        """The record with this id in each language that has it (of `langs`, if given)."""
        return {lang: self.by_id[lang][record_id] for lang in self.langs
                if record_id in self.by_id[lang] and (langs is None or lang in langs)}

    def rows(self, ids: Iterable[str], langs: Collection[str] | None = None) -> list[Record]:
        """The records of these ids, each id's languages in turn (of `langs`, if given)."""
        return [r for record_id in ids for r in self.get(record_id, langs).values()]

    def record(self, record_id: str) -> Record | None:
        """The record with this id in the first language that has it: for what all languages
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

    def records(self, lang: str | None = None) -> list[Record]:
        langs = [lang] if lang else self.langs
        return [r for code in langs for r in self.versions.get(code, [])]

    def children(self, record_id: str) -> list[str]:
        """Ids of the records whose parent is `record_id`, in document order."""
        return list(self._children.get(record_id, ()))

    def select(self, types: Collection[str] | None = None, parent: str | None = None,
               so: int | None = None) -> list[str]:
        """Ids of the records of these types, under a parent, of a strategic objective (each
        only when given), in document order."""
        return [record_id for record_id in self.ids
                if any((types is None or r["type"] in types)
                       and parent in (None, r.get("parent"))
                       for r in self.get(record_id).values())
                and (so is None or self.objective_number(record_id) == so)]

    def types(self) -> list[str]:
        """The record types this knowledge base holds."""
        return sorted({r["type"] for r in self.records()})

    def position(self, record_id: str) -> int:
        """A record's place in document order (unknown ids last)."""
        return self._position.get(record_id, len(self._position))

    def objective_number(self, record_id: str) -> int | None:
        """The number of the strategic objective a record belongs to: itself or its nearest
        ancestor of that type (read from the records, not from the shape of ids)."""
        seen = set()
        current: str | None = record_id
        while current and current not in seen:
            seen.add(current)
            record = self.record(current)
            if record is None:
                return None
            number = record.get("number", "")
            if record["type"] == "strategic_objective" and number.isdigit():
                return int(number)
            current = record.get("parent")
        return None


def source_files(root: Path) -> list[str]:
    """The files the cache is compiled from, relative to the knowledge base."""
    files = [f"{lang}/{RECORDS_FILE}" for lang in present_languages(root)]
    if manifest_path(root).is_file():
        files.append(MANIFEST_FILE)
    return files


def load(root: Path) -> KB:
    """Load a knowledge base for querying, from the cache when it is current."""
    if (root / JOURNAL_FILE).exists():  # a build interrupted after its commit point
        from drugstrat.kb.generation import finish_pending

        finish_pending(root)
    files = source_files(root)
    if not files or files == [MANIFEST_FILE]:
        hint = "run `drugstrat build`" if root.is_dir() else "no such directory"
        raise KBError(f"{root}: no knowledge base here (expected {root}/<lang>/records.yaml; "
                      f"{hint})")
    stamps = {name: stamp(root / name) for name in files}
    hashes: dict[str, str] | None = None
    for path in cache_candidates(root):
        cached = _read_cache(path)
        if not cached or cached.get("schema") != SCHEMA_VERSION or not _whole(cached):
            continue  # missing, old, or not of our making: compiled again
        if cached.get("stamps") == stamps:
            return KB(root, cached["records"], cached.get("hashes"))
        hashes = hashes or {name: _sha256(root / name) for name in files}
        if cached.get("hashes") == hashes:
            _write_cache(root, hashes, stamps, cached["records"])
            return KB(root, cached["records"], hashes)
    versions, hashes = _recompile(root)
    return KB(root, versions, hashes)


def compile_cache(root: Path, written: dict[Path, dict[str, Any]] | None = None) -> None:
    """Compile the cache from the YAML on disk — or from `written`, the documents a build has
    just written there — through the same validation a query would use, so a fresh build and
    a later recompilation give scripts identical JSON."""
    _recompile(root, written)


def _recompile(root: Path, written: dict[Path, dict[str, Any]] | None = None
               ) -> tuple[dict[str, list[Record]], dict[str, str]]:
    from drugstrat.kb.align import align
    from drugstrat.kb.generation import finish_pending
    from drugstrat.kb.paths import inside
    from drugstrat.kb.validate import first_problem_message, load_validated

    for attempt in range(READ_ATTEMPTS):
        files = source_files(root)
        for name in files:
            inside(root, root / name)
        # Stamped before reading, so an edit made while we read makes the cache stale, not
        # wrong.
        stamps = {name: stamp(root / name) for name in files}
        hashes = {name: _sha256(root / name) for name in files}
        versions, problems = load_validated(root, written)
        if not problems:
            break
        written = None  # read what is on disk now
        # A build may have replaced the files while we read them: finish it, read again.
        finish_pending(root)
        if attempt + 1 == READ_ATTEMPTS or stamps == {
                name: stamp(root / name) for name in source_files(root)}:
            raise KBError(first_problem_message(root, problems))
    align(versions)
    _write_cache(root, hashes, stamps, versions)
    return versions, hashes


def _write_cache(root: Path, hashes: dict[str, str], stamps: dict[str, list[int]],
                 versions: dict[str, list[Record]]) -> None:
    from drugstrat.storage.atomic import atomic_write_text

    payload = json.dumps(
        {"schema": SCHEMA_VERSION, "hashes": hashes, "stamps": stamps, "records": versions},
        ensure_ascii=False, separators=(",", ":"))
    for path in cache_candidates(root):
        try:
            # Our own file: never written through a link someone put there.
            atomic_write_text(path, payload, follow=False)
            return
        except OSError:
            continue  # a read-only install: fall back to the user's cache directory


def cache_candidates(root: Path) -> list[Path]:
    """Where a knowledge base's caches go: beside it, else (read-only) in the user's cache."""
    import zlib

    from drugstrat.storage.usercache import user_cache_dir

    key = f"{zlib.crc32(str(root.resolve()).encode()):08x}"
    return [root / CACHE_DIR / CACHE_FILE, user_cache_dir() / f"{key}.json"]


def side_files(root: Path, name: str) -> list[Path]:
    """Where a cache of the knowledge base's named by `name` goes, beside its main cache
    ("kb.json" -> "kb.lexicon-en-nl.json"), first choice first."""
    return [path.with_name(f"{path.stem}.{name}.json") for path in cache_candidates(root)]


def _read_cache(path: Path) -> dict[str, Any] | None:
    """A cache file's content; None when there is none, or it is not of our making. One that
    is no regular file (a link, a pipe, a device) is refused: it was put there by someone."""
    data = read_cache_file(path)
    if data is None:
        return None
    try:
        cached = json.loads(data)
    except ValueError:
        return None
    return cached if isinstance(cached, dict) else None


# A cache this small is read without asking `storage.limits` (which a query need not import).
SMALL_CACHE = 64 * 2**20


def read_cache_file(path: Path) -> bytes | None:
    """The bytes of a cache file of ours; None when it is missing, unreadable or larger than a
    cache of ours grows (it is then made again). One that is no regular file (a link, a pipe,
    a device) is refused with an `InputError`: someone put it there. The checks are the open
    and stat the read needs anyway, done as `storage.limits.read_regular` does them."""
    flags = os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOFOLLOW", 0)
    try:
        fd = os.open(path, flags)
    except FileNotFoundError:
        return None
    except OSError:
        return _read_odd_cache(path)
    try:
        info = os.fstat(fd)
        if info.st_size > SMALL_CACHE or not stat.S_ISREG(info.st_mode):
            return _read_odd_cache(path)
        os.set_blocking(fd, True)
        with os.fdopen(fd, "rb", closefd=False) as handle:
            return handle.read()
    except OSError:
        return None
    finally:
        os.close(fd)


def _read_odd_cache(path: Path) -> bytes | None:
    from drugstrat.storage.limits import TooLarge, read_regular

    try:
        return read_regular(path, follow=False, cache=True)
    except (OSError, TooLarge):
        return None


def _whole(cached: dict[str, Any]) -> bool:
    """Whether a cache has the shape we write: records by language, each with the fields
    every command reads, and the stamps and hashes of its files."""
    versions = cached.get("records")
    if not isinstance(versions, dict) or not versions:
        return False
    if not isinstance(cached.get("stamps"), dict) or not isinstance(cached.get("hashes"), dict):
        return False
    # A plain loop: this runs on every query, over every record.
    for records in versions.values():
        if not isinstance(records, list):
            return False
        for r in records:
            if not (isinstance(r, dict) and isinstance(r.get("id"), str)
                    and isinstance(r.get("type"), str) and isinstance(r.get("lang"), str)
                    and isinstance(r.get("text"), str)):
                return False
    return True


def stamp(path: Path) -> list[int]:
    """What tells a changed file at the cost of one stat call: size and modification time, and
    the inode's change time and number, which no editor or `touch -d` can set back."""
    try:
        info = path.stat()
    except OSError as exc:
        raise KBError(f"{path}: cannot read ({exc.strerror})") from None
    return [info.st_size, info.st_mtime_ns, info.st_ctime_ns, info.st_ino]


def _sha256(path: Path) -> str:
    import hashlib

    from drugstrat.storage.limits import read_regular

    try:
        return hashlib.sha256(read_regular(path)).hexdigest()
    except OSError as exc:
        raise KBError(f"{path}: cannot read ({exc.strerror})") from None
