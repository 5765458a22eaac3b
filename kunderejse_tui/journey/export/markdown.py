"""The journey as a Markdown document a consultant can hand to a client.

Pure: data in, text out, the same bytes for the same journey. The output renders
on GitHub (cmark-gfm) as intended and passes markdownlint with the project's
.markdownlint-cli2.jsonc; user text is escaped (``escape.md_*``) so it shows as
typed and never becomes markup or HTML.
"""

from __future__ import annotations

from typing import Any

from kunderejse_tui.journey import access
from kunderejse_tui.journey.access import as_dict, text, texts
from kunderejse_tui.journey.export.escape import (
    md_block,
    md_heading,
    md_inline,
    md_line,
    md_table,
    one_line,
)
from kunderejse_tui.journey.export.labels import (
    emotion_average_label,
    emotion_label,
    emotion_value,
    label,
    value_label,
)
from kunderejse_tui.journey.export.mermaid import _journey, check_mermaid_limits, stages_left_out
from kunderejse_tui.journey.export.select import (
    Evidence,
    Quote,
    check_persona,
    evidence,
    export_lang,
    persona_name,
    persona_names,
    stage_name,
    touchpoint_name,
    visible_personas,
    visible_questions,
    visible_touchpoints,
)


class _Doc:
    """Blocks separated by exactly one blank line (markdownlint MD012/MD022/MD032)."""

    def __init__(self) -> None:
        self.blocks: list[str] = []

    def add(self, block: str) -> None:
        if block:
            self.blocks.append(block)

    def heading(self, level: int, title: str) -> None:
        self.add("#" * level + " " + title)

    def text(self) -> str:
        return "\n\n".join(self.blocks) + "\n"


class _Headings:
    """Sibling headings must differ (MD024 siblings_only): a repeat gets its id or a number."""

    def __init__(self) -> None:
        self.seen: set[str] = set()

    def unique(self, title: str, ident: str) -> str:
        candidate = title
        n = 2
        if candidate.casefold() in self.seen and ident:
            candidate = f"{title} ({md_inline(ident)})"
        while candidate.casefold() in self.seen:
            candidate = f"{title} ({n})"
            n += 1
        self.seen.add(candidate.casefold())
        return candidate


def _bullet(name: str, value: str) -> str:
    return f"- **{name}:** {value}"


def _field_list(items: list[tuple[str, Any]]) -> str:
    """A list of 'Label: value' items; a list value becomes a nested list."""
    lines = []
    for name, value in items:
        if isinstance(value, list):
            values = [md_inline(v) for v in texts(value)]
            values = [v for v in values if v]
            if not values:
                continue
            if len(values) == 1:
                lines.append(_bullet(name, values[0]))
            else:
                lines.append(f"- **{name}:**")
                lines.extend(f"  - {v}" for v in values)
        else:
            shown = md_inline(text(value))
            if shown:
                lines.append(_bullet(name, shown))
    return "\n".join(lines)


def _cell_list(values: list[str]) -> str:
    return "<br>".join(v for v in values if v)


def _facts(journey: dict[str, Any], lang: str) -> str:
    items: list[tuple[str, Any]] = [
        (label("market", lang), value_label("market", journey.get("market"), lang)),
        (label("model", lang), value_label("model", journey.get("model"), lang)),
        (label("state", lang), value_label("state", journey.get("state"), lang)),
        (label("based_on", lang), text(journey.get("based_on"))),
        (label("time_to_purchase", lang), text(journey.get("time_to_purchase"))),
        (label("owner", lang), text(journey.get("owner"))),
        (label("updated", lang), text(journey.get("updated"))),
    ]
    return _field_list(items)


def _persona_section(doc: _Doc, journey: dict[str, Any], lang: str, persona: str | None) -> None:
    people = visible_personas(journey, persona)
    if not people:
        return
    doc.heading(2, md_heading(label("personas", lang)))
    headings = _Headings()
    all_people = access.personas(journey)
    for p in people:
        index = next(i for i, q in enumerate(all_people) if q is p)
        doc.heading(3, headings.unique(md_heading(persona_name(p, index)), text(p.get("id"))))
        doc.add(md_block(text(p.get("summary"))))
        demo = as_dict(p.get("demographics"))
        job = as_dict(p.get("job"))
        doc.add(
            _field_list(
                [
                    (label("age", lang), text(demo.get("age"))),
                    (label("gender", lang), text(demo.get("gender"))),
                    (label("education", lang), text(demo.get("education"))),
                    (label("job_title", lang), text(job.get("title"))),
                    (label("company_type", lang), text(job.get("company_type"))),
                    (label("buying_role", lang), text(job.get("buying_role"))),
                    (label("geography", lang), text(p.get("geography"))),
                    (label("traits", lang), texts(p.get("traits"))),
                    (label("needs", lang), texts(p.get("needs"))),
                    (label("pains", lang), texts(p.get("pains"))),
                ]
            )
        )


