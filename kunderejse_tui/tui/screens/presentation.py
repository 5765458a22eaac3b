"""Presentation mode: the journey for a projector or a shared screen, one stage at a time.

Large letters for the stage's name (``widgets/big_text.py``: as large as the
terminal allows), generous spacing, no ids and no key bar; the persona(s) on
top, the emotion curve big at the bottom with the stage marked. ``o`` switches
to the fit-all overview of every stage. Nothing here edits: the screen binds
no editing key, and it reads the journey through its session, redrawing
whenever the journey changes (an edit underneath, a reload from disk).

The API, for the app (``kunderejse open --present``) and the ``serve`` viewer::

    PresentationScreen(session, stage=0, overview=False, can_leave=True)

- ``session``: the open journey's ``JourneySession`` (only ``session.document``,
  ``session.lang`` and the editor's change notices are used);
- ``stage``: the index of the stage shown first;
- ``overview``: start on the fit-all overview instead of one stage;
- ``can_leave``: False for a viewer that must never reach the editing map:
  Escape then does nothing.

The screen is dismissed with the index of the stage shown last, so the map can
put its cursor there.
"""

from __future__ import annotations

from typing import ClassVar

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import Static

from kunderejse_tui.journey.access import as_dict, as_list, text, texts
from kunderejse_tui.journey.channels import channel_label
from kunderejse_tui.journey.edits import Change
from kunderejse_tui.tui.localized import Localized
from kunderejse_tui.tui.session import JourneySession
from kunderejse_tui.tui.widgets.big_text import banner
from kunderejse_tui.tui.widgets.emotion import COLOURS, GLYPHS, emotion_value
from kunderejse_tui.tui.widgets.emotion_curve import EmotionCurve, levels_for
from kunderejse_tui.tui.widgets.journey_map import CURVE_MIN_HEIGHT
from kunderejse_tui.tui.widgets.stage_column import OPPORTUNITY_STYLE, PAIN_STYLE
from kunderejse_tui.tui.widgets.stage_overview import StageOverview

# Horizontal padding of the screen (each side), in cells.
PAD = 2


