"""The sources stage: a workbook read from where it lives (an .xlsx file, a folder of CSV files,
a Google Sheet) into raw cells, and snapshots of a sheet.

``read(location, tabs) -> Workbook`` is its function; ``sheets`` reads Google Sheets.
"""

from .local import SNAPSHOT_FILE, Sheet, SourceError, Workbook, is_empty, read

__all__ = ["SNAPSHOT_FILE", "Sheet", "SourceError", "Workbook", "is_empty", "read"]
