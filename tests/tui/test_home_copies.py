"""Every waiting recovery copy is reachable from the home screen, newest first: also one
whose journey is gone (folder renamed, file deleted) and one of another folder; in a
served app only the served folder's (issue 15, items 2 and 6). The tmux run with a real
rename and kill -9 is tests/test_recovery_home.py."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from textual.widgets import DataTable, Input

from kunderejse_tui.journey.confinement import Confinement
from kunderejse_tui.journey.disk import hash_bytes
from kunderejse_tui.journey.fileio import _same
from kunderejse_tui.journey.recovery import Recovery, list_recoveries, write_recovery
from kunderejse_tui.journey.yamlio import load_file
from kunderejse_tui.tui.app import KunderejseApp
from kunderejse_tui.tui.screens.home import HomeScreen
from kunderejse_tui.tui.screens.prompt import PromptDialog
from kunderejse_tui.tui.screens.recovery import ChoiceDialog
from tests.tui.helpers import REPO, open_map, settle, shows

SIZE = (120, 40)
# 2024-05-02 10:00 UTC and on, a minute apart: the order and the shown times are fixed.
T0 = 1714644000.0


pytestmark = pytest.mark.usefixtures("quick_copies")


@pytest.fixture(autouse=True)
def utc(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def dead_pid() -> int:
    done = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"], text=True, capture_output=True
    )
    return int(done.stdout)


def leave_copy(
    journey: Path,
    data: dict[str, Any],
    *,
    minute: int,
    changes: int = 3,
    session: str = "",
    pid: int | None = None,
) -> Recovery:
    """A copy as a session that ended leaves it, written ``minute`` minutes after T0."""
    base = hash_bytes(journey.read_bytes()) if journey.exists() else None
    session = session or f"s{minute:011d}"
    record = write_recovery(journey, data, base, extra={"changes": changes}, session=session)
    raw = json.loads(record.read_bytes())
    raw["pid"] = dead_pid() if pid is None else pid
    raw["time"] = T0 + 60 * minute
    record.write_text(json.dumps(raw))
    [rec] = [r for r in list_recoveries() if r.record == record]
    return rec


def copies_table(app: KunderejseApp) -> DataTable[str]:
    return app.screen.query_one("#copies", DataTable)


def rows(table: DataTable[str]) -> list[list[str]]:
    return [[str(cell) for cell in table.get_row_at(i)] for i in range(table.row_count)]


@pytest.fixture
def folders(tmp_path: Path, funnel: Path) -> dict[str, Path]:
    """The listed folder (with the funnel sample), another folder with a journey, and a
    journey that is gone (its folder was renamed)."""
    other = tmp_path / "other" / "andet.journey.yaml"
    other.parent.mkdir()
    other.write_bytes(funnel.read_bytes())
    return {"listed": funnel, "other": other, "gone": tmp_path / "old" / "weg.journey.yaml"}


async def test_every_waiting_copy_is_listed_newest_first(
    folders: dict[str, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(folders["listed"].parent.parent)
    data = load_file(folders["listed"]).data
    leave_copy(folders["listed"], data, minute=1, changes=1)
    leave_copy(folders["gone"], data, minute=3, changes=12)
    leave_copy(folders["other"], data, minute=2, changes=2)
    # A copy of a session that still runs is its own business, not a waiting one.
    leave_copy(folders["listed"], data, minute=4, pid=os.getpid())
    app = KunderejseApp(folders["listed"].parent, lang="en")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, 0.3)
        assert isinstance(app.screen, HomeScreen)
        shown = rows(copies_table(app))
        assert [r[0] for r in shown] == [
            "weg.journey.yaml",
            "andet.journey.yaml",
            "bilkoeb-privat.journey.yaml",
        ]
        gone, other, listed = shown
        assert "old" in gone[1] and "gone" in gone[1]
        assert "other" in other[1] and "gone" not in other[1]
        assert gone[2] == "2024-05-02 10:03"
        assert gone[3] == "12" and listed[3] == "1"
        # The waiting copies come first: Enter acts on the newest at once.
        assert app.focused is copies_table(app)
        # The journey in the list is still marked as well.
        journeys = app.screen.query_one("#journeys", DataTable)
        await settle(pilot, 0.3)
        assert "copy waiting" in str(journeys.get_row(str(folders["listed"]))[2])


async def test_no_waiting_copies_no_section(funnel: Path) -> None:
    app = KunderejseApp(funnel.parent, lang="en")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, 0.3)
        assert not copies_table(app).display
        assert app.focused is app.screen.query_one("#journeys", DataTable)


async def test_a_served_app_lists_only_its_own_folders_copies(folders: dict[str, Path]) -> None:
    data = load_file(folders["listed"]).data
    leave_copy(folders["listed"], data, minute=1)
    leave_copy(folders["other"], data, minute=2)
    leave_copy(folders["gone"], data, minute=3)
    folder = folders["listed"].parent
    app = KunderejseApp(folder, lang="en", confinement=Confinement.to(folder))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, 0.3)
        assert [r[0] for r in rows(copies_table(app))] == ["bilkoeb-privat.journey.yaml"]


async def test_restoring_a_copy_whose_journey_is_gone_saves_it_into_the_listed_folder(
    folders: dict[str, Path],
) -> None:
    mine = load_file(folders["listed"]).data
    mine["title"] = "Reddet efter omdøbningen"
    rec = leave_copy(folders["gone"], mine, minute=1)
    folder = folders["listed"].parent
    app = KunderejseApp(folder, lang="en")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, 0.3)
        await pilot.press("enter")
        await shows(pilot, ChoiceDialog)
        body = str(app.screen.query_one("#dialog-body").render())
        assert "weg.journey.yaml" in body and "no longer there" in body
        assert "It holds 3 changes." in body
        await pilot.press("r")
        prompt = await shows(pilot, PromptDialog)
        assert prompt.query_one(Input).value == "weg.journey.yaml"
        await pilot.press("enter")
        await settle(pilot, 0.3)
        screen = open_map(app)
        assert screen is not None and screen.document.path == folder / "weg.journey.yaml"
        assert not screen.document.dirty  # written out: the copy's edits are in the file
    assert _same(load_file(folder / "weg.journey.yaml").data, mine)
    assert not rec.record.exists()
    assert not folders["gone"].exists()


@pytest.mark.parametrize(("lang", "word"), [("en", "recovered"), ("da", "gendannet")])
async def test_restoring_never_writes_over_a_file_of_that_name(
    folders: dict[str, Path], lang: str, word: str
) -> None:
    """The renamed folder holds the journey under its old name: the copy gets a new one,
    named in the user's language."""
    mine = load_file(folders["listed"]).data
    mine["title"] = "Reddet"
    gone = folders["listed"].parent.parent / "old" / folders["listed"].name
    leave_copy(gone, mine, minute=1)
    before = folders["listed"].read_bytes()
    app = KunderejseApp(folders["listed"].parent, lang=lang)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, 0.3)
        await pilot.press("enter")
        await shows(pilot, ChoiceDialog)
        await pilot.press("r")
        prompt = await shows(pilot, PromptDialog)
        name = prompt.query_one(Input).value
        stem = folders["listed"].name.removesuffix(".journey.yaml")
        assert name == f"{stem}-{word}.journey.yaml"
        await pilot.press("enter")
        await settle(pilot, 0.3)
    assert folders["listed"].read_bytes() == before
    assert load_file(folders["listed"].parent / name).data["title"] == "Reddet"


