"""General bilingual dictionaries: the FreeDict dictionaries Debian packages
(`dict-freedict-eng-nld`, `-nld-eng`, `-eng-fra`, `-fra-eng`, `-fra-nld`, `-nld-fra` …), read from
their dictd files, so that the lexicon of a language pair the glossary does not cover starts from
real translations ("prison" → "gevangenis", "douanier" → "customs officer").

Optional and detected, as the hunspell dictionaries are: without them a lexicon starts from the
glossary and cognates alone, and the build says so. `DRUGSTRAT_FREEDICT_PATH` (folders separated
by the path separator) is searched before Debian's `/usr/share/dictd`.

A dictd dictionary is an index (`headword TAB offset TAB length`, offsets in dictd's base 64)
and the text of its entries (`.dict`, or gzip-compatible `.dict.dz`). An entry is its headword
line ("prison /prizn/"), then its translations, comma-separated, numbered where several senses
are ("1. gevangenis, kerker").
"""

from __future__ import annotations

import gzip
import os
import re
from pathlib import Path
from typing import NamedTuple

SEARCH_PATH = ("/usr/share/dictd", "/usr/local/share/dictd", "/usr/share/freedict")
_B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
MAX_WORDS = 4  # words of a translation worth pairing: longer ones are explanations
MAX_BYTES = 64 * 1024 * 1024  # a dictionary larger than this is no FreeDict file
_SENSE = re.compile(r"^\s*\d+\.\s*")
_ASIDE = re.compile(r"\([^)]*\)|\[[^\]]*\]|<[^>]*>")
_PIECES = re.compile(r"[,;]")


class Dictionary(NamedTuple):
    name: str  # "freedict-eng-nld"
    edition: str  # as its header says ("0.2"), or ""
    entries: list[tuple[str, str]]  # (headword, translation), in the file's direction


def dictionary_dirs() -> list[Path]:
    extra = [d for d in os.environ.get("DRUGSTRAT_FREEDICT_PATH", "").split(os.pathsep) if d]
    return [Path(d) for d in (*extra, *SEARCH_PATH)]


def find(source: str, target: str) -> tuple[Path, Path] | None:
    """The index and text of the FreeDict dictionary from one language to another (ISO 639-3
    codes: "eng", "nld", "fra"), if one is installed."""
    name = f"freedict-{source}-{target}"
    for folder in dictionary_dirs():
        index = folder / f"{name}.index"
        for text in (folder / f"{name}.dict.dz", folder / f"{name}.dict"):
            if index.is_file() and text.is_file():
                return index, text
    return None


def load(source: str, target: str) -> Dictionary | None:
    """The dictionary from `source` to `target`; None where none is installed or it cannot be
    read (a damaged file is no reason to stop a build). Read to be prepared for lookup
    (`drugstrat.terms.dictindex`), once a machine: not kept in memory."""
    found = find(source, target)
    if found is None:
        return None
    index, text = found
    try:
        return _read(f"freedict-{source}-{target}", index, text)
    except (OSError, EOFError, ValueError, UnicodeDecodeError):
        return None


def _read(name: str, index: Path, text: Path) -> Dictionary:
    for path in (index, text):
        if path.stat().st_size > MAX_BYTES:
            raise ValueError(f"{path}: too large for a dictionary")
    raw = text.read_bytes()
    if text.suffix == ".dz":
        raw = gzip.decompress(raw)
    if len(raw) > 4 * MAX_BYTES:
        raise ValueError(f"{text}: too large for a dictionary")
    entries: list[tuple[str, str]] = []
    edition = ""
    for line in index.read_text(encoding="utf-8").splitlines():
        fields = line.split("\t")
        if len(fields) != 3:
            continue
        headword, offset, length = fields[0], _number(fields[1]), _number(fields[2])
        body = raw[offset:offset + length].decode("utf-8", errors="replace")
        if headword.startswith("00database"):
            if headword == "00databaseinfo" and (found := re.search(r"Edition:\s*(\S+)",
                                                                     body)):
                edition = found.group(1)
            continue
        entries.extend((headword, t) for t in translations(body))
    return Dictionary(name, edition, entries)


def translations(body: str) -> list[str]:
    """The translations an entry gives, each a short phrase (senses and explanations apart)."""
    lines = body.split("\n")[1:]  # the first line is the headword and its pronunciation
    out: list[str] = []
    for line in lines:
        line = line.strip()
        if line[:1].isdigit():
            line = _SENSE.sub("", line)
        if "(" in line or "[" in line or "<" in line:
            line = _ASIDE.sub("", line)
        for piece in _PIECES.split(line):
            piece = " ".join(piece.split())
            if piece and len(piece.split()) <= MAX_WORDS and not piece.startswith(("see ", "→")):
                out.append(piece)
    return out


_B64_VALUE = {ch: n for n, ch in enumerate(_B64)}


def _number(encoded: str) -> int:
    value = 0
    for ch in encoded:
        digit = _B64_VALUE.get(ch)
        if digit is None:
            raise ValueError(f"{encoded!r}: not a dictd number")
        value = value * 64 + digit
    return value
