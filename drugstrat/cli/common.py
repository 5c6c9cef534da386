"""What every command shares: the knowledge-base option, output options, error handling."""

from __future__ import annotations

import functools
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, TypeVar

import typer

from drugstrat.cli import messages
from drugstrat.cli.output import Format, Output, choose
from drugstrat.cli.status import Exit
from drugstrat.cli.view import Column
from drugstrat.errors import DrugstratError

if TYPE_CHECKING:
    from drugstrat.kb.store import KB

F = TypeVar("F", bound=Callable[..., Any])

JsonOption = Annotated[bool, typer.Option("--json", help="Write JSON to stdout (= --format json).")]
FormatOption = Annotated[
    Format | None,
    typer.Option("--format", "-f", help="Output format.", case_sensitive=False),
]
LangOption = Annotated[
    str | None, typer.Option("--lang", "-l", help="Only this language (e.g. en, nl).")
]


def reports_errors(command: F) -> F:
    """Turn a library error into one message on stderr and exit code 2, never a traceback."""

    @functools.wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return command(*args, **kwargs)
        except DrugstratError as exc:
            messages.error(str(exc))
            raise typer.Exit(code=Exit.USAGE) from None

    return wrapper  # type: ignore[return-value]


def output(fmt: Format | None, as_json: bool) -> Output:
    return Output(choose(fmt, as_json))


def data_dir(ctx: typer.Context) -> Path:
    from drugstrat.kb.paths import data_dir as resolve

    return resolve((ctx.obj or {}).get("data"))


def data_given(ctx: typer.Context) -> bool:
    """Whether the user named a knowledge base (--data or DRUGSTRAT_DATA)."""
    return (ctx.obj or {}).get("data") is not None


def load_kb(ctx: typer.Context) -> KB:
    from drugstrat.kb import store

    return store.load(data_dir(ctx))


def resolve_or_exit(kb: KB, record_id: str) -> str:
    """The id a user typed, forgiven; an unknown one is said on stderr, with near ids, and
    ends the command with exit code 1 (the question "is there such a record" was answered)."""
    from drugstrat.kb.ids import resolve, suggest

    found = resolve(record_id, kb.ids)
    if found is None:
        near = suggest(record_id, kb.ids)
        hint = f"; did you mean {', '.join(near)}?" if near else ""
        messages.error(f"no record with id {record_id!r}{hint}")
        raise typer.Exit(code=Exit.FOUND)
    return found


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
