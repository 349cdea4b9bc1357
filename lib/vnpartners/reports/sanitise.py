"""Keep the report pages' promise for any template: no scripts, nothing loaded from the network, a
page of a sensible size.

The kit's own template escapes every text it shows, but ``--template`` runs any notebook, and a
cell may print ``<script>``, an ``<img>`` from a web address, a JavaScript output or 100 MB of
text. Two steps, on every page:

- :func:`cap_outputs` (on the executed notebook): an output larger than :data:`OUTPUT_LIMIT` is
  replaced by a note saying how large it was; once a page's outputs reach :data:`PAGE_LIMIT`, the
  later ones are too. SVG pictures become ``<img>`` data addresses (a picture then, never a document
  with scripts of its own).
- :func:`sanitise_page` (on the exported HTML): the page's body, where the notebook's cells and
  outputs are, is cleaned by ``nh3`` (the Ammonia sanitiser) with a list of allowed tags and
  attributes: no ``<script>``, ``<style>``, ``<iframe>``, ``<object>``, forms or event handlers;
  pictures only as ``data:image/`` addresses; links only to web, mail or in-page addresses;
  inline styles only with harmless properties. The page's head (the exporter's own CSS) is the
  kit's template and is kept as it is.
"""

from __future__ import annotations

import base64
import copy
from typing import Any

__all__ = ["OUTPUT_LIMIT", "PAGE_LIMIT", "cap_outputs", "sanitise_page", "sanitise_fragment"]

OUTPUT_LIMIT = 5_000_000  # characters in one output (a chart as PNG is about 100,000)
PAGE_LIMIT = 20_000_000  # characters in all of a page's outputs

_TAGS = {
    "a", "abbr", "b", "bdi", "bdo", "blockquote", "br", "caption", "cite", "code", "col", "colgroup", "dd",
    "del", "details", "dfn", "div", "dl", "dt", "em", "figcaption", "figure", "footer", "h1", "h2", "h3", "h4",
    "h5", "h6", "header", "hr", "i", "img", "ins", "kbd", "li", "main", "mark", "nav", "ol", "p", "pre", "q",
    "s", "samp", "section", "small", "span", "strong", "sub", "summary", "sup", "table", "tbody", "td", "tfoot",
    "th", "thead", "time", "tr", "u", "ul", "var", "wbr",
}  # fmt: skip
# tags removed with everything inside them (the others lose only the tag and keep their text)
_DROPPED_WITH_CONTENT = {"script", "style", "template", "noscript", "iframe", "object", "embed", "svg", "math"}
_ATTRIBUTES = {
    "*": {"class", "id", "title", "lang", "dir", "style", "tabindex"},
    "a": {"href"},
    "img": {"src", "alt", "width", "height"},
    "table": {"border"},
    "td": {"colspan", "rowspan", "align"},
    "th": {"colspan", "rowspan", "align", "scope"},
    "ol": {"start"},
    "time": {"datetime"},
}
_STYLE_PROPERTIES = {
    "text-align", "vertical-align", "color", "background-color", "font-weight", "font-style", "font-size",
    "font-family", "white-space", "word-break", "width", "max-width", "min-width", "height", "max-height",
    "padding", "padding-left", "padding-right", "padding-top", "padding-bottom", "margin", "margin-left",
    "margin-right", "margin-top", "margin-bottom", "border", "border-bottom", "border-top", "border-left",
    "border-right", "border-collapse", "display", "line-height", "overflow", "overflow-x",
}  # fmt: skip


def _keep_attribute(tag: str, attribute: str, value: str) -> str | None:
    """nh3's attribute filter: picture sources only as embedded images, links never to scripts or data."""
    if tag == "img" and attribute == "src":
        return value if value.startswith("data:image/") else None
    if tag == "a" and attribute == "href":
        lowered = value.strip().lower()
        if lowered.startswith(("http://", "https://", "mailto:", "#")):
            return value
        if ":" in lowered.split("/", 1)[0] or lowered.startswith("//"):
            return None  # another scheme (javascript:, data:, file:) or another host
        return value  # a relative address: a file beside the page
    return value


def sanitise_fragment(html: str) -> str:
    """``html`` (a fragment: the inside of ``<body>``) with only the allowed tags and attributes."""
    import nh3

    return nh3.clean(
        html,
        tags=_TAGS,
        clean_content_tags=_DROPPED_WITH_CONTENT,
        attributes=_ATTRIBUTES,
        attribute_filter=_keep_attribute,
        generic_attribute_prefixes={"data-"},
        url_schemes={"http", "https", "mailto", "data"},
        filter_style_properties=_STYLE_PROPERTIES,
        strip_comments=True,
        link_rel="noopener noreferrer",
    )


def sanitise_page(page: str) -> str:
    """The exported page with its body sanitised (see the module's docstring); the head is kept.

    The body is what lies between the first ``<body ...>`` tag (the template's: everything from a
    notebook comes after it) and the last ``</body>``.
    """
    start = page.find("<body")
    open_end = page.find(">", start) + 1 if start >= 0 else 0
    end = page.rfind("</body>")
    if start < 0 or open_end <= 0 or end < open_end:
        return sanitise_fragment(page)  # not a whole page: clean all of it
    return page[:open_end] + sanitise_fragment(page[open_end:end]) + page[end:]


def _size(output: Any) -> int:
    if output.get("output_type") == "stream":
        return len(output.get("text", ""))
    size = 0
    for value in output.get("data", {}).values():
        size += len(value) if isinstance(value, str) else len(str(value))
    if output.get("output_type") == "error":
        size += sum(len(line) for line in output.get("traceback", []))
    return size


def _note(text: str) -> Any:
    import nbformat

    return nbformat.v4.new_output("display_data", data={"text/plain": text, "text/html": f"<p><em>{text}</em></p>"})


def _megabytes(size: int) -> str:
    return f"{size / 1e6:.1f} MB" if size >= 100_000 else f"{size:,} characters"


def cap_outputs(nb: Any, *, output_limit: int = OUTPUT_LIMIT, page_limit: int = PAGE_LIMIT) -> Any:
    """A copy of the executed notebook ``nb`` whose outputs fit a page (see the module's docstring)."""
    nb = copy.deepcopy(nb)
    total = 0
    for cell in nb.cells:
        if cell.get("cell_type") != "code":
            continue
        kept: list[Any] = []
        for output in cell.get("outputs", []):
            svg = output.get("data", {}).get("image/svg+xml")
            if svg is not None:
                output = _svg_as_image(output, svg)
            size = _size(output)
            if size > output_limit:
                kept.append(_note(f"An output of {_megabytes(size)} was left out of this page (the limit is "
                                  f"{_megabytes(output_limit)} per output)."))
                continue
            if total + size > page_limit:
                kept.append(_note(f"This cell's other outputs were left out of this page: the page's outputs "
                                  f"reached the limit of {_megabytes(page_limit)}."))
                break
            total += size
            kept.append(output)
        cell["outputs"] = kept
    return nb


def _svg_as_image(output: Any, svg: Any) -> Any:
    """An output whose SVG picture is shown as an ``<img>`` with a data address (no inline SVG)."""
    text = svg if isinstance(svg, str) else "".join(svg)
    data = {k: v for k, v in output["data"].items() if k != "image/svg+xml"}
    if "text/html" not in data and not any(k.startswith("image/") for k in data):
        encoded = base64.b64encode(text.encode("utf-8")).decode("ascii")
        data["text/html"] = f'<img src="data:image/svg+xml;base64,{encoded}" alt="picture">'
    output = copy.deepcopy(output)
    output["data"] = data
    return output
