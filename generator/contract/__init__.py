"""The contract: the tabs, columns and rules of sheets_schema/ (``load_schema() -> Schema``),
the page that explains them (docs.py) and the blank workbook to fill in (template.py)."""

from .schema import Schema, SchemaError, load_schema

__all__ = ["Schema", "SchemaError", "load_schema"]
