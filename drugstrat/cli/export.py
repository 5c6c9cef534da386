"""`drugstrat export` and `drugstrat report`: files for CAT tools, spreadsheets, Datasette and
the browser."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import StrEnum
from typing import TYPE_CHECKING, Annotated, Any

import typer

from drugstrat.cli import app, messages
from drugstrat.cli.common import (
    SoOption,
    TypesOption,
    data_dir,
    load_kb,
    reports_errors,
    resolve_so,
    resolve_types,
)
from drugstrat.errors import InputError

if TYPE_CHECKING:
    from drugstrat.export.pairs import Skipped
    from drugstrat.kb.store import KB

OutOption = Annotated[str, typer.Option(
    "--out", "-o", help="File to write (atomically), or - for standard output.")]
ForceOption = Annotated[bool, typer.Option("--force", help="Overwrite an existing file.")]
PairOption = Annotated[str | None, typer.Option(
    "--pair", "-p", metavar="SOURCE:TARGET",
    help="The two languages to write (default: the reference and the next language).")]


class ExportFormat(StrEnum):
    tmx = "tmx"
    xliff = "xliff"  # 2.0
    xliff12 = "xliff12"
    csv = "csv"
    xlsx = "xlsx"
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
    pair: PairOption = None,
    segments: Annotated[Segments, typer.Option(
        "--segments", help="TMX units per record (paragraph) or per aligned sentence.")
    ] = Segments.paragraph,
    bom: Annotated[bool, typer.Option(
        "--bom", help="CSV: start with a UTF-8 byte-order mark (for Excel).")] = False,
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
        "--source-locale", metavar="TAG",
        help="TMX, XLIFF: the source's language tag, as a TM's language pair names it "
             "(en-GB).")] = None,
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

    --type, --so and --query keep part of the document. XLIFF carries the diff findings as
    notes. Records with no counterpart, and sentences the sentence alignment leaves alone, are
    left out and counted on stderr. An existing file is kept unless --force.

    Example: drugstrat export --format xliff --target-locale nl-BE --out strategy.xlf
    """
    from drugstrat.export.pairs import Skipped
    from drugstrat.storage.outputs import write_output

    whole = load_kb(ctx)
    kb = _filtered(ctx, whole, types, so, query)
    langs = _langs(kb, pair)
    skipped = Skipped()
    if fmt is ExportFormat.sqlite:
        _export_sqlite(kb, langs, out, force, whole,
                       (license_name, license_url, source_url))
    else:
        made = Rendering(fmt, segments, bom or excel, raw, ";" if excel else ",", _title(whole),
                         _locales(langs, source_locale, target_locale))
        if fmt in (ExportFormat.xliff, ExportFormat.xliff12):
            made.findings = _findings(whole, with_accepted=False)
        write_output(out, made.render(kb, langs, skipped), force)
    for record_id, codes in skipped.unsafe.items():
        messages.warn(f"{record_id}: dropped {', '.join(codes)}, which XML cannot carry")
    if skipped.records or skipped.sentences:
        messages.info(f"left out: {skipped.records} record(s) with no counterpart"
                      + (f", {skipped.sentences} unaligned sentence(s)"
                         if skipped.sentences else ""))


LOCALE = re.compile(r"[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*")


def _locales(langs: tuple[str, str], source: str | None,
             target: str | None) -> tuple[str, str]:
    """The language tags to write: the codes, or the locales given, which must be of the
    same languages (en-GB for en)."""
    out = []
    for lang, tag, option in ((langs[0], source, "--source-locale"),
                              (langs[1], target, "--target-locale")):
        if tag is None:
            out.append(lang)
            continue
        if not LOCALE.fullmatch(tag) or tag.split("-")[0].lower() != lang:
            raise typer.BadParameter(f"{tag!r}: give a language tag of {lang}: {lang} or "
                                     f"{lang}-REGION", param_hint=option)
        out.append(tag)
    return out[0], out[1]


