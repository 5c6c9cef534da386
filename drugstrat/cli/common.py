"""What every command shares: the knowledge-base option, output options, error handling."""

from __future__ import annotations

import errno
import functools
import io
import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, TextIO, TypeVar

import typer

from drugstrat.cli import messages
from drugstrat.cli.output import Format, Output
from drugstrat.cli.status import Exit
from drugstrat.cli.view import Column
from drugstrat.errors import DrugstratError

if TYPE_CHECKING:
    from drugstrat.cli.context import Invocation
    from drugstrat.kb.store import KB

F = TypeVar("F", bound=Callable[..., Any])

JsonOption = Annotated[bool, typer.Option("--json", help="Write JSON to stdout (= --format json).")]
FormatOption = Annotated[
    Format | None,
    typer.Option("--format", "-f", help="Output format.", case_sensitive=False),
]
def _completion_kb(ctx: typer.Context) -> KB | None:
    """The knowledge base a command line being completed names (None if it cannot be read:
    completion never fails loudly)."""
    from drugstrat.cli.context import Invocation
    from drugstrat.kb import store
    from drugstrat.kb.paths import data_dir as resolve

    # --data after the command name has gone to the invocation; before it, to the root's
    # parameters (the root's callback does not run while a shell completes).
    root = Invocation.of(ctx).data or ctx.find_root().params.get("data")
    try:
        return store.load(resolve(Path(root) if root else None))
    except Exception:  # noqa: BLE001 - a shell's tab must never print a traceback
        return None


COMPLETIONS = 50  # candidates offered at most: a shell shows the rest as noise


def complete_ids(ctx: typer.Context, incomplete: str) -> list[str]:
    """Ids starting with what was typed, for the shell's tab key."""
    kb = _completion_kb(ctx)
    typed = incomplete.casefold()
    return [i for i in kb.ids if i.casefold().startswith(typed)][:COMPLETIONS] if kb else []


def complete_types(ctx: typer.Context, incomplete: str) -> list[str]:
    """The record types of the knowledge base starting with what was typed (by their names:
    the plural, also understood, would only double the list)."""
    kb = _completion_kb(ctx)
    return [t for t in kb.types() if t.startswith(incomplete.lower())] if kb else []


def complete_langs(ctx: typer.Context, incomplete: str) -> list[str]:
    """The knowledge base's languages."""
    kb = _completion_kb(ctx)
    return [c for c in kb.langs if c.startswith(incomplete.lower())] if kb else []


def complete_objectives(ctx: typer.Context, incomplete: str) -> list[str]:
    """The strategic objectives: their numbers for a digit typed, else their ids."""
    kb = _completion_kb(ctx)
    if kb is None:
        return []
    objectives = kb.of_type("strategic_objective")
    if incomplete.isdigit():
        numbers = (str(kb.objective_number(i)) for i in objectives)
        return [n for n in numbers if n.startswith(incomplete)]
    return [i for i in objectives if i.casefold().startswith(incomplete.casefold())]


IdArgument = Annotated[str, typer.Argument(
    metavar="ID", help="A record id: SO3, 'SO 3', SD.3, 3.4, n2, scope1 …",
    autocompletion=complete_ids)]
TypesOption = Annotated[list[str] | None, typer.Option(
    "--type", "-t", autocompletion=complete_types,
    help="Only records of this type (repeatable; so, specific, groups … as well as the full "
         "name).")]
SoOption = Annotated[str | None, typer.Option(
    "--so", autocompletion=complete_objectives,
    help="Only records under this strategic objective (3, SO3, SD 3).")]
OutOption = Annotated[str, typer.Option(
    "--out", "-o", help="File to write (atomically), or - for standard output.")]
ForceOption = Annotated[bool, typer.Option("--force", help="Overwrite an existing file.")]
LangOption = Annotated[
    str | None, typer.Option("--lang", "-l", autocompletion=complete_langs,
                             help="Only this language (e.g. en, nl).")
]


def reports_errors(command: F) -> F:
    """Turn every error a user or the machine can cause — a library error, a file that cannot
    be read or written, a full disk, a database that will not open — into one message on
    stderr and exit code 2, never a traceback. A reader that went away (`| head`) is no error:
    exit 0, quietly. What the library has to say meanwhile (`drugstrat.errors.Notice`: a
    cache made again, a wait for a lock) is one line on stderr each."""

    @functools.wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            with _notices():
                result = command(*args, **kwargs)
            sys.stdout.flush()  # a full device or a closed pipe shows here, not at exit
            return result
        except DrugstratError as exc:
            messages.error(str(exc))
            raise typer.Exit(code=Exit.USAGE) from None
        except BrokenPipeError:
            _reader_left()
            raise typer.Exit(code=Exit.OK) from None
        except OSError as exc:
            if exc.errno == errno.EPIPE:
                _reader_left()
                raise typer.Exit(code=Exit.OK) from None
            messages.error(describe_os_error(exc))
            _drop_unwritable_output()
            raise typer.Exit(code=Exit.MACHINE) from None
        except Exception as exc:
            # sqlite3 is imported only by the commands that use it (it costs start-up time).
            sqlite3 = sys.modules.get("sqlite3")
            if sqlite3 is None or not isinstance(exc, sqlite3.Error):
                raise
            messages.error(f"database: {exc}")
            raise typer.Exit(code=Exit.MACHINE) from None

    return wrapper  # type: ignore[return-value]


