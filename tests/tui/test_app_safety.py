"""The app's safety net, driven with keys: recovery copies, a second session, changes on
disk (each choice does what it says, including a real merge) and failing saves."""

from __future__ import annotations

import datetime
import errno
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widgets import DataTable, Static

from kunderejse_tui.journey.disk import hash_bytes
from kunderejse_tui.journey.edits import SetValue
from kunderejse_tui.journey.fileio import _same, save_journey
from kunderejse_tui.journey.locks import lock_file
from kunderejse_tui.journey.recovery import find_recovery, recovery_file, write_recovery
from kunderejse_tui.journey.yamlio import load_file, load_text
from kunderejse_tui.tui.app import KunderejseApp
from kunderejse_tui.tui.screens.confirm import QuitDialog
from kunderejse_tui.tui.screens.journey_map import JourneyMapScreen
from kunderejse_tui.tui.screens.prompt import PromptDialog
from kunderejse_tui.tui.screens.recovery import ChoiceDialog, DiffScreen
from tests.tui.helpers import open_map, settle, shows, still_ours

SIZE = (120, 40)


pytestmark = pytest.mark.usefixtures("quick_copies")


def notifications(app: KunderejseApp) -> list[str]:
    return [n.message for n in app._notifications]


def the_map(app: KunderejseApp) -> JourneyMapScreen:
    screen = open_map(app)
    assert screen is not None
    return screen


def leave_copy(journey: Path, data: dict[str, Any], base: bytes | None) -> None:
    """A recovery copy as a crashed session leaves it (its pid is gone)."""
    base_data = load_text(base).data if base is not None else None
    write_recovery(
        journey, data, hash_bytes(base) if base is not None else None, extra={"base": base_data}
    )
    gone = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"], text=True, capture_output=True
    )
    record = json.loads(recovery_file(journey).read_bytes())
    record["pid"] = int(gone.stdout)
    recovery_file(journey).write_text(json.dumps(record))


def dialog_body(app: KunderejseApp) -> str:
    return str(app.screen.query_one("#dialog-body", Static).render())


# ---- recovery copies


async def test_edits_get_a_copy_within_moments_and_a_clean_save_removes_it(funnel: Path) -> None:
    app = KunderejseApp(funnel, lang="en")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        doc = the_map(app).document
        await pilot.press("d", "x")  # delete the first stage
        await settle(pilot, 0.2)
        copy = find_recovery(funnel)
        assert copy is not None and _same(copy.data, doc.data)
        assert copy.base_hash == hash_bytes(funnel.read_bytes())
        doc.editor.apply(SetValue(("title",), "Efter workshoppen"))
        await settle(pilot, 0.2)
        copy = find_recovery(funnel)
        assert copy is not None and copy.data["title"] == "Efter workshoppen"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert not doc.dirty
        assert find_recovery(funnel) is None


async def test_undoing_back_to_the_saved_state_removes_the_copy(funnel: Path) -> None:
    app = KunderejseApp(funnel, lang="en")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("d", "x")
        await settle(pilot, 0.2)
        assert find_recovery(funnel) is not None
        await pilot.press("ctrl+z")
        await settle(pilot, 0.2)
        assert not the_map(app).document.dirty
        assert find_recovery(funnel) is None


async def test_quitting_with_discard_removes_the_copy_and_the_lock(funnel: Path) -> None:
    before = funnel.read_bytes()
    app = KunderejseApp(funnel, lang="en")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert lock_file(funnel).exists()
        await pilot.press("d", "x")
        await settle(pilot, 0.2)
        assert find_recovery(funnel) is not None
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert isinstance(app.screen, QuitDialog)
        await pilot.press("d")
        await pilot.pause()
    assert find_recovery(funnel) is None
    assert not lock_file(funnel).exists()
    assert funnel.read_bytes() == before


