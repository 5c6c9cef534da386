"""Files a user asks for (`--out FILE`): written whole or not at all, never over an existing file
unless forced, or to standard output for `-`."""

from __future__ import annotations

import sys
from pathlib import Path

from drugstrat.errors import InputError
from drugstrat.storage.atomic import atomic_write_bytes

STDOUT = "-"


def check_target(out: str, force: bool) -> Path:
    """The path `out` names, refused (with a message that says why) when it cannot be written."""
    path = Path(out)
    if path.is_dir():
        raise InputError(f"{path} is a directory; give a file name")
    if path.exists() and not force:
        raise InputError(f"{path} exists; pass --force to overwrite it")
    if not path.parent.is_dir():
        raise InputError(f"{path.parent}: no such directory")
    return path


def write_output(out: str, data: str | bytes, force: bool) -> None:
    """To stdout with `-`, else atomically to a file that must not exist unless `force`."""
    if out == STDOUT:
        if isinstance(data, str):
            sys.stdout.write(data)
        else:
            sys.stdout.flush()
            sys.stdout.buffer.write(data)
        return
    atomic_write_bytes(check_target(out, force), data.encode("utf-8") if isinstance(data, str)
                       else data)
