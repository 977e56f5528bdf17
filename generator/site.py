"""Write the generated pages and build the site with MkDocs, swapping both in only when complete.

Everything is built in a staging folder beside the project: a copy of the hand-written pages of
``docs/`` plus the generated ones, and the site. Only when MkDocs has built it without a warning
are the generated folders of ``docs/`` and the site folder replaced, each by a rename. A failed
build leaves the previous ``docs/`` and site exactly as they were.
"""

from __future__ import annotations

import logging
import os
import shutil
import tempfile
from collections.abc import Callable, Iterable, Iterator, MutableMapping
from contextlib import contextmanager
from datetime import UTC, date, datetime
from pathlib import Path

from .guard import Finding, scan
from .pages import GENERATED


class SiteBuildError(Exception):
    """MkDocs could not build the site, or warned (the build is strict)."""


class UnsafeSiteError(SiteBuildError):
    """The built site holds something it must not publish; it was not put in place."""

    def __init__(self, findings: list[Finding]) -> None:
        lines = [f"{finding.file}: {finding.what} {finding.detail}" for finding in findings[:20]]
        more = f" (and {len(findings) - 20} more)" if len(findings) > 20 else ""
        super().__init__(
            "The built site failed the safety scan, so it was not published"
            + more
            + ":\n"
            + "\n".join(lines)
        )
        self.findings = findings


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


@contextmanager
def _source_date(as_of: date) -> Iterator[None]:
    """Fix MkDocs' build date (sitemap, gzip headers) to the report date, unless already set."""
    if "SOURCE_DATE_EPOCH" in os.environ:
        yield
        return
    os.environ["SOURCE_DATE_EPOCH"] = str(
        int(datetime(as_of.year, as_of.month, as_of.day, tzinfo=UTC).timestamp())
    )
    try:
        yield
    finally:
        del os.environ["SOURCE_DATE_EPOCH"]


def build_site(
    files: MutableMapping[str, str | bytes],
    project: Path,
    site_dir: Path,
    site_name: str,
    as_of: date,
    private: Iterable[str] = (),
    secrets: Iterable[str] = (),
    downloads: Callable[[], Path] | None = None,
) -> int:
    """Write ``files`` into ``docs/`` and build the site into ``site_dir``; return the page count.

    ``files`` is emptied as it is written: MkDocs then holds every page in memory itself, and
    a big site should not hold its Markdown twice.
    """
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    docs = project / "docs"
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".accountbook-build-", dir=project))
    # Beside the site folder, so that putting the new site in place is one rename.
    site_staging = Path(tempfile.mkdtemp(prefix=f".{site_dir.name}-building-", dir=site_dir.parent))
    try:
        staged_docs = staging / "docs"
        _copy_hand_written(docs, staged_docs)
        pages = sum(1 for name in files if name.endswith(".md"))
        folders: set[Path] = set()
        while files:
            relative, content = files.popitem()
            target = staged_docs / relative
            if target.parent not in folders:
                target.parent.mkdir(parents=True, exist_ok=True)
                folders.add(target.parent)
            if isinstance(content, bytes):
                target.write_bytes(content)
            else:
                target.write_text(content, encoding="utf-8", newline="\n")
        collect = _Collect()
        logger = logging.getLogger("mkdocs")
        logger.addHandler(collect)
        try:
            with _source_date(as_of):
                config = load_config(
                    str(project / "mkdocs.yml"),
                    docs_dir=str(staged_docs),
                    site_dir=str(site_staging / "site"),
                    site_name=site_name,
                    strict=True,
                )
                build(config)
        except (MkDocsException, OSError) as error:
            details = "; ".join(collect.messages[:10]) or str(error)
            raise SiteBuildError(f"MkDocs could not build the site: {details}") from error
        finally:
            logger.removeHandler(collect)
        if downloads is not None:
            # Written meanwhile by another process; they go into the site as they are.
            shutil.move(str(downloads()), str(site_staging / "site" / "downloads"))
        # Never publish a site that leaks: scan it before anything is put in place.
        findings = scan(site_staging / "site", private, secrets)
        if findings:
            raise UnsafeSiteError(findings)
        _swap(staged_docs, docs, staging / "replaced-docs")
        _replace(site_staging / "site", site_dir, site_staging / "replaced-site")
        return pages
    finally:
        shutil.rmtree(staging, ignore_errors=True)
        shutil.rmtree(site_staging, ignore_errors=True)


def _copy_hand_written(docs: Path, target: Path) -> None:
    target.mkdir(parents=True)
    if not docs.is_dir():
        return
    for entry in sorted(docs.iterdir()):
        if entry.name in GENERATED or entry.name.startswith(".accountbook"):
            continue
        if entry.is_dir():
            shutil.copytree(entry, target / entry.name)
        else:
            shutil.copy2(entry, target / entry.name)


def _swap(staged_docs: Path, docs: Path, trash: Path) -> None:
    """Put the generated entries of ``staged_docs`` in place in ``docs``, one rename each."""
    docs.mkdir(exist_ok=True)
    trash.mkdir()
    for name in GENERATED:
        new, old = staged_docs / name, docs / name
        if old.exists():
            old.rename(trash / name)
        if new.exists():
            new.rename(old)


def _replace(new: Path, target: Path, trash: Path) -> None:
    if target.exists():
        target.rename(trash)
    new.rename(target)
