"""What the PowerPoint and Word documents show: the Markdown document's content as data.

The same views as the Markdown export (``select``: persona filter, consent,
anonymising; ``labels``: every word in da and en), but as plain text items instead
of Markdown source, so each writer lays them out with its own native tools. No
escaping is needed in an office document; characters XML cannot hold (NUL and the
other C0 controls) are dropped, because the libraries refuse them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from kunderejse_tui.journey import access
from kunderejse_tui.journey.access import as_dict, text, texts
from kunderejse_tui.journey.export.labels import (
    emotion_average_label,
    emotion_label,
    emotion_value,
    label,
    value_label,
)
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

# XML 1.0 has no way to write these, not even escaped.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def clean(value: Any) -> str:
    """A value as document text: XML-safe, tabs as spaces, surrounding space stripped."""
    s = text(value)
    if not s.isprintable():
        s = _NOT_XML.sub("", s.replace("\t", " ").replace("\r\n", "\n").replace("\r", "\n"))
    return s.strip()


def one_line(value: Any) -> str:
    return " ".join(clean(value).split())


def cleans(value: Any) -> list[str]:
    return [c for v in texts(value) if (c := clean(v))]


@dataclass
class Field:
    """'Label: value' or 'Label:' with several values."""

    label: str
    values: list[str]


@dataclass
class PersonaView:
    name: str
    summary: str
    fields: list[Field]


@dataclass
class TouchpointView:
    name: str
    channel: str
    kind: str
    emotion: int | None
    emotion_text: str  # '4/5 tilfreds', or '': no emoji, which a PDF may lack a font for
    pains: list[str]
    opportunities: list[str]


@dataclass
class StageView:
    number: int  # 1-based
    name: str
    goal: str
    questions: list[str]
    touchpoints: list[TouchpointView]
    emotion_text: str  # the average over the visible touchpoints ('3,7/5 tilfreds'), or ''
    emotion: int | None  # that average rounded (the score its word names), or None
    messaging: list[Field]
    kpis: list[str]
    duration: str

    @property
    def title(self) -> str:
        return f"{self.number}. {self.name}"


@dataclass
class CurveSeries:
    name: str
    values: list[float | None]  # one per stage; None where no touchpoint has a score


@dataclass
class Content:
    lang: str
    title: str
    description: str
    scope: str  # '' unless a persona filter applies
    facts: list[Field]
    personas: list[PersonaView]
    stages: list[StageView]
    curve: list[CurveSeries]  # the average first, then one per persona
    evidence: Evidence
    evidence_note: str  # 'n interviews without consent are left out', or ''
    has_interviews: bool
    quotes_by_stage: dict[int, list[Quote]] = field(default_factory=dict)

    def label(self, key: str, **fields: Any) -> str:
        return label(key, self.lang, **fields)


def _fields(items: list[tuple[str, Any]]) -> list[Field]:
    out = []
    for name, value in items:
        values = cleans(value) if isinstance(value, list) else [v] if (v := clean(value)) else []
        if values:
            out.append(Field(name, values))
    return out


def _facts(journey: dict[str, Any], lang: str) -> list[Field]:
    return _fields(
        [
            (label("market", lang), value_label("market", journey.get("market"), lang)),
            (label("model", lang), value_label("model", journey.get("model"), lang)),
            (label("state", lang), value_label("state", journey.get("state"), lang)),
            (label("based_on", lang), text(journey.get("based_on"))),
            (label("time_to_purchase", lang), text(journey.get("time_to_purchase"))),
            (label("owner", lang), text(journey.get("owner"))),
            (label("updated", lang), text(journey.get("updated"))),
        ]
    )


def _personas(journey: dict[str, Any], lang: str, persona: str | None) -> list[PersonaView]:
    all_people = access.personas(journey)
    out = []
    for p in visible_personas(journey, persona):
        index = next(i for i, q in enumerate(all_people) if q is p)
        demo = as_dict(p.get("demographics"))
        job = as_dict(p.get("job"))
        fields = _fields(
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
        out.append(PersonaView(clean(persona_name(p, index)), clean(p.get("summary")), fields))
    return out


def _question(q: dict[str, Any], names: dict[str, str], persona: str | None) -> str:
    shown = one_line(q.get("text"))
    owner = text(q.get("persona"))
    if shown and owner and persona is None:
        shown += f" ({one_line(names.get(owner, owner))})"
    return shown


def _touchpoint(tp: dict[str, Any], lang: str) -> TouchpointView:
    score = emotion_value(tp.get("emotion"))
    return TouchpointView(
        name=one_line(touchpoint_name(tp)),
        channel=one_line(value_label("channel", tp.get("channel"), lang)),
        kind=one_line(value_label("kind", tp.get("kind"), lang)),
        emotion=score,
        emotion_text=emotion_label(score, lang, face=False) if score is not None else "",
        pains=cleans(tp.get("pains")),
        opportunities=cleans(tp.get("opportunities")),
    )


def _rounded(scores: list[int]) -> int | None:
    """The mean half up, as ``emotion_average_label`` rounds it for its word."""
    n = len(scores)
    return (2 * sum(scores) + n) // (2 * n) if n else None


def _stages(journey: dict[str, Any], lang: str, persona: str | None) -> list[StageView]:
    names = persona_names(journey)
    out = []
    for i, stage in enumerate(access.stages(journey)):
        visible = visible_touchpoints(stage, persona)
        messaging = as_dict(stage.get("messaging"))
        scores = [e for t in visible if (e := emotion_value(t.get("emotion"))) is not None]
        out.append(
            StageView(
                number=i + 1,
                name=one_line(stage_name(stage, i, lang)),
                goal=clean(stage.get("customer_goal")),
                questions=[
                    q
                    for q in (
                        _question(q, names, persona) for q in visible_questions(stage, persona)
                    )
                    if q
                ],
                touchpoints=[_touchpoint(t, lang) for t in visible],
                emotion_text=emotion_average_label(scores, lang, face=False),
                emotion=_rounded(scores),
                messaging=_fields(
                    [
                        (label("tone", lang), value_label("tone", messaging.get("tone"), lang)),
                        (label("key_messages", lang), texts(messaging.get("key_messages"))),
                        (label("content", lang), texts(messaging.get("content"))),
                        (label("call_to_action", lang), text(messaging.get("call_to_action"))),
                    ]
                ),
                kpis=cleans(stage.get("kpis")),
                duration=clean(stage.get("duration")),
            )
        )
    return out


def _mean(scores: list[int]) -> float | None:
    return round(sum(scores) / len(scores), 2) if scores else None


def emotion_curve(journey: Any, lang: str, persona: str | None) -> list[CurveSeries]:
    """The average emotion per stage, for everyone and then for each persona shown.

    As in the app's curve: a touchpoint that names no personas counts for all of them.
    """
    stages = access.stages(journey)
    per_stage = [
        [
            (e, texts(t.get("personas")))
            for t in visible_touchpoints(s, persona)
            if (e := emotion_value(t.get("emotion"))) is not None
        ]
        for s in stages
    ]
    series = [
        CurveSeries(label("curve_average", lang), [_mean([e for e, _ in sc]) for sc in per_stage])
    ]
    all_people = access.personas(journey)
    for p in visible_personas(journey, persona):
        pid = text(p.get("id"))
        index = next(i for i, q in enumerate(all_people) if q is p)
        values = [_mean([e for e, who in sc if not who or pid in who]) for sc in per_stage]
        series.append(CurveSeries(one_line(persona_name(p, index)), values))
    return series


def build(
    journey: Any,
    *,
    lang: str | None = None,
    persona: str | None = None,
    include_unconsented: bool = False,
    anonymise: bool = False,
) -> Content:
    """The document's content; raises UnknownPersonaError like the Markdown export."""
    check_persona(journey, persona)
    data = as_dict(journey)
    lang = export_lang(data, lang)
    scope = ""
    if persona is not None:
        scope = label(
            "persona_scope", lang, name=one_line(persona_names(data).get(persona, persona))
        )
    ev = evidence(
        data,
        lang=lang,
        persona=persona,
        include_unconsented=include_unconsented,
        anonymise=anonymise,
    )
    note = ""
    if ev.left_out and not include_unconsented:
        note = label("left_out", lang, n=ev.left_out)
    return Content(
        lang=lang,
        title=one_line(data.get("title")) or label("untitled", lang),
        description=clean(data.get("description")),
        scope=scope,
        facts=_facts(data, lang),
        personas=_personas(data, lang, persona),
        stages=_stages(data, lang, persona),
        curve=emotion_curve(data, lang, persona),
        evidence=ev,
        evidence_note=note,
        has_interviews=bool(access.interviews(data)),
        quotes_by_stage=ev.by_stage,
    )


def quote_text(q: Quote, lang: str) -> str:
    return f"{label('quote_open', lang)}{clean(q.text)}{label('quote_close', lang)}"


def quote_source(q: Quote, lang: str) -> str:
    """'Kunde A, 2026-11-03' (plus 'no consent' when shown anyway), or ''."""
    parts = [p for p in (one_line(q.who), one_line(q.date)) if p]
    if not q.consent:
        parts.append(label("no_consent", lang))
    return ", ".join(parts)


def quote_details(q: Quote, lang: str) -> list[str]:
    out = []
    if q.question:
        out.append(f"{label('question', lang)}: {one_line(q.question)}")
    tps = [t for t in (one_line(t) for t in q.touchpoints) if t]
    if tps:
        out.append(f"{label('touchpoints', lang)}: {', '.join(tps)}")
    return out
