"""`drugstrat validate`: schema and alignment problems of a knowledge base."""

from typing import Any

import typer

from drugstrat.cli import app, messages
from drugstrat.cli.common import FormatOption, JsonOption, data_dir, reports_errors
from drugstrat.cli.output import choose, emit
from drugstrat.status import Exit

COLUMNS = ("file", "line", "id", "lang", "problem", "source_line")


@app.command()
@reports_errors
def validate(ctx: typer.Context, as_json: JsonOption = False, fmt: FormatOption = None) -> None:
    """Check the YAML against the record schema and the two languages against each other.

    Exits 1 when there is any problem: a record that fails the schema (with its file and line),
    a duplicate id, a parent that does not exist, a record with no counterpart in the other
    language, or a pair that disagrees on type or parent.

    Example: drugstrat validate --format csv
    """
    from drugstrat import kb

    problems = kb.validate(data_dir(ctx))
    emit(choose(fmt, as_json), problems, columns=COLUMNS, table=lambda: _table(problems))
    if problems:
        messages.warn(f"{len(problems)} problem(s)")
        raise typer.Exit(code=Exit.FOUND)
    messages.info("no problems")


def _table(problems: list[dict]) -> Any:
    from rich.table import Table

    from drugstrat.cli.console import safe_text

    table = Table(header_style="bold", expand=True)
    for column in ("where", "id", "lang", "problem"):
        table.add_column(column, overflow="fold")
    for p in problems:
        where = f"{p['file']}:{p['line']}" if p.get("line") else p["file"]
        if p.get("source_line"):
            where += f" (source line {p['source_line']})"
        table.add_row(safe_text(where), safe_text(str(p.get("id") or "")),
                      safe_text(p["lang"]), safe_text(p["problem"]))
    return table
