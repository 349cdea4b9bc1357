"""The report command stays in control (issue 15): per-cell timeout, Ctrl-C, work folders, the
output folder's rules, the index, errors in one line, the cap on --jobs, and pages sanitised
whatever the template prints.

Most tests use a small template of their own (a parameters cell and one cell), so that a report
takes a second, not the kit template's ten; the template's own pages are tested in test_report.py.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import nbformat
import psutil
import pytest

from vnpartners import reference
from vnpartners.reports import runner as report

# real report runs with kernels and subprocesses: slow (make test runs them, make test-fast does not)
pytestmark = [pytest.mark.filterwarnings("ignore::DeprecationWarning"), pytest.mark.slow]

KIT = Path(__file__).resolve().parent.parent


def small_template(folder: Path, body: str, *, markdown: str | None = None) -> Path:
    """A template with the kit's parameters (``partner``, ``seeds_folder``) and one cell of ``body``."""
    nb = nbformat.v4.new_notebook()
    params = nbformat.v4.new_code_cell('partner = "RUS"\nseeds_folder = ""')
    params.metadata["tags"] = ["parameters"]
    nb.cells = [params, nbformat.v4.new_code_cell(body)]
    if markdown is not None:
        nb.cells.insert(1, nbformat.v4.new_markdown_cell(markdown))
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3 (ipykernel)", "language": "python"}
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "template.ipynb"
    nbformat.write(nb, path)
    return path


def run_command(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    try:
        code = report.main(args)
    except SystemExit as exc:  # argparse's own refusals
        code = int(exc.code or 0)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def one_line(err: str) -> bool:
    return err.count("\n") == 1 and "Traceback" not in err


# ------------------------------------------------------------------ a cell that runs for ever


def test_a_cell_that_runs_for_ever_is_stopped_by_the_timeout_and_the_run_goes_on(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # sum() over a range runs in C: the kernel does not even notice an interrupt
    template = small_template(tmp_path / "tpl", "if partner == 'KAZ':\n    sum(range(10**14))\nprint('done', partner)")
    out = tmp_path / "out"
    started = time.monotonic()
    code, stdout, err = run_command(["KAZ", "BLR", "--jobs", "1", "--timeout", "3", "--template", str(template),
                                     "--out", str(out)], capsys)
    assert time.monotonic() - started < 60
    assert code == 1
    assert "KAZ: CellTimeoutError: a cell ran longer than the --timeout of 3 s and was stopped with its kernel" in err
    assert (out / "BLR.html").is_file() and not (out / "KAZ.html").exists()
    kept = nbformat.read(out / "_failed" / "KAZ.ipynb", as_version=4)
    assert kept.cells[-1].metadata.papermill["status"] == "failed"  # the cell that ran too long is marked
    assert not list(out.glob("_work*"))


def test_the_default_timeout_is_a_few_minutes_and_is_in_the_help(capsys: pytest.CaptureFixture[str]) -> None:
    assert 60 <= report.DEFAULT_CELL_TIMEOUT <= 600
    code, out, _ = run_command(["--help"], capsys)
    assert code == 0 and "--timeout SECONDS" in out


@pytest.mark.parametrize("value", ["0", "-5", "soon", "nan"])
def test_a_timeout_that_is_no_time_limit_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str], value: str) -> None:
    code, _, err = run_command(["RUS", "--timeout", value, "--out", str(tmp_path / "out")], capsys)
    assert code == 2 and "--timeout" in err
    assert not (tmp_path / "out").exists()


# ------------------------------------------------------------------ Ctrl-C


def busy_template(folder: Path, fast: list[str], marks: Path) -> Path:
    """Partners in ``fast`` render at once; every other one records its kernel's pid in ``marks``
    and keeps the kernel busy in C code (it ignores SIGINT) for hours."""
    return small_template(
        folder,
        "import os, pathlib\n"
        f"if partner not in {fast!r}:\n"
        f"    pathlib.Path({str(marks)!r}, str(os.getpid())).write_text(partner)\n"
        "    sum(range(10**14))\n"
        "print('done', partner)",
    )


