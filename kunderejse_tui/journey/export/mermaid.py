"""Mermaid diagrams of a journey: a ``journey`` diagram and a ``flowchart`` stage map.

Pure functions: the same journey gives the same text byte for byte. Every piece of
user text goes through ``escape`` so that the diagram parses and shows exactly what
was typed (the render test checks this in real Mermaid).
"""

from __future__ import annotations

import itertools
from typing import Any

from kunderejse_tui.journey import access
from kunderejse_tui.journey.access import text
from kunderejse_tui.journey.export.escape import mm_actor, mm_label, mm_task, mm_text
from kunderejse_tui.journey.export.labels import (
    emotion_label,
    emotion_value,
    label,
    value_label,
)
from kunderejse_tui.journey.export.select import (
    actor_names,
    check_persona,
    export_lang,
    stage_name,
    touchpoint_name,
    visible_questions,
    visible_touchpoints,
)
from kunderejse_tui.journey.lazy_re import LazyPattern

# Mermaid's defaults (maxTextSize, maxEdges); GitHub uses them and shows nothing at all
# for a diagram over either.
MAX_TEXT_SIZE = 50_000
MAX_EDGES = 500

NEUTRAL = 3
INDENT = "    "


def _stage_indices(journey: Any, only: int | None) -> list[int]:
    count = len(access.stages(journey))
    return list(range(count)) if only is None else [only]


# ---------------------------------------------------------------------------
# journey diagram


def _journey(journey: Any, lang: str, persona: str | None, only: int | None) -> str:
    stages = access.stages(journey)
    lines = ["journey"]
    title = mm_text(text(access.as_dict(journey).get("title")))
    if title:
        lines.append(f"{INDENT}title {title}")
    for i in _stage_indices(journey, only):
        stage = stages[i]
        tasks = visible_touchpoints(stage, persona)
        if not tasks:
            # Mermaid draws a section only from its tasks, and an invented task would
            # be drawn as a neutral experience: the stage is named in a comment
            # instead (the Markdown document says so beside the diagram).
            # Escaped like any name: "%%{...}%%" in a comment would still be a directive.
            name = mm_text(stage_name(stage, i, lang))
            lines.append(f"{INDENT}%% {label('diagram_left_out_stage', lang, name=name)}")
            continue
        lines.append(f"{INDENT}section {mm_text(stage_name(stage, i, lang))}")
        for tp in tasks:
            score = emotion_value(tp.get("emotion")) or NEUTRAL
            line = f"{INDENT * 2}{mm_task(touchpoint_name(tp))}: {score}"
            actors = [mm_actor(a) for a in actor_names(tp, journey, persona)]
            actors = [a for a in actors if a]
            if actors:
                line += ": " + ", ".join(actors)
            lines.append(line)
    return "\n".join(lines) + "\n"


def stages_left_out(journey: Any, persona: str | None) -> list[int]:
    """The stages the journey diagram leaves out: none of their touchpoints is shown."""
    return [i for i, s in enumerate(access.stages(journey)) if not visible_touchpoints(s, persona)]


def export_mermaid_journey(
    journey: Any, *, lang: str | None = None, persona: str | None = None
) -> str:
    """A ``journey`` diagram: a section per stage, a task per touchpoint, scored by emotion."""
    check_persona(journey, persona)
    return _journey(journey, export_lang(journey, lang), persona, None)


def export_mermaid_journey_per_stage(
    journey: Any, *, lang: str | None = None, persona: str | None = None
) -> list[tuple[str, str]]:
    """One journey diagram per stage, as (stage id, diagram), for journeys too big for one."""
    check_persona(journey, persona)
    chosen = export_lang(journey, lang)
    return [
        (_stage_key(stage, i), _journey(journey, chosen, persona, i))
        for i, stage in enumerate(access.stages(journey))
    ]


# ---------------------------------------------------------------------------
# flowchart stage map

# Node ids are generated, never taken from the file: a user id could be "end" (which
# closes a subgraph) or start with "o"/"x" right after a link ("-->oA" is a circle
# edge). S<n> for stages, S<n>_Q<m> for questions, S<n>_T<m> for touchpoints.


def stage_node_id(stage_index: int) -> str:
    return f"S{stage_index + 1}"


def touchpoint_node_id(stage_index: int, tp_index: int) -> str:
    return f"S{stage_index + 1}_T{tp_index + 1}"


def question_node_id(stage_index: int, q_index: int) -> str:
    return f"S{stage_index + 1}_Q{q_index + 1}"


def touchpoint_label(tp: dict[str, Any], lang: str) -> str:
    """The visible text of a touchpoint node: its name, then channel and emotion."""
    details = []
    channel = text(tp.get("channel")).strip()
    if channel:
        details.append(" ".join(value_label("channel", channel, lang).split()))
    score = emotion_value(tp.get("emotion"))
    if score is not None:
        details.append(emotion_label(score, lang))
    name = touchpoint_name(tp)
    return name + ("\n" + " · ".join(details) if details else "")


