"""`drugstrat list` and `drugstrat show`: records from the compiled cache."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Any

import typer

from drugstrat.cli import app, messages
from drugstrat.cli.common import (
    FormatOption,
    JsonOption,
    LangOption,
    check_lang,
    complete_ids,
    complete_types,
    language_columns,
    load_kb,
    output,
    reports_errors,
    resolve_or_exit,
    resolve_type_or_none,
)
from drugstrat.cli.status import Exit
from drugstrat.cli.view import Block, Column, Line, Marked, Table, View

if TYPE_CHECKING:
    from drugstrat.record import Record

LIST_KEYS = ("id", "type", "lang", "parent", "number", "text", "aligned")
LIST_COLUMNS = [Column(key) for key in LIST_KEYS]
# Fields the side-by-side view already shows, or that only matter to scripts.
SHOWN_FIELDS = {"id", "type", "lang", "parent", "number", "text", "emphasis", "line", "aligned",
                "in_list"}


@app.command("list")
@reports_errors
def list_records(
    ctx: typer.Context,
    record_type: Annotated[
        str | None,
        typer.Option("--type", "-t", autocompletion=complete_types,
                     help="Only records of this type (specific_objective, or so, specific, "
                          "groups …)."),
    ] = None,
    lang: LangOption = None,
    parent: Annotated[
        str | None, typer.Option("--parent", "-p", autocompletion=complete_ids,
                                 help="Only children of this id (e.g. SO3).")
    ] = None,
    wide: Annotated[bool, typer.Option(
        "--wide", help="One row per record, the languages side by side (CSV, JSON).")] = False,
    as_json: JsonOption = False,
    fmt: FormatOption = None,
) -> None:
    """List records, in document order.

    Example: drugstrat list --type specific --wide --format excel > objectives.csv
    """
    kb = load_kb(ctx)
    code = check_lang(lang, kb.langs)
    record_type = resolve_type_or_none(kb, record_type)
    if parent is not None:
        parent = resolve_or_exit(kb, parent)  # an unknown parent: exit 1, with near ids
    ids = kb.select({record_type} if record_type else None, parent)
    langs = [code] if code else kb.langs
    people = [{"id": i, "type": kb.type_of(i),
               **{c: r["text"] for c, r in kb.get(i, langs).items()}} for i in ids]
    columns = [Column("id", style="cyan"), Column("type", style="dim"),
               *language_columns(langs)]
    human: list[Block] = [Table(people, columns, caption=f"{len(ids)} records")]
    if wide:
        from drugstrat.kb.rows import per_lang_fields, record_rows

        keys = ["id", "type", "parent", "number", *langs, "aligned",
                *(f"{key}:{c}" for key in per_lang_fields(kb) for c in langs)]
        output(ctx, fmt, as_json).emit(View(record_rows(kb, ids, langs),
                                            [Column(key) for key in keys], human=human))
        return
    from drugstrat.kb.rows import record_fields

    # Every field a record of this knowledge base has, a person's own (status, notes, dates)
    # too, is a column, whatever the filters keep: a script's CSV header does not move.
    extra = [key for key in record_fields(kb) if key not in LIST_KEYS]
    output(ctx, fmt, as_json).emit(View(kb.rows(ids, langs),
                                        [*LIST_COLUMNS, *(Column(key) for key in extra)],
                                        human=human))


@app.command()
@reports_errors
def show(
    ctx: typer.Context,
    record_ids: Annotated[list[str], typer.Argument(
        metavar="ID...", autocompletion=complete_ids,
        help="Record ids: SO3, 'SO 3', SD.3, 3.4, n2, scope1 … (several: each in turn).")],
    lang: LangOption = None,
    as_json: JsonOption = False,
    fmt: FormatOption = None,
) -> None:
    """Show records in their languages side by side: one, or several in turn.

    An unknown id exits 1 with the ids it may have meant, and nothing is shown.

    Example: drugstrat show 3.4
    """
    kb = load_kb(ctx)
    code = check_lang(lang, kb.langs)
    found = [resolve_or_exit(kb, typed) for typed in record_ids]
    records: list[Record] = []
    human: list[Block] = []
    for record_id in dict.fromkeys(found):
        versions = kb.get(record_id, [code] if code else None)
        if not versions:
            messages.error(f"{record_id} has no {code} version")
            raise typer.Exit(code=Exit.NOT_FOUND)
        missing = [c for c in kb.langs if c not in kb.get(record_id)]
        records += versions.values()
        if human:
            human.append(Line([]))
        human += _side_by_side(record_id, versions, kb.children(record_id), missing)
    output(ctx, fmt, as_json).emit(View(records, LIST_COLUMNS, human=human))


def _side_by_side(record_id: str, versions: dict[str, Record], children: list[str],
                  missing: list[str]) -> list[Block]:
    some = next(iter(versions.values()))
    heading = [(record_id, "bold cyan"), (f"  {some['type']}", "dim")]
    if parent := some.get("parent"):
        heading += [("  in ", "dim"), (parent, "cyan")]
    rows: list[dict[str, Any]] = [{lang: _emphasised(r) for lang, r in versions.items()}]
    extra = sorted({k for r in versions.values() for k in r} - SHOWN_FIELDS)
    from drugstrat.record import field

    rows += [{lang: f"{key}: {_plain(field(r, key))}" for lang, r in versions.items()
              if field(r, key) is not None} for key in extra]
    blocks: list[Block] = [Line(heading), Table(rows, language_columns(list(versions)),
                                                lines=True)]
    if children:
        blocks.append(Line([("contains: ", "dim"), (", ".join(children), ""),
                            (f"  (all of it: drugstrat read {record_id})", "dim")]))
    if missing:
        blocks.append(Line([(f"not aligned: no {', '.join(missing)} version", "red")]))
    return blocks


def _emphasised(record: Record) -> Marked:
    return Marked(record["text"], [(s["start"], s["end"], "bold" if s["kind"] == "bold"
                                    else "italic") for s in record.get("emphasis", ())])


def _plain(value: Any) -> str:
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    return str(value)
