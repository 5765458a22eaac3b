"""Edit a list of strings as a list: add, edit, remove and reorder items with keys.

The entry line is the only Tab stop, so a form with three lists is still fast
to Tab through: type and press Enter to add, again and again. ↑ from the entry
line steps into the items above it; there:

| Key | Action |
| :- | :- |
| ↑ / ↓ | pick an item (↓ past the last one returns to the entry line) |
| Enter, e, F2 | edit the item in the entry line (Enter saves, Esc undoes) |
| Delete, Backspace, d | remove the item |
| ctrl+↑ / ctrl+↓ (also alt+ or shift+) | move the item up / down |

Text typed in the entry line but not yet submitted still counts (``value``):
a form saved in a hurry does not lose the last item.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.message import Message
from textual.widget import Widget
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from kunderejse_tui.tui import key_descriptions
from kunderejse_tui.tui.i18n import tr
from kunderejse_tui.tui.widgets.form_input import FormInput


class StringListItems(OptionList):
    """The items; focusable only when the entry line sends the user up here."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("e,f2", "select", "ed.list.key.edit", show=False),
        Binding("delete,backspace,d", "remove", "ed.list.key.remove", show=False),
        Binding("ctrl+up,alt+up,shift+up", "move(-1)", "ed.list.key.up", show=False),
        Binding("ctrl+down,alt+down,shift+down", "move(1)", "ed.list.key.down", show=False),
    ]

    def __init__(self) -> None:
        super().__init__(compact=True)
        self._invited = False

    def allow_focus(self) -> bool:
        # Out of the Tab order (one stop per list), yet focusable when invited.
        return self._invited or self.has_focus

    def invite(self, index: int) -> None:
        self._invited = True
        self.highlighted = index
        self.focus()

    def on_focus(self) -> None:
        self._invited = False
        self._owner.refresh_hint()

    def on_blur(self) -> None:
        self._owner.refresh_hint()

    @property
    def _owner(self) -> StringList:
        owner = self.parent
        assert isinstance(owner, StringList)
        return owner

    def action_cursor_down(self) -> None:
        if self.highlighted is None or self.highlighted >= self.option_count - 1:
            self._owner.focus_entry()
        else:
            super().action_cursor_down()

    def action_remove(self) -> None:
        if self.highlighted is not None:
            self._owner.remove_item(self.highlighted)

    def action_move(self, delta: int) -> None:
        if self.highlighted is not None:
            self._owner.move_item(self.highlighted, delta)


