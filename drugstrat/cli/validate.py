"""`drugstrat validate`: schema and alignment problems of a knowledge base."""

from __future__ import annotations

from typing import TYPE_CHECKING

import typer

from drugstrat.cli import app, messages
from drugstrat.cli.common import FormatOption, JsonOption, data_dir, output, reports_errors
from drugstrat.cli.status import Exit
from drugstrat.cli.view import Column, Table, View

if TYPE_CHECKING:
    from drugstrat.kb.validate import Problem

COLUMNS = [Column(key) for key in ("file", "line", "id", "lang", "problem", "source_line")]


@app.command()
@reports_errors
def validate(ctx: typer.Context, as_json: JsonOption = False, fmt: FormatOption = None) -> None:
    """Check the YAML against the record schema and the languages against each other.

    Exits 1 when there is any problem: a record that fails the schema (with its file and line),
    a duplicate id, a parent that does not exist, a record with no counterpart in another
    language, or a pair that disagrees on type or parent.

    Example: drugstrat validate --format csv
    """
    from drugstrat.kb.validate import validate as problems_of

    problems = problems_of(data_dir(ctx))
    people = [{"where": _where(p), "id": p.get("id"), "lang": p["lang"],
               "problem": p["problem"]} for p in problems]
    columns = [Column("where"), Column("id"), Column("lang"), Column("problem", prose=True)]
    output(ctx, fmt, as_json).emit(View(problems, COLUMNS, human=[Table(people, columns)]))
    if problems:
        messages.warn(f"{len(problems)} problem(s)")
        raise typer.Exit(code=Exit.FOUND)
    messages.info("no problems")


def _where(problem: Problem) -> str:
    where = f"{problem['file']}:{problem['line']}" if problem.get("line") else str(
        problem["file"])
    if problem.get("source_line"):
        where += f" (source line {problem['source_line']})"
    return where
