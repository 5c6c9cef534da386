"""Building and checking a knowledge base on disk from one source text per language.

Layout of a knowledge base DIR:

    DIR/kb.yaml               its languages, the first being the reference
    DIR/<lang>/<source>.txt   the language version it was built from (UTF-8)
    DIR/<lang>/records.yaml   the records; people may add fields, which survive a rebuild
    DIR/<lang>/orphans.yaml   fields people added to records that a rebuild no longer produces
    DIR/.cache/               compiled cache and indexes for queries (see `drugstrat.kb.store`)

Everything is parsed, aligned and rendered before anything is written, and the files of a
build replace the old ones as one generation (see `drugstrat.kb.generation`).
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from drugstrat import SCHEMA_VERSION
from drugstrat.errors import InputError, KBError
from drugstrat.kb import manifest
from drugstrat.kb.align import align, realign, realign_groups, regroup_lists
from drugstrat.kb.generation import (
    PLACEHOLDER,
    commit,
    finish_pending,
    generation_id,
    locked,
    sweep,
)
from drugstrat.kb.lexicon import learned
from drugstrat.kb.paths import (
    ACCEPTED_FILE,
    GLOSSARY_FILE,
    ORPHANS_FILE,
    glossary_path,
    inside,
    manifest_path,
    records_path,
)
from drugstrat.languages import language
from drugstrat.parse import ParseResult, ParseWarning, parse_text, read_source
from drugstrat.record import PARSER_FIELDS, Record, add_fields, person_fields
from drugstrat.storage import yamlfile
from drugstrat.terms.glossary import load as load_glossary
from drugstrat.terms.lexicon import Lexicon

# Told the name of each stage as it starts (`drugstrat build` shows them past a second).
Progress = Callable[[str], None]


def _silent(stage: str) -> None:
    pass


def stages(languages: int) -> int:
    """How many stages a build of so many languages reports."""
    return 2 * languages + 1


REREADS = 3  # times a build reads the records files again when a person saves them meanwhile
MIN_FUNCTION_SHARE = 0.15  # of a text's words, for a language to be recognised by them
WRONG_LANGUAGE = 3  # times more of another language's function words than of its own


@dataclass
class LanguageBuild:
    lang: str
    source: Path
    source_name: str
    text: str
    records: list[Record]
    warnings: list[ParseWarning]
    yaml: str = ""
    orphans: list[dict[str, Any]] = field(default_factory=list)  # newly orphaned by this build
    orphans_yaml: str | None = None  # the orphans file to write (None: leave it as it is)
    reattached: int = 0  # orphans that found their record again
    # The records file as it was on disk before this build (None: there was none), read once
    # for both the fields people added and the drift check, and how it stood when read.
    on_disk: dict[str, Any] | None = None
    read_as: list[int] | None = None


@dataclass
class BuildReport:
    root: Path
    languages: dict[str, LanguageBuild]  # in order, the reference first
    manifest: str = ""
    build_id: str = ""
    lexicons: list[Lexicon] = field(default_factory=list)  # the reference with each other
    drifted: list[Path] = field(default_factory=list)

    def files(self) -> dict[Path, bytes]:
        """Every file this build writes, with its content."""
        out: dict[Path, bytes] = {}
        for lang, built in self.languages.items():
            copy = self.root / lang / built.source_name
            if not _same_file(copy, built.source):
                out[copy] = built.text.encode("utf-8")
            if built.orphans_yaml is not None:
                out[self.root / lang / ORPHANS_FILE] = built.orphans_yaml.encode("utf-8")
            out[records_path(self.root, lang)] = built.yaml.encode("utf-8")
        out[manifest_path(self.root)] = self.manifest.encode("utf-8")
        return out

    def documents(self) -> dict[Path, dict[str, Any]]:
        """Each records file's document as written, as YAML will read it back (the streaming
        writer's tests hold it to that)."""
        return {records_path(self.root, lang): {
            "schema": SCHEMA_VERSION, "lang": lang, "source": built.source_name,
            "build": self.build_id, "records": [dict(r) for r in built.records]}
            for lang, built in self.languages.items()}

    def changed_on_disk(self) -> list[Path]:
        """Records files a person saved since this build read them."""
        return [records_path(self.root, lang) for lang, built in self.languages.items()
                if _stamp(records_path(self.root, lang)) != built.read_as]

    def left_out(self) -> list[str]:
        """Languages whose records are in the folder but not in this build: no longer part
        of the knowledge base (the manifest lists what is), their files left as they were."""
        from drugstrat.kb.paths import present_languages

        return [lang for lang in present_languages(self.root) if lang not in self.languages]

    def seeds(self) -> dict[str, list[str]]:
        """What seeded each pair's lexicon: "glossary", "freedict-eng-nld 0.2" …"""
        return {"-".join(lexicon.langs): lexicon.seeded_by for lexicon in self.lexicons}

    def unseeded(self) -> list[str]:
        """The language pairs no general dictionary seeded ("en-fr")."""
        return [pair for pair, used in self.seeds().items()
                if not any(u.startswith("freedict") for u in used)]

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
            "seeds": self.seeds(),
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
            name = yamlio.load(inside(root, records_path(root, lang))).get("source")
        if name is not None and not _plain_name(name):
            raise KBError(f"{records_path(root, lang)}: source {name!r} is no file name of its "
                          f"folder; a knowledge base names only files inside it (give the "
                          f"file's name alone, as strategy.{lang}.txt)")
        if name and (root / lang / name).is_file():
            sources[lang] = inside(root, root / lang / name)
            continue
        texts = sorted((root / lang).glob("*.txt"))
        if len(texts) == 1:
            sources[lang] = inside(root, texts[0])
        elif texts:
            raise InputError(f"{root / lang}: several .txt files and no records.yaml naming one; "
                             f"build with --source {lang}=FILE")
    if not sources:
        raise InputError(f"{root}: no sources found (expected DIR/<lang>/*.txt, e.g. "
                         f"DIR/en/strategy.txt)")
    return sources


