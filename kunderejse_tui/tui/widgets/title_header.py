"""Textual's Header, without a crash when a title changes while it is removed."""

from __future__ import annotations

from textual.css.query import NoMatches
from textual.dom import NoScreen
from textual.events import Mount
from textual.widget import Widget
from textual.widgets import Header
from textual.widgets._header import HeaderTitle


class TitleHeader(Header):
    """A Header whose title watcher tolerates a header without its title.

    Header's own watcher looks up its HeaderTitle child with ``query_one`` and
    only expects NoScreen. While a screen is switched away its header loses its
    children first, and a title set in that moment (the map tells its title
    when its journey or language changes) raised NoMatches and ended the app.
    """

    def _on_mount(self, event: Mount) -> None:
        event.prevent_default()  # replaces Header's handler instead of running after it
        Widget._on_mount(self, event)

        def set_title() -> None:
            try:
                title = self.query_one(HeaderTitle)
                title.update(self.format_title())
            except (NoMatches, NoScreen):
                pass  # being mounted or removed: the next title change shows

        self.watch(self.app, "title", set_title)
        self.watch(self.app, "sub_title", set_title)
        self.watch(self.screen, "title", set_title)
        self.watch(self.screen, "sub_title", set_title)
