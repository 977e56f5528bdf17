"""Explain the contract to people: the "How to fill in the spreadsheet" page, and JSON.

The same sentences describe a column on the docs page and in the template workbook's header notes,
so they are written once, here.
"""

from __future__ import annotations

import json
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined

from ..validation.cells import EXPECTED
from .schema import Field, Schema, Table

TYPE_NAMES = {
    "string": "text",
    "integer": "whole number",
    "number": "number",
    "date": "date",
    "boolean": "TRUE/FALSE",
    "email": "e-mail",
    "currency": "currency code",
}


def column_rules(table: Table, column: Field) -> list[str]:
    """The rules of one column in plain words, in the order an editor needs them."""
    rules = []
    if column.required:
        rules.append("required")
    if column.name in table.primary_key and len(table.primary_key) > 1:
        rules.append(f"{' + '.join(table.primary_key)} unique together")
    elif column.unique:
        rules.append("unique")
    if column.enum:
        rules.append("one of " + ", ".join(column.enum))
    if column.minimum is not None:
        rules.append(f"at least {column.minimum}")
    if column.exclusive_minimum is not None:
        rules.append(f"above {column.exclusive_minimum}")
    if column.pattern is not None and column.type == "string" and not column.enum:
        rules.append(f"written as {column.pattern_hint or column.pattern.pattern}")
    for key in table.foreign_keys:
        if key.fields[-1] == column.name:
            rules.append(f"must exist in {key.target}.{key.target_fields[-1]}")
    for rule in table.rules:
        if rule.field != column.name:
            continue
        if rule.check == "acyclic":
            rules.append("no circles")
        elif rule.check == "not-before":
            rules.append(f"not before {rule.other}")
        elif rule.check == "same-reference" and rule.target:
            rules.append(f"must belong to the same {rule.other}")
        elif rule.check == "has-rate":
            rules.append(f"needs a rate in {rule.target} unless it is the base currency")
    if column.default is not None:
        default = column.default
        shown = ("TRUE" if default else "FALSE") if isinstance(default, bool) else str(default)
        rules.append(f"empty means {shown}")
    if column.personal:
        rules.append("personal data: not published unless the config allows it")
    if column.internal:
        rules.append("internal: never published")
    return rules


def column_note(table: Table, column: Field) -> str:
    """The whole explanation of a column, as the template's header note shows it."""
    lines = [f"{column.name} ({TYPE_NAMES[column.type]})", column.description]
    lines += [f"- {rule}" for rule in column_rules(table, column)]
    if column.type != "string":
        lines.append(f"Write {EXPECTED[column.type]}.")
    if column.example:
        lines.append(f"Example: {column.example}")
    return "\n".join(line for line in lines if line)


def schema_markdown(schema: Schema) -> str:
    """The "How to fill in the spreadsheet" page as Markdown."""
    environment = Environment(
        loader=PackageLoader("generator.contract", "."),
        undefined=StrictUndefined,
        autoescape=False,  # the output is Markdown, and every value comes from our own schema
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    template = environment.get_template("spreadsheet.md.j2")
    return template.render(
        tables=schema.tables,
        type_names=TYPE_NAMES,
        expected=EXPECTED,
        rules=lambda table, column: "; ".join(column_rules(table, column)),
        cell=_markdown_cell,
    )


def _markdown_cell(text: str | None) -> str:
    return (text or "").replace("|", "\\|").replace("\n", " ")


def schema_json(schema: Schema) -> str:
    """The contract as JSON, for other tools."""
    document: list[dict[str, Any]] = []
    for table in schema.tables:
        document.append(
            {
                "name": table.name,
                "title": table.title,
                "description": table.description,
                "required": table.required,
                "primaryKey": list(table.primary_key),
                "fields": [
                    {
                        "name": column.name,
                        "type": column.type,
                        "description": column.description,
                        "rules": column_rules(table, column),
                        "personal": column.personal,
                        "internal": column.internal,
                    }
                    for column in table.fields
                ],
            }
        )
    return json.dumps(document, ensure_ascii=False, indent=2)
