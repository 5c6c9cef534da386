"""What a person types, forgiven: an id (`SO 3`, `SD.3`, `so3`, `3.4.` for SO3 and 3.4), a
record type (`so`, `specific`, `Target-groups`) or a strategic objective (`3`, `SD 3`)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from drugstrat import ids
from drugstrat.errors import InputError

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


def plural(name: str) -> str:
    """A type's name in the plural, as English writes it: `signatory` -> `signatories`,
    `target_group` -> `target_groups`, `mission_means` stays as it is."""
    if name.endswith("s"):
        return name
    if name.endswith("y") and name[-2:-1] not in "aeiou":
        return name[:-1] + "ies"
    return name + "s"


def resolve_type(typed: str, types: list[str]) -> str:
    """The record type `typed` names among `types`: the type itself in any case, with hyphens
    or spaces, in the singular or the plural, an abbreviation (singular or plural), or a prefix
    or the initials only one type has. Anything else is an `InputError` listing the types."""
    from drugstrat.languages import all_of

    wanted = re.sub(r"[\s_-]+", "_", typed.strip().lower())
    short = {**ABBREVIATIONS, **{label.lower(): "strategic_objective"
                                 for label in all_of("objective_labels")}}
    # Every name in both numbers: "signatories" is a signatory, "groups" a target group.
    named = {form: t for t in types for form in (t, plural(t))}
    named.update({form: t for word, t in short.items() if t in types
                  for form in (word, plural(word))})
    if wanted in named:
        return named[wanted]
    # Initials (`sd`) or the start of one type's name (`spec`), in the plural too (`specs`);
    # a misspelt plural of a whole name (`signatorys`) is no start of it.
    forms = [wanted] + ([wanted[:-1]] if wanted.endswith("s") else [])
    for form in forms:
        initials = [t for t in types if "".join(w[0] for w in t.split("_")) == form]
        starting = [t for t in types if t.startswith(form) and t != form] \
            if len(form) >= 2 else []
        for found in (initials, starting):
            if len(found) == 1:
                return found[0]
    raise InputError(f"{typed!r} is not a record type here; types: {', '.join(types)}")


def resolve_objective(typed: str, kb: KB) -> int:
    """The number of the strategic objective `typed` names: `3`, `SO3`, `SO 3`, `SD.3`, or any
    record under it (`3.4`)."""
    text = typed.strip()
    if text.isdigit():
        text = ids.strategic(text)
    found = resolve(text, kb.ids)
    number = kb.objective_number(found) if found else None
    if number is None:
        raise InputError(f"{typed!r} names no strategic objective here (give 3, SO3 or SD 3)")
    return number


_SPECIFIC = re.compile(r"^(\d+)\s*\.\s*(\d+)\.?$")


def canonical(query: str) -> str:
    """The id a typed reference most likely means, before looking it up."""
    from drugstrat.languages import all_of

    text = query.strip()
    labels = "|".join(re.escape(label) for label in all_of("objective_labels"))
    if match := re.fullmatch(rf"(?:{labels})\s*\.?\s*(\d+)\.?", text, re.IGNORECASE):
        return ids.strategic(match.group(1))
    if match := _SPECIFIC.match(text):
        return ids.specific(match.group(1), match.group(2))
    return text


def resolve(query: str, known: list[str]) -> str | None:
    """The id in `known` that `query` names, ignoring case and the spelling of labels."""
    if query in known:
        return query  # as typed: no label to read
    wanted = canonical(query)
    if wanted in known:
        return wanted
    folded = {record_id.casefold(): record_id for record_id in known}
    return folded.get(wanted.casefold())


def suggest(query: str, known: list[str], limit: int = 5) -> list[str]:
    """Ids close to a query that named none, best first. A bare number is an objective's:
    `3` suggests SO3 and its specific objectives before endnote n3."""
    if (number := query.strip().rstrip(".")).isdigit():
        n = int(number)
        under = [i for i in known if (ids.specific_numbers(i) or (0, 0))[0] == n]
        ordered = [ids.strategic(n), *under, ids.endnote(n)]
        found = [i for i in dict.fromkeys(ordered) if i in known]
        if found:
            return found[:limit]
    import difflib

    wanted = canonical(query).casefold()
    folded = {record_id.casefold(): record_id for record_id in known}
    close = difflib.get_close_matches(wanted, list(folded), n=limit, cutoff=0.6)
    # Children share a prefix ("SO3.p2" for "SO3.p9"); offer them when nothing is close.
    if not close:
        close = [f for f in folded if f.startswith(wanted.split(".")[0])][:limit]
    return [folded[c] for c in close]
