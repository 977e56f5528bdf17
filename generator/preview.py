"""``accountbook serve``: the built site as it will be published, on a local address.

The site folder is served as it is (every language and the downloads included), by the
standard library's HTTP server, and rebuilt when a hand-written page or the source changes.
"""

from __future__ import annotations

import errno
import functools
import os
import threading
from collections.abc import Callable, Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

from .errors import InputError


class PortInUse(InputError):
    """The address is taken by another program."""


def parse_address(address: str) -> tuple[str, int]:
    """``127.0.0.1:8000`` as (host, port); raises ValueError with a sentence."""
    host, _, port = address.rpartition(":")
    if not host or not port.isdigit() or not 0 < int(port) < 65536:
        raise ValueError(f"--dev-addr {address!r}: write it as HOST:PORT, such as 127.0.0.1:8000")
    return host.strip("[]"), int(port)


class _Quiet(SimpleHTTPRequestHandler):
    """Serves the site's files; logs nothing per request."""

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 (the base's name)
        return


def server(site: Path, address: str) -> ThreadingHTTPServer:
    """An HTTP server bound to ``address`` that serves ``site``; not yet serving."""
    host, port = parse_address(address)
    handler = functools.partial(_Quiet, directory=str(site))
    try:
        return ThreadingHTTPServer((host, port), handler)
    except OSError as error:
        if error.errno == errno.EADDRINUSE:
            raise PortInUse(
                f"{host}:{port} is in use by another program; choose another with --dev-addr, "
                "such as 127.0.0.1:8001"
            ) from None
        raise


def _snapshot(paths: list[Path]) -> dict[str, float]:
    """Every file below ``paths`` with its modification time."""
    seen: dict[str, float] = {}
    for top in paths:
        for path in _files(top):
            try:
                seen[str(path)] = path.stat().st_mtime
            except OSError:
                continue
    return seen


def _files(top: Path) -> Iterator[Path]:
    if top.is_file():
        yield top
    elif top.is_dir():
        for folder, _, names in os.walk(top):
            for name in names:
                yield Path(folder) / name


def watch(
    paths: Callable[[], list[Path]], rebuild: Callable[[], None], stop: threading.Event
) -> threading.Thread:
    """A thread that calls ``rebuild`` whenever a file below ``paths()`` changes."""

    def loop() -> None:
        before = _snapshot(paths())
        while not stop.wait(1.0):
            now = _snapshot(paths())
            if now != before:
                rebuild()
                before = _snapshot(paths())

    thread = threading.Thread(target=loop, name="accountbook-watch", daemon=True)
    thread.start()
    return thread
