"""An Input for forms, whose keystrokes repaint the field and nothing else."""

from __future__ import annotations

from textual.geometry import Size
from textual.reactive import Reactive
from textual.widgets import Input


class FormInput(Input):
    """A one-line Input that never asks for a new layout of the screen while typing.

    Input sets ``virtual_size`` whenever its value changes, and Widget declares
    that reactive with ``layout=True``: every key press re-arranged the whole
    screen under the form (the journey map with hundreds of touchpoints), which
    took a large journey's typing past one frame. A one-line field's virtual size
    only scrolls its own text, so a repaint is enough.
    """

    virtual_size: Reactive[Size] = Reactive(Size(0, 0), layout=False, repaint=True)
