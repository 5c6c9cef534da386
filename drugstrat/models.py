"""The record schema, as pydantic models: used when building and when loading YAML, never on the
query path (pydantic's import alone costs more than a whole `show`).
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

# The core types of the contract (GUIDE) and the ones this parser adds. README lists them.
RECORD_TYPES = (
    "title_page", "section", "toc_entry", "paragraph", "list_item",
    "strategic_objective", "specific_objective", "target_group", "scope_item",
    "mission_aim", "mission_means", "endnote", "signatory", "coordinator",
)
RecordType = Literal[
    "title_page", "section", "toc_entry", "paragraph", "list_item",
    "strategic_objective", "specific_objective", "target_group", "scope_item",
    "mission_aim", "mission_means", "endnote", "signatory", "coordinator",
]

class Emphasis(BaseModel):
    model_config = ConfigDict(extra="forbid")

    kind: Literal["bold", "italic"]
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    text: str


class Record(BaseModel):
    # Extra keys are a person's annotations; they are kept, not rejected.
    model_config = ConfigDict(extra="allow")

    id: str = Field(min_length=1)
    type: RecordType
    lang: str = Field(pattern=r"^[a-z]{2,3}$")
    text: str
    parent: str | None = None
    number: str | None = None
    honorific: str | None = None
    name: str | None = None
    office: str | None = None
    in_list: str | None = None
    emphasis: list[Emphasis] = Field(default_factory=list)
    cites: list[int] = Field(default_factory=list)
    cited_by: list[str] = Field(default_factory=list)
    line: int | None = None
    # Set by alignment where the other language merged two of the reference's records into one
    # (`merges`: the reference ids it covers) or split one (`continues`: the id it continues).
    merges: list[str] = Field(default_factory=list)
    continues: str | None = None
    # False when the other language has no record with this id.
    aligned: bool = True
