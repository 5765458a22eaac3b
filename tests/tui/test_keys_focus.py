"""Keys and focus in front of a client (issue 16): no keystroke typed as text acts on the
map, nothing destructive happens on a single key, every field is its own Tab stop."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest
from textual.app import App
from textual.pilot import Pilot
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label

from kunderejse_tui.journey.document import JourneyDocument
from kunderejse_tui.journey.dump import dump
from kunderejse_tui.tui.app import KunderejseApp
from kunderejse_tui.tui.key_guard import StrayKeyGuard
from kunderejse_tui.tui.messages import OpenJourney
from kunderejse_tui.tui.screens.confirm import QuitDialog
from kunderejse_tui.tui.screens.editors import (
    EditorForm,
    JourneyForm,
    MessagingForm,
    QuestionForm,
    StageForm,
    TouchpointForm,
)
from kunderejse_tui.tui.screens.export import ExportScreen
from kunderejse_tui.tui.screens.home import HomeScreen
from kunderejse_tui.tui.screens.journey_map import JourneyMapScreen
from kunderejse_tui.tui.screens.personas import PersonasScreen
from kunderejse_tui.tui.screens.prompt import PromptDialog
from kunderejse_tui.tui.screens.recovery import ChoiceDialog
from kunderejse_tui.tui.widgets.guarded_button import GuardedButton
from kunderejse_tui.tui.widgets.tick_box import TickBox
from tests.tui.helpers import open_map, settle, step_clock
from tests.tui.modals import FORMS, Dialogs, host

SIZE = (120, 40)
STRAY = "oprle adc"  # export, personas, rename, next stage, export, add, delete, duplicate


def the_map(app: App[Any]) -> JourneyMapScreen:
    screen = open_map(app)
    assert screen is not None
    return screen


def top(app: App[Any]) -> object:
    """``app.screen`` read afresh (mypy would keep the type an earlier assert gave it)."""
    return app.screen


def notes(app: App[Any]) -> list[str]:
    return [str(n.message) for n in app._notifications]


async def type_text(pilot: Pilot[Any], text: str) -> None:
    await pilot.press(*["space" if c == " " else c for c in text])


async def goto(pilot: Pilot[Any], path: tuple[Any, ...]) -> None:
    assert the_map(pilot.app).journey_map.focus_path(path)
    await pilot.pause()


def current_path(app: App[Any]) -> tuple[Any, ...]:
    found = the_map(app).journey_map.current()
    assert found is not None
    return found[1].path


# --------------------------------------------------------------------------- the guard


def test_the_guard_swallows_keys_for_a_window_that_typing_extends() -> None:
    now = [0.0]
    guard = StrayKeyGuard(clock=lambda: now[0], window=0.5)
    assert not guard.swallow()  # never armed: keys are commands
    guard.arm()
    now[0] = 0.3
    assert guard.swallow() and guard.swallowed == 1
    now[0] = 0.7  # past the first window, but within 0.5 s of the last stray key
    assert guard.swallow() and guard.swallowed == 2
    now[0] = 1.21
    assert not guard.swallow()


# --------------------------------------------------------------------------- stray typing


# How each form is opened from the map: a path to go to, then a key.
OPENERS: dict[str, tuple[tuple[Any, ...], str, type[EditorForm]]] = {
    "touchpoint": (("stages", 0, "touchpoints", 0), "enter", TouchpointForm),
    "stage": (("stages", 1), "enter", StageForm),
    "question": (("stages", 0, "customer_questions", 0), "enter", QuestionForm),
    "messaging": (("stages", 2, "messaging"), "enter", MessagingForm),
    "journey": (("stages", 0), "f", JourneyForm),
}


@pytest.mark.parametrize("name", list(OPENERS))
@pytest.mark.parametrize("close", ["ctrl+s", "escape"])
async def test_letters_typed_after_a_form_closes_change_and_open_nothing(
    name: str, close: str, funnel: Path
) -> None:
    path, key, form = OPENERS[name]
    app = KunderejseApp(funnel)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        clock = step_clock(app)
        await goto(pilot, path)
        await pilot.press(key)
        await settle(pilot)
        assert isinstance(app.screen, form)
        if close == "ctrl+s":  # a change (typed in the first field) saved by ctrl+s
            await pilot.press("x")
        await pilot.press(close)
        await settle(pilot)
        if close == "escape" and top(app) is not the_map(app):
            await pilot.press("s")  # the discard question: save
            await settle(pilot)
        assert top(app) is the_map(app)
        after_form = dump(the_map(app).document.data)
        stack = list(app.screen_stack)
        where = current_path(app)

        await type_text(pilot, STRAY)
        await pilot.press("enter", "?")
        clock.step(0.3)
        await type_text(pilot, "ny side")  # still typing: still nothing
        await settle(pilot)

        assert dump(the_map(app).document.data) == after_form
        assert list(app.screen_stack) == stack
        assert current_path(app) == where
        assert any("Formularen er lukket" in n for n in notes(app))

        clock.step(0.6)  # a pause: a letter is a command again
        await pilot.press("e")
        await settle(pilot)
        assert isinstance(app.screen, ExportScreen)


async def test_the_stray_sentence_of_the_workshop(funnel: Path) -> None:
    """The issue's sequence: a Tab too many lands on Save, the sentence goes on."""
    app = KunderejseApp(funnel)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        step_clock(app)
        document = the_map(app).document
        await goto(pilot, ("stages", 0, "touchpoints", 0))
        before = copy.deepcopy(document.data)
        await pilot.press("enter")
        await settle(pilot)
        form = app.screen
        assert isinstance(form, TouchpointForm)
        form.query_one("#f-opportunities StringListEntry").focus()
        await pilot.pause()
        await pilot.press("tab")  # one Tab too many: the Save button
        assert isinstance(app.focused, GuardedButton) and app.focused.id == "editor-save"
        await type_text(pilot, "prisen vises")
        await pilot.press("enter")  # meant to add the item: does not press Save
        await type_text(pilot, "oprle")
        await settle(pilot)
        assert app.screen is form
        assert document.data == before
        said = notes(app)
        assert any("står på knappen »Gem (ctrl+s)«" in n for n in said)
        assert any("Enter trykker ikke på »Gem (ctrl+s)«" in n for n in said)
        await pilot.press("shift+tab")  # back in the list, where the words belonged
        await type_text(pilot, "prisen vises")
        await pilot.press("enter", "tab")
        await pilot.press("enter")  # moved to Save on purpose: it saves
        await settle(pilot)
        assert isinstance(app.screen, JourneyMapScreen)
        assert document.data["stages"][0]["touchpoints"][0]["opportunities"][-1] == "prisen vises"


