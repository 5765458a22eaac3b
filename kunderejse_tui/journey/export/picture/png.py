"""SVG to PNG with resvg (a wheel with no system libraries), with the bundled font only.

System fonts are skipped on purpose: the picture must be the same on every machine,
and the layout measured the text with exactly these two fonts.
"""

from __future__ import annotations

from kunderejse_tui.journey.export.picture.fonts import BOLD_FILE, FAMILY, REGULAR_FILE


def svg_to_png(svg: str, *, zoom: float = 2.0) -> bytes:
    import resvg_py

    return bytes(
        resvg_py.svg_to_bytes(
            svg_string=svg,
            skip_system_fonts=True,
            font_files=[str(REGULAR_FILE), str(BOLD_FILE)],
            font_family=FAMILY,
            sans_serif_family=FAMILY,
            background="#ffffff",
            zoom=zoom,
        )
    )
