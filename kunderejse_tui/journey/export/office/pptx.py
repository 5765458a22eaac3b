"""The journey as a PowerPoint deck a consultant can present as it is.

Title, facts, one slide per persona, an overview (a native table and the emotion
curve as a native, editable line chart), one slide per stage, the interview
evidence per stage, and the map picture last when there is one. All text is
editable text in the template's own title placeholders and plain text boxes.

Text must fit its box: PowerPoint only shrinks text to fit when someone edits it,
and LibreOffice not at all in a PDF, so the deck measures instead, with Calibri's
widths (``widths``). A slide's text is shared between two columns of even height;
text that does not fit shrinks a step or three (not below 12 pt) and only then goes
on to "(continued)" slides, which share it evenly with the first.
"""

from __future__ import annotations

import io
import unicodedata
from dataclasses import dataclass, field, replace
from typing import Any, NamedTuple

from kunderejse_tui.journey.export.office import require
from kunderejse_tui.journey.export.office.content import (
    Content,
    Field,
    StageView,
    build,
    quote_details,
    quote_source,
    quote_text,
)
from kunderejse_tui.journey.export.office.widths import BOLD, REGULAR

EMU_PER_INCH = 914400
EMU_PER_PT = 12700
WIDE_W, WIDE_H = 12192000, 6858000  # 13.333 x 7.5 inches: 16:9
MARGIN = int(0.5 * EMU_PER_INCH)
GAP = int(0.4 * EMU_PER_INCH)

BODY_PT, SMALL_PT, TABLE_PT = 15, 12, 11
# A slide whose text does not fit may shrink this many points before it continues on
# another slide (15 pt body text down to 12 pt); small print never below MIN_PT.
SHRINK_STEPS, MIN_PT = 3, 10
# Calibri's (and Carlito's) line height is 1.22 em; widths are measured with its
# table, with a little to spare for a template's font or a renderer's rounding.
LINE = 1.22
WIDTH_SPARE = 1.04
# A paragraph is split between columns only when it is this long (in lines): a short
# item moves whole, so a bullet never starts at one column's foot.
SPLIT_LINES = 4
GREY = (0x59, 0x59, 0x59)
# The overview table shows at most this many stages a slide: more go on another slide.
OVERVIEW_STAGES = 6
CELL_MARGIN = int(0.05 * EMU_PER_INCH)
BULLET_INDENT = int(0.3 * EMU_PER_INCH)
# Emotion 1..5 as a coloured dot beside the score and word (never colour alone).
EMOTION_RGB = {
    1: (0xC6, 0x28, 0x28),
    2: (0xEF, 0x6C, 0x00),
    3: (0xBF, 0x9A, 0x00),
    4: (0x7C, 0xB3, 0x42),
    5: (0x2E, 0x7D, 0x32),
}
DOT = "\u25cf"  # ●: in Calibri, Carlito and every common font, unlike an emoji face


class Run(NamedTuple):
    text: str
    bold: bool = False
    rgb: tuple[int, int, int] | None = None


def emotion_runs(score: int | None, label: str) -> list[Run]:
    """'● 4/5 tilfreds' with the dot in the score's colour; [] without a score."""
    if not label:
        return []
    # No-break spaces: the dot, the score and its word wrap as one.
    dot = [Run(DOT + "\u00a0", False, EMOTION_RGB[score])] if score in EMOTION_RGB else []
    return [*dot, Run(label.replace(" ", "\u00a0"))]


@dataclass
class Para:
    """One paragraph of a text column."""

    runs: list[Run]
    size: int = BODY_PT
    bullet: int = 0  # 0: none, 1: bullet, 2: sub-bullet
    italic: bool = False
    grey: bool = False
    space_before: int = 0  # points
    keep_with_next: bool = False  # a heading stays with what follows it
    mark: bool = True  # False: a bullet's continued text, indented but without the mark
    section: bool = False  # a heading: a column may start here

    @property
    def text(self) -> str:
        return "".join(r.text for r in self.runs)


@dataclass
class Column:
    paras: list[Para] = field(default_factory=list)


