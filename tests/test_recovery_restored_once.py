"""A restored copy is offered once: after copy X is restored into session Y, X goes as soon
as Y's own copy holds its edits (or Y saves), so a crash of Y leaves one copy, not two.
(Issue 15, item 2: "offer every copy", without offering one twice.) Real app, real kill."""

from __future__ import annotations

import signal
from pathlib import Path

from kunderejse_tui.journey.fileio import _same
from kunderejse_tui.journey.locks import lock_file
from kunderejse_tui.journey.recovery import list_recoveries
from kunderejse_tui.journey.yamlio import load_file
from tests.tmux_app import ROOT, TmuxApp, wait_until

SAMPLE = ROOT / "sample_journeys" / "bilkoeb-privat.journey.yaml"
TITLE = "Privatkunder"


def start(apps: list[TmuxApp], journey: Path, state: Path) -> TmuxApp:
    app = TmuxApp([journey], state, 0.3)
    apps.append(app)
    return app


def test_a_restored_copy_is_not_offered_again_after_the_next_crash(
    apps: list[TmuxApp], journey: Path, state: Path
) -> None:
    original = journey.read_bytes()
    expected = load_file(journey).data
    expected["stages"].pop(0)
    first = start(apps, journey, state)
    wait_until("the session lock", lock_file(journey).exists)
    first.keys("d")
    first.wait_for("Delete?")
    first.keys("x")
    first.wait_for(f"● {TITLE}")
    wait_until("X, the first session's copy", list_recoveries)
    first.signal(signal.SIGKILL)
    first.wait_gone()
    [x] = list_recoveries()
    # Y restores X; Y's own copy then holds the same edits, and X must go.
    y = start(apps, journey, state)
    y.wait_for("Unsaved changes found")
    y.keys("r")
    y.wait_for(f"● {TITLE}")
    wait_until("Y's own copy", lambda: any(rec.session != x.session for rec in list_recoveries()))
    wait_until("X to go once Y's copy holds it", lambda: x.record.exists() is False)
    y.signal(signal.SIGKILL)
    y.wait_gone()
    [left] = list_recoveries()
    assert _same(left.data, expected)
    # The next session asks once (no "Copy 1 of 2"), and the edits are all there.
    z = start(apps, journey, state)
    z.wait_for("Unsaved changes found")
    assert "Copy 1 of 2" not in z.screen()
    z.keys("r")
    z.wait_for(f"● {TITLE}")
    z.keys("C-s")
    wait_until("the save", lambda: journey.read_bytes() != original)
    assert _same(
        load_file(journey).data, {**expected, "updated": load_file(journey).data["updated"]}
    )
    wait_until("no copy left after the save", lambda: not list_recoveries())
    z.keys("C-q")
    z.wait_gone()
