"""Opening: a file opens its map, a folder its home screen, a broken file an error screen."""

from __future__ import annotations

import shutil
import threading
from pathlib import Path

import pytest
from textual.widgets import DataTable, Static

from kunderejse_tui.journey.access import stages
from kunderejse_tui.journey.document import JourneyDocument
from kunderejse_tui.journey.yamlio import load_file
from kunderejse_tui.tui.app import KunderejseApp
from kunderejse_tui.tui.screens.home import HomeScreen
from kunderejse_tui.tui.screens.journey_map import JourneyMapScreen
from kunderejse_tui.tui.screens.load_error import LoadErrorScreen
from kunderejse_tui.tui.widgets.stage_column import StageColumn
from tests.tui.helpers import FUNNEL, SAMPLES, settle, shows

SIZE = (120, 40)


async def test_a_file_opens_on_its_map_with_one_column_per_stage(funnel: Path) -> None:
    app = KunderejseApp(funnel)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, JourneyMapScreen)
        columns = list(screen.query(StageColumn))
        names = [s["name"] for s in stages(load_file(funnel).data)]
        assert len(columns) == len(names) == 5
        first_rows = [str(c.options[0].prompt).split("\n")[0] for c in columns]
        assert [row.split("\n")[0] for row in first_rows] == names
        assert screen.title == "Privatkunder køber ny bil"
        assert "ingen problemer" in (screen.sub_title or "")
        current = screen.journey_map.current()
        assert current is not None and current[0].index == 0 and current[0].has_class("-current")


async def test_a_folder_opens_the_home_screen_listing_its_journeys(tmp_path: Path) -> None:
    for sample in SAMPLES.glob("*.journey.yaml"):
        shutil.copyfile(sample, tmp_path / sample.name)
    (tmp_path / "sub").mkdir()
    shutil.copyfile(FUNNEL, tmp_path / "sub" / "kopi.journey.yaml")
    app = KunderejseApp(tmp_path)
    async with app.run_test(size=(160, 40)) as pilot:  # wide enough for the counts
        await settle(pilot)
        assert isinstance(app.screen, HomeScreen)
        table = app.screen.query_one("#journeys", DataTable)
        rows = [table.get_row_at(i) for i in range(table.row_count)]
        assert [r[0] for r in rows] == [
            "b2b-software.journey.yaml",
            "bilkoeb-privat.journey.yaml",
            "energiraadgivning-livscyklus.journey.yaml",
            "sub/kopi.journey.yaml",
        ]
        funnel_row = rows[1]
        assert funnel_row[1] == "Privatkunder køber ny bil"
        assert funnel_row[2:] == ["✓ gyldig", "5", "17", "2"]  # the status right after the title

        await pilot.press("down", "enter")
        await settle(pilot)
        assert isinstance(app.screen, JourneyMapScreen)
        assert app.screen.document.path == tmp_path / "bilkoeb-privat.journey.yaml"

        await pilot.press("ctrl+w")  # nothing changed: straight back home (Escape stays)
        await settle(pilot)
        assert isinstance(app.screen, HomeScreen)


async def test_a_merge_conflict_opens_the_error_screen_with_file_and_line(tmp_path: Path) -> None:
    broken = tmp_path / "konflikt.journey.yaml"
    lines = FUNNEL.read_text(encoding="utf-8").splitlines(keepends=True)
    lines[4:5] = ["<<<<<<< HEAD\n", "language: da\n", "=======\n", "language: en\n", ">>>>>>> x\n"]
    broken.write_text("".join(lines), encoding="utf-8")
    app = KunderejseApp(broken)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, LoadErrorScreen)
        problems = str(app.screen.query_one("#load-error-problems", Static).render())
        assert f"{broken}:5:1:" in problems or "konflikt.journey.yaml:5:1:" in problems
        assert "L006" in problems
        excerpt = str(app.screen.query_one("#load-error-excerpt", Static).render())
        assert "▶ 5 │ <<<<<<< HEAD" in excerpt

        # Fixed in an editor meanwhile: r reads it again and the map opens.
        shutil.copyfile(FUNNEL, broken)
        await pilot.press("r")
        await settle(pilot)
        assert isinstance(app.screen, JourneyMapScreen)


