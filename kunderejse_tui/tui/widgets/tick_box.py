"""A checkbox whose state reads without colour."""

from __future__ import annotations

from typing import Any

from textual.widgets import Checkbox

ON, OFF = "✓", " "


class TickBox(Checkbox):
    """A Checkbox that shows ``✓`` when ticked and nothing when not.

    Textual's Checkbox draws the same ``X`` either way and tells the states apart
    by colour alone; consent must be readable on any terminal and to anyone.
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.BUTTON_INNER = ON if self.value else OFF

    def watch_value(self) -> None:
        self.BUTTON_INNER = ON if self.value else OFF
        super().watch_value()
