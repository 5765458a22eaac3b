"""The served roles inside the app: a viewer follows the file and cannot edit; the
editor's live sharing saves a few seconds after each change (and asks first for a
file with comments, as the first save always does)."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from textual import events
from textual.pilot import Pilot
from textual.widgets import Static

from kunderejse_tui.journey.dump import dump
from kunderejse_tui.journey.locks import lock_file
from kunderejse_tui.journey.yamlio import load_file
from kunderejse_tui.tui import live_follow
from kunderejse_tui.tui.app import KunderejseApp
from kunderejse_tui.tui.screens.confirm import CommentsDialog
from kunderejse_tui.tui.screens.home import HomeScreen
from kunderejse_tui.tui.screens.journey_map import JourneyMapScreen
from kunderejse_tui.tui.screens.presentation import PresentationScreen
from tests.tui.helpers import open_map, settle, shows

SIZE = (120, 40)


def notifications(app: KunderejseApp) -> list[str]:
    return [n.message for n in app._notifications]


def the_map(app: KunderejseApp) -> JourneyMapScreen:
    screen = open_map(app)
    assert screen is not None
    return screen


async def until(pilot: Pilot[int], check: object, timeout: float = 10.0) -> None:
    assert callable(check)
    loop = asyncio.get_running_loop()
    end = loop.time() + timeout
    while not check():
        assert loop.time() < end, "never happened"
        await pilot.pause(0.05)


def presentation(app: KunderejseApp) -> PresentationScreen:
    screen = app.screen
    assert isinstance(screen, PresentationScreen), screen
    return screen


def no_map(app: KunderejseApp) -> bool:
    return not any(isinstance(s, JourneyMapScreen) for s in app.screen_stack)


def shown(screen: PresentationScreen, part: str) -> str:
    return str(screen.query_one(f"#present-{part}", Static).render())


def toasts(app: KunderejseApp) -> list[str]:
    """The notices drawn on the current screen, not only sent (``run_test`` draws them
    with ``notifications=True`` only)."""
    return [str(toast.render()) for toast in app.screen.query("Toast")]


def rewrite(path: Path, change: Callable[[dict[str, Any]], None]) -> None:
    """Another program (the editor's save, git pull) writes the journey."""
    loaded = load_file(path)
    change(loaded.data)
    path.write_text(dump(loaded.data, loaded.schema_line), encoding="utf-8")


async def test_a_viewer_presents_the_journey_and_follows_the_file_keeping_its_stage(
    funnel: Path,
) -> None:
    app = KunderejseApp(funnel, viewer=True)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        present = await shows(pilot, PresentationScreen)
        await settle(pilot)
        assert no_map(app)  # straight into the presentation: no map underneath
        assert not present.can_leave
        # A viewer steps through the stages and toggles the overview, as presenting does.
        await pilot.press("right", "right")
        assert present.stage == 2
        assert "Fase 3 af 5" in shown(present, "banner")
        await pilot.press("o")
        assert present.overview
        await pilot.press("o")
        assert not present.overview

        def new_goal(data: dict[str, Any]) -> None:
            data["stages"][2]["customer_goal"] = "Et mål skrevet i et andet vindue"

        rewrite(funnel, new_goal)
        await until(pilot, lambda: "Et mål skrevet i et andet vindue" in shown(present, "goal"))
        assert present.stage == 2 and app.screen is present
        doc = present.document
        assert not doc.dirty and not doc.editor.can_undo

        def two_stages(data: dict[str, Any]) -> None:
            del data["stages"][2:]

        rewrite(funnel, two_stages)  # the stage shown is gone: the last one that is left
        await until(pilot, lambda: "Fase 2 af 2" in shown(present, "banner"))
        assert present.stage == 1
        # A file that does not read (half-written by hand) leaves the last good version.
        funnel.write_text("stages: [\n", encoding="utf-8")
        await until(pilot, lambda: any("kan ikke læses" in n for n in toasts(app)))
        assert "Fase 2 af 2" in shown(present, "banner")


async def test_a_viewer_of_a_big_journey_follows_it_too(big_journey: Path) -> None:
    app = KunderejseApp(big_journey, viewer=True)
    async with app.run_test(size=SIZE) as pilot:
        present = await shows(pilot, PresentationScreen)
        await settle(pilot, delay=0.5)
        assert not present.document.partial
        text = big_journey.read_text(encoding="utf-8")
        big_journey.write_text(text.replace("Annonce på Facebook", "Opslag på Instagram"))
        await until(pilot, lambda: "Opslag på Instagram" in shown(present, "touchpoints"))


async def test_a_viewer_of_a_file_stays_in_the_presentation(funnel: Path) -> None:
    app = KunderejseApp(funnel, viewer=True)
    async with app.run_test(size=SIZE) as pilot:
        present = await shows(pilot, PresentationScreen)
        await settle(pilot)
        await pilot.press("escape", "ctrl+w", "f5", "escape")
        await settle(pilot)
        assert app.screen is present
        assert no_map(app)


async def test_a_viewer_of_a_folder_goes_back_to_the_list_never_to_the_map(
    funnel: Path,
) -> None:
    folder = funnel.parent
    app = KunderejseApp(folder, viewer=True)
    async with app.run_test(size=SIZE) as pilot:
        home = await shows(pilot, HomeScreen)
        await settle(pilot)
        # The list does not offer what a viewer cannot do.
        intro = str(home.query_one("#home-intro", Static).render())
        assert "Enter" in intro and "ny rejse" not in intro
        await pilot.press("n")  # a new journey is a new file: not for a viewer
        await settle(pilot)
        assert isinstance(app.screen, HomeScreen)
        assert list(folder.iterdir()) == [funnel]
        await pilot.press("enter")
        await shows(pilot, PresentationScreen)
        assert no_map(app)
        await pilot.press("right")
        await pilot.press("escape")
        await shows(pilot, HomeScreen)
        await settle(pilot)
        assert no_map(app) and app.journey is None
        await pilot.press("enter")
        await shows(pilot, PresentationScreen)
        await pilot.press("ctrl+w")  # the map's key to close a journey works the same
        await shows(pilot, HomeScreen)
        assert no_map(app)


async def test_a_viewer_cannot_edit_save_or_take_over_and_leaves_the_lock_alone(
    funnel: Path,
) -> None:
    before = funnel.read_bytes()
    app = KunderejseApp(funnel, viewer=True)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        present = await shows(pilot, PresentationScreen)
        await settle(pilot, delay=0.3)
        document = present.document
        revision = document.editor.revision
        await pilot.press(*"daxcLeV", "enter", "delete", "ctrl+z", "f5", "f6")
        await settle(pilot)
        assert app.screen is present and no_map(app)
        for key in ("ctrl+s", "ctrl+t"):
            app.clear_notifications()
            await pilot.press(key)
            await settle(pilot)
            # Said on the presentation itself, where the viewer looks.
            assert any("som tilskuer" in n for n in toasts(app)), (key, toasts(app))
        assert document.editor.revision == revision
        assert not document.dirty
        assert not lock_file(funnel).exists()
        assert app.journey is not None and app.journey.read_only
    assert funnel.read_bytes() == before
    assert not lock_file(funnel).exists()


async def test_live_sharing_is_off_until_f6_and_then_saves_after_each_change(
    funnel: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(live_follow, "SHARE_DELAY", 0.3)
    before = funnel.read_bytes()
    app = KunderejseApp(funnel)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = the_map(app)
        await pilot.press("d", "x")  # off by default: the change waits for ctrl+s
        await settle(pilot, delay=0.8)
        assert screen.document.dirty
        assert funnel.read_bytes() == before
        await pilot.press("f6")
        await settle(pilot)
        assert "[deler live]" in str(screen.title)
        # Switched on with a change waiting: it goes out too.
        await until(pilot, lambda: not screen.document.dirty)
        first = funnel.read_bytes()
        assert first != before
        await pilot.press("d", "x")
        # Written, then marked saved (the write runs in a thread): wait for both.
        await until(pilot, lambda: funnel.read_bytes() != first and not screen.document.dirty)
        assert "Gemt" not in " ".join(notifications(app))  # quiet when it went well
        await pilot.press("f6")
        await settle(pilot)
        assert "[deler live]" not in str(screen.title)
        await pilot.press("d", "x")
        await settle(pilot, delay=0.8)
        assert screen.document.dirty


async def test_live_sharing_asks_first_for_a_file_with_comments(
    funnel: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(live_follow, "SHARE_DELAY", 0.2)
    text = funnel.read_text(encoding="utf-8")
    funnel.write_text(text.replace("market: B2C", "market: B2C  # spørg Anne"), encoding="utf-8")
    before = funnel.read_bytes()
    app = KunderejseApp(funnel)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("f6", "d", "x")
        await until(pilot, lambda: isinstance(app.screen, CommentsDialog))
        await pilot.press("escape")  # no: nothing is written, and sharing stops
        await settle(pilot)
        assert funnel.read_bytes() == before
        assert any("Live-deling er stoppet" in n for n in notifications(app))
        assert "[deler live]" not in str(the_map(app).title)


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
async def test_a_served_editor_sees_f6_in_the_footer_at_every_width(
    funnel: Path, monkeypatch: pytest.MonkeyPatch, size: tuple[int, int]
) -> None:
    """The key of a served workshop stays in the key bar, whole, with Quit and Help
    (Quit on F10: a browser may keep ctrl+q for itself)."""
    from textual.widgets._footer import FooterKey

    monkeypatch.setattr(KunderejseApp, "is_web", property(lambda self: True))
    app = KunderejseApp(funnel)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        keys = {k.key_display: k for k in the_map(app).query(FooterKey)}
        for key in ("F6", "F10", "F1"):
            assert key in keys, (key, list(keys))
            region = keys[key].region
            assert region.width > 0 and region.right <= size[0], (key, region)
        assert keys["F6"].description == "Del live"


async def test_a_viewer_coming_back_to_its_tab_right_after_a_save_just_follows(
    funnel: Path,
) -> None:
    """Back in the tab (app focus) before the poll saw the change: the viewer follows the
    file as always, and does not try to reload it as an editor would (an edit, refused)."""
    app = KunderejseApp(funnel, viewer=True)
    async with app.run_test(size=SIZE) as pilot:
        present = await shows(pilot, PresentationScreen)
        await settle(pilot)

        def new_goal(data: dict[str, Any]) -> None:
            data["stages"][0]["customer_goal"] = "Skrevet lige før fanen fik fokus"

        rewrite(funnel, new_goal)
        app.post_message(events.AppFocus())
        await until(pilot, lambda: "Skrevet lige før fanen fik fokus" in shown(present, "goal"))
        await settle(pilot)
        assert app.is_running and app.screen is present
        assert not present.document.editor.can_undo
