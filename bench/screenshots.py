"""Screenshots of every page kind at a laptop's and a phone's width, and the printed pages.

    python bench/screenshots.py [SITE] [--out FOLDER] [--print]

SITE is a built site (``site/`` by default: run ``accountbook build`` first). The pictures go to
``FOLDER`` (``bench/screenshots/``, ignored by git), named ``<page>-<width>.png``; with
``--print`` the job description, a dossier and the home page are also printed to PDF through
Chromium, and each printed page is made a picture (``<page>-print-N.png``, with poppler's
``pdftoppm``) so they can be looked at like the rest.
"""

from __future__ import annotations

import argparse
import functools
import shutil
import subprocess
import sys
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

PAGES = {
    "home": "index.html",
    "company": "kpi/index.html",
    "team": "kpi/team-M001.html",
    "manager": "managers/M004.html",
    "leaderboard": "kpi/leaderboard.html",
    "clients": "clients/index.html",
    "managers": "managers/index.html",
    "dossier": "clients/C00002.html",
    "role": "roles/account-manager.html",
    "home-el": "el/index.html",
    "dossier-el": "el/clients/C00002.html",
}
WIDTHS = {"1280": (1280, 800), "390": (390, 844)}


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002
        pass


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", nargs="?", default="site", type=Path)
    parser.add_argument("--out", default=Path(__file__).parent / "screenshots", type=Path)
    parser.add_argument("--print", action="store_true", dest="printed")
    parser.add_argument("--only", nargs="*", help="page names to take (all by default)")
    parser.add_argument("--full", action="store_true", help="the whole page, not the first screen")
    args = parser.parse_args()
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium is None or not (args.site / "index.html").exists():
        print("needs chromium and a built site (accountbook build)", file=sys.stderr)
        return 2
    args.out.mkdir(parents=True, exist_ok=True)
    handler = functools.partial(_Quiet, directory=str(args.site))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    root = f"http://127.0.0.1:{server.server_address[1]}/"
    from playwright.sync_api import sync_playwright

    pages = {k: v for k, v in PAGES.items() if not args.only or k in args.only}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=["--no-sandbox"])
        for width, (w, h) in WIDTHS.items():
            page = browser.new_page(viewport={"width": w, "height": h})
            for name, path in pages.items():
                page.goto(root + path, wait_until="networkidle")
                target = args.out / f"{name}-{width}.png"
                page.screenshot(path=str(target), full_page=args.full)
                print(target)
            page.close()
        if args.printed:
            page = browser.new_page()
            page.emulate_media(media="print")
            for name in ("role", "dossier", "home"):
                if name not in pages:
                    continue
                page.goto(root + pages[name], wait_until="networkidle")
                pdf = args.out / f"{name}.pdf"
                page.pdf(path=str(pdf), prefer_css_page_size=True)
                print(pdf)
                # Each printed page as a picture, where poppler's pdftoppm is installed.
                if shutil.which("pdftoppm"):
                    prefix = args.out / f"{name}-print"
                    subprocess.run(["pdftoppm", "-r", "60", "-png", pdf, prefix], check=True)
                    print(f"{prefix}-*.png")
            page.close()
        browser.close()
    server.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main())
