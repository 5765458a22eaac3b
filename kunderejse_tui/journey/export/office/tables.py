"""The journey as plain tables for the client's team: rows of text and numbers.

Shared by the Excel workbook (one sheet each) and ``--to csv --table NAME``.
Touchpoints and the backlog honour ``--persona``; interview answers follow the
exports' consent and anonymising rules (``select.evidence``), so "Kunde A" is the
same person as in the Word and PowerPoint documents.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from kunderejse_tui.journey import access
from kunderejse_tui.journey.access import as_dict
from kunderejse_tui.journey.evidence import coverage
from kunderejse_tui.journey.export.labels import emotion_value, label, value_label
from kunderejse_tui.journey.export.office.content import clean, cleans, one_line
from kunderejse_tui.journey.export.select import (
    actor_names,
    check_persona,
    document_order,
    evidence,
    export_lang,
    persona_name,
    persona_names,
    stage_name,
    touchpoint_name,
    visible_personas,
    visible_touchpoints,
)

TABLES = ("touchpoints", "backlog", "interviews", "personas")

Cell = str | int | float | None

# Several values in one cell: one per line (Excel wraps them; CSV quotes them).
JOIN = "\n"


@dataclass
class Table:
    name: str  # one of TABLES
    title: str  # the sheet's name, in the document's language
    header: list[str]
    rows: list[list[Cell]]
    wide: frozenset[int] = frozenset()  # columns of running text (wrapped, wider)


def _evidence_counts(journey: Any, include_unconsented: bool) -> dict[int, int]:
    """id() of each touchpoint mapping -> how many answers back it."""
    cov = coverage(journey, include_unconsented=include_unconsented)
    counts: dict[int, int] = {}
    for stage, sc in zip(access.stages(journey), cov.stages, strict=False):
        for tp, tc in zip(access.touchpoints(stage), sc.touchpoints, strict=False):
            counts[id(tp)] = tc.count
    return counts


def _touchpoints(
    journey: dict[str, Any], lang: str, persona: str | None, counts: dict[int, int]
) -> Table:
    rows: list[list[Cell]] = []
    for i, stage in enumerate(access.stages(journey)):
        for tp in visible_touchpoints(stage, persona):
            rows.append(
                [
                    one_line(stage_name(stage, i, lang)),
                    one_line(touchpoint_name(tp)),
                    one_line(value_label("channel", tp.get("channel"), lang)),
                    one_line(value_label("kind", tp.get("kind"), lang)),
                    emotion_value(tp.get("emotion")),
                    JOIN.join(one_line(n) for n in actor_names(tp, journey, persona)),
                    counts.get(id(tp), 0),
                ]
            )
    keys = ("stage", "name", "channel", "kind", "emotion", "personas", "evidence_count")
    return Table("touchpoints", label("touchpoints", lang), [label(k, lang) for k in keys], rows)


def _backlog(
    journey: dict[str, Any], lang: str, persona: str | None, counts: dict[int, int]
) -> Table:
    rows: list[list[Cell]] = []
    for i, stage in enumerate(access.stages(journey)):
        for tp in visible_touchpoints(stage, persona):
            for key, kind in (("pains", "pain"), ("opportunities", "opportunity")):
                for item in cleans(tp.get(key)):
                    rows.append(
                        [
                            one_line(stage_name(stage, i, lang)),
                            one_line(touchpoint_name(tp)),
                            label(kind, lang),
                            item,
                            counts.get(id(tp), 0),
                            "",
                            "",
                            "",
                        ]
                    )
    keys = (
        "stage",
        "touchpoint",
        "category",
        "text",
        "evidence_count",
        "responsible",
        "priority",
        "status",
    )
    return Table(
        "backlog", label("backlog", lang), [label(k, lang) for k in keys], rows, frozenset({3})
    )


def _interviews(
    journey: dict[str, Any],
    lang: str,
    persona: str | None,
    include_unconsented: bool,
    anonymise: bool,
) -> Table:
    ev = evidence(
        journey,
        lang=lang,
        persona=persona,
        include_unconsented=include_unconsented,
        anonymise=anonymise,
    )
    stages = access.stages(journey)
    stage_of: dict[int, list[str]] = {}
    for i in sorted(ev.by_stage):
        for q in ev.by_stage[i]:
            stage_of.setdefault(id(q), []).append(one_line(stage_name(stages[i], i, lang)))
    names = persona_names(journey)
    rows: list[list[Cell]] = []
    seen: set[int] = set()
    for q in document_order(ev):
        # An answer backing two stages is one Quote listed under both: one row.
        if id(q) in seen:
            continue
        seen.add(id(q))
        rows.append(
            [
                one_line(q.who),
                one_line(q.date),
                one_line(names.get(q.persona, q.persona)) if q.persona else "",
                one_line(q.question),
                clean(q.text),
                JOIN.join(stage_of.get(id(q), [])),
                JOIN.join(t for t in (one_line(t) for t in q.touchpoints) if t),
                label("yes" if q.consent else "no", lang),
            ]
        )
    keys = (
        "respondent_col",
        "date",
        "persona",
        "question",
        "answer",
        "stage_list",
        "touchpoints",
        "consent",
    )
    return Table(
        "interviews",
        label("interview_answers", lang),
        [label(k, lang) for k in keys],
        rows,
        frozenset({3, 4}),
    )


def _personas(journey: dict[str, Any], lang: str, persona: str | None) -> Table:
    all_people = access.personas(journey)
    rows: list[list[Cell]] = []
    for p in visible_personas(journey, persona):
        index = next(i for i, q in enumerate(all_people) if q is p)
        demo = as_dict(p.get("demographics"))
        job = as_dict(p.get("job"))
        rows.append(
            [
                one_line(persona_name(p, index)),
                one_line(p.get("id")),
                clean(p.get("summary")),
                one_line(demo.get("age")),
                one_line(demo.get("gender")),
                one_line(demo.get("education")),
                one_line(job.get("title")),
                one_line(job.get("company_type")),
                one_line(job.get("buying_role")),
                one_line(p.get("geography")),
                JOIN.join(cleans(p.get("traits"))),
                JOIN.join(cleans(p.get("needs"))),
                JOIN.join(cleans(p.get("pains"))),
            ]
        )
    keys = (
        "name",
        "id",
        "summary",
        "age",
        "gender",
        "education",
        "job_title",
        "company_type",
        "buying_role",
        "geography",
        "traits",
        "needs",
        "pains",
    )
    return Table(
        "personas",
        label("personas", lang),
        [label(k, lang) for k in keys],
        rows,
        frozenset({2, 10, 11, 12}),
    )


def build_tables(
    journey: Any,
    *,
    lang: str | None = None,
    persona: str | None = None,
    include_unconsented: bool = False,
    anonymise: bool = False,
    only: str | None = None,
) -> list[Table]:
    """Every table (or just ``only``), in TABLES order."""
    if only is not None and only not in TABLES:
        raise ValueError(f"unknown table {only!r} (known: {', '.join(TABLES)})")
    check_persona(journey, persona)
    data = as_dict(journey)
    lang = export_lang(data, lang)
    wanted = TABLES if only is None else (only,)
    counts = (
        _evidence_counts(data, include_unconsented)
        if {"touchpoints", "backlog"} & set(wanted)
        else {}
    )
    out: list[Table] = []
    for name in wanted:
        if name == "touchpoints":
            out.append(_touchpoints(data, lang, persona, counts))
        elif name == "backlog":
            out.append(_backlog(data, lang, persona, counts))
        elif name == "interviews":
            out.append(_interviews(data, lang, persona, include_unconsented, anonymise))
        else:
            out.append(_personas(data, lang, persona))
    return out
