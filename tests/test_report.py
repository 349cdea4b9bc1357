"""Partner reports rendered through papermill into temporary folders, and their failure cases."""

from __future__ import annotations

import json
import re
from pathlib import Path

import nbformat
import pytest

from vnpartners.errors import UnknownPartnerError
from vnpartners.reports import runner as report
from vnpartners.reports.page import resolve_report_partner

pytestmark = [pytest.mark.slow, pytest.mark.filterwarnings("ignore::DeprecationWarning")]


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("reports")
    results = report.render_reports(["RUS", "LAO"], out, jobs=1)
    assert all(r.ok for r in results), [r.error for r in results]
    return out


def test_report_pages_and_index_are_written(rendered: Path) -> None:
    # the pages, the index and the record of what was rendered (index.json); no work folder left
    assert sorted(p.name for p in rendered.iterdir()) == ["LAO.html", "RUS.html", "index.html", "index.json"]
    page = (rendered / "RUS.html").read_text(encoding="utf-8")
    assert "Vietnam–Russia: partner report" in page
    assert "Partnership level history" in page and "Trade in goods" in page and "Sources" in page
    assert page.count("data:image/png;base64") >= 2  # the level chart and the trade chart
    index = (rendered / "index.html").read_text(encoding="utf-8")
    assert "href='RUS.html'" in index and "href='LAO.html'" in index


def test_report_pages_have_no_code_and_load_nothing_from_the_network(rendered: Path) -> None:
    for page in rendered.glob("*.html"):
        text = page.read_text(encoding="utf-8")
        assert "<script src=" not in text
        assert not re.search(r"<link[^>]+href=['\"]https?://", text), page.name
        assert not re.search(r"<(img|iframe)[^>]+src=['\"]https?://", text), page.name
        assert "resolve_report_partner(" not in text  # code cells are not exported


def test_a_partner_without_trade_or_facts_still_gets_a_page(rendered: Path) -> None:
    page = (rendered / "LAO.html").read_text(encoding="utf-8")
    assert "The articles state no figures about this partner." in page


