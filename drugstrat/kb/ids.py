"""Forgiving ids: what an analyst types (`SO 3`, `SD.3`, `so3`, `3.4.`) to the record's id."""

from __future__ import annotations

import difflib
import re

from drugstrat.languages import all_of

_SPECIFIC = re.compile(r"^(\d+)\s*\.\s*(\d+)\.?$")


def canonical(query: str) -> str:
    """The id a typed reference most likely means, before looking it up."""
    text = query.strip()
    labels = "|".join(re.escape(label) for label in all_of("objective_labels"))
    if match := re.fullmatch(rf"(?:{labels})\s*\.?\s*(\d+)\.?", text, re.IGNORECASE):
        return f"SO{int(match.group(1))}"
    if match := _SPECIFIC.match(text):
        return f"{int(match.group(1))}.{int(match.group(2))}"
    return text


def resolve(query: str, ids: list[str]) -> str | None:
    """The id in `ids` that `query` names, ignoring case and the spelling of labels."""
    wanted = canonical(query)
    if wanted in ids:
        return wanted
    folded = {record_id.casefold(): record_id for record_id in ids}
    return folded.get(wanted.casefold())


def suggest(query: str, ids: list[str], limit: int = 5) -> list[str]:
    """Ids close to a query that named none, best first. A bare number is an objective's:
    `3` suggests SO3 and its specific objectives before endnote n3."""
    if (number := query.strip().rstrip(".")).isdigit():
        n = int(number)
        ordered = [f"SO{n}", *(i for i in ids if i.startswith(f"{n}.")), f"n{n}"]
        found = [i for i in dict.fromkeys(ordered) if i in ids]
        if found:
            return found[:limit]
    wanted = canonical(query).casefold()
    folded = {record_id.casefold(): record_id for record_id in ids}
    close = difflib.get_close_matches(wanted, list(folded), n=limit, cutoff=0.6)
    # Children share a prefix ("SO3.p2" for "SO3.p9"); offer them when nothing is close.
    if not close:
        close = [f for f in folded if f.startswith(wanted.split(".")[0])][:limit]
    return [folded[c] for c in close]
