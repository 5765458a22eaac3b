"""How an emotion score looks: a number and a face, so colour is never the only cue."""

from __future__ import annotations

from textual.content import Content

GLYPHS = {1: "☹☹", 2: "☹", 3: "–", 4: "☺", 5: "☺☺"}
COLOURS = {1: "#e05a4f", 2: "#f0913a", 3: "#a8a8a8", 4: "#8cc152", 5: "#3fb950"}


def emotion_value(value: object) -> int | None:
    """The score as 1..5, or None when absent or not a whole number in range."""
    if isinstance(value, bool) or not isinstance(value, int):
        return None
    return value if 1 <= value <= 5 else None


def emotion_marker(value: object) -> Content:
    """Four cells: ``"2 ☹ "``, ``"5 ☺☺"``; blank when absent, ``"!7  "`` when invalid."""
    if value is None:
        return Content("    ")
    score = emotion_value(value)
    if score is None:
        shown = f"!{value}"[:4]
        return Content.styled(shown.ljust(4), "bold #e05a4f")
    return Content.styled(f"{score} {GLYPHS[score]}".ljust(4), f"bold {COLOURS[score]}")
