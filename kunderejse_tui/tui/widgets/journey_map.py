"""The journey map: stage columns side by side, the emotion curve under them, the cursor.

The map subscribes to ``document.editor`` and redraws only the stage columns
whose data changed, so undo, redo, forms and the persona screen all show up the
same way. It owns the cursor: which column is current, which row is highlighted,
and moving between them. The screen around it owns the keys (see
``screens/journey_map.py``) and asks the map to move.
"""

from __future__ import annotations

import pickle
from dataclasses import dataclass
from typing import Literal

from textual import events
from textual.app import ComposeResult
from textual.containers import Container, Horizontal
from textual.dom import DOMNode
from textual.message import Message
from textual.widgets import OptionList

from kunderejse_tui.journey.access import as_dict, as_list, text
from kunderejse_tui.journey.edits import Change, KeyPath
from kunderejse_tui.tui.session import JourneySession
from kunderejse_tui.tui.widgets.emotion_curve import EmotionCurve, levels_for
from kunderejse_tui.tui.widgets.stage_column import COLUMN_CHROME, Row, StageColumn, build_rows

COLUMN_WIDTH = 34
# Below this many rows the curve starts hidden (g shows it): at 24 rows it took a
# third of the screen from the stages.
CURVE_MIN_HEIGHT = 30

ColumnMove = Literal["first", "last", "page_up", "page_down"]


