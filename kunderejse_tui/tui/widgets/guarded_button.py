"""A form's button that Enter presses only when the user moved to it on purpose.

In a workshop a Tab too many lands on Save; the rest of the sentence was typed
on the button (and vanished), and the Enter that was meant to add a list item
pressed Save and closed the form. Here a printable key typed on the button
disarms it and says where the focus is; Enter then presses nothing until the
user moves to the button again (Tab, Shift+Tab, a click). A click always presses.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from textual import events
from textual.content import Content
from textual.message import Message
from textual.widgets import Button


class GuardedButton(Button):
    """A Button that refuses Enter right after text was typed on it."""

    @dataclass
    class TypedOn(Message):
        """Text was typed while the button had the focus; ``pressing``: then Enter."""

        button: GuardedButton
        pressing: bool

        @property
        def label(self) -> str:
            return Content.from_text(self.button.label).plain

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._armed = True

    @property
    def armed(self) -> bool:
        """Whether Enter presses the button now."""
        return self._armed

    def on_focus(self, event: events.Focus) -> None:
        # Arriving here (Tab, Shift+Tab, a click) is a move made on purpose.
        self._armed = True

    def on_key(self, event: events.Key) -> None:
        if event.key == "enter" or not event.is_printable:
            return
        event.stop()
        event.prevent_default()
        first = self._armed
        self._armed = False
        if first:
            self.post_message(self.TypedOn(self, pressing=False))

    def action_press(self) -> None:
        if not self._armed:
            self.post_message(self.TypedOn(self, pressing=True))
            return
        super().action_press()
