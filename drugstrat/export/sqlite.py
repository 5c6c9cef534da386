"""An SQLite database for Datasette: records, their alignment, target groups, cross-references
and diff findings, with an FTS5 index over the text; and the metadata that titles it."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from drugstrat import ids
from drugstrat.diff.model import Finding
from drugstrat.export.pairs import translation_pairs
from drugstrat.kb.store import KB
from drugstrat.kb.target_groups import target_groups
from drugstrat.record import field
from drugstrat.storage.atomic import replacing

# What a person adds to a record (`status`, `note`), in `records` and, for both records of a
# pair, in `pairs` (`status_en`, `note_en`, `status_nl`, `note_nl`).
PERSON = ("status", "note")


def _columns(langs: list[str] | tuple[str, ...]) -> str:
    """Language codes as column definitions ("en" TEXT, …); codes are checked against the
    language tables before a knowledge base is built, so they are plain letters."""
    return ", ".join(f'"{lang}" TEXT' for lang in langs)


def schema(kb: KB, langs: tuple[str, str]) -> str:
    return f"""
CREATE TABLE records (
    id TEXT, lang TEXT, type TEXT, parent TEXT, number TEXT, so INTEGER, text TEXT,
    aligned INTEGER, line INTEGER, status TEXT, note TEXT, PRIMARY KEY (id, lang)
);
CREATE TABLE pairs (
    id TEXT PRIMARY KEY, type TEXT, parent TEXT, so INTEGER, {_columns(langs)},
    {", ".join(f'"{key}_{lang}" TEXT' for lang in langs for key in PERSON)}
);
CREATE TABLE target_groups (
    group_id INTEGER, mention TEXT, source TEXT, so INTEGER, {_columns(kb.langs)}
);
CREATE TABLE xrefs (source TEXT, relation TEXT, target TEXT);
CREATE TABLE findings (
    finding TEXT, pair TEXT, id TEXT, type TEXT, "check" TEXT, severity TEXT, message TEXT,
    {_columns(kb.langs)}, accepted INTEGER, comment TEXT, PRIMARY KEY (pair, finding)
);
{_fts("records", ["text"])}
{_fts("pairs", list(langs))}
"""


FOLDING = "tokenize='unicode61 remove_diacritics 2'"  # case and accents do not count


def _fts(table: str, columns: list[str]) -> str:
    """An FTS5 index over `table`, declared the way sqlite-utils' `enable_fts` writes it — the
    form sqlite-utils and Datasette look for (`content=[table]`) — with accent folding."""
    listed = ", ".join(f"[{column}]" for column in columns)
    return (f"CREATE VIRTUAL TABLE [{table}_fts] USING FTS5 ({listed}, {FOLDING}, "
            f"content=[{table}]);")


def write_database(kb: KB, langs: tuple[str, str], path: Path,
                   findings: list[Finding], whole: KB | None = None) -> None:
    """Write the database of `kb` (a part of `whole`, where a filter kept one: whose strategic
    objectives its records belong to is a fact of the whole) to `path` atomically."""
    with replacing(path) as tmp:
        connection = sqlite3.connect(tmp)
        try:
            _fill(kb, langs, connection, findings, whole or kb)
        finally:
            connection.close()


def _fill(kb: KB, langs: tuple[str, str], connection: sqlite3.Connection,
          findings: list[Finding], whole: KB) -> None:
    connection.executescript(schema(kb, langs))
    so = {record_id: whole.objective_number(record_id) for record_id in kb.ids}
    connection.executemany(
        "INSERT INTO records VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [(r["id"], r["lang"], r["type"], r.get("parent"), r.get("number"), so[r["id"]],
          r["text"], int(r.get("aligned", True)), r.get("line"),
          _text(field(r, "status")), _text(field(r, "note"))) for r in kb.records()])
    connection.execute("INSERT INTO records_fts(rowid, text) SELECT rowid, text FROM records")
    connection.executemany(
        f"INSERT INTO pairs VALUES ({', '.join('?' * (6 + 2 * len(PERSON)))})",
        [(p.id, p.type, p.parent, so.get(p.id.split("+")[0]), p.source, p.target,
          *(_text(field(p.records[lang], key)) for lang in langs for key in PERSON))
         for p in translation_pairs(kb, langs)])
    columns = ", ".join(f"[{lang}]" for lang in langs)
    connection.execute(f"INSERT INTO pairs_fts(rowid, {columns}) "
                       f"SELECT rowid, {columns} FROM pairs")
    marks = ", ".join("?" * (4 + len(kb.langs)))
    for number, cluster in enumerate(target_groups(kb), start=1):
        for mention in cluster["mentions"]:
            names = kb.get(mention["group"])
            connection.execute(
                f"INSERT INTO target_groups VALUES ({marks})",
                (number, mention["group"], mention["source"], mention["so"],
                 *(names[lang]["text"] if lang in names else None for lang in kb.langs)))
    links = set()
    for record in kb.records():
        if parent := record.get("parent"):
            links.add((record["id"], "parent", parent))
        for number in record.get("cites", ()):
            links.add((record["id"], "cites", ids.endnote(number)))
    connection.executemany("INSERT INTO xrefs VALUES (?, ?, ?)", sorted(links))
    marks = ", ".join("?" * (9 + len(kb.langs)))
    connection.executemany(
        f"INSERT INTO findings VALUES ({marks})",
        [(f.finding_id, f.pair, f.id, f.type, f.check, f.severity.name, f.message,
          *(f.evidence.get(lang) for lang in kb.langs), int(f.accepted),
          f.acceptance.comment if f.acceptance else None)
         for f in findings])
    connection.commit()


def _text(value: object) -> str | None:
    return None if value is None else str(value)


def metadata(database_name: str, title: str, langs: tuple[str, str], source: str,
             license_name: str, license_url: str | None = None,
             source_url: str | None = None) -> str:
    """Datasette metadata: the database's title, description, license and source, and each
    table's title, facets and full-text index. Written beside the database under its name
    (`kb.db` -> `kb.metadata.json`): `datasette kb.db -m kb.metadata.json`."""
    tables = {
        "records": {
            "title": "Records, one per language",
            "description": "Every record of the strategy: objectives, paragraphs, list items, "
                           "target groups, endnotes … Same id in two languages = translations.",
            "facets": ["type", "lang", "so", "aligned"],
            "fts_table": "records_fts", "fts_pk": "rowid", "label_column": "id",
            "sortable_columns": ["id", "type", "so", "line"],
        },
        "pairs": {"title": f"Aligned {langs[0].upper()}/{langs[1].upper()} pairs",
                  "description": "Each record beside its translation; search both at once.",
                  "facets": ["type", "so"], "fts_table": "pairs_fts", "fts_pk": "rowid",
                  "label_column": "id"},
        "target_groups": {"title": "Target groups named in the text, and where",
                          "facets": ["so", langs[0]]},
        "xrefs": {"title": "Cross-references: parents and endnote citations",
                  "facets": ["relation"]},
        "findings": {"title": "drugstrat diff findings", "facets": ["severity", "check",
                                                                    "accepted", "pair"]},
        "records_fts": {"hidden": True},
        "pairs_fts": {"hidden": True},
    }
    about: dict[str, str] = {"license": license_name, "source": source}
    if license_url:
        about["license_url"] = license_url
    if source_url:
        about["source_url"] = source_url
    return json.dumps({
        "title": title,
        "description": "The language versions of the strategy as records, aligned, with "
                       "target groups, cross-references and the translation check's findings; "
                       "exported by drugstrat.",
        **about,
        "databases": {database_name: {"tables": tables}},
    }, ensure_ascii=False, indent=2) + "\n"


def metadata_path(database: Path) -> Path:
    """Where a database's metadata goes: beside it, under its name."""
    return database.with_name(f"{database.stem}.metadata.json")
