"""The map screen's key table (its docstring) and its help screen follow ``BINDINGS``."""

from __future__ import annotations

from pathlib import Path

from textual.binding import Binding

from kunderejse_tui.tui.app import KunderejseApp
from kunderejse_tui.tui.key_descriptions import describe
from kunderejse_tui.tui.screens.help import help_rows
from kunderejse_tui.tui.screens.journey_map import JourneyMapScreen
from tests.tui.helpers import settle


def bindings() -> list[Binding]:
    return [b for b in JourneyMapScreen.BINDINGS if isinstance(b, Binding)]


def documented_keys() -> list[str]:
    """The first column of the docstring's key table, one entry per row."""
    doc = JourneyMapScreen.__doc__
    assert doc is not None, "the key table must be the class docstring"
    rows = [line.strip() for line in doc.splitlines() if line.strip().startswith("|")]
    keys = [row.split("|")[1].strip() for row in rows[2:]]  # after the header and ":-"
    return [key.replace(", ", ",") for key in keys]


def test_the_key_table_lists_every_binding_in_order() -> None:
    assert len(bindings()) == len(JourneyMapScreen.BINDINGS)
    assert documented_keys() == [b.key for b in bindings()]


async def test_the_help_screen_lists_every_action_of_the_map(funnel: Path) -> None:
    app = KunderejseApp(funnel, lang="en")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, JourneyMapScreen)
        shown = {description for _, description in help_rows(screen, "en")}
        for binding in bindings():
            if screen.check_action(binding.action, ()) is False:
                continue  # escape, opened on a file: no list to go back to
            assert describe("en", binding.description) in shown, binding.action
