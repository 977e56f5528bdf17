"""The validation stage: a workbook checked against the contract, every issue with its cell
(``validate(workbook, schema) -> Report``), and the report shown to a person or a program."""

from .validate import Report, TableData, validate

__all__ = ["Report", "TableData", "validate"]
