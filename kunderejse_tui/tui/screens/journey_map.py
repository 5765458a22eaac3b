"""The journey map: stages side by side, the emotion curve under them, problems below.

The screen owns one ``JourneyDocument``. Every change goes through
``document.editor``; the screen subscribes to it and redraws only the stage
columns whose data changed, so undo, redo, forms and the persona screen all
show up the same way. Validation runs in a worker thread 0.3 s after the last
change; saving writes a snapshot in a thread.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import pickle
from typing import TYPE_CHECKING, Any, ClassVar

from textual import events, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Container, Horizontal
from textual.css.query import NoMatches
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Footer, OptionList

from kunderejse_tui.journey.access import as_dict, as_list, text
from kunderejse_tui.journey.document import JourneyDocument
from kunderejse_tui.journey.edits import Change, EditError, KeyPath
from kunderejse_tui.journey.fileio import SaveError
from kunderejse_tui.journey.problems import JourneyLoadError, Problem
from kunderejse_tui.tui import map_actions, safety
from kunderejse_tui.tui.journey_files import shown_path
from kunderejse_tui.tui.localized import Localized
from kunderejse_tui.tui.messages import JumpTo
from kunderejse_tui.tui.screens.confirm import CommentsDialog, QuitChoice, QuitDialog
from kunderejse_tui.tui.screens.load_error import LoadErrorScreen
from kunderejse_tui.tui.screens.prompt import PromptDialog
from kunderejse_tui.tui.widgets.emotion_curve import EmotionCurve
from kunderejse_tui.tui.widgets.problems_panel import ProblemsPanel
from kunderejse_tui.tui.widgets.stage_column import Row, StageColumn, build_rows
from kunderejse_tui.tui.widgets.title_header import TitleHeader

if TYPE_CHECKING:
    from kunderejse_tui.tui.screens.search import SearchResult
    from kunderejse_tui.tui.search_index import Hit

# The forms, the export preview (Markdown, syntax highlighting), personas and
# search are imported when first opened: together they were a third of the
# app's import time, paid before the map could show.

COLUMN_WIDTH = 34
# What works on a preview, before the whole file is read: moving around only.
MOVES = {"stage", "item", "column", "toggle_problems"}
VALIDATE_DELAY = 0.3
# Top-level keys the journey facts form edits: a problem there opens that form.
FACT_KEYS = {
    "title", "description", "language", "market", "model", "state", "owner",
    "time_to_purchase", "updated", "based_on", "id",
}  # fmt: skip


class JourneyMapScreen(Localized, Screen[None]):
    AUTO_FOCUS = None  # the screen itself takes the keys; see _enter_column
    """| Key | Action |
    | :- | :- |
    | ← → / h l | previous / next stage |
    | ↑ ↓ / k j | previous / next item in the stage |
    | enter | edit the focused item (double click too) |
    | a | add: a stage on a stage's name, a question among questions, a touchpoint among touchpoints |
    | c | duplicate the stage, question or touchpoint |
    | d / delete | delete (ctrl+z brings it back) |
    | shift+← → / H L | move the stage, or the item to the previous / next stage |
    | shift+↑ ↓ / K J | move the item up / down in its list |
    | ctrl+z / ctrl+y | undo / redo, many steps deep |
    | r / f2 | rename the id of a stage or touchpoint (references follow) |
    | / , n , shift+n | search, next hit, previous hit |
    | p | personas |
    | f | journey facts (title, language, market, ...) |
    | f8 | show / hide the problems panel |
    | e | export (Markdown, Mermaid) |
    | v | compare the current and the future state side by side |
    | i | interviews: start a new one or continue one |
    | o | evidence: the quotes behind the focused stage or touchpoint, and what is assumed |
    | y | synthesis: all answers per question, by persona and tag |
    | ctrl+s | save |
    | escape | back to the list of journeys |
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "edit", "key.edit"),
        Binding("a", "add", "key.add"),
        Binding("d,delete", "delete", "key.delete"),
        Binding("ctrl+z", "undo", "key.undo"),
        Binding("ctrl+y", "redo", "key.redo", show=False),
        Binding("ctrl+s", "save", "key.save"),
        Binding("slash", "search", "key.search", key_display="/"),
        Binding("p", "personas", "key.personas"),
        Binding("f8", "toggle_problems", "key.problems"),
        Binding("c", "duplicate", "key.duplicate", show=False),
        Binding("left,h", "stage(-1)", "key.prev_stage", show=False),
        Binding("right,l", "stage(1)", "key.next_stage", show=False),
        Binding("up,k", "item(-1)", "key.prev_item", show=False),
        Binding("down,j", "item(1)", "key.next_item", show=False),
        Binding("home", "column('first')", "key.first_item", show=False),
        Binding("end", "column('last')", "key.last_item", show=False),
        Binding("pageup", "column('page_up')", "key.page_up", show=False),
        Binding("pagedown", "column('page_down')", "key.page_down", show=False),
        # Shift+letters too: some terminals (macOS Terminal) swallow shift+arrows.
        Binding("shift+left,H", "move(-1, 0)", "key.move_left", show=False),
        Binding("shift+right,L", "move(1, 0)", "key.move_right", show=False),
        Binding("shift+up,K", "move(0, -1)", "key.move_up", show=False),
        Binding("shift+down,J", "move(0, 1)", "key.move_down", show=False),
        Binding("r,f2", "rename", "key.rename", show=False),
        Binding("n", "next_hit(1)", "key.next_hit", show=False),
        Binding("N", "next_hit(-1)", "key.previous_hit", show=False),
        Binding("f", "facts", "key.facts", show=False),
        Binding("e", "export", "key.export", show=False),
        Binding("v", "compare", "cmp.key.open", show=False),
        Binding("i", "interviews", "iv.key.interviews", show=False),
        Binding("o", "coverage", "iv.key.coverage", show=False),
        Binding("y", "synthesis", "iv.key.synthesis", show=False),
        Binding("escape", "back", "key.back", show=False),
    ]

    def __init__(self, document: JourneyDocument, whole_file: bytes | None = None) -> None:
        """``document`` may be a preview (``document.partial``) of the journey whose
        bytes are ``whole_file``: the map then reads the rest in a worker."""
        super().__init__()
        self.document = document
        self._whole_file = whole_file
        self.problems: list[Problem] = []
        self.hits: list[Hit] = []
        self.hit_index = 0
        self.search_query = ""
        self._generation = 0
        self._validate_timer: Timer | None = None
        self._refresh_pending = False
        self._focus_after_refresh: KeyPath | None = None
        self._last_change: Change | None = None
        self._problems_shown = False
        self._stale = False
        self.column_index = 0
        self._unsubscribe = document.editor.subscribe(self._changed)

    # ---- layout

    def compose(self) -> ComposeResult:
        yield TitleHeader()
        # A plain Container: ScrollableContainer binds the arrow keys, which belong to the map.
        with Container(id="map"):
            yield Horizontal(id="columns")
            yield EmotionCurve(COLUMN_WIDTH, id="curve")
        yield ProblemsPanel(id="problems")
        yield Footer()

    @property
    def columns(self) -> list[StageColumn]:
        return list(self.query_one("#columns", Horizontal).query_children(StageColumn))

    async def on_mount(self) -> None:
        if not self.document.partial:
            # Locks and recovery copies once the map is on screen (one frame later).
            self.call_after_refresh(self._guard)
        self.app.follow_journey_language(self.document.language)
        await self._refresh_map(first_screenful=self._columns_on_screen())
        if self.columns:
            self._enter_column(self.columns[0])
        if not self.document.partial:
            # A preview's start-up ends once the whole file is in: collecting garbage
            # meanwhile would walk the journey being built, doubling its read.
            self._startup_done()
        if os.environ.get("KUNDEREJSE_BENCH_EXIT_AFTER_PAINT"):
            # benchmarks/: time to the first frame of the map, in a real terminal.
            self.call_after_refresh(self.app.exit)
        if self.document.partial and self._whole_file is not None:
            self._update_title()
            # After the first paint, which the parse would otherwise hold up (GIL).
            self.call_after_refresh(self._read_whole, self._whole_file)
        else:
            # After the first paint: a big journey's check would compete with it for the GIL.
            self.call_after_refresh(self._validate)

    def _guard(self) -> None:
        if self.is_attached:
            safety.on_map_mount(self)

    @work(thread=True, exclusive=True, group="read-whole")
    def _read_whole(self, raw: bytes) -> None:
        try:
            whole: JourneyDocument | JourneyLoadError = JourneyDocument.from_bytes(
                self.document.path, raw
            )
        except JourneyLoadError as exc:
            whole = exc
        with contextlib.suppress(RuntimeError):  # the app is shutting down
            self.app.call_from_thread(self._whole_read, whole)

    def _startup_done(self) -> None:
        startup_done = getattr(self.app, "startup_done", None)
        if startup_done is not None:
            self.call_after_refresh(startup_done)

    def _whole_read(self, whole: JourneyDocument | JourneyLoadError) -> None:
        self._whole_file = None
        self._startup_done()
        if not self.is_attached:
            return
        if isinstance(whole, JourneyLoadError):
            # The preview read, the whole file does not (a problem among the interviews).
            self.app.switch_screen(LoadErrorScreen(self.document.path, whole.problems))
            return
        self.document.complete(whole)  # listeners: redraw what differs, check it all
        safety.on_map_mount(self)
        self.refresh_bindings()
        self._update_title()

    def on_screen_resume(self) -> None:
        if self._stale:
            self._schedule_refresh()

    def on_unmount(self) -> None:
        self._unsubscribe()
        safety.on_map_unmount(self)

    def refresh_texts(self) -> None:
        # The language is part of each column's signature: a switch rebuilds them all.
        self._schedule_refresh()
        self.query_one(ProblemsPanel).show(self.problems, self.lang)
        self._update_title()

    def _update_title(self) -> None:
        doc = self.document
        self.title = safety.title_prefix(self) + ("● " if doc.dirty else "") + doc.title
        errors = sum(1 for p in self.problems if p.severity == "error")
        warnings = len(self.problems) - errors
        if doc.partial:
            count = self.t("map.reading_rest")
        elif errors or warnings:
            count = self.t("map.problem_count", errors=errors, warnings=warnings)
        else:
            count = self.t("map.no_problems")
        self.sub_title = f"{shown_path(doc.path)} · {count}"

    # ---- keeping the map in step with the journey

    def _changed(self, change: Change) -> None:
        self._generation += 1
        self._last_change = change
        if any(path[:1] == ("language",) for path in change.paths) or change.paths == ((),):
            self.app.follow_journey_language(self.document.language)
        self._update_title()
        self._schedule_refresh()
        if self._validate_timer is not None:
            self._validate_timer.stop()
        self._validate_timer = self.set_timer(VALIDATE_DELAY, self._validate)

    def _schedule_refresh(self, focus: KeyPath | None = None) -> None:
        if focus is not None:
            self._focus_after_refresh = focus
        if not self._refresh_pending:
            self._refresh_pending = True
            self.call_after_refresh(self._refresh_map)

    async def _refresh_map(self, first_screenful: int | None = None) -> None:
        """Redraw the columns whose stage changed (compared by a pickled signature).

        ``first_screenful``: draw only that many columns now and the others after
        the next paint (opening a journey: what is on screen first).
        """
        self._refresh_pending = False
        if not self.is_attached:
            return
        if not self.is_current and self.columns:
            # Covered (an interview typed into the journey, a form): redraw once on return.
            self._stale = True
            return
        self._stale = False
        if self.document.partial and first_screenful is None:
            # A preview stays a screenful: all of it comes with the whole file.
            first_screenful = self._columns_on_screen()
        data = self.document.data
        stages = as_list(data.get("stages"))
        holder = self.query_one("#columns", Horizontal)
        columns = self.columns
        wanted = len(stages) if first_screenful is None else min(len(stages), first_screenful)
        if len(columns) < wanted:
            new = [StageColumn(i) for i in range(len(columns), wanted)]
            await holder.mount_all(new)
            columns += new
        elif len(columns) > len(stages):
            await holder.remove_children(columns[len(stages) :])
            columns = columns[: len(stages)]
        personas = {
            text(as_dict(p).get("id")): text(as_dict(p).get("name")) or text(as_dict(p).get("id"))
            for p in as_list(data.get("personas"))
        }
        persona_key = tuple(personas.items())
        # Counted once per redraw; a column's badges are part of its signature, so a
        # new answer linked to a stage redraws that stage only.
        cov = None
        if as_list(data.get("interviews")):
            from kunderejse_tui.journey.evidence import coverage
            from kunderejse_tui.tui.widgets.evidence import stage_evidence

            cov = coverage(data)
        for i, (column, stage) in enumerate(zip(columns, stages, strict=False)):
            badges = stage_evidence(cov, i, self.lang) if cov is not None else ("", {})
            if first_screenful is not None:
                # Opening: only what the first frame shows (the columns on screen, the
                # rows that fit in them); all of it right after that frame.
                if i < first_screenful:
                    # A row is two lines or more: half the height in rows fills a column.
                    rows = build_rows(
                        stage, i, self.lang, personas, badges, limit=self.size.height // 2
                    )
                    column.show(rows, None)
                    column.border_title = f"{i + 1}/{len(stages)}"
                continue
            signature = (self.lang, persona_key, badges, pickle.dumps(stage))
            if column.signature != signature:
                column.show(build_rows(stage, i, self.lang, personas, badges), signature)
                column.border_title = f"{i + 1}/{len(stages)}"
        if first_screenful is not None and not self.document.partial:
            # The rest right after the first frame; a preview's rest comes with the
            # whole file instead (drawing it twice would hold the whole file up).
            self._schedule_refresh()
        self.query_one(EmotionCurve).update(data, self.lang)
        focus, self._focus_after_refresh = self._focus_after_refresh, None
        if focus is not None:
            self.focus_path(focus)

    def _columns_on_screen(self) -> int:
        """How many stage columns the screen's width shows (the last one in part)."""
        return self.size.width // COLUMN_WIDTH + 1

    def focus_path(self, path: KeyPath) -> bool:
        """Move the map's focus to the item at ``path`` (or its nearest shown ancestor)."""
        columns = self.columns
        if len(path) < 2 or path[0] != "stages" or not isinstance(path[1], int):
            return False
        if not 0 <= path[1] < len(columns):
            if not columns:
                return False
            path = ("stages", len(columns) - 1)
        column = columns[path[1]]  # type: ignore[index]
        column.select_path(path)
        self._enter_column(column)
        return True

    def current(self) -> tuple[StageColumn, Row] | None:
        """The column the user is in and its highlighted row."""
        columns = self.columns
        if not columns:
            return None
        column = columns[min(self.column_index, len(columns) - 1)]
        row = column.current_row()
        return (column, row) if row is not None else None

    def _enter_column(self, column: StageColumn) -> None:
        """Make ``column`` the current one and scroll it into view.

        The columns never take the keyboard focus: moving focus makes Textual
        rebuild the footer and restyle the screen, which cost a visible fraction
        of a second per step on a wide map. The screen owns the keys instead and
        marks the current column with a class.
        """
        columns = self.columns
        if 0 <= self.column_index < len(columns) and columns[self.column_index] is not column:
            columns[self.column_index].set_class(False, "-current")
        self.column_index = column.index
        column.set_class(True, "-current")
        if self.focused is not None and self.focused is not self.query_one(ProblemsPanel):
            self.set_focus(None)
        self.query_one("#map").scroll_to_widget(column, animate=False)

    def on_click(self, event: events.Click) -> None:
        node = event.widget
        while node is not None and not isinstance(node, StageColumn):
            node = node.parent  # type: ignore[assignment]
        if isinstance(node, StageColumn):
            self.set_focus(None)
            self._enter_column(node)

    # ---- validation

    def _validate(self) -> None:
        self._validate_timer = None
        if not self.is_attached:
            return
        self._check(self._generation)

    @work(thread=True, exclusive=True, group="validate")
    def _check(self, generation: int) -> None:
        try:
            problems = self.document.problems()
        except RuntimeError:
            # The data changed while it was copied; the change scheduled a new check.
            return
        except Exception as exc:  # a bug in a check must not end the workshop
            with contextlib.suppress(RuntimeError):
                self.app.call_from_thread(
                    self.notify, self.t("map.check_failed", error=repr(exc)), severity="error"
                )
            return
        with contextlib.suppress(RuntimeError):  # the app is shutting down
            self.app.call_from_thread(self._show_problems, generation, problems)

    def _show_problems(self, generation: int, problems: list[Problem]) -> None:
        if generation != self._generation or not self.is_attached:
            return  # stale: the journey changed while it was checked, or the map closed
        self.problems = problems
        try:
            panel = self.query_one(ProblemsPanel)
        except NoMatches:
            return  # the app is closing: the screen's widgets are already gone
        panel.show(problems, self.lang)
        if problems and not self._problems_shown:
            # Shown by itself once, so nobody misses them; F8 hides it for good.
            self._problems_shown = True
            panel.display = True
        self._update_title()

    # ---- moving around

    def action_stage(self, delta: int) -> None:
        found = self.current()
        if found is None:
            return
        column, row = found
        columns = self.columns
        target = column.index + delta
        if not 0 <= target < len(columns):
            self.app.bell()
            return
        ordinal = column.ordinal()
        columns[target].select_like(row, ordinal)
        self._enter_column(columns[target])

    def action_item(self, delta: int) -> None:
        found = self.current()
        if found is not None:
            column, _ = found
            (column.action_cursor_down if delta > 0 else column.action_cursor_up)()

    def action_column(self, action: str) -> None:
        """Home, End, Page Up/Down in the current column."""
        found = self.current()
        if found is not None:
            getattr(found[0], f"action_{action}")()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        if self.document.partial:
            return
        if isinstance(event.option_list, StageColumn):
            event.stop()
            self.action_edit()

    def on_jump_to(self, message: JumpTo) -> None:
        panel = self.query_one(ProblemsPanel)
        panel.can_focus = False
        self.set_focus(None)
        self.jump(message.path)

    def jump(self, path: KeyPath) -> None:
        """Show ``path``: on the map, in the persona list or in the journey facts form."""
        from kunderejse_tui.tui.screens.personas import PersonasScreen

        if self.focus_path(path):
            return
        if len(path) >= 2 and path[0] == "personas" and isinstance(path[1], int):
            self.app.push_screen(PersonasScreen(self.document, select=path[1]))
        elif not path or path[0] in FACT_KEYS:
            self.action_facts()
        else:
            self.notify(self.t("map.not_on_map"), severity="warning")

    # ---- editing

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

    def _fail(self, exc: EditError) -> None:
        self.notify(exc.message(self.lang), severity="error")

    def action_add(self) -> None:
        found = self.current()
        if found is None:
            self._add_first_stage()
            return
        _, row = found
        kind = map_actions.add_kind(row)
        target: list[KeyPath] = []

        def check(name: str) -> str | None:
            try:
                target.append(map_actions.add(self.document.editor, row, name))
            except EditError as exc:
                return exc.message(self.lang)
            return None

        def added(name: str | None) -> None:
            if name is not None and target:
                self._schedule_refresh(focus=target[0])

        self.app.push_screen(
            PromptDialog(f"add.{kind}.title", f"add.{kind}.label", check=check), added
        )

    def _add_first_stage(self) -> None:
        def check(name: str) -> str | None:
            try:
                self.document.editor.add_stage(name)
            except EditError as exc:
                return exc.message(self.lang)
            return None

        def added(name: str | None) -> None:
            if name is not None:
                self._schedule_refresh(focus=("stages", 0))

        self.app.push_screen(PromptDialog("add.stage.title", "add.stage.label", check=check), added)

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

    # ---- search

    def action_search(self) -> None:
        from kunderejse_tui.tui.screens.search import SearchScreen

        def found(result: SearchResult | None) -> None:
            if result is None:
                return
            self.search_query, self.hits, self.hit_index = result.query, result.hits, result.index
            self._show_hit()

        self.app.push_screen(SearchScreen(self.document.data, self.search_query), found)

    def action_next_hit(self, step: int) -> None:
        if not self.hits:
            self.action_search()
            return
        self.hit_index = (self.hit_index + step) % len(self.hits)
        self._show_hit()

    def _show_hit(self) -> None:
        hit = self.hits[self.hit_index]
        self.notify(
            self.t(
                "search.showing", i=self.hit_index + 1, n=len(self.hits), query=self.search_query
            ),
            timeout=2,
        )
        self.jump(hit.path)

    # ---- other screens

    def action_personas(self) -> None:
        from kunderejse_tui.tui.screens.personas import PersonasScreen

        self.app.push_screen(PersonasScreen(self.document))

    def action_facts(self) -> None:
        self.open_editor(())

    def action_interviews(self) -> None:
        from kunderejse_tui.tui.screens.interview_start import open_interviews

        open_interviews(self.app, self.document)

    def action_coverage(self) -> None:
        from kunderejse_tui.tui.screens.coverage import CoverageScreen

        found = self.current()
        self.app.push_screen(CoverageScreen(self.document, found[1].path if found else None))

    def action_synthesis(self) -> None:
        from kunderejse_tui.tui.screens.synthesis import SynthesisScreen

        self.app.push_screen(SynthesisScreen(self.document))

    def action_compare(self) -> None:
        from kunderejse_tui.tui.screens.compare import open_compare_for

        result = open_compare_for(self.document, self.lang)
        if isinstance(result, str):
            self.notify(result, severity="warning", timeout=8)
        else:
            self.app.push_screen(result)

    def action_export(self) -> None:
        from kunderejse_tui.tui.screens.export import ExportScreen

        self.app.push_screen(ExportScreen(self.document, self.lang))

    def action_toggle_problems(self) -> None:
        """F8: show and enter the panel; in the panel, hide it and return to the map."""
        panel = self.query_one(ProblemsPanel)
        if panel.has_focus:
            panel.display = False
            panel.can_focus = False
            self.set_focus(None)
            return
        # Focusable only while the user is in it: otherwise it would take the arrow keys.
        panel.display = True
        panel.can_focus = True
        panel.focus()

    # ---- saving and leaving

    def action_save(self) -> None:
        self.start_save()

    def start_save(self, *, then_exit: bool = False, then_leave: bool = False) -> None:
        self._save(then_exit, then_leave)

    @work(exclusive=True, group="save")
    async def _save(self, then_exit: bool, then_leave: bool) -> None:
        doc = self.document
        if not doc.dirty:
            self.notify(self.t("save.nothing"))
        else:
            if doc.has_comments:
                confirmed = await self.app.push_screen_wait(CommentsDialog(doc.path.name))
                if not confirmed:
                    self.notify(self.t("save.cancelled"), severity="warning")
                    return
            if not await safety.before_save(self):
                return
            snapshot = doc.snapshot()
            try:
                fingerprint = await asyncio.to_thread(doc.write, snapshot)
            except (SaveError, OSError) as exc:
                self.notify(safety.save_failed(self, exc), severity="error", timeout=10)
                return
            doc.mark_saved(snapshot, fingerprint)
            safety.after_save(self, snapshot)
            self._update_title()
            problems = await asyncio.to_thread(doc.problems, snapshot)
            errors = sum(1 for p in problems if p.severity == "error")
            if errors:
                self.notify(
                    self.t("save.with_problems", file=doc.path.name, n=errors),
                    severity="warning",
                    timeout=6,
                )
            else:
                self.notify(self.t("save.done", file=doc.path.name))
        if then_exit:
            self.app.exit(0)
        elif then_leave:
            self.dismiss(None)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if self.document.partial and action not in MOVES:
            return None  # shown greyed out for the fraction of a second the rest takes
        if action == "back":
            # Opened on a file, there is no list to go back to: hide the key.
            panels = self.query(ProblemsPanel)
            return len(self.app.screen_stack) > 2 or any(p.has_focus for p in panels)
        return True

    def action_back(self) -> None:
        panel = self.query_one(ProblemsPanel)
        if panel.has_focus:
            panel.can_focus = False
            self.set_focus(None)
            return
        if len(self.app.screen_stack) <= 2:
            return  # opened on a file: there is nothing to go back to
        if not self.document.dirty:
            self.dismiss(None)
            return

        def answered(choice: QuitChoice | None) -> None:
            if choice == "discard":
                safety.discarded(self)
                self.dismiss(None)
            elif choice == "save":
                self.start_save(then_leave=True)

        self.app.push_screen(QuitDialog(self.document.title, leaving=True), answered)
