"""Latency and build-time figures, as ratios measured in one run (README, "Performance").

    python benchmarks/bench.py            # default: 15 runs per command
    python benchmarks/bench.py --runs 40

Absolute times on these shared machines are noise; ratios against `python -c "import typer"`
measured in the same run are not. The script also builds a synthetic knowledge base 20x the
bundled one (its objectives repeated under new numbers, in both languages) and reports how query
latency grows. It prints; it asserts nothing (a timing assertion in a test suite would flake).
"""

from __future__ import annotations

import argparse
import math
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from drugstrat.kb.paths import bundled_data_dir  # noqa: E402
from drugstrat.languages import LANGUAGES  # noqa: E402
from drugstrat.parse import parse_text  # noqa: E402

GROWTH = 20  # the budgets ask how latency grows when the knowledge base grows twenty times

BUDGETS = {  # command label -> (budget, target) as multiples of the typer floor
    "show 3.4 --json": (1.5, 1.1),
    "search money laundering --json": (2.0, 1.3),
    "search prekursoren --json (typo)": (2.0, 1.5),
    "list --type specific_objective --json": (1.5, 1.2),
    "show 3.4 (table)": (2.5, None),
    "list --type strategic_objective (table)": (2.5, None),
}


def drugstrat_command() -> list[str]:
    script = Path(sys.executable).parent / "drugstrat"
    return [str(script)] if script.exists() else [sys.executable, "-m", "drugstrat"]


def median_seconds(command: list[str], runs: int, env: dict[str, str] | None = None) -> float:
    return interleaved({"": command}, runs, env)[""]


def interleaved(commands: dict[str, list[str]], runs: int,
                env: dict[str, str] | None = None) -> dict[str, float]:
    """Median wall time of each command, the commands taking turns run after run, so that a
    burst of load on this shared machine hits them all alike and the ratios stay fair."""
    times: dict[str, list[float]] = {label: [] for label in commands}
    for _ in range(runs):
        for label, command in commands.items():
            start = time.perf_counter()
            subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                           env=env)
            times[label].append(time.perf_counter() - start)
    return {label: statistics.median(values) for label, values in times.items()}


def wrapped_sources(megabytes: float, workdir: Path) -> dict[str, Path]:
    """Sources of about `megabytes` each, hard-wrapped at 72 columns as pdftotext leaves them:
    the bundled texts grown (see `scaled_sources`) and wrapped."""
    import textwrap

    bundled = next((bundled_data_dir() / "en").glob("*.txt")).stat().st_size
    grown = scaled_sources(max(1, round(megabytes * 1e6 / bundled)), workdir)
    out = {}
    for lang, path in grown.items():
        lines = path.read_text(encoding="utf-8").split("\n")
        wrapped = "\n".join("\n".join(textwrap.wrap(line, 72)) if len(line) > 72 else line
                            for line in lines)
        out[lang] = workdir / f"wrapped-{megabytes}.{lang}.txt"
        out[lang].write_text(wrapped, encoding="utf-8")
    return out


def search_quality(root: Path) -> None:
    """Precision and recall of the top results over the false-friend queries (police/policy,
    port/sports …) the test suite holds at 95 %."""
    from ruamel.yaml import YAML

    from drugstrat.kb import store
    from drugstrat.kb.paths import glossary_path
    from drugstrat.search.quality import judge, overall

    cases = YAML(typ="safe").load((ROOT / "tests" / "data" / "false_friends.yaml")
                                  .read_text(encoding="utf-8"))
    judged = judge(store.load(root), cases, glossary_path(root))
    precision, recall = overall(judged)
    print(f"search, {len(judged)} false-friend queries: precision {precision:.1%}, "
          f"recall {recall:.1%} (both at least 95 %)")
    for case in judged:
        if case.precision < 1 or case.recall < 1:
            print(f"  {case.query}: {case.right} of {len(case.shown)} shown about it, "
                  f"{case.relevant} records about it")


