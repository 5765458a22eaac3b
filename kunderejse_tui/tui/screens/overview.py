"""The fit-all overview of the map: every stage as a compact card on one screen.

Opened from the map with ``z``; the cards share the width (``StageOverview``),
the emotion curve runs under them at the same width per stage. Nothing is
edited here: Enter (or a double click) goes back to the map on the chosen
stage, Escape back to where the map was. Dismissed with the chosen stage's
index, or None.
"""

from __future__ import annotations

from typing import ClassVar

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll

from kunderejse_tui.journey.access import as_list
from kunderejse_tui.journey.edits import Change
from kunderejse_tui.tui.localized import Localized
from kunderejse_tui.tui.session import JourneySession
from kunderejse_tui.tui.widgets.emotion_curve import EmotionCurve, levels_for
from kunderejse_tui.tui.widgets.key_footer import KeyFooter
from kunderejse_tui.tui.widgets.stage_overview import StageOverview
from kunderejse_tui.tui.widgets.title_header import TitleHeader


class OverviewScreen(Localized[int | None]):
    """| Key | Action |
    | :- | :- |
    | right, l | next stage |
    | left, h | previous stage |
    | enter | show the stage on the map |
    | f5 | present from this stage |
    | g | show / hide the emotion curve |
    | escape, z | back to the map |
    """

    AUTO_FOCUS = None

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("right,l", "step(1)", "layout.key.next_stage", show=False),
        Binding("left,h", "step(-1)", "layout.key.prev_stage", show=False),
        Binding("enter", "choose", "layout.key.open_stage"),
        Binding("f5", "present", "layout.key.present"),
        Binding("g", "toggle_curve", "layout.key.curve", show=False),
        Binding("escape,z", "back", "layout.key.back"),
    ]

    DEFAULT_CSS = """
    OverviewScreen #overview-scroll { height: 1fr; padding: 0 1; }
    OverviewScreen #overview-curve { margin: 1 0 0 0; }
    """

    def __init__(self, session: JourneySession, stage: int = 0) -> None:
        super().__init__()
        self.session = session
        self.document = session.document
        self.stage = stage
        self.curve_shown = True
        self._unsubscribe = self.document.editor.subscribe(self._changed)

    def compose(self) -> ComposeResult:
        yield TitleHeader()
        with VerticalScroll(id="overview-scroll"):
            yield StageOverview(id="overview-cards")
            yield EmotionCurve(20, id="overview-curve")
        yield KeyFooter()

    def _changed(self, change: Change) -> None:
        self.call_after_refresh(self.refresh_texts)

    def on_unmount(self) -> None:
        self._unsubscribe()

    def on_resize(self, event: events.Resize) -> None:
        self._draw_curve()

    def refresh_texts(self) -> None:
        if not self.is_attached:
            return
        self.title = self.t("layout.overview.title", title=self.document.title)
        cards = self.query_one(StageOverview)
        cards.show(self.document.data, self.lang)
        cards.select(self.stage)
        self.stage = cards.current
        self._draw_curve()

    def _draw_curve(self) -> None:
        curve = self.query_one(EmotionCurve)
        stages = len(as_list(self.document.data.get("stages")))
        curve.display = self.curve_shown and stages > 0
        if not curve.display:
            return
        cards = self.query_one(StageOverview)
        # One row of cards: each stage's point under its card; wrapped cards: spread out.
        if cards.one_row:
            per_stage = cards.card_width
        else:
            per_stage = max((self.app.size.width - 2) // max(stages, 1), 3)
        curve.update(
            self.document.data,
            self.lang,
            column_width=per_stage,
            levels=levels_for(self._rows_for_curve(cards)),
            current=self.stage,
        )

    def _rows_for_curve(self, cards: StageOverview) -> int:
        """The rows under the cards: on a tall screen the curve takes them (a finer grid)
        rather than leaving half the projector empty; a third of the screen at least."""
        scroll = self.query_one("#overview-scroll")
        free = scroll.size.height - cards.outer_size.height - 1  # the curve's top margin
        return max(free, self.size.height // 3)

    def action_step(self, delta: int) -> None:
        cards = self.query_one(StageOverview)
        target = self.stage + delta
        if not 0 <= target < cards.stage_count:
            self.app.bell()
            return
        self.stage = target
        cards.select(target)
        self._draw_curve()

    def action_toggle_curve(self) -> None:
        self.curve_shown = not self.curve_shown
        self._draw_curve()

    def action_choose(self) -> None:
        self.dismiss(self.stage)

    def action_present(self) -> None:
        from kunderejse_tui.tui.screens.presentation import PresentationScreen

        def back(stage: int | None) -> None:
            if stage is not None:
                self.stage = stage
                self.refresh_texts()

        self.app.push_screen(PresentationScreen(self.session, stage=self.stage), back)

    def on_stage_overview_picked(self, message: StageOverview.Picked) -> None:
        self.stage = message.index
        self.query_one(StageOverview).select(message.index)
        self._draw_curve()
        if message.chosen:
            self.dismiss(self.stage)

    def action_back(self) -> None:
        self.dismiss(None)
