"""Layout at every size (issue 16): column widths, stage numbers, the curve key, the
footer, the help box, the home table's status, the fit-all overview and the cards."""

from __future__ import annotations

import shutil
from pathlib import Path

from textual.coordinate import Coordinate
from textual.widgets import DataTable
from textual.widgets._footer import FooterKey

from kunderejse_tui.tui.app import KunderejseApp
from kunderejse_tui.tui.screens.help import HelpScreen
from kunderejse_tui.tui.screens.journey_map import JourneyMapScreen
from kunderejse_tui.tui.screens.overview import OverviewScreen
from kunderejse_tui.tui.widgets.big_text import banner_lines
from kunderejse_tui.tui.widgets.emotion_curve import EmotionCurve, level_row, levels_for
from kunderejse_tui.tui.widgets.stage_column import StageColumn, build_rows
from kunderejse_tui.tui.widgets.stage_overview import StageCard, StageOverview, wrap_name
from tests.tui.helpers import settle, shows, the_document


def _titles(app: KunderejseApp) -> list[str]:
    screen = app.screen
    assert isinstance(screen, JourneyMapScreen)
    return [str(c.border_title) for c in screen.journey_map.columns]


async def test_stage_numbers_follow_adding_and_deleting_a_stage(funnel: Path) -> None:
    app = KunderejseApp(funnel)
    async with app.run_test(size=(200, 50)) as pilot:
        await settle(pilot)
        assert _titles(app) == ["1/5", "2/5", "3/5", "4/5", "5/5"]
        editor = the_document(app).editor
        stages = editor.data["stages"]
        editor.set(("stages",), [*stages, {"id": "ny", "name": "Ny fase"}])
        await settle(pilot)
        assert _titles(app) == ["1/6", "2/6", "3/6", "4/6", "5/6", "6/6"]
        editor.set(("stages",), stages[1:])
        await settle(pilot)
        assert _titles(app) == ["1/4", "2/4", "3/4", "4/4"]
        editor.undo()
        await settle(pilot)
        assert _titles(app) == ["1/6", "2/6", "3/6", "4/6", "5/6", "6/6"]


async def test_columns_share_a_wide_screen_and_keep_their_width_on_a_narrow_one(
    funnel: Path,
) -> None:
    app = KunderejseApp(funnel)
    async with app.run_test(size=(220, 60)) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, JourneyMapScreen)
        widths = [c.outer_size.width for c in screen.journey_map.columns]
        assert widths == [44] * 5  # 220 / 5: no columns left unused
        await pilot.resize_terminal(80, 24)
        await settle(pilot, 0.1)
        widths = [c.outer_size.width for c in screen.journey_map.columns]
        assert widths == [34] * 5  # the narrowest a card reads at; the map scrolls


async def test_the_curve_hides_on_a_small_screen_and_g_shows_and_hides_it(funnel: Path) -> None:
    app = KunderejseApp(funnel)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        curve = app.screen.query_one(EmotionCurve)
        assert not curve.display
        await pilot.press("g")
        await settle(pilot)
        assert curve.display
        assert curve.levels == 5
        await pilot.press("g")
        await settle(pilot)
        assert not curve.display
    app = KunderejseApp(funnel)
    async with app.run_test(size=(200, 60)) as pilot:
        await settle(pilot)
        curve = app.screen.query_one(EmotionCurve)
        assert curve.display
        assert curve.levels > 5  # more rows: half steps
        await pilot.press("g")
        await settle(pilot)
        assert not curve.display


def test_the_curve_grid_puts_half_steps_on_their_own_rows() -> None:
    assert [level_row(v) for v in (5, 4, 3, 2, 1)] == [0, 1, 2, 3, 4]
    assert [level_row(v, 9) for v in (5, 4.5, 4, 3.5, 3, 1)] == [0, 1, 2, 3, 4, 8]
    assert levels_for(8) == 5
    assert levels_for(15) == 9
    assert levels_for(40) == 17


async def test_the_footer_keeps_quit_and_help_at_80_columns(funnel: Path) -> None:
    app = KunderejseApp(funnel)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        keys = list(app.screen.query(FooterKey))
        actions = [k.action for k in keys]
        assert "quit" in actions
        assert "help" in actions
        assert "save" in actions
        for key in keys:
            region = key.region
            assert region.right <= 80, (key.action, region)
            assert region.width > 0, key.action


async def test_the_help_box_fits_80_columns(funnel: Path) -> None:
    app = KunderejseApp(funnel)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("f1")
        help_screen = await shows(pilot, HelpScreen)
        box = help_screen.query_one(".help-box")
        assert box.region.x >= 0
        assert box.region.right <= 80
        assert box.region.bottom <= 24