Encodings = dict[str, str]  # language -> the legacy encoding of its source; "*": of every one


def prepare(sources: dict[str, Path], root: Path, encoding: Encodings | None = None,
            check_languages: bool = True, progress: Progress | None = None) -> BuildReport:
    """Parse, align and render everything a build would write, writing nothing. The first
    source is the reference the others align to. Sources that are one file, or that read as
    another language than they are given for, are refused before anything else."""
    from drugstrat.kb import yamlio

    if not sources:
        raise InputError("no source to build from")
    languages: dict[str, LanguageBuild] = {}
    results: dict[str, ParseResult] = {}
    texts = {lang: _read(lang, path, encoding or {}) for lang, path in sources.items()}
    _refuse_same_source(sources, texts)
    if check_languages:
        _refuse_wrong_language(sources, texts)
    step = progress or _silent
    for lang, path in sources.items():
        step(f"parsing {lang}")
        results[lang] = result = parse_text(texts[lang], language(lang))
        languages[lang] = LanguageBuild(lang, path, path.name, texts[lang], result.records,
                                        result.warnings)
    reference, *others = results
    glossary = load_glossary(glossary_path(root))
    versions = {lang: built.records for lang, built in languages.items()}
    lexicons = []
    for lang in others:
        step(f"aligning {lang} with {reference}")
        regroup_lists(results[reference], results[lang])
        realign(results[reference], results[lang])
        # Learned from the records whose ids the realignment fixed; the target groups, which
        # it is used to pair, take no part in the learning.
        lexicon = learned(root, versions, (reference, lang), glossary, glossary_path(root))
        realign_groups(results[reference].records, results[lang].records, lexicon)
        lexicons.append(lexicon)
    align(versions)
    step("writing the records")
    for lang, built in languages.items():
        path = records_path(root, lang)
        # A records file we cannot read is refused rather than overwritten: it may hold notes.
        built.read_as = _stamp(path)
        built.on_disk = yamlio.load(inside(root, path)) if path.is_file() else None
        built.orphans = _carry_person_fields(built.on_disk, built.records)
        kept = _load_orphans(root, lang)
        still, built.reattached = _reattach(kept, built.records)
        if built.orphans or built.reattached:
            built.orphans_yaml = _render_orphans(still, built.orphans)
        built.yaml = yamlio.render(lang, built.source_name, built.records, PLACEHOLDER)
    report = BuildReport(root, languages, manifest.render(list(languages), PLACEHOLDER),
                         lexicons=lexicons)
    # What the parser made of the sources names the generation; a person's fields do not (a
    # note added is no new build).
    report.build_id = generation_id([report.manifest, *(
        text for built in languages.values() for text in (
            built.text, json.dumps([{k: v for k, v in r.items() if k in PARSER_FIELDS}
                                    for r in built.records], ensure_ascii=False)))])
    # Which resources seeded the lexicons is said, not counted: another machine, with other
    # dictionaries, builds the same generation.
    report.manifest = manifest.render(list(languages), report.build_id, report.seeds())
    for built in languages.values():
        built.yaml = built.yaml.replace(PLACEHOLDER, report.build_id, 1)
    return report


