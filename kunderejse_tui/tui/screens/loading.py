"""Reading a journey in a worker thread while the screen says what it is doing.

A 1.4 MB journey takes most of a second to parse and check; the UI keeps
drawing meanwhile. The screen then replaces itself with the map, or with the
load-error screen when the file cannot be read.
"""

from __future__ import annotations

from pathlib import Path

from textual import work
from textual.app import ComposeResult
from textual.containers import Center, Middle
from textual.screen import Screen
from textual.widgets import Footer, Header, Label, LoadingIndicator

from kunderejse_tui.journey.document import JourneyDocument
from kunderejse_tui.journey.problems import JourneyLoadError
from kunderejse_tui.journey.yamlio import read_bytes
from kunderejse_tui.tui.journey_files import shown_path
from kunderejse_tui.tui.localized import Localized
from kunderejse_tui.tui.screens.journey_map import JourneyMapScreen
from kunderejse_tui.tui.screens.load_error import LoadErrorScreen


class LoadingScreen(Localized, Screen[None]):
    def __init__(self, path: Path) -> None:
        super().__init__()
        self.path = path

    def compose(self) -> ComposeResult:
        yield Header()
        with Middle(), Center():
            yield Label(id="loading-label")
            yield LoadingIndicator()
        yield Footer()

    def refresh_texts(self) -> None:
        self.title = self.t("loading.title")
        self.query_one("#loading-label", Label).update(
            self.t("loading.reading", file=shown_path(self.path))
        )

    def on_mount(self) -> None:
        self.load()

    @work(thread=True, exclusive=True)
    def load(self) -> None:
        try:
            raw = read_bytes(self.path)
            # A big journey shows its map from the part before the interviews; the
            # map reads the rest itself.
            preview = JourneyDocument.preview(self.path, raw)
            if preview is not None:
                self.app.call_from_thread(self._loaded, preview, raw)
                return
            document = JourneyDocument.from_bytes(self.path, raw)
        except JourneyLoadError as exc:
            self.app.call_from_thread(self._failed, exc)
            return
        self.app.call_from_thread(self._loaded, document, None)

    def _loaded(self, document: JourneyDocument, whole_file: bytes | None) -> None:
        self.app.switch_screen(JourneyMapScreen(document, whole_file))

    def _failed(self, exc: JourneyLoadError) -> None:
        self.app.switch_screen(LoadErrorScreen(self.path, exc.problems))
