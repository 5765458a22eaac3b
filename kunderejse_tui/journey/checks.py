"""Checks beyond the schema: ids are unique and every reference resolves.

Messages name the bad id and suggest a close existing one ("attrakt: no such
stage; did you mean attract?"). Wrong types are the schema's business: here
anything that is not the expected shape is skipped, never crashed on.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from kunderejse_tui.journey.access import as_dict, as_list, dicts
from kunderejse_tui.journey.i18n.message import Message
from kunderejse_tui.journey.paths import KeyPath, Locate
from kunderejse_tui.journey.problems import Problem
from kunderejse_tui.journey.slugs import SLUG_RE
from kunderejse_tui.journey.wording import QUESTION_IDS

_REF_CODE = {"persona": "X202", "stage": "X203", "touchpoint": "X204", "question": "X205"}


def _suggest(bad: str, known: Iterable[str]) -> str | None:
    import difflib  # only a journey with a bad reference needs it

    close = difflib.get_close_matches(bad, list(known), n=1, cutoff=0.6)
    return close[0] if close else None


class _Checker:
    def __init__(self, data: dict[str, Any], locate: Locate, file: str) -> None:
        self.data = data
        self.locate = locate
        self.file = file
        self.problems: list[Problem] = []

    def add(self, path: KeyPath, code: str, reason: Message) -> None:
        line, col = self.locate(path)
        self.problems.append(Problem(self.file, line, col, code, reason, path))

    def ids(self, kind: str, items: Iterable[tuple[KeyPath, Any]]) -> set[str]:
        """Collect the ids of ``items``, reporting each repeat at its second place."""
        seen: dict[str, KeyPath] = {}
        for path, item in items:
            ident = item.get("id")
            if not isinstance(ident, str):
                continue
            if ident in seen:
                first_line = self.locate((*seen[ident], "id"))[0]
                kind_word = Message(f"problem.kind.{kind}")
                reason = Message(
                    "problem.ref.duplicate_id", kind=kind_word, id=ident, first=first_line
                )
                self.add((*path, "id"), "X201", reason)
            else:
                seen[ident] = path
        return set(seen)

    def ref(self, path: KeyPath, kind: str, value: Any, known: set[str]) -> None:
        # A value that is not even an id is the schema's S105, reported once there.
        if not isinstance(value, str) or value in known or not SLUG_RE.match(value):
            return
        reason = Message("problem.ref.no_such", value=value, kind=Message(f"problem.kind.{kind}"))
        guess = _suggest(value, known)
        if guess:
            reason = Message("problem.did_you_mean", text=reason, near=guess)
        elif known:
            shown = ", ".join(sorted(known)[:8])
            reason = Message("problem.ref.known", text=reason, known=shown)
        self.add(path, _REF_CODE[kind], reason)

    def refs(self, path: KeyPath, kind: str, value: Any, known: set[str]) -> None:
        if isinstance(value, str):  # a lone id where a list was meant: still check it
            self.ref(path, kind, value, known)
        for i, v in enumerate(as_list(value)):
            self.ref((*path, i), kind, v, known)

    def date(self, path: KeyPath, value: Any) -> None:
        if not isinstance(value, str) or len(value) != 10:
            return  # wrong shapes are the schema's (S107)
        try:
            dt.date.fromisoformat(value)
        except ValueError:
            if value[4] == "-" and value[7] == "-" and value.replace("-", "").isdigit():
                self.add(path, "X206", Message("problem.ref.bad_date", value=value))

    def run(self, base_dir: Path | None) -> list[Problem]:
        data = self.data
        personas = self.ids(
            "persona", ((("personas", i), p) for i, p in dicts(data.get("personas")))
        )
        stage_items = list(dicts(data.get("stages")))
        stages = self.ids("stage", ((("stages", i), s) for i, s in stage_items))
        touchpoints = self.ids(
            "touchpoint",
            (
                (("stages", si, "touchpoints", ti), t)
                for si, s in stage_items
                for ti, t in dicts(s.get("touchpoints"))
            ),
        )
        self.ids("interview", ((("interviews", i), iv) for i, iv in dicts(data.get("interviews"))))
        self.date(("updated",), data.get("updated"))

        for si, stage in stage_items:
            for qi, q in dicts(stage.get("customer_questions")):
                self.ref(
                    ("stages", si, "customer_questions", qi, "persona"),
                    "persona",
                    q.get("persona"),
                    personas,
                )
            for ti, tp in dicts(stage.get("touchpoints")):
                self.refs(
                    ("stages", si, "touchpoints", ti, "personas"),
                    "persona",
                    tp.get("personas"),
                    personas,
                )
        for ii, iv in dicts(data.get("interviews")):
            base = ("interviews", ii)
            self.ref((*base, "persona"), "persona", iv.get("persona"), personas)
            self.date((*base, "date"), iv.get("date"))
            for ai, answer in dicts(iv.get("answers")):
                apath = (*base, "answers", ai)
                self.ref(
                    (*apath, "question"), "question", answer.get("question"), set(QUESTION_IDS)
                )
                self.refs((*apath, "stages"), "stage", answer.get("stages"), stages)
                self.refs(
                    (*apath, "touchpoints"), "touchpoint", answer.get("touchpoints"), touchpoints
                )

        based_on = data.get("based_on")
        if (
            isinstance(based_on, str)
            and based_on
            and base_dir is not None
            and not (base_dir / based_on).is_file()
        ):
            reason = Message("problem.ref.based_on_missing", file=based_on)
            self.add(("based_on",), "W301", reason)
        return self.problems


def check_references(
    data: Any, locate: Locate, file: str, base_dir: Path | None = None
) -> list[Problem]:
    """Duplicate ids, dangling references, impossible dates, a missing based_on file."""
    return _Checker(as_dict(data), locate, file).run(base_dir)
