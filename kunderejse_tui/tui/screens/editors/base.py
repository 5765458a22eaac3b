"""The shared editor form: fields in, one undo step out.

A form edits the item at ``path`` of a document's journey. Saving writes only
the fields the user changed, through the document's core ``Editor``, inside
one ``group`` (one undo step); keys the form does not show (``x-*``, unknown
keys, typos) are never touched. An emptied optional field is removed, not
saved as ``""``, and a mapping that becomes empty that way goes too.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar, Protocol

from textual import events, on
from textual.app import ComposeResult
from textual.await_complete import AwaitComplete
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Checkbox, Footer, Input, Label, Select, Static, TextArea

from kunderejse_tui.journey.access import text
from kunderejse_tui.journey.edits import MISSING, EditError, Editor, KeyPath
from kunderejse_tui.tui import key_descriptions
from kunderejse_tui.tui.i18n import tr
from kunderejse_tui.tui.screens.editors.discard import Choice, DiscardDialog
from kunderejse_tui.tui.screens.editors.fields import Field, FormRow, Section
from kunderejse_tui.tui.widgets.guarded_button import GuardedButton
from kunderejse_tui.tui.widgets.string_list import StringList

if TYPE_CHECKING:
    from kunderejse_tui.tui.session import JourneySession


class DocumentLike(Protocol):
    """What a form needs of JourneyDocument."""

    @property
    def editor(self) -> Editor: ...


class EditorForm(ModalScreen[bool]):
    """A form over one journey item; dismisses with True when it changed the journey.

    | Key | Action |
    | :- | :- |
    | tab / shift+tab | next / previous field |
    | ctrl+s | apply all changes as one undo step and close |
    | escape | close; asks first if anything was changed |

    Inside a field its own editing keys apply (TextArea: ctrl+z/ctrl+y).
    """

    CSS_PATH = "editors.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "save", "ed.key.save", show=True),
        Binding("escape", "cancel", "ed.key.close", show=True),
    ]
    KIND: ClassVar[str] = ""
    """The kind of item: picks the title (``ed.title.KIND``) and undo label."""
    OPTIONAL_ITEM: ClassVar[bool] = False
    """The item itself may be absent, and is removed when emptied (messaging)."""

    def __init__(self, document: DocumentLike, path: KeyPath, lang: str) -> None:
        super().__init__()
        self.document = document
        self.item_path: KeyPath = tuple(path)
        self.lang = lang
        item = self.item()
        self.rows: list[FormRow] = self.build(item)
        self.fields: list[Field] = [row for row in self.rows if isinstance(row, Field)]
        for field in self.fields:
            field.bind(item, lang)
        # The open journey's session, which keeps a recovery copy of what is typed here.
        self._journey: JourneySession | None = None
        self._last_draft: list[tuple[KeyPath, object]] = []

    # ---- for subclasses

    def build(self, item: dict[str, object]) -> list[FormRow]:
        raise NotImplementedError

    def subtitle(self, item: dict[str, object]) -> str:
        return text(item.get("name"))

    # ---- the item

    @property
    def editor(self) -> Editor:
        return self.document.editor

    def item(self) -> dict[str, object]:
        value = self.editor.get(self.item_path, None)
        return value if isinstance(value, dict) else {}

    def journey(self) -> dict[str, object]:
        return self.editor.data

    # ---- layout

    def compose(self) -> ComposeResult:
        title = tr(self.lang, f"ed.title.{self.KIND}")
        subtitle = self.subtitle(self.item())
        with Vertical(id="editor-dialog", classes=f"editor-{self.KIND}"):
            yield Label(Content(f"{title} · {subtitle}" if subtitle else title), id="editor-title")
            with VerticalScroll(id="editor-fields"):
                for row in self.rows:
                    if isinstance(row, Section):
                        yield Label(tr(self.lang, row.label_key), classes="editor-section")
                        continue
                    label = row.label() + (" *" if row.required else "")
                    with Horizontal(classes="editor-row"):
                        yield Label(label, classes="editor-label")
                        yield row.build()
            with Vertical(id="editor-footer"):
                yield Static(tr(self.lang, "ed.hint"), id="editor-hint")
                with Horizontal(id="editor-buttons"):
                    # Enter presses these only when moved to on purpose (guarded_button.py).
                    yield GuardedButton(
                        f"{tr(self.lang, 'ed.save')} (ctrl+s)",
                        id="editor-save",
                        variant="primary",
                        compact=True,
                    )
                    yield GuardedButton(
                        f"{tr(self.lang, 'ed.cancel')} (Esc)", id="editor-cancel", compact=True
                    )
        # Over the map's footer, which would otherwise list keys that do not apply here.
        yield Footer()

    def on_mount(self) -> None:
        key_descriptions.translate(self, self.lang)
        journey = getattr(self.app, "journey", None)
        if journey is not None and getattr(journey, "document", None) is self.document:
            self._journey = journey
        first = next((f for f in self.fields if not f.locked and f.key != ("id",)), None)
        if first is not None:
            first.focus()

    # ---- state

    def changed_fields(self) -> list[Field]:
        return [f for f in self.fields if f.changed()]

    @property
    def dirty(self) -> bool:
        return bool(self.changed_fields())

    # ---- typed, not applied: the recovery copy holds it (recovery_service.Draft)

    @property
    def draft_kind(self) -> str:
        return self.KIND

    def draft_changes(self) -> list[tuple[KeyPath, object]]:
        """What applying the form would write now. A required field left empty is not
        among them: the journey keeps its value rather than lose a required one."""
        try:
            changes = [
                (f.key, f.result()) for f in self.changed_fields() if not (f.required and f.empty())
            ]
        except Exception:
            # Read from a signal handler while the app winds down, a half-removed
            # widget may fail: what was typed until then still counts.
            return self._last_draft
        self._last_draft = changes
        return changes

    def draft_pending(self) -> bool:
        return bool(self.draft_changes())

    def apply_draft(self, editor: Editor) -> None:
        self._write(self.draft_changes(), editor)

    def draft_apply(self) -> bool:
        return self.apply()

    @on(Input.Changed)
    @on(TextArea.Changed)
    @on(Select.Changed)
    @on(Checkbox.Changed)
    @on(StringList.Changed)
    def _typed(self) -> None:
        if self._journey is not None:
            self._journey.draft_changed(self)

    def dismiss(self, result: bool | None = None) -> AwaitComplete:
        # Applied or thrown away on purpose: only here, never on unmount, which an app
        # ended by a signal also goes through (its copy must keep what was typed).
        if self._journey is not None:
            self._journey.draft_closed(self)
        return super().dismiss(result)

    # ---- actions

    def action_save(self) -> None:
        self.apply()

    def apply(self) -> bool:
        """Write the changes as one undo step and close; False: refused, the form stays."""
        changed = self.changed_fields()
        for field in changed:
            if field.required and field.empty():
                self.notify(tr(self.lang, "ed.required", field=field.label()), severity="error")
                field.focus()
                return False
        if not changed:
            self.dismiss(False)
            return True
        try:
            with self.editor.group(tr(self.lang, f"ed.undo.{self.KIND}")):
                self._write([(f.key, f.result()) for f in changed])
        except EditError as exc:
            self.notify(tr(self.lang, "ed.error", message=exc.message(self.lang)), severity="error")
            return False
        self.dismiss(True)
        return True

    def action_cancel(self) -> None:
        changed = len(self.changed_fields())
        if not changed:
            self.dismiss(False)
            return

        def chosen(choice: Choice | None) -> None:
            if choice == "save":
                self.action_save()
            elif choice == "discard":
                self.dismiss(False)

        self.app.push_screen(DiscardDialog(self.lang, changed), chosen)

    @on(Button.Pressed, "#editor-save")
    def _save_pressed(self) -> None:
        self.action_save()

    @on(Button.Pressed, "#editor-cancel")
    def _cancel_pressed(self) -> None:
        self.action_cancel()

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        # Light up the row of the focused field (editors.tcss: .editor-row.-has-focus).
        for row in self.query(".editor-row"):
            row.set_class(event.widget in row.walk_children(), "-has-focus")

    @on(GuardedButton.TypedOn)
    def _typed_on_button(self, event: GuardedButton.TypedOn) -> None:
        # Typing meant for a field must not vanish without a word: say where the focus is.
        key = "keys.enter_after_typing" if event.pressing else "keys.typed_on_button"
        self.notify(tr(self.lang, key, button=event.label), severity="warning", timeout=6)

    # ---- writing

    def _write(self, changes: list[tuple[KeyPath, object]], editor: Editor | None = None) -> None:
        """Apply ``(key, value)`` pairs relative to the item; MISSING deletes.

        ``editor``: another than the document's (the recovery copy's scratch editor)."""
        editor = editor or self.editor
        by_parent: dict[KeyPath, list[tuple[str, object]]] = {}
        for key, value in changes:
            by_parent.setdefault(tuple(key[:-1]), []).append((str(key[-1]), value))
        # The item's own keys first, so a nested mapping has a parent to live in.
        for parent in sorted(by_parent, key=len):
            self._write_mapping(editor, (*self.item_path, *parent), by_parent[parent])
            if parent:
                self._drop_if_empty(editor, (*self.item_path, *parent))
        if self.OPTIONAL_ITEM:
            self._drop_if_empty(editor, self.item_path)

    @staticmethod
    def _write_mapping(editor: Editor, path: KeyPath, entries: list[tuple[str, object]]) -> None:
        current = editor.get(path, MISSING)
        if isinstance(current, dict):
            for key, value in entries:
                if value is MISSING:
                    editor.delete((*path, key))
                else:
                    editor.set((*path, key), value)
            return
        # Absent or null (`demographics:` with nothing after it): write it whole.
        new = {key: value for key, value in entries if value is not MISSING}
        if new:
            editor.set(path, new)

    @staticmethod
    def _drop_if_empty(editor: Editor, path: KeyPath) -> None:
        if editor.get(path, MISSING) == {}:
            editor.delete(path)
