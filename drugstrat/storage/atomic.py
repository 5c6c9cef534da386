"""Atomic file writes: a reader, or an interrupted program, sees the old file or the new one.

A path that is a symbolic link is written through: the file it points to gets the new content
and the link stays a link. A path naming something other than a regular file (a device, a pipe,
a socket, a directory) is refused: replacing `/dev/full` or a named pipe with a regular file is
never what a user meant.
"""

from __future__ import annotations

import os
import stat
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from drugstrat.errors import InputError


def atomic_write_text(path: Path, text: str) -> None:
    atomic_write_bytes(path, text.encode("utf-8"))


def atomic_write_bytes(path: Path, data: bytes) -> None:
    with replacing(path) as tmp:
        _fill(tmp, data)


def real_target(path: Path) -> Path:
    """The regular file a write to `path` should replace: `path` itself, or the file its
    symbolic links lead to (which need not exist yet). Anything else is an `InputError`."""
    target = Path(os.path.realpath(path)) if path.is_symlink() else path
    try:
        mode = target.stat().st_mode
    except FileNotFoundError:
        return target
    except OSError as exc:
        raise InputError(f"{path}: cannot write ({exc.strerror})") from None
    if not stat.S_ISREG(mode):
        kind = "a directory" if stat.S_ISDIR(mode) else "not a regular file"
        raise InputError(f"{path}: {kind}; refusing to replace it")
    return target


@contextmanager
def replacing(path: Path) -> Iterator[Path]:
    """A fresh temporary path beside `path` for the caller to fill (by any means: a database
    connection, a writer); when the block ends without error it replaces `path` in one rename,
    and on any error it is removed."""
    target = real_target(path)
    tmp = staged_path(target)
    try:
        yield tmp
        _settle(tmp)
        os.replace(tmp, target)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def staged_path(target: Path, tag: str = "") -> Path:
    """A new empty file beside `target`, named after it, for its next content."""
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, name = tempfile.mkstemp(prefix=f".tmp-{target.name}.{tag}", dir=target.parent)
    os.close(fd)
    return Path(name)


def stage(path: Path, data: bytes, tag: str = "") -> tuple[Path, Path]:
    """Write `data` beside the file `path` leads to, ready to replace it: (staged, target). The
    caller replaces (`os.replace(staged, target)`) when everything it stages is ready."""
    target = real_target(path)
    tmp = staged_path(target, tag)
    try:
        _fill(tmp, data)
        _settle(tmp)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return tmp, target


def _fill(tmp: Path, data: bytes) -> None:
    with tmp.open("wb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())


def _settle(tmp: Path) -> None:
    # mkstemp creates the file private (0600); give it the mode a plain open() would.
    umask = os.umask(0)
    os.umask(umask)
    os.chmod(tmp, 0o666 & ~umask)
