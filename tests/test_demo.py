"""The demo workbook: valid, and exactly what its generator script writes."""

from __future__ import annotations

import runpy
import shutil
import sys
from pathlib import Path

from generator.contract.schema import load_schema
from generator.sources.local import read
from generator.validation.validate import validate

DEMO = Path(__file__).resolve().parent.parent / "examples" / "demo"


def test_demo_is_valid_and_of_the_promised_size() -> None:
    schema = load_schema()
    report = validate(read(DEMO, schema.table_names), schema)
    assert report.issues == []
    tables = report.tables
    assert len(tables["Roles"]) >= 3
    assert len(tables["Managers"]) == 8
    assert len(tables["Clients"]) == 60
    assert len(tables["Contracts"]) == 80
    assert len(tables["Sales"]) == 3000
    sales = tables["Sales"].columns
    assert min(sales["date"]).year <= max(sales["date"]).year - 2
    assert any(amount < 0 for amount in sales["amount"])
    assert {currency for currency in sales["currency"] if currency} == {"CZK", "USD"}
    contracts = tables["Contracts"].columns
    assert {"active", "expired", "terminated"} <= set(contracts["status"])
    # Three levels: the head, the key account managers, the account managers.
    managers = dict(
        zip(
            tables["Managers"].columns["manager_id"],
            tables["Managers"].columns["reports_to"],
            strict=True,
        )
    )
    depth = {m: 1 + (0 if managers[m] is None else len(_chain(m, managers)) - 1) for m in managers}
    assert max(depth.values()) == 3
    # Every account manager has monthly targets.
    targets = set(
        zip(
            tables["Targets"].columns["manager_id"],
            tables["Targets"].columns["period"],
            strict=True,
        )
    )
    roles = dict(
        zip(
            tables["Managers"].columns["manager_id"],
            tables["Managers"].columns["role_id"],
            strict=True,
        )
    )
    for manager, role in roles.items():
        if role == "account-manager":
            assert (manager, "2026-06") in targets
    # Every role has all five sections of a job description.
    clauses = tables["RoleClauses"].columns
    for role in tables["Roles"].columns["role_id"]:
        sections = {
            s for r, s in zip(clauses["role_id"], clauses["section"], strict=True) if r == role
        }
        assert sections == {"general", "knowledge", "duties", "rights", "responsibility"}


def _chain(manager: str, boss: dict[str, str | None]) -> list[str]:
    chain = [manager]
    while boss[chain[-1]] is not None:
        chain.append(boss[chain[-1]])  # type: ignore[arg-type]
    return chain


def test_generator_script_reproduces_the_committed_files(tmp_path: Path) -> None:
    copy = tmp_path / "demo"
    copy.mkdir()
    shutil.copy(DEMO / "generate.py", copy / "generate.py")
    shutil.copy(DEMO / "translations.py", copy / "translations.py")  # the script's own module
    sys.path.insert(0, str(copy))  # as running the script puts its folder first
    try:
        runpy.run_path(str(copy / "generate.py"), run_name="__main__")
    finally:
        sys.path.remove(str(copy))
    written = sorted(path.name for path in copy.glob("*.csv"))
    assert written == sorted(path.name for path in DEMO.glob("*.csv"))
    for name in written:
        assert (copy / name).read_bytes() == (DEMO / name).read_bytes(), name
