"""Editing on the map with the keyboard: add, duplicate, delete, undo, move, rename, forms."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from textual.app import App
from textual.pilot import Pilot
from textual.widgets import Input

from kunderejse_tui.tui.app import KunderejseApp
from kunderejse_tui.tui.screens.editors import StageForm, TouchpointForm
from kunderejse_tui.tui.screens.journey_map import JourneyMapScreen
from kunderejse_tui.tui.screens.prompt import PromptDialog
from kunderejse_tui.tui.widgets.stage_column import StageColumn
from tests.tui.helpers import open_map, settle, step_clock

SIZE = (120, 40)


def the_map(app: App[Any]) -> JourneyMapScreen:
    screen = open_map(app)
    assert screen is not None
    return screen


def stage_ids(app: KunderejseApp) -> list[str]:
    return [s["id"] for s in the_map(app).document.data["stages"]]


def tp_ids(app: KunderejseApp, stage: int) -> list[str]:
    return [t["id"] for t in the_map(app).document.data["stages"][stage]["touchpoints"]]


def focused_path(app: KunderejseApp) -> tuple[Any, ...]:
    screen = open_map(app)
    assert screen is not None
    found = screen.journey_map.current()
    assert found is not None
    return found[1].path


async def type_text(pilot: Pilot[Any], text: str) -> None:
    await pilot.press(*["space" if c == " " else c for c in text])


async def goto(pilot: Pilot[Any], path: tuple[Any, ...]) -> None:
    assert the_map(pilot.app).journey_map.focus_path(path)
    await pilot.pause()


async def test_arrows_and_hjkl_move_between_stages_and_items(funnel: Path) -> None:
    app = KunderejseApp(funnel)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert focused_path(app) == ("stages", 0)
        await pilot.press("down")
        assert focused_path(app) == ("stages", 0, "customer_goal")
        await pilot.press("j")  # section headings are skipped
        assert focused_path(app) == ("stages", 0, "customer_questions", 0)
        await pilot.press("right")  # same kind of row, same position, next stage
        assert focused_path(app) == ("stages", 1, "customer_questions", 0)
        await pilot.press("l", "l", "l")
        assert focused_path(app) == ("stages", 4, "customer_questions", 0)
        await pilot.press("l")  # the last stage: stays
        assert focused_path(app) == ("stages", 4, "customer_questions", 0)
        await pilot.press("h", "k")
        assert focused_path(app) == ("stages", 3, "customer_goal")


async def test_add_a_stage_then_a_touchpoint_with_ids_from_their_names(funnel: Path) -> None:
    app = KunderejseApp(funnel)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        clock = step_clock(app)
        await pilot.press("a")  # on the first stage's name: a new stage after it
        assert isinstance(app.screen, PromptDialog)
        await type_text(pilot, "Første møde")
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, StageForm)  # the new stage's form, at once
        await pilot.press("escape")
        await settle(pilot)
        clock.step(1)  # past the stray-key window after a form
        assert stage_ids(app)[:3] == ["attract", "foerste-moede", "interest"]
        assert len(the_map(app).query(StageColumn)) == 6
        assert focused_path(app) == ("stages", 1)

        await pilot.press("down", "down", "down")  # goal, "+ add question", "+ add touchpoint"
        assert focused_path(app) == ("stages", 1, "touchpoints")
        await pilot.press("a")
        await type_text(pilot, "Annonce på Facebook")
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, TouchpointForm)
        await pilot.press("escape")
        await settle(pilot)
        clock.step(1)
        # The name is taken in stage 1: touchpoint ids are unique across the journey.
        assert tp_ids(app, 1) == ["annonce-paa-facebook"]
        assert focused_path(app) == ("stages", 1, "touchpoints", 0)
        await pilot.press("a")
        await type_text(pilot, "Annonce på Facebook")
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("escape")
        await settle(pilot)
        assert tp_ids(app, 1) == ["annonce-paa-facebook", "annonce-paa-facebook-2"]
        assert "● " in (the_map(app).title or "")  # unsaved changes


async def test_adding_a_question_and_an_empty_name_is_refused(funnel: Path) -> None:
    app = KunderejseApp(funnel)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await goto(pilot, ("stages", 2, "customer_questions", 0))
        await pilot.press("a", "enter")  # nothing typed
        assert isinstance(app.screen, PromptDialog)
        await type_text(pilot, "Kan jeg få den i rød?")
        await pilot.press("enter")
        await settle(pilot)
        questions = the_map(app).document.data["stages"][2]["customer_questions"]
        assert questions[1] == {"text": "Kan jeg få den i rød?"}
        assert focused_path(app) == ("stages", 2, "customer_questions", 1)


async def test_a_journey_without_stages_gets_its_first_stage_from_a_or_enter(
    tmp_path: Path,
) -> None:
    path = tmp_path / "tom.journey.yaml"
    path.write_text("format: kunderejse/1\nid: tom\ntitle: Tom\nstages: []\n", encoding="utf-8")
    app = KunderejseApp(path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert the_map(app).journey_map.current() is None
        clock = step_clock(app)
        await pilot.press("a", "enter")  # nothing typed: refused, the dialog stays
        assert isinstance(app.screen, PromptDialog)
        await type_text(pilot, "Behov")
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, StageForm)
        await pilot.press("escape")
        await settle(pilot)
        clock.step(1)
        assert stage_ids(app) == ["behov"]
        assert focused_path(app) == ("stages", 0)
        assert [c.index for c in the_map(app).journey_map.columns] == [0]

        await pilot.press("d")  # the empty stage goes at once; Enter asks for a new first one
        await settle(pilot)
        assert stage_ids(app) == []
        await pilot.press("enter")
        assert isinstance(app.screen, PromptDialog)
        await type_text(pilot, "Køb")
        await pilot.press("enter")
        await settle(pilot)
        assert stage_ids(app) == ["koeb"]
        assert focused_path(app) == ("stages", 0)


async def test_duplicate_delete_undo_and_redo(funnel: Path) -> None:
    app = KunderejseApp(funnel)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        original = tp_ids(app, 0)
        await goto(pilot, ("stages", 0, "touchpoints", 0))
        await pilot.press("c")
        await settle(pilot)
        assert tp_ids(app, 0) == [original[0], "facebook-annonce-2", *original[1:]]
        assert focused_path(app) == ("stages", 0, "touchpoints", 1)

        await pilot.press("d")
        await settle(pilot)
        assert tp_ids(app, 0) == original
        await pilot.press("d")
        await settle(pilot)
        assert tp_ids(app, 0) == original[:1] + original[2:]

        await pilot.press("ctrl+z")
        await settle(pilot)
        assert tp_ids(app, 0) == original
        assert focused_path(app) == ("stages", 0, "touchpoints", 1)  # back where it was
        await pilot.press("ctrl+z", "ctrl+z")
        await settle(pilot)
        assert tp_ids(app, 0) == original
        assert not the_map(app).document.dirty  # undone all the way to the file
        assert not (the_map(app).title or "").startswith("●")
        await pilot.press("ctrl+y", "ctrl+y")
        await settle(pilot)
        assert tp_ids(app, 0) == original
        await pilot.press("ctrl+y")
        await settle(pilot)
        assert tp_ids(app, 0) == original[:1] + original[2:]

        await goto(pilot, ("stages", 0))
        await pilot.press("d", "x")  # a whole stage (asked first), undoable like the rest
        await settle(pilot)
        assert stage_ids(app) == ["interest", "convert", "close", "delight"]
        await pilot.press("ctrl+z")
        await settle(pilot)
        assert stage_ids(app)[0] == "attract"


async def test_move_items_and_stages(funnel: Path) -> None:
    app = KunderejseApp(funnel)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await goto(pilot, ("stages", 0, "touchpoints", 0))
        await pilot.press("shift+down")
        assert tp_ids(app, 0)[:2] == ["elbil-guide", "facebook-annonce"]
        assert focused_path(app) == ("stages", 0, "touchpoints", 1)
        await pilot.press("shift+right")  # to the end of the next stage
        await settle(pilot)
        assert "facebook-annonce" not in tp_ids(app, 0)
        assert tp_ids(app, 1)[-1] == "facebook-annonce"
        assert focused_path(app) == ("stages", 1, "touchpoints", len(tp_ids(app, 1)) - 1)

        await goto(pilot, ("stages", 0))
        await pilot.press("shift+right")
        await settle(pilot)
        assert stage_ids(app)[:2] == ["interest", "attract"]
        assert focused_path(app) == ("stages", 1)
        await pilot.press("shift+left", "H")  # the second one hits the edge
        await settle(pilot)
        assert stage_ids(app)[:2] == ["attract", "interest"]
        await goto(pilot, ("stages", 0, "touchpoints", 0))
        await pilot.press("J", "K", "K")  # shift+letters for terminals without shift+arrows
        assert tp_ids(app, 0)[0] == "elbil-guide"


async def test_rename_an_id_and_the_references_follow(funnel: Path) -> None:
    app = KunderejseApp(funnel)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        data = the_map(app).document.data

        def references(tp_id: str) -> int:
            return sum(
                tp_id in answer.get("touchpoints", [])
                for interview in data["interviews"]
                for answer in interview["answers"]
            )

        assert references("facebook-annonce") == 1
        await goto(pilot, ("stages", 0, "touchpoints", 0))
        await pilot.press("r")
        assert isinstance(app.screen, PromptDialog)
        assert app.screen.query_one(Input).value == "facebook-annonce"
        await type_text(pilot, "Facebook annonce")  # not a slug: refused, dialog stays
        await pilot.press("enter")
        assert isinstance(app.screen, PromptDialog)
        await pilot.press("ctrl+u")
        await type_text(pilot, "elbil-guide")  # taken
        await pilot.press("enter")
        assert isinstance(app.screen, PromptDialog)
        await pilot.press("ctrl+u")
        await type_text(pilot, "fb-annonce")
        await pilot.press("enter")
        await settle(pilot)
        assert tp_ids(app, 0)[0] == "fb-annonce"
        assert references("facebook-annonce") == 0
        assert references("fb-annonce") == 1

        await pilot.press("ctrl+z")  # one step: the id and its references
        await settle(pilot)
        assert tp_ids(app, 0)[0] == "facebook-annonce"
        assert references("facebook-annonce") == 1


async def test_enter_opens_the_form_and_the_map_shows_its_changes(funnel: Path) -> None:
    app = KunderejseApp(funnel)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        clock = step_clock(app)
        await goto(pilot, ("stages", 0, "touchpoints", 0))
        column = the_map(app).query(StageColumn).first()
        row_index = column.highlighted
        assert row_index is not None
        assert str(column.options[row_index].prompt).startswith("3 –")
        await pilot.press("enter")
        assert isinstance(app.screen, TouchpointForm)
        app.screen.query_one("#f-emotion").focus()
        await pilot.press("1")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, JourneyMapScreen)
        clock.step(1)  # past the stray-key window after a form
        assert the_map(app).document.data["stages"][0]["touchpoints"][0]["emotion"] == 1
        assert str(column.options[row_index].prompt).startswith("1 ☹☹")
        found = the_map(app).journey_map.current()
        assert found is not None and found[0] is column

        await pilot.press("ctrl+z")
        await settle(pilot)
        assert str(column.options[row_index].prompt).startswith("3 –")

        await goto(pilot, ("stages", 1, "customer_goal"))
        await pilot.press("enter")  # the goal is part of the stage form
        assert isinstance(app.screen, StageForm)
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, JourneyMapScreen)


async def test_the_mouse_picks_items_and_a_double_click_edits(funnel: Path) -> None:
    app = KunderejseApp(funnel)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.click("#stage-column-2", offset=(4, 1))  # the stage's name
        assert focused_path(app) == ("stages", 2)
        assert the_map(app).query_one("#stage-column-2").has_class("-current")
        assert not the_map(app).query_one("#stage-column-0").has_class("-current")
        await pilot.click("#stage-column-2", offset=(4, 3), times=2)  # its goal
        await pilot.pause()
        assert isinstance(app.screen, StageForm)


async def test_keys_for_facts_personas_export_and_help(funnel: Path) -> None:
    from kunderejse_tui.tui.screens.editors import JourneyForm
    from kunderejse_tui.tui.screens.export import ExportScreen
    from kunderejse_tui.tui.screens.help import HelpScreen

    app = KunderejseApp(funnel)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        clock = step_clock(app)
        for key, screen_type in [("f", JourneyForm), ("e", ExportScreen), ("f1", HelpScreen)]:
            await pilot.press(key)
            await settle(pilot)
            assert isinstance(app.screen, screen_type), key
            await pilot.press("escape")
            await settle(pilot)
            assert isinstance(app.screen, JourneyMapScreen)
            clock.step(1)  # past the stray-key window after the facts form
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        keys = str(app.screen.query_one("#help-keys").render())
        for line in ("ctrl+z", "Fortryd", "shift+←", "Omdøb id", "Afslut", "Alle handlinger"):
            assert line.replace("ctrl+", "^") in keys or line in keys, line
