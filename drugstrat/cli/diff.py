"""`drugstrat diff` and `drugstrat checks`: the translator's QA report."""

from enum import StrEnum
from typing import Annotated, Any

import typer

from drugstrat.cli import app, messages
from drugstrat.cli.common import FormatOption, JsonOption, data_dir, reports_errors
from drugstrat.cli.output import choose, emit
from drugstrat.status import Exit

FINDING_COLUMNS = ("finding", "id", "type", "check", "severity", "message", "en", "nl")
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
    as_json: JsonOption = False,
    fmt: FormatOption = None,
) -> None:
    """Check that the English and Dutch versions say the same thing.

    Runs every check of `drugstrat checks` over the aligned records and reports each finding
    with the record, the check, its severity and the evidence from both languages. Accepted
    findings (in accepted.yaml beside the knowledge base) are hidden unless --all; acceptances
    whose finding no longer occurs are reported as stale. Exits 1 when a finding at or above
    --fail-on (default: error) remains.

    Example: drugstrat diff --severity warning --check numbers --check enumeration
    """
    from drugstrat import diff as qa
    from drugstrat import glossary, store
    from drugstrat.diff import accept as acceptances
    from drugstrat.ids import resolve

    root = data_dir(ctx)
    unknown = [c for c in checks or () if c not in qa.REGISTRY]
    if unknown:
        raise typer.BadParameter(f"unknown check {unknown[0]!r}; see `drugstrat checks`",
                                 param_hint="--check")
    if accept and not (comment and comment.strip()):
        raise typer.BadParameter("say why, with --comment", param_hint="--accept")
    kb = store.load(root)
    accepted = acceptances.load(root)
    report = qa.run(kb.versions, glossary.load(glossary.glossary_path(root)), accepted,
                    checks or None)

    if accept:
        every = {f.finding_id: f for f in report.findings + [f for f, _ in report.accepted]}
        if accept not in every:
            raise typer.BadParameter(f"no current finding {accept!r}", param_hint="--accept")
        entry = acceptances.accept(root, every[accept].to_dict(), comment or "")
        messages.info(f"accepted {entry['finding']}: {entry['comment']}")
        return

    wanted_ids = {resolve(i, kb.ids) or i for i in ids or ()}
    minimum = qa.Severity[severity.value] if severity else qa.Severity.info
    rows = []
    shown = [(f, None) for f in report.findings]
    if show_all:
        shown += report.accepted
    for finding, entry in shown:
        if finding.severity < minimum or (wanted_ids and finding.id not in wanted_ids):
            continue
        row = finding.to_dict()
        if show_all:
            row["accepted"] = entry is not None
            if entry:
                row["comment"] = entry.get("comment")
        rows.append(row)
    summary = _summary(rows, report)
    output = choose(fmt, as_json)
    emit(output, rows, document={"findings": rows, "summary": summary},
         columns=FINDING_COLUMNS + (("accepted", "comment") if show_all else ()),
         table=lambda: _report_view(kb, rows, summary))
    for entry in report.stale:
        messages.warn(f"stale acceptance {entry['finding']}: the finding no longer occurs "
                      f"({entry.get('message', '')})")
    open_rows = [r for r in rows if not r.get("accepted")]
    if fail_on != FailLevel.never and any(
        qa.Severity[r["severity"]] >= qa.Severity[fail_on.value] for r in open_rows
    ):
        raise typer.Exit(code=Exit.FOUND)


def _summary(rows: list[dict], report: Any) -> dict:
    by_severity: dict[str, int] = {}
    by_check: dict[str, int] = {}
    for row in rows:
        if row.get("accepted"):
            continue
        by_severity[row["severity"]] = by_severity.get(row["severity"], 0) + 1
        by_check[row["check"]] = by_check.get(row["check"], 0) + 1
    return {
        "findings": sum(not r.get("accepted") for r in rows),
        "by_severity": by_severity,
        "by_check": dict(sorted(by_check.items())),
        "accepted": len(report.accepted),
        "stale": [e["finding"] for e in report.stale],
    }


def _report_view(kb: Any, rows: list[dict], summary: dict) -> Any:
    """Findings grouped by record: the two texts side by side with the evidence highlighted,
    then each finding on a line."""
    from rich.console import Group
    from rich.table import Table
    from rich.text import Text

    from drugstrat.cli.console import safe_text

    parts: list[Any] = []
    groups: dict[str, list[dict]] = {}
    for row in rows:
        groups.setdefault(row["id"], []).append(row)
    for record_id, findings in groups.items():
        versions = kb.get(record_id)
        parts.append(Text.assemble(("\n", ""), safe_text(record_id, "bold cyan"), ("  ", ""),
                                   safe_text(findings[0]["type"], "dim")))
        if versions and any(f["spans"].get("en") or f["spans"].get("nl") for f in findings):
            table = Table(expand=True, header_style="bold")
            table.add_column("EN", ratio=1)
            table.add_column("NL", ratio=1)
            texts = []
            for lang in ("en", "nl"):
                record = versions.get(lang)
                text = safe_text(record["text"] if record else "—")
                for finding in findings:
                    for start, end in finding["spans"].get(lang, ()):
                        text.stylize("reverse " + SEVERITY_STYLE[finding["severity"]], start,
                                     end)
                texts.append(text)
            table.add_row(*texts)
            parts.append(table)
        for finding in findings:
            parts.append(Text.assemble(
                ("  ", ""),
                (f"{finding['severity']:<7} ", SEVERITY_STYLE[finding["severity"]]),
                (f"{finding['check']}: ", "bold"), safe_text(finding["message"]),
                (f"  {finding['finding']}", "dim"),
                (" (accepted)" if finding.get("accepted") else "", "green"),
            ))
            parts.append(Text.assemble(("      en: ", "dim"), safe_text(finding["en"]),
                                       ("\n      nl: ", "dim"), safe_text(finding["nl"])))
    counts = ", ".join(f"{n} {s}" for s, n in summary["by_severity"].items()) or "none"
    parts.append(Text(f"{summary['findings']} finding(s): {counts}; "
                      f"{summary['accepted']} accepted", style="bold"))
    return Group(*parts)


@app.command("checks")
@reports_errors
def list_checks(as_json: JsonOption = False, fmt: FormatOption = None) -> None:
    """List the checks `drugstrat diff` runs, with their default severity.

    Example: drugstrat checks --format csv
    """
    from drugstrat.diff import REGISTRY

    rows = [{"check": c.name, "severity": c.severity.name, "description": c.description}
            for c in REGISTRY.values()]

    def table() -> Any:
        from rich.table import Table

        from drugstrat.cli.console import safe_text

        view = Table(header_style="bold")
        for column in ("check", "severity", "description"):
            view.add_column(column)
        for row in rows:
            view.add_row(safe_text(row["check"], "bold"),
                         safe_text(row["severity"], SEVERITY_STYLE[row["severity"]]),
                         safe_text(row["description"]))
        return view

    emit(choose(fmt, as_json), rows, columns=("check", "severity", "description"), table=table)
