"""A build is one step: a knowledge base is always wholly one generation or wholly the next.

Every file of a new generation (each language's records, source copy and orphans, the manifest)
is first written in full beside the file it replaces. Then one atomic write of the journal
(`DIR/.build-journal.json`, listing the replacements) commits the generation; the replacements
follow, and the journal goes. A build killed before the journal leaves the old generation and a
few staged files (swept by the next build); one killed after it is finished by whoever comes
next — a query or a build — before anything is read. Each file carries its generation's id
(`build:`), so a knowledge base mixed some other way (a file copied in from elsewhere) is refused
with the way to repair it.

Builds hold `DIR/.build.lock` (an advisory `flock`, with the holder's pid in it), so two never
interleave; a query that meets a journal waits for the lock, then finishes what is left. A wait
past a few seconds is said; a lock held by a stopped build (Ctrl-Z) or by a process that is no
build is refused with the holder's pid and what to do, never waited for in silence.

A knowledge base may come from someone else: its journal is untrusted. Each move it lists must
name a file of the knowledge base (no absolute path, no `..`, no link leading out) and a staged
file beside it of this very build; anything else is refused, and a build discards such a journal
(it writes every file anew).
"""

from __future__ import annotations

import json
import os
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path, PurePosixPath
from typing import Any

from drugstrat.errors import InputError, KBError, Notice
from drugstrat.kb.paths import JOURNAL_FILE, inside
from drugstrat.storage.atomic import real_target, stage

JOURNAL = JOURNAL_FILE
LOCK = ".build.lock"
STAGED_TAG = "build-"  # staged files are named .tmp-<name>.build-…
PLACEHOLDER = "0" * 16  # rendered where the id goes, then replaced by it
ID_LENGTH = len(PLACEHOLDER)
PATIENCE = 2.0  # seconds of waiting for the lock before asking who holds it (and saying so)
LONGEST_WAIT = 600.0  # seconds a running holder is waited for, at most (default)
WAIT_VAR = "DRUGSTRAT_LOCK_WAIT"  # seconds, to wait for a running holder less or longer
POLL = 0.05  # seconds between tries of the lock

# The locks this process holds (their count), so that a holder taking the lock again (a build
# finishing a journal) does not wait for itself: flock locks are per open file.
_held: dict[str, int] = {}


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
    path = root / LOCK
    key = os.path.realpath(path)
    if _held.get(key):
        _held[key] += 1
        try:
            yield
        finally:
            _held[key] -= 1
        return
    fd = _open_lock(path)
    try:
        _acquire(fd, path)
        _held[key] = 1
        try:
            # Who holds it, for whoever waits: read only while the lock is held.
            os.ftruncate(fd, 0)
            os.pwrite(fd, f"{os.getpid()}\n".encode(), 0)
            yield
        finally:
            del _held[key]
            fcntl.flock(fd, fcntl.LOCK_UN)
    finally:
        os.close(fd)


def _open_lock(path: Path) -> int:
    """The lock file, opened without blocking (a named pipe would block an open for writing
    until a reader came) and never through a link; anything but a regular file is refused."""
    flags = (os.O_RDWR | os.O_CREAT | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0)
             | getattr(os, "O_NOFOLLOW", 0))
    try:
        fd = os.open(path, flags, 0o666)
    except OSError:
        try:
            mode = os.lstat(path).st_mode
        except OSError:
            mode = stat.S_IFREG
        if not stat.S_ISREG(mode):
            raise _not_a_lock(path, mode) from None
        raise
    mode = os.fstat(fd).st_mode
    if not stat.S_ISREG(mode):
        os.close(fd)
        raise _not_a_lock(path, mode)
    return fd


def _not_a_lock(path: Path, mode: int) -> InputError:
    from drugstrat.storage.limits import kind

    return InputError(f"{path}: {kind(mode)}, not a regular file; the build lock is drugstrat's "
                      f"own file: remove it, and run this again")


