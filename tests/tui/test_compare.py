"""The current-vs-future compare screen: the pair, the markers, the list of changes, Escape."""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from typing import Any

import pytest
from textual.app import App
from textual.widgets import Static

from kunderejse_tui.journey.document import JourneyDocument
from kunderejse_tui.journey.edits import get_path
from kunderejse_tui.journey.yamlio import load_file
from kunderejse_tui.tui.app import KunderejseApp
from kunderejse_tui.tui.i18n import all_strings
from kunderejse_tui.tui.screens.compare import (
    CompareScreen,
    open_compare_for,
    pair_stages,
)
from kunderejse_tui.tui.screens.help import help_rows
from kunderejse_tui.tui.widgets.nav_list import NavList
from tests.tui.helpers import REPO, open_map, settle

PAIR = REPO / "tests" / "data" / "compare"
CURRENT = PAIR / "bilkoeb.journey.yaml"
FUTURE = PAIR / "bilkoeb-fremtid.journey.yaml"
SIZE = (120, 40)


class Host(App[None]):
    """Shows the compare screen over an empty app and notes when it closes."""

    def __init__(self, screen: CompareScreen) -> None:
        super().__init__()
        self.compare = screen
        self.compare_closed = False

    def on_mount(self) -> None:
        self.push_screen(self.compare, self._compare_closed)

    def _compare_closed(self, _: None) -> None:
        self.compare_closed = True


@pytest.fixture
def pair(tmp_path: Path) -> Path:
    """A private copy of the pair, alone in its folder."""
    folder = tmp_path / "journeys"
    folder.mkdir()
    for path in (CURRENT, FUTURE):
        shutil.copyfile(path, folder / path.name)
    return folder


def screen_for(path: Path, lang: str | None = None) -> CompareScreen:
    result = open_compare_for(JourneyDocument.load(path), lang)
    assert isinstance(result, CompareScreen), result
    return result


def side(screen: CompareScreen, stage: str, future: bool) -> str:
    """The text of one side of the row of ``stage`` (a stage id)."""
    row = next(i for i, p in enumerate(screen.pairs) if p.key == stage)
    static = screen.query_one(f"#cmp-stage-{row} .{'cmp-new' if future else 'cmp-old'}", Static)
    return str(static.render())


def change_lines(screen: CompareScreen) -> list[str]:
    return [str(o.prompt) for o in screen.query_one("#cmp-changes", NavList).options]


# --- the screen ------------------------------------------------------------------------


async def test_the_future_state_side_by_side_with_its_changes_marked(pair: Path) -> None:
    app = Host(screen_for(pair / FUTURE.name))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = app.compare
        assert screen.title == "Fremtidig tilstand over for nuværende tilstand"
        assert [p.key for p in screen.pairs] == [
            "attract",
            "interest",
            "visit",
            "convert",
            "aftercare",
        ]

        # A changed emotion: the old score on the left, old → new with its trend on the right.
        assert "~ 2 ☹  Modelside på hjemmesiden" in side(screen, "interest", False)
        right = side(screen, "interest", True)
        assert "~ 4 ☺  Modelside på hjemmesiden" in right
        assert "følelse 2 ☹ → 4 ☺ (bedre)" in right
        # A reworded key message, marked on both sides.
        assert "~ “En elbil er billigere i drift, end du tror”" in side(screen, "attract", False)
        assert "~ “En elbil er billigere i drift, end de fleste tror”" in side(
            screen, "attract", True
        )
        # An added touchpoint and key message; a removed touchpoint (only on the left).
        assert "+ 4 ☺  Chat med en rådgiver" in right
        assert "+ “Se totalprisen med det samme”" in right
        assert "− 4 ☺  Biltest i bilmagasin" in side(screen, "interest", False)
        assert "Biltest" not in right
        # A rename, a tone change, a touchpoint moved out of a removed stage, an added stage.
        assert "~ Sammenlign" in right and "omdøbt fra “Interesse”" in right
        assert "~ Tone: informere" in side(screen, "convert", True)
        assert "før: overbevise" in side(screen, "convert", True)
        assert "~ Tone: overbevise" in side(screen, "convert", False)
        assert "→ 2 ☹  Showroom og sælger" in side(screen, "visit", False)
        assert "flyttet til fasen Konverter" in side(screen, "visit", False)
        assert "→ 3 –  Showroom og sælger" in side(screen, "convert", True)
        assert "flyttet fra fasen Besøg hos forhandleren" in side(screen, "convert", True)
        assert "− Besøg hos forhandleren" in side(screen, "visit", False)
        assert "fasen er fjernet" in side(screen, "visit", True)
        assert "+ Efter købet" in side(screen, "aftercare", True)
        assert "ny fase" in side(screen, "aftercare", False)

        # The list: every change in the CLI's words, with the screen's markers.
        lines = change_lines(screen)
        assert len(lines) == len(screen.changes) == 16
        assert "~ berøringspunkt modelside: følelse 2 -> 4 (bedre)" in lines
        assert '+ berøringspunkt live-chat "Chat med en rådgiver" i interest' in lines
        assert '− berøringspunkt biltest-magasin "Biltest i bilmagasin" i interest' in lines
        assert "> " not in "".join(line[:2] for line in lines)
        assert not any("tilstand" in line or "bygger på" in line for line in lines)

        await pilot.press("escape")
        await pilot.pause()
        assert app.compare_closed


