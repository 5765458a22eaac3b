"""The map's "make a future-state version" (V) and the home screen's new journey (n):
both write new files through the core's one path (journey/create.py)."""

from __future__ import annotations

import datetime
from pathlib import Path

from kunderejse_tui.journey.future_state import future_path
from kunderejse_tui.journey.validate import validate_file
from kunderejse_tui.journey.yamlio import load_file
from kunderejse_tui.tui.app import KunderejseApp
from kunderejse_tui.tui.screens.compare import CompareScreen
from kunderejse_tui.tui.screens.home import HomeScreen
from kunderejse_tui.tui.screens.journey_map import JourneyMapScreen
from kunderejse_tui.tui.screens.recovery import ChoiceDialog
from tests.tui.helpers import settle, shows, the_document

SIZE = (120, 40)
CHRISTMAS = datetime.date(2026, 12, 24)


def _app(path: Path) -> KunderejseApp:
    return KunderejseApp(path, today=lambda: CHRISTMAS)


async def test_n_on_the_home_screen_gives_the_schema_line_like_kunderejse_new(
    tmp_path: Path,
) -> None:
    (tmp_path / ".git").mkdir()
    folder = tmp_path / "rejser"
    folder.mkdir()
    app = _app(folder)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, HomeScreen)
        await pilot.press("n", *"Ny rejse", "enter")
        await shows(pilot, JourneyMapScreen)
    path = folder / "ny-rejse.journey.yaml"
    assert path.read_text(encoding="utf-8").startswith(
        "# yaml-language-server: $schema=../.kunderejse/journey.schema.json\n"
    )
    assert (tmp_path / ".kunderejse" / "journey.schema.json").is_file()
    assert validate_file(path)[1] == []


async def test_V_makes_the_future_state_opens_it_and_v_compares(funnel: Path) -> None:
    before = funnel.read_bytes()
    app = _app(funnel)
    async with app.run_test(size=SIZE) as pilot:
        await shows(pilot, JourneyMapScreen)
        await settle(pilot)
        await pilot.press("V")
        target = future_path(funnel)
        await shows(pilot, JourneyMapScreen, lambda s: s.document.path == target)
        assert the_document(app).data["state"] == "future"
        assert the_document(app).data["based_on"] == funnel.name
        await settle(pilot)
        await pilot.press("v")
        await shows(pilot, CompareScreen)
    assert funnel.read_bytes() == before
    data = load_file(target).data
    assert data["updated"] == "2026-12-24" and "interviews" not in data
    assert validate_file(target)[1] == []


async def test_V_never_overwrites_an_existing_future_state_and_offers_to_open_it(
    funnel: Path,
) -> None:
    target = future_path(funnel)
    target.write_bytes(funnel.read_bytes().replace(b"state: current", b"state: future"))
    mine = target.read_bytes()
    app = _app(funnel)
    async with app.run_test(size=SIZE) as pilot:
        await shows(pilot, JourneyMapScreen)
        await settle(pilot)
        await pilot.press("V")
        await shows(pilot, ChoiceDialog)
        await pilot.press("c")  # cancel: still the current journey
        await settle(pilot)
        assert isinstance(app.screen, JourneyMapScreen) and app.screen.document.path == funnel
        await pilot.press("V")
        await shows(pilot, ChoiceDialog)
        await pilot.press("o")
        await shows(pilot, JourneyMapScreen, lambda s: s.document.path == target)
    assert target.read_bytes() == mine


async def test_V_with_unsaved_changes_saves_first_or_does_nothing(funnel: Path) -> None:
    app = _app(funnel)
    async with app.run_test(size=SIZE) as pilot:
        await shows(pilot, JourneyMapScreen)
        await settle(pilot)
        doc = the_document(app)
        doc.editor.set(("title",), "Ny titel")
        await pilot.press("V")
        await shows(pilot, ChoiceDialog)
        await pilot.press("escape")
        await settle(pilot)
        assert not future_path(funnel).exists() and doc.dirty
        await pilot.press("V")
        await shows(pilot, ChoiceDialog)
        await pilot.press("s")
        target = future_path(funnel)
        await shows(pilot, JourneyMapScreen, lambda s: s.document.path == target)
    assert load_file(funnel).data["title"] == "Ny titel"
    assert load_file(target).data["title"] == "Ny titel (fremtidig tilstand)"


async def test_V_on_a_future_state_says_so_and_writes_nothing(funnel: Path) -> None:
    future = funnel.with_name("plan.journey.yaml")
    future.write_bytes(
        funnel.read_bytes().replace(
            b"state: current", b"state: future\nbased_on: " + funnel.name.encode()
        )
    )
    app = _app(future)
    async with app.run_test(size=SIZE) as pilot:
        await shows(pilot, JourneyMapScreen)
        await settle(pilot)
        await pilot.press("V")
        await settle(pilot)
        assert isinstance(app.screen, JourneyMapScreen) and app.screen.document.path == future
        assert any("state: future" in str(n.message) for n in app._notifications)
    assert sorted(p.name for p in funnel.parent.iterdir() if p.suffix == ".yaml") == [
        funnel.name,
        future.name,
    ]
