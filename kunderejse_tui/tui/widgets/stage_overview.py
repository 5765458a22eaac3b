"""The fit-all overview: every stage as a compact card, all of them on one screen.

A card holds what reads from across a room: the stage's number and name, the
average emotion of its touchpoints (number and face), its evidence badge and how
many touchpoints it has. The cards share the width there is; when it is too
narrow for one row of cards, they wrap into as many rows as needed.
"""

from __future__ import annotations

import math
import textwrap
from dataclasses import dataclass
from typing import NamedTuple

from textual import events
from textual.app import ComposeResult
from textual.containers import Container
from textual.content import Content
from textual.message import Message
from textual.widgets import Static

from kunderejse_tui.journey.access import as_dict, as_list, text
from kunderejse_tui.tui.i18n import tr
from kunderejse_tui.tui.widgets.badge import badge_content
from kunderejse_tui.tui.widgets.emotion import COLOURS, GLYPHS, emotion_value

# A card narrower than this cannot show a face and a short name side by side.
MIN_CARD_WIDTH = 14
# A card's border and padding, left and right together.
CARD_CHROME = 4


class StageSummary(NamedTuple):
    """One stage as the overview and presentation mode show it."""

    stage: int
    name: str
    emotion: float | None
    badge: str
    touchpoints: int


def stage_summaries(journey: object, lang: str) -> list[StageSummary]:
    """A summary per stage: the average emotion of its touchpoints, its evidence badge."""
    data = as_dict(journey)
    stages = as_list(data.get("stages"))
    cov = None
    if as_list(data.get("interviews")):
        from kunderejse_tui.journey.evidence import coverage

        cov = coverage(data)
    out = []
    for i, stage in enumerate(stages):
        s = as_dict(stage)
        tps = as_list(s.get("touchpoints"))
        scores = [
            v for v in (emotion_value(as_dict(tp).get("emotion")) for tp in tps) if v is not None
        ]
        badge = ""
        if cov is not None:
            from kunderejse_tui.tui.widgets.evidence import stage_evidence

            badge = stage_evidence(cov, i, lang)[0]
        name = text(s.get("name")) or tr(lang, "map.unnamed")
        average = sum(scores) / len(scores) if scores else None
        out.append(StageSummary(i, name, average, badge, len(tps)))
    return out


def emotion_face(value: float | None, lang: str) -> Content:
    """``3.7 ☺`` in the score's colour; a dim dash when no touchpoint has an emotion."""
    if value is None:
        return Content.styled("–", "dim")
    score = min(max(math.floor(value + 0.5), 1), 5)
    return Content.styled(f"{value:.1f} {GLYPHS[score]}", f"bold {COLOURS[score]}")


def wrap_name(name: str, width: int) -> list[str]:
    """``name`` in lines of ``width``; a word longer than that is hyphenated
    ("Behovsidenti-" / "fikation"), as the picture export does with Danish compounds."""
    width = max(width, 4)
    lines: list[str] = []
    for line in textwrap.wrap(name, width, break_long_words=False) or [""]:
        while len(line) > width:
            lines.append(line[: width - 1] + "-")
            line = line[width - 1 :]
        lines.append(line)
    return lines


def card_content(summary: StageSummary, total: int, lang: str, width: int = 40) -> Content:
    """A card's lines: number, name (wrapped to ``width``), emotion face, evidence badge."""
    parts = [
        Content.styled(f"{summary.stage + 1}/{total}", "dim"),
        *(Content.styled(line, "bold") for line in wrap_name(summary.name, width)),
        emotion_face(summary.emotion, lang),
    ]
    if summary.badge:
        parts.append(badge_content(summary.badge, lang))
    return Content("\n").join(parts)


def grid_columns(width: int, stages: int, min_width: int = MIN_CARD_WIDTH) -> int:
    """How many cards side by side: all of them when each gets ``min_width``."""
    if stages <= 0:
        return 1
    return max(1, min(stages, width // min_width))


class StageCard(Static):
    """One stage's card; a click picks it."""

    def __init__(self, index: int) -> None:
        super().__init__(id=f"overview-card-{index}", classes="overview-card")
        self.index = index

    def on_click(self, event: events.Click) -> None:
        event.stop()
        self.post_message(StageOverview.Picked(self.index, chosen=event.chain >= 2))


class StageOverview(Container):
    """All stages as cards in a grid that fits the width; ``current`` is marked."""

    DEFAULT_CSS = """
    StageOverview {
        layout: grid;
        grid-gutter: 0 0;
        grid-rows: auto;
        height: auto;
    }
    StageOverview .overview-card {
        height: auto;
        min-height: 6;
        border: round $border-blurred;
        padding: 0 1;
        background: $surface;
    }
    StageOverview .overview-card.-current {
        border: heavy $accent;
    }
    """

    @dataclass
    class Picked(Message):
        """A card was clicked (``chosen``: double-clicked, to open it)."""

        index: int
        chosen: bool

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.current = 0
        self._card_width = 0
        self._summaries: list[StageSummary] = []
        self._lang = "da"

    def show(self, journey: object, lang: str) -> None:
        """Redraw the cards from ``journey`` (adds and removes cards as stages come and go)."""
        self._summaries = stage_summaries(journey, lang)
        self._lang = lang
        self.current = min(self.current, max(len(self._summaries) - 1, 0))
        self.recompose_cards()

    def recompose_cards(self) -> None:
        if not self.is_attached:
            return
        cards = list(self.query_children(StageCard))
        wanted = len(self._summaries)
        if len(cards) > wanted:
            for card in cards[wanted:]:
                card.remove()
            cards = cards[:wanted]
        elif len(cards) < wanted:
            new = [StageCard(i) for i in range(len(cards), wanted)]
            self.mount_all(new)
            cards += new
        inner = self._fit() - CARD_CHROME
        contents = [card_content(s, wanted, self._lang, inner) for s in self._summaries]
        # Every card as tall as the tallest: a row of cards reads as one band.
        tallest = max((c.plain.count("\n") for c in contents), default=0)
        for card, summary, content in zip(cards, self._summaries, contents, strict=True):
            card.update(content + "\n" * (tallest - content.plain.count("\n")))
            card.set_class(summary.stage == self.current, "-current")

    def compose(self) -> ComposeResult:
        yield from ()

    def on_resize(self, event: events.Resize) -> None:
        if self.card_width != self._card_width:
            self.recompose_cards()

    @property
    def card_width(self) -> int:
        """The width of one card: the overview's width shared by the cards in a row."""
        width = self.size.width or self.app.size.width
        return max(width // grid_columns(width, len(self._summaries)), MIN_CARD_WIDTH)

    @property
    def one_row(self) -> bool:
        width = self.size.width or self.app.size.width
        return grid_columns(width, len(self._summaries)) >= len(self._summaries)

    def _fit(self) -> int:
        """Lay the grid out for the current width; returns the width of a card."""
        width = self.size.width or self.app.size.width
        self.styles.grid_size_columns = grid_columns(width, len(self._summaries))
        # Equal widths (not fractions): a stage's point on the curve sits under its card.
        self._card_width = self.card_width
        self.styles.grid_columns = str(self._card_width)
        return self._card_width

    def select(self, index: int) -> None:
        """Mark the card of stage ``index`` (clamped to the stages there are)."""
        if not self._summaries:
            return
        self.current = min(max(index, 0), len(self._summaries) - 1)
        for card in self.query_children(StageCard):
            card.set_class(card.index == self.current, "-current")
            if card.index == self.current:
                self.call_after_refresh(card.scroll_visible, animate=False)

    @property
    def stage_count(self) -> int:
        return len(self._summaries)
