"""`drugstrat read` and `drugstrat cite`: a passage as running text, and a ready citation."""

from __future__ import annotations

import sys
from enum import StrEnum
from typing import TYPE_CHECKING, Annotated

import typer

from drugstrat.cli import app, messages
from drugstrat.cli.common import (
    IdArgument,
    JsonOption,
    LangOption,
    check_lang,
    complete_ids,
    language_columns,
    load_kb,
    output,
    reports_errors,
    resolve_or_exit,
)
from drugstrat.cli.status import Exit
from drugstrat.cli.view import Line, Table, View

if TYPE_CHECKING:
    from drugstrat.export.citation import MissingVersion


class ReadFormat(StrEnum):
    text = "text"
    md = "md"
    json = "json"


@app.command()
@reports_errors
def read(
    ctx: typer.Context,
    record_id: Annotated[str | None, typer.Argument(
        metavar="[ID]", autocompletion=complete_ids,
        help="A section, an objective, any record (SO5, scope, 3.4); the whole document "
             "without one.")] = None,
    lang: LangOption = None,
    fmt: Annotated[ReadFormat, typer.Option(
        "--format", "-f", help="text: a paragraph a line, to paste anywhere; md: Markdown; "
                               "json: the records.")] = ReadFormat.text,
    side: Annotated[bool, typer.Option(
        "--side", help="The languages side by side, in a table (for the terminal).")] = False,
) -> None:
    """Read a passage in full: a section, a strategic objective with all its paragraphs, lists
    and specific objectives, or the whole document — in one language or each record followed
    by its translation.

    Example: drugstrat read SO5 --lang en --format md
    """
    from drugstrat.export.reading import read as running_text
    from drugstrat.kb.passages import passage

    kb = load_kb(ctx)
    code = check_lang(lang, kb.langs)
    found = resolve_or_exit(kb, record_id) if record_id is not None else None
    ids = passage(kb, found)
    langs = [code] if code else kb.langs
    if fmt is ReadFormat.json:
        rows = kb.rows(ids, langs)
        output(ctx, None, True).emit(View(rows, []))
    elif side and len(langs) > 1:
        side_by_side = [{c: r["text"] for c, r in kb.get(i, langs).items()} for i in ids]
        output(ctx, None, False).emit(View(side_by_side, [], human=[
            Line([(found or "document", "bold cyan")]),
            Table(side_by_side, language_columns(langs), lines=True)]))
    else:
        sys.stdout.write(running_text(kb, ids, langs, markdown=fmt is ReadFormat.md))


class CiteStyle(StrEnum):
    plain = "plain"
    md = "md"
    bibtex = "bibtex"
    csl = "csl"


@app.command()
@reports_errors
def cite(
    ctx: typer.Context,
    record_id: IdArgument,
    lang: LangOption = None,
    quote: Annotated[bool, typer.Option(
        "--quote", "-q", help="Add the record's text (plain and md).")] = False,
    style: Annotated[CiteStyle, typer.Option(
        "--style", "-s", help="plain: one line; md: Markdown; bibtex, csl: an entry for the "
                              "document (BibTeX, CSL-JSON), the passage as its note.")
    ] = CiteStyle.plain,
    fallback: Annotated[bool, typer.Option(
        "--fallback", help="Where the record has no version in --lang, quote another "
                           "language's, and say so in the citation.")] = False,
    as_json: JsonOption = False,
) -> None:
    """A ready citation of a record, in the document's own words: "specific objective 3.10",
    "specifieke doelstelling 3.10", "SD 3", with the title, publisher, year and the publisher's
    web address. In the reference language unless --lang; paragraphs and items are numbered
    as that language's edition has them. A record that edition does not have exits 1, naming
    the records that hold its text there (or --fallback).

    Example: drugstrat cite SO2.p4 --lang nl
    """
    from drugstrat.export.citation import MissingVersion
    from drugstrat.export.citation import cite as citation

    kb = load_kb(ctx)
    code = check_lang(lang, kb.langs) or kb.reference
    found = resolve_or_exit(kb, record_id)
    try:
        made = citation(kb, found, code, fallback)
    except MissingVersion as missing:
        messages.error(_missing(missing))
        raise typer.Exit(code=Exit.NOT_FOUND) from None
    if as_json:
        output(ctx, None, True).emit(View([made.to_dict()], [], document=made.to_dict()))
    else:
        sys.stdout.write(made.styled(style.value, quote) + "\n")


def _missing(missing: MissingVersion) -> str:
    """What to cite instead of a record the edition asked for lacks."""
    text = str(missing)
    if missing.near:
        text += f"; its {missing.lang} text is in {', '.join(missing.near)}"
    if missing.others:
        text += f" (--fallback quotes the {missing.others[0]} version)"
    return text
