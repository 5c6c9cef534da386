"""`drugstrat diff` and `drugstrat checks`: the translator's QA report."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from drugstrat.cli import app, messages
from drugstrat.cli.common import (
    FormatOption,
    JsonOption,
    data_dir,
    language_columns,
    load_kb,
    output,
    reports_errors,
)
from drugstrat.cli.status import Exit
from drugstrat.cli.view import Block, Column, Line, Marked, Table, View

if TYPE_CHECKING:
    from drugstrat.kb.store import KB

SEVERITY_STYLE = {"error": "bold red", "warning": "yellow", "info": "cyan"}


class Level(StrEnum):
    info = "info"
    warning = "warning"
    error = "error"


class FailLevel(StrEnum):
    info = "info"
    warning = "warning"
    error = "error"
    never = "never"


@app.command()
@reports_errors
def diff(
    ctx: typer.Context,
    checks: Annotated[list[str] | None, typer.Option(
        "--check", "-c", help="Only this check (repeatable); see `drugstrat checks`.")] = None,
    severity: Annotated[Level | None, typer.Option(
        "--severity", "-s", help="Only findings at or above this severity.")] = None,
    ids: Annotated[list[str] | None, typer.Option(
        "--id", help="Only findings about this record (repeatable).")] = None,
    pairs: Annotated[list[str] | None, typer.Option(
        "--pair", "-p", metavar="A:B",
        help="Compare these two languages (repeatable; default: the reference with each "
             "other language).")] = None,
    fail_on: Annotated[FailLevel, typer.Option(
        "--fail-on", help="Exit 1 when a finding at or above this severity remains.")
    ] = FailLevel.error,
    show_all: Annotated[bool, typer.Option(
        "--all", help="Also show findings a reviser accepted.")] = False,
    accept: Annotated[str | None, typer.Option(
        "--accept", metavar="FINDING", help="Accept this finding (its id, as the report "
                                            "shows it) so it is no longer reported.")] = None,
    comment: Annotated[str | None, typer.Option(
        "--comment", help="Why the finding is accepted (required with --accept).")] = None,
    apply: Annotated[Path | None, typer.Option(
        "--apply", metavar="FILE", dir_okay=False,
        help="Record the decisions a review page saved (decisions.yaml) as acceptances.")
    ] = None,
    as_json: JsonOption = False,
    fmt: FormatOption = None,
) -> None:
    """Check that the language versions say the same thing.

    Runs every check of `drugstrat checks` over the aligned records of the reference and each
    other language (or the --pair asked for) and reports each finding with the record, the
    check, its severity and the evidence from both languages. Accepted findings (in
    accepted.yaml beside the knowledge base) are hidden unless --all; acceptances whose
    finding no longer occurs are reported as stale. Exits 1 when a finding at or above
    --fail-on (default: error) remains.

    Example: drugstrat diff --severity warning --check numbers --check enumeration
    """
    from drugstrat import diff as qa
    from drugstrat.diff import accept as acceptances
    from drugstrat.diff.review import acceptances_of, apply_decisions, review
    from drugstrat.kb.names import resolve

    root = data_dir(ctx)
    unknown = [c for c in checks or () if c not in qa.REGISTRY]
    if unknown:
        raise typer.BadParameter(f"unknown check {unknown[0]!r}; see `drugstrat checks`",
                                 param_hint="--check")
    if accept and not (comment and comment.strip()):
        raise typer.BadParameter("say why, with --comment", param_hint="--accept")
    kb = load_kb(ctx)
    langs = qa.language_pairs(kb.langs, pairs)
    accepted = acceptances_of(kb)
    report = review(kb, langs, checks or None, accepted)

    if apply is not None:
        recorded, gone = apply_decisions(kb, report, accepted, apply)
        for finding_id in gone:
            messages.warn(f"{finding_id}: no such finding now; not recorded")
        messages.info(f"recorded {recorded} decision(s) in {acceptances.accepted_path(root)}")
        return
    if accept:
        every = [f for f in report.findings + [f for f, _ in report.accepted]
                 if f.finding_id == accept]
        if not every:
            raise typer.BadParameter(f"no current finding {accept!r}", param_hint="--accept")
        if len({f.pair for f in every}) > 1:
            raise typer.BadParameter(f"{accept!r} occurs in several language pairs; say which "
                                     f"with --pair", param_hint="--accept")
        entry = acceptances.accept(root, accepted, every[0], comment or "")
        messages.info(f"accepted {entry['finding']}: {entry['comment']}")
        return

    wanted = {resolve(i, kb.ids) or i for i in ids or ()}
    minimum = qa.Severity[severity.value] if severity else qa.Severity.info
    rows = report.rows(minimum, wanted, include_accepted=show_all)
    summary = report.summary(rows)
    columns = [Column(key) for key in ("finding", "pair", "id", "type", "check", "severity",
                                       "message", *kb.langs)]
    if show_all:
        columns += [Column("accepted"), Column("comment")]
    output(fmt, as_json).emit(View(rows, columns,
                                   document={"findings": rows, "summary": summary},
                                   human=_report_view(kb, rows, summary, len(langs) > 1)))
    for entry in report.stale:
        messages.warn(f"stale acceptance {entry['finding']}: the finding no longer occurs "
                      f"({entry.get('message', '')})")
    level = None if fail_on is FailLevel.never else qa.Severity[fail_on.value]
    if report.fails(rows, level):
        raise typer.Exit(code=Exit.FOUND)


def _report_view(kb: KB, rows: list[dict[str, Any]], summary: dict[str, Any],
                 several_pairs: bool) -> list[Block]:
    """Findings grouped by record: the two texts side by side with the evidence highlighted,
    then each finding on a line with its evidence."""
    blocks: list[Block] = []
    groups: dict[tuple[str, str], list[dict[str, Any]]] = {}
    for row in rows:
        groups.setdefault((row["pair"], row["id"]), []).append(row)
    for (pair, record_id), findings in groups.items():
        langs = pair.split(":")
        heading = [("\n", ""), (record_id, "bold cyan"), (f"  {findings[0]['type']}", "dim")]
        if several_pairs:
            heading.append((f"  {pair}", "dim"))
        blocks.append(Line(heading))
        versions = kb.get(record_id)
        if versions and any(f["spans"].get(lang) for f in findings for lang in langs):
            marked = {}
            for lang in langs:
                record = versions.get(lang)
                marked[lang] = Marked(record["text"] if record else "—", [
                    (start, end, "reverse " + SEVERITY_STYLE[f["severity"]])
                    for f in findings for start, end in f["spans"].get(lang, ())])
            blocks.append(Table([marked], language_columns(langs)))
        for finding in findings:
            blocks.append(Line([
                ("  ", ""),
                (f"{finding['severity']:<7} ", SEVERITY_STYLE[finding["severity"]]),
                (f"{finding['check']}: ", "bold"), (finding["message"], ""),
                (f"  {finding['finding']}", "dim"),
                (" (accepted)" if finding.get("accepted") else "", "green"),
            ]))
            evidence: list[tuple[str, str]] = []
            for n, lang in enumerate(langs):
                evidence += [(("\n" if n else "") + f"      {lang}: ", "dim"), (finding[lang], "")]
            blocks.append(Line(evidence))
    counts = ", ".join(f"{n} {s}" for s, n in summary["by_severity"].items()) or "none"
    blocks.append(Line([(f"{summary['findings']} finding(s): {counts}; "
                         f"{summary['accepted']} accepted", "bold")]))
    return blocks


@app.command("checks")
@reports_errors
def list_checks(as_json: JsonOption = False, fmt: FormatOption = None) -> None:
    """List the checks `drugstrat diff` runs, with their default severity.

    Example: drugstrat checks --format csv
    """
    from drugstrat.diff import REGISTRY

    rows = [{"check": c.name, "severity": c.severity.name, "description": c.description}
            for c in REGISTRY.values()]
    people = [{**row, "severity": Marked(row["severity"], [(0, len(row["severity"]),
                                                           SEVERITY_STYLE[row["severity"]])])}
              for row in rows]
    columns = [Column("check", style="bold"), Column("severity"),
               Column("description", prose=True)]
    output(fmt, as_json).emit(View(rows, columns, human=[Table(people, columns)]))
