"""The journey map laid out: a journey in, pages of positioned shapes out.

Everything that decides where something goes is here, so the SVG, PNG and PDF
agree. Text is measured with the bundled font's real advance widths
(``fonts.measure``) and wrapped inside its cell; a cell with more than fits shows
what fits, then "…" and "+N more". Names (stages, touchpoints, personas) are
never cut: the touchpoint lane gets the height its names need before the lanes
that may be cut share the rest, and when the columns are too narrow for that the
stages are split over more pages (``Options.notice`` is told). Only a stage with
more touchpoints than a whole page holds is summarised: "+N", and the page says so.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kunderejse_tui.journey import access
from kunderejse_tui.journey.access import as_dict, text, texts
from kunderejse_tui.journey.export.labels import emotion_value, label, value_label
from kunderejse_tui.journey.export.picture.fonts import ASCENT, measure
from kunderejse_tui.journey.export.picture.icons import INK, KINDS, face, kind_marker
from kunderejse_tui.journey.export.picture.shapes import Cell, Circle, Line, Page, Rect, Style, Text
from kunderejse_tui.journey.export.picture.text import clean, ellipsize, wrap
from kunderejse_tui.journey.export.select import (
    check_persona,
    evidence,
    export_lang,
    meets,
    persona_name,
    stage_name,
    touchpoint_name,
    visible_personas,
    visible_questions,
    visible_touchpoints,
)
from kunderejse_tui.journey.i18n.numbers import decimal

if TYPE_CHECKING:
    from collections.abc import Callable
    from typing import Any

    from kunderejse_tui.journey.export.picture.shapes import Shape

    # A row of a cell: its height and how to draw it with its top-left corner at (x, y).
    Row = tuple[float, Callable[[float, float], list[Shape]]]

# Landscape paper in points.
PAPERS = {"a4": (841.89, 595.28), "a3": (1190.55, 841.89), "a2": (1683.78, 1190.55)}
LANES = (
    "questions",
    "touchpoints",
    "emotion",
    "pains",
    "opportunities",
    "messaging",
    "evidence",
    "kpis",
)
LANE_LABELS = {
    "questions": "customer_questions",
    "touchpoints": "touchpoints",
    "emotion": "emotion_curve",
    "pains": "pains",
    "opportunities": "opportunities",
    "messaging": "messaging",
    "evidence": "evidence",
    "kpis": "kpis",
}
TONES = ("inspire", "inform", "persuade", "sell")
# Heights are sums of floats: a block that fits to the last 1e-6 pt fits.
EPS = 1e-6

GREY = "#5c5c5c"
RULE = "#b8b8b8"
HEAD_FILL = "#eef2f6"
LABEL_FILL = "#f6f6f6"
PERSONA_COLOURS = ("#1f5fa8", "#b03a2e", "#2e7d32", "#7b3fa0", "#b8860b", "#00838f")
PERSONA_DASHES: tuple[tuple[float, float] | None, ...] = (
    None,
    (5, 2),
    (1.5, 1.5),
    (
        7,
        2,
    ),
    (3, 3),
    (9, 3),
)
AVERAGE_COLOUR = "#1a1a1a"
COMPARE_COLOUR = "#8a8a8a"


class UnknownLaneError(ValueError):
    def __init__(self, lane: str) -> None:
        self.lane = lane
        super().__init__(f"unknown lane {lane!r} (lanes: {', '.join(LANES)})")


class Options:
    """What the caller chose; the defaults are the CLI's."""

    __slots__ = (
        "anonymise",
        "compare",
        "include_unconsented",
        "lanes",
        "lang",
        "notice",
        "paper",
        "persona",
        "source",
        "split",
    )

    def __init__(
        self,
        *,
        lang: str | None = None,
        persona: str | None = None,
        include_unconsented: bool = False,
        anonymise: bool = False,
        paper: str = "a3",
        split: bool = False,
        lanes: list[str] | None = None,
        compare: Any = None,
        source: str = "",
        notice: Callable[[str], None] | None = None,
    ) -> None:
        self.lang = lang
        self.persona = persona
        self.include_unconsented = include_unconsented
        self.anonymise = anonymise
        self.paper = paper
        self.split = split
        self.lanes = lanes
        self.compare = compare  # another journey (data), drawn dashed on the curve
        self.source = source  # the file name shown in the footer
        # Told, in English, when the map is split over pages the caller did not ask
        # for (the CLI prints it on stderr).
        self.notice = notice


class Sizes:
    """Font sizes and spacing, scaled with the paper (A3 is 1)."""

    def __init__(self, scale: float) -> None:
        s = scale
        self.margin = 22 * s
        self.label_w = 70 * s
        self.pad = 4 * s
        self.title = 17 * s
        self.body = 6.8 * s
        self.small = 6 * s
        self.name = 8.6 * s
        self.lane_label = 7.4 * s
        self.lead = 1.28  # line height / font size
        self.emotion_h = 104 * s
        self.min_col = 80 * s
        self.comfy_col = 170 * s
        self.icon_w = 19 * s


# ---------------------------------------------------------------------------
# Rows of text