def _char_width(ch: str, bold: bool) -> int:
    """Thousandths of an em."""
    found = (BOLD if bold else REGULAR).get(ord(ch))
    if found is not None:
        return found
    if unicodedata.combining(ch):
        return 0
    return 1000 if unicodedata.east_asian_width(ch) in ("W", "F") else 600


def _wrapped_lines(p: Para, width_emu: int) -> int:
    """How many lines ``p`` wraps to in a column ``width_emu`` wide."""
    avail = (width_emu - _indent(p)) / EMU_PER_PT * 1000 / p.size / WIDTH_SPARE
    space = _char_width(" ", False)
    total = 0
    chars = [(ch, r.bold) for r in p.runs for ch in r.text]
    lines: list[list[tuple[str, bool]]] = [[]]
    for ch, bold in chars:
        if ch == "\n":
            lines.append([])
        else:
            lines[-1].append((ch, bold))
    for line in lines:
        # Words do not break mid-word, unless one alone is wider than the column.
        n, used = 1, 0.0
        word = 0.0
        widths: list[float] = []
        for ch, bold in [*line, (" ", False)]:
            if ch == " ":
                widths.append(word)
                word = 0.0
            else:
                word += _char_width(ch, bold)
        for w in widths:
            if used and used + space + w > avail:
                n += 1
                used = w
            else:
                used += (space if used else 0) + w
            while used > avail:
                n += 1
                used -= avail
        total += n
    return total


def _lines(text: str, size: int, width_emu: int, indent_emu: int) -> int:
    """Lines of plain ``text`` (no bold) in a box ``width_emu`` wide."""
    bullet = indent_emu // BULLET_INDENT if indent_emu else 0
    return _wrapped_lines(Para([Run(text)], size, bullet), width_emu)


def _indent(p: Para) -> int:
    return BULLET_INDENT * p.bullet


def _line_height(size: int) -> int:
    return int(size * LINE * EMU_PER_PT)


def _height(p: Para, width: int) -> int:
    return _wrapped_lines(p, width) * _line_height(p.size) + p.space_before * EMU_PER_PT


def _split(p: Para, width: int, room: int) -> tuple[Para, Para] | None:
    """The part of a long paragraph that fits in ``room``, and the rest."""
    words = p.text.split(" ")
    if len(words) < 2:
        return None
    lo, hi = 1, len(words) - 1
    best = 0
    while lo <= hi:
        mid = (lo + hi) // 2
        head = replace(p, runs=[Run(" ".join(words[:mid]))], keep_with_next=False)
        if _height(head, width) <= room:
            best = mid
            lo = mid + 1
        else:
            hi = mid - 1
    if best == 0:
        return None
    head = replace(p, runs=[Run(" ".join(words[:best]))], keep_with_next=False)
    # The rest continues the same item: no second bullet, the same indent.
    tail = replace(p, runs=[Run(" ".join(words[best:]))], space_before=0, mark=False)
    return head, tail


def flow(
    paras: list[Para], width: int, height: int, columns: int, *, sections: bool = False
) -> list[list[Column]]:
    """Pages of ``columns`` columns each, filled in reading order up to ``height``.

    With ``sections``, a heading whose section does not fit below it starts the next
    column whenever the whole section fits in one.
    """
    pages: list[list[Column]] = []
    current: list[Column] = [Column()]
    used = 0
    queue = list(paras)

    def next_column() -> None:
        nonlocal current, used
        if len(current) == columns:
            pages.append(current)
            current = []
        current.append(Column())
        used = 0

    while queue:
        p = queue.pop(0)
        h = _height(p, width)
        col = current[-1]
        if sections and p.section and col.paras:
            end = next((i for i, q in enumerate(queue) if q.section), len(queue))
            whole = h + sum(_height(q, width) for q in queue[:end])
            if used + whole > height and whole <= height:
                queue.insert(0, p)
                next_column()
                continue
        # A heading alone at the foot of a column: take it and what follows along
        # (a quote, its source and details: the whole run that keeps together).
        needed = h
        keep = p.keep_with_next
        for q in queue:
            if not keep:
                break
            needed += _height(q, width)
            keep = q.keep_with_next
        if used + needed > height and col.paras:
            room = height - used
            long = _wrapped_lines(p, width) >= SPLIT_LINES
            parts = _split(p, width, room) if long and not p.keep_with_next else None
            if parts is not None and room >= 2 * _line_height(p.size):
                col.paras.append(parts[0])
                queue.insert(0, parts[1])
            else:
                queue.insert(0, p)
            next_column()
            continue
        if h > height and not col.paras:
            parts = _split(p, width, height)
            if parts is not None:
                col.paras.append(parts[0])
                queue.insert(0, parts[1])
                next_column()
                continue
        col.paras.append(p)
        used += h
    if any(c.paras for c in current):
        pages.append(current)
    return pages or [[Column()]]


