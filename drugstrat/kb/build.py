"""Building and checking a knowledge base on disk from one source text per language.

Layout of a knowledge base DIR:

    DIR/kb.yaml               its languages, the first being the reference
    DIR/<lang>/<source>.txt   the language version it was built from (UTF-8)
    DIR/<lang>/records.yaml   the records; people may add fields, which survive a rebuild
    DIR/<lang>/orphans.yaml   fields people added to records that a rebuild no longer produces
    DIR/.cache/               compiled cache and indexes for queries (see `drugstrat.kb.store`)
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from drugstrat.errors import InputError
from drugstrat.kb import manifest
from drugstrat.kb.align import align, realign, realign_groups
from drugstrat.kb.lexicon import learn
from drugstrat.kb.paths import ORPHANS_FILE, glossary_path, manifest_path, records_path
from drugstrat.languages import language
from drugstrat.parse import ParseResult, ParseWarning, parse_text, read_source
from drugstrat.record import Record, add_fields, person_fields
from drugstrat.storage import yamlfile
from drugstrat.storage.atomic import atomic_write_text
from drugstrat.terms.glossary import load as load_glossary
from drugstrat.terms.lexicon import Lexicon


@dataclass
class LanguageBuild:
    lang: str
    source: Path
    source_name: str
    text: str
    records: list[Record]
    warnings: list[ParseWarning]
    yaml: str = ""
    orphans: list[dict[str, Any]] = field(default_factory=list)
    # The records file as it was on disk before this build (None: there was none), read once
    # for both the fields people added and the drift check.
    on_disk: dict[str, Any] | None = None


@dataclass
class BuildReport:
    root: Path
    languages: dict[str, LanguageBuild]  # in order, the reference first
    manifest: str = ""
    lexicons: list[Lexicon] = field(default_factory=list)  # the reference with each other
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
        return {lang: sum(not r.get("aligned", True) for r in built.records)
                for lang, built in self.languages.items()}

    def rows(self) -> list[dict[str, Any]]:
        """One row a language: its source, how many records, unaligned ones, warnings."""
        unaligned = self.unaligned()
        return [{"lang": lang, "source": built.source_name, "records": len(built.records),
                 "unaligned": unaligned[lang], "warnings": len(built.warnings)}
                for lang, built in self.languages.items()]

    def summary(self, checking: bool) -> dict[str, Any]:
        """What `build --json` prints: the rows, with each language's counts by type."""
        counts = self.counts()
        return {
            "root": str(self.root),
            "checked" if checking else "built": True,
            "drifted": [str(p) for p in self.drifted],
            "languages": {row["lang"]: {**{k: v for k, v in row.items() if k != "lang"},
                                        "types": counts[row["lang"]]} for row in self.rows()},
        }


def recorded_sources(root: Path) -> dict[str, Path]:
    """The sources a knowledge base was built from, as its records files name them, in the
    knowledge base's language order."""
    from drugstrat.kb import yamlio

    langs = manifest.language_order(root) or sorted(
        p.name for p in root.glob("*") if p.is_dir() and not p.name.startswith("."))
    sources: dict[str, Path] = {}
    for lang in langs:
        name = None
        if records_path(root, lang).is_file():
            name = yamlio.load(records_path(root, lang)).get("source")
        if name and (root / lang / name).is_file():
            sources[lang] = root / lang / name
            continue
        texts = sorted((root / lang).glob("*.txt"))
        if len(texts) == 1:
            sources[lang] = texts[0]
        elif texts:
            raise InputError(f"{root / lang}: several .txt files and no records.yaml naming one; "
                             f"build with --source {lang}=FILE")
    if not sources:
        raise InputError(f"{root}: no sources found (expected DIR/<lang>/*.txt, e.g. "
                         f"DIR/en/strategy.txt)")
    return sources