def test_unknown_partner_fails_at_once_with_close_matches(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = report.main(["Rusiaa", "--out", str(tmp_path / "out")])
    assert code == 2
    err = capsys.readouterr().err
    assert "Rusia" in err and "RUS" in err
    assert not (tmp_path / "out").exists()  # nothing written


def test_a_country_that_is_not_a_partner_is_refused_with_a_reason() -> None:
    with pytest.raises(UnknownPartnerError, match="not one of Vietnam's partners"):
        resolve_report_partner("Peru")


def _failing_template(tmp_path: Path) -> Path:
    nb = nbformat.read(report.template_path(), as_version=4)
    nb.cells.append(nbformat.v4.new_code_cell('if iso3 == "KAZ":\n    raise RuntimeError("deliberate failure for the test")'))
    path = tmp_path / "tpl" / "partner_report.ipynb"
    path.parent.mkdir()
    nbformat.write(nb, path)
    return path


def test_a_failing_partner_keeps_its_notebook_and_the_others_go_on(tmp_path: Path) -> None:
    out = tmp_path / "out"
    results = report.render_reports(["KAZ", "BLR"], out, jobs=2, template=_failing_template(tmp_path))
    by_code = {r.iso3: r for r in results}
    assert not by_code["KAZ"].ok and "deliberate failure" in by_code["KAZ"].error
    assert by_code["BLR"].ok
    assert (out / "BLR.html").is_file()
    assert not (out / "KAZ.html").exists()  # never a half-written page
    kept = out / "_failed" / "KAZ.ipynb"
    assert kept.is_file()
    assert "deliberate failure" in json.dumps(nbformat.read(kept, as_version=4).cells[-1].outputs)
    assert not list(out.glob("*.tmp")) and not list(out.glob(".*.tmp"))
    assert "failed" in (out / "index.html").read_text(encoding="utf-8")


def test_command_line_exits_non_zero_with_a_summary_on_failure(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = report.main(["KAZ", "--out", str(tmp_path / "out"), "--jobs", "2", "--template", str(_failing_template(tmp_path))])
    assert code == 1
    captured = capsys.readouterr()
    assert "rendering 1 report(s) into" in captured.out and "with 1 job(s)" in captured.out  # one report, one worker
    assert "0 of 1 report(s) written" in captured.out
    assert "KAZ" in captured.err and "notebook kept" in captured.err


def test_a_partner_named_twice_is_counted_and_rendered_once(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = report.main(["KAZ", "Kazakhstan", "kaz", "--out", str(tmp_path / "out"), "--jobs", "1",
                        "--template", str(_failing_template(tmp_path))])
    assert code == 1
    out = capsys.readouterr().out
    assert "rendering 1 report(s)" in out and "[1/1] KAZ FAILED" in out and "0 of 1 report(s) written" in out


def test_export_failure_leaves_no_partial_page(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*args: object, **kwargs: object) -> str:
        raise OSError("disk full (simulated)")

    monkeypatch.setattr(report, "to_html", broken)
    result = report.render_one("BLR", tmp_path, reuse_kernel=False)
    assert not result.ok and "disk full" in result.error
    assert not (tmp_path / "BLR.html").exists()


def test_article_text_is_escaped_in_reports(tmp_path: Path) -> None:
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "uji.txt").write_text(
        "Vietnam dan Rusia menjalin Kemitraan Strategis pada tahun 2001 <script>alert('x')</script> di Hanoi.\n",
        encoding="utf-8",
    )
    out = tmp_path / "out"
    results = report.render_reports(["RUS"], out, jobs=1, parameters={"seeds_folder": str(folder)})
    assert results[0].ok, results[0].error
    page = (out / "RUS.html").read_text(encoding="utf-8")
    assert "<script>alert" not in page
    assert "&lt;script&gt;alert" in page


def _kernel_pid(km: object) -> int:
    return int(km.provisioner.pid)  # type: ignore[attr-defined]


def test_a_stuck_warm_kernel_is_replaced_and_the_report_still_written(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import os
    import signal

    monkeypatch.setattr(report, "KERNEL_READY_TIMEOUT", 5.0)
    try:
        first = report.render_one("BLR", tmp_path)
        assert first.ok and not first.retried, first.error
        stuck = _kernel_pid(report._STATE.km)
        os.kill(stuck, signal.SIGSTOP)  # alive, but it will never answer
        second = report.render_one("KAZ", tmp_path)
        assert second.ok, second.error
        assert second.retried
        assert (tmp_path / "KAZ.html").is_file()
        assert _kernel_pid(report._STATE.km) != stuck
        stat = Path(f"/proc/{stuck}/stat")
        if stat.exists():  # the stuck kernel was killed: gone, or a zombie at most
            assert stat.read_text().split(") ")[1][0] in "ZX"
    finally:
        report._shutdown_kernel()


def _template_with_cell(tmp_path: Path, source: str) -> Path:
    nb = nbformat.read(report.template_path(), as_version=4)
    nb.cells.append(nbformat.v4.new_code_cell(source))
    path = tmp_path / "tpl" / "partner_report.ipynb"
    path.parent.mkdir(exist_ok=True)
    nbformat.write(nb, path)
    return path


def test_a_kernel_that_dies_once_gets_one_retry(tmp_path: Path) -> None:
    marker = tmp_path / "died-once"
    template = _template_with_cell(
        tmp_path,
        f"import os, pathlib\nif not pathlib.Path({str(marker)!r}).exists():\n"
        f"    pathlib.Path({str(marker)!r}).touch()\n    os._exit(1)",
    )
    try:
        result = report.render_one("BLR", tmp_path / "out", template=template)
    finally:
        report._shutdown_kernel()
    assert result.ok and result.retried, result.error
    assert (tmp_path / "out" / "BLR.html").is_file()


def test_a_kernel_that_always_dies_fails_after_one_retry_and_code_errors_are_not_retried(tmp_path: Path) -> None:
    template = _template_with_cell(tmp_path, "import os\nos._exit(1)")
    try:
        died = report.render_one("BLR", tmp_path / "out", template=template)
    finally:
        report._shutdown_kernel()
    assert not died.ok and died.retried
    assert "after a retry with a fresh kernel" in died.error
    assert not (tmp_path / "out" / "BLR.html").exists()
    # the notebook is kept as far as it ran, the cell the kernel died in marked as the failed one
    assert died.failed_notebook == tmp_path / "out" / "_failed" / "BLR.ipynb"
    kept = [c for c in nbformat.read(died.failed_notebook, as_version=4).cells if c.cell_type == "code"]
    assert [c.metadata.papermill["status"] for c in kept] == ["completed"] * (len(kept) - 1) + ["failed"]
    assert "os._exit(1)" in kept[-1].source
    assert kept[-1].outputs[-1].output_type == "error" and kept[-1].outputs[-1].ename == "DeadKernelError"
    assert any(c.outputs for c in kept[:-1])  # the report's earlier cells ran and kept their outputs
    raising = _template_with_cell(tmp_path, 'raise RuntimeError("deliberate failure for the test")')
    try:
        failed = report.render_one("BLR", tmp_path / "out2", template=raising)
    finally:
        report._shutdown_kernel()
    assert not failed.ok and not failed.retried and "deliberate failure" in failed.error


def test_a_worker_process_that_dies_loses_only_its_own_partner(tmp_path: Path) -> None:
    # the kernel kills the worker process that runs it: always for KAZ, once for BLR
    marker = tmp_path / "blr-killed-once"
    template = _template_with_cell(
        tmp_path,
        "import os, pathlib, signal\n"
        f"first_blr = iso3 == 'BLR' and not pathlib.Path({str(marker)!r}).exists()\n"
        f"if first_blr:\n    pathlib.Path({str(marker)!r}).touch()\n"
        "if iso3 == 'KAZ' or first_blr:\n    os.kill(os.getppid(), signal.SIGKILL)",
    )
    out = tmp_path / "out"
    seen: list[str] = []
    results = report.render_reports(["KAZ", "BLR", "LAO"], out, jobs=2, template=template, progress=lambda r: seen.append(r.iso3))
    by_code = {r.iso3: r for r in results}
    assert [r.iso3 for r in results] == ["KAZ", "BLR", "LAO"]
    assert sorted(seen) == ["BLR", "KAZ", "LAO"]  # each partner reported once
    assert marker.exists()
    assert by_code["BLR"].ok and by_code["LAO"].ok, [r.error for r in results]
    assert not by_code["KAZ"].ok and "died" in by_code["KAZ"].error
    assert sorted(p.name for p in out.glob("*.html")) == ["BLR.html", "LAO.html", "index.html"]
    assert "failed" in (out / "index.html").read_text(encoding="utf-8")
    assert not (out / "_work").exists()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["RUS", "--out", "{file}"], "is a file; pass a folder"),
        (["RUS", "--articles", "{tmp}/missing"], "does not exist"),
        (["RUS", "--articles", "{empty}"], "holds no .txt files"),
        (["RUS", "--articles", "{garbled}"], "UTF-8"),
        (["RUS", "--jobs", "0"], "at least 1 process"),
        (["RUS", "--jobs", "two"], "not a whole number"),
        (["RUS", "--all"], "not both"),
        (["--all", "--seeds"], "not allowed with"),
    ],
)
def test_command_line_misuse_is_refused_before_anything_is_written(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], args: list[str], message: str
) -> None:
    (tmp_path / "a-file").write_text("not a folder", encoding="utf-8")
    (tmp_path / "empty").mkdir()
    (tmp_path / "garbled").mkdir()
    (tmp_path / "garbled" / "x.txt").write_bytes("Vietnam dan Rusia".encode("utf-16"))
    names = {"file": tmp_path / "a-file", "tmp": tmp_path, "empty": tmp_path / "empty", "garbled": tmp_path / "garbled"}
    argv = [a.format(**names) for a in args]
    if "--out" not in argv:
        argv += ["--out", str(tmp_path / "out")]
    try:
        code = report.main(argv)
    except SystemExit as exc:  # argparse's own refusals
        code = exc.code
    assert code == 2
    assert message in capsys.readouterr().err
    assert not (tmp_path / "out").exists()


