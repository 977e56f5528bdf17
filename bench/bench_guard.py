"""The safety scan of a built site: this tree's scan against an earlier revision's, side by side.

Run: ``python bench/bench_guard.py --clients 5000 --sales 100000 --base 37c5ed1 --rounds 3``

Builds the site of a generated workbook once (with this tree), then scans that same site with
the scan of ``--base`` (checked out of git into a scratch folder) and with this tree's,
interleaved (base, new, base, new, ...), each in one process (``jobs = 1``) so that the figure
is CPU work, not how the machine shares its cores. This tree's scan reads the dossiers in the
shell the build wrote them into, as the build's own scan does, and so does the base's if it
can (before ``b4f8b35`` it read every page whole). Prints each round and the ratio new / base
per round, with the median and the spread.
"""

from __future__ import annotations

import argparse
import importlib
import inspect
import shutil
import statistics
import subprocess
import sys
import tarfile
import tempfile
import time
from datetime import date
from io import BytesIO
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.generate import dataset  # noqa: E402
from generator import pipeline, workers  # noqa: E402
from generator.config import Config  # noqa: E402
from generator.site import guard  # noqa: E402
from generator.site.guard import scan  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
AS_OF = date(2026, 11, 22)


def base_package(revision: str, scratch: Path) -> tuple[Any, Any]:
    """The ``guard`` and ``workers`` modules of ``revision``'s package, imported under another
    name."""
    archive = subprocess.run(
        ["git", "archive", revision, "generator"], cwd=ROOT, check=True, capture_output=True
    ).stdout
    with tarfile.open(fileobj=BytesIO(archive)) as tar:
        tar.extractall(scratch, filter="data")
    (scratch / "generator").rename(scratch / "generator_base")
    sys.path.insert(0, str(scratch))
    # The scan is site/guard.py since the stage packages; guard.py before.
    where = (
        "site.guard" if (scratch / "generator_base" / "site" / "guard.py").is_file() else "guard"
    )
    return (
        importlib.import_module(f"generator_base.{where}"),
        importlib.import_module("generator_base.workers"),
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--clients", type=int, default=5000)
    parser.add_argument("--sales", type=int, default=100_000)
    parser.add_argument("--base", default="37c5ed1", help="the revision to compare with")
    parser.add_argument("--rounds", type=int, default=3)
    options = parser.parse_args()
    folder = dataset(options.clients, options.sales)
    with tempfile.TemporaryDirectory(dir=ROOT / "bench") as scratch:
        project = Path(scratch) / "project"
        project.mkdir()
        (project / "mkdocs.yml").write_bytes((ROOT / "mkdocs.yml").read_bytes())
        for name in ("guide", "stylesheets"):  # the stylesheet is in the package since init
            if (ROOT / "docs" / name).is_dir():
                shutil.copytree(ROOT / "docs" / name, project / "docs" / name)
        config = Config(source=str(folder))
        # The shell the build wrote the dossiers into: this tree's scan reads them in it.
        records: list[Any] = []
        know_shell = guard.Scanner.know_shell

        def kept(scanner: guard.Scanner, *shell: Any) -> None:
            records.append(shell)
            know_shell(scanner, *shell)

        guard.Scanner.know_shell = kept  # type: ignore[method-assign]
        result = pipeline.build(config, AS_OF, project)
        guard.Scanner.know_shell = know_shell  # type: ignore[method-assign]
        private = pipeline.private_values(pipeline.check(config), config)
        site = result.site_dir
        files = sum(1 for path in site.rglob("*") if path.is_file())
        old, old_workers = base_package(options.base, Path(scratch) / "base")
        print(f"{options.clients:,} clients, {options.sales:,} sales: {files:,} files in the site")
        # A base that reads record pages in their shell too is given the same shell.
        shell = records[0] if records else None
        base_knows_shells = "records" in inspect.signature(old.scan).parameters
        ratios = []
        with workers.limited(1), old_workers.limited(1):
            for round_number in range(1, options.rounds + 1):
                timed = []
                for function in (old.scan, scan):
                    started = time.perf_counter()
                    found = (
                        function(site, private, records=shell)
                        if function is scan or base_knows_shells
                        else function(site, private)
                    )
                    timed.append(time.perf_counter() - started)
                    assert not found, found[:3]
                ratios.append(timed[1] / timed[0])
                print(
                    f"round {round_number}: base {timed[0]:.2f} s, new {timed[1]:.2f} s, "
                    f"new/base {ratios[-1]:.2f}"
                )
        print(
            f"new/base: median {statistics.median(ratios):.2f}, "
            f"spread {min(ratios):.2f}-{max(ratios):.2f} over {len(ratios)} rounds"
        )


if __name__ == "__main__":
    main()
