"""A stage's messaging: what the brand should say there."""

from __future__ import annotations

from kunderejse_tui.journey.access import as_dict, text
from kunderejse_tui.tui.screens.editors.base import EditorForm
from kunderejse_tui.tui.screens.editors.fields import ChoiceField, FormRow, ListField, TextField

TONES = ("inspire", "inform", "persuade", "sell")


class MessagingForm(EditorForm):
    """Messaging (path ``("stages", i, "messaging")``); absent until something is written."""

    KIND = "messaging"
    OPTIONAL_ITEM = True

    def build(self, item: dict[str, object]) -> list[FormRow]:
        return [
            ChoiceField("tone", "ed.f.tone", [(f"ed.tone.{v}", v) for v in TONES]),
            ListField("key_messages", "ed.f.key_messages"),
            ListField("content", "ed.f.content"),
            TextField("call_to_action", "ed.f.call_to_action"),
        ]

    def subtitle(self, item: dict[str, object]) -> str:
        stage = as_dict(self.editor.get(self.item_path[:-1], None))
        return text(stage.get("name"))
