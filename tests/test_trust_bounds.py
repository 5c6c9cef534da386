"""Bounds a hostile tester pushes against, tried from the user's side in real child processes:
sources that never end or are too large, a build stopped or running while it holds the lock,
sources of odd shapes, queries of absurd length, standard output closed, full or cut short.
Each ends — within a generous timeout, inside 2 GB of address space — with one message on
stderr and a non-zero exit, never a traceback, a hang or the machine's memory eaten."""

from __future__ import annotations

import os
import resource
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from .conftest import SHORT_EN, SHORT_NL, short_edition, write

MEMORY = 2 * 1024**3  # bytes of address space a child may take
TIMEOUT = 120  # seconds: a hang detector, not a timing promise


def _bounded_child(then: Callable[[], None] | None = None) -> Callable[[], None]:
    def setup() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (MEMORY, MEMORY))
        if then is not None:
            then()

    return setup


def drugstrat(*args: str, stdout: int | None = subprocess.PIPE,
              then: Callable[[], None] | None = None, env: dict[str, str] | None = None,
              timeout: int = TIMEOUT) -> subprocess.CompletedProcess[bytes]:
    """`python -m drugstrat ARGS` in a child that can neither hang the suite nor eat the
    machine; `then` runs in the child before it starts (closing a stream, a size limit)."""
    return subprocess.run([sys.executable, "-m", "drugstrat", *args], stdout=stdout,
                          stderr=subprocess.PIPE, preexec_fn=_bounded_child(then),
                          env={**os.environ, **(env or {})}, timeout=timeout)


def one_message(done: subprocess.CompletedProcess[bytes]) -> str:
    """The child's stderr, checked to be one line (and no traceback)."""
    said = done.stderr.decode("utf-8", "replace")
    assert "Traceback" not in said, said
    assert said.count("\n") == 1 and said.endswith("\n"), said
    return said


# -- 1. sources that never end, or are larger than allowed ----------------------------------------


def _never_ending(tmp_path: Path, kind: str) -> Path:
    if kind == "fifo":
        path = tmp_path / "pipe.txt"
        os.mkfifo(path)  # nobody will ever write to it
        return path
    if kind == "link":
        path = tmp_path / "link.txt"
        path.symlink_to("/dev/zero")
        return path
    return Path(kind)


@pytest.mark.parametrize("kind", ["/dev/zero", "/dev/urandom", "fifo", "link"])
def test_a_source_that_never_ends_is_refused_naming_it(tmp_path, kind):
    path = _never_ending(tmp_path, kind)
    nl = short_edition(tmp_path)["nl"]
    done = drugstrat("build", "--source", f"en={path}", "--source", f"nl={nl}", "--out",
                     str(tmp_path / "kb"))
    assert done.returncode == 2 and done.stdout == b""
    said = one_message(done)
    assert str(path) in said and "not a regular file" in said
    assert not (tmp_path / "kb" / "en").exists()


@pytest.mark.parametrize("kind", ["/dev/zero", "fifo"])
def test_decisions_that_never_end_are_refused_naming_them(scratch_kb, tmp_path, kind):
    path = _never_ending(tmp_path, kind)
    done = drugstrat("--data", str(scratch_kb), "diff", "--apply", str(path))
    assert done.returncode == 2 and done.stdout == b""
    said = one_message(done)
    assert str(path) in said and "not a regular file" in said


def test_a_source_past_max_size_is_refused_and_a_higher_limit_builds_it(tmp_path):
    sources = short_edition(tmp_path)
    args = ["build", "--source", f"en={sources['en']}", "--source", f"nl={sources['nl']}",
            "--out", str(tmp_path / "kb")]
    assert sources["en"].stat().st_size > 500
    refused = drugstrat("--max-size", "500", *args)
    assert refused.returncode == 2
    said = one_message(refused)
    assert str(sources["en"]) in said and "500 bytes" in said and "--max-size" in said
    assert not (tmp_path / "kb" / "en").exists()
    by_env = drugstrat(*args, env={"DRUGSTRAT_MAX_SIZE": "0.5k"})
    assert by_env.returncode == 2 and "--max-size" in one_message(by_env)
    built = drugstrat("--max-size", "10k", *args, env={"DRUGSTRAT_MAX_SIZE": "0.5k"})
    assert built.returncode == 0, built.stderr
    assert (tmp_path / "kb" / "en" / "records.yaml").is_file()


