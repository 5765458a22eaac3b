"""The map picture the PowerPoint and Word documents embed, when it can be had.

The picture is the map export (``export.picture``) as PNG. Without the picture
extra (resvg) the documents leave the picture out rather than show a stand-in, and
so they do when the map needs more than one page: a slide or a page holds one
picture, and the PDF export is the place for a map of several pages.
"""

from __future__ import annotations

from typing import Any


def map_png(journey: Any, *, lang: str | None, persona: str | None) -> bytes | None:
    """The map as PNG bytes, or None when resvg is missing or the map has several pages."""
    from kunderejse_tui.journey.export.picture import Options, export_png_pages

    try:
        pages = export_png_pages(journey, Options(lang=lang, persona=persona))
    except ModuleNotFoundError as exc:
        if exc.name != "resvg_py":
            raise
        return None
    return pages[0] if len(pages) == 1 else None