async def test_a_waiting_copy_is_offered_and_restored_exactly(funnel: Path) -> None:
    mine = load_file(funnel).data
    mine["stages"][1]["name"] = "Interesse (efter workshoppen)"
    mine["x-notes"] = "Kunden vil have en app"
    leave_copy(funnel, mine, funnel.read_bytes())
    app = KunderejseApp(funnel, lang="en")
    async with app.run_test(size=SIZE) as pilot:
        await shows(pilot, ChoiceDialog)
        assert "recovery copy" in dialog_body(app)
        await pilot.press("d")  # show the difference first
        await shows(pilot, DiffScreen)
        shown = str(app.screen.query_one("#diff-text", Static).render())
        assert "+    name: Interesse (efter workshoppen)" in shown
        assert "+x-notes: Kunden vil have en app" in shown
        await pilot.press("escape")
        await shows(pilot, ChoiceDialog)  # asked again
        await pilot.press("r")
        await settle(pilot)
        doc = the_map(app).document
        assert _same(doc.data, mine) and doc.dirty
        assert "Restored from the recovery copy. Save with ctrl+s; ctrl+z undoes it." in (
            notifications(app)
        )
        await pilot.press("ctrl+s")
        await settle(pilot)
    # The save dates the change (updated: today).
    assert _same(load_file(funnel).data, {**mine, "updated": datetime.date.today().isoformat()})
    assert find_recovery(funnel) is None


async def test_discarding_a_waiting_copy_keeps_the_file(funnel: Path) -> None:
    before = funnel.read_bytes()
    leave_copy(funnel, {"id": "gammel"}, before)
    app = KunderejseApp(funnel, lang="en")
    async with app.run_test(size=SIZE) as pilot:
        await shows(pilot, ChoiceDialog)
        await pilot.press("x")
        await settle(pilot)
        assert not the_map(app).document.dirty
    assert find_recovery(funnel) is None
    assert funnel.read_bytes() == before


async def test_a_copy_of_an_older_version_restores_into_a_merge(funnel: Path) -> None:
    base_raw = funnel.read_bytes()
    base = load_file(funnel).data
    mine = load_file(funnel).data
    mine["stages"][0]["name"] = "Tiltræk (mine)"
    leave_copy(funnel, mine, base_raw)
    # Meanwhile a colleague's change to another item reached the file.
    theirs = load_file(funnel).data
    theirs["stages"][2]["name"] = "Konverter (theirs)"
    save_journey(funnel, theirs)
    app = KunderejseApp(funnel, lang="en")
    async with app.run_test(size=SIZE) as pilot:
        await shows(pilot, ChoiceDialog)
        assert "The file has changed since" in dialog_body(app)
        await pilot.press("r")
        await settle(pilot)
        await pilot.press("ctrl+s")
        await shows(pilot, ChoiceDialog)  # changed on disk: never silently
        await pilot.press("m")
        await settle(pilot)
    merged = load_file(funnel).data
    assert merged["stages"][0]["name"] == "Tiltræk (mine)"
    assert merged["stages"][2]["name"] == "Konverter (theirs)"
    assert base["stages"][1] == merged["stages"][1]


async def test_the_home_screen_marks_journeys_with_a_waiting_copy(funnel: Path) -> None:
    leave_copy(funnel, {"id": "x"}, funnel.read_bytes())
    app = KunderejseApp(funnel.parent, lang="en")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, 0.3)
        table = app.screen.query_one("#journeys", DataTable)
        row = table.get_row(str(funnel))
        assert "copy waiting" in str(row[2])  # the status column


# ---- failing saves


@pytest.mark.parametrize(
    ("code", "words"),
    [(errno.EROFS, "read-only"), (errno.ENOSPC, "disk is full"), (errno.EACCES, "permission")],
)
async def test_a_failing_save_keeps_edits_and_copy_and_says_why(
    funnel: Path, monkeypatch: pytest.MonkeyPatch, code: int, words: str
) -> None:
    before = funnel.read_bytes()
    app = KunderejseApp(funnel, lang="en")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        doc = the_map(app).document
        await pilot.press("d", "x")
        await settle(pilot)
        edited = doc.snapshot().data

        def refuse(src: str, dst: str) -> None:
            raise OSError(code, os.strerror(code))

        with monkeypatch.context() as m:
            m.setattr("kunderejse_tui.journey.fileio.os.replace", refuse)
            await pilot.press("ctrl+s")
            await settle(pilot)
        assert any(words in n and "not saved" in n for n in notifications(app))
        assert doc.dirty and _same(doc.data, edited)
        copy = find_recovery(funnel)
        assert copy is not None and _same(copy.data, edited)
        assert funnel.read_bytes() == before
        assert sorted(os.listdir(funnel.parent)) == [funnel.name]
        await pilot.press("ctrl+s")  # the disk is back
        await settle(pilot)
        assert not doc.dirty
    # The failed saves left the edits as they were; the one that went through dates them.
    assert _same(load_file(funnel).data, {**edited, "updated": datetime.date.today().isoformat()})
    assert find_recovery(funnel) is None


