"""A dialog's answers: side by side when they fit, wrapped into rows when not.

A Horizontal row of buttons runs off the dialog's edge when the answers are
many or long (six in the "changed on disk" dialog), and the focused one can be
a button nobody sees. This grid picks how many buttons go in a row from the
width it has and the widest label, down to one per row, so every answer is on
screen at 80 columns as at 220.
"""

from __future__ import annotations

from pathlib import Path

from textual import events
from textual.containers import Container
from textual.content import Content
from textual.widgets import Button

# A compact button's label plus its padding, and room to breathe.
LABEL_ROOM = 4
GUTTER = 2


def columns_for(width: int, widest: int, count: int) -> int:
    """How many buttons of ``widest`` cells fit side by side in ``width`` (at least one)."""
    if count <= 0:
        return 1
    fit = (width + GUTTER) // (widest + LABEL_ROOM + GUTTER)
    return max(1, min(count, fit))


class ChoiceButtons(Container):
    """The buttons of a dialog, in as many columns as fit."""

    DEFAULT_CSS = (Path(__file__).with_suffix(".tcss")).read_text(encoding="utf-8")

    def on_resize(self, event: events.Resize) -> None:
        self.fit_columns()

    def fit_columns(self) -> None:
        """Choose the columns again (after a resize or new labels)."""
        buttons = list(self.query_children(Button))
        if not buttons or not self.size.width:
            return
        widest = max(Content.from_text(b.label).cell_length for b in buttons)
        count = columns_for(self.size.width, widest, len(buttons))
        if self.styles.grid_size_columns != count:
            self.styles.grid_size_columns = count