async def test_restoring_a_copy_of_a_journey_that_exists_opens_it_restored(
    folders: dict[str, Path],
) -> None:
    mine = load_file(folders["other"]).data
    mine["title"] = "Min udgave"
    rec = leave_copy(folders["other"], mine, minute=1)
    before = folders["other"].read_bytes()
    app = KunderejseApp(folders["listed"].parent, lang="en")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, 0.3)
        await pilot.press("enter")
        await shows(pilot, ChoiceDialog)
        await pilot.press("r")
        await settle(pilot, 0.5)
        screen = open_map(app)
        # Restored without a second question; saved only when the user saves.
        assert screen is not None and screen.document.path == folders["other"]
        assert not isinstance(app.screen, ChoiceDialog)
        assert screen.document.dirty and _same(screen.document.data, mine)
        assert folders["other"].read_bytes() == before
        await pilot.press("ctrl+s")
        await settle(pilot, 0.3)
    assert load_file(folders["other"]).data["title"] == "Min udgave"
    assert not rec.record.exists()


async def test_discarding_a_copy_asks_first(folders: dict[str, Path]) -> None:
    rec = leave_copy(folders["gone"], load_file(folders["listed"]).data, minute=1)
    app = KunderejseApp(folders["listed"].parent, lang="en")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, 0.3)
        await pilot.press("enter")
        await shows(pilot, ChoiceDialog)
        await pilot.press("x")
        await shows(
            pilot, ChoiceDialog, lambda d: "lost" in str(d.query_one("#dialog-body").render())
        )
        await pilot.press("escape")  # kept after all
        await settle(pilot)
        assert rec.record.exists()
        assert copies_table(app).row_count == 1
        await pilot.press("enter")
        await shows(pilot, ChoiceDialog)
        await pilot.press("x")
        await shows(
            pilot, ChoiceDialog, lambda d: "lost" in str(d.query_one("#dialog-body").render())
        )
        await pilot.press("x")
        await settle(pilot, 0.3)
        assert not rec.record.exists()
        assert not copies_table(app).display


def test_home_screen_with_waiting_copies(
    snap_compare: Any, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.chdir(REPO)
    sample = REPO / "sample_journeys" / "bilkoeb-privat.journey.yaml"
    data = load_file(sample).data
    leave_copy(REPO / "workshop-marts" / "kunderejse.journey.yaml", data, minute=5, changes=14)
    leave_copy(sample, data, minute=2, changes=1)
    app = KunderejseApp(Path("sample_journeys"), lang="en")

    async def ready(pilot: Any) -> None:
        await settle(pilot, 0.3)
        await pilot.pause()

    assert snap_compare(app, terminal_size=(80, 24), run_before=ready)
