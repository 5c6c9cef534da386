"""`drugstrat search`, `xref`, `groups` and `terms`: what analysts ask."""

from __future__ import annotations

from typing import Annotated, Any

import typer

from drugstrat.cli import app, messages
from drugstrat.cli.common import (
    FormatOption,
    IdArgument,
    JsonOption,
    LangOption,
    SoOption,
    TypesOption,
    check_lang,
    glossary_file,
    language_columns,
    load_kb,
    output,
    reports_errors,
    resolve_or_exit,
    resolve_so,
    resolve_types,
)
from drugstrat.cli.status import Exit
from drugstrat.cli.view import Block, Column, Line, Marked, Table, View

HIT_COLUMNS = [Column(key) for key in ("rank", "id", "type", "lang", "score", "text")]
SNIPPET = 150


@app.command()
@reports_errors
def search(
    ctx: typer.Context,
    query: Annotated[list[str], typer.Argument(help="Words to look for, in any language.")],
    types: TypesOption = None,
    lang: LangOption = None,
    so: SoOption = None,
    limit: Annotated[int, typer.Option("--limit", "-n", min=1, help="How many records.")] = 10,
    exact: Annotated[bool, typer.Option(
        "--exact", "-w", help="Whole words only: no other word forms, compounds, "
                              "translations or typo corrections.")] = False,
    as_json: JsonOption = False,
    fmt: FormatOption = None,
) -> None:
    """Find records by their words, in every language; each record comes with its translation.

    The word itself ranks first, then its other forms (Snowball stems), then Dutch compounds
    holding it (`gokken` finds `gokspelen`, `handel in drugs` finds `drugshandel`) and its
    translations; records with all the words (or a "quoted phrase") before those with some. A
    word found nowhere is taken for a typo and its nearest word used instead, as stderr says.
    An id or label (`3.4`, `SO 3`, `SD.3`) goes straight to its record. Exits 1 when nothing
    matches.

    Example: drugstrat search money laundering --type so
    """
    from drugstrat.search.query import search as run_search

    kb = load_kb(ctx)
    code = check_lang(lang, kb.langs)
    wanted_types = resolve_types(kb, types)
    number = resolve_so(kb, so)
    text = " ".join(query).strip()
    if not text:
        raise typer.BadParameter("give words to search for, e.g. `drugstrat search prevention`",
                                 param_hint="QUERY")
    groups = run_search(kb, text, types=wanted_types, lang=code, so=number, limit=limit,
                        glossary_file=glossary_file(ctx), exact=exact)
    for typed, used in groups.corrections.items():
        messages.warn(f"no {typed!r} here; showing {used!r}")
    rows = [{"rank": rank, **hit.to_dict()}
            for rank, group in enumerate(groups, start=1) for hit in group.hits]
    langs = [c for c in kb.langs if any(h.lang == c for g in groups for h in g.hits)]
    people = []
    for rank, group in enumerate(groups, start=1):
        row: dict[str, Any] = {"#": rank, "id": Marked(f"{group.id}\n{group.type}",
                                                       [(len(group.id) + 1,
                                                         len(group.id) + 1 + len(group.type),
                                                         "dim")])}
        for hit in group.hits:
            snippet, spans = _snippet(hit.text, hit.spans)
            row[hit.lang] = Marked(snippet, [(s, e, "bold yellow") for s, e in spans])
        people.append(row)
    columns = [Column("#", numeric=True, style="dim"), Column("id", style="bold cyan"),
               *language_columns(langs)]
    shown = output(ctx, fmt, as_json)
    if groups or shown.fmt.value != "table":
        shown.emit(View(rows, HIT_COLUMNS, human=[Table(people, columns, lines=True)]))
    if not groups:
        messages.warn(f"no match for {text!r}")
        raise typer.Exit(code=Exit.NOT_FOUND)
    if groups.total > len(groups):
        messages.warn(f"showing {len(groups)} of {groups.total} records (--limit for more)")


