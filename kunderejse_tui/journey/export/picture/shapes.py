"""The drawing primitives a laid-out map is made of, in points (1/72 inch).

The layout makes them once; the SVG, PDF and (through the SVG) PNG writers only
translate them, so every format shows the same positions. Plain classes with
slots: importing dataclasses costs every export several milliseconds.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Sequence

    # A path is a list of commands: ("M", x, y), ("L", x, y), ("Q", cx, cy, x, y), ("Z",).
    PathOp = tuple[object, ...]


class Style:
    __slots__ = ("dash", "fill", "stroke", "width")

    def __init__(
        self,
        fill: str | None = None,
        stroke: str | None = None,
        width: float = 0.0,
        dash: tuple[float, float] | None = None,
    ) -> None:
        self.fill = fill
        self.stroke = stroke
        self.width = width
        self.dash = dash


class Rect:
    __slots__ = ("h", "style", "w", "x", "y")

    def __init__(self, x: float, y: float, w: float, h: float, style: Style) -> None:
        self.x, self.y, self.w, self.h, self.style = x, y, w, h, style


class Line:
    """An open polyline (two points or more)."""

    __slots__ = ("points", "style")

    def __init__(self, points: Sequence[tuple[float, float]], style: Style) -> None:
        self.points = list(points)
        self.style = style


class Circle:
    __slots__ = ("cx", "cy", "r", "style")

    def __init__(self, cx: float, cy: float, r: float, style: Style) -> None:
        self.cx, self.cy, self.r, self.style = cx, cy, r, style


class Path:
    __slots__ = ("ops", "style")

    def __init__(self, ops: Sequence[PathOp], style: Style) -> None:
        self.ops = list(ops)
        self.style = style


class Text:
    """One line of text; ``y`` is the baseline, ``anchor`` start, middle or end."""

    __slots__ = ("anchor", "bold", "fill", "size", "text", "x", "y")

    def __init__(
        self,
        x: float,
        y: float,
        text: str,
        size: float,
        *,
        bold: bool = False,
        fill: str = "#1a1a1a",
        anchor: str = "start",
    ) -> None:
        self.x, self.y, self.text, self.size = x, y, text, size
        self.bold, self.fill, self.anchor = bold, fill, anchor


class Cell:
    """A box whose content must stay inside it (the no-overflow test clips to it)."""

    __slots__ = ("h", "items", "w", "x", "y")

    def __init__(self, x: float, y: float, w: float, h: float) -> None:
        self.x, self.y, self.w, self.h = x, y, w, h
        self.items: list[Shape] = []


if TYPE_CHECKING:
    Shape = Rect | Line | Circle | Path | Text | Cell


class Page:
    __slots__ = ("height", "items", "number", "of", "title", "width")

    def __init__(self, width: float, height: float, title: str, number: int, of: int) -> None:
        self.width, self.height, self.title = width, height, title
        self.number, self.of = number, of
        self.items: list[Shape] = []


def fmt(v: float) -> str:
    """A coordinate with at most two decimals and no trailing zeros: small, stable SVG."""
    s = f"{v:.2f}".rstrip("0").rstrip(".")
    return "0" if s == "-0" else s