# --------------------------------------------------------------------------- forms


async def test_every_persona_is_its_own_tab_stop(tmp_path: Path) -> None:
    dialogs = Dialogs(tmp_path)
    document: JourneyDocument = dialogs.document
    app = host(dialogs, "touchpoint")
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        boxes = list(app.screen.query(TickBox))
        assert [str(b.label) for b in boxes] == ["Mette (mette)", "Kasper (kasper)"]
        boxes[0].focus()
        await pilot.pause()
        await pilot.press("tab")
        assert app.focused is boxes[1]
        await pilot.press("space")  # tick Kasper too
        await pilot.press("tab")
        assert app.focused is not None and app.focused.id != "editor-save"
        await pilot.press("ctrl+s")
        await pilot.pause()
    assert document.data["stages"][0]["touchpoints"][0]["personas"] == ["mette", "kasper"]


@pytest.mark.parametrize("name", list(FORMS))
async def test_every_field_is_a_tab_stop_that_shows_its_focus(name: str, tmp_path: Path) -> None:
    app = host(Dialogs(tmp_path), name)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        screen = app.screen
        rows = [
            r for r in screen.query(".editor-row") if r.query("Input, TextArea, Select, TickBox")
        ]
        seen: set[int] = set()
        for _ in range(60):
            focused = app.focused
            assert focused is not None
            if isinstance(focused, Button):
                break
            row = next(r for r in rows if focused in r.walk_children())
            seen.add(rows.index(row))
            label = row.query_one(".editor-label", Label)
            assert "bold" in str(label.styles.text_style), (name, label.render())
            lit = [r for r in rows if "bold" in str(r.query_one(".editor-label").styles.text_style)]
            assert lit == [row], name
            await pilot.press("tab")
            await pilot.pause()
        assert seen == set(range(len(rows))), (name, sorted(seen))


# --------------------------------------------------------------------------- leaving


