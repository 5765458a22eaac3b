"""A footer that keeps Quit and Help at every width.

Textual's Footer lists the focused widget's keys, then the screen's, then the
app's, and cuts off what does not fit: at 80 columns the map's keys pushed
Quit and Help (the app's, listed last) off the screen. This footer leaves out
the screen's least important keys (the last ones listed) until the rest fits.
Every key still works and is listed in F1 and the command palette.
"""

from __future__ import annotations

from rich.cells import cell_len
from textual import events
from textual.app import ComposeResult
from textual.widgets import Footer
from textual.widgets._footer import FooterKey

# Actions the footer always shows: saving, leaving the app, the way to every other key,
# live sharing (F6; shown only when served, where it decides what viewers see), and
# taking the journey over (shown only while it is read-only, when it is what matters).
KEEP = frozenset({"save", "quit", "help", "live_sharing", "safety_take_over"})


def key_width(key: FooterKey) -> int:
    """Cells one key takes: " k " and "description ", plus the palette key's border."""
    width = (
        cell_len(key.key_display) + 2 + (cell_len(key.description) + 1 if key.description else 0)
    )
    return width + (2 if key.has_class("-command-palette") else 0)


class KeyFooter(Footer):
    """A Footer that drops the screen's last keys, never Quit and Help, to fit its width."""

    def __init__(self) -> None:
        super().__init__()
        self._fitted_width = 0

    def compose(self) -> ComposeResult:
        widgets = list(super().compose())
        width = self.app.size.width
        self._fitted_width = width
        keys = [w for w in widgets if isinstance(w, FooterKey)]
        total = sum(key_width(k) for k in keys)
        optional = [k for k in keys if k.action not in KEEP and not k.has_class("-command-palette")]
        dropped: set[int] = set()
        for key in reversed(optional):
            if total <= width:
                break
            dropped.add(id(key))
            total -= key_width(key)
        yield from (w for w in widgets if id(w) not in dropped)

    def on_resize(self, event: events.Resize) -> None:
        if self._bindings_ready and self.app.size.width != self._fitted_width:
            self.call_after_refresh(self.recompose)