class PresentationScreen(Localized[int]):
    """| Key | Action |
    | :- | :- |
    | right, l, space, pagedown | next stage |
    | left, h, pageup | previous stage |
    | home | first stage |
    | end | last stage |
    | o, tab | switch between the stage and the overview of all stages |
    | enter | (overview) show the chosen stage |
    | g | show / hide the emotion curve |
    | escape | back to the map |
    """

    CSS_PATH = "presentation.tcss"
    AUTO_FOCUS = None

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("right,l,space,pagedown", "step(1)", "layout.key.next_stage"),
        Binding("left,h,pageup", "step(-1)", "layout.key.prev_stage"),
        Binding("home", "go('first')", "layout.key.first_stage"),
        Binding("end", "go('last')", "layout.key.last_stage"),
        Binding("o,tab", "toggle_overview", "layout.key.toggle_overview"),
        Binding("enter", "open_stage", "layout.key.open_stage"),
        Binding("g", "toggle_curve", "layout.key.curve"),
        Binding("escape", "leave", "layout.key.back"),
    ]

    def __init__(
        self,
        session: JourneySession,
        *,
        stage: int = 0,
        overview: bool = False,
        can_leave: bool = True,
    ) -> None:
        super().__init__(classes="presentation")
        self.session = session
        self.document = session.document
        self.stage = max(stage, 0)
        self.overview = overview
        self.can_leave = can_leave
        self._curve_choice: bool | None = None  # None: shown when there are rows for it
        self._redraw_pending = False
        self._unsubscribe = self.document.editor.subscribe(self._changed)

    def compose(self) -> ComposeResult:
        with Vertical(id="present-stage"):
            yield Static(id="present-top")
            yield Static(id="present-banner")
            yield Static(id="present-goal")
            with Horizontal(id="present-body"):
                with VerticalScroll(id="present-left"):
                    yield Static(id="present-questions")
                    yield Static(id="present-touchpoints")
                with VerticalScroll(id="present-right"):
                    yield Static(id="present-messaging")
        with VerticalScroll(id="present-overview"):
            yield Static(id="present-overview-top")
            yield StageOverview(id="present-cards")
        yield EmotionCurve(20, id="present-curve")
        yield Static(id="present-progress")

    # ---- keeping up with the journey

    def _changed(self, change: Change) -> None:
        if not self._redraw_pending:
            self._redraw_pending = True
            self.call_after_refresh(self._redraw)

    def _redraw(self) -> None:
        self._redraw_pending = False
        if self.is_attached:
            self.refresh_texts()

    def on_unmount(self) -> None:
        self._unsubscribe()

    def on_resize(self, event: events.Resize) -> None:
        self.refresh_texts()

    @property
    def curve_shown(self) -> bool:
        if self._curve_choice is not None:
            return self._curve_choice
        return self.app.size.height >= CURVE_MIN_HEIGHT

    @property
    def stages(self) -> list[object]:
        return as_list(self.document.data.get("stages"))

    # ---- drawing

    def refresh_texts(self) -> None:
        stages = self.stages
        if stages:
            self.stage = min(self.stage, len(stages) - 1)
        self.query_one("#present-stage").display = not self.overview
        self.query_one("#present-overview").display = self.overview
        if self.overview:
            self._draw_overview()
        else:
            self._draw_stage()
        self._draw_curve()
        self._draw_progress()

    def _people(self) -> Content:
        """The journey's title and its persona(s): who the room is looking at.

        Each persona with its summary when all of them fit one line, else the names.
        """
        data = self.document.data
        personas = [as_dict(p) for p in as_list(data.get("personas"))]
        title = Content.styled(self.document.title, "bold $text-accent")
        mark = self.title_mark()
        if mark:
            title = title + Content.styled(f"  ·  {mark}", "dim")
        if not personas:
            return title
        names = [text(p.get("name")) or text(p.get("id")) for p in personas]
        label = self.t("layout.present.persona" if len(names) == 1 else "layout.present.personas")
        width = max(self.app.size.width - 2 * PAD, 10)
        long = [
            Content.assemble((n, "bold"), (f" – {text(p.get('summary'))}", "italic"))
            if text(p.get("summary"))
            else Content.styled(n, "bold")
            for n, p in zip(names, personas, strict=True)
        ]
        line = Content.styled(label + " ", "dim") + Content("  ·  ").join(long)
        if line.cell_length > width:
            short = [Content.styled(n, "bold") for n in names]
            line = Content.styled(label + " ", "dim") + Content("  ·  ").join(short)
        return Content("\n").join([title, line])

    def title_mark(self) -> str:
        """A word after the journey's title (the served viewer's "following live")."""
        return ""

    def _draw_stage(self) -> None:
        stages = self.stages
        top = self.query_one("#present-top", Static)
        if not stages:
            top.update(self._people())
            self.query_one("#present-banner", Static).update(
                Content.styled(self.t("layout.present.no_stages"), "bold")
            )
            for part in ("goal", "questions", "touchpoints", "messaging"):
                self.query_one(f"#present-{part}", Static).update("")
            return
        stage = as_dict(stages[self.stage])
        top.update(self._people())
        width = max(self.app.size.width - 2 * PAD, 10)
        name = text(stage.get("name")) or self.t("map.unnamed")
        # A fifth of the rows: the stage's content is what the room discusses.
        height = max(self.app.size.height // 5, 3)
        heading = Content.styled(
            self.t("layout.present.stage_of", i=self.stage + 1, n=len(stages)), "dim"
        )
        duration = text(stage.get("duration"))
        if duration:
            heading = heading + Content.styled(f"  ·  {duration}", "dim")
        self.query_one("#present-banner", Static).update(
            Content("\n").join([heading, banner(name, width, height, "bold $accent")])
        )
        goal = text(stage.get("customer_goal"))
        self.query_one("#present-goal", Static).update(
            Content.assemble((self.t("layout.present.goal") + ": ", "bold"), goal) if goal else ""
        )
        self.query_one("#present-questions", Static).update(self._questions(stage))
        self.query_one("#present-touchpoints", Static).update(self._touchpoints(stage))
        self.query_one("#present-messaging", Static).update(self._messaging(stage))

    def _heading(self, key: str) -> Content:
        return Content.styled(self.t(key).upper(), "bold $text-accent")

    def _nothing(self) -> Content:
        return Content.styled(self.t("layout.present.nothing"), "dim")

    def _questions(self, stage: dict[str, object]) -> Content:
        lines = [self._heading("layout.present.questions")]
        questions = as_list(stage.get("customer_questions"))
        for q in questions:
            words = text(as_dict(q).get("text")) if isinstance(q, dict) else text(q)
            lines.append(Content.assemble(("“", "dim"), words, ("”", "dim")))
        if not questions:
            lines.append(self._nothing())
        return Content("\n").join(lines) + "\n"

    def _touchpoints(self, stage: dict[str, object]) -> Content:
        blocks = [self._heading("layout.present.touchpoints")]
        touchpoints = [as_dict(tp) for tp in as_list(stage.get("touchpoints"))]
        for tp in touchpoints:
            score = emotion_value(tp.get("emotion"))
            face = (
                Content.styled(f"{score} {GLYPHS[score]}".ljust(5), f"bold {COLOURS[score]}")
                if score is not None
                else Content("     ")
            )
            name = text(tp.get("name")) or self.t("map.unnamed")
            block = face + Content.styled(name, "bold")
            channel = text(tp.get("channel"))
            if channel:
                block = block + Content.styled(f"  ·  {channel_label(channel, self.lang)}", "dim")
            for key, mark, style in (
                ("pains", "−", PAIN_STYLE),
                ("opportunities", "+", OPPORTUNITY_STYLE),
            ):
                for item in texts(tp.get(key)):
                    block = block + "\n" + Content.styled(f"     {mark} ", f"bold {style}") + item
            blocks.append(block)
        if not touchpoints:
            blocks.append(self._nothing())
        # A blank line between touchpoints: read from the back of the room.
        return Content("\n\n").join(blocks)

    def _messaging(self, stage: dict[str, object]) -> Content:
        messaging = as_dict(stage.get("messaging"))
        lines = [self._heading("layout.present.messaging")]
        messages = texts(messaging.get("key_messages"))
        lines.extend(Content.assemble(("• ", "bold"), m) for m in messages)
        if not messages:
            lines.append(self._nothing())
        cta = text(messaging.get("call_to_action"))
        if cta:
            lines += [
                Content(""),
                self._heading("layout.present.cta"),
                Content.styled(f"→ {cta}", "bold"),
            ]
        return Content("\n").join(lines)

    def _draw_overview(self) -> None:
        top = self.query_one("#present-overview-top", Static)
        top.update(self._people())
        cards = self.query_one(StageOverview)
        cards.show(self.document.data, self.lang)
        cards.select(self.stage)

    def _draw_curve(self) -> None:
        curve = self.query_one(EmotionCurve)
        stages = len(self.stages)
        curve.display = self.curve_shown and stages > 0
        if not curve.display:
            return
        width = max(self.app.size.width - 2 * PAD, 40)
        # Under the overview's cards the curve gets half the rows: it is the story there.
        rows = self.app.size.height // 2 if self.overview else self.app.size.height // 4
        cards = self.query_one(StageOverview)
        per_stage = max(width // max(stages, 1), 3)
        if self.overview and cards.one_row:
            per_stage = cards.card_width  # each stage's point under its card
        curve.update(
            self.document.data,
            self.lang,
            column_width=per_stage,
            levels=levels_for(rows),
            current=self.stage,
        )

    def _draw_progress(self) -> None:
        """A dot per stage, the current one filled and named: where we are in the journey."""
        stages = self.stages
        dots = Content(" ").join(
            Content.styled("●", "bold $accent") if i == self.stage else Content.styled("○", "dim")
            for i in range(len(stages))
        )
        self.query_one("#present-progress", Static).update(dots)

    # ---- keys

    def action_step(self, delta: int) -> None:
        target = self.stage + delta
        if not 0 <= target < len(self.stages):
            self.app.bell()
            return
        self.stage = target
        self.refresh_texts()

    def action_go(self, where: str) -> None:
        self.stage = 0 if where == "first" else max(len(self.stages) - 1, 0)
        self.refresh_texts()

    def action_toggle_overview(self) -> None:
        self.overview = not self.overview
        self.refresh_texts()

    def action_open_stage(self) -> None:
        if self.overview:
            self.overview = False
            self.refresh_texts()

    def action_toggle_curve(self) -> None:
        self._curve_choice = not self.curve_shown
        self.refresh_texts()

    def on_stage_overview_picked(self, message: StageOverview.Picked) -> None:
        self.stage = message.index
        if message.chosen:
            self.overview = False
        self.refresh_texts()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "leave":
            return self.can_leave
        if action == "open_stage":
            return self.overview
        return True

    def action_leave(self) -> None:
        if self.can_leave:
            self.dismiss(self.stage)
