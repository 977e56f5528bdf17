"""Validation speed on a workbook with a 1,000,000-row Sales tab.

Run: ``python bench/bench_validate.py [--sales N] [--repeat K]``. Prints the time of each stage
(reading the CSV files, validating every tab) as the best of K runs, and rows per second for the
Sales tab. The data set is generated once under bench/data/.
"""

from __future__ import annotations

import argparse
import gc
import platform
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.generate import dataset  # noqa: E402
from generator.contract.schema import load_schema  # noqa: E402
from generator.sources.local import read  # noqa: E402
from generator.validation.validate import validate  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--clients", type=int, default=20_000)
    parser.add_argument("--sales", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=3)
    arguments = parser.parse_args()
    folder = dataset(arguments.clients, arguments.sales)
    schema = load_schema()
    best: dict[str, float] = {}
    for _ in range(arguments.repeat):
        gc.collect()
        started = time.perf_counter()
        workbook = read(folder, schema.table_names)
        read_done = time.perf_counter()
        report = validate(workbook, schema)
        validated = time.perf_counter()
        sales_rows = len(workbook.sheets["Sales"].rows)
        assert report.valid, report.issues[:5]
        del report
        for stage, seconds in (
            ("read all tabs (CSV)", read_done - started),
            ("validate all tabs", validated - read_done),
            ("read + validate", validated - started),
        ):
            best[stage] = min(best.get(stage, float("inf")), seconds)
        del workbook
    print(f"python {platform.python_version()} on {platform.machine()}, {sys.platform}")
    print(f"data set: {folder.name} ({sales_rows:,} Sales rows)")
    for stage, seconds in best.items():
        print(f"{stage:<24} {seconds:7.2f} s")
    rate = sales_rows / best["validate all tabs"]
    print(
        f"validation throughput    {rate:,.0f} Sales rows/s (whole workbook counted against Sales)"
    )


if __name__ == "__main__":
    main()