def test_the_vnpartners_command_lists_every_report_option(capsys: pytest.CaptureFixture[str]) -> None:
    from vnpartners import cli

    assert cli.main(["--help"]) == 0
    usage = capsys.readouterr().out
    for option in ("--all", "--seeds", "--out", "--jobs", "--articles", "--template", "--timeout", "--pdf"):
        assert option in usage
    assert cli.main([]) == 2 and "usage:" in capsys.readouterr().err
    assert cli.main(["bogus"]) == 2 and "unknown command 'bogus'" in capsys.readouterr().err


def test_pdf_is_refused_in_one_line_where_no_chromium_is_installed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                                    capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("VNPARTNERS_CHROMIUM", str(tmp_path / "no-such-chromium"))
    code = report.main(["RUS", "--pdf", "--out", str(tmp_path / "out")])
    err = capsys.readouterr().err
    assert code == 2
    assert err.count("\n") == 1 and "--pdf needs Chromium" in err and "apt-get install chromium" in err
    assert not (tmp_path / "out").exists()  # refused before anything was rendered


@pytest.mark.skipif(not Path("/usr/bin/chromium").exists(), reason="/usr/bin/chromium not installed")
def test_pdf_prints_a_page_with_its_print_edition(rendered: Path, tmp_path: Path) -> None:
    import shutil

    from vnpartners.reports import pdf

    page = tmp_path / "RUS.html"
    shutil.copy(rendered / "RUS.html", page)
    target = pdf.print_pdf(page)
    data = target.read_bytes()
    assert target == tmp_path / "RUS.pdf" and data.startswith(b"%PDF-")
    assert len(re.findall(rb"/Type\s*/Page[^s]", data)) >= 3  # sections start on new pages; the evidence appendix follows
    assert sorted(p.name for p in tmp_path.iterdir()) == ["RUS.html", "RUS.pdf"]  # no temporary file left


