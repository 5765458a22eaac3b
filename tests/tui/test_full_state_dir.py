"""A full state folder (ENOSPC, injected where locks and copies are written): the app
opens, says once that recovery copies and locks are unavailable, and edits and saves as
usual. (Issue 15, item 7; the read-only folder is a real one in tests/test_unwritable_state.py.)"""

from __future__ import annotations

import errno
from pathlib import Path

import pytest

from kunderejse_tui.journey.yamlio import load_file
from kunderejse_tui.tui import recovery_service
from kunderejse_tui.tui.app import KunderejseApp
from tests.tui.helpers import settle


def full(*args: object, **kwargs: object) -> None:
    raise OSError(errno.ENOSPC, "No space left on device")


async def test_a_full_state_folder_is_said_once_and_the_journey_saves(
    funnel: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(recovery_service, "RECOVERY_DELAY", 0.05)
    monkeypatch.setattr("kunderejse_tui.journey.locks.write_bytes_atomic", full)
    monkeypatch.setattr("kunderejse_tui.journey.recovery.write_bytes_atomic", full)
    app = KunderejseApp(funnel, lang="en")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot, 0.2)
        said = [n.message for n in app._notifications if "Recovery copies" in n.message]
        assert len(said) == 1 and "full" in said[0]
        assert app.journey is not None and not app.journey.read_only
        await pilot.press("d")
        await settle(pilot)
        await pilot.press("x")  # the stage holds items: confirm
        await settle(pilot, 0.3)  # several copy rounds: each fails, none says so again
        await pilot.press("d")
        await settle(pilot)
        await pilot.press("x")  # the stage holds items: confirm
        await settle(pilot, 0.3)
        messages = [n.message for n in app._notifications]
        assert sum("Recovery copies" in m or "recovery copy" in m for m in messages) == 1
        edited = app.journey.document.snapshot().data
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert not app.journey.document.dirty
    assert load_file(funnel).data == {**edited, "updated": app.today().isoformat()}