def column_height(column: Column, width: int) -> int:
    return sum(_height(p, width) for p in column.paras)


def _blocks(paras: list[Para], width: int) -> list[int]:
    """Heights of the runs of paragraphs that stay together (keep_with_next)."""
    out: list[int] = []
    joined = False
    for p in paras:
        h = _height(p, width)
        if joined:
            out[-1] += h
        else:
            out.append(h)
        joined = p.keep_with_next
    return out


def _tallest(pages: list[list[Column]], width: int) -> int:
    return max(column_height(c, width) for page in pages for c in page)


def _least(
    paras: list[Para], width: int, height: int, columns: int, count: int, sections: bool
) -> list[list[Column]] | None:
    """The flow with the least column height that needs no more than ``count`` pages."""
    lo = min(height, max(_blocks(paras, width))) - 1
    hi = height
    best = None
    while hi - lo > EMU_PER_PT // 2:
        mid = (lo + hi) // 2
        tried = flow(paras, width, mid, columns, sections=sections)
        if len(tried) <= count and _tallest(tried, width) <= mid:
            best, hi = tried, mid
        else:
            lo = mid
    if best is None:
        tried = flow(paras, width, height, columns, sections=sections)
        if len(tried) <= count:
            best = tried
    return best


def balanced(paras: list[Para], width: int, height: int, columns: int) -> list[list[Column]]:
    """As few pages as ``flow`` needs, with the columns as even as the text allows.

    The least column height that still needs no more pages, found by bisection: the
    first columns are no longer full while the last one holds a line or two. Columns
    that start at headings are preferred when they are nearly as even.
    """
    pages = flow(paras, width, height, columns)
    if not paras:
        return pages
    even = _least(paras, width, height, columns, len(pages), sections=False) or pages
    by_section = _least(paras, width, height, columns, len(pages), sections=True)
    slack = 3 * _line_height(BODY_PT)
    if by_section is not None and _tallest(by_section, width) <= _tallest(even, width) + slack:
        return by_section
    return even


def shrunk(paras: list[Para], step: int) -> list[Para]:
    """The paragraphs ``step`` points smaller (small print stops at MIN_PT)."""
    if step == 0:
        return paras
    return [
        replace(
            p, size=max(p.size - step, min(p.size, MIN_PT)), space_before=p.space_before * 3 // 4
        )
        for p in paras
    ]


def fit(paras: list[Para], width: int, height: int, columns: int) -> list[list[Column]]:
    """Pages for ``paras``: one page if a smaller size (down to 12 pt) gets it there.

    Text that needs more than a page even then keeps its full size, and the pages
    share it evenly, so a continuation never holds just a line or two.
    """
    for step in range(SHRINK_STEPS + 1):
        smaller = shrunk(paras, step)
        if len(flow(smaller, width, height, columns)) == 1:
            return balanced(smaller, width, height, columns)
    return balanced(paras, width, height, columns)


def _heading(title: str) -> Para:
    return Para([Run(title, True)], BODY_PT + 2, space_before=8, keep_with_next=True, section=True)


