"""The downloads (Excel workbooks and CSV) against the build's own stages.

Run: ``python bench/bench_export.py --sizes 100000:5000 750000:20000`` (SALES:CLIENTS). Prints the
time of our build stages (read, validate, model, KPIs, render) and of writing every download
(kpis.xlsx, one workbook per manager and per client, the CSV files), and their ratio: the target
is that downloads take no more than the build's own stages (the ratio at most 1, so that the
stages with downloads take at most double).
"""

from __future__ import annotations

import argparse
import sys
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.generate import dataset  # noqa: E402
from generator.config import Config  # noqa: E402
from generator.contract.schema import load_schema  # noqa: E402
from generator.downloads.export import downloads  # noqa: E402
from generator.kpi import compute  # noqa: E402
from generator.model import build_model  # noqa: E402
from generator.pages.render import render  # noqa: E402
from generator.sources.local import read  # noqa: E402
from generator.validation.validate import validate  # noqa: E402

AS_OF = date(2026, 11, 22)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", nargs="+", default=["100000:5000"])
    arguments = parser.parse_args()
    for size in arguments.sizes:
        sales, clients = (int(part) for part in size.split(":"))
        folder = dataset(clients, sales)
        schema = load_schema()
        config = Config(source=str(folder))
        started = time.perf_counter()
        report = validate(read(folder, schema.table_names), schema)
        model = build_model(report, "EUR")
        kpis = compute(model, AS_OF)
        pages = render(model, kpis, schema, report.warnings, config, folder.name)
        stages = time.perf_counter() - started
        started = time.perf_counter()
        files = downloads(model, kpis, config)
        export = time.perf_counter() - started
        size_mib = sum(len(content) for content in files.values()) / 2**20
        print(
            f"\n{sales:,} sales, {clients:,} clients: {len(pages):,} pages, {len(files):,} downloads ({size_mib:,.0f} MiB)"
        )
        print(f"  build stages (read to render)  {stages:8.2f} s")
        print(f"  downloads                      {export:8.2f} s")
        print(f"  downloads / build stages       {export / stages:8.2f}")


if __name__ == "__main__":
    main()
