"""Search jumps to hits; the persona list adds, renames and deletes personas."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from kunderejse_tui.tui.app import KunderejseApp
from kunderejse_tui.tui.screens.editors import PersonaForm
from kunderejse_tui.tui.screens.journey_map import JourneyMapScreen
from kunderejse_tui.tui.screens.personas import PersonasScreen
from kunderejse_tui.tui.screens.search import SearchScreen
from kunderejse_tui.tui.search_index import search
from tests.tui.helpers import open_map, settle, the_document

SIZE = (120, 40)


def focused_path(app: KunderejseApp) -> tuple[Any, ...]:
    screen = open_map(app)
    assert screen is not None
    found = screen.journey_map.current()
    assert found is not None
    return found[1].path


def test_search_finds_names_questions_and_messages_once_per_item(funnel: Path) -> None:
    from kunderejse_tui.journey.yamlio import load_file

    data = load_file(funnel).data
    hits = search(data, "BEREGNER")  # case-insensitive
    paths = [h.path for h in hits]
    assert ("stages", 0, "touchpoints", 0) in paths  # an opportunity of the Facebook ad
    assert ("stages", 0, "messaging") in paths  # content and call to action: one hit
    assert len(paths) == len(set(paths))
    assert search(data, "  ") == []


async def test_slash_searches_and_n_goes_to_the_next_hit(funnel: Path) -> None:
    app = KunderejseApp(funnel)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("slash")
        assert isinstance(app.screen, SearchScreen)
        await pilot.press(*"elbil")
        await pilot.pause()
        assert "fund" in str(app.screen.query_one("#search-count").render())
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, JourneyMapScreen)
        first = ("stages", 0, "customer_questions", 1)
        assert focused_path(app) == first
        await pilot.press("n")
        assert focused_path(app) == ("stages", 0, "touchpoints", 1)
        await pilot.press("n", "n")
        assert focused_path(app) == ("stages", 1, "touchpoints", 0)
        await pilot.press("N", "N", "N")
        assert focused_path(app) == first

        await pilot.press("slash", "escape")  # cancel: the focus stays
        await pilot.pause()
        assert focused_path(app) == first


async def test_personas_add_edit_rename_delete(funnel: Path) -> None:
    app = KunderejseApp(funnel)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        data = the_document(app).data
        await pilot.press("p")
        assert isinstance(app.screen, PersonasScreen)
        await pilot.press("a", *"Søren", "enter")
        await settle(pilot)
        assert [p["id"] for p in data["personas"]] == ["mette", "kasper", "soeren"]

        await pilot.press("home", "enter")
        assert isinstance(app.screen, PersonaForm)
        await pilot.press("escape")
        await settle(pilot)

        mentions = str(data).count("'mette'")
        await pilot.press("r", "ctrl+u", *"mette-m", "enter")
        await settle(pilot)
        assert data["personas"][0]["id"] == "mette-m"
        assert str(data).count("'mette-m'") == mentions  # every reference followed
        assert "'mette'" not in str(data)

        await pilot.press("end", "d")
        await settle(pilot)
        assert [p["id"] for p in data["personas"]] == ["mette-m", "kasper"]
        await pilot.press("ctrl+z")
        await settle(pilot)
        assert [p["id"] for p in data["personas"]] == ["mette-m", "kasper", "soeren"]

        await pilot.press("escape")
        assert isinstance(app.screen, JourneyMapScreen)
