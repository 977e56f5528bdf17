"""The downloads stage: kpis.csv and kpis.xlsx, a workbook per manager and per client, and the
CSV files of the lists (``each_download(model, kpis, config)``), each format with its one
escaping function."""

from .export import downloads, each_download, kpis_json

__all__ = ["downloads", "each_download", "kpis_json"]
