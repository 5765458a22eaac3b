"""Keys a browser keeps for itself (issue 19, `kunderejse serve`).

Chrome and Firefox never pass ctrl+t (new tab), ctrl+w (close the tab) or, in
Firefox on Linux, ctrl+q (quit the browser) to the page. Each of the app's
actions on such a key has a second key that a browser passes on: F9 takes a
journey over, F4 closes it, F10 quits. Both keys work everywhere; a served app
(confined to its folder, or drawn by a web driver) names the second key in its
notices, help, key bar and palette, a terminal the usual one.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from textual.command import CommandList, CommandPalette
from textual.widgets._footer import FooterKey

from kunderejse_tui.journey import confinement
from kunderejse_tui.journey.confinement import Confinement
from kunderejse_tui.journey.locks import lock_file
from kunderejse_tui.tui.app import KunderejseApp
from kunderejse_tui.tui.messages import OpenJourney
from kunderejse_tui.tui.screens.confirm import QuitDialog
from kunderejse_tui.tui.screens.help import help_rows
from kunderejse_tui.tui.screens.home import HomeScreen
from kunderejse_tui.tui.screens.journey_map import JourneyMapScreen
from kunderejse_tui.tui.screens.presentation import PresentationScreen
from kunderejse_tui.tui.screens.recovery import ChoiceDialog
from tests.tui.helpers import open_map, settle, shows, step_clock, still_ours

SIZE = (120, 40)


pytestmark = pytest.mark.usefixtures("quick_copies")


@pytest.fixture(autouse=True)
def unconfined_afterwards() -> Iterator[None]:
    yield
    confinement.install(Confinement.none())


def app_for(path: Path, *, served: bool) -> KunderejseApp:
    """An app as a terminal runs it, or as `kunderejse serve` starts it (confined)."""
    folder = path if path.is_dir() else path.parent
    return KunderejseApp(path, lang="en", confinement=Confinement.to(folder) if served else None)


def notes(app: KunderejseApp) -> list[str]:
    return [str(n.message) for n in app._notifications]


def footer_keys(app: KunderejseApp) -> dict[str, str]:
    """action -> the key the key bar shows for it."""
    return {key.action: key.key for key in app.screen.query(FooterKey)}


def palette(app: KunderejseApp) -> dict[str, str]:
    """The command palette's entries: title -> its help line (which names the key)."""
    return {str(c.title): str(c.help) for c in app.get_system_commands(app.screen)}


# (served, the take-over key it names, the one it must not name)
TAKE_OVER = [(False, "ctrl+t", "F9"), (True, "F9", "ctrl+t")]


@pytest.mark.parametrize(("served", "named", "not_named"), TAKE_OVER)
async def test_f9_takes_over_as_ctrl_t_does_and_notices_name_the_key_that_works_here(
    funnel: Path, other_session: subprocess.Popen[str], served: bool, named: str, not_named: str
) -> None:
    app = app_for(funnel, served=served)
    async with app.run_test(size=SIZE) as pilot:
        await shows(pilot, ChoiceDialog)
        await pilot.press("r")  # read-only
        await settle(pilot)
        screen = open_map(app)
        assert screen is not None and (screen.title or "").startswith("[read-only] ")
        await pilot.press("d", "x")  # an edit: refused, and the refusal says how to take over
        await settle(pilot)
        await pilot.press("f6")  # live sharing saves: refused the same way
        await settle(pilot)
        said = [n for n in notes(app) if "read-only" in n]
        assert len(said) >= 2, notes(app)
        for note in said:
            assert named in note and not_named not in note, note
        # The key bar and the palette offer taking over, with the key that works here.
        assert footer_keys(app).get("safety_take_over") == named.lower()
        commands = palette(app)
        assert "Take the journey over" in commands, sorted(commands)
        shown = "F9" if served else "^t"  # as the app writes keys: ^t is ctrl+t
        assert shown in commands["Take the journey over"], commands["Take the journey over"]
        assert still_ours(other_session) == "True"
        await pilot.press("f9")
        await settle(pilot)
        assert not (screen.title or "").startswith("[read-only]")
        assert still_ours(other_session) == "False"
        assert "safety_take_over" not in footer_keys(app)
        assert "Take the journey over" not in palette(app)
        await pilot.press("d", "x")
        await settle(pilot)
        assert screen.document.dirty


async def test_taking_over_from_the_palette(
    funnel: Path, other_session: subprocess.Popen[str]
) -> None:
    app = app_for(funnel, served=True)
    async with app.run_test(size=SIZE) as pilot:
        await shows(pilot, ChoiceDialog)
        await pilot.press("r")
        await settle(pilot)
        await pilot.press("ctrl+p")
        palette_screen = await shows(pilot, CommandPalette)
        await pilot.press(*"take the journey")
        results = palette_screen.query_one(CommandList)
        for _ in range(500):  # the palette searches in a worker
            if results.option_count and "Take the journey over" in str(
                results.get_option_at_index(0).prompt
            ):
                break
            await pilot.pause(0.02)
        await pilot.press("enter")
        await settle(pilot)
        assert app.screen is not palette_screen
        assert still_ours(other_session) == "False"


