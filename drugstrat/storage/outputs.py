"""Where an export goes: a file a user named (`--out FILE`), written whole or not at all, never
over an existing file unless forced, through a symbolic link to the file it names, never over a
device or a pipe — or an open stream the caller hands over (the CLI's standard output). This
module never looks at `sys.stdout` itself: which stream, if any, is the caller's choice.
"""

from __future__ import annotations

import stat
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from drugstrat.errors import InputError
from drugstrat.storage.atomic import atomic_write_bytes, real_target


@dataclass(frozen=True)
class Target:
    """A file to write (`path`), or a stream (`stream`) when no file is named."""

    path: Path | None = None
    stream: BinaryIO | None = None
    force: bool = False  # overwrite an existing file

    @classmethod
    def file(cls, path: str | Path, force: bool = False) -> Target:
        return cls(path=Path(path), force=force)

    @classmethod
    def of_stream(cls, stream: BinaryIO) -> Target:
        return cls(stream=stream)

    @property
    def name(self) -> str:
        return str(self.path) if self.path is not None else "standard output"

    def checked(self) -> Target:
        """This target, refused with a message that says why when it cannot be written: done
        before the work, so that nothing is computed for a file that cannot take it."""
        if self.path is None:
            return self
        path = self.path
        if path.is_dir():
            raise InputError(f"{path} is a directory; give a file name")
        if path.exists() and not stat.S_ISREG(path.stat().st_mode):
            raise InputError(f"{path}: not a regular file; give a file name, or - for standard "
                             f"output")
        if (path.exists() or path.is_symlink()) and not self.force:
            raise InputError(f"{path} exists; pass --force to overwrite it")
        target = real_target(path)
        if not target.parent.is_dir():
            raise InputError(f"{target.parent}: no such directory")
        return self

    def file_path(self, what: str) -> Path:
        """The file this target names; `what` (an SQLite database) cannot go to a stream."""
        if self.path is None:
            raise InputError(f"{what} cannot go to standard output; give --out FILE")
        self.checked()
        return self.path

    def beside(self, name: str) -> Target:
        """A file next to this one (a database's metadata), under the same rule of force."""
        return Target(path=self.file_path("a file beside the output").with_name(name),
                      force=self.force)

    def write(self, data: str | bytes) -> None:
        """The whole of `data`: to the stream, or atomically to the file."""
        payload = data.encode("utf-8") if isinstance(data, str) else data
        if self.stream is not None:
            self.stream.write(payload)
            self.stream.flush()
            return
        atomic_write_bytes(self.file_path("this output"), payload)