def _group_of(pid: int) -> int | None:
    try:
        return os.getpgid(pid)
    except OSError:
        return None


def _group_members(pgid: int) -> list[int]:
    """The live (not zombie) processes of process group ``pgid``."""
    return [p.pid for p in psutil.process_iter() if _group_of(p.pid) == pgid and _alive(p.pid)]


def _alive(pid: int) -> bool:
    try:
        return psutil.Process(pid).status() != psutil.STATUS_ZOMBIE
    except psutil.NoSuchProcess:
        return False


@pytest.mark.parametrize(("jobs", "how"), [("2", signal.SIGINT), ("1", signal.SIGINT), ("2", signal.SIGTERM)],
                         ids=["ctrl-c, 2 jobs", "ctrl-c, 1 job", "kill (SIGTERM), 2 jobs"])
def test_ctrl_c_stops_the_run_kills_its_kernels_writes_the_index_and_removes_its_work_folder(
    tmp_path: Path, jobs: str, how: signal.Signals
) -> None:
    codes = sorted(reference.partners()["iso3"])
    fast = codes[:2]
    marks = tmp_path / "busy"
    marks.mkdir()
    template = busy_template(tmp_path / "tpl", fast, marks)
    out = tmp_path / "out"
    (out / "_work").mkdir(parents=True)  # a user's own folder of that name
    (out / "_work" / "mine.txt").write_text("keep me", encoding="utf-8")
    command = [sys.executable, "-m", "vnpartners", "report", "--all", "--jobs", jobs, "--template", str(template),
               "--out", str(out)]
    # its own process group, as a terminal runs a command: Ctrl-C goes to the whole group
    proc = subprocess.Popen(command, cwd=tmp_path, start_new_session=True, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)
    kernels: list[int] = []
    try:
        deadline = time.monotonic() + 120
        while len(list(marks.iterdir())) < int(jobs) and time.monotonic() < deadline and proc.poll() is None:
            time.sleep(0.2)
        kernels = [int(p.name) for p in marks.iterdir()]
        assert len(kernels) == int(jobs), "the busy reports did not start"
        time.sleep(0.5)
        sent = time.monotonic()
        if how == signal.SIGINT:
            os.killpg(proc.pid, signal.SIGINT)  # Ctrl-C in a terminal: every process of the group gets it
        else:
            os.kill(proc.pid, signal.SIGTERM)  # `kill PID`: the command alone gets it
        try:
            stdout, stderr = proc.communicate(timeout=20)
        except subprocess.TimeoutExpired:
            pytest.fail("the command did not stop within 20 s of the Ctrl-C")
        stopped_in = time.monotonic() - sent
        # the workers are gone (multiprocessing's resource tracker may take a moment to follow)
        workers_left = _group_members(proc.pid)
        deadline = time.monotonic() + 5
        while workers_left and time.monotonic() < deadline:
            time.sleep(0.2)
            workers_left = _group_members(proc.pid)
    finally:
        # whatever happened, nothing of the run outlives the test (its workers are in its process
        # group; its kernels, each in a group of its own, recorded their pids in `marks`)
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGKILL)
        if proc.poll() is None:
            proc.wait()
        time.sleep(0.5)
        leftovers = [pid for pid in (int(p.name) for p in marks.iterdir()) if _alive(pid)]
        for pid in leftovers:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(pid, signal.SIGKILL)
    assert proc.returncode == 130, stderr
    assert stopped_in < 10
    assert not leftovers, f"kernels left running: {leftovers}"
    assert not workers_left, f"worker processes left running: {workers_left}"
    assert "Traceback" not in stderr
    assert f"stopped (Ctrl-C): 2 of {len(codes)} report(s) written before the stop" in stderr
    index = (out / "index.html").read_text(encoding="utf-8")
    for code in fast:
        assert f"href='{code}.html'" in index  # what finished is listed
    busy = {p.read_text() for p in marks.iterdir()}
    assert not any(f"{code}.html" in index for code in busy)
    assert not list(out.glob("_work-*")), "the run's work folder is left"
    assert (out / "_work" / "mine.txt").read_text(encoding="utf-8") == "keep me"
    assert not list(out.glob("*.tmp")) and not list(out.glob(".*.tmp"))