class StringListEntry(FormInput):
    """The entry line: adds items, or edits the one picked in the list."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("up", "to_items", "ed.list.key.pick", show=False),
        Binding("escape", "stop_editing", "ed.list.key.undo_edit", show=False),
    ]

    @property
    def _owner(self) -> StringList:
        owner = self.parent
        assert isinstance(owner, StringList)
        return owner

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # Escape only belongs to the entry while an item is being edited;
        # otherwise it reaches the form, which closes.
        if action == "stop_editing":
            return self._owner.editing is not None
        return True

    def action_to_items(self) -> None:
        self._owner.focus_items()

    def action_stop_editing(self) -> None:
        self._owner.stop_editing()


class StringList(Widget):
    """A list of strings, edited item by item (never as comma-joined text)."""

    DEFAULT_CSS = (Path(__file__).with_suffix(".tcss")).read_text(encoding="utf-8")

    class Changed(Message):
        """The committed items changed (added, edited, removed or moved)."""

        def __init__(self, string_list: StringList) -> None:
            super().__init__()
            self.string_list = string_list

        @property
        def control(self) -> StringList:
            return self.string_list

    def __init__(
        self,
        items: Iterable[str] = (),
        *,
        lang: str = "da",
        id: str | None = None,
        classes: str | None = None,
        disabled: bool = False,
    ) -> None:
        super().__init__(id=id, classes=classes, disabled=disabled)
        self._items: list[str] = list(items)
        self._lang = lang
        self.editing: int | None = None

    def compose(self) -> ComposeResult:
        yield StringListItems()
        yield StringListEntry(
            placeholder=tr(self._lang, "ed.list.add"), select_on_focus=False, compact=True
        )
        yield Static("", classes="string-list--hint")

    def on_mount(self) -> None:
        for child in (self._item_list, self._entry_line):
            key_descriptions.translate(child, self._lang)
        self._refresh_items()

    # ---- reading

    @property
    def items(self) -> list[str]:
        """The committed items."""
        return list(self._items)

    @property
    def value(self) -> list[str]:
        """The items as they would be saved now, including text not yet submitted."""
        items = list(self._items)
        pending = self._entry_line.value.strip()
        if self.editing is not None:
            if pending:
                items[self.editing] = pending
            else:
                del items[self.editing]
        elif pending:
            items.append(pending)
        return items

    @property
    def _entry_line(self) -> StringListEntry:
        return self.query_one(StringListEntry)

    @property
    def _item_list(self) -> StringListItems:
        return self.query_one(StringListItems)

    # ---- changing

    def add_item(self, text: str) -> None:
        self._items.append(text)
        self._changed(highlight=None)

    def remove_item(self, index: int) -> None:
        del self._items[index]
        if self.editing is not None:
            self.stop_editing()
        if self._items:
            self._changed(highlight=min(index, len(self._items) - 1))
        else:
            self._changed(highlight=None)
            self.focus_entry()

    def move_item(self, index: int, delta: int) -> None:
        target = index + delta
        if not 0 <= target < len(self._items):
            return
        self._items.insert(target, self._items.pop(index))
        self._changed(highlight=target)

    def edit_item(self, index: int) -> None:
        self.editing = index
        entry = self._entry_line
        entry.value = self._items[index]
        entry.cursor_position = len(entry.value)
        self.focus_entry()
        self.refresh_hint()

    def stop_editing(self) -> None:
        index = self.editing
        self.editing = None
        self._entry_line.value = ""
        self.refresh_hint()
        if index is not None and index < len(self._items):
            self._item_list.invite(index)

    # ---- focus

    def focus(self, scroll_visible: bool = True) -> StringList:
        self.focus_entry(scroll_visible)
        return self

    def focus_entry(self, scroll_visible: bool = True) -> None:
        self._entry_line.focus(scroll_visible)

    def focus_items(self) -> None:
        if not self._items:
            return
        index = self.editing if self.editing is not None else len(self._items) - 1
        self._item_list.invite(index)

    # ---- events

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        text = event.value.strip()
        if self.editing is not None:
            index, self.editing = self.editing, None
            if text:
                self._items[index] = text
            else:
                del self._items[index]
        elif text:
            self._items.append(text)
        else:
            return
        self._entry_line.value = ""
        self._changed(highlight=None)
        self.refresh_hint()

    @on(OptionList.OptionSelected)
    def _selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.edit_item(event.option_index)

    @on(OptionList.OptionHighlighted)
    def _highlighted(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()

    def _changed(self, highlight: int | None) -> None:
        self._refresh_items(highlight)
        self.post_message(self.Changed(self))

    def _refresh_items(self, highlight: int | None = None) -> None:
        items = self._item_list
        items.set_options(Option(Content(f"• {text}")) for text in self._items)
        items.set_class(not self._items, "-empty")
        if highlight is not None:
            items.highlighted = highlight

    def refresh_hint(self) -> None:
        if self.editing is not None:
            text = tr(self._lang, "ed.list.editing", n=self.editing + 1)
        # The screen knows first: `has_focus` is set after our Focus handler runs.
        elif self.screen.focused is self._item_list:
            text = tr(self._lang, "ed.list.hint")
        else:
            text = ""
        hint = self.query_one(".string-list--hint", Static)
        hint.update(text)
        hint.display = bool(text)
