"""Shared fixtures: the bundled sources, knowledge bases built into temporary directories, and a
CLI runner that keeps stdout and stderr apart."""

from __future__ import annotations

import functools
import os
import shutil
from pathlib import Path

import pytest
import typer
import typer.main
import typer.testing
from typer.testing import CliRunner

from drugstrat.kb import build as kb
from drugstrat.kb.paths import bundled_data_dir

BUNDLED = bundled_data_dir()

# Property tests run every example they ask for in CI (CI=true, as .ci/run has it), a quarter of
# them on a developer's machine: the same properties, at a pace to live with.
EXAMPLES_SHARE = 1.0 if os.environ.get("CI") else 0.25


def examples(wanted: int) -> int:
    """How many examples a property test runs here (see EXAMPLES_SHARE)."""
    return max(25, round(wanted * EXAMPLES_SHARE))
def dutch_speller():  # type: ignore[no-untyped-def]
    """The Dutch hunspell dictionary; a test needing it skips where it is missing, and fails
    where it is expected (.ci/run installs it and sets DRUGSTRAT_EXPECT_DICTIONARIES)."""
    from drugstrat.languages import DUTCH
    from drugstrat.text.spelling import speller

    found = speller(DUTCH)
    if found is None:
        if os.environ.get("DRUGSTRAT_EXPECT_DICTIONARIES"):
            pytest.fail("hunspell-nl is expected here (.ci/run installs it) but was not found")
        pytest.skip("no Dutch hunspell dictionary on this machine")
    return found


def load_benchmark(name: str):  # type: ignore[no-untyped-def]
    """A script of benchmarks/ as a module, for its tests."""
    import importlib.util
    import sys

    path = Path(__file__).resolve().parent.parent / "benchmarks" / f"{name}.py"
    spec = importlib.util.spec_from_file_location(f"{name}_bench", path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up by name
    spec.loader.exec_module(module)
    return module


EN_SOURCE = next((BUNDLED / "en").glob("*.txt"))
NL_SOURCE = next((BUNDLED / "nl").glob("*.txt"))


@pytest.fixture(scope="session")
def bundled_kb(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bundled pair built into a temporary KB (read-only use: tests must not edit it), with
    what the first `diff` and `search` keep beside its cache (the dictionaries' answers, the
    search index), so that no copy of it has to ask or index again."""
    from drugstrat.diff.review import review
    from drugstrat.kb import store
    from drugstrat.kb.paths import glossary_path
    from drugstrat.search.index import open_index

    root = tmp_path_factory.mktemp("bundled")
    kb.build({"en": EN_SOURCE, "nl": NL_SOURCE}, root)
    built = store.load(root)
    review(built)
    open_index(built, glossary_path(root)).close()
    return root


@pytest.fixture
def scratch_kb(bundled_kb: Path, tmp_path: Path) -> Path:
    """A private copy of the bundled KB that a test may edit: copied, not rebuilt, which is
    what keeps the suite fast. The copy keeps file times, so its cache is current."""
    return Path(shutil.copytree(bundled_kb, tmp_path / "kb"))


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


# typer's runner builds the click command from the app's functions again on every `invoke` — a
# fifth of a CLI test's time — though the same command serves every run: click keeps a run's
# state in its context, drugstrat in the run's `Invocation`. Built once per app here.
typer.testing._get_command = functools.cache(typer.main.get_command)  # type: ignore[attr-defined]


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


# A short but complete edition of the genre in two languages: a title page, an introduction, two
# strategic objectives with specific objectives and a list. For tests whose promise does not
# depend on the text (a build killed at every step builds many times): it builds in milliseconds.
SHORT_EN = """\
2026 - 2029

INTERFEDERAL STRATEGY FOR A COMPREHENSIVE AND INTEGRATED DRUGS POLICY

GENERAL DRUG POLICY CELL

I. INTRODUCTION

Belgium needs a coordinated drugs policy across all its governments.

IV. STRATEGIC OBJECTIVES

SO. 1 To promote and protect health and well-being

The prevention pillar focuses on healthy behaviour and a healthy environment.

Specific objectives:

- 1.1 To reduce access to and the availability of addictive substances.
- 1.2 To promote a reinforced local effort against drug use.

SO. 2 To pursue strengthened policies against illegal drug markets

The approach rests on four areas:

- education
- interventions in the environment
- agreements and rules
- care and support

Specific objectives:

- 2.1 To dismantle criminal networks and seize their assets.
"""

SHORT_NL = """\
2026 - 2029

INTERFEDERALE STRATEGIE VOOR EEN INTEGRAAL EN GEÏNTEGREERD DRUGSBELEID

ALGEMENE CEL DRUGSBELEID

I. INLEIDING

België heeft nood aan een gecoördineerd drugsbeleid over alle regeringen heen.

IV. STRATEGISCHE DOELSTELLINGEN

SD. 1 Promoten en beschermen van gezondheid en welzijn

De preventiepijler richt zich op gezond gedrag en een gezonde omgeving.

Specifieke doelstellingen:

- 1.1 Verminderen van de toegang tot en de beschikbaarheid van verslavende middelen.
- 1.2 Bevorderen van een versterkte lokale aanpak tegen druggebruik.

SD. 2 Voeren van een versterkt beleid tegen illegale drugsmarkten

De aanpak steunt op vier domeinen:

- educatie
- interventies in de omgeving
- afspraken en regels
- zorg en ondersteuning

Specifieke doelstellingen:

- 2.1 Ontmantelen van criminele netwerken en in beslag nemen van hun vermogen.
"""


def short_edition(tmp_path: Path, replace: dict[str, str] | None = None) -> dict[str, Path]:
    """The short edition's two source files, with words replaced in both languages."""
    sources = {}
    for lang, text in (("en", SHORT_EN), ("nl", SHORT_NL)):
        for old, new in (replace or {}).items():
            text = text.replace(old, new)
        sources[lang] = write(tmp_path / f"short-{lang}" / f"strategy.{lang}.txt", text)
    return sources


def pytest_configure(config: pytest.Config) -> None:
    """Compile drugstrat's byte code once, before the workers start: where the environment says
    PYTHONDONTWRITEBYTECODE (as some sandboxes and CI images do), every `drugstrat` a test runs
    in a subprocess would otherwise compile the package again (0.2 s where 0.08 s will do).
    Python still checks each file's stamp, so an edited module is read from its source."""
    if hasattr(config, "workerinput"):
        return  # a pytest-xdist worker: the controller compiled it
    import compileall

    compileall.compile_dir(Path(__file__).resolve().parent.parent / "drugstrat", quiet=2)


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Tests that run an outside program (Chromium, OmegaT, LibreOffice, Datasette,
    translate-toolkit) run in CI (CI=true, as .ci/run sets), or when asked for (`-m external`,
    DRUGSTRAT_EXTERNAL=1); a developer's plain `pytest` skips them, saying so."""
    if os.environ.get("CI") or os.environ.get("DRUGSTRAT_EXTERNAL") or "external" in (
            config.getoption("markexpr") or ""):
        return
    skip = pytest.mark.skip(reason="runs an outside program: CI=true (as .ci/run sets), "
                                   "-m external or DRUGSTRAT_EXTERNAL=1 runs it")
    for item in items:
        if "external" in item.keywords:
            item.add_marker(skip)
