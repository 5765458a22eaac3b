"""The bundled font (Noto Sans, OFL) and text measurement by its real advance widths.

Widths come from a table generated with the font (``widths.py``), so measuring
needs no font library at run time. The fonts have no kerning or ligatures (see
tools/subset_font.py): a line is exactly the sum of its advances everywhere.
"""

from __future__ import annotations

from pathlib import Path

from kunderejse_tui.journey.export.picture import widths

FAMILY = "Noto Sans"
FONT_DIR = Path(__file__).resolve().parent / "fonts"
REGULAR_FILE = FONT_DIR / "NotoSans-Regular.ttf"
BOLD_FILE = FONT_DIR / "NotoSans-Bold.ttf"

# A character the font lacks is drawn by whatever fallback the renderer has (or as
# the .notdef box); a full em is wider than either, so such text can only be
# measured too wide, never too narrow.
UNKNOWN = 1000
ASCENT = widths.REGULAR_ASCENT / 1000
DESCENT = -widths.REGULAR_DESCENT / 1000


def font_file(bold: bool) -> Path:
    return BOLD_FILE if bold else REGULAR_FILE


def has_glyph(ch: str) -> bool:
    return ord(ch) in widths.REGULAR


def measure(s: str, size: float, bold: bool = False) -> float:
    """Width of ``s`` in points at ``size`` points."""
    table = widths.BOLD if bold else widths.REGULAR
    get = table.get
    return sum(get(ord(c), UNKNOWN) for c in s) * size / 1000