def _field_paras(fields: list[Field]) -> list[Para]:
    out = []
    for f in fields:
        if len(f.values) == 1:
            out.append(Para([Run(f"{f.label}: ", True), Run(f.values[0])], bullet=1))
        else:
            out.append(Para([Run(f"{f.label}:", True)], bullet=1, keep_with_next=True))
            out.extend(Para([Run(v)], bullet=2) for v in f.values)
    return out


class Deck:
    """A presentation being built, with the geometry of its slides."""

    def __init__(self, template: str | None, lang: str) -> None:
        pptx = require("pptx")
        from pptx.enum.lang import MSO_LANGUAGE_ID

        self.prs = pptx.Presentation(template)
        self.lang = lang
        self.language = MSO_LANGUAGE_ID.ENGLISH_UK if lang == "en" else MSO_LANGUAGE_ID.DANISH
        if template is None:
            self._widen_default()
        else:
            self._drop_template_slides()
        self.width = int(self.prs.slide_width)
        self.height = int(self.prs.slide_height)
        self.title_layout = self._layout(want_subtitle=True)
        self.content_layout = self._layout(want_subtitle=False)

    def _widen_default(self) -> None:
        # python-pptx's own template is 4:3; its layouts are stretched to 16:9 so the
        # placeholders span the wider slide.
        factor = WIDE_W / int(self.prs.slide_width)
        self.prs.slide_width, self.prs.slide_height = WIDE_W, WIDE_H
        masters = [self.prs.slide_master, *self.prs.slide_layouts]
        for owner in masters:
            for shape in owner.placeholders:
                # Only a placeholder's own position: an inherited one is stretched
                # where it is defined (the master), and setting ``left`` alone would
                # write a position with y and height 0.
                xfrm = shape._element.xfrm
                if xfrm is None or xfrm.off is None or xfrm.ext is None:
                    continue
                xfrm.off.x = int(xfrm.off.x * factor)
                xfrm.ext.cx = int(xfrm.ext.cx * factor)

    def _drop_template_slides(self) -> None:
        # A client's template often holds example slides: the deck is ours alone.
        ids = self.prs.slides._sldIdLst
        for sld in list(ids):
            self.prs.part.drop_rel(sld.rId)
            ids.remove(sld)

    def _layout(self, *, want_subtitle: bool) -> Any:
        from pptx.enum.shapes import PP_PLACEHOLDER

        titles = {PP_PLACEHOLDER.TITLE, PP_PLACEHOLDER.CENTER_TITLE}
        furniture = {PP_PLACEHOLDER.DATE, PP_PLACEHOLDER.FOOTER, PP_PLACEHOLDER.SLIDE_NUMBER}
        layouts = list(self.prs.slide_layouts)
        for layout in layouts:
            kinds = [ph.placeholder_format.type for ph in layout.placeholders]
            rest = [k for k in kinds if k not in titles and k not in furniture]
            has_title = any(k in titles for k in kinds)
            if want_subtitle and has_title and PP_PLACEHOLDER.SUBTITLE in rest:
                return layout
            if not want_subtitle and has_title and not rest:
                return layout
        return layouts[0]

    # -- text ---------------------------------------------------------------

    def _run(
        self,
        paragraph: Any,
        text: str,
        size: int,
        bold: bool = False,
        italic: bool = False,
        grey: bool = False,
        rgb: tuple[int, int, int] | None = None,
    ) -> None:
        from pptx.dml.color import RGBColor
        from pptx.util import Pt

        run = paragraph.add_run()
        run.text = text
        run.font.size = Pt(size)
        run.font.bold = bold or None
        run.font.italic = italic or None
        run.font.language_id = self.language
        if rgb is not None or grey:
            run.font.color.rgb = RGBColor(*(rgb or GREY))  # type: ignore[no-untyped-call]  # python-pptx: no annotations

    def _bullet(self, paragraph: Any, level: int, mark: bool = True) -> None:
        from pptx.oxml.ns import qn

        ppr = paragraph._p.get_or_add_pPr()
        ppr.set("marL", str(BULLET_INDENT * level))
        if mark:
            ppr.set("indent", str(-int(0.22 * EMU_PER_INCH)))
            char = ppr.makeelement(qn("a:buChar"), {"char": "•" if level == 1 else "–"})
            ppr.append(char)
        else:
            ppr.append(ppr.makeelement(qn("a:buNone"), {}))

    def text_box(
        self, slide: Any, left: int, top: int, width: int, height: int, paras: list[Para]
    ) -> None:
        from pptx.enum.text import MSO_AUTO_SIZE
        from pptx.util import Pt

        box = slide.shapes.add_textbox(left, top, width, height)
        tf = box.text_frame
        tf.word_wrap = True
        tf.auto_size = MSO_AUTO_SIZE.NONE
        tf.margin_left = tf.margin_right = tf.margin_top = tf.margin_bottom = 0
        for i, p in enumerate(paras):
            paragraph = tf.paragraphs[0] if i == 0 else tf.add_paragraph()
            if p.space_before and i:
                paragraph.space_before = Pt(p.space_before)
            if p.bullet:
                self._bullet(paragraph, p.bullet, p.mark)
            for run in p.runs:
                self._run(paragraph, run.text, p.size, run.bold, p.italic, p.grey, run.rgb)

    def slide(self, title: str) -> Any:

        slide = self.prs.slides.add_slide(self.content_layout)
        if slide.shapes.title is not None:
            tf = slide.shapes.title.text_frame
            tf.text = ""
            tf.word_wrap = True
            # Two lines of the title fit the default placeholder at 32 pt, three at 24.
            size = 32 if len(title) <= 90 else 24 if len(title) <= 180 else 18
            self._run(tf.paragraphs[0], title, size)
        return slide

    def body_area(self, slide: Any) -> tuple[int, int, int, int]:
        """left, top, width, height under the title, inside the margins."""
        left, top, width = MARGIN, MARGIN, self.width - 2 * MARGIN
        title = slide.shapes.title
        if title is not None and None not in (title.left, title.top, title.width, title.height):
            # Line up with the template's title, wherever its designer put it.
            left, width = int(title.left), int(title.width)
            top = int(title.top) + int(title.height) + int(0.15 * EMU_PER_INCH)
        bottom = self.height - int(0.6 * EMU_PER_INCH)
        return left, top, width, max(bottom - top, EMU_PER_INCH)

    def flowing(self, title: str, paras: list[Para], columns: int = 2) -> None:
        """As many slides as ``paras`` need; the later ones say "(continued)"."""
        from kunderejse_tui.journey.export.labels import label

        probe = self.slide(title)
        left, top, width, height = self.body_area(probe)
        col_w = (width - GAP * (columns - 1)) // columns
        pages = fit(paras, col_w, height, columns)
        for n, page in enumerate(pages):
            slide = probe if n == 0 else self.slide(label("continued", self.lang, title=title))
            for c, column in enumerate(page):
                if column.paras:
                    self.text_box(slide, left + c * (col_w + GAP), top, col_w, height, column.paras)


