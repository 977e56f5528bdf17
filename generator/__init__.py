"""Accountbook: a team's sales spreadsheet, checked and published as a site."""

__version__ = "0.1.0"