async def test_walking_the_changes_shows_their_stage(pair: Path) -> None:
    app = Host(screen_for(pair / FUTURE.name, "en"))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = app.compare
        changes = screen.query_one("#cmp-changes", NavList)
        assert changes.has_focus and changes.highlighted == 0

        target = next(
            i for i, c in enumerate(screen.changes) if c.ids == ("aftercare", "velkomstmail")
        )
        await pilot.press(*["n"] * target)
        await settle(pilot)
        row = screen.query_one(f"#cmp-stage-{len(screen.pairs) - 1}")
        assert row.has_class("-shown")
        assert list(screen.query(".-shown")) == [row]
        assert screen.query_one("#cmp-stages").scroll_y > 0
        assert screen.query_one("#cmp-stages").region.contains_region(row.region)

        await pilot.press("N")
        assert changes.highlighted == target - 1
        # The arrow keys walk the list too, and wrap with n at the end.
        await pilot.press("down", "n")
        assert changes.highlighted == (target + 1) % len(screen.changes)
        await pilot.press("tab")
        assert screen.query_one("#cmp-stages").has_focus
        await pilot.press("tab")
        assert changes.has_focus
        await pilot.press("escape")
        await pilot.pause()
        assert app.compare_closed


async def test_follows_a_language_switch_in_the_app(pair: Path) -> None:
    app = KunderejseApp(pair / FUTURE.name)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        map_screen = open_map(app)
        assert map_screen is not None
        app.push_screen(screen_for(map_screen.document.path, app.lang))
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, CompareScreen)
        assert "Berøringspunkter (3)" in side(screen, "interest", True)

        app.action_switch_language()
        await settle(pilot)
        assert screen.title == "Future state vs current state"
        assert "Touchpoints (3)" in side(screen, "interest", True)
        assert "emotion 2 ☹ → 4 ☺ (better)" in side(screen, "interest", True)
        assert "~ touchpoint modelside: emotion 2 -> 4 (better)" in change_lines(screen)
        # F1 and the palette know the screen's keys, in the new language.
        assert ("n", "Next change") in help_rows(screen, "en")
        assert "Close the comparison" in [c.title for c in app.get_system_commands(screen)]

        await pilot.press("escape")
        await settle(pilot)
        assert app.screen is map_screen


# --- finding the pair ------------------------------------------------------------------


def test_a_future_state_is_compared_with_its_based_on(pair: Path) -> None:
    screen = screen_for(pair / FUTURE.name)
    assert screen.current == load_file(pair / CURRENT.name).data
    assert screen.future == load_file(pair / FUTURE.name).data
    assert (screen.current_name, screen.future_name) == (CURRENT.name, FUTURE.name)


