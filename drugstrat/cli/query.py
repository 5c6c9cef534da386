"""`drugstrat list` and `drugstrat show`: records from the compiled cache."""

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

LIST_COLUMNS = ("id", "type", "lang", "parent", "number", "text", "aligned")


@app.command("list")
@reports_errors
def list_records(
    ctx: typer.Context,
    record_type: Annotated[
        str | None,
        typer.Option("--type", "-t", help="Only records of this type (e.g. specific_objective)."),
    ] = None,
    lang: LangOption = None,
    parent: Annotated[
        str | None, typer.Option("--parent", "-p", help="Only children of this id (e.g. SO3).")
    ] = None,
    as_json: JsonOption = False,
    fmt: FormatOption = None,
) -> None:
    """List records, in document order.

    Example: drugstrat list --type strategic_objective --lang en
    """
    from drugstrat import store
    from drugstrat.ids import resolve

    kb = store.load(data_dir(ctx))
    code = check_lang(lang, kb.langs)
    if record_type is not None:
        known = {r["type"] for r in kb.records()}
        if record_type not in known:
            raise typer.BadParameter(
                f"{record_type!r} is not a record type here; types: {', '.join(sorted(known))}",
                param_hint="--type",
            )
    if parent is not None:
        parent = resolve(parent, kb.ids) or parent
    ids = [
        record_id for record_id in kb.ids
        if any(_matches(r, record_type, parent) for r in kb.get(record_id).values())
    ]
    rows = [r for i in ids for c, r in kb.get(i).items() if code in (None, c)]
    output = choose(fmt, as_json)
    emit(output, rows, columns=LIST_COLUMNS, table=lambda: _list_table(kb, ids, code))


def _matches(record: dict, record_type: str | None, parent: str | None) -> bool:
    return (record_type in (None, record["type"])) and (parent in (None, record.get("parent")))


def _list_table(kb: Any, ids: list[str], lang: str | None) -> Any:
    from rich.table import Table

    from drugstrat.cli.console import safe_text

    langs = [lang] if lang else kb.langs
    table = Table(header_style="bold", expand=True)
    table.add_column("id", no_wrap=True, style="cyan")
    table.add_column("type", no_wrap=True, style="dim")
    for code in langs:
        table.add_column(code.upper(), overflow="ellipsis", no_wrap=True, ratio=1)
    for record_id in ids:
        versions = kb.get(record_id)
        cells = [safe_text(versions[c]["text"]) if c in versions else safe_text("—", "red")
                 for c in langs]
        table.add_row(safe_text(record_id), safe_text(kb.type_of(record_id)), *cells)
    table.caption = f"{len(ids)} records"
    return table


@app.command()
@reports_errors
def show(
    ctx: typer.Context,
    record_id: Annotated[str, typer.Argument(
        metavar="ID", help="A record id: SO3, 'SO 3', SD.3, 3.4, n2, scope1 …")],
    lang: LangOption = None,
    as_json: JsonOption = False,
    fmt: FormatOption = None,
) -> None:
    """Show a record in both languages side by side.

    Example: drugstrat show 3.4
    """
    from drugstrat import store

    kb = store.load(data_dir(ctx))
    code = check_lang(lang, kb.langs)
    found = resolve_or_exit(kb, record_id)
    versions = {c: r for c, r in kb.get(found).items() if code in (None, c)}
    if not versions:
        messages.error(f"{found} has no {code} version")
        raise typer.Exit(code=Exit.FOUND)
    rows = list(versions.values())
    emit(choose(fmt, as_json), rows, columns=LIST_COLUMNS,
         table=lambda: _show_view(kb, found, versions))


def _show_view(kb: Any, record_id: str, versions: dict[str, dict]) -> Any:
    from rich.console import Group
    from rich.table import Table
    from rich.text import Text

    from drugstrat.cli.console import safe_text

    some = next(iter(versions.values()))
    header = Text()
    header.append_text(safe_text(record_id, "bold cyan"))
    header.append(f"  {some['type']}", style="dim")
    if some.get("parent"):
        header.append("  in ", style="dim")
        header.append_text(safe_text(some["parent"], "cyan"))
    table = Table(expand=True, show_lines=True, header_style="bold")
    langs = list(versions)
    for code in langs:
        table.add_column(code.upper(), ratio=1)
    table.add_row(*[_rich_text(versions[c]) for c in langs])
    extra = sorted({k for r in versions.values() for k in r} - _SHOWN_FIELDS)
    for key in extra:
        table.add_row(*[safe_text(f"{key}: {_plain(versions[c].get(key))}", "yellow")
                        for c in langs])
    parts: list[Any] = [header, table]
    children = kb.children(record_id)
    if children:
        parts.append(Text.assemble(("contains: ", "dim"), safe_text(", ".join(children))))
    missing = [c for c in kb.langs if c not in kb.get(record_id)]
    if missing:
        parts.append(Text(f"not aligned: no {', '.join(missing)} version", style="red"))
    return Group(*parts)


# Fields the side-by-side view already shows or that only matter to scripts.
_SHOWN_FIELDS = {"id", "type", "lang", "parent", "number", "text", "emphasis", "line", "aligned",
                 "in_list"}


def _rich_text(record: dict) -> Any:
    """The record's text with its bold and italic spans styled, and nothing interpreted."""
    from drugstrat.cli.console import safe_text

    text = safe_text(record["text"])
    for span in record.get("emphasis", ()):
        text.stylize("bold" if span["kind"] == "bold" else "italic", span["start"], span["end"])
    return text


def _plain(value: Any) -> str:
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    return str(value)