def _snippet(text: str, spans: list[tuple[int, int]]) -> tuple[str, list[tuple[int, int]]]:
    """A window of the text around its first match, and the spans moved into it."""
    if len(text) <= SNIPPET:
        return text, list(spans)
    first = spans[0][0] if spans else 0
    start = max(0, min(first - SNIPPET // 3, len(text) - SNIPPET))
    start = text.rfind(" ", 0, start) + 1 if start else 0
    window = text[start:start + SNIPPET]
    prefix = "…" if start else ""
    suffix = "…" if start + SNIPPET < len(text) else ""
    shift = len(prefix) - start
    moved = [(s + shift, e + shift) for s, e in spans if s >= start and e <= start + SNIPPET]
    return prefix + window + suffix, moved


@app.command()
@reports_errors
def xref(
    ctx: typer.Context,
    record_id: IdArgument,
    as_json: JsonOption = False,
    fmt: FormatOption = None,
) -> None:
    """Everything connected to a record.

    Its translation, parent and children, the target groups it names and the other records
    naming the same groups, the endnotes it cites or that cite it, and the objectives sharing
    its key terms (from the glossary).

    Example: drugstrat xref SO2.p4
    """
    from drugstrat.search.xref import xref as connections
    from drugstrat.search.xref import xref_rows
    from drugstrat.terms.glossary import load as load_glossary

    kb = load_kb(ctx)
    found = resolve_or_exit(kb, record_id)
    data = connections(kb, found, load_glossary(glossary_file(ctx)))
    rows = xref_rows(data)
    people = [{**row, "relation": row["relation"].replace("_", " ").replace(
        "shared terms", "shares terms"),
        **({kb.langs[0]: ", ".join(row["terms"])} if "terms" in row else {})} for row in rows]
    human: list[Block] = [Line([(data["id"], "bold cyan"), ("  ", ""), (data["type"], "dim")])]
    human += [Line([(f"{code.upper()}: ", "bold"), (text, "")])
              for code, text in data["records"].items()]
    if data["missing_in"]:
        human.append(Line([(f"no {', '.join(data['missing_in'])} version", "red")]))
    human.append(Table(people, [Column("relation", style="dim"), Column("id", style="cyan"),
                                *language_columns(kb.langs)]))
    output(ctx, fmt, as_json).emit(View(rows, [Column(k) for k in ("relation", "id", "type",
                                                              *kb.langs, "terms")],
                                   document=data, human=human))


@app.command()
@reports_errors
def groups(
    ctx: typer.Context,
    matrix: Annotated[bool, typer.Option(
        "--matrix", "-m", help="Target groups × strategic objectives.")] = False,
    so: SoOption = None,
    as_json: JsonOption = False,
    fmt: FormatOption = None,
) -> None:
    """The target groups the strategy names, and the objectives that address each.

    A group named differently in the languages ("young people" / "jongeren") is one row.
    With --matrix: one column per strategic objective, counting the places that name the group
    (as a table, or --format csv for a spreadsheet). --so keeps the groups an objective names.

    Example: drugstrat groups --so 2
    """
    from drugstrat.kb.target_groups import group_rows

    kb = load_kb(ctx)
    rows = group_rows(kb, matrix, resolve_so(kb, so))
    objectives = kb.of_type("strategic_objective")
    counted = objectives if matrix else ["mentions"]
    columns = [*language_columns(kb.langs), *(Column(c, numeric=True) for c in counted)]
    if not matrix:
        columns += [Column("objectives"), Column("sources", prose=True)]
    people = [{**row, **{c: "●" * min(row[c], 3) if row[c] else "" for c in objectives
                         if matrix}} for row in rows]
    output(ctx, fmt, as_json).emit(View(rows, columns, human=[
        Table(people, columns, caption=f"{len(rows)} target groups")]))


@app.command()
@reports_errors
def terms(
    ctx: typer.Context,
    query: Annotated[list[str], typer.Argument(help="A word or term, in any language.")],
    as_json: JsonOption = False,
    fmt: FormatOption = None,
) -> None:
    """A term and its translations: the glossary's first, then the lexicon's.

    The lexicon is learned from the aligned records when the knowledge base is built: for the
    query, it shows how the records holding it render it in the other language, each rendering
    with its share and the records that use it. Exits 1 when nothing pairs.

    Example: drugstrat terms harm reduction
    """
    from drugstrat.kb.lexicon import lexicons_of
    from drugstrat.search.terms import term_pairs
    from drugstrat.terms.glossary import load as load_glossary

    text = " ".join(query).strip()
    if not text:
        raise typer.BadParameter("give a word or a term, e.g. `drugstrat terms harm reduction`",
                                 param_hint="QUERY")
    kb = load_kb(ctx)
    path = glossary_file(ctx)
    glossary = load_glossary(path)
    pairs = term_pairs(kb, glossary, lexicons_of(kb, glossary, path), text)
    rows = [{"source": p["source"],
             **{c: "; ".join(dict.fromkeys(p.get(c, ()))) for c in kb.langs},
             "score": p.get("score"), "records": p["records"]} for p in pairs]
    columns = [Column("source"), *language_columns(kb.langs), Column("score", numeric=True),
               Column("records", prose=True)]
    output(ctx, fmt, as_json).emit(View(rows, columns, document=pairs))
    if not pairs:
        messages.warn(f"no translations for {text!r}")
        raise typer.Exit(code=Exit.NOT_FOUND)
