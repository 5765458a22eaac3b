"""A stage: name, the customer's goal, duration, KPIs (and the owner and notes)."""

from __future__ import annotations

from kunderejse_tui.tui.screens.editors.base import EditorForm
from kunderejse_tui.tui.screens.editors.fields import FormRow, ListField, ReadOnly, TextField


class StageForm(EditorForm):
    """A stage (path ``("stages", i)``); questions, touchpoints, messaging have their own."""

    KIND = "stage"

    def build(self, item: dict[str, object]) -> list[FormRow]:
        return [
            ReadOnly("id", "ed.f.id", template="ed.id_hint"),
            TextField("name", "ed.f.name", required=True),
            TextField("customer_goal", "ed.f.customer_goal"),
            TextField("duration", "ed.f.duration", placeholder="ed.ph.duration"),
            ListField("kpis", "ed.f.kpis"),
            TextField("owner", "ed.f.stage_owner"),
            TextField("notes", "ed.f.notes", multiline=True),
        ]
