"""Reading a file whole, within bounds: only a regular file, and never more than a limit.

A name on a command line or in a knowledge base may lead anywhere: `/dev/zero` never ends, a
named pipe blocks until someone writes to it, a symbolic link may lead to either, and a file may
be larger than any document. Every file drugstrat reads whole — a source, the YAML people edit,
a reviser's decisions, a cache — is read here: opened without blocking, refused unless it is a
regular file, and refused past a size limit (`drugstrat --max-size`, or DRUGSTRAT_MAX_SIZE)
rather than read into memory.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from pathlib import Path

from drugstrat.errors import InputError

ENV_VAR = "DRUGSTRAT_MAX_SIZE"
DEFAULT_LIMIT = 100 * 10**6  # bytes: twenty times the largest source the benchmarks build
# Caches are derived: a knowledge base's cache may be larger than any one of its files.
CACHE_FACTOR = 4
CHUNK = 1 << 20
UNITS = {"": 1, "k": 10**3, "m": 10**6, "g": 10**9, "t": 10**12}

# Set for one run by the CLI's --max-size; the environment's otherwise.
_limit: ContextVar[int | None] = ContextVar("drugstrat_max_size", default=None)


def parse_size(text: str) -> int:
    """A size as people write it: `500000`, `200k`, `150M`, `2G` (or `150MB`)."""
    spec = text.strip().lower().removesuffix("b").strip()
    unit = spec[-1:] if spec[-1:] in UNITS and spec[-1:] else ""
    number = spec[:-1] if unit else spec
    try:
        size = float(number) * UNITS[unit]
    except ValueError:
        raise InputError(f"{text!r}: not a size; give bytes or a number with k, M or G "
                         f"(e.g. 200M)") from None
    if not size >= 1 or size == float("inf"):
        raise InputError(f"{text!r}: a size must be at least one byte")
    return int(size)


def limit() -> int:
    """How many bytes a file read whole may hold."""
    chosen = _limit.get()
    if chosen is not None:
        return chosen
    if env := os.environ.get(ENV_VAR):
        return parse_size(env)
    return DEFAULT_LIMIT


@contextmanager
def limited(size: int) -> Iterator[None]:
    """Within this block, files may hold `size` bytes."""
    token = _limit.set(size)
    try:
        yield
    finally:
        _limit.reset(token)


def describe(size: int) -> str:
    """`100 MB`, `2.5 GB`, `512 bytes`."""
    for unit, factor in (("TB", 10**12), ("GB", 10**9), ("MB", 10**6), ("kB", 10**3)):
        if size >= factor:
            return f"{size / factor:.3g} {unit}"
    return f"{size} bytes"


def read_regular(path: Path, *, follow: bool = True, cache: bool = False) -> bytes:
    """The bytes of a regular file, at most the limit (`cache`: a derived file's larger
    limit). A device, pipe, socket or directory is an `InputError` naming it (`follow=False`:
    a symbolic link too), and so is a file past the limit; a missing or unreadable one is the
    `OSError` itself, for the caller to say what the file was for."""
    most = limit() * (CACHE_FACTOR if cache else 1)
    flags = os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0)
    if not follow:
        flags |= getattr(os, "O_NOFOLLOW", 0)
    try:
        fd = os.open(path, flags)
    except OSError:
        # A symbolic link not to be followed, a socket: say what it is; else the error itself.
        try:
            mode = (os.stat if follow else os.lstat)(path).st_mode
        except OSError:
            mode = stat.S_IFREG
        if not stat.S_ISREG(mode):
            raise not_regular(path, kind(mode)) from None
        raise
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise not_regular(path, kind(info.st_mode))
        if info.st_size > most:
            raise too_large(path, most, cache)
        os.set_blocking(fd, True)
        chunks, total = [], 0
        while chunk := os.read(fd, CHUNK):
            chunks.append(chunk)
            total += len(chunk)
            if total > most:  # a file that grows while it is read
                raise too_large(path, most, cache)
        return b"".join(chunks)
    finally:
        os.close(fd)


def kind(mode: int) -> str:
    """What a file that is no regular file is, in words."""
    for test, name in ((stat.S_ISDIR, "a directory"), (stat.S_ISFIFO, "a named pipe"),
                       (stat.S_ISCHR, "a device"), (stat.S_ISBLK, "a device"),
                       (stat.S_ISSOCK, "a socket"), (stat.S_ISLNK, "a symbolic link")):
        if test(mode):
            return name
    return "not a regular file"


class NotRegular(InputError):
    """A file that is no regular file where one is read."""


class TooLarge(InputError):
    """A file past the limit."""


def not_regular(path: Path, what: str) -> NotRegular:
    return NotRegular(f"{path}: {what}, not a regular file; drugstrat reads only regular files "
                      f"(replace it with the file meant, or remove it)")


def too_large(path: Path, most: int, cache: bool) -> TooLarge:
    if cache:
        return TooLarge(f"{path}: larger than {describe(most)}, more than a cache of ours "
                          f"holds; remove it (it is made again)")
    return TooLarge(f"{path}: larger than the limit of {describe(most)}; if it is meant to "
                      f"be this large, raise the limit with `drugstrat --max-size SIZE …` "
                      f"(e.g. --max-size 500M) or {ENV_VAR}")
