"""Saving (only the edited lines change) and quitting (asks only when there is something to lose)."""

from __future__ import annotations

import datetime
import difflib
from pathlib import Path

from textual.pilot import Pilot

from kunderejse_tui.tui.app import KunderejseApp
from kunderejse_tui.tui.screens.confirm import CommentsDialog, QuitDialog
from kunderejse_tui.tui.screens.journey_map import JourneyMapScreen
from tests.tui.helpers import settle

SIZE = (120, 40)


def changed_lines(before: bytes, after: bytes) -> list[str]:
    diff = difflib.unified_diff(
        before.decode().splitlines(), after.decode().splitlines(), lineterm="", n=0
    )
    return [line for line in diff if line[:1] in "+-" and line[:3] not in ("+++", "---")]


def notifications(app: KunderejseApp) -> list[str]:
    return [n.message for n in app._notifications]


async def rename(pilot: Pilot[int], new: str) -> None:
    """Rename the focused item's id through the dialog."""
    await pilot.press("r", "ctrl+u", *new, "enter")
    await settle(pilot)


async def test_ctrl_s_saves_and_only_the_edited_lines_change(funnel: Path) -> None:
    before = funnel.read_bytes()
    app = KunderejseApp(funnel, today=lambda: datetime.date(2026, 12, 24))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, JourneyMapScreen)
        screen.journey_map.focus_path(("stages", 4))
        await rename(pilot, "loyal")  # the last stage; one interview answer refers to it
        assert (screen.title or "").startswith("● ")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert not screen.document.dirty
        assert not (screen.title or "").startswith("●")
        assert "Gemt: bilkoeb-privat.journey.yaml" in notifications(app)
    assert changed_lines(before, funnel.read_bytes()) == [
        '-updated: "2026-11-20"',  # the save dates the change
        '+updated: "2026-12-24"',
        "-  - id: delight",
        "+  - id: loyal",
        "-          - delight",
        "+          - loyal",
    ]


async def test_saving_an_unchanged_journey_writes_nothing(funnel: Path) -> None:
    stat = funnel.stat()
    app = KunderejseApp(funnel)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert "Ingen ændringer at gemme." in notifications(app)
    assert funnel.stat().st_mtime_ns == stat.st_mtime_ns


async def test_a_file_with_comments_asks_before_the_first_save(funnel: Path) -> None:
    text = funnel.read_text(encoding="utf-8")
    funnel.write_text(text.replace("market: B2C", "market: B2C  # spørg Anne"), encoding="utf-8")
    before = funnel.read_bytes()
    app = KunderejseApp(funnel)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, JourneyMapScreen)
        app.screen.journey_map.focus_path(("stages", 4))
        await rename(pilot, "loyal")
        await pilot.press("ctrl+s")
        await pilot.pause()  # not settle(): the save worker waits for the answer
        assert isinstance(app.screen, CommentsDialog)
        await pilot.press("escape")  # no: nothing is written
        await settle(pilot)
        assert funnel.read_bytes() == before
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, CommentsDialog)
        await pilot.press("s")  # save anyway
        await settle(pilot)
        assert isinstance(app.screen, JourneyMapScreen)
    after = funnel.read_bytes()
    assert b"# sp" not in after
    assert b"id: loyal" in after


async def test_a_journey_with_problems_saves_with_a_warning(funnel: Path) -> None:
    app = KunderejseApp(funnel)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, JourneyMapScreen)
        screen.document.editor.set(("stages", 0, "touchpoints", 0, "emotion"), 9)
        await pilot.press("ctrl+s")
        await settle(pilot, 0.4)
        assert not screen.document.dirty
        assert any("men rejsen har 1 fejl" in n for n in notifications(app))
        assert [p.code for p in screen.problems] == ["S106"]
    assert "emotion: 9" in funnel.read_text(encoding="utf-8")


async def test_quit_without_changes_quits_at_once(funnel: Path) -> None:
    app = KunderejseApp(funnel)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert app._exit
    assert app.return_code == 0


async def test_quit_with_changes_asks_cancel_stays_discard_quits(funnel: Path) -> None:
    before = funnel.read_bytes()
    app = KunderejseApp(funnel)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("d", "x")  # delete the first stage
        await settle(pilot)
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert isinstance(app.screen, QuitDialog)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, JourneyMapScreen) and not app._exit
        await pilot.press("ctrl+q")
        await pilot.pause()
        await pilot.press("d")  # discard
        await pilot.pause()
        assert app._exit
    assert funnel.read_bytes() == before


async def test_quit_with_changes_and_save_saves_then_quits(funnel: Path) -> None:
    app = KunderejseApp(funnel)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, JourneyMapScreen)
        app.screen.journey_map.focus_path(("stages", 4))
        await rename(pilot, "loyal")
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert isinstance(app.screen, QuitDialog)
        await pilot.press("s")
        await settle(pilot)
        assert app._exit
    assert "id: loyal" in funnel.read_text(encoding="utf-8")
