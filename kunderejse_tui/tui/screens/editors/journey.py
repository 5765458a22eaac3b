"""The journey's own facts: title, description, language, market, model, state ..."""

from __future__ import annotations

import re

from textual.validation import Regex

from kunderejse_tui.journey.access import text
from kunderejse_tui.tui.screens.editors.base import EditorForm
from kunderejse_tui.tui.screens.editors.fields import ChoiceField, FormRow, ReadOnly, TextField

LANGUAGES = ("da", "en")
MARKETS = ("B2C", "B2B")
MODELS = ("funnel-5", "content-5", "lifecycle-12", "digital-4", "custom")
STATES = ("current", "future")
DATE = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")


class JourneyForm(EditorForm):
    """Journey facts (path ``()``)."""

    KIND = "journey"

    def build(self, item: dict[str, object]) -> list[FormRow]:
        return [
            ReadOnly("id", "ed.f.id"),
            TextField("title", "ed.f.title", required=True),
            TextField("description", "ed.f.description", multiline=True),
            ChoiceField("language", "ed.f.language", [(f"ed.language.{v}", v) for v in LANGUAGES]),
            ChoiceField("market", "ed.f.market", [(v, v) for v in MARKETS]),
            ChoiceField("model", "ed.f.model", [(f"ed.model.{v}", v) for v in MODELS]),
            ChoiceField("state", "ed.f.state", [(f"ed.state.{v}", v) for v in STATES]),
            TextField("based_on", "ed.f.based_on", placeholder="ed.ph.based_on"),
            TextField("owner", "ed.f.owner"),
            TextField("time_to_purchase", "ed.f.time_to_purchase", placeholder="ed.ph.time"),
            TextField(
                "updated",
                "ed.f.updated",
                placeholder="ed.ph.date",
                # Shown as invalid while typing; saving is still allowed (the checks report it).
                validators=[Regex(DATE)],
            ),
        ]

    def subtitle(self, item: dict[str, object]) -> str:
        return text(item.get("title"))
