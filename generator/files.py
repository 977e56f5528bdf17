"""Writing output folders so that a failure never leaves half of one."""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path

from .outputs import publishable


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
        publishable(staging)  # made 0700, as every temporary folder is
        if out.exists():
            trash = Path(tempfile.mkdtemp(prefix=f".{out.name}.replaced-", dir=out.parent))
            out.rename(trash / out.name)
            staging.rename(out)
            shutil.rmtree(trash, ignore_errors=True)
        else:
            staging.rename(out)
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def replace_all(moves: Sequence[tuple[Path, Path]], *trash: Path) -> None:
    """Put each ``new`` of ``(new, target)`` in place of ``target``, by renames: all of them, or,
    if any rename fails, none (the ones made are undone, and the error is raised).

    What is replaced goes into the first folder of ``trash`` on the same file system as it
    (a rename cannot cross file systems), and is deleted with it by the caller.
    """
    done: list[tuple[Path, Path]] = []  # (from, to) of every rename made
    try:
        for number, (new, target) in enumerate(moves):
            if target.exists() or target.is_symlink():
                aside = _beside(target, trash) / f"{number}-{target.name}"
                aside.parent.mkdir(exist_ok=True)
                target.rename(aside)
                done.append((target, aside))
            if new.exists():
                new.rename(target)
                done.append((new, target))
    except BaseException:
        for origin, moved in reversed(done):
            with contextlib.suppress(OSError):  # put back all that can be
                moved.rename(origin)
        raise


def _beside(target: Path, trash: tuple[Path, ...]) -> Path:
    device = os.stat(target.parent).st_dev
    for folder in trash:
        if os.stat(folder.parent).st_dev == device:
            return folder
    return trash[0]


TRASH_PREFIX = ".accountbook-trash-"


def discard(*folders: Path, into: Path | None = None) -> None:
    """Delete ``folders`` without waiting: each is renamed into a trash folder
    (``.accountbook-trash-...``) in ``into`` (default: beside it; it must be on the same file
    system) and deleted by a detached process, where the system forks and more than one process
    may run; else here and now. A trash folder that a stopped deletion left is deleted by the
    next build (:func:`discard_leftovers`)."""
    from . import workers

    aside = []
    for folder in folders:
        if not folder.exists():
            continue
        trash = Path(tempfile.mkdtemp(prefix=TRASH_PREFIX, dir=into or folder.parent))
        folder.rename(trash / folder.name)
        aside.append(trash)
    if not aside:
        return
    if not workers.can_fork():
        for trash in aside:
            shutil.rmtree(trash, ignore_errors=True)
        return
    child = os.fork()
    if child == 0:  # pragma: no cover (a forked process; its parent goes on)
        try:
            os.setsid()  # its own session: Ctrl-C in the terminal does not reach it
            if os.fork() == 0:
                # Nor the build's output: whoever reads it through a pipe (CI's log, tee)
                # would otherwise wait for the deletion to end before seeing the build end.
                nothing = os.open(os.devnull, os.O_RDWR)
                for stream in (0, 1, 2):
                    os.dup2(nothing, stream)
                for trash in aside:
                    shutil.rmtree(trash, ignore_errors=True)
        finally:
            os._exit(0)
    os.waitpid(child, 0)  # the first child only forks the second, which nobody waits for


def discard_leftovers(folder: Path) -> None:
    """Delete the trash folders that an earlier, stopped deletion left in ``folder``."""
    try:
        leftovers = [path for path in folder.iterdir() if path.name.startswith(TRASH_PREFIX)]
    except OSError:
        return
    discard(*leftovers)
