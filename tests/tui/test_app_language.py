"""The UI speaks the journey's language, --lang overrides it, the palette switches it."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input

from kunderejse_tui.tui.app import KunderejseApp
from kunderejse_tui.tui.screens.journey_map import JourneyMapScreen
from kunderejse_tui.tui.widgets.stage_column import StageColumn
from tests.tui.helpers import settle

SIZE = (120, 40)


def footer_text(app: KunderejseApp) -> str:
    return " ".join(str(key.render()) for key in app.screen.query("FooterKey"))


def column_text(app: KunderejseApp) -> str:
    column = app.screen.query(StageColumn).first()
    return "\n".join(str(o.prompt) for o in column.options)


async def test_the_ui_follows_the_journeys_language(funnel: Path) -> None:
    text = funnel.read_text(encoding="utf-8").replace("language: da", "language: en")
    funnel.write_text(text, encoding="utf-8")
    app = KunderejseApp(funnel)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert app.lang == "en"
        assert "Customer questions (3)" in column_text(app)
        assert "Edit" in footer_text(app) and "Redigér" not in footer_text(app)
        assert "no problems" in (app.screen.sub_title or "")


async def test_lang_option_overrides_the_journey(funnel: Path) -> None:
    app = KunderejseApp(funnel, lang="en")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert app.lang == "en"
        assert "Touchpoints (3)" in column_text(app)


async def test_switching_language_relabels_everything_and_sticks(funnel: Path) -> None:
    app = KunderejseApp(funnel)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert "Kundens spørgsmål (3)" in column_text(app)
        assert "Tilføj" in footer_text(app)
        commands = [c.title for c in app.get_system_commands(app.screen)]
        assert "Skift sprog til engelsk" in commands
        assert "Tilføj" in commands and "Omdøb id" in commands and "Eksportér" in commands

        app.action_switch_language()
        await settle(pilot)
        assert app.lang == "en"
        assert "Customer questions (3)" in column_text(app)
        assert "Add" in footer_text(app) and "Tilføj" not in footer_text(app)
        commands = [c.title for c in app.get_system_commands(app.screen)]
        assert "Switch language to Danish" in commands and "Rename id" in commands
        assert "no problems" in (app.screen.sub_title or "")

        # Editing the journey does not switch the UI back: the user chose English.
        screen = app.screen
        assert isinstance(screen, JourneyMapScreen)
        screen.document.editor.set(("title",), "Ny titel")
        await settle(pilot)
        assert app.lang == "en"


async def test_the_palette_opens_in_the_ui_language(funnel: Path) -> None:
    app = KunderejseApp(funnel, lang="en")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p")
        await pilot.pause()
        assert "Search for an action" in str(
            app.screen.query_one("CommandInput", Input).placeholder
        )
        await pilot.press(*"personas", "enter")
        await settle(pilot)
        assert type(app.screen).__name__ == "PersonasScreen"


async def test_changing_the_journeys_language_switches_the_ui(funnel: Path) -> None:
    app = KunderejseApp(funnel)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, JourneyMapScreen)
        screen.document.editor.set(("language",), "en")  # what the facts form does
        await settle(pilot)
        assert app.lang == "en"
        assert "Customer questions (3)" in column_text(app)
        await pilot.press("ctrl+z")
        await settle(pilot)
        assert app.lang == "da"
