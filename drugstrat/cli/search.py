"""`drugstrat search`, `xref`, `groups` and `terms`: what analysts ask."""

from typing import Annotated, Any

import typer

from drugstrat.cli import app, messages
from drugstrat.cli.common import (
    FormatOption,
    JsonOption,
    LangOption,
    check_lang,
    data_dir,
    reports_errors,
    resolve_or_exit,
)
from drugstrat.cli.output import choose, emit
from drugstrat.status import Exit

HIT_COLUMNS = ("rank", "id", "type", "lang", "score", "text")
SNIPPET = 150


@app.command()
@reports_errors
def search(
    ctx: typer.Context,
    query: Annotated[list[str], typer.Argument(help="Words to look for, in English or Dutch.")],
    types: Annotated[list[str] | None, typer.Option(
        "--type", "-t", help="Only records of this type (repeatable).")] = None,
    lang: LangOption = None,
    so: Annotated[int | None, typer.Option(
        "--so", help="Only records under this strategic objective.")] = None,
    limit: Annotated[int, typer.Option("--limit", "-n", min=1, help="How many records.")] = 10,
    as_json: JsonOption = False,
    fmt: FormatOption = None,
) -> None:
    """Search both languages; each record comes with its translation.

    Case, accents, typos, word forms and Dutch compounds are forgiven: `prekursoren`,
    `geintegreerd`, `gokken` (finds `gokspelen`), `handel in drugs` (finds `drugshandel`). An id
    or label (`3.4`, `SO 3`, `SD.3`) goes straight to its record. Exits 1 when nothing matches.

    Example: drugstrat search money laundering --type specific_objective
    """
    from drugstrat import store
    from drugstrat.glossary import glossary_path
    from drugstrat.search.query import search as run_search

    root = data_dir(ctx)
    kb = store.load(root)
    code = check_lang(lang, kb.langs)
    known = {r["type"] for r in kb.records()}
    for rtype in types or ():
        if rtype not in known:
            raise typer.BadParameter(f"{rtype!r} is not a record type here",
                                     param_hint="--type")
    text = " ".join(query)
    groups = run_search(kb, text, types=set(types or ()) or None, lang=code, so=so,
                        limit=limit, glossary_file=glossary_path(root))
    rows = [{"rank": rank, **hit.to_dict()}
            for rank, group in enumerate(groups, start=1) for hit in group.hits]
    output = choose(fmt, as_json)
    if groups or output.value != "table":
        emit(output, rows, columns=HIT_COLUMNS, table=lambda: _hits_view(groups))
    if not groups:
        messages.warn(f"no match for {text!r}")
        raise typer.Exit(code=Exit.FOUND)


