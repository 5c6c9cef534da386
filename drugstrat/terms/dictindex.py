"""A general bilingual dictionary (FreeDict, `drugstrat.terms.freedict`) prepared for lookup by
the stem of an entry's first word, so that a build reads only the entries its own words can
match.

Reading and stemming a dictionary takes longer than building a strategy — FreeDict's German–
English one holds three million translations, a minute's work — so it is done once a machine
and kept in the user's cache directory as an SQLite file, stamped with the dictionary file and
the stemmers. A build then asks for the stems of its own words and reads a few thousand rows,
where loading the whole prepared dictionary (hundreds of megabytes) would take longer than the
build. Where the cache cannot be written the dictionary is prepared in memory, once a process.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path

from drugstrat.languages import language
from drugstrat.text.stem import LONGEST_WORD

Entry = tuple[list[str], list[str], str, str]  # head's stems, translation's stems, both written
VERSION = 3
BATCH = 50_000  # entries stemmed and written at a time: memory stays flat on a large dictionary


def stamp(source: str, target: str) -> list[str | int] | None:
    """The installed dictionary from one language to the other: its file, size and time; None
    where there is none."""
    from drugstrat.terms.freedict import find

    codes = language(source).iso639_3, language(target).iso639_3
    found = find(*codes) if all(codes) else None
    if found is None:
        return None
    info = found[1].stat()
    return [str(found[1]), info.st_size, info.st_mtime_ns]


def lookup(source: str, target: str, mine: set[str],
           theirs: set[str]) -> tuple[str, list[Entry]] | None:
    """The dictionary's label ("freedict-eng-nld 0.2") and its entries whose every word has
    its stem among `mine` (the headword's) or `theirs` (the translation's); None where no
    dictionary is installed or it cannot be read."""
    key = _key(source, target)
    if key is None:
        return None
    kept = _kept(source, target, key)
    connection = kept or _in_memory(source, target, key)
    if connection is None:
        return None
    try:
        label = connection.execute("SELECT label FROM meta").fetchone()[0]
        return str(label), list(_entries(connection, mine, theirs))
    finally:
        if kept is not None:
            connection.close()


def _key(source: str, target: str) -> str | None:
    found = stamp(source, target)
    if found is None:
        return None
    return json.dumps([VERSION, found, language(source).snowball, language(target).snowball])


def _entries(connection: sqlite3.Connection, mine: set[str],
             theirs: set[str]) -> Iterator[Entry]:
    # The first words are matched by the database (an entry's first stem is indexed), the
    # others here: a few hundred thousand rows of a large dictionary reach this far, not millions.
    connection.executescript("CREATE TEMP TABLE mine (stem TEXT PRIMARY KEY);"
                             "CREATE TEMP TABLE theirs (stem TEXT PRIMARY KEY);")
    try:
        # A "word" of megabytes (a hostile line) is no dictionary's: never sent to be compared.
        connection.executemany("INSERT INTO mine VALUES (?)",
                               ((s,) for s in mine if len(s) <= LONGEST_WORD))
        connection.executemany("INSERT INTO theirs VALUES (?)",
                               ((s,) for s in theirs if len(s) <= LONGEST_WORD))
        rows = connection.execute(
            "SELECT head_stems, tail_stems, head, tail FROM entries JOIN mine USING (stem) "
            "WHERE tail_first IN theirs")
        for head_stems, tail_stems, head, tail in rows:
            head_keys, tail_keys = head_stems.split(" "), tail_stems.split(" ")
            if mine.issuperset(head_keys) and theirs.issuperset(tail_keys):
                yield head_keys, tail_keys, head, tail
    finally:
        connection.executescript("DROP TABLE temp.mine; DROP TABLE temp.theirs;")


def _path(source: str, target: str) -> Path:
    from drugstrat.storage.usercache import user_cache_dir

    return user_cache_dir() / f"freedict-{source}-{target}.sqlite"


def _kept(source: str, target: str, key: str) -> sqlite3.Connection | None:
    """The prepared dictionary in the user's cache, prepared there first if it is missing,
    stale or damaged; None where the cache cannot be written."""
    path = _path(source, target)
    connection = _open(path, key)
    if connection is not None:
        return connection
    from drugstrat.errors import InputError
    from drugstrat.storage.atomic import replacing

    try:
        with replacing(path, follow=False) as tmp:  # ours: never written through a link
            made = sqlite3.connect(tmp)
            try:
                if not _prepare(made, source, target, key):
                    raise _Unreadable
            finally:
                made.close()
    except (OSError, sqlite3.Error, InputError, _Unreadable):
        return None
    path.with_suffix(".json").unlink(missing_ok=True)  # kept by earlier versions, as JSON
    return _open(path, key)


class _Unreadable(Exception):
    """The installed dictionary could not be read: nothing to keep."""


def _open(path: Path, key: str) -> sqlite3.Connection | None:
    if not path.is_file():
        return None
    try:
        connection = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
        try:
            row = connection.execute("SELECT key FROM meta").fetchone()
        except sqlite3.Error:
            row = None
        if row is not None and row[0] == key:
            return connection
        connection.close()
    except sqlite3.Error:
        pass
    return None


@lru_cache(maxsize=4)
def _in_memory(source: str, target: str, key: str) -> sqlite3.Connection | None:
    connection = sqlite3.connect(":memory:", check_same_thread=False)
    return connection if _prepare(connection, source, target, key) else None


def _prepare(connection: sqlite3.Connection, source: str, target: str, key: str) -> bool:
    """Fill an empty database with the dictionary's entries by the stem of their first word;
    False where the dictionary cannot be read."""
    from drugstrat.terms.freedict import load

    found = load(language(source).iso639_3, language(target).iso639_3)
    if found is None:
        return False
    label = f"{found.name} {found.edition}".strip()
    connection.executescript("CREATE TABLE meta (key TEXT, label TEXT);"
                             "CREATE TABLE entries (stem TEXT, tail_first TEXT, head_stems TEXT,"
                             " tail_stems TEXT, head TEXT, tail TEXT);")
    for at in range(0, len(found.entries), BATCH):
        connection.executemany("INSERT INTO entries VALUES (?, ?, ?, ?, ?, ?)",
                               _rows(found.entries[at:at + BATCH], source, target))
    connection.execute("CREATE INDEX entries_by_stem ON entries (stem)")
    connection.execute("INSERT INTO meta VALUES (?, ?)", (key, label))
    connection.commit()
    return True


def _rows(entries: list[tuple[str, str]], source: str,
          target: str) -> Iterator[tuple[str, str, str, str, str, str]]:
    """An entry's row: its first stems (the indexed one and the translation's), all its stems
    (a stem holds no space: words are split on spaces before they are stemmed), its text."""
    from drugstrat.text.stem import snowball_many

    split = [(head.casefold().split(), tail.casefold().split()) for head, tail in entries]
    stems = [snowball_many({w for pair in split for w in pair[side]}, language(lang))
             for side, lang in ((0, source), (1, target))]
    for (head, tail), (head_words, tail_words) in zip(entries, split, strict=True):
        if head_words and tail_words:
            head_stems = [stems[0][w] for w in head_words]
            tail_stems = [stems[1][w] for w in tail_words]
            yield (head_stems[0], tail_stems[0], " ".join(head_stems), " ".join(tail_stems),
                   head, tail)
