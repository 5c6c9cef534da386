"""Building, checking and validating a knowledge base on disk.

Layout of a knowledge base DIR:

    DIR/<lang>/<source>.txt   the language version it was built from (UTF-8)
    DIR/<lang>/records.yaml   the records; people may add fields, which survive a rebuild
    DIR/<lang>/orphans.yaml   fields people added to records that a rebuild no longer produces
    DIR/.cache/kb.json        compiled cache for queries (see `drugstrat.store`)
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from drugstrat import SCHEMA_VERSION
from drugstrat.align import align, alignment_problems, realign
from drugstrat.errors import InputError, KBError
from drugstrat.fsutil import atomic_write_text
from drugstrat.lang import language
from drugstrat.parser import ParseWarning, parse_text
from drugstrat.paths import ORPHANS_FILE, kb_languages, records_path
from drugstrat.textio import read_source


@dataclass
class LanguageBuild:
    lang: str
    source: Path
    source_name: str
    text: str
    records: list[dict]
    warnings: list[ParseWarning]
    yaml: str = ""
    orphans: list[dict] = field(default_factory=list)
    # The records file as it was on disk before this build (None: there was none), read once
    # for both the fields people added and the drift check.
    on_disk: dict | None = None


@dataclass
class BuildReport:
    root: Path
    languages: dict[str, LanguageBuild]
    drifted: list[Path] = field(default_factory=list)

    def counts(self) -> dict[str, dict[str, int]]:
        out: dict[str, dict[str, int]] = {}
        for lang, built in self.languages.items():
            counts: dict[str, int] = {}
            for record in built.records:
                counts[record["type"]] = counts.get(record["type"], 0) + 1
            out[lang] = dict(sorted(counts.items()))
        return out

    def unaligned(self) -> dict[str, int]:
        return {lang: sum(not r["aligned"] for r in built.records)
                for lang, built in self.languages.items()}


def recorded_sources(root: Path) -> dict[str, Path]:
    """The sources a knowledge base was built from, as its records files name them."""
    from drugstrat.yamlio import load_file

    sources: dict[str, Path] = {}
    for lang in kb_languages(root) or [p.name for p in sorted(root.glob("*")) if p.is_dir()]:
        name = None
        if records_path(root, lang).is_file():
            name = load_file(records_path(root, lang)).get("source")
        if name and (root / lang / name).is_file():
            sources[lang] = root / lang / name
            continue
        texts = sorted((root / lang).glob("*.txt"))
        if len(texts) == 1:
            sources[lang] = texts[0]
        elif texts:
            raise InputError(f"{root / lang}: several .txt files and no records.yaml naming one; "
                             f"build with --en/--nl")
    if not sources:
        raise InputError(f"{root}: no sources found (expected DIR/en/*.txt and DIR/nl/*.txt)")
    return sources


def prepare(sources: dict[str, Path], root: Path, encoding: str | None = None) -> BuildReport:
    """Parse, align and render everything a build would write, writing nothing."""
    from drugstrat.yamlio import load_file, render

    languages: dict[str, LanguageBuild] = {}
    results = {}
    for lang, path in sources.items():
        try:
            table = language(lang)
        except ValueError as exc:
            raise InputError(str(exc)) from None
        text = read_source(path, encoding)
        results[lang] = result = parse_text(text, table)
        languages[lang] = LanguageBuild(lang, path, path.name, text, result.records,
                                        result.warnings)
    primary, *others = results  # the first language is the reference the others align to
    for lang in others:
        realign(results[primary], results[lang])
    align({lang: built.records for lang, built in languages.items()})
    for lang, built in languages.items():
        path = records_path(root, lang)
        # A records file we cannot read is refused rather than overwritten: it may hold notes.
        built.on_disk = load_file(path) if path.is_file() else None
        built.orphans = _carry_person_fields(built.on_disk, built.records)
        built.yaml = render(lang, built.source_name, built.records)
    return BuildReport(root, languages)


def build(sources: dict[str, Path], root: Path, encoding: str | None = None) -> BuildReport:
    """Build (or rebuild) the knowledge base in `root` from one source per language."""
    from drugstrat import store

    report = prepare(sources, root, encoding)
    # Everything is parsed and rendered before the first write, so a failure leaves the old KB.
    for lang, built in report.languages.items():
        copy = root / lang / built.source_name
        if not copy.exists() or copy.resolve() != built.source.resolve():
            atomic_write_text(copy, built.text)
        if built.orphans:
            _save_orphans(root, lang, built.orphans)
    for lang, built in report.languages.items():
        atomic_write_text(records_path(root, lang), built.yaml)
    store.compile_cache(root)
    return report


def check(root: Path, encoding: str | None = None) -> BuildReport:
    """Compare the YAML on disk with what the sources give; `drifted` lists files that differ.

    Fields people added are merged in before comparing: they are not drift.
    """
    return compare(prepare(recorded_sources(root), root, encoding))


def compare(report: BuildReport) -> BuildReport:
    """Fill `report.drifted` with the records files whose content differs from the build's.

    Content, not text: a person re-ordering keys or re-wrapping a folded text is no drift.
    """
    from ruamel.yaml import YAML

    yaml = YAML(typ="safe")
    for lang, built in report.languages.items():
        if built.on_disk != yaml.load(built.yaml):
            report.drifted.append(records_path(report.root, lang))
    return report


def _carry_person_fields(on_disk: dict | None, records: list[dict]) -> list[dict]:
    """Copy fields a person added on disk onto the new records; return those with no home."""
    from drugstrat.yamlio import PARSER_FIELDS

    if on_disk is None:
        return []
    old = on_disk["records"]
    by_id = {record["id"]: record for record in records}
    orphans = []
    for old_record in old:
        if not isinstance(old_record, dict) or "id" not in old_record:
            continue
        added = {k: v for k, v in old_record.items() if k not in PARSER_FIELDS}
        if not added:
            continue
        target = by_id.get(str(old_record["id"]))
        if target is None:
            orphans.append({"id": str(old_record["id"]), "text": old_record.get("text"),
                            **added})
        else:
            target.update(added)
    return orphans


def _save_orphans(root: Path, lang: str, orphans: list[dict]) -> None:
    from ruamel.yaml import YAML

    path = root / lang / ORPHANS_FILE
    kept: list[dict] = []
    if path.is_file():
        kept = YAML(typ="safe").load(path.read_text(encoding="utf-8")) or []
    known = {(o.get("id"), o.get("text")) for o in kept if isinstance(o, dict)}
    kept += [o for o in orphans if (o["id"], o.get("text")) not in known]
    import io

    buffer = io.StringIO()
    buffer.write("# Fields people added to records that the current sources no longer produce.\n"
                 "# Move them back onto the right record by hand; nothing here is deleted.\n")
    yaml = YAML()
    yaml.allow_unicode = True
    yaml.width = 4096
    yaml.dump(kept, buffer)
    atomic_write_text(path, buffer.getvalue())


# -- validation -------------------------------------------------------------------------------


def load_validated(root: Path) -> tuple[dict[str, list[dict]], list[dict]]:
    """Load every language's YAML and validate it against the schema.

    Returns the records and the schema problems (`{file, line, id, lang, problem}`, `file`
    relative to the knowledge base, as `en/records.yaml`); raises `KBError` only when a file
    cannot be read as YAML at all.
    """
    from pydantic import ValidationError

    from drugstrat.models import Record
    from drugstrat.yamlio import load_file, record_lines

    langs = kb_languages(root)
    if not langs:
        raise KBError(f"{root}: no knowledge base here (expected {root}/en/records.yaml; "
                      f"run `drugstrat build`)")
    versions: dict[str, list[dict]] = {}
    problems: list[dict] = []
    for lang in langs:
        path = records_path(root, lang)
        document = load_file(path)
        where = _relative(root, path)
        if document.get("schema") != SCHEMA_VERSION:
            problems.append({"file": where, "line": 1, "id": None, "lang": lang,
                             "problem": f"schema {document.get('schema')!r}, "
                                        f"expected {SCHEMA_VERSION}; rebuild"})
        records, lines = [], None
        seen: set[str] = set()
        for index, raw in enumerate(document["records"]):
            try:
                record = Record.model_validate(raw).model_dump(exclude_defaults=True)
                record.setdefault("aligned", True)
                if record["lang"] != lang:
                    raise ValueError(f"lang is {record['lang']!r} in the {lang} file")
                if record["id"] in seen:
                    raise ValueError(f"duplicate id {record['id']!r}")
                seen.add(record["id"])
                records.append(record)
            except (ValidationError, ValueError) as exc:
                lines = lines if lines is not None else record_lines(path)
                problems.append({
                    "file": where,
                    "line": lines[index] if index < len(lines) else None,
                    "id": raw.get("id") if isinstance(raw, dict) else None,
                    "lang": lang,
                    "problem": _describe(exc),
                })
        versions[lang] = records
    return versions, problems


def validate(root: Path) -> list[dict]:
    """Schema and alignment problems of a knowledge base; empty when it is sound."""
    versions, problems = load_validated(root)
    for records in versions.values():
        ids = {r["id"] for r in records}
        for record in records:
            parent = record.get("parent")
            if parent and parent not in ids:
                problems.append({**_where(root, record), "problem": f"parent {parent!r} "
                                                                     f"does not exist"})
    for problem in alignment_problems(versions):
        # These point at the record's place in its source text, where the difference shows.
        source_line = problem.pop("line")
        problems.append({"file": _relative(root, records_path(root, problem["lang"])),
                         "line": None,
                         **problem, "source_line": source_line})
    return problems


def _where(root: Path, record: dict) -> dict:
    return {"file": _relative(root, records_path(root, record["lang"])), "line": None,
            "id": record["id"], "lang": record["lang"]}


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
