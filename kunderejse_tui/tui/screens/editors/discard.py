"""Asked when Escape closes a form with changes: save, discard, or keep editing."""

from __future__ import annotations

from typing import ClassVar, Literal

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Label

from kunderejse_tui.tui import key_descriptions
from kunderejse_tui.tui.i18n import tr
from kunderejse_tui.tui.widgets.choice_buttons import ChoiceButtons

Choice = Literal["save", "discard", "keep"]


class DiscardDialog(ModalScreen[Choice]):
    """Nothing typed is lost silently: Escape on a changed form lands here.

    | Key | Action |
    | :- | :- |
    | s, ctrl+s | save the form's changes |
    | d | discard them |
    | enter | the focused button (at first: keep editing) |
    | escape, n | back to the form |
    """

    CSS_PATH = "editors.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("s,ctrl+s", "choose('save')", "ed.discard.save", show=False),
        Binding("d", "choose('discard')", "ed.discard.discard", show=False),
        Binding("escape,n", "choose('keep')", "ed.discard.keep", show=False),
        Binding("left", "app.focus_previous", show=False),
        Binding("right", "app.focus_next", show=False),
    ]

    def __init__(self, lang: str, changed: int) -> None:
        super().__init__()
        self.lang = lang
        self.changed = changed

    def compose(self) -> ComposeResult:
        t = self.lang
        with Vertical(id="discard-dialog"):
            yield Label(tr(t, "ed.discard.title"), id="discard-title")
            yield Label(tr(t, "ed.discard.body", n=self.changed))
            with ChoiceButtons(id="discard-buttons"):
                yield Button(f"{tr(t, 'ed.discard.save')} (s)", id="save", compact=True)
                yield Button(
                    f"{tr(t, 'ed.discard.discard')} (d)",
                    id="discard",
                    variant="error",
                    compact=True,
                )
                yield Button(f"{tr(t, 'ed.discard.keep')} (Esc)", id="keep", compact=True)

    def on_mount(self) -> None:
        key_descriptions.translate(self, self.lang)
        # Keep editing is the default: an Enter typed in a hurry must not throw work away.
        self.query_one("#keep", Button).focus()

    def action_choose(self, choice: Choice) -> None:
        self.dismiss(choice)

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        if event.button.id in ("save", "discard", "keep"):
            self.dismiss(event.button.id)  # type: ignore[arg-type]
