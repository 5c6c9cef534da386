"""A build is one step: a knowledge base is always wholly one generation or wholly the next.

Every file of a new generation (each language's records, source copy and orphans, the manifest)
is first written in full beside the file it replaces. Then one atomic write of the journal
(`DIR/.build-journal.json`, listing the replacements) commits the generation; the replacements
follow, and the journal goes. A build killed before the journal leaves the old generation and a
few staged files (swept by the next build); one killed after it is finished by whoever comes
next — a query or a build — before anything is read. Each file carries its generation's id
(`build:`), so a knowledge base mixed some other way (a file copied in from elsewhere) is refused
with the way to repair it.

Builds hold `DIR/.build.lock` (an advisory `flock`), so two never interleave; a query that meets a
journal waits for the lock, then finishes what is left.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from drugstrat.errors import KBError
from drugstrat.kb.paths import JOURNAL_FILE
from drugstrat.storage.atomic import stage

JOURNAL = JOURNAL_FILE
LOCK = ".build.lock"
STAGED_TAG = "build-"  # staged files are named .tmp-<name>.build-…
PLACEHOLDER = "0" * 16  # rendered where the id goes, then replaced by it
ID_LENGTH = len(PLACEHOLDER)


def generation_id(texts: list[str]) -> str:
    """The id of a generation: a digest of everything it writes (rendered with PLACEHOLDER), so
    the same sources and fields give the same id — `build --check` and version control see no
    change where there is none."""
    import hashlib

    digest = hashlib.sha256()
    for text in texts:
        digest.update(text.encode("utf-8"))
        digest.update(b"\0")
    return digest.hexdigest()[:ID_LENGTH]


@contextmanager
def locked(root: Path) -> Iterator[None]:
    """Hold the knowledge base's build lock (waiting for another build to end)."""
    try:
        import fcntl
    except ImportError:  # not POSIX: no advisory locks; builds are not serialised
        yield
        return
    root.mkdir(parents=True, exist_ok=True)
    with (root / LOCK).open("a") as handle:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle.fileno(), fcntl.LOCK_UN)


def commit(root: Path, files: dict[Path, bytes], build_id: str) -> None:
    """Replace `files` (path -> new content) as one generation. Call holding `locked(root)`."""
    staged: list[tuple[Path, Path]] = []
    try:
        for path, data in files.items():
            staged.append(stage(path, data, tag=f"{STAGED_TAG}{build_id}."))
    except BaseException:
        for tmp, _ in staged:
            tmp.unlink(missing_ok=True)
        raise
    journal: dict[str, object] = {"build": build_id,
                                  "moves": [[_relative(root, tmp), _relative(root, target)]
                                            for tmp, target in staged]}
    # The commit point: once the journal is down, the new generation is the knowledge base.
    try:
        tmp, target = stage(root / JOURNAL, json.dumps(journal, indent=1).encode("utf-8"))
        try:
            os.replace(tmp, target)
        except BaseException:
            tmp.unlink(missing_ok=True)
            raise
    except Exception:  # no commit (a full disk, no permission): the old generation stays
        for staged_file, _ in staged:
            staged_file.unlink(missing_ok=True)
        raise
    _finish(root, journal)


def finish_pending(root: Path) -> bool:
    """Finish a committed build that was interrupted, if there is one; True if there was.
    Safe to call without the lock only to ask; finishing takes it."""
    if not (root / JOURNAL).exists():
        return False
    with locked(root):
        journal = _read_journal(root)
        if journal is not None:
            _finish(root, journal)
    return True


def sweep(root: Path) -> None:
    """Remove files staged by builds that never committed. Call holding `locked(root)`, after
    `finish_pending`."""
    if not root.is_dir():
        return
    for folder in (root, *(p for p in root.iterdir() if p.is_dir() and not p.is_symlink())):
        for stray in folder.glob(f".tmp-*.{STAGED_TAG}*"):
            stray.unlink(missing_ok=True)


def _finish(root: Path, journal: dict[str, object]) -> None:
    moves = journal.get("moves")
    if not isinstance(moves, list) or not all(
            isinstance(move, list) and len(move) == 2 and all(isinstance(p, str) for p in move)
            for move in moves):
        raise _damaged(root)
    for staged_name, target_name in moves:
        tmp, target = root / staged_name, root / target_name
        if tmp.exists():
            os.replace(tmp, target)
        elif not target.exists():
            raise KBError(f"{root}: an interrupted build lost {target_name}; rebuild with "
                          f"`drugstrat --data {root} build`")
    (root / JOURNAL).unlink(missing_ok=True)


def _read_journal(root: Path) -> dict[str, object] | None:
    try:
        data = json.loads((root / JOURNAL).read_bytes())
    except FileNotFoundError:
        return None
    except (OSError, ValueError):
        raise _damaged(root) from None
    if not isinstance(data, dict):
        raise _damaged(root)
    return data


def _damaged(root: Path) -> KBError:
    return KBError(f"{root / JOURNAL}: damaged; rebuild with `drugstrat --data {root} build`")


def _relative(root: Path, path: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:  # a file reached through a symbolic link, outside the knowledge base
        return str(path)


def mixed(root: Path, ids: dict[str, str | None]) -> str | None:
    """Why files (name -> their `build:` id) are no one knowledge base, if they come from
    different builds. Files written before generations had ids carry none; a knowledge base of
    such files only is one."""
    found = {value for value in ids.values() if value is not None}
    if not found or (len(found) == 1 and None not in ids.values()):
        return None
    listed = ", ".join(f"{name} ({value or 'no id'})" for name, value in sorted(ids.items()))
    return (f"its files come from different builds: {listed}. Rebuild them from the sources "
            f"with `drugstrat --data {root} build` (the fields people added are kept)")