def _title_slide(deck: Deck, c: Content) -> None:
    slide = deck.prs.slides.add_slide(deck.title_layout)
    if slide.shapes.title is not None:
        tf = slide.shapes.title.text_frame
        tf.text = ""
        tf.word_wrap = True
        size = 40 if len(c.title) <= 60 else 28 if len(c.title) <= 140 else 20
        deck._run(tf.paragraphs[0], c.title, size)
    facts = {f.label: f.values for f in c.facts}
    line = " · ".join(
        ", ".join(facts[k])
        for k in (c.label("market"), c.label("owner"), c.label("updated"))
        if k in facts
    )
    sub_lines = [x for x in (c.scope, line) if x]
    for shape in slide.placeholders:
        if shape.placeholder_format.idx == 1 and sub_lines:
            tf = shape.text_frame
            tf.text = ""
            tf.word_wrap = True
            for i, text in enumerate(sub_lines):
                deck._run(tf.paragraphs[0] if i == 0 else tf.add_paragraph(), text, 18)


def _facts_slide(deck: Deck, c: Content) -> None:
    if not c.facts and not c.description:
        return
    paras = [
        Para([Run(" ".join(p.split()))], space_before=6)
        for p in c.description.split("\n\n")
        if p.strip()
    ]
    paras += _field_paras(c.facts)
    deck.flowing(c.label("facts"), paras)


