"""The emotion curve under the map: the average emotion per stage, drawn in text.

One line for all touchpoints, plus one per persona when touchpoints name
personas (a touchpoint without ``personas`` counts for everyone). Each stage's
point sits under the middle of its column, so the curve scrolls with the map.
Series differ by glyph as well as colour, and the averages are printed as
numbers, so the curve reads without colour too.
"""

from __future__ import annotations

import itertools
import math
from typing import Any, NamedTuple

from textual.content import Content
from textual.widget import Widget

from kunderejse_tui.journey.access import as_dict, as_list, text, texts
from kunderejse_tui.tui.i18n import tr
from kunderejse_tui.tui.widgets.emotion import emotion_value

LEVELS = 5
SERIES_STYLES = [("●", "bold $accent"), ("■", "#d08770"), ("▲", "#88c0d0"), ("◆", "#b48ead")]
SERIES_STYLES += [("✚", "#ebcb8b"), ("★", "#a3be8c")]


class Series(NamedTuple):
    label: str
    glyph: str
    style: str
    values: list[float | None]


def _average(scores: list[int]) -> float | None:
    return sum(scores) / len(scores) if scores else None


def curve_series(journey: object, lang: str) -> list[Series]:
    """The series to draw: everyone first, then one per persona that touchpoints name."""
    stages = as_list(as_dict(journey).get("stages"))
    per_stage: list[list[tuple[int, list[str]]]] = []
    named: set[str] = set()
    for stage in stages:
        scored = []
        for tp in as_list(as_dict(stage).get("touchpoints")):
            score = emotion_value(as_dict(tp).get("emotion"))
            if score is not None:
                who = texts(as_dict(tp).get("personas"))
                named.update(who)
                scored.append((score, who))
        per_stage.append(scored)
    glyph, style = SERIES_STYLES[0]
    series = [
        Series(
            tr(lang, "curve.everyone"),
            glyph,
            style,
            [_average([s for s, _ in scored]) for scored in per_stage],
        )
    ]
    if not named:
        return series
    personas = [as_dict(p) for p in as_list(as_dict(journey).get("personas"))]
    order = [text(p.get("id")) for p in personas if text(p.get("id"))]
    order += sorted(named - set(order))
    names = {text(p.get("id")): text(p.get("name")) for p in personas}
    for n, pid in enumerate(order):
        glyph, style = SERIES_STYLES[1 + n % (len(SERIES_STYLES) - 1)]
        values = [
            _average([s for s, who in scored if not who or pid in who]) for scored in per_stage
        ]
        series.append(Series(names.get(pid) or pid, glyph, style, values))
    return series


def level_row(value: float, levels: int = LEVELS) -> int:
    """Grid row of an average on a grid ``levels`` rows tall: row 0 is emotion 5.

    Five rows give one row per score; nine give half steps, and so on.
    """
    steps = (levels - 1) / 4
    # Half up (3.5 -> 4), not Python's round-half-to-even, so equal averages land alike.
    return levels - 1 - math.floor((min(max(value, 1), 5) - 1) * steps + 0.5)


def levels_for(rows: int) -> int:
    """The tallest grid (5, 9, 13 or 17 rows: a row per score, half, third or quarter
    step) whose curve, title and legend fit ``rows`` text rows, series included."""
    for levels in (17, 13, 9):
        if rows >= levels + 6:
            return levels
    return LEVELS


def draw(
    series: list[Series],
    column_width: int,
    lang: str,
    levels: int = LEVELS,
    current: int | None = None,
) -> Content:
    """The curve, stage ``i`` centred under ``i * column_width``; ``current`` marked."""
    stages = len(series[0].values) if series else 0
    width = max(stages * column_width, 40)
    cells: list[list[tuple[str, str]]] = [[(" ", "")] * width for _ in range(levels)]
    neutral = level_row(3, levels)
    for x in range(width):
        cells[neutral][x] = ("┈", "dim")
    labels = {1: "1 ☹☹", 2: "2", 3: "3", 4: "4", 5: "5 ☺☺"}
    for score, label in labels.items():
        if score in (2, 4) and levels == LEVELS:
            continue  # five rows: the ends and the middle are enough
        y = level_row(score, levels)
        for k, ch in enumerate(label):
            cells[y][k] = (ch, "dim")
    # Lines before points, personas before everyone: the overall line stays on top, and
    # each persona's points sit a cell further right, so equal averages stay visible.
    spread = 1 if column_width >= 8 else 0
    drawn = [
        (
            s,
            [
                (i * column_width + column_width // 2 + n * spread, level_row(v, levels))
                for i, v in enumerate(s.values)
                if v is not None
            ],
        )
        for n, s in reversed(list(enumerate(series)))
    ]
    for s, points in drawn:
        for (x0, y0), (x1, y1) in itertools.pairwise(points):
            for x in range(x0 + 1, min(x1, width)):
                y = round(y0 + (y1 - y0) * (x - x0) / (x1 - x0))
                cells[y][x] = ("─" if y0 == y1 else "·", s.style)
    for s, points in drawn:
        for x, y in points:
            if x < width:
                cells[y][x] = (s.glyph, s.style)
    lines = [_join(row) for row in cells]
    for s in series:
        row = [(" ", "")] * width
        row[0] = (s.glyph, s.style)
        for i, v in enumerate(s.values):
            label = f"{v:.1f}" if v is not None else "–"
            if len(label) >= column_width:
                continue  # too narrow for numbers: the curve alone
            start = i * column_width + column_width // 2 - len(label) // 2
            style = f"{s.style} reverse" if i == current else s.style
            for k, ch in enumerate(label):
                if 1 < start + k < width:
                    row[start + k] = (ch, style)
        lines.append(_join(row))
    legend = [Content.styled(f"{s.glyph} {s.label}", s.style) for s in series]
    title = Content.assemble((tr(lang, "curve.title"), "bold"), "   ", Content("  ").join(legend))
    return Content("\n").join([title, *lines])


def _join(cells: list[tuple[str, str]]) -> Content:
    parts: list[tuple[str, str]] = []
    for ch, style in cells:
        if parts and parts[-1][1] == style:
            parts[-1] = (parts[-1][0] + ch, style)
        else:
            parts.append((ch, style))
    return Content.assemble(*parts)


class EmotionCurve(Widget):
    """Redrawn from the journey with ``update``; one renderable, no child widgets."""

    DEFAULT_CSS = """
    EmotionCurve { height: auto; width: auto; }
    """

    def __init__(self, column_width: int, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.column_width = column_width
        self.levels = LEVELS
        self.current: int | None = None
        self._content = Content("")

    def update(
        self,
        journey: object,
        lang: str,
        *,
        column_width: int | None = None,
        levels: int | None = None,
        current: int | None = None,
    ) -> None:
        """Redraw; the keyword arguments change the stage width, the rows and the mark."""
        if column_width is not None:
            self.column_width = column_width
        if levels is not None:
            self.levels = levels
        self.current = current
        series = curve_series(journey, lang)
        self._content = draw(series, self.column_width, lang, self.levels, current)
        stages = len(series[0].values) if series else 0
        # An explicit size: inside the map's horizontal scroll, "auto" would wrap at the viewport.
        self.styles.width = max(stages * self.column_width, 40)
        self.styles.height = 1 + self.levels + len(series)
        self.refresh(layout=True)

    def render(self) -> Content:
        return self._content
