"""`drugstrat build`: sources → YAML knowledge base (and `--check` for drift)."""

from pathlib import Path
from typing import Annotated, Any

import typer

from drugstrat.cli import app, messages
from drugstrat.cli.common import FormatOption, JsonOption, data_dir, data_given, reports_errors
from drugstrat.cli.output import choose, emit
from drugstrat.status import Exit


@app.command()
@reports_errors
def build(
    ctx: typer.Context,
    en: Annotated[Path | None, typer.Option("--en", dir_okay=False,
                                            help="English source text.")] = None,
    nl: Annotated[Path | None, typer.Option("--nl", dir_okay=False,
                                            help="Dutch source text.")] = None,
    out: Annotated[Path | None, typer.Option("--out", "-o", file_okay=False,
                                             help="Knowledge base directory to write.")] = None,
    check: Annotated[bool, typer.Option(
        "--check", help="Write nothing; exit 1 if the YAML on disk differs from the sources.")
    ] = False,
    encoding: Annotated[str | None, typer.Option(
        "--encoding", help="Read the sources in this legacy encoding (e.g. cp1252).")] = None,
    as_json: JsonOption = False,
    fmt: FormatOption = None,
) -> None:
    """Build the knowledge base from the two language versions.

    Plain `drugstrat build` rebuilds the bundled knowledge base (or the one --data names) from
    the sources it was built from. With --en FILE --nl FILE --out DIR it builds a new one.
    Fields people added to records (status, note …) are kept.

    Example: drugstrat build --en en.txt --nl nl.txt --out my-kb
    """
    from drugstrat import kb

    if (en is None) != (nl is None):
        raise typer.BadParameter("give both --en and --nl, or neither", param_hint="--en/--nl")
    if en is not None and nl is not None:
        if out is None and not data_given(ctx):
            raise typer.BadParameter("say where to write the new knowledge base",
                                     param_hint="--out")
        root = out or data_dir(ctx)
        sources = {"en": en, "nl": nl}
    else:
        root = out or data_dir(ctx)
        sources = None

    if check:
        report = kb.check(root, encoding) if sources is None else kb.compare(
            kb.prepare(sources, root, encoding))
        _emit_report(report, choose(fmt, as_json), checking=True)
        if report.drifted:
            for path in report.drifted:
                messages.warn(f"{path} differs from what its source gives; run `drugstrat build`")
            raise typer.Exit(code=Exit.FOUND)
        messages.info(f"{root}: up to date")
        return

    report = kb.build(sources or kb.recorded_sources(root), root, encoding)
    for built in report.languages.values():
        for warning in built.warnings:
            messages.warn(warning.format(str(built.source)))
        if built.orphans:
            messages.warn(f"{len(built.orphans)} annotated record(s) no longer exist in "
                          f"{built.lang}; their fields are kept in {root / built.lang}/"
                          f"orphans.yaml")
    _emit_report(report, choose(fmt, as_json), checking=False)


def _emit_report(report: Any, fmt: Any, checking: bool) -> None:
    counts = report.counts()
    unaligned = report.unaligned()
    summary = {
        "root": str(report.root),
        "checked" if checking else "built": True,
        "drifted": [str(p) for p in report.drifted],
        "languages": {
            lang: {"source": built.source_name, "records": len(built.records),
                   "unaligned": unaligned[lang], "warnings": len(built.warnings),
                   "types": counts[lang]}
            for lang, built in report.languages.items()
        },
    }
    if checking and fmt.value == "table":
        return  # the verdict line on stderr says it all
    rows = [{"lang": lang, **{k: v for k, v in info.items() if k != "types"}}
            for lang, info in summary["languages"].items()]
    emit(fmt, rows, document=summary, table=lambda: _summary_table(summary))


def _summary_table(summary: dict) -> Any:
    from rich.table import Table

    from drugstrat.cli.console import safe_text

    langs = list(summary["languages"])
    table = Table(title=f"built {summary['root']}", header_style="bold")
    table.add_column("type")
    for lang in langs:
        table.add_column(lang.upper(), justify="right")
    types = sorted({t for info in summary["languages"].values() for t in info["types"]})
    for rtype in types:
        table.add_row(safe_text(rtype), *[str(summary["languages"][c]["types"].get(rtype, 0))
                                          for c in langs])
    table.add_row("all records", *[str(summary["languages"][c]["records"]) for c in langs],
                  style="bold")
    table.add_row("unaligned", *[str(summary["languages"][c]["unaligned"]) for c in langs])
    table.add_row("warnings", *[str(summary["languages"][c]["warnings"]) for c in langs])
    return table