class JourneyMap(Container):
    """The map of one journey, kept in step with its editor.

    A plain Container: ScrollableContainer binds the arrow keys, which belong to
    the screen's map keys.
    """

    @dataclass
    class RowChosen(Message):
        """A row of a stage column was chosen with the mouse (a double click): edit it."""

    def __init__(self, session: JourneySession) -> None:
        super().__init__(id="map")
        self.session = session
        self.document = session.document
        self.column_index = 0
        self._redraw_pending = False
        self._focus_after_redraw: KeyPath | None = None
        self._stale = False
        self._curve_choice: bool | None = None  # None: shown when the screen is tall enough
        self._width = COLUMN_WIDTH
        self._unsubscribe = self.document.editor.subscribe(self._changed)

    def compose(self) -> ComposeResult:
        yield Horizontal(id="columns")
        curve = EmotionCurve(COLUMN_WIDTH, id="curve")
        curve.display = False  # placed once the map knows its size
        yield curve

    def on_unmount(self) -> None:
        self._unsubscribe()

    # ---- sizes: columns share the width, the curve takes rows when there are rows

    def column_width(self, stages: int | None = None) -> int:
        """Columns share the map's width, never narrower than ``COLUMN_WIDTH``
        (more stages than fit: the map scrolls sideways)."""
        if stages is None:
            stages = len(as_list(self.document.data.get("stages")))
        width = self.size.width or self.screen.size.width
        if stages <= 0:
            return COLUMN_WIDTH
        return max(COLUMN_WIDTH, width // stages)

    @property
    def curve_shown(self) -> bool:
        if self._curve_choice is not None:
            return self._curve_choice
        return self.screen.size.height >= CURVE_MIN_HEIGHT

    def toggle_curve(self) -> None:
        """Show or hide the emotion curve (the user's choice holds at every size)."""
        self._curve_choice = not self.curve_shown
        self._place_curve()

    def _place_curve(self) -> None:
        curve = self.query_one(EmotionCurve)
        curve.display = self.curve_shown
        if curve.display:
            # A third of the map's rows at most: the stages stay the main thing.
            levels = levels_for(max(self.size.height, self.screen.size.height - 2) // 3)
            curve.update(
                self.document.data, self.session.lang, column_width=self._width, levels=levels
            )

    def on_resize(self, event: events.Resize) -> None:
        if self.column_width() != self._width:
            self.schedule_redraw()
        else:
            self._place_curve()

    @property
    def columns(self) -> list[StageColumn]:
        return list(self.query_one("#columns", Horizontal).query_children(StageColumn))

    # ---- keeping the map in step with the journey

    def _changed(self, change: Change) -> None:
        self.schedule_redraw()

    def schedule_redraw(self, focus: KeyPath | None = None) -> None:
        """Redraw after the next refresh; ``focus``: then move the cursor to that path."""
        if focus is not None:
            self._focus_after_redraw = focus
        if not self._redraw_pending:
            self._redraw_pending = True
            self.call_after_refresh(self.redraw)

    def redraw_if_stale(self) -> None:
        """The screen is back on top: redraw what changed while it was covered."""
        if self._stale:
            self.schedule_redraw()

    async def redraw(self, first_screenful: int | None = None) -> None:
        """Redraw the columns whose stage changed (compared by a pickled signature).

        ``first_screenful``: draw only that many columns now and the others after
        the next paint (opening a journey: what is on screen first).
        """
        self._redraw_pending = False
        if not self.is_attached:
            return
        screen = self.screen
        if not screen.is_current and self.columns:
            # Covered (an interview typed into the journey, a form): redraw once on return.
            self._stale = True
            return
        self._stale = False
        lang = self.session.lang
        if self.document.partial and first_screenful is None:
            # A preview stays a screenful: all of it comes with the whole file.
            first_screenful = self.columns_on_screen()
        data = self.document.data
        stages = as_list(data.get("stages"))
        self._width = width = self.column_width(len(stages))
        text_width = width - COLUMN_CHROME
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
            badges = stage_evidence(cov, i, lang) if cov is not None else ("", {})
            if first_screenful is not None:
                # Opening: only what the first frame shows (the columns on screen, the
                # rows that fit in them); all of it right after that frame.
                if i < first_screenful:
                    # A row is two lines or more: half the height in rows fills a column.
                    limit = screen.size.height // 2
                    rows = build_rows(
                        stage, i, lang, personas, badges, limit=limit, width=text_width
                    )
                    column.show(rows, None)
                    column.place(i, len(stages), width)
                continue
            # The language and the width are part of the signature: either rebuilds all.
            signature = (lang, width, persona_key, badges, pickle.dumps(stage))
            if column.signature != signature:
                column.show(
                    build_rows(stage, i, lang, personas, badges, width=text_width), signature
                )
            # Every time: adding or deleting a stage renumbers the columns after it.
            column.place(i, len(stages), width)
        if first_screenful is not None and not self.document.partial:
            # The rest right after the first frame; a preview's rest comes with the
            # whole file instead (drawing it twice would hold the whole file up).
            self.schedule_redraw()
        self._place_curve()
        focus, self._focus_after_redraw = self._focus_after_redraw, None
        if focus is not None:
            self.focus_path(focus)

    def columns_on_screen(self) -> int:
        """How many stage columns the screen's width shows (the last one in part)."""
        return self.screen.size.width // self.column_width() + 1

    # ---- the cursor

    def focus_path(self, path: KeyPath) -> bool:
        """Move the cursor to the item at ``path`` (or its nearest shown ancestor)."""
        columns = self.columns
        if len(path) < 2 or path[0] != "stages" or not isinstance(path[1], int):
            return False
        index = path[1]
        if not 0 <= index < len(columns):
            if not columns:
                return False
            index = len(columns) - 1
            path = ("stages", index)
        column = columns[index]
        column.select_path(path)
        self.enter_column(column)
        return True

    def current(self) -> tuple[StageColumn, Row] | None:
        """The column the user is in and its highlighted row."""
        columns = self.columns
        if not columns:
            return None
        column = columns[min(self.column_index, len(columns) - 1)]
        row = column.current_row()
        return (column, row) if row is not None else None

    def enter_column(self, column: StageColumn) -> None:
        """Make ``column`` the current one and scroll it into view.

        The columns never take the keyboard focus: moving focus makes Textual
        rebuild the footer and restyle the screen, which cost a visible fraction
        of a second per step on a wide map. The screen owns the keys instead and
        the current column is marked with a class.
        """
        columns = self.columns
        if 0 <= self.column_index < len(columns) and columns[self.column_index] is not column:
            columns[self.column_index].set_class(False, "-current")
        self.column_index = column.index
        column.set_class(True, "-current")
        self.scroll_to_widget(column, animate=False)

    def on_click(self, event: events.Click) -> None:
        node: DOMNode | None = event.widget
        while node is not None and not isinstance(node, StageColumn):
            node = node.parent
        if isinstance(node, StageColumn):
            self.screen.set_focus(None)
            self.enter_column(node)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        if isinstance(event.option_list, StageColumn):
            event.stop()
            self.post_message(self.RowChosen())

    # ---- moving around

    def step_stage(self, delta: int) -> None:
        """To the row most like the current one in the stage ``delta`` columns away."""
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
        self.enter_column(columns[target])

    def step_item(self, delta: int) -> None:
        """To the next (``delta`` > 0) or previous row of the current stage.

        It stops at the first and last row (a bell): wrapping round to the other
        end of a long stage looked like a jump to somewhere else entirely."""
        found = self.current()
        if found is None:
            return
        column, _ = found
        here = column.highlighted
        if here is not None:
            options = column.options
            ahead = options[here + 1 :] if delta > 0 else options[:here]
            if all(option.disabled for option in ahead):
                self.app.bell()
                return
        (column.action_cursor_down if delta > 0 else column.action_cursor_up)()

    def move_in_column(self, move: ColumnMove) -> None:
        """Home, End, Page Up/Down in the current column."""
        found = self.current()
        if found is None:
            return
        column = found[0]
        if move == "first":
            column.action_first()
        elif move == "last":
            column.action_last()
        # Textual leaves OptionList's page actions unannotated.
        elif move == "page_up":
            column.action_page_up()  # type: ignore[no-untyped-call]
        else:
            column.action_page_down()  # type: ignore[no-untyped-call]
