"""The record schema as pydantic models: what a records file may hold. Used when building and
when loading YAML, never on the query path (pydantic's import alone costs more than a `show`).
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from drugstrat.record import RECORD_TYPES


class EmphasisModel(BaseModel):
    model_config = ConfigDict(extra="forbid")

    kind: Literal["bold", "italic"]
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    text: str


class RecordModel(BaseModel):
    # Extra keys are a person's annotations; they are kept, not rejected.
    model_config = ConfigDict(extra="allow")

    id: str = Field(min_length=1)
    type: str
    lang: str = Field(pattern=r"^[a-z]{2,3}$")
    text: str
    parent: str | None = None
    number: str | None = None
    honorific: str | None = None
    name: str | None = None
    office: str | None = None
    in_list: str | None = None
    emphasis: list[EmphasisModel] = Field(default_factory=list)
    cites: list[int] = Field(default_factory=list)
    cited_by: list[str] = Field(default_factory=list)
    line: int | None = None
    merges: list[str] = Field(default_factory=list)
    continues: str | None = None
    aligned: bool = True

    @field_validator("type")
    @classmethod
    def _known_type(cls, value: str) -> str:
        if value not in RECORD_TYPES:
            raise ValueError(f"unknown record type {value!r}")
        return value