@pytest.mark.parametrize("size", ["banana", "0", "-5k", ""])
def test_a_max_size_that_is_no_size_is_a_usage_error(size):
    done = drugstrat("--max-size", size, "list")
    assert done.returncode == 2 and done.stdout == b""
    said = done.stderr.decode()
    assert "--max-size" in said and "Traceback" not in said


def test_a_max_size_in_the_environment_that_is_no_size_is_a_usage_error():
    done = drugstrat("list", env={"DRUGSTRAT_MAX_SIZE": "banana"})
    assert done.returncode == 2 and done.stdout == b""
    said = done.stderr.decode()
    assert "Traceback" not in said
    assert "DRUGSTRAT_MAX_SIZE" in said and "banana" in said


# -- 2. a lock held by a build that is stopped, or that runs on -----------------------------------


STOPPED_MID_BUILD = """\
import os, signal, sys
from pathlib import Path
from drugstrat.kb import build as kb
from drugstrat.kb.generation import JOURNAL

root = Path(sys.argv[1])
real = os.replace

def replace(a, b):
    real(a, b)
    if Path(b).name == JOURNAL:  # committed, and stopped before a file moved (Ctrl-Z)
        os.kill(os.getpid(), signal.SIGSTOP)

os.replace = replace
kb.build({"en": Path(sys.argv[2]), "nl": Path(sys.argv[3])}, root)
"""

HOLDS_THE_LOCK = """\
import sys, time
from pathlib import Path
from drugstrat.kb.generation import locked

with locked(Path(sys.argv[1])):
    print("held", flush=True)
    time.sleep(600)
"""


def _state(pid: int) -> str:
    with open(f"/proc/{pid}/stat", "rb") as handle:
        return handle.read().rpartition(b")")[2].split()[0].decode()


