"""The journey as a PowerPoint deck a consultant can present as it is.

Title, facts, one slide per persona, an overview (a native table and the emotion
curve as a native, editable line chart), one slide per stage, the interview
evidence per stage, and the map picture last when there is one. All text is
editable text in the template's own title placeholders and plain text boxes.

Text must fit its box: PowerPoint only shrinks text to fit when someone edits it,
and LibreOffice not at all in a PDF, so the deck measures instead. A text column is
filled paragraph by paragraph with an estimate of the wrapped height, and what does
not fit goes on to the next column or a "(continued)" slide.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from typing import Any

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

EMU_PER_INCH = 914400
EMU_PER_PT = 12700
WIDE_W, WIDE_H = 12192000, 6858000  # 13.333 x 7.5 inches: 16:9
MARGIN = int(0.5 * EMU_PER_INCH)
GAP = int(0.4 * EMU_PER_INCH)

BODY_PT, SMALL_PT, TABLE_PT = 15, 12, 11
# Calibri's average character is about half an em wide; a little more keeps the
# estimate on the safe side for capitals and wide letters (æ, ø, W).
CHAR_EM = 0.44
LINE = 1.2
GREY = (0x59, 0x59, 0x59)


@dataclass
class Para:
    """One paragraph of a text column."""

    runs: list[tuple[str, bool]]  # (text, bold)
    size: int = BODY_PT
    bullet: int = 0  # 0: none, 1: bullet, 2: sub-bullet
    italic: bool = False
    grey: bool = False
    space_before: int = 0  # points
    keep_with_next: bool = False  # a heading stays with what follows it

    @property
    def text(self) -> str:
        return "".join(t for t, _ in self.runs)


@dataclass
class Column:
    paras: list[Para] = field(default_factory=list)


def _lines(text: str, size: int, width_emu: int, indent_emu: int) -> int:
    per_line = max(8, int((width_emu - indent_emu) / EMU_PER_PT / (size * CHAR_EM)))
    total = 0
    for line in text.split("\n"):
        # Words do not break mid-word: count by words, not characters.
        n, used = 1, 0
        for word in line.split(" "):
            w = len(word)
            if used and used + 1 + w > per_line:
                n += 1
                used = w
            else:
                used += (1 if used else 0) + w
            while used > per_line:
                n += 1
                used -= per_line
        total += n
    return total


def _indent(p: Para) -> int:
    return int(0.3 * EMU_PER_INCH) * p.bullet


def _height(p: Para, width: int) -> int:
    lines = _lines(p.text, p.size, width, _indent(p))
    return int((lines * p.size * LINE + p.space_before) * EMU_PER_PT)


def _split(p: Para, width: int, room: int) -> tuple[Para, Para] | None:
    """The part of a long paragraph that fits in ``room``, and the rest."""
    words = p.text.split(" ")
    if len(words) < 2:
        return None
    lo, hi = 1, len(words) - 1
    best = 0
    while lo <= hi:
        mid = (lo + hi) // 2
        head = Para([(" ".join(words[:mid]), False)], p.size, p.bullet, p.italic, p.grey)
        head.space_before = p.space_before
        if _height(head, width) <= room:
            best = mid
            lo = mid + 1
        else:
            hi = mid - 1
    if best == 0:
        return None
    head = Para(
        [(" ".join(words[:best]), False)], p.size, p.bullet, p.italic, p.grey, p.space_before
    )
    # The rest continues the same item: no second bullet, the same indent.
    tail = Para([(" ".join(words[best:]), False)], p.size, 0, p.italic, p.grey)
    return head, tail


def flow(paras: list[Para], width: int, height: int, columns: int) -> list[list[Column]]:
    """Pages of ``columns`` columns each, filled in reading order."""
    pages: list[list[Column]] = []
    current: list[Column] = [Column()]
    used = 0
    queue = list(paras)
    while queue:
        p = queue.pop(0)
        h = _height(p, width)
        col = current[-1]
        # A heading alone at the foot of a column: take it and what follows along.
        needed = h + (_height(queue[0], width) if p.keep_with_next and queue else 0)
        if used + needed > height and col.paras:
            room = height - used
            parts = None if p.keep_with_next else _split(p, width, room)
            if parts is not None and room > p.size * LINE * 2 * EMU_PER_PT:
                col.paras.append(parts[0])
                queue.insert(0, parts[1])
            else:
                queue.insert(0, p)
            if len(current) == columns:
                pages.append(current)
                current = []
            current.append(Column())
            used = 0
            continue
        if h > height and not col.paras:
            parts = _split(p, width, height)
            if parts is not None:
                col.paras.append(parts[0])
                queue.insert(0, parts[1])
                if len(current) == columns:
                    pages.append(current)
                    current = []
                current.append(Column())
                used = 0
                continue
        col.paras.append(p)
        used += h
    if any(c.paras for c in current):
        pages.append(current)
    return pages or [[Column()]]


def _heading(title: str) -> Para:
    return Para([(title, True)], BODY_PT + 2, space_before=8, keep_with_next=True)


def _field_paras(fields: list[Field]) -> list[Para]:
    out = []
    for f in fields:
        if len(f.values) == 1:
            out.append(Para([(f"{f.label}: ", True), (f.values[0], False)], bullet=1))
        else:
            out.append(Para([(f"{f.label}:", True)], bullet=1, keep_with_next=True))
            out.extend(Para([(v, False)], bullet=2) for v in f.values)
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
    ) -> None:
        from pptx.dml.color import RGBColor
        from pptx.util import Pt

        run = paragraph.add_run()
        run.text = text
        run.font.size = Pt(size)
        run.font.bold = bold or None
        run.font.italic = italic or None
        run.font.language_id = self.language
        if grey:
            run.font.color.rgb = RGBColor(*GREY)

    def _bullet(self, paragraph: Any, level: int) -> None:
        from pptx.oxml.ns import qn

        ppr = paragraph._p.get_or_add_pPr()
        indent = int(0.3 * EMU_PER_INCH)
        ppr.set("marL", str(indent * level))
        ppr.set("indent", str(-int(0.22 * EMU_PER_INCH)))
        char = ppr.makeelement(qn("a:buChar"), {"char": "•" if level == 1 else "–"})
        ppr.append(char)

    def text_box(
        self, slide: Any, left: int, top: int, width: int, height: int, paras: list[Para]
    ) -> None:
        from pptx.enum.text import MSO_AUTO_SIZE
        from pptx.util import Pt

        box = slide.shapes.add_textbox(left, top, width, height)
        tf = box.text_frame
        tf.word_wrap = True
        tf.auto_size = MSO_AUTO_SIZE.NONE
        tf.margin_left = tf.margin_right = 0
        for i, p in enumerate(paras):
            paragraph = tf.paragraphs[0] if i == 0 else tf.add_paragraph()
            if p.space_before and i:
                paragraph.space_before = Pt(p.space_before)
            if p.bullet:
                self._bullet(paragraph, p.bullet)
            for text, bold in p.runs:
                self._run(paragraph, text, p.size, bold, p.italic, p.grey)

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
        pages = flow(paras, col_w, height, columns)
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
    paras = [Para([(p, False)], space_before=6) for p in c.description.split("\n\n") if p.strip()]
    for p in paras:
        p.runs = [(" ".join(p.text.split()), False)]
    paras += _field_paras(c.facts)
    deck.flowing(c.label("facts"), paras)


def _persona_slides(deck: Deck, c: Content) -> None:
    for p in c.personas:
        paras = []
        if p.summary:
            paras.append(Para([(" ".join(p.summary.split()), False)], italic=True))
        paras += _field_paras(p.fields)
        deck.flowing(p.name, paras)


def _cell(deck: Deck, cell: Any, text: str, size: int, bold: bool = False) -> None:
    tf = cell.text_frame
    tf.word_wrap = True
    lines = text.split("\n") if text else [""]
    for i, line in enumerate(lines):
        paragraph = tf.paragraphs[0] if i == 0 else tf.add_paragraph()
        if line:
            deck._run(paragraph, line, size, bold)
    cell.margin_left = cell.margin_right = int(0.05 * EMU_PER_INCH)
    cell.margin_top = cell.margin_bottom = int(0.03 * EMU_PER_INCH)


def _shorten(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _overview(deck: Deck, c: Content) -> None:
    if not c.stages:
        return
    slide = deck.slide(c.label("overview"))
    left, top, width, height = deck.body_area(slide)
    n = len(c.stages)
    first_w = int(1.6 * EMU_PER_INCH)
    col_w = (width - first_w) // n
    size = TABLE_PT if n <= 6 else 9
    # The overview is a summary: long goals and many touchpoints are cut short here
    # and shown whole on each stage's own slide.
    goal_chars = max(20, int(col_w / EMU_PER_PT / (size * CHAR_EM)) * 3)
    rows = [
        (
            c.label("customer_goal"),
            [_shorten(" ".join(s.goal.split()), goal_chars) for s in c.stages],
        ),
        (
            c.label("touchpoints"),
            [
                "\n".join(_shorten(t.name, 40) for t in s.touchpoints[:6])
                + (f"\n+{len(s.touchpoints) - 6}" if len(s.touchpoints) > 6 else "")
                for s in c.stages
            ],
        ),
        (c.label("emotion"), [s.emotion_text for s in c.stages]),
    ]
    header = [c.label("stage")] + [_shorten(s.title, 60) for s in c.stages]

    def row_h(cells: list[str], bold: bool = False) -> int:
        widths = [first_w] + [col_w] * n
        return max(
            int((_lines(t, size, w - int(0.1 * EMU_PER_INCH), 0) * size * LINE + 6) * EMU_PER_PT)
            for t, w in zip(cells, widths, strict=True)
        )

    heights = [row_h(header)] + [row_h([name, *cells]) for name, cells in rows]
    table_h = sum(heights)
    chart_min = int(2.4 * EMU_PER_INCH)
    chart_on_own_slide = table_h + chart_min + GAP > height
    shape = slide.shapes.add_table(len(rows) + 1, n + 1, left, top, width, table_h)
    table = shape.table
    table.columns[0].width = first_w
    for i in range(n):
        table.columns[i + 1].width = col_w
    for r, h in enumerate(heights):
        table.rows[r].height = h
    for ci, text in enumerate(header):
        _cell(deck, table.cell(0, ci), text, size, bold=True)
    for ri, (name, cells) in enumerate(rows, start=1):
        _cell(deck, table.cell(ri, 0), name, size, bold=True)
        for ci, text in enumerate(cells, start=1):
            _cell(deck, table.cell(ri, ci), text, size)
    if chart_on_own_slide:
        slide = deck.slide(c.label("emotion_curve"))
        left, top, width, height = deck.body_area(slide)
        _chart(deck, slide, c, left, top, width, height)
    else:
        chart_top = top + table_h + GAP // 2
        _chart(deck, slide, c, left, chart_top, width, top + height - chart_top)


def _chart(
    deck: Deck, slide: Any, c: Content, left: int, top: int, width: int, height: int
) -> None:
    from pptx.chart.data import CategoryChartData
    from pptx.enum.chart import XL_CHART_TYPE, XL_LEGEND_POSITION
    from pptx.util import Pt

    data = CategoryChartData()
    data.categories = [_shorten(s.name, 30) for s in c.stages]
    for series in c.curve:
        data.add_series(series.name, series.values, number_format="0.0")
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
        paras.append(Para([(" ".join(s.goal.split()), False)]))
    paras.append(_heading(c.label("touchpoints")))
    if not s.touchpoints:
        paras.append(Para([(c.label("no_touchpoints"), False)], italic=True))
    for t in s.touchpoints:
        detail = " · ".join(x for x in (t.channel, t.emotion_text) if x)
        runs = [(t.name, True)] + ([(f" — {detail}", False)] if detail else [])
        paras.append(Para(runs, bullet=1))
    if s.questions:
        paras.append(_heading(c.label("customer_questions")))
        paras += [Para([(q, False)], bullet=1) for q in s.questions]
    for key, attr in (("pains", "pains"), ("opportunities", "opportunities")):
        items = [(v, t.name) for t in s.touchpoints for v in getattr(t, attr)]
        if items:
            paras.append(_heading(c.label(key)))
            paras += [
                Para([(" ".join(v.split()), False), (f" ({name})", False)], bullet=1)
                for v, name in items
            ]
    if s.messaging:
        paras.append(_heading(c.label("messaging")))
        paras += _field_paras(s.messaging)
    if s.kpis:
        paras.append(_heading(c.label("kpis")))
        paras += [Para([(" ".join(k.split()), False)], bullet=1) for k in s.kpis]
    if s.duration:
        paras.append(_heading(c.label("duration")))
        paras.append(Para([(" ".join(s.duration.split()), False)]))
    return paras


def _quote_paras(c: Content, quotes: list[Any]) -> list[Para]:
    paras = []
    for q in quotes:
        paras.append(Para([(quote_text(q, c.lang), False)], italic=True, space_before=10))
        source = quote_source(q, c.lang)
        details = quote_details(q, c.lang)
        if source:
            paras.append(Para([(f"— {source}", False)], SMALL_PT, grey=True))
        paras += [Para([(d, False)], SMALL_PT, grey=True) for d in details]
    return paras


def _evidence_slides(deck: Deck, c: Content) -> None:
    if not c.has_interviews:
        return
    ev = c.evidence
    note = [Para([(c.evidence_note, False)], SMALL_PT, italic=True)] if c.evidence_note else []
    if not ev.by_stage and not ev.unlinked:
        deck.flowing(c.label("evidence"), [*note, Para([(c.label("no_evidence"), False)])])
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
