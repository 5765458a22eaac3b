"""A touchpoint: where the customer meets the brand, and how it feels there."""

from __future__ import annotations

from kunderejse_tui.tui.screens.editors.base import EditorForm
from kunderejse_tui.tui.screens.editors.fields import (
    ChannelField,
    ChoiceField,
    EmotionField,
    FormRow,
    ListField,
    PersonasField,
    ReadOnly,
    TextField,
)
from kunderejse_tui.tui.screens.editors.question import persona_choices

KINDS = ("owned", "paid", "earned", "offline")


class TouchpointForm(EditorForm):
    """A touchpoint (path ``("stages", i, "touchpoints", j)``)."""

    KIND = "touchpoint"

    def build(self, item: dict[str, object]) -> list[FormRow]:
        return [
            ReadOnly("id", "ed.f.id", template="ed.id_hint"),
            TextField("name", "ed.f.name", required=True),
            ChannelField("channel", "ed.f.channel"),
            ChoiceField("kind", "ed.f.kind", [(f"ed.kind.{v}", v) for v in KINDS]),
            EmotionField("emotion", "ed.f.emotion"),
            PersonasField("personas", "ed.f.personas", persona_choices(self.journey())),
            ListField("pains", "ed.f.pains"),
            ListField("opportunities", "ed.f.opportunities"),
        ]
