"""Where the knowledge base lives: `--data DIR`, else `DRUGSTRAT_DATA`, else the bundled one."""

from __future__ import annotations

import os
from pathlib import Path

ENV_VAR = "DRUGSTRAT_DATA"
RECORDS_FILE = "records.yaml"
ORPHANS_FILE = "orphans.yaml"
CACHE_DIR = ".cache"


def bundled_data_dir() -> Path:
    """The knowledge base shipped with the package: inside the wheel, or `data/` in a checkout."""
    packaged = Path(__file__).resolve().parent / "data"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parent.parent / "data"


def data_dir(option: Path | None = None) -> Path:
    if option is not None:
        return option
    if env := os.environ.get(ENV_VAR):
        return Path(env)
    return bundled_data_dir()


def records_path(root: Path, lang: str) -> Path:
    return root / lang / RECORDS_FILE


def kb_languages(root: Path) -> list[str]:
    """The languages a knowledge base holds, in a stable order (English first, then by code)."""
    if not root.is_dir():
        return []
    langs = sorted(p.name for p in root.iterdir() if (p / RECORDS_FILE).is_file())
    return sorted(langs, key=lambda code: (code != "en", code))
