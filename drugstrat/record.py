"""The record: the one shape every stage passes on, from the parser to the exports.

A record is a typed dict rather than a class: the query path reads thousands of them straight from
the JSON cache, and a dict costs nothing to build there. The pydantic model that validates YAML
(`drugstrat.kb.schema`) checks the same fields at the edges, never on the query path.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Required, TypedDict, cast

# The core types of the contract and the ones the parser adds (README, "Record types").
RECORD_TYPES = (
    "title_page", "section", "toc_entry", "paragraph", "list_item",
    "strategic_objective", "specific_objective", "target_group", "scope_item",
    "mission_aim", "mission_means", "endnote", "signatory", "coordinator",
)
OBJECTIVE_TYPES = ("strategic_objective", "specific_objective")
# Records whose text names people and offices, not the policy's terms.
PEOPLE_TYPES = ("signatory", "coordinator")


class Emphasis(TypedDict):
    kind: str  # "bold" or "italic"
    start: int  # character offsets into the record's text
    end: int
    text: str


class Record(TypedDict, total=False):
    id: Required[str]
    type: Required[str]
    lang: Required[str]
    text: Required[str]
    parent: str
    number: str
    honorific: str
    name: str
    office: str
    in_list: str  # the id of the bullet list a list item belongs to
    emphasis: list[Emphasis]
    cites: list[int]  # endnote numbers cited in the text
    cited_by: list[str]  # on an endnote: the records citing it
    # Set by alignment where another language merged two of the reference's records into one
    # (`merges`: the reference ids it covers) or split one (`continues`: the id it continues).
    merges: list[str]
    continues: str
    aligned: bool  # False when some other language has no record with this id
    line: int  # line in the source text


# Key order of a record in the YAML: identity first, the text, then structure. Anything else on
# a record was added by a person (`status`, `note`) and is carried over by every rebuild.
KEY_ORDER = (
    "id", "type", "lang", "parent", "number", "honorific", "name", "office", "in_list", "text",
    "emphasis", "cites", "cited_by", "merges", "continues", "aligned", "line",
)
PARSER_FIELDS = frozenset(KEY_ORDER)


def person_fields(record: Mapping[str, Any]) -> dict[str, Any]:
    """The fields a person added to a record (review status, notes, dates …)."""
    return {key: value for key, value in record.items() if key not in PARSER_FIELDS}


def add_fields(record: Record, fields: Mapping[str, Any]) -> None:
    """Put a person's fields on a record (the typed keys cannot name them)."""
    cast(dict[str, Any], record).update(fields)


def field(record: Record, key: str) -> Any:
    """Any field by name, a person's own ones included (the typed keys cannot name those)."""
    return cast(dict[str, Any], record).get(key)