# ------------------------------------------------------------------ the output folder


def test_two_runs_into_one_folder_keep_every_report(tmp_path: Path) -> None:
    template = small_template(tmp_path / "tpl", "import time\ntime.sleep(2)\nprint('done', partner)")
    out = tmp_path / "out"

    def start(*partners: str) -> subprocess.Popen[str]:
        return subprocess.Popen([sys.executable, "-m", "vnpartners", "report", *partners, "--jobs", "1",
                                 "--template", str(template), "--out", str(out)],
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)

    long_run = start("KAZ", "BLR", "LAO", "RUS")  # about 8 s of cells
    time.sleep(1)
    short_run = start("CHN")  # done while the other is half-way
    outputs = [p.communicate(timeout=300) for p in (short_run, long_run)]
    assert short_run.returncode == 0 and long_run.returncode == 0, outputs
    assert sorted(p.name for p in out.glob("*.html")) == ["BLR.html", "CHN.html", "KAZ.html", "LAO.html", "RUS.html",
                                                          "index.html"]
    index = (out / "index.html").read_text(encoding="utf-8")
    for code in ("BLR", "CHN", "KAZ", "LAO", "RUS"):  # each run's partners kept in the other's index
        assert f"href='{code}.html'" in index
    assert not list(out.glob("_work*")) and not (out / "_failed").exists()


