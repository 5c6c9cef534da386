"""Findings kept beside the cache: the checks of an unchanged knowledge base — the same records,
glossary and lexicon, the same spelling dictionaries, the same drugstrat — find what they found
the last time, so a reviser's next `diff` (after accepting a finding, to see it as JSON, or as
a page) answers without running them again. Acceptances are not part of what is kept: they are
set on the findings each run (`diff.judged`).

A knowledge base is handed from person to person, and a kept file could be written to hide an
error; so the file is signed with this user's key (`storage.usercache`) and a file signed by
anyone else — or by nobody, where no key can be kept — is not believed: the checks run.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
from functools import lru_cache
from pathlib import Path
from typing import Any

from drugstrat.diff.model import Finding, Severity
from drugstrat.kb.store import KB, read_cache_file, side_files

FINDINGS_VERSION = 1
# Findings folded into another carry none of their own; deeper nesting is not of our making.
MAX_DEPTH = 2

LangPair = tuple[str, str]


def recall(kb: KB, pair: LangPair, stamp: str) -> list[Finding] | None:
    """The findings kept for this pair under this stamp (see `stamp`), signed by this user;
    None when there are none (or they are someone else's, stale or damaged)."""
    from drugstrat.storage.usercache import signing_key

    key = signing_key()
    if key is None:
        return None
    for path in _places(kb, pair):
        data = read_cache_file(path)
        if data is None:
            continue
        signature, _, body = data.partition(b"\n")
        if not hmac.compare_digest(signature, _sign(key, body).encode()):
            continue
        try:
            document = json.loads(body)
            if document.get("stamp") != stamp:
                continue
            return [_finding(item, 0) for item in document["findings"]]
        except (ValueError, TypeError, KeyError, AttributeError):
            continue
    return None


def keep(kb: KB, pair: LangPair, stamp: str, findings: list[Finding]) -> None:
    """Keep this pair's findings (none accepted yet) beside the cache, signed; where nothing can
    be written, or no key kept, they are found again next time."""
    from drugstrat.storage.atomic import atomic_write_bytes
    from drugstrat.storage.usercache import signing_key

    key = signing_key()
    if key is None:
        return
    body = json.dumps({"stamp": stamp, "findings": [_plain(f) for f in findings]},
                      ensure_ascii=False, separators=(",", ":")).encode()
    for path in _places(kb, pair):
        try:
            atomic_write_bytes(path, _sign(key, body).encode() + b"\n" + body, follow=False)
            return
        except OSError:
            continue


def stamp(lexicon_stamp: str, spellers: list[object]) -> str:
    """What the findings of a pair depend on: the stamp of its lexicon (the knowledge base's
    files, glossary and dictionaries), the spelling dictionaries' stamps, and drugstrat's own
    code."""
    return json.dumps([FINDINGS_VERSION, _code_stamp(), lexicon_stamp, spellers])


def _places(kb: KB, pair: LangPair) -> list[Path]:
    return side_files(kb.root, f"findings-{pair[0]}-{pair[1]}")


def _sign(key: bytes, body: bytes) -> str:
    return hmac.new(key, body, hashlib.sha256).hexdigest()


@lru_cache(maxsize=1)
def _code_stamp() -> str:
    """drugstrat's modules as installed (names, sizes, times): a check changed — a new release,
    or a developer's edit in place — finds again."""
    package = Path(__file__).resolve().parent.parent
    digest = hashlib.sha256()
    for folder, dirs, files in os.walk(package):
        dirs[:] = sorted(d for d in dirs if not d.startswith((".", "__")) and d != "data")
        for name in sorted(files):
            if name.endswith(".py"):
                info = os.stat(os.path.join(folder, name))
                digest.update(f"{folder}/{name}:{info.st_size}:{info.st_mtime_ns}\n".encode())
    return digest.hexdigest()


def _plain(finding: Finding) -> dict[str, Any]:
    return {"id": finding.id, "type": finding.type, "check": finding.check,
            "severity": finding.severity.value, "message": finding.message,
            "evidence": finding.evidence, "key": finding.key,
            "spans": {lang: [list(span) for span in spans]
                      for lang, spans in finding.spans.items()},
            "langs": list(finding.langs), "related": [_plain(r) for r in finding.related]}


def _finding(item: Any, depth: int) -> Finding:
    """A finding from what `_plain` wrote; anything else is a ValueError."""
    if not isinstance(item, dict) or depth > MAX_DEPTH:
        raise ValueError("not a kept finding")
    texts = {name: item[name] for name in ("id", "type", "check", "message", "key")}
    evidence, spans, langs = item["evidence"], item["spans"], item["langs"]
    if not (all(isinstance(v, str) for v in texts.values())
            and _strings_by_string(evidence) and isinstance(spans, dict)
            and isinstance(langs, list) and len(langs) == 2
            and all(isinstance(lang, str) for lang in langs)
            and isinstance(item["related"], list)):
        raise ValueError("not a kept finding")
    return Finding(**texts, severity=Severity(item["severity"]), evidence=dict(evidence),
                   spans={str(lang): [_span(s) for s in _listed(v)] for lang, v in spans.items()},
                   langs=(langs[0], langs[1]),
                   related=[_finding(r, depth + 1) for r in item["related"]])


def _strings_by_string(value: Any) -> bool:
    return isinstance(value, dict) and all(
        isinstance(k, str) and isinstance(v, str) for k, v in value.items())


def _listed(value: Any) -> list[Any]:
    if not isinstance(value, list):
        raise ValueError("not a list")
    return value


def _span(value: Any) -> tuple[int, int]:
    if (isinstance(value, list) and len(value) == 2
            and all(type(n) is int for n in value)):
        return value[0], value[1]
    raise ValueError("not a span")
