"""The map's pages as a PDF, drawn with fpdf2 from the same shapes as the SVG.

fpdf2 (pure Python; Pillow and fontTools wheels, no system libraries) embeds a
subset of the bundled TrueType font with a ToUnicode map, so the PDF's text is real
text: selectable, searchable, and extractable whole (the tests read it back).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kunderejse_tui.journey.export.picture.fonts import BOLD_FILE, REGULAR_FILE, has_glyph, measure
from kunderejse_tui.journey.export.picture.shapes import (
    Cell,
    Circle,
    Line,
    Page,
    Path,
    Rect,
    Style,
    Text,
)

if TYPE_CHECKING:
    from fpdf import FPDF

    from kunderejse_tui.journey.export.picture.shapes import Shape

FONT = "NotoSans"


def _rgb(colour: str) -> tuple[int, int, int]:
    c = colour.lstrip("#")
    return int(c[0:2], 16), int(c[2:4], 16), int(c[4:6], 16)


def _paint(pdf: FPDF, style: Style) -> str | None:
    """Set the colours of ``style``; the fpdf2 render style, or None for nothing to draw."""
    if style.fill:
        pdf.set_fill_color(*_rgb(style.fill))
    if style.stroke:
        pdf.set_draw_color(*_rgb(style.stroke))
        pdf.set_line_width(style.width)
        if style.dash:
            pdf.set_dash_pattern(dash=style.dash[0], gap=style.dash[1])
        else:
            pdf.set_dash_pattern()
    if style.fill and style.stroke:
        return "DF"
    if style.fill:
        return "F"
    if style.stroke:
        return "D"
    return None


def _printable(s: str) -> str:
    # The embedded font is the only font in the PDF: a character it lacks (emoji,
    # CJK) would be an empty box with no text behind it, so it is shown as U+FFFD's
    # stand-in "?" and the rest of the label stays readable.
    return s if all(has_glyph(c) for c in s) else "".join(c if has_glyph(c) else "?" for c in s)


def _draw(pdf: FPDF, shape: Shape) -> None:
    if isinstance(shape, Text):
        pdf.set_font(FONT, "B" if shape.bold else "", shape.size)
        pdf.set_text_color(*_rgb(shape.fill))
        s = _printable(shape.text)
        x = shape.x
        if shape.anchor != "start":
            w = measure(s, shape.size, shape.bold)
            x -= w if shape.anchor == "end" else w / 2
        pdf.text(x, shape.y, s)
    elif isinstance(shape, Rect):
        style = _paint(pdf, shape.style)
        if style:
            pdf.rect(shape.x, shape.y, shape.w, shape.h, style=style)
    elif isinstance(shape, Line):
        style = _paint(pdf, shape.style)
        if style:
            pdf.polyline(shape.points, style="D")
    elif isinstance(shape, Circle):
        style = _paint(pdf, shape.style)
        if style:
            pdf.ellipse(
                shape.cx - shape.r, shape.cy - shape.r, 2 * shape.r, 2 * shape.r, style=style
            )
    elif isinstance(shape, Path):
        style = _paint(pdf, shape.style)
        if style:
            _path(pdf, shape, style)
    elif isinstance(shape, Cell):
        for item in shape.items:
            _draw(pdf, item)


def _path(pdf: FPDF, shape: Path, style: str) -> None:
    points: list[tuple[float, float]] = []
    closed = False
    curve: list[tuple[float, float]] | None = None
    for op in shape.ops:
        kind, *v = op
        nums = [float(n) for n in v]  # type: ignore[arg-type]
        if kind == "Q":
            curve = [points[-1], (nums[0], nums[1]), (nums[2], nums[3])]
        elif kind == "Z":
            closed = True
        else:
            points.append((nums[0], nums[1]))
    if curve is not None:
        pdf.bezier(curve, style=style)
    elif closed:
        pdf.polygon(points, style=style)
    else:
        pdf.polyline(points, style=style)


def pages_to_pdf(pages: list[Page]) -> bytes:
    from fpdf import FPDF

    first = pages[0]
    pdf = FPDF(orientation="L", unit="pt", format=(first.height, first.width))
    pdf.set_auto_page_break(False)
    pdf.set_margin(0)
    pdf.add_font(FONT, "", str(REGULAR_FILE))
    pdf.add_font(FONT, "B", str(BOLD_FILE))
    pdf.set_title(first.title)
    pdf.set_creator("kunderejse")
    for page in pages:
        pdf.add_page()
        for shape in page.items:
            _draw(pdf, shape)
    return bytes(pdf.output())
