"""`drugstrat export`: options in, one library call, what was left out on stderr."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from drugstrat.cli import app, messages
from drugstrat.cli.common import (
    ForceOption,
    OutOption,
    SoOption,
    TypesOption,
    glossary_file,
    load_kb,
    reports_errors,
    resolve_so,
)
from drugstrat.cli.common import resolve_types as types_named
from drugstrat.export.formats import Format, Segments

if TYPE_CHECKING:
    from drugstrat.export.job import Exported

@app.command()
@reports_errors
def export(
    ctx: typer.Context,
    fmt: Annotated[Format, typer.Option("--format", "-f", help="What to export.")],
    out: OutOption,
    pair: Annotated[str | None, typer.Option(
        "--pair", "-p", metavar="SOURCE:TARGET",
        help="The two languages to write (default: the reference and the next).")] = None,
    segments: Annotated[Segments, typer.Option(
        "--segments", help="TMX units per record (paragraph) or per aligned sentence.")
    ] = Segments.paragraph,
    bom: Annotated[bool, typer.Option("--bom", help="CSV: a UTF-8 byte-order mark first.")
                   ] = False,
    excel: Annotated[bool, typer.Option(
        "--excel", help="CSV: as Belgian Excel opens it (UTF-8 BOM, semicolons, CRLF).")
    ] = False,
    raw: Annotated[bool, typer.Option(
        "--raw", help="CSV: write cells as they are, even those a spreadsheet would run as a "
                      "formula (=, +, -, @ first; by default they get a leading ').")] = False,
    types: TypesOption = None,
    so: SoOption = None,
    query: Annotated[str | None, typer.Option(
        "--query", "-q", help="Only the records a search for these words finds.")] = None,
    source_locale: Annotated[str | None, typer.Option(
        "--source-locale", metavar="TAG", help="TMX, XLIFF: the source's tag (en-GB).")] = None,
    target_locale: Annotated[str | None, typer.Option(
        "--target-locale", metavar="TAG", help="TMX, XLIFF: the target's (nl-BE).")] = None,
    license_name: Annotated[str, typer.Option(
        "--license", help="SQLite: the data's license, for Datasette's page.")
    ] = "not stated by the publisher",
    license_url: Annotated[str | None, typer.Option(
        "--license-url", help="SQLite: where the license is written.")] = None,
    source_url: Annotated[str | None, typer.Option(
        "--source-url", help="SQLite: where the strategy is published.")] = None,
    force: ForceOption = False,
) -> None:
    """Export two aligned languages: TMX 1.4b, XLIFF 2.0 or 1.2 for CAT tools, xlsx, CSV (the
    languages side by side) or JSON Lines for spreadsheets and scripts, SQLite (with its
    Datasette metadata) for Datasette.

    --type, --so and --query keep part of the document. TMX and XLIFF hold the document as
    printed too (headings with numerals, labels, endnote markers …). XLIFF carries the diff
    findings as notes and keeps every sentence. Records with no counterpart, and sentences the
    alignment leaves alone in a TMX, are left out and counted on stderr. An existing file is
    kept unless --force.

    Example: drugstrat export --format xliff --target-locale nl-BE --out strategy.xlf
    """
    from drugstrat.cli.targets import target
    from drugstrat.export.job import Selection, Settings
    from drugstrat.export.job import export as write

    kb = load_kb(ctx)
    wanted = types_named(kb, types)
    selection = Selection(frozenset(wanted) if wanted else None, resolve_so(kb, so), query)
    settings = Settings(pair, segments, bom, excel, raw, source_locale, target_locale,
                        license_name, license_url, source_url)
    _say(write(kb, fmt, target(out, force), selection, settings, glossary_file(ctx)), fmt)


def _say(done: Exported, fmt: Format) -> None:
    for record_id, codes in done.skipped.unsafe.items():
        messages.warn(f"{record_id}: dropped {', '.join(codes)}, which XML cannot carry")
    if left := done.skipped.left_out():
        messages.info(f"left out: {left}")
    if kept := done.skipped.kept_unaligned():
        messages.info(kept)
    if fmt is Format.sqlite:
        database, meta = done.files
        messages.info(f"wrote {database} and {meta} (datasette {database} -m {meta})")
