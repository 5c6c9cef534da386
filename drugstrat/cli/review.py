"""`drugstrat report`: the reviser's page, written by one library call."""

from __future__ import annotations

import typer

from drugstrat.cli import app, messages
from drugstrat.cli.common import ForceOption, OutOption, load_kb, reports_errors


@app.command()
@reports_errors
def report(ctx: typer.Context, out: OutOption, force: ForceOption = False) -> None:
    """Write the reviser's page: one self-contained HTML file to review in — the findings
    panel, filters and search, the versions side by side with the findings marked, and Accept
    and Needs fix on every finding: decisions the page keeps across reloads and saves for
    `drugstrat diff --apply`.

    Example: drugstrat report --out review.html
    """
    from drugstrat.cli.targets import target
    from drugstrat.export.job import review_page

    where = target(out, force)
    open_, accepted = review_page(load_kb(ctx), where)
    if where.path is not None:
        messages.info(f"wrote {out}: {open_} findings to review, {accepted} accepted")