def _question_item(q: dict[str, Any], names: dict[str, str], persona: str | None) -> str:
    shown = md_inline(text(q.get("text")))
    owner = text(q.get("persona"))
    if shown and owner and persona is None:
        shown += f" ({md_inline(names.get(owner, owner))})"
    return shown


def _overview(journey: dict[str, Any], lang: str, persona: str | None) -> str:
    stages = access.stages(journey)
    names = persona_names(journey)
    header = [md_inline(label("stage", lang))] + [
        md_inline(one_line(stage_name(s, i, lang))) for i, s in enumerate(stages)
    ]
    goal, questions, tps, emotion, tone, key = ([] for _ in range(6))
    for s in stages:
        messaging = as_dict(s.get("messaging"))
        visible = visible_touchpoints(s, persona)
        goal.append(md_inline(text(s.get("customer_goal"))))
        questions.append(
            _cell_list([_question_item(q, names, persona) for q in visible_questions(s, persona)])
        )
        tps.append(_cell_list([md_inline(touchpoint_name(t)) for t in visible]))
        scores = [e for t in visible if (e := emotion_value(t.get("emotion"))) is not None]
        emotion.append(emotion_average_label(scores, lang))
        tone.append(md_inline(value_label("tone", messaging.get("tone"), lang)))
        key.append(_cell_list([md_inline(m) for m in texts(messaging.get("key_messages"))]))
    rows = [
        [md_inline(label("customer_goal", lang)), *goal],
        [md_inline(label("customer_questions", lang)), *questions],
        [md_inline(label("touchpoints", lang)), *tps],
        [md_inline(label("emotion", lang)), *emotion],
        [md_inline(label("tone", lang)), *tone],
        [md_inline(label("key_messages", lang)), *key],
    ]
    return md_table(header, rows)


def _touchpoint_table(touchpoints: list[dict[str, Any]], lang: str) -> str:
    header = [
        md_inline(label(k, lang))
        for k in ("name", "channel", "kind", "emotion", "pains", "opportunities")
    ]
    rows = []
    for tp in touchpoints:
        score = emotion_value(tp.get("emotion"))
        rows.append(
            [
                md_inline(touchpoint_name(tp)),
                md_inline(value_label("channel", tp.get("channel"), lang)),
                md_inline(value_label("kind", tp.get("kind"), lang)),
                emotion_label(score, lang) if score is not None else "",
                _cell_list([md_inline(v) for v in texts(tp.get("pains"))]),
                _cell_list([md_inline(v) for v in texts(tp.get("opportunities"))]),
            ]
        )
    return md_table(header, rows)


def _stage_sections(doc: _Doc, journey: dict[str, Any], lang: str, persona: str | None) -> None:
    stages = access.stages(journey)
    if not stages:
        return
    names = persona_names(journey)
    doc.heading(2, md_heading(label("stages", lang)))
    for i, stage in enumerate(stages):
        doc.heading(3, f"{i + 1}. {md_heading(stage_name(stage, i, lang))}")
        goal = md_inline(text(stage.get("customer_goal")))
        if goal:
            doc.add(f"**{label('customer_goal', lang)}:** {goal}")

        doc.heading(4, md_heading(label("touchpoints", lang)))
        visible = visible_touchpoints(stage, persona)
        if visible:
            doc.add(_touchpoint_table(visible, lang))
        else:
            doc.add(md_inline(label("no_touchpoints", lang)))

        items = [_question_item(q, names, persona) for q in visible_questions(stage, persona)]
        items = [i for i in items if i]
        if items:
            doc.heading(4, md_heading(label("customer_questions", lang)))
            doc.add("\n".join(f"- {i}" for i in items))

        messaging = as_dict(stage.get("messaging"))
        fields = _field_list(
            [
                (label("tone", lang), value_label("tone", messaging.get("tone"), lang)),
                (label("key_messages", lang), texts(messaging.get("key_messages"))),
                (label("content", lang), texts(messaging.get("content"))),
                (label("call_to_action", lang), text(messaging.get("call_to_action"))),
            ]
        )
        if fields:
            doc.heading(4, md_heading(label("messaging", lang)))
            doc.add(fields)

        kpis = [md_inline(k) for k in texts(stage.get("kpis"))]
        kpis = [k for k in kpis if k]
        if kpis:
            doc.heading(4, md_heading(label("kpis", lang)))
            doc.add("\n".join(f"- {k}" for k in kpis))

        duration = md_block(text(stage.get("duration")))
        if duration:
            doc.heading(4, md_heading(label("duration", lang)))
            doc.add(duration)


