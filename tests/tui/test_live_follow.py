"""The served roles inside the app: a viewer follows the file and cannot edit; the
editor's live sharing saves a few seconds after each change (and asks first for a
file with comments, as the first save always does)."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from textual.pilot import Pilot

from kunderejse_tui.journey.locks import lock_file
from kunderejse_tui.tui import live_follow
from kunderejse_tui.tui.app import KunderejseApp
from kunderejse_tui.tui.screens.confirm import CommentsDialog
from kunderejse_tui.tui.screens.journey_map import JourneyMapScreen
from tests.tui.helpers import open_map, settle

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


def stage_names(app: KunderejseApp) -> list[str]:
    data = the_map(app).document.data
    stages = data["stages"]
    assert isinstance(stages, list)
    return [str(s["name"]) for s in stages]


async def test_a_viewer_follows_the_file_and_keeps_its_place(funnel: Path) -> None:
    app = KunderejseApp(funnel, viewer=True)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = the_map(app)
        await pilot.press("right", "right", "down")
        await settle(pilot)
        place = screen.journey_map.current()
        assert place is not None and place[0].index == 2
        row_path = place[1].path
        assert "[ser med live]" in str(screen.title)
        # Another program (the editor's save, git pull) renames the second stage.
        text = funnel.read_text(encoding="utf-8")
        funnel.write_text(text.replace("name: Interesse", "name: Overvejelse"), encoding="utf-8")
        await until(pilot, lambda: "Overvejelse" in stage_names(app))
        await settle(pilot)
        after = screen.journey_map.current()
        assert after is not None and after[0].index == 2 and after[1].path == row_path
        doc = screen.document
        assert not doc.dirty and not doc.editor.can_undo
        # A file that does not read (half-written by hand) leaves the last good version.
        funnel.write_text("stages: [\n", encoding="utf-8")
        await until(pilot, lambda: any("kan ikke læses" in n for n in notifications(app)))
        assert "Overvejelse" in stage_names(app)


async def test_a_viewer_cannot_edit_save_or_take_over_and_leaves_the_lock_alone(
    funnel: Path,
) -> None:
    before = funnel.read_bytes()
    app = KunderejseApp(funnel, viewer=True)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, delay=0.3)
        await pilot.press("d", "c", "L", "ctrl+s", "ctrl+t", "f6")
        await settle(pilot)
        said = notifications(app)
        assert any("som tilskuer" in n for n in said), said
        assert not the_map(app).document.dirty
        assert not lock_file(funnel).exists()
        assert the_map(app).session.read_only
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