def text_rows(
    value: str,
    width: float,
    size: float,
    *,
    bold: bool = False,
    fill: str = "#1a1a1a",
    indent: float = 0.0,
    first: Callable[[float, float], list[Shape]] | None = None,
) -> list[Row]:
    """Wrapped lines as rows; ``first`` draws something at the first row's start (a
    bullet, a face) in the ``indent`` it leaves."""
    line_h = size * 1.28
    rows: list[Row] = []
    for n, line in enumerate(wrap(value, width - indent, size, bold)):

        def draw(x: float, y: float, line: str = line, n: int = n) -> list[Shape]:
            out: list[Shape] = []
            if n == 0 and first is not None:
                out += first(x, y)
            out.append(Text(x + indent, y + size * ASCENT * 0.92, line, size, bold=bold, fill=fill))
            return out

        rows.append((line_h, draw))
    return rows


def bullet(size: float) -> Callable[[float, float], list[Shape]]:
    def draw(x: float, y: float) -> list[Shape]:
        return [Circle(x + size * 0.3, y + size * 0.68, size * 0.16, Style(fill=GREY))]

    return draw


class Block:
    """One item of a cell: rows that are shown together; ``whole`` ones (names) are
    never shown in part."""

    __slots__ = ("rows", "whole")

    def __init__(self, rows: list[Row], whole: bool) -> None:
        self.rows = rows
        self.whole = whole

    @property
    def height(self) -> float:
        return sum(h for h, _ in self.rows)


def stack_height(blocks: list[Block], gap: float) -> float:
    return sum(b.height for b in blocks) + gap * max(len(blocks) - 1, 0)


class Filled:
    """What ``fill_cell`` drew, and how many items it left out."""

    __slots__ = ("cut", "left_out")

    def __init__(self, left_out: int, cut: bool) -> None:
        self.left_out = left_out
        self.cut = cut


def fill_cell(
    cell: Cell, blocks: list[Block], sz: Sizes, lang: str, gap: float | None = None
) -> Filled:
    """Draw blocks top to bottom inside ``cell``; what does not fit becomes "+N"."""
    gap = sz.pad * 0.6 if gap is None else gap
    inner_w = cell.w - 2 * sz.pad
    bottom = cell.y + cell.h - sz.pad
    more_h = sz.small * 1.28
    y = cell.y + sz.pad
    shown = 0
    cut = False
    for i, block in enumerate(blocks):
        last = i == len(blocks) - 1
        room = bottom - y - (0 if last else more_h)
        if block.height <= room + EPS:
            for h, draw in block.rows:
                cell.items += draw(cell.x + sz.pad, y)
                y += h
            y += gap
            shown += 1
            continue
        if not block.whole:
            rows = []
            used = 0.0
            room = bottom - y - more_h  # the "+N" line, or nothing when none is left
            for h, draw in block.rows:
                if used + h > room + EPS:
                    break
                rows.append((h, draw))
                used += h
            if rows:
                cut = True
                for n, (h, draw) in enumerate(rows):
                    drawn = draw(cell.x + sz.pad, y)
                    if n == len(rows) - 1:
                        for shape in drawn:
                            if isinstance(shape, Text):
                                room_w = cell.x + cell.w - sz.pad - shape.x
                                shape.text = ellipsize(
                                    shape.text + "…", room_w, shape.size, shape.bold
                                )
                    cell.items += drawn
                    y += h
                shown += 1
        break
    left = len(blocks) - shown
    if left:
        more = label("more", lang, n=left)
        cell.items.append(
            Text(
                cell.x + sz.pad,
                min(y, bottom - more_h) + sz.small * ASCENT * 0.92,
                ellipsize(more, inner_w, sz.small, True),
                sz.small,
                bold=True,
                fill=GREY,
            )
        )
    return Filled(left, cut)


# ---------------------------------------------------------------------------
# The content of each lane, per stage


class StageView:
    """What one stage shows, read once."""

    def __init__(
        self, journey: Any, index: int, stage: dict[str, Any], opt: Options, lang: str
    ) -> None:
        self.index = index
        self.id = text(stage.get("id"))
        self.name = clean(stage_name(stage, index, lang))
        self.goal = clean(text(stage.get("customer_goal")))
        self.duration = clean(text(stage.get("duration")))
        self.questions = [clean(text(q.get("text"))) for q in visible_questions(stage, opt.persona)]
        self.questions = [q for q in self.questions if q]
        self.touchpoints = visible_touchpoints(stage, opt.persona)
        self.pains: list[str] = []
        self.opportunities: list[str] = []
        for tp in self.touchpoints:
            for item in texts(tp.get("pains")):
                if (c := clean(item)) and c not in self.pains:
                    self.pains.append(c)
            for item in texts(tp.get("opportunities")):
                if (c := clean(item)) and c not in self.opportunities:
                    self.opportunities.append(c)
        messaging = as_dict(stage.get("messaging"))
        self.tone = text(messaging.get("tone"))
        self.key_messages = [c for m in texts(messaging.get("key_messages")) if (c := clean(m))]
        self.cta = clean(text(messaging.get("call_to_action")))
        self.kpis = [c for k in texts(stage.get("kpis")) if (c := clean(k))]

    def has(self, lane: str) -> bool:
        if lane == "questions":
            return bool(self.questions)
        if lane in ("touchpoints", "emotion", "evidence"):
            return bool(self.touchpoints)
        if lane == "pains":
            return bool(self.pains)
        if lane == "opportunities":
            return bool(self.opportunities)
        if lane == "messaging":
            return bool(self.tone in TONES or self.key_messages or self.cta)
        if lane == "kpis":
            return bool(self.kpis)
        return False


