"""Writing output folders so that a failure never leaves half of one."""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path


def write_files(
    files: Mapping[str, str | bytes] | Iterable[tuple[str, str | bytes]], folder: Path
) -> None:
    """Write ``{relative path: content}`` (or such pairs, one at a time) below ``folder``: text
    as UTF-8 with "\\n" line ends."""
    pairs = files.items() if isinstance(files, Mapping) else files
    for name, content in pairs:
        target = folder / name
        target.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            target.write_bytes(content)
        else:
            target.write_text(content, encoding="utf-8", newline="\n")


@contextmanager
def replaced_whole(out: Path) -> Iterator[Path]:
    """A staging folder beside ``out`` that replaces it, by renames, only if the block succeeds.

    On any failure (or Ctrl-C) the staging folder is removed and ``out`` stays as it was.
    """
    out.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{out.name}.writing-", dir=out.parent))
    try:
        yield staging
        if out.exists():
            trash = Path(tempfile.mkdtemp(prefix=f".{out.name}.replaced-", dir=out.parent))
            out.rename(trash / out.name)
            staging.rename(out)
            shutil.rmtree(trash, ignore_errors=True)
        else:
            staging.rename(out)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
