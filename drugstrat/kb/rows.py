"""The one side-by-side row: how every command that puts the languages next to each other shapes
a row for scripts (`list --wide`, `search --wide`, `export --format jsonl`, `groups`, `terms`,
`xref`).

    {"id", "type", "parent", "number",      a record's row only: who it is (null where none)
     "en": "…", "nl": "…",                  one key per language: its text, or null
     …,                                     what the command adds (rank, score, mentions …)
     "langs": {"en": {…}, "nl": {…}}}       what belongs to one language only

The keys do not depend on the data: a field one language's record lacks is absent from its
object under `langs`, never turned into a key of its own (`line:en`); CSV writes the objects
under `langs` as `FIELD:LANG` columns.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from drugstrat.kb.store import KB
from drugstrat.record import KEY_ORDER, Record

IDENTITY = ("id", "type", "parent", "number")
# A record's fields that are the row's own (its identity, its text, whether it is aligned):
# the rest of each version goes under `langs`.
OWN = frozenset((*IDENTITY, "lang", "text", "aligned"))


def row(texts: Mapping[str, str | None], fields: Mapping[str, Any] | None = None,
        per_lang: Mapping[str, Mapping[str, Any]] | None = None,
        identity: Mapping[str, Any] | None = None) -> dict[str, Any]:
    """A side-by-side row, its keys in the documented order."""
    return {**(identity or {}), **texts, **(fields or {}),
            "langs": {code: dict((per_lang or {}).get(code, {})) for code in texts}}


def record_row(kb: KB, record_id: str, langs: Iterable[str],
               fields: Mapping[str, Any] | None = None) -> dict[str, Any]:
    """The row of one record: its identity, its text in each of `langs`, whether every
    language of the knowledge base has it, then `fields`; each version's other fields (line,
    emphasis, merges, a person's status …) under `langs`."""
    langs = list(langs)
    versions = kb.get(record_id, langs)
    some: Record | None = next(iter(versions.values()), None) or kb.record(record_id)
    identity = {"id": record_id, "type": some["type"] if some else None,
                "parent": some.get("parent") if some else None,
                "number": some.get("number") if some else None}
    texts = {code: versions[code]["text"] if code in versions else None for code in langs}
    own = {"aligned": all(record_id in kb.by_id[code] for code in kb.langs), **(fields or {})}
    per_lang = {code: {key: value for key, value in record.items() if key not in OWN}
                for code, record in versions.items()}
    return row(texts, own, per_lang, identity)


def record_rows(kb: KB, ids: Iterable[str], langs: Iterable[str]) -> list[dict[str, Any]]:
    """The rows of these records (those with a version in one of `langs`)."""
    langs = list(langs)
    return [record_row(kb, i, langs) for i in ids if kb.get(i, langs)]


def per_lang_fields(kb: KB) -> list[str]:
    """Every field a version may carry under `langs` in this knowledge base, in the record's
    key order and then a person's own: the same columns whatever part of it a command
    shows."""
    found = dict.fromkeys(key for record in kb.records() for key in record if key not in OWN)
    return [k for k in KEY_ORDER if k in found] + [k for k in found if k not in KEY_ORDER]


def record_fields(kb: KB) -> list[str]:
    """Every field a record of this knowledge base has, in the record's key order and then a
    person's own (for a CSV header that stays the same whatever the selection)."""
    found = dict.fromkeys(key for record in kb.records() for key in record)
    return [k for k in KEY_ORDER if k in found] + [k for k in found if k not in KEY_ORDER]