def scores(touchpoints: list[dict[str, Any]], persona: str | None) -> float | None:
    values = [
        v
        for tp in touchpoints
        if meets(tp, persona) and (v := emotion_value(tp.get("emotion"))) is not None
    ]
    return sum(values) / len(values) if values else None


class Builder:
    def __init__(self, journey: Any, opt: Options) -> None:
        check_persona(journey, opt.persona)
        self.journey = journey
        self.opt = opt
        self.lang = export_lang(journey, opt.lang)
        width, height = PAPERS.get(opt.paper, PAPERS["a3"])
        self.width, self.height = width, height
        self.sz = Sizes(min(max(width / PAPERS["a3"][0], 0.82), 1.42))
        self.stages = [
            StageView(journey, i, s, opt, self.lang) for i, s in enumerate(access.stages(journey))
        ]
        self.personas = visible_personas(journey, opt.persona)
        ev = evidence(
            journey,
            lang=self.lang,
            persona=opt.persona,
            include_unconsented=opt.include_unconsented,
            anonymise=opt.anonymise,
        )
        self.stage_answers = {i: len(q) for i, q in ev.by_stage.items()}
        self.tp_answers: dict[int, dict[str, int]] = {}
        for i, quotes in ev.by_stage.items():
            counts = self.tp_answers.setdefault(i, {})
            for quote in quotes:
                for name in set(quote.touchpoints):
                    counts[name] = counts.get(name, 0) + 1
        wanted = list(LANES) if opt.lanes is None else opt.lanes
        for lane in wanted:
            if lane not in LANES:
                raise UnknownLaneError(lane)
        self.lanes = [
            lane for lane in LANES if lane in wanted and any(s.has(lane) for s in self.stages)
        ]
        self.compare_by_id: dict[str, float] = {}
        self.compare_state = ""
        if opt.compare is not None:
            for i, stage in enumerate(access.stages(opt.compare)):
                score = scores(visible_touchpoints(stage, opt.persona), opt.persona)
                sid = text(stage.get("id")) or str(i)
                if score is not None and sid not in self.compare_by_id:
                    self.compare_by_id[sid] = score
            state = text(as_dict(opt.compare).get("state")) or "current"
            self.compare_state = value_label("state", state, self.lang)
        self.left_out = 0
        self.title = clean(text(as_dict(journey).get("title"))) or label("untitled", self.lang)
        self._blocks: dict[tuple[str, int, float], list[Block]] = {}

    # -- pages -------------------------------------------------------------

    def balanced(self, pages: int) -> list[list[StageView]]:
        """The stages over ``pages`` pages, balanced: 12 stages over two pages are 6 + 6,
        not 10 + 2 (so there may be fewer pages than asked for)."""
        n = len(self.stages)
        size = -(-n // pages)
        return [self.stages[i : i + size] for i in range(0, n, size)]

    def groups(self) -> list[list[StageView]]:
        """The stages of each page. As many stages on a page as the columns allow
        (comfortable ones with ``--split``), and then fewer, page by page, until every
        touchpoint name fits whole; when not even one stage alone has room for all of
        its touchpoints, the first layout, summarised ("+N")."""
        sz = self.sz
        n = len(self.stages)
        if n == 0:
            return [[]]
        grid_w = self.width - 2 * sz.margin - sz.label_w
        per_page = max(int(grid_w // (sz.comfy_col if self.opt.split else sz.min_col)), 1)
        first = self.balanced(-(-n // per_page))
        paper = self.opt.paper.upper() if self.opt.paper in PAPERS else "A3"
        if self.fits_all(first):
            if len(first) > 1 and not self.opt.split:
                self.tell(
                    f"{n} stages do not fit on one {paper} page: the map is split over "
                    f"{len(first)} pages, with the stage names repeated on each"
                )
            return first
        if not all(self.fits([stage], n) for stage in self.stages):
            self.tell(
                "some stages have more touchpoints than one page can hold: their cells "
                'end in "+N", and the Markdown export has the whole journey'
            )
            return first
        seen = {len(first)}
        for pages in range(len(first) + 1, n + 1):
            groups = self.balanced(pages)
            if len(groups) in seen:
                continue
            seen.add(len(groups))
            if self.fits_all(groups):
                self.tell(
                    f"the touchpoint names do not fit on {len(first)} {paper} "
                    f"page{'s' if len(first) > 1 else ''}: the map is split over "
                    f"{len(groups)} pages, with the stage names repeated on each"
                )
                return groups
        return first  # not reached: one stage a page fits

    def tell(self, message: str) -> None:
        if self.opt.notice is not None:
            self.opt.notice(message)

    def fits_all(self, groups: list[list[StageView]]) -> bool:
        return all(self.fits(group, len(groups)) for group in groups)

    def fits(self, group: list[StageView], of: int) -> bool:
        """Whether every touchpoint of ``group`` is shown whole on a page of ``of``,
        the other lanes at their least."""
        if "touchpoints" not in self.lanes:
            return True
        col_w = self.grid_w / len(group)
        natural, minimum = self.lane_needs(group, col_w)
        t = self.lanes.index("touchpoints")
        need = natural[t] + sum(m for i, m in enumerate(minimum) if i != t)
        return need <= self.grid_room(group, col_w, of) + EPS

    @property
    def grid_w(self) -> float:
        return self.width - 2 * self.sz.margin - self.sz.label_w

    def grid_bottom(self) -> float:
        sz = self.sz
        rows = 1 + len(self.legend_rows())
        legend_h = (sz.small * 1.28 + sz.pad * 0.6) * rows + sz.pad * 1.8
        footer_h = sz.small * 1.28 * 2 + sz.pad
        return self.height - sz.margin - legend_h - footer_h

    def grid_room(self, group: list[StageView], col_w: float, of: int) -> float:
        """The height the lanes have on a page of ``of`` showing ``group``."""
        scratch = Page(self.width, self.height, self.title, 1, of)
        top = self.title_block(scratch, self.sz.margin)
        return self.grid_bottom() - top - self.header_height(group, col_w)

    def pages(self) -> list[Page]:
        groups = self.groups()
        out = []
        for number, group in enumerate(groups, start=1):
            page = Page(self.width, self.height, self.title, number, len(groups))
            self.page(page, group)
            out.append(page)
        if self.left_out:
            note = label("cut_note", self.lang, n=self.left_out)
            for page in out:
                self.footer_note(page, note)
        return out

    def page(self, page: Page, group: list[StageView]) -> None:
        sz = self.sz
        page.items.append(Rect(0, 0, page.width, page.height, Style(fill="#ffffff")))
        top = self.title_block(page, sz.margin)
        bottom = self.grid_bottom()
        x0 = sz.margin + sz.label_w
        grid_w = self.grid_w
        if not group:
            page.items.append(
                Text(sz.margin, top + sz.name * 2, label("no_stages", self.lang), sz.name)
            )
            self.legend(page, bottom + sz.pad)
            self.footer(page)
            return
        col_w = grid_w / len(group)
        # Stage headers: names whole, however many lines they take.
        head_h = self.header_height(group, col_w)
        y = top
        for k, stage in enumerate(group):
            self.header(page, stage, x0 + k * col_w, y, col_w, head_h)
        y += head_h
        heights = self.lane_heights(group, col_w, bottom - y)
        for lane, h in zip(self.lanes, heights, strict=True):
            self.lane_label(page, lane, y, h)
            if lane == "emotion":
                self.emotion(page, group, x0, y, col_w, h)
            else:
                for k, stage in enumerate(group):
                    cell = Cell(x0 + k * col_w, y, col_w, h)
                    filled = fill_cell(cell, self.blocks(lane, stage, col_w), sz, self.lang)
                    self.left_out += filled.left_out
                    page.items.append(cell)
            y += h
        # Grid lines over the cells.
        rule = Style(stroke=RULE, width=0.5)
        for k in range(len(group) + 1):
            page.items.append(Line([(x0 + k * col_w, top), (x0 + k * col_w, y)], rule))
        page.items.append(Line([(sz.margin, top), (x0 + grid_w, top)], rule))
        yy = top + head_h
        for h in [0.0, *heights]:
            yy += h
            page.items.append(Line([(sz.margin, yy), (x0 + grid_w, yy)], rule))
        page.items.append(Line([(sz.margin, top), (sz.margin, y)], rule))
        self.legend(page, y + sz.pad * 2)
        self.footer(page)

    # -- title block -----------------------------------------------------

    def title_block(self, page: Page, y: float) -> float:
        sz = self.sz
        x = sz.margin
        width = page.width - 2 * sz.margin
        title = page.title
        if page.of > 1:
            title = f"{title} ({label('page', self.lang, n=page.number, of=page.of)})"
        # A glyph may ink a little left of its origin (the J of Jonas): the box allows it.
        cell = Cell(x - sz.pad, y, width + sz.pad, sz.title * 1.3)
        lines = wrap(title, width, sz.title, True)
        cell.h = sz.title * 1.3 * len(lines) + sz.title * 0.3
        for n, line in enumerate(lines):
            cell.items.append(
                Text(x, y + sz.title * (ASCENT * 0.92 + 1.3 * n), line, sz.title, bold=True)
            )
        page.items.append(cell)
        y += sz.title * 1.3 * len(lines) + sz.pad * 0.5
        # Facts on one line: what a client asks first.
        journey = as_dict(self.journey)
        facts = []
        for key in ("market", "model", "state"):
            value = text(journey.get(key))
            if value:
                facts.append(
                    f"{label(key, self.lang)}: {clean(value_label(key, value, self.lang))}"
                )
        for key in ("updated", "owner"):
            value = clean(text(journey.get(key)))
            if value:
                facts.append(f"{label(key, self.lang)}: {value}")
        line_h = sz.body * 1.28
        if facts:
            cell = Cell(x - sz.pad, y, width + sz.pad, line_h + sz.body * 0.3)
            cell.items.append(
                Text(
                    x,
                    y + sz.body * ASCENT * 0.92,
                    ellipsize("  ·  ".join(facts), width, sz.body),
                    sz.body,
                    fill=GREY,
                )
            )
            page.items.append(cell)
            y += line_h
        # Personas: name in bold, whole (wrapped if it must); the summary after it,
        # cut to the line.
        for i, p in enumerate(self.personas[:4]):
            names = wrap(clean(persona_name(p, i)), width, sz.body, True)
            summary = clean(text(p.get("summary")))
            cell = Cell(x - sz.pad, y, width + sz.pad, line_h * len(names) + sz.body * 0.3)
            for n, name in enumerate(names):
                baseline = y + sz.body * (ASCENT * 0.92 + 1.28 * n)
                cell.items.append(Text(x, baseline, name, sz.body, bold=True))
            name_w = measure(names[-1], sz.body, True) if names else 0.0
            room = width - name_w - sz.body * 0.6
            if summary and room > sz.body * 4:
                baseline = y + sz.body * (ASCENT * 0.92 + 1.28 * (len(names) - 1))
                rest = ellipsize(summary, room, sz.body)
                cell.items.append(Text(x + name_w + sz.body * 0.6, baseline, rest, sz.body))
            page.items.append(cell)
            y += line_h * len(names)
        if len(self.personas) > 4:
            others = ", ".join(
                clean(persona_name(p, i + 4)) for i, p in enumerate(self.personas[4:])
            )
            cell = Cell(x - sz.pad, y, width + sz.pad, line_h + sz.body * 0.3)
            for n, line in enumerate(wrap(others, width, sz.body)):
                cell.items.append(Text(x, y + sz.body * (ASCENT * 0.92 + 1.28 * n), line, sz.body))
                cell.h = line_h * (n + 1) + sz.body * 0.3
            page.items.append(cell)
            y += cell.h
        return y + sz.pad * 2

    # -- stage headers -----------------------------------------------------

    def header_blocks(self, stage: StageView, col_w: float) -> list[Block]:
        sz = self.sz
        w = col_w - 2 * sz.pad
        blocks = [Block(text_rows(stage.name, w, sz.name, bold=True), whole=True)]
        if stage.goal:
            goal = text_rows(stage.goal, w, sz.small, fill=GREY)
            blocks.append(Block(goal[:4], whole=False))
            if len(goal) > 4:
                blocks[-1] = Block(goal, whole=False)
        if stage.duration:
            blocks.append(
                Block(text_rows(stage.duration, w, sz.small, bold=True, fill=GREY), whole=False)
            )
        return blocks

    def header_height(self, group: list[StageView], col_w: float) -> float:
        sz = self.sz
        tallest = 0.0
        for stage in group:
            blocks = self.header_blocks(stage, col_w)
            name_h = blocks[0].height
            goal_h = min(sum(b.height for b in blocks[1:]), sz.small * 1.28 * 5)
            tallest = max(tallest, name_h + goal_h + sz.pad * 0.6 * (len(blocks) - 1))
        return tallest + 2 * sz.pad

    def header(self, page: Page, stage: StageView, x: float, y: float, w: float, h: float) -> None:
        page.items.append(Rect(x, y, w, h, Style(fill=HEAD_FILL)))
        cell = Cell(x, y, w, h)
        fill_cell(cell, self.header_blocks(stage, w), self.sz, self.lang, gap=self.sz.pad * 0.3)
        page.items.append(cell)

    # -- lanes -------------------------------------------------------------

    def lane_label(self, page: Page, lane: str, y: float, h: float) -> None:
        sz = self.sz
        page.items.append(Rect(sz.margin, y, sz.label_w, h, Style(fill=LABEL_FILL)))
        # The emotion lane's label leaves room for the axis (numbers and faces) at its right.
        w = sz.label_w - (sz.small * 2.6 + sz.pad if lane == "emotion" else 0)
        cell = Cell(sz.margin, y, w, h)
        rows = text_rows(
            label(LANE_LABELS[lane], self.lang), w - 2 * sz.pad, sz.lane_label, bold=True
        )
        fill_cell(cell, [Block(rows, whole=False)], sz, self.lang)
        page.items.append(cell)

    def blocks(self, lane: str, stage: StageView, col_w: float) -> list[Block]:
        """The items of one cell, wrapped to its column (once: finding the pages asks
        again for the same column widths)."""
        key = (lane, stage.index, col_w)
        found = self._blocks.get(key)
        if found is None:
            found = self._blocks[key] = self.make_blocks(lane, stage, col_w)
        return found

    def make_blocks(self, lane: str, stage: StageView, col_w: float) -> list[Block]:
        sz = self.sz
        w = col_w - 2 * sz.pad
        if lane == "questions":
            return [
                Block(
                    text_rows(q, w, sz.body, indent=sz.body * 0.8, first=bullet(sz.body)),
                    whole=False,
                )
                for q in stage.questions
            ]
        if lane == "pains":
            return [
                Block(
                    text_rows(p, w, sz.body, indent=sz.body * 0.8, first=bullet(sz.body)),
                    whole=False,
                )
                for p in stage.pains
            ]
        if lane == "opportunities":
            return [
                Block(
                    text_rows(o, w, sz.body, indent=sz.body * 0.8, first=bullet(sz.body)),
                    whole=False,
                )
                for o in stage.opportunities
            ]
        if lane == "kpis":
            return [
                Block(
                    text_rows(k, w, sz.body, indent=sz.body * 0.8, first=bullet(sz.body)),
                    whole=False,
                )
                for k in stage.kpis
            ]
        if lane == "touchpoints":
            return [self.touchpoint_block(tp, w) for tp in stage.touchpoints]
        if lane == "messaging":
            return self.messaging_blocks(stage, w)
        if lane == "evidence":
            return self.evidence_blocks(stage, w)
        return []

    def touchpoint_block(self, tp: dict[str, Any], w: float) -> Block:
        sz = self.sz
        score = emotion_value(tp.get("emotion"))
        kind = text(tp.get("kind"))

        def icons(x: float, y: float) -> list[Shape]:
            out: list[Shape] = []
            mid = y + sz.body * 0.64
            if score is not None:
                out += face(x + sz.body * 0.62, mid, sz.body * 0.62, score)
            if kind in KINDS:
                out += kind_marker(kind, x + sz.body * 1.95, mid, sz.body * 0.78)
            return out

        rows = text_rows(
            clean(touchpoint_name(tp)), w, sz.body, bold=True, indent=sz.body * 2.6, first=icons
        )
        channel = text(tp.get("channel"))
        detail = [clean(value_label("channel", channel, self.lang))] if channel else []
        if kind:
            detail.append(clean(value_label("kind", kind, self.lang)))
        if detail:
            rows += text_rows(
                " · ".join(d for d in detail if d), w, sz.small, fill=GREY, indent=sz.body * 2.6
            )
        return Block(rows, whole=True)

    def messaging_blocks(self, stage: StageView, w: float) -> list[Block]:
        sz = self.sz
        blocks = []
        if stage.tone in TONES:
            chosen = TONES.index(stage.tone)
            tone_word = clean(value_label("tone", stage.tone, self.lang))
            scale_w = sz.small * 1.1

            def scale(x: float, y: float) -> list[Shape]:
                out: list[Shape] = []
                for n in range(4):
                    fill = INK if n <= chosen else "#ffffff"
                    out.append(
                        Rect(x + n * scale_w, y + sz.small * 0.25, scale_w * 0.8, sz.small * 0.8,
                             Style(fill=fill, stroke=INK, width=0.4))
                    )  # fmt: skip
                return out

            # "Tone: Informere (2/4)" beside the scale; in columns too narrow for every
            # tone so, "Informere (2/4)" in all of them, rather than "(2/4)" wrapped
            # under the word (the scale says what it is).
            indent = scale_w * 4 + sz.small * 0.4
            said = f"{tone_word} ({chosen + 1}/4)"
            prefix = f"{label('tone', self.lang)}: "
            if all(
                measure(f"{prefix}{value_label('tone', t, self.lang)} (4/4)", sz.small)
                <= w - indent
                for t in TONES
            ):
                said = prefix + said
            rows = text_rows(said, w, sz.small, fill=GREY, indent=indent, first=scale)
            blocks.append(Block(rows, whole=False))
        for m in stage.key_messages:
            blocks.append(
                Block(
                    text_rows(m, w, sz.body, indent=sz.body * 0.8, first=bullet(sz.body)),
                    whole=False,
                )
            )
        if stage.cta:
            cta = f"{label('call_to_action', self.lang)}: {stage.cta}"
            blocks.append(Block(text_rows(cta, w, sz.body, bold=True), whole=False))
        return blocks

    def evidence_blocks(self, stage: StageView, w: float) -> list[Block]:
        sz = self.sz
        n = self.stage_answers.get(stage.index, 0)
        head = label("assumed", self.lang) if n == 0 else label("answers", self.lang, n=n)
        blocks = [Block(text_rows(head, w, sz.body, bold=True), whole=True)]
        counts = self.tp_answers.get(stage.index, {})
        for tp in stage.touchpoints:
            name = touchpoint_name(tp)
            k = counts.get(name, 0)
            said = label("assumed", self.lang) if k == 0 else str(k)
            blocks.append(
                Block(
                    text_rows(f"{clean(name)}: {said}", w, sz.small, fill=GREY if k == 0 else INK),
                    whole=True,
                )
            )
        return blocks

    def lane_needs(self, group: list[StageView], col_w: float) -> tuple[list[float], list[float]]:
        """Each lane's height with everything shown, and at its least: the first item
        (a touchpoint whole, a line of text) and "+N"."""
        sz = self.sz
        gap = sz.pad * 0.6
        more_h = sz.small * 1.28
        natural: list[float] = []
        minimum: list[float] = []
        for lane in self.lanes:
            if lane == "emotion":
                natural.append(sz.emotion_h)
                minimum.append(sz.emotion_h)
                continue
            nat = 0.0
            low = 0.0
            for stage in group:
                blocks = self.blocks(lane, stage, col_w)
                if not blocks:
                    continue
                nat = max(nat, stack_height(blocks, gap))
                first = blocks[0].height + (more_h if len(blocks) > 1 else 0)
                low = max(
                    low, first if blocks[0].whole else min(first, blocks[0].rows[0][0] + more_h)
                )
            natural.append(nat + 2 * sz.pad)
            minimum.append(max(low, more_h) + 2 * sz.pad)
        return natural, minimum

    def lane_heights(self, group: list[StageView], col_w: float, avail: float) -> list[float]:
        """The lanes' heights on a page: touchpoints first, whole (their names are
        never cut); the lanes that may be cut share what is left by what they hold."""
        natural, minimum = self.lane_needs(group, col_w)
        natural = [min(n, avail) for n in natural]
        total = sum(natural)
        if total <= avail:
            # Room to spare: the text lanes share it, so the grid fills the page.
            spare = avail - total
            text_total = sum(
                n for lane, n in zip(self.lanes, natural, strict=True) if lane != "emotion"
            )
            if text_total <= 0:
                return natural
            return [
                n if lane == "emotion" else n + spare * n / text_total
                for lane, n in zip(self.lanes, natural, strict=True)
            ]
        if "touchpoints" in self.lanes:
            # All the touchpoints, or (when not even that fits: a summarised page) as
            # many as the other lanes at their least leave room for.
            t = self.lanes.index("touchpoints")
            others = sum(minimum) - minimum[t]
            minimum[t] = max(min(natural[t], avail - others), minimum[t])
        low_total = sum(minimum)
        if low_total >= avail:
            return minimum
        # The lanes that need least to be whole are made whole first, so the cut
        # falls on as few lanes as may be (the fullest), not a line off each of them.
        heights = list(minimum)
        left = avail - low_total
        for i in sorted(range(len(heights)), key=lambda i: natural[i] - minimum[i]):
            more = min(natural[i] - minimum[i], left)
            heights[i] += more
            left -= more
        return heights

    # -- the emotion curve -------------------------------------------------

    def emotion(
        self, page: Page, group: list[StageView], x0: float, y: float, col_w: float, h: float
    ) -> None:
        sz = self.sz
        top = y + sz.pad * 2.2
        span = h - sz.pad * 4.4

        def at(score: float) -> float:
            return top + (5 - score) / 4 * span

        # The axis: one rule per score, labelled with the number and its face.
        for level in range(1, 6):
            yy = at(level)
            page.items.append(
                Line([(x0, yy), (x0 + col_w * len(group), yy)], Style(stroke="#e2e2e2", width=0.4))
            )
            page.items.append(
                Text(
                    x0 - sz.pad, yy + sz.small * 0.35, str(level), sz.small, fill=GREY, anchor="end"
                )
            )
            page.items += face(x0 - sz.pad - sz.small * 1.6, yy, sz.small * 0.55, level)

        def centre(k: int) -> float:
            return x0 + col_w * (k + 0.5)

        def curve(points: list[tuple[float, float] | None], style: Style) -> None:
            run: list[tuple[float, float]] = []
            for p in [*points, None]:
                if p is None:
                    if len(run) > 1:
                        page.items.append(Line(run, style))
                    run = []
                else:
                    run.append(p)

        if self.compare_by_id:
            pts: list[tuple[float, float] | None] = []
            for k, stage in enumerate(group):
                score = self.compare_by_id.get(stage.id or str(stage.index))
                pts.append(None if score is None else (centre(k), at(score)))
            curve(pts, Style(stroke=COMPARE_COLOUR, width=1.4, dash=(4, 3)))
            for p in pts:
                if p is not None:
                    page.items.append(
                        Circle(
                            p[0],
                            p[1],
                            sz.small * 0.4,
                            Style(fill="#ffffff", stroke=COMPARE_COLOUR, width=0.8),
                        )
                    )
        if len(self.personas) > 1:
            for i, persona in enumerate(self.personas):
                pid = text(persona.get("id"))
                colour = PERSONA_COLOURS[i % len(PERSONA_COLOURS)]
                dash = PERSONA_DASHES[i % len(PERSONA_DASHES)]
                ppts = []
                for k, stage in enumerate(group):
                    score = scores(stage.touchpoints, pid)
                    ppts.append(None if score is None else (centre(k), at(score)))
                curve(ppts, Style(stroke=colour, width=1.0, dash=dash))
                for p in ppts:
                    if p is not None:
                        page.items.append(Circle(p[0], p[1], sz.small * 0.3, Style(fill=colour)))
        avg_pts: list[tuple[float, float] | None] = []
        avg_scores: list[float | None] = []
        for k, stage in enumerate(group):
            score = scores(stage.touchpoints, None)
            avg_pts.append(None if score is None else (centre(k), at(score)))
            avg_scores.append(score)
        curve(avg_pts, Style(stroke=AVERAGE_COLOUR, width=2.0))
        for k, (p, score) in enumerate(zip(avg_pts, avg_scores, strict=True)):
            if p is None or score is None:
                continue
            page.items += face(p[0], p[1], sz.body * 0.95, int(score + 0.5))
            shown = decimal(self.lang, score, 1)
            # The number sits below right of the face, or above right where the
            # curve falls to the next stage (it would cross the number); on a white
            # ground, so a persona's line passing behind it does not strike it out.
            following = avg_scores[k + 1] if k + 1 < len(avg_scores) else None
            falls = following is not None and following < score - 0.25
            x = p[0] + sz.body * 1.2
            baseline = p[1] + (-sz.body * 1.0 if falls else sz.body * 1.6)
            w = measure(shown, sz.small, True)
            page.items.append(
                Rect(
                    x - sz.small * 0.2,
                    baseline - sz.small * ASCENT,
                    w + sz.small * 0.4,
                    sz.small * 1.25,
                    Style(fill="#ffffff"),
                )
            )
            page.items.append(Text(x, baseline, shown, sz.small, bold=True, fill=GREY))

    # -- legend and footer -------------------------------------------------

    def legend(self, page: Page, y: float) -> None:
        sz = self.sz
        x = sz.margin
        size = sz.small
        mid = y + size * 0.6
        baseline = y + size * ASCENT * 0.92
        page.items.append(Text(x, baseline, label("legend", self.lang) + ":", size, bold=True))
        x += measure(label("legend", self.lang) + ":", size, True) + size
        for kind in KINDS:
            page.items += kind_marker(kind, x + size * 0.5, mid, size * 0.9)
            word = value_label("kind", kind, self.lang)
            page.items.append(Text(x + size * 1.3, baseline, word, size))
            x += size * 1.3 + measure(word, size) + size * 1.2
        x += size
        for score in range(1, 6):
            page.items += face(x + size * 0.6, mid, size * 0.6, score)
            word = f"{score} {label_emotion(score, self.lang)}"
            page.items.append(Text(x + size * 1.5, baseline, word, size))
            x += size * 1.5 + measure(word, size) + size * 1.2
        # Then the lines of the curve, over as many rows as their names take.
        line_h = size * 1.28 + sz.pad * 0.6
        for n, row in enumerate(self.legend_rows()):
            y2 = y + line_h * (n + 1)
            mid2 = y2 + size * 0.6
            base2 = y2 + size * ASCENT * 0.92
            for x, word, style in row:
                page.items.append(Line([(x, mid2), (x + size * 2.6, mid2)], style))
                page.items.append(Text(x + size * 3.1, base2, word, size))

    def legend_rows(self) -> list[list[tuple[float, str, Style]]]:
        """The curve's lines in the legend (the average, each persona, the compared
        state), placed left to right and on a new row where the page ends."""
        sz = self.sz
        size = sz.small
        start = sz.margin + measure(label("legend", self.lang) + ":", size, True) + size
        right = self.width - sz.margin
        entries: list[tuple[str, Style]] = [
            (label("average", self.lang), Style(stroke=AVERAGE_COLOUR, width=2.0))
        ]
        if len(self.personas) > 1:
            for i, p in enumerate(self.personas):
                entries.append(
                    (
                        clean(persona_name(p, i)),
                        Style(
                            stroke=PERSONA_COLOURS[i % len(PERSONA_COLOURS)],
                            width=1.0,
                            dash=PERSONA_DASHES[i % len(PERSONA_DASHES)],
                        ),
                    )
                )
        if self.compare_by_id:
            entries.append(
                (
                    label("dashed", self.lang, state=self.compare_state),
                    Style(stroke=COMPARE_COLOUR, width=1.4, dash=(4, 3)),
                )
            )
        rows: list[list[tuple[float, str, Style]]] = [[]]
        x = start
        for word, style in entries:
            room = right - start - size * 3.1
            # A name wider than the whole row (it is whole in the title block) is
            # shortened here rather than drawn off the page.
            word = ellipsize(word, room, size)
            w = size * 3.1 + measure(word, size)
            if rows[-1] and x + w > right:
                rows.append([])
                x = start
            rows[-1].append((x, word, style))
            x += w + size * 1.4
        return rows

    def footer(self, page: Page) -> None:
        sz = self.sz
        size = sz.small
        y = page.height - sz.margin + size * 0.2
        parts = [
            p
            for p in (
                clean(self.opt.source),
                clean(text(as_dict(self.journey).get("updated"))),
                label("made_with", self.lang),
            )
            if p
        ]
        right = label("page", self.lang, n=page.number, of=page.of)
        right_w = measure(right, size)
        left = ellipsize("  ·  ".join(parts), page.width - 2 * sz.margin - right_w - size * 2, size)
        page.items.append(Text(sz.margin, y, left, size, fill=GREY))
        page.items.append(Text(page.width - sz.margin, y, right, size, fill=GREY, anchor="end"))

    def footer_note(self, page: Page, note: str) -> None:
        sz = self.sz
        size = sz.small
        y = page.height - sz.margin - size * 1.28 + size * 0.2
        page.items.append(
            Text(
                sz.margin,
                y,
                ellipsize(note, page.width - 2 * sz.margin, size, True),
                size,
                bold=True,
                fill="#8b1a1a",
            )
        )


def label_emotion(score: int, lang: str) -> str:
    from kunderejse_tui.journey.export.labels import emotion_word

    return emotion_word(score, lang)


def lay_out(journey: Any, opt: Options) -> list[Page]:
    """The map's pages: one, or several when the stages do not fit (or ``opt.split``)."""
    return Builder(journey, opt).pages()
