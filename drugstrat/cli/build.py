"""`drugstrat build`: sources → YAML knowledge base (and `--check` for drift)."""

from __future__ import annotations

import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from drugstrat.cli import app, messages
from drugstrat.cli.common import (
    FormatOption,
    JsonOption,
    data_dir,
    invocation,
    output,
    reports_errors,
)
from drugstrat.cli.output import Format, Output
from drugstrat.cli.status import Exit
from drugstrat.cli.view import Column, Table, View

if TYPE_CHECKING:
    from drugstrat.kb.build import BuildReport


@app.command()
@reports_errors
def build(
    ctx: typer.Context,
    source: Annotated[list[str] | None, typer.Option(
        "--source", "-s", metavar="LANG=FILE",
        help="A language version (repeatable); the first is the reference the others align "
             "to.")] = None,
    en: Annotated[Path | None, typer.Option("--en", dir_okay=False,
                                            help="English source text (= --source en=FILE).")
                  ] = None,
    nl: Annotated[Path | None, typer.Option("--nl", dir_okay=False,
                                            help="Dutch source text (= --source nl=FILE).")
                  ] = None,
    out: Annotated[Path | None, typer.Option("--out", "-o", file_okay=False,
                                             help="Knowledge base directory to write.")] = None,
    check: Annotated[bool, typer.Option(
        "--check", help="Write nothing; exit 1 if the YAML on disk differs from the sources.")
    ] = False,
    encoding: Annotated[list[str] | None, typer.Option(
        "--encoding", metavar="[LANG=]ENCODING",
        help="Read a source in a legacy encoding: fr=cp1252 for one language (repeatable), or "
             "cp1252 for every source not already UTF-8.")] = None,
    any_language: Annotated[bool, typer.Option(
        "--any-language", help="Build even a source that reads as another language than it "
                               "is given for.")] = False,
    as_json: JsonOption = False,
    fmt: FormatOption = None,
) -> None:
    """Build the knowledge base from its language versions.

    Plain `drugstrat build` rebuilds the bundled knowledge base (or the one --data names) from
    the sources it was built from. With --source LANG=FILE … (or --en/--nl) and --out DIR it
    builds a new one; the first language is the reference the others are aligned to. Fields
    people added to records (status, note …) are kept.

    Example: drugstrat build --source en=en.txt --source fr=fr.txt --out my-kb
    """
    from drugstrat.kb import build as kb_build

    sources = _sources(en, nl, source or [])
    encodings = _encodings(encoding or [])
    if sources and out is None and not invocation(ctx).data_given:
        raise typer.BadParameter("say where to write the new knowledge base", param_hint="--out")
    root = out or data_dir(ctx)
    shown = output(ctx, fmt, as_json)

    if check:
        report = (kb_build.check(root, encodings, not any_language) if not sources
                  else kb_build.compare(kb_build.prepare(sources, root, encodings,
                                                         not any_language)))
        if shown.fmt is not Format.table:  # for people, the verdict line on stderr says it all
            _emit(shown, report, checking=True)
        if report.drifted:
            for path in report.drifted:
                messages.warn(f"{path} differs from what its source gives; run `drugstrat build`")
            raise typer.Exit(code=Exit.FOUND)
        messages.info(f"{root}: up to date")
        return

    # `--data A build --out B`: A rebuilt into B, with what people keep beside A's records.
    origin = data_dir(ctx) if out is not None and invocation(ctx).data_given else None
    if origin is not None and origin.resolve() == root.resolve():
        origin = None
    carried: list[str] = []
    if origin is not None and not sources and not _has_sources(root):
        sources = kb_build.recorded_sources(origin)
        carried = kb_build.carry(origin, root)
        for name in carried:
            messages.info(f"{origin / name}: carried into {root}")
    chosen = sources or kb_build.recorded_sources(root)
    with _progress(kb_build.stages(len(chosen))) as progress:
        report = kb_build.build(chosen, root, encodings, not any_language, progress)
    if origin is not None:
        _name_acceptances(origin, root, carried)
    for lang in report.left_out():
        messages.warn(f"{root / lang}: {lang} is not in this build; its files are left as they "
                      f"were, no longer part of the knowledge base (build with it to keep it)")
    for built in report.languages.values():
        for warning in built.warnings:
            messages.warn(warning.format(str(built.source)))
        if built.orphans:
            messages.warn(f"{len(built.orphans)} annotated record(s) no longer exist in "
                          f"{built.lang}; their fields are kept in {root / built.lang}/"
                          f"orphans.yaml")
        if built.reattached:
            messages.info(f"{built.reattached} annotated record(s) of {root / built.lang}/"
                          f"orphans.yaml exist again in {built.lang}; their fields are back on "
                          f"them")
    for pair in report.unseeded():
        first, second = pair.split("-")
        messages.info(f"{pair}: no general dictionary (FreeDict) installed; its lexicon starts "
                      f"from the glossary and cognates alone (Debian: dict-freedict-"
                      f"{_iso(first)}-{_iso(second)} and -{_iso(second)}-{_iso(first)})")
    _emit(shown, report, checking=False)


