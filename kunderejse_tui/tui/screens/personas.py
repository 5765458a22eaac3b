"""The journey's personas: list, add, edit, duplicate, delete, reorder, rename ids."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from kunderejse_tui.journey.access import as_dict, as_list, text
from kunderejse_tui.journey.document import JourneyDocument
from kunderejse_tui.journey.edits import Change, EditError
from kunderejse_tui.tui.localized import Localized
from kunderejse_tui.tui.messages import SaveJourney
from kunderejse_tui.tui.screens.editors import editor_for
from kunderejse_tui.tui.screens.prompt import PromptDialog
from kunderejse_tui.tui.widgets.key_footer import KeyFooter
from kunderejse_tui.tui.widgets.nav_list import NavList
from kunderejse_tui.tui.widgets.title_header import TitleHeader


def persona_row(persona: object, lang_unnamed: str) -> Content:
    p = as_dict(persona)
    name = text(p.get("name")) or lang_unnamed
    content = Content.assemble((name, "bold"), ("  " + text(p.get("id")), "dim"))
    if text(p.get("summary")):
        content = content.append("\n").append(Content.styled(text(p.get("summary")), "italic"))
    return content


class PersonasScreen(Localized[None]):
    """| Key | Action |
    | :- | :- |
    | enter | edit the persona |
    | a | add a persona |
    | c | duplicate |
    | d / delete | delete (asks first when something names it; ctrl+z brings it back) |
    | shift+up / shift+down, K / J | move up / down |
    | r / f2 | rename the id (references follow) |
    | ctrl+z / ctrl+y | undo / redo |
    | escape | back to the map |
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "edit", "key.edit"),
        Binding("a", "add", "personas.add"),
        Binding("c", "duplicate", "key.duplicate"),
        Binding("d,delete", "delete", "key.delete"),
        Binding("shift+up,K", "move(-1)", "key.move_up", show=False),
        Binding("shift+down,J", "move(1)", "key.move_down", show=False),
        Binding("r,f2", "rename", "key.rename"),
        Binding("ctrl+z", "undo", "key.undo"),
        Binding("ctrl+y", "redo", "key.redo", show=False),
        Binding("ctrl+s", "save", "key.save"),
        Binding("escape", "back", "key.back_to_map"),
    ]

    def __init__(self, document: JourneyDocument, select: int = 0) -> None:
        super().__init__()
        self.document = document
        self.select = select
        self._unsubscribe = document.editor.subscribe(self._changed)

    def compose(self) -> ComposeResult:
        yield TitleHeader()
        yield Static(id="personas-hint", classes="screen-hint")
        yield PersonaList(id="personas")
        yield KeyFooter()  # keeps Quit and Help at 80 columns

    def refresh_texts(self) -> None:
        self.title = self.t("personas.title")
        self.sub_title = self.document.title
        self.query_one("#personas-hint", Static).update(self.t("personas.hint"))
        self._fill()

    def on_mount(self) -> None:
        self.query_one(PersonaList).focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.action_edit()

    def on_unmount(self) -> None:
        self._unsubscribe()

    def _changed(self, change: Change) -> None:
        self.call_after_refresh(self._fill)

    def _personas(self) -> list[object]:
        return as_list(self.document.data.get("personas"))

    def _fill(self, select: int | None = None) -> None:
        if not self.is_attached:
            return
        listing = self.query_one(PersonaList)
        keep = listing.highlighted if select is None else select
        personas = self._personas()
        if personas:
            listing.set_options(Option(persona_row(p, self.t("map.unnamed"))) for p in personas)
            listing.highlighted = min(keep if keep is not None else self.select, len(personas) - 1)
        else:
            listing.set_options(
                [Option(Content.styled(self.t("personas.none"), "dim"), disabled=True)]
            )

    def _current(self) -> int | None:
        index = self.query_one(PersonaList).highlighted
        return index if index is not None and index < len(self._personas()) else None

    def _fail(self, exc: EditError) -> None:
        self.notify(exc.message(self.lang), severity="error")

    # ---- actions

    def action_edit(self) -> None:
        index = self._current()
        if index is None:
            self.action_add()
            return
        form = editor_for(self.document, ("personas", index), self.lang)
        if form is None:
            self.notify(self.t("map.not_editable"), severity="warning")
            return
        self.app.push_screen(form)

    def action_add(self) -> None:
        def check(name: str) -> str | None:
            try:
                self.document.editor.add_persona(name)
            except EditError as exc:
                return exc.message(self.lang)
            return None

        def added(name: str | None) -> None:
            if name is not None:
                self._fill(select=len(self._personas()) - 1)

        self.app.push_screen(
            PromptDialog("personas.add_title", "personas.add_label", check=check), added
        )

    def action_duplicate(self) -> None:
        index = self._current()
        if index is None:
            return
        try:
            new = self.document.editor.duplicate(("personas",), index)
        except EditError as exc:
            self._fail(exc)
            return
        self._fill(select=new)

    def action_delete(self) -> None:
        from kunderejse_tui.tui.delete_questions import persona_question

        index = self._current()
        if index is None:
            return
        question = persona_question(self.lang, self.document.data, self._personas()[index])
        if question is None:
            self._delete(index)
            return

        def answered(choice: str | None) -> None:
            if choice == "delete":
                self._delete(index)

        self.app.push_screen(question, answered)

    def _delete(self, index: int) -> None:
        name = text(as_dict(self._personas()[index]).get("name"))
        try:
            self.document.editor.remove(("personas",), index, label="Delete persona")
        except EditError as exc:
            self._fail(exc)
            return
        self.notify(self.t("map.deleted", what=name))

    def action_move(self, delta: int) -> None:
        index = self._current()
        if index is None:
            return
        try:
            new = self.document.editor.move_item(("personas",), index, delta)
        except EditError as exc:
            self._fail(exc)
            return
        self._fill(select=new)

    def action_rename(self) -> None:
        index = self._current()
        if index is None:
            return
        old = text(as_dict(self._personas()[index]).get("id"))
        if not old:
            return

        def check(new: str) -> str | None:
            try:
                self.document.editor.rename_id("persona", old, new, at=("personas", index))
            except EditError as exc:
                return exc.message(self.lang)
            return None

        self.app.push_screen(PromptDialog("rename.title", "rename.label", old, check=check, id=old))

    def action_undo(self) -> None:
        if not self.document.editor.undo():
            self.notify(self.t("map.nothing_to_undo"))

    def action_redo(self) -> None:
        if not self.document.editor.redo():
            self.notify(self.t("map.nothing_to_redo"))

    def action_save(self) -> None:
        self.post_message(SaveJourney())

    def action_back(self) -> None:
        self.dismiss(None)


class PersonaList(NavList):
    pass
