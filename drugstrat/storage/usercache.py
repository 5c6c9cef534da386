"""The user's own cache directory (`$XDG_CACHE_HOME/drugstrat`, else `~/.cache/drugstrat`): what
drugstrat prepares for this user — the prepared dictionaries, the caches of a knowledge base it
may not write into — and the key that signs what it keeps inside knowledge bases, which other
people may hand on."""

from __future__ import annotations

import os
import stat
from pathlib import Path

KEY_FILE = "signing.key"
KEY_BYTES = 32


def user_cache_dir() -> Path:
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "drugstrat"


def signing_key() -> bytes | None:
    """This user's secret key, made on first use and readable by the user alone; None where it
    can be neither read nor made (then nothing is signed, and nothing signed is believed)."""
    path = user_cache_dir() / KEY_FILE
    key = _read_key(path)
    if key is not None:
        return key
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        draft = path.with_name(f".{KEY_FILE}.{os.getpid()}")
        fd = os.open(draft, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0),
                     0o600)
        try:
            os.write(fd, os.urandom(KEY_BYTES))
        finally:
            os.close(fd)
        try:
            os.link(draft, path)  # whole or absent: two first runs at once keep one key
        except FileExistsError:
            pass
        finally:
            os.unlink(draft)
    except OSError:
        return None
    return _read_key(path)


def _read_key(path: Path) -> bytes | None:
    """The key in `path` if it is one: a regular file (never through a link) of the key's
    size, of this user, that nobody else may read."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
    except OSError:
        return None
    try:
        info = os.fstat(fd)
        if (not stat.S_ISREG(info.st_mode) or info.st_size != KEY_BYTES
                or info.st_uid != os.getuid() or info.st_mode & 0o077):
            return None
        key = os.read(fd, KEY_BYTES)
        return key if len(key) == KEY_BYTES else None
    except OSError:
        return None
    finally:
        os.close(fd)