@contextmanager
def _notices() -> Iterator[None]:
    """Within this block, each `Notice` the library issues is a line on stderr."""
    import warnings

    from drugstrat.errors import Notice

    with warnings.catch_warnings():
        warnings.simplefilter("always", Notice)
        others = warnings.showwarning

        def show(message: Warning | str, category: type[Warning], filename: str, lineno: int,
                 file: TextIO | None = None, line: str | None = None) -> None:
            if issubclass(category, Notice):
                messages.warn(str(message))
            else:
                others(message, category, filename, lineno, file, line)

        warnings.showwarning = show
        yield


# Failures of a write that name no file: the output's, standard output's mostly.
OUTPUT_ERRORS = {errno.ENOSPC, errno.EFBIG, getattr(errno, "EDQUOT", errno.ENOSPC)}


def describe_os_error(exc: OSError) -> str:
    """One line for a failed file operation: the file, then what went wrong."""
    what = exc.strerror or str(exc)
    if exc.filename is not None:
        return f"{exc.filename}: {what}"
    return f"cannot write the output: {what}" if exc.errno in OUTPUT_ERRORS else what


class ClosedOutput(io.TextIOBase):
    """Standard output when the shell closed it (`cmd >&-`): Python leaves `sys.stdout` None,
    and every command would end in an AttributeError. Here every write is an `OSError` that
    says what happened, which the commands report as any failed write."""

    encoding = "utf-8"

    def _closed(self) -> OSError:
        return OSError(errno.EBADF, "standard output is closed; nothing can be written to it "
                                    "(open it, or give --out FILE where the command takes one)")

    def write(self, text: Any) -> int:
        raise self._closed()

    def fileno(self) -> int:
        raise self._closed()

    def writable(self) -> bool:
        return True

    def isatty(self) -> bool:
        return False

    @property
    def buffer(self) -> ClosedOutput:
        """The bytes' side: as closed."""
        return self


def _drop_unwritable_output() -> None:
    """After a failure: write what standard output still holds, or, if it cannot take it (a
    full device, a file at its size limit), drop it — Python's final flush would otherwise fail
    again, with a second message and a traceback-like line after ours."""
    try:
        sys.stdout.flush()
    except (OSError, ValueError):
        _reader_left()


def _reader_left() -> None:
    """Point stdout at /dev/null, so that Python's final flush has nowhere to fail."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):  # no real stdout (a test runner's buffer)
        pass


def invocation(ctx: typer.Context) -> Invocation:
    from drugstrat.cli.context import Invocation

    return Invocation.of(ctx)


def output(ctx: typer.Context, fmt: Format | None, as_json: bool) -> Output:
    """The one output path, as this invocation asks for it."""
    return invocation(ctx).output(fmt, as_json)


def data_dir(ctx: typer.Context) -> Path:
    return invocation(ctx).root


def glossary_file(ctx: typer.Context) -> Path:
    return invocation(ctx).glossary_file


def load_kb(ctx: typer.Context) -> KB:
    return invocation(ctx).kb()


def resolve_or_exit(kb: KB, record_id: str) -> str:
    """The id a user typed, forgiven; an unknown one is said on stderr, with near ids, and
    ends the command with exit code 1 (the question "is there such a record" was answered)."""
    from drugstrat.kb.names import resolve, suggest

    found = resolve(record_id, kb.ids)
    if found is None:
        near = suggest(record_id, kb.ids)
        hint = f"; did you mean {', '.join(near)}?" if near else ""
        messages.error(f"no record with id {record_id!r}{hint}")
        raise typer.Exit(code=Exit.NOT_FOUND)
    return found


def resolve_types(kb: KB, typed: list[str] | None) -> set[str] | None:
    """The record types the user named, forgiven (`so`, `Target-groups`), or None for all."""
    from drugstrat.kb.names import resolve_type

    if not typed:
        return None
    try:
        return {resolve_type(t, kb.types()) for t in typed}
    except DrugstratError as exc:
        raise typer.BadParameter(str(exc), param_hint="--type") from None


def resolve_type_or_none(kb: KB, typed: str | None) -> str | None:
    found = resolve_types(kb, [typed] if typed else None)
    return next(iter(found)) if found else None


def resolve_so(kb: KB, typed: str | None) -> int | None:
    """The number of the strategic objective the user named, in any spelling an id takes."""
    from drugstrat.kb.names import resolve_objective

    if typed is None:
        return None
    try:
        return resolve_objective(typed, kb)
    except DrugstratError as exc:
        raise typer.BadParameter(str(exc), param_hint="--so") from None


def check_lang(lang: str | None, available: list[str]) -> str | None:
    if lang is None:
        return None
    code = lang.strip().lower()
    if code not in available:
        raise typer.BadParameter(
            f"{lang!r} is not a language of this knowledge base ({', '.join(available)})",
            param_hint="--lang",
        )
    return code


def language_columns(langs: list[str]) -> list[Column]:
    """A prose column per language, headed by its code in capitals."""
    return [Column(lang, lang.upper(), prose=True) for lang in langs]