def test_a_users_own_work_folder_is_never_deleted(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    template = small_template(tmp_path / "tpl", "print('done', partner)")
    out = tmp_path / "out"
    (out / "_work").mkdir(parents=True)
    (out / "_work" / "notes.txt").write_text("my notes", encoding="utf-8")
    code, _, err = run_command(["LAO", "--jobs", "1", "--template", str(template), "--out", str(out)], capsys)
    assert code == 0, err
    assert (out / "_work" / "notes.txt").read_text(encoding="utf-8") == "my notes"
    assert not list(out.glob("_work-*"))


def test_a_work_folder_left_by_a_killed_run_is_removed_and_nothing_else(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    template = small_template(tmp_path / "tpl", "print('done', partner)")
    out = tmp_path / "out"
    gone = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    dead_pid = int(gone.stdout)
    stale = out / f"_work-{dead_pid}-abcd1234"  # as a run killed with `kill -9` leaves it
    stale.mkdir(parents=True)
    (stale / "kernel-123.log").write_text("...", encoding="utf-8")
    living = out / f"_work-{os.getpid()}-live5678"  # a run that is still going (this process)
    living.mkdir()
    lookalike = out / "_work-notes"
    lookalike.mkdir()
    code, _, err = run_command(["LAO", "--jobs", "1", "--template", str(template), "--out", str(out)], capsys)
    assert code == 0, err
    assert not stale.exists()
    assert living.is_dir() and lookalike.is_dir()


def test_an_empty_out_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.chdir(tmp_path)
    code, _, err = run_command(["RUS", "--out", ""], capsys)
    assert code == 2 and one_line(err) and "--out is empty" in err
    assert list(tmp_path.iterdir()) == []  # nothing written into the current folder


def _without_privileges() -> list[str]:
    """A prefix that runs a command without root's power to ignore file permissions."""
    if os.geteuid() != 0:
        return []
    setpriv = shutil.which("setpriv")
    if setpriv is None:
        pytest.skip("running as root without setpriv: file permissions cannot be tested")
    return [setpriv, "--bounding-set=-all", "--inh-caps=-all", "--"]


@pytest.mark.parametrize(
    ("case", "message"),
    [
        ("read-only out", "cannot write in this folder (Permission denied); choose a folder you can write to"),
        ("out that cannot be created", "cannot create the folder (Permission denied); choose a folder you can write to"),
        ("unreadable articles", "--articles: Cannot list the folder"),
        ("unreadable article", "cannot read the file (permission denied"),
    ],
)
def test_folders_without_permission_are_refused_in_one_line(tmp_path: Path, case: str, message: str) -> None:
    locked = tmp_path / "locked"
    locked.mkdir()
    out = tmp_path / "out"
    articles: list[str] = []
    if case == "read-only out":
        out = locked
    elif case == "out that cannot be created":
        out = locked / "reports"
    elif case == "unreadable articles":
        (locked / "a.txt").write_text("Vietnam dan Rusia.\n", encoding="utf-8")
        articles = ["--articles", str(locked)]
    else:
        folder = tmp_path / "articles"
        folder.mkdir()
        (folder / "a.txt").write_text("Vietnam dan Rusia.\n", encoding="utf-8")
        (folder / "a.txt").chmod(0o000)
        articles = ["--articles", str(folder)]
    locked.chmod(0o500 if case.endswith("out") or case == "out that cannot be created" else 0o000)
    try:
        done = subprocess.run([*_without_privileges(), sys.executable, "-m", "vnpartners", "report", "RUS", *articles,
                               "--out", str(out)], capture_output=True, text=True, timeout=120)
    finally:
        locked.chmod(0o700)
    assert done.returncode == 2, done.stderr
    assert one_line(done.stderr) and done.stderr.startswith("error: ") and message in done.stderr, done.stderr


# ------------------------------------------------------------------ the index


def test_the_index_lists_only_what_runs_rendered_escaped(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    template = small_template(tmp_path / "tpl", "print('done', partner)")
    out = tmp_path / "out"
    out.mkdir()
    for stray in ("ABC.html", "<i>.html", "<img src=x onerror=alert(1)>.html", "notes.html"):
        (out / stray).write_text("<p>someone else's page</p>", encoding="utf-8")
    assert run_command(["LAO", "--jobs", "1", "--template", str(template), "--out", str(out)], capsys)[0] == 0
    assert run_command(["RUS", "--jobs", "1", "--template", str(template), "--out", str(out)], capsys)[0] == 0
    index = (out / "index.html").read_text(encoding="utf-8")
    assert "href='LAO.html'" in index and "href='RUS.html'" in index  # this run's and the earlier run's
    assert "ABC" not in index and "notes" not in index and "onerror" not in index and "<i>" not in index
    assert json.loads((out / "index.json").read_text(encoding="utf-8"))["reports"] == {
        "LAO": {"ok": True, "error": ""}, "RUS": {"ok": True, "error": ""}}
    (out / "LAO.html").unlink()  # a page deleted since: no longer listed
    assert run_command(["RUS", "--jobs", "1", "--template", str(template), "--out", str(out)], capsys)[0] == 0
    assert "LAO.html" not in (out / "index.html").read_text(encoding="utf-8")


def test_a_tampered_record_cannot_put_markup_in_the_index(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    template = small_template(tmp_path / "tpl", "print('done', partner)")
    out = tmp_path / "out"
    out.mkdir()
    (out / "index.json").write_text(json.dumps({"reports": {
        "<script>": {"ok": True}, "XYZ": {"ok": False, "error": "<script>alert(1)</script>"}}}), encoding="utf-8")
    assert run_command(["LAO", "--jobs", "1", "--template", str(template), "--out", str(out)], capsys)[0] == 0
    index = (out / "index.html").read_text(encoding="utf-8")
    assert "<script" not in index and "&lt;script&gt;alert(1)" in index


def test_a_stale_failure_is_removed_when_the_partner_renders(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    template = small_template(tmp_path / "tpl", "print('done', partner)")
    out = tmp_path / "out"
    (out / "_failed").mkdir(parents=True)
    (out / "_failed" / "LAO.ipynb").write_text("{}", encoding="utf-8")
    (out / "_failed" / "LAO.kernel.log").write_text("old", encoding="utf-8")
    (out / "_failed" / "BLR.ipynb").write_text("{}", encoding="utf-8")  # another partner's failure stays
    assert run_command(["LAO", "--jobs", "1", "--template", str(template), "--out", str(out)], capsys)[0] == 0
    assert sorted(p.name for p in (out / "_failed").iterdir()) == ["BLR.ipynb"]


def test_a_failing_notebook_is_listed_with_its_exceptions_own_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    template = small_template(tmp_path / "tpl", "if partner == 'KAZ':\n    raise RuntimeError('deliberate failure for the test')")
    out = tmp_path / "out"
    code, _, err = run_command(["KAZ", "BLR", "--jobs", "1", "--template", str(template), "--out", str(out)], capsys)
    assert code == 1
    index = (out / "index.html").read_text(encoding="utf-8")
    assert "failed: RuntimeError: deliberate failure for the test" in index
    assert "PapermillExecutionError" not in index and "-----" not in index
    assert "  KAZ: RuntimeError: deliberate failure for the test (notebook kept:" in err


# ------------------------------------------------------------------ --jobs


def test_jobs_are_capped_at_the_cores_with_a_note(monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    cores = len(os.sched_getaffinity(0))
    seen: dict[str, object] = {}

    def fake_render_reports(codes, out, *, jobs, **kwargs):  # noqa: ANN001, ANN202 - the run itself is not the point
        seen["jobs"] = jobs
        return [report.ReportResult(c, True, 0.0) for c in codes]

    monkeypatch.setattr(report, "render_reports", fake_render_reports)
    code, stdout, _ = run_command(["--all", "--jobs", "1000", "--out", str(tmp_path / "out")], capsys)
    assert code == 0
    n = len(reference.partners())
    assert f"note: --jobs 1000 is more than the {cores} processor core(s) here; using {min(cores, n)}" in stdout
    assert f"rendering {n} report(s) into" in stdout and f"with {min(cores, n)} job(s)" in stdout
    assert report._pool_size(1000, n) == min(cores, n)  # what render_reports starts


# ------------------------------------------------------------------ what a template prints

HOSTILE_CELL = r'''
from IPython.display import HTML, Javascript, SVG, display
display(HTML("<script>alert('html')</script><b>kept bold</b>"))
display(Javascript("alert('javascript output')"))
display(SVG('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert("svg")</script><circle r="4"/></svg>'))
display(HTML('<a href="javascript:alert(1)">js link</a><iframe src="https://example.com/frame"></iframe>'
             '<style>@import url(https://example.com/x.css);</style><img src="x" onerror="alert(2)">'
             '<img src="https://example.com/tracker.png"><img src="//example.com/p.png">'
             '<td style="background:url(https://example.com/bg.png); color: red">cell</td>'
             '<a href="https://example.org/ok">a web link</a>'))
print("<script>alert('printed')</script>")
print("x" * 6_000_000)
'''


def test_a_template_that_prints_scripts_or_megabytes_gives_a_clean_page(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    template = small_template(tmp_path / "tpl", HOSTILE_CELL,
                              markdown="<script>alert('markdown')</script>\n\n<img src='https://example.com/md.png'> Text")
    out = tmp_path / "out"
    code, _, err = run_command(["LAO", "--jobs", "1", "--template", str(template), "--out", str(out)], capsys)
    assert code == 0, err
    page = (out / "LAO.html").read_text(encoding="utf-8")
    body = page[page.index("<body"):]
    assert not re.search(r"<script", body, re.IGNORECASE)
    assert "javascript:" not in body and "onerror" not in body and "<iframe" not in body and "@import" not in body
    assert not re.search(r"""(src|href)=["']?(https?:)?//example\.com""", body)  # nothing loaded from the network
    assert "url(" not in body
    assert "<b>kept bold</b>" in body and 'href="https://example.org/ok"' in body  # harmless HTML and links stay
    assert "data:image/svg+xml;base64," in body  # the SVG as a picture, its script inert
    assert "An output of 6.0 MB was left out of this page (the limit is 5.0 MB per output)." in body
    assert len(page) < 3_000_000


def test_outputs_past_the_page_limit_are_left_out_with_a_note() -> None:
    from vnpartners.reports.sanitise import cap_outputs

    nb = nbformat.v4.new_notebook()
    cell = nbformat.v4.new_code_cell("")
    cell.outputs = [nbformat.v4.new_output("stream", name="stdout", text="y" * 1000) for _ in range(50)]
    nb.cells = [cell]
    capped = cap_outputs(nb, output_limit=5000, page_limit=10_000)
    texts = [o.get("text", "") or o["data"]["text/plain"] for o in capped.cells[0].outputs]
    assert len(texts) == 11 and all(t == "y" * 1000 for t in texts[:10])
    assert "reached the limit of 10,000 characters" in texts[-1]
    assert len(nb.cells[0].outputs) == 50  # the notebook given is not changed


def test_the_sanitiser_keeps_the_pages_markup_and_drops_what_could_run_or_load() -> None:
    from vnpartners.reports.sanitise import sanitise_page

    head = "<!DOCTYPE html><html><head><style>.jp-Notebook{margin:0}</style><title>t</title></head>"
    body = ("<main><div class='jp-Cell' id='c1' data-mime-type='text/html'><table class='vnp-table'><colgroup>"
            "<col style='width:14%'></colgroup><tr><td style='text-align:left'>x</td></tr></table>"
            "<details class='vnp-fold'><summary>more</summary><a href='#src-a'>cite</a> <a href='https://vov.vn/x'>vov</a>"
            "</details><img src='data:image/png;base64,iVBORw0KGgo=' alt='chart'>"
            "<img src='data:text/html;base64,PHNjcmlwdD4='><a href='data:text/html,<script>'>d</a>"
            "<a href='//evil.example/x'>p</a><a href='JaVaScRiPt:alert(1)'>j</a><form action='x'><input name='q'></form>"
            "<object data='x.swf'></object><embed src='x'><math><mi>x</mi></math><svg onload='alert(1)'></svg>"
            "<p onclick='alert(1)' style='background-image:url(https://evil.example/t.png);color:red'>p</p></div></main>")
    page = sanitise_page(head + f"<body class='jp-Notebook'>{body}</body></html>")
    assert page.startswith(head + "<body class='jp-Notebook'>")  # the kit's own head and body tag as they were
    for kept in ('id="c1"', 'data-mime-type="text/html"', 'style="width:14%"', 'style="text-align:left"',
                 '<summary>more</summary>', 'href="#src-a"', 'href="https://vov.vn/x"', 'src="data:image/png;base64,'):
        assert kept in page, kept
    for dropped in ("data:text/html", "evil.example", "alert", "<form", "<input", "<object", "<embed", "<math",
                    "<svg", "onclick", "url("):
        assert dropped.lower() not in page.lower(), dropped
    assert 'style="color:red"' in page


# ------------------------------------------------------------------ articles of the user's own folder


def test_articles_of_a_users_folder_are_cited_by_their_full_name_and_real_folder(tmp_path: Path) -> None:
    folder = tmp_path / "my_articles"
    folder.mkdir()
    (folder / "report_jan.txt").write_text(
        "Vietnam dan Rusia menjalin Kemitraan Strategis pada tahun 2001.\n", encoding="utf-8")
    (folder / "report_feb.txt").write_text(
        "Vietnam dan Rusia meningkatkan hubungan menjadi Kemitraan Strategis Komprehensif pada tahun 2012.\n",
        encoding="utf-8")
    out = tmp_path / "out"
    results = report.render_reports(["RUS"], out, jobs=1, parameters={"seeds_folder": str(folder)})
    assert results[0].ok, results[0].error
    page = (out / "RUS.html").read_text(encoding="utf-8")
    text = re.sub(r"<[^>]+>", " ", page[page.index("<body"):])
    for name in ("report_jan.txt", "report_feb.txt"):
        assert re.search(rf"{name}</a>, ¶0", page), name  # each article its own citation
        assert f"my_articles/{name}" in text  # the sources say where the file is
    assert "report · 0:0" not in text and not re.search(r"\bnan\b", text) and "seeds/" not in text
