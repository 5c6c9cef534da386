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
from collections import OrderedDict
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, TypeGuard

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
    lexicon = _kept(root, langs, "origin", origin) or _learn_once(versions, langs, glossary,
                                                                  origin)
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
        from drugstrat.storage.limits import read_regular

        digest.update(read_regular(glossary_file))
    digest.update(json.dumps(dictionaries(langs)).encode())
    return digest.hexdigest()


def lexicon_for(kb: KB, langs: tuple[str, str], glossary: Glossary,
                glossary_file: Path | None) -> Lexicon:
    """The pair's lexicon from beside the cache, learned (and kept) when missing or stale."""
    kept = _kept(kb.root, langs, "stamp", lexicon_stamp(kb, langs, glossary_file))
    if kept is not None:
        return kept
    origin = _origin(kb.versions, langs, glossary_file)
    lexicon = _learn_once(kb.versions, langs, glossary, origin)
    lexicon.origin = origin
    save(kb, lexicon, glossary_file)
    return lexicon


# Lexicons this process learned, by what they were learned from, newest last: a process that
# builds or checks the same texts again (a script calling the library, a test session) learns
# each once. Kept as JSON text, so that no caller's changes reach another.
_LEARNED: OrderedDict[str, str] = OrderedDict()
LEARNED_KEPT = 4


def _learn_once(versions: dict[str, list[Record]], langs: tuple[str, str], glossary: Glossary,
                origin: str) -> Lexicon:
    # The glossary itself is part of the key: one given without a file has no bytes in
    # the origin.
    key = f"{origin}/{hashlib.sha256(repr(glossary).encode()).hexdigest()}"
    if key not in _LEARNED:
        _LEARNED[key] = json.dumps(learn(versions, langs, glossary).to_json(),
                                   ensure_ascii=False)
        if len(_LEARNED) > LEARNED_KEPT:
            _LEARNED.popitem(last=False)
    _LEARNED.move_to_end(key)
    return Lexicon.from_json(json.loads(_LEARNED[key]))


def lexicons_of(kb: KB, glossary: Glossary, glossary_file: Path | None) -> list[Lexicon]:
    """The lexicon of the reference with each other language."""
    return [lexicon_for(kb, (kb.reference, other), glossary, glossary_file)
            for other in kb.langs[1:]]


def save(kb: KB, lexicon: Lexicon, glossary_file: Path | None) -> None:
    from drugstrat.storage.atomic import atomic_write_text

    payload = json.dumps({"stamp": lexicon_stamp(kb, lexicon.langs, glossary_file),
                          "origin": lexicon.origin, "lexicon": lexicon.to_json()},
                         ensure_ascii=False, separators=(",", ":"))
    for path in _candidates(kb.root, lexicon.langs):
        try:
            atomic_write_text(path, payload, follow=False)  # ours: never through a link
            return
        except OSError:
            continue  # nowhere to keep it: it is learned again next time


def lexicon_stamp(kb: KB, langs: Iterable[str], glossary_file: Path | None) -> str:
    """What the pair's lexicon kept beside the cache is learned from: the knowledge base's
    files, the glossary, the dictionaries; equal stamps, equal lexicons."""
    glossary = None
    if glossary_file and glossary_file.is_file():
        info = glossary_file.stat()
        glossary = [str(glossary_file), info.st_size, info.st_mtime_ns]
    return json.dumps({"version": LEXICON_VERSION, "hashes": kb.hashes, "langs": list(langs),
                       "glossary": glossary, "dictionaries": dictionaries(tuple(langs))},
                      sort_keys=True)


def _kept(root: Path, langs: tuple[str, str], key: str, value: str) -> Lexicon | None:
    """The pair's lexicon kept beside the cache whose `key` ("stamp": the knowledge base's
    files; "origin": what it was learned from) is `value`; None if there is none (it is then
    learned again). One that matches but is not this pair's, or not of the shape we write (a
    file edited, swapped or damaged), is learned again too, and said."""
    import warnings

    from drugstrat.errors import Notice
    from drugstrat.kb.store import read_cache_file

    for path in _candidates(root, langs):
        data = read_cache_file(path)
        if data is None:
            continue
        try:
            document = json.loads(data)
        except ValueError:
            continue
        if not isinstance(document, dict) or document.get(key) != value:
            continue
        inner = document.get("lexicon")
        if _well_formed(inner, langs):
            lexicon = Lexicon.from_json(inner)
            lexicon.origin = str(document.get("origin") or "")
            return lexicon
        warnings.warn(Notice(f"{path}: not the {'-'.join(langs)} lexicon of this knowledge "
                             f"base (damaged or swapped); learned again"), stacklevel=2)
    return None


def _well_formed(data: Any, langs: tuple[str, str]) -> TypeGuard[dict[str, Any]]:
    """Whether a kept lexicon is the lexicon of `langs` (in this order) in the shape
    `Lexicon.to_json` writes: a check of every value, cheaper than learning it again."""
    if not isinstance(data, dict) or data.get("langs") != list(langs):
        return False
    words = _table(str, (int, float))
    counts = _table(str, int)
    listed = _listing()
    return (_table(str, words)(data.get("scores"))
            and _table(str, counts)(data.get("occurrences"))
            and _table(str, counts)(data.get("reliability"))
            and listed(data.get("support"))
            and _table(str, listed)(data.get("compounds"))
            and _table(str, listed)(data.get("forms", {}))
            and _strings(data.get("attested", []))
            and _strings(data.get("seeded_by", [])))


Check = Callable[[Any], bool]


def _table(keys: type, values: type | tuple[type, ...] | Check) -> Check:
    """A check of a mapping of `keys` to `values` (types, or a check of each value)."""
    def check(value: Any) -> bool:
        if not isinstance(value, dict):
            return False
        if isinstance(values, (type, tuple)):
            return all(isinstance(k, keys) and isinstance(v, values)
                       and not isinstance(v, bool) for k, v in value.items())
        return all(isinstance(k, keys) and values(v) for k, v in value.items())
    return check


def _listing() -> Check:
    """A check of a mapping of strings to lists of strings."""
    return _table(str, _strings)


def _strings(value: Any) -> bool:
    return isinstance(value, list) and all(isinstance(v, str) for v in value)


def _candidates(root: Path, langs: tuple[str, str]) -> list[Path]:
    return side_files(root, f"lexicon-{langs[0]}-{langs[1]}")