def test_pages_keep_their_promises(rendered: Path) -> None:
    page = (rendered / "RUS.html").read_text(encoding="utf-8")
    assert "<script" not in page and "class=\"dataframe\"" not in page
    assert "comprehensive_strategic" not in re.sub(r"<[^>]+>", " ", page)
    assert "VietnamPlus, 8 May 2025</a>, ¶21" in page
    assert re.search(r"<section class=['\"]vnp-appendix", page)  # the print edition's evidence (hidden on screen)


#: the Russia page's height when issue 16 was filed (14,000 px at 1200 px wide); it must stay at most a third.
#: Measured here with Debian's chromium and DejaVu fonts: 4,649 px on 3 December 2026. Another machine's fonts
#: change line breaks, so the test allows 5 % over the third: it guards against the page growing back.
RUSSIA_PAGE_HEIGHT_BEFORE = 14_000
FONT_ALLOWANCE = 1.05


@pytest.mark.skipif(not Path("/usr/bin/chromium").exists(), reason="/usr/bin/chromium not installed")
def test_the_russia_page_is_at_most_a_third_of_its_old_height(rendered: Path) -> None:
    # as a reader sees it: Debian's chromium, 1200 px wide, nothing fetched; every fact stays reachable
    # (summary rows opened with <details>, the evidence appendix for print)
    from playwright.sync_api import sync_playwright

    from vnpartners.reports.pdf import CHROMIUM_ARGS

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        try:
            context = browser.new_context(offline=True, viewport={"width": 1200, "height": 900})
            page = context.new_page()
            page.goto((rendered / "RUS.html").resolve().as_uri(), wait_until="load")
            height = page.evaluate("document.body.scrollHeight")
            closed = page.evaluate("document.querySelectorAll('details:not([open])').length")
        finally:
            browser.close()
    assert height <= RUSSIA_PAGE_HEIGHT_BEFORE / 3 * FONT_ALLOWANCE, f"the Russia page is {height} px high"
    assert closed > 0  # the rest is one click away, not gone