def _snippet(text: str, spans: list) -> tuple[str, list[tuple[int, int]]]:
    """A window of the text around its first match, and the spans moved into it."""
    if len(text) <= SNIPPET:
        return text, [tuple(s) for s in spans]
    first = spans[0][0] if spans else 0
    start = max(0, min(first - SNIPPET // 3, len(text) - SNIPPET))
    start = text.rfind(" ", 0, start) + 1 if start else 0
    window = text[start:start + SNIPPET]
    prefix = "…" if start else ""
    suffix = "…" if start + SNIPPET < len(text) else ""
    shift = len(prefix) - start
    moved = [(s + shift, e + shift) for s, e in spans
             if s >= start and e <= start + SNIPPET]
    return prefix + window + suffix, moved


def _hits_view(groups: list) -> Any:
    from rich.table import Table

    from drugstrat.cli.console import safe_text

    table = Table(header_style="bold", expand=True, show_lines=True)
    table.add_column("#", justify="right", style="dim")
    table.add_column("id", style="bold cyan", no_wrap=True)
    langs = sorted({h.lang for g in groups for h in g.hits}, key=lambda c: (c != "en", c))
    for code in langs:
        table.add_column(code.upper(), ratio=1)
    for rank, group in enumerate(groups, start=1):
        cells = []
        for code in langs:
            hit = next((h for h in group.hits if h.lang == code), None)
            if hit is None:
                cells.append(safe_text("—", "dim"))
                continue
            snippet, spans = _snippet(hit.text, hit.spans)
            text = safe_text(snippet)
            for start, end in spans:
                text.stylize("bold yellow", start, end)
            cells.append(text)
        label = safe_text(group.id, "bold cyan")
        label.append(f"\n{group.type}", style="dim")
        table.add_row(str(rank), label, *cells)
    return table


@app.command()
@reports_errors
def xref(
    ctx: typer.Context,
    record_id: Annotated[str, typer.Argument(metavar="ID", help="A record id (3.4, SO 2 …).")],
    as_json: JsonOption = False,
    fmt: FormatOption = None,
) -> None:
    """Everything connected to a record.

    Its translation, parent and children, the target groups it names and the other records
    naming the same groups, the endnotes it cites or that cite it, and the objectives sharing
    its key terms (from the glossary).

    Example: drugstrat xref SO2.p4
    """
    from drugstrat import glossary, store
    from drugstrat.search.xref import xref as connections

    root = data_dir(ctx)
    kb = store.load(root)
    found = resolve_or_exit(kb, record_id)
    data = connections(kb, found, glossary.load(glossary.glossary_path(root)))
    rows = [{"relation": relation, **item}
            for relation in ("parent", "children", "target_groups", "same_groups", "endnotes",
                             "cited_by")
            for item in ([data[relation]] if relation == "parent" and data[relation]
                         else data[relation] if relation != "parent" else [])]
    rows += [{"relation": "shared_terms", "id": item["id"], "terms": item["terms"]}
             for item in data["shared_terms"]]
    emit(choose(fmt, as_json), rows, document=data,
         columns=("relation", "id", "type", "en", "nl", "terms"),
         table=lambda: _xref_view(data))


def _xref_view(data: dict) -> Any:
    from rich.console import Group
    from rich.table import Table
    from rich.text import Text

    from drugstrat.cli.console import safe_text

    parts: list[Any] = [Text.assemble(safe_text(data["id"], "bold cyan"), ("  ", ""),
                                      safe_text(data["type"], "dim"))]
    for code, text in data["records"].items():
        parts.append(Text.assemble((f"{code.upper()}: ", "bold"), safe_text(text)))
    if data["missing_in"]:
        parts.append(Text(f"no {', '.join(data['missing_in'])} version", style="red"))
    table = Table(header_style="bold", expand=True)
    table.add_column("relation", style="dim", no_wrap=True)
    table.add_column("id", style="cyan", no_wrap=True)
    table.add_column("EN", ratio=1, overflow="ellipsis", no_wrap=True)
    table.add_column("NL", ratio=1, overflow="ellipsis", no_wrap=True)
    relations = [("parent", [data["parent"]] if data["parent"] else [])]
    relations += [(name, data[name]) for name in ("children", "target_groups", "same_groups",
                                                  "endnotes", "cited_by")]
    for name, items in relations:
        for item in items:
            table.add_row(name.replace("_", " "), safe_text(item["id"]),
                          safe_text(item.get("en", "—")), safe_text(item.get("nl", "—")))
    for item in data["shared_terms"]:
        table.add_row("shares terms", safe_text(item["id"]),
                      safe_text(", ".join(item["terms"])), "")
    parts.append(table)
    return Group(*parts)


@app.command()
@reports_errors
def groups(
    ctx: typer.Context,
    matrix: Annotated[bool, typer.Option(
        "--matrix", "-m", help="Target groups × strategic objectives.")] = False,
    as_json: JsonOption = False,
    fmt: FormatOption = None,
) -> None:
    """The target groups the strategy names, and the objectives that address each.

    A group named differently in the two languages ("young people" / "jongeren") is one row.
    With --matrix: one column per strategic objective, counting the places that name the group
    (as a table, or --format csv for a spreadsheet).

    Example: drugstrat groups --matrix --format csv
    """
    from drugstrat import store
    from drugstrat.search.index import so_number
    from drugstrat.search.xref import target_groups

    kb = store.load(data_dir(ctx))
    clusters = target_groups(kb)
    objectives = kb.of_type("strategic_objective")
    rows = []
    for cluster in clusters:
        row: dict[str, Any] = {code: "; ".join(cluster["names"].get(code, ()))
                               for code in kb.langs}
        if matrix:
            for objective in objectives:
                number = so_number(kb, objective)
                row[objective] = sum(m["so"] == number for m in cluster["mentions"])
        else:
            row["mentions"] = len(cluster["mentions"])
            row["objectives"] = cluster["objectives"]
            row["sources"] = [m["source"] for m in cluster["mentions"]]
        rows.append(row)
    columns = (*kb.langs, *(objectives if matrix else ("mentions", "objectives", "sources")))
    emit(choose(fmt, as_json), rows, columns=columns,
         table=lambda: _groups_view(rows, columns, kb.langs))


def _groups_view(rows: list[dict], columns: tuple, langs: list[str]) -> Any:
    from rich.table import Table

    from drugstrat.cli.console import safe_text

    table = Table(header_style="bold", expand=True)
    for column in columns:
        numeric = column not in langs and column not in ("objectives", "sources")
        table.add_column(column.upper() if column in langs else column,
                         justify="right" if numeric else "left",
                         ratio=2 if column in langs else None)
    for row in rows:
        cells = []
        for column in columns:
            value = row.get(column, "")
            if isinstance(value, list):
                value = ", ".join(value)
            elif isinstance(value, int) and column.startswith("SO"):
                value = "●" * min(value, 3) if value else ""
            cells.append(safe_text(str(value)))
        table.add_row(*cells)
    table.caption = f"{len(rows)} target groups"
    return table


@app.command()
@reports_errors
def terms(
    ctx: typer.Context,
    query: Annotated[list[str], typer.Argument(help="A term in English or Dutch.")],
    as_json: JsonOption = False,
    fmt: FormatOption = None,
) -> None:
    """EN <-> NL term pairs: from the glossary, and mined from the aligned records.

    Mined pairs are the words of the other language that occur in the translations of the
    records holding the term, scored by how exclusively (Dice coefficient). Exits 1 when
    nothing pairs.

    Example: drugstrat terms harm reduction
    """
    from drugstrat import glossary, store
    from drugstrat.search.xref import term_pairs

    root = data_dir(ctx)
    kb = store.load(root)
    text = " ".join(query)
    pairs = term_pairs(kb, glossary.load(glossary.glossary_path(root)), text)
    rows = [{"source": p["source"],
             **{c: "; ".join(dict.fromkeys(p.get(c, ()))) for c in kb.langs},
             "score": p.get("score"), "records": p["records"]} for p in pairs]
    columns = ("source", *kb.langs, "score", "records")
    emit(choose(fmt, as_json), rows, document=pairs, columns=columns,
         table=lambda: _terms_view(rows, columns, kb.langs))
    if not pairs:
        messages.warn(f"no term pairs for {text!r}")
        raise typer.Exit(code=Exit.FOUND)


def _terms_view(rows: list[dict], columns: tuple, langs: list[str]) -> Any:
    from rich.table import Table

    from drugstrat.cli.console import safe_text

    table = Table(header_style="bold", expand=True)
    for column in columns:
        table.add_column(column.upper() if column in langs else column)
    for row in rows:
        table.add_row(*[safe_text(", ".join(v) if isinstance(v, list) else
                                  "" if v is None else str(v)) for v in
                        (row[c] for c in columns)])
    return table
