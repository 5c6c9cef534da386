"""`drugstrat export` and `drugstrat report`: files for CAT tools, spreadsheets, Datasette and
the browser."""

import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from drugstrat.cli import app, messages
from drugstrat.cli.common import data_dir, reports_errors
from drugstrat.errors import InputError

OutOption = Annotated[str, typer.Option(
    "--out", "-o", help="File to write (atomically), or - for standard output.")]
ForceOption = Annotated[bool, typer.Option("--force", help="Overwrite an existing file.")]


class ExportFormat(StrEnum):
    tmx = "tmx"
    xliff = "xliff"
    csv = "csv"
    jsonl = "jsonl"
    sqlite = "sqlite"


class Segments(StrEnum):
    paragraph = "paragraph"
    sentence = "sentence"


@app.command()
@reports_errors
def export(
    ctx: typer.Context,
    fmt: Annotated[ExportFormat, typer.Option("--format", "-f", help="What to export.")],
    out: OutOption,
    segments: Annotated[Segments, typer.Option(
        "--segments", help="TMX units per record (paragraph) or per aligned sentence.")
    ] = Segments.paragraph,
    bom: Annotated[bool, typer.Option(
        "--bom", help="CSV: start with a UTF-8 byte-order mark (for Excel).")] = False,
    force: ForceOption = False,
) -> None:
    """Export the aligned knowledge base: TMX 1.4b or XLIFF 2.0 for CAT tools, CSV or JSON
    Lines for spreadsheets and scripts, SQLite (with metadata.json) for Datasette.

    Records with no counterpart, and sentences the sentence alignment leaves alone, are left
    out and counted on stderr. An existing file is kept unless --force.

    Example: drugstrat export --format tmx --segments sentence --out strategy.tmx
    """
    from drugstrat import store
    from drugstrat.export.pairs import Skipped

    root = data_dir(ctx)
    kb = store.load(root)
    skipped = Skipped()
    if fmt is ExportFormat.sqlite:
        _export_sqlite(kb, root, out, force)
    else:
        text = _render(kb, fmt, segments, bom, skipped)
        write(out, text, force)
    if skipped.records or skipped.sentences:
        messages.info(f"left out: {skipped.records} record(s) with no counterpart"
                      + (f", {skipped.sentences} unaligned sentence(s)"
                         if skipped.sentences else ""))


def _render(kb, fmt: ExportFormat, segments: Segments, bom: bool, skipped) -> str:  # noqa: ANN001
    if fmt is ExportFormat.tmx:
        from drugstrat.export.tmx import tmx

        return tmx(kb, segments.value, skipped)
    if fmt is ExportFormat.xliff:
        from drugstrat.export.xliff import xliff

        return xliff(kb, original=_original(kb), skipped=skipped)
    from drugstrat.export import tabular

    if fmt is ExportFormat.csv:
        return tabular.to_csv(kb, bom=bom, skipped=skipped)
    return tabular.to_jsonl(kb, skipped)


def _original(kb) -> str:  # noqa: ANN001
    return next((r["text"] for r in kb.versions.get("en", []) if r["id"] == "title"),
                "drugstrat")


def _export_sqlite(kb, root: Path, out: str, force: bool) -> None:  # noqa: ANN001
    from drugstrat.export.sqlite import metadata, write_database

    if out == "-":
        raise InputError("an SQLite database cannot go to standard output; give --out FILE")
    path = Path(out)
    meta = path.with_name("metadata.json")
    for target in (path, meta):
        if target.exists() and not force:
            raise InputError(f"{target} exists; pass --force to overwrite it")
    if not path.parent.is_dir():
        raise InputError(f"{path.parent}: no such directory")
    write_database(kb, path, _findings(kb, root, with_accepted=True))
    write(str(meta), metadata(path.stem, _original(kb)), force=True)
    messages.info(f"wrote {path} and {meta} (datasette {path} -m {meta})")


def _findings(kb, root: Path, with_accepted: bool) -> list[dict]:  # noqa: ANN001
    from drugstrat import diff, glossary
    from drugstrat.diff import accept

    result = diff.run(kb.versions, glossary.load(glossary.glossary_path(root)),
                      accept.load(root))
    rows = [f.to_dict() for f in result.findings]
    if with_accepted:
        rows += [{**f.to_dict(), "accepted": True, "comment": entry.get("comment")}
                 for f, entry in result.accepted]
    return rows


def write(out: str, text: str, force: bool) -> None:
    """To stdout with `-`, else atomically to a file that must not exist unless `force`."""
    if out == "-":
        sys.stdout.write(text)
        return
    from drugstrat.fsutil import atomic_write_text

    path = Path(out)
    if path.is_dir():
        raise InputError(f"{path} is a directory; give a file name")
    if path.exists() and not force:
        raise InputError(f"{path} exists; pass --force to overwrite it")
    if not path.parent.is_dir():
        raise InputError(f"{path.parent}: no such directory")
    atomic_write_text(path, text)


@app.command()
@reports_errors
def report(ctx: typer.Context, out: OutOption, force: ForceOption = False) -> None:
    """Write the reviser's page: one self-contained HTML file with the two versions side by
    side, the diff findings highlighted in the text, and filters by objective and by check.

    Example: drugstrat report --out review.html
    """
    from drugstrat import store
    from drugstrat.export.report import report as page

    root = data_dir(ctx)
    kb = store.load(root)
    findings = _findings(kb, root, with_accepted=False)
    write(out, page(kb, findings, f"{_original(kb)} — EN/NL review"), force)
    if out != "-":
        messages.info(f"wrote {out}: {len(findings)} findings")
