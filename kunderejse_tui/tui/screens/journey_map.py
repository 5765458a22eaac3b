"""The journey map screen: its keys, opening a file, search, saving and leaving.

The screen composes the map (``widgets/journey_map.py``: the stage columns, the
emotion curve, the cursor) and the problems panel, and owns one
``JourneySession``; every change goes through ``document.editor``. Editing on
the map is ``map_editing.MapEditing``.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual import events, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.css.query import NoMatches

from kunderejse_tui.journey.document import JourneyDocument
from kunderejse_tui.journey.edits import KeyPath
from kunderejse_tui.journey.problems import JourneyLoadError, Problem
from kunderejse_tui.tui.browser_keys import CLOSE
from kunderejse_tui.tui.journey_files import shown_path
from kunderejse_tui.tui.key_guard import StrayKeyGuard
from kunderejse_tui.tui.localized import Localized
from kunderejse_tui.tui.map_editing import MapEditing
from kunderejse_tui.tui.screens.confirm import QuitChoice, QuitDialog
from kunderejse_tui.tui.screens.load_error import LoadErrorScreen
from kunderejse_tui.tui.session import JourneySession
from kunderejse_tui.tui.widgets.journey_map import ColumnMove, JourneyMap
from kunderejse_tui.tui.widgets.key_footer import KeyFooter
from kunderejse_tui.tui.widgets.problems_panel import ProblemsPanel
from kunderejse_tui.tui.widgets.title_header import TitleHeader

if TYPE_CHECKING:
    from kunderejse_tui.tui.screens.search import SearchResult
    from kunderejse_tui.tui.search_index import Hit

# The forms, the export preview (Markdown, syntax highlighting), personas and
# search are imported when first opened: together they were a third of the
# app's import time, paid before the map could show.

# What works on a preview, before the whole file is read: moving around only.
MOVES = {"stage", "item", "column", "toggle_problems", "toggle_curve", "overview", "present"}
# Keys that typing text produces besides printable ones (key_guard.py).
TYPED_KEYS = {"enter", "backspace", "delete", "tab"}
# Top-level keys the journey facts form edits: a problem there opens that form.
FACT_KEYS = {
    "title", "description", "language", "market", "model", "state", "owner",
    "time_to_purchase", "updated", "based_on", "id",
}  # fmt: skip


class JourneyMapScreen(Localized[None]):
    """The map of one journey: its stage columns, emotion curve and problems panel.

    The screen owns the keys: the columns never take the keyboard focus (see
    ``JourneyMap.enter_column``), so every key of the map is bound here and asks
    the widget that does the work: moving to ``JourneyMap``, editing to
    ``MapEditing``. One row per binding, in the order of ``BINDINGS``
    (tests/tui/test_map_keys.py holds the two together):

    | Keys | Action |
    | :- | :- |
    | enter | edit the current item (double click too) |
    | a | add: a stage on a stage's name, a question among questions, a touchpoint among touchpoints |
    | d, delete | delete (ctrl+z brings it back) |
    | ctrl+z | undo, many steps deep |
    | ctrl+y | redo |
    | ctrl+s | save |
    | S | save as a new file (also after a failed save, or when another session took over) |
    | slash | search |
    | p | personas |
    | f8 | show / hide the problems panel |
    | c | duplicate the stage, question or touchpoint |
    | left, h | previous stage |
    | right, l | next stage |
    | up, k | previous item in the stage |
    | down, j | next item in the stage |
    | home | first item in the stage |
    | end | last item in the stage |
    | pageup | a page up in the stage |
    | pagedown | a page down in the stage |
    | shift+left, H | move the stage, or the item, to the previous stage |
    | shift+right, L | move the stage, or the item, to the next stage |
    | shift+up, K | move the item up in its list |
    | shift+down, J | move the item down in its list |
    | r, f2 | rename the id of a stage or touchpoint (references follow) |
    | n | next search hit |
    | N | previous search hit |
    | f | journey facts (title, language, market, ...) |
    | e | export (Markdown, Mermaid) |
    | v | compare the current and the future state side by side |
    | V | make a future-state version (NAME.future.journey.yaml) and open it |
    | i | interviews: start a new one or continue one |
    | o | evidence: the quotes behind the current stage or touchpoint, and what is assumed |
    | y | synthesis: all answers per question, by persona and tag |
    | g | show / hide the emotion curve |
    | z | fit-all overview: every stage as a compact card |
    | f5 | presentation mode, from the current stage |
    | escape | out of the problems panel; on the map itself nothing (it says how to close) |
    | ctrl+w, f4 | close the journey: back to the list of journeys (asks first if unsaved) |

    F4 is for a browser, which closes its tab on ctrl+w (browser_keys.py).

    Keys typed just after a form or a prompt closes are not commands (key_guard.py).
    """

    AUTO_FOCUS = None  # the screen itself takes the keys; see JourneyMap.enter_column

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "edit", "key.edit"),
        Binding("a", "add", "key.add"),
        Binding("d,delete", "delete", "key.delete"),
        Binding("ctrl+z", "undo", "key.undo"),
        Binding("ctrl+y", "redo", "key.redo", show=False),
        Binding("ctrl+s", "save", "key.save"),
        Binding("S", "save_as", "key.save_as", show=False),
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
        Binding("V", "make_future", "cmp.key.make_future", show=False),
        Binding("i", "interviews", "iv.key.interviews", show=False),
        Binding("o", "coverage", "iv.key.coverage", show=False),
        Binding("y", "synthesis", "iv.key.synthesis", show=False),
        Binding("g", "toggle_curve", "layout.key.curve", show=False),
        Binding("z", "overview", "layout.key.overview", show=False),
        Binding("f5", "present", "layout.key.present", key_display="F5"),
        Binding("escape", "back", "key.back", show=False),
        Binding(CLOSE.keys, "close", "keys.close_journey"),
    ]

    def __init__(self, session: JourneySession, whole_file: bytes | None = None) -> None:
        """``session.document`` may be a preview (``document.partial``) of the journey
        whose bytes are ``whole_file``: the map then reads the rest in a worker."""
        super().__init__()
        self.session = session
        self.document = session.document
        self.journey_map = JourneyMap(session)
        self.key_guard = StrayKeyGuard()
        self.editing = MapEditing(session, self.journey_map, self.key_guard)
        self._whole_file = whole_file
        self._problems_shown = False
        self._read_only_shown = False
        self.hits: list[Hit] = []
        self.hit_index = 0
        self.search_query = ""

    def compose(self) -> ComposeResult:
        yield TitleHeader()
        yield self.journey_map
        yield ProblemsPanel(id="problems")
        yield KeyFooter()

    @property
    def problems(self) -> list[Problem]:
        """What the latest check of the journey found."""
        return self.session.problems

    def on_screen_resume(self) -> None:
        self.journey_map.redraw_if_stale()

    def refresh_texts(self) -> None:
        self.journey_map.schedule_redraw()
        self.query_one(ProblemsPanel).show(self.session.problems, self.lang)
        self._update_title()

    def _update_title(self, _: None = None) -> None:
        doc = self.document
        self.title = self.session.title()
        if self.session.read_only != self._read_only_shown:
            # Taking over is offered (key bar, help, palette) only while read-only.
            self._read_only_shown = self.session.read_only
            self.refresh_bindings()
        problems = self.session.problems
        errors = sum(1 for p in problems if p.severity == "error")
        warnings = len(problems) - errors
        if doc.partial:
            count = self.t("map.reading_rest")
        elif errors or warnings:
            count = self.t(
                "map.problem_count",
                errors=self.t("map.n_errors", n=errors),
                warnings=self.t("map.n_warnings", n=warnings),
            )
        else:
            count = self.t("map.no_problems")
        self.sub_title = f"{shown_path(doc.path)} · {count}"

    def _show_problems(self, problems: list[Problem]) -> None:
        if not self.is_attached:
            return
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

    # ---- opening

    async def on_mount(self) -> None:
        session = self.session
        session.state_changed.subscribe(self, self._update_title, immediate=True)
        session.problems_checked.subscribe(self, self._show_problems, immediate=True)
        if not self.document.partial:
            # Locks and recovery copies once the map is on screen (one frame later).
            self.call_after_refresh(self._guard)
        session.app.follow_journey_language(self.document.language)
        journey_map = self.journey_map
        await journey_map.redraw(first_screenful=journey_map.columns_on_screen())
        if journey_map.columns:
            journey_map.enter_column(journey_map.columns[0])
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
            self.call_after_refresh(self.session.check)

    def _guard(self) -> None:
        if self.is_attached:
            self.run_worker(self.session.guard_journey(), group="safety-open", exclusive=True)

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
        self.call_after_refresh(self.session.app.startup_done)

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
        self._guard()
        self.refresh_bindings()
        self._update_title()

    def on_unmount(self) -> None:
        self.session.close()

    # ---- showing a path

    def on_problems_panel_jump_to(self, message: ProblemsPanel.JumpTo) -> None:
        panel = self.query_one(ProblemsPanel)
        panel.can_focus = False
        self.set_focus(None)
        self.jump(message.path)

    def jump(self, path: KeyPath) -> None:
        """Show ``path``: on the map, in the persona list or in the journey facts form."""
        from kunderejse_tui.tui.screens.personas import PersonasScreen

        if self.journey_map.focus_path(path):
            return
        if len(path) >= 2 and path[0] == "personas" and isinstance(path[1], int):
            self.app.push_screen(PersonasScreen(self.document, select=path[1]))
        elif not path or path[0] in FACT_KEYS:
            self.editing.open_editor(())
        else:
            self.notify(self.t("map.not_on_map"), severity="warning")

    # ---- moving and editing: the keys are the screen's, the work the map's

    def on_key(self, event: events.Key) -> None:
        """Stray typing after a form closed: the key goes nowhere (bindings never see it).

        Only keys that typing produces: ctrl+z, the arrows and F-keys are never typed
        by accident in the middle of a sentence, and undo must work at once."""
        if (event.is_printable or event.key in TYPED_KEYS) and self.key_guard.swallow():
            event.stop()
            event.prevent_default()
            if self.key_guard.swallowed == 1:
                self.notify(self.t("keys.stray_typing"), severity="warning", timeout=4)

    def on_journey_map_row_chosen(self, _: JourneyMap.RowChosen) -> None:
        if not self.document.partial:
            self.editing.edit()

    def action_stage(self, delta: int) -> None:
        self.journey_map.step_stage(delta)

    def action_item(self, delta: int) -> None:
        self.journey_map.step_item(delta)

    def action_column(self, move: ColumnMove) -> None:
        """Home, End, Page Up/Down in the current column."""
        self.journey_map.move_in_column(move)

    def action_edit(self) -> None:
        self.editing.edit()

    def action_facts(self) -> None:
        self.editing.open_editor(())

    def action_add(self) -> None:
        self.editing.add()

    def action_duplicate(self) -> None:
        self.editing.duplicate()

    def action_delete(self) -> None:
        self.editing.delete()

    def action_move(self, dx: int, dy: int) -> None:
        self.editing.move(dx, dy)

    def action_undo(self) -> None:
        self.editing.undo()

    def action_redo(self) -> None:
        self.editing.redo()

    def action_rename(self) -> None:
        self.editing.rename()

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

    def action_interviews(self) -> None:
        from kunderejse_tui.tui.screens.interview_start import open_interviews

        open_interviews(self.app, self.document)

    def action_coverage(self) -> None:
        from kunderejse_tui.tui.screens.coverage import CoverageScreen

        found = self.journey_map.current()
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

    @work(exclusive=True, group="future-state")
    async def action_make_future(self) -> None:
        from kunderejse_tui.tui.future_state import make_future_state

        target = await make_future_state(self.session)
        if target is not None:
            self.leave_for(target)

    def leave_for(self, path: Path) -> None:
        """Close this journey (asking about unsaved changes) and open ``path`` in its place."""
        from kunderejse_tui.tui.screens.loading import LoadingScreen

        def go() -> None:
            self.app.switch_screen(LoadingScreen(path))

        if not self.document.dirty:
            go()
            return

        def answered(choice: QuitChoice | None) -> None:
            if choice == "discard":
                self.session.close(discarded=True)
                go()
            elif choice == "save":
                self._save_then(go)

        self.app.push_screen(QuitDialog(self.document.title, leaving=True), answered)

    @work(exclusive=True, group="save")
    async def _save_then(self, then: Callable[[], None]) -> None:
        if await self.session.save():
            then()

    def action_export(self) -> None:
        from kunderejse_tui.tui.screens.export import ExportScreen

        self.app.push_screen(ExportScreen(self.document, self.lang))

    # ---- the curve, the overview, presenting (screens/overview.py, screens/presentation.py)

    def action_toggle_curve(self) -> None:
        self.journey_map.toggle_curve()

    def _current_stage(self) -> int:
        found = self.journey_map.current()
        return found[0].index if found else 0

    def _show_stage(self, stage: int | None) -> None:
        if stage is not None:
            self.journey_map.focus_path(("stages", stage))

    def action_overview(self) -> None:
        from kunderejse_tui.tui.screens.overview import OverviewScreen

        self.app.push_screen(OverviewScreen(self.session, self._current_stage()), self._show_stage)

    def action_present(self) -> None:
        from kunderejse_tui.tui.screens.presentation import PresentationScreen

        screen = PresentationScreen(self.session, stage=self._current_stage())
        self.app.push_screen(screen, self._show_stage)

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

    def action_save_as(self) -> None:
        self.session.save_as()

    def start_save(self, *, then_exit: bool = False, then_leave: bool = False) -> None:
        self._save(then_exit, then_leave)

    @work(exclusive=True, group="save")
    async def _save(self, then_exit: bool, then_leave: bool) -> None:
        if not await self.session.save():
            return
        if then_exit:
            self.app.exit(0)
        elif then_leave:
            self.dismiss(None)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if self.document.partial and action not in MOVES:
            return None  # shown greyed out for the fraction of a second the rest takes
        if action == "close":
            # Opened on a file, there is no list to go back to: hide the key.
            return len(self.app.screen_stack) > 2
        return True

    def action_back(self) -> None:
        """Escape: out of the problems panel; on the map, only a word on how to close.

        Escape is pressed by reflex (to leave a field, a dialog, a menu): leaving the
        journey on it put a "close without saving?" question one Enter away."""
        panel = self.query_one(ProblemsPanel)
        if panel.has_focus:
            panel.can_focus = False
            self.set_focus(None)
            return
        if self.check_action("close", ()):
            key = self.session.app.key_name(CLOSE)
            self.notify(self.t("keys.escape_on_map", shortcut=key), timeout=4)

    def action_close(self) -> None:
        """ctrl+w / F4: back to the list of journeys, asking first when there are unsaved changes."""
        if len(self.app.screen_stack) <= 2:
            return  # opened on a file: there is nothing to go back to
        if not self.document.dirty:
            self.dismiss(None)
            return

        def answered(choice: QuitChoice | None) -> None:
            if choice == "discard":
                self.session.close(discarded=True)
                self.dismiss(None)
            elif choice == "save":
                self.start_save(then_leave=True)

        self.app.push_screen(QuitDialog(self.document.title, leaving=True), answered)
