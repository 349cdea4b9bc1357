"""Execute notebooks reproducibly and export them to HTML that reads fully offline.

Used by ``make notebooks`` (re-execute the lessons in place), ``make report`` and the tests.
"""

from __future__ import annotations

import copy
import re
from pathlib import Path
from typing import Any

KERNEL_NAME = "python3"
_TEMPLATES = Path(__file__).resolve().parent / "templates"
# notebook-level metadata kept in committed lessons; everything else (papermill, timings) is dropped
_KEEP_NB_METADATA = ("kernelspec", "language_info", "colab", "rise")
# cell metadata kept: tags, collapsed/hidden state, edit locks, and the slide type written by tools/navigation.py
_KEEP_CELL_METADATA = ("tags", "jupyter", "editable", "deletable", "slideshow")
_KERNELSPEC = {"name": KERNEL_NAME, "display_name": "Python 3 (ipykernel)", "language": "python"}


def clean_metadata(nb: Any) -> Any:
    """Return ``nb`` without timings or papermill metadata, with kernel ``python3``.

    Cell ids are kept; cell metadata keeps only ``tags``, ``jupyter`` (collapsed/hidden state),
    ``editable``/``deletable`` and ``slideshow``; ``language_info`` keeps only the language name. Widget state
    is dropped (its model ids change on every run; each widget cell is preceded by a static
    picture). Execution still stores it: nbclient's Output-widget hook fails without it.
    """
    nb = copy.deepcopy(nb)
    nb.metadata = {k: v for k, v in nb.metadata.items() if k in _KEEP_NB_METADATA}
    nb.metadata["kernelspec"] = dict(_KERNELSPEC)
    nb.metadata["language_info"] = {"name": "python"}
    for cell in nb.cells:
        cell.metadata = {k: v for k, v in cell.metadata.items() if k in _KEEP_CELL_METADATA}
    return nb


#: a lesson notebook's file name: ``NN_topic.ipynb`` (the save hook normalises only these)
LESSON_NAME = re.compile(r"\d\d_[^/\\]*\.ipynb")
WIDGET_TAG = "widget"
#: cells folded in a lesson as committed: a worked solution shows only its first line, a check hides its
#: output until opened (JupyterLab unfolds a cell it runs; the saved lesson folds it again)
FOLDED_BY_TAG = {"solution": "source_hidden", "check": "outputs_hidden"}


def normalise_lesson(nb: Any) -> Any:
    """``nb`` in the form the kit commits its lessons in: what running a lesson changes, and nothing else.

    :func:`clean_metadata`, and: execution counts renumbered 1, 2, 3 ... in cell order (so a cell run
    twice leaves no trace), solution and check cells folded (:data:`FOLDED_BY_TAG`), consecutive
    outputs to the same stream merged into one (as JupyterLab stores them), and no stored output in
    cells tagged ``widget`` (a widget's output is only
    a reference to a live model, with a new random id on every run; each widget cell follows a static
    picture of the same function). Running every cell of a lesson and saving it this way gives the
    committed file back, byte for byte, when the results are the same.
    """
    nb = clean_metadata(nb)
    count = 0
    for cell in nb.cells:
        if cell.cell_type != "code":
            continue
        cell_tags = cell.metadata.get("tags", [])
        for tag, flag in FOLDED_BY_TAG.items():
            if tag in cell_tags:
                cell.metadata.setdefault("jupyter", {})[flag] = True
        if WIDGET_TAG in cell_tags:
            cell.outputs = []
        cell.outputs = _merged_streams(cell.outputs)
        if cell.get("execution_count") is None:
            continue
        count += 1
        cell.execution_count = count
        for out in cell.outputs:
            if out.get("output_type") == "execute_result":
                out["execution_count"] = count
    return nb


def _merged_streams(outputs: list[Any]) -> list[Any]:
    """Consecutive ``stream`` outputs of the same name as one output (how JupyterLab keeps them)."""
    merged: list[Any] = []
    for out in outputs:
        if (out.get("output_type") == "stream" and merged and merged[-1].get("output_type") == "stream"
                and merged[-1].get("name") == out.get("name")):
            merged[-1]["text"] = "".join(merged[-1]["text"]) + "".join(out["text"])
        else:
            merged.append(out)
    return merged


def lesson_pre_save_hook(model: dict[str, Any], path: str, **_: Any) -> None:
    """Jupyter's ``ContentsManager.pre_save_hook``: a lesson saved from JupyterLab keeps its committed form.

    Only notebooks named like a lesson (``NN_topic.ipynb``) are touched, with :func:`normalise_lesson`;
    so running a lesson and saving it leaves ``git status`` clean unless a result changed. Installed by
    ``make setup`` (``tools/jupyter_server_config.json``) and by Binder's ``postBuild``.
    """
    import nbformat

    if model.get("type") != "notebook" or not LESSON_NAME.fullmatch(str(path).replace("\\", "/").rsplit("/", 1)[-1]):
        return
    nb = normalise_lesson(nbformat.from_dict(model["content"]))
    if nb.nbformat_minor < 5:
        nb.nbformat_minor = 5
    model["content"] = nb


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
    return normalise_lesson(nb) if LESSON_NAME.fullmatch(path.name) else clean_metadata(nb)


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
