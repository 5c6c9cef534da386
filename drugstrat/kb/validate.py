"""Validating a knowledge base: every records file against the schema, and the languages
against each other."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any, NotRequired, TypedDict

from drugstrat import SCHEMA_VERSION
from drugstrat.errors import KBError
from drugstrat.kb import manifest
from drugstrat.kb.align import alignment_problems
from drugstrat.kb.paths import records_path
from drugstrat.record import Record
from drugstrat.storage.plain import plain


class Problem(TypedDict):
    file: str  # relative to the knowledge base, as `en/records.yaml`
    line: int | None  # line in that file
    id: str | None
    lang: str
    problem: str
    source_line: NotRequired[int | None]  # line in the language's source text


def load_validated(root: Path, written: Mapping[Path, dict[str, Any]] | None = None
                   ) -> tuple[dict[str, list[Record]], list[Problem]]:
    """Load every language's YAML, in the knowledge base's order, and validate it. `written`
    holds documents as just written to their files (by a build, which need not read back
    megabytes of its own YAML).

    Returns the records and the schema problems (files of different builds among them); raises
    `KBError` only when a file cannot be read as YAML at all.
    """
    from pydantic import ValidationError

    from drugstrat.kb import yamlio
    from drugstrat.kb.generation import mixed
    from drugstrat.kb.paths import MANIFEST_FILE, inside, manifest_path
    from drugstrat.kb.schema import RecordModel

    langs = manifest.language_order(root)
    if not langs:
        raise KBError(f"{root}: no knowledge base here (expected {root}/<lang>/records.yaml; "
                      f"run `drugstrat build`)")
    versions: dict[str, list[Record]] = {}
    problems: list[Problem] = []
    generations: dict[str, str | None] = {}
    if manifest_path(root).is_file():
        generations[MANIFEST_FILE] = manifest.generation(root)
    for lang in langs:
        path = records_path(root, lang)
        where = _relative(root, path)
        if path not in (written or {}) and not path.is_file():
            problems.append(Problem(file=where, line=None, id=None, lang=lang,
                                    problem=f"missing, though {MANIFEST_FILE} lists {lang}; "
                                            f"rebuild with `drugstrat --data {root} build`, "
                                            f"or take {lang} out of {MANIFEST_FILE}"))
            continue
        inside(root, path)
        document = (written or {}).get(path) or yamlio.load(path)
        generations[where] = _generation(document.get("build"))
        if document.get("schema") != SCHEMA_VERSION:
            problems.append(Problem(file=where, line=1, id=None, lang=lang,
                                    problem=f"schema {document.get('schema')!r}, "
                                            f"expected {SCHEMA_VERSION}; rebuild"))
        records: list[Record] = []
        lines: list[int] | None = None
        seen: set[str] = set()
        for index, raw in enumerate(document["records"]):
            try:
                # A person's fields may hold any YAML value; the knowledge base holds its
                # plain JSON form (a date in ISO 8601), the YAML keeps the value itself.
                record: Record = RecordModel.model_validate(  # type: ignore[assignment]
                    plain(raw, _field_place(raw))).model_dump(exclude_defaults=True)
                record.setdefault("aligned", True)
                if record["lang"] != lang:
                    raise ValueError(f"lang is {record['lang']!r} in the {lang} file")
                if record["id"] in seen:
                    raise ValueError(f"duplicate id {record['id']!r}")
                seen.add(record["id"])
                records.append(record)
            except (ValidationError, ValueError, KBError) as exc:
                lines = lines if lines is not None else yamlio.record_lines(path)
                problems.append(Problem(
                    file=where, line=lines[index] if index < len(lines) else None,
                    id=raw.get("id") if isinstance(raw, dict) else None, lang=lang,
                    problem=_describe(exc)))
        versions[lang] = records
    problem = mixed(root, generations)
    if problem:
        problems.insert(0, Problem(file=MANIFEST_FILE, line=None, id=None, lang="",
                                   problem=problem))
    return versions, problems


def _generation(value: object) -> str | None:
    return str(value) if value is not None else None


def validate(root: Path) -> list[Problem]:
    """Schema and alignment problems of a knowledge base; empty when it is sound."""
    versions, problems = load_validated(root)
    for lang, records in versions.items():
        ids = {r["id"] for r in records}
        for record in records:
            parent = record.get("parent")
            if parent and parent not in ids:
                problems.append(Problem(file=_relative(root, records_path(root, lang)),
                                        line=None, id=record["id"], lang=lang,
                                        problem=f"parent {parent!r} does not exist"))
    for found in alignment_problems(versions):
        # These point at the record's place in its source text, where the difference shows.
        problems.append(Problem(file=_relative(root, records_path(root, found["lang"])),
                                line=None, id=found["id"], lang=found["lang"],
                                problem=found["problem"], source_line=found["line"]))
    return problems


def _field_place(raw: object) -> str:
    record_id = raw.get("id") if isinstance(raw, dict) else None
    return f"record {record_id}" if record_id is not None else "record"


def _relative(root: Path, path: Path) -> str:
    return path.relative_to(root).as_posix()


def _describe(exc: Exception) -> str:
    from pydantic import ValidationError

    if isinstance(exc, ValidationError):
        return "; ".join(
            f"{'.'.join(str(p) for p in err['loc']) or 'record'}: {err['msg']}"
            for err in exc.errors()
        )
    return str(exc)


def first_problem_message(root: Path, problems: list[Problem]) -> str:
    """One line for the first problem, pointing at `drugstrat validate` for the rest."""
    first = problems[0]
    path = root / first["file"]
    where = f"{path}:{first['line']}" if first.get("line") else str(path)
    more = (f" (and {len(problems) - 1} more; see `drugstrat validate`)"
            if len(problems) > 1 else "")
    return f"{where}: {first['problem']}{more}"
