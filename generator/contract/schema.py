"""The data contract: the tabs, columns and rules declared in ``sheets_schema/``.

The YAML files follow the Frictionless Table Schema style with a few keys of our own (see
``sheets_schema/README.md``). This module only reads the declarations; the checks that enforce them
live in :mod:`generator.validate`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from ..errors import AccountbookError

FIELD_TYPES = ("string", "integer", "number", "date", "boolean", "email", "currency")
RULE_CHECKS = ("acyclic", "not-before", "same-reference", "has-rate", "within")


class SchemaError(AccountbookError):
    """The files in ``sheets_schema/`` are not a valid contract."""


@dataclass(frozen=True)
class Field:
    """One column of a tab."""

    name: str
    type: str
    description: str = ""
    example: str | None = None
    required: bool = False
    unique: bool = False
    enum: tuple[str, ...] = ()
    # The words of ``enum`` as people read them in English ("smb": "Small business"); the
    # site's other languages translate the code itself in their catalogs.
    labels: tuple[tuple[str, str], ...] = ()
    minimum: Decimal | None = None
    exclusive_minimum: Decimal | None = None
    pattern: re.Pattern[str] | None = None
    pattern_hint: str = ""
    default: Any = None
    personal: bool = False
    internal: bool = False
    file_name: bool = False  # the value names a page: it must not collide with another's file


@dataclass(frozen=True)
class ForeignKey:
    """Values of ``fields`` must exist as ``target_fields`` of the tab ``target``."""

    fields: tuple[str, ...]
    target: str
    target_fields: tuple[str, ...]


@dataclass(frozen=True)
class Rule:
    """A check across fields or tabs: ``acyclic``, ``not-before``, ``same-reference``,
    ``has-rate``, ``within``."""

    check: str
    field: str
    other: str | None = None
    target: str | None = None
    target_fields: tuple[str, ...] = ()


@dataclass(frozen=True)
class Table:
    """One tab of the workbook."""

    name: str
    title: str
    description: str
    required: bool
    fields: tuple[Field, ...]
    primary_key: tuple[str, ...] = ()
    foreign_keys: tuple[ForeignKey, ...] = ()
    rules: tuple[Rule, ...] = ()

    def field(self, name: str) -> Field:
        for column in self.fields:
            if column.name == name:
                return column
        raise KeyError(name)

    @property
    def field_names(self) -> tuple[str, ...]:
        return tuple(column.name for column in self.fields)


@dataclass(frozen=True)
class Schema:
    """The whole contract: the tabs in their declared order."""

    tables: tuple[Table, ...] = field(default_factory=tuple)

    def table(self, name: str) -> Table:
        for table in self.tables:
            if table.name == name:
                return table
        raise KeyError(name)

    @property
    def table_names(self) -> tuple[str, ...]:
        return tuple(table.name for table in self.tables)


def default_schema_dir() -> Path:
    """Where the contract lives: inside the installed package, or beside it in a source checkout."""
    package = Path(__file__).resolve().parents[1]  # generator/, beside which it lives
    for candidate in (package / "sheets_schema", package.parent / "sheets_schema"):
        if (candidate / "_tabs.yaml").is_file():
            return candidate
    raise SchemaError(f"sheets_schema/ not found beside {package}")


@cache
def load_schema(directory: Path | None = None) -> Schema:
    """Read the contract from ``directory`` (default: the project's ``sheets_schema/``)."""
    directory = directory or default_schema_dir()
    order = _load_yaml(directory / "_tabs.yaml").get("tabs", [])
    tables = tuple(_table(name, _load_yaml(directory / f"{name}.yaml")) for name in order)
    schema = Schema(tables)
    _check_references(schema)
    return schema


def _load_yaml(path: Path) -> dict[str, Any]:
    try:
        with path.open(encoding="utf-8") as stream:
            loaded = yaml.safe_load(stream)
    except (OSError, yaml.YAMLError) as error:
        raise SchemaError(f"cannot read {path}: {error}") from error
    if not isinstance(loaded, dict):
        raise SchemaError(f"{path} does not hold a mapping")
    return loaded


def _table(name: str, raw: dict[str, Any]) -> Table:
    if raw.get("name") != name:
        raise SchemaError(f"{name}.yaml declares the tab {raw.get('name')!r}")
    fields = tuple(_field(name, column) for column in raw.get("fields", []))
    names = [column.name for column in fields]
    if len(set(names)) != len(names):
        raise SchemaError(f"{name}: a column is declared twice")
    foreign_keys = tuple(
        ForeignKey(
            fields=tuple(key["fields"]),
            target=key["reference"]["resource"],
            target_fields=tuple(key["reference"]["fields"]),
        )
        for key in raw.get("foreignKeys", [])
    )
    rules = tuple(_rule(name, rule) for rule in raw.get("rules", []))
    table = Table(
        name=name,
        title=str(raw.get("title", name)),
        description=str(raw.get("description", "")).strip(),
        required=bool(raw.get("required", False)),
        fields=fields,
        primary_key=tuple(raw.get("primaryKey", [])),
        foreign_keys=foreign_keys,
        rules=rules,
    )
    declared = set(names)
    used = set(table.primary_key)
    for key in foreign_keys:
        used.update(key.fields)
    for rule in rules:
        used.update(filter(None, (rule.field, rule.other)))
    if not used <= declared:
        raise SchemaError(
            f"{name}: keys or rules name undeclared columns {sorted(used - declared)}"
        )
    return table


def _field(table: str, raw: dict[str, Any]) -> Field:
    name = raw.get("name")
    kind = raw.get("type", "string")
    if not isinstance(name, str) or kind not in FIELD_TYPES:
        raise SchemaError(f"{table}: bad field declaration {raw!r}")
    constraints = raw.get("constraints", {}) or {}
    unknown = set(constraints) - {
        "required",
        "unique",
        "enum",
        "minimum",
        "exclusiveMinimum",
        "pattern",
    }
    if unknown:
        raise SchemaError(f"{table}.{name}: unknown constraints {sorted(unknown)}")
    pattern = constraints.get("pattern")
    example = raw.get("example")
    enum = tuple(str(value) for value in constraints.get("enum", ()))
    labels = {str(code): str(label) for code, label in (raw.get("labels") or {}).items()}
    if set(labels) - set(enum):
        raise SchemaError(
            f"{table}.{name}: labels for words not in enum {sorted(set(labels) - set(enum))}"
        )
    return Field(
        name=name,
        type=kind,
        description=str(raw.get("description", "")).strip(),
        example=None if example is None else _example_text(example),
        required=bool(constraints.get("required", False)),
        unique=bool(constraints.get("unique", False)),
        enum=enum,
        labels=tuple(labels.items()),
        minimum=_decimal_or_none(constraints.get("minimum")),
        exclusive_minimum=_decimal_or_none(constraints.get("exclusiveMinimum")),
        pattern=re.compile(pattern) if pattern else None,
        pattern_hint=str(raw.get("patternHint", "")),
        default=raw.get("default"),
        personal=bool(raw.get("personal", False)),
        internal=bool(raw.get("internal", False)),
        file_name=bool(raw.get("fileName", False)),
    )


def _rule(table: str, raw: dict[str, Any]) -> Rule:
    check = raw.get("check")
    if check not in RULE_CHECKS or not isinstance(raw.get("field"), str):
        raise SchemaError(f"{table}: bad rule {raw!r}")
    reference = raw.get("reference") or {}
    return Rule(
        check=check,
        field=raw["field"],
        other=raw.get("other"),
        target=reference.get("resource"),
        target_fields=tuple(reference.get("fields", ())),
    )


def _example_text(value: Any) -> str:
    if value is True or value is False:
        return "TRUE" if value else "FALSE"
    return str(value)


def _decimal_or_none(value: Any) -> Decimal | None:
    return None if value is None else Decimal(str(value))


def _check_references(schema: Schema) -> None:
    names = set(schema.table_names)
    for table in schema.tables:
        targets = [(key.target, key.target_fields) for key in table.foreign_keys]
        targets += [(rule.target, rule.target_fields) for rule in table.rules if rule.target]
        for target, target_fields in targets:
            if target not in names:
                raise SchemaError(f"{table.name}: reference to unknown tab {target!r}")
            missing = set(target_fields) - set(schema.table(target).field_names)
            if missing:
                raise SchemaError(f"{table.name}: reference to unknown columns {sorted(missing)}")