# ---- a second session


async def test_a_second_app_opens_read_only_until_it_takes_over(
    funnel: Path, other_session: subprocess.Popen[str]
) -> None:
    before = funnel.read_bytes()
    app = KunderejseApp(funnel, lang="en")
    async with app.run_test(size=SIZE) as pilot:
        await shows(pilot, ChoiceDialog)
        assert f"process {other_session.pid}" in dialog_body(app)
        await pilot.press("r")  # read-only
        await settle(pilot)
        screen = the_map(app)
        assert (screen.title or "").startswith("[read-only] ")
        await pilot.press("d", "x")
        await settle(pilot)
        assert not screen.document.dirty
        assert any("read-only" in n for n in notifications(app))
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert funnel.read_bytes() == before
        assert find_recovery(funnel) is None
        assert still_ours(other_session) == "True"
        await pilot.press("ctrl+t")  # take over
        await settle(pilot)
        assert not (screen.title or "").startswith("[read-only]")
        assert still_ours(other_session) == "False"
        await pilot.press("d", "x")
        await pilot.press("ctrl+s")
        await settle(pilot)
    assert len(load_file(funnel).data["stages"]) == 4


async def test_taking_over_at_once_from_the_dialog(
    funnel: Path, other_session: subprocess.Popen[str]
) -> None:
    app = KunderejseApp(funnel, lang="en")
    async with app.run_test(size=SIZE) as pilot:
        await shows(pilot, ChoiceDialog)
        await pilot.press("t")
        await settle(pilot)
        assert still_ours(other_session) == "False"
        await pilot.press("d", "x")
        await settle(pilot, 0.2)
        assert the_map(app).document.dirty
        assert find_recovery(funnel) is not None


async def test_a_session_that_was_taken_over_stops_saving(funnel: Path) -> None:
    app = KunderejseApp(funnel, lang="en")
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
        before = funnel.read_bytes()
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert funnel.read_bytes() == before
        assert any("took the journey over" in n for n in notifications(app))
        assert the_map(app).document.dirty  # the edits are still here


# ---- changed on disk


def change_on_disk(path: Path, stage: int, name: str) -> dict[str, Any]:
    theirs = load_file(path).data
    theirs["stages"][stage]["name"] = name
    save_journey(path, theirs)
    return theirs


async def _edit_then_colleague_then_save(
    pilot: Pilot[Any], funnel: Path, *, same_item: bool = False
) -> JourneyMapScreen:
    await settle(pilot)
    screen = the_map(pilot.app)  # type: ignore[arg-type]
    screen.document.editor.apply(SetValue(("stages", 0, "name"), "Tiltræk (mine)"))
    change_on_disk(funnel, 0 if same_item else 2, "Konverter (theirs)")
    await pilot.press("ctrl+s")
    await shows(pilot, ChoiceDialog)
    assert "was changed outside the app" in dialog_body(pilot.app)  # type: ignore[arg-type]
    return screen


async def test_changed_on_disk_merge_keeps_both_changes(funnel: Path) -> None:
    app = KunderejseApp(funnel, lang="en")
    async with app.run_test(size=SIZE) as pilot:
        screen = await _edit_then_colleague_then_save(pilot, funnel)
        await pilot.press("m")
        await settle(pilot)
        assert not screen.document.dirty
    data = load_file(funnel).data
    assert data["stages"][0]["name"] == "Tiltræk (mine)"
    assert data["stages"][2]["name"] == "Konverter (theirs)"


async def test_changed_on_disk_merge_with_a_conflict_says_so_and_writes_nothing(
    funnel: Path,
) -> None:
    app = KunderejseApp(funnel, lang="en")
    async with app.run_test(size=SIZE) as pilot:
        await _edit_then_colleague_then_save(pilot, funnel, same_item=True)
        theirs = funnel.read_bytes()
        await pilot.press("m")
        await pilot.pause(0.2)
        await shows(pilot, ChoiceDialog)
        assert "Both sides changed the same thing" in dialog_body(app)
        await pilot.press("o")
        await pilot.pause(0.2)
        await shows(pilot, ChoiceDialog)  # back to the choices
        assert "was changed outside the app" in dialog_body(app)
        await pilot.press("c")
        await settle(pilot)
        assert funnel.read_bytes() == theirs
        assert the_map(app).document.dirty


