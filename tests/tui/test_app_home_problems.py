"""New journeys from templates, samples from the home screen, and the live problems panel."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import DataTable, Select

from kunderejse_tui.journey.validate import validate_file
from kunderejse_tui.tui.app import KunderejseApp
from kunderejse_tui.tui.screens.home import HomeScreen
from kunderejse_tui.tui.screens.journey_map import JourneyMapScreen
from kunderejse_tui.tui.screens.new_journey import NewJourneyScreen
from kunderejse_tui.tui.widgets.problems_panel import ProblemsPanel
from kunderejse_tui.tui.widgets.stage_column import StageColumn
from tests.tui.helpers import FUNNEL, settle

SIZE = (120, 40)


async def test_a_new_journey_from_a_template_is_written_and_opened(tmp_path: Path) -> None:
    app = KunderejseApp(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, HomeScreen)
        await pilot.press("n")
        assert isinstance(app.screen, NewJourneyScreen)
        dialog = app.screen
        dialog.query_one("#new-template", Select).value = "lifecycle-12"
        dialog.query_one("#new-lang", Select).value = "en"
        await pilot.press(*"Energy advice", "enter")
        await settle(pilot)
        assert isinstance(app.screen, JourneyMapScreen)
        path = tmp_path / "energy-advice.journey.yaml"
        assert app.screen.document.path == path
        assert len(app.screen.query(StageColumn)) == 12
        assert app.lang == "en"  # the UI follows the new journey's language
    loaded, problems = validate_file(path)
    assert problems == [] and loaded is not None
    assert loaded.data["model"] == "lifecycle-12"
    assert loaded.data["stages"][0]["name"] == "Need identification"


async def test_a_new_journey_never_overwrites_a_file(tmp_path: Path) -> None:
    existing = tmp_path / "bil.journey.yaml"
    existing.write_bytes(FUNNEL.read_bytes())
    app = KunderejseApp(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("n", *"Bil", "enter")
        await pilot.pause()
        assert isinstance(app.screen, NewJourneyScreen)
        assert "findes allerede" in str(app.screen.query_one("#new-error").render())
    assert existing.read_bytes() == FUNNEL.read_bytes()


async def test_a_sample_opens_as_a_copy_in_the_folder(tmp_path: Path) -> None:
    app = KunderejseApp(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        samples = app.screen.query_one("#samples", DataTable)
        keys = [row.key.value for row in samples.ordered_rows]
        index = next(i for i, k in enumerate(keys) if k and k.endswith(FUNNEL.name))
        samples.focus()
        samples.move_cursor(row=index)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, JourneyMapScreen)
        assert app.screen.document.path == tmp_path / FUNNEL.name
    assert (tmp_path / FUNNEL.name).read_bytes() == FUNNEL.read_bytes()


async def test_problems_update_as_you_edit_and_jump_to_the_item(funnel: Path) -> None:
    app = KunderejseApp(funnel)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, JourneyMapScreen)
        panel = screen.query_one(ProblemsPanel)
        assert screen.problems == [] and not panel.display

        editor = screen.document.editor
        editor.set(("stages", 2, "touchpoints", 1, "emotion"), 7)
        editor.set(("stages", 3, "customer_questions", 0, "persona"), "mete")
        # Whether the debounced check has run yet depends on the machine's speed,
        # so only its result after the pause is asserted.
        await settle(pilot, 0.4)
        assert sorted(p.code for p in screen.problems) == ["S106", "X202"]
        assert panel.display
        assert "2 fejl, 0 advarsler" in screen.sub_title

        await pilot.press("f8")  # into the panel
        assert app.focused is panel
        panel.highlighted = [p.code for p in screen.problems].index("S106")
        await pilot.press("enter")
        await pilot.pause()
        current = screen.journey_map.current()
        assert current is not None and current[1].path == ("stages", 2, "touchpoints", 1)
        assert app.focused is None  # back on the map: the screen has the keys

        await pilot.press("ctrl+z", "ctrl+z")
        await settle(pilot, 0.4)
        assert screen.problems == []
        assert "ingen problemer" in screen.sub_title

        await pilot.press("f8")
        assert panel.display and app.focused is panel
        await pilot.press("f8")  # in the panel: hides it, back to the map
        assert not panel.display and app.focused is None
