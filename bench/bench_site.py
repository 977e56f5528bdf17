"""The site build on generated workbooks of growing size: our stages, and the whole command.

Run: ``python bench/bench_site.py --sizes 1000:1000 10000:2000 100000:5000 750000:20000``
(each size is SALES:CLIENTS). For each workbook it times our stages alone, one after the other
(read, validate, model, KPIs, render), then ``accountbook build --timings`` end to end as the
command runs it, in a process of its own (the same stages, MkDocs, split across the cores on a
big site, the downloads in another process meanwhile, the safety scan, the swap), with the
stages the build itself timed. It prints our stages' share of the end-to-end time, the average HTML size of a client dossier, the size of the search index
and the peak memory, of this process and of all the build's processes together.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import replace
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.generate import dataset  # noqa: E402
from generator.config import Config  # noqa: E402
from generator.contract.schema import load_schema  # noqa: E402
from generator.kpi import compute  # noqa: E402
from generator.model import build_model  # noqa: E402
from generator.pages.render import render  # noqa: E402
from generator.sources.local import read  # noqa: E402
from generator.validation.validate import validate  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
AS_OF = date(2026, 11, 22)


class TreeMemory:
    """The peak memory of this process's descendants together (proportional set size), sampled
    from /proc every 3 seconds: the build command, its MkDocs shards and its downloads process
    run at the same time as each other."""

    def __init__(self) -> None:
        self.peak = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)

    def __enter__(self) -> TreeMemory:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()

    def _sample(self) -> None:
        # Every 3 s: reading a big process's memory map takes the kernel a while, and more
        # often than this slowed the build it measured by several percent.
        while not self._stop.wait(3):
            self.peak = max(self.peak, self.total())

    @staticmethod
    def total() -> int:
        parents: dict[int, int] = {}
        for stat in Path("/proc").glob("[0-9]*/stat"):
            try:
                fields = stat.read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            parents[int(stat.parent.name)] = int(fields[1])
        tree = {os.getpid()}
        grew = True
        while grew:
            found = {pid for pid, parent in parents.items() if parent in tree} - tree
            grew = bool(found)
            tree |= found
        tree.discard(os.getpid())  # the build's processes, not this one's
        # Proportional set size: a page that forked processes share (copy-on-write) counts
        # once, split between them, where resident sizes would count it in each.
        total = 0
        for pid in tree:
            try:
                rollup = Path(f"/proc/{pid}/smaps_rollup").read_text()
            except OSError:
                continue
            for line in rollup.splitlines():
                if line.startswith("Pss:"):
                    total += int(line.split()[1]) * 1024
        return total


def run(sales: int, clients: int, jobs: int | None = None) -> dict[str, float]:
    """Our stages alone, one after the other; then ``accountbook build`` end to end."""
    folder = dataset(clients, sales)
    schema = load_schema()
    config = Config(source=str(folder), site_name="Benchmark")
    times: dict[str, float] = {}
    started = time.perf_counter()

    def stage(name: str) -> None:
        nonlocal started
        now = time.perf_counter()
        times[name] = now - started
        started = now

    workbook = read(folder, schema.table_names)
    stage("read")
    report = validate(workbook, schema)
    assert report.valid, report.issues[:3]
    stage("validate")
    model = build_model(report, "EUR")
    report = replace(report, tables={})  # as pipeline.build does
    stage("model")
    kpis = compute(model, AS_OF)
    stage("kpi")
    files = render(model, kpis, schema, report.warnings, config, folder.name)
    stage("render")
    times["pages"] = len(files)
    del files, model, kpis, report, workbook
    with tempfile.TemporaryDirectory(dir=ROOT / "bench") as scratch:
        project = Path(scratch)
        shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
        for name in ("guide", "stylesheets"):
            shutil.copytree(ROOT / "docs" / name, project / "docs" / name)
        # The command itself, in a process of its own as a user runs it: the stages again, the pages rendered and built by two MkDocs
        # processes on a big site (site.SHARD_MIN_PAGES), the downloads by a third meanwhile,
        # the safety scan, the swap.
        started = time.perf_counter()
        with TreeMemory() as memory:
            built = subprocess.run(
                [sys.executable, "-m", "generator", "build", "--source", str(folder),
                 "--as-of", AS_OF.isoformat(), "--timings",
                 *(("--jobs", str(jobs)) if jobs else ())],
                cwd=project,
                check=True,
                stdout=subprocess.PIPE,
                text=True,
            )  # fmt: skip
        stage("end to end")
        # The build's own account of its stages (--timings): "  MkDocs   93.0 s".
        for line in built.stdout.splitlines()[1:]:
            name, seconds, _ = line.rsplit(None, 2)
            times[f"build: {name.strip()}"] = float(seconds)
        times["tree peak MiB"] = memory.peak / 2**20
        dossiers = list((project / "site" / "clients").glob("*/index.html"))
        times["dossier KiB"] = sum(path.stat().st_size for path in dossiers) / len(dossiers) / 1024
        times["search index MiB"] = (
            project / "site" / "search" / "search_index.json"
        ).stat().st_size / 2**20
    times["peak MiB"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", nargs="+", default=["1000:1000", "10000:2000", "100000:5000"])
    parser.add_argument("--jobs", type=int, help="accountbook build --jobs (default: one per core)")
    arguments = parser.parse_args()
    for size in arguments.sizes:
        sales, clients = (int(part) for part in size.split(":"))
        times = run(sales, clients, arguments.jobs)
        ours = sum(times[name] for name in ("read", "validate", "model", "kpi", "render"))
        total = times["end to end"]
        jobs = f", --jobs {arguments.jobs}" if arguments.jobs else ""
        print(
            f"\n{sales:,} sales, {clients:,} clients, {int(times['pages']):,} generated files{jobs}"
        )
        for name in ("read", "validate", "model", "kpi", "render"):
            print(f"  {name:<24} {times[name]:8.2f} s (alone)")
        print(f"  {'accountbook build':<24} {total:8.2f} s end to end, of which (--timings):")
        for name, seconds in times.items():
            if name.startswith("build: ") and name != "build: total":
                print(f"    {name.removeprefix('build: '):<30} {seconds:8.1f} s")
        print(
            f"  our stages               {ours / total:8.1%} of it (their time alone / end to end)"
        )
        print(f"  dossier HTML average     {times['dossier KiB']:8.1f} KiB")
        print(f"  search index             {times['search index MiB']:8.2f} MiB")
        print(f"  peak memory, our stages  {times['peak MiB']:8.0f} MiB (this process)")
        print(
            f"  peak memory, the build   {times['tree peak MiB']:8.0f} MiB "
            "(all its processes at once: itself, its MkDocs shards, its downloads)"
        )


if __name__ == "__main__":
    main()