def _persona_slides(deck: Deck, c: Content) -> None:
    for p in c.personas:
        paras = []
        if p.summary:
            paras.append(Para([Run(" ".join(p.summary.split()))], italic=True))
        paras += _field_paras(p.fields)
        deck.flowing(p.name, paras)


def _cell(
    deck: Deck, cell: Any, text: str, size: int, bold: bool = False, dot: int | None = None
) -> None:
    tf = cell.text_frame
    tf.word_wrap = True
    lines = text.split("\n") if text else [""]
    for i, line in enumerate(lines):
        paragraph = tf.paragraphs[0] if i == 0 else tf.add_paragraph()
        runs = emotion_runs(dot, line) if i == 0 and dot is not None else [Run(line, bold)]
        for run in runs:
            if run.text:
                deck._run(paragraph, run.text, size, run.bold, rgb=run.rgb)
    cell.margin_left = cell.margin_right = CELL_MARGIN
    cell.margin_top = cell.margin_bottom = int(0.03 * EMU_PER_INCH)


def _shorten(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _shorten_to(text: str, size: int, width: int, lines: int) -> str:
    """``text``, cut with an ellipsis where it would wrap to more than ``lines``."""
    if _lines(text, size, width, 0) <= lines:
        return text
    lo, hi = 1, len(text)
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if _lines(_shorten(text, mid), size, width, 0) <= lines:
            lo = mid
        else:
            hi = mid - 1
    return _shorten(text, lo)


def _groups(n: int, most: int) -> list[range]:
    """0..n-1 in as few runs of at most ``most`` as possible, as even as possible."""
    count = -(-n // most)
    return [range(k * n // count, (k + 1) * n // count) for k in range(count)]


def _overview(deck: Deck, c: Content) -> None:
    """The stages side by side in a table, at most OVERVIEW_STAGES a slide, and the curve.

    A long journey gets more than one overview slide rather than a smaller font; the
    columns are as wide on each of them, and the curve then has its own slide.
    """
    if not c.stages:
        return
    groups = _groups(len(c.stages), OVERVIEW_STAGES)
    chart_below = False
    for g, group in enumerate(groups):
        title = c.label("overview")
        if len(groups) > 1:
            title = f"{title} ({g + 1}/{len(groups)})"
        slide = deck.slide(title)
        left, top, width, height = deck.body_area(slide)
        table_h = _overview_table(
            deck, slide, c, [c.stages[i] for i in group], max(map(len, groups)), left, top, width
        )
        chart_min = int(2.4 * EMU_PER_INCH)
        chart_below = len(groups) == 1 and table_h + chart_min + GAP <= height
        if chart_below:
            chart_top = top + table_h + GAP // 2
            _chart(deck, slide, c, left, chart_top, width, top + height - chart_top)
    if not chart_below:
        slide = deck.slide(c.label("emotion_curve"))
        left, top, width, height = deck.body_area(slide)
        _chart(deck, slide, c, left, top, width, height)


def _overview_table(
    deck: Deck,
    slide: Any,
    c: Content,
    stages: list[StageView],
    per_slide: int,
    left: int,
    top: int,
    width: int,
) -> int:
    """The table of ``stages``; its height."""
    n = len(stages)
    first_w = int(1.6 * EMU_PER_INCH)
    col_w = (width - first_w) // per_slide
    size = TABLE_PT
    inner = col_w - 2 * CELL_MARGIN
    # The overview is a summary: long goals and many touchpoints are cut short here
    # and shown whole on each stage's own slide.
    rows = [
        (
            c.label("customer_goal"),
            [_shorten_to(" ".join(s.goal.split()), size, inner, 3) for s in stages],
        ),
        (
            c.label("touchpoints"),
            [
                "\n".join(_shorten_to(t.name, size, inner, 2) for t in s.touchpoints[:6])
                + (f"\n+{len(s.touchpoints) - 6}" if len(s.touchpoints) > 6 else "")
                for s in stages
            ],
        ),
        (c.label("emotion"), [s.emotion_text for s in stages]),
    ]
    header = [c.label("stage")] + [_shorten_to(s.title, size, inner, 2) for s in stages]
    widths = [first_w] + [col_w] * n

    def row_h(cells: list[str]) -> int:
        return max(
            sum(_lines(line, size, w - 2 * CELL_MARGIN, 0) for line in t.split("\n"))
            * _line_height(size)
            + int(0.08 * EMU_PER_INCH)
            for t, w in zip(cells, widths, strict=True)
        )

    heights = [row_h(header)] + [row_h([name, *cells]) for name, cells in rows]
    table_h = sum(heights)
    shape = slide.shapes.add_table(len(rows) + 1, n + 1, left, top, sum(widths), table_h)
    table = shape.table
    for i, w in enumerate(widths):
        table.columns[i].width = w
    for r, h in enumerate(heights):
        table.rows[r].height = h
    for ci, text in enumerate(header):
        _cell(deck, table.cell(0, ci), text, size, bold=True)
    for ri, (name, cells) in enumerate(rows, start=1):
        _cell(deck, table.cell(ri, 0), name, size, bold=True)
        for ci, text in enumerate(cells, start=1):
            dot = stages[ci - 1].emotion if name == c.label("emotion") else None
            _cell(deck, table.cell(ri, ci), text, size, dot=dot)
    return table_h


def _chart(
    deck: Deck, slide: Any, c: Content, left: int, top: int, width: int, height: int
) -> None:
    from pptx.chart.data import CategoryChartData
    from pptx.enum.chart import XL_CHART_TYPE, XL_LEGEND_POSITION
    from pptx.util import Pt

    data = CategoryChartData()  # type: ignore[no-untyped-call]  # python-pptx: no annotations
    data.categories = [_shorten(s.name, 30) for s in c.stages]
    for series in c.curve:
        data.add_series(series.name, series.values, number_format="0.0")  # type: ignore[no-untyped-call]
    frame = slide.shapes.add_chart(XL_CHART_TYPE.LINE_MARKERS, left, top, width, height, data)
    chart = frame.chart
    chart.has_title = True
    chart.chart_title.text_frame.text = c.label("emotion_curve")
    chart.chart_title.text_frame.paragraphs[0].runs[0].font.size = Pt(14)
    chart.has_legend = len(c.curve) > 1
    if chart.has_legend:
        chart.legend.position = XL_LEGEND_POSITION.BOTTOM
        chart.legend.include_in_layout = False
        chart.legend.font.size = Pt(SMALL_PT)
    axis = chart.value_axis
    axis.minimum_scale, axis.maximum_scale, axis.major_unit = 1, 5, 1
    axis.tick_labels.font.size = Pt(SMALL_PT)
    chart.category_axis.tick_labels.font.size = Pt(SMALL_PT)
    # The average is the line to read: thicker than the persona lines.
    plot = chart.plots[0]
    for i, s in enumerate(plot.series):
        s.smooth = False
        s.format.line.width = Pt(3.5 if i == 0 else 2)


def _stage_slides(deck: Deck, c: Content) -> None:
    for stage in c.stages:
        deck.flowing(stage.title, _stage_paras(c, stage))


def _stage_paras(c: Content, s: StageView) -> list[Para]:
    paras: list[Para] = []
    if s.goal:
        paras.append(_heading(c.label("customer_goal")))
        paras.append(Para([Run(" ".join(s.goal.split()))]))
    if s.duration:
        # With the goal at the top: one line, never a slide of its own at the end.
        duration = Para([Run(f"{c.label('duration')}: ", True), Run(" ".join(s.duration.split()))])
        duration.space_before = 4 if s.goal else 0
        paras.append(duration)
    paras.append(_heading(c.label("touchpoints")))
    if not s.touchpoints:
        paras.append(Para([Run(c.label("no_touchpoints"))], italic=True))
    for t in s.touchpoints:
        runs = [Run(t.name, True)]
        if t.channel:
            runs.append(Run(f" — {t.channel}"))
        if t.emotion_text:
            runs += [Run(" · " if t.channel else " — "), *emotion_runs(t.emotion, t.emotion_text)]
        paras.append(Para(runs, bullet=1))
    if s.questions:
        paras.append(_heading(c.label("customer_questions")))
        paras += [Para([Run(q)], bullet=1) for q in s.questions]
    for key, attr in (("pains", "pains"), ("opportunities", "opportunities")):
        items = [(v, t.name) for t in s.touchpoints for v in getattr(t, attr)]
        if items:
            paras.append(_heading(c.label(key)))
            paras += [
                Para([Run(" ".join(v.split())), Run(f" ({name})")], bullet=1) for v, name in items
            ]
    if s.messaging:
        paras.append(_heading(c.label("messaging")))
        paras += _field_paras(s.messaging)
    if s.kpis:
        paras.append(_heading(c.label("kpis")))
        paras += [Para([Run(" ".join(k.split()))], bullet=1) for k in s.kpis]
    return paras


def _quote_paras(c: Content, quotes: list[Any]) -> list[Para]:
    paras = []
    for q in quotes:
        source = quote_source(q, c.lang)
        details = quote_details(q, c.lang)
        meta = [f"— {source}"] if source else []
        meta += details
        # A quote and its source stay together in a column.
        paras.append(
            Para(
                [Run(quote_text(q, c.lang))],
                italic=True,
                space_before=10,
                keep_with_next=bool(meta),
            )
        )
        paras += [
            Para([Run(m)], SMALL_PT, grey=True, keep_with_next=n < len(meta) - 1)
            for n, m in enumerate(meta)
        ]
    return paras


def _evidence_slides(deck: Deck, c: Content) -> None:
    if not c.has_interviews:
        return
    ev = c.evidence
    note = [Para([Run(c.evidence_note)], SMALL_PT, italic=True)] if c.evidence_note else []
    if not ev.by_stage and not ev.unlinked:
        deck.flowing(c.label("evidence"), [*note, Para([Run(c.label("no_evidence"))])])
        return
    for i in sorted(ev.by_stage):
        stage = c.stages[i]
        deck.flowing(
            c.label("evidence_for", stage=stage.title), note + _quote_paras(c, ev.by_stage[i])
        )
        note = []
    if ev.unlinked:
        deck.flowing(
            c.label("evidence_for", stage=c.label("unlinked")), note + _quote_paras(c, ev.unlinked)
        )


def _map_slide(deck: Deck, c: Content, png: bytes) -> None:
    from pptx.parts.image import Image

    slide = deck.slide(c.label("journey_map"))
    left, top, width, height = deck.body_area(slide)
    px_w, px_h = Image.from_blob(png).size
    scale = min(width / px_w, height / px_h)
    w, h = int(px_w * scale), int(px_h * scale)
    slide.shapes.add_picture(io.BytesIO(png), left + (width - w) // 2, top, w, h)


def export_pptx(
    journey: Any,
    *,
    lang: str | None = None,
    persona: str | None = None,
    include_unconsented: bool = False,
    anonymise: bool = False,
    template: str | None = None,
    map_png: bytes | None = None,
) -> bytes:
    """The deck as bytes; ``template`` is a .pptx whose masters and theme it uses."""
    c = build(
        journey,
        lang=lang,
        persona=persona,
        include_unconsented=include_unconsented,
        anonymise=anonymise,
    )
    deck = Deck(template, c.lang)
    props = deck.prs.core_properties
    props.title = c.title[:255]
    props.language = "en-GB" if c.lang == "en" else "da-DK"
    props.author = "kunderejse"
    _title_slide(deck, c)
    _facts_slide(deck, c)
    _persona_slides(deck, c)
    _overview(deck, c)
    _stage_slides(deck, c)
    _evidence_slides(deck, c)
    if map_png:
        _map_slide(deck, c, map_png)
    out = io.BytesIO()
    deck.prs.save(out)
    return out.getvalue()
