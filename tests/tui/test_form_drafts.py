"""Every editor form's typed text reaches the recovery copy before it is applied, and
leaves it again when the form is closed without it (issue 15, item 5; the real kill and
closed terminal are in tests/test_recovery_forms.py)."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Input, TextArea

from kunderejse_tui.journey.edits import KeyPath, get_path
from kunderejse_tui.journey.recovery import find_recovery
from kunderejse_tui.journey.yamlio import load_file
from kunderejse_tui.tui.app import KunderejseApp
from kunderejse_tui.tui.i18n import tr
from kunderejse_tui.tui.screens.confirm import QuitDialog
from kunderejse_tui.tui.screens.editors import EditorForm
from kunderejse_tui.tui.screens.editors.fields import widget_id
from kunderejse_tui.tui.session import recovery_dialog
from tests.tui.helpers import open_map, settle, shows

SIZE = (120, 40)
TYPED = "Workshopnote"

# (the form's item, the field typed into, relative to the item)
FORMS: list[tuple[str, KeyPath, KeyPath]] = [
    ("journey", (), ("title",)),
    ("journey-description", (), ("description",)),
    ("stage", ("stages", 0), ("name",)),
    ("touchpoint", ("stages", 0, "touchpoints", 0), ("name",)),
    ("question", ("stages", 0, "customer_questions", 0), ("text",)),
    ("messaging", ("stages", 0, "messaging"), ("call_to_action",)),
    ("persona", ("personas", 0), ("demographics", "gender")),
    ("list-entry", ("stages", 0), ("kpis",)),
]


pytestmark = pytest.mark.usefixtures("quick_copies")


def typed_into(value: object) -> bool:
    if isinstance(value, list):
        return any(TYPED in str(v) for v in value)
    return TYPED in str(value)


async def open_form(app: KunderejseApp, pilot: object, item: KeyPath, key: KeyPath) -> EditorForm:
    screen = open_map(app)
    assert screen is not None
    screen.editing.open_editor(item)
    form = await shows(pilot, EditorForm)  # type: ignore[arg-type]
    widget = form.query_one(f"#{widget_id(key)}")
    if not isinstance(widget, (Input, TextArea)):
        widget = widget.query(Input).first()  # a list's entry line
    widget.focus()
    return form


@pytest.mark.parametrize(("name", "item", "key"), FORMS, ids=[f[0] for f in FORMS])
async def test_typed_text_reaches_the_recovery_copy(
    funnel: Path, name: str, item: KeyPath, key: KeyPath
) -> None:
    app = KunderejseApp(funnel, lang="en")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        doc = open_map(app)
        assert doc is not None
        opened = await open_form(app, pilot, item, key)
        await pilot.press(*TYPED)
        await settle(pilot, 0.3)
        assert not doc.document.dirty  # typed, not applied
        copy = find_recovery(funnel)
        assert copy is not None, f"no copy of the text typed into the {name} form"
        assert typed_into(get_path(copy.data, (*item, *key)))
        # The question on the next open says so, naming the form.
        form = opened.KIND
        assert copy.extra["form"] == form
        body = str(recovery_dialog("en", copy).body)
        assert f"typed into the open form ({tr('en', f'ed.title.{form}')})" in body
        # Only the form's own item differs from the journey.
        assert get_path(copy.data, ("stages", 1)) == get_path(doc.document.data, ("stages", 1))


async def test_closing_a_form_without_its_text_removes_the_copy(funnel: Path) -> None:
    app = KunderejseApp(funnel, lang="en")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await open_form(app, pilot, ("stages", 0), ("name",))
        await pilot.press(*TYPED)
        await settle(pilot, 0.3)
        assert find_recovery(funnel) is not None
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("d")  # discard what was typed
        await settle(pilot, 0.3)
        assert find_recovery(funnel) is None


async def test_applying_a_form_keeps_its_text_in_the_copy(funnel: Path) -> None:
    app = KunderejseApp(funnel, lang="en")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await open_form(app, pilot, ("stages", 0), ("name",))
        await pilot.press(*TYPED)
        await settle(pilot, 0.3)
        await pilot.press("ctrl+s")  # apply and close the form
        await settle(pilot, 0.3)
        screen = open_map(app)
        assert screen is not None and screen.document.dirty
        copy = find_recovery(funnel)
        assert copy is not None and typed_into(copy.data["stages"][0]["name"])


@pytest.mark.parametrize("answer", ["save", "discard"])
async def test_quitting_with_text_typed_in_a_form_asks_first(funnel: Path, answer: str) -> None:
    """ctrl+q over a form with typed text is a quit with unsaved work: asked, never silent."""
    before = funnel.read_bytes()
    app = KunderejseApp(funnel, lang="en")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await open_form(app, pilot, ("stages", 0), ("name",))
        await pilot.press(*TYPED)
        await pilot.press("ctrl+q")
        await shows(pilot, QuitDialog)
        await pilot.press(answer[0])
        await settle(pilot)
    if answer == "save":
        assert typed_into(load_file(funnel).data["stages"][0]["name"])
    else:
        assert funnel.read_bytes() == before
    assert find_recovery(funnel) is None
