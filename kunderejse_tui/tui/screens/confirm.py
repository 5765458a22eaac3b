"""Questions the app asks before it loses or changes something.

``QuitDialog``: unsaved changes, leaving the journey: Save / Discard / Cancel.
``CommentsDialog``: the first save over a file with comments drops them.
"""

from __future__ import annotations

from typing import ClassVar, Literal

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Label, Static

from kunderejse_tui.tui.localized import Localized
from kunderejse_tui.tui.widgets.choice_buttons import ChoiceButtons

QuitChoice = Literal["save", "discard", "cancel"]


class QuitDialog(Localized[QuitChoice], ModalScreen[QuitChoice]):
    """Unsaved changes: save them, throw them away, or stay.

    | Key | Action |
    | :- | :- |
    | s | save, then go on |
    | d | discard the changes |
    | escape | cancel: stay where you are |
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("s", "choose('save')", "confirm.save"),
        Binding("d", "choose('discard')", "confirm.discard"),
        Binding("escape", "choose('cancel')", "confirm.cancel"),
    ]

    def __init__(self, journey_title: str, *, leaving: bool = False) -> None:
        super().__init__(classes="dialog")
        self.journey_title = journey_title
        self.leaving = leaving

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog-box"):
            yield Label(id="dialog-title", classes="dialog-title")
            yield Static(id="dialog-body", classes="dialog-body")
            with ChoiceButtons(classes="dialog-buttons"):
                yield Button(id="save", variant="primary", compact=True)
                yield Button(id="discard", variant="error", compact=True)
                yield Button(id="cancel", compact=True)

    def refresh_texts(self) -> None:
        title = "confirm.leave_title" if self.leaving else "confirm.quit_title"
        self.query_one("#dialog-title", Label).update(self.t(title))
        self.query_one("#dialog-body", Static).update(
            self.t("confirm.unsaved_body", title=self.journey_title)
        )
        self.query_one("#save", Button).label = self.t("confirm.save_button")
        self.query_one("#discard", Button).label = self.t("confirm.discard_button")
        self.query_one("#cancel", Button).label = self.t("confirm.cancel_button")
        self.query_one(ChoiceButtons).fit_columns()

    def on_mount(self) -> None:
        self.query_one("#save", Button).focus()

    @on(Button.Pressed)
    def pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id)  # type: ignore[arg-type]

    def action_choose(self, choice: QuitChoice) -> None:
        self.dismiss(choice)


class CommentsDialog(Localized[bool], ModalScreen[bool]):
    """The file has comments that saving drops: save anyway, or not.

    | Key | Action |
    | :- | :- |
    | s | save anyway (the comments are gone) |
    | escape | do not save |
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("s", "answer(True)", "confirm.save_anyway"),
        Binding("escape", "answer(False)", "confirm.cancel"),
    ]

    def __init__(self, file_name: str) -> None:
        super().__init__(classes="dialog")
        self.file_name = file_name

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog-box"):
            yield Label(id="dialog-title", classes="dialog-title")
            yield Static(id="dialog-body", classes="dialog-body")
            with ChoiceButtons(classes="dialog-buttons"):
                yield Button(id="yes", variant="warning", compact=True)
                yield Button(id="no", compact=True)

    def refresh_texts(self) -> None:
        self.query_one("#dialog-title", Label).update(self.t("confirm.comments_title"))
        self.query_one("#dialog-body", Static).update(
            self.t("confirm.comments_body", file=self.file_name)
        )
        self.query_one("#yes", Button).label = self.t("confirm.save_anyway_button")
        self.query_one("#no", Button).label = self.t("confirm.cancel_button")
        self.query_one(ChoiceButtons).fit_columns()

    def on_mount(self) -> None:
        self.query_one("#no", Button).focus()

    @on(Button.Pressed)
    def pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "yes")

    def action_answer(self, answer: bool) -> None:
        self.dismiss(answer)