@dataclass
class Rendering:
    """How an export is written, whatever its format."""

    fmt: ExportFormat
    segments: Segments
    bom: bool
    raw: bool
    delimiter: str
    title: str
    locales: tuple[str, str]
    findings: list[dict[str, Any]] = field(default_factory=list)

    def render(self, kb: KB, langs: tuple[str, str], skipped: Skipped) -> str | bytes:
        if self.fmt is ExportFormat.tmx:
            from drugstrat.export.tmx import tmx

            return tmx(kb, langs, self.segments.value, skipped, self.locales)
        if self.fmt in (ExportFormat.xliff, ExportFormat.xliff12):
            from drugstrat.export.xliff import xliff, xliff12

            write = xliff if self.fmt is ExportFormat.xliff else xliff12
            return write(kb, langs, original=self.title, skipped=skipped, locales=self.locales,
                         findings=self.findings)
        from drugstrat.export import tabular

        if self.fmt is ExportFormat.csv:
            return tabular.to_csv(kb, langs, bom=self.bom, skipped=skipped, raw=self.raw,
                                  delimiter=self.delimiter)
        if self.fmt is ExportFormat.xlsx:
            from drugstrat.export.workbook import workbook

            return workbook(kb, langs, skipped, title=self.title)
        return tabular.to_jsonl(kb, langs, skipped)


def _langs(kb: KB, pair: str | None) -> tuple[str, str]:
    from drugstrat.export.pairs import export_langs

    if pair is None:
        return export_langs(kb)
    source, sep, target = pair.partition(":")
    if not sep:
        raise InputError(f"--pair {pair!r}: give SOURCE:TARGET, e.g. en:fr")
    return export_langs(kb, source.strip(), target.strip())


def _filtered(ctx: typer.Context, kb: KB, types: list[str] | None, so: str | None,
              query: str | None) -> KB:
    """The part of the knowledge base the filters keep (all of it without one)."""
    wanted = resolve_types(kb, types)
    number = resolve_so(kb, so)
    if wanted is None and number is None and not query:
        return kb
    ids = set(kb.select(wanted, so=number))
    if query:
        from drugstrat.kb.paths import glossary_path
        from drugstrat.search.query import search

        ids &= {g.id for g in search(kb, query, limit=len(kb.ids),
                                     glossary_file=glossary_path(data_dir(ctx)))}
    if not ids:
        raise InputError("the filters keep no record; nothing to export")
    return kb.subset(ids)


def _title(kb: KB) -> str:
    """The document's title in the reference language."""
    title = kb.by_id[kb.reference].get("title")
    return title["text"] if title else "drugstrat"


def _export_sqlite(kb: KB, langs: tuple[str, str], out: str, force: bool,
                   whole: KB, about: tuple[str, str | None, str | None]) -> None:
    from drugstrat.export.citation import cite
    from drugstrat.export.sqlite import metadata, metadata_path, write_database
    from drugstrat.storage.outputs import check_target, write_output

    if out == "-":
        raise InputError("an SQLite database cannot go to standard output; give --out FILE")
    path = check_target(out, force)
    meta = check_target(str(metadata_path(path)), force)
    # The checks read the whole document (a term's usual rendering, a house style); an
    # export of part of it carries what they say about the records it holds.
    held = set(kb.ids)
    write_database(kb, langs, path, [f for f in _findings(whole, with_accepted=True)
                                     if f["id"] in held])
    title = cite(whole, "title", whole.reference)
    source = title.line().rsplit(",", 1)[0]  # publisher (year). Title period
    license_name, license_url, source_url = about
    write_output(str(meta), metadata(path.stem, f"{title.title} {title.period}".strip(), langs,
                                     source, license_name, license_url, source_url),
                 force=True)
    messages.info(f"wrote {path} and {meta} (datasette {path} -m {meta})")


def _findings(kb: KB, with_accepted: bool) -> list[dict[str, Any]]:
    from drugstrat.diff.review import review

    if len(kb.langs) < 2:
        return []
    return review(kb).rows(include_accepted=with_accepted)


@app.command()
@reports_errors
def report(ctx: typer.Context, out: OutOption, force: ForceOption = False) -> None:
    """Write the reviser's page: one self-contained HTML file to review in — the findings
    panel, filters and search, the versions side by side with the findings marked, and an
    Accept button whose decisions the page saves for `drugstrat diff --apply`.

    Example: drugstrat report --out review.html
    """
    from drugstrat.export.report import report as page
    from drugstrat.storage.outputs import write_output

    kb = load_kb(ctx)
    findings = _findings(kb, with_accepted=True)
    languages = "/".join(code.upper() for code in kb.langs)
    write_output(out, page(kb, findings, f"{_title(kb)} — {languages} review"), force)
    if out != "-":
        open_ = sum(not f.get("accepted") for f in findings)
        messages.info(f"wrote {out}: {open_} findings to review, "
                      f"{len(findings) - open_} accepted")
