"""Dialogs of the safety net: a choice between a few buttons, and a difference to read.

``ChoiceDialog`` serves the recovery copy (Restore / Show the difference /
Discard), another session (Read-only / Take over) and a change on disk
(Merge / Reload / Keep mine / Save as new / Show the difference / Cancel).
Each button has a key, shown in its label, so the dialogs work without a mouse.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Label, Static

from kunderejse_tui.journey.dump import dump
from kunderejse_tui.journey.text_diff import unified_diff
from kunderejse_tui.tui.localized import Localized
from kunderejse_tui.tui.widgets.choice_buttons import ChoiceButtons


@dataclass(frozen=True)
class Choice:
    id: str
    label_key: str
    key: str
    variant: str = "default"


class ChoiceDialog(Localized[str], ModalScreen[str]):
    """A question with a few answers; escape answers ``cancel_id``."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", show=False)]

    def __init__(
        self,
        title_key: str,
        body: str | tuple[str, dict[str, object]],
        choices: list[Choice],
        *,
        cancel_id: str = "cancel",
        focus_id: str | None = None,
    ) -> None:
        super().__init__(classes="dialog")
        self.title_key = title_key
        self.body = body
        self.choices = choices
        self.cancel_id = cancel_id
        self.focus_id = focus_id or choices[0].id
        self.keys = {c.key: c.id for c in choices}

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog-box"):
            yield Label(id="dialog-title", classes="dialog-title")
            with VerticalScroll(classes="dialog-body-scroll"):
                yield Static(id="dialog-body", classes="dialog-body")
            with ChoiceButtons(classes="dialog-buttons"):
                for c in self.choices:
                    yield Button(id=f"choice-{c.id}", variant=c.variant, compact=True)  # type: ignore[arg-type]

    def refresh_texts(self) -> None:
        self.query_one("#dialog-title", Label).update(self.t(self.title_key))
        body = self.body if isinstance(self.body, str) else self.t(self.body[0], **self.body[1])
        self.query_one("#dialog-body", Static).update(body)
        for c in self.choices:
            # Content, not markup: "[m]" would be read as a style and vanish.
            label = Content(f"{self.t(c.label_key)} [{c.key}]")
            self.query_one(f"#choice-{c.id}", Button).label = label
        self.query_one(ChoiceButtons).fit_columns()

    def on_mount(self) -> None:
        self.query_one(f"#choice-{self.focus_id}", Button).focus()

    def on_key(self, event: events.Key) -> None:
        choice = self.keys.get(event.character or "")
        if choice is not None:
            event.stop()
            self.dismiss(choice)

    @on(Button.Pressed)
    def pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss((event.button.id or "").removeprefix("choice-"))

    def action_cancel(self) -> None:
        self.dismiss(self.cancel_id)


def other_session_dialog(pid: int, host: str, file_name: str) -> ChoiceDialog:
    """Another session has the journey open: read it only, or take it over."""
    return ChoiceDialog(
        "safety.other_title",
        ("safety.other_body", {"pid": pid, "host": host, "file": file_name}),
        [
            Choice("read-only", "safety.read_only", "r", "primary"),
            Choice("take-over", "safety.take_over", "t", "warning"),
        ],
        cancel_id="read-only",
    )


def difference(old: dict[str, object] | None, new: dict[str, object], header: str) -> str:
    """A unified diff of the canonical texts: every changed field, line by line."""
    old_lines = dump(old).splitlines() if old is not None else []
    new_lines = dump(new).splitlines()
    lines = unified_diff(old_lines, new_lines, n=2)
    return header + "\n" + "\n".join(lines) if lines else ""


class DiffScreen(Localized[None], ModalScreen[None]):
    """Read the difference; any of escape, q or enter closes it."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", "safety.diff_close"),
        Binding("q", "close", show=False),
    ]

    def __init__(self, text: str) -> None:
        super().__init__(classes="dialog")
        self.text = text

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog-box", id="diff-box"):
            yield Label(id="dialog-title", classes="dialog-title")
            with VerticalScroll(id="diff-scroll"):
                yield Static(id="diff-text", markup=False)
            with ChoiceButtons(classes="dialog-buttons"):
                yield Button(id="diff-close", variant="primary", compact=True)

    def refresh_texts(self) -> None:
        self.query_one("#dialog-title", Label).update(self.t("safety.diff_title"))
        self.query_one("#diff-text", Static).update(self.text or self.t("safety.diff_none"))
        self.query_one("#diff-close", Button).label = Content(
            f"{self.t('safety.diff_close')} [Esc]"
        )
        self.query_one(ChoiceButtons).fit_columns()

    def on_mount(self) -> None:
        self.query_one("#diff-close", Button).focus()

    @on(Button.Pressed)
    def pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(None)

    def action_close(self) -> None:
        self.dismiss(None)
