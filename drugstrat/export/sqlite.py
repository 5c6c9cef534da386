"""An SQLite database for Datasette: records, their alignment, target groups, cross-references
and diff findings, with an FTS5 index over the text; and the metadata that titles it."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

from drugstrat.export.pairs import translation_pairs
from drugstrat.kb.store import KB
from drugstrat.kb.target_groups import target_groups
from drugstrat.record import field
from drugstrat.storage.atomic import replacing


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
CREATE TABLE pairs (id TEXT PRIMARY KEY, type TEXT, parent TEXT, so INTEGER, {_columns(langs)});
CREATE TABLE target_groups (
    group_id INTEGER, mention TEXT, source TEXT, so INTEGER, {_columns(kb.langs)}
);
CREATE TABLE xrefs (source TEXT, relation TEXT, target TEXT);
CREATE TABLE findings (
    finding TEXT, pair TEXT, id TEXT, type TEXT, "check" TEXT, severity TEXT, message TEXT,
    {_columns(kb.langs)}, accepted INTEGER, comment TEXT, PRIMARY KEY (pair, finding)
);
CREATE VIRTUAL TABLE records_fts USING fts5(
    text, content='records', tokenize='unicode61 remove_diacritics 2'
);
"""


def write_database(kb: KB, langs: tuple[str, str], path: Path,
                   findings: list[dict[str, Any]]) -> None:
    """Write the database to `path` atomically."""
    with replacing(path) as tmp:
        connection = sqlite3.connect(tmp)
        try:
            _fill(kb, langs, connection, findings)
        finally:
            connection.close()


def _fill(kb: KB, langs: tuple[str, str], connection: sqlite3.Connection,
          findings: list[dict[str, Any]]) -> None:
    connection.executescript(schema(kb, langs))
    so = {record_id: kb.objective_number(record_id) for record_id in kb.ids}
    connection.executemany(
        "INSERT INTO records VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [(r["id"], r["lang"], r["type"], r.get("parent"), r.get("number"), so[r["id"]],
          r["text"], int(r.get("aligned", True)), r.get("line"),
          _text(field(r, "status")), _text(field(r, "note"))) for r in kb.records()])
    connection.execute("INSERT INTO records_fts(rowid, text) SELECT rowid, text FROM records")
    connection.executemany(
        "INSERT INTO pairs VALUES (?, ?, ?, ?, ?, ?)",
        [(p.id, p.type, p.parent, so.get(p.id.split("+")[0]), p.source, p.target)
         for p in translation_pairs(kb, langs)])
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
            links.add((record["id"], "cites", f"n{number}"))
    connection.executemany("INSERT INTO xrefs VALUES (?, ?, ?)", sorted(links))
    marks = ", ".join("?" * (9 + len(kb.langs)))
    connection.executemany(
        f"INSERT INTO findings VALUES ({marks})",
        [(f["finding"], f["pair"], f["id"], f["type"], f["check"], f["severity"], f["message"],
          *(f.get(lang) for lang in kb.langs), int(bool(f.get("accepted"))), f.get("comment"))
         for f in findings])
    connection.commit()


def _text(value: object) -> str | None:
    return None if value is None else str(value)


def metadata(database_name: str, title: str, langs: tuple[str, str]) -> str:
    """Datasette metadata: titles, descriptions, facets and the full-text table."""
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
                  "facets": ["type", "so"], "label_column": "id"},
        "target_groups": {"title": "Target groups named in the text, and where",
                          "facets": ["so", langs[0]]},
        "xrefs": {"title": "Cross-references: parents and endnote citations",
                  "facets": ["relation"]},
        "findings": {"title": "drugstrat diff findings", "facets": ["severity", "check",
                                                                    "accepted", "pair"]},
        "records_fts": {"hidden": True},
    }
    return json.dumps({
        "title": title,
        "description": "Knowledge base of the language versions, exported by drugstrat.",
        "databases": {database_name: {"tables": tables}},
    }, ensure_ascii=False, indent=2) + "\n"