def test_a_current_state_finds_the_future_states_that_name_it(pair: Path) -> None:
    screen = screen_for(pair / CURRENT.name)
    assert (screen.current_name, screen.future_name) == (CURRENT.name, FUTURE.name)
    assert screen.also == []

    # A second future state is named too; an unrelated or broken journey is not.
    text = FUTURE.read_text(encoding="utf-8").replace("id: bilkoeb-fremtid", "id: plan-b")
    (pair / "plan-b.journey.yaml").write_text(text, encoding="utf-8")
    (pair / "andet.journey.yaml").write_text(
        text.replace("based_on: bilkoeb.journey.yaml", "based_on: andet-grundlag.journey.yaml"),
        encoding="utf-8",
    )
    (pair / "i-stykker.journey.yaml").write_text("based_on: [", encoding="utf-8")
    screen = screen_for(pair / CURRENT.name)
    assert screen.future_name == FUTURE.name
    assert screen.also == ["plan-b.journey.yaml"]


def test_the_unsaved_journey_is_what_is_compared(pair: Path) -> None:
    document = JourneyDocument.load(pair / FUTURE.name)
    document.editor.set(("stages", 0, "touchpoints", 0, "emotion"), 5)
    screen = open_compare_for(document, "en")
    assert isinstance(screen, CompareScreen)
    assert get_path(screen.future, ("stages", 0, "touchpoints", 0, "emotion")) == 5
    assert any(c.field == "emotion" and c.new == 5 for c in screen.changes)
    # A copy: later edits do not reach an open comparison.
    document.editor.set(("stages", 0, "touchpoints", 0, "emotion"), 1)
    assert get_path(screen.future, ("stages", 0, "touchpoints", 0, "emotion")) == 5


@pytest.mark.parametrize(
    ("lang", "words"),
    [("da", "Ingen fremtidig rejse i journeys bygger på"), ("en", "No future-state journey in")],
)
def test_a_current_state_without_a_future_gives_a_message(
    pair: Path, lang: str, words: str
) -> None:
    (pair / FUTURE.name).unlink()
    message = open_compare_for(JourneyDocument.load(pair / CURRENT.name), lang)
    assert isinstance(message, str)
    assert message.startswith(words) and CURRENT.name in message


def test_a_future_state_without_based_on_or_with_a_missing_one(pair: Path) -> None:
    path = pair / FUTURE.name
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("based_on: bilkoeb.journey.yaml\n", ""), encoding="utf-8")
    message = open_compare_for(JourneyDocument.load(path), "en")
    assert isinstance(message, str) and "does not say which current journey" in message

    path.write_text(text.replace("bilkoeb.journey.yaml", "findes-ikke.journey.yaml"), "utf-8")
    message = open_compare_for(JourneyDocument.load(path), "da")
    assert (
        message == "Kan ikke læse findes-ikke.journey.yaml, som rejsen bygger på: filen findes ikke"
    )


# --- pure parts ------------------------------------------------------------------------


def test_a_removed_stage_stays_where_it_was() -> None:
    def journey(*ids: str) -> dict[str, Any]:
        return {"stages": [{"id": i, "name": i.upper()} for i in ids]}

    pairs = pair_stages(journey("a", "b", "c", "d"), journey("x", "a", "c"))
    assert [(p.key, p.current is not None, p.future is not None) for p in pairs] == [
        ("x", False, True),
        ("a", True, True),
        ("b", True, False),
        ("c", True, True),
        ("d", True, False),
    ]
    # Broken files pair too: stages without ids by place, wrong types ignored.
    assert [p.key for p in pair_stages({"stages": "oops"}, {"stages": [{"name": "x"}, 3]})] == [
        "#1"
    ]


async def test_a_broken_pair_still_shows(tmp_path: Path) -> None:
    current: dict[str, Any] = {"stages": [{"id": "a", "touchpoints": "oops", "messaging": []}]}
    future: dict[str, Any] = {
        "stages": [
            {
                "id": "a",
                "touchpoints": [{"id": "t", "emotion": 9}, {"name": "no id"}],
                "messaging": {"tone": 3, "key_messages": "one string"},
            }
        ]
    }
    app = Host(CompareScreen(current, future, "en", "old", "new"))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        right = side(app.compare, "a", True)
        assert "+ !9" in right and "(no name)" in right
        assert "“one string”" in right
        assert app.compare.title == "Compare journeys"


def test_no_compare_screen_needs_a_missing_string() -> None:
    source = (REPO / "kunderejse_tui" / "tui" / "screens" / "compare.py").read_text("utf-8")
    used = set(re.findall(r'"(cmp\.[a-z_.]+)"', source))
    assert used - set(all_strings()) == set()