def prepare(sources: dict[str, Path], root: Path, encoding: str | None = None) -> BuildReport:
    """Parse, align and render everything a build would write, writing nothing. The first
    source is the reference the others align to."""
    from drugstrat.kb import yamlio

    if not sources:
        raise InputError("no source to build from")
    languages: dict[str, LanguageBuild] = {}
    results: dict[str, ParseResult] = {}
    for lang, path in sources.items():
        table = language(lang)
        text = read_source(path, encoding)
        results[lang] = result = parse_text(text, table)
        languages[lang] = LanguageBuild(lang, path, path.name, text, result.records,
                                        result.warnings)
    reference, *others = results
    glossary = load_glossary(glossary_path(root))
    versions = {lang: built.records for lang, built in languages.items()}
    lexicons = []
    for lang in others:
        realign(results[reference], results[lang])
        # Learned from the records whose ids the realignment fixed; the target groups, which
        # it is used to pair, take no part in the learning.
        lexicon = learn(versions, (reference, lang), glossary)
        realign_groups(results[reference].records, results[lang].records, lexicon)
        lexicons.append(lexicon)
    align(versions)
    for lang, built in languages.items():
        path = records_path(root, lang)
        # A records file we cannot read is refused rather than overwritten: it may hold notes.
        built.on_disk = yamlio.load(path) if path.is_file() else None
        built.orphans = _carry_person_fields(built.on_disk, built.records)
        built.yaml = yamlio.render(lang, built.source_name, built.records)
    return BuildReport(root, languages, manifest.render(list(languages)), lexicons)


def build(sources: dict[str, Path], root: Path, encoding: str | None = None) -> BuildReport:
    """Build (or rebuild) the knowledge base in `root` from one source per language."""
    from drugstrat.kb import lexicon as kept_lexicon
    from drugstrat.kb import store

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
    atomic_write_text(manifest_path(root), report.manifest)
    store.compile_cache(root)
    kb = store.load(root)
    for lexicon in report.lexicons:
        kept_lexicon.save(kb, lexicon, glossary_path(root))
    return report


def check(root: Path, encoding: str | None = None) -> BuildReport:
    """Compare the YAML on disk with what the sources give; `drifted` lists files that differ.

    Fields people added are merged in before comparing: they are not drift.
    """
    return compare(prepare(recorded_sources(root), root, encoding))


def compare(report: BuildReport) -> BuildReport:
    """Fill `report.drifted` with the files whose content differs from the build's.

    Content, not text: a person re-ordering keys or re-wrapping a folded text is no drift.
    """
    for lang, built in report.languages.items():
        if built.on_disk != yamlfile.loads(built.yaml, str(records_path(report.root, lang))):
            report.drifted.append(records_path(report.root, lang))
    path = manifest_path(report.root)
    on_disk = yamlfile.load(path) if path.is_file() else None
    if on_disk != yamlfile.loads(report.manifest, str(path)):
        report.drifted.append(path)
    return report


def _carry_person_fields(on_disk: dict[str, Any] | None,
                         records: list[Record]) -> list[dict[str, Any]]:
    """Copy fields a person added on disk onto the new records; return those with no home."""
    if on_disk is None:
        return []
    by_id = {record["id"]: record for record in records}
    orphans = []
    for old_record in on_disk["records"]:
        if not isinstance(old_record, dict) or "id" not in old_record:
            continue
        added = person_fields(old_record)
        if not added:
            continue
        target = by_id.get(str(old_record["id"]))
        if target is None:
            orphans.append({"id": str(old_record["id"]), "text": old_record.get("text"),
                            **added})
        else:
            add_fields(target, added)
    return orphans


def _save_orphans(root: Path, lang: str, orphans: list[dict[str, Any]]) -> None:
    path = root / lang / ORPHANS_FILE
    kept: list[dict[str, Any]] = []
    if path.is_file():
        kept = yamlfile.load(path) or []
    known = {(o.get("id"), o.get("text")) for o in kept if isinstance(o, dict)}
    kept += [o for o in orphans if (o["id"], o.get("text")) not in known]
    header = ("# Fields people added to records that the current sources no longer produce.\n"
              "# Move them back onto the right record by hand; nothing here is deleted.\n")
    atomic_write_text(path, yamlfile.dumps(kept, header))
