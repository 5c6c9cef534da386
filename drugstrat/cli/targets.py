"""`--out`: where a command's file goes. Standard output is the CLI's to name; the library writes
to the `Target` it is handed."""

from __future__ import annotations

import os
import sys

from drugstrat.storage.outputs import Target

STDOUT = "-"


def target(out: str, force: bool) -> Target:
    """The file `--out` names, or standard output for `-`, `/dev/stdout` or the very file
    stdout already is (`--out x.csv > x.csv` would otherwise replace it under the shell)."""
    if _is_stdout(out):
        sys.stdout.flush()  # what was written as text goes first
        return Target.of_stream(sys.stdout.buffer)
    return Target.file(out, force)


def _is_stdout(out: str) -> bool:
    if out in (STDOUT, "/dev/stdout"):
        return True
    try:
        return os.path.samestat(os.stat(out), os.fstat(sys.stdout.fileno()))
    except (OSError, ValueError, AttributeError):  # no such file; or stdout is no real file
        return False