def build(sources: dict[str, Path], root: Path, encoding: Encodings | None = None,
          check_languages: bool = True, progress: Progress | None = None) -> BuildReport:
    """Build (or rebuild) the knowledge base in `root` from one source per language, as one
    generation; under the build lock, so builds never interleave."""
    from drugstrat.kb import lexicon as kept_lexicon
    from drugstrat.kb import store

    # Prepared before the lock is taken, so that a source refused leaves no trace at all; a
    # records file changed by then (another build, a person saving) is read again below.
    report = prepare(sources, root, encoding, check_languages, progress)
    with locked(root):
        # A journal that cannot be finished safely is discarded: this build writes every file.
        finish_pending(root, discard_refused=True)
        sweep(root)
        for _ in range(REREADS):
            if not report.changed_on_disk():
                break
            report = prepare(sources, root, encoding, check_languages, progress)
        else:
            raise InputError(f"{', '.join(map(str, report.changed_on_disk()))}: keeps changing "
                             f"while the build reads it; build again when the edits are saved")
        (progress or _silent)("saving")
        commit(root, report.files(), report.build_id)
        store.compile_cache(root, report.documents())
    kb = store.load(root)
    for lexicon in report.lexicons:
        kept_lexicon.save(kb, lexicon, glossary_path(root))
    return report


# What people keep beside a knowledge base's records: a rebuild of it into another folder
# carries them (its records carry their own fields).
PERSON_FILES = (GLOSSARY_FILE, ACCEPTED_FILE)


def carry(origin: Path, root: Path) -> list[str]:
    """Copy into `root` the files people keep in the knowledge base `origin` (its glossary,
    its acceptances) where `root` has none of its own; the names of those copied. Call before
    building `root`: the glossary seeds its lexicon."""
    from drugstrat.storage.atomic import atomic_write_bytes
    from drugstrat.storage.limits import read_regular

    carried = []
    for name in PERSON_FILES:
        if (origin / name).is_file() and not os.path.lexists(root / name):
            data = read_regular(inside(origin, origin / name))
            root.mkdir(parents=True, exist_ok=True)
            atomic_write_bytes(root / name, data)
            carried.append(name)
    return carried


def check(root: Path, encoding: Encodings | None = None,
          check_languages: bool = True) -> BuildReport:
    """Compare the YAML on disk with what the sources give; `drifted` lists files that differ.

    Fields people added are merged in before comparing: they are not drift.
    """
    return compare(prepare(recorded_sources(root), root, encoding, check_languages))


def compare(report: BuildReport) -> BuildReport:
    """Fill `report.drifted` with the files whose content differs from the build's.

    Content, not text: a person re-ordering keys or re-wrapping a folded text is no drift.
    """
    for lang, built in report.languages.items():
        if built.on_disk != yamlfile.loads(built.yaml, str(records_path(report.root, lang))):
            report.drifted.append(records_path(report.root, lang))
    path = manifest_path(report.root)
    on_disk = yamlfile.load(path) if path.is_file() else None
    if manifest.content(on_disk) != manifest.content(yamlfile.loads(report.manifest, str(path))):
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


