"""A recovery copy's life in the real app (tmux, real signals): it disappears only after
Restore-and-save or an explicit Discard, and each session's edits have a copy of their own.
(Issue 15, items 1, 2 and 12.)"""

from __future__ import annotations

import datetime
import signal
import time
from pathlib import Path
from typing import Any

import pytest

from kunderejse_tui.journey import recovery
from kunderejse_tui.journey.fileio import _same
from kunderejse_tui.journey.locks import lock_file
from kunderejse_tui.journey.recovery import list_recoveries
from kunderejse_tui.journey.yamlio import load_file
from tests.tmux_app import ROOT, TmuxApp, wait_until

SAMPLE = ROOT / "sample_journeys" / "bilkoeb-privat.journey.yaml"
TITLE = "Privatkunder"  # in the map's title, after the unsaved mark "● "


def dated(data: dict[str, Any]) -> dict[str, Any]:
    """``data`` as the app saves it: a save with changes sets ``updated:`` to today."""
    return {**data, "updated": datetime.date.today().isoformat()}


def start(apps: list[TmuxApp], journey: Path, state: Path, delay: float = 0.3) -> TmuxApp:
    app = TmuxApp([journey], state, delay)
    apps.append(app)
    return app


def copies_holding(data: dict[str, Any]) -> list[recovery.Recovery]:
    return [rec for rec in list_recoveries() if _same(rec.data, data)]


def crash_with_an_edit(apps: list[TmuxApp], journey: Path, state: Path) -> dict[str, Any]:
    """An app deletes the first stage, its copy is written, and it is killed (-9)."""
    expected = load_file(journey).data
    first = expected["stages"].pop(0)
    app = start(apps, journey, state)
    app.wait_for(first["name"])
    wait_until("the session lock", lock_file(journey).exists)
    app.delete_stage()
    app.wait_for(f"● {TITLE}")
    wait_until("the recovery copy", lambda: copies_holding(expected))
    app.signal(signal.SIGKILL)
    app.wait_gone()
    return expected


# ---- item 1: leaving while "unsaved changes found" is up keeps the copy


@pytest.mark.parametrize("how", ["ctrl+q", "SIGHUP", "terminal-closed", "SIGTERM"])
def test_leaving_while_the_copy_is_offered_keeps_it(
    apps: list[TmuxApp], journey: Path, state: Path, how: str
) -> None:
    original = journey.read_bytes()
    expected = crash_with_an_edit(apps, journey, state)
    app = start(apps, journey, state)
    app.wait_for("Unsaved changes found")
    if how == "ctrl+q":
        app.keys("C-q")
    elif how == "terminal-closed":
        app.close_terminal()
    else:
        app.signal(getattr(signal, how))
    app.wait_gone()
    assert journey.read_bytes() == original
    assert copies_holding(expected), f"the copy is gone after {how}"
    # And it is still offered: restore, save, and the edit is in the file.
    again = start(apps, journey, state)
    again.wait_for("Unsaved changes found")
    again.keys("r")
    again.wait_for(f"● {TITLE}")
    again.keys("C-s")
    wait_until("the save", lambda: journey.read_bytes() != original)
    assert _same(load_file(journey).data, dated(expected))
    wait_until("the copy to go after the save", lambda: not list_recoveries())
    again.keys("C-q")
    again.wait_gone()


# ---- item 2: two sessions, two copies


def edit_in_a_second_session(
    apps: list[TmuxApp], journey: Path, state: Path, *, via: str
) -> tuple[TmuxApp, dict[str, Any]]:
    """Session B opens the journey A has, takes it over (ctrl+t after read-only, or at once
    from the dialog) and deletes the second stage; returns B and what B's journey holds."""
    expected = load_file(journey).data
    expected["stages"].pop(1)
    b = start(apps, journey, state)
    b.wait_for("The journey is open elsewhere")
    if via == "ctrl+t":
        b.keys("r")
        b.wait_for("[read-only]")

        def took_over() -> bool:
            # ctrl+t is bound once the map's start-up is over: press until it is.
            b.keys("C-t")
            return "You took the journey over" in b.screen() or "[read-only]" not in b.screen()

        wait_until("the take-over", took_over)
    else:
        b.keys("t")
        b.wait_for("You took the journey over")
    b.keys("l")
    b.delete_stage()
    b.wait_for(f"● {TITLE}")
    wait_until("B's recovery copy", lambda: copies_holding(expected))
    return b, expected


