"""Open every lesson in JupyterLab in a real (headless) Chromium, Run All, and look at the result.

A ``jupyter lab`` from the kit venv serves COPIES of the lessons from a temporary root on
127.0.0.1 (free port, generated token, Jupyter config/data/runtime/settings/workspaces in tmp, news
and update checks off through ``tools/lab_overrides.json`` in the app settings dir). Playwright
drives Debian's ``/usr/bin/chromium`` (never a downloaded browser). For each lesson the test runs all
cells (JupyterLab's ``notebook:run-all-cells`` command), waits for the kernel to go idle, and fails on
a cell with an error output, a red stderr box, a widget that did not render, or fewer pictures than
the committed lesson shows. A full-page screenshot per lesson is saved under the test's tmp folder
(its path is printed; run with ``-s`` to see it). Skips only when /usr/bin/chromium is absent.

After Run All, the test saves the lesson from JupyterLab (File → Save) and compares the saved file with
the committed one, byte for byte: the pre-save hook that ``make setup`` installs keeps a lesson in its
committed form, so running a lesson changes nothing in git. A last test opens one lesson as RISE
slides (``jupyterlab-rise``: View → Render as Reveal Slideshow), checks that its title slide shows,
moves to the next slide, and saves a screenshot; no request may leave 127.0.0.1 meanwhile.

The kernels get the environment a learner's ``jupyter lab`` would give them: ``MPLBACKEND`` is
removed, because with ``MPLBACKEND=Agg`` ipykernel shows no charts at all.
"""

from __future__ import annotations

import difflib
import json
import os
import secrets
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import nbformat
import pytest
from kit_lessons import KIT, lesson_params, lesson_paths, tags

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
    "--disable-sync", "--no-first-run", "--disable-quic",
]
OVERRIDES = KIT / "tools" / "lab_overrides.json"
TEST_OVERRIDES = {  # every cell in the DOM, so errors and widgets are found and the screenshot is whole
    "@jupyterlab/notebook-extension:tracker": {"windowingMode": "none"},
}
SERVER_START_TIMEOUT = 90.0
PAGE_TIMEOUT_MS = 60_000
RUN_ALL_TIMEOUT_MS = 300_000
WIDGET_TIMEOUT_MS = 30_000
MAX_SCREENSHOT_HEIGHT = 16_000

pytestmark = [pytest.mark.slow,
              pytest.mark.skipif(not CHROMIUM.exists(), reason=f"{CHROMIUM} not installed (apt-get install chromium)")]


@dataclass(frozen=True)
class LabServer:
    """A running JupyterLab: where it serves, how to authenticate, and where its files are."""

    url: str
    token: str
    root: Path
    log: Path
    shots: Path

    def api(self, method: str, path: str, timeout: float = 10.0) -> Any:
        """Call the server's REST API; returns the decoded JSON body (or None)."""
        request = urllib.request.Request(
            f"{self.url}{path}", method=method, headers={"Authorization": f"token {self.token}"}
        )
        with urllib.request.urlopen(request, timeout=timeout) as response:
            body = response.read()
        return json.loads(body) if body else None

    def shutdown_kernels(self) -> None:
        """Stop every kernel the server runs."""
        for kernel in self.api("GET", "/api/kernels"):
            self.api("DELETE", f"/api/kernels/{kernel['id']}", timeout=30.0)


def free_port() -> int:
    """A TCP port nobody listens on right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def settings_dir(base: Path) -> Path:
    """An app settings dir whose ``overrides.json`` is the kit's plus the test's overrides."""
    settings = base / "app-settings"
    settings.mkdir()
    overrides = json.loads(OVERRIDES.read_text(encoding="utf-8"))
    overrides.update(TEST_OVERRIDES)
    (settings / "overrides.json").write_text(json.dumps(overrides, indent=2), encoding="utf-8")
    return settings


def server_env(base: Path) -> dict[str, str]:
    """Environment for jupyter lab: every Jupyter folder in tmp, nothing from the user's config."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("JUPYTER", "VNPARTNERS_", "MPLBACKEND"))}
    for name, var in (("config", "JUPYTER_CONFIG_DIR"), ("data", "JUPYTER_DATA_DIR"), ("runtime", "JUPYTER_RUNTIME_DIR"),
                      ("user-settings", "JUPYTERLAB_SETTINGS_DIR"), ("workspaces", "JUPYTERLAB_WORKSPACES_DIR")):
        (base / name).mkdir()
        env[var] = str(base / name)
    env.update(JUPYTER_PLATFORM_DIRS="1", HOME=str(base), PYDEVD_DISABLE_FILE_VALIDATION="1")
    return env