async def test_a_journey_with_problems_opens_and_lists_them(funnel: Path) -> None:
    text = funnel.read_text(encoding="utf-8").replace("persona: mette", "persona: mete", 1)
    funnel.write_text(text, encoding="utf-8")
    app = KunderejseApp(funnel)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, JourneyMapScreen)
        assert [p.code for p in screen.problems] == ["X202"]
        assert "1 fejl, 0 advarsler" in (screen.sub_title or "")
        assert screen.query_one("#problems").display  # shown by itself the first time


async def test_a_big_journey_shows_its_map_while_the_interviews_are_read(
    big_journey: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Hold the reading of the whole file until the test has looked at the preview.
    gate = threading.Event()
    read_whole = JourneyDocument.from_bytes

    def held(path: Path | str, raw: bytes) -> JourneyDocument:
        assert gate.wait(30)
        return read_whole(path, raw)

    monkeypatch.setattr(JourneyDocument, "from_bytes", held)
    app = KunderejseApp(big_journey)
    async with app.run_test(size=SIZE) as pilot:
        screen = await shows(
            pilot, JourneyMapScreen, lambda s: s.journey_map.columns and s.sub_title
        )
        doc = screen.document
        assert doc.partial and "interviews" not in doc.data
        assert "læser interviewene" in (screen.sub_title or "")
        stages_before = [s["id"] for s in doc.data["stages"]]
        # Editing waits for the whole file (nothing typed now could be lost later) ...
        assert screen.check_action("delete", ()) is None
        await pilot.press("d", "a", "enter", "ctrl+s")
        assert isinstance(app.screen, JourneyMapScreen) and not doc.dirty
        # ... moving around does not.
        await pilot.press("right")
        current = screen.journey_map.current()
        assert current is not None and current[0].index == 1

        gate.set()
        await settle(pilot, 0.5)
        assert not doc.partial and not doc.dirty and not doc.editor.can_undo
        assert len(doc.data["interviews"]) == 240
        assert [s["id"] for s in doc.data["stages"]] == stages_before
        assert "ingen problemer" in (screen.sub_title or "")
        assert screen.check_action("delete", ()) is True
        assert app.journey is not None and app.journey.guard is not None  # lock and recovery copies
        current = screen.journey_map.current()
        assert current is not None and current[0].index == 1  # where the user was


async def test_a_big_journey_whose_interviews_do_not_read_ends_on_the_error_screen(
    big_journey: Path,
) -> None:
    text = big_journey.read_text(encoding="utf-8") + "id: igen\n"
    big_journey.write_text(text, encoding="utf-8")
    line = text.count("\n")
    app = KunderejseApp(big_journey)
    async with app.run_test(size=SIZE) as pilot:
        await shows(pilot, LoadErrorScreen)
        await settle(pilot)
        assert isinstance(app.screen, LoadErrorScreen)
        problems = str(app.screen.query_one("#load-error-problems", Static).render())
        assert f"stor.journey.yaml:{line}:1:" in problems


async def test_a_slow_read_shows_what_is_being_read(
    funnel: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from textual.widgets import Label, LoadingIndicator

    from kunderejse_tui.tui.screens.loading import SHOW_AFTER, LoadingScreen

    gate = threading.Event()
    preview = JourneyDocument.preview

    def slow(path: Path | str, raw: bytes) -> JourneyDocument | None:
        assert gate.wait(30)
        return preview(path, raw)

    monkeypatch.setattr(JourneyDocument, "preview", slow)
    app = KunderejseApp(funnel)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause(SHOW_AFTER + 0.3)
        screen = app.screen
        assert isinstance(screen, LoadingScreen)
        assert screen.query(LoadingIndicator)
        label = str(screen.query_one("#loading-label", Label).render())
        assert funnel.name in label
        gate.set()
        await settle(pilot)
        assert isinstance(app.screen, JourneyMapScreen)
