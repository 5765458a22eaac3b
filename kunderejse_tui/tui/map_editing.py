"""Editing on the journey map: forms, add, duplicate, delete, move, undo, rename.

What each of these means for each kind of row is in ``map_actions`` (no Textual);
this is the screen's side: which row, which dialog, where the focus goes after.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual.widgets import OptionList

from kunderejse_tui.journey.access import as_list
from kunderejse_tui.journey.edits import EditError, KeyPath
from kunderejse_tui.tui import map_actions
from kunderejse_tui.tui.map_view import MapView
from kunderejse_tui.tui.screens.prompt import PromptDialog
from kunderejse_tui.tui.widgets.stage_column import Row, StageColumn


class MapEditing(MapView):
    """The map's editing actions; every edit is one undoable step of the editor."""

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        if self.document.partial:
            return
        if isinstance(event.option_list, StageColumn):
            event.stop()
            self.action_edit()

    def _edit_path(self, row: Row) -> KeyPath:
        if row.kind in ("stage", "goal"):
            return row.path[:2]
        return row.path

    def action_edit(self) -> None:
        found = self.current()
        if found is None:
            if not as_list(self.document.data.get("stages")):
                self._add_first_stage()
            return
        _, row = found
        if row.kind in ("add-question", "add-touchpoint"):
            self.action_add()
            return
        self.open_editor(self._edit_path(row))

    def open_editor(self, path: KeyPath) -> None:
        from kunderejse_tui.tui.screens.editors import editor_for

        form = editor_for(self.document, path, self.lang)
        if form is None:
            self.notify(self.t("map.not_editable"), severity="warning")
            return
        self.app.push_screen(form)

    def action_facts(self) -> None:
        self.open_editor(())

    def _fail(self, exc: EditError) -> None:
        self.notify(exc.message(self.lang), severity="error")

    def action_add(self) -> None:
        found = self.current()
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
        stays) and returns the path the map focuses once the dialog closes."""
        target: list[KeyPath] = []

        def check(name: str) -> str | None:
            try:
                target.append(add(name))
            except EditError as exc:
                return exc.message(self.lang)
            return None

        def added(name: str | None) -> None:
            if name is not None and target:
                self._schedule_refresh(focus=target[0])

        self.app.push_screen(
            PromptDialog(f"add.{kind}.title", f"add.{kind}.label", check=check), added
        )

    def action_duplicate(self) -> None:
        found = self.current()
        if found is None:
            return
        try:
            path = map_actions.duplicate(self.document.editor, found[1])
        except EditError as exc:
            self._fail(exc)
            return
        if path is None:
            self.notify(self.t("map.cannot_duplicate"))
            return
        self._schedule_refresh(focus=path)

    def action_delete(self) -> None:
        found = self.current()
        if found is None:
            return
        try:
            path = map_actions.delete(self.document.editor, found[1])
        except EditError as exc:
            self._fail(exc)
            return
        if path is None and found[1].kind != "stage":
            self.app.bell()
            return
        self.notify(self.t("map.deleted_undo"))
        if path is not None:
            self._schedule_refresh(focus=path)

    def action_move(self, dx: int, dy: int) -> None:
        found = self.current()
        if found is None:
            return
        try:
            path = map_actions.move(self.document.editor, found[1], dx, dy)
        except EditError as exc:
            self._fail(exc)
            return
        if path is None:
            self.app.bell()
            return
        self._schedule_refresh(focus=path)

    def action_undo(self) -> None:
        self._history(self.document.editor.undo, "map.undone", "map.nothing_to_undo")

    def action_redo(self) -> None:
        self._history(self.document.editor.redo, "map.redone", "map.nothing_to_redo")

    def _history(self, step: Any, done: str, nothing: str) -> None:
        try:
            moved = step()
        except EditError as exc:
            self._fail(exc)
            return
        if not moved:
            self.notify(self.t(nothing))
            return
        change = self._last_change
        if change is not None and change.paths:
            self._schedule_refresh(focus=change.paths[0])
        self.notify(self.t(done))

    def action_rename(self) -> None:
        found = self.current()
        if found is None:
            return
        target = map_actions.id_of(self.document.editor, found[1])
        if target is None:
            self.notify(self.t("map.no_id_here"))
            return
        kind, old, path = target
        renamed: list[int] = []

        def check(new: str) -> str | None:
            try:
                self.document.editor.rename_id(kind, old, new, at=path)
            except EditError as exc:
                return exc.message(self.lang)
            change = self._last_change
            renamed.append(len(change.paths) - 1 if change and new != old else 0)
            return None

        def done(new: str | None) -> None:
            if new is not None and new != old and renamed:
                self.notify(self.t("rename.done", old=old, new=new, n=renamed[0]))

        self.app.push_screen(
            PromptDialog("rename.title", "rename.label", old, check=check, id=old), done
        )
