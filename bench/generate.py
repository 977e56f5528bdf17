"""Write a large deterministic workbook for the benchmarks: ``python bench/generate.py --help``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from examples.demo.generate import ROLES, role_clauses, role_translations  # noqa: E402
from examples.synthetic import Company, company, write_csv_folder  # noqa: E402

HERE = Path(__file__).resolve().parent
# Raised when what is generated changes, so that data sets made before are made again.
VERSION = "3: contract v2 (clients won during the span, planned interactions, approval fields)"


def generate(clients: int, sales: int, folder: Path) -> Path:
    """Write (once) a company of ``clients`` clients and ``sales`` sales into ``folder``."""
    marker = folder / ".complete"
    if marker.exists() and marker.read_text() == VERSION:
        return folder
    managers = max(8, clients // 100)
    spec = Company(
        seed=7,
        managers=managers,
        clients=clients,
        contracts=clients * 4 // 3,
        sales=sales,
    )
    tables = {
        "Roles": ROLES,
        "RoleTranslations": role_translations(),
        "RoleClauses": role_clauses(),
    }
    tables.update(company(spec))
    write_csv_folder(tables, folder)
    marker.write_text(VERSION)
    return folder


def dataset(clients: int, sales: int) -> Path:
    """The benchmark data set of that size, generated on first use under bench/data/."""
    return generate(clients, sales, HERE / "data" / f"clients{clients}-sales{sales}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--clients", type=int, default=20_000)
    parser.add_argument("--sales", type=int, default=1_000_000)
    arguments = parser.parse_args()
    print(dataset(arguments.clients, arguments.sales))


if __name__ == "__main__":
    main()