async def test_the_home_table_shows_the_status_at_80_columns(funnel: Path) -> None:
    shutil.copyfile(funnel, funnel.parent / "en-meget-lang-filnavn-til-en-kunderejse.journey.yaml")
    app = KunderejseApp(funnel.parent)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot, 0.2)
        table = app.screen.query_one("#journeys", DataTable)
        status_x = sum(c.get_render_width(table) for c in list(table.columns.values())[:2])
        status_width = list(table.columns.values())[2].get_render_width(table)
        assert status_x + status_width <= table.size.width
        assert table.get_cell_at(Coordinate(0, 2)) == "✓ gyldig"


async def test_the_home_table_shows_whole_counts_or_none_and_follows_a_resize(
    lifecycle: Path,
) -> None:
    app = KunderejseApp(lifecycle.parent)

    def shown(table: DataTable[str]) -> list[str]:
        """The column labels that fit in the table's width, whole."""
        x, fits = 0, []
        for column in table.columns.values():
            x += column.get_render_width(table)
            if x <= table.size.width:
                fits.append(str(column.label))
        return fits

    async with app.run_test(size=(140, 40)) as pilot:
        await settle(pilot, 0.2)
        table = app.screen.query_one("#journeys", DataTable)
        assert shown(table) == [str(c.label) for c in table.columns.values()]
        assert len(table.columns) == 6
        assert "12" in [str(table.get_cell_at(Coordinate(r, 3))) for r in range(table.row_count)]
        await pilot.resize_terminal(80, 24)
        await settle(pilot, 0.2)
        table = app.screen.query_one("#journeys", DataTable)
        assert len(table.columns) == 3  # file, title, status: no cut-off "1" of "12"
        assert shown(table) == [str(c.label) for c in table.columns.values()]
        await pilot.resize_terminal(140, 40)
        await settle(pilot, 0.2)
        assert len(app.screen.query_one("#journeys", DataTable).columns) == 6


def test_cards_hide_ids_and_show_pains_opportunities_and_the_call_to_action() -> None:
    stage = {
        "id": "attract",
        "name": "Tiltræk",
        "touchpoints": [
            {
                "id": "fb",
                "name": "Annonce",
                "pains": ["Siger intet om pris"],
                "opportunities": ["Link til beregner"],
            }
        ],
        "messaging": {"call_to_action": "Prøv beregneren"},
    }
    shown = "\n".join(content.plain for _, content in build_rows(stage, 0, "da", {}))
    assert "attract" not in shown
    assert "fb" not in shown.split()
    assert "− Siger intet om pris" in shown
    assert "+ Link til beregner" in shown
    assert "CTA" not in shown
    assert "Handlingsopfordring:\n→ Prøv beregneren" in shown
    english = "\n".join(content.plain for _, content in build_rows(stage, 0, "en", {}))
    assert "Call to action:" in english


async def test_the_overview_shows_every_stage_and_enter_goes_to_the_chosen_one(
    lifecycle: Path,
) -> None:
    app = KunderejseApp(lifecycle)
    async with app.run_test(size=(200, 50)) as pilot:
        await settle(pilot)
        await pilot.press("z")
        overview = await shows(pilot, OverviewScreen)
        cards = list(overview.query(StageCard))
        assert len(cards) == 12
        assert {c.region.y for c in cards} == {cards[0].region.y}  # one row, side by side
        assert all(c.region.right <= 200 for c in cards)
        assert "Behovsident-" in str(cards[0].render())
        await pilot.press("right", "right", "right")
        assert overview.query_one(StageOverview).current == 3
        assert cards[3].has_class("-current")
        await pilot.press("enter")
        screen = await shows(pilot, JourneyMapScreen)
        assert screen.journey_map.column_index == 3
        assert isinstance(screen.journey_map.columns[3], StageColumn)


async def test_the_overview_wraps_cards_on_a_narrow_screen(lifecycle: Path) -> None:
    app = KunderejseApp(lifecycle)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("z")
        overview = await shows(pilot, OverviewScreen)
        await settle(pilot)
        cards = list(overview.query(StageCard))
        assert len({c.region.y for c in cards}) == 3  # 5 cards to a row of 80
        assert all(c.region.right <= 80 for c in cards)
        await pilot.press("escape")
        await shows(pilot, JourneyMapScreen)


def test_long_names_are_hyphenated_and_short_ones_kept() -> None:
    assert wrap_name("Behovsidentifikation", 12) == ["Behovsident-", "ifikation"]
    assert wrap_name("Levering og onboarding", 12) == ["Levering og", "onboarding"]


def test_big_letters_grow_as_far_as_the_space_allows() -> None:
    small = banner_lines("Tiltræk", 76, 6)
    large = banner_lines("Tiltræk", 116, 12)
    assert small is not None and large is not None
    assert len(small) < len(large)
    assert max(len(line) for line in large) <= 116
    assert len(large) <= 12
    # Two words that do not fit one line wrap; a word that fits nowhere gives None.
    wrapped = banner_lines("Levering og onboarding", 60, 20)
    assert wrapped is not None and "" in wrapped
    assert banner_lines("Behovsidentifikation", 40, 20) is None
