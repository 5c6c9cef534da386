"""Consoles for people, built so that text from a document or a YAML file is only ever data.

Record text may hold `[/i]`, emoji shortcodes or an ESC sequence put there by a PDF extractor or
a careless edit; rich would read the first two as markup and pass the last to the terminal.
"""

from __future__ import annotations

import re
import sys
from typing import Any

# C0 and C1 controls except tab and newline, and DEL.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def visible(text: str) -> str:
    """Control characters shown as escapes (`\\x1b`), so they cannot act on the terminal."""
    return _CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}", text)


def safe_text(text: str, style: str = "") -> Any:
    from rich.text import Text

    return Text(visible(text), style=style)


def stdout_console() -> Any:
    from rich.console import Console

    return Console(file=sys.stdout, emoji=False, highlight=False, markup=False)