def _quote_item(q: Quote, lang: str) -> str:
    who = ", ".join(md_inline(x) for x in (q.who, q.date) if x)
    if not q.consent:
        who = f"{who}, {label('no_consent', lang)}" if who else label("no_consent", lang)
    opening, closing = label("quote_open", lang), label("quote_close", lang)
    line = f"- {opening}{md_inline(q.text)}{closing}"
    if who:
        line += f" ({who})"
    details = []
    if q.question:
        details.append(_bullet(label("question", lang), md_inline(q.question)))
    tps = [md_inline(t) for t in q.touchpoints]
    if tps:
        details.append(_bullet(label("touchpoints", lang), ", ".join(t for t in tps if t)))
    return "\n".join([line] + ["  " + d for d in details])


def _evidence_section(
    doc: _Doc, journey: dict[str, Any], lang: str, ev: Evidence, include_unconsented: bool
) -> None:
    if not access.interviews(journey):
        return
    stages = access.stages(journey)
    doc.heading(2, md_heading(label("evidence", lang)))
    if ev.left_out and not include_unconsented:
        doc.add(md_inline(label("left_out", lang, n=ev.left_out)))
    if not ev.by_stage and not ev.unlinked:
        doc.add(md_inline(label("no_evidence", lang)))
        return
    for i in sorted(ev.by_stage):
        doc.heading(3, f"{i + 1}. {md_heading(stage_name(stages[i], i, lang))}")
        doc.add("\n".join(_quote_item(q, lang) for q in ev.by_stage[i]))
    if ev.unlinked:
        doc.heading(3, md_heading(label("unlinked", lang)))
        doc.add("\n".join(_quote_item(q, lang) for q in ev.unlinked))


def export_markdown(
    journey: Any,
    *,
    lang: str | None = None,
    persona: str | None = None,
    include_unconsented: bool = False,
    anonymise: bool = False,
) -> str:
    """The journey document: facts, personas, overview, stages, evidence, diagram."""
    check_persona(journey, persona)
    data = as_dict(journey)
    lang = export_lang(data, lang)
    doc = _Doc()

    doc.heading(1, md_heading(text(data.get("title")).strip() or label("untitled", lang)))
    doc.add(md_block(text(data.get("description"))))
    if persona is not None:
        name = persona_names(data).get(persona, persona)
        before, _, after = label("persona_scope", lang).partition("{name}")
        doc.add(md_line(before) + md_line(one_line(name)) + md_line(after))

    facts = _facts(data, lang)
    if facts:
        doc.heading(2, md_heading(label("facts", lang)))
        doc.add(facts)

    _persona_section(doc, data, lang, persona)

    if access.stages(data):
        doc.heading(2, md_heading(label("overview", lang)))
        doc.add(_overview(data, lang, persona))
    _stage_sections(doc, data, lang, persona)

    ev = evidence(
        data,
        lang=lang,
        persona=persona,
        include_unconsented=include_unconsented,
        anonymise=anonymise,
    )
    _evidence_section(doc, data, lang, ev, include_unconsented)

    doc.heading(2, md_heading(label("diagram", lang)))
    diagram = _journey(data, lang, persona, None)
    if check_mermaid_limits(diagram):
        doc.add(md_inline(label("diagram_too_big", lang)))
    else:
        # The diagram never holds a backtick (escaped as #96;), so a plain fence is safe.
        doc.add("```mermaid\n" + diagram + "```")
        left_out = stages_left_out(data, persona)
        if left_out:
            stages = access.stages(data)
            names = ", ".join(one_line(stage_name(stages[i], i, lang)) for i in left_out)
            doc.add(md_inline(label("diagram_left_out", lang, n=len(left_out), names=names)))
    return doc.text()