def _flowchart(journey: Any, lang: str, persona: str | None, only: int | None) -> str:
    stages = access.stages(journey)
    indices = _stage_indices(journey, only)
    lines = ["flowchart LR"]
    for i in indices:
        stage = stages[i]
        sid = stage_node_id(i)
        lines.append(f'{INDENT}subgraph {sid}["{mm_label(stage_name(stage, i, lang))}"]')
        # Mermaid lays out an unlinked subgraph across the parent's direction, which
        # would put a stage's cards side by side in one long strip; "direction LR"
        # (same-rank nodes stack vertically) makes each stage a column.
        lines.append(f"{INDENT * 2}direction LR")
        for j, q in enumerate(visible_questions(stage, persona)):
            question = mm_label(text(q.get("text")))
            if question:
                # The flag shape marks the customer's own words.
                lines.append(f'{INDENT * 2}{question_node_id(i, j)}>"{question}"]')
        touchpoints = visible_touchpoints(stage, persona)
        for j, tp in enumerate(touchpoints):
            node = touchpoint_node_id(i, j)
            lines.append(f'{INDENT * 2}{node}["{mm_label(touchpoint_label(tp, lang))}"]')
        if not touchpoints:
            node = f"{sid}_T0"
            lines.append(f'{INDENT * 2}{node}["{mm_label(label("placeholder_task", lang))}"]')
        lines.append(f"{INDENT}end")
    for a, b in itertools.pairwise(indices):
        lines.append(f"{INDENT}{stage_node_id(a)} --> {stage_node_id(b)}")
    return "\n".join(lines) + "\n"


def export_mermaid_flowchart(
    journey: Any, *, lang: str | None = None, persona: str | None = None
) -> str:
    """A ``flowchart LR`` stage map: a subgraph per stage, linked in order.

    Check the result with ``check_mermaid_limits`` before publishing it: a map over
    Mermaid's limits renders as nothing; use ``export_mermaid_flowchart_per_stage``.
    """
    check_persona(journey, persona)
    return _flowchart(journey, export_lang(journey, lang), persona, None)


def export_mermaid_flowchart_per_stage(
    journey: Any, *, lang: str | None = None, persona: str | None = None
) -> list[tuple[str, str]]:
    """One stage map per stage, as (stage id, diagram); node ids match the full map."""
    check_persona(journey, persona)
    chosen = export_lang(journey, lang)
    return [
        (_stage_key(stage, i), _flowchart(journey, chosen, persona, i))
        for i, stage in enumerate(access.stages(journey))
    ]


def _stage_key(stage: dict[str, Any], index: int) -> str:
    return text(stage.get("id")).strip() or f"stage-{index + 1}"


# ---------------------------------------------------------------------------
# limits

_QUOTED = LazyPattern(r'"[^"]*"')
# Flowchart links: --> --- -.-> ==> ~~~ and their longer forms, with optional
# arrow heads (o, x, <) at either end.
_LINK = LazyPattern(r"[<ox]?(?:-{2,}|={2,}|-\.+-|~{3,})[>ox]?")


# UTF-8 bytes that start no four-byte sequence (the rest, F0-F4, do: characters
# beyond U+FFFF, which are two units in UTF-16).
_NOT_ASTRAL_LEAD = bytes(range(0xF0))


def mermaid_size(text_: str) -> int:
    """The length Mermaid compares with maxTextSize: JavaScript counts UTF-16 units.

    Counted through UTF-8, whose codec is always loaded: the UTF-16 one is an
    import a small export would pay for one length.
    """
    if text_.isascii():
        return len(text_)
    astral = text_.encode("utf-8", "surrogatepass").translate(None, _NOT_ASTRAL_LEAD)
    return len(text_) + len(astral)


def count_edges(diagram: str) -> int:
    """Links in a flowchart, not counting anything inside quoted labels."""
    count = 0
    for line in diagram.splitlines():
        stripped = line.strip()
        if stripped.startswith("%%"):
            continue
        count += len(_LINK.findall(_QUOTED.sub('""', stripped)))
    return count


def check_mermaid_limits(diagram: str) -> list[str]:
    """Why Mermaid (and so GitHub) would refuse to render ``diagram``; empty when fine."""
    problems = []
    size = mermaid_size(diagram)
    if size > MAX_TEXT_SIZE:
        problems.append(
            f"the diagram is {size:,} characters; Mermaid renders at most {MAX_TEXT_SIZE:,}"
        )
    first = diagram.lstrip().split(None, 1)[0].lower() if diagram.strip() else ""
    if first in ("flowchart", "graph"):
        edges = count_edges(diagram)
        if edges > MAX_EDGES:
            problems.append(f"the diagram has {edges} links; Mermaid renders at most {MAX_EDGES}")
    return problems
