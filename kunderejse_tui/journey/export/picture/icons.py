"""Emotion faces and touchpoint-kind markers, drawn as shapes.

The bundled font has no ☹☺ or emoji, and an emoji font would be 10 MB: a face is
a circle, two eyes and a mouth whose curve follows the score. Each score also has
its own fill, but the mouth alone tells them apart (no reliance on colour).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kunderejse_tui.journey.export.picture.shapes import Circle, Path, Rect, Style

if TYPE_CHECKING:
    from kunderejse_tui.journey.export.picture.shapes import Shape

INK = "#262626"
FACE_FILL = {1: "#f19a8f", 2: "#f7c99b", 3: "#ececec", 4: "#c8e4a8", 5: "#8fcf7a"}
KINDS = ("owned", "paid", "earned", "offline")


def face(cx: float, cy: float, r: float, score: int) -> list[Shape]:
    line = max(r / 7, 0.4)
    eye = max(r / 7.5, 0.35)
    out: list[Shape] = [
        Circle(cx, cy, r, Style(fill=FACE_FILL[score], stroke=INK, width=line)),
        Circle(cx - r * 0.35, cy - r * 0.28, eye, Style(fill=INK)),
        Circle(cx + r * 0.35, cy - r * 0.28, eye, Style(fill=INK)),
    ]
    # The mouth: a quadratic curve, bent down (1) through flat (3) to up (5).
    half = r * 0.48
    mouth_y = cy + r * 0.35
    bend = (score - 3) * r * 0.22
    out.append(
        Path(
            [
                ("M", cx - half, mouth_y - bend / 2),
                ("Q", cx, mouth_y + bend, cx + half, mouth_y - bend / 2),
            ],
            Style(stroke=INK, width=line * 1.1),
        )
    )
    return out


def kind_marker(kind: str, cx: float, cy: float, size: float) -> list[Shape]:
    """owned: filled square, paid: filled diamond, earned: filled triangle, offline: ring."""
    h = size / 2
    ink = Style(fill=INK)
    if kind == "owned":
        return [Rect(cx - h * 0.85, cy - h * 0.85, h * 1.7, h * 1.7, ink)]
    if kind == "paid":
        return [
            Path(
                [
                    ("M", cx, cy - h),
                    ("L", cx + h, cy),
                    ("L", cx, cy + h),
                    ("L", cx - h, cy),
                    ("Z",),
                ],
                ink,
            )
        ]
    if kind == "earned":
        return [
            Path(
                [
                    ("M", cx, cy - h),
                    ("L", cx + h, cy + h * 0.8),
                    ("L", cx - h, cy + h * 0.8),
                    ("Z",),
                ],
                ink,
            )
        ]
    if kind == "offline":
        return [Circle(cx, cy, h * 0.8, Style(fill="#ffffff", stroke=INK, width=size / 6))]
    return []
