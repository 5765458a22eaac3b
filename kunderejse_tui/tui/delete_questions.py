"""What a delete takes with it, in words, and the dialog that asks before it happens.

Deleting a stage takes its touchpoints, questions and messaging along; deleting
a persona leaves the touchpoints, questions and interviews that name it pointing
at nobody. Neither happens on a single key: the map and the persona list ask
first with ``delete_dialog``, naming what goes (counts with proper plurals).
Undo still brings it all back. An item that holds nothing is deleted at once.
"""

from __future__ import annotations

from kunderejse_tui.journey.access import as_dict, as_list, text, texts
from kunderejse_tui.tui.i18n import tr
from kunderejse_tui.tui.screens.recovery import Choice, ChoiceDialog


def joined(lang: str, parts: list[str]) -> str:
    """``a, b og c`` (da) / ``a, b and c`` (en)."""
    if len(parts) <= 1:
        return "".join(parts)
    return tr(lang, "keys.and", rest=", ".join(parts[:-1]), last=parts[-1])


def stage_contents(lang: str, stage: object) -> list[str]:
    """What a stage holds, one phrase per kind of item; empty when it holds nothing."""
    s = as_dict(stage)
    parts: list[str] = []
    for key, message in (
        ("touchpoints", "keys.n_touchpoints"),
        ("customer_questions", "keys.n_questions"),
    ):
        n = len(as_list(s.get(key)))
        if n:
            parts.append(tr(lang, message, n=n))
    if text(s.get("customer_goal")).strip():
        parts.append(tr(lang, "keys.goal"))
    if s.get("messaging") not in (None, {}, [], ""):
        parts.append(tr(lang, "keys.messaging"))
    kpis = len(as_list(s.get("kpis")))
    if kpis:
        parts.append(tr(lang, "keys.n_kpis", n=kpis))
    return parts


def persona_references(lang: str, journey: object, persona_id: str) -> list[str]:
    """Where a persona is named: touchpoints, customer questions, interviews."""
    if not persona_id:
        return []
    data = as_dict(journey)
    touchpoints = questions = 0
    for stage in as_list(data.get("stages")):
        s = as_dict(stage)
        touchpoints += sum(
            1
            for tp in as_list(s.get("touchpoints"))
            if persona_id in texts(as_dict(tp).get("personas"))
        )
        questions += sum(
            1
            for q in as_list(s.get("customer_questions"))
            if text(as_dict(q).get("persona")) == persona_id
        )
    interviews = sum(
        1
        for iv in as_list(data.get("interviews"))
        if text(as_dict(iv).get("persona")) == persona_id
    )
    parts: list[str] = []
    for n, message in (
        (touchpoints, "keys.n_touchpoints"),
        (questions, "keys.n_questions"),
        (interviews, "keys.n_interviews"),
    ):
        if n:
            parts.append(tr(lang, message, n=n))
    return parts


def delete_dialog(lang: str, body: str) -> ChoiceDialog:
    """Delete or keep; keep is focused and is what Escape answers."""
    return ChoiceDialog(
        "keys.delete_title",
        body + "\n\n" + tr(lang, "keys.delete_undo_hint"),
        [
            Choice("delete", "keys.delete_yes", "x", "error"),
            Choice("keep", "keys.delete_no", "Esc"),
        ],
        cancel_id="keep",
        focus_id="keep",
    )


def stage_question(lang: str, stage: object) -> ChoiceDialog | None:
    """The question before deleting ``stage``; None when it holds nothing."""
    parts = stage_contents(lang, stage)
    if not parts:
        return None
    name = text(as_dict(stage).get("name")) or text(as_dict(stage).get("id"))
    return delete_dialog(
        lang, tr(lang, "keys.delete_stage_body", name=name, contents=joined(lang, parts))
    )


def persona_question(lang: str, journey: object, persona: object) -> ChoiceDialog | None:
    """The question before deleting ``persona``; None when nothing names it."""
    p = as_dict(persona)
    parts = persona_references(lang, journey, text(p.get("id")))
    if not parts:
        return None
    name = text(p.get("name")) or text(p.get("id"))
    return delete_dialog(
        lang, tr(lang, "keys.delete_persona_body", name=name, contents=joined(lang, parts))
    )
