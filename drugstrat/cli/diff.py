"""`drugstrat diff` and `drugstrat checks`: the translator's QA report."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from typer._types import TyperChoice

from drugstrat.cli import app, messages
from drugstrat.cli.common import (
    FormatOption,
    JsonOption,
    language_columns,
    load_kb,
    output,
    reports_errors,
)
from drugstrat.cli.status import Exit
from drugstrat.cli.view import Block, Column, Line, Marked, Table, View
from drugstrat.diff.model import Finding, Severity

if TYPE_CHECKING:
    from drugstrat.kb.store import KB

SEVERITY_STYLE = {Severity.error: "bold red", Severity.warning: "yellow", Severity.info: "cyan"}


# What --fail-on takes besides a severity: never fail.
NEVER = "never"


@app.command()
@reports_errors
def diff(
    ctx: typer.Context,
    checks: Annotated[list[str] | None, typer.Option(
        "--check", "-c", help="Only this check (repeatable); see `drugstrat checks`.")] = None,
    severity: Annotated[Severity | None, typer.Option(
        "--severity", "-s", case_sensitive=False,
        help="Only findings at or above this severity.")] = None,
    ids: Annotated[list[str] | None, typer.Option(
        "--id", help="Only findings about this record (repeatable).")] = None,
    pairs: Annotated[list[str] | None, typer.Option(
        "--pair", "-p", metavar="A:B",
        help="Compare these two languages (repeatable; default: the reference with each "
             "other language).")] = None,
    # A severity or NEVER, as the choice gives it (typer takes no union of the two).
    fail_on: Annotated[Any, typer.Option(
        "--fail-on", click_type=TyperChoice([*Severity, NEVER], case_sensitive=False),
        metavar="[" + "|".join([*(s.value for s in Severity), NEVER]) + "]",
        help="Exit 1 when a finding at or above this severity remains.")
    ] = Severity.error,
    show_all: Annotated[bool, typer.Option(
        "--all", help="Also show findings a reviser accepted.")] = False,
    accept: Annotated[list[str] | None, typer.Option(
        "--accept", metavar="FINDING", help="Accept this finding (its id, as the report "
                                            "shows it; repeatable) so it is no longer "
                                            "reported.")] = None,
    comment: Annotated[str | None, typer.Option(
        "--comment", help="Why the finding is accepted (required with --accept).")] = None,
    apply: Annotated[Path | None, typer.Option(
        "--apply", metavar="FILE", dir_okay=False,
        help="Record the decisions a review page saved (decisions.yaml): acceptances, and "
             "'needs fix' as the record's status and note.")
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
    from drugstrat.diff.accept import accepted_path
    from drugstrat.diff.review import accept as accept_findings
    from drugstrat.diff.review import apply_decisions, review

    unknown = [c for c in checks or () if c not in qa.REGISTRY]
    if unknown:
        raise typer.BadParameter(f"unknown check {unknown[0]!r}; see `drugstrat checks`",
                                 param_hint="--check")
    if accept is not None and not (comment and comment.strip()):
        raise typer.BadParameter("say why, with --comment", param_hint="--accept")
    if accept is not None and not all(a.strip() for a in accept):
        raise typer.BadParameter("give the id of a finding, as the report shows it",
                                 param_hint="--accept")
    kb = load_kb(ctx)
    wanted = {_record_id(kb, typed) for typed in ids or ()}
    langs = qa.language_pairs(kb.langs, pairs)
    report = review(kb, langs, checks or None)

    if apply is not None:
        applied = apply_decisions(kb, report, apply)
        for finding_id in applied.gone:
            messages.warn(f"{finding_id}: no such finding now; not recorded")
        messages.info(f"recorded {applied.accepted} decision(s) in {accepted_path(kb.root)}")
        if applied.needs_fix:
            marked = ", ".join(f"{record_id} ({lang})" for record_id, lang in applied.needs_fix)
            messages.info(f"marked {len(applied.needs_fix)} record(s) needs-fix, the comment "
                          f"as their note: {marked}")
        return
    if accept:
        pair = ":".join(langs[0]) if pairs else None
        for entry in accept_findings(kb, report, accept, comment or "", pair):
            messages.info(f"accepted {entry['finding']}: {entry['comment']}")
        return

    shown = report.select(severity or Severity.info, wanted, include_accepted=show_all)
    rows = [f.to_dict(with_acceptance=show_all) for f in shown]
    summary = report.summary(shown)
    columns = [Column(key) for key in ("finding", "pair", "id", "type", "check", "severity",
                                       "message", *kb.langs)]
    if show_all:
        columns += [Column("accepted"), Column("comment")]
    output(ctx, fmt, as_json).emit(View(rows, columns,
                                   document={"findings": rows, "summary": summary},
                                   human=_report_view(kb, shown, summary, len(langs) > 1)))
    for entry in report.stale:
        messages.warn(f"stale acceptance {entry['finding']}: the finding no longer occurs "
                      f"({entry.get('message', '')})")
    if report.fails(shown, fail_on if isinstance(fail_on, Severity) else None):
        raise typer.Exit(code=Exit.FOUND)


def _record_id(kb: KB, typed: str) -> str:
    """The record an --id names; one that names none is a usage error (with the ids it may
    have meant), never an empty report a CI gate would pass."""
    from drugstrat.kb.names import resolve, suggest

    found = resolve(typed, kb.ids)
    if found is None:
        near = suggest(typed, kb.ids)
        hint = f"; did you mean {', '.join(near)}?" if near else ""
        raise typer.BadParameter(f"no record with id {typed!r}{hint}", param_hint="--id")
    return found


def _report_view(kb: KB, shown: list[Finding], summary: dict[str, Any],
                 several_pairs: bool) -> list[Block]:
    """Findings grouped by record: the two texts side by side with the evidence highlighted,
    then each finding on a line with its evidence."""
    blocks: list[Block] = []
    groups: dict[tuple[str, str], list[Finding]] = {}
    for finding in shown:
        groups.setdefault((finding.pair, finding.id), []).append(finding)
    for (pair, record_id), findings in groups.items():
        langs = findings[0].langs
        heading = [("\n", ""), (record_id, "bold cyan"), (f"  {findings[0].type}", "dim")]
        if several_pairs:
            heading.append((f"  {pair}", "dim"))
        blocks.append(Line(heading))
        versions = kb.get(record_id)
        if versions and any(f.spans.get(lang) for f in findings for lang in langs):
            marked = {}
            for lang in langs:
                record = versions.get(lang)
                marked[lang] = Marked(record["text"] if record else "—", [
                    (start, end, "reverse " + SEVERITY_STYLE[f.severity])
                    for f in findings for start, end in f.spans.get(lang, ())])
            blocks.append(Table([marked], language_columns(list(langs))))
        for finding in findings:
            blocks.append(Line([
                ("  ", ""),
                (f"{finding.severity.name:<7} ", SEVERITY_STYLE[finding.severity]),
                (f"{finding.check}: ", "bold"), (finding.message, ""),
                (f"  {finding.finding_id}", "dim"),
                (" (accepted)" if finding.accepted else "", "green"),
            ]))
            evidence: list[tuple[str, str]] = []
            for n, lang in enumerate(langs):
                evidence += [(("\n" if n else "") + f"      {lang}: ", "dim"),
                             (finding.evidence.get(lang, ""), "")]
            blocks.append(Line(evidence))
            # Findings of other checks about the same words, folded into this one: each can be
            # accepted by its own id.
            for related in finding.related:
                blocks.append(Line([("      also ", "dim"), (f"{related.check}: ", "bold"),
                                    (related.message, ""), (f"  {related.finding_id}", "dim")]))
    counts = ", ".join(f"{n} {s}" for s, n in summary["by_severity"].items()) or "none"
    blocks.append(Line([(f"{summary['findings']} finding(s): {counts}; "
                         f"{summary['accepted']} accepted", "bold")]))
    return blocks


@app.command("checks")
@reports_errors
def list_checks(ctx: typer.Context, as_json: JsonOption = False,
                fmt: FormatOption = None) -> None:
    """List the checks `drugstrat diff` runs, with their default severity.

    Example: drugstrat checks --format csv
    """
    from drugstrat.diff import REGISTRY

    rows = [{"check": c.name, "severity": c.severity.name, "description": c.description}
            for c in REGISTRY.values()]
    people = [{**row, "severity": Marked(c.severity.name, [(0, len(c.severity.name),
                                                           SEVERITY_STYLE[c.severity])])}
              for row, c in zip(rows, REGISTRY.values(), strict=True)]
    columns = [Column("check", style="bold"), Column("severity"),
               Column("description", prose=True)]
    output(ctx, fmt, as_json).emit(View(rows, columns, human=[Table(people, columns)]))