def _wait_for(ready: Callable[[], bool], child: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + TIMEOUT
    while not ready():
        assert child.poll() is None, child.stderr.read() if child.stderr else child.returncode
        assert time.monotonic() < deadline, "the child never got there"
        time.sleep(0.05)


def _end(child: subprocess.Popen[bytes]) -> None:
    if child.poll() is None:
        os.kill(child.pid, signal.SIGCONT)
        os.kill(child.pid, signal.SIGKILL)
    child.wait(timeout=TIMEOUT)


def test_a_build_stopped_holding_the_lock_is_said_with_its_pid_and_the_way_out(tmp_path):
    from drugstrat.kb import build as kb

    root = tmp_path / "kb"
    kb.build(short_edition(tmp_path), root)
    new = short_edition(tmp_path / "new", {"reinforced local effort": "renewed local effort",
                                           "versterkte lokale aanpak": "vernieuwde lokale aanpak"})
    script = write(tmp_path / "stopped.py", STOPPED_MID_BUILD)
    child = subprocess.Popen([sys.executable, str(script), str(root), str(new["en"]),
                              str(new["nl"])], stderr=subprocess.PIPE,
                             preexec_fn=_bounded_child())
    try:
        _wait_for(lambda: _state(child.pid) in ("T", "t"), child)
        assert (root / ".build-journal.json").exists()
        for args in (["show", "1.2"], ["build"]):
            # A short wait before the holder is looked at: the test need not wait longer.
            done = drugstrat("--data", str(root), *args, env={"DRUGSTRAT_LOCK_WAIT": "0.5"})
            assert done.returncode == 2 and done.stdout == b"", args
            said = done.stderr.decode()
            assert "Traceback" not in said and "stopped" in said, args
            assert f"pid {child.pid}" in said and f"kill -CONT {child.pid}" in said, args
            assert f"kill {child.pid}" in said, args
        # Resumed, the build ends; the knowledge base is the new generation.
        os.kill(child.pid, signal.SIGCONT)
        assert child.wait(timeout=TIMEOUT) == 0
        shown = drugstrat("--data", str(root), "show", "1.2", "--json")
        assert shown.returncode == 0 and b"renewed local effort" in shown.stdout
    finally:
        _end(child)


def test_a_lock_held_by_a_running_process_is_waited_for_a_while_then_said(tmp_path):
    from drugstrat.kb import build as kb

    root = tmp_path / "kb"
    kb.build(short_edition(tmp_path), root)
    script = write(tmp_path / "holds.py", HOLDS_THE_LOCK)
    child = subprocess.Popen([sys.executable, str(script), str(root)], stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, preexec_fn=_bounded_child())
    try:
        assert child.stdout is not None and child.stdout.readline() == b"held\n"
        done = drugstrat("--data", str(root), "build", env={"DRUGSTRAT_LOCK_WAIT": "0.5"})
        assert done.returncode == 2 and done.stdout == b""
        said = done.stderr.decode()
        assert "Traceback" not in said and said.count("\n") <= 2  # the wait, then the refusal
        assert f"pid {child.pid}" in said and f"kill {child.pid}" in said
        assert child.poll() is None  # nobody ended it but us
    finally:
        _end(child)
    # The holder gone, the build runs.
    assert drugstrat("--data", str(root), "build").returncode == 0


@pytest.mark.parametrize("wait", ["banana", "-1"])
def test_a_lock_wait_that_is_no_number_of_seconds_is_a_usage_error(tmp_path, wait):
    from drugstrat.kb import build as kb

    root = tmp_path / "kb"
    kb.build(short_edition(tmp_path), root)
    done = drugstrat("--data", str(root), "build", env={"DRUGSTRAT_LOCK_WAIT": wait})
    assert done.returncode == 2
    said = one_message(done)
    assert "DRUGSTRAT_LOCK_WAIT" in said and wait in said


# -- 3. sources of hostile shapes --------------------------------------------------------------


def _hostile(tmp_path: Path, en: str, nl: str, timeout: int = TIMEOUT
             ) -> subprocess.CompletedProcess[bytes]:
    src = tmp_path / "src"
    return drugstrat("build", "--source", f"en={write(src / 'en.txt', en)}", "--source",
                     f"nl={write(src / 'nl.txt', nl)}", "--out", str(tmp_path / "kb"),
                     timeout=timeout)


def _built_or_refused(done: subprocess.CompletedProcess[bytes]) -> str:
    said = done.stderr.decode("utf-8", "replace")
    assert "Traceback" not in said and "MemoryError" not in said, said[-2000:]
    assert done.returncode in (0, 2), said[-2000:]
    if done.returncode == 2:
        assert said.strip(), "refused without a word"
    return said


WORDS = ("prevention treatment harm reduction supply drugs policy health local effort "
         "networks assets").split()


@pytest.mark.parametrize("line", ["words", "one word"])
def test_a_ten_megabyte_line_without_a_newline_builds_or_is_refused(tmp_path, line):
    size = 10 * 10**6
    if line == "words":
        long = " ".join(WORDS[i % len(WORDS)] for i in range(size // 8))[:size]
    else:
        long = "a" * size
    done = _hostile(tmp_path, SHORT_EN + "\n" + long, SHORT_NL + "\n" + long, timeout=600)
    _built_or_refused(done)
    if done.returncode == 0:  # built: what it built answers
        shown = drugstrat("--data", str(tmp_path / "kb"), "show", "1.2", "--json")
        assert shown.returncode == 0 and b"local effort" in shown.stdout


def test_an_objective_numbered_ten_to_the_thirtieth_warns_of_a_range(tmp_path):
    huge = 10**30
    done = _hostile(tmp_path, SHORT_EN.replace("SO. 2 ", f"SO. {huge} "),
                    SHORT_NL.replace("SD. 2 ", f"SD. {huge} "))
    said = _built_or_refused(done)
    assert done.returncode == 0
    assert f"2 to {huge - 1}" in said and len(said) < 10_000


def test_ten_thousand_words_before_the_title_build(tmp_path):
    prose = " ".join(WORDS[i % len(WORDS)] for i in range(10_000)) + "\n\n"
    done = _hostile(tmp_path, prose + SHORT_EN, prose + SHORT_NL)
    _built_or_refused(done)
    assert done.returncode == 0
    shown = drugstrat("--data", str(tmp_path / "kb"), "show", "1.2", "--json")
    assert shown.returncode == 0 and b"local effort" in shown.stdout


# -- 4. queries of absurd length ------------------------------------------------------------------


@pytest.mark.parametrize("args", [
    ["search", "a" * 100_000],
    ["search", " ".join(["prevention"] * 10_000)],
    ["search", " ".join(f"w{i}" for i in range(10_000))],
    ["export", "--format", "csv", "--out", "-", "--query", "a" * 100_000],
    ["export", "--format", "csv", "--out", "-", "--query", " ".join(["drugs"] * 10_000)],
], ids=["long word", "many words", "many different words", "export long word",
        "export many words"])
def test_a_query_of_absurd_length_is_a_usage_error(scratch_kb, args):
    done = drugstrat("--data", str(scratch_kb), *args)
    assert done.returncode == 2 and done.stdout == b""
    said = one_message(done)
    assert "query" in said and "at most" in said or "no word" in said


# -- 5. standard output closed, full, or cut short ------------------------------------------------


STREAM_COMMANDS = [["show", "3.4"], ["list"], ["search", "prevention"],
                   ["export", "-f", "csv", "--out", "-"], ["build", "--json"]]


def _close_stdout() -> None:
    os.close(1)


@pytest.mark.parametrize("args", STREAM_COMMANDS, ids=" ".join)
def test_a_closed_stdout_is_one_message_and_a_failure(scratch_kb, args):
    done = drugstrat("--data", str(scratch_kb), *args, stdout=None, then=_close_stdout)
    assert done.returncode != 0
    said = one_message(done)
    assert "standard output is closed" in said


@pytest.mark.parametrize("args", STREAM_COMMANDS, ids=" ".join)
def test_a_full_stdout_is_one_message_and_a_failure(scratch_kb, args):
    with open("/dev/full", "wb") as full:
        done = drugstrat("--data", str(scratch_kb), *args, stdout=full.fileno())
    assert done.returncode != 0
    said = one_message(done)
    assert "No space left" in said


def _file_size_limit() -> None:
    resource.setrlimit(resource.RLIMIT_FSIZE, (4096, 4096))
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)


@pytest.mark.parametrize("unbuffered", [False, True], ids=["buffered", "unbuffered"])
def test_stdout_cut_short_by_a_file_size_limit_is_never_a_silent_success(scratch_kb, tmp_path,
                                                                          unbuffered):
    env = {"PYTHONUNBUFFERED": "1"} if unbuffered else {}
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    whole = drugstrat("--data", str(scratch_kb), "list", "--json")
    assert whole.returncode == 0 and len(whole.stdout) > 4096
    with open(tmp_path / "out.json", "wb") as out:
        done = drugstrat("--data", str(scratch_kb), "list", "--json", stdout=out.fileno(),
                         then=_file_size_limit, env=env)
    assert done.returncode != 0
    said = one_message(done)
    assert "File too large" in said or "cannot write the output" in said
    assert (tmp_path / "out.json").stat().st_size <= 4096
