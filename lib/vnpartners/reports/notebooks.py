"""Execute notebooks reproducibly and export them to HTML that reads fully offline.

Used by ``make notebooks`` (re-execute the lessons in place), ``make report`` and the tests.
"""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

KERNEL_NAME = "python3"
_TEMPLATES = Path(__file__).resolve().parent / "templates"
# notebook-level metadata kept in committed lessons; everything else (papermill, timings) is dropped
_KEEP_NB_METADATA = ("kernelspec", "language_info", "colab")
_KERNELSPEC = {"name": KERNEL_NAME, "display_name": "Python 3 (ipykernel)", "language": "python"}


def clean_metadata(nb: Any) -> Any:
    """Return ``nb`` without timings or papermill metadata, with kernel ``python3``.

    Cell ids are kept; cell metadata keeps only ``tags``, ``jupyter`` (collapsed/hidden state)
    and ``editable``/``deletable``; ``language_info`` keeps only the language name. Widget state
    is dropped (its model ids change on every run; each widget cell is preceded by a static
    picture). Execution still stores it: nbclient's Output-widget hook fails without it.
    """
    nb = copy.deepcopy(nb)
    nb.metadata = {k: v for k, v in nb.metadata.items() if k in _KEEP_NB_METADATA}
    nb.metadata["kernelspec"] = dict(_KERNELSPEC)
    nb.metadata["language_info"] = {"name": "python"}
    for cell in nb.cells:
        cell.metadata = {k: v for k, v in cell.metadata.items() if k in ("tags", "jupyter", "editable", "deletable")}
    return nb


def execute_notebook(path: Path, *, cwd: Path | None = None, timeout: int = 600, store_widget_state: bool = True) -> Any:
    """Execute the notebook at ``path`` with the ``python3`` kernel in ``cwd`` (default: its folder).

    Returns the executed notebook node with clean metadata; raises nbclient's
    ``CellExecutionError`` (which names the failing cell) when a cell fails.
    """
    import nbformat
    from nbclient import NotebookClient

    nb = nbformat.read(path, as_version=4)
    client = NotebookClient(
        nb,
        timeout=timeout,
        kernel_name=KERNEL_NAME,
        resources={"metadata": {"path": str(cwd or path.parent)}},
        record_timing=False,
        store_widget_state=store_widget_state,
    )
    client.execute()
    return clean_metadata(nb)


def to_html(nb: Any, *, no_input: bool = False, title: str | None = None) -> str:
    """Export a notebook node to a standalone HTML page that loads nothing from the network.

    ``no_input=True`` hides code cells (for reports). Images are embedded as data URIs.
    """
    from nbconvert import HTMLExporter

    exporter = HTMLExporter(
        extra_template_basedirs=[str(_TEMPLATES)],
        template_name="offline",
        exclude_input=no_input,
        exclude_input_prompt=no_input,
        exclude_output_prompt=no_input,
        embed_images=True,
    )
    resources = {"metadata": {"name": title}} if title else None
    body, _ = exporter.from_notebook_node(nb, resources=resources)
    return body


def write_atomically(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` through a temporary name in the same folder, then rename.

    A failure part-way never leaves a half-written file at ``path``.
    """
    import os
    import tempfile

    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    umask = os.umask(0)
    os.umask(umask)
    os.chmod(tmp, 0o666 & ~umask)  # mkstemp makes 0600; give the file the usual permissions
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