def wait_until_ready(server: LabServer, process: subprocess.Popen[bytes]) -> None:
    """Poll /api/status until the server answers; fail with its log if it dies or takes too long."""
    deadline = time.monotonic() + SERVER_START_TIMEOUT
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"jupyter lab exited with {process.returncode}:\n{server.log.read_text()[-3000:]}")
        try:
            server.api("GET", "/api/status", timeout=2.0)
            return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            time.sleep(0.3)
    pytest.fail(f"jupyter lab did not answer within {SERVER_START_TIMEOUT:.0f} s:\n{server.log.read_text()[-3000:]}")


def stop(process: subprocess.Popen[bytes], server: LabServer) -> None:
    """Stop the kernels, ask the server to shut down, then terminate/kill it (bounded waits)."""
    try:
        server.shutdown_kernels()
        server.api("POST", "/api/shutdown", timeout=10.0)
        process.wait(timeout=20)
    except Exception:  # noqa: BLE001 - fall through to terminate/kill
        pass
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)


@pytest.fixture(scope="module")
def lab(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LabServer]:
    """A JupyterLab serving copies of the lessons; always shut down with its kernels."""
    base = tmp_path_factory.mktemp("lab")
    root = base / "root"
    root.mkdir()
    for path in lesson_paths():
        shutil.copy2(path, root / path.name)
    port, token = free_port(), secrets.token_hex(24)
    command = [
        sys.executable, "-m", "jupyter", "lab", "--ip=127.0.0.1", f"--port={port}", "--no-browser",
        "--ServerApp.port_retries=0", f"--IdentityProvider.token={token}", f"--ServerApp.root_dir={root}",
        f"--LabApp.app_settings_dir={settings_dir(base)}", "--LabApp.expose_app_in_browser=True",
        "--LabApp.extension_manager=readonly", "--ServerApp.terminals_enabled=False",
    ]
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        command.append("--allow-root")
    log = base / "jupyter-lab.log"
    shots = base / "screenshots"
    shots.mkdir()
    server = LabServer(url=f"http://127.0.0.1:{port}", token=token, root=root, log=log, shots=shots)
    with log.open("wb") as log_file:
        process = subprocess.Popen(command, cwd=base, env=server_env(base), stdout=log_file, stderr=subprocess.STDOUT)
        try:
            wait_until_ready(server, process)
            yield server
        finally:
            stop(process, server)


