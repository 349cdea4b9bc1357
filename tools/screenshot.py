"""Render HTML pages to PNG in headless Chromium with the network cut off, as a reader sees them.

Usage: python tools/screenshot.py OUT_DIR page.html [...]
Prints each PNG path and every request the page tried to make outside file:// (there should be
none: the kit's pages read fully offline). Uses Debian's /usr/bin/chromium; no browser download.
"""

from __future__ import annotations

import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run", "--disable-quic"]


def main(out_dir: str, pages: list[str]) -> int:
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    outside: list[str] = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
        context = browser.new_context(offline=True, viewport={"width": 1200, "height": 900})

        def route(r):  # type: ignore[no-untyped-def]
            if r.request.url.startswith(("file://", "data:")):
                return r.continue_()
            outside.append(r.request.url)
            return r.abort()

        context.route("**/*", route)
        for page_path in pages:
            page = context.new_page()
            page.goto(Path(page_path).resolve().as_uri())
            page.wait_for_load_state("load")
            png = out / (Path(page_path).stem + ".png")
            page.screenshot(path=str(png), full_page=True)
            print(png)
            page.close()
        browser.close()
    for url in outside:
        print("NETWORK REQUEST BLOCKED:", url)
    return 1 if outside else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1], sys.argv[2:]))