def _has_sources(root: Path) -> bool:
    from drugstrat.errors import DrugstratError
    from drugstrat.kb import build as kb_build

    try:
        return bool(kb_build.recorded_sources(root))
    except DrugstratError:
        return False


def _name_acceptances(origin: Path, root: Path, carried: list[str]) -> None:
    """Say where acceptances recorded in `origin` are not carried into `root`."""
    from drugstrat.kb.paths import ACCEPTED_FILE

    kept = origin / ACCEPTED_FILE
    if ACCEPTED_FILE not in carried and kept.is_file() and not (root / ACCEPTED_FILE).exists():
        messages.warn(f"{kept}: the findings accepted there stay with {origin}; {root} has none "
                      f"(copy the file into it to carry them)")


def _iso(code: str) -> str:
    from drugstrat.languages import language

    return language(code).iso639_3 or code


SHOW_AFTER = 1.0  # seconds of building before the progress bar appears


@contextmanager
def _progress(total: int) -> Iterator[Callable[[str], None]]:
    """A progress bar on stderr for a build that takes more than a second, on a terminal only
    (never in a pipe, a log or CI)."""
    if not sys.stderr.isatty():
        yield lambda stage: None
        return
    started = time.monotonic()
    bar: dict[str, Any] = {}

    def step(stage: str) -> None:
        if "progress" not in bar:
            if time.monotonic() - started < SHOW_AFTER:
                bar["done"] = bar.get("done", 0) + 1
                return
            from rich.console import Console
            from rich.progress import Progress

            progress = Progress(console=Console(stderr=True), transient=True)
            progress.start()
            bar["progress"] = progress
            bar["task"] = progress.add_task(stage, total=total, completed=bar.get("done", 0))
        bar["progress"].update(bar["task"], description=stage, advance=1)

    try:
        yield step
    finally:
        if "progress" in bar:
            bar["progress"].stop()


def _encodings(specs: list[str]) -> dict[str, str]:
    """--encoding values: LANG=ENCODING for one source, or ENCODING for every source."""
    encodings: dict[str, str] = {}
    for spec in specs:
        lang, sep, name = spec.rpartition("=")
        key = lang.strip().lower() if sep else "*"
        if not name.strip() or (sep and not key):
            raise typer.BadParameter(f"{spec!r}: give ENCODING or LANG=ENCODING, e.g. "
                                     f"fr=cp1252", param_hint="--encoding")
        encodings[key] = name.strip()
    return encodings


def _sources(en: Path | None, nl: Path | None, specs: list[str]) -> dict[str, Path]:
    """The sources in the order given: the --en/--nl shortcuts first, then each --source."""
    sources: dict[str, Path] = {}
    for lang, path in (("en", en), ("nl", nl)):
        if path is not None:
            sources[lang] = path
    for spec in specs:
        lang, sep, name = spec.partition("=")
        lang = lang.strip().lower()
        if not sep or not lang or not name:
            raise typer.BadParameter(f"{spec!r}: give LANG=FILE, e.g. fr=strategie.txt",
                                     param_hint="--source")
        if lang in sources:
            raise typer.BadParameter(f"{lang} is given twice", param_hint="--source")
        sources[lang] = Path(name)
    return sources


def _emit(shown: Output, report: BuildReport, checking: bool) -> None:
    rows = report.rows()
    counts = report.counts()
    types = sorted({t for by_type in counts.values() for t in by_type})
    human = [{"type": rtype, **{lang: counts[lang].get(rtype, 0) for lang in counts}}
             for rtype in types]
    human += [{"type": label, **{row["lang"]: row[key] for row in rows}}
              for label, key in (("all records", "records"), ("unaligned", "unaligned"),
                                 ("warnings", "warnings"))]
    columns = [Column("type"), *(Column(lang, lang.upper(), numeric=True) for lang in counts)]
    shown.emit(View(rows, [Column(key) for key in rows[0]] if rows else [],
                    document=report.summary(checking),
                    human=[Table(human, columns, caption=f"built {report.root}")]))
