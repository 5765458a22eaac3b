"""Editing on the journey map: forms, add, duplicate, delete, move, undo, rename.

What each of these means for each kind of row is in ``map_actions`` (no Textual);
this is the map's side: which row, which dialog, where the cursor goes after.
The map screen makes one ``MapEditing`` for its ``JourneyMap`` and its keys call it.

Every form and prompt opened from here arms the screen's ``StrayKeyGuard`` when
it closes: what is typed right after a form is not a map command (key_guard.py).
"""

from __future__ import annotations

from collections.abc import Callable

from kunderejse_tui.journey.access import as_list
from kunderejse_tui.journey.edits import Change, EditError, KeyPath
from kunderejse_tui.tui import delete_questions, map_actions
from kunderejse_tui.tui.key_guard import StrayKeyGuard
from kunderejse_tui.tui.screens.prompt import PromptDialog
from kunderejse_tui.tui.session import JourneySession
from kunderejse_tui.tui.widgets.journey_map import JourneyMap
from kunderejse_tui.tui.widgets.stage_column import Row


def _edit_path(row: Row) -> KeyPath:
    if row.kind in ("stage", "goal"):
        return row.path[:2]
    return row.path


class MapEditing:
    """The map's editing actions; every edit is one undoable step of the editor."""

    def __init__(
        self, session: JourneySession, journey_map: JourneyMap, guard: StrayKeyGuard
    ) -> None:
        self.session = session
        self.document = session.document
        self.map = journey_map
        self.guard = guard

    def _closed(self, _: object = None) -> None:
        """A form or prompt closed: keys typed on for a moment are not map commands."""
        self.guard.arm()

    def _notify(self, key: str, **kwargs: object) -> None:
        self.map.notify(self.session.t(key, **kwargs))

    def _fail(self, exc: EditError) -> None:
        self.map.notify(exc.message(self.session.lang), severity="error")

    def edit(self) -> None:
        """Enter: the form of the current row (a name prompt on "+ add" rows)."""
        found = self.map.current()
        if found is None:
            if not as_list(self.document.data.get("stages")):
                self._add_first_stage()
            return
        _, row = found
        if row.kind in ("add-question", "add-touchpoint"):
            self.add()
            return
        self.open_editor(_edit_path(row))

    def open_editor(self, path: KeyPath) -> None:
        from kunderejse_tui.tui.screens.editors import editor_for

        form = editor_for(self.document, path, self.session.lang)
        if form is None:
            self.map.notify(self.session.t("map.not_editable"), severity="warning")
            return
        self.map.app.push_screen(form, self._closed)

    def add(self) -> None:
        found = self.map.current()
        if found is None:
            self._add_first_stage()
            return
        _, row = found
        editor = self.document.editor
        self._prompt_add(map_actions.add_kind(row), lambda name: map_actions.add(editor, row, name))

    def _add_first_stage(self) -> None:
        def add(name: str) -> KeyPath:
            self.document.editor.add_stage(name)
            return ("stages", 0)

        self._prompt_add("stage", add)

    def _prompt_add(self, kind: str, add: Callable[[str], KeyPath]) -> None:
        """Ask for a name; ``add`` makes the edit (EditError: the dialog says why and
        stays) and returns the path the map shows once the dialog closes."""
        target: list[KeyPath] = []

        def check(name: str) -> str | None:
            try:
                target.append(add(name))
            except EditError as exc:
                return exc.message(self.session.lang)
            return None

        def added(name: str | None) -> None:
            self._closed()
            if name is not None and target:
                self.map.schedule_redraw(focus=target[0])
                # The new item's form at once: a name alone is rarely all there is to say.
                self.open_editor(target[0])

        self.map.app.push_screen(
            PromptDialog(f"add.{kind}.title", f"add.{kind}.label", check=check), added
        )

    def duplicate(self) -> None:
        found = self.map.current()
        if found is None:
            return
        try:
            path = map_actions.duplicate(self.document.editor, found[1])
        except EditError as exc:
            self._fail(exc)
            return
        if path is None:
            self._notify("map.cannot_duplicate")
            return
        self.map.schedule_redraw(focus=path)

    def delete(self) -> None:
        """Delete the current item; a stage that holds anything asks first."""
        found = self.map.current()
        if found is None:
            return
        row = found[1]
        # Read-only (another session's journey, a served viewer): the edit itself is
        # refused with its reason, so asking first would only ask for nothing.
        if row.kind == "stage" and not self.session.read_only:
            stage = self.document.editor.get(row.path[:2], None)
            question = delete_questions.stage_question(self.session.lang, stage)
            if question is not None:

                def answered(choice: str | None) -> None:
                    if choice == "delete":
                        self._delete(row)

                self.map.app.push_screen(question, answered)
                return
        self._delete(row)

    def _delete(self, row: Row) -> None:
        try:
            path = map_actions.delete(self.document.editor, row)
        except EditError as exc:
            self._fail(exc)
            return
        if path is None and row.kind != "stage":
            self.map.app.bell()
            return
        self._notify("map.deleted_undo")
        if path is not None:
            self.map.schedule_redraw(focus=path)

    def move(self, dx: int, dy: int) -> None:
        found = self.map.current()
        if found is None:
            return
        try:
            path = map_actions.move(self.document.editor, found[1], dx, dy)
        except EditError as exc:
            self._fail(exc)
            return
        if path is None:
            self.map.app.bell()
            return
        self.map.schedule_redraw(focus=path)

    def undo(self) -> None:
        self._history(self.document.editor.undo, "map.undone", "map.nothing_to_undo")

    def redo(self) -> None:
        self._history(self.document.editor.redo, "map.redone", "map.nothing_to_redo")

    def _history(self, step: Callable[[], bool], done: str, nothing: str) -> None:
        try:
            moved, change = self._watched(step)
        except EditError as exc:
            self._fail(exc)
            return
        if not moved:
            self._notify(nothing)
            return
        if change is not None and change.paths:
            self.map.schedule_redraw(focus=change.paths[0])
        self._notify(done)

    def _watched(self, step: Callable[[], bool]) -> tuple[bool, Change | None]:
        """Run ``step`` and return its result with the last change it made, if any."""
        changes: list[Change] = []
        unsubscribe = self.document.editor.subscribe(changes.append)
        try:
            moved = step()
        finally:
            unsubscribe()
        return moved, changes[-1] if changes else None

    def rename(self) -> None:
        found = self.map.current()
        if found is None:
            return
        editor = self.document.editor
        target = map_actions.id_of(editor, found[1])
        if target is None:
            self._notify("map.no_id_here")
            return
        kind, old, path = target
        renamed: list[int] = []

        def rename(new: str) -> bool:
            editor.rename_id(kind, old, new, at=path)
            return True

        def check(new: str) -> str | None:
            try:
                _, change = self._watched(lambda: rename(new))
            except EditError as exc:
                return exc.message(self.session.lang)
            renamed.append(len(change.paths) - 1 if change and new != old else 0)
            return None

        def done(new: str | None) -> None:
            self._closed()
            if new is not None and new != old and renamed:
                self._notify("rename.done", old=old, new=new, n=renamed[0])

        self.map.app.push_screen(
            PromptDialog("rename.title", "rename.label", old, check=check, id=old), done
        )
