"""`drugstrat search`, `xref`, `groups` and `terms`: what analysts ask."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Any

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

if TYPE_CHECKING:
    from drugstrat.search.query import Results

HIT_COLUMNS = [Column(key) for key in ("rank", "id", "type", "lang", "parent", "so", "score",
                                       "matched", "text")]


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
    wide: Annotated[bool, typer.Option(
        "--wide", help="JSON, CSV: one row per record, its languages side by side (the rows "
                       "of list --wide), with its rank, score and the words it matched.")
    ] = False,
    as_json: JsonOption = False,
    fmt: FormatOption = None,
) -> None:
    """Find records by their words, in every language; each record comes with its translation.

    The word itself ranks first, then its other forms (Snowball stems), then Dutch compounds
    holding it (`gokken` finds `gokspelen`, `handel in drugs` finds `drugshandel`) and its
    translations; records with all the words (or a "quoted phrase") before those with some.
    Stderr names every word found nowhere, and what stood in for it: a compound's known last
    part, a typo's nearest word, or a compound's known beginning. An id or label (`3.4`,
    `SO 3`, `SD.3`) goes straight to its record. Exits 1 when nothing matches.

    Example: drugstrat search money laundering --type specific
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
    _say_what_was_searched(groups)
    langs = [c for c in kb.langs if any(h.lang == c for g in groups for h in g.hits)]
    shown = output(ctx, fmt, as_json)
    if groups or shown.fmt.value != "table":
        # The table, for a person only: scripts pay for no snippets.
        human: list[Block] | None = [Table(
            _people(groups), [Column("#", numeric=True, style="dim"),
                              Column("id", style="bold cyan"), *language_columns(langs)],
            lines=True)] if shown.fmt.value == "table" else None
        if wide:
            from drugstrat.search.rows import hit_rows

            shown_langs = [code] if code else kb.langs
            columns = [Column(key) for key in ("id", "type", "parent", "number", *shown_langs,
                                               "so", "rank", "score", "matched",
                                               *(f"matched:{c}" for c in shown_langs))]
            shown.emit(View(hit_rows(kb, groups, shown_langs), columns, human=human))
        else:
            rows = [{"rank": rank, **hit.to_dict()}
                    for rank, group in enumerate(groups, start=1) for hit in group.hits]
            shown.emit(View(rows, HIT_COLUMNS, human=human))
    if not groups:
        messages.warn(f"no match for {text!r}")
        raise typer.Exit(code=Exit.NOT_FOUND)
    if groups.total > len(groups):
        messages.warn(f"showing {len(groups)} of {groups.total} records (--limit for more)")


def _say_what_was_searched(groups: Results) -> None:
    """On stderr: what stood in for a word, the other spellings found, and every word found
    nowhere, or only where the filters do not look."""
    for stand in groups.stood_in:
        used = " and ".join(repr(w) for w in stand.used)
        if stand.why == "typo":
            messages.warn(f"no {stand.typed!r} in the strategy; showing {used}")
        elif stand.why == "head":
            messages.warn(f"no {stand.typed!r} in the strategy; showing its last part "
                          f"{stand.used[0]!r}" + (f", and words beginning {stand.used[1]!r}"
                                                  if len(stand.used) > 1 else ""))
        else:
            messages.warn(f"no {stand.typed!r} in the strategy; showing its beginning "
                          f"{used}")
    for typed, spellings in groups.variants.items():
        messages.warn(f"{typed!r} is also written {', '.join(map(repr, spellings))} here; "
                      "showing both")
    for word in groups.missing:
        messages.warn(f"no {word!r} in the strategy")
    for word in groups.filtered:
        messages.warn(f"{word!r} is only in records the filters leave out")


def _people(groups: Results) -> list[dict[str, Any]]:
    """The table a person reads: each record's id and type, and a window of each language's
    text around its matches, the matches marked."""
    from drugstrat.text.snippets import snippet

    people = []
    for rank, group in enumerate(groups, start=1):
        row: dict[str, Any] = {"#": rank, "id": Marked(f"{group.id}\n{group.type}",
                                                       [(len(group.id) + 1,
                                                         len(group.id) + 1 + len(group.type),
                                                         "dim")])}
        for hit in group.hits:
            window, spans = snippet(hit.text, hit.spans)
            row[hit.lang] = Marked(window, [(s, e, "bold yellow") for s, e in spans])
        people.append(row)
    return people


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
    # A person reads every name a group goes by; a script finds them under `langs`.
    people = [{**row, **{c: "; ".join(row["langs"][c]["names"]) for c in kb.langs},
               **{c: "●" * min(row[c], 3) if row[c] else "" for c in objectives
                  if matrix}} for row in rows]
    output(ctx, fmt, as_json).emit(View(rows, [
        *columns, *(Column(f"names:{c}") for c in kb.langs)], human=[
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
    with the records that use it ("support": 3 of the 4 independent records holding the term)
    and a score that one record, or one list, never makes certain (the lower bound of the
    Wilson interval of that share). Exits 1 when nothing pairs.

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
    rows = term_pairs(kb, glossary, lexicons_of(kb, glossary, path), text)
    # A person reads every form of a glossary term; a script finds them under `langs`.
    people = [{**r, **{c: "; ".join(r["langs"][c]["forms"]) for c in kb.langs},
               "support": f"{r['support']} of {r['seen']}" if r["seen"] else ""}
              for r in rows]
    columns = [Column("source"), *language_columns(kb.langs), Column("score", numeric=True),
               Column("support", numeric=True), Column("records", prose=True)]
    output(ctx, fmt, as_json).emit(View(rows, [
        Column("source"), *(Column(c) for c in kb.langs),
        *(Column(k) for k in ("score", "support", "seen", "attested", "records")),
        *(Column(f"forms:{c}") for c in kb.langs)], human=[Table(people, columns)]))
    if not rows:
        messages.warn(f"no translations for {text!r}")
        raise typer.Exit(code=Exit.NOT_FOUND)
