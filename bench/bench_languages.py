"""A site in six languages against six sites in one: what it costs and where the time goes.

Run: ``python bench/bench_languages.py --sizes 10000:2000 100000:5000`` (SALES:CLIENTS).

For each workbook it builds the site end to end (``pipeline.build``: read, validate, KPIs,
pages, MkDocs, downloads) once in English only and once in six languages, each in a fresh
project, and prints wall-clock and CPU time (this process and its forked children). Then it
times the stages on their own, to say where the time of the six-language build goes: the stages
done once (read, validate, model, KPIs, what the languages share), the pages of each language,
and MkDocs for one language.
"""

from __future__ import annotations

import argparse
import resource
import shutil
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.generate import dataset  # noqa: E402
from generator import pipeline  # noqa: E402
from generator.config import Config  # noqa: E402
from generator.contract.schema import load_schema  # noqa: E402
from generator.kpi import compute  # noqa: E402
from generator.model import build_model  # noqa: E402
from generator.pages.render import Pages  # noqa: E402
from generator.site import build_site  # noqa: E402
from generator.sources.local import read  # noqa: E402
from generator.validation.validate import validate  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
AS_OF = date(2026, 11, 22)
LANGUAGES = ("en", "cs", "de", "pt", "el", "tl")


def _cpu() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def _project(scratch: Path, name: str) -> Path:
    project = scratch / name
    (project / "docs").mkdir(parents=True)
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    for folder in ("guide", "stylesheets"):
        shutil.copytree(ROOT / "docs" / folder, project / "docs" / folder)
    return project


def end_to_end(folder: Path, languages: tuple[str, ...], scratch: Path) -> tuple[float, float]:
    """Wall-clock and CPU seconds of ``accountbook build`` in ``languages``."""
    project = _project(scratch, "-".join(languages))
    config = Config(source=str(folder), site_name="Benchmark", languages=languages)
    cpu, started = _cpu(), time.perf_counter()
    pipeline.build(config, AS_OF, project)
    wall = time.perf_counter() - started
    cpu = _cpu() - cpu
    shutil.rmtree(project)
    return wall, cpu


def stages(folder: Path, scratch: Path) -> dict[str, float]:
    """The stages on their own, in this process."""
    times: dict[str, float] = {}
    schema = load_schema()
    config = Config(source=str(folder), site_name="Benchmark", languages=LANGUAGES)
    started = time.perf_counter()
    report = validate(read(folder, schema.table_names), schema)
    model = build_model(report, "EUR")
    kpis = compute(model, AS_OF)
    pages = Pages(model, kpis, schema, report.warnings, config, folder.name)
    times["once: read, validate, model, KPIs, shared"] = time.perf_counter() - started
    for code in LANGUAGES:
        started = time.perf_counter()
        files = pages.render(code)
        times[f"pages: {code}"] = time.perf_counter() - started
    project = _project(scratch, "mkdocs-only")
    started = time.perf_counter()
    build_site(files, project, project / "site", "Benchmark", AS_OF, languages=("tl",))
    times["mkdocs: one language"] = time.perf_counter() - started
    shutil.rmtree(project)
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", nargs="+", default=["10000:2000", "100000:5000"])
    arguments = parser.parse_args()
    for size in arguments.sizes:
        sales, clients = (int(part) for part in size.split(":"))
        folder = dataset(clients, sales)
        with tempfile.TemporaryDirectory(dir=ROOT / "bench") as scratch:
            one_wall, one_cpu = end_to_end(folder, ("en",), Path(scratch))
            six_wall, six_cpu = end_to_end(folder, LANGUAGES, Path(scratch))
            parts = stages(folder, Path(scratch))
        print(f"\n{sales:,} sales, {clients:,} clients")
        print(f"  one language (en)        {one_wall:8.1f} s wall {one_cpu:8.1f} s CPU")
        print(f"  six single-language      {6 * one_wall:8.1f} s wall {6 * one_cpu:8.1f} s CPU")
        print(
            f"  six languages, one build {six_wall:8.1f} s wall {six_cpu:8.1f} s CPU"
            f"   = {six_wall / (6 * one_wall):.0%} of the wall time, "
            f"{six_cpu / (6 * one_cpu):.0%} of the CPU time of six builds"
        )
        print("  where the time goes (each stage alone, in one process):")
        for name, seconds in parts.items():
            print(f"    {name:<42} {seconds:8.2f} s")


if __name__ == "__main__":
    main()
