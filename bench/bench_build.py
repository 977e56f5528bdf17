"""``accountbook build`` of this tree against an earlier revision's, side by side on one machine.

Run: ``python bench/bench_build.py --clients 20000 --sales 750000 --base 37c5ed1 --rounds 2``
(add ``--languages en,cs,de,pt,el,tl`` for the six-language build; ``--base HEAD --new HEAD
--base-languages en --languages en,cs,de,pt,el,tl`` compares six languages with one, and
``--base HEAD --new HEAD --base-progress quiet --progress bar`` what drawing the progress costs).

The base revision is checked out of git into a scratch folder (``git worktree``) and runs from
there with this environment's packages. Each round builds the same generated workbook with the
base, then with this tree (interleaved: base, new, base, new, ...), each as a user runs it (a
process of its own, ``--timings``), into a project of its own that already holds a site built
by the same tree (so that replacing the previous site is measured too). It prints each run's
wall-clock time and the peak memory of all the build's processes together (proportional set
size, sampled every 3 s), the ratio new / base per round, the median and the spread, and the
stages this tree's build timed.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.bench_site import TreeMemory  # noqa: E402
from bench.generate import dataset  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
AS_OF = date(2026, 11, 22)


def _project(folder: Path, tree: Path, languages: str) -> Path:
    folder.mkdir(parents=True)
    shutil.copy(tree / "mkdocs.yml", folder / "mkdocs.yml")
    for name in ("guide", "stylesheets"):  # the stylesheet is in the package since init
        if (tree / "docs" / name).is_dir():
            shutil.copytree(tree / "docs" / name, folder / "docs" / name)
    (folder / "accountbook.toml").write_text(
        f"languages = [{', '.join(repr(code) for code in languages.split(','))}]\n".replace(
            "'", '"'
        ),
        encoding="utf-8",
    )
    return folder


def _build(tree: Path, project: Path, source: Path, progress: str = "") -> tuple[float, int, str]:
    """One build with ``tree``'s package: seconds, peak bytes, and what it printed.
    ``progress`` is the progress mode (bar, lines, quiet; empty: as on a pipe)."""
    env = {**os.environ, "PYTHONPATH": str(tree)}
    env.pop("ACCOUNTBOOK_PROGRESS", None)
    if progress:
        env["ACCOUNTBOOK_PROGRESS"] = progress
    started = time.perf_counter()
    with TreeMemory() as memory:
        done = subprocess.run(
            [sys.executable, "-m", "generator", "build", "--source", str(source),
             "--as-of", AS_OF.isoformat(), "--timings"],
            cwd=project, env=env, check=True, capture_output=True, text=True,
        )  # fmt: skip
    return time.perf_counter() - started, memory.peak, done.stdout


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--clients", type=int, default=20_000)
    parser.add_argument("--sales", type=int, default=750_000)
    parser.add_argument("--base", default="37c5ed1", help="the revision to compare with")
    parser.add_argument(
        "--new", default="", help="the revision to measure (default: this working tree)"
    )
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--languages", default="en")
    parser.add_argument(
        "--base-languages",
        default="",
        help="the base build's languages (default: --languages); with --base and --new the "
        "same revision, this compares a build in other languages",
    )
    parser.add_argument(
        "--progress", default="", help="the new build's progress mode: bar, lines or quiet"
    )
    parser.add_argument("--base-progress", default="", help="the base build's progress mode")
    options = parser.parse_args()
    progress = {"base": options.base_progress, "new": options.progress}
    source = dataset(options.clients, options.sales)
    with tempfile.TemporaryDirectory(dir=ROOT / "bench") as scratch:
        base = Path(scratch) / "base-tree"
        new = Path(scratch) / "new-tree" if options.new else ROOT
        for tree, revision in ((base, options.base), (new, options.new)):
            if tree != ROOT:
                subprocess.run(
                    ["git", "worktree", "add", "--detach", str(tree), revision],
                    cwd=ROOT, check=True, capture_output=True,
                )  # fmt: skip
        try:
            trees = {"base": base, "new": new}
            languages = {
                "base": options.base_languages or options.languages,
                "new": options.languages,
            }
            projects = {
                name: _project(Path(scratch) / name, tree, languages[name])
                for name, tree in trees.items()
            }
            for name, tree in trees.items():  # the previous site, which each build replaces
                _build(tree, projects[name], source)
            print(
                f"{options.clients:,} clients, {options.sales:,} sales; base {options.base} "
                f"in {languages['base']}, new {options.new or 'this tree'} in {languages['new']}"
            )
            ratios, memory_ratios = [], []
            last = ""
            for number in range(1, options.rounds + 1):
                runs = {}
                for name, tree in trees.items():
                    runs[name] = _build(tree, projects[name], source, progress[name])
                    seconds, peak, printed = runs[name]
                    print(f"round {number} {name}: {seconds:.1f} s, peak {peak / 2**20:,.0f} MiB")
                    last = printed if name == "new" else last
                ratios.append(runs["new"][0] / runs["base"][0])
                memory_ratios.append(runs["new"][1] / runs["base"][1])
                print(
                    f"round {number}: new/base time {ratios[-1]:.2f}, memory {memory_ratios[-1]:.2f}"
                )
            print(
                f"new/base time: median {statistics.median(ratios):.2f}, spread "
                f"{min(ratios):.2f}-{max(ratios):.2f}; memory: median "
                f"{statistics.median(memory_ratios):.2f} over {len(ratios)} rounds"
            )
            print("the new build's own timings (last round):")
            print(last)
        finally:
            for tree in (base, new):
                if tree != ROOT:
                    subprocess.run(
                        ["git", "worktree", "remove", "--force", str(tree)], cwd=ROOT, check=False
                    )


if __name__ == "__main__":
    main()
