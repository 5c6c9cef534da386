"""OmegaT, the sentence TMX's real client, driven in console mode: a project with a source file
and our TMX in `tm/auto` (whose exact matches it fills in on loading), its statistics, and the
segments it cuts a file into (its pseudo-translated TMX)."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

PROJECT = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<omegat>
    <project version="1.0">
        <source_dir>source/</source_dir>
        <target_dir>target/</target_dir>
        <tm_dir>tm/</tm_dir>
        <glossary_dir>glossary/</glossary_dir>
        <glossary_file>glossary/glossary.txt</glossary_file>
        <dictionary_dir>dictionary/</dictionary_dir>
        <source_lang>{source}</source_lang>
        <target_lang>{target}</target_lang>
        <source_tok>org.omegat.tokenizer.LuceneEnglishTokenizer</source_tok>
        <target_tok>org.omegat.tokenizer.LuceneDutchTokenizer</target_tok>
        <sentence_seg>true</sentence_seg>
        <support_default_translations>true</support_default_translations>
        <remove_tags>false</remove_tags>
    </project>
</omegat>
"""


def binary() -> str:
    """OmegaT's launcher; the test skips without it, except where CI promises it."""
    found = shutil.which("omegat")
    if found is None:
        if os.environ.get("DRUGSTRAT_EXPECT_OMEGAT"):
            pytest.fail("omegat is expected here (.ci/run installs it) but was not found")
        pytest.skip("OmegaT is not installed here (.ci/run installs Debian's omegat)")
    return found


def project(root: Path, original: Path, source: str = "EN", target: str = "NL") -> Path:
    """An OmegaT project translating `original` (copied into its source folder)."""
    for folder in ("source", "target", "tm/auto", "glossary", "dictionary", "omegat"):
        (root / folder).mkdir(parents=True, exist_ok=True)
    (root / "omegat.project").write_text(PROJECT.format(source=source, target=target),
                                         encoding="utf-8")
    shutil.copy(original, root / "source" / original.name)
    return root


def _run(root: Path, *args: str) -> None:
    subprocess.run([binary(), *args, str(root)], capture_output=True, timeout=300,
                   env={**os.environ, "HOME": str(root.parent)}, check=True)


def pretranslated(root: Path) -> tuple[int, int]:
    """Translate the project in console mode: (unique segments, unique segments OmegaT filled
    from the TMX in tm/auto), as its statistics say."""
    _run(root, "--mode=console-translate")
    stats = (root / "omegat" / "project_stats.txt").read_text(encoding="utf-8")
    unique = int(re.search(r"^Unique:\s+(\d+)", stats, re.M).group(1))
    remaining = int(re.search(r"^Unique Remaining:\s+(\d+)", stats, re.M).group(1))
    return unique, unique - remaining


def segments(root: Path) -> set[str]:
    """The unique segments OmegaT cuts the project's source files into."""
    out = root / "pseudo.tmx"
    _run(root, "--mode=console-createpseudotranslatetmx", f"--pseudotranslatetmx={out}",
         "--pseudotranslatetype=equal")
    return {"".join(tu.find("tuv/seg").itertext()) for tu in ET.parse(out).getroot().iter("tu")}