def _acquire(fd: int, path: Path) -> None:
    """Take the lock; past a few seconds, see who holds it: a stopped or vanished holder is
    refused at once, a running one is waited for (said once) up to LONGEST_WAIT."""
    import fcntl
    import time
    import warnings

    longest = longest_wait()
    started = time.monotonic()
    look_at = started + min(PATIENCE, longest)
    told = False
    while True:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return
        except BlockingIOError:
            pass
        now = time.monotonic()
        if now >= look_at:
            pid = _holder(fd)
            _refuse_stuck(path, pid, now - started, longest)
            if not told:
                warnings.warn(Notice(f"{path}: waiting for the build holding it"
                                     f"{f' (pid {pid})' if pid else ''} to finish"), stacklevel=2)
                told = True
            look_at = now + PATIENCE
        time.sleep(POLL)


def longest_wait() -> float:
    """Seconds a lock held by a running process is waited for: DRUGSTRAT_LOCK_WAIT, or
    LONGEST_WAIT."""
    spec = os.environ.get(WAIT_VAR, "").strip()
    if not spec:
        return LONGEST_WAIT
    try:
        seconds = float(spec)
    except ValueError:
        seconds = -1.0
    if not 0 <= seconds < float("inf"):
        raise InputError(f"{WAIT_VAR}={spec!r}: not a number of seconds (give e.g. 60, or 0 "
                         f"not to wait for a build that holds the lock)")
    return seconds


def _holder(fd: int) -> int | None:
    """The pid the lock's holder wrote in it (None: none, or not a number)."""
    try:
        text = os.pread(fd, 32, 0).decode("ascii", "replace").strip()
    except OSError:
        return None
    return int(text) if text.isdigit() and int(text) > 0 else None


def _refuse_stuck(path: Path, pid: int | None, waited: float, longest: float) -> None:
    state = _state(pid) if pid else "running"
    if state == "stopped":
        raise KBError(f"{path}: held by a build that is stopped (pid {pid}, suspended as by "
                      f"Ctrl-Z); resume it (`fg` in its shell, or `kill -CONT {pid}`) or end it "
                      f"(`kill {pid}`), then run this again")
    if state == "gone":
        raise KBError(f"{path}: held by a process that is not the build that took it (pid "
                      f"{pid} has ended); find the holder with `fuser -v {path}` and end it, "
                      f"then run this again")
    if waited >= longest:
        who, end = (f"pid {pid}", f"`kill {pid}`") if pid else (
            "another process", f"find it with `fuser -v {path}`")
        raise KBError(f"{path}: still held by {who} after {int(waited)} s; wait for that build "
                      f"to end, or end it ({end}), then run this again (or wait longer: "
                      f"{WAIT_VAR}=SECONDS)")


def _state(pid: int) -> str:
    """"stopped", "gone" or "running" (what cannot be told counts as running)."""
    try:
        with open(f"/proc/{pid}/stat", "rb") as handle:
            fields = handle.read().rpartition(b")")[2].split()
    except FileNotFoundError:
        return "gone"
    except OSError:  # no /proc: whether it lives is all one can tell
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return "gone"
        except OSError:
            pass
        return "running"
    state = fields[0] if fields else b"R"
    if state in (b"T", b"t"):
        return "stopped"
    return "gone" if state in (b"Z", b"X") else "running"


def commit(root: Path, files: dict[Path, bytes], build_id: str) -> None:
    """Replace `files` (path -> new content, each a path inside `root`) as one generation. Call
    holding `locked(root)`."""
    for path in files:
        inside(root, path)  # a link leading out of the knowledge base is never written through
    staged: list[tuple[Path, Path]] = []
    try:
        for path, data in files.items():
            staged.append(stage(path, data, tag=f"{STAGED_TAG}{build_id}."))
    except BaseException:
        for tmp, _ in staged:
            tmp.unlink(missing_ok=True)
        raise
    # Each move names the file as the knowledge base has it and the staged file beside the file
    # it leads to: nothing a journal says can point out of the knowledge base.
    journal: dict[str, object] = {"build": build_id,
                                  "moves": [[tmp.name, path.relative_to(root).as_posix()]
                                            for (tmp, _), path in zip(staged, files,
                                                                      strict=True)]}
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


