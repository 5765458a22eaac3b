"""``/``: type to search the journey, see every hit, Enter jumps to one."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, Label, OptionList
from textual.widgets.option_list import Option

from kunderejse_tui.tui.localized import Localized
from kunderejse_tui.tui.search_index import Hit, search


@dataclass(frozen=True)
class SearchResult:
    query: str
    hits: list[Hit]
    index: int


class SearchScreen(Localized[SearchResult | None], ModalScreen[SearchResult | None]):
    """| Key | Action |
    | :- | :- |
    | enter | go to the highlighted hit (n / shift+n on the map: next / previous) |
    | up / down | choose a hit |
    | escape | close without moving |
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "prompt.cancel"),
        Binding("down", "hit(1)", "search.next", show=False),
        Binding("up", "hit(-1)", "search.previous", show=False),
    ]

    def __init__(self, journey: object, query: str = "") -> None:
        super().__init__(classes="dialog")
        self.journey = journey
        self.initial_query = query
        self.hits: list[Hit] = []

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog-box search-box"):
            yield Label(id="dialog-title", classes="dialog-title")
            yield Input(self.initial_query, id="search-input")
            yield Label(id="search-count", classes="dialog-hint")
            yield OptionList(id="search-hits")

    def refresh_texts(self) -> None:
        self.query_one("#dialog-title", Label).update(self.t("search.title"))
        self.query_one("#search-input", Input).placeholder = self.t("search.placeholder")
        self._show(self.query_one("#search-input", Input).value)

    @on(Input.Changed)
    def changed(self, event: Input.Changed) -> None:
        self._show(event.value)

    def _show(self, query: str) -> None:
        self.hits = search(self.journey, query)
        hits = self.query_one("#search-hits", OptionList)
        hits.set_options(
            Option(Content.assemble((f"{h.where}: ", "dim"), h.text)) for h in self.hits
        )
        if self.hits:
            hits.highlighted = 0
        count = self.t("search.count", n=len(self.hits)) if query.strip() else ""
        self.query_one("#search-count", Label).update(count)

    def action_hit(self, step: int) -> None:
        hits = self.query_one("#search-hits", OptionList)
        if self.hits:
            hits.highlighted = ((hits.highlighted or 0) + step) % len(self.hits)

    @on(Input.Submitted)
    def submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self._choose(self.query_one("#search-hits", OptionList).highlighted or 0)

    @on(OptionList.OptionSelected)
    def selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self._choose(event.option_index)

    def _choose(self, index: int) -> None:
        if not self.hits:
            self.app.bell()
            return
        query = self.query_one("#search-input", Input).value
        self.dismiss(SearchResult(query, self.hits, index))

    def action_cancel(self) -> None:
        self.dismiss(None)
