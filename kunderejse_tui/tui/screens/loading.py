"""Reading a journey in a worker thread while the screen says what it is doing.

A big journey takes a while to parse; the UI keeps drawing meanwhile, and after
SHOW_AFTER the screen says what it is reading. The screen then replaces itself
with the map, or with the load-error screen when the file cannot be read.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from textual import work
from textual.app import ComposeResult
from textual.containers import Center, Middle
from textual.message import Message
from textual.widgets import Footer, Label, LoadingIndicator

from kunderejse_tui.journey.document import JourneyDocument
from kunderejse_tui.journey.problems import JourneyLoadError
from kunderejse_tui.journey.yamlio import read_bytes
from kunderejse_tui.tui.journey_files import shown_path
from kunderejse_tui.tui.localized import Localized
from kunderejse_tui.tui.screens.load_error import LoadErrorScreen
from kunderejse_tui.tui.widgets.title_header import TitleHeader

# A journey read within this many seconds opens straight on its map; a slower one
# shows what is being read, with a spinner, meanwhile.
SHOW_AFTER = 0.3


class LoadingScreen(Localized[None]):
    @dataclass
    class Loaded(Message):
        """The journey is read (``whole_file``: ``document`` is its preview; the map reads the rest)."""

        document: JourneyDocument
        whole_file: bytes | None

    def __init__(self, path: Path, *, preview: bool = True) -> None:
        """``preview``: a big journey may open on its first part (see ``load``)."""
        super().__init__()
        self.path = path
        self.preview = preview

    def compose(self) -> ComposeResult:
        # Empty at first: most journeys read faster than a spinner could be seen,
        # and drawing one would only hold up the map (see SHOW_AFTER).
        yield Middle(id="loading")

    def refresh_texts(self) -> None:
        self.title = self.t("loading.title")
        for label in self.query("#loading-label").results(Label):
            label.update(self.t("loading.reading", file=shown_path(self.path)))

    def on_mount(self) -> None:
        self.load()
        self.set_timer(SHOW_AFTER, self._show_progress)

    def _show_progress(self) -> None:
        if not self.is_current:
            return
        self.mount(TitleHeader(), before=0)
        reading = self.t("loading.reading", file=shown_path(self.path))
        self.query_one("#loading", Middle).mount(
            Center(Label(reading, id="loading-label"), LoadingIndicator())
        )
        self.mount(Footer())

    @work(thread=True, exclusive=True)
    def load(self) -> None:
        try:
            raw = read_bytes(self.path)
            # A big journey shows its map from the part before the interviews; the
            # map reads the rest itself.
            preview = JourneyDocument.preview(self.path, raw) if self.preview else None
            if preview is not None:
                self.app.call_from_thread(self._loaded, preview, raw)
                return
            document = JourneyDocument.from_bytes(self.path, raw)
        except JourneyLoadError as exc:
            self.app.call_from_thread(self._failed, exc)
            return
        self.app.call_from_thread(self._loaded, document, None)

    def _loaded(self, document: JourneyDocument, whole_file: bytes | None) -> None:
        self.post_message(self.Loaded(document, whole_file))

    def _failed(self, exc: JourneyLoadError) -> None:
        self.app.switch_screen(LoadErrorScreen(self.path, exc.problems))