@pytest.mark.parametrize(("served", "named", "not_named"), TAKE_OVER)
async def test_the_lost_lock_notice_names_the_take_over_key_that_works_here(
    funnel: Path, served: bool, named: str, not_named: str
) -> None:
    app = app_for(funnel, served=served)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("d", "x")
        await settle(pilot)
        subprocess.run(
            [
                sys.executable,
                "-c",
                "import sys; from kunderejse_tui.journey import locks; locks.take_over(sys.argv[1])",
                str(funnel),
            ],
            check=True,
            env=os.environ,
        )
        await pilot.press("ctrl+s")
        await settle(pilot)
        said = [n for n in notes(app) if "took the journey over" in n]
        assert said, notes(app)
        assert named in said[0] and not_named not in said[0], said[0]
        # ... and that key takes it back.
        await pilot.press(named.lower())
        await settle(pilot)
        assert app.journey is not None and not app.journey.read_only
        assert lock_file(funnel).exists()


# (served, the close key it names and shows, the one it must not)
CLOSE = [(False, "ctrl+w", "F4"), (True, "F4", "ctrl+w")]


@pytest.mark.parametrize(("served", "named", "not_named"), CLOSE)
async def test_f4_closes_the_journey_as_ctrl_w_does(
    funnel: Path, served: bool, named: str, not_named: str
) -> None:
    app = app_for(funnel.parent, served=served)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.post_message(OpenJourney(funnel))
        await settle(pilot)
        screen = open_map(app)
        assert screen is not None
        clock = step_clock(app)
        await pilot.press("escape")  # says how to close
        await settle(pilot)
        said = [n for n in notes(app) if "Close the journey with" in n]
        assert said and named in said[0] and not_named not in said[0], notes(app)
        screen.document.editor.set(("title",), "Ny titel")
        clock.step(1)
        await pilot.press("f4")
        await settle(pilot)
        assert isinstance(app.screen, QuitDialog)  # unsaved: asks first, as ctrl+w does
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, JourneyMapScreen)
        screen.document.editor.undo()
        clock.step(1)
        await pilot.press("f4")
        await settle(pilot)
        assert isinstance(app.screen, HomeScreen)


# (served, the key the key bar and the palette show, the keys help lists); Textual
# writes ctrl+w as ^w. A terminal passes both keys on, so its help lists both.
CLOSE_SHOWN = [(False, "^w", ["^w", "F4"]), (True, "F4", ["F4"])]


@pytest.mark.parametrize(("served", "shown", "in_help"), CLOSE_SHOWN)
async def test_help_key_bar_and_palette_name_the_close_key_that_works_here(
    funnel: Path, served: bool, shown: str, in_help: list[str]
) -> None:
    app = app_for(funnel.parent, served=served)
    async with app.run_test(size=(160, 40)) as pilot:
        await settle(pilot)
        app.post_message(OpenJourney(funnel))
        await settle(pilot)
        screen = open_map(app)
        assert screen is not None
        # Wide enough for the key bar to show the close key (it drops it at 120 columns).
        assert footer_keys(app)["close"] == ("ctrl+w" if shown == "^w" else "f4")
        rows = {desc: keys for keys, desc in help_rows(screen, "en")}
        assert rows["Close the journey"].split(" / ") == in_help
        line = palette(app)["Close the journey"]
        assert line == f"Key: {shown}", line


@pytest.mark.parametrize(
    ("served", "named", "key"), [(False, "ctrl+q", "^q"), (True, "F10", "f10")]
)
async def test_f10_quits_as_ctrl_q_does_and_a_served_app_names_it(
    funnel: Path, served: bool, named: str, key: str
) -> None:
    app = app_for(funnel.parent, served=served)
    async with app.run_test(size=SIZE) as pilot:
        await shows(pilot, HomeScreen)
        await settle(pilot)
        assert footer_keys(app)["quit"] == ("ctrl+q" if key == "^q" else "f10")
        await pilot.press("ctrl+c")  # the reflex: the hint names the quit key
        await settle(pilot)
        assert any(f"Press {named} to quit" in n for n in notes(app)), notes(app)
        await pilot.press("f10")
        await settle(pilot)
    assert app.return_value == 0


async def test_a_viewer_leaves_with_f4_and_f9_says_it_cannot_take_over(funnel: Path) -> None:
    folder = funnel.parent
    app = KunderejseApp(folder, viewer=True, confinement=Confinement.to(folder))
    async with app.run_test(size=SIZE) as pilot:
        await shows(pilot, HomeScreen)
        await settle(pilot)
        await pilot.press("enter")
        await shows(pilot, PresentationScreen)
        await settle(pilot)
        app.clear_notifications()
        await pilot.press("f9")
        await settle(pilot)
        assert any("som tilskuer" in n for n in notes(app)), notes(app)
        assert not lock_file(funnel).exists()
        await pilot.press("f4")
        await shows(pilot, HomeScreen)
