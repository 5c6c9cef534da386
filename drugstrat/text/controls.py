"""Characters that must not pass on as they are: controls to a terminal, and what XML forbids.

Record text comes from documents and from YAML people edit; a PDF extractor or a careless edit
can leave an ESC sequence (which a terminal obeys) or a U+FFFF (which makes a TMX file
ill-formed for every CAT tool). This module is the one place that knows those sets.
"""

from __future__ import annotations

import re
from functools import cache

# C0 and C1 controls except tab and newline, DEL, lone surrogates (no encoding can write them)
# and the noncharacters (no font shows them; a parser may refuse them).
_TERMINAL_CONTROL = "[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\ufdd0-\ufdef\ufffe\uffff]"
# What XML 1.0 cannot carry even escaped: C0 controls but tab, LF and CR; lone surrogates; and
# the noncharacters U+FFFE and U+FFFF.
_XML_FORBIDDEN = "[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]"


@cache
def _compiled(pattern: str) -> re.Pattern[str]:
    """Compiled on first use: this module is on every command's start-up path."""
    return re.compile(pattern)


def visible(text: str) -> str:
    """Control characters shown as escapes (`\\x1b`, `\\uffff`), so they cannot act on a
    terminal or break a page."""
    return _compiled(_TERMINAL_CONTROL).sub(_escape, text)


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def xml_forbidden(text: str) -> list[str]:
    """The characters of `text` XML 1.0 cannot carry, as `U+FFFF` codes."""
    return sorted({f"U+{ord(ch):04X}" for ch in _compiled(_XML_FORBIDDEN).findall(text)})


def xml_safe(text: str) -> str:
    """The text without the characters XML 1.0 cannot carry."""
    return _compiled(_XML_FORBIDDEN).sub("", text)


# A cell a spreadsheet would run as a formula (OWASP, "CSV Injection"): one starting with =, +,
# -, @, or a tab or carriage return before them.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def formula_safe(value: object) -> object:
    """A CSV cell a spreadsheet shows as text: one it would run as a formula gets a leading
    apostrophe (which spreadsheets hide). Other values pass as they are."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value