@pytest.fixture(scope="module")
def browser(lab: LabServer) -> Iterator[Any]:
    """Headless Debian Chromium driven by Playwright."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True)
        try:
            yield chromium
        finally:
            chromium.close()


JS_WAIT_IDLE = """() => {
  const w = window.jupyterapp && window.jupyterapp.shell.currentWidget;
  const kernel = w && w.sessionContext && w.sessionContext.session && w.sessionContext.session.kernel;
  return !!(kernel && kernel.status === 'idle' && w.content && w.content.widgets.length);
}"""
JS_RUN_ALL = """async (timeoutMs) => {
  const run = window.jupyterapp.commands.execute('notebook:run-all-cells');
  const late = new Promise((_, reject) => setTimeout(() => reject(new Error('Run All did not finish')), timeoutMs));
  return await Promise.race([run, late]);
}"""
JS_NOT_BUSY = """() => {
  const w = window.jupyterapp.shell.currentWidget;
  const busy = [...document.querySelectorAll('.jp-InputPrompt')].some(p => p.textContent.includes('*'));
  return !busy && w.sessionContext.session.kernel.status === 'idle';
}"""
JS_OUTPUTS_HAVE_ERROR = """() => {
  const cells = window.jupyterapp.shell.currentWidget.content.model.cells;
  for (let i = 0; i < cells.length; i++) {
    const cell = cells.get(i);
    if (cell.type !== 'code') continue;
    for (let j = 0; j < cell.outputs.length; j++) { if (cell.outputs.get(j).type === 'error') return true; }
  }
  return false;
}"""
JS_OUTPUTS = """() => {
  const cells = window.jupyterapp.shell.currentWidget.content.model.cells;
  const found = [];
  for (let i = 0; i < cells.length; i++) {
    const cell = cells.get(i);
    if (cell.type !== 'code') continue;
    for (let j = 0; j < cell.outputs.length; j++) {
      const out = cell.outputs.get(j).toJSON();
      found.push({cell: i, id: cell.id, type: out.output_type, name: out.name || null,
                  ename: out.ename || null, evalue: out.evalue || null,
                  text: typeof out.text === 'string' ? out.text : (out.text || []).join('')});
    }
  }
  return found;
}"""


JS_SAVED = """() => {
  const w = window.jupyterapp.shell.currentWidget;
  return !!(w && w.context && !w.context.model.dirty);
}"""


def expected_images(lesson: Path) -> int:
    """How many pictures the committed (executed) lesson shows."""
    nb = nbformat.read(lesson, as_version=4)
    return sum(
        1 for cell in nb.cells if cell.cell_type == "code"
        for out in cell.get("outputs", []) if any(k.startswith("image/") for k in out.get("data", {}))
    )


def run_lesson(browser: Any, lab: LabServer, lesson: Path) -> dict[str, Any]:
    """Open ``lesson`` in JupyterLab, run all cells, screenshot; returns what the page showed."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(PAGE_TIMEOUT_MS)
    console_errors: list[str] = []
    page.on("console", lambda msg: console_errors.append(msg.text) if msg.type == "error" else None)
    try:
        page.goto(f"{lab.url}/lab/tree/{lesson.name}?reset&token={lab.token}", wait_until="domcontentloaded")
        page.wait_for_function(JS_WAIT_IDLE, timeout=PAGE_TIMEOUT_MS)
        page.evaluate(JS_RUN_ALL, RUN_ALL_TIMEOUT_MS)
        page.wait_for_function(JS_NOT_BUSY, timeout=RUN_ALL_TIMEOUT_MS, polling=250)
        has_widgets = any("widget" in tags(c) for c in nbformat.read(lesson, as_version=4).cells)
        if has_widgets and not page.evaluate(JS_OUTPUTS_HAVE_ERROR):
            try:  # widgets draw asynchronously after their cell finished
                page.wait_for_selector(".jp-OutputArea-output .jupyter-widgets", timeout=WIDGET_TIMEOUT_MS)
            except PlaywrightTimeout:
                pass  # reported by the test's assertion, with the rest of what the page shows
        page.wait_for_timeout(1500)  # let late renderers (images, widgets) settle
        saved_at = (lab.root / lesson.name).stat().st_mtime_ns
        page.evaluate("() => window.jupyterapp.commands.execute('docmanager:save')")
        page.wait_for_function(JS_SAVED, timeout=PAGE_TIMEOUT_MS)
        deadline = time.monotonic() + 10
        while (lab.root / lesson.name).stat().st_mtime_ns == saved_at and time.monotonic() < deadline:
            time.sleep(0.1)
        result = {
            "outputs": page.evaluate(JS_OUTPUTS),
            "stderr_boxes": page.locator('.jp-OutputArea-output[data-mime-type="application/vnd.jupyter.stderr"]').all_inner_texts(),
            "widgets": page.locator(".jp-OutputArea-output .jupyter-widgets").count(),
            "widget_errors": page.get_by_text("Error displaying widget").count(),
            "images": page.locator(".jp-OutputArea-output img").count(),
            "dialogs": page.locator(".jp-Dialog").all_inner_texts(),
            "toasts": page.locator(".Toastify__toast").all_inner_texts(),
            "has_widgets": has_widgets,
            "console_errors": console_errors,
            "saved": (lab.root / lesson.name).read_text(encoding="utf-8"),
        }
        result["screenshot"] = screenshot(page, lab.shots / f"{lesson.stem}.png")
        return result
    finally:
        context.close()
        lab.shutdown_kernels()


def screenshot(page: Any, path: Path) -> Path:
    """Grow the window to the notebook's full height, then save a full-page screenshot."""
    height = page.evaluate(
        "() => { const s = document.querySelector('.jp-NotebookPanel .jp-WindowedPanel-outer') || "
        "document.querySelector('.jp-NotebookPanel-notebook'); return s ? s.scrollHeight : 900; }"
    )
    page.set_viewport_size({"width": 1280, "height": min(int(height) + 250, MAX_SCREENSHOT_HEIGHT)})
    page.evaluate(  # Run All leaves the last cell active and scrolled into view: start from the top
        "() => { const w = window.jupyterapp.shell.currentWidget; w.content.activeCellIndex = 0; "
        "document.querySelectorAll('.jp-NotebookPanel .jp-WindowedPanel-outer').forEach(s => { s.scrollTop = 0; }); }"
    )
    page.wait_for_timeout(800)
    page.screenshot(path=str(path), full_page=True)
    print(f"\nscreenshot: {path}")
    return path


