"""Key descriptions follow the UI language through key_descriptions.translate, the one
place that writes Textual's binding maps: this fails first if a Textual upgrade changes them."""

from __future__ import annotations

from pathlib import Path

from kunderejse_tui.tui.app import KunderejseApp
from kunderejse_tui.tui.screens.journey_map import JourneyMapScreen
from tests.tui.helpers import settle


def descriptions(app: KunderejseApp) -> set[str]:
    return {active.binding.description for active in app.screen.active_bindings.values()}


async def test_the_footer_reads_the_keys_in_the_ui_language(funnel: Path) -> None:
    app = KunderejseApp(funnel, lang="en")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, JourneyMapScreen)
        assert {"Save", "Personas"} <= descriptions(app)
        app.set_language("da")
        await pilot.pause()
        assert {"Gem", "Personaer"} <= descriptions(app)
        assert "key.save" not in descriptions(app)