def build_throughput(cli: list[str], work: Path) -> None:
    """Build time, throughput and peak memory for hard-wrapped sources of growing size: a build
    must be linear in its sources (target: 1 MB/s of text; a 5 MB source under 15 s and
    300 MB)."""
    import resource

    print(f"{'source (each language)':24} {'total':>8} {'build':>8} {'MB/s':>6} {'peak':>8}")
    for megabytes in (0.1, 1, 5):
        sources = wrapped_sources(megabytes, work)
        size = sum(p.stat().st_size for p in sources.values()) / 1e6
        start = time.perf_counter()
        subprocess.run([*cli, "build", "--en", str(sources["en"]), "--nl", str(sources["nl"]),
                        "--out", str(work / f"wrapped-{megabytes}"), "--json"], check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        seconds = time.perf_counter() - start
        # The largest child so far: the sizes grow, so it is this build's.
        peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        verdict = ""
        if megabytes == 1:
            verdict = "ok" if seconds < 30 else "SLOW"
        elif megabytes == 5:
            verdict = "ok" if seconds < 15 and peak < 300 else "OVER"
        print(f"{megabytes:>8} MB hard-wrapped {size:6.1f}MB {seconds:7.2f}s "
              f"{size / seconds:6.2f} {peak:6.0f}MB  {verdict}")


def scaled_sources(growth: int, workdir: Path) -> dict[str, Path]:
    """The bundled texts with their strategic objectives repeated (renumbered) until the
    knowledge base has about `growth` times as many records."""
    out = {}
    for lang_code in ("en", "nl"):
        lang = LANGUAGES[lang_code]
        label = re.escape(lang.objective_labels[0])
        endnotes = "|".join(re.escape(name) for name, key in lang.section_names.items()
                            if key == "endnotes")
        text = next((bundled_data_dir() / lang_code).glob("*.txt")).read_text(encoding="utf-8")
        head, rest = re.split(rf"(?m)^(?={label}\. 1 )", text, maxsplit=1)
        objectives, notes = re.split(rf"(?m)^(?={endnotes})", rest, maxsplit=1)
        total = len(parse_text(text, lang).records)
        per_copy = total - len(parse_text(head + notes, lang).records)
        factor = math.ceil((growth * total - (total - per_copy)) / per_copy)
        count = len(re.findall(rf"(?m)^{label}\. \d+ ", objectives))
        copies = []
        for k in range(factor):
            offset = k * count

            def renumber(match: re.Match[str], offset: int = offset) -> str:
                return f"{match.group(1)}{int(match.group(2)) + offset}{match.group(3)}"

            copy = re.sub(rf"(?m)^({label}\. )(\d+)( )", renumber, objectives)
            copy = re.sub(r"(?m)^((?:- )?)(\d+)(\.\d+ )", renumber, copy)
            copies.append(copy)
        path = workdir / f"scaled.{lang_code}.txt"
        path.write_text(head + "".join(copies) + notes, encoding="utf-8")
        out[lang_code] = path
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    cli = drugstrat_command()
    env = {**os.environ, "NO_COLOR": "1", "COLUMNS": "100"}
    env.pop("DRUGSTRAT_DATA", None)
    # Measure what users get: Python caches compiled modules (.pyc) unless told not to, and
    # typer, the floor, already has its cache from pip. Without this, every run of ours would
    # recompile our modules, about 10 ms here.
    env.pop("PYTHONDONTWRITEBYTECODE", None)

    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        bundled = work / "bundled"
        start = time.perf_counter()
        subprocess.run([*cli, "build", "--en", str(next((bundled_data_dir() / "en").glob("*.txt"))),
                        "--nl", str(next((bundled_data_dir() / "nl").glob("*.txt"))),
                        "--out", str(bundled), "--json"], check=True, stdout=subprocess.DEVNULL,
                       stderr=subprocess.DEVNULL)
        build_bundled = time.perf_counter() - start

        big = work / "x20"
        sources = scaled_sources(GROWTH, work)
        start = time.perf_counter()
        subprocess.run([*cli, "build", "--en", str(sources["en"]), "--nl", str(sources["nl"]),
                        "--out", str(big), "--json"], check=True, stdout=subprocess.DEVNULL,
                       stderr=subprocess.DEVNULL)
        build_big = time.perf_counter() - start

        # Warm the caches: the search index is built on the first search after a build.
        for root in (bundled, big):
            subprocess.run([*cli, "--data", str(root), "search", "drugs", "--json"], check=True,
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

        commands = {
            "show 3.4 --json": ["show", "3.4", "--json"],
            "search money laundering --json": ["search", "money", "laundering", "--json"],
            "search prekursoren --json (typo)": ["search", "prekursoren", "--json"],
            "list --type specific_objective --json": ["list", "--type", "specific_objective",
                                                      "--json"],
            "show 3.4 (table)": ["show", "3.4"],
            "list --type strategic_objective (table)": ["list", "--type",
                                                        "strategic_objective"],
        }
        runs = {"bare": [sys.executable, "-c", "pass"],
                "floor": [sys.executable, "-c", "import typer"]}
        for label, argv in commands.items():
            runs[label] = [*cli, "--data", str(bundled), *argv]
            runs[label + " x"] = [*cli, "--data", str(big), *argv]
        medians = interleaved(runs, args.runs, env)
        floor = medians["floor"]
        print(f"runs per command: {args.runs}, interleaved; medians; ratios against the typer "
              "floor")
        print(f"bare interpreter        {medians['bare'] * 1000:7.1f} ms")
        print(f"import typer (floor)    {floor * 1000:7.1f} ms")
        print()
        big_label = f"x{GROWTH} KB"
        print(f"{'command':42} {'bundled':>9} {'ratio':>6} {'budget':>7} {big_label:>9} "
              f"{'growth':>7}")
        for label in commands:
            small, large = medians[label], medians[label + " x"]
            budget, target = BUDGETS[label]
            verdict = "ok" if small / floor <= budget else "OVER"
            print(f"{label:42} {small * 1000:7.1f}ms {small / floor:5.2f}x {budget:5.1f}x "
                  f"{large * 1000:7.1f}ms {large / small:6.2f}x  {verdict}")
        print()
        diff_command = [*cli, "--data", str(bundled), "diff", "--json", "--fail-on", "never"]

        def forget(root: Path, what: str) -> None:
            for cache in (root / ".cache").glob(f"kb.{what}-*.json"):
                cache.unlink()

        # The first diff after a build asks the dictionaries and runs every check; a later one
        # on an edited knowledge base runs the checks again, answered by what the dictionaries
        # said; one on an unchanged knowledge base recalls what the checks found.
        forget(bundled, "spelling")
        forget(bundled, "findings")
        diff_first = median_seconds(diff_command, 1, env)
        checked = []
        for _ in range(max(3, args.runs // 3)):
            forget(bundled, "findings")
            checked.append(median_seconds(diff_command, 1, env))
        diff_checked = statistics.median(checked)
        diff_again = median_seconds(diff_command, max(3, args.runs // 3), env)
        diff_big = median_seconds([*cli, "--data", str(big), "diff", "--json",
                                   "--fail-on", "never"], 1, env)
        print(f"diff, bundled KB, first after build:         {diff_first:6.2f} s")
        print(f"diff, bundled KB, checks run:                {diff_checked:6.2f} s  (budget 1 s)")
        print(f"diff, bundled KB, unchanged (recalled):      {diff_again:6.2f} s")
        print(f"diff, x{GROWTH} KB (whole command):               {diff_big:6.2f} s")
        records = sum(1 for _ in (bundled / "en" / "records.yaml").read_text().split("\n  - id:"))
        big_records = sum(1 for _ in (big / "en" / "records.yaml").read_text().split("\n  - id:"))
        print(f"build, bundled KB ({records} records a language):  {build_bundled:6.2f} s"
              "  (budget 2 s)")
        print(f"build, x{GROWTH} KB ({big_records} records a language):  {build_big:6.2f} s")
        print()
        search_quality(bundled)
        print()
        build_throughput(cli, work)
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
