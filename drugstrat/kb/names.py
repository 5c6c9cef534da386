"""What a person types for a record type or a strategic objective, forgiven as ids are: `so`,
`specific`, `Target-groups`, `SO3`, `SD 3`."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from drugstrat.errors import InputError
from drugstrat.languages import all_of

if TYPE_CHECKING:
    from drugstrat.kb.store import KB

# Short names people use for the types of the genre; besides, each language's label of a
# strategic objective ("SO", "SD", "OS") names that type.
ABBREVIATIONS = {
    "strategic": "strategic_objective",
    "specific": "specific_objective", "objective": "specific_objective",
    "group": "target_group", "para": "paragraph", "item": "list_item", "note": "endnote",
    "aim": "mission_aim", "means": "mission_means", "scope": "scope_item",
    "toc": "toc_entry", "contents": "toc_entry", "minister": "signatory",
}


def resolve_type(typed: str, types: list[str]) -> str:
    """The record type `typed` names among `types`: the type itself in any case, with hyphens
    or spaces, singular or plural, an abbreviation or a prefix only one type has. Anything
    else is an `InputError` listing the types."""
    wanted = re.sub(r"[\s_-]+", "_", typed.strip().lower())
    short = {**ABBREVIATIONS, **{label.lower(): "strategic_objective"
                                 for label in all_of("objective_labels")}}
    for form in (wanted, wanted[:-1] if wanted.endswith("s") else wanted):
        if form in types:
            return form
        if short.get(form) in types:
            return short[form]
        initials = [t for t in types if "".join(w[0] for w in t.split("_")) == form]
        starting = [t for t in types if t.startswith(form)] if len(form) >= 2 else []
        for found in (initials, starting):
            if len(found) == 1:
                return found[0]
    raise InputError(f"{typed!r} is not a record type here; types: {', '.join(types)}")


def resolve_objective(typed: str, kb: KB) -> int:
    """The number of the strategic objective `typed` names: `3`, `SO3`, `SO 3`, `SD.3`, or any
    record under it (`3.4`)."""
    from drugstrat.kb.ids import resolve

    text = typed.strip()
    if text.isdigit():
        text = f"SO{int(text)}"
    found = resolve(text, kb.ids)
    number = kb.objective_number(found) if found else None
    if number is None:
        raise InputError(f"{typed!r} names no strategic objective here (give 3, SO3 or SD 3)")
    return number
