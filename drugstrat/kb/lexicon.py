"""The knowledge base's lexicons: one per pair of its languages (the reference with each other),
learned from the aligned records at build time (`drugstrat.terms.learning`) and kept beside the
cache, stamped with what they were learned from, so that a query or a check reads them instead
of learning them again.

Only the sources and the glossary go into a lexicon — never a resource installed on one machine
and not another — because target groups are aligned through it, and ids must not depend on the
machine that built them.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from pathlib import Path

from drugstrat import __version__
from drugstrat.kb.store import KB, side_files
from drugstrat.record import Record
from drugstrat.terms.glossary import Glossary
from drugstrat.terms.learning import dictionaries, learn
from drugstrat.terms.lexicon import Lexicon

LEXICON_VERSION = 3


def learned(root: Path, versions: dict[str, list[Record]], langs: tuple[str, str],
            glossary: Glossary, glossary_file: Path | None) -> Lexicon:
    """The lexicon of these records as a build needs it: the one kept beside the cache when it
    was learned from the very same records and glossary (a rebuild of unchanged sources, or
    `build --check`), else learned now."""
    origin = _origin(versions, langs, glossary_file)
    lexicon = _kept(root, langs, "origin", origin) or learn(versions, langs, glossary)
    lexicon.origin = origin
    return lexicon


def _origin(versions: dict[str, list[Record]], langs: tuple[str, str],
            glossary_file: Path | None) -> str:
    """A digest of what learning reads: the records' ids, types, texts and merges, the
    glossary's bytes, and the version of the learning."""
    digest = hashlib.sha256(f"{__version__}/{LEXICON_VERSION}".encode())
    for lang in langs:
        digest.update(json.dumps([[r["id"], r["type"], r["text"], r.get("merges"),
                                   r.get("continues")] for r in versions[lang]],
                                 ensure_ascii=False).encode())
    if glossary_file is not None and glossary_file.is_file():
        digest.update(glossary_file.read_bytes())
    digest.update(json.dumps(dictionaries(langs)).encode())
    return digest.hexdigest()


def lexicon_for(kb: KB, langs: tuple[str, str], glossary: Glossary,
                glossary_file: Path | None) -> Lexicon:
    """The pair's lexicon from beside the cache, learned (and kept) when missing or stale."""
    kept = _kept(kb.root, langs, "stamp", _stamp(kb, langs, glossary_file))
    if kept is not None:
        return kept
    lexicon = learn(kb.versions, langs, glossary)
    lexicon.origin = _origin(kb.versions, langs, glossary_file)
    save(kb, lexicon, glossary_file)
    return lexicon


def lexicons_of(kb: KB, glossary: Glossary, glossary_file: Path | None) -> list[Lexicon]:
    """The lexicon of the reference with each other language."""
    return [lexicon_for(kb, (kb.reference, other), glossary, glossary_file)
            for other in kb.langs[1:]]


def lexicons_for(kb: KB, pairs: Iterable[tuple[str, str]], glossary: Glossary,
                 glossary_file: Path | None) -> dict[tuple[str, str], Lexicon]:
    """The lexicon of each language pair asked for, as `diff` runs them."""
    return {pair: lexicon_for(kb, pair, glossary, glossary_file) for pair in pairs}


def save(kb: KB, lexicon: Lexicon, glossary_file: Path | None) -> None:
    from drugstrat.storage.atomic import atomic_write_text

    payload = json.dumps({"stamp": _stamp(kb, lexicon.langs, glossary_file),
                          "origin": lexicon.origin, "lexicon": lexicon.to_json()},
                         ensure_ascii=False, separators=(",", ":"))
    for path in _candidates(kb.root, lexicon.langs):
        try:
            atomic_write_text(path, payload)
            return
        except OSError:
            continue  # nowhere to keep it: it is learned again next time


def _stamp(kb: KB, langs: Iterable[str], glossary_file: Path | None) -> str:
    glossary = None
    if glossary_file and glossary_file.is_file():
        info = glossary_file.stat()
        glossary = [str(glossary_file), info.st_size, info.st_mtime_ns]
    return json.dumps({"version": LEXICON_VERSION, "hashes": kb.hashes, "langs": list(langs),
                       "glossary": glossary, "dictionaries": dictionaries(tuple(langs))},
                      sort_keys=True)


def _kept(root: Path, langs: tuple[str, str], key: str, value: str) -> Lexicon | None:
    """The pair's lexicon kept beside the cache whose `key` ("stamp": the knowledge base's
    files; "origin": what it was learned from) is `value`; None if there is none, or it is
    damaged (it is then learned again)."""
    for path in _candidates(root, langs):
        try:
            data = json.loads(path.read_bytes())
            if isinstance(data, dict) and data.get(key) == value:
                lexicon = Lexicon.from_json(data["lexicon"])
                lexicon.origin = str(data.get("origin") or "")
                return lexicon
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            continue
    return None


def _candidates(root: Path, langs: tuple[str, str]) -> list[Path]:
    return side_files(root, f"lexicon-{langs[0]}-{langs[1]}")
