"""A one-line question: the name of a new item, a new id.

``check`` sees the text on Enter and returns an error message to show (the
dialog stays open) or None (the dialog closes with the text). Adding and
renaming apply their edit inside ``check``, so the user reads a refused id's
reason right under the field and can fix it without starting over.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, Static

from kunderejse_tui.tui.localized import Localized

Check = Callable[[str], str | None]


class PromptDialog(Localized[str | None], ModalScreen[str | None]):
    """One field; Enter confirms, Escape cancels.

    | Key | Action |
    | :- | :- |
    | enter | confirm |
    | escape | cancel |
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "prompt.cancel"),
    ]

    def __init__(
        self,
        title_key: str,
        label_key: str,
        value: str = "",
        check: Check | None = None,
        **labels: object,
    ) -> None:
        super().__init__(classes="dialog")
        self.title_key = title_key
        self.label_key = label_key
        self.labels = labels
        self.value = value
        self.check = check

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog-box"):
            yield Label(id="dialog-title", classes="dialog-title")
            yield Label(id="prompt-label")
            yield Input(self.value, id="prompt-input", select_on_focus=True)
            yield Static(id="prompt-error", classes="dialog-error")
            yield Static(id="prompt-hint", classes="dialog-hint")

    def refresh_texts(self) -> None:
        self.query_one("#dialog-title", Label).update(self.t(self.title_key, **self.labels))
        self.query_one("#prompt-label", Label).update(self.t(self.label_key, **self.labels))
        self.query_one("#prompt-hint", Static).update(self.t("prompt.hint"))

    @on(Input.Submitted)
    def submitted(self, event: Input.Submitted) -> None:
        event.stop()
        value = event.value.strip()
        if not value:
            self.query_one("#prompt-error", Static).update(self.t("prompt.empty"))
            return
        error = self.check(value) if self.check else None
        if error:
            self.query_one("#prompt-error", Static).update(error)
            return
        self.dismiss(value)

    def action_cancel(self) -> None:
        self.dismiss(None)
