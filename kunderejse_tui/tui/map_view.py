"""The journey map's view: stage columns side by side, the emotion curve under
them, the problems panel below, and the current column.

The view subscribes to ``document.editor`` and redraws only the stage columns
whose data changed, so undo, redo, forms and the persona screen all show up the
same way. Validation runs in a worker thread 0.3 s after the last change.
:class:`~kunderejse_tui.tui.screens.journey_map.JourneyMapScreen` adds the keys,
the editing (``map_editing``), saving and the other screens.
"""

from __future__ import annotations

import pickle

from textual import events
from textual.app import ComposeResult
from textual.containers import Container, Horizontal
from textual.css.query import NoMatches
from textual.widgets import Footer

from kunderejse_tui.journey.access import as_dict, as_list, text
from kunderejse_tui.journey.edits import Change, KeyPath
from kunderejse_tui.journey.problems import Problem
from kunderejse_tui.tui.journey_files import shown_path
from kunderejse_tui.tui.localized import Localized
from kunderejse_tui.tui.session import JourneySession
from kunderejse_tui.tui.widgets.emotion_curve import EmotionCurve
from kunderejse_tui.tui.widgets.problems_panel import ProblemsPanel
from kunderejse_tui.tui.widgets.stage_column import Row, StageColumn, build_rows
from kunderejse_tui.tui.widgets.title_header import TitleHeader

COLUMN_WIDTH = 34


class MapView(Localized[None]):
    """The map of one journey, kept in step with its editor."""

    def __init__(self, session: JourneySession) -> None:
        super().__init__()
        self.session = session
        self.document = session.document
        self._refresh_pending = False
        self._focus_after_refresh: KeyPath | None = None
        self._last_change: Change | None = None
        self._problems_shown = False
        self._stale = False
        self.column_index = 0
        self._unsubscribe = self.document.editor.subscribe(self._changed)

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
    def problems(self) -> list[Problem]:
        """What the latest check of the journey found."""
        return self.session.problems

    @property
    def columns(self) -> list[StageColumn]:
        return list(self.query_one("#columns", Horizontal).query_children(StageColumn))

    def on_screen_resume(self) -> None:
        if self._stale:
            self._schedule_refresh()

    def refresh_texts(self) -> None:
        # The language is part of each column's signature: a switch rebuilds them all.
        self._schedule_refresh()
        self.query_one(ProblemsPanel).show(self.session.problems, self.lang)
        self._update_title()

    def _update_title(self, _: None = None) -> None:
        doc = self.document
        self.title = self.session.title()
        problems = self.session.problems
        errors = sum(1 for p in problems if p.severity == "error")
        warnings = len(problems) - errors
        if doc.partial:
            count = self.t("map.reading_rest")
        elif errors or warnings:
            count = self.t("map.problem_count", errors=errors, warnings=warnings)
        else:
            count = self.t("map.no_problems")
        self.sub_title = f"{shown_path(doc.path)} · {count}"

    # ---- keeping the map in step with the journey

    def _changed(self, change: Change) -> None:
        self._last_change = change
        self._update_title()
        self._schedule_refresh()

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

    # ---- problems

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
