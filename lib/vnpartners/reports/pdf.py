"""Print report pages to PDF with the Chromium the machine has (Debian's ``chromium``); never a download.

``vnpartners report RUS --pdf`` writes ``RUS.pdf`` beside ``RUS.html``: A4, the page's print
stylesheet (sections on new pages, no row cut in two, folded lists printed open, and an appendix
with every cited sentence and its English, since paper cannot open a row), page numbers in the footer. The browser runs
headless with the network cut off: a page that tried to fetch anything would print without it.

Driven by the ``playwright`` Python package with ``executable_path`` when it is installed, else by
``chromium --headless --print-to-pdf``. Where no Chromium is installed, :func:`missing_chromium`
says so in one line, before anything is rendered.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

__all__ = ["CHROMIUM_ARGS", "find_chromium", "missing_chromium", "print_pdf", "print_pdfs"]

CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
_CANDIDATES = ("chromium", "chromium-browser")
_FOOTER = ("<div style='font-size:8px;color:#666;width:100%;text-align:center;font-family:sans-serif'>"
           "<span class='title'></span> · page <span class='pageNumber'></span> of <span class='totalPages'></span></div>")


def find_chromium() -> str | None:
    """The path of the machine's Chromium (``VNPARTNERS_CHROMIUM``, else ``chromium`` on the PATH,
    else ``/usr/bin/chromium``), or None."""
    override = os.environ.get("VNPARTNERS_CHROMIUM", "").strip()
    if override:
        return override if Path(override).is_file() and os.access(override, os.X_OK) else None
    for name in _CANDIDATES:
        found = shutil.which(name)
        if found:
            return found
    return "/usr/bin/chromium" if os.access("/usr/bin/chromium", os.X_OK) else None


def missing_chromium() -> str | None:
    """A one-line refusal when no Chromium is installed, else None."""
    if find_chromium() is None:
        return ("--pdf needs Chromium, and none is installed (looked for chromium on the PATH and /usr/bin/chromium); "
                "install it with `apt-get install chromium` (the kit never downloads a browser), or leave out --pdf")
    return None


def _with_playwright(chromium: str, pages: list[tuple[Path, Path]]) -> None:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        try:
            context = browser.new_context(offline=True)
            context.route("**/*", lambda r: r.continue_() if r.request.url.startswith(("file:", "data:")) else r.abort())
            for html_path, pdf_path in pages:
                page = context.new_page()
                page.goto(html_path.resolve().as_uri(), wait_until="load")
                page.emulate_media(media="print")
                page.pdf(path=str(pdf_path), format="A4", print_background=True, prefer_css_page_size=True,
                         display_header_footer=True, header_template="<div></div>", footer_template=_FOOTER,
                         margin={"top": "12mm", "bottom": "14mm", "left": "11mm", "right": "11mm"})
                page.close()
        finally:
            browser.close()


def _with_cli(chromium: str, html_path: Path, pdf_path: Path) -> None:
    result = subprocess.run([chromium, *CHROMIUM_ARGS, "--no-pdf-header-footer", f"--print-to-pdf={pdf_path}",
                             html_path.resolve().as_uri()], capture_output=True, text=True, timeout=120, check=False)
    if result.returncode != 0 or not pdf_path.is_file():
        raise RuntimeError(f"chromium could not print {html_path.name}: {(result.stderr or result.stdout).strip()[-300:]}")


def print_pdfs(pages: list[Path]) -> list[Path]:
    """Print each HTML page to a PDF beside it (``RUS.html`` → ``RUS.pdf``); returns the PDFs.

    Each PDF is written under a temporary name and renamed, so a failure leaves no half-written
    file. Raises ``RuntimeError`` with :func:`missing_chromium`'s message when there is no Chromium.
    """
    chromium = find_chromium()
    if chromium is None:
        raise RuntimeError(missing_chromium())
    jobs: list[tuple[Path, Path, Path]] = []
    for page in pages:
        page = Path(page)
        fd, tmp = tempfile.mkstemp(prefix=f".{page.stem}.", suffix=".pdf.tmp", dir=page.parent)
        os.close(fd)
        jobs.append((page, Path(tmp), page.with_suffix(".pdf")))
    try:
        try:
            import playwright.sync_api  # noqa: F401
        except ImportError:
            for page, tmp, _ in jobs:
                _with_cli(chromium, page, tmp)
        else:
            _with_playwright(chromium, [(page, tmp) for page, tmp, _ in jobs])
        for _, tmp, target in jobs:
            os.chmod(tmp, 0o644)
            os.replace(tmp, target)
    finally:
        for _, tmp, _ in jobs:
            tmp.unlink(missing_ok=True)
    return [target for _, _, target in jobs]


def print_pdf(page: Path) -> Path:
    """Print one HTML page to a PDF beside it; returns its path."""
    return print_pdfs([page])[0]
