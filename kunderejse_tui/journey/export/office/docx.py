"""The journey as a Word document: the Markdown document's content in Word's own terms.

Word's heading styles (so the navigation pane and a table of contents work), real
tables, the map picture when there is one, and the document language set in the
style defaults (da-DK or en-GB) so Word's spell-checker picks the right dictionary.
A client's template (``template``) brings its own styles; a style it lacks falls
back to what it does have instead of failing.
"""

from __future__ import annotations

import io
from typing import Any

from kunderejse_tui.journey.export.office import require
from kunderejse_tui.journey.export.office.content import (
    Content,
    Field,
    build,
    quote_details,
    quote_source,
    quote_text,
)

LANG_TAGS = {"da": "da-DK", "en": "en-GB"}


class _Writer:
    def __init__(self, template: str | None, lang: str) -> None:
        docx = require("docx")
        self.doc = docx.Document(template)
        self.lang = lang
        if template is not None:
            self._clear_body()
        self._set_language(LANG_TAGS[lang])

    def _clear_body(self) -> None:
        # A template's sample text is not ours; its last section settings (page size,
        # margins, headers) are kept.
        body = self.doc.element.body
        for child in list(body):
            if not child.tag.endswith("}sectPr"):
                body.remove(child)

    def _set_language(self, tag: str) -> None:
        from docx.oxml import OxmlElement
        from docx.oxml.ns import qn

        styles = self.doc.styles.element
        defaults = styles.find(qn("w:docDefaults"))
        if defaults is None:
            defaults = OxmlElement("w:docDefaults")
            styles.insert(0, defaults)
        rpr_default = defaults.find(qn("w:rPrDefault"))
        if rpr_default is None:
            rpr_default = OxmlElement("w:rPrDefault")
            defaults.insert(0, rpr_default)
        rpr = rpr_default.find(qn("w:rPr"))
        if rpr is None:
            rpr = OxmlElement("w:rPr")
            rpr_default.append(rpr)
        langs = [rpr.find(qn("w:lang"))]
        if langs[0] is None:
            lang = OxmlElement("w:lang")
            rpr.append(lang)
            langs = [lang]
        # A style that names its own language (templates often say en-US) would win.
        langs += styles.findall(f".//{qn('w:style')}/{qn('w:rPr')}/{qn('w:lang')}")
        for lang in langs:
            lang.set(qn("w:val"), tag)
        self.doc.core_properties.language = tag

    def style(self, *names: str) -> Any:
        for name in names:
            try:
                return self.doc.styles[name]
            except KeyError:
                continue
        return None

    def heading(self, text: str, level: int) -> None:
        if self.style(f"Heading {level}") is not None:
            self.doc.add_heading(text, level)
        else:
            self.doc.add_paragraph().add_run(text).bold = True

    def para(self, text: str, *, italic: bool = False, style: str | None = None) -> Any:
        p = self.doc.add_paragraph(style=self.style(style) if style else None)
        if text:
            run = p.add_run(text)
            run.italic = italic or None
        return p

    def fields(self, fields: list[Field]) -> None:
        bullet = self.style("List Bullet")
        sub = self.style("List Bullet 2", "List Bullet")
        for f in fields:
            p = self.doc.add_paragraph(style=bullet)
            p.add_run(f"{f.label}:").bold = True
            if len(f.values) == 1:
                p.add_run(" " + f.values[0])
            else:
                for v in f.values:
                    self.doc.add_paragraph(v, style=sub)

    def bullets(self, items: list[str]) -> None:
        bullet = self.style("List Bullet")
        for item in items:
            self.doc.add_paragraph(item, style=bullet)

    def table(
        self, header: list[str], rows: list[list[str]], widths: list[float] | None = None
    ) -> None:
        from docx.oxml import OxmlElement
        from docx.oxml.ns import qn
        from docx.shared import Cm, Pt

        table = self.doc.add_table(rows=1 + len(rows), cols=len(header))
        style = self.style("Table Grid")
        if style is not None:
            table.style = style
        # The header row repeats on every page the table spans.
        tr_pr = table.rows[0]._tr.get_or_add_trPr()
        repeat = OxmlElement("w:tblHeader")
        repeat.set(qn("w:val"), "true")
        tr_pr.append(repeat)
        for r, cells in enumerate([header, *rows]):
            for c, value in enumerate(cells):
                cell = table.cell(r, c)
                lines = value.split("\n") if value else []
                first = cell.paragraphs[0]
                for i, line in enumerate(lines):
                    p = first if i == 0 else cell.add_paragraph()
                    p.paragraph_format.space_after = Pt(2)
                    run = p.add_run(line)
                    run.font.size = Pt(9)
                    run.bold = r == 0 or None
                if widths:
                    cell.width = Cm(widths[c])
        self.doc.add_paragraph()


def _overview(w: _Writer, c: Content) -> None:
    header = [
        c.label(k)
        for k in ("stage", "customer_goal", "customer_questions", "touchpoints", "emotion")
    ] + [c.label("tone"), c.label("key_messages")]
    rows = []
    for s in c.stages:
        tone = next((f.values[0] for f in s.messaging if f.label == c.label("tone")), "")
        key = next((f.values for f in s.messaging if f.label == c.label("key_messages")), [])
        rows.append(
            [
                s.title,
                s.goal,
                "\n".join(s.questions),
                "\n".join(t.name for t in s.touchpoints),
                s.emotion_text,
                tone,
                "\n".join(key),
            ]
        )
    # One row per stage reads better on a page than the Markdown's one column each.
    w.table(header, rows, [2.6, 3.6, 4.6, 4.0, 2.6, 2.0, 4.0])


