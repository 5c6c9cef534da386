"""Atomic file writes: a reader, or an interrupted program, sees the old file or the new one.

A path that is a symbolic link is written through: the file it points to gets the new content
and the link stays a link — except for drugstrat's own files (caches), which are never written
through a link: a link there was put by someone else, and may lead anywhere. A path naming
something other than a regular file (a device, a pipe, a socket, a directory) is refused:
replacing `/dev/full` or a named pipe with a regular file is never what a user meant.

The new file keeps the mode of the file it replaces (a private 0600 file stays private) and,
where the process may give it (run as root), its owner and group: a rebuild by root of someone's
knowledge base leaves their files theirs. A new file gets the mode the umask allows.
"""

from __future__ import annotations

import os
import re
import stat
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

from drugstrat.errors import InputError


def atomic_write_text(path: Path, text: str, follow: bool = True) -> None:
    atomic_write_bytes(path, text.encode("utf-8"), follow)


def atomic_write_bytes(path: Path, data: bytes, follow: bool = True) -> None:
    with replacing(path, follow) as tmp:
        _fill(tmp, data)


def real_target(path: Path, follow: bool = True) -> Path:
    """The regular file a write to `path` should replace: `path` itself, or the file its
    symbolic links lead to (which need not exist yet). Anything else is an `InputError`; with
    `follow=False` (drugstrat's own files) a link is too, and so is a folder that is one."""
    if not follow:
        return _own_target(path)
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


def _own_target(path: Path) -> Path:
    folder = path.parent
    for place in (folder, path):
        try:
            mode = os.lstat(place).st_mode
        except FileNotFoundError:
            continue
        except OSError as exc:
            raise InputError(f"{place}: cannot write ({exc.strerror})") from None
        if place is folder and stat.S_ISLNK(mode):
            raise InputError(f"{place}: a symbolic link where drugstrat keeps its own files; "
                             f"refusing to write through it (remove it)")
        if place is path and not stat.S_ISREG(mode):
            from drugstrat.storage.limits import kind

            raise InputError(f"{path}: {kind(mode)} where drugstrat keeps its own file; "
                             f"refusing to replace it (remove it)")
    return path


@contextmanager
def replacing(path: Path, follow: bool = True) -> Iterator[Path]:
    """A fresh temporary path beside `path` for the caller to fill (by any means: a database
    connection, a writer); when the block ends without error it replaces `path` in one rename,
    and on any error it is removed."""
    target = real_target(path, follow)
    tmp = staged_path(target)
    try:
        yield tmp
        _settle(tmp, target)
        os.replace(tmp, target)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def staged_path(target: Path, tag: str = "") -> Path:
    """A new empty file beside `target`, named after it and after the process writing it
    (`.tmp-NAME.TAG<pid>-<random>`), for its next content."""
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, name = tempfile.mkstemp(prefix=f".tmp-{target.name}.{tag}{os.getpid()}-",
                                dir=target.parent)
    os.close(fd)
    return Path(name)


# A staged file's name ends with the pid of the process writing it (see `staged_path`).
_WRITER = re.compile(r"^\.tmp-.+\.(\d+)-[\w-]+$")  # and an SQLite journal's -journal


def abandoned(folder: Path) -> list[Path]:
    """The files staged in `folder` by processes that have ended: killed (`kill -9`, a power
    cut) before they could rename or remove them. A live writer's are never among them."""
    found = []
    for path in folder.glob(".tmp-*"):
        writer = _WRITER.match(path.name)
        if writer is not None and not _alive(int(writer.group(1))) and path.is_file():
            found.append(path)
    return found


def _alive(pid: int) -> bool:
    if pid <= 0:
        return True  # not a pid of ours: never taken for gone
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # someone else's: alive
        return True
    return True


def stage(path: Path, data: bytes, tag: str = "") -> tuple[Path, Path]:
    """Write `data` beside the file `path` leads to, ready to replace it: (staged, target). The
    caller replaces (`os.replace(staged, target)`) when everything it stages is ready."""
    target = real_target(path)
    tmp = staged_path(target, tag)
    try:
        _fill(tmp, data)
        _settle(tmp, target)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return tmp, target


def _fill(tmp: Path, data: bytes) -> None:
    with tmp.open("wb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())


def _settle(tmp: Path, target: Path) -> None:
    """Give the new file the mode (and, where we may, the owner) of the file it replaces; a
    new one the mode a plain open() would give (mkstemp makes it 0600)."""
    try:
        info = target.stat()
    except OSError:
        info = None
    if info is None:
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)
        return
    mine = tmp.stat()
    if (mine.st_uid, mine.st_gid) != (info.st_uid, info.st_gid):
        try:
            os.chown(tmp, info.st_uid, info.st_gid)
        except OSError:  # only root gives files away; a group of our own may still do
            with suppress(OSError):
                os.chown(tmp, -1, info.st_gid)
    # After chown, which clears set-id bits.
    os.chmod(tmp, stat.S_IMODE(info.st_mode))
