"""The journey map as a picture: SVG (the master), PNG, PDF and a self-contained HTML page.

``layout`` turns a journey into pages of shapes; each writer only translates them.
The SVG writer imports nothing heavy; PNG (resvg) and PDF (fpdf2) import their
libraries inside the function that needs them, so other commands start as fast.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kunderejse_tui.journey.export.picture.layout import (
    LANES,
    PAPERS,
    Options,
    UnknownLaneError,
    lay_out,
)
from kunderejse_tui.journey.export.picture.svg import page_svg

if TYPE_CHECKING:
    from typing import Any

PICTURE_FORMATS = ("svg", "png", "pdf", "html")


def export_svg_pages(journey: Any, opt: Options | None = None, *, clip: bool = False) -> list[str]:
    """The map as one SVG document per page."""
    return [page_svg(p, clip=clip) for p in lay_out(journey, opt or Options())]


def export_png_pages(
    journey: Any, opt: Options | None = None, *, clip: bool = False, zoom: float = 2.0
) -> list[bytes]:
    from kunderejse_tui.journey.export.picture.png import svg_to_png

    return [svg_to_png(svg, zoom=zoom) for svg in export_svg_pages(journey, opt, clip=clip)]


def export_pdf(journey: Any, opt: Options | None = None) -> bytes:
    from kunderejse_tui.journey.export.picture.pdf import pages_to_pdf

    return pages_to_pdf(lay_out(journey, opt or Options()))


def export_html(journey: Any, opt: Options | None = None) -> str:
    from kunderejse_tui.journey.export.picture.html import pages_to_html

    options = opt or Options()
    return pages_to_html(lay_out(journey, options), journey, options)


__all__ = [
    "LANES",
    "PAPERS",
    "PICTURE_FORMATS",
    "Options",
    "UnknownLaneError",
    "export_html",
    "export_pdf",
    "export_png_pages",
    "export_svg_pages",
]
