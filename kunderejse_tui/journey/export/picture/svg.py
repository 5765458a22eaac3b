"""Pages of shapes as SVG: the master format (PNG is rendered from it, HTML inlines it).

Every piece of user text is XML-escaped here, after ``text.clean`` removed what
XML cannot carry and what would reorder the line (bidi controls): a label such as
``]]></text><script>`` is shown as those characters and is never markup.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kunderejse_tui.journey.export.picture.fonts import FAMILY
from kunderejse_tui.journey.export.picture.shapes import (
    Cell,
    Circle,
    Line,
    Page,
    Path,
    Rect,
    Style,
    Text,
    fmt,
)

if TYPE_CHECKING:
    from kunderejse_tui.journey.export.picture.shapes import Shape

_XML = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;"})


def xml(s: str) -> str:
    return s.translate(_XML)


def _style(style: Style) -> str:
    out = [f' fill="{style.fill}"' if style.fill else ' fill="none"']
    if style.stroke:
        out.append(f' stroke="{style.stroke}" stroke-width="{fmt(style.width)}"')
        if style.dash:
            out.append(f' stroke-dasharray="{" ".join(fmt(d) for d in style.dash)}"')
    return "".join(out)


def _path_d(ops: list[tuple[object, ...]]) -> str:
    parts = []
    for op in ops:
        parts.append(str(op[0]) + " ".join(fmt(float(v)) for v in op[1:]))  # type: ignore[arg-type]
    return " ".join(parts)


def _shape(shape: Shape, out: list[str], clip: bool, ids: list[int]) -> None:
    if isinstance(shape, Text):
        weight = ' font-weight="700"' if shape.bold else ""
        anchor = f' text-anchor="{shape.anchor}"' if shape.anchor != "start" else ""
        out.append(
            f'<text x="{fmt(shape.x)}" y="{fmt(shape.y)}" font-size="{fmt(shape.size)}"'
            f'{weight} fill="{shape.fill}"{anchor}>{xml(shape.text)}</text>'
        )
    elif isinstance(shape, Rect):
        out.append(
            f'<rect x="{fmt(shape.x)}" y="{fmt(shape.y)}" width="{fmt(shape.w)}" '
            f'height="{fmt(shape.h)}"{_style(shape.style)}/>'
        )
    elif isinstance(shape, Line):
        points = " ".join(f"{fmt(x)},{fmt(y)}" for x, y in shape.points)
        out.append(f'<polyline points="{points}"{_style(shape.style)}/>')
    elif isinstance(shape, Circle):
        out.append(
            f'<circle cx="{fmt(shape.cx)}" cy="{fmt(shape.cy)}" r="{fmt(shape.r)}"'
            f"{_style(shape.style)}/>"
        )
    elif isinstance(shape, Path):
        out.append(f'<path d="{_path_d(shape.ops)}"{_style(shape.style)}/>')
    elif isinstance(shape, Cell):
        if clip:
            ids[0] += 1
            cid = f"c{ids[0]}"
            out.append(
                f'<clipPath id="{cid}"><rect x="{fmt(shape.x)}" y="{fmt(shape.y)}" '
                f'width="{fmt(shape.w)}" height="{fmt(shape.h)}"/></clipPath>'
                f'<g clip-path="url(#{cid})">'
            )
        else:
            out.append("<g>")
        for item in shape.items:
            _shape(item, out, clip, ids)
        out.append("</g>")


def page_svg(page: Page, *, clip: bool = False, standalone: bool = True) -> str:
    """One page as an SVG document (``standalone``) or an element to inline in HTML.

    ``clip`` clips each cell to its box: the no-overflow test renders both ways and
    expects the same pixels.
    """
    out = []
    if standalone:
        out.append('<?xml version="1.0" encoding="UTF-8"?>\n')
    w, h = fmt(page.width), fmt(page.height)
    out.append(
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{w}" height="{h}" '
        f'viewBox="0 0 {w} {h}" font-family="{FAMILY}" role="img">\n'
        f"<title>{xml(page.title)}</title>\n"
    )
    ids = [0]
    body: list[str] = []
    for shape in page.items:
        _shape(shape, body, clip, ids)
    out.append("\n".join(body))
    out.append("\n</svg>\n")
    return "".join(out)
