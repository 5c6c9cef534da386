"""Where a knowledge base lives (`--data DIR`, else `DRUGSTRAT_DATA`, else the bundled one) and
the names of its files."""

from __future__ import annotations

import os
from pathlib import Path

ENV_VAR = "DRUGSTRAT_DATA"
RECORDS_FILE = "records.yaml"
ORPHANS_FILE = "orphans.yaml"
MANIFEST_FILE = "kb.yaml"
GLOSSARY_FILE = "glossary.yaml"
ACCEPTED_FILE = "accepted.yaml"  # findings a reviser accepted (drugstrat.diff.accept)
CACHE_DIR = ".cache"
JOURNAL_FILE = ".build-journal.json"  # present only while a build commits (kb.generation)


def bundled_data_dir() -> Path:
    """The knowledge base shipped with the package: inside the wheel, or `data/` in a checkout."""
    package = Path(__file__).resolve().parent.parent
    packaged = package / "data"
    if packaged.is_dir():
        return packaged
    return package.parent / "data"


def data_dir(option: Path | None = None) -> Path:
    if option is not None:
        return option
    if env := os.environ.get(ENV_VAR):
        return Path(env)
    return bundled_data_dir()


def records_path(root: Path, lang: str) -> Path:
    return root / lang / RECORDS_FILE


def manifest_path(root: Path) -> Path:
    return root / MANIFEST_FILE


def present_languages(root: Path) -> list[str]:
    """The language folders of a knowledge base that hold records, by code. Their order as a
    knowledge base (reference first) is the manifest's; see `drugstrat.kb.manifest`."""
    if not root.is_dir():
        return []
    return sorted(p.name for p in root.iterdir() if (p / RECORDS_FILE).is_file())


def inside(root: Path, path: Path, what: str = "") -> Path:
    """`path`, when it leads to a place inside the knowledge base `root` (symbolic links on the
    way followed); else a `KBError` naming it. A knowledge base received from someone else is
    untrusted input: no file it names or links to may take a read or a write outside it."""
    real_root = os.path.realpath(root)
    real = os.path.realpath(path)
    if real == real_root or real.startswith(real_root.rstrip(os.sep) + os.sep):
        return path
    from drugstrat.errors import KBError

    raise KBError(f"{path}: {what or 'leads'} outside the knowledge base (to {real}); every "
                  f"file of a knowledge base must be inside its folder: move the file into "
                  f"{root}, or remove the link")


def glossary_path(root: Path) -> Path:
    """A knowledge base's own glossary, else the bundled one."""
    own = root / GLOSSARY_FILE
    if own.is_symlink():  # a link is followed only to a file of the knowledge base
        inside(root, own)
    return own if own.is_file() else bundled_data_dir() / GLOSSARY_FILE
