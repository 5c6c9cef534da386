"""Web and e-mail addresses in running text: what the `urls` check compares across the
languages, and where a citation finds the publisher's site."""

from __future__ import annotations

import re

# A web address (with its scheme or starting "www.") or an e-mail address; a sentence's full
# stop, a closing bracket or a comma after it is no part of it.
ADDRESS = re.compile(r"(?:https?://|www\.)[^\s)\]>,;]+[^\s)\]>,;.]|[\w.+-]+@[\w-]+(?:\.[\w-]+)+")


def web_addresses(text: str) -> list[str]:
    """The web addresses of a text, as links (`www.x.be` -> `https://www.x.be`)."""
    return [found if "://" in found else f"https://{found}"
            for found in (m.group() for m in ADDRESS.finditer(text)) if "@" not in found]