def _landscape(w: _Writer, on: bool) -> None:
    from docx.enum.section import WD_ORIENT, WD_SECTION

    current = w.doc.sections[-1]
    section = w.doc.add_section(WD_SECTION.NEW_PAGE)
    want = WD_ORIENT.LANDSCAPE if on else WD_ORIENT.PORTRAIT
    if section.orientation != want:
        section.orientation = want
        section.page_width, section.page_height = current.page_height, current.page_width


def _stages(w: _Writer, c: Content) -> None:
    if not c.stages:
        return
    w.heading(c.label("stages"), 1)
    for s in c.stages:
        w.heading(s.title, 2)
        if s.goal:
            p = w.doc.add_paragraph()
            p.add_run(f"{c.label('customer_goal')}: ").bold = True
            p.add_run(s.goal)
        w.heading(c.label("touchpoints"), 3)
        if s.touchpoints:
            header = [
                c.label(k) for k in ("name", "channel", "kind", "emotion", "pains", "opportunities")
            ]
            rows = [
                [
                    t.name,
                    t.channel,
                    t.kind,
                    t.emotion_text,
                    "\n".join(t.pains),
                    "\n".join(t.opportunities),
                ]
                for t in s.touchpoints
            ]
            w.table(header, rows, [3.0, 2.2, 1.6, 2.2, 3.6, 3.6])
        else:
            w.para(c.label("no_touchpoints"), italic=True)
        if s.questions:
            w.heading(c.label("customer_questions"), 3)
            w.bullets(s.questions)
        if s.messaging:
            w.heading(c.label("messaging"), 3)
            w.fields(s.messaging)
        if s.kpis:
            w.heading(c.label("kpis"), 3)
            w.bullets(s.kpis)
        if s.duration:
            w.heading(c.label("duration"), 3)
            w.para(s.duration)


def _quotes(w: _Writer, c: Content, quotes: list[Any]) -> None:
    from docx.shared import Pt, RGBColor

    for q in quotes:
        p = w.para(quote_text(q, c.lang), italic=True, style="Quote")
        p.paragraph_format.space_after = Pt(2)
        for line in [f"— {s}" for s in [quote_source(q, c.lang)] if s] + quote_details(q, c.lang):
            small = w.doc.add_paragraph()
            small.paragraph_format.space_after = Pt(0)
            run = small.add_run(line)
            run.font.size = Pt(9)
            run.font.color.rgb = RGBColor(0x59, 0x59, 0x59)
        w.doc.add_paragraph()


def _evidence(w: _Writer, c: Content) -> None:
    if not c.has_interviews:
        return
    w.heading(c.label("evidence"), 1)
    if c.evidence_note:
        w.para(c.evidence_note, italic=True)
    ev = c.evidence
    if not ev.by_stage and not ev.unlinked:
        w.para(c.label("no_evidence"))
        return
    for i in sorted(ev.by_stage):
        w.heading(c.stages[i].title, 2)
        _quotes(w, c, ev.by_stage[i])
    if ev.unlinked:
        w.heading(c.label("unlinked"), 2)
        _quotes(w, c, ev.unlinked)


def export_docx(
    journey: Any,
    *,
    lang: str | None = None,
    persona: str | None = None,
    include_unconsented: bool = False,
    anonymise: bool = False,
    template: str | None = None,
    map_png: bytes | None = None,
) -> bytes:
    """The document as bytes; ``template`` is a .docx whose styles it uses."""
    c = build(
        journey,
        lang=lang,
        persona=persona,
        include_unconsented=include_unconsented,
        anonymise=anonymise,
    )
    w = _Writer(template, c.lang)
    w.doc.core_properties.title = c.title[:255]
    w.doc.core_properties.author = "kunderejse"
    if w.style("Title") is not None:
        w.doc.add_heading(c.title, 0)
    else:
        w.heading(c.title, 1)
    for block in c.description.split("\n\n"):
        if block.strip():
            w.para(" ".join(block.split()))
    if c.scope:
        w.para(c.scope, italic=True)
    if c.facts:
        w.heading(c.label("facts"), 1)
        w.fields(c.facts)
    if c.personas:
        w.heading(c.label("personas"), 1)
        for p in c.personas:
            w.heading(p.name, 2)
            if p.summary:
                w.para(" ".join(p.summary.split()), italic=True)
            w.fields(p.fields)
    if c.stages:
        _landscape(w, True)
        w.heading(c.label("overview"), 1)
        _overview(w, c)
        _landscape(w, False)
    _stages(w, c)
    _evidence(w, c)
    if map_png:
        from docx.shared import Emu

        section = w.doc.sections[-1]
        usable = int(section.page_width) - int(section.left_margin) - int(section.right_margin)
        w.heading(c.label("journey_map"), 1)
        w.doc.add_picture(io.BytesIO(map_png), width=Emu(usable))
    out = io.BytesIO()
    w.doc.save(out)
    return out.getvalue()