async def test_changed_on_disk_reload_asks_then_takes_theirs(funnel: Path) -> None:
    app = KunderejseApp(funnel, lang="en")
    async with app.run_test(size=SIZE) as pilot:
        screen = await _edit_then_colleague_then_save(pilot, funnel)
        theirs = funnel.read_bytes()
        await pilot.press("r")
        await pilot.pause(0.2)
        await shows(pilot, ChoiceDialog)
        assert "Lose your edits?" in str(app.screen.query_one("#dialog-title").render())
        await pilot.press("y")
        await settle(pilot)
        assert not screen.document.dirty
        assert screen.document.data["stages"][2]["name"] == "Konverter (theirs)"
        assert screen.document.data["stages"][0]["name"] != "Tiltræk (mine)"
        assert funnel.read_bytes() == theirs
        assert find_recovery(funnel) is None


async def test_changed_on_disk_keep_mine_overwrites(funnel: Path) -> None:
    app = KunderejseApp(funnel, lang="en")
    async with app.run_test(size=SIZE) as pilot:
        await _edit_then_colleague_then_save(pilot, funnel)
        await pilot.press("k")
        await settle(pilot)
    data = load_file(funnel).data
    assert data["stages"][0]["name"] == "Tiltræk (mine)"
    assert data["stages"][2]["name"] != "Konverter (theirs)"


async def test_changed_on_disk_save_mine_as_a_new_file(funnel: Path) -> None:
    app = KunderejseApp(funnel, lang="en")
    async with app.run_test(size=SIZE) as pilot:
        screen = await _edit_then_colleague_then_save(pilot, funnel)
        theirs = funnel.read_bytes()
        await pilot.press("n")
        await shows(pilot, PromptDialog)
        await pilot.press("enter")  # the suggested name
        await settle(pilot)
        new = funnel.with_name("bilkoeb-privat-mine.journey.yaml")
        assert screen.document.path == new and not screen.document.dirty
        assert lock_file(new).exists() and not lock_file(funnel).exists()
    assert funnel.read_bytes() == theirs
    assert load_file(new).data["stages"][0]["name"] == "Tiltræk (mine)"


async def test_changed_on_disk_show_the_difference_then_cancel(funnel: Path) -> None:
    app = KunderejseApp(funnel, lang="en")
    async with app.run_test(size=SIZE) as pilot:
        await _edit_then_colleague_then_save(pilot, funnel)
        theirs = funnel.read_bytes()
        await pilot.press("d")
        await shows(pilot, DiffScreen)
        shown = str(app.screen.query_one("#diff-text", Static).render())
        assert "-    name: Konverter (theirs)" in shown
        assert "+    name: Tiltræk (mine)" in shown
        await pilot.press("escape")
        await shows(pilot, ChoiceDialog)
        await pilot.press("escape")  # cancel: nothing written, edits kept
        await settle(pilot)
        assert isinstance(app.screen, JourneyMapScreen)
        assert funnel.read_bytes() == theirs and app.screen.document.dirty


async def test_regaining_focus_reloads_a_clean_journey_that_changed(funnel: Path) -> None:
    app = KunderejseApp(funnel, lang="en")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        change_on_disk(funnel, 2, "Konverter (theirs)")
        assert app.journey is not None
        app.journey.app_focused()
        await settle(pilot)
        doc = the_map(app).document
        assert doc.data["stages"][2]["name"] == "Konverter (theirs)" and not doc.dirty
        assert not doc.changed_on_disk()


async def test_regaining_focus_with_edits_asks_at_once(funnel: Path) -> None:
    app = KunderejseApp(funnel, lang="en")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        the_map(app).document.editor.apply(SetValue(("stages", 0, "name"), "Tiltræk (mine)"))
        change_on_disk(funnel, 2, "Konverter (theirs)")
        assert app.journey is not None
        app.journey.app_focused()
        await shows(pilot, ChoiceDialog)
        await pilot.press("m")
        await settle(pilot)
    data = load_file(funnel).data
    assert (data["stages"][0]["name"], data["stages"][2]["name"]) == (
        "Tiltræk (mine)",
        "Konverter (theirs)",
    )
