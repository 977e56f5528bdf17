"""Where a build's memory peaks: every process of one ``accountbook build``, sampled each second.

Run from a project folder: ``python bench/memory_timeline.py --clients 20000 --sales 750000``.

It builds the generated workbook once (``--timings``) and prints, each second, the proportional
set size of all the build's processes together and of each one (largest first), then the peak
and which processes made it. A diagnostic, not a comparison: for a ratio against another
revision, bench_build.py runs both side by side (its samples are 3 s apart, as reading a big
process's memory map often slows the build it measures).
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.generate import dataset  # noqa: E402


def _tree(root: int) -> set[int]:
    parents: dict[int, int] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            parents[int(stat.parent.name)] = int(stat.read_text().rsplit(")", 1)[1].split()[1])
        except (OSError, ValueError):
            continue
    tree, grew = {root}, True
    while grew:
        found = {pid for pid, parent in parents.items() if parent in tree} - tree
        grew = bool(found)
        tree |= found
    return tree


def _pss(pid: int) -> int:
    """The process's proportional set size in MiB (0 once it has ended)."""
    try:
        rollup = Path(f"/proc/{pid}/smaps_rollup").read_text()
    except OSError:
        return 0
    for line in rollup.splitlines():
        if line.startswith("Pss:"):
            return int(line.split()[1]) // 1024
    return 0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--clients", type=int, default=20_000)
    parser.add_argument("--sales", type=int, default=750_000)
    parser.add_argument("--as-of", default="2026-11-22")
    arguments = parser.parse_args()
    source = dataset(arguments.clients, arguments.sales)
    build = subprocess.Popen(
        [sys.executable, "-m", "generator", "build", "--source", str(source),
         "--as-of", arguments.as_of, "--timings"],
        stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
    )  # fmt: skip
    started = time.perf_counter()
    peak: tuple[int, float, list[int]] = (0, 0.0, [])
    while build.poll() is None:
        sizes = sorted((_pss(pid) for pid in _tree(build.pid)), reverse=True)
        sizes = [size for size in sizes if size]
        at = time.perf_counter() - started
        print(f"{at:6.1f} s {sum(sizes):6,} MiB  {sizes}", flush=True)
        if sum(sizes) > peak[0]:
            peak = (sum(sizes), at, sizes)
        time.sleep(1)
    print(build.stdout.read() if build.stdout else "")
    print(f"peak {peak[0]:,} MiB at {peak[1]:.1f} s: {peak[2]}")


if __name__ == "__main__":
    main()