def finish_pending(root: Path, discard_refused: bool = False) -> bool:
    """Finish a committed build that was interrupted, if there is one; True if there was.
    Safe to call without the lock only to ask; finishing takes it. `discard_refused` (a build,
    which writes every file anew): a journal that cannot be finished safely is removed instead
    of refused."""
    if not os.path.lexists(root / JOURNAL):
        return False
    with locked(root):
        try:
            journal = _read_journal(root)
            if journal is not None:
                _finish(root, journal)
        except (KBError, InputError):
            if not discard_refused:
                raise
            (root / JOURNAL).unlink(missing_ok=True)
    return True


def sweep(root: Path) -> None:
    """Remove files staged by builds that never committed, and those any write (a cache's) left
    when its process was killed. Call holding `locked(root)`, after `finish_pending`."""
    from drugstrat.storage.atomic import abandoned

    if not root.is_dir():
        return
    for folder in (root, *(p for p in root.iterdir() if p.is_dir() and not p.is_symlink())):
        for stray in (*folder.glob(f".tmp-*.{STAGED_TAG}*"), *abandoned(folder)):
            stray.unlink(missing_ok=True)


def _finish(root: Path, journal: dict[str, object]) -> None:
    moves = journal.get("moves")
    build = journal.get("build")
    if not isinstance(build, str) or not build.isalnum() or not isinstance(moves, list) or \
            not all(isinstance(move, list) and len(move) == 2
                    and all(isinstance(p, str) and p for p in move) for move in moves):
        raise _damaged(root)
    checked = [_move(root, build, staged_name, target_name)
               for staged_name, target_name in moves]
    for (tmp, target), (_, target_name) in zip(checked, moves, strict=True):
        if tmp.exists():
            os.replace(tmp, target)
        elif not target.exists():
            raise KBError(f"{root}: an interrupted build lost {target_name}; rebuild with "
                          f"`drugstrat --data {root} build`")
    (root / JOURNAL).unlink(missing_ok=True)


def _move(root: Path, build: str, staged_name: str, target_name: str) -> tuple[Path, Path]:
    """The staged file and the file it replaces, for one move of a journal: the target a path
    inside the knowledge base (links on the way leading nowhere out of it), the staged file one
    of this build beside the file the target leads to. Anything else is refused."""
    named = PurePosixPath(target_name)
    if named.is_absolute() or ".." in named.parts or target_name.startswith("~"):
        raise _outside(root, target_name)
    path = root / named
    try:
        inside(root, path)
    except KBError:
        raise _outside(root, target_name) from None
    target = real_target(path)
    staged = PurePosixPath(staged_name).name  # journals of 0.2 named it with its folder
    tmp = target.parent / staged
    if not staged.startswith(f".tmp-{target.name}.{STAGED_TAG}{build}.") or (
            os.path.lexists(tmp) and not stat.S_ISREG(os.lstat(tmp).st_mode)):
        raise _outside(root, staged_name)
    return tmp, target


def _read_journal(root: Path) -> dict[str, Any] | None:
    from drugstrat.storage.limits import read_regular

    try:
        data = json.loads(read_regular(root / JOURNAL, follow=False))
    except FileNotFoundError:
        return None
    except (OSError, ValueError, InputError):
        raise _damaged(root) from None
    if not isinstance(data, dict):
        raise _damaged(root)
    return data


def _damaged(root: Path) -> KBError:
    return KBError(f"{root / JOURNAL}: damaged; rebuild with `drugstrat --data {root} build` "
                   f"(which replaces every file it lists)")


def _outside(root: Path, name: str) -> KBError:
    return KBError(f"{root / JOURNAL}: names {name!r}, which is no file of this knowledge base "
                   f"or of its last build (a knowledge base received from someone else may "
                   f"carry such a journal); nothing was moved. Remove the journal, or rebuild "
                   f"with `drugstrat --data {root} build`, which discards it")


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