def _load_orphans(root: Path, lang: str) -> list[dict[str, Any]]:
    """The orphans file of a language as a person may have edited it; a broken one is refused
    (with its file and line) before the build writes anything."""
    path = root / lang / ORPHANS_FILE
    if not path.is_file():
        return []
    kept = yamlfile.load(inside(root, path))
    if kept is None:
        return []
    if not isinstance(kept, list) or not all(isinstance(o, dict) for o in kept):
        raise KBError(f"{path}: expected a list of records' fields (- id: …); fix or remove it")
    return kept


def _reattach(orphans: list[dict[str, Any]],
              records: list[Record]) -> tuple[list[dict[str, Any]], int]:
    """Put orphans back on the records that match them again (same id, same text); return
    the orphans still without a home and how many found one."""
    by_id = {record["id"]: record for record in records}
    still, home = [], 0
    for orphan in orphans:
        record = by_id.get(str(orphan.get("id")))
        if record is None or orphan.get("text") != record["text"]:
            still.append(orphan)
            continue
        fields = {k: v for k, v in orphan.items() if k not in ("id", "text")}
        add_fields(record, {k: v for k, v in fields.items() if k not in record})
        home += 1
    return still, home


def _render_orphans(kept: list[dict[str, Any]], new: list[dict[str, Any]]) -> str:
    known = {(o.get("id"), o.get("text")) for o in kept}
    kept = kept + [o for o in new if (o["id"], o.get("text")) not in known]
    header = ("# Fields people added to records that the current sources no longer produce.\n"
              "# A later build puts them back on a record with the same id and text; or move\n"
              "# them by hand. Nothing here is deleted.\n")
    return yamlfile.dumps(kept, header)


def _read(lang: str, path: Path, encodings: Encodings) -> str:
    """A source in the encoding given for it. One given for every source never applies to a
    file that is UTF-8 already (with letters beyond ASCII): decoding it again would garble
    every accented letter."""
    if lang in encodings:
        return read_source(path, encodings[lang])
    legacy = encodings.get("*")
    if legacy:
        from drugstrat.storage.limits import read_regular

        try:
            data = read_regular(path)
            if not data.isascii():
                data.decode("utf-8")
                raise InputError(f"{path}: already UTF-8, not {legacy}; give the legacy "
                                 f"source's encoding alone, as --encoding {lang}={legacy} for "
                                 f"the {lang} source if that is the legacy one")
        except UnicodeDecodeError:
            pass  # not UTF-8: the legacy encoding it is
        except OSError:
            pass  # read_source says what is wrong with the file
    return read_source(path, legacy)


def _refuse_same_source(sources: dict[str, Path], texts: dict[str, str]) -> None:
    seen: dict[str, str] = {}
    for lang, text in texts.items():
        if text in seen:
            raise InputError(f"{sources[lang]} and {sources[seen[text]]}: the same text given as "
                             f"{lang} and {seen[text]}; give each language its own version")
        seen[text] = lang


def _refuse_wrong_language(sources: dict[str, Path], texts: dict[str, str]) -> None:
    """A source whose function words are another language's, several times over, is the
    wrong file for its language (swapped --en/--nl): refused before anything is written."""
    from drugstrat.languages import LANGUAGES
    from drugstrat.text.words import language_shares

    tables = list(LANGUAGES.values())
    for lang, text in texts.items():
        shares = language_shares(text, tables)
        best = max(shares, key=lambda code: shares[code])
        if best != lang and shares[best] >= MIN_FUNCTION_SHARE and \
                shares[best] > WRONG_LANGUAGE * shares.get(lang, 0.0):
            raise InputError(
                f"{sources[lang]}: given for {lang} but reads as {best} "
                f"({language(best).name}: function words {shares[best]:.0%} {best}, "
                f"{shares.get(lang, 0.0):.0%} {lang}); check which file is which language, "
                f"or pass --any-language")


def _plain_name(name: object) -> bool:
    """Whether a records file's `source` names a file of its own folder: a name, no path."""
    return isinstance(name, str) and bool(name) and "/" not in name and "\\" not in name \
        and name not in (".", "..")


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.exists() and a.resolve() == b.resolve()
    except OSError:
        return False


def _stamp(path: Path) -> list[int] | None:
    """How a records file stood (None: there was none), as the cache stamps files."""
    from drugstrat.kb.store import stamp

    return stamp(path) if path.exists() else None
