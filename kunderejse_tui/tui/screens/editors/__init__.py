"""Editor forms for the items of a journey; ``editor_for`` picks the right one.

Every form is a ``ModalScreen[bool]``: push it and it dismisses with True when
it changed the journey (all of it one undo step of ``document.editor``), False
when it was closed without changes.
"""

from __future__ import annotations

from textual.screen import Screen

from kunderejse_tui.journey.edits import MISSING, EditError, KeyPath, get_path
from kunderejse_tui.tui.screens.editors.base import DocumentLike, EditorForm
from kunderejse_tui.tui.screens.editors.journey import JourneyForm
from kunderejse_tui.tui.screens.editors.messaging import MessagingForm
from kunderejse_tui.tui.screens.editors.persona import PersonaForm
from kunderejse_tui.tui.screens.editors.question import QuestionForm
from kunderejse_tui.tui.screens.editors.stage import StageForm
from kunderejse_tui.tui.screens.editors.touchpoint import TouchpointForm

__all__ = [
    "EditorForm",
    "JourneyForm",
    "MessagingForm",
    "PersonaForm",
    "QuestionForm",
    "StageForm",
    "TouchpointForm",
    "editor_for",
    "form_class_for",
]


def _index(part: object) -> bool:
    return isinstance(part, int) and not isinstance(part, bool)


def form_class_for(path: KeyPath) -> type[EditorForm] | None:
    """The form for a kind of path, whatever the data holds there."""
    match tuple(path):
        case ():
            return JourneyForm
        case ("personas", i) if _index(i):
            return PersonaForm
        case ("stages", i) if _index(i):
            return StageForm
        case ("stages", i, "customer_questions", j) if _index(i) and _index(j):
            return QuestionForm
        case ("stages", i, "touchpoints", j) if _index(i) and _index(j):
            return TouchpointForm
        case ("stages", i, "messaging") if _index(i):
            return MessagingForm
    return None


def editor_for(document: DocumentLike, path: KeyPath, lang: str) -> Screen[bool] | None:
    """The form that edits the item at ``path``, or None when there is none to edit.

    None means: a path no form handles, an index out of range, or an item that
    is not a mapping in a broken file (the caller tells the user; ``ed.not_editable``).
    Messaging may be absent (or null) in a stage: its form creates it on save.
    """
    form = form_class_for(path)
    if form is None:
        return None
    try:
        value = get_path(document.editor.data, tuple(path))
    except EditError:
        return None
    if form is MessagingForm and (value is MISSING or value is None):
        return form(document, path, lang)
    if not isinstance(value, dict):
        return None
    return form(document, path, lang)