async def test_escape_on_the_map_changes_nothing_and_ctrl_w_closes(funnel: Path) -> None:
    app = KunderejseApp(funnel.parent)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.post_message(OpenJourney(funnel))
        await settle(pilot)
        clock = step_clock(app)
        the_map(app).document.editor.set(("title",), "Ny titel")
        await pilot.press("escape", "escape", "enter")
        await settle(pilot)
        # Enter edits the current item: the map is still there, the edit kept.
        assert open_map(app) is not None and the_map(app).document.dirty
        assert any("ctrl+w" in n for n in notes(app))
        await pilot.press("escape")  # out of the form Enter opened
        await settle(pilot)
        clock.step(1)
        await pilot.press("ctrl+w")
        await settle(pilot)
        assert isinstance(app.screen, QuitDialog)
        await pilot.press("escape")  # stay
        await settle(pilot)
        assert isinstance(app.screen, JourneyMapScreen)
        the_map(app).document.editor.undo()
        clock.step(1)
        await pilot.press("ctrl+w")
        await settle(pilot)
        assert isinstance(app.screen, HomeScreen)


# --------------------------------------------------------------------------- deleting


async def test_deleting_a_stage_asks_first_naming_what_goes(funnel: Path) -> None:
    app = KunderejseApp(funnel)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        clock = step_clock(app)
        document = the_map(app).document
        await goto(pilot, ("stages", 0))
        await pilot.press("d")
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, ChoiceDialog)
        body = str(dialog.query_one("#dialog-body").render())
        assert "»Tiltræk«" in body and "3 berøringspunkter" in body
        assert "3 kundespørgsmål" in body and "ctrl+z" in body
        await pilot.press("enter")  # the focused answer is Keep
        await settle(pilot)
        assert len(document.data["stages"]) == 5
        clock.step(1)
        await pilot.press("d")
        await settle(pilot)
        await pilot.press("x")
        await settle(pilot)
        assert document.data["stages"][0]["id"] == "interest"
        await pilot.press("ctrl+z")
        await settle(pilot)
        assert document.data["stages"][0]["id"] == "attract"


async def test_an_empty_stage_goes_without_a_question(funnel: Path) -> None:
    app = KunderejseApp(funnel)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        document = the_map(app).document
        document.editor.add_stage("Tom fase", index=5)
        await settle(pilot)
        await goto(pilot, ("stages", 5))
        await pilot.press("d")
        await settle(pilot)
        assert not isinstance(app.screen, ModalScreen)
        assert len(document.data["stages"]) == 5


async def test_deleting_a_persona_that_is_named_asks_first(funnel: Path) -> None:
    app = KunderejseApp(funnel)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        document = the_map(app).document
        await pilot.press("p")
        await settle(pilot)
        assert isinstance(app.screen, PersonasScreen)
        await pilot.press("d")
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, ChoiceDialog)
        body = str(dialog.query_one("#dialog-body").render())
        assert "»Mette«" in body and "berøringspunkt" in body and "interview" in body
        await pilot.press("escape")
        await settle(pilot)
        assert [p["id"] for p in document.data["personas"]] == ["mette", "kasper"]
        await pilot.press("d", "x")
        await settle(pilot)
        assert [p["id"] for p in document.data["personas"]] == ["kasper"]


# --------------------------------------------------------------------------- add, up and down


async def test_add_opens_the_new_items_form_at_once(funnel: Path) -> None:
    app = KunderejseApp(funnel)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        document = the_map(app).document
        await goto(pilot, ("stages", 1, "touchpoints", 0))
        await pilot.press("a")
        await settle(pilot)
        assert isinstance(app.screen, PromptDialog)
        await type_text(pilot, "Prisberegner")
        await pilot.press("enter")
        await settle(pilot)
        form = app.screen
        assert isinstance(form, TouchpointForm)
        assert form.item_path == ("stages", 1, "touchpoints", 1)
        assert form.query_one("#f-name", Input).value == "Prisberegner"
        await type_text(pilot, " online")
        await pilot.press("ctrl+s")
        await settle(pilot)
        tp = document.data["stages"][1]["touchpoints"][1]
        assert (tp["id"], tp["name"]) == ("prisberegner", "Prisberegner online")


async def test_up_and_down_stop_at_the_first_and_last_item(funnel: Path) -> None:
    app = KunderejseApp(funnel)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await goto(pilot, ("stages", 0))
        await pilot.press("up")
        assert current_path(app) == ("stages", 0)
        await pilot.press("end")
        last = current_path(app)
        await pilot.press("down", "j")
        assert current_path(app) == last
        await pilot.press("k")
        assert current_path(app) != last
