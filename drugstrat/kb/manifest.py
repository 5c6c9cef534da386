"""`DIR/kb.yaml`: the languages of a knowledge base, the first being the reference the others
align to. Read only when the YAML is read (building, recompiling the cache); queries take the
order from the cache."""

from __future__ import annotations

from pathlib import Path

from drugstrat import SCHEMA_VERSION
from drugstrat.errors import KBError
from drugstrat.kb.paths import manifest_path, present_languages
from drugstrat.storage import yamlfile

HEADER = ("# drugstrat knowledge base, written by `drugstrat build`: its languages, the first\n"
          "# being the reference the others are aligned to, and what seeded each pair's\n"
          "# lexicon (the glossary, general dictionaries found on the machine).\n")


# What the manifest says about the machine that built it rather than the sources: which
# general resources seeded each pair's lexicon. A note, never drift (see `content`).
SEEDS = "seeds"


def render(languages: list[str], build: str | None = None,
           seeds: dict[str, list[str]] | None = None) -> str:
    document: dict[str, object] = {"schema": SCHEMA_VERSION, "languages": list(languages)}
    if build is not None:
        document["build"] = build
    if seeds:
        document[SEEDS] = seeds
    return yamlfile.dumps(document, HEADER)


def content(document: object) -> object:
    """A manifest as the sources decide it: without the seeds a machine had."""
    if isinstance(document, dict):
        return {k: v for k, v in document.items() if k != SEEDS}
    return document


def generation(root: Path) -> str | None:
    """The id of the build that wrote the manifest (None before builds had ids)."""
    document = yamlfile.load(manifest_path(root))
    value = document.get("build") if isinstance(document, dict) else None
    return str(value) if value is not None else None


def language_order(root: Path) -> list[str]:
    """The languages of `root`, reference first: those the manifest lists (a folder it does
    not list is no part of the knowledge base: a language a later build left out), each a
    plain folder name. A knowledge base built before the manifest existed has the languages
    present, by code."""
    path = manifest_path(root)
    if not path.is_file():
        return present_languages(root)
    document = yamlfile.load(path)
    listed = document.get("languages") if isinstance(document, dict) else None
    if not isinstance(listed, list) or not listed or not all(
            isinstance(code, str) and _folder_name(code) for code in listed):
        raise KBError(f"{path}: expected 'languages: [..]', a list of language codes (each a "
                      f"folder of the knowledge base)")
    return list(dict.fromkeys(listed))


def _folder_name(code: str) -> bool:
    """Whether a language code names a folder right inside the knowledge base."""
    return bool(code) and not code.startswith(".") and "/" not in code and "\\" not in code
