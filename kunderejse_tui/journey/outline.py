"""A journey as plain lines, one fact per line, for ``git diff`` (a textconv).

Git compares this text line by line, so every line says where it belongs:
``stage attract / touchpoint facebook-annonce: emotion: 3 (neutral)``. Lines name
items by id only, never by name: renaming a stage then changes the one line
that holds its name instead of every line below it, which git would show as
the whole stage deleted and added again. Keys come in the format's order, so
reordering keys in the file changes nothing here.

Works on broken data too: a value of the wrong type is printed as it is.
"""

from __future__ import annotations

import json
from typing import Any

from kunderejse_tui.journey.access import as_dict, language
from kunderejse_tui.journey.dump import CHILD_KIND, ordered_keys
from kunderejse_tui.journey.i18n.catalog import t

__all__ = ["emotion_label", "render_outline"]


# Item lists the outline breaks into items of their own; everything else is a field.
_ITEM_LISTS = {
    "journey": ("personas", "stages", "interviews"),
    "stage": ("customer_questions", "touchpoints", "messaging"),
    "interview": ("answers",),
}


def emotion_label(value: Any, lang: str) -> str | None:
    """The word for an emotion score 1..5, or None for anything else."""
    if type(value) is int and 1 <= value <= 5:
        return t(lang, f"report.outline.emotion.{value}")
    return None


def _one_line(value: str) -> str:
    return " ".join(value.splitlines())


def _scalar(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (dict, list)):
        return json.dumps(value, ensure_ascii=False, default=str)
    return str(value)


class _Outline:
    def __init__(self, lang: str) -> None:
        self.lang = lang
        self.lines: list[str] = []

    def value(self, where: str, key: str, value: Any, kind: str | None) -> None:
        """One line per scalar; lists and mappings spread over several lines."""
        if isinstance(value, dict):
            if not value:
                self.lines.append(f"{where}: {key}: {{}}")
            child = CHILD_KIND.get((kind or "", key.rsplit(".", 1)[-1]))
            for k in ordered_keys(value, child):
                self.value(where, f"{key}.{k}", value[k], child)
        elif isinstance(value, list):
            if not value:
                self.lines.append(f"{where}: {key}: []")
            for i, v in enumerate(value):
                if isinstance(v, (dict, list)):
                    self.value(where, f"{key}[{i + 1}]", v, None)
                else:
                    for line in self._text_lines(v):
                        self.lines.append(f"{where}: {key}: - {line}")
        elif isinstance(value, str) and "\n" in value.rstrip("\n"):
            # Free text one line at a time, so an edit shows as the line it changed.
            for line in value.splitlines():
                self.lines.append(f"{where}: {key}: | {line}".rstrip())
        else:
            shown = _scalar(value) if not isinstance(value, str) else value.rstrip("\n")
            label = emotion_label(value, self.lang) if key == "emotion" else None
            if label:
                shown += f" ({label})"
            self.lines.append(f"{where}: {key}: {shown}".rstrip())

    def _text_lines(self, v: Any) -> list[str]:
        return [_one_line(v)] if isinstance(v, str) else [_scalar(v)]

    def fields(self, where: str, item: dict[str, Any], kind: str, skip: tuple[str, ...]) -> None:
        for key in ordered_keys(item, kind):
            if key in skip:
                continue
            # Printed as items of their own, unless a broken file gave them another type.
            own_type = dict if key == "messaging" else list
            if key in _ITEM_LISTS.get(kind, ()) and isinstance(item[key], own_type):
                continue
            self.value(where, key, item[key], kind)

    def items(
        self, where: str, parent: dict[str, Any], key: str, word: str
    ) -> list[tuple[str, dict[str, Any]]]:
        """(label, item) for the mappings of a list; anything else is printed as a field."""
        out: list[tuple[str, dict[str, Any]]] = []
        value = parent.get(key)
        if not isinstance(value, list):
            return out
        for i, item in enumerate(value):
            if not isinstance(item, dict):
                self.value(where, f"{key}[{i + 1}]", item, None)
                continue
            raw = item.get("id")
            ident = _one_line(raw) if isinstance(raw, str) and raw.strip() else f"#{i + 1}"
            out.append((f"{word} {ident}", item))
        return out


def render_outline(journey: Any) -> str:
    """The whole journey as stable, line-oriented text (see the module docstring)."""
    j = as_dict(journey)
    o = _Outline(language(j))
    o.fields("journey", j, "journey", ())
    for label, persona in o.items("journey", j, "personas", "persona"):
        o.lines.append("")
        o.fields(label, persona, "persona", ("id",))
    for label, stage in o.items("journey", j, "stages", "stage"):
        o.lines.append("")
        o.fields(label, stage, "stage", ("id",))
        _questions(o, label, stage)
        for tp_label, tp in o.items(label, stage, "touchpoints", "touchpoint"):
            o.fields(f"{label} / {tp_label}", tp, "touchpoint", ("id",))
        messaging = stage.get("messaging")
        if isinstance(messaging, dict):
            o.fields(f"{label} / messaging", messaging, "messaging", ())
    for label, interview in o.items("journey", j, "interviews", "interview"):
        o.lines.append("")
        o.fields(label, interview, "interview", ("id",))
        _answers(o, label, interview)
    return "\n".join(o.lines).strip("\n") + "\n"


def _questions(o: _Outline, label: str, stage: dict[str, Any]) -> None:
    """A customer question is one line: it has no id, its text is what identifies it."""
    questions = stage.get("customer_questions")
    if not isinstance(questions, list):
        return
    for i, q in enumerate(questions):
        where = f"{label} / question"
        if not isinstance(q, dict):
            o.value(label, f"customer_questions[{i + 1}]", q, None)
            continue
        extra = [
            f"{k}: {_one_line(_scalar(q[k]))}" for k in ordered_keys(q, "question") if k != "text"
        ]
        line = f"{where}: {_one_line(_scalar(q.get('text')))}"
        o.lines.append(line + (f" ({', '.join(extra)})" if extra else ""))


_LABEL_MAX = 40


def _answers(o: _Outline, label: str, interview: dict[str, Any]) -> None:
    answers = interview.get("answers")
    if not isinstance(answers, list):
        return
    for i, answer in enumerate(answers):
        if not isinstance(answer, dict):
            o.value(label, f"answers[{i + 1}]", answer, None)
            continue
        question, ask = answer.get("question"), answer.get("ask")
        skip: tuple[str, ...] = ()
        if isinstance(question, str) and question:
            name, skip = question, ("question",)
        elif isinstance(ask, str) and ask:
            short = _one_line(ask)
            if len(short) > _LABEL_MAX:
                name = json.dumps(short[: _LABEL_MAX - 1] + "…", ensure_ascii=False)
            else:
                name, skip = json.dumps(short, ensure_ascii=False), ("ask",)
        else:
            name = f"#{i + 1}"
        o.fields(f"{label} / answer {name}", answer, "answer", skip)
