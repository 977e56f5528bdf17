"""The contract in sheets_schema/ and what is derived from it."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.contract.docs import schema_markdown
from generator.contract.schema import SchemaError, load_schema

SCHEMA_DIR = Path(__file__).resolve().parent.parent / "sheets_schema"


def test_contract_tabs_and_required_flags() -> None:
    schema = load_schema()
    required = {table.name for table in schema.tables if table.required}
    assert required == {"Roles", "RoleClauses", "Managers", "Clients", "Contracts", "Sales"}
    assert set(schema.table_names) - required == {
        "RoleTranslations",
        "Targets",
        "Rates",
        "Interactions",
        "Complaints",
    }


def test_personal_and_internal_columns() -> None:
    schema = load_schema()
    flagged = {
        (table.name, column.name, "personal" if column.personal else "internal")
        for table in schema.tables
        for column in table.fields
        if column.personal or column.internal
    }
    assert flagged == {
        ("Managers", "email", "personal"),
        ("Clients", "contact_name", "personal"),
        ("Clients", "contact_email", "personal"),
        ("Clients", "contact_phone", "personal"),
        ("Clients", "notes", "internal"),
        ("Interactions", "summary", "internal"),
    }


def test_markdown_page_explains_every_column() -> None:
    schema = load_schema()
    page = schema_markdown(schema)
    for table in schema.tables:
        assert f"\n## {table.name}\n" in page
        for column in table.fields:
            assert f"| `{column.name}` |" in page
    assert (
        "| `period` | text | The period, written 2026 (a year), 2026-Q1 (a quarter) or 2026-03 (a month)."
        in page
    )


def test_broken_schema_is_refused(tmp_path: Path) -> None:
    for path in SCHEMA_DIR.glob("*.yaml"):
        (tmp_path / path.name).write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    sales = tmp_path / "Sales.yaml"
    sales.write_text(
        sales.read_text(encoding="utf-8").replace("resource: Clients", "resource: Customers")
    )
    with pytest.raises(SchemaError, match="reference to unknown tab 'Customers'"):
        load_schema(tmp_path)
