"""An SQLite database for Datasette: records, their alignment, target groups, cross-references
and diff findings, with an FTS5 index over the text; and the metadata.json that titles it."""

from __future__ import annotations

import json
import os
import sqlite3
import tempfile
from pathlib import Path

from drugstrat.export.pairs import translation_pairs
from drugstrat.search.index import so_number
from drugstrat.search.xref import target_groups
from drugstrat.store import KB

SCHEMA = """
CREATE TABLE records (
    id TEXT, lang TEXT, type TEXT, parent TEXT, number TEXT, so INTEGER, text TEXT,
    aligned INTEGER, line INTEGER, status TEXT, note TEXT, PRIMARY KEY (id, lang)
);
CREATE TABLE pairs (id TEXT PRIMARY KEY, type TEXT, parent TEXT, so INTEGER, en TEXT, nl TEXT);
CREATE TABLE target_groups (
    group_id INTEGER, mention TEXT, source TEXT, so INTEGER, en TEXT, nl TEXT
);
CREATE TABLE xrefs (source TEXT, relation TEXT, target TEXT);
CREATE TABLE findings (
    finding TEXT PRIMARY KEY, id TEXT, type TEXT, "check" TEXT, severity TEXT, message TEXT,
    en TEXT, nl TEXT, accepted INTEGER, comment TEXT
);
CREATE VIRTUAL TABLE records_fts USING fts5(
    text, content='records', tokenize='unicode61 remove_diacritics 2'
);
"""


def write_database(kb: KB, path: Path, findings: list[dict]) -> None:
    """Write the database to `path` atomically."""
    fd, tmp = tempfile.mkstemp(prefix=f".tmp-{path.name}.", dir=path.parent)
    os.close(fd)
    Path(tmp).unlink()
    try:
        connection = sqlite3.connect(tmp)
        _fill(kb, connection, findings)
        connection.close()
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _fill(kb: KB, connection: sqlite3.Connection, findings: list[dict]) -> None:
    connection.executescript(SCHEMA)
    so = {record_id: so_number(kb, record_id) for record_id in kb.ids}
    connection.executemany(
        "INSERT INTO records VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [(r["id"], r["lang"], r["type"], r.get("parent"), r.get("number"), so[r["id"]],
          r["text"], int(r.get("aligned", True)), r.get("line"),
          _text(r.get("status")), _text(r.get("note"))) for r in kb.records()])
    connection.execute("INSERT INTO records_fts(rowid, text) SELECT rowid, text FROM records")
    connection.executemany(
        "INSERT INTO pairs VALUES (?, ?, ?, ?, ?, ?)",
        [(p.id, p.type, p.parent, so.get(p.id.split("+")[0]), p.en, p.nl)
         for p in translation_pairs(kb)])
    for number, cluster in enumerate(target_groups(kb), start=1):
        for mention in cluster["mentions"]:
            names = kb.get(mention["group"])
            connection.execute(
                "INSERT INTO target_groups VALUES (?, ?, ?, ?, ?, ?)",
                (number, mention["group"], mention["source"], mention["so"],
                 names.get("en", {}).get("text"), names.get("nl", {}).get("text")))
    links = set()
    for record in kb.records():
        if record.get("parent"):
            links.add((record["id"], "parent", record["parent"]))
        for number in record.get("cites", ()):
            links.add((record["id"], "cites", f"n{number}"))
    connection.executemany("INSERT INTO xrefs VALUES (?, ?, ?)", sorted(links))
    connection.executemany(
        'INSERT INTO findings VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
        [(f["finding"], f["id"], f["type"], f["check"], f["severity"], f["message"], f["en"],
          f["nl"], int(bool(f.get("accepted"))), f.get("comment")) for f in findings])
    connection.commit()


def _text(value: object) -> str | None:
    return None if value is None else str(value)


def metadata(database_name: str, title: str) -> str:
    """Datasette metadata: titles, descriptions, facets and the full-text table."""
    tables = {
        "records": {
            "title": "Records, one per language",
            "description": "Every record of the strategy: objectives, paragraphs, list items, "
                           "target groups, endnotes … Same id in both languages = translations.",
            "facets": ["type", "lang", "so", "aligned"],
            "fts_table": "records_fts", "fts_pk": "rowid", "label_column": "id",
            "sortable_columns": ["id", "type", "so", "line"],
        },
        "pairs": {"title": "Aligned EN/NL pairs", "facets": ["type", "so"],
                  "label_column": "id"},
        "target_groups": {"title": "Target groups named in the text, and where",
                          "facets": ["so", "en"]},
        "xrefs": {"title": "Cross-references: parents and endnote citations",
                  "facets": ["relation"]},
        "findings": {"title": "drugstrat diff findings", "facets": ["severity", "check",
                                                                    "accepted"]},
        "records_fts": {"hidden": True},
    }
    return json.dumps({
        "title": title,
        "description": "Knowledge base of the two language versions, exported by drugstrat.",
        "databases": {database_name: {"tables": tables}},
    }, ensure_ascii=False, indent=2) + "\n"