@pytest.mark.parametrize("lesson", lesson_params())
def test_lesson_runs_in_jupyterlab(browser: Any, lab: LabServer, lesson: Path) -> None:
    seen = run_lesson(browser, lab, lesson)
    errors = [o for o in seen["outputs"] if o["type"] == "error"]
    assert not errors, "cells failed in JupyterLab: " + "; ".join(f"cell {e['cell']}: {e['ename']}: {e['evalue']}" for e in errors)
    tracebacks = [t for t in seen["stderr_boxes"] if "Traceback" in t or "Error" in t]
    assert not tracebacks, f"error boxes on the page: {tracebacks[:3]}"
    stderr = [o["text"] for o in seen["outputs"] if o["type"] == "stream" and o["name"] == "stderr"]
    assert not stderr, f"a learner sees red stderr boxes (warnings?): {[s[:300] for s in stderr[:3]]}"
    assert not seen["dialogs"], f"a dialog covers the page: {seen['dialogs']}"
    assert not seen["toasts"], f"a notification covers the page: {seen['toasts']}"
    if seen["has_widgets"]:
        assert seen["widgets"] > 0, "the lesson's widget cells rendered no widget"
        assert seen["widget_errors"] == 0, "a widget shows 'Error displaying widget'"
    want = expected_images(lesson)
    assert seen["images"] >= want, f"the page shows {seen['images']} pictures, the committed lesson {want}"
    committed = lesson.read_text(encoding="utf-8")
    if seen["saved"] != committed:
        diff = list(difflib.unified_diff(committed.splitlines(), seen["saved"].splitlines(), "committed", "saved",
                                         lineterm="", n=1))
        pytest.fail("running and saving the lesson in JupyterLab changed the file (git would show it):\n"
                    + "\n".join(diff[:60]))


# --------------------------------------------------------------------------- slides
JS_RISE_SLIDE = """() => {
  const frame = document.querySelector('iframe[src*="/rise/"]');
  const doc = frame && frame.contentDocument;
  const slide = doc && doc.querySelector('.reveal .slides section.present');
  return slide && slide.innerText.trim().length > 0 ? slide.innerText : null;
}"""


JS_RISE_OTHER_SLIDE = """(shown) => {
  const frame = document.querySelector('iframe[src*="/rise/"]');
  const slide = frame && frame.contentDocument.querySelector('.reveal .slides section.present');
  const text = slide ? slide.innerText : null;
  return text && text.trim().length > 0 && text !== shown ? text : null;
}"""


def test_a_lesson_opens_as_slides(browser: Any, lab: LabServer) -> None:
    """Open the first lesson, start RISE from JupyterLab, and look at the slides it shows."""
    lessons = lesson_paths()
    if not lessons:
        pytest.skip("no lessons")
    lesson = lessons[0]
    nb = nbformat.read(lesson, as_version=4)
    title = next(c.source for c in nb.cells if c.cell_type == "markdown" and c.source.startswith("# "))
    title = title.splitlines()[0][2:].strip()
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    page = context.new_page()
    page.set_default_timeout(PAGE_TIMEOUT_MS)
    outside: list[str] = []
    page.on("request", lambda r: outside.append(r.url)
            if r.url.startswith(("http://", "https://")) and not r.url.startswith(lab.url) else None)
    try:
        page.goto(f"{lab.url}/lab/tree/{lesson.name}?reset&token={lab.token}", wait_until="domcontentloaded")
        page.wait_for_function(JS_WAIT_IDLE, timeout=PAGE_TIMEOUT_MS)
        commands = page.evaluate("() => window.jupyterapp.commands.listCommands().filter(c => c.startsWith('RISE:'))")
        assert "RISE:preview" in commands, f"jupyterlab-rise is not installed in this JupyterLab: {commands}"
        page.evaluate("() => window.jupyterapp.commands.execute('RISE:preview')")
        first = page.wait_for_function(JS_RISE_SLIDE, timeout=PAGE_TIMEOUT_MS).json_value()
        assert title.casefold() in first.casefold(), f"the first slide does not show the lesson's title {title!r}: {first[:300]!r}"
        shot = lab.shots / f"{lesson.stem}-slides.png"
        page.screenshot(path=str(shot))
        print(f"\nscreenshot: {shot}")
        # the next slide is the lesson's first section
        section = next(c.source.splitlines()[0][3:] for c in nb.cells
                       if c.cell_type == "markdown" and c.source.startswith("## "))
        frame = page.frame_locator('iframe[src*="/rise/"]')
        frame.locator(".reveal .controls .navigate-right").first.click()
        second = page.wait_for_function(JS_RISE_OTHER_SLIDE, arg=first, timeout=PAGE_TIMEOUT_MS).json_value()
        assert section.casefold() in second.casefold(), f"the second slide is not {section!r}: {second[:200]!r}"
        shot = lab.shots / f"{lesson.stem}-slides-2.png"
        page.screenshot(path=str(shot))
        print(f"screenshot: {shot}")
        total = page.evaluate("""() => {
          const doc = document.querySelector('iframe[src*="/rise/"]').contentDocument;
          return doc.querySelectorAll('.reveal .slides > section').length;
        }""")
        headings = sum(1 for c in nb.cells if c.cell_type == "markdown" and c.get("metadata", {})
                       .get("slideshow", {}).get("slide_type") == "slide")
        assert total == headings, f"RISE shows {total} slides; the lesson marks {headings} cells as slides"
        assert not outside, f"the slides fetched from outside 127.0.0.1: {outside[:5]}"
    finally:
        context.close()
        lab.shutdown_kernels()