@pytest.mark.parametrize("a_ends", ["SIGKILL", "SIGHUP", "SIGTERM"])
def test_two_sessions_editing_one_journey_both_keep_their_edits(
    apps: list[TmuxApp], journey: Path, state: Path, a_ends: str
) -> None:
    original = journey.read_bytes()
    ours = load_file(journey).data
    ours["stages"].pop(0)
    a = start(apps, journey, state)
    wait_until("A's session lock", lock_file(journey).exists)
    a.delete_stage()
    a.wait_for(f"● {TITLE}")
    wait_until("A's recovery copy", lambda: copies_holding(ours))
    b, theirs = edit_in_a_second_session(apps, journey, state, via="ctrl+t")
    a.signal(getattr(signal, a_ends))
    a.wait_gone()
    assert copies_holding(ours), "A's edits are gone"
    assert copies_holding(theirs), "B's edits are gone"
    b.signal(signal.SIGKILL)
    b.wait_gone()
    assert journey.read_bytes() == original
    # The next session offers both, newest (B's) first; "n" goes on to the next one.
    c = start(apps, journey, state)
    c.wait_for("Unsaved changes found")
    c.wait_for(f"process {b.pid}")
    c.keys("n")
    c.wait_for(f"process {a.pid}")
    c.keys("r")
    c.wait_for(f"● {TITLE}")
    c.keys("C-s")
    wait_until("the save", lambda: journey.read_bytes() != original)
    assert _same(load_file(journey).data, dated(ours))
    # A's copy went with the save; B's still waits for its own decision.
    wait_until("A's copy to go", lambda: not copies_holding(ours))
    assert copies_holding(theirs)


def test_a_session_without_edits_leaving_keeps_the_other_sessions_copy(
    apps: list[TmuxApp], journey: Path, state: Path
) -> None:
    a = start(apps, journey, state)
    wait_until("A's session lock", lock_file(journey).exists)
    b, theirs = edit_in_a_second_session(apps, journey, state, via="dialog")
    a.keys("C-q")
    a.wait_gone()
    assert copies_holding(theirs), "A's quitting deleted B's copy"
    b.keys("C-q")
    b.wait_for("Quit")


def test_a_session_that_lost_the_journey_saves_its_edits_as_a_new_file(
    apps: list[TmuxApp], journey: Path, state: Path
) -> None:
    original = journey.read_bytes()
    ours = load_file(journey).data
    ours["stages"].pop(0)
    a = start(apps, journey, state)
    wait_until("A's session lock", lock_file(journey).exists)
    a.delete_stage()
    a.wait_for(f"● {TITLE}")
    edit_in_a_second_session(apps, journey, state, via="dialog")
    a.keys("C-s")
    a.wait_for("[read-only]")
    a.keys("S")
    a.wait_for("Save as a new file")
    a.keys("Enter")
    mine = journey.parent / journey.name.replace(".journey.yaml", "-mine.journey.yaml")
    wait_until("the new file", mine.exists)
    wait_until("the whole new file", lambda: _same(load_file(mine).data, dated(ours)))
    assert journey.read_bytes() == original


# ---- item 12: SIGTERM during a big save


def test_a_save_that_completed_under_sigterm_leaves_no_copy_to_offer(
    apps: list[TmuxApp], journey: Path, state: Path
) -> None:
    """The state a big save leaves when SIGTERM comes while it renders: the handler wrote
    the copy, then the save's rename went through, and the app ended before removing the
    copy. Here the signal is real and the save's last step is done by hand (with the
    app's own writer), because a real save's length under load decides the race."""
    from kunderejse_tui.journey.fileio import save_journey

    loaded = load_file(journey)
    expected = load_file(journey).data
    expected["stages"].pop(0)
    app = start(apps, journey, state, delay=3600)  # only the signal handler writes a copy
    wait_until("the session lock", lock_file(journey).exists)
    app.delete_stage()
    app.wait_for(f"● {TITLE}")
    app.signal(signal.SIGTERM)
    app.wait_gone()
    assert copies_holding(expected)
    save_journey(journey, expected, schema_line=loaded.schema_line)
    again = start(apps, journey, state)
    wait_until("the second session's lock", lock_file(journey).exists)
    again.wait_for(TITLE)
    time.sleep(3.0)  # the guard looks for copies right after taking the lock
    assert "Unsaved changes found" not in again.screen()
    assert not list_recoveries(), "a copy of the saved text is left behind"
