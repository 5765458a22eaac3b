"""A persona: every field of the format (the id is shown, renamed from the map)."""

from __future__ import annotations

from kunderejse_tui.tui.screens.editors.base import EditorForm
from kunderejse_tui.tui.screens.editors.fields import (
    FormRow,
    ListField,
    ReadOnly,
    Section,
    TextField,
    age_value,
)


class PersonaForm(EditorForm):
    """A persona (path ``("personas", i)``)."""

    KIND = "persona"

    def build(self, item: dict[str, object]) -> list[FormRow]:
        return [
            ReadOnly("id", "ed.f.id", template="ed.id_hint"),
            TextField("name", "ed.f.name", required=True),
            TextField("summary", "ed.f.summary"),
            Section("ed.section.demographics"),
            TextField(
                ("demographics", "age"), "ed.f.age", placeholder="ed.ph.age", convert=age_value
            ),
            TextField(("demographics", "gender"), "ed.f.gender"),
            TextField(("demographics", "education"), "ed.f.education"),
            Section("ed.section.job"),
            TextField(("job", "title"), "ed.f.job_title"),
            TextField(("job", "company_type"), "ed.f.company_type"),
            TextField(("job", "buying_role"), "ed.f.buying_role"),
            TextField("geography", "ed.f.geography"),
            ListField("traits", "ed.f.traits"),
            ListField("needs", "ed.f.needs"),
            ListField("pains", "ed.f.pains"),
        ]
