"""Which folders and files Accountbook may replace: only what it made, never the project.

A build replaces the site folder whole, and ``export`` its output folder. A careless
``--site-dir .`` would otherwise replace the project (``.git`` included) with a site. So, as
Sphinx and MkDocs protect their output, a folder is replaced only when it is new, empty, or holds
the marker file Accountbook writes into everything it makes (or, for a site built by an earlier
version, before the marker, the parts such a site always has). Folders that hold the project's
own files (the project itself, ``docs/``, any folder that holds the config, the source or
``mkdocs.yml``, and every folder above them) are refused whatever the options say.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from .errors import OutputError

SITE_MARKER = ".accountbook-site"
EXPORT_MARKER = ".accountbook-export"
MARKER_TEXT = (
    "Made by Accountbook. The next `accountbook {command}` replaces this folder whole;\n"
    "a folder without this file is never replaced.\n"
)
# Accountbook writes files readable by a web server whatever the umask of the build.
FOLDER_MODE = 0o755
FILE_MODE = 0o644


class OutputRefused(OutputError):
    """An output path that Accountbook will not replace; the message says why (exit code 2)."""


def _resolved(path: Path) -> Path:
    return Path(os.path.abspath(path)).resolve()


def protected_paths(project: Path, config_file: Path | None, source: str | None) -> list[Path]:
    """The project's own files and folders, which no output may replace or sit above."""
    found = [project, project / "docs", project / "mkdocs.yml"]
    if config_file is not None:
        found.append(config_file)
    if source and "://" not in source:
        location = Path(source)
        if location.exists():
            found.append(location)
    return [_resolved(path) for path in found]


def check_output_folder(
    folder: Path,
    protected: Iterable[Path],
    marker: str,
    what: str,
    option: str,
    force: bool = False,
    legacy: tuple[tuple[str, ...], ...] = (),
) -> None:
    """Refuse (:class:`OutputRefused`) to replace ``folder`` unless it is safe to.

    ``legacy`` lists groups of entries, any of which, present together, shows a folder made by
    an earlier version of Accountbook, before the marker existed.
    """
    target = _resolved(folder)
    for path in protected:
        if target == path or path.is_relative_to(target):
            holds = f"is {path}" if target == path else f"holds {path}"
            raise OutputRefused(
                f"{option} {folder}: that folder {holds}, one of the project's own, and "
                f"{what} would replace it whole. Choose a folder of its own, such as 'site'."
            )
        if path.name == "docs" and target.is_relative_to(path):
            raise OutputRefused(
                f"{option} {folder}: that is inside {path}, the folder of the site's pages; "
                f"choose a folder outside it for {what}."
            )
    if not target.exists() and not target.is_symlink():
        return
    if not target.is_dir():
        if force:
            return
        raise OutputRefused(
            f"{option} {folder}: a file of that name exists, and {what} would replace it with a "
            "folder. Remove it yourself, or choose another name"
            + (" (or pass --force)." if option != "--site-dir" else ".")
        )
    if force or made_by_us(target, marker, legacy):
        return
    raise OutputRefused(
        f"{option} {folder}: the folder is not empty and Accountbook did not make it (it has no "
        f"{marker} file), so {what} will not replace it. Choose a new or empty folder"
        + (", or pass --force to replace it." if option != "--site-dir" else ".")
    )


def made_by_us(folder: Path, marker: str, legacy: tuple[tuple[str, ...], ...] = ()) -> bool:
    """Whether ``folder`` is empty, holds ``marker``, or has every entry of a ``legacy`` group."""
    try:
        entries = set(os.listdir(folder))
    except OSError:
        return False
    if not entries or marker in entries:
        return True
    return any(all((folder / name).exists() for name in group) for group in legacy)


# A site built before the marker: MkDocs' pages and sitemap, and our downloads.
LEGACY_SITE = (("index.html", "404.html", "sitemap.xml", "downloads/kpis.csv"),)
# An export made before the marker: its KPIs in one of the three formats.
LEGACY_EXPORT = (("kpis.csv",), ("kpis.xlsx",), ("kpis.json",))


def write_marker(folder: Path, marker: str, command: str) -> None:
    (folder / marker).write_text(MARKER_TEXT.format(command=command), encoding="utf-8")


def publishable(folder: Path) -> None:
    """Give the folder and everything below it the modes a web server can read: folders 0755,
    files 0644 (temporary folders are made 0700, and the site is built in one)."""
    os.chmod(folder, FOLDER_MODE)
    for parent, folders, files in os.walk(folder):
        for name in folders:
            os.chmod(os.path.join(parent, name), FOLDER_MODE)
        for name in files:
            path = os.path.join(parent, name)
            if not os.path.islink(path):
                os.chmod(path, FILE_MODE)
