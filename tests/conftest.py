"""Shared fixtures: the bundled sources, knowledge bases built into temporary directories, and a
CLI runner that keeps stdout and stderr apart."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from drugstrat.kb import build as kb
from drugstrat.kb.paths import bundled_data_dir

BUNDLED = bundled_data_dir()
EN_SOURCE = next((BUNDLED / "en").glob("*.txt"))
NL_SOURCE = next((BUNDLED / "nl").glob("*.txt"))


@pytest.fixture(scope="session")
def bundled_kb(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bundled pair built into a temporary KB (read-only use: tests must not edit it)."""
    root = tmp_path_factory.mktemp("bundled")
    kb.build({"en": EN_SOURCE, "nl": NL_SOURCE}, root)
    return root


@pytest.fixture
def scratch_kb(bundled_kb: Path, tmp_path: Path) -> Path:
    """A private copy of the bundled KB that a test may edit: copied, not rebuilt, which is
    what keeps the suite fast. The copy keeps file times, so its cache is current."""
    return Path(shutil.copytree(bundled_kb, tmp_path / "kb"))


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


def write(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(text.encode(encoding))
    return path


def build_pair(tmp_path: Path, en: str, nl: str) -> Path:
    """Build a KB from two small synthetic texts; returns its directory."""
    root = tmp_path / "kb"
    kb.build({"en": write(tmp_path / "src" / "en.txt", en),
              "nl": write(tmp_path / "src" / "nl.txt", nl)}, root)
    return root


def copy_tree(src: Path, dst: Path) -> Path:
    shutil.copytree(src, dst)
    return dst
