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


def _row(value: float) -> int:
    """Grid row of an average: row 0 is emotion 5, row LEVELS-1 is emotion 1."""
    # Half up (3.5 -> 4), not Python's round-half-to-even, so equal averages land alike.
    return LEVELS - math.floor(min(max(value, 1), LEVELS) + 0.5)


def draw(series: list[Series], column_width: int, lang: str) -> Content:
    stages = len(series[0].values) if series else 0
    width = max(stages * column_width, 40)
    cells: list[list[tuple[str, str]]] = [[(" ", "")] * width for _ in range(LEVELS)]
    neutral = LEVELS // 2
    for x in range(width):
        cells[neutral][x] = ("┈", "dim")
    for y, label in ((0, "5 ☺☺"), (neutral, "3"), (LEVELS - 1, "1 ☹☹")):
        for k, ch in enumerate(label):
            cells[y][k] = (ch, "dim")
    # Lines before points, personas before everyone: the overall line stays on top, and
    # each persona's points sit a cell further right, so equal averages stay visible.
    drawn = [
        (
            s,
            [
                (i * column_width + column_width // 2 + n, _row(v))
                for i, v in enumerate(s.values)
                if v is not None
            ],
        )
        for n, s in reversed(list(enumerate(series)))
    ]
    for s, points in drawn:
        for (x0, y0), (x1, y1) in itertools.pairwise(points):
            for x in range(x0 + 1, x1):
                y = round(y0 + (y1 - y0) * (x - x0) / (x1 - x0))
                cells[y][x] = ("─" if y0 == y1 else "·", s.style)
    for s, points in drawn:
        for x, y in points:
            if x < width:
                cells[y][x] = (s.glyph, s.style)
    lines = [_join(row) for row in cells]
    for s in series:
        row = [(" ", "")] * width
        for k, ch in enumerate(f"{s.glyph} {s.label}"[: column_width // 2 - 3]):
            row[k] = (ch, s.style)
        for i, v in enumerate(s.values):
            label = f"{v:.1f}" if v is not None else "–"
            start = i * column_width + column_width // 2 - len(label) // 2
            for k, ch in enumerate(label):
                if 0 <= start + k < width:
                    row[start + k] = (ch, s.style)
        lines.append(_join(row))
    title = Content.styled(tr(lang, "curve.title"), "bold")
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
        self._content = Content("")

    def update(self, journey: object, lang: str) -> None:
        series = curve_series(journey, lang)
        self._content = draw(series, self.column_width, lang)
        stages = len(series[0].values) if series else 0
        # An explicit size: inside the map's horizontal scroll, "auto" would wrap at the viewport.
        self.styles.width = max(stages * self.column_width, 40)
        self.styles.height = 1 + LEVELS + len(series)
        self.refresh(layout=True)

    def render(self) -> Content:
        return self._content
