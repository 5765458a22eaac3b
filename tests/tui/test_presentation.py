"""Presentation mode (issue 16): F5 on the map, ``kunderejse open --present``, stepping
through stages, the overview, no editing, Escape back to the map on the same stage."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Footer, Static

from kunderejse_tui.cli import main as cli_main
from kunderejse_tui.tui.app import KunderejseApp
from kunderejse_tui.tui.screens.journey_map import JourneyMapScreen
from kunderejse_tui.tui.screens.presentation import PresentationScreen
from kunderejse_tui.tui.widgets.emotion_curve import EmotionCurve
from kunderejse_tui.tui.widgets.stage_overview import StageCard
from tests.tui.helpers import settle, shows, the_document


def _text(screen: PresentationScreen, widget_id: str) -> str:
    return str(screen.query_one(widget_id, Static).render())


async def test_f5_presents_the_current_stage_and_escape_returns_to_it(funnel: Path) -> None:
    app = KunderejseApp(funnel)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("right", "f5")
        present = await shows(pilot, PresentationScreen)
        assert present.stage == 1
        assert "Fase 2 af 5" in _text(present, "#present-banner")
        assert "█" in _text(present, "#present-banner")  # the name in large letters
        assert not present.query(Footer)  # no key bar
        top = _text(present, "#present-top")
        assert "Mette" in top and "Kasper" in top  # the personas
        await pilot.press("right", "right")
        assert present.stage == 3
        assert "Fase 4 af 5" in _text(present, "#present-banner")
        await pilot.press("right", "right")  # past the last stage: stays
        assert present.stage == 4
        await pilot.press("left")
        assert present.stage == 3
        await pilot.press("escape")
        screen = await shows(pilot, JourneyMapScreen)
        assert screen.journey_map.column_index == 3


async def test_presenting_edits_nothing_and_shows_no_ids(funnel: Path) -> None:
    app = KunderejseApp(funnel)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        document = the_document(app)
        await pilot.press("f5")
        present = await shows(pilot, PresentationScreen)
        before = document.editor.revision
        # Every map key typed while presenting: nothing changes, nothing opens.
        await pilot.press(*"adcrefpivy", "delete", "enter", "ctrl+z")
        await settle(pilot)
        assert app.screen is present
        assert not document.dirty
        assert document.editor.revision == before
        shown = "\n".join(
            _text(present, f"#present-{part}")
            for part in ("banner", "goal", "questions", "touchpoints", "messaging")
        )
        for stage in document.data["stages"]:
            assert f" {stage['id']}" not in shown
        assert "HANDLINGSOPFORDRING" in shown
        assert "CTA" not in shown


async def test_the_presentation_follows_changes_to_the_journey(funnel: Path) -> None:
    app = KunderejseApp(funnel)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("f5")
        present = await shows(pilot, PresentationScreen)
        the_document(app).editor.set(("stages", 0, "customer_goal"), "Et helt nyt mål")
        await settle(pilot)
        assert "Et helt nyt mål" in _text(present, "#present-goal")


async def test_o_switches_to_the_overview_and_enter_back_to_a_stage(lifecycle: Path) -> None:
    app = KunderejseApp(lifecycle)
    async with app.run_test(size=(200, 50)) as pilot:
        await settle(pilot)
        await pilot.press("f5")
        present = await shows(pilot, PresentationScreen)
        await pilot.press("o")
        await settle(pilot)
        cards = list(present.query(StageCard))
        assert len(cards) == 12
        assert all(c.region.right <= 200 and c.region.width > 0 for c in cards)
        assert not present.query_one("#present-stage").display
        await pilot.press("right", "right", "enter")
        await settle(pilot)
        assert present.stage == 2
        assert present.query_one("#present-stage").display
        curve = present.query_one(EmotionCurve)
        assert curve.display and curve.current == 2


async def test_can_leave_false_keeps_the_viewer_in_the_presentation(funnel: Path) -> None:
    app = KunderejseApp(funnel)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        journey = app.journey
        assert journey is not None
        app.push_screen(PresentationScreen(journey, stage=2, overview=True, can_leave=False))
        present = await shows(pilot, PresentationScreen)
        assert present.overview and present.stage == 2
        await pilot.press("escape")
        await settle(pilot)
        assert app.screen is present


async def test_present_flag_opens_straight_in_presentation_mode(funnel: Path) -> None:
    app = KunderejseApp(funnel, present=True)
    async with app.run_test(size=(80, 24)) as pilot:
        present = await shows(pilot, PresentationScreen)
        await settle(pilot)
        assert present.stage == 0
        # 24 rows: the curve waits for g, the stage's content gets the rows.
        assert not present.query_one(EmotionCurve).display
        await pilot.press("g")
        assert present.query_one(EmotionCurve).display
        await pilot.press("escape")
        await shows(pilot, JourneyMapScreen)


def test_present_needs_a_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli_main(["open", "--present", str(tmp_path)]) == 2
    assert "--present needs a journey file" in capsys.readouterr().err
