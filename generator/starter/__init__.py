"""A team's own project, made by ``accountbook init``: everything a site needs that is not in
the package, each file from ``files/`` beside this module.

The package itself carries the rest (the theme's overrides, the stylesheet, the KPI
definitions), so a project made here builds with a plain ``pip install accountbook``.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .. import __version__
from ..contract import load_schema
from ..contract.template import write_template
from ..errors import InputError

FILES = Path(__file__).parent / "files"
TEMPLATE = "accountbook-template.xlsx"
# What init writes, from files/ (source) to the project (target).
WRITTEN = (
    ("accountbook.toml", "accountbook.toml"),
    ("mkdocs.yml", "mkdocs.yml"),
    ("docs/about.md", "docs/about.md"),
    ("gitignore", ".gitignore"),
    ("workflows/check.yml", ".github/workflows/check.yml"),
    ("workflows/publish.yml", ".github/workflows/publish.yml"),
)
NEXT_STEPS = """\
Next steps:
  1. Import {template} into Google Sheets (File > Import), fill it in, and share it with
     the service account's e-mail as a Viewer (see "Google Sheets" in Accountbook's guide).
  2. On GitHub, set the secret ACCOUNTBOOK_SERVICE_ACCOUNT_JSON (the key) and the variable
     ACCOUNTBOOK_SHEET_URL (the sheet's URL); the nightly workflow publishes the site.
  3. Here, put the sheet's URL as source in accountbook.toml and run: accountbook build"""


class FolderNotEmptyError(InputError):
    """``init`` was pointed at a folder that already holds files."""


@dataclass(frozen=True)
class Made:
    folder: Path
    files: tuple[str, ...]  # relative to the folder, in the order written


def init_project(folder: Path, force: bool = False) -> Made:
    """Write a new project into ``folder`` (made if missing). A folder that holds anything is
    refused unless ``force``; then init's files are overwritten and nothing else is touched."""
    if folder.exists() and not folder.is_dir():
        raise FolderNotEmptyError(f"{folder} is a file; give a folder for the new project.")
    if folder.is_dir() and any(folder.iterdir()) and not force:
        raise FolderNotEmptyError(
            f"{folder} is not empty. Run accountbook init in a new or empty folder, or pass "
            "--force to write the project's files there (files of the same names are replaced, "
            "nothing else is touched)."
        )
    written = []
    for source, target in WRITTEN:
        path = folder / target
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes((FILES / source).read_bytes())
        written.append(target)
    (folder / "requirements.txt").write_text(
        f"# The Accountbook the workflows install; raise it on purpose.\naccountbook=={__version__}\n",
        encoding="utf-8",
    )
    written.append("requirements.txt")
    write_template(load_schema(), folder / TEMPLATE)
    written.append(TEMPLATE)
    return Made(folder, tuple(written))
