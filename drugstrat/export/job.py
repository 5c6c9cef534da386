"""One export, as one library call: `export(kb, fmt, target, selection, settings)` keeps the part
of the knowledge base asked for, picks the two languages, writes the format to its target, and
says what it left out. The CLI only turns options into these values.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from drugstrat.diff.model import Finding
from drugstrat.errors import InputError
from drugstrat.export.formats import Format, Segments
from drugstrat.export.pairs import Skipped, export_langs
from drugstrat.kb.store import KB
from drugstrat.storage.outputs import Target

# A language tag as a TM's language pair names it: en, en-GB, nl-BE, sr-Latn-RS.
LOCALE = re.compile(r"[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*")


@dataclass(frozen=True)
class Selection:
    """The part of the knowledge base to export: records of these types, of this strategic
    objective, found by this search (each only when given)."""

    types: frozenset[str] | None = None
    so: int | None = None
    query: str | None = None

    def applied(self, kb: KB, glossary_file: Path | None) -> KB:
        if self.types is None and self.so is None and not self.query:
            return kb
        ids = set(kb.select(self.types, so=self.so))
        if self.query:
            from drugstrat.search.query import search

            ids &= {g.id for g in search(kb, self.query, limit=len(kb.ids),
                                         glossary_file=glossary_file)}
        if not ids:
            raise InputError("the filters keep no record; nothing to export")
        return kb.subset(ids)


@dataclass(frozen=True)
class Settings:
    """How to write it, whatever the format (each setting matters to some formats only)."""

    pair: str | None = None  # "en:fr"; the reference and the next language by default
    segments: Segments = Segments.paragraph  # TMX: a unit per record or per sentence
    bom: bool = False  # CSV: a UTF-8 byte-order mark first
    excel: bool = False  # CSV: as Belgian Excel opens it (BOM, semicolons, CRLF)
    raw: bool = False  # CSV: cells as they are, even those a spreadsheet would run
    source_locale: str | None = None  # TMX, XLIFF: en-GB for en
    target_locale: str | None = None
    license_name: str = "not stated by the publisher"  # SQLite: for Datasette's page
    license_url: str | None = None
    source_url: str | None = None


@dataclass
class Exported:
    """What an export wrote and what it left out."""

    files: list[str] = field(default_factory=list)
    skipped: Skipped = field(default_factory=Skipped)


def export(kb: KB, fmt: Format, target: Target, selection: Selection = Selection(),
           settings: Settings = Settings(), glossary_file: Path | None = None) -> Exported:
    """Write two aligned languages of `kb` (the part `selection` keeps) as `fmt` to `target`.
    Formats that carry the diff's findings (XLIFF, SQLite) read them from the whole document:
    a term's usual rendering or a house style is a fact of the whole."""
    target.checked()
    part = selection.applied(kb, glossary_file)
    langs = _langs(kb, settings.pair)
    done = Exported()
    if fmt is Format.sqlite:
        _sqlite(kb, part, langs, target, settings, done)
        return done
    target.write(_render(kb, part, fmt, langs, settings, done.skipped))
    done.files.append(target.name)
    return done


def _render(whole: KB, kb: KB, fmt: Format, langs: tuple[str, str], settings: Settings,
            skipped: Skipped) -> str | bytes:
    if fmt is Format.tmx:
        from drugstrat.export.tmx import tmx

        return tmx(kb, langs, settings.segments.value, skipped, _locales(langs, settings))
    if fmt in (Format.xliff, Format.xliff12):
        from drugstrat.export.xliff import xliff, xliff12

        write = xliff if fmt is Format.xliff else xliff12
        return write(kb, langs, original=title(whole), skipped=skipped,
                     locales=_locales(langs, settings), findings=findings(whole))
    from drugstrat.export import tabular

    if fmt is Format.csv:
        return tabular.to_csv(kb, langs, bom=settings.bom or settings.excel, skipped=skipped,
                              raw=settings.raw, delimiter=";" if settings.excel else ",")
    if fmt is Format.xlsx:
        from drugstrat.export.workbook import workbook

        return workbook(kb, langs, skipped, title=title(whole), whole=whole)
    return tabular.to_jsonl(kb, langs, skipped)


def _sqlite(whole: KB, kb: KB, langs: tuple[str, str], target: Target, settings: Settings,
            done: Exported) -> None:
    from drugstrat.export.citation import cite
    from drugstrat.export.sqlite import metadata, metadata_path, write_database

    path = target.file_path("an SQLite database")
    meta = target.beside(metadata_path(path).name).checked()
    held = set(kb.ids)
    write_database(kb, langs, path, [f for f in findings(whole, with_accepted=True)
                                     if f.id in held], whole=whole)
    cited = cite(whole, "title", whole.reference, fallback=True)
    meta.write(metadata(path.stem, cited.work(), langs, cited.source(), settings.license_name,
                        settings.license_url, settings.source_url))
    done.files += [str(path), meta.name]


def _langs(kb: KB, pair: str | None) -> tuple[str, str]:
    if pair is None:
        return export_langs(kb)
    source, sep, target = pair.partition(":")
    if not sep:
        raise InputError(f"--pair {pair!r}: give SOURCE:TARGET, e.g. en:fr")
    return export_langs(kb, source.strip(), target.strip())


def _locales(langs: tuple[str, str], settings: Settings) -> tuple[str, str]:
    """The language tags to write: the codes, or the locales given, which must be of the
    same languages (en-GB for en)."""
    out = []
    for lang, tag, option in ((langs[0], settings.source_locale, "--source-locale"),
                              (langs[1], settings.target_locale, "--target-locale")):
        if tag is None:
            out.append(lang)
            continue
        if not LOCALE.fullmatch(tag) or tag.split("-")[0].lower() != lang:
            raise InputError(f"{option} {tag!r}: give a language tag of {lang}: {lang} or "
                             f"{lang}-REGION")
        out.append(tag)
    return out[0], out[1]


def title(kb: KB) -> str:
    """The document's title in the reference language."""
    record = kb.by_id[kb.reference].get("title")
    return record["text"] if record else "drugstrat"


def findings(kb: KB, with_accepted: bool = False) -> list[Finding]:
    """The diff's findings over the whole knowledge base (none with one language)."""
    from drugstrat.diff.review import review

    if len(kb.langs) < 2:
        return []
    return review(kb).select(include_accepted=with_accepted)


def review_page(kb: KB, target: Target) -> tuple[int, int]:
    """Write the reviser's page to `target`; returns how many findings it holds open and
    accepted."""
    from drugstrat.export.report import report as page

    target.checked()
    shown = findings(kb, with_accepted=True)
    languages = "/".join(code.upper() for code in kb.langs)
    target.write(page(kb, shown, f"{title(kb)} — {languages} review"))
    open_ = sum(not f.accepted for f in shown)
    return open_, len(shown) - open_
