"""A customer question: the customer's own words, and whose they are."""

from __future__ import annotations

from kunderejse_tui.journey.access import personas, text
from kunderejse_tui.tui.screens.editors.base import EditorForm
from kunderejse_tui.tui.screens.editors.fields import FormRow, PersonaField, TextField


def persona_choices(journey: object) -> list[tuple[str, str]]:
    """(id, name) of the journey's personas that have an id to refer to."""
    return [
        (p["id"], text(p.get("name")) or p["id"])
        for p in personas(journey)
        if isinstance(p.get("id"), str) and p["id"]
    ]


class QuestionForm(EditorForm):
    """A customer question (path ``("stages", i, "customer_questions", j)``)."""

    KIND = "question"

    def build(self, item: dict[str, object]) -> list[FormRow]:
        return [
            TextField("text", "ed.f.text", required=True),
            PersonaField("persona", "ed.f.persona", persona_choices(self.journey())),
        ]

    def subtitle(self, item: dict[str, object]) -> str:
        return ""
