"""The search index: an SQLite file beside the JSON cache, built on the first search after the
knowledge base changed.

FTS5 tables over the folded text (case and accents removed): `words` (its words, for whole words
and phrases), `stems` (each word's Snowball stem in the record's language), `parts` (the stems of
the parts of its closed compounds: "drugshandel" holds "drug" and "handel") and `grams` (the
trigrams of the text of languages that write compounds closed, for the head of a compound the
document does not split). `vocab` lists every word of each language with its document
frequency, for typo correction, compound splitting and telling which language a query word is.
A query touches only the pages it needs, so its cost grows with the answer, not with the
knowledge base.
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING

from drugstrat.kb.store import KB, cache_candidates
from drugstrat.languages import language
from drugstrat.text.fold import fold
from drugstrat.text.words import words

if TYPE_CHECKING:
    from drugstrat.terms.glossary import Glossary

INDEX_VERSION = 7


def open_index(kb: KB, glossary_file: Path | None = None) -> sqlite3.Connection:
    """A connection to the current index of `kb` (and its glossary), building it first when
    needed."""
    # The glossary is stamped by size and time (a changed time only costs one rebuild).
    glossary_stamp = None
    if glossary_file and glossary_file.is_file():
        info = glossary_file.stat()
        glossary_stamp = [str(glossary_file), info.st_size, info.st_mtime_ns]
    stamp = json.dumps({"version": INDEX_VERSION, "hashes": kb.hashes,
                        "glossary": glossary_stamp}, sort_keys=True)
    for path in _candidates(kb.root):
        if path.is_file():
            try:
                connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
                if _current(connection, stamp):
                    return connection
                connection.close()
            except sqlite3.Error:
                pass  # damaged, or not an index at all: built again below
    for path in _candidates(kb.root):
        try:
            _build(kb, path, stamp, glossary_file)
            return sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        except (OSError, sqlite3.Error):
            continue  # read-only, full, or locked: the next place, else memory
    # Nowhere to write: an index in memory still answers this query.
    connection = sqlite3.connect(":memory:")
    _fill(kb, connection, stamp, glossary_file)
    return connection


TABLES = {"meta", "records", "words", "stems", "parts", "grams", "vocab", "glossary",
          "translations"}


def _current(connection: sqlite3.Connection, stamp: str) -> bool:
    """Whether an index file is this knowledge base's, whole: every table there, the stamp
    the same."""
    names = {row[0] for row in connection.execute("SELECT name FROM sqlite_master")}
    if not names >= TABLES:
        return False
    row = connection.execute("SELECT value FROM meta WHERE key='stamp'").fetchone()
    return bool(row) and row[0] == stamp


def _candidates(root: Path) -> list[Path]:
    # kb.json -> kb.search.db: one index per knowledge base, also in the shared user cache.
    return [path.with_suffix(".search.db") for path in cache_candidates(root)]


def _build(kb: KB, path: Path, stamp: str, glossary_file: Path | None) -> None:
    # Writing an index is the rare case: a query that finds one current pays for none of this.
    from drugstrat.storage.atomic import replacing

    with replacing(path, follow=False) as tmp:  # ours: never written through a link
        connection = sqlite3.connect(tmp)
        try:
            _fill(kb, connection, stamp, glossary_file)
        finally:
            connection.close()


def _fill(kb: KB, connection: sqlite3.Connection, stamp: str,
          glossary_file: Path | None) -> None:
    connection.executescript("""
        CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT);
        CREATE TABLE records(rowid INTEGER PRIMARY KEY, id TEXT, lang TEXT, type TEXT,
                             so INTEGER, length INTEGER);
        CREATE VIRTUAL TABLE words USING fts5(body, content='',
                                              tokenize='unicode61 remove_diacritics 2');
        CREATE VIRTUAL TABLE stems USING fts5(body, content='', tokenize='unicode61');
        CREATE VIRTUAL TABLE parts USING fts5(body, content='', tokenize='unicode61');
        CREATE VIRTUAL TABLE grams USING fts5(body, content='', tokenize='trigram');
        CREATE TABLE vocab(word TEXT, lang TEXT, df INTEGER, PRIMARY KEY (word, lang))
            WITHOUT ROWID;
        -- `inner`: a one-word form's folded letters, which a query word must hold for the
        -- form to stand in it (see `search.query`); '' for a form of several words.
        CREATE TABLE glossary(term INTEGER, lang TEXT, form TEXT, inner TEXT);
        CREATE TABLE translations(word TEXT, other TEXT, lang TEXT, score REAL);
    """)
    if glossary_file is not None:
        # The glossary's forms, so a query word can reach its translations without the YAML.
        from drugstrat.terms.glossary import load

        glossary = load(glossary_file)
        connection.executemany("INSERT INTO translations VALUES (?, ?, ?, ?)",
                               _lexicon_translations(kb, glossary, glossary_file))
        for number, term in enumerate(glossary.terms):
            connection.executemany(
                "INSERT INTO glossary VALUES (?, ?, ?, ?)",
                [(number, lang, form, "" if " " in form else
                  fold(form.strip("*")).replace("-", " "))
                 for lang, forms in term.forms.items() for form in forms])
    from drugstrat.search.forms import WordForms

    df: dict[tuple[str, str], int] = {}
    rows = []
    analysers = {lang: WordForms(language(lang), _compounds(kb, lang)) for lang in kb.langs}
    for rowid, record in enumerate(kb.records(), start=1):
        folded = fold(record["text"])
        found = words(folded)
        forms = analysers[record["lang"]]
        rows.append((rowid, record["id"], record["lang"], record["type"],
                     kb.objective_number(record["id"]), len(found), folded,
                     " ".join(forms.stem(w) for w in found),
                     " ".join(part for w in found for part in forms.parts(w)),
                     folded if forms.lang.closed_compounds else ""))
        for word in set(found):
            df[word, record["lang"]] = df.get((word, record["lang"]), 0) + 1
    connection.executemany("INSERT INTO records VALUES (?, ?, ?, ?, ?, ?)",
                           [row[:6] for row in rows])
    for table, column in (("words", 6), ("stems", 7), ("parts", 8), ("grams", 9)):
        connection.executemany(f"INSERT INTO {table}(rowid, body) VALUES (?, ?)",
                               [(row[0], row[column]) for row in rows])
    connection.executemany("INSERT INTO vocab VALUES (?, ?, ?)",
                           sorted((word, lang, n) for (word, lang), n in df.items()))
    connection.execute("INSERT INTO meta VALUES ('stamp', ?)", (stamp,))
    lengths = [row[5] for row in rows]
    connection.execute("INSERT INTO meta VALUES ('records', ?)", (str(len(rows)),))
    connection.execute("INSERT INTO meta VALUES ('average_length', ?)",
                       (str(sum(lengths) / max(len(lengths), 1)),))
    connection.commit()


def _compounds(kb: KB, lang: str) -> dict[str, tuple[str, ...]]:
    """The language's closed compounds, split into the parts its text attests."""
    from drugstrat.terms.tokens import find_compounds

    return find_compounds((w for r in kb.records(lang) for w in words(fold(r["text"]))),
                          language(lang))


LEXICON_MIN = 0.3  # translations the lexicon is this sure of reach across languages


def _lexicon_translations(kb: KB, glossary: Glossary,
                          glossary_file: Path | None) -> list[tuple[str, str, str, float]]:
    """Word -> a word translating it, the translation's language, and the lexicon's score, in
    both directions: what a query word reaches in the other language beyond the glossary."""
    from drugstrat.kb.lexicon import lexicons_of

    rows = []
    for lexicon in lexicons_of(kb, glossary, glossary_file) if len(kb.langs) > 1 else []:
        a, b = lexicon.langs
        for key, row in lexicon.scores.items():
            for other, score in row.items():
                if score < LEXICON_MIN:
                    continue
                for word in lexicon.written(a, key):
                    for translation in lexicon.written(b, other):
                        rows += [(word, translation, b, score), (translation, word, a, score)]
    return rows
