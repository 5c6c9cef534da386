"""Files a user asks for (`--out FILE`): written whole or not at all, never over an existing file
unless forced, through a symbolic link to the file it names, never over a device or a pipe —
and to standard output for `-` (or `/dev/stdout`)."""

from __future__ import annotations

import os
import stat
import sys
from pathlib import Path

from drugstrat.errors import InputError
from drugstrat.storage.atomic import atomic_write_bytes, real_target

STDOUT = "-"


def is_stdout(out: str) -> bool:
    """Whether `--out` names standard output: `-`, `/dev/stdout`, or the very file stdout is."""
    if out in (STDOUT, "/dev/stdout"):
        return True
    try:
        return os.path.samestat(os.stat(out), os.fstat(sys.stdout.fileno()))
    except (OSError, ValueError, AttributeError):  # no such file; or stdout is no real file
        return False


def check_target(out: str, force: bool) -> Path:
    """The path `out` names, refused (with a message that says why) when it cannot be written."""
    path = Path(out)
    if path.is_dir():
        raise InputError(f"{path} is a directory; give a file name")
    if path.exists() and not stat.S_ISREG(path.stat().st_mode):
        raise InputError(f"{path}: not a regular file; give a file name, or - for standard "
                         f"output")
    if (path.exists() or path.is_symlink()) and not force:
        raise InputError(f"{path} exists; pass --force to overwrite it")
    target = real_target(path)
    if not target.parent.is_dir():
        raise InputError(f"{target.parent}: no such directory")
    return path


def write_output(out: str, data: str | bytes, force: bool) -> None:
    """To stdout with `-`, else atomically to a file that must not exist unless `force`."""
    if is_stdout(out):
        if isinstance(data, str):
            sys.stdout.write(data)
        else:
            sys.stdout.flush()
            sys.stdout.buffer.write(data)
        return
    atomic_write_bytes(check_target(out, force), data.encode("utf-8") if isinstance(data, str)
                       else data)
